"""The cromlech split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-third pass of method work by someone other than whoever tunes, while henge
was still unread. Its material is in none of the others: songs voiced as a brass band or a big band's
sections spread them (sixth chords on I, IV and minor's III and VI, minor sevenths on ii, iii and vi,
a diminished seventh passing between IV and I, ii made a secondary dominant before V) that sit on vi,
ii and IV (iv, VI and III in minor) and come home on I (i); modal vamps (mixolydian ones on a dominant
seventh and sixth chords, dorian ones on a minor sixth and a dominant ninth or seventh on IV, an
aeolian one on sevenths and triads) and ambiguous loops new by root motion, each ending V7 to I; a bar
of eleven dotted quarters, drum patterns of a marching band's battery and a tempo range, and timbres
no other split has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no
analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or
vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string, no additive
resynthesis, no drone string, no linear-arithmetic tone but brass and reeds computed in numpy
(bore_render: a player's lips or a reed driving a bore whose harmonics grow as it is blown harder,
through the bell's radiation and a mute, tongued, breathed and growled: a trumpet, a harmon-muted
trumpet, a trombone, a tuba, horns, flugelhorns, a clarinet, saxophones, an oboe and a bassoon, and
their sections), its drums a marching band's battery computed the same way. Its clips then go through
a record's production (production.produce: through a party wall from the next room, a laptop's small
speakers with their bass enhancer, beside a room, a hall, a tape and lossy encodes), or none. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.bore_render import BORE
from soundforge.testing.labelled_notation import (
    AEOLIAN,
    CLOSED_HAT,
    DORIAN,
    KICK,
    MIXOLYDIAN,
    OPEN_HAT,
    PEDAL_HAT,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "cromlech"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): sixth chords
    # and minor sevenths, a diminished seventh passing up from IV, II7 before V7.
    "dwelling": (
        written(
            "vi7 ii7 IV6 ii7 vi III7 vi7 ii7 IV6 #iv°7 I6 VI7 ii7 V7 I6 I6",
            "major",
            "9m7 2m7 5M6 2m7 9m 4d7 9m7 2m7 5M6 6o7 0M6 9d7 2m7 7d7 0M6 0M6",
            own=SPLIT,
        ),
        written(
            "ii7 vi7 ii7 IV6 vi7 IV6 II7 V7 I6/9",
            "major",
            "2m7 9m7 2m7 5M6 9m7 5M6 2d7 7d7 0M69",
            own=SPLIT,
        ),
        written("vi ii vi IV III7 vi ii7 V7 I", "major", "9m 2m 9m 5 4d7 9m 2m7 7d7 0", own=SPLIT),
        written(
            "ii7 V7 vi7 ii7 IV6 #iv°7 I6 II7 V9 I6",
            "major",
            "2m7 7d7 9m7 2m7 5M6 6o7 0M6 2d7 7d9 0M6",
            own=SPLIT,
        ),
        written(
            "vi7 IV6 ii7 vi7 #i°7 ii7 IV6 V7 I6",
            "major",
            "9m7 5M6 2m7 9m7 1o7 2m7 5M6 7d7 0M6",
            own=SPLIT,
        ),
        written(
            "IV6 ii7 IV6 vi7 II7 ii7 vi7 V7 I6/9",
            "major",
            "5M6 2m7 5M6 9m7 2d7 2m7 9m7 7d7 0M69",
            own=SPLIT,
        ),
        written(
            "IV6 vi7 IV6 vi7 ii7 iii7 ii7 V7 I6",
            "major",
            "5M6 9m7 5M6 9m7 2m7 4m7 2m7 7d7 0M6",
            own=SPLIT,
        ),
        written(
            "ii7 ii7 vi7 vi7 IV6 #iv°7 IV6 V7 I6",
            "major",
            "2m7 2m7 9m7 9m7 5M6 6o7 5M6 7d7 0M6",
            own=SPLIT,
        ),
        written(
            "VI6 iv7 VI6 III iv6 iiø7 V7 i",
            "minor",
            "8M6 5m7 8M6 3 5m6 2h7 7d7 0m",
            own=SPLIT,
        ),
        written(
            "iv6 VI6 iv6 III6 VI6 iiø7 V7 i6 i6",
            "minor",
            "5m6 8M6 5m6 3M6 8M6 2h7 7d7 0m6 0m6",
            own=SPLIT,
        ),
    ),
    "modal": (
        written(
            "mixolydian I7-IV6-bVII6 vamp",
            "major",
            "0d7 0d7 5M6 0d7 10M6 0d7 5M6 0d9",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I6-bVII6-v7 vamp",
            "major",
            "0M6 10M6 0M6 0d9 5M6 0M6 7m7 10M6",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("dorian i6-v7-IV9 vamp", "minor", "0m6 0m6 7m7 0m6 5d9 0m6 10 0m7", DORIAN, own=SPLIT),
        written("dorian i7-ii7-IV7 vamp", "minor", "0m7 2m7 0m7 0m6 5d7 0m7 3M6 5d7", DORIAN, own=SPLIT),
        written("aeolian i7-bVII-iv7 vamp", "minor", "0m7 0m 10 0m7 5m7 0m 8 3", AEOLIAN, own=SPLIT),
    ),
    # Loops that a listener may hear in the relative key as much as in their own, each closing V7-I.
    "ambiguous": (
        written("vi7 I6 IV6 vi7 I6 ii7 V7 I6", "major", "9m7 0M6 5M6 9m7 0M6 2m7 7d7 0M6", own=SPLIT),
        written("i6 III6 i6 VI6 III6 iv7 V7 i6", "minor", "0m6 3M6 0m6 8M6 3M6 5m7 7d7 0m6", own=SPLIT),
        written("vi I6 vi IV6 I iii7 V7 I6", "major", "9m 0M6 9m 5M6 0 4m7 7d7 0M6", own=SPLIT),
        written(
            "i7 III6/9 VII III6/9 i7 iv6 V7 i",
            "minor",
            "0m7 3M69 10 3M69 0m7 5m6 7d7 0m",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: eleven dotted-quarter beats a bar (of three eighths each), beside
# necropolis's seven and mastaba's nine; its tempo counts dotted quarters.
METER = "33/8"
METER_LAYOUT = (11, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "3/4", "6/8", "6/8", "12/8", METER, METER)
# Brass and reeds (bore_render.BORE): midi_render renders a horn set through bore_render. Each was
# checked by rendering to sound its note's fundamental (bent) within a cent with its vibrato, scoop
# and growl held still, its harmonics at whole multiples of it, its players symmetric about it, a
# harder note brighter, a clarinet's even harmonics weak under its bore's cutoff, to stay within its
# level, and to render the same audio on every run. It has no piano, guitar, organ or voice, so the
# split draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BORE.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (61, 64, 60, 69),  # a brass section, a reed section, a horn section, a clarinet choir
    "bass": (58, 67, 70),  # a tuba, a baritone sax, a bassoon
    "lead": (
        56,
        57,
        59,
        66,
        71,
        68,
    ),  # a trumpet, a trombone, a muted trumpet, a tenor sax, a clarinet, an oboe
}
# What its held tones and free-time chords play: a horn choir, a saxophone choir and flugelhorns,
# each held as long as the note is blown (the free-time chords' bass, program 48, is the horns').
SUSTAINED_PROGRAMS = (48, 52, 89)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a second bass drum, a rim-shot snare,
# tenor drums from low to high, a crash of the hand cymbals and a suspended cymbal's second voice.
BASS_DRUM_2, RIM_SNARE, TENOR_1, TENOR_2, TENOR_3, TENOR_4, SPOCK = 35, 40, 41, 43, 45, 47, 48
CRASH = 49
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in an
# eleven-beat bar beats five to eight play the first four's and beats nine to eleven the first
# three's. Each keeps a bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a drummer counts
# is the beat the clip is labelled with, across the tempo range its drums alone are drawn from (84 to
# 160).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A street beat: the bass drum on 1 and 3, the snare's accents on the backbeat and stick shots on
    # every "and", the cymbals crashed on 1.
    "street-beat": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, CRASH),
        *((k, RIMSHOT) for k in range(2, 16, 4)),
    ),
    # The tenors sweeping down the drums on every "and" and 4's "a", under the bass drum and snare.
    "tenor-sweep": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, SPOCK),
        (6, TENOR_4),
        (10, TENOR_3),
        (14, TENOR_2),
        (15, TENOR_1),
    ),
    # The bass drums split between two pitches, 1 and 3 on the low one, 1's and 3's "a" on the
    # higher; the hand cymbals tapped on every beat.
    "split-bass": (
        (0, KICK),
        (3, BASS_DRUM_2),
        (8, KICK),
        (11, BASS_DRUM_2),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # The cymbal line: left to sizzle on 1's and 3's "and", brushed on 2's and 4's, a tambourine on
    # the backbeat with the snare.
    "cymbal-line": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, TAMBOURINE),
        (12, TAMBOURINE),
        (2, OPEN_HAT),
        (10, OPEN_HAT),
        (6, PEDAL_HAT),
        (14, PEDAL_HAT),
    ),
    # A parade's press: the bass drum on 1, 3 and 3's "and", the snare on the backbeat and a rim shot
    # on 2's and 4's "a", the suspended cymbal on every beat.
    "parade-press": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, RIM_SNARE),
        (15, RIM_SNARE),
        *((k, RIDE) for k in range(0, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 48 (a listener still counts the dotted quarter) to 98.
TEMPO_RANGES = ((66.0, 150.0), (48.0, 98.0), (84.0, 160.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "wall",
    "laptop",
    "wall+mp3",
    "hall+laptop",
    "laptop+opus",
    "small-room+wall",
    "tape+laptop+aac",
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
