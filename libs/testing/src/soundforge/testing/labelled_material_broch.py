"""The broch split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-ninth pass of method work by someone other than whoever tunes, while cist was
still held out beside it. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own (IV swinging with vi after ii7, IV and vi held two
bars each between two ii, a minor song circling ii°, VI and iv) and come home on I (i); modal vamps
(dorian on i, v, IV, ii and bVII, mixolydian on I, vi, bVII, ii and v, lydian on I, vii, II, V and
iii, phrygian on i, bIII, bII, iv and bVI) and ambiguous loops new by root motion; a bar of fourteen
beats of four sixteenths, drum patterns of a friction kit (a cuica samba, a guiro cha-cha, a
friction drums' march, a glass ride's swing, a lion's roar shuffle) and a tempo range, and timbres
no other split has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no
analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or
vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string, no additive
resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed or fretted
string, no organ pipe, no early electronic instrument, but glass and friction instruments computed
in numpy (glass_render: a glass harmonica's bowls, musical glasses, a Cristal Baschet's rods and
cones, rubbed singing bowls, a nail violin and bowed bass rods, a musical saw, a wine glass), its
drums a kit of friction drums, scrapers and struck glass, computed the same way. Its clips then go
through a record's production (production.produce: a two-way radio's channel and squelch, an
off-centre LP's eccentric wow and inner-groove loss, beside a room, a plate, a hall and lossy
encodes), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.glass_render import GLASS
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

SPLIT = "broch"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): IV swinging
    # with vi after ii7, IV and vi held two bars each between two ii, a minor song circling ii°, VI
    # and iv.
    "dwelling": (
        written("ii7 IV vi IV vi7 IV V9 I", "major", "2m7 5M7 9m 5 9m7 5 7d9 0", own=SPLIT),
        written("ii IV IV7 vi vi7 ii7 V I", "major", "2m 5 5M7 9m 9m7 2m7 7s4 0", own=SPLIT),
        written("ii° VI iv VI ii° iv V i", "minor", "2h7 8 5m 8M7 2o 5m7 7d7b9 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's minor v and ii, mixolydian's vi and ii, lydian's vii
    # and V, phrygian's bIII before its bII.
    "modal": (
        written("dorian i-v-IV-i-ii-i-bVII-i", "minor", "0m 7m 5 0m7 2m 0m 10 0m7", DORIAN, own=SPLIT),
        written("mixolydian I-vi-bVII-I-ii-I-v-I", "major", "0 9m 10 0 2m7 0 7m 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vii-II-I-V-I-iii-I", "major", "0M7 11m 2 0 7 0M7 4m 0", LYDIAN, own=SPLIT),
        written("phrygian i-bIII-bII-i-iv-i-bVI-i", "minor", "0m 3 1 0m 5m 0m7 8 0m", PHRYGIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: ii and vi taking turns round I with V and IV; a minor loop
    # whose bVI, bIII and bVII could be a relative major's IV, I and V.
    "ambiguous": (
        written("ii vi I V ii vi IV I", "major", "2m 9m 0 7 2m7 9m 5 0", own=SPLIT),
        written("bVI i bIII bVII bVI i iv bVII", "minor", "8 0m 3 10 8 0m 5m 10", own=SPLIT),
    ),
}
# The split's own meter: fourteen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "56/16"
METER_LAYOUT = (14, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "12/8", "4/4", METER, METER)
# Glass and friction instruments (glass_render.GLASS): midi_render renders a glass set through
# glass_render. Each was checked by rendering to sound its note's first mode within a cent held still
# and within 10 cents with its scoop and vibrato, to stay within its level, to hold while the finger
# is on it, and to render the same audio on every run. It has no piano, guitar, organ, brass, reed or
# voice and no program every other split shares beside its own, so the split draws only the
# programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = GLASS.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (88, 89, 90, 91),  # a glass harmonica, musical glasses, a Cristal Baschet, singing bowls
    "bass": (38, 39, 43),  # the Baschet's long stems, bowed bass rods, the harmonica's largest bowls
    "lead": (40, 41, 84, 85),  # a musical saw, a nail violin, the Baschet's short stems, a wine glass
}
# What its held tones and free-time chords play: the glass harmonica held and the musical glasses
# held, each as long as the finger is on the glass (the free-time chords' bass, program 48, is the
# glass harmonica held).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the friction kit has beyond labelled_notation's: the cuica muted and open, the
# guiro short and long, the lion's roar (General MIDI's electric snare), the low tom, the cabasa,
# the open triangle.
MUTE_CUICA, OPEN_CUICA, SHORT_GUIRO, LONG_GUIRO = 78, 79, 73, 74
LIONS_ROAR, LOW_TOM, CABASA, OPEN_TRIANGLE = 40, 45, 69, 81
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A samba on the cuica: open on the "e" of 1 and 3's "a", muted after them; the glass chimes on
    # every eighth.
    "cuica-samba": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_CUICA) for k in (1, 11)),
        *((k, MUTE_CUICA) for k in (6, 14)),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # A cha-cha on the guiro: long on 1 and 3, short on 2, its "and" and 4; the tumbler on each beat.
    "guiro-chacha": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, LONG_GUIRO) for k in (0, 8)),
        *((k, SHORT_GUIRO) for k in (4, 6, 12)),
        *((k, COWBELL) for k in (0, 4, 8, 12)),
    ),
    # A march of friction drums: the big pot on every beat, the low pot on 4's "and", the beads
    # between the beats.
    "rommelpot-march": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        (14, LOW_TOM),
        *((k, CABASA) for k in (2, 6, 10, 14)),
    ),
    # A swing on the glass bell: on each beat and the last sixteenth of 1 and 3, the chimes pedalled
    # on 2 and 4, the glass bell struck open on 1.
    "glass-swing": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (0, 3, 4, 8, 11, 12)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
        (0, OPEN_TRIANGLE),
    ),
    # A shuffle: the lion's roar on 3's "and", the chimes let ring on 2's "and", the glass bell struck
    # open on 1.
    "roar-shuffle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (10, LIONS_ROAR),
        (6, OPEN_HAT),
        (0, OPEN_TRIANGLE),
        *((k, CLOSED_HAT) for k in (0, 3, 8, 11)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((74.0, 152.0), (56.0, 98.0), (78.0, 158.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "walkie",
    "eccentric",
    "room+walkie",
    "eccentric+mp3",
    "plate+eccentric",
    "walkie+opus",
    "hall+eccentric",
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
