"""The blind split's own material: read only to report final numbers, never to choose a method.

Written before the fourth pass of method work, with material no other split has: progressions,
modal vamps and ambiguous loops, a 5/4 meter, General MIDI instruments, drum patterns and a tempo
range. It sits in its own module so that whoever tunes on the other splits' material does not
read it in passing; labelled_material merges it in.
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
    PHRYGIAN,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "blind"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    "dwelling": (
        written("I-vi-IV-V", "major", "0 9m 5 7", own=SPLIT),
        written("vi vi IV ii V V I I", "major", "9m 9m 5 2m 7 7 0 0", own=SPLIT),
        written("IV-vi-V-I", "major", "5 9m 7 0", own=SPLIT),
        written("ii7-vi7-IVM7-IM7 ii7-vi7-V7-IM7", "major", "2m7 9m7 5M7 0M7 2m7 9m7 7d7 0M7", own=SPLIT),
        written("IV-ii-vi-vi IV-ii-V-I", "major", "5 2m 9m 9m 5 2m 7 0", own=SPLIT),
        written("IVM7 IVM7 vi7 vi7 ii7 ii7 V7 IM7", "major", "5M7 5M7 9m7 9m7 2m7 2m7 7d7 0M7", own=SPLIT),
        written("i-VI-III-v VI-iv-V-i", "minor", "0m 8 3 7m 8 5m 7 0m", own=SPLIT),
        written("iv-i-VI-V", "minor", "5m 0m 8 7", own=SPLIT),
        written("i7-iv7-VIM7-IIIM7 VIM7-iv7-V7-i7", "minor", "0m7 5m7 8M7 3M7 8M7 5m7 7d7 0m7", own=SPLIT),
        written("VI-III-iv-i VI-III-V-i", "minor", "8 3 5m 0m 8 3 7 0m", own=SPLIT),
    ),
    "modal": (
        written("mixolydian I-bVII-v-I", "major", "0 10 7m 0", MIXOLYDIAN, own=SPLIT),
        written("dorian i-IV-i-bVII", "minor", "0m 5 0m 10", DORIAN, own=SPLIT),
        written("phrygian i-bII-bIII-i", "minor", "0m 1 3 0m", PHRYGIAN, own=SPLIT),
        written("lydian I-II-V-I", "major", "0 2 7 0", LYDIAN, own=SPLIT),
    ),
    "ambiguous": (
        written("I vi vi iii vi IV V7 I", "major", "0 9m 9m 4m 9m 5 7d7 0", own=SPLIT),
        written("i III III VII III VI V7 i", "minor", "0m 3 3 10 3 8 7d7 0m", own=SPLIT),
    ),
}
METER = "5/4"  # the split's own meter, beside the others' 4/4, 3/4, 6/8 and 12/8
SONG_METERS = ("4/4", "4/4", "3/4", "6/8", "12/8", METER)
# General MIDI programs by role that no other split draws: pitched, sustained or plucked.
PROGRAMS = {
    "chord": (8, 15, 18, 23, 44, 51, 91, 92),  # celesta, dulcimer, rock organ, accordion, strings, pads
    "bass": (45, 63, 67, 70),  # pizzicato strings, synth brass, baritone sax, bassoon
    "lead": (41, 59, 72, 75, 82, 85),  # viola, muted trumpet, piccolo, pan flute, calliope, voice
}
DRUM_KITS = (0, 8, 16, 24, 25, 32, 40, 48)  # no General MIDI kit is left unused: all of them
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    "motown": (
        (0, KICK),
        (8, KICK),
        *((k, SNARE) for k in range(0, 16, 4)),
        *((k, TAMBOURINE) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    "afrobeat": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, RIMSHOT),
        (14, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(16) if k % 4 != 2),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
        *((k, COWBELL) for k in (0, 3, 6, 10, 12)),
    ),
    "bossa": (
        *((k, KICK) for k in (0, 6, 8, 14)),
        *((k, RIMSHOT) for k in (0, 3, 6, 10, 13)),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((62.0, 176.0), (58.0, 104.0), (68.0, 172.0))
COUNTS = {
    "dwelling": 30,
    "modal": 14,
    "ambiguous": 10,
    "free-time": 8,
    "drums": 14,
    "noise": 6,
    "tone": 10,
}
