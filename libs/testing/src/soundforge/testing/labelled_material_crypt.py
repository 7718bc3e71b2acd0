"""The crypt split's own material: read once, only for the final numbers, never to choose a method.

Written for the eighth pass of method work by someone other than whoever tunes, once every other
split (cellar too) had been read. Its material is in none of the others: progressions, modal vamps
and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other split has:
every General MIDI instrument and kit it plays, its held tones and free-time chords too, sounds
through another soundfont than the other splits' (FluidSynth still renders it). It sits in its own
module so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever
tunes the methods should not open this file.
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
    Progression,
    written,
)

SPLIT = "crypt"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs as they are written: secondary dominants (V/vi, V/iii, V/IV, V/ii, V/V, V/iv), borrowed
    # chords (bVII, iv, bIII, bVI, a backdoor bVII7, the dorian IV in minor), a deceptive V7-VI, and
    # each comes home by a cadence to its tonic.
    "dwelling": (
        written("I-III7-vi-IV I-ii-V7-I", "major", "0 4d7 9m 5 0 2m 7d7 0", own=SPLIT),
        written("I-VII7-iii-iii IV-V7-I-I", "major", "0 11d7 4m 4m 5 7d7 0 0", own=SPLIT),
        written("IVM7-V7-iii7-VI7 ii7-iv7-bVII7-IM7", "major", "5M7 7d7 4m7 9d7 2m7 5m7 10d7 0M7", own=SPLIT),
        written("I-bVII-IV-iv I-vi-ii-V7", "major", "0 10 5 5m 0 9m 2m 7d7", own=SPLIT),
        written("ii-iii-IV-IV bVI-bVII-I-I", "major", "2m 4m 5 5 8 10 0 0", own=SPLIT),
        written("vi-ii-I7-IV vi-ii-V7-I", "major", "9m 2m 0d7 5 9m 2m 7d7 0", own=SPLIT),
        written("IM7-IVM7-iii7-VI7 ii7-V7-IM7-IM7", "major", "0M7 5M7 4m7 9d7 2m7 7d7 0M7 0M7", own=SPLIT),
        written("IV IV V V vi vi V7 I", "major", "5 5 7 7 9m 9m 7d7 0", own=SPLIT),
        written("I-III7-vi-V IV-I-ii7-V7", "major", "0 4d7 9m 7 5 0 2m7 7d7", own=SPLIT),
        written("iii-IV-ii-V iii-vi-V7-I", "major", "4m 5 2m 7 4m 9m 7d7 0", own=SPLIT),
        written("I-bIII-IV-IV vi-ii-V7-I", "major", "0 3 5 5 9m 2m 7d7 0", own=SPLIT),
        written("IV-vi-iii-I IV-ii-V7-I", "major", "5 9m 4m 0 5 2m 7d7 0", own=SPLIT),
        written("i-I7-iv-iv VI-III-V7-i", "minor", "0m 0d7 5m 5m 8 3 7d7 0m", own=SPLIT),
        written("VI-VII-III-VI iv-iv-V7-i", "minor", "8 10 3 8 5m 5m 7d7 0m", own=SPLIT),
        written("iv-i-v-VI iv-VII-V7-i", "minor", "5m 0m 7m 8 5m 10 7d7 0m", own=SPLIT),
        written("i-III-VI-II7 V7-V7-i-i", "minor", "0m 3 8 2d7 7d7 7d7 0m 0m", own=SPLIT),
        written("VI-III-VII-iv VI-III-V7-i", "minor", "8 3 10 5m 8 3 7d7 0m", own=SPLIT),
        written("III-iv-V7-VI III-iv-V7-i", "minor", "3 5m 7d7 8 3 5m 7d7 0m", own=SPLIT),
        written("i-v-iv-VII III-VI-V7-i", "minor", "0m 7m 5m 10 3 8 7d7 0m", own=SPLIT),
        written("VI VI VII VII iv iv V7 i", "minor", "8 8 10 10 5m 5m 7d7 0m", own=SPLIT),
        written("iv iv i i VII III V7 i", "minor", "5m 5m 0m 0m 10 3 7d7 0m", own=SPLIT),
        written("i-IV-VII-III iv-VI-V7-i", "minor", "0m 5 10 3 5m 8 7d7 0m", own=SPLIT),
    ),
    # Two vamps per mode, each on its tonic half the bars or more.
    "modal": (
        written(
            "dorian i7 i7 IV7 IV7 i7 i7 bVII IV", "minor", "0m7 0m7 5d7 5d7 0m7 0m7 10 5", DORIAN, own=SPLIT
        ),
        written("dorian i7 i7 bVII ii7", "minor", "0m7 0m7 10 2m7", DORIAN, own=SPLIT),
        written("mixolydian I I I IV I I bVII bVII", "major", "0 0 0 5 0 0 10 10", MIXOLYDIAN, own=SPLIT),
        written("mixolydian I-vi-I-bVII", "major", "0 9m 0 10", MIXOLYDIAN, own=SPLIT),
        written(
            "lydian IM7 IM7 II II IM7 IM7 V vii", "major", "0M7 0M7 2 2 0M7 0M7 7 11m", LYDIAN, own=SPLIT
        ),
        written("lydian IM7 II IM7 vi7", "major", "0M7 2 0M7 9m7", LYDIAN, own=SPLIT),
        written("phrygian i-bII-i-bIII", "minor", "0m 1 0m 3", PHRYGIAN, own=SPLIT),
        written(
            "phrygian i7 i7 bIIM7 bIIM7 i7 i7 iv7 bII",
            "minor",
            "0m7 0m7 1M7 1M7 0m7 0m7 5m7 1",
            PHRYGIAN,
            own=SPLIT,
        ),
        written("aeolian i i VII VI", "minor", "0m 0m 10 8", own=SPLIT),
        written("aeolian i7 i7 v7 iv7 i7 i7 VIM7 VII", "minor", "0m7 0m7 7m7 5m7 0m7 0m7 8M7 10", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor) and name their tonic late.
    "ambiguous": (
        written("vi vi V V IV IV V I", "major", "9m 9m 7 7 5 5 7 0", own=SPLIT),
        written("vi I vi I ii IV V7 I", "major", "9m 0 9m 0 2m 5 7d7 0", own=SPLIT),
        written("IV vi V vi IV vi V7 I", "major", "5 9m 7 9m 5 9m 7d7 0", own=SPLIT),
        written("I vi vi vi IV ii V I", "major", "0 9m 9m 9m 5 2m 7 0", own=SPLIT),
        written("III III VII VII VI VI V7 i", "minor", "3 3 10 10 8 8 7d7 0m", own=SPLIT),
        written("VI III VI III VII iv V7 i", "minor", "8 3 8 3 10 5m 7d7 0m", own=SPLIT),
        written("III i III i VII VI V7 i", "minor", "3 0m 3 0m 10 8 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: six quarter-note beats a bar (simple sextuple, the backbeat on 2, 4 and
# 6), beside the others' 4/4, 3/4, 5/4, 7/4, 6/8, 9/8, 12/8 and 15/8; its tempo counts quarters,
# as 4/4's does.
METER = "6/4"
METER_LAYOUT = (6, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", "12/8", "5/4", METER, METER)
# Debian's timgm6mb-soundfont (`make apt`): Tim Brechbill's General MIDI set, its own samples for
# every program and kit. Everything of this split that FluidSynth renders goes through it, so even
# the programs every split shares (a piano, a nylon guitar, strings) sound as in no other split.
SOUNDFONT = Path("/usr/share/sounds/sf2/TimGM6mb.sf2")
# General MIDI programs by role, beside the ones every split shares: band instruments, each
# checked in this soundfont to sound the pitch it is given (its accordion and harmonica do not).
PROGRAMS = {
    # electric grand, electric piano 2, clavinet, rock organ, jazz and clean guitars, harp, slow
    # strings, brass section, polysynth
    "chord": (2, 5, 7, 18, 26, 27, 46, 49, 61, 90),
    "bass": (35, 36, 39, 43),  # fretless, slap, synth bass 2, contrabass
    "lead": (41, 57, 65, 66, 68, 74, 79),  # viola, trombone, alto and tenor sax, oboe, recorder, ocarina
}
# Every General MIDI kit, in this soundfont's samples.
DRUM_KITS = (0, 8, 16, 24, 25, 32, 40, 48)
# General MIDI drums. The electric snare plays the ghost notes: a drum outside ACCENTED sounds
# softer (velocity 70 against the accented snare's 100).
BASS_DRUM, GHOST_SNARE, HIGH_FLOOR_TOM, HI_MID_TOM = 35, 40, 43, 48
HI_BONGO, LOW_BONGO, HIGH_AGOGO, LOW_AGOGO, CABASA = 60, 61, 67, 68, 69
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds; the 12/8 bell is written so.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Motorik: the kick on 1, 3 and 3-and, the backbeat, the hat closed on the beats, open between.
    "motorik": (
        *((k, KICK) for k in (0, 8, 10)),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
    ),
    # A New Orleans second line: the bass drum's pushes, the backbeat inside a run of ghost notes.
    "second-line": (
        *((k, KICK) for k in (0, 6, 8, 14)),
        (4, SNARE),
        (12, SNARE),
        *((k, GHOST_SNARE) for k in (2, 3, 7, 10, 11, 15)),
    ),
    # The bongo martillo: the high bongo's eighths, the open low bongo on 2-and and 4-and, the
    # bongo bell on the beats. No kick, no snare.
    "martillo": (
        *((k, HI_BONGO) for k in range(0, 16, 2) if k not in (6, 14)),
        (6, LOW_BONGO),
        (14, LOW_BONGO),
        *((k, COWBELL) for k in range(0, 16, 4)),
    ),
    # A tom groove in the Burundi manner: the floor tom's three-three-two twice, the high tom on the
    # backbeat, the kick on 1 and 3.
    "tom-tribal": (
        (0, KICK),
        (8, KICK),
        *((k, HIGH_FLOOR_TOM) for k in (0, 3, 6, 8, 11, 14)),
        (4, HI_MID_TOM),
        (12, HI_MID_TOM),
    ),
    # Samba-reggae: the low surdo on 1 and 3, the high one answering on 2 and 4 with a pickup, the
    # snare's clave, the two-tone agogo.
    "samba-reggae": (
        (0, BASS_DRUM),
        (8, BASS_DRUM),
        *((k, KICK) for k in (4, 12, 14)),
        *((k, SNARE) for k in (0, 3, 6, 10, 12)),
        *((k, HIGH_AGOGO) for k in (0, 6, 10)),
        *((k, LOW_AGOGO) for k in (3, 8, 12, 14)),
    ),
    # Bembe: the 12/8 bell (seven strokes over four dotted beats), the bass drum on every beat, the
    # cabasa on every third.
    "bembe": (
        *((k, COWBELL) for k in (0, 2, 5, 6, 9, 12, 14)),
        *((k, KICK) for k in range(0, 16, 4)),
        *((k, CABASA) for k in range(16) if k % 4 != 3),
    ),
    # UK garage two-step: no kick on 3, a side-stick backbeat with a clap on 4, skipping hats.
    "two-step": (
        *((k, KICK) for k in (0, 7, 10)),
        (4, RIMSHOT),
        (12, RIMSHOT),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in (2, 5, 6, 10, 13, 14)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((52.0, 198.0), (44.0, 118.0), (54.0, 196.0))
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
