"""Chord progressions drawn at random from a songwriter's grammar: training material for the key scorer.

The labelled splits name a few dozen progressions; a key scorer fit on a few dozen learns those
progressions rather than what makes a chord home (on an unseen split it read lydian and
mixolydian vamps in the major key whose scale their chords fit). Here a progression is assembled
the way the labelled material's are written, so that the fit sees thousands of them:

- a modal vamp: a loop of 2-4 bars in one of five modes whose tonic chord holds at least half the
  bars and whose other chords are the mode's own triads (the mode's colour chord -- dorian's IV,
  mixolydian's bVII, lydian's II, phrygian's bII, aeolian's bVI -- more often than not). Labelled
  by its tonic: minor for dorian, phrygian and aeolian, major for lydian and mixolydian, as key
  datasets annotate them.
- a song in a major key that dwells on vi, ii or IV: 4 or 8 bars of diatonic chords in which the
  dwelt-on chord may hold as many bars as I, but I is there and is reached by a cadence (V-I,
  IV-I or ii-V-I).
- a song in a minor key that dwells on III, VI or iv: the same in natural minor, with V or VII
  leading to i.

The label is the key a listener calls home, by the same conventions as the labelled splits.
Used by scripts/train_key_weights.py only: no labelled split draws it.
"""

from __future__ import annotations

import numpy as np

from soundforge.testing.labelled_clips import Clip, song
from soundforge.testing.labelled_notation import (
    AEOLIAN,
    DORIAN,
    IONIAN,
    LYDIAN,
    MIXOLYDIAN,
    PHRYGIAN,
    Chord,
    Progression,
)

KINDS = ("modal", "dwelling-major", "dwelling-minor")
# Mode: (scale, the label's mode, the colour chords' scale degrees, 0-based).
MODES = {
    "dorian": (DORIAN, "minor", (3,)),
    "phrygian": (PHRYGIAN, "minor", (1,)),
    "aeolian": (AEOLIAN, "minor", (5, 6)),
    "lydian": (LYDIAN, "major", (1,)),
    "mixolydian": (MIXOLYDIAN, "major", (6, 4)),
}
_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII")
_SUFFIXES = {"maj": "", "min": "m", "dom7": "d7", "maj7": "M7", "min7": "m7"}  # as `written` reads them


def random_song(seed: int) -> Clip:
    """A labelled song of a random progression, the kinds in turn by seed, drawn as the tune split
    draws its songs (tonic, meter, tempo, instruments, drums, A=432-446 Hz): its category is its kind."""
    rng = np.random.default_rng([seed, 1789])
    reference = float(rng.uniform(432.0, 446.0))
    kind = KINDS[seed % len(KINDS)]
    return song(kind, "tune", seed, progression(kind, rng), reference, rng)


def triad(scale: tuple[int, ...], degree: int) -> Chord | None:
    """The scale's triad on `degree` as (root, "maj" | "min"); None for a diminished or augmented one."""
    root = scale[degree]
    third = (scale[(degree + 2) % 7] - root) % 12
    fifth = (scale[(degree + 4) % 7] - root) % 12
    if fifth != 7:
        return None
    return root, "maj" if third == 4 else "min"


def seventh(scale: tuple[int, ...], degree: int, quality: str) -> str:
    """The chord with the scale's seventh added: maj7 or dom7 over a major triad, min7 over a minor."""
    interval = (scale[(degree + 6) % 7] - scale[degree]) % 12
    if quality == "min":
        return "min7" if interval == 10 else "min"
    return "maj7" if interval == 11 else "dom7"


def progression(kind: str, rng: np.random.Generator) -> Progression:
    """One progression of `kind` (KINDS), drawn from rng."""
    if kind == "modal":
        return _modal(rng)
    if kind == "dwelling-major":
        return _dwelling(rng, IONIAN, "major", dwelt=(5, 1, 3), cadences=((4, 0), (3, 0), (1, 4, 0)))
    if kind == "dwelling-minor":
        # Natural minor's chords plus the raised V that leads home.
        return _dwelling(rng, AEOLIAN, "minor", dwelt=(2, 5, 3), cadences=((4, 0), (6, 0), (3, 4, 0)))
    raise ValueError(f"unknown kind: {kind}")


