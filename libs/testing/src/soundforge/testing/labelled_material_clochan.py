"""The clochan split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-fourth pass of method work by someone other than whoever tunes, while cashel
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI,
iv and ii° in minor) by ways of their own (vi, IV and ii circling before iii falls a third to I, with
no V; ii, IV and vi circling before the borrowed bVI steps up to I, with no V; a minor song circling
iv, ii° and VI before the leading tone's diminished seventh steps up to i; a minor song circling VI,
iv and ii° before the relative major's III falls to i) and come home on I (i); modal vamps (dorian
on i, bVII, ii, IV and bIII, mixolydian on I, bVII, IV, minor v and ii, lydian on I, II, vii, V and
iii, phrygian on i, bII, minor bvii, bIII and bVI) and ambiguous loops new by root motion; a bar of
twenty-seven beats of two eighths, drum patterns of the creatures' own sounds (hollow branches
drummed by a palm cockatoo, a woodpecker drumming, a deathwatch beetle tapping and a goose's hiss,
antlers clashed and a stork's bill clattering, a peacock's train and dry leaves) and a tempo range,
and timbres no other split has: its instruments are no recordings, no soundfont, no STK model, no
waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable,
granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered
string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame,
no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, but crickets, cicadas and frogs, creatures that sing by file, tymbal and sac,
computed in numpy (creature_render: a field cricket's wing drawn across its file, a katydid's, a
cicada's tymbals buckling, a periodical cicada's chorus and a mole cricket in its burrow held, a
bullfrog's and a natterjack toad's larynx into their vocal sacs, a tree cricket's file, a tree frog's
sac and a two-ribbed cicada's tymbals; the body makes one pulse a period of the note and a resonator
of its body rings with it, so every partial stands on a harmonic of the note), its drums the
creatures' own sounds, computed the same way. Its clips then go through a record's production
(production.produce: a song played on a far shore heard across a lake at night, and a song played
by a phone under a pillow heard by the head on it, beside a room, lossy encodes and a limiter), or
none. It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.creature_render import CREATURE_SET
from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PHRYGIAN,
    RIDE,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "clochan"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi, IV and ii
    # circling before iii falls a third to I (no V); ii, IV and vi circling before the borrowed bVI
    # steps up to I (no V); a minor song circling iv, ii° and VI before vii's diminished seventh steps
    # up to i; a minor song circling VI, iv and ii° before the relative major's III falls to i.
    "dwelling": (
        written("vi IV ii IV vi ii iii I", "major", "9m7 5M7 2m 5 9m 2m7 4m7 0", own=SPLIT),
        written("ii IV vi IV ii vi bVI I", "major", "2m 5M7 9m7 5 2m7 9m 8M7 0", own=SPLIT),
        written("iv ii° VI iv ii° VI vii°7 i", "minor", "5m7 2h7 8M7 5m 2o 8 11o7 0m", own=SPLIT),
        written("VI iv ii° iv VI ii° III i", "minor", "8M7 5m 2h7 5m7 8 2o 3M7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's bVII, ii, IV and bIII, mixolydian's bVII, IV, minor v
    # and ii, lydian's II, vii, V and iii, phrygian's bII, minor bvii, bIII and bVI.
    "modal": (
        written("dorian i-bVII-i-ii-i-IV-i-bIII", "minor", "0m7 10 0m 2m7 0m9 5d7 0m 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-bVII-I-IV-I-v-I-ii", "major", "0d7 10 0 5M7 0 7m7 0d7 2m", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-II-I-vii-I-V-I-iii", "major", "0M7 2 0M9 11m 0 7 0M7 4m7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-bvii-i-bIII-i-bVI", "minor", "0m 1M7 0m7 10m 0m 3 0m7 8M7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV to vi, I and iii, then ii, V and vi before I; a minor
    # loop from bVI to iv, bIII and minor v, then i, bVII and iv before i.
    "ambiguous": (
        written("IV vi I iii ii V vi I", "major", "5M7 9m 0 4m7 2m7 7 9m7 0", own=SPLIT),
        written("bVI iv bIII v i bVII iv i", "minor", "8M7 5m7 3 7m 0m 10 5m 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-seven beats a bar, each of two eighths; its tempo counts the beat.
METER = "27/4"
METER_LAYOUT = (27, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Crickets, cicadas and frogs (creature_render.CREATURE_SET): midi_render renders a creature set
# through creature_render. Each was checked by rendering to sound its note within a cent held still
# (its harmonics on the note's, the pulses' jitter and the rustle stilled) and within ten cents as it
# is, to stay within its level, to hold while its key is down, and to render the same audio on every
# run. It has no piano, guitar, organ, brass, reed or voice and no program every other split shares
# beside its own, so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = CREATURE_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (10, 21, 51),  # a field cricket's file, a katydid's file, a cicada's tymbals
    "bass": (33, 43),  # a bullfrog's vocal sac, a natterjack toad's
    "lead": (73, 78, 85),  # a tree cricket's file, a tree frog's sac, a two-ribbed cicada's tymbals
}
# What its held tones and free-time chords play: a periodical cicada's chorus held and a mole cricket
# in its burrow held, sounding as long as the note is held (the free-time chords' bass, program 48,
# is the cicadas').
SUSTAINED_PROGRAMS = (48, 52)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: hollow branches drummed (the toms), a
# rattlesnake's rattle (the second snare), two antlers clashed (the claves), a crab's shell tapped
# (the wood blocks), dry leaves tossed (the maracas), a tortoise's shell knocked (the ride's bell)
# and knocked muted (the muted triangle).
LOW_TOM, MID_TOM, HIGH_TOM, RATTLE, ANTLERS, HIGH_SHELL, LOW_SHELL, LEAVES, SHELL, MUTED_SHELL = (
    41, 45, 48, 40, 75, 76, 77, 70, 53, 80
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Hollow branches drummed by a palm cockatoo: high on 1's "a", middle on 3's "e", low on 4's "e"
    # and "a".
    "hollow-branches": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_TOM),
        (9, MID_TOM),
        (13, LOW_TOM),
        (15, LOW_TOM),
    ),
    # A woodpecker drumming on every beat's "a", a snapping shrimp's snap on 3's "and".
    "woodpecker": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (3, 7, 11, 15)),
        (10, CLAP),
    ),
    # A deathwatch beetle tapping every eighth, a rattlesnake's rattle on 2's "and", a goose's hiss on
    # 4's "and".
    "beetle-and-goose": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (0, 2, 4, 8, 10, 12)),
        (6, RATTLE),
        (14, OPEN_HAT),
    ),
    # Antlers clashed on 1's and 3's "a", a stork's bill clattering on 2's and 4's "and", a tortoise's
    # shell knocked on 1.
    "antlers-and-bill": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, ANTLERS) for k in (3, 11)),
        *((k, COWBELL) for k in (6, 14)),
        (0, SHELL),
    ),
    # Dry leaves tossed on every beat's "a", a peacock's train on 1's and 3's "and", a crab's shell
    # tapped high on 2's "and" and low on 4's "e", the tortoise's shell muted on 3's "e".
    "train-and-leaves": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, LEAVES) for k in (3, 7, 11, 15)),
        *((k, TAMBOURINE) for k in (2, 10)),
        (6, HIGH_SHELL),
        (13, LOW_SHELL),
        (9, MUTED_SHELL),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((67.0, 147.0), (45.0, 84.0), (62.0, 139.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "night-lake",
    "under-pillow",
    "under-pillow+mp3",
    "aac+night-lake",
    "room+under-pillow",
    "limit+night-lake",
    "night-lake+aac",
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
