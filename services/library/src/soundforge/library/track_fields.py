"""Rules for the track metadata people edit (title, artist, bpm, musical key, tags): check and normalise."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from soundforge.library.models import TAG_MAX_LENGTH
from soundforge.runtime.errors import ValidationFailed

BLANK = "can't be blank"
TEXT_MAX_LENGTH = 500  # the column width of tracks.title / tracks.artist
BPM_MIN, BPM_MAX = 1.0, 400.0
TAG_LENGTH = min(40, TAG_MAX_LENGTH)  # never more than the column holds
MAX_TAGS = 32

# "A minor", "F# major", "Bb minor" (any case; ♯/♭ accepted) or a Camelot code "1A".."12B".
_MUSICAL_KEY = re.compile(r"^([A-G])([#♯B♭]?)\s+(MAJOR|MINOR)$")
_CAMELOT = re.compile(r"^(1[0-2]|[1-9])([AB])$")
KEY_HINT = 'must be a key such as "A minor", "F# major" or a Camelot code such as "8A"'

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class TrackEdit:
    """Validated, normalised edits; None leaves a field as it is."""

    title: str | None = None
    artist: str | None = None
    bpm: float | None = None
    key: str | None = None
    tags: list[str] | None = None


class InvalidField(ValueError):
    """One field's problems, each a message a client can show next to the field."""

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def normalise_key(value: str) -> str:
    """ "a minor" -> "A minor", "f♯ MAJOR" -> "F# major", "8a" -> "8A", "" -> "" (no key)."""
    text = " ".join(value.split()).upper()
    if not text:
        return ""
    if camelot := _CAMELOT.match(text):
        return camelot.group(1) + camelot.group(2)
    if musical := _MUSICAL_KEY.match(text):
        note, accidental, mode = musical.groups()
        accidental = {"♯": "#", "B": "b", "♭": "b"}.get(accidental, accidental)
        return f"{note}{accidental} {mode.lower()}"
    raise InvalidField(KEY_HINT)


def normalise_tags(tags: list[str]) -> list[str]:
    """Trimmed, lower-case, without repeats (the first kept); InvalidField lists what is wrong."""
    problems: list[str] = []
    cleaned: list[str] = []
    for raw in tags:
        tag = raw.strip().lower()
        if not tag:
            problems.append(f"a tag {BLANK}")
        elif len(tag) > TAG_LENGTH:
            problems.append(f"a tag is at most {TAG_LENGTH} characters")
        elif tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        problems.append(f"at most {MAX_TAGS} tags")
    if problems:
        raise InvalidField(*dict.fromkeys(problems))
    return cleaned


def check_tags(tags: list[str]) -> list[str]:
    """normalise_tags, raising the field-level ValidationFailed a client sees as 422."""
    try:
        return normalise_tags(tags)
    except InvalidField as err:
        raise ValidationFailed({"tags": err.messages}) from None


def _title(value: str) -> str:
    return _text(value, required=True)


def _artist(value: str) -> str:
    return _text(value, required=False)


def _text(value: str, *, required: bool) -> str:
    text = value.strip()
    if required and not text:
        raise InvalidField(BLANK)
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidField(f"is too long (at most {TEXT_MAX_LENGTH} characters)")
    return text


def _bpm(value: float) -> float:
    if not math.isfinite(value) or not BPM_MIN <= value <= BPM_MAX:
        raise InvalidField(f"must be between {BPM_MIN:g} and {BPM_MAX:g}")
    return value


class _Checker:
    """Applies each field's rule, collecting problems so one 422 names every mistake."""

    def __init__(self) -> None:
        self.problems: dict[str, list[str]] = {}

    def check(self, name: str, value: T | None, rule: Callable[[T], R]) -> R | None:
        if value is None:
            return None
        try:
            return rule(value)
        except InvalidField as err:
            self.problems[name] = err.messages
            return None


def check_edit(
    *,
    title: str | None = None,
    artist: str | None = None,
    bpm: float | None = None,
    key: str | None = None,
    tags: list[str] | None = None,
) -> TrackEdit:
    """The edit with every given field checked and normalised; ValidationFailed names each bad field."""
    checker = _Checker()
    edit = TrackEdit(
        title=checker.check("title", title, _title),
        artist=checker.check("artist", artist, _artist),
        bpm=checker.check("bpm", bpm, _bpm),
        key=checker.check("key", key, normalise_key),
        tags=checker.check("tags", tags, normalise_tags),
    )
    if checker.problems:
        raise ValidationFailed(checker.problems)
    return edit
