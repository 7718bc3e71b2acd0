"""Struct round trips keep the values JSON clients put in: integral numbers stay ints."""

from __future__ import annotations

from soundforge.runtime.convert import dict_from_struct, struct_from_dict


def test_integral_numbers_come_back_as_ints_and_fractions_stay_floats() -> None:
    value = {
        "beats_per_bar": 4,
        "tempo": 123.5,
        "beats": [0.5, 1, 1.5],
        "nested": {"count": 0, "ratio": -2.25, "label": "8A", "flag": True, "none": None},
    }

    restored = dict_from_struct(struct_from_dict(value))

    assert restored == value
    assert isinstance(restored["beats_per_bar"], int)
    assert isinstance(restored["beats"][1], int)
    assert isinstance(restored["tempo"], float)
    assert restored["nested"]["flag"] is True


def test_numbers_beyond_exact_double_range_stay_floats() -> None:
    restored = dict_from_struct(struct_from_dict({"huge": 1e300}))

    assert isinstance(restored["huge"], float)
