"""The object-key layout: every key a user owns is under their prefix, and ids cannot escape it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from soundforge.runtime.errors import InvalidArgument
from soundforge.storage import keys, validate_key


def test_track_objects_live_under_the_track_prefix_under_the_owner_prefix() -> None:
    prefix = keys.track_prefix("u1", "t1")
    assert prefix == "users/u1/tracks/t1/"
    assert prefix.startswith(keys.user_prefix("u1"))
    made = {
        keys.source_key("u1", "t1", "mp3"): "users/u1/tracks/t1/source.mp3",
        keys.canonical_key("u1", "t1"): "users/u1/tracks/t1/canonical.flac",
        keys.stem_key("u1", "t1", "j1", "vocals"): "users/u1/tracks/t1/stems/j1/vocals.wav",
        keys.spectrogram_key("u1", "t1"): "users/u1/tracks/t1/spectrograms/mel.png",
        keys.spectrogram_key("u1", "t1", "source"): "users/u1/tracks/t1/spectrograms/source.png",
    }
    for key, expected in made.items():
        assert key == expected
        assert key.startswith(prefix)
        assert validate_key(key) == key
        assert keys.owned_by(key, "u1")
        assert not keys.owned_by(key, "u2")


def test_a_spectrogram_lies_beside_its_audio() -> None:
    assert keys.spectrogram_key_for("users/u1/tracks/t1/source.wav") == keys.spectrogram_key(
        "u1", "t1", "source"
    )
    assert keys.spectrogram_key_for("users/u1/gen/clip.v2.mp3") == "users/u1/gen/spectrograms/clip.v2.png"


def test_staged_uploads_are_outside_every_owner_prefix() -> None:
    staged = keys.staging_key("u1", "abc")
    assert staged == "staging/u1/abc"
    assert staged.startswith(keys.STAGING_PREFIX)
    assert keys.staging_meta_key("u1", "abc") == "staging/u1/abc.json"
    assert not keys.owned_by(staged, "u1")


def test_owned_by_is_a_whole_component_match() -> None:
    assert not keys.owned_by("users/u10/tracks/t1/source.wav", "u1")
    assert not keys.owned_by("users/u1", "u1")
    assert keys.owned_by("users/u1/notes.wav", "u1")


@pytest.mark.parametrize("owner", ["", "u1/../u2", ".", "..", "a\\b"])
def test_an_empty_or_malformed_owner_owns_nothing(owner: str) -> None:
    assert not keys.owned_by("users//x.wav", owner)
    assert not keys.owned_by(f"users/{owner}/x.wav", owner)
    with pytest.raises(InvalidArgument):
        keys.user_prefix(owner)


@pytest.mark.parametrize(
    "build",
    [
        lambda: keys.track_prefix("u1", ""),
        lambda: keys.track_prefix("u1", "t/../../u2"),
        lambda: keys.source_key("", "t1", "wav"),
        lambda: keys.stem_key("u1", "t1", "j1", "../x"),
        lambda: keys.staging_key("u1", ".hidden"),
    ],
)
def test_a_component_that_could_leave_its_prefix_is_refused(build: Callable[[], str]) -> None:
    with pytest.raises(InvalidArgument):
        build()
