"""What the labelled material is written in: scales, chord qualities, progressions, General MIDI drums."""

from __future__ import annotations

import re
from dataclasses import dataclass

Chord = tuple[int, str]  # (root in semitones above the tonic, quality)

IONIAN = (0, 2, 4, 5, 7, 9, 11)
AEOLIAN = (0, 2, 3, 5, 7, 8, 10)
DORIAN = (0, 2, 3, 5, 7, 9, 10)
PHRYGIAN = (0, 1, 3, 5, 7, 8, 10)
LYDIAN = (0, 2, 4, 6, 7, 9, 11)
MIXOLYDIAN = (0, 2, 4, 5, 7, 9, 10)
QUALITIES = {
    "maj": (0, 4, 7),
    "min": (0, 3, 7),
    "dom7": (0, 4, 7, 10),
    "maj7": (0, 4, 7, 11),
    "min7": (0, 3, 7, 10),
}


@dataclass(frozen=True)
class Progression:
    name: str
    mode: str  # the label's mode
    scale: tuple[int, ...]  # what the melody draws on
    chords: tuple[Chord, ...]  # one per bar
    own: str = ""  # the split that alone has it; "" for every split

    def in_split(self, split: str) -> bool:
        """Shared progressions are in every split; a split's own, in that split only."""
        return self.own in ("", split)


def written(name: str, mode: str, chords: str, scale: tuple[int, ...] = (), own: str = "") -> Progression:
    """Chords written "9m 5 0 7d7": root semitones, then m / d7 (dominant) / M7 / m7 (none: major)."""
    suffixes = {"": "maj", "m": "min", "d7": "dom7", "M7": "maj7", "m7": "min7"}
    parsed = []
    for token in chords.split():
        found = re.fullmatch(r"(\d+)(m7|M7|d7|m|)", token)
        assert found is not None, token
        parsed.append((int(found[1]), suffixes[found[2]]))
    default = IONIAN if mode == "major" else AEOLIAN
    return Progression(name, mode, scale or default, tuple(parsed), own)


# General MIDI drum notes (the drum channel's pitches).
KICK, SNARE, CLAP, CLOSED_HAT, OPEN_HAT, RIDE = 36, 38, 39, 42, 46, 51
RIMSHOT, PEDAL_HAT, TAMBOURINE, COWBELL = 37, 44, 54, 56
ACCENTED = (KICK, SNARE, CLAP, RIMSHOT)
