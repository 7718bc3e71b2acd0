"""The sepulchre split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirteenth pass of method work by someone other than whoever tunes, once every
other split (charnel too) had been read. Its material is in none of the others: progressions,
modal vamps and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other
split has: every General MIDI instrument it plays, its drums, held tones and free-time chords too,
sounds through a patch set that is no soundfont at all (Debian's freepats, Gravis UltraSound
patches), rendered by another synthesizer (TiMidity++) with its reverb, so that no sample it plays
is one that another split plays. It sits in its own module so that whoever tunes does not read it
in passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
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
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    SNARE,
    Progression,
    written,
)

SPLIT = "sepulchre"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) for most of their bars and come home
    # by the cadences records use beside V-I: plagal (IV-I, and iv-I borrowed from the minor), the
    # backdoor (bVII-I, iv-bVII7-I), a secondary dominant (II7-V7, III7 to vi), the Neapolitan
    # (bII-V7-i) and the aeolian bVI-bVII-i.
    "dwelling": (
        written("vi-IV-ii-ii vi-IV-IV-I", "major", "9m 5 2m 2m 9m 5 5 0", own=SPLIT),
        written("ii-ii-vi-IV ii-vi-IV-I", "major", "2m 2m 9m 5 2m 9m 5 0", own=SPLIT),
        written("IV-vi-ii-IV vi-ii-bVII-I", "major", "5 9m 2m 5 9m 2m 10 0", own=SPLIT),
        written("vi-ii-ii-IV vi-iv-bVII7-I", "major", "9m 2m 2m 5 9m 5m 10d7 0", own=SPLIT),
        written("ii7-IVM7-vi7-ii7 IVM7-vi7-V7-IM7", "major", "2m7 5M7 9m7 2m7 5M7 9m7 7d7 0M7", own=SPLIT),
        written("vi-vi-ii-ii IV-IV-I-I", "major", "9m 9m 2m 2m 5 5 0 0", own=SPLIT),
        written("IV-vi-IV-ii vi-II7-V7-I", "major", "5 9m 5 2m 9m 2d7 7d7 0", own=SPLIT),
        written("vi-III7-vi-ii IV-ii-V7-I", "major", "9m 4d7 9m 2m 5 2m 7d7 0", own=SPLIT),
        written("ii-vi-ii-IV vi-IV-iv-I", "major", "2m 9m 2m 5 9m 5 5m 0", own=SPLIT),
        written("IV-IV-ii-vi IV-ii-V-I", "major", "5 5 2m 9m 5 2m 7 0", own=SPLIT),
        written("vi-ii-IV-vi ii-IV-bVII-I", "major", "9m 2m 5 9m 2m 5 10 0", own=SPLIT),
        written("ii-IV-ii-vi IV-vi-V7-I", "major", "2m 5 2m 9m 5 9m 7d7 0", own=SPLIT),
        written("iv-iv-III-VI iv-III-V-i", "minor", "5m 5m 3 8 5m 3 7 0m", own=SPLIT),
        written("VI-iv-III-iv VI-iv-V7-i", "minor", "8 5m 3 5m 8 5m 7d7 0m", own=SPLIT),
        written("III-iv-iv-VI III-VI-V-i", "minor", "3 5m 5m 8 3 8 7 0m", own=SPLIT),
        written("iv-VI-iv-III VI-VII-i-i", "minor", "5m 8 5m 3 8 10 0m 0m", own=SPLIT),
        written("VI-III-VI-iv III-iv-V-i", "minor", "8 3 8 5m 3 5m 7 0m", own=SPLIT),
        written("iv7-VI-III-VI iv7-bII-V7-i", "minor", "5m7 8 3 8 5m7 1 7d7 0m", own=SPLIT),
        written("III-VI-iv-iv VI-VII-V-i", "minor", "3 8 5m 5m 8 10 7 0m", own=SPLIT),
        written("VI-VI-III-iv VI-iv-VII-i", "minor", "8 8 3 5m 8 5m 10 0m", own=SPLIT),
        written("iv-III-iv-VI iv-VI-V7-i", "minor", "5m 3 5m 8 5m 8 7d7 0m", own=SPLIT),
        written("IIIM7-iv7-VIM7-VIM7 IIIM7-iv7-V7-i", "minor", "3M7 5m7 8M7 8M7 3M7 5m7 7d7 0m", own=SPLIT),
    ),
    # Two vamps per mode, each on its tonic half the bars or more, its chords all in the mode. The
    # lydian ones keep off V, whose major chord is the tonic of the scale's other key.
    "modal": (
        written(
            "dorian i7 IV7 i7 i7 bIII IV i7 v7", "minor", "0m7 5d7 0m7 0m7 3 5 0m7 7m7", DORIAN, own=SPLIT
        ),
        written("dorian i i ii bIII i i IV bVII", "minor", "0m 0m 2m 3 0m 0m 5 10", DORIAN, own=SPLIT),
        written("mixolydian I I bVII bVII I I IV v", "major", "0 0 10 10 0 0 5 7m", MIXOLYDIAN, own=SPLIT),
        written(
            "mixolydian I7 vi I7 bVII I7 ii I7 IV",
            "major",
            "0d7 9m 0d7 10 0d7 2m 0d7 5",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("lydian I I II II I I vii II", "major", "0 0 2 2 0 0 11m 2", LYDIAN, own=SPLIT),
        written(
            "lydian IM7 iii IM7 II IM7 vi IM7 II", "major", "0M7 4m 0M7 2 0M7 9m 0M7 2", LYDIAN, own=SPLIT
        ),
        written("phrygian i bII i iv i bII bVI i", "minor", "0m 1 0m 5m 0m 1 8 0m", PHRYGIAN, own=SPLIT),
        written(
            "phrygian i7 i7 bvii bII i7 i7 iv bII", "minor", "0m7 0m7 10m 1 0m7 0m7 5m 1", PHRYGIAN, own=SPLIT
        ),
        written("aeolian i i bVII bVI i i v iv", "minor", "0m 0m 10 8 0m 0m 7m 5m", own=SPLIT),
        written("aeolian i7 bIII i7 bVII i7 iv7 i7 bVI", "minor", "0m7 3 0m7 10 0m7 5m7 0m7 8", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), the major ones giving it its own
    # dominant or its ii, and name their tonic only in their last two bars, by a dominant resolving.
    "ambiguous": (
        written("vi vi III7 vi IV IV V7 I", "major", "9m 9m 4d7 9m 5 5 7d7 0", own=SPLIT),
        written("vi ii vi IV vi ii V7 I", "major", "9m 2m 9m 5 9m 2m 7d7 0", own=SPLIT),
        written("ii vi ii vi IV IV V7 I", "major", "2m 9m 2m 9m 5 5 7d7 0", own=SPLIT),
        written("vi vi IV ii vi vi V7 I", "major", "9m 9m 5 2m 9m 9m 7d7 0", own=SPLIT),
        written("III III VI VII III III V7 i", "minor", "3 3 8 10 3 3 7d7 0m", own=SPLIT),
        written("III VII III VI iv iv V7 i", "minor", "3 10 3 8 5m 5m 7d7 0m", own=SPLIT),
        written("VI III VII III VI VII V i", "minor", "8 3 10 3 8 10 7 0m", own=SPLIT),
        written("III VI VII VII III iv V7 i", "minor", "3 8 10 10 3 5m 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: twelve quarter-note beats a bar (three bars of 4/4 under one chord, the slow
# harmonic rhythm of a long-held verse), beside the others' 2/4, 3/4, 4/4, 5/4, 6/4, 7/4, 8/4, 6/8,
# 9/8, 12/8, 15/8, 18/8 and 24/8; its tempo counts quarters, as 4/4's does. A drum pattern plays its
# four beats three times in each bar.
METER = "12/4"
METER_LAYOUT = (12, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Debian's freepats (`make apt`): a General MIDI set of Gravis UltraSound patches, which TiMidity++
# (`make apt`) renders with its own reverb and chorus; midi_render renders a sample set named by a
# TiMidity++ configuration through it. Its samples are in none of the soundfonts the other splits
# render through, but for four programs this split does not draw (soprano sax, English horn, pan
# flute, ocarina: TimGM6mb's and csound's bank's too), checked by reading the patches' and the
# soundfonts' sample data and loop points. Every program and drum this split plays is one the set
# has (one it lacks would fall back to the machine's own TiMidity++ configuration), and its programs
# were checked by rendering to sound the pitch class they are given. It has no choir, warm pad or
# vibraphone, so the split draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = Path("/etc/timidity/freepats.cfg")
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS = {
    # acoustic grand, electric piano, drawbar and church organ, accordion, nylon, jazz and clean
    # electric guitars, harp, strings, brass section
    "chord": (0, 4, 16, 19, 21, 24, 26, 27, 46, 48, 61),
    "bass": (32, 33, 34, 35),  # acoustic, finger, pick and fretless bass
    "lead": (40, 56, 65, 68, 71, 73),  # violin, trumpet, alto sax, oboe, clarinet, flute
}
# What its held tones and free-time chords play: drawbar and church organ, accordion, bandoneon,
# tremolo strings and strings, each holding its note as long as it is held.
SUSTAINED_PROGRAMS = (16, 19, 21, 23, 44, 48)
DRUM_KITS = (0,)  # the set's one drum kit
# General MIDI drums the kit has.
LOW_FLOOR_TOM, HIGH_FLOOR_TOM, CRASH, RIDE_BELL = 41, 43, 49, 53
HIGH_BONGO, LOW_BONGO, HIGH_AGOGO, LOW_AGOGO, CABASA, SHORT_GUIRO, LONG_GUIRO = 60, 61, 67, 68, 69, 73, 74
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a stroke on every
# beat or a backbeat on 2 and 4, so the pulse a listener taps is the beat the clip is labelled with.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Polka's oom-pah: the bass drum on every beat, the snare on every off-beat, a crash on 1.
    "polka": (
        *((k, KICK) for k in range(0, 16, 4)),
        *((k, SNARE) for k in range(2, 16, 4)),
        (0, CRASH),
    ),
    # The d-beat of crust punk: kick on 1, on the and of 2 and on 3, snare on 2 and 4, the crash
    # ridden on every beat.
    "d-beat": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CRASH) for k in range(0, 16, 4)),
    ),
    # Electro's drum machine: claps on 2 and 4, the kick syncopated, closed hats on every sixteenth.
    "electro": (
        (0, KICK),
        (6, KICK),
        (10, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(16)),
    ),
    # Bachata: the bongo's eighths with the low bongo before 3 and before 1, the guira's long scrape on
    # every beat and short ones between, the kick on 1 and 3.
    "bachata": (
        (0, KICK),
        (8, KICK),
        *((k, HIGH_BONGO) for k in (0, 2, 4, 8, 10, 12)),
        (6, LOW_BONGO),
        (14, LOW_BONGO),
        *((k, LONG_GUIRO) for k in range(0, 16, 4)),
        *((k, SHORT_GUIRO) for k in range(2, 16, 4)),
    ),
    # Maracatu: the low agogo on every beat and the high one answering, the alfaias (floor toms)
    # in their long-short figure, the cabasa on the eighths.
    "maracatu": (
        *((k, LOW_AGOGO) for k in range(0, 16, 4)),
        (6, HIGH_AGOGO),
        (14, HIGH_AGOGO),
        (0, LOW_FLOOR_TOM),
        (6, LOW_FLOOR_TOM),
        (8, LOW_FLOOR_TOM),
        (3, HIGH_FLOOR_TOM),
        (11, HIGH_FLOOR_TOM),
        *((k, CABASA) for k in range(0, 16, 2)),
    ),
    # Zydeco: the backbeat, the kick on 1 and 3, the rubboard (cabasa) on every sixteenth, the pedal
    # hat on 2 and 4.
    "zydeco": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CABASA) for k in range(16)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
    # The Charleston: the kick on 1 and the and of 2 (and again on 3 and the and of 4), the snare on
    # 2 and 4, the ride on every beat with its bell on 1.
    "charleston": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (14, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in range(0, 16, 4)),
        (0, RIDE_BELL),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((56.0, 190.0), (48.0, 116.0), (59.0, 192.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
