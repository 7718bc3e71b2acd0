"""The catacomb split's own material: read once, only for the final numbers, never to choose a method.

Written for the tenth pass of method work by someone other than whoever tunes, once every other
split (tomb too) had been read. Its material is in none of the others: progressions, modal vamps
and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other split has:
every General MIDI instrument and kit it plays, its held tones and free-time chords too, sounds
through a fourth soundfont (FluidSynth still renders it) none of whose samples is in any of the
other three soundfonts. It sits in its own module so that whoever tunes does not read it in
passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from pathlib import Path

from soundforge.testing.labelled_notation import (
    CLAP,
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

SPLIT = "catacomb"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) for most of their bars, with the
    # odd secondary dominant (V/vi, V/V), borrowed iv or bVI-bVII, and each comes home by a cadence.
    "dwelling": (
        written("vi-IV-ii-ii vi-IV-V7-I", "major", "9m 5 2m 2m 9m 5 7d7 0", own=SPLIT),
        written("ii-ii-IV-vi IV-IV-V7-I", "major", "2m 2m 5 9m 5 5 7d7 0", own=SPLIT),
        written("IV-vi-IV-ii iii-vi-V7-I", "major", "5 9m 5 2m 4m 9m 7d7 0", own=SPLIT),
        written("vi7-ii7-IVM7-IVM7 ii7-iii7-V7-IM7", "major", "9m7 2m7 5M7 5M7 2m7 4m7 7d7 0M7", own=SPLIT),
        written("ii-vi-ii-vi IV-I-V7-I", "major", "2m 9m 2m 9m 5 0 7d7 0", own=SPLIT),
        written("IV-IV-vi-iii ii-ii-V7-I", "major", "5 5 9m 4m 2m 2m 7d7 0", own=SPLIT),
        written("vi-III7-vi-IV ii-II7-V7-I", "major", "9m 4d7 9m 5 2m 2d7 7d7 0", own=SPLIT),
        written("IV-iv-I-vi ii-IV-V7-I", "major", "5 5m 0 9m 2m 5 7d7 0", own=SPLIT),
        written("ii-IV-vi-vi ii-IV-V7-I", "major", "2m 5 9m 9m 2m 5 7d7 0", own=SPLIT),
        written("IV-vi-ii-V IV-vi-V7-I", "major", "5 9m 2m 7 5 9m 7d7 0", own=SPLIT),
        written("IV-ii-IV-vi bVI-bVII-V7-I", "major", "5 2m 5 9m 8 10 7d7 0", own=SPLIT),
        written("vi-IV-I-ii vi-IV-V7-I", "major", "9m 5 0 2m 9m 5 7d7 0", own=SPLIT),
        written("iv-iv-III-III VI-VI-V7-i", "minor", "5m 5m 3 3 8 8 7d7 0m", own=SPLIT),
        written("VI-III-iv-iv VI-III-V7-i", "minor", "8 3 5m 5m 8 3 7d7 0m", own=SPLIT),
        written("iv-VII-VI-VI iv-VII-V7-i", "minor", "5m 10 8 8 5m 10 7d7 0m", own=SPLIT),
        written("III-iv-VI-iv III-iv-V7-i", "minor", "3 5m 8 5m 3 5m 7d7 0m", own=SPLIT),
        written("VI-iv-VI-VII III-iv-V7-i", "minor", "8 5m 8 10 3 5m 7d7 0m", own=SPLIT),
        written("VIM7-iv7-VII7-IIIM7 VIM7-iv7-V7-i", "minor", "8M7 5m7 10d7 3M7 8M7 5m7 7d7 0m", own=SPLIT),
        written("i-VI-III-iv VI-iv-V7-i", "minor", "0m 8 3 5m 8 5m 7d7 0m", own=SPLIT),
        written("iv-i-III-VI iv-VI-V7-i", "minor", "5m 0m 3 8 5m 8 7d7 0m", own=SPLIT),
        written("VI-VI-III-VII iv-iv-V7-i", "minor", "8 8 3 10 5m 5m 7d7 0m", own=SPLIT),
        written("III-VI-iv-i VI-iv-V7-i", "minor", "3 8 5m 0m 8 5m 7d7 0m", own=SPLIT),
    ),
    # Two vamps per mode, each on its tonic half the bars or more, its chords all in the mode.
    "modal": (
        written("dorian i i ii ii i i bVII IV", "minor", "0m 0m 2m 2m 0m 0m 10 5", DORIAN, own=SPLIT),
        written("dorian i7 i7 IV7 bIIIM7", "minor", "0m7 0m7 5d7 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I7 I7 IV bVII I7 I7 v vi",
            "major",
            "0d7 0d7 5 10 0d7 0d7 7m 9m",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("mixolydian I I v I I IV vi bVII", "major", "0 0 7m 0 0 5 9m 10", MIXOLYDIAN, own=SPLIT),
        written("lydian I I II vi I I V II", "major", "0 0 2 9m 0 0 7 2", LYDIAN, own=SPLIT),
        written("lydian IM7 vi7 IM7 vii", "major", "0M7 9m7 0M7 11m", LYDIAN, own=SPLIT),
        written("phrygian i i bII bIII i i bvii bII", "minor", "0m 0m 1 3 0m 0m 10m 1", PHRYGIAN, own=SPLIT),
        written("phrygian i7 iv7 i7 bVIM7", "minor", "0m7 5m7 0m7 8M7", PHRYGIAN, own=SPLIT),
        written("aeolian i i iv v i i VII VI", "minor", "0m 0m 5m 7m 0m 0m 10 8", own=SPLIT),
        written("aeolian i i III iv i i v VI", "minor", "0m 0m 3 5m 0m 0m 7m 8", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor) and name their tonic late,
    # by a dominant seventh resolving to it.
    "ambiguous": (
        written("vi IV vi IV ii ii V7 I", "major", "9m 5 9m 5 2m 2m 7d7 0", own=SPLIT),
        written("vi vi IV iii ii iii V7 I", "major", "9m 9m 5 4m 2m 4m 7d7 0", own=SPLIT),
        written("iii vi iii vi ii IV V7 I", "major", "4m 9m 4m 9m 2m 5 7d7 0", own=SPLIT),
        written("vi III7 vi vi IV ii V7 I", "major", "9m 4d7 9m 9m 5 2m 7d7 0", own=SPLIT),
        written("III VII III VII iv iv V7 i", "minor", "3 10 3 10 5m 5m 7d7 0m", own=SPLIT),
        written("III III iv VII III VI V7 i", "minor", "3 3 5m 10 3 8 7d7 0m", own=SPLIT),
        written("VII VII III III iv VI V7 i", "minor", "10 10 3 3 5m 8 7d7 0m", own=SPLIT),
        written("III VI VII III iv iv V7 i", "minor", "3 8 10 3 5m 5m 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: eight quarter-note beats a bar, so that each chord lasts two bars of 4/4
# (the slow harmonic rhythm of many songs), beside the others' 2/4, 3/4, 4/4, 5/4, 6/4, 7/4, 6/8,
# 9/8, 12/8 and 15/8; its tempo counts quarters, as 4/4's does. A drum pattern plays its four beats
# twice in each bar.
METER = "8/4"
METER_LAYOUT = (8, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Debian's opl3-soundfont (`make apt`): a General MIDI set sampled from an OPL3 FM synthesis chip,
# so none of its samples is one of FluidR3's, TimGM6mb's or MuseScore General's. Everything of this
# split that FluidSynth renders goes through it. Its programs below were checked, by rendering, to
# sound the pitch they are given (some an octave off, none in another pitch class).
SOUNDFONT = Path("/usr/share/sounds/sf2/OPL-3_FM_128M.sf2")
# General MIDI programs by role, beside the ones every split shares.
PROGRAMS = {
    # honky-tonk piano, electric piano 2, clavinet, jazz and clean guitars, slow strings, brass
    # section, synth brass 1, polysynth, halo pad
    "chord": (3, 5, 7, 26, 27, 49, 61, 62, 90, 94),
    "bass": (35, 39, 42, 43),  # fretless, synth bass 2, cello, contrabass
    "lead": (64, 68, 72, 79, 81, 84),  # soprano sax, oboe, clarinet, ocarina, sawtooth lead, charang
}
# The soundfont has one kit.
DRUM_KITS = (0,)
# General MIDI drums. None outside labelled_notation.ACCENTED sounds at the accented velocity.
BASS_DRUM, LOW_MID_TOM, CRASH = 35, 47, 49
HIGH_TIMBALE, LOW_TIMBALE, HIGH_WOOD_BLOCK = 65, 66, 76
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a stroke on every
# beat and no backbeat on 3 alone, so the pulse a listener taps is the beat the clip is labelled with.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Salsa on the timbales: the cascara on the shell, the low drum on 4, the kick on the bass's
    # anticipations.
    "cascara": (
        *((k, HIGH_TIMBALE) for k in (0, 4, 8, 10, 14)),
        (12, LOW_TIMBALE),
        (6, KICK),
        (12, KICK),
    ),
    # Punk: the crash on every beat, the backbeat, a kick pushed after 3.
    "crash-punk": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CRASH) for k in range(0, 16, 4)),
    ),
    # The swing-era jungle drums: a tom on every beat and the and of 3, the kick feathering the beats.
    "jungle-toms": (
        *((k, KICK) for k in range(0, 16, 4)),
        *((k, LOW_MID_TOM) for k in (0, 4, 8, 10, 12)),
    ),
    # A linear funk groove: no two limbs at once.
    "linear": (
        (0, KICK),
        (7, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 3, 6, 8, 9, 11, 14, 15)),
    ),
    # Country two-beat: the bass drum on 1 and 3, the side stick on 2 and 4, a wood block on the
    # eighths.
    "boom-chick": (
        (0, BASS_DRUM),
        (8, BASS_DRUM),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, HIGH_WOOD_BLOCK) for k in range(0, 16, 2)),
    ),
    # Soca: the kick on every beat, the snare on the ands of 2 and 4, open hats on the other ands.
    "soca": (
        *((k, KICK) for k in range(0, 16, 4)),
        (6, SNARE),
        (14, SNARE),
        (2, OPEN_HAT),
        (10, OPEN_HAT),
    ),
    # Jersey club: the kick on 1, 2 and 3 and syncopated after it, the clap on 2 and 4, hats between.
    "jersey-club": (
        *((k, KICK) for k in (0, 4, 8, 11, 14)),
        (4, CLAP),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in (2, 6, 10)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((59.0, 186.0), (51.0, 115.0), (57.0, 190.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
