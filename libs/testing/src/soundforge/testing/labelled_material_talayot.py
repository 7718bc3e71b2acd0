"""The talayot split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-first pass of method work by someone other than whoever tunes, while nuraghe
was still held out beside it. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own (vi, IV and ii circling before I comes in for two bars,
vi and ii rocking round IV before IV comes home plagally, a minor song circling ii° between iv and VI
before its V, a minor song rocking ii° and iv after VI before its V) and come home on I (i); modal
vamps (dorian on i, bVII, ii, v and IV, mixolydian on I, v, IV, bVII and vi, lydian on I, vii, II, vi
and iii, phrygian on i, bIII, bII, iv and bvii) and ambiguous loops new by root motion; a bar of
fifteen beats of four sixteenths, drum patterns of an orchestrion's traps (a barrel organ's march, a
polka with its tambourine, a castanets' bolero, a rattle's shuffle, a wood block's gallop) and a
tempo range, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no
tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or
friction instrument, no instrument that wind or water sounds, but mechanical music a turning machine
plays with no player's hands, computed in numpy (barrel_render: a mechanical zither's strings picked
by its star wheels, held under their tremolo, a cylinder box's and a disc box's steel combs plucked
by their pins, a mandoline's replucked teeth, lead-weighted bass teeth), its drums an orchestrion's
and a disc box's traps struck by sprung levers, computed the same way. Its clips then go through a
record's production (production.produce: a brown wax phonograph cylinder's hill-and-dale groove, a
baby monitor's ADPCM link and its parent unit's speaker, beside a room, a plate and lossy encodes), or
none. It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.barrel_render import BARREL
from soundforge.testing.labelled_notation import (
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
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "talayot"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi, IV and ii
    # circling before I comes in for two bars; vi and ii rocking round IV before IV comes home
    # plagally; a minor song circling ii° between iv and VI before its V; a minor song rocking ii° and
    # iv after VI before its V.
    "dwelling": (
        written("vi IV ii IV vi ii I I", "major", "9m7 5 2m 5a9 9m 2m7 0 0M7", own=SPLIT),
        written("vi IV vi ii IV ii IV I", "major", "9m 5M7 9m7 2m 5 2m7 5a9 0", own=SPLIT),
        written("iv ii° VI ii° iv VI V i", "minor", "5m 2o 8 2h7 5m7 8M7 7d7 0m", own=SPLIT),
        written("VI ii° VI iv ii° iv V i", "minor", "8M7 2h7 8 5m 2o 5m7 7d7b9 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's bVII, ii and minor v before its IV, mixolydian's minor
    # v, IV and bVII before its vi, lydian's vii and II before vi and iii, phrygian's bIII and bII
    # before iv and its minor bvii.
    "modal": (
        written("dorian i-bVII-i-ii-i-v-i-IV", "minor", "0m7 10 0m 2m7 0m 7m 0m7 5", DORIAN, own=SPLIT),
        written("mixolydian I-v-I-IV-I-bVII-I-vi", "major", "0 7m 0d7 5 0 10 0 9m", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vii-I-II-I-vi-I-iii", "major", "0M7 11m 0 2 0M7 9m 0 4m", LYDIAN, own=SPLIT),
        written("phrygian i-bIII-i-bII-i-iv-i-bvii", "minor", "0m 3 0m7 1 0m 5m 0m 10m", PHRYGIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: vi and IV opening a loop whose I comes between V and vi,
    # and again after ii and IV; a minor loop opening on bVI and bIII, a relative major's IV and I,
    # whose i comes after iv and again after bVI.
    "ambiguous": (
        written("vi IV I V vi ii IV I", "major", "9m 5 0 7 9m7 2m 5 0", own=SPLIT),
        written("bVI bIII bVII iv i bVII bVI i", "minor", "8 3 10 5m 0m 10 8M7 0m", own=SPLIT),
    ),
}
# The split's own meter: fifteen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "60/16"
METER_LAYOUT = (15, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Mechanical music (barrel_render.BARREL): midi_render renders a barrel set through barrel_render.
# Each was checked by rendering to sound its note within a cent (its partials where a stiff string's
# or a cantilever's physics puts them), to stay within its level, to hold while the star wheel or the
# mandoline's pins repick it, and to render the same audio on every run. It has no piano, guitar,
# organ, brass, reed or voice and no program every other split shares beside its own, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BARREL.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (46, 8, 11),  # a mechanical zither, a cylinder box's comb, a disc box's twin combs
    "bass": (32, 33),  # the zither's bass strings, lead-weighted bass teeth
    "lead": (107, 10),  # the zither under its star wheel's tremolo, a mandoline
}
# What its held tones and free-time chords play: the zither repicked by its star wheel and a
# mandoline's teeth replucked, each as long as the disc's slot or the barrel's pins hold (the
# free-time chords' bass, program 48, is the zither held).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the orchestrion's traps have beyond labelled_notation's: the castanets (the
# clap), the side drum's two-beater roll (the electric snare), the triangle muted and open, the wood
# blocks high and low, the rattle (the maracas).
ROLL, MUTE_TRIANGLE, TRIANGLE, HIGH_WOOD, LOW_WOOD, RATTLE = 40, 80, 81, 76, 77, 70
CASTANETS = CLAP
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A barrel organ's march: the bells struck on 1 and 3, the cymbal damped on every "and", the
    # side drum's roll into 1 on 4's last sixteenth.
    "barrel-march": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (15, ROLL),
        (0, COWBELL),
        (8, COWBELL),
        *((k, CLOSED_HAT) for k in (2, 6, 10, 14)),
    ),
    # An orchestrion's polka: the tambourine on every "and", the low wood block with the bass drum,
    # the cymbal let ring on 4's "and".
    "orchestrion-polka": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (2, 6, 10, 14)),
        (0, LOW_WOOD),
        (8, LOW_WOOD),
        (14, OPEN_HAT),
    ),
    # A castanets' bolero: the castanets on 1, its "and" and its "a", then 2, and the same in 3 and
    # 4; the cymbal tapped on 1 and 3.
    "castanet-bolero": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CASTANETS) for k in (0, 2, 3, 4, 8, 10, 11, 12)),
        (0, RIDE),
        (8, RIDE),
    ),
    # A rattle's shuffle: the rattle on each beat's last sixteenth, the triangle let ring on 1 and 3
    # and damped on the "and" of 2 and 4.
    "ratchet-shuffle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RATTLE) for k in (3, 7, 11, 15)),
        (0, TRIANGLE),
        (8, TRIANGLE),
        (6, MUTE_TRIANGLE),
        (14, MUTE_TRIANGLE),
    ),
    # A wood block's gallop: the high block on each beat and its last sixteenth, the cymbal pressed
    # on the "and" of 1 and 3.
    "woodblock-gallop": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_WOOD) for k in (0, 3, 4, 7, 8, 11, 12, 15)),
        (2, PEDAL_HAT),
        (10, PEDAL_HAT),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((74.0, 152.0), (56.0, 98.0), (70.0, 150.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "cylinder",
    "monitor",
    "room+cylinder",
    "monitor+aac",
    "plate+cylinder",
    "cylinder+opus",
    "monitor+limit",
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
