"""The ossuary split's own material: read once, only for the final numbers, never to choose a method.

Written for the eleventh pass of method work by someone other than whoever tunes, once every other
split (catacomb too) had been read. Its material is in none of the others: progressions, modal
vamps and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other split
has: every General MIDI instrument it plays, its held tones and free-time chords too, sounds
through a fifth soundfont (FluidSynth still renders it), the instruments it alone draws are ones
whose samples in that soundfont are in none of the other soundfonts, and its drums sound through
two acoustic kits of their own. It sits in its own module so that whoever tunes does not read it in
passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from pathlib import Path

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
    RIMSHOT,
    SNARE,
    Progression,
    written,
)

SPLIT = "ossuary"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on ii, vi and IV (iv, VI and III in minor) for most of their bars, with the
    # odd secondary dominant (V/vi, V/ii, V/V), borrowed iv or bVII, and each comes home by a cadence.
    "dwelling": (
        written("ii-ii-vi-IV ii-vi-V7-I", "major", "2m 2m 9m 5 2m 9m 7d7 0", own=SPLIT),
        written("IV-vi-vi-ii IV-ii-V7-I", "major", "5 9m 9m 2m 5 2m 7d7 0", own=SPLIT),
        written("vi-ii-IV-IV vi-ii-V7-I", "major", "9m 2m 5 5 9m 2m 7d7 0", own=SPLIT),
        written("vi7-IVM7-ii7-vi7 IVM7-ii7-V7-IM7", "major", "9m7 5M7 2m7 9m7 5M7 2m7 7d7 0M7", own=SPLIT),
        written("IV-ii-vi-iii IV-ii-V7-I", "major", "5 2m 9m 4m 5 2m 7d7 0", own=SPLIT),
        written("ii-vi-vi-IV iii-IV-V7-I", "major", "2m 9m 9m 5 4m 5 7d7 0", own=SPLIT),
        written("vi-IV-ii-VI7 ii-IV-V7-I", "major", "9m 5 2m 9d7 2m 5 7d7 0", own=SPLIT),
        written("IV-IV-ii-vi III7-vi-V7-I", "major", "5 5 2m 9m 4d7 9m 7d7 0", own=SPLIT),
        written("ii-IV-ii-vi IV-iv-V7-I", "major", "2m 5 2m 9m 5 5m 7d7 0", own=SPLIT),
        written("vi-vi-ii-IV I-IV-V7-I", "major", "9m 9m 2m 5 0 5 7d7 0", own=SPLIT),
        written("IV-vi-ii-IV vi-II7-V7-I", "major", "5 9m 2m 5 9m 2d7 7d7 0", own=SPLIT),
        written("ii-vi-IV-vi ii-bVII-V7-I", "major", "2m 9m 5 9m 2m 10 7d7 0", own=SPLIT),
        written("iv-VI-iv-III VI-iv-V7-i", "minor", "5m 8 5m 3 8 5m 7d7 0m", own=SPLIT),
        written("VI-VI-iv-III iv-VII-V7-i", "minor", "8 8 5m 3 5m 10 7d7 0m", own=SPLIT),
        written("III-VI-iv-VI III-iv-V7-i", "minor", "3 8 5m 8 3 5m 7d7 0m", own=SPLIT),
        written("iv-iv-VI-III VII-VI-V7-i", "minor", "5m 5m 8 3 10 8 7d7 0m", own=SPLIT),
        written("VI-iv-III-iv VI-VII-V7-i", "minor", "8 5m 3 5m 8 10 7d7 0m", own=SPLIT),
        written("iv7-VIM7-IIIM7-iv7 VIM7-iv7-V7-i", "minor", "5m7 8M7 3M7 5m7 8M7 5m7 7d7 0m", own=SPLIT),
        written("VI-III-VI-iv i-iv-V7-i", "minor", "8 3 8 5m 0m 5m 7d7 0m", own=SPLIT),
        written("iv-III-iv-VI VII-iv-V7-i", "minor", "5m 3 5m 8 10 5m 7d7 0m", own=SPLIT),
        written("III-iv-VI-VI iv-i-V7-i", "minor", "3 5m 8 8 5m 0m 7d7 0m", own=SPLIT),
        written("VI-iv-VII-iv VI-III-V7-i", "minor", "8 5m 10 5m 8 3 7d7 0m", own=SPLIT),
    ),
    # Two vamps per mode, each on its tonic half the bars or more, its chords all in the mode.
    "modal": (
        written("dorian i i v i i IV ii i", "minor", "0m 0m 7m 0m 0m 5 2m 0m", DORIAN, own=SPLIT),
        written(
            "dorian i7 i7 IV i7 i7 v7 bVII i7", "minor", "0m7 0m7 5 0m7 0m7 7m7 10 0m7", DORIAN, own=SPLIT
        ),
        written("mixolydian I I bVII v I I ii IV", "major", "0 0 10 7m 0 0 2m 5", MIXOLYDIAN, own=SPLIT),
        written("mixolydian I7 vi I7 v", "major", "0d7 9m 0d7 7m", MIXOLYDIAN, own=SPLIT),
        written("lydian I I iii II I I vii V", "major", "0 0 4m 2 0 0 11m 7", LYDIAN, own=SPLIT),
        written(
            "lydian IM7 II IM7 IM7 vi7 II IM7 V", "major", "0M7 2 0M7 0M7 9m7 2 0M7 7", LYDIAN, own=SPLIT
        ),
        written("phrygian i bII i iv i bVI i bII", "minor", "0m 1 0m 5m 0m 8 0m 1", PHRYGIAN, own=SPLIT),
        written(
            "phrygian i7 i7 bII bIII i7 i7 bvii iv",
            "minor",
            "0m7 0m7 1 3 0m7 0m7 10m 5m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written("aeolian i i VI iv i i VII v", "minor", "0m 0m 8 5m 0m 0m 10 7m", own=SPLIT),
        written("aeolian i7 i7 VI III i7 i7 iv VII", "minor", "0m7 0m7 8 3 0m7 0m7 5m 10", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor) and name their tonic late,
    # by a dominant seventh resolving to it.
    "ambiguous": (
        written("vi IV vi ii vi IV V7 I", "major", "9m 5 9m 2m 9m 5 7d7 0", own=SPLIT),
        written("vi vi iii IV vi ii V7 I", "major", "9m 9m 4m 5 9m 2m 7d7 0", own=SPLIT),
        written("vi ii IV vi iii vi V7 I", "major", "9m 2m 5 9m 4m 9m 7d7 0", own=SPLIT),
        written("vi III7 vi ii IV IV V7 I", "major", "9m 4d7 9m 2m 5 5 7d7 0", own=SPLIT),
        written("III VII VI III VII iv V7 i", "minor", "3 10 8 3 10 5m 7d7 0m", own=SPLIT),
        written("III iv III VII VI VI V7 i", "minor", "3 5m 3 10 8 8 7d7 0m", own=SPLIT),
        written("VII III VI III iv VII V7 i", "minor", "10 3 8 3 5m 10 7d7 0m", own=SPLIT),
        written("III III VII VI iv iv V7 i", "minor", "3 3 10 8 5m 5m 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: six dotted-quarter beats a bar (three bars of 6/8 under one chord), beside
# the others' 2/4, 3/4, 4/4, 5/4, 6/4, 7/4, 8/4, 6/8, 9/8, 12/8 and 15/8; its tempo counts dotted
# quarters, as 6/8's does. A drum pattern plays its four beats, then its first two, in each bar.
METER = "18/8"
METER_LAYOUT = (6, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Debian's csound-soundfont (`make apt`): csound's General MIDI bank. Everything of this split that
# FluidSynth renders goes through it. Many of its samples are TimGM6mb's; the programs below, which
# this split alone draws, are ones whose samples are none of TimGM6mb's (nor FluidR3's or the OPL3
# set's), checked by reading the soundfonts' sample data, and were checked by rendering to sound
# the pitch class they are given.
SOUNDFONT = Path("/usr/share/sounds/sf2/sf_GMbank.sf2")
# General MIDI programs by role, beside the ones every split shares.
PROGRAMS = {
    # honky-tonk piano, accordion, bandoneon, tremolo strings, harp, slow strings, synth strings 1,
    # brass section, polysynth, halo pad
    "chord": (3, 21, 23, 44, 46, 49, 50, 61, 90, 94),
    "bass": (63, 67),  # synth brass 2 and baritone sax, played low
    "lead": (22, 64, 68, 75, 82, 83),  # harmonica, soprano sax, oboe, pan flute, calliope, chiffer
}
# What its held tones and free-time chords play, instead of labelled_material.SUSTAINED_PROGRAMS:
# bandoneon, slow strings, synth strings 1, voice oohs, synth voice, halo pad (samples of their own
# in this soundfont, as above).
SUSTAINED_PROGRAMS = (23, 49, 50, 53, 54, 94)
# Debian's avldrums.lv2-soundfont (`make apt`): two acoustic kits, each recorded whole (one preset on
# General MIDI's drum notes), in no other soundfont. The drum channel's program picks the kit; the
# drums render through it and are mixed with the rest.
DRUM_SOUNDFONTS = (
    Path("/usr/share/sounds/sf2/Black_Pearl_4_LV2.sf2"),
    Path("/usr/share/sounds/sf2/Red_Zeppelin_4_LV2.sf2"),
)
DRUM_KITS = (0, 1)
# General MIDI drums the kits have. The electric snare plays ghost notes: a drum outside
# labelled_notation.ACCENTED sounds softer.
GHOST_SNARE, CRASH, RIDE_BELL, HIGH_FLOOR_TOM = 40, 49, 53, 43
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a stroke on every
# beat or a backbeat on 2 and 4, so the pulse a listener taps is the beat the clip is labelled with.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Rock on the ride: its bell on the beats, the bow on the ands, a kick pushed before 4.
    "bell-ride": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE_BELL) for k in range(0, 16, 4)),
        *((k, RIDE) for k in range(2, 16, 4)),
    ),
    # New Orleans funk: the backbeat with ghost notes around it, the hat opening on the and of 4.
    "nola-funk": (
        (0, KICK),
        (7, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, GHOST_SNARE) for k in (6, 9, 15)),
        *((k, CLOSED_HAT) for k in range(0, 14, 2)),
        (14, OPEN_HAT),
    ),
    # The pop ballad: the cross-stick on 2 and 4, closed hats on the eighths, the kick on 1, before 3
    # and after it.
    "cross-stick": (
        (0, KICK),
        (6, KICK),
        (10, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # Songo: the bell on the beats and the ands of 3 and 4, the rim between, the kick on the and of 2
    # and on 4, the snare answering after it.
    "songo": (
        *((k, RIDE_BELL) for k in (0, 4, 8, 10, 12, 14)),
        *((k, RIMSHOT) for k in (3, 7, 11)),
        (6, KICK),
        (12, KICK),
        (13, SNARE),
    ),
    # Grunge: the open hat washing on every eighth, the backbeat, the kick on 1, before 3 and on 3.
    "open-wash": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_HAT) for k in range(0, 16, 2)),
    ),
    # The slow rock ballad: the ride on the beats, the hi-hat foot with the backbeat, the floor tom
    # doubling the kick on 1.
    "ride-quarters": (
        (0, KICK),
        (0, HIGH_FLOOR_TOM),
        (7, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
        *((k, RIDE) for k in range(0, 16, 4)),
    ),
    # Rockers reggae: the kick on every beat, the cross-stick on 2 and 4, the hats on the ands, a
    # crash to open the bar.
    "rockers": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
        (0, CRASH),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((63.0, 184.0), (53.0, 110.0), (61.0, 188.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
