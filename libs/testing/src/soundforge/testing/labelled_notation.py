"""What the labelled material is written in: scales, chord qualities, progressions, General MIDI drums."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    # Undercroft's: suspended chords, a triad with an added ninth, a power chord (root and fifth).
    "sus4": (0, 5, 7),
    "sus2": (0, 2, 7),
    "add9": (0, 4, 7, 14),
    "power": (0, 7),
    # Reliquary's: a diminished seventh (a chromatic passing chord) and a half-diminished one (minor's ii).
    "dim7": (0, 3, 6, 9),
    "hdim7": (0, 3, 6, 10),
    # Cenotaph's.
    "min9": (0, 3, 7, 10, 14),
    "maj9": (0, 4, 7, 11, 14),
    "dom7sus4": (0, 5, 7, 10),
    # Columbarium's: sixth chords, a six-nine, a minor eleventh, a dominant ninth (and minor's with a
    # flat ninth), a major seventh with a sharp eleventh (IV's, in major).
    "maj6": (0, 4, 7, 9),
    "min6": (0, 3, 7, 9),
    "maj69": (0, 4, 7, 9, 14),
    "min11": (0, 3, 7, 10, 14, 17),
    "dom9": (0, 4, 7, 10, 14),
    "dom7b9": (0, 4, 7, 10, 13),
    "maj7s11": (0, 4, 7, 11, 18),
    # Hypogeum's: a dominant thirteenth (V's, in major), a dominant seventh with a sharp ninth
    # (minor's V), fourths stacked on the root (a modal vamp's), a minor triad with its major seventh
    # (a line cliché's), an augmented triad (a passing chord) and a minor triad with an added ninth.
    "dom13": (0, 4, 7, 10, 14, 21),
    "dom7s9": (0, 4, 7, 10, 15),
    "quartal": (0, 5, 10, 15),
    "minmaj7": (0, 3, 7, 11),
    "aug": (0, 4, 8),
    "minadd9": (0, 3, 7, 14),
    # Necropolis's: a dominant ninth with its fourth suspended (V's, in major: "the eleven chord"), a
    # minor six-nine (a dorian tonic's), a dominant seventh with a flat thirteenth (minor's V: its
    # thirteenth is minor's own third), a major ninth with a sharp eleventh (a lydian tonic's, and
    # minor's VI) and a minor triad with an added eleventh.
    "dom9sus4": (0, 5, 7, 10, 14),
    "min69": (0, 3, 7, 9, 14),
    "dom7b13": (0, 4, 7, 10, 20),
    "maj9s11": (0, 4, 7, 11, 14, 18),
    "minadd11": (0, 3, 7, 17),
    # Tumulus's: a major thirteenth, a minor thirteenth (a dorian tonic's), a dominant seventh with a
    # sharp eleventh (a tritone's substitute for V, on the flat second), a major triad with an added
    # eleventh and a major seventh with a sharp fifth (harmonic minor's III).
    "maj13": (0, 4, 7, 11, 14, 21),
    "min13": (0, 3, 7, 10, 14, 21),
    "dom7s11": (0, 4, 7, 10, 18),
    "add11": (0, 4, 7, 17),
    "maj7s5": (0, 4, 8, 11),
    # Mastaba's: a diminished triad (major's vii, minor's ii, a mode's own), a dominant seventh with a
    # sharp fifth (minor's V: its fifth is minor's own third), a major seventh with its second in place
    # of its third, a minor seventh with a flat ninth (major's iii, minor's v, phrygian's tonic) and a
    # suspended fourth with an added ninth.
    "dim": (0, 3, 6),
    "dom7s5": (0, 4, 8, 10),
    "maj7sus2": (0, 2, 7, 11),
    "min7b9": (0, 3, 7, 10, 13),
    "sus4add9": (0, 5, 7, 14),
    # Cairn's: a minor seventh with an added eleventh (major's vi and ii, minor's iv, dorian's tonic),
    # a minor seventh with a flat thirteenth (an aeolian or phrygian tonic's, major's iii), a minor
    # triad with its major seventh and ninth (minor's tonic, from its harmonic and melodic scales), a
    # dominant seventh with a flat fifth (V, its fifth bent down toward the tonic) and a dominant
    # seventh with a flat ninth and a flat thirteenth (minor's V: harmonic minor's tones above it).
    "min7add11": (0, 3, 7, 10, 17),
    "min7b13": (0, 3, 7, 10, 20),
    "minmaj9": (0, 3, 7, 11, 14),
    "dom7b5": (0, 4, 6, 10),
    "dom7b9b13": (0, 4, 7, 10, 13, 20),
    # Dolmen's: a minor seventh with an added thirteenth (major's ii, minor's iv, dorian's tonic), a
    # dominant seventh with an added thirteenth (major's V, mixolydian's tonic), a major triad with an
    # added sharp eleventh (major's IV, minor's VI, lydian's tonic), a dominant seventh with its second
    # in place of its third and a major seventh with an added thirteenth (major's IV and I, minor's VI
    # and III).
    "min7add13": (0, 3, 7, 10, 21),
    "dom7add13": (0, 4, 7, 10, 21),
    "adds11": (0, 4, 7, 18),
    "dom7sus2": (0, 2, 7, 10),
    "maj7add13": (0, 4, 7, 11, 21),
    # Kurgan's: ninth chords with their fifth left out, as a vocoder's few voices spell them: a minor
    # ninth (major's ii and vi, minor's iv, dorian's and aeolian's tonic), a major ninth (major's IV,
    # minor's VI and III, lydian's tonic) and a dominant ninth (major's V, mixolydian's tonic).
    "min9no5": (0, 3, 10, 14),
    "maj9no5": (0, 4, 11, 14),
    "dom9no5": (0, 4, 10, 14),
    # Tholos's: shells, root, third and seventh (or sixth) with no fifth, as an organist's left hand
    # or an accordion's chord buttons spell them: a minor seventh (major's ii and vi, minor's iv,
    # dorian's, phrygian's and aeolian's tonic), a major seventh (major's IV and I, minor's VI and
    # III, lydian's tonic), a dominant seventh (major's V, mixolydian's tonic; the accordion's seventh
    # button) and a minor sixth (dorian's tonic, major's ii).
    "min7no5": (0, 3, 10),
    "maj7no5": (0, 4, 11),
    "dom7no5": (0, 4, 10),
    "min6no5": (0, 3, 9),
    # Sarcophagus's: four-mallet voicings, each hand holding an interval, the fifth left out as a
    # vibraphonist or a marimbist leaves it: a minor eleventh (major's ii and vi, minor's iv, a
    # dorian, phrygian or aeolian tonic), a major six-nine (major's I and IV, minor's VI and III), a
    # dominant thirteenth (major's V, mixolydian's tonic), a dominant seventh with a flat ninth
    # (minor's V) and a major seventh with a sharp eleventh (lydian's tonic, phrygian's bII).
    "min11no5": (0, 3, 10, 17),
    "maj69no5": (0, 4, 9, 14),
    "dom13no5": (0, 4, 10, 21),
    "dom7b9no5": (0, 4, 10, 13),
    "maj7s11no5": (0, 4, 11, 18),
    # Stupa's: a pianist's left-hand voicings, a triad spread over a tenth (root and fifth under the
    # third an octave up: major's I and IV, minor's ii, vi, iv and a minor tonic) and sevenths as
    # shells, the root under the seventh and the tenth with no fifth (a dominant's: V, mixolydian's
    # tonic, lydian's II; a major seventh's: I and IV, lydian's tonic, phrygian's bII; a minor
    # seventh's: ii, vi, minor's iv).
    "maj10": (0, 7, 16),
    "min10": (0, 7, 15),
    "dom7shell": (0, 10, 16),
    "maj7shell": (0, 11, 16),
    "min7shell": (0, 10, 15),
    # Pyramid's: open voicings as an arranger spreads a section, the root doubled an octave up under
    # the tenth (major and minor), and sevenths dropped two (the fifth under the seventh and the
    # tenth: a major seventh's, a minor seventh's, a dominant's).
    "majopen": (0, 7, 12, 16),
    "minopen": (0, 7, 12, 15),
    "maj7drop2": (0, 7, 11, 16),
    "min7drop2": (0, 7, 10, 15),
    "dom7drop2": (0, 7, 10, 16),
}


@dataclass(frozen=True)
class Progression:
    name: str
    mode: str  # the label's mode
    scale: tuple[int, ...]  # what the melody draws on
    chords: tuple[Chord, ...]  # one per bar
    own: str = ""  # the split that alone has it; "" for every split
    # The bass note per bar (semitones above the tonic) where it is not the chord's root: an inversion,
    # a slash chord, a pedal point; None keeps the root. Left out of the repr, so that every
    # progression written without one reads as it always has.
    bass: tuple[int | None, ...] = field(default=(), repr=False)

    def in_split(self, split: str) -> bool:
        """Shared progressions are in every split; a split's own, in that split only."""
        return self.own in ("", split)


