"""The henge split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-second pass of method work by someone other than whoever tunes, while
ziggurat was still unread. Its material is in none of the others: songs voiced as a late-eighties
synthesiser ballad spreads them (minor and major ninths, added ninths, a dominant ninth over a
suspended fourth for V, a IV over V's bass) that sit on vi, ii and IV (iv, VI and III in minor),
some in ten-bar loops, and come home on I (i); modal vamps (mixolydian and dorian ones on ninths,
a lydian one on its major ninth and its sharp eleventh, aeolian and phrygian ones on sevenths and
ninths) and ambiguous loops new by root motion, each ending V to I; a thirteen-beat bar of
quarters, drum patterns and a tempo range, and timbres no other split has: its instruments are no
recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant voice, no
phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free
reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone string but
linear-arithmetic synthesis computed in numpy (arithmetic_render: every tone a short sampled-like
attack transient, computed, spliced onto a sawtooth or pulse sustain through a resonant
time-variant filter and amplifier, two or three partials detuned apart, through the instrument's
chorus: a piano, an electric piano, guitars, a slap, a finger and a synth bass, a flute, strings, a
choir, brass, a sax, a mallet and a bell over a pad), its drums a kit of the same ideas (a click
spliced onto swept or ringing tails). Its clips then go through a record's production
(production.produce: a film's optical soundtrack, a medium-wave AM radio, beside rooms, a plate, a
bus compressor and lossy encodes), or none. It sits in its own module so that whoever tunes does
not read it in passing; labelled_material merges it in. Whoever tunes the methods should not open
this file.
"""

from __future__ import annotations

from soundforge.testing.arithmetic_render import ARITHMETIC
from soundforge.testing.labelled_notation import (
    AEOLIAN,
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    Progression,
    written,
)

