"""The fogou split's own material: read once, only for the final numbers, never to choose a method.

Written for the fiftieth pass of method work by someone other than whoever tunes, while galgal had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own (ii, IV and vi circling each other before iii leans on I,
with no V; IV, ii and vi circling ii before the leading tone's vii° steps up to I; a minor song
circling iv, VI and ii° before bVII steps up to i, with no V; a minor song swinging VI round ii° and
iv before bVII and V bring it home) and come home on I (i); modal vamps (dorian on i, bIII, ii, IV
and bVII, mixolydian on I, ii, bVII, v and vi, lydian on I, vi, iii, II and V, phrygian on i, bVI,
bvii, bII and bIII) and ambiguous loops new by root motion; a bar of twenty-two beats of two
eighths, drum patterns of the fires' own sounds (a gas cloud lit in a combustion chamber, hot pipes
thumped by a gloved palm, a match struck and flaring, embers crackling, a steel pipe struck by a
spanner) and a tempo range, and timbres no other split has: its instruments are no recordings, no
soundfont, no STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM,
waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or
bell, no hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no
bore, no tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no
glass or friction instrument, no instrument that wind or water sounds, no mechanical music, no
instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no
mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, but singing flames, tubes set
sounding by heat, computed in numpy (flame_render: Kastner's pyrophone's glass tubes, Rijke tubes'
heated gauzes, a propane fire organ's steel pipes, the pyrophone and Rijke tubes held, a pulse
combustor, a bass Rijke organ, Higgins's singing flame, a Sondhauss tube, a thermoacoustic engine;
each a limit cycle, the heat given by King's law to the air swinging past a flame or a gauze driving
the tube's resonances, so every partial stands on a harmonic of the note), its drums the fires'
own sounds, computed the same way. Its clips then go through a record's production
(production.produce: a string telephone's tin cans and taut string, and a phone's speaker by a
campfire heard across the fire, beside a plate, a limiter and lossy encodes), or none. It sits in its
own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.flame_render import FLAME_SET
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

SPLIT = "fogou"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii, IV and vi
    # circling each other before iii leans on I (no V); IV, ii and vi circling ii before vii° steps up
    # to I; a minor song circling iv, VI and ii° before bVII steps up to i (no V); a minor song
    # swinging VI round ii° and iv before bVII and V bring it home.
    "dwelling": (
        written("ii IV vi IV ii vi iii I", "major", "2m7 5 9m7 5M7 2m 9m 4m7 0", own=SPLIT),
        written("IV ii vi ii IV vi vii° I", "major", "5 2m7 9m 2m 5M7 9m7 11o 0M7", own=SPLIT),
        written("iv VI ii° VI iv ii° bVII i", "minor", "5m7 8M7 2h7 8 5m 2o 10 0m", own=SPLIT),
        written("VI ii° iv VI ii° bVII V i", "minor", "8 2h7 5m7 8M7 2o 10 7d7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's bIII, ii, IV and bVII, mixolydian's ii, bVII, minor v
    # and vi, lydian's vi, iii, II and V, phrygian's bVI, minor bvii, bII and bIII.
    "modal": (
        written("dorian i-bIII-i-ii-i-IV-i-bVII", "minor", "0m7 3 0m 2m7 0m9 5 0m 10", DORIAN, own=SPLIT),
        written("mixolydian I-ii-I-bVII-I-v-I-vi", "major", "0 2m7 0 10 0d7 7m7 0 9m", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vi-I-iii-I-II-I-V", "major", "0M7 9m7 0 4m 0M9 2 0 7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bVI-i-bvii-i-bII-i-bIII", "minor", "0m 8 0m7 10m 0m 1M7 0m 3", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi to I, then IV, iii and ii before I, V and I again; a
    # minor loop from iv to i, then bIII, bVII, VI and bIII before V and i.
    "ambiguous": (
        written("vi I IV iii ii I V I", "major", "9m7 0 5M7 4m 2m7 0 7 0", own=SPLIT),
        written("iv i bIII bVII VI bIII V i", "minor", "5m7 0m 3M7 10 8 3 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-two beats a bar, each of two eighths; its tempo counts the beat.
METER = "22/4"
METER_LAYOUT = (22, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Singing flames (flame_render.FLAME_SET): midi_render renders a flame set through flame_render. Each
# was checked by rendering to sound its note within a cent held still (its harmonics on the note's,
# the tube's warming and the flame's flicker stilled) and within ten cents as it is, to stay within
# its level, to hold while its key is down, and to render the same audio on every run. It has no
# piano, guitar, organ, brass, reed or voice and no program every other split shares beside its own,
# so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = FLAME_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (56, 22, 61),  # Kastner's pyrophone's glass tubes, Rijke tubes, a propane fire organ
    "bass": (58, 67),  # a pulse combustor, a bass Rijke organ
    "lead": (59, 73, 60),  # a singing flame, a Sondhauss tube, a thermoacoustic engine
}
# What its held tones and free-time chords play: the pyrophone held and Rijke tubes held, sounding as
# long as the note is held (the free-time chords' bass, program 48, is the pyrophone's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: hot pipes thumped (the toms), a glass
# tube and its mouth tapped (the claves and the wood blocks), a bellows' puff (the maracas), a torch
# flaring (the crash), a steel pipe struck (the triangle).
LOW_TOM, MID_TOM, HIGH_TOM, CLAVES, HIGH_BLOCK, LOW_BLOCK, MARACAS, CRASH, TRIANGLE = (
    41, 45, 48, 75, 76, 77, 70, 49, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Hot pipes thumped, high on 1's "e", low on 2's "and", middle on 3's "a" and high on 4's "and".
    "thumped-pipes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, HIGH_TOM),
        (6, LOW_TOM),
        (11, MID_TOM),
        (14, HIGH_TOM),
    ),
    # A gas valve's click on 1's, 2's and 4's "and", gas hissing on 3's "a", a lighter's flint on 4's
    # "e".
    "clicked-valves": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 14)),
        (11, OPEN_HAT),
        (13, RIMSHOT),
    ),
    # Embers crackling on every beat's "and", a torch flaring on 1, the chamber lit again on 3's "a".
    "crackling-embers": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10, 14)),
        (0, CRASH),
    ),
    # Embers shaken on 2's and 4's "e", a bellows' puff on 1's and 3's "a", a glass tube tapped on 2's
    # "a", a pilot light's tick on 4's "and".
    "shaken-grate": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (5, 13)),
        *((k, MARACAS) for k in (3, 11)),
        (7, CLAVES),
        (14, PEDAL_HAT),
    ),
    # A steel pipe struck by a spanner on 2's and 4's "and", a glass tube's mouth tapped low on 1's
    # "e" and high on 3's "e", the pipe left to ring on 2, flash paper flaring on 2.
    "struck-pipes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (6, 14)),
        (1, LOW_BLOCK),
        (9, HIGH_BLOCK),
        (4, TRIANGLE),
        (4, CLAP),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((69.0, 146.0), (47.0, 85.0), (63.0, 134.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "string-telephone",
    "campfire",
    "string-telephone+mp3",
    "campfire+mp3",
    "plate+campfire",
    "string-telephone+aac",
    "campfire+limit",
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
