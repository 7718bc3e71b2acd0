"""The mamoa split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-eighth pass of method work by someone other than whoever tunes, while anta had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own (ii, IV and vi swaying round IV before IV comes home to I,
with no V; vi and ii turning round IV before bVII steps up to I, with no V; a minor song swinging
iv and VI round ii° before its V; a minor song whose V falls to VI before ii° and V bring it home)
and come home on I (i); modal vamps (dorian on i, IV, bVII, ii and bIII, mixolydian on I, bVII, vi,
v and ii, lydian on I, II, vii, vi and iii, phrygian on i, bII, bVI, bvii and iv) and ambiguous
loops new by root motion; a bar of twenty beats of two eighths, drum patterns of the vessels' and
their players' own sounds (bottles' necks popped, corks drawn, breath chuffed across a window,
water sloshed in a bottle, a glazed ocarina ticked) and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch,
no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch,
no tonewheel or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no
drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no
organ pipe, no early electronic instrument, no glass or friction instrument, no instrument that
wind or water sounds, no mechanical music, no instrument of stone, earth or wood, no gamelan
bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string bowed by a wheel, but
vessel flutes and blown vessels, computed in numpy (vessel_render: bottles blown across, a consort
of Budrio ocarinas, a xun's consort, bottles blown long, a double ocarina's chambers, a jug buzzed
into, a bass ocarina, a pendant ocarina, a gemshorn, a hun; each a Helmholtz resonator with one
resonance on the note, driven by a jet saturating across the window's edge (or, the jug, by
buzzing lips), its harmonics far under the note, the breath heard through the vessel and at the
window, the pitch rising onto the note as the breath builds), its drums the players' palms, fingers,
tongues and breath and the vessels' necks, corks, bellies and glaze, computed the same way. Its
clips then go through a record's production (production.produce: a drive-in cinema's low-power FM
transmitter heard on a parked car's radio, and a neighbour's earbuds leaking on a commuter train,
beside a room, a plate and lossy encodes), or none. It sits in its own module so that whoever tunes
does not read it in passing; labelled_material merges it in. Whoever tunes the methods should not
open this file.
"""

from __future__ import annotations

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
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.vessel_render import VESSEL_SET

SPLIT = "mamoa"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii, IV and vi
    # swaying round IV before IV comes home to I (no V); vi and ii turning round IV before bVII steps
    # up to I (no V); a minor song swinging iv and VI round ii° before its V; a minor song whose V
    # falls to VI before ii° and V bring it home.
    "dwelling": (
        written("ii IV vi IV ii vi IV I", "major", "2m7 5 9m 5M7 2m 9m7 5a9 0", own=SPLIT),
        written("vi IV ii IV vi ii bVII I", "major", "9m7 5 2m7 5M7 9m 2m 10 0M7", own=SPLIT),
        written("iv VI ii° VI iv ii° V i", "minor", "5m7 8M7 2h7 8 5m 2o 7d7 0m", own=SPLIT),
        written("VI ii° iv V VI ii° V i", "minor", "8M7 2h7 5m 7d7 8 2h7 7d7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's IV, bVII, ii and bIII, mixolydian's bVII, vi, minor
    # v and ii, lydian's II, vii, vi and iii, phrygian's bII, bVI, minor bvii and iv.
    "modal": (
        written("dorian i-IV-i-bVII-i-ii-i-bIII", "minor", "0m7 5 0m 10 0m9 2m7 0m 3M7", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-vi-I-v-I-ii", "major", "0 10 0d7 9m 0 7m7 0 2m7", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-I-vii-I-vi-I-iii", "major", "0M7 2 0 11m 0M9 9m7 0 4m", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-bVI-i-bvii-i-iv", "minor", "0m 1M7 0m7 8 0m 10m 0m 5m7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: ii and V falling to vi, then IV, ii and V again before iii
    # leans on I; a minor loop from bVII down through iv, VI and bIII, then bVII and iv again, whose i
    # comes only after its V at the loop's end.
    "ambiguous": (
        written("ii V vi IV ii V iii I", "major", "2m7 7 9m 5M7 2m 7d7 4m7 0", own=SPLIT),
        written("bVII iv VI bIII bVII iv V i", "minor", "10 5m7 8M7 3 10 5m 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty beats a bar, each of two eighths; its tempo counts the beat.
METER = "20/4"
METER_LAYOUT = (20, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Vessel flutes and blown vessels (vessel_render.VESSEL_SET): midi_render renders a vessel set through
# vessel_render. Each was checked by rendering to sound its note within a cent held still (its
# harmonics on the note's, the breath's vibrato stilled) and within ten cents as it is (the breath,
# the chiff, the vibrato), to stay within its level, to hold while its key is down, and to render the
# same audio on every run. It has no piano, guitar, organ, brass, reed or voice and no program every
# other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = VESSEL_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (76, 79, 77),  # bottles blown across, a consort of Budrio ocarinas, a xun's consort
    "bass": (33, 34),  # a jug buzzed into, a bass ocarina
    "lead": (75, 78, 72),  # a pendant ocarina, a gemshorn, a hun
}
# What its held tones and free-time chords play: bottles blown long and a double ocarina's chambers,
# sounding as long as the note is held (the free-time chords' bass, program 48, is the bottles').
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: bottles' necks popped (the toms), a
# glazed ocarina ticked (the claves and the wood blocks), breath hissed through the teeth (the
# maracas).
LOW_TOM, MID_TOM, HIGH_TOM, CLAVES, HIGH_BLOCK, LOW_BLOCK, MARACAS = 41, 45, 48, 75, 76, 77, 70
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Bottles' necks popped, high on 1's "a", middle on 2's "a", low on 3's "a" and middle on 4's "a".
    "popped-necks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_TOM),
        (7, MID_TOM),
        (11, LOW_TOM),
        (15, MID_TOM),
    ),
    # A cork drawn on 2's and 4's "and", breath chuffed on 1's and 3's "and".
    "drawn-corks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIMSHOT) for k in (6, 14)),
        *((k, CLOSED_HAT) for k in (2, 10)),
    ),
    # The jug slapped again on 3's "and", breath chuffed on every "and", through closed lips on 2's
    # "a", long on 4's "a", a chuff of breath thrice on 4.
    "chuffed-breath": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 14)),
        (7, PEDAL_HAT),
        (15, OPEN_HAT),
        (12, CLAP),
    ),
    # Water sloshed in a bottle on 1's and 3's "e", breath hissed on 2's and 4's "e", the glaze
    # ticked on 4's "and".
    "sloshed-bottles": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (1, 9)),
        *((k, MARACAS) for k in (5, 13)),
        (14, CLAVES),
    ),
    # The jug slapped again on 1's "a", the glaze ticked high on 2's "and" and low on 3's "a", a
    # spoon on the jug's shoulder on 4's "a", bottles clinked on 1.
    "ticked-glaze": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, HIGH_BLOCK),
        (11, LOW_BLOCK),
        (15, COWBELL),
        (0, RIDE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((70.0, 148.0), (46.0, 84.0), (62.0, 136.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "drive-in",
    "earbuds",
    "room+earbuds",
    "drive-in+mp3",
    "plate+drive-in",
    "earbuds+aac",
    "drive-in+limit",
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
