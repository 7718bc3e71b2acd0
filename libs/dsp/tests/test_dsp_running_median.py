"""The running median equals the median of each mirrored window, and scipy.ndimage's median filter.

The reference is numpy's median over every window of the symmetrically padded axis. scipy's
`median_filter` is compared too, but only where the window fits in the axis: with a window longer
than the axis (31 over 3 rows), scipy 1.17.1 once returned NaN for finite input in CI and the
same call was clean on the next 2000 tries, so it is not a reference there.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from numpy.lib.stride_tricks import sliding_window_view
from scipy.ndimage import median_filter

from soundforge.dsp.running_median import median_along


def _window_medians(values: npt.NDArray[np.float32], size: int, axis: int) -> npt.NDArray[np.float32]:
    half = size // 2
    pad = [(0, 0), (0, 0)]
    pad[axis] = (half, half)
    padded = np.pad(values, pad, mode="symmetric")
    return np.median(sliding_window_view(padded, size, axis=axis), axis=-1).astype(np.float32)


@pytest.mark.parametrize("shape", [(5, 3), (3, 40), (7, 1), (1, 16), (60, 250)])
@pytest.mark.parametrize(("axis", "size"), [(-1, 31), (-2, 31), (-1, 5), (0, 3)])
def test_equals_the_window_median_bit_for_bit(shape: tuple[int, int], axis: int, size: int) -> None:
    values = np.random.default_rng(1).random(shape).astype(np.float32)
    values[values < 0.2] = 0.0  # ties, as silent bins give
    got = median_along(values, size, axis)
    assert np.array_equal(got, _window_medians(values, size, axis))
    if size <= shape[axis]:
        footprint = [1, 1]
        footprint[axis] = size
        assert np.array_equal(got, median_filter(values, size=tuple(footprint), mode="reflect"))


def test_the_reference_is_not_the_identity() -> None:
    values = np.array([[0.0, 1.0, 0.0, 0.0, 5.0, 0.0]], np.float32)
    assert _window_medians(values, 3, -1).tolist() == [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]
    assert median_along(values, 3, -1).tolist() == [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]


def test_an_even_window_is_refused() -> None:
    with pytest.raises(ValueError):
        median_along(np.zeros((2, 8), np.float32), 4, -1)
