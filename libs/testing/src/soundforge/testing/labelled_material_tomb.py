"""The tomb split's own material: read once, only for the final numbers, never to choose a method.

Written for the ninth pass of method work by someone other than whoever tunes, once every other
split (crypt too) had been read. Its material is in none of the others: progressions, modal vamps
and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other split has:
every General MIDI instrument and kit it plays, its held tones and free-time chords too, sounds
through a third soundfont (FluidSynth still renders it), and the instruments and kits it alone
draws are ones whose samples in that soundfont are neither of the other two soundfonts' samples. It
sits in its own module so that whoever tunes does not read it in passing; labelled_material merges
it in. Whoever tunes the methods should not open this file.
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
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "tomb"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on ii, vi and IV (iv, VI and III in minor) for most of their bars, with the
    # odd secondary dominant (V/vi, V/ii, V/V) or borrowed bVII, and each comes home by a cadence.
    "dwelling": (
        written("ii ii vi vi IV IV V7 I", "major", "2m 2m 9m 9m 5 5 7d7 0", own=SPLIT),
        written("IV-ii-vi-V IV-ii-V7-I", "major", "5 2m 9m 7 5 2m 7d7 0", own=SPLIT),
        written("ii-vi-IV-V7 ii-vi-V7-I", "major", "2m 9m 5 7d7 2m 9m 7d7 0", own=SPLIT),
        written("IVM7-IVM7-vi7-ii7 IVM7-iii7-V7-IM7", "major", "5M7 5M7 9m7 2m7 5M7 4m7 7d7 0M7", own=SPLIT),
        written("vi-III7-vi-IV ii-IV-V7-I", "major", "9m 4d7 9m 5 2m 5 7d7 0", own=SPLIT),
        written("ii-VI7-ii-IV vi-ii-V7-I", "major", "2m 9d7 2m 5 9m 2m 7d7 0", own=SPLIT),
        written("I-ii-IV-ii vi-ii-V7-I", "major", "0 2m 5 2m 9m 2m 7d7 0", own=SPLIT),
        written("vi-ii-vi-IV ii-V7-I-I", "major", "9m 2m 9m 5 2m 7d7 0 0", own=SPLIT),
        written("IV-vi-ii-ii IV-V-I-I", "major", "5 9m 2m 2m 5 7 0 0", own=SPLIT),
        written("ii-IV-I-vi ii-IV-V7-I", "major", "2m 5 0 9m 2m 5 7d7 0", own=SPLIT),
        written("vi-IV-vi-ii bVII-IV-V7-I", "major", "9m 5 9m 2m 10 5 7d7 0", own=SPLIT),
        written("IV-II7-ii-V7 vi-IV-V7-I", "major", "5 2d7 2m 7d7 9m 5 7d7 0", own=SPLIT),
        written("iv iv VI VI i i V7 i", "minor", "5m 5m 8 8 0m 0m 7d7 0m", own=SPLIT),
        written("VI-iv-i-V VI-iv-V7-i", "minor", "8 5m 0m 7 8 5m 7d7 0m", own=SPLIT),
        written("iv-VI-III-VII iv-VI-V7-i", "minor", "5m 8 3 10 5m 8 7d7 0m", own=SPLIT),
        written("VI VI iv iv VII VII V7 i", "minor", "8 8 5m 5m 10 10 7d7 0m", own=SPLIT),
        written("iv-i-VI-VII iv-i-V7-i", "minor", "5m 0m 8 10 5m 0m 7d7 0m", own=SPLIT),
        written("i-VI-iv-iv VII-III-V7-i", "minor", "0m 8 5m 5m 10 3 7d7 0m", own=SPLIT),
        written("VIM7-iv7-i7-i7 VIM7-iv7-V7-i", "minor", "8M7 5m7 0m7 0m7 8M7 5m7 7d7 0m", own=SPLIT),
        written("VI-i-iv-iv VI-VII-V7-i", "minor", "8 0m 5m 5m 8 10 7d7 0m", own=SPLIT),
        written("iv-III-VI-VII iv-iv-V7-i", "minor", "5m 3 8 10 5m 5m 7d7 0m", own=SPLIT),
        written("i-iv-VI-iv VII-iv-V7-i", "minor", "0m 5m 8 5m 10 5m 7d7 0m", own=SPLIT),
    ),
    # Two vamps per mode, each on its tonic half the bars or more, its chords all in the mode.
    "modal": (
        written(
            "dorian i7 IV7 i7 bIIIM7 i7 IV7 i7 bVIIM7",
            "minor",
            "0m7 5d7 0m7 3M7 0m7 5d7 0m7 10M7",
            DORIAN,
            own=SPLIT,
        ),
        written("dorian i7 i7 v7 bIIIM7", "minor", "0m7 0m7 7m7 3M7", DORIAN, own=SPLIT),
        written("mixolydian I I ii ii I I bVII v", "major", "0 0 2m 2m 0 0 10 7m", MIXOLYDIAN, own=SPLIT),
        written("mixolydian I I vi vi I I v IV", "major", "0 0 9m 9m 0 0 7m 5", MIXOLYDIAN, own=SPLIT),
        written("lydian I vii I II I vi I II", "major", "0 11m 0 2 0 9m 0 2", LYDIAN, own=SPLIT),
        written(
            "lydian IM7 IM7 iii7 II IM7 IM7 vi7 II7",
            "major",
            "0M7 0M7 4m7 2 0M7 0M7 9m7 2d7",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 i7 bVIM7 bIIM7 i7 i7 iv7 bIII",
            "minor",
            "0m7 0m7 8M7 1M7 0m7 0m7 5m7 3",
            PHRYGIAN,
            own=SPLIT,
        ),
        written("phrygian i7 i7 bvii7 bIIM7", "minor", "0m7 0m7 10m7 1M7", PHRYGIAN, own=SPLIT),
        written("aeolian i i v v i i VI VII", "minor", "0m 0m 7m 7m 0m 0m 8 10", own=SPLIT),
        written("aeolian i7 i7 III VII i7 i7 iv7 VI", "minor", "0m7 0m7 3 10 0m7 0m7 5m7 8", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor) and name their tonic late,
    # by a dominant seventh resolving to it.
    "ambiguous": (
        written("vi vi ii ii IV IV V7 I", "major", "9m 9m 2m 2m 5 5 7d7 0", own=SPLIT),
        written("vi iii vi iii IV ii V7 I", "major", "9m 4m 9m 4m 5 2m 7d7 0", own=SPLIT),
        written("vi ii vi ii IV IV V7 I", "major", "9m 2m 9m 2m 5 5 7d7 0", own=SPLIT),
        written("vi vi iii iii IV IV V7 I", "major", "9m 9m 4m 4m 5 5 7d7 0", own=SPLIT),
        written("III III VI VI iv iv V7 i", "minor", "3 3 8 8 5m 5m 7d7 0m", own=SPLIT),
        written("VII III VII III VI iv V7 i", "minor", "10 3 10 3 8 5m 7d7 0m", own=SPLIT),
        written("III VI III VI VII VII V7 i", "minor", "3 8 3 8 10 10 7d7 0m", own=SPLIT),
        written("VI III VI VII III iv V7 i", "minor", "8 3 8 10 3 5m 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: two quarter-note beats a bar (simple duple: marches, polkas, tangos,
# habaneras), beside the others' 3/4, 4/4, 5/4, 6/4, 7/4, 6/8, 9/8, 12/8 and 15/8; its tempo counts
# quarters, as 4/4's does. A drum pattern plays its first two beats in each bar.
METER = "2/4"
METER_LAYOUT = (2, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Debian's musescore-general-soundfont-small (`make apt`): MuseScore's General MIDI set, an SF3
# (Ogg Vorbis samples, which Debian's FluidSynth reads). Everything of this split that FluidSynth
# renders goes through it. Much of it shares samples with the other splits' soundfonts; what this
# split alone draws (the programs and kits below) was checked, by rendering, to sound neither like
# FluidR3's nor like TimGM6mb's samples, and to sound the pitch it is given.
SOUNDFONT = Path("/usr/share/sounds/sf3/MuseScore_General_Lite.sf3")
# General MIDI programs by role, beside the ones every split shares.
PROGRAMS = {
    # honky-tonk piano, synth strings 1 and 2, synth brass 1 and 2, new age, polysynth, bowed,
    # halo and sweep pads
    "chord": (3, 50, 51, 62, 63, 88, 90, 92, 94, 95),
    "bass": (39, 42, 87),  # synth bass 2, cello, bass and lead
    "lead": (10, 81, 84),  # music box, sawtooth lead, charang
}
# The soundfont's variation kits (Standard 1 and 2, Room 1 and 4, Power 1, Jazz 1): kicks and
# snares of their own, and every General MIDI drum note.
DRUM_KITS = (1, 2, 9, 12, 17, 33)
# General MIDI drums. The electric snare plays the ghost notes: a drum outside ACCENTED sounds
# softer (velocity 70 against the accented snare's 100).
BASS_DRUM, GHOST_SNARE, CHINA = 35, 40, 52
MUTE_HI_CONGA, OPEN_HI_CONGA, MARACAS, SHORT_GUIRO, LONG_GUIRO = 62, 63, 70, 73, 74
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a stroke on every
# beat, so the pulse a listener taps is the beat the clip is labelled with.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A street march: the bass drum on every beat, the snare's accents on 2 and 4 inside its
    # sticking.
    "march": (
        *((k, BASS_DRUM) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        *((k, GHOST_SNARE) for k in (0, 2, 3, 6, 8, 10, 11, 14)),
    ),
    # The habanera (tango, milonga): dotted eighth, sixteenth, two eighths on the kick, the side
    # stick on 2 and 4, maracas on the eighths.
    "habanera": (
        *((k, KICK) for k in (0, 3, 4, 6, 8, 11, 12, 14)),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, MARACAS) for k in range(0, 16, 2)),
    ),
    # Metal: both kicks on every sixteenth, the backbeat, the china cymbal on the beats.
    "double-kick": (
        *((k, KICK) for k in range(16)),
        (4, SNARE),
        (12, SNARE),
        *((k, CHINA) for k in range(0, 16, 4)),
    ),
    # Cha-cha-cha: the bell on the beats, the guiro's long-short-short, the congas' "cha-cha" on
    # 4 and its and, the kick on 1 and 3.
    "cha-cha": (
        (0, KICK),
        (8, KICK),
        *((k, COWBELL) for k in range(0, 16, 4)),
        (0, LONG_GUIRO),
        (8, LONG_GUIRO),
        *((k, SHORT_GUIRO) for k in (4, 6, 12, 14)),
        (4, MUTE_HI_CONGA),
        (12, OPEN_HI_CONGA),
        (14, OPEN_HI_CONGA),
    ),
    # Pop over the tresillo: the kick's three-three-two in eighths, claps on 2 and 4, tambourine
    # eighths.
    "tresillo": (
        *((k, KICK) for k in (0, 6, 12)),
        (4, CLAP),
        (12, CLAP),
        *((k, TAMBOURINE) for k in range(0, 16, 2)),
    ),
    # The fifties ballad: the ride on every third of the beat (in a simple meter, three sixteenths
    # and a rest), the kick on 1 and 3, the backbeat.
    "doo-wop": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in range(16) if k % 4 != 3),
    ),
    # Rock with the cowbell on the beats, the hats between them, a pushed kick before 3.
    "cowbell-rock": (
        *((k, KICK) for k in (0, 6, 8)),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((61.0, 180.0), (55.0, 112.0), (60.0, 184.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
