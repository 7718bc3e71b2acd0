"""The tholos split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-seventh pass of method work by someone other than whoever tunes, while
kurgan was still unread. Its material is in none of the others: songs coloured as organ and
accordion records colour them (shells, root, third and seventh with no fifth, as an organist's left
hand or an accordion's chord buttons spell them: ii and vi as minor sevenths, IV and I as major
sevenths, V as a dominant seventh; in minor, iv as a minor seventh, VI and III as major sevenths, V
as a seventh whose leading tone names the tonic) that still leave their key plain to a musician,
modal vamps (dorian tonics as minor sixths or sevenths, a mixolydian one as a dominant seventh, a
lydian one as a major seventh, phrygian and aeolian ones as minor sevenths, their neighbours
coloured the same way) and ambiguous loops new by root motion, a ten-beat bar of sixteenths, drum
patterns and a tempo range, and timbres no other split has: its instruments are no recordings, no
soundfont, no physical model, no analog patch, no formant or additive voice, no phase-distortion,
FM, waveshaping, wavetable, granular, chip or vocoder patch but tonewheel organs and free reeds
computed in numpy: drawbar registrations summing a tonewheel generator's sines (its wheels a
fraction of a cent off equal temperament, folded back at its ends), key click, percussion, leakage
and a scanner's vibrato and chorus, and reeds beating in musette under a bellows' pressure (a
drawbar organ, a percussive organ, a rock organ, a harmonium and an accordion; an organ's pedals and
an accordion's bass reeds; a harmonica, a melodica, a bandoneon, an organ's flute and a full organ;
an organ's strings and church stops and a harmonium's voix celeste; tonewheel_render), its drums an
organ's rhythm box, pinged resonators and noise, with bongos, congas, maracas and claves, which no
other split plays. Its clips then go through a record's production (production.produce: a valve
amplifier into a speaker cabinet, a turntable's rumble, beside rooms and lossy encodes), or none.
It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
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
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.tonewheel_render import TONEWHEEL

SPLIT = "tholos"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): vi and ii as
    # minor sevenths with no fifth, IV (and I) as major sevenths with none, V as a dominant seventh
    # with none or a seventh; in minor, iv as a minor seventh with no fifth, VI and III as major
    # sevenths with none, V as a seventh whose leading tone names the tonic.
    "dwelling": (
        written("ii7 vi7 IV ii IVmaj7 vi V7 I", "major", "2m7n5 9m7n5 5 2m 5M7n5 9m 7d7n5 0", own=SPLIT),
        written("vi7 IVmaj7 ii7 ii IV vi V7 I", "major", "9m7n5 5M7n5 2m7n5 2m 5 9m 7d7 0", own=SPLIT),
        written("IV vi7 vi ii7 IVmaj7 IV V I", "major", "5 9m7n5 9m 2m7n5 5M7n5 5 7 0", own=SPLIT),
        written("ii ii7 IV vi7 vi IVmaj7 V7 I", "major", "2m 2m7n5 5 9m7n5 9m 5M7n5 7d7n5 0", own=SPLIT),
        written(
            "vi vi7 IVmaj7 ii7 IV ii V7 Imaj7", "major", "9m 9m7n5 5M7n5 2m7n5 5 2m 7d7n5 0M7n5", own=SPLIT
        ),
        written("IVmaj7 IV ii7 vi ii vi7 V I", "major", "5M7n5 5 2m7n5 9m 2m 9m7n5 7 0", own=SPLIT),
        written("vi7 ii IV ii7 vi7 vi V7 I", "major", "9m7n5 2m 5 2m7n5 9m7n5 9m 7d7 0", own=SPLIT),
        written("ii6 IV vi vi IV ii7 V7 I", "major", "2m6n5 5 9m 9m 5 2m7n5 7d7n5 0", own=SPLIT),
        written("iv7 VI iv VImaj7 III iv V7 i", "minor", "5m7n5 8 5m 8M7n5 3 5m 7d7 0m", own=SPLIT),
        written("VImaj7 iv iv7 VI III iv7 V7 i", "minor", "8M7n5 5m 5m7n5 8 3 5m7n5 7d7 0m", own=SPLIT),
        written("III VImaj7 VI iv7 iv III V i", "minor", "3 8M7n5 8 5m7n5 5m 3 7 0m", own=SPLIT),
        written("iv iv7 VImaj7 iv III VI V7 i7", "minor", "5m 5m7n5 8M7n5 5m 3 8 7d7 0m7n5", own=SPLIT),
        written("VI III iv7 VImaj7 III iv V7 i", "minor", "8 3 5m7n5 8M7n5 3 5m 7d7n5 0m", own=SPLIT),
        written("IIImaj7 iv7 VI iv VI VImaj7 V7 i", "minor", "3M7n5 5m7n5 8 5m 8 8M7n5 7d7 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as a minor sixth or seventh with no fifth, IV7, ii, bIIImaj7, bVII, v;
    # mixolydian's tonic as a dominant seventh with no fifth, bVIImaj7, IVmaj7, v7, ii; lydian's
    # tonic as a major seventh with no fifth, II7, iii7, Vmaj7, vii7; phrygian's tonic as a minor
    # seventh with no fifth, bIImaj7, bIII7, iv7, bvii7; aeolian's tonic as a minor seventh with no
    # fifth, bVImaj7, bVII7, iv7, bIIImaj7, v7.
    "modal": (
        written(
            "dorian i6 IV7 i6 i7 bVII i6 i7 ii",
            "minor",
            "0m6n5 5d7n5 0m6n5 0m7n5 10 0m6n5 0m7n5 2m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i7 i6 v7 i7 IV7 i6 bIIImaj7 i",
            "minor",
            "0m7n5 0m6n5 7m7n5 0m7n5 5d7n5 0m6n5 3M7n5 0m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I7 I bVIImaj7 I7 v7 IVmaj7 I7 I",
            "major",
            "0d7n5 0 10M7n5 0d7n5 7m7n5 5M7n5 0d7n5 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I7 ii7 I7 I bVII I7 vi7 bVIImaj7",
            "major",
            "0d7n5 2m7n5 0d7n5 0 10 0d7n5 9m7n5 10M7n5",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7 I II7 Imaj7 vii7 Imaj7 iii7 I",
            "major",
            "0M7n5 0 2d7n5 0M7n5 11m7n5 0M7n5 4m7n5 0",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7 Vmaj7 Imaj7 II7 I II Imaj7 iii7",
            "major",
            "0M7n5 7M7n5 0M7n5 2d7n5 0 2 0M7n5 4m7n5",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 i bIImaj7 i7 bvii7 i bIII7 i7",
            "minor",
            "0m7n5 0m 1M7n5 0m7n5 10m7n5 0m 3d7n5 0m7n5",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 iv7 i bIImaj7 i7 bII i7 bvii7",
            "minor",
            "0m7n5 5m7n5 0m 1M7n5 0m7n5 1 0m7n5 10m7n5",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i7 bVII7 i bVImaj7 i7 v7 i7 iv7",
            "minor",
            "0m7n5 10d7n5 0m 8M7n5 0m7n5 7m7n5 0m7n5 5m7n5",
            own=SPLIT,
        ),
        written(
            "aeolian i7 i bIIImaj7 i7 bVImaj7 i7 bVII7 i",
            "minor",
            "0m7n5 0m 3M7n5 0m7n5 8M7n5 0m7n5 10d7n5 0m",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a dominant seventh with no fifth or a seventh
    # resolving; in minor, V as a seventh.
    "ambiguous": (
        written("vi7 IV vi vi7 ii IVmaj7 V7 I", "major", "9m7n5 5 9m 9m7n5 2m 5M7n5 7d7n5 0", own=SPLIT),
        written("ii7 IVmaj7 IV vi ii vi7 V7 I", "major", "2m7n5 5M7n5 5 9m 2m 9m7n5 7d7 0", own=SPLIT),
        written(
            "IVmaj7 ii7 vi7 ii vi IV V7 Imaj7", "major", "5M7n5 2m7n5 9m7n5 2m 9m 5 7d7n5 0M7n5", own=SPLIT
        ),
        written("vi ii7 IVmaj7 vi7 IV ii V I", "major", "9m 2m7n5 5M7n5 9m7n5 5 2m 7 0", own=SPLIT),
        written("III IIImaj7 iv7 III VI iv V7 i", "minor", "3 3M7n5 5m7n5 3 8 5m 7d7 0m", own=SPLIT),
        written("VImaj7 III iv III iv7 VI V7 i", "minor", "8M7n5 3 5m 3 5m7n5 8 7d7n5 0m", own=SPLIT),
        written("iv7 VImaj7 III VI III iv V7 i", "minor", "5m7n5 8M7n5 3 8 3 5m 7d7 0m", own=SPLIT),
        written("IIImaj7 iv III iv7 VI VImaj7 V i7", "minor", "3M7n5 5m 3 5m7n5 8 8M7n5 7 0m7n5", own=SPLIT),
    ),
}
# The split's own meter: ten quarter-note beats a bar, each of four sixteenths (a 10/4 played in
# sixteenths), beside barrow's 10/4 in eighths, and undercroft's, reliquary's, cenotaph's,
# columbarium's, hypogeum's, cairn's, dolmen's and kurgan's four, three, two, five, seven, six, eight
# and nine beats of sixteenths; its tempo counts quarters.
METER = "40/16"
METER_LAYOUT = (10, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Tonewheel organs and free reeds (tonewheel_render.TONEWHEEL): midi_render renders a tonewheel set
# through tonewheel_render. Each was checked by rendering to sound its key's wheel (the motor slowed
# or sped by the bend) within a fifth of a cent or, reed by reed, its note within a cent, its
# drawbars to put their power at their footages' harmonics, its musette's reeds to beat at their
# detune's rate, to stay within its level, and to render the same audio on every run. It has no
# piano, guitar, brass or voice, so the split draws only the programs below, not the ones every
# other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = TONEWHEEL.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (16, 17, 18, 20, 21),  # a drawbar, a percussive and a rock organ, a harmonium, an accordion
    "bass": (32, 33),  # an organ's pedals, an accordion's bass reeds
    "lead": (22, 68, 23, 73, 81),  # a harmonica, a melodica, a bandoneon, an organ's flute, a full organ
}
# What its held tones and free-time chords play: the patches that hold with no percussion and a
# bellows that swells slowly, no pulse of their own (the free-time chords' bass, program 48, is the
# organ's strings).
SUSTAINED_PROGRAMS = (19, 48, 52)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
HIGH_BONGO, LOW_BONGO, MUTE_CONGA, OPEN_CONGA, LOW_CONGA, MARACAS, CLAVES = 60, 61, 62, 63, 64, 70, 75
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a ten-beat
# bar beats five to eight play the first four's and the ninth and tenth the first two's. Each keeps
# the kick on 1 and a backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from (71 to 187).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A rhythm box's swing: the ride on every beat and on 2's and 4's "a", the pedalled hat on the
    # backbeat with the snare, the kick on 1 and 3.
    "box-swing": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
        *((k, RIDE) for k in (0, 4, 7, 8, 12, 15)),
    ),
    # A rhythm box's bossa: the kick on 1, 2's "and", 3 and 4's "and", rimshots on the backbeat,
    # maracas on every eighth, claves on 2's "e" and 3's "and".
    "box-bossa": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (14, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        (5, CLAVES),
        (10, CLAVES),
        *((k, MARACAS) for k in range(0, 16, 2)),
    ),
    # A beguine: the kick on 1 and 3, the snare on the backbeat, the congas muted on the "and"s of 1
    # and 3, open on 2's and 4's "and", low on 3's "a", the cowbell on every beat.
    "box-beguine": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, MUTE_CONGA),
        (10, MUTE_CONGA),
        (6, OPEN_CONGA),
        (14, OPEN_CONGA),
        (11, LOW_CONGA),
        *((k, COWBELL) for k in range(0, 16, 4)),
    ),
    # A gospel shuffle: the kick on 1, 2's "a" and 3's "and", the snare on the backbeat, the
    # tambourine on every eighth, the hat closed on 1 and 3 and open on 4's "and".
    "gospel-tambourine": (
        (0, KICK),
        (7, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, CLOSED_HAT),
        (8, CLOSED_HAT),
        (14, OPEN_HAT),
        *((k, TAMBOURINE) for k in range(0, 16, 2)),
    ),
    # A cha-cha on a rhythm box: the kick on 1 and 3, the snare on the backbeat, the high bongo on
    # every "and", the low bongo on 2's and 4's "a", the closed hat on every beat.
    "bongo-cha": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, LOW_BONGO),
        (15, LOW_BONGO),
        *((k, HIGH_BONGO) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 51 (a listener still counts the dotted quarter) to 109.
TEMPO_RANGES = ((64.0, 173.0), (51.0, 109.0), (71.0, 187.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "cabinet",
    "rumble",
    "cabinet+rumble",
    "rumble+aac",
    "cabinet+mp3",
    "cabinet+room",
    "rumble+cabinet+aac",
)
COUNTS = {
    "dwelling": 61,
    "modal": 29,
    "ambiguous": 25,
    "free-time": 19,
    "drums": 29,
    "noise": 15,
    "tone": 21,
}
