"""The nuraghe split's own material: read once, only for the final numbers, never to choose a method.

Written for the fortieth pass of method work by someone other than whoever tunes, while broch was
still held out beside it. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own (vi and ii rocking twice before IV comes home, vi, IV
and ii walking down to I twice, a minor song turning VI, iv and ii° round before its V, a minor song
rocking ii° between VI and iv) and come home on I (i); modal vamps (dorian on i, IV, ii, v and bIII,
mixolydian on I, bVII, v, iii° and ii, lydian on I, II, vii, iii and V, phrygian on i, bII, bvii,
bIII and iv) and ambiguous loops new by root motion; a bar of fifteen beats of three eighths, drum
patterns of a water kit (a suikinkutsu groove, a jal tarang bounce, a rain stick shuffle, an ocean
drum's roll, a march of sloshing gourds) and a tempo range, and timbres no other split has: its
instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant
voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel
or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no
linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ pipe, no early
electronic instrument, no glass or friction instrument, but instruments that wind and water sound
with no player's lips, computed in numpy (flow_render: an aeolian harp's strings locked to their
modes by the wind's vortices, singing wires, a kite's aeolian bow, a hydraulophone's water jets and
their gurgle, whirly tubes swung round the head), its drums a kit of water drums, splashes, a
suikinkutsu's drops, rain sticks, an ocean drum and jal tarang bowls, computed the same way. Its clips
then go through a record's production (production.produce: a swimming pool's underwater loudspeaker
heard by a swimmer, a Super 8 film's magnetic stripe and its flutter, beside a room, a plate and
lossy encodes), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.flow_render import FLOW
from soundforge.testing.labelled_notation import (
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
    SNARE,
    Progression,
    written,
)

SPLIT = "nuraghe"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and ii
    # rocking twice before IV comes home through V; vi, IV and ii walking down to I twice; a minor song
    # turning VI, iv and ii° round before its V; a minor song rocking ii° between VI and iv.
    "dwelling": (
        written("vi ii vi ii IV I V I", "major", "9m7 2m 9m 2m7 5M7 0 7d7 0", own=SPLIT),
        written("vi IV ii I vi IV V I", "major", "9m 5a9 2m7 0 9m7 5M7 7s4 0", own=SPLIT),
        written("VI iv ii° iv VI ii° V i", "minor", "8M7 5m 2o 5m7 8 2h7 7d7 0m", own=SPLIT),
        written("VI ii° iv ii° VI iv V i", "minor", "8 2h7 5m7 2o 8M7 5m 7d7b9 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's ii and minor v before its bIII, mixolydian's minor v
    # and iii°, lydian's II and vii, phrygian's minor bvii between its bII and bIII.
    "modal": (
        written("dorian i-IV-i-ii-i-v-i-bIII", "minor", "0m 5 0m7 2m 0m 7m 0m7 3", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-v-I-iii°-I-ii", "major", "0 10 0 7m 0 4o 0 2m7", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-I-vii-I-iii-I-V", "major", "0M7 2 0 11m 0M7 4m 0 7", LYDIAN, own=SPLIT),
        written("phrygian i-bII-i-bvii-i-bIII-i-iv", "minor", "0m 1 0m7 10m 0m 3 0m 5m", PHRYGIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: iii and vi taking turns with ii and IV before I; a minor
    # loop round the circle of fifths whose bIII could be a relative major's I.
    "ambiguous": (
        written("iii vi ii IV iii vi IV I", "major", "4m 9m 2m7 5 4m7 9m 5 0", own=SPLIT),
        written("iv bVII bIII bVI iv i bVII i", "minor", "5m 10 3 8 5m7 0m 10 0m", own=SPLIT),
    ),
}
# The split's own meter: fifteen beats a bar, each of three eighths; its tempo counts the beat.
METER = "45/8"
METER_LAYOUT = (15, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "12/8", METER, METER)
# Instruments that wind and water sound (flow_render.FLOW): midi_render renders a flow set through
# flow_render. Each was checked by rendering to sound its note's locked mode within a cent held still
# and within 10 cents with its gusts, swing, scoop and vibrato, to stay within its level, to hold
# while the wind blows or the finger blocks the jet, and to render the same audio on every run. It
# has no piano, guitar, organ, brass, reed or voice and no program every other split shares beside
# its own, so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = FLOW.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (46, 47, 92, 94),  # an aeolian harp (high and low strings), a hydraulophone, whirly tubes
    "bass": (32, 35),  # the hydraulophone's widest jets, singing wires
    "lead": (72, 77, 110),  # a hydraulophone rocked, a whirly tube, a kite's aeolian bow
}
# What its held tones and free-time chords play: the aeolian harp held in a steady wind and the
# hydraulophone held, each as long as the wind blows or the finger blocks the jet (the free-time
# chords' bass, program 48, is the aeolian harp held).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the water kit has beyond labelled_notation's: the suikinkutsu's drop (the
# claves), the jal tarang's bowls high and low (the wood blocks), the rain stick turned (the cabasa),
# a gourd of water shaken (the maracas), the ocean drum rocked (the vibraslap), the low tom.
DROP, HIGH_BOWL, LOW_BOWL, RAIN_STICK, GOURD, OCEAN_DRUM, LOW_TOM = 75, 76, 77, 69, 70, 58, 45
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A groove on the suikinkutsu: its drops on the last sixteenth of 1, the "and" of 2, the "e" of 3
    # and 4's "and"; the rain stick tipped on every eighth.
    "suikinkutsu-groove": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, DROP) for k in (3, 6, 9, 14)),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # A bounce on the jal tarang: the high bowl on 1, 2's "and", 3 and 4's "and", the low one on the
    # last sixteenths of 1 and 3; the rain stick stopped by the hand on 2 and 4.
    "jaltarang-bounce": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_BOWL) for k in (0, 6, 8, 14)),
        *((k, LOW_BOWL) for k in (3, 11)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
    # A shuffle on the rain stick: turned between the beats, let run on 4's "and", the bowl struck on
    # each beat.
    "rainstick-shuffle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RAIN_STICK) for k in (2, 6, 10)),
        (14, OPEN_HAT),
        *((k, COWBELL) for k in (0, 4, 8, 12)),
    ),
    # A roll on the ocean drum: its beads ridden on each beat and on the "and" of 2 and 4, rocked once
    # on 1.
    "ocean-roll": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (0, 4, 6, 8, 12, 14)),
        (0, OCEAN_DRUM),
    ),
    # A march of sloshing gourds: the water drum on every beat, the gourd on every other sixteenth
    # between, the low water drum on 4's last sixteenth.
    "slosh-march": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        (15, LOW_TOM),
        *((k, GOURD) for k in range(1, 16, 2)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((68.0, 146.0), (58.0, 102.0), (72.0, 154.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "pool",
    "stripe",
    "room+stripe",
    "pool+aac",
    "plate+stripe",
    "stripe+opus",
    "pool+limit",
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
