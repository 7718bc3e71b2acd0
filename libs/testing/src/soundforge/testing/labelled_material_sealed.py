"""The sealed split's own material: read once, only for the final numbers, never to choose a method.

Written before the fifth pass of method work by someone other than whoever tunes, once every other
split (blind too) had been read during method work. Its material is in none of the others:
progressions, modal vamps and ambiguous loops, a 9/8 meter, General MIDI instruments, drum
patterns and a tempo range. It sits in its own module so that whoever tunes does not read it in
passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    Progression,
    written,
)

SPLIT = "sealed"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    "dwelling": (
        written("vi-IV-ii-V vi-IV-V-I", "major", "9m 5 2m 7 9m 5 7 0", own=SPLIT),
        written("ii-vi-IV-IV ii-vi-V-I", "major", "2m 9m 5 5 2m 9m 7 0", own=SPLIT),
        written("iii7-vi7-ii7-V7 IM7-IVM7-ii7-V7", "major", "4m7 9m7 2m7 7d7 0M7 5M7 2m7 7d7", own=SPLIT),
        written("IV IV I vi ii ii V V", "major", "5 5 0 9m 2m 2m 7 7", own=SPLIT),
        written("I-iii-vi-IV", "major", "0 4m 9m 5", own=SPLIT),
        written("IV-I-ii-vi IV-I-V-V", "major", "5 0 2m 9m 5 0 7 7", own=SPLIT),
        written("i-III-VI-iv i-III-iv-V", "minor", "0m 3 8 5m 0m 3 5m 7", own=SPLIT),
        written("VI-iv-i-V", "minor", "8 5m 0m 7", own=SPLIT),
        written("iv-VI-III-i iv-VI-V-i", "minor", "5m 8 3 0m 5m 8 7 0m", own=SPLIT),
        written("IIIM7-iv7-i7-VIM7 IIIM7-iv7-V7-i7", "minor", "3M7 5m7 0m7 8M7 3M7 5m7 7d7 0m7", own=SPLIT),
        written("VI VI iv iv i i V V", "minor", "8 8 5m 5m 0m 0m 7 7", own=SPLIT),
    ),
    "modal": (
        written("dorian i7-bIII-IV-i7", "minor", "0m7 3 5 0m7", DORIAN, own=SPLIT),
        written("phrygian i-bVI-bII-i", "minor", "0m 8 1 0m", PHRYGIAN, own=SPLIT),
        written("lydian IM7-II-vii7-IM7", "major", "0M7 2 11m7 0M7", LYDIAN, own=SPLIT),
        written("mixolydian I-ii-bVII-I", "major", "0 2m 10 0", MIXOLYDIAN, own=SPLIT),
        written("aeolian i-VI-v-i", "minor", "0m 8 7m 0m", own=SPLIT),
    ),
    "ambiguous": (
        written("vi iii vi iii IV I V I", "major", "9m 4m 9m 4m 5 0 7 0", own=SPLIT),
        written("III VII III VII iv i V i", "minor", "3 10 3 10 5m 0m 7 0m", own=SPLIT),
        written("vi IV vi IV vi ii V I", "major", "9m 5 9m 5 9m 2m 7 0", own=SPLIT),
    ),
}
# The split's own meter: three dotted-quarter beats a bar (compound triple), beside the others'
# 4/4, 3/4, 5/4, 6/8 and 12/8; its tempo counts dotted quarters, as 6/8's and 12/8's do.
METER = "9/8"
METER_LAYOUT = (3, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER)
# General MIDI programs by role that no other split draws: pitched, sustained or plucked.
PROGRAMS = {
    # music box, distortion guitar, synth voice, three pads, banjo, koto
    "chord": (10, 30, 54, 93, 94, 95, 105, 107),
    "bass": (12, 47, 84),  # marimba, timpani, synth lead (charang) played low
    "lead": (9, 13, 76, 77, 78, 110),  # glockenspiel, xylophone, blown bottle, shakuhachi, whistle, fiddle
}
# Every General MIDI kit is drawn by another split already: these reuse all but the orchestral one.
DRUM_KITS = (0, 8, 16, 24, 25, 32, 40)
MARACAS = 70  # General MIDI's shaker
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Stomp, stomp, clap: two eighths on the beat and the clap on the next.
    "stomp-clap": ((0, KICK), (2, KICK), (4, CLAP), (8, KICK), (10, KICK), (12, CLAP)),
    # A straight-eighth jazz ride: quarters with a skip note after 2 and 4, the foot hat on 2 and 4.
    "jazz-ride": (
        (0, KICK),
        (8, KICK),
        *((k, RIDE) for k in (0, 4, 6, 8, 12, 14)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
    # Pop with a shaker on every sixteenth and a clap backbeat.
    "shaker-pop": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, MARACAS) for k in range(16)),
    ),
    # Reggae steppers: the kick on every beat, a rimshot on 3, eighth hats.
    "steppers": (
        *((k, KICK) for k in range(0, 16, 4)),
        (8, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # A metal gallop (an eighth and two sixteenths on every beat) under a snare backbeat.
    "gallop": (
        *((k, KICK) for k in range(16) if k % 4 != 1),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((64.0, 178.0), (56.0, 106.0), (66.0, 170.0))
COUNTS = {
    "dwelling": 30,
    "modal": 14,
    "ambiguous": 10,
    "free-time": 8,
    "drums": 14,
    "noise": 6,
    "tone": 10,
}
