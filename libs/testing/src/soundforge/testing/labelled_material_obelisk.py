"""The obelisk split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-fifth pass of method work by someone other than whoever tunes, while
cromlech and menhir were still unread. Its material is in none of the others: songs that sit on vi,
ii and IV (iv, VI and ii° in minor) as a string orchestra's slow movement or a film's cue voices
them (suspensions resolving, a pedal under the tonic's approach, a cadential six-four, a Neapolitan
sixth in minor) and come home on I (i); modal vamps (lydian on I, II and V, phrygian on i, bII and
bIII, dorian on i, ii and IV, mixolydian on I, bVII and IV, aeolian on i, iv and bVI) and ambiguous
loops new by root motion; a bar of fourteen beats of three eighths, drum patterns of an orchestra's
percussion section (a march on the gran cassa and the field drum, a bolero's ostinato, castanets, a
sleigh ride's gallop, a triangle over temple blocks) and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch,
no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch,
no tonewheel or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no
drone string, no linear-arithmetic tone, no bore, no tape frame, but bowed-string physics computed
in numpy (bow_render: a bow's stick and slip driving strings into Helmholtz motion through their
bodies; sections and soloists, arco, muted, tremolo, sul ponticello, spiccato, col legno and
pizzicato), its drums an orchestra's timpani and percussion computed the same way. Its clips then
go through a record's production (production.produce: a Bluetooth link's SBC codec, a dummy head's
far ear, beside a hall, a plate, a small room and lossy encodes), or none. It sits in its own module
so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the
methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.bow_render import ORCHESTRA
from soundforge.testing.labelled_notation import (
    AEOLIAN,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PHRYGIAN,
    RIDE,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "obelisk"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and ii° in minor) and are home on I (i): suspensions
    # resolving into vi and ii, the tonic's pedal under IV, a cadential six-four (I over V's bass)
    # before V, a Neapolitan sixth (bII over iv's bass) before minor's V.
    "dwelling": (
        written(
            "vi ii vi IV ii IV ii I6/4 V7 I",
            "major",
            "9m 2m7 9m 5M7 2m 5 2m7 0 7d7 0",
            own=SPLIT,
            bass="- - - - - - - 7 - -",
        ),
        written(
            "IV vi ii ii IV vi vi ii V I",
            "major",
            "5 9m7 2s2 2m 5a9 9m 9m7 2m9 7d7s4 0",
            own=SPLIT,
        ),
        written(
            "ii vi IV/I IV ii vi IV iii ii V I",
            "major",
            "2m7 9m 5 5M7 2m 9m7 5a9 4m7 2m 7d7 0",
            own=SPLIT,
            bass="- - 0 - - - - - - - -",
        ),
        written(
            "vi IV vi ii IV ii vi I6/4 V I",
            "major",
            "9m 5M7 9ma9 2m 5 2m7 9m7 0 7 0M7",
            own=SPLIT,
            bass="- - - - - - - 7 - -",
        ),
        written(
            "IV ii IV vi vi ii IV V7 I I",
            "major",
            "5a9 2m 5M7 9m 9m7 2m7 5 7d9 0 0a9",
            own=SPLIT,
        ),
        written(
            "ii IV ii IV vi ii vi vi V7 I",
            "major",
            "2m 5 2m7 5M7 9m 2m9 9m7 9ma9 7d7 0",
            own=SPLIT,
        ),
        written(
            "vi vi ii IV IV ii vi iii V7 I",
            "major",
            "9m 9m7 2m7 5 5M7 2m 9m 4m 7d7 0",
            own=SPLIT,
        ),
        written(
            "iv VI ii° iv VI iv N6 V7 i",
            "minor",
            "5m 8 2o 5m7 8M7 5m 1 7d7 0m",
            own=SPLIT,
            bass="- - - - - - 5 - -",
        ),
        written(
            "VI ii° iv iv VI ii° V7 i",
            "minor",
            "8M7 2h7 5m 5m9 8 2o 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "iv iv VI iv ii° VI iv V7 i i",
            "minor",
            "5m 5m7 8 5m9 2o 8M7 5m 7d7 0m 0ma9",
            own=SPLIT,
        ),
    ),
    "modal": (
        written("lydian I-II-V-iii vamp", "major", "0M7 2 0 7M7 0 4m 0M9 2", LYDIAN, own=SPLIT),
        written("phrygian i-bII-bIII-bvii vamp", "minor", "0m 1M7 0m 3 0m7 10m 0m 1", PHRYGIAN, own=SPLIT),
        written("dorian i7-ii-IV-bVII vamp", "minor", "0m7 2m 0m 5 0m9 10 0m 9h7", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I7-IV vamp", "major", "0 10 0d7 5 0 2m 0s4 10", MIXOLYDIAN, own=SPLIT),
        written("aeolian i-iv7-bVI-bIII vamp", "minor", "0m 5m7 0m 8 0ma9 3 0m 7m", AEOLIAN, own=SPLIT),
    ),
    # Loops that a listener may hear in the relative key as much as in their own.
    "ambiguous": (
        written("vi V IV vi I V vi I", "major", "9m 7 5 9m 0 7 9m7 0", own=SPLIT),
        written("i III VII i VI III VII i", "minor", "0m 3 10 0m 8 3 10 0m7", own=SPLIT),
        written("vi iii IV I vi ii V I", "major", "9m 4m 5 0 9m7 2m 7 0a9", own=SPLIT),
        written("III i VI VII III i iv i", "minor", "3 0m 8 10 3M7 0m7 5m 0m", own=SPLIT),
    ),
}
# The split's own meter: fourteen beats a bar, each of three eighths; its tempo counts the beat.
METER = "42/8"
METER_LAYOUT = (14, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Bowed-string physics (bow_render.ORCHESTRA): midi_render renders a bow set through bow_render. Each
# was checked by rendering to sound its note's fundamental (bent) within a cent with one player held
# still and within 10 cents with its section, vibrato and jitter, its bowed harmonics at whole
# multiples of it, its players symmetric about it, to stay within its level, to hold while bowed
# where it holds a tone, and to render the same audio on every run. It has no piano and no program
# every other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ORCHESTRA.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (44, 45, 50, 51),  # the section's tremolo, pizzicato, col legno and sul ponticello
    "bass": (42, 43, 32),  # cellos, double basses, the basses' pizzicato
    "lead": (40, 41, 110),  # a solo violin, a solo viola, a fiddler's spiccato
}
# What its held tones and free-time chords play: the string section and the muted section, each
# held as long as the bow is drawn (the free-time chords' bass, program 48, is the section).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the deeper field drum, a slapstick (on
# the clap's note), a clash of cymbals, the triangle muted and open, sleigh bells, castanets and
# temple blocks.
DEEP_SNARE, SLAPSTICK, CLASH = 40, 39, 49
MUTED_TRIANGLE, OPEN_TRIANGLE, SLEIGH_BELLS, CASTANETS = 80, 81, 83, 85
HIGH_TEMPLE, LOW_TEMPLE = 76, 77
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a
# fourteen-beat bar beats five to twelve play the first four's twice and the last two the first
# two's. Each keeps the gran cassa on 1 and 3 and the field drum on 2 and 4, so the pulse a
# percussionist counts is the beat the clip is labelled with, across the tempo range its drums alone
# are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A march: the field drum's drag into 2 and 4, a clash of cymbals on 1.
    "gran-cassa-march": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, DEEP_SNARE),
        (3, DEEP_SNARE),
        (10, DEEP_SNARE),
        (11, DEEP_SNARE),
        (0, CLASH),
    ),
    # A bolero's ostinato on the field drum: the beat and two quick strokes after it, on 1 and 3.
    "bolero-ostinato": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, SNARE),
        (2, SNARE),
        (9, SNARE),
        (10, SNARE),
        (14, SNARE),
    ),
    # Castanets rattling through the bar, a tambourine with the field drum on 2 and 4.
    "castanet-jota": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, TAMBOURINE),
        (12, TAMBOURINE),
        *((k, CASTANETS) for k in (0, 2, 3, 6, 8, 10, 11, 14)),
    ),
    # Sleigh bells galloping (each beat's first three sixteenths), temple blocks high on 1's "and"
    # and low on 3's, a slapstick's crack on 4.
    "sleigh-gallop": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SLEIGH_BELLS) for k in range(16) if k % 4 != 3),
        (2, HIGH_TEMPLE),
        (10, LOW_TEMPLE),
        (12, SLAPSTICK),
    ),
    # The open triangle on 1, the muted one on every "and", the suspended cymbal tapped on the
    # beats, temple blocks on the "a"s.
    "triangle-temple": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, OPEN_TRIANGLE),
        *((k, MUTED_TRIANGLE) for k in (2, 6, 10, 14)),
        *((k, RIDE) for k in (0, 4, 8, 12)),
        (3, HIGH_TEMPLE),
        (7, LOW_TEMPLE),
        (11, HIGH_TEMPLE),
        (15, LOW_TEMPLE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((64.0, 148.0), (46.0, 96.0), (82.0, 158.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "bluetooth",
    "binaural",
    "hall+bluetooth",
    "binaural+mp3",
    "plate+binaural",
    "bluetooth+aac",
    "small-room+binaural+bluetooth",
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
