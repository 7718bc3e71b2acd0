"""The dolmen split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-fifth pass of method work by someone other than whoever tunes, while mastaba
and cairn were still unread. Its material is in none of the others: songs coloured as video-game
scores colour them (ii as a minor seventh with an added thirteenth, IV with an added sharp eleventh or
a major seventh with an added thirteenth, V as a dominant seventh with an added thirteenth or with
its second in place of its third; in minor, iv as a minor seventh with an added thirteenth, VI with
an added sharp eleventh or as a major seventh with an added thirteenth, III as one too) that still
leave their key plain to a musician, modal vamps (a dorian tonic with an added thirteenth, a
mixolydian one as a dominant seventh with one, a lydian one with an added sharp eleventh or as a
major seventh with an added thirteenth, their neighbours coloured the same way) and ambiguous loops
new by root motion, an eight-beat bar of sixteenths (a tracker's 32-row pattern), drum patterns and
a tempo range, and timbres no other split has: its instruments are no recordings, no soundfont, no
physical model, no analog patch, no formant or additive voice, no phase-distortion, FM, waveshaping,
wavetable or granular patch but a video-game sound chip's channels computed in numpy, pulse waves of
12.5%, 25% and 50% duty with duty sweeps, a 4-bit stepped triangle, chords spelled as arpeggios of
two to four frames a note, vibratos with delays, slides, volumes quantised to 16 steps, crushed DACs
(a thin pulse lead, synth brass, an electric piano, a polysynth pad, a triangle bass and a pulse
bass, a square lead, a sliding pulse lead, a clarinet's hollow pulse, a triangle whistle, strings,
an organ and a pad; chip_render), its drums the chip's noise channel (a 15-bit LFSR in its long and
its metallic short mode) over the triangle's pitch drops, which no other split plays. Its clips then
go through a record's production (production.produce: a flanger's sweep, a console's output stage,
beside rooms and lossy encodes), or none. It sits in its own module so that whoever tunes does not
read it in passing; labelled_material merges it in. Whoever tunes the methods should not open this
file.
"""

from __future__ import annotations

