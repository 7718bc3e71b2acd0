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
- a returning vamp (drawn by returning_song): a modal vamp of 6 or 8 bars whose tonic chord comes
  back every other bar, between 3 or 4 of the mode's other triads (its colour chord first, more often
  than not) -- the vamp a band jams on. Its chords cover most of its mode's scale, which is the scale
  of another key (mixolydian's is its IV's major, lydian's its V's, dorian's its bVII's), so that only
  the tonic's returns say which chord is home: the forty-first pass's read of hunebed (development
  material since) put four of such vamps on the chord whose major scale they fit, while their tonic
  held 36-48% of the chords read. The short vamps above cover too little of the scale to teach that.
- a song in a major key that dwells on vi, ii or IV: 4 or 8 bars of diatonic chords in which the
  dwelt-on chord may hold as many bars as I, but I is there and is reached by a cadence (V-I,
  IV-I or ii-V-I).
- a song in a minor key that dwells on III, VI or iv: the same in natural minor, with V or VII
  leading to i.
- a blues: a twelve-bar (with or without the quick change to IV, a turnaround to V or not), an
  eight-bar or a jazz blues (VI7-ii7-V7 into its last bars), on dominant sevenths or triads, or a
  minor blues on i, iv and bVI-V. Labelled by the chord it is built on (major for a blues on
  dominant sevenths, whose flat sevenths and borrowed thirds are the idiom's, not a minor key).
- a coloured song: a dwelling song, major or minor, some of whose other chords are borrowed (in
  major: iv, bVI, bVII and bIII from the parallel minor; in minor: dorian's IV and ii) or are the
  secondary dominant of the chord after them (III7 before vi, VI7 before ii, II7 before V, I7 before
  IV; in minor VII7 before III, I7 before iv), and whose cadence may be a borrowed one (bVII-I,
  iv-I, bVI-bVII-I; in minor bVI-bVII-i, iv-V7-i).
- an extended song (EXTENDED_KINDS, drawn by extended_song): a dwelling song, major or minor, voiced
  as jazz, soul and neo-soul voice one -- sevenths, ninths, sixths, elevenths, thirteenths on every
  chord -- whose dominant rarely sounds as a plain V: V9, V13, V suspended (V7sus4, V9sus4), altered
  (V7b9, V7#9, V7b13), the tritone's substitute on bII (bII7, bII7#11) or the backdoor bVII7 leads
  home; before a chord the body may carry that chord's secondary dominant's tritone substitute (bIII7
  before ii, bVI7 before V), and a minor song's iv before V may be its ii half-diminished. A key
  scorer that knows V-I only reads such a song's home as the chord its dominant sounds like it leads
  to: the twenty-second pass's held-out read missed 23 of 25 keys on songs whose V was bII7#11.

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

KINDS = ("modal", "dwelling-major", "dwelling-minor", "blues", "coloured-major", "coloured-minor")
EXTENDED_KINDS = ("extended-major", "extended-minor")
RETURNING = "returning"
# Mode: (scale, the label's mode, the colour chords' scale degrees, 0-based).
MODES = {
    "dorian": (DORIAN, "minor", (3,)),
    "phrygian": (PHRYGIAN, "minor", (1,)),
    "aeolian": (AEOLIAN, "minor", (5, 6)),
    "lydian": (LYDIAN, "major", (1,)),
    "mixolydian": (MIXOLYDIAN, "major", (6, 4)),
}
_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII")
# As labelled_notation.written reads them.
_SUFFIXES = {"maj": "", "min": "m", "dom7": "d7", "maj7": "M7", "min7": "m7", "hdim7": "h7", "add9": "a9"}
_SUFFIXES |= {"dom9": "d9", "dom13": "d13", "dom7sus4": "d7s4", "dom9sus4": "d9s4", "dom7b9": "d7b9"}
_SUFFIXES |= {"dom7s9": "d7s9", "dom7s11": "d7s11", "dom7b13": "d7b13", "maj9": "M9", "maj6": "M6"}
_SUFFIXES |= {"maj69": "M69", "maj13": "M13", "maj7s11": "M7s11", "min9": "m9", "min6": "m6", "min69": "m69"}
_SUFFIXES |= {"minmaj7": "mM7", "min11": "m11", "minadd9": "ma9"}


def random_song(seed: int) -> Clip:
    """A labelled song of a random progression, the kinds in turn by seed, drawn as the tune split
    draws its songs (tonic, meter, tempo, instruments, drums, A=432-446 Hz): its category is its kind."""
    rng = np.random.default_rng([seed, 1789])
    reference = float(rng.uniform(432.0, 446.0))
    kind = KINDS[seed % len(KINDS)]
    return song(kind, "tune", seed, progression(kind, rng), reference, rng)


def extended_song(seed: int) -> Clip:
    """The same of EXTENDED_KINDS, in turn by seed, from a stream of its own (random_song's songs
    stay as they were drawn before these kinds were written)."""
    rng = np.random.default_rng([seed, 1790])
    reference = float(rng.uniform(432.0, 446.0))
    kind = EXTENDED_KINDS[seed % len(EXTENDED_KINDS)]
    return song(kind, "tune", seed, progression(kind, rng), reference, rng)


def returning_song(seed: int) -> Clip:
    """A returning vamp (category "modal"), the modes in turn by seed, from a stream of its own (the
    other kinds' songs stay as they were drawn before it was written)."""
    rng = np.random.default_rng([seed, 1791])
    reference = float(rng.uniform(432.0, 446.0))
    mode = list(MODES)[seed % len(MODES)]
    return song("modal", "tune", seed, _returning(mode, rng), reference, rng)


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
    if kind == "blues":
        return _blues(rng)
    if kind in ("coloured-major", "coloured-minor"):
        return _coloured(rng, kind.split("-")[1])
    if kind in EXTENDED_KINDS:
        return _extended(rng, kind.split("-")[1])
    if kind == RETURNING:
        return _returning(str(rng.choice(list(MODES))), rng)
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


def _returning(name: str, rng: np.random.Generator) -> Progression:
    scale, mode, colours = MODES[name]
    others = [d for d in range(1, 7) if triad(scale, d) is not None]
    count = int(rng.choice((3, 4)))
    first = int(rng.choice(colours)) if rng.random() < 0.7 else int(rng.choice(others))
    between = [first, *rng.permutation([d for d in others if d != first])[: count - 1].tolist()]
    degrees = [degree for other in between for degree in (0, other)]
    return _written(f"returning {name}", mode, scale, degrees, rng)


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


# Blues forms: (name, each bar's root in semitones above the tonic).
_BLUES_FORMS = (
    ("twelve-bar", (0, 0, 0, 0, 5, 5, 0, 0, 7, 5, 0, 0)),
    ("twelve-bar turnaround", (0, 0, 0, 0, 5, 5, 0, 0, 7, 5, 0, 7)),
    ("twelve-bar quick change", (0, 5, 0, 0, 5, 5, 0, 0, 7, 5, 0, 7)),
    ("eight-bar", (0, 0, 5, 5, 0, 7, 0, 7)),
    ("eight-bar", (0, 5, 0, 0, 7, 5, 0, 0)),
)
_JAZZ_BLUES = ((0, "dom7"), (5, "dom7"), (0, "dom7"), (0, "dom7"), (5, "dom7"), (5, "dom7"), (0, "dom7"),
               (9, "dom7"), (2, "min7"), (7, "dom7"), (0, "dom7"), (7, "dom7"))  # fmt: skip
_MINOR_BLUES = ((0, "min7"), (0, "min7"), (0, "min7"), (0, "min7"), (5, "min7"), (5, "min7"), (0, "min7"),
                (0, "min7"), (8, "dom7"), (7, "dom7"), (0, "min7"), (7, "dom7"))  # fmt: skip
BLUES_SCALE = (0, 2, 4, 5, 7, 9, 10)  # mixolydian: the scale a blues on dominant sevenths plays in


def _blues(rng: np.random.Generator) -> Progression:
    pick = int(rng.integers(len(_BLUES_FORMS) + 2))
    if pick == len(_BLUES_FORMS):
        name, mode, scale, chords = "jazz blues", "major", BLUES_SCALE, list(_JAZZ_BLUES)
    elif pick == len(_BLUES_FORMS) + 1:
        name, mode, scale, chords = "minor blues", "minor", AEOLIAN, list(_MINOR_BLUES)
    else:
        name, roots = _BLUES_FORMS[pick]
        mode, scale = "major", BLUES_SCALE
        chords = [(root, "dom7") for root in roots]
        if len(roots) == 12 and rng.random() < 0.3:  # a ii-V in bars 9 and 10
            chords[8:10] = [(2, "min7"), (7, "dom7")]
    # Sevenths on every chord, on none or on some, as players voice them.
    share = float(rng.choice((1.0, 1.0, 0.0, 0.6)))
    plain = {"dom7": "maj", "min7": "min"}
    chords = [(root, quality if rng.random() < share else plain[quality]) for root, quality in chords]
    return _notated(f"random {name}", mode, scale, chords)


# Chords borrowed: in major, the parallel minor's iv, bVI, bVII and bIII; in minor, dorian's IV and ii.
_BORROWED = {"major": ((5, "min"), (8, "maj"), (10, "maj"), (3, "maj")), "minor": ((5, "maj"), (2, "min"))}
# Secondary dominants: the root of the chord led to -> the root of its dominant seventh.
_SECONDARY = {"major": {9: 4, 2: 9, 7: 2, 5: 0}, "minor": {3: 10, 5: 0}}
_BORROWED_CADENCES = {
    "major": (((10, "maj"), (0, "maj")), ((5, "min"), (0, "maj")), ((8, "maj"), (10, "maj"), (0, "maj"))),
    "minor": (((8, "maj"), (10, "maj"), (0, "min")), ((5, "min"), (7, "dom7"), (0, "min"))),
}


def _coloured(rng: np.random.Generator, mode: str) -> Progression:
    """A dwelling song of `mode` with borrowed chords, secondary dominants and maybe a borrowed cadence."""
    base = progression(f"dwelling-{mode}", rng)
    chords = list(base.chords)
    dwelt = base.scale[_NUMERALS.index(base.name.split()[4])]
    cadence = 3 if chords[-2][0] == 7 and chords[-3][0] == (2 if mode == "major" else 5) else 2
    if rng.random() < 0.4:
        borrowed_cadence = _BORROWED_CADENCES[mode][int(rng.integers(len(_BORROWED_CADENCES[mode])))]
        body = chords[:-cadence]  # kept, cut or repeated to keep the loop's length
        bars = len(chords) - len(borrowed_cadence)
        chords = [*(body[bar % len(body)] for bar in range(bars)), *borrowed_cadence]
        cadence = len(borrowed_cadence)
    # From the loop's end back, so that a secondary dominant leads to the chord that stays after it.
    for index in reversed(range(len(chords) - cadence)):
        root, _ = chords[index]
        if root in (0, dwelt):
            continue  # the tonic and the dwelt-on chord stay what they are
        following = chords[index + 1][0]
        if following in _SECONDARY[mode] and following != root and rng.random() < 0.6:
            chords[index] = (_SECONDARY[mode][following], "dom7")
        elif rng.random() < 0.5:
            chords[index] = _BORROWED[mode][int(rng.integers(len(_BORROWED[mode])))]
    name = " ".join(base.name.split()[1:5])
    return _notated(f"random coloured {name}", mode, base.scale, chords)


# A dominant as jazz and soul voice it: V coloured, suspended or altered, the tritone's substitute on
# bII, and (in major) the backdoor bVII7. Plain V7 is one choice of many, as in the idiom.
_DOMINANTS = {
    "major": ((7, "dom7"), (7, "dom9"), (7, "dom13"), (7, "dom7sus4"), (7, "dom9sus4"), (7, "dom7b9"),
              (7, "dom7s9"), (1, "dom7"), (1, "dom7s11"), (1, "dom9"), (10, "dom7"), (10, "dom9")),
    "minor": ((7, "dom7"), (7, "dom7b9"), (7, "dom7b13"), (7, "dom7s9"), (7, "dom7sus4"), (1, "dom7"),
              (1, "dom7s11")),
}  # fmt: skip
# The other chords' voicings, by the key's mode and the chord's root; a minor root's own are minor's.
_VOICINGS = {
    ("major", 0): ("maj7", "maj9", "maj6", "maj69", "maj13", "add9", "maj"),
    ("major", 5): ("maj7", "maj9", "maj7s11", "maj6", "add9", "maj"),
    ("major", 7): ("dom7", "dom9", "dom13", "dom7sus4", "dom9sus4"),
    ("minor", 0): ("min7", "min9", "min6", "min69", "minmaj7", "min11", "minadd9", "min"),
    ("minor", 3): ("maj7", "maj9", "maj"),
    ("minor", 5): ("min7", "min9", "min6", "min"),
    ("minor", 7): ("dom7", "dom7b9", "dom7b13"),
    ("minor", 8): ("maj7", "maj9", "maj7s11", "maj"),
    ("minor", 10): ("dom7", "dom9", "maj"),
}
_MINOR_VOICINGS = ("min7", "min9", "min11", "min")  # a minor chord not named above (major's ii, iii, vi)
# A secondary dominant's tritone substitute: the root of the chord led to -> the substitute's root.
_SUBSTITUTES = {"major": {2: 3, 7: 8}, "minor": {7: 8}}


def _extended(rng: np.random.Generator, mode: str) -> Progression:
    """A dwelling song of `mode` voiced with extensions, its dominant disguised (_DOMINANTS)."""
    base = progression(f"dwelling-{mode}", rng)
    chords = list(base.chords)
    if chords[-2][0] == 7:  # V-I, ii-V-I, iv-V-i: the dominant is disguised
        chords[-2] = _DOMINANTS[mode][int(rng.integers(len(_DOMINANTS[mode])))]
        if mode == "minor" and len(chords) > 2 and chords[-3][0] == 5 and rng.random() < 0.5:
            chords[-3] = (2, "hdim7")
    voiced: list[Chord] = []
    for index, (root, quality) in enumerate(chords):
        # The dominant before home (disguised above, or minor's VII7) and ii half-diminished stay as drawn.
        if quality == "hdim7" or (index == len(chords) - 2 and quality.startswith("dom")):
            voiced.append((root, quality))
        else:
            other = _MINOR_VOICINGS if quality.startswith("min") else ("maj7", "maj9", "maj")
            choices = _VOICINGS.get((mode, root), other)
            voiced.append((root, str(rng.choice(choices))))
    # Before the cadence, a chord may give way to the substitute for the dominant of the chord after it.
    for index in range(len(voiced) - 3):
        following = voiced[index + 1][0]
        if voiced[index][0] != 0 and following in _SUBSTITUTES[mode] and rng.random() < 0.3:
            voiced[index] = (_SUBSTITUTES[mode][following], "dom7")
    name = " ".join(base.name.split()[1:5])
    return _notated(f"random extended {name}", mode, base.scale, voiced)


def _notated(name: str, mode: str, scale: tuple[int, ...], chords: list[Chord]) -> Progression:
    notation = " ".join(f"{root}{_SUFFIXES[quality]}" for root, quality in chords)
    return Progression(f"{name} {notation}", mode, scale, tuple(chords), own="random")


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
    return _notated(name, mode, scale, chords)
