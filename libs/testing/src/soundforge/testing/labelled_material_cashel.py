"""The cashel split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-third pass of method work by someone other than whoever tunes, while crannog
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI,
iv and ii° in minor) by ways of their own (IV, ii and vi circling before the borrowed bVII steps up
to I, with no V; ii, vi and IV circling before the leading tone's diminished triad steps up to I; a
minor song circling ii°, iv and VI before bVII steps up to i, with no V; a minor song circling iv,
VI and ii° before the Neapolitan bII falls to i) and come home on I (i); modal vamps (dorian on i,
IV, ii, bIII and minor v, mixolydian on I, ii, minor v, vi and bVII, lydian on I, vii, II, iii and
the diminished #iv, phrygian on i, minor bvii, bVI, bII and iv) and ambiguous loops new by root
motion; a bar of twenty-six beats of two eighths, drum patterns of the machines' own sounds (the
drives' steel cases struck by a palm, a hard drive's heads seeking, a line printer's hammers, a
stepper's steel shaft and a lead screw's brass nut struck, a sheet rustling through the feed) and a
tempo range, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no
tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or
friction instrument, no instrument that wind or water sounds, no mechanical music, no instrument of
stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no
string bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc,
but steppers and drives, machines whose motors are made to sing, computed in numpy (stepper_render:
a 3.5-inch floppy drive's head stepped to and fro, a flatbed scanner's carriage stepper, a hard
drive's arm swung by its voice coil, a plotter's pen carriage and the floppy drive's head held, a
CNC router's big stepper, a 5.25-inch floppy drive's head, a dot-matrix printer's pins, a 3D
printer's small stepper, a laptop drive's arm; a driver switches the coils once a period, the moving
part is pulled toward where they hold it and the frame takes its acceleration, so every partial
stands on a harmonic of the note), its drums the machines' own sounds, computed the same way. Its
clips then go through a record's production (production.produce: a song played in a neighbour's
garden heard over the fence, and a song on a workshop's site radio heard under a pair of ear
defenders, beside a room, lossy encodes and a limiter), or none. It sits in its own module so that
whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods
should not open this file.
"""

from __future__ import annotations

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
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.stepper_render import STEPPER_SET

