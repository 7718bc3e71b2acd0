"""The kurgan split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-sixth pass of method work by someone other than whoever tunes, while dolmen
was still unread. Its material is in none of the others: songs coloured as vocoder records colour
them (ninth chords with their fifth left out, as a vocoder's few voices spell them: ii and vi as
minor ninths, IV as a major ninth, V as a dominant ninth; in minor, iv as a minor ninth, VI and III
as major ninths, V as a seventh whose leading tone names the tonic) that still leave their key plain
to a musician, modal vamps (dorian and aeolian tonics as minor ninths, a mixolydian one as a
dominant ninth, a lydian one as a major ninth, a phrygian one as a minor seventh, their neighbours
coloured the same way) and ambiguous loops new by root motion, a nine-beat bar of sixteenths, drum
patterns and a tempo range, and timbres no other split has: its instruments are no recordings, no
soundfont, no physical model, no analog patch, no formant or additive voice, no phase-distortion,
FM, waveshaping, wavetable, granular or chip patch but vocoder and talk-box patches computed in
numpy, a carrier (a saw, a pulse, a saw stacked with its octave, a robot's buzz) split into 12 to 32
bands whose levels follow synthetic speech (sung vowels, whispered bursts, a rhythmic gate) or a
talk-box's moving vowel filter (a vocoder choir, a whispered choir pad, a talk-box organ, robot
brass, a gated robot bass and a vocoder bass, a vocoder voice lead, a talk-box calliope, a gated
robot lead, a whispered square, vocoder strings, a vocoder choir and a talk-box pad;
vocoder_render), its drums a drum machine's band-passed noise and sine drops, with a cowbell and
claves, which no other split plays. Its clips then go through a record's production
(production.produce: a rotary speaker, a plate's reverb, beside rooms and lossy encodes), or none.
It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLAP,
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
from soundforge.testing.vocoder_render import VOCODER

SPLIT = "kurgan"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): vi and ii as
    # minor ninths with no fifth, IV as a major ninth with none, V as a dominant ninth with none or a
    # seventh; in minor, iv as a minor ninth with no fifth, VI and III as major ninths with none, V as
    # a seventh (once with a flat ninth) whose leading tone names the tonic.
    "dwelling": (
        written("vi9 ii IVmaj9 vi ii9 IV V9 I", "major", "9m9n5 2m 5M9n5 9m 2m9n5 5 7d9n5 0", own=SPLIT),
        written("ii9 vi ii9 IV vi9 vi V7 I", "major", "2m9n5 9m 2m9n5 5 9m9n5 9m 7d7 0", own=SPLIT),
        written("IVmaj9 ii IV vi9 iii vi V9 I", "major", "5M9n5 2m 5 9m9n5 4m 9m 7d9n5 0", own=SPLIT),
        written("vi vi9 ii ii9 vi IV V9 Imaj9", "major", "9m 9m9n5 2m 2m9n5 9m 5 7d9n5 0M9n5", own=SPLIT),
        written("ii IVmaj9 vi9 IV ii vi V7 I", "major", "2m 5M9n5 9m9n5 5 2m 9m 7d7 0", own=SPLIT),
        written("IV IVmaj9 vi ii9 vi IV V9 I", "major", "5 5M9n5 9m 2m9n5 9m 5 7d9n5 0", own=SPLIT),
        written("vi9 IV IVmaj9 ii vi ii9 V I", "major", "9m9n5 5 5M9n5 2m 9m 2m9n5 7 0", own=SPLIT),
        written("ii9 ii vi9 vi IVmaj9 ii V9 I", "major", "2m9n5 2m 9m9n5 9m 5M9n5 2m 7d9n5 0", own=SPLIT),
        written("iv9 VI iv III iv VImaj9 V7 i", "minor", "5m9n5 8 5m 3 5m 8M9n5 7d7 0m", own=SPLIT),
        written("VImaj9 III iv9 iv IIImaj9 VI V7 i", "minor", "8M9n5 3 5m9n5 5m 3M9n5 8 7d7 0m", own=SPLIT),
        written("IIImaj9 iv VI VImaj9 iv9 III V i", "minor", "3M9n5 5m 8 8M9n5 5m9n5 3 7 0m", own=SPLIT),
        written("iv iv9 III VImaj9 III iv V7b9 i", "minor", "5m 5m9n5 3 8M9n5 3 5m 7d7b9 0m", own=SPLIT),
        written("VI iv9 VImaj9 III iv VI V7 i", "minor", "8 5m9n5 8M9n5 3 5m 8 7d7 0m", own=SPLIT),
        written("III IIImaj9 iv9 VI VImaj9 iv V7 i7", "minor", "3 3M9n5 5m9n5 8 8M9n5 5m 7d7 0m7", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as a minor ninth with no fifth, IV9, ii, bIIImaj9, bVII, v; mixolydian's
    # tonic as a dominant ninth with no fifth, bVIImaj9, IVmaj9, v9, ii; lydian's tonic as a major
    # ninth with no fifth, II9, iii9, Vmaj9, vii; phrygian's tonic, bIImaj9, bIII9, iv9, bvii9;
    # aeolian's tonic as a minor ninth with no fifth, bVImaj9, bVII9, iv9, bIIImaj9, v.
    "modal": (
        written(
            "dorian i9 IV9 i9 ii i bVII i9 v",
            "minor",
            "0m9n5 5d9n5 0m9n5 2m 0m 10 0m9n5 7m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i i9 bIIImaj9 i9 IV bVII i i9",
            "minor",
            "0m 0m9n5 3M9n5 0m9n5 5 10 0m 0m9n5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I9 bVIImaj9 I IV I9 v9 I bVII",
            "major",
            "0d9n5 10M9n5 0 5 0d9n5 7m9n5 0 10",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I9 I IVmaj9 I9 ii bVIImaj9 I I",
            "major",
            "0d9n5 0 5M9n5 0d9n5 2m 10M9n5 0 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj9 II9 I Vmaj9 Imaj9 I II vii",
            "major",
            "0M9n5 2d9n5 0 7M9n5 0M9n5 0 2 11m",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I Imaj9 iii9 Imaj9 II9 I V Imaj9",
            "major",
            "0 0M9n5 4m9n5 0M9n5 2d9n5 0 7 0M9n5",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 bIImaj9 i bvii9 i7 bIII9 i bII",
            "minor",
            "0m7 1M9n5 0m 10m9n5 0m7 3d9n5 0m 1",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bIImaj9 i7 iv9 i bII bvii9 i7",
            "minor",
            "0m 1M9n5 0m7 5m9n5 0m 1 10m9n5 0m7",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i9 bVImaj9 i9 bVII9 i iv9 i bIIImaj9",
            "minor",
            "0m9n5 8M9n5 0m9n5 10d9n5 0m 5m9n5 0m 3M9n5",
            own=SPLIT,
        ),
        written(
            "aeolian i i9 bVII9 i9 v i bVImaj9 i9",
            "minor",
            "0m 0m9n5 10d9n5 0m9n5 7m 0m 8M9n5 0m9n5",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a dominant ninth with no fifth or a seventh
    # resolving; in minor, V as a seventh or with a flat ninth.
    "ambiguous": (
        written("vi9 vi IV vi ii9 IVmaj9 V9 I", "major", "9m9n5 9m 5 9m 2m9n5 5M9n5 7d9n5 0", own=SPLIT),
        written("ii IVmaj9 vi IV vi9 ii9 V7 I", "major", "2m 5M9n5 9m 5 9m9n5 2m9n5 7d7 0", own=SPLIT),
        written(
            "IVmaj9 vi vi9 ii ii9 IV V9 Imaj9", "major", "5M9n5 9m 9m9n5 2m 2m9n5 5 7d9n5 0M9n5", own=SPLIT
        ),
        written("vi ii9 ii IVmaj9 vi9 vi V I", "major", "9m 2m9n5 2m 5M9n5 9m9n5 9m 7 0", own=SPLIT),
        written("III IIImaj9 VI III iv9 VImaj9 V7 i", "minor", "3 3M9n5 8 3 5m9n5 8M9n5 7d7 0m", own=SPLIT),
        written(
            "VImaj9 iv9 III iv IIImaj9 VI V7b9 i", "minor", "8M9n5 5m9n5 3 5m 3M9n5 8 7d7b9 0m", own=SPLIT
        ),
        written("iv9 III VImaj9 III iv III V7 i", "minor", "5m9n5 3 8M9n5 3 5m 3 7d7 0m", own=SPLIT),
        written("IIImaj9 VI iv9 III iv VI V i7", "minor", "3M9n5 8 5m9n5 3 5m 8 7 0m7", own=SPLIT),
    ),
}
# The split's own meter: nine quarter-note beats a bar, each of four sixteenths (a 9/4 played in
# sixteenths), beside mausoleum's 9/4 in eighths and mastaba's nine beats of three eighths, and
# undercroft's, reliquary's, cenotaph's, columbarium's, hypogeum's, cairn's and dolmen's four, three,
# two, five, seven, six and eight beats of sixteenths; its tempo counts quarters.
METER = "36/16"
METER_LAYOUT = (9, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Vocoder patches (vocoder_render.VOCODER): midi_render renders a vocoder set through
# vocoder_render. Each was checked by rendering to sound the pitch its carrier is given, bent, within
# a cent (its bands pass a harmonic at zero phase, so bands that share it never cancel), its bands'
# levels to follow its modulator's, to stay within its level, and to render the same audio on every
# run. It has no plain piano, guitar or reed, so the split draws only the programs below, not the
# ones every other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = VOCODER.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (54, 91, 17, 63),  # a vocoder choir, a whispered choir pad, a talk-box organ, robot brass
    "bass": (38, 39),  # a gated robot bass, a vocoder bass
    "lead": (85, 82, 87, 80),  # a vocoder voice, a talk-box calliope, a gated robot, a whispered square
}
# What its held tones and free-time chords play: the patches that hold and glide slowly, with no
# pulse of their own (the free-time chords' bass, program 48, is the vocoder strings).
SUSTAINED_PROGRAMS = (48, 52, 89)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LONG_KICK, DRY_SNARE, LOW_TOM, HIGH_TOM, CRASH, CLAVES = 35, 40, 41, 48, 49, 75
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a nine-beat
# bar beats five to eight play the first four's and the ninth the first's. Each keeps the kick on 1
# and a backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is labelled with,
# across the tempo range its drums alone are drawn from (69 to 183).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The cowbell on the "and"s over hats on the beats, the kick on 1, 3 and 3's "a", the snare on
    # the backbeat.
    "cowbell-ands": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # Claves in a clave's three-two, the kick on 1 and 2's "and", the clap on the backbeat, the hat
    # pedalled on every beat.
    "claves-machine": (
        (0, KICK),
        (6, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, CLAVES) for k in (0, 3, 6, 10, 12)),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
    ),
    # A drum machine's sixteenths: hats on every one but 2's and 4's "and", opened there, the long
    # kick on 1 and 3's "and", the dry snare on the backbeat.
    "machine-sixteenths": (
        (0, LONG_KICK),
        (10, LONG_KICK),
        (4, DRY_SNARE),
        (12, DRY_SNARE),
        *((k, CLOSED_HAT) for k in range(16) if k not in (6, 14)),
        (6, OPEN_HAT),
        (14, OPEN_HAT),
    ),
    # The kick on 1, 1's "a" and 3's "and", the snare on the backbeat, rimshots on 2's "a" and 4's
    # "a", eighth hats.
    "rimshot-funk": (
        (0, KICK),
        (3, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, RIMSHOT),
        (15, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # A crash and the kick on 1, the kick on 3, the snare on the backbeat, the tambourine on the
    # "and"s, the ride on every beat, toms falling through 4's "and" and "a".
    "tom-fall": (
        (0, CRASH),
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (14, HIGH_TOM),
        (15, LOW_TOM),
        *((k, TAMBOURINE) for k in range(2, 16, 4)),
        *((k, RIDE) for k in range(0, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 49 (a listener still counts the dotted quarter) to 107.
TEMPO_RANGES = ((63.0, 171.0), (49.0, 107.0), (69.0, 183.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "rotary",
    "plate",
    "rotary+plate",
    "plate+mp3",
    "rotary+opus",
    "rotary+small-room",
    "plate+rotary+aac",
)
COUNTS = {
    "dwelling": 62,
    "modal": 28,
    "ambiguous": 26,
    "free-time": 18,
    "drums": 28,
    "noise": 15,
    "tone": 21,
}
