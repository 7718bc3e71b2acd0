"""The cist split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-eighth pass of method work by someone other than whoever tunes, while stele
was still held out beside it. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own (IV with its added sixth answered by vi and ii7, vi
held over two bars before ii, a minor song swinging between VI and iv round its ii°) and come home on
I (i); modal vamps (dorian on i, ii, IV and bIII, mixolydian on I, v, IV and bVII, lydian on I, iii,
II and vii, phrygian on i, bII, bvii and bIII) and ambiguous loops new by root motion; a bar of
thirteen beats of three eighths, drum patterns of a valve rhythm machine (a brush foxtrot, a
beguine on the claves and maracas, a bolero on the bongos, a march on the cabasa, a shuffle on the
cymbal's gate) and a tempo range, and timbres no other split has: its instruments are no
recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant voice, no phase-
distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free reed,
no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no linear-
arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ pipe, but early
electronic instruments computed in numpy (ether_render: ondes Martenot alone and as a sextet through
the principal and the palme, a theremin and a theremin ensemble, a trautonium, a Clavioline and an
Ondioline), its drums a valve rhythm machine's circuits rung by a commutator's contacts, computed
the same way. Its clips then go through a record's production (production.produce: a wire
recorder's steel wire, a carbon microphone, beside a room, a plate, a hall and lossy
encodes), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.ether_render import ETHER
from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    SNARE,
    Progression,
    written,
)

SPLIT = "cist"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): IV's added
    # sixth answered by vi and ii7, vi held over two bars, a minor swing between VI and iv.
    "dwelling": (
        written("IV6 vi ii7 vi IV ii V7 I", "major", "5M6 9m 2m7 9m 5 2m 7d7 0", own=SPLIT),
        written("vi vi ii IV ii vi V I", "major", "9m 9m7 2m 5 2m7 9m 7 0", own=SPLIT),
        written("VI iv VI ii° iv VI V i", "minor", "8 5m 8 2o 5m 8 7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's ii and bIII, mixolydian's minor v, lydian's II and
    # iii, phrygian's bII with its major seventh and its minor bvii.
    "modal": (
        written("dorian i-ii-i-IV-i-i-bIII-IV", "minor", "0m7 2m 0m7 5 0m 0m7 3 5", DORIAN, own=SPLIT),
        written("mixolydian I-I-v-I-IV-I-bVII-v", "major", "0 0 7m 0 5 0 10 7m", MIXOLYDIAN, own=SPLIT),
        written("lydian I-I-iii-I-II-I-vii-iii", "major", "0M7 0 4m 0M7 2 0 11m 4m", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-bII-i-i-bvii-i-bIII", "minor", "0m 1 1M7 0m 0m 10m 0m 3", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi and I taking turns over iii and ii7 with no V; a minor
    # loop whose bVII and bVI could be a relative major's V and IV.
    "ambiguous": (
        written("vi I iii IV vi I ii IV", "major", "9m 0 4m 5 9m 0 2m7 5", own=SPLIT),
        written("i bVII v bVI i bVII iv v", "minor", "0m 10 7m 8 0m 10 5m 7m", own=SPLIT),
    ),
}
# The split's own meter: thirteen beats a bar, each of three eighths; its tempo counts the beat.
METER = "39/8"
METER_LAYOUT = (13, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "12/8", "12/8", METER, METER)
# Early electronic instruments (ether_render.ETHER): midi_render renders an ether set through
# ether_render. Each was checked by rendering to sound its note's fundamental (bent) within a cent
# held still and within 10 cents with its scoop, vibrato and players, to stay within its level, to
# hold while its key is down, and to render the same audio on every run. It has no piano, guitar or
# brass and no program every other split shares beside its own, so the split draws only the
# programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ETHER.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (88, 89, 90, 91),  # the ondes sextet, the ondes on the palme, the ondes struck, theremins
    "bass": (38, 39, 43),  # the trautonium's, the Clavioline's and the ondes' gambé bass
    "lead": (40, 85, 84, 80, 81),  # a theremin, the ondes' ribbon, a trautonium, a Clavioline, an Ondioline
}
# What its held tones and free-time chords play: the ondes held and the palme held, each as long as
# the key is down (the free-time chords' bass, program 48, is the ondes held).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the rhythm machine has beyond labelled_notation's: the claves, the maracas, the
# cabasa, the wood block, the low tom, the bongos high and low, the triangle.
CLAVES, MARACAS, CABASA, WOOD_BLOCK, LOW_TOM = 75, 70, 69, 76, 41
HIGH_BONGO, LOW_BONGO, TRIANGLE = 60, 61, 81
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A foxtrot: the brush's hiss with the snare, the ride's circuit on the beats and the "and" of 2
    # and 4.
    "valve-foxtrot": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
        *((k, RIDE) for k in (0, 4, 6, 8, 12, 14)),
    ),
    # A beguine: the claves on 1, the "and" of 2 and 3's "a", the maracas on every eighth, the low
    # tom on the "and" of 4.
    "commutator-beguine": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAVES) for k in (0, 6, 11)),
        *((k, MARACAS) for k in range(0, 16, 2)),
        (14, LOW_TOM),
    ),
    # A bolero on the bongos: high on each beat's second sixteenth, low after it, the cowbell on 1.
    "valve-bolero": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_BONGO) for k in (1, 5, 9, 13)),
        *((k, LOW_BONGO) for k in (2, 10)),
        (0, COWBELL),
    ),
    # A march: the bass drum on every beat, the triangle on 1, the cabasa between the beats.
    "wiper-march": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        (0, TRIANGLE),
        *((k, CABASA) for k in (2, 6, 10, 14)),
    ),
    # A shuffle: the cymbal's gate on each beat and its last sixteenth, the wood block on the "and" of
    # 4.
    "valve-shuffle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (0, 3, 4, 7, 8, 11, 12, 15)),
        (14, WOOD_BLOCK),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((68.0, 146.0), (52.0, 102.0), (84.0, 164.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "wire",
    "carbon",
    "room+carbon",
    "wire+mp3",
    "plate+wire",
    "carbon+opus",
    "hall+wire",
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
