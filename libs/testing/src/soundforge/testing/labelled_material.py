"""What the labelled clips draw on, per split: progressions, meters, General MIDI instruments, drum patterns.

Each split has material no other split has. The held-out draws keep exactly the pools they were
first measured with (its clips never change when the tune split grows); the tune split adds
material of its own (more progressions and modes, drum patterns, instruments and kits, a wider
tempo range) so that what the methods are tuned on is as varied as music, not as varied as the
first few progressions written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPLITS = ("tune", "held-out")
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
    held_out_only: bool = False
    tune_only: bool = False

    def in_split(self, split: str) -> bool:
        return not (self.held_out_only and split != "held-out") and not (self.tune_only and split != "tune")


def written(
    name: str, mode: str, chords: str, scale: tuple[int, ...] = (), held_out: bool = False, tune: bool = False
) -> Progression:
    """Chords written "9m 5 0 7d7": root semitones, then m / d7 (dominant) / M7 / m7 (none: major)."""
    suffixes = {"": "maj", "m": "min", "d7": "dom7", "M7": "maj7", "m7": "min7"}
    parsed = []
    for token in chords.split():
        found = re.fullmatch(r"(\d+)(m7|M7|d7|m|)", token)
        assert found is not None, token
        parsed.append((int(found[1]), suffixes[found[2]]))
    default = IONIAN if mode == "major" else AEOLIAN
    return Progression(name, mode, scale or default, tuple(parsed), held_out, tune)


PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    "dwelling": (
        written("vi-IV-I-V vi-IV-V-I", "major", "9m 5 0 7 9m 5 7 0"),
        written("vi vi IV IV ii ii V I", "major", "9m 9m 5 5 2m 2m 7 0"),
        written("ii-V-I ii-V-vi", "major", "2m7 7d7 0M7 0M7 2m7 7d7 9m7 9m7"),
        written("IV IV I I IV V I I", "major", "5 5 0 0 5 7 0 0"),
        written("I-vi-ii-V", "major", "0 9m 2m 7"),
        written("vi-ii-V-I", "major", "9m 2m 7 0", held_out=True),
        written("IV-V-vi-vi IV-V-I-I", "major", "5 7 9m 9m 5 7 0 0", held_out=True),
        written("ii-IV-vi-V ii-IV-V-I", "major", "2m 5 9m 7 2m 5 7 0", held_out=True),
        written("I-V-vi-IV", "major", "0 7 9m 5", tune=True),
        written("vi-V-IV-V vi-IV-V-I", "major", "9m 7 5 7 9m 5 7 0", tune=True),
        written("IVM7-V7-iii7-vi7 IVM7-V7-I-I", "major", "5M7 7d7 4m7 9m7 5M7 7d7 0 0", tune=True),
        written("ii7 ii7 V7 V7 IM7 IM7 IVM7 IVM7", "major", "2m7 2m7 7d7 7d7 0M7 0M7 5M7 5M7", tune=True),
        written("vi-iii-IV-I", "major", "9m 4m 5 0", tune=True),
        written("I-IV-ii-V", "major", "0 5 2m 7", tune=True),
        written("i-VI-III-VII i-VI-iv-V", "minor", "0m 8 3 10 0m 8 5m 7"),
        written("III III VI VI iv V i i", "minor", "3 3 8 8 5m 7 0m 0m"),
        written("iv iv i i VI iv V i", "minor", "5m 5m 0m 0m 8 5m 7 0m"),
        written("i-VII-VI-V", "minor", "0m 10 8 7"),
        written("i-iv-VII-III VI-iv-V-i", "minor", "0m 5m 10 3 8 5m 7 0m", held_out=True),
        written("VI-VII-i-i VI-VII-V-i", "minor", "8 10 0m 0m 8 10 7 0m", held_out=True),
        written("i-III-VII-iv i-III-V7-i", "minor", "0m 3 10 5m 0m 3 7d7 0m", held_out=True),
        written("i-iv-v-i", "minor", "0m 5m 7m 0m", tune=True),
        written("iv-VII-III-VI iv-V-i-i", "minor", "5m 10 3 8 5m 7 0m 0m", tune=True),
        written("i-VI-VII-i i-iv-V7-i", "minor", "0m 8 10 0m 0m 5m 7d7 0m", tune=True),
        written("VI-III-VII-i", "minor", "8 3 10 0m", tune=True),
    ),
    "modal": (
        written("dorian i7-IV-i7-i7", "minor", "0m7 5 0m7 0m7", DORIAN),
        written("mixolydian I-bVII-IV-I", "major", "0 10 5 0", MIXOLYDIAN),
        written("aeolian i-VI-VII-i", "minor", "0m 8 10 0m"),
        written("phrygian i-bII-i-i", "minor", "0m 1 0m 0m", PHRYGIAN, held_out=True),
        written("lydian I-II-I-I", "major", "0 2 0 0", LYDIAN, held_out=True),
        written("dorian i7-ii7-i7-IV", "minor", "0m7 2m7 0m7 5", DORIAN, held_out=True),
        written("mixolydian I-bVII-I-IV", "major", "0 10 0 5", MIXOLYDIAN, held_out=True),
        written("phrygian i-bII-bvii-i", "minor", "0m 1 10m 0m", PHRYGIAN, tune=True),
        written("lydian I-II-I-vii", "major", "0 2 0 11m", LYDIAN, tune=True),
        written("dorian i-ii-IV-i", "minor", "0m 2m 5 0m", DORIAN, tune=True),
        written("mixolydian I-v-IV-I", "major", "0 7m 5 0", MIXOLYDIAN, tune=True),
        written("aeolian i-iv-VII-i", "minor", "0m 5m 10 0m", tune=True),
    ),
    "ambiguous": (
        written("vi vi I I vi IV V I", "major", "9m 9m 0 0 9m 5 7 0"),
        written("III III i i III VI V i", "minor", "3 3 0m 0m 3 8 7 0m"),
        written("I-iii-vi-vi IV-iii-ii-V7", "major", "0 4m 9m 9m 5 4m 2m 7d7", held_out=True),
        written("i i III VII VI VI VII i", "minor", "0m 0m 3 10 8 8 10 0m", held_out=True),
        written("vi vi I V vi IV I I", "major", "9m 9m 0 7 9m 5 0 0", tune=True),
        written("i III i III VI III V i", "minor", "0m 3 0m 3 8 3 7 0m", tune=True),
    ),
}
# Free-time clips are short (a few chords): plain cadential progressions keep their label clear.
CADENTIAL = (
    written("I-IV-V-I", "major", "0 5 7 0"),
    written("I-vi-IV-V7-I", "major", "0 9m 5 7d7 0"),
    written("i-iv-V-i", "minor", "0m 5m 7 0m"),
    written("i-VI-iv-V-i", "minor", "0m 8 5m 7 0m"),
)
# (beats per bar, subdivisions per beat), as in music.METERS.
METERS = {"4/4": (4, 2), "3/4": (3, 2), "6/8": (2, 3)}
# General MIDI programs by role: every split's, then the tune split's own.
CHORD_PROGRAMS = (0, 1, 4, 16, 19, 24, 25, 48, 52, 89)
BASS_PROGRAMS = (32, 33, 34, 38)
LEAD_PROGRAMS = (11, 40, 56, 71, 73, 80)
TUNE_CHORD_PROGRAMS = (2, 5, 6, 11, 26, 27, 29, 46, 50, 61, 88)
TUNE_BASS_PROGRAMS = (35, 36, 39, 43)
TUNE_LEAD_PROGRAMS = (22, 57, 60, 65, 68, 81)
# Drum kits (the drum channel's program): standard, room, power, electronic, TR-808, jazz.
TUNE_DRUM_KITS = (0, 8, 16, 24, 25, 32)
SUSTAINED_PROGRAMS = (19, 48, 52, 71, 73, 89)  # hold a note as long as it is held
KICK, SNARE, CLAP, CLOSED_HAT, OPEN_HAT, RIDE = 36, 38, 39, 42, 46, 51
RIMSHOT, PEDAL_HAT, TAMBOURINE, COWBELL = 37, 44, 54, 56
ACCENTED = (KICK, SNARE, CLAP, RIMSHOT)
# Drum patterns per bar of 4 beats in sixteenths: (sixteenth, GM drum).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    "rock": ((0, KICK), (8, KICK), (4, SNARE), (12, SNARE), *((k, CLOSED_HAT) for k in range(0, 16, 2))),
    "four-on-the-floor": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, CLAP),
        (12, CLAP),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
    ),
    "half-time": ((0, KICK), (8, SNARE), *((k, RIDE) for k in range(0, 16, 4))),
    "breakbeat": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # The tune split's own.
    "disco": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16)),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
    ),
    "hip-hop": (
        (0, KICK),
        (6, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    "sixteenths": ((0, KICK), (8, KICK), (4, SNARE), (12, SNARE), *((k, CLOSED_HAT) for k in range(16))),
    "one-drop": ((8, KICK), (8, RIMSHOT), *((k, CLOSED_HAT) for k in range(0, 16, 2))),
    "train": ((0, KICK), (8, KICK), *((k, SNARE) for k in range(0, 16, 2)), (4, CLAP), (12, CLAP)),
    "pedal-quarters": (
        (0, KICK),
        (7, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
        *((k, TAMBOURINE) for k in range(2, 16, 4)),
    ),
}
_HELD_OUT_PATTERNS = ("breakbeat",)
_TUNE_PATTERNS = ("disco", "hip-hop", "sixteenths", "one-drop", "train", "pedal-quarters")


def pattern_names(split: str) -> list[str]:
    """The drum patterns a split draws from, in a fixed order."""
    if split == "held-out":
        return [n for n in DRUM_PATTERNS if n not in _TUNE_PATTERNS]
    return [n for n in DRUM_PATTERNS if n not in _HELD_OUT_PATTERNS]


def programs(split: str, shared: tuple[int, ...], tune_only: tuple[int, ...]) -> tuple[int, ...]:
    return shared + tune_only if split == "tune" else shared


# Tempo ranges (BPM) drawn log-uniformly: (songs in simple meters, songs in 6/8, drums alone).
TEMPO_RANGES = {"tune": ((55.0, 200.0), (50.0, 120.0), (60.0, 190.0)),
                "held-out": ((65.0, 185.0), (65.0, 110.0), (70.0, 180.0))}  # fmt: skip
# Clips per category and split (the tune split's grew with its material).
COUNTS = {
    "tune": {
        "dwelling": 44,
        "modal": 20,
        "ambiguous": 12,
        "free-time": 8,
        "drums": 24,
        "noise": 6,
        "tone": 10,
    },
    "held-out": {
        "dwelling": 28,
        "modal": 14,
        "ambiguous": 10,
        "free-time": 8,
        "drums": 10,
        "noise": 6,
        "tone": 10,
    },
}
CATEGORIES = tuple(COUNTS["held-out"])
