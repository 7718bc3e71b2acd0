"""The charnel split's own material: read once, only for the final numbers, never to choose a method.

Written for the twelfth pass of method work by someone other than whoever tunes, once every other
split (ossuary too) had been read. Its material is in none of the others: progressions, modal
vamps and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other split
has: every General MIDI instrument it plays, its drums, held tones and free-time chords too, sounds
through a sixth soundfont (FluidSynth still renders it), and the instruments it alone draws, and
the ones its held tones and free-time chords play, are ones whose samples in that soundfont are in
none of the other soundfonts. It sits in its own module so that whoever tunes does not read it in
passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from pathlib import Path

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
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "charnel"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) for most of their bars, with the
    # odd secondary dominant (V/vi), borrowed iv or bVII, and each comes home by a cadence.
    "dwelling": (
        written("vi-ii-vi-IV ii-IV-V7-I", "major", "9m 2m 9m 5 2m 5 7d7 0", own=SPLIT),
        written("IV-ii-ii-vi IV-vi-V7-I", "major", "5 2m 2m 9m 5 9m 7d7 0", own=SPLIT),
        written("ii-vi-IV-ii vi-IV-V7-I", "major", "2m 9m 5 2m 9m 5 7d7 0", own=SPLIT),
        written("vi-vi-IV-ii ii-IV-V7-I", "major", "9m 9m 5 2m 2m 5 7d7 0", own=SPLIT),
        written("IV-IV-vi-ii vi-ii-V7-I", "major", "5 5 9m 2m 9m 2m 7d7 0", own=SPLIT),
        written("ii7-vi7-vi7-IVM7 ii7-vi7-V7-IM7", "major", "2m7 9m7 9m7 5M7 2m7 9m7 7d7 0M7", own=SPLIT),
        written("vi-ii-IV-I ii-vi-V7-I", "major", "9m 2m 5 0 2m 9m 7d7 0", own=SPLIT),
        written("IV-vi-iii-ii IV-vi-V7-I", "major", "5 9m 4m 2m 5 9m 7d7 0", own=SPLIT),
        written("ii-IV-vi-III7 vi-ii-V7-I", "major", "2m 5 9m 4d7 9m 2m 7d7 0", own=SPLIT),
        written("IV-ii-vi-vi IV-iv-V7-I", "major", "5 2m 9m 9m 5 5m 7d7 0", own=SPLIT),
        written("vi-IV-vi-ii IV-bVII-V7-I", "major", "9m 5 9m 2m 5 10 7d7 0", own=SPLIT),
        written("ii-ii-IV-IV vi-vi-V7-I", "major", "2m 2m 5 5 9m 9m 7d7 0", own=SPLIT),
        written("iv-III-VI-iv VI-III-V7-i", "minor", "5m 3 8 5m 8 3 7d7 0m", own=SPLIT),
        written("VI-iv-iv-III VI-iv-V7-i", "minor", "8 5m 5m 3 8 5m 7d7 0m", own=SPLIT),
        written("III-VI-VI-iv III-VI-V7-i", "minor", "3 8 8 5m 3 8 7d7 0m", own=SPLIT),
        written("iv-VI-III-III iv-VI-V7-i", "minor", "5m 8 3 3 5m 8 7d7 0m", own=SPLIT),
        written("VI-VI-iv-iv III-VII-V7-i", "minor", "8 8 5m 5m 3 10 7d7 0m", own=SPLIT),
        written("iv7-iv7-VIM7-IIIM7 iv7-VIM7-V7-i", "minor", "5m7 5m7 8M7 3M7 5m7 8M7 7d7 0m", own=SPLIT),
        written("III-iv-VI-III iv-VI-V7-i", "minor", "3 5m 8 3 5m 8 7d7 0m", own=SPLIT),
        written("VI-III-iv-VI VII-iv-V7-i", "minor", "8 3 5m 8 10 5m 7d7 0m", own=SPLIT),
        written("iv-VII-III-VI iv-iv-V7-i", "minor", "5m 10 3 8 5m 5m 7d7 0m", own=SPLIT),
        written("VI-iv-III-III VI-VII-V7-i", "minor", "8 5m 3 3 8 10 7d7 0m", own=SPLIT),
    ),
    # Two vamps per mode, each on its tonic half the bars or more, its chords all in the mode.
    "modal": (
        written("dorian i i IV IV i i ii v", "minor", "0m 0m 5 5 0m 0m 2m 7m", DORIAN, own=SPLIT),
        written(
            "dorian i7 i7 IV7 bVII i7 i7 v7 ii", "minor", "0m7 0m7 5d7 10 0m7 0m7 7m7 2m", DORIAN, own=SPLIT
        ),
        written("mixolydian I I IV v I I bVII ii", "major", "0 0 5 7m 0 0 10 2m", MIXOLYDIAN, own=SPLIT),
        written(
            "mixolydian I7 I7 v ii I7 I7 vi v", "major", "0d7 0d7 7m 2m 0d7 0d7 9m 7m", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I I vi II I I iii vii", "major", "0 0 9m 2 0 0 4m 11m", LYDIAN, own=SPLIT),
        written(
            "lydian IM7 IM7 vii II IM7 IM7 vi iii", "major", "0M7 0M7 11m 2 0M7 0M7 9m 4m", LYDIAN, own=SPLIT
        ),
        written("phrygian i i bIII bII i i bvii bVI", "minor", "0m 0m 3 1 0m 0m 10m 8", PHRYGIAN, own=SPLIT),
        written(
            "phrygian i7 i7 bII bvii i7 i7 bIII bII",
            "minor",
            "0m7 0m7 1 10m 0m7 0m7 3 1",
            PHRYGIAN,
            own=SPLIT,
        ),
        written("aeolian i i v VI i i III VII", "minor", "0m 0m 7m 8 0m 0m 3 10", own=SPLIT),
        written("aeolian i7 i7 iv7 III i7 i7 VI VII", "minor", "0m7 0m7 5m7 3 0m7 0m7 8 10", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor) and name their tonic late,
    # by a dominant seventh resolving to it.
    "ambiguous": (
        written("vi ii vi IV vi iii V7 I", "major", "9m 2m 9m 5 9m 4m 7d7 0", own=SPLIT),
        written("vi vi ii ii IV vi V7 I", "major", "9m 9m 2m 2m 5 9m 7d7 0", own=SPLIT),
        written("iii vi IV vi ii vi V7 I", "major", "4m 9m 5 9m 2m 9m 7d7 0", own=SPLIT),
        written("vi IV III7 vi ii IV V7 I", "major", "9m 5 4d7 9m 2m 5 7d7 0", own=SPLIT),
        written("III VI III iv VII III V7 i", "minor", "3 8 3 5m 10 3 7d7 0m", own=SPLIT),
        written("III VII VII III VI iv V7 i", "minor", "3 10 10 3 8 5m 7d7 0m", own=SPLIT),
        written("VII III iv III VI VII V7 i", "minor", "10 3 5m 3 8 10 7d7 0m", own=SPLIT),
        written("III iv VII III III VI V7 i", "minor", "3 5m 10 3 3 8 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: eight dotted-quarter beats a bar (two bars of 12/8 under one chord), beside
# the others' 2/4, 3/4, 4/4, 5/4, 6/4, 7/4, 8/4, 6/8, 9/8, 12/8, 15/8 and 18/8; its tempo counts
# dotted quarters, as 12/8's does. A drum pattern plays its four beats twice in each bar.
METER = "24/8"
METER_LAYOUT = (8, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Debian's musescore-general-soundfont (`make apt`): MuseScore General in full. Everything of this
# split that FluidSynth renders goes through it. Most of its samples are also in the small version
# another split renders through; the programs below, which this split alone draws, and the ones its
# held tones and free-time chords play, are its string section and warm pad, whose samples are in
# none of the other soundfonts (checked by reading the soundfonts' sample headers), and were
# checked by rendering to sound the pitch class they are given.
SOUNDFONT = Path("/usr/share/sounds/sf3/MuseScore_General_Full.sf3")
# General MIDI programs by role, beside the ones every split shares.
PROGRAMS = {
    "chord": (44, 49),  # tremolo strings, slow strings
    "bass": (45,),  # pizzicato strings, played low
    "lead": (45, 48),  # pizzicato and fast strings, played high
}
# What its held tones and free-time chords play, instead of labelled_material.SUSTAINED_PROGRAMS:
# fast strings, slow strings, warm pad (samples of their own in this soundfont, as above).
SUSTAINED_PROGRAMS = (48, 49, 89)
# The soundfont's power, electronic and two brush kits: each has drum samples of its own, in none
# of the other soundfonts nor in the kits another split draws from the small version.
DRUM_KITS = (16, 24, 40, 42)
# General MIDI drums the kits have.
LOW_FLOOR_TOM, HIGH_FLOOR_TOM, CRASH, OPEN_HI_CONGA, CABASA = 41, 43, 49, 63, 69
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a stroke on every
# beat or a backbeat on 2 and 4, so the pulse a listener taps is the beat the clip is labelled with.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Washington go-go: the backbeat, the cowbell's pocket figure, a conga answering on the ands.
    "go-go": (
        (0, KICK),
        (6, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (0, 3, 6, 10, 12)),
        (2, OPEN_HI_CONGA),
        (14, OPEN_HI_CONGA),
    ),
    # Mambo: the bongo bell on every beat, the conga's tumbao on the and of 3 and on the and of 4,
    # the kick on the bass's anticipations.
    "mambo-bell": (
        *((k, COWBELL) for k in range(0, 16, 4)),
        (6, KICK),
        (12, KICK),
        (10, OPEN_HI_CONGA),
        (14, OPEN_HI_CONGA),
    ),
    # The glam-rock stomp: the floor tom on every beat, the kick on 1 and 3, snare and clap on 2 and 4.
    "glitter-stomp": (
        (0, KICK),
        (8, KICK),
        *((k, LOW_FLOOR_TOM) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        (4, CLAP),
        (12, CLAP),
    ),
    # Gospel: claps on 2 and 4, the tambourine on the eighths, the kick on 1, after it and on 3.
    "gospel-clap": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, TAMBOURINE) for k in range(0, 16, 2)),
    ),
    # Merengue: the kick on every beat, the guira (cabasa) on every sixteenth, the conga slapping
    # before 3 and before 1, the rim on 2 and 4.
    "merengue": (
        *((k, KICK) for k in range(0, 16, 4)),
        *((k, CABASA) for k in range(16)),
        (7, OPEN_HI_CONGA),
        (15, OPEN_HI_CONGA),
        (4, RIMSHOT),
        (12, RIMSHOT),
    ),
    # The surf beat: the floor tom on the eighths where the hats would be, the backbeat, a crash on 1.
    "surf-toms": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_FLOOR_TOM) for k in range(0, 16, 2)),
        (0, CRASH),
    ),
    # Big beat: the backbeat with a clap on 4, open hats on the ands, the kick on 1 and the and of 3.
    "big-beat": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (12, CLAP),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((66.0, 188.0), (57.0, 113.0), (62.0, 182.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
