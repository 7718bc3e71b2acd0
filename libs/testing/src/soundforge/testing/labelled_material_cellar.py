"""The cellar split's own material: read once for the seventh pass's final numbers, development since.

Written for the seventh pass of method work, while it was under way, by someone other than whoever
tunes, once every other split (vault too) had been read. Its material is in none of the others:
progressions, modal vamps and ambiguous loops, a meter, General MIDI instruments, drum patterns and
a tempo range. It sits in its own module, merged in by labelled_material. Read once for the seventh
pass's numbers, it is a development split from the eighth pass on (its seed 0 reported, its other
seeds trained on); the split read once now is crypt, whose module whoever tunes does not open.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLAP,
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
    Progression,
    written,
)

SPLIT = "cellar"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs as they are written: secondary dominants, a borrowed iv, bVI-bVII-I, a Neapolitan, and
    # each comes home by a cadence to its tonic.
    "dwelling": (
        written("I-III7-vi-vi IV-iv-I-V7", "major", "0 4d7 9m 9m 5 5m 0 7d7", own=SPLIT),
        written("vi-ii-V7-IM7 I7-IVM7-iv-I", "major", "9m 2m 7d7 0M7 0d7 5M7 5m 0", own=SPLIT),
        written("IVM7 IVM7 iii7 iii7 ii7 ii7 V7 IM7", "major", "5M7 5M7 4m7 4m7 2m7 2m7 7d7 0M7", own=SPLIT),
        written("I-VI7-ii-ii V7-V7-I-I", "major", "0 9d7 2m 2m 7d7 7d7 0 0", own=SPLIT),
        written("IV-V-vi-vi bVI-bVII-I-I", "major", "5 7 9m 9m 8 10 0 0", own=SPLIT),
        written("I-V-vi-iii IV-I-ii-V", "major", "0 7 9m 4m 5 0 2m 7", own=SPLIT),
        written("ii-IV-V-vi ii-IV-V-I", "major", "2m 5 7 9m 2m 5 7 0", own=SPLIT),
        written("IM7-vi7-II7-V7 iii7-VI7-ii7-V7", "major", "0M7 9m7 2d7 7d7 4m7 9d7 2m7 7d7", own=SPLIT),
        written("IV IV I I ii ii V I", "major", "5 5 0 0 2m 2m 7 0", own=SPLIT),
        written("I-iii-vi-IV ii-IV-V-V", "major", "0 4m 9m 5 2m 5 7 7", own=SPLIT),
        written("IV-iii-ii-I ii-iii-IV-V", "major", "5 4m 2m 0 2m 4m 5 7", own=SPLIT),
        written("iii-vi-IV-I iii-vi-V7-I", "major", "4m 9m 5 0 4m 9m 7d7 0", own=SPLIT),
        written("i-VI-bII-V7 i-iv-V7-i", "minor", "0m 8 1 7d7 0m 5m 7d7 0m", own=SPLIT),
        written("VI VI III III iv iv V7 i", "minor", "8 8 3 3 5m 5m 7d7 0m", own=SPLIT),
        written("i-III-iv-VI i-III-V7-i", "minor", "0m 3 5m 8 0m 3 7d7 0m", own=SPLIT),
        written("iv iv i i VI VII V7 i", "minor", "5m 5m 0m 0m 8 10 7d7 0m", own=SPLIT),
        written("i-v-VI-III iv-i-iv-V7", "minor", "0m 7m 8 3 5m 0m 5m 7d7", own=SPLIT),
        written("VI-iv-i-VII VI-iv-V7-i", "minor", "8 5m 0m 10 8 5m 7d7 0m", own=SPLIT),
        written("iv7-v7-VIM7-VII i7-iv7-V7-i7", "minor", "5m7 7m7 8M7 10 0m7 5m7 7d7 0m7", own=SPLIT),
        written("III-VII-iv-i III-VII-V7-i", "minor", "3 10 5m 0m 3 10 7d7 0m", own=SPLIT),
        written("iv-III-VI-VI iv-V7-i-i", "minor", "5m 3 8 8 5m 7d7 0m 0m", own=SPLIT),
        written("i-VII-III-VI iv-VI-V7-i", "minor", "0m 10 3 8 5m 8 7d7 0m", own=SPLIT),
    ),
    "modal": (
        written(
            "dorian i7 i7 i7 IV7 i7 i7 v7 IV7", "minor", "0m7 0m7 0m7 5d7 0m7 0m7 7m7 5d7", DORIAN, own=SPLIT
        ),
        written("dorian i7 IV7 i7 bIII", "minor", "0m7 5d7 0m7 3", DORIAN, own=SPLIT),
        written("dorian i7 i7 ii7 bIII", "minor", "0m7 0m7 2m7 3", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-v", "major", "0 10 0 7m", MIXOLYDIAN, own=SPLIT),
        written("mixolydian I7 I7 v vi", "major", "0d7 0d7 7m 9m", MIXOLYDIAN, own=SPLIT),
        written("lydian IM7 II7 IM7 iii", "major", "0M7 2d7 0M7 4m", LYDIAN, own=SPLIT),
        written("lydian I-vi-II-I", "major", "0 9m 2 0", LYDIAN, own=SPLIT),
        written("phrygian i i iv bII", "minor", "0m 0m 5m 1", PHRYGIAN, own=SPLIT),
        written("phrygian i i i bII i i bvii bVI", "minor", "0m 0m 0m 1 0m 0m 10m 8", PHRYGIAN, own=SPLIT),
        written("aeolian i i v VI", "minor", "0m 0m 7m 8", own=SPLIT),
    ),
    "ambiguous": (
        written("vi vi iii iii IV V I I", "major", "9m 9m 4m 4m 5 7 0 0", own=SPLIT),
        written("ii7 vi7 ii7 vi7 IVM7 V7 IM7 IM7", "major", "2m7 9m7 2m7 9m7 5M7 7d7 0M7 0M7", own=SPLIT),
        written("iv VII III III iv V7 i i", "minor", "5m 10 3 3 5m 7d7 0m 0m", own=SPLIT),
        written("VII III VII III VI V i i", "minor", "10 3 10 3 8 7 0m 0m", own=SPLIT),
        written("IV vi IV vi ii V I I", "major", "5 9m 5 9m 2m 7 0 0", own=SPLIT),
        written("III iv III iv VI V7 i i", "minor", "3 5m 3 5m 8 7d7 0m 0m", own=SPLIT),
        written("iii vi iii vi ii V7 I I", "major", "4m 9m 4m 9m 2m 7d7 0 0", own=SPLIT),
    ),
}
# The split's own meter: five dotted-quarter beats a bar (compound quintuple, an odd meter), beside
# the others' 4/4, 3/4, 5/4, 7/4, 6/8, 9/8 and 12/8; its tempo counts dotted quarters, as 6/8's,
# 9/8's and 12/8's do.
METER = "15/8"
METER_LAYOUT = (5, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", "12/8", "5/4", METER)
# General MIDI programs by role that no other split draws. Every pitched program below the synth
# effects (96-103) was drawn by another split already, so these are the effects that play in tune
# (pads and bells; not goblins, whose pitch wanders) and the tuned percussion (tinkle bell, steel
# drums), each checked to sound the pitch it is given, from the bass register up.
PROGRAMS = {
    "chord": (96, 97, 99, 100, 114),  # FX rain, soundtrack, atmosphere, brightness; steel drums
    "bass": (103,),  # FX sci-fi played low
    "lead": (98, 102, 112),  # FX crystal, echoes; tinkle bell
}
# Every General MIDI kit is drawn by another split already: these are all of them.
DRUM_KITS = (0, 8, 16, 24, 25, 32, 40, 48)
# General MIDI drums. The electric snare plays the ghost notes: a drum outside ACCENTED sounds
# softer (velocity 70 against the accented snare's 100).
GHOST_SNARE, LOW_TOM, RIDE_BELL, MUTE_HI_CONGA, OPEN_HI_CONGA = 40, 45, 53, 62, 63
CLAVES, MUTE_TRIANGLE, OPEN_TRIANGLE = 75, 80, 81
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. The
# shuffles write their swing as a dotted eighth and a sixteenth (a beat's first and last sixteenth).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A funk groove: a kick pushed ahead of 3, ghost notes around the backbeat, an open hat on 4-and.
    "ghost-funk": (
        *((k, KICK) for k in (0, 7, 10)),
        (4, SNARE),
        (12, SNARE),
        *((k, GHOST_SNARE) for k in (2, 6, 9, 15)),
        *((k, CLOSED_HAT) for k in range(16) if k != 14),
        (14, OPEN_HAT),
    ),
    # A half-time shuffle: the backbeat on 3, swung hats, ghost notes on the swung sixteenths.
    "half-time-shuffle": (
        (0, KICK),
        (11, KICK),
        (8, SNARE),
        *((k, GHOST_SNARE) for k in (3, 7, 15)),
        *((k, CLOSED_HAT) for k in range(16) if k % 4 in (0, 3)),
    ),
    # A swung jazz ride (ding, ding-a ding, ding-a), the foot hat on 2 and 4, snare comping.
    "swing-ride": (
        (0, KICK),
        *((k, RIDE) for k in (0, 4, 7, 8, 12, 15)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
        (7, GHOST_SNARE),
        (11, GHOST_SNARE),
    ),
    # A salsa tumbao: the bass drum on 2-and and 4 (none on 1), congas, a rumba clave.
    "tumbao": (
        (6, KICK),
        (12, KICK),
        *((k, MUTE_HI_CONGA) for k in (2, 4, 6, 10)),
        (12, OPEN_HI_CONGA),
        (14, OPEN_HI_CONGA),
        *((k, CLAVES) for k in (0, 3, 7, 10, 12)),
    ),
    # Baiao: the zabumba's dotted eighth and sixteenth, its muffled stroke on 2 and 4, the triangle
    # on every sixteenth, open on the off-beats.
    "baiao": (
        *((k, KICK) for k in (0, 3, 8, 11)),
        (4, LOW_TOM),
        (12, LOW_TOM),
        *((k, MUTE_TRIANGLE) for k in range(16) if k % 4 != 2),
        *((k, OPEN_TRIANGLE) for k in range(2, 16, 4)),
    ),
    # Trap: half-time claps on 3, syncopated kicks, hats in eighths with sixteenth rolls.
    "trap": (
        *((k, KICK) for k in (0, 3, 10, 11)),
        (8, CLAP),
        *((k, CLOSED_HAT) for k in (*range(0, 16, 2), 5, 13, 15)),
    ),
    # A Texas shuffle: a pushed kick, the backbeat with a ghost before 1, swung eighths on the bell.
    "texas-shuffle": (
        *((k, KICK) for k in (0, 7, 8)),
        (4, SNARE),
        (12, SNARE),
        (15, GHOST_SNARE),
        *((k, RIDE_BELL) for k in range(16) if k % 4 in (0, 3)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((57.0, 194.0), (47.0, 114.0), (58.0, 186.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