def _modal(rng: np.random.Generator) -> Progression:
    name = str(rng.choice(list(MODES)))
    scale, mode, colours = MODES[name]
    bars = int(rng.choice((2, 3, 4, 4, 4)))
    tonic_bars = int(rng.integers((bars + 1) // 2, bars))  # at least half, never all
    others = [d for d in range(1, 7) if triad(scale, d) is not None]
    degrees = [0] * tonic_bars
    for k in range(bars - tonic_bars):
        pick = int(rng.choice(colours)) if k == 0 and rng.random() < 0.7 else int(rng.choice(others))
        degrees.append(pick)
    # The loop opens on its tonic; the others fall where they may (an excerpt starts anywhere anyway).
    order = [0, *rng.permutation(degrees[1:]).tolist()]
    return _written(f"random {name}", mode, scale, order, rng)


def _dwelling(rng: np.random.Generator, scale: tuple[int, ...], mode: str, dwelt: tuple[int, ...],
              cadences: tuple[tuple[int, ...], ...]) -> Progression:  # fmt: skip
    bars = int(rng.choice((4, 8, 8)))
    cadence = list(cadences[int(rng.integers(len(cadences)))])
    dwell = int(rng.choice(dwelt))
    # In 8 bars the dwelt-on chord holds 2 or 3, the tonic 1 or 2 (its cadence's bar and maybe one more).
    tonic_bars = 1 if bars == 4 else int(rng.integers(1, 3))
    dwell_bars = 1 if bars == 4 else 2 + int(rng.integers(0, tonic_bars))
    dwell_bars -= cadence.count(dwell)  # a ii-V-I cadence already holds ii a bar
    body = [dwell] * max(dwell_bars, 0) + [0] * (tonic_bars - 1)
    fillers = [d for d in range(1, 7) if d not in (dwell, *cadence) and _chord(scale, d) is not None]
    # Each other chord once before any twice: none holds more bars than the dwelt-on one.
    body += np.resize(rng.permutation(fillers), max(bars - len(cadence) - len(body), 0)).tolist()
    # The cadence closes the loop: the bars before it in any order, the loop's turn lands on them.
    order = [*rng.permutation(body[: bars - len(cadence)]).tolist(), *cadence]
    return _written(f"random {mode} dwelling on {_NUMERALS[dwell]}", mode, scale, order, rng, harmonic=True)


def _chord(scale: tuple[int, ...], degree: int) -> Chord | None:
    """A key's chord on `degree`: the scale's triad, but a minor key's V is raised (its leading
    tone pulls to i). A modal vamp takes triad() instead, and keeps its mode's own v."""
    if (scale, degree) == (AEOLIAN, 4):
        return 7, "maj"
    return triad(scale, degree)


def _written(name: str, mode: str, scale: tuple[int, ...], degrees: list[int],
             rng: np.random.Generator, harmonic: bool = False) -> Progression:  # fmt: skip
    # Half the songs plain triads, a quarter all sevenths, a quarter some.
    share = float(rng.choice((0.0, 0.0, 1.0, 0.5)))
    chords: list[Chord] = []
    for degree in degrees:
        chord = _chord(scale, degree) if harmonic else triad(scale, degree)
        assert chord is not None, (name, degree)
        root, quality = chord
        if rng.random() < share:
            quality = "dom7" if chord != triad(scale, degree) else seventh(scale, degree, quality)
        chords.append((root, quality))
    notation = " ".join(f"{root}{_SUFFIXES[quality]}" for root, quality in chords)
    return Progression(f"{name} {notation}", mode, scale, tuple(chords), own="random")
