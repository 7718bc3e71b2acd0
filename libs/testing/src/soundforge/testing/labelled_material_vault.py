"""The vault split's own material: read once, only for the final numbers, never to choose a method.

Written before the sixth pass of method work by someone other than whoever tunes, once every other
split (sealed too) had been read. Its material is in none of the others: progressions, modal vamps
and ambiguous loops, a meter, General MIDI instruments, drum patterns and a tempo range. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it
in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PHRYGIAN,
    RIMSHOT,
    SNARE,
    Progression,
    written,
)

SPLIT = "vault"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    "dwelling": (
        written("IVM7-V7-iii7-vi7", "major", "5M7 7d7 4m7 9m7", own=SPLIT),
        written("vi-ii-IV-V vi-ii-V-I", "major", "9m 2m 5 7 9m 2m 7 0", own=SPLIT),
        written("ii-IV-I-V", "major", "2m 5 0 7", own=SPLIT),
        written("IV-vi-I-V", "major", "5 9m 0 7", own=SPLIT),
        written("IVM7-iii7-ii7-IM7", "major", "5M7 4m7 2m7 0M7", own=SPLIT),
        written("vi-IV-I-V ii-IV-V-I", "major", "9m 5 0 7 2m 5 7 0", own=SPLIT),
        written("IVM7 IVM7 iii7 vi7 ii7 ii7 V7 IM7", "major", "5M7 5M7 4m7 9m7 2m7 2m7 7d7 0M7", own=SPLIT),
        written("vi-V-IV-iii ii-V-I-I", "major", "9m 7 5 4m 2m 7 0 0", own=SPLIT),
        written("ii7-V7-vi7-IVM7 ii7-V7-IM7-IM7", "major", "2m7 7d7 9m7 5M7 2m7 7d7 0M7 0M7", own=SPLIT),
        written("i-iv-VI-V", "minor", "0m 5m 8 7", own=SPLIT),
        written("iv-VI-VII-i", "minor", "5m 8 10 0m", own=SPLIT),
        written("i-iv-VII-VI", "minor", "0m 5m 10 8", own=SPLIT),
        written("i7-iv7-i7-VIM7 iv7-VIM7-V7-i7", "minor", "0m7 5m7 0m7 8M7 5m7 8M7 7d7 0m7", own=SPLIT),
        written("i-VII-VI-iv", "minor", "0m 10 8 5m", own=SPLIT),
        written("III-VII-i-i III-VII-V-i", "minor", "3 10 0m 0m 3 10 7 0m", own=SPLIT),
    ),
    "modal": (
        written(
            "dorian i7 i7 i7 i7 IV7 IV7 i7 i7", "minor", "0m7 0m7 0m7 0m7 5d7 5d7 0m7 0m7", DORIAN, own=SPLIT
        ),
        written("dorian i7-ii7-i7-bVII", "minor", "0m7 2m7 0m7 10", DORIAN, own=SPLIT),
        written("mixolydian I7 I7 I7 bVII", "major", "0d7 0d7 0d7 10", MIXOLYDIAN, own=SPLIT),
        written("mixolydian I-vi-bVII-I", "major", "0 9m 10 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-iii-II-I", "major", "0 4m 2 0", LYDIAN, own=SPLIT),
        written("phrygian i-bII-i-bvii", "minor", "0m 1 0m 10m", PHRYGIAN, own=SPLIT),
        written("aeolian i-VII-i-VI", "minor", "0m 10 0m 8", own=SPLIT),
    ),
    "ambiguous": (
        written("vi ii vi ii IV V I I", "major", "9m 2m 9m 2m 5 7 0 0", own=SPLIT),
        written("III VI III VI iv V i i", "minor", "3 8 3 8 5m 7 0m 0m", own=SPLIT),
        written("vi V vi V IV V I I", "major", "9m 7 9m 7 5 7 0 0", own=SPLIT),
        written("VI VII VI VII iv V i i", "minor", "8 10 8 10 5m 7 0m 0m", own=SPLIT),
        written("i i III III VII VII V V", "minor", "0m 0m 3 3 10 10 7 7", own=SPLIT),
    ),
}
# The split's own meter: seven quarter-note beats a bar (simple, played four then three), beside
# the others' 4/4, 3/4, 5/4, 6/8, 9/8 and 12/8; its tempo counts quarters, as 4/4's does.
METER = "7/4"
METER_LAYOUT = (7, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", "5/4", METER)
# General MIDI programs by role that no other split draws: these are the last pitched ones left
# (no effects, no percussion), so the bass has one of its own and the shared four.
PROGRAMS = {
    "chord": (31, 55, 106, 108),  # guitar harmonics, orchestra hit, shamisen, kalimba
    "bass": (86,),  # synth lead (fifths) played low
    "lead": (14, 104, 109, 111),  # tubular bells, sitar, bagpipe, shanai
}
# Every General MIDI kit is drawn by another split already: these reuse all but the orchestral one.
DRUM_KITS = (0, 8, 16, 24, 25, 32, 40)
LOW_FLOOR_TOM, LOW_CONGA, MARACAS, SHORT_GUIRO = 41, 64, 70, 73  # General MIDI drums
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Samba: the surdo's "ah-one" on every beat in the kick, sixteenth hats, a syncopated rim.
    "samba": (
        *((k, KICK) for k in range(16) if k % 4 in (0, 3)),
        *((k, CLOSED_HAT) for k in range(16)),
        *((k, RIMSHOT) for k in (3, 6, 10, 13)),
    ),
    # The punk skank: the kick on every beat, the snare on every off-beat eighth, hats on the beats.
    "skank": (
        *((k, KICK) for k in range(0, 16, 4)),
        *((k, SNARE) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # A tom groove: the floor tom carries the eighths where the hats would be.
    "floor-tom": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, LOW_FLOOR_TOM) for k in range(0, 16, 2)),
    ),
    # Boom bap: a late kick after 2 and another before 3, the open hat on the last eighth.
    "boom-bap": (
        (0, KICK),
        (7, KICK),
        (9, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 14, 2)),
        (14, OPEN_HAT),
    ),
    # Cumbia: kick on 1 and 3, rims on the off-beats of 2 and 4, the guiro's long-short-short, a conga.
    "cumbia": (
        (0, KICK),
        (8, KICK),
        (6, RIMSHOT),
        (14, RIMSHOT),
        *((k, SHORT_GUIRO) for k in range(16) if k % 4 != 1),
        (10, LOW_CONGA),
        (11, LOW_CONGA),
    ),
    # The Bo Diddley beat: the kick plays a 3-2 clave, maracas on the eighths.
    "bo-diddley": (*((k, KICK) for k in (0, 3, 6, 10, 12)), *((k, MARACAS) for k in range(0, 16, 2))),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((60.0, 182.0), (54.0, 108.0), (63.0, 176.0))
COUNTS = {
    "dwelling": 45,
    "modal": 21,
    "ambiguous": 15,
    "free-time": 12,
    "drums": 21,
    "noise": 9,
    "tone": 15,
}