def written(
    name: str, mode: str, chords: str, scale: tuple[int, ...] = (), own: str = "", bass: str = ""
) -> Progression:
    """Chords written "9m 5 0 7d7": root semitones, then m / d7 (dominant) / M7 / m7 / s4 (sus4) / s2
    (sus2) / a9 (add9) / p (power chord) / o7 (diminished seventh) / h7 (half-diminished seventh) /
    m9 (minor ninth) / M9 (major ninth) / d7s4 (dominant seventh, suspended fourth) / M6 (major sixth) /
    m6 (minor sixth) / M69 (six-nine) / m11 (minor eleventh) / d9 (dominant ninth) / d7b9 (dominant
    seventh, flat ninth) / M7s11 (major seventh, sharp eleventh) / d13 (dominant thirteenth) / d7s9
    (dominant seventh, sharp ninth) / q (stacked fourths) / mM7 (minor, major seventh) / + (augmented) /
    ma9 (minor, added ninth) / d9s4 (dominant ninth, suspended fourth) / m69 (minor six-nine) / d7b13
    (dominant seventh, flat thirteenth) / M9s11 (major ninth, sharp eleventh) / ma11 (minor, added
    eleventh) / M13 (major thirteenth) / m13 (minor thirteenth) / d7s11 (dominant seventh, sharp
    eleventh) / a11 (major, added eleventh) / M7s5 (major seventh, sharp fifth) / o (diminished) /
    d7s5 (dominant seventh, sharp fifth) / M7s2 (major seventh, suspended second) / m7b9 (minor
    seventh, flat ninth) / s4a9 (suspended fourth, added ninth) / m7a11 (minor seventh, added
    eleventh) / m7b13 (minor seventh, flat thirteenth) / mM9 (minor, major ninth) / d7b5 (dominant
    seventh, flat fifth) / d7b9b13 (dominant seventh, flat ninth and thirteenth) / m7a13 (minor
    seventh, added thirteenth) / d7a13 (dominant seventh, added thirteenth) / as11 (major, added
    sharp eleventh) / d7s2 (dominant seventh, suspended second) / M7a13 (major seventh, added
    thirteenth) / m9n5 (minor ninth, no fifth) / M9n5 (major ninth, no fifth) / d9n5 (dominant ninth,
    no fifth) / m7n5 (minor seventh, no fifth) / M7n5 (major seventh, no fifth) / d7n5 (dominant
    seventh, no fifth) / m6n5 (minor sixth, no fifth) / m11n5 (minor eleventh, no fifth) / M69n5
    (six-nine, no fifth) / d13n5 (dominant thirteenth, no fifth) / d7b9n5 (dominant seventh, flat
    ninth, no fifth) / M7s11n5 (major seventh, sharp eleventh, no fifth) / M10 (major, spread over a
    tenth) / m10 (minor, spread over a tenth) / d7sh (dominant seventh's shell) / M7sh (major
    seventh's shell) / m7sh (minor seventh's shell) / Mo (major, open) / mo (minor, open) / M7d2 (major
    seventh, drop 2) / m7d2 (minor seventh, drop 2) / d7d2 (dominant seventh, drop 2) (none: major);
    `bass`, if given, one token per chord: the bass note's semitones, or "-" for the chord's root."""
    suffixes = {"": "maj", "m": "min", "d7": "dom7", "M7": "maj7", "m7": "min7"}
    suffixes |= {"s4": "sus4", "s2": "sus2", "a9": "add9", "p": "power", "o7": "dim7", "h7": "hdim7"}
    suffixes |= {"m9": "min9", "M9": "maj9", "d7s4": "dom7sus4"}
    suffixes |= {"M6": "maj6", "m6": "min6", "M69": "maj69", "m11": "min11", "d9": "dom9", "d7b9": "dom7b9"}
    suffixes |= {"M7s11": "maj7s11", "d13": "dom13", "d7s9": "dom7s9", "q": "quartal", "mM7": "minmaj7"}
    suffixes |= {"+": "aug", "ma9": "minadd9", "d9s4": "dom9sus4", "m69": "min69", "d7b13": "dom7b13"}
    suffixes |= {"M9s11": "maj9s11", "ma11": "minadd11"}
    suffixes |= {"M13": "maj13", "m13": "min13", "d7s11": "dom7s11", "a11": "add11", "M7s5": "maj7s5"}
    suffixes |= {"o": "dim", "d7s5": "dom7s5", "M7s2": "maj7sus2", "m7b9": "min7b9", "s4a9": "sus4add9"}
    suffixes |= {"m7a11": "min7add11", "m7b13": "min7b13", "mM9": "minmaj9", "d7b5": "dom7b5"}
    suffixes |= {"d7b9b13": "dom7b9b13", "m7a13": "min7add13", "d7a13": "dom7add13", "as11": "adds11"}
    suffixes |= {"d7s2": "dom7sus2", "M7a13": "maj7add13"}
    suffixes |= {"m9n5": "min9no5", "M9n5": "maj9no5", "d9n5": "dom9no5"}
    suffixes |= {"m7n5": "min7no5", "M7n5": "maj7no5", "d7n5": "dom7no5", "m6n5": "min6no5"}
    suffixes |= {"m11n5": "min11no5", "M69n5": "maj69no5", "d13n5": "dom13no5", "d7b9n5": "dom7b9no5"}
    suffixes |= {"M7s11n5": "maj7s11no5"}
    suffixes |= {"M10": "maj10", "m10": "min10", "d7sh": "dom7shell", "M7sh": "maj7shell"}
    suffixes |= {"m7sh": "min7shell"}
    suffixes |= {"Mo": "majopen", "mo": "minopen", "M7d2": "maj7drop2", "m7d2": "min7drop2"}
    suffixes |= {"d7d2": "dom7drop2"}
    parsed = []
    for token in chords.split():
        found = re.fullmatch(
            r"(\d+)(d7s11|M7s5|M13|m13|a11|d9s4|d7b13|M9s11|d7s4|d7b9|d7s9|M7s11|M69|m69|m11|m7|M7|m9|M9"
            r"|M6|m6|mM7|ma11|ma9|d7s5|M7s2|m7b9|s4a9|d7b9b13|m7a11|m7b13|mM9|d7b5|m7a13|d7a13|as11|d7s2"
            r"|M7a13|m9n5|M9n5|d9n5|m7n5|M7n5|d7n5|m6n5|m11n5|M69n5|d13n5|d7b9n5|M7s11n5|M10|m10|d7sh"
            r"|M7sh|m7sh|Mo|mo|M7d2|m7d2|d7d2"
            r"|d13|d9|d7|s4|s2|a9|o7|h7|m|o|p|q|\+|)",
            token,
        )
        assert found is not None, token
        parsed.append((int(found[1]), suffixes[found[2]]))
    notes = tuple(None if token == "-" else int(token) for token in bass.split())
    assert not notes or len(notes) == len(parsed), name
    default = IONIAN if mode == "major" else AEOLIAN
    return Progression(name, mode, scale or default, tuple(parsed), own, notes)


# General MIDI drum notes (the drum channel's pitches).
KICK, SNARE, CLAP, CLOSED_HAT, OPEN_HAT, RIDE = 36, 38, 39, 42, 46, 51
RIMSHOT, PEDAL_HAT, TAMBOURINE, COWBELL = 37, 44, 54, 56
ACCENTED = (KICK, SNARE, CLAP, RIMSHOT)