SPLIT = "henge"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): ninths and
    # added ninths, V a dominant ninth over a suspended fourth (a dominant seventh in minor).
    "dwelling": (
        written(
            "ii7 ii9 IVmaj7 vi7 IVadd9 vi9 V9sus4 Imaj9",
            "major",
            "2m7 2m9 5M7 9m7 5a9 9m9 7d9s4 0M9",
            own=SPLIT,
        ),
        written(
            "iii7 vi9 ii9 IVmaj9 iii7 vi7 V9sus4 Imaj9",
            "major",
            "4m7 9m9 2m9 5M9 4m7 9m7 7d9s4 0M9",
            own=SPLIT,
        ),
        written(
            "vi IVadd9 ii9 vi IV ii7 vi7 IVmaj9 V9sus4 Iadd9",
            "major",
            "9m 5a9 2m9 9m 5 2m7 9m7 5M9 7d9s4 0a9",
            own=SPLIT,
        ),
        written(
            "ii9 vi7 ii9 IVmaj9 vi9 IVadd9 ii7 vi7 V9sus4 Imaj9",
            "major",
            "2m9 9m7 2m9 5M9 9m9 5a9 2m7 9m7 7d9s4 0M9",
            own=SPLIT,
        ),
        written(
            "IVmaj9 ii9 IVmaj9 vi7 ii7 vi9 IVadd9/V V9sus4 Iadd9 Iadd9",
            "major",
            "5M9 2m9 5M9 9m7 2m7 9m9 5a9 7d9s4 0a9 0a9",
            own=SPLIT,
            bass="- - - - - - 7 - - -",
        ),
        written(
            "vi7 vi9 ii9 ii7 IVmaj9 IVadd9 vi9 ii9 V9sus4 Imaj9",
            "major",
            "9m7 9m9 2m9 2m7 5M9 5a9 9m9 2m9 7d9s4 0M9",
            own=SPLIT,
        ),
        written(
            "vi9 vi9 Iadd9 ii9 vi9 IVmaj9 V9sus4 Imaj9",
            "major",
            "9m9 9m9 0a9 2m9 9m9 5M9 7d9s4 0M9",
            own=SPLIT,
        ),
        written(
            "iv9 VImaj9 IIIadd9 iv9 VImaj7 VIIsus2 V7 i9",
            "minor",
            "5m9 8M9 3a9 5m9 8M7 10s2 7d7 0m9",
            own=SPLIT,
        ),
        written(
            "VImaj9 iv7 IIImaj9 VImaj9 iv9 VIIsus2 V7 i(add9)",
            "minor",
            "8M9 5m7 3M9 8M9 5m9 10s2 7d7 0ma9",
            own=SPLIT,
        ),
    ),
    "modal": (
        written(
            "mixolydian I9sus4-bVIIadd9 vamp",
            "major",
            "0d9s4 0d9s4 10a9 0d9s4 0 0d9s4 5a9 10a9",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("dorian i9-IV9 vamp", "minor", "0m9 0m9 5d9 0m9 0m11 0m9 10a9 5d9", DORIAN, own=SPLIT),
        written(
            "lydian Imaj9-IIadd9 vamp",
            "major",
            "0M9 0M9 2a9 0M9 0M7s11 0M9 7s2 2a9",
            LYDIAN,
            own=SPLIT,
        ),
        written("aeolian i9-bVImaj7 vamp", "minor", "0m9 8M7 0m9 0m9 10s2 0m9 8M7 0m", AEOLIAN, own=SPLIT),
        written(
            "mixolydian Iadd9-bVIIadd9 vamp",
            "major",
            "0a9 10a9 0a9 0d9s4 5a9 0a9 10 0d9s4",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7-bIImaj7 vamp",
            "minor",
            "0m7 0m7 1M7 0m7 10m7 0m7 8M7 1M7",
            PHRYGIAN,
            own=SPLIT,
        ),
    ),
    # Loops that a listener may hear in the relative key as much as in their own, each closing V-I.
    "ambiguous": (
        written(
            "vi7 Imaj9 IVmaj9 Imaj9 vi7 IVmaj9 Vsus4 Imaj9",
            "major",
            "9m7 0M9 5M9 0M9 9m7 5M9 7s4 0M9",
            own=SPLIT,
        ),
        written(
            "IIImaj9 i9 IIImaj9 VImaj9 IIImaj9 VIadd9 V7 i9",
            "minor",
            "3M9 0m9 3M9 8M9 3M9 8a9 7d7 0m9",
            own=SPLIT,
        ),
        written(
            "i9 IIIadd9 VIIsus2 IIIadd9 i9 VImaj9 V7 i9",
            "minor",
            "0m9 3a9 10s2 3a9 0m9 8M9 7d7 0m9",
            own=SPLIT,
        ),
        written(
            "iii7 Imaj9 vi7 Iadd9 IVmaj9 iii7 V9sus4 Iadd9",
            "major",
            "4m7 0M9 9m7 0a9 5M9 4m7 7d9s4 0a9",
            own=SPLIT,
        ),
        written(
            "vi9 Iadd9 vi9 Iadd9 IVmaj9 ii9 V9sus4 Imaj9",
            "major",
            "9m9 0a9 9m9 0a9 5M9 2m9 7d9s4 0M9",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: thirteen quarter beats a bar, beside tumulus's eleven and ziggurat's
# fourteen; its tempo counts quarters.
METER = "13/4"
METER_LAYOUT = (13, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Linear-arithmetic tones (arithmetic_render.ARITHMETIC): midi_render renders an arithmetic set
# through arithmetic_render. Each was checked by rendering to sound its note's fundamental (bent)
# within a cent with its vibrato, chorus, pulse-width swing and partials held still, its attack's
# and its sustain's partials at whole multiples of it, its partials symmetric about it, a harder
# note brighter, its attack spliced out by its length, to stay within its level, and to render the
# same audio on every run. It has no organ of its own kind, so the split
# draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ARITHMETIC.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (2, 5, 27, 89, 62),  # a piano, an electric piano, a guitar, a bell's pad, a brass section
    "bass": (36, 33, 38),  # a slap bass, a finger bass, a synth bass
    "lead": (73, 66, 56, 12, 26),  # a flute, a sax, brass, a mallet, a guitar
}
# What its held tones and free-time chords play: strings, a choir and a bell's pad, each held as
# long as the note is (the free-time chords' bass, program 48, is the strings').
SUSTAINED_PROGRAMS = (48, 52, 88)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
ELECTRIC_SNARE, LOW_TOM, MID_TOM, CRASH, HIGH_TOM, MARACAS, CLAVES = 40, 45, 47, 49, 50, 70, 75
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a
# thirteen-beat bar beats five to twelve play the first four's twice and the thirteenth the first
# one's. Each keeps the kick on 1 and a backbeat on 2 and 4, so the pulse a drummer counts is the
# beat the clip is labelled with, across the tempo range its drums alone are drawn from (78 to 168).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A drum machine's sixteenths: the kick on 1 and 3's "and", the snare and a clap on the
    # backbeat, the closed hat on every sixteenth.
    "linn-sixteenths": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(16)),
    ),
    # A cowbell pushing: the kick on 1, 2's "a" and 3, the snare on the backbeat, the cowbell on 1,
    # 2's "and" and 3's "and", the pedalled hat on every "and".
    "cowbell-push": (
        (0, KICK),
        (7, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, COWBELL),
        (6, COWBELL),
        (10, COWBELL),
        *((k, PEDAL_HAT) for k in range(2, 16, 4)),
    ),
    # Claves and a tom fill: the kick on 1 and 3, the electric snare on the backbeat, the claves on
    # 1's "a", 2's "and" and 3's "a", the low tom on 4's "and", the mid tom on 4's "a", the closed
    # hat on each beat.
    "claves-toms": (
        (0, KICK),
        (8, KICK),
        (4, ELECTRIC_SNARE),
        (12, ELECTRIC_SNARE),
        (3, CLAVES),
        (6, CLAVES),
        (11, CLAVES),
        (14, LOW_TOM),
        (15, MID_TOM),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # A gallop on the ride: the kick on 1, 1's "a" and 3, the snare on the backbeat and a rim on 4's
    # "e", the ride on every eighth, the high tom on 2's "a".
    "ride-gallop": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (13, RIMSHOT),
        (7, HIGH_TOM),
        *((k, RIDE) for k in range(0, 16, 2)),
    ),
    # Maracas shuffling: the kick on 1, 3 and 4's "e", the snare on the backbeat, the maracas on
    # every "e" and "a", the open hat on 3's "and", a crash on 1.
    "maracas-shuffle": (
        (0, KICK),
        (8, KICK),
        (13, KICK),
        (4, SNARE),
        (12, SNARE),
        (10, OPEN_HAT),
        (0, CRASH),
        *((k, MARACAS) for k in range(1, 16, 2)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 54 (a listener still counts the dotted quarter) to 100.
TEMPO_RANGES = ((62.0, 152.0), (54.0, 100.0), (78.0, 168.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "optical",
    "mediumwave",
    "optical+mp3",
    "room+mediumwave",
    "mediumwave+aac",
    "plate+optical",
    "glue+mediumwave+mp3",
)
COUNTS = {
    "dwelling": 56,
    "modal": 30,
    "ambiguous": 24,
    "free-time": 18,
    "drums": 28,
    "noise": 12,
    "tone": 24,
}
