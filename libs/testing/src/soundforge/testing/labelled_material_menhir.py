"""The menhir split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-fourth pass of method work by someone other than whoever tunes, while henge
and cromlech were still unread. Its material is in none of the others: songs that sit on vi, ii and
IV (iv, VI and ii° in minor) as a late-sixties ballad or a progressive rock song voices them (added
ninths and suspensions over a descending bass, a borrowed iv, iii passing to IV) and come home on I
(i); modal vamps (a lydian one on I and II, a phrygian one on i and bII, a dorian one on i and IV, a
mixolydian one on I and bVII, an aeolian one on i and bVI) and ambiguous loops new by root motion; a
bar of thirteen beats of sixteenths, drum patterns of a sixties studio's rhythm tapes (brushes,
bongos, congas, wood blocks) and a tempo range, and timbres no other split has: its instruments are
no recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant voice, no
phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free
reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no
linear-arithmetic tone, no bore, but a tape-replay keyboard computed in numpy (tape_render: each
key a strip of tape holding one recorded note of violins, a cello, flutes, choirs, brass, reeds, a
pipe organ, an accordion, vibes, a guitar or a bass, played past a head by a capstan whose wow,
flutter and drift sway it, hissing, and stopped when the key is let go or the strip runs out), its
drums a rhythm tape's kit computed the same way. Its clips then go through a record's production
(production.produce: a car's stereo on the motorway, a phone filming from the crowd, beside a room,
a plate, a tape and lossy encodes), or none. It sits in its own module so that whoever tunes does not
read it in passing; labelled_material merges it in. Whoever tunes the methods should not open this
file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    AEOLIAN,
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PHRYGIAN,
    RIDE,
    SNARE,
    Progression,
    written,
)
from soundforge.testing.tape_render import TAPES

SPLIT = "menhir"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and ii° in minor) and are home on I (i): added ninths
    # and suspensions, a bass walking down under them, a borrowed iv, iii passing up to IV.
    "dwelling": (
        written(
            "vi ii/vi vi IV ii IV vi V7sus4 V7 Iadd9",
            "major",
            "9m 2m 9m 5a9 2m7 5 9m7 7d7s4 7d7 0a9",
            own=SPLIT,
            bass="- 9 - - - - - - - -",
        ),
        written(
            "ii vi ii vi IV iii IV ii7 V7 I",
            "major",
            "2m7 9m 2m9 9m7 5M7 4m 5a9 2m7 7d7 0",
            own=SPLIT,
        ),
        written(
            "IV vi IV ii vi ii IV V Iadd9 Iadd9",
            "major",
            "5 9m 5M7 2m 9m7 2m7 5a9 7 0a9 0a9",
            own=SPLIT,
        ),
        written(
            "vi vi7/V IVmaj7 ii ii7/I vi7 iv V7 I",
            "major",
            "9m 9m7 5M7 2m 2m7 9m7 5m 7d7 0",
            own=SPLIT,
            bass="- 7 - - 0 - - - -",
        ),
        written(
            "ii IV ii vi ii IV vi V7sus4 V7 I",
            "major",
            "2m 5 2m7 9m 2m9 5a9 9m7 7d7s4 7d7 0",
            own=SPLIT,
        ),
        written(
            "vi IV vi IV ii ii vi vi V I",
            "major",
            "9m7 5M7 9m 5 2m7 2m9 9m7 9m 7s4 0",
            own=SPLIT,
        ),
        written(
            "IV ii vi vi IV ii iii IV V7 I",
            "major",
            "5M7 2m7 9m 9m7 5 2m 4m7 5a9 7d7 0",
            own=SPLIT,
        ),
        written(
            "iv VI iv ii° VI iv V7 i",
            "minor",
            "5m 8M7 5m7 2o 8 5m9 7d7 0m",
            own=SPLIT,
        ),
        written(
            "VI iv VI iv iv VI V7 i i",
            "minor",
            "8 5m7 8M9 5m 5m9 8M7 7d7 0m 0ma9",
            own=SPLIT,
        ),
        written(
            "ii° iv VI iv ii° VI V7 i",
            "minor",
            "2h7 5m 8 5m7 2o 8M7 7d7b9 0m",
            own=SPLIT,
        ),
    ),
    "modal": (
        written("lydian I-II-vii vamp", "major", "0M7 2 0M7 2 0 11m 0M7 2", LYDIAN, own=SPLIT),
        written("phrygian i-bII-bvii vamp", "minor", "0m 1 0m 0m7 1M7 0m 10m 0m", PHRYGIAN, own=SPLIT),
        written("dorian i9-IV-ii vamp", "minor", "0m9 0m7 5 0m9 2m 0m7 10 5d7", DORIAN, own=SPLIT),
        written("mixolydian I-Isus4-bVII-v vamp", "major", "0 0s4 10 0 0 5 7m 0", MIXOLYDIAN, own=SPLIT),
        written("aeolian i-bVI-iv-III vamp", "minor", "0m 0m7 8M7 0m 5m 0m9 3 10", AEOLIAN, own=SPLIT),
    ),
    # Loops that a listener may hear in the relative key as much as in their own.
    "ambiguous": (
        written("vi I vi IV I V vi I", "major", "9m7 0 9m7 5M7 0 7 9m 0a9", own=SPLIT),
        written("i III i III VI VII III i", "minor", "0m 3 0m7 3M7 8 10 3 0m", own=SPLIT),
        written("vi IV I V vi IV iii I", "major", "9m 5 0 7s4 9m7 5a9 4m 0", own=SPLIT),
        written("i VII III VII i VI V7 i", "minor", "0m 10 3 10 0m7 8M7 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: thirteen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "52/16"
METER_LAYOUT = (13, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# A tape-replay keyboard's frames (tape_render.TAPES): midi_render renders a tape set through
# tape_render. Each was checked by rendering to sound its note's fundamental (bent) within a cent
# with its machine and its players held still, and within 10 cents swaying, its harmonics at whole
# multiples of it, its players symmetric about it, to stay within its level whatever the velocity, to
# stop when its strip runs out, and to render the same audio on every run. It has no piano and no
# program every other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = TAPES.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (49, 61, 19, 21),  # violins, brass, a pipe organ, an accordion
    "bass": (42, 32, 33),  # a cello, an upright bass, a bass guitar
    # flutes, a solo violin, a clarinet, an oboe, an alto sax, a solo trumpet, vibes, a nylon guitar
    "lead": (73, 40, 71, 68, 65, 56, 11, 24),
}
# What its held tones and free-time chords play: violins on a worn frame, a mixed choir and a male
# choir, each held as long as the key is (the free-time chords' bass, program 48, is the worn
# violins), until its strip runs out.
SUSTAINED_PROGRAMS = (48, 52, 53)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a stick snare, toms, a splash, bongos,
# congas, a cabasa, maracas, claves and wood blocks.
STICK_SNARE, LOW_TOM, HIGH_TOM, SPLASH = 40, 43, 48, 55
HIGH_BONGO, LOW_BONGO, MUTED_CONGA, OPEN_CONGA, LOW_CONGA = 60, 61, 62, 63, 64
CABASA, MARACAS, CLAVES, HIGH_BLOCK, LOW_BLOCK = 69, 70, 75, 76, 77
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a
# thirteen-beat bar beats five to twelve play the first four's twice and the thirteenth the first's.
# Each keeps a kick on 1 and 3 and a snare on 2 and 4, so the pulse a drummer counts is the beat the
# clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A ballad under brushes: the snare swept on the backbeat, the ride's spang-a-lang in sixteenths.
    "brush-ballad": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (0, 4, 6, 8, 12, 14)),
    ),
    # Bongos answering each other on the "e" and "and" of 1 and 3, a last high one on 4's "and".
    "bongo-pop": (
        (0, KICK),
        (8, KICK),
        (4, STICK_SNARE),
        (12, STICK_SNARE),
        (2, HIGH_BONGO),
        (3, LOW_BONGO),
        (10, HIGH_BONGO),
        (11, LOW_BONGO),
        (14, HIGH_BONGO),
    ),
    # Congas tumbling into 3 and 1, maracas on every eighth.
    "conga-tumble": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, MUTED_CONGA),
        (7, OPEN_CONGA),
        (14, LOW_CONGA),
        (15, LOW_CONGA),
        *((k, MARACAS) for k in range(0, 16, 2)),
    ),
    # Wood blocks high on 1's and 2's "and" and low on 3's and 4's, claves on 1's and 3's "a".
    "block-trot": (
        (0, KICK),
        (8, KICK),
        (4, STICK_SNARE),
        (12, STICK_SNARE),
        (2, HIGH_BLOCK),
        (6, HIGH_BLOCK),
        (10, LOW_BLOCK),
        (14, LOW_BLOCK),
        (3, CLAVES),
        (11, CLAVES),
    ),
    # Hats on every eighth, a cabasa on the "e"s, a kick pushed to 2's "and", the toms falling into 1,
    # a splash on 1.
    "cabasa-push": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
        *((k, CABASA) for k in range(1, 16, 4)),
        (14, HIGH_TOM),
        (15, LOW_TOM),
        (0, SPLASH),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((72.0, 142.0), (50.0, 94.0), (86.0, 152.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "car",
    "gig",
    "car+mp3",
    "plate+gig",
    "gig+aac",
    "small-room+car",
    "tape+car+opus",
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
