"""The quoit split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-fourth pass of method work by someone other than whoever tunes, while naveta
and taula had become development splits. Its material is in none of the others: songs that sit on
vi, ii and IV (VI, iv and ii° in minor) by ways of their own (ii and vi rocking before IV and vi
lead to I, which comes in for two bars; vi and IV rocking round ii before V hands over to I; a
minor song rocking iv and ii°, then VI and ii°, before its V; a minor song falling VI, iv, ii° by
thirds twice before its V) and come home on I (i); modal vamps (dorian on i, ii, IV, v and bVII, mixolydian
on I, IV, vi, bVII and v, lydian on I, vii, II, vi and iii, phrygian on i, bII, iv, bvii and bVI)
and ambiguous loops new by root motion; a bar of sixteen beats of four sixteenths, drum patterns of
a nursery's toys (a toy drum's march, an egg shaker against a toy tambourine, a tin can and a
bicycle bell, wooden blocks knocked over a rattle, a clapper and a toy triangle) and a tempo range,
and timbres no other split has: its instruments are no recordings, no soundfont, no STK model, no
waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable,
granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string,
no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed
or fretted string, no organ pipe, no early electronic instrument, no glass or friction instrument, no
instrument that wind or water sounds, no mechanical music, no instrument of stone, earth or wood, no
gamelan bronze, but a nursery's toys, computed in numpy (toy_render: a toy piano's steel rods, each
a cantilever clamped at one end and struck by a small hammer, in a plastic or a wooden case; a
toy upright's thicker rods; boomwhackers' plastic tubes, the air in each an open pipe or, capped, a
closed one, struck against the hand; rods and tubes rolled while held), its drums toy drums, a
rattle, an egg shaker, a toy tambourine, tin cymbals, a tin can, a bicycle bell, wooden blocks, a
clapper and a toy triangle, computed the same way. Its clips then go through a record's production
(production.produce: a smartphone's speakerphone on a call, its echo canceller's suppressor ducking
the song while the far end talks, and a lift car's ceiling speaker with its small metal room, beside
a room, a plate and lossy encodes), or none. It sits in its own module so that whoever tunes does not
read it in passing; labelled_material merges it in. Whoever tunes the methods should not open this
file.
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
    PHRYGIAN,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.toy_render import TOY

SPLIT = "quoit"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii and vi
    # rocking before IV and vi lead to I, which comes in for two bars; vi and IV rocking round ii
    # before V hands over to I; a minor song rocking iv and ii°, then VI and ii°, before its V; a
    # minor song falling VI, iv, ii° by thirds twice before its V.
    "dwelling": (
        written("ii vi ii vi IV vi I I", "major", "2m7 9m 2m 9m7 5a9 9m 0 0M7", own=SPLIT),
        written("vi IV vi ii IV vi V I", "major", "9m7 5 9m 2m7 5M7 9m 7d7 0a9", own=SPLIT),
        written("iv ii° iv VI ii° VI V i", "minor", "5m7 2o 5m 8M7 2h7 8 7d7 0m", own=SPLIT),
        written("VI iv ii° VI iv ii° V i", "minor", "8M7 5m 2h7 8 5m7 2o 7d7b9 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's ii, IV, minor v and bVII, mixolydian's IV, vi, bVII
    # and minor v, lydian's vii, II, vi and iii, phrygian's bII, iv, minor bvii and bVI.
    "modal": (
        written("dorian i-ii-i-IV-i-v-bVII-i", "minor", "0m7 2m7 0m 5 0m9 7m 10 0m", DORIAN, own=SPLIT),
        written("mixolydian I-IV-I-vi-bVII-I-v-I", "major", "0 5 0d7 9m 10 0 7m7 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vii-I-II-vi-I-iii-I", "major", "0M7 11m7 0 2 9m 0M9 4m 0", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-iv-bvii-i-bVI-i", "minor", "0m 1M7 0m7 5m 10m 0m 8 0m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV and ii opening a loop that falls to vi, then IV, V and
    # iii before I; a minor loop on its relative major's IV and I (bVI, bIII) round bVII and v, whose
    # i comes only at the loop's end.
    "ambiguous": (
        written("IV ii vi IV V iii V I", "major", "5M7 2m 9m7 5 7 4m7 7d7 0", own=SPLIT),
        written("bVI bIII bVII v bVI bIII v i", "minor", "8M7 3 10 7m 8 3M7 7m7 0m", own=SPLIT),
    ),
}
# The split's own meter: sixteen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "64/16"
METER_LAYOUT = (16, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# A nursery's toys (toy_render.TOY): midi_render renders a toy set through toy_render. Each was
# checked by rendering to sound its note within a cent (its modes where a cantilever's or an air
# column's physics puts them), to stay within its level, to hold while it is rolled, and to render the
# same audio on every run. It has no piano, guitar, organ, brass, reed or voice and no program every
# other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = TOY.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (12, 13, 14),  # a toy piano's rods, boomwhackers' open tubes, a toy upright's thick rods
    "bass": (32, 33),  # boomwhackers' capped tubes, a toy piano's long low rods
    "lead": (9, 10),  # a toy piano's top rods under a hard hammer, small boomwhackers struck hard
}
# What its held tones and free-time chords play: a toy piano's rod and a boomwhacker's tube rolled as
# long as the note is held (the free-time chords' bass, program 48, is the rod rolled).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: toy drums (the toms), wooden blocks (the
# wood blocks), a bicycle bell (the ride bell), an egg shaker (the maracas), a toy triangle (the
# triangles).
LOW_TOM, HIGH_TOM, HIGH_BLOCK, LOW_BLOCK, BELL, SHAKER, TRIANGLE = 41, 48, 76, 77, 53, 70, 81
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A toy drum's march: the small drum dragged into 2 and 4 (its "a"), the high toy drum on 1's
    # and 3's "a".
    "toy-drum-march": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, SNARE),
        (11, SNARE),
        (7, HIGH_TOM),
        (15, HIGH_TOM),
    ),
    # An egg shaker on every "e" and "a", a toy tambourine on each beat's "and".
    "egg-shaker-tambourine": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SHAKER) for k in (1, 3, 5, 7, 9, 11, 13, 15)),
        *((k, TAMBOURINE) for k in (2, 6, 10, 14)),
    ),
    # A tin can struck on 1, 2's "a" and 3's "and", a bicycle bell rung on 4's "and", the low toy
    # drum on 2's "and".
    "tin-can-bell": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (0, 7, 10)),
        (14, BELL),
        (6, LOW_TOM),
    ),
    # Wooden blocks knocked, high on 1's and 3's "e", low on 2's and 4's "and", over a rattle shaken
    # on each beat's "and" and let go on 4's "a".
    "blocks-over-rattle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_BLOCK) for k in (1, 9)),
        *((k, LOW_BLOCK) for k in (6, 14)),
        *((k, CLOSED_HAT) for k in (2, 6, 10)),
        (15, OPEN_HAT),
    ),
    # A clapper's boards slapped with the snare and on 3's "a", a toy triangle let ring on 1's "a".
    "clapper-triangle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAP) for k in (4, 11, 12)),
        (3, TRIANGLE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((68.0, 144.0), (54.0, 94.0), (72.0, 148.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "speakerphone",
    "lift",
    "room+speakerphone",
    "lift+mp3",
    "plate+lift",
    "speakerphone+aac",
    "lift+limit",
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
