"""The running median equals scipy.ndimage's median filter with a 1-D window, edges included."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.ndimage import median_filter

from soundforge.dsp.running_median import median_along


@pytest.mark.parametrize("shape", [(5, 3), (3, 40), (7, 1), (1, 16), (60, 250)])
@pytest.mark.parametrize(("axis", "size"), [(-1, 31), (-2, 31), (-1, 5), (0, 3)])
def test_equals_the_generic_filter_bit_for_bit(shape: tuple[int, int], axis: int, size: int) -> None:
    values = np.random.default_rng(1).random(shape).astype(np.float32)
    values[values < 0.2] = 0.0  # ties, as silent bins give
    footprint = [1, 1]
    footprint[axis] = size
    expected = median_filter(values, size=tuple(footprint), mode="reflect")
    assert np.array_equal(median_along(values, size, axis), expected)


def test_an_even_window_is_refused() -> None:
    with pytest.raises(ValueError):
        median_along(np.zeros((2, 8), np.float32), 4, -1)
