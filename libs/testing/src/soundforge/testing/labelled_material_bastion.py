"""The bastion split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-second pass of method work by someone other than whoever tunes, while keep had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own and come home on I (i); modal vamps that hold their tonic at
least every other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar
of a meter of its own, drum patterns of the mouth organs' own sounds and their band's and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont,
no STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed without a pipe (an accordion's,
a harmonium's, a harmonica's), no modal bar or bell, no hammered string, no additive resynthesis, no
drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ
pipe, no early electronic instrument, no glass or friction instrument, no instrument that wind or
water sounds, no mechanical music, no instrument of stone, earth or wood, no gamelan bronze, no
nursery's toy, no plucked psaltery, no mouth harp, no string bowed by a wheel, no vessel flute, no
mirliton, no singing flame, no siren, no spark or arc, no stepper or drive, no cricket, cicada or
frog, no bird, no string, bar or fork driven by an electromagnet, no light-tone instrument, no
musical bow or string drum, no harp, no skin tuned to a note, no bamboo tube struck or shaken, but
free-reed mouth organs, computed in numpy (reed_render: a khaen, a sheng, a sho, a bass sheng, a
lusheng's great pipe, a hulusi, a bawu and a soprano sheng, a brass tongue swinging through its
slot in each pipe, the pipe's air column tuned to it pulling it into its note and sounding it),
its drums the mouth organs' own sounds and their band's, none of them held, computed the same way.
Its clips then go through a record's production (production.produce: a song through a motorcycle
helmet's intercom at speed, beside a Bluetooth link, lossy encodes and a limiter), or none. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
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
from soundforge.testing.reed_render import REED_SET

SPLIT = "bastion"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): IV and ii
    # trading before vi, IV and iii lead home; IV held two bars, then vi and ii round again before V;
    # a minor song turning about VI between ii° and iv before bVII; a minor song on iv and ii°, VI
    # once, ii° held two bars before V.
    "dwelling": (
        written("IV ii IV ii vi IV iii I", "major", "5M7 2m7 5 2m 9m7 5M9 4m7 0", own=SPLIT),
        written("IV IV vi ii IV vi V I", "major", "5 5M7 9m 2m7 5M9 9m7 7 0", own=SPLIT),
        written("ii° VI iv VI ii° VI bVII i", "minor", "2h7 8 5m7 8M7 2o 8 10 0m", own=SPLIT),
        written("iv ii° iv VI ii° ii° V i", "minor", "5m 2h7 5m7 8M7 2o 2h7 7d7 0m", own=SPLIT),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # dorian's bVII, minor ii and major IV; mixolydian's minor ii and v, IV and iii°; lydian's II
    # among vi, iii and V; phrygian's bII, bVI, bIII and minor iv.
    "modal": (
        written(
            "dorian i-bVII-i-ii-i-bVII-i-IV", "minor", "0m7 10 0m 2m7 0m9 10M7 0m 5d7", DORIAN, own=SPLIT
        ),
        written("mixolydian I-ii-I-v-I-IV-I-iii°", "major", "0 2m7 0d7 7m 0 5M7 0 4o", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vi-I-II-I-iii-I-V", "major", "0M7 9m7 0 2d7 0M7 4m 0 7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-bVI-i-bIII-i-iv", "minor", "0m 1M7 0m7 8 0m 3 0m7 5m7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi and I, iii and IV, then vi, ii and V back to I; a minor
    # loop led by the relative major's bIII, through bVII, bVI and iv, then bIII, bVI and bVII to i.
    "ambiguous": (
        written("vi I iii IV vi ii V I", "major", "9m 0 4m7 5 9m7 2m 7 0M7", own=SPLIT),
        written("bIII bVII bVI iv bIII bVI bVII i", "minor", "3M7 10 8 5m7 3 8M7 10 0m", own=SPLIT),
    ),
}
# The split's own meter: nineteen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "76/16"
METER_LAYOUT = (19, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Free-reed mouth organs (reed_render.REED_SET): midi_render renders a reed set through reed_render.
# Each was checked by rendering to sound its note within a cent held still and within ten cents as it
# is, to stay within its level, to hold while its key is down, and to render the same audio on every
# run. It has no piano, guitar, organ, brass, reed or voice of the kinds every other split shares, so
# the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = REED_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (21, 20, 23),  # a khaen, a sheng, a sho
    "bass": (33, 34),  # a bass sheng, a lusheng's great pipe
    "lead": (22, 75, 109),  # a hulusi, a bawu, a soprano sheng
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a bass sheng's copper windchest thumped
# (the second bass drum), a pair of chap clapped (the second snare), a pipe's open end slapped shut,
# three lengths (the toms), two krap clicked (the claves) and a khaen's chest knocked high and low
# (the wood blocks).
COPPER_CHEST, CHAP, LOW_POP, MID_POP, HIGH_POP, KRAP, HIGH_CHEST, LOW_CHEST = (
    35, 40, 41, 45, 48, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The ching clicked shut on every "and", the chap clapped on 4's "e".
    "ching-offbeats": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 10, 14)),
        (13, CHAP),
    ),
    # The copper chest thumped on 2's "a" and 3's "and", pipes popped low on 1's "and", high on 4's "e".
    "chest-thumps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, COPPER_CHEST),
        (10, COPPER_CHEST),
        (2, LOW_POP),
        (13, HIGH_POP),
    ),
    # Krap clicked on 1's "e" and 3's "a", the chest knocked high on 2's "and", low on 4's "and", the
    # ching pressed on 3's "e", a middle pipe popped on 2's "a".
    "krap-answer": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, KRAP),
        (11, KRAP),
        (6, HIGH_CHEST),
        (14, LOW_CHEST),
        (9, PEDAL_HAT),
        (7, MID_POP),
    ),
    # The mouthpiece tapped on 1's "a" and 3's "a", the ching let ring on 2's "e", the pipe bands
    # rattled on 4's "and".
    "mouthpiece-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, RIDE),
        (11, RIDE),
        (5, OPEN_HAT),
        (14, TAMBOURINE),
    ),
}
# Songs in simple meters, songs in compound (slow: 51-77), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((65.0, 139.0), (51.0, 77.0), (67.0, 133.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "helmet",
    "aac+helmet",
    "helmet+limit",
    "mp3+helmet",
    "bluetooth+helmet",
    "opus",
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