from soundforge.testing.chip_render import CHIP
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
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "dolmen"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): ii as a minor
    # seventh with an added thirteenth (its thirteenth the leading tone), IV with an added sharp
    # eleventh (the leading tone again) or as a major seventh with an added thirteenth, V as a
    # seventh, with an added thirteenth or, once, with its second in place of its third; in minor,
    # iv as a minor seventh with an added thirteenth, VI with an added sharp eleventh or as a major
    # seventh with an added thirteenth, III as one too, V as a seventh whose leading tone names the
    # tonic.
    "dwelling": (
        written(
            "ii7add13 vi IV vi IV ii7add13 V7add13 I",
            "major",
            "2m7a13 9m 5 9m 5 2m7a13 7d7a13 0",
            own=SPLIT,
        ),
        written(
            "IVmaj7add13 ii7add13 vi ii IV vi V7sus2 I",
            "major",
            "5M7a13 2m7a13 9m 2m 5 9m 7d7s2 0",
            own=SPLIT,
        ),
        written(
            "vi ii7add13 vi IVadd#11 ii vi V7add13 I",
            "major",
            "9m 2m7a13 9m 5as11 2m 9m 7d7a13 0",
            own=SPLIT,
        ),
        written(
            "IVadd#11 IV vi ii7add13 iii vi V7 I",
            "major",
            "5as11 5 9m 2m7a13 4m 9m 7d7 0",
            own=SPLIT,
        ),
        written(
            "vi ii7add13 vi IVmaj7add13 IV ii V7add13 Imaj7add13",
            "major",
            "9m 2m7a13 9m 5M7a13 5 2m 7d7a13 0M7a13",
            own=SPLIT,
        ),
        written(
            "ii ii7add13 vi IVadd#11 IV vi V7 I",
            "major",
            "2m 2m7a13 9m 5as11 5 9m 7d7 0",
            own=SPLIT,
        ),
        written(
            "IV vi IVmaj7add13 ii7add13 ii vi V7add13 I",
            "major",
            "5 9m 5M7a13 2m7a13 2m 9m 7d7a13 0",
            own=SPLIT,
        ),
        written(
            "vi IVadd#11 ii IV vi7 ii7add13 V I",
            "major",
            "9m 5as11 2m 5 9m7 2m7a13 7 0",
            own=SPLIT,
        ),
        written(
            "iv7add13 VI III VI iv7add13 III V7 i",
            "minor",
            "5m7a13 8 3 8 5m7a13 3 7d7 0m",
            own=SPLIT,
        ),
        written(
            "VIadd#11 iv7add13 VI iv III iv V7 i7",
            "minor",
            "8as11 5m7a13 8 5m 3 5m 7d7 0m7",
            own=SPLIT,
        ),
        written(
            "III VImaj7add13 iv7add13 VI iv III V i",
            "minor",
            "3 8M7a13 5m7a13 8 5m 3 7 0m",
            own=SPLIT,
        ),
        written(
            "iv iv7add13 VIadd#11 VI III iv V7 i",
            "minor",
            "5m 5m7a13 8as11 8 3 5m 7d7 0m",
            own=SPLIT,
        ),
        written(
            "VI VIadd#11 iv7add13 III iv VI V7b9 i",
            "minor",
            "8 8as11 5m7a13 3 5m 8 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "IIImaj7add13 iv VI III VI iv7add13 V7 i",
            "minor",
            "3M7a13 5m 8 3 8 5m7a13 7d7 0m",
            own=SPLIT,
        ),
        written(
            "iv7add13 III VIadd#11 iv III VI V7 i",
            "minor",
            "5m7a13 3 8as11 5m 3 8 7d7 0m",
            own=SPLIT,
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as a minor seventh with an added thirteenth, ii7, bIIImaj7 with one,
    # IV, IV7 and IV7 with one, v7 and bVII; mixolydian's tonic as a dominant seventh with an added
    # thirteenth, bVII with an added sharp eleventh, IV and IVmaj7 with an added thirteenth, v7 and v7
    # with one, vi7, bVII; lydian's tonic with an added sharp eleventh or as a major seventh with an
    # added thirteenth, II, II7 and II7 with one, iii7, V and Vmaj7 with one, vii7; phrygian's tonic,
    # bII, bII with an added sharp eleventh or as a major seventh with an added thirteenth, bIII7 with
    # one, iv7, bVImaj7, bvii7; aeolian's tonic, iv7 with an added thirteenth, bIIImaj7 and bVImaj7
    # with one, bVI with an added sharp eleventh, v7, bVII7 with one or with its second in place of
    # its third.
    "modal": (
        written(
            "dorian i7add13 IV7 i7add13 v7 i7add13 bIIImaj7add13 i7add13 IV",
            "minor",
            "0m7a13 5d7 0m7a13 7m7 0m7a13 3M7a13 0m7a13 5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i7add13 i ii7 i7add13 IV7add13 i7add13 bVII i",
            "minor",
            "0m7a13 0m 2m7 0m7a13 5d7a13 0m7a13 10 0m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I7add13 bVIIadd#11 I7add13 IV I bVII I v7add13",
            "major",
            "0d7a13 10as11 0d7a13 5 0 10 0 7m7a13",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I IVmaj7add13 I vi7 I7add13 bVIIadd#11 v7 I7add13",
            "major",
            "0 5M7a13 0 9m7 0d7a13 10as11 7m7 0d7a13",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Iadd#11 II Iadd#11 V Imaj7add13 II7add13 vii7 Iadd#11",
            "major",
            "0as11 2 0as11 7 0M7a13 2d7a13 11m7 0as11",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7add13 Iadd#11 II7 iii7 Imaj7add13 Vmaj7add13 I II",
            "major",
            "0M7a13 0as11 2d7 4m7 0M7a13 7M7a13 0 2",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 bIIadd#11 i7 bvii7 i bIImaj7add13 iv7 i7",
            "minor",
            "0m7 1as11 0m7 10m7 0m 1M7a13 5m7 0m7",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bIIadd#11 bIII7add13 i7 i bII i7 bVImaj7",
            "minor",
            "0m 1as11 3d7a13 0m7 0m 1 0m7 8M7",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i7 bVIadd#11 i7 iv7add13 i bVII7sus2 i7 v7",
            "minor",
            "0m7 8as11 0m7 5m7a13 0m 10d7s2 0m7 7m7",
            own=SPLIT,
        ),
        written(
            "aeolian i iv7add13 i7 bVImaj7add13 i bIIImaj7add13 bVII7add13 i7",
            "minor",
            "0m 5m7a13 0m7 8M7a13 0m 3M7a13 10d7a13 0m7",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a seventh (or with an added thirteenth, or once
    # with its second in place of its third) resolving; in minor, V as a seventh or with a flat ninth.
    "ambiguous": (
        written(
            "vi IV ii7add13 vi vi IVadd#11 V7add13 I",
            "major",
            "9m 5 2m7a13 9m 9m 5as11 7d7a13 0",
            own=SPLIT,
        ),
        written(
            "ii7add13 vi ii IVmaj7add13 ii vi V7 I",
            "major",
            "2m7a13 9m 2m 5M7a13 2m 9m 7d7 0",
            own=SPLIT,
        ),
        written(
            "IVadd#11 ii vi IV vi ii7add13 V7add13 Imaj7add13",
            "major",
            "5as11 2m 9m 5 9m 2m7a13 7d7a13 0M7a13",
            own=SPLIT,
        ),
        written(
            "vi vi7 IV ii7add13 IV vi V7sus2 I",
            "major",
            "9m 9m7 5 2m7a13 5 9m 7d7s2 0",
            own=SPLIT,
        ),
        written(
            "III VI III iv7add13 VI III V7 i",
            "minor",
            "3 8 3 5m7a13 8 3 7d7 0m",
            own=SPLIT,
        ),
        written(
            "VIadd#11 III iv VI iv7add13 III V7 i",
            "minor",
            "8as11 3 5m 8 5m7a13 3 7d7 0m",
            own=SPLIT,
        ),
        written(
            "iv7add13 iv VI III VImaj7add13 III V7b9 i",
            "minor",
            "5m7a13 5m 8 3 8M7a13 3 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "III IIImaj7add13 iv VI iv7add13 VI V i7",
            "minor",
            "3 3M7a13 5m 8 5m7a13 8 7 0m7",
            own=SPLIT,
        ),
        written(
            "VI iv III iv7add13 iv VIadd#11 V7 i",
            "minor",
            "8 5m 3 5m7a13 5m 8as11 7d7 0m",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: eight quarter-note beats a bar, each of four sixteenths (a tracker's pattern
# of 32 rows, two bars of 4/4 counted as one), beside undercroft's, reliquary's, cenotaph's,
# columbarium's, hypogeum's and cairn's four, three, two, five, seven and six beats of sixteenths and
# catacomb's eight beats of eighths; its tempo counts quarters.
METER = "32/16"
METER_LAYOUT = (8, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Chip patches (chip_render.CHIP): midi_render renders a chip set through chip_render. Each was
# checked by rendering to sound the pitch it is given, bent (the strongest frequency near it within
# a cent, slide, vibrato, duty sweep and all), to spell a chord as its arpeggio (each turn the
# chord's next note from the lowest), to stay within its level, and to render the same audio on
# every run. It has no plain piano, guitar or voice, so the split draws only the programs
# below, not the ones every other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = CHIP.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (81, 62, 5, 90),  # a thin pulse lead, synth brass, an electric piano, a polysynth pad
    "bass": (39, 87),  # the triangle bass, a pulse bass
    "lead": (80, 84, 72, 78),  # a square lead, a sliding pulse lead, a clarinet's pulse, a whistle
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the strings' pulse).
SUSTAINED_PROGRAMS = (48, 19, 94)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LONG_KICK, DRY_SNARE, LOW_TOM, HIGH_TOM, CRASH, RIDE_BELL = 35, 40, 41, 48, 49, 53
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in an eight-beat
# bar the last four beats play the first four's. Each keeps the kick on 1 and a backbeat on 2 and
# 4, so the pulse a drummer counts is the beat the clip is labelled with, across the tempo range its
# drums alone are drawn from (74 to 186).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A tracker's plainest beat: the kick on 1 and 3, the snare on the backbeat, the noise's hat on
    # the "and"s, the tambourine on 4's "a".
    "tracker-eighths": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
        (15, TAMBOURINE),
    ),
    # Hats on every sixteenth but the open one on 2's "a", the kick on 1, 2's "and" and 3's "and", the
    # snare on the backbeat.
    "noise-sixteenths": (
        (0, KICK),
        (6, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(16) if k != 7),
        (7, OPEN_HAT),
    ),
    # A gallop: the kick on 1, 1's "a", 3 and 3's "a", the clap on the backbeat, the hat pedalled on
    # every beat.
    "chip-gallop": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (11, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
    ),
    # The triangle's long kick on 1, 3 and 3's "e", the dry snare on the backbeat, a crash on 1, the
    # tambourine on the "and"s.
    "triangle-kick": (
        (0, CRASH),
        (0, LONG_KICK),
        (8, LONG_KICK),
        (9, LONG_KICK),
        (4, DRY_SNARE),
        (12, DRY_SNARE),
        *((k, TAMBOURINE) for k in range(2, 16, 4)),
    ),
    # The short mode's ride on every eighth and its bell on 4's "a", the kick on 1 and 3's "and", the
    # snare on the backbeat, a rimshot on 2's "a", a fill of toms on 4's "e" and "and".
    "metallic-ride": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, RIMSHOT),
        (13, HIGH_TOM),
        (14, LOW_TOM),
        (15, RIDE_BELL),
        *((k, RIDE) for k in range(0, 16, 2)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 52 (a listener still counts the dotted quarter) to 104.
TEMPO_RANGES = ((72.0, 176.0), (52.0, 104.0), (74.0, 186.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "flanger",
    "console",
    "flanger+console",
    "console+mp3",
    "flanger+opus",
    "console+small-room",
    "flanger+console+aac",
)
COUNTS = {
    "dwelling": 60,
    "modal": 30,
    "ambiguous": 27,
    "free-time": 20,
    "drums": 27,
    "noise": 15,
    "tone": 21,
}
