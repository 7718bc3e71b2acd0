"""The rules of editable track metadata (title, artist, bpm, key, tags), without any I/O."""

from __future__ import annotations

import pytest

from soundforge.library.track_fields import (
    KEY_HINT,
    MAX_TAGS,
    InvalidField,
    check_edit,
    normalise_key,
    normalise_tags,
)
from soundforge.runtime.errors import ValidationFailed


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("A minor", "A minor"),
        ("a MINOR", "A minor"),
        ("F# major", "F# major"),
        ("f♯  major", "F# major"),
        ("Bb minor", "Bb minor"),
        ("B♭ major", "Bb major"),
        ("b minor", "B minor"),
        ("8A", "8A"),
        ("12b", "12B"),
        (" 1a ", "1A"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_keys_are_normalised(given: str, stored: str) -> None:
    assert normalise_key(given) == stored


@pytest.mark.parametrize(
    "given", ["H minor", "A", "Am", "A dorian", "13A", "0B", "8C", "A# minor x", "A#b minor"]
)
def test_unknown_keys_are_refused(given: str) -> None:
    with pytest.raises(InvalidField) as caught:
        normalise_key(given)
    assert caught.value.messages == [KEY_HINT]


def test_tags_are_trimmed_lowered_and_deduplicated_in_order() -> None:
    assert normalise_tags([" Techno", "house", "TECHNO ", "Deep House"]) == ["techno", "house", "deep house"]
    assert normalise_tags([]) == []
    assert normalise_tags(["x" * 40]) == ["x" * 40]


def test_bad_tags_are_all_reported() -> None:
    with pytest.raises(InvalidField) as caught:
        normalise_tags(["ok", " ", "y" * 41, ""])
    assert caught.value.messages == ["a tag can't be blank", "a tag is at most 40 characters"]
    with pytest.raises(InvalidField) as caught:
        normalise_tags([f"tag{n}" for n in range(MAX_TAGS + 1)])
    assert caught.value.messages == [f"at most {MAX_TAGS} tags"]
    # Repeats count once: 33 spellings of 32 tags are fine.
    assert len(normalise_tags([f"tag{n}" for n in range(MAX_TAGS)] + ["TAG0"])) == MAX_TAGS


def test_check_edit_normalises_the_given_fields_only() -> None:
    edit = check_edit(title="  New name ", bpm=128, key="c# minor", tags=["Dub"])
    assert (edit.title, edit.artist, edit.bpm, edit.key, edit.tags) == (
        "New name",
        None,
        128,
        "C# minor",
        ["dub"],
    )
    cleared = check_edit(artist="", key="", tags=[])
    assert (cleared.artist, cleared.key, cleared.tags) == ("", "", [])


def test_check_edit_reports_every_bad_field_at_once() -> None:
    with pytest.raises(ValidationFailed) as caught:
        check_edit(title=" ", artist="a" * 501, bpm=0.5, key="Q major", tags=[""])
    assert caught.value.details == {
        "title": ["can't be blank"],
        "artist": ["is too long (at most 500 characters)"],
        "bpm": ["must be between 1 and 400"],
        "key": [KEY_HINT],
        "tags": ["a tag can't be blank"],
    }


@pytest.mark.parametrize("bpm", [0.0, 400.01, -120.0, float("nan"), float("inf")])
def test_bpm_outside_1_to_400_is_refused(bpm: float) -> None:
    with pytest.raises(ValidationFailed) as caught:
        check_edit(bpm=bpm)
    assert caught.value.details == {"bpm": ["must be between 1 and 400"]}


@pytest.mark.parametrize("bpm", [1.0, 400.0, 97.25])
def test_bpm_bounds_are_inclusive(bpm: float) -> None:
    assert check_edit(bpm=bpm).bpm == bpm