SPLIT = "cashel"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): IV, ii and vi
    # circling before the borrowed bVII steps up to I (no V); ii, vi and IV circling before vii's
    # diminished triad steps up to I; a minor song circling ii°, iv and VI before bVII steps up to i
    # (no V); a minor song circling iv, VI and ii° before the Neapolitan bII falls to i.
    "dwelling": (
        written("IV ii vi ii IV vi bVII I", "major", "5M7 2m 9m7 2m7 5 9m 10 0", own=SPLIT),
        written("ii vi IV vi ii IV vii° I", "major", "2m7 9m 5M7 9m7 2m 5 11o 0", own=SPLIT),
        written("ii° iv VI iv ii° VI bVII i", "minor", "2h7 5m 8M7 5m7 2o 8 10 0m", own=SPLIT),
        written("iv VI ii° VI iv ii° bII i", "minor", "5m7 8 2h7 8M7 5m 2o 1M7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's IV, ii, bIII and minor v, mixolydian's ii, minor v, vi
    # and bVII, lydian's vii, II, iii and diminished #iv, phrygian's minor bvii, bVI, bII and iv.
    "modal": (
        written("dorian i-IV-i-ii-i-bIII-i-v", "minor", "0m7 5 0m 2m7 0m9 3M7 0m 7m7", DORIAN, own=SPLIT),
        written("mixolydian I-ii-I-v-I-vi-I-bVII", "major", "0 2m7 0d7 7m 0 9m7 0 10", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vii-I-II-I-iii-I-#iv°", "major", "0M7 11m 0 2d7 0M9 4m7 0 6o", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bvii-i-bVI-i-bII-i-iv", "minor", "0m 10m7 0m7 8M7 0m 1 0m 5m7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: ii to IV and I, then vi, iii, V and IV before I; a minor
    # loop from bIII to bVII, iv and bVI, then i, minor v and ii° before i.
    "ambiguous": (
        written("ii IV I vi iii V IV I", "major", "2m7 5M7 0 9m 4m7 7 5 0", own=SPLIT),
        written("bIII bVII iv bVI i v ii° i", "minor", "3M7 10 5m7 8 0m 7m 2h7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-six beats a bar, each of two eighths; its tempo counts the beat.
METER = "26/4"
METER_LAYOUT = (26, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "4/4", "12/8", METER, METER)
# Steppers and drives (stepper_render.STEPPER_SET): midi_render renders a stepper set through
# stepper_render. Each was checked by rendering to sound its note within a cent held still (its
# harmonics on the note's, the timer's jitter and the rasp stilled) and within ten cents as it is, to
# stay within its level, to hold while its key is down, and to render the same audio on every run. It
# has no piano, guitar, organ, brass, reed or voice and no program every other split shares beside
# its own, so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = STEPPER_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (7, 23, 45),  # a 3.5-inch floppy drive's head, a flatbed scanner's stepper, a hard drive's arm
    "bass": (32, 39),  # a CNC router's big stepper, a 5.25-inch floppy drive's head
    "lead": (82, 71, 60),  # a dot-matrix printer's pins, a 3D printer's stepper, a laptop drive's arm
}
# What its held tones and free-time chords play: a plotter's pen carriage held and the floppy drive's
# head held, sounding as long as the note is held (the free-time chords' bass, program 48, is the
# plotter's).
SUSTAINED_PROGRAMS = (48, 53)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the drives' cases struck (the toms), a
# dot-matrix line's pins (the second snare), a lead screw's brass nut struck (the claves), the
# drives' bezels tapped (the wood blocks), a sheet rustling through the feed (the maracas), a motor's
# can struck (the ride's bell), a sheet torn off (the crash), the can struck muted (the muted
# triangle).
LOW_TOM, MID_TOM, HIGH_TOM, PINS, CLAVES, HIGH_BLOCK, LOW_BLOCK, MARACAS, CAN, TORN, MUTED_CAN = (
    41, 45, 48, 40, 75, 76, 77, 70, 53, 49, 80
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The drives' cases struck, high on 1's "e", middle on 2's "and", low on 3's "a" and on 4's "and".
    "struck-cases": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, HIGH_TOM),
        (6, MID_TOM),
        (11, LOW_TOM),
        (14, LOW_TOM),
    ),
    # A hard drive's heads seeking on every beat's "and", a stepper's detent on 4's "e", the fan's
    # burst on 3's "a".
    "seeking-heads": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 10, 14)),
        (13, PEDAL_HAT),
        (11, OPEN_HAT),
    ),
    # A line printer's hammers on 1's and 3's "e" and 2's and 4's "a", a dot-matrix line on 4's
    # "and", a sheet torn off on 1.
    "printing-line": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (1, 7, 9, 15)),
        (14, PINS),
        (0, TORN),
    ),
    # A stepper's steel shaft struck on 1's and 3's "and", a lead screw's nut on 2's and 4's "a", a
    # motor's can on 3, the eject latch on 4's "e".
    "shaft-and-nut": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (2, 10)),
        *((k, CLAVES) for k in (7, 15)),
        (8, CAN),
        (13, RIMSHOT),
    ),
    # A sheet rustling through the feed on every beat's "e", a timing belt's teeth on 2's "a", the
    # bezels tapped low on 3's "and" and high on 4's "a", the can muted on 1's "a".
    "belt-and-feed": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, MARACAS) for k in (1, 5, 9, 13)),
        (7, TAMBOURINE),
        (10, LOW_BLOCK),
        (15, HIGH_BLOCK),
        (3, MUTED_CAN),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((69.0, 152.0), (46.0, 87.0), (63.0, 143.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "garden-fence",
    "ear-defenders",
    "garden-fence+mp3",
    "aac+ear-defenders",
    "room+ear-defenders",
    "limit+garden-fence",
    "garden-fence+aac",
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
