"""The stupa split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-ninth pass of method work by someone other than whoever tunes, while
sarcophagus was still unread. Its material is in none of the others: songs voiced as a pianist's
left hand voices them (triads spread over a tenth, root and fifth under the third an octave up;
sevenths as shells, the root under the seventh and the tenth, no fifth: ii and vi, IV and I, and V
a dominant shell whose tenth is the leading tone; in minor, iv, VI and III the same, V's shell
naming the tonic) that still leave their key plain to a musician, modal vamps (dorian, phrygian
and aeolian tonics as spread minor triads or minor shells, a mixolydian one as a dominant shell, a
lydian one as a major shell, their neighbours voiced the same way) and ambiguous loops new by root
motion, a twelve-beat bar of sixteenths, drum patterns and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no
formant or additive voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or
vocoder patch, no tonewheel or free reed, no modal bar or bell but struck and plucked keyboard
strings and electric pianos computed in numpy (hammer_render: a grand's and an upright's stiff
strings, their partials stretched by an inharmonicity drawn per register, two or three unison
strings a course beating and dying in two stages, a felt hammer brightening with velocity, a
soundboard's resonances, the damper pedal and sympathetic strings; a honky-tonk's wide unisons, a
harpsichord's plucked strings with its 4' choir, lute stop and release thump, a clavinet's string
read through its pickup's comb, a tine piano's and a reed piano's pickups barking with velocity, a
toy piano's rods, a hammered dulcimer's and a cimbalom's courses and tremolo), its drums a struck
kit of the same strings and frame (muted and prepared strings, the iron frame's and the keybed's
knock, the damper pedal's thump, a chain on the strings). Its clips then go through a record's
production (production.produce: an FM broadcast chain, a worn cassette's dropouts, beside rooms, a
spring, a tape and lossy encodes), or none. It sits in its own module so that whoever tunes does
not read it in passing; labelled_material merges it in. Whoever tunes the methods should not open
this file.
"""

from __future__ import annotations

from soundforge.testing.hammer_render import HAMMER
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
    Progression,
    written,
)

SPLIT = "stupa"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): each chord a
    # triad spread over a tenth, a seventh's shell (root, seventh, tenth) or a close triad; V a
    # dominant shell or a triad, its tenth the leading tone.
    "dwelling": (
        written(
            "IV IVmaj7 IV vi IVmaj7 ii V7 Imaj7", "major", "5M10 5M7sh 5 9m10 5M7sh 2m 7d7sh 0M7sh", own=SPLIT
        ),
        written("vi7 IV vi ii ii IV V I", "major", "9m7sh 5 9m10 2m10 2m 5M10 7 0", own=SPLIT),
        written("vi IV IVmaj7 IV vi ii V7 I", "major", "9m 5M10 5M7sh 5 9m10 2m10 7d7sh 0M10", own=SPLIT),
        written("IV IVmaj7 IV ii7 ii vi V Imaj7", "major", "5M10 5M7sh 5 2m7sh 2m10 9m 7 0M7sh", own=SPLIT),
        written("IVmaj7 vi ii7 ii vi ii7 V7 I", "major", "5M7sh 9m 2m7sh 2m10 9m 2m7sh 7d7sh 0", own=SPLIT),
        written("vi vi vi7 ii IV ii V I", "major", "9m 9m10 9m7sh 2m 5M10 2m10 7 0M10", own=SPLIT),
        written(
            "vi IVmaj7 ii vi ii vi V7 Imaj7", "major", "9m10 5M7sh 2m 9m10 2m10 9m 7d7sh 0M7sh", own=SPLIT
        ),
        written("vi7 ii IV ii vi IV V I", "major", "9m7sh 2m 5M10 2m10 9m 5M10 7 0", own=SPLIT),
        written(
            "III VImaj7 IIImaj7 iv iv IIImaj7 V7 i",
            "minor",
            "3 8M7sh 3M7sh 5m 5m10 3M7sh 7d7sh 0m10",
            own=SPLIT,
        ),
        written("III VI VI iv VI III V i", "minor", "3M10 8M10 8 5m10 8M10 3 7 0m", own=SPLIT),
        written("iv7 VI III iv7 iv III V7 i7", "minor", "5m7sh 8 3M10 5m7sh 5m 3M10 7d7sh 0m7sh", own=SPLIT),
        written("VI III IIImaj7 VI III iv7 V i", "minor", "8 3M10 3M7sh 8 3M10 5m7sh 7 0m10", own=SPLIT),
        written(
            "III IIImaj7 iv VImaj7 iv7 iv V7 i", "minor", "3M10 3M7sh 5m 8M7sh 5m7sh 5m 7d7sh 0m", own=SPLIT
        ),
        written("VI iv VImaj7 iv7 III III V i7", "minor", "8M10 5m 8M7sh 5m7sh 3 3M10 7 0m7sh", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode, spread over tenths or as shells: dorian's tonic minor, its IV a dominant shell, ii,
    # bIII, v and bVII beside it; mixolydian's tonic a dominant shell or a spread triad, bVII, IV, ii,
    # v and vi; lydian's tonic a major shell, II a dominant shell, iii, V, vi and vii; phrygian's
    # tonic minor, bII a major shell, bIII, iv, bVI and bvii; aeolian's tonic minor, iv, v, bIII, bVI
    # and bVII.
    "modal": (
        written(
            "dorian i v7 i7 bVIImaj7 bIII ii7 i i",
            "minor",
            "0m 7m7sh 0m7sh 10M7sh 3M10 2m7sh 0m 0m10",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i i7 bIIImaj7 ii i7 v i ii",
            "minor",
            "0m10 0m7sh 3M7sh 2m10 0m7sh 7m10 0m10 2m10",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I v7 vi I bVII I7 I I",
            "major",
            "0M10 7m7sh 9m10 0M10 10M10 0d7sh 0M10 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I I7 I v I7 ii IVmaj7 I7",
            "major",
            "0 0d7sh 0M10 7m10 0d7sh 2m10 5M7sh 0d7sh",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7 I vii Imaj7 I vii7 V iii",
            "major",
            "0M7sh 0M10 11m10 0M7sh 0M10 11m7sh 7M10 4m10",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I vii Imaj7 I vi7 iii7 iii I",
            "major",
            "0M10 11m10 0M7sh 0M10 9m7sh 4m7sh 4m10 0",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bIImaj7 bIII iv7 i i7 i iv7",
            "minor",
            "0m 1M7sh 3M10 5m7sh 0m10 0m7sh 0m 5m7sh",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bvii i bVI i7 bII bVImaj7 i7",
            "minor",
            "0m10 10m10 0m 8M10 0m7sh 1M10 8M7sh 0m7sh",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i7 i bVII v7 i bVII7 i7 bVImaj7",
            "minor",
            "0m7sh 0m 10M10 7m7sh 0m 10d7sh 0m7sh 8M7sh",
            own=SPLIT,
        ),
        written(
            "aeolian i i v7 bIII i bVII i bVI", "minor", "0m 0m10 7m7sh 3M10 0m10 10M10 0m 8M10", own=SPLIT
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a dominant shell or a triad resolving.
    "ambiguous": (
        written(
            "IV vi7 vi IV vi7 ii V7 Imaj7", "major", "5M10 9m7sh 9m 5M10 9m7sh 2m 7d7sh 0M7sh", own=SPLIT
        ),
        written("ii vi vi vi7 ii IV V I", "major", "2m10 9m 9m10 9m7sh 2m 5M10 7 0", own=SPLIT),
        written("IV vi vi7 ii vi vi7 V7 I", "major", "5 9m10 9m7sh 2m 9m10 9m7sh 7d7sh 0M10", own=SPLIT),
        written("IV IVmaj7 vi vi ii vi V Imaj7", "major", "5M10 5M7sh 9m 9m10 2m10 9m 7 0M7sh", own=SPLIT),
        written(
            "IIImaj7 VI iv IIImaj7 III VImaj7 V7 i7",
            "minor",
            "3M7sh 8 5m10 3M7sh 3 8M7sh 7d7sh 0m7sh",
            own=SPLIT,
        ),
        written(
            "iv VImaj7 IIImaj7 iv III IIImaj7 V i", "minor", "5m 8M7sh 3M7sh 5m 3M10 3M7sh 7 0m10", own=SPLIT
        ),
        written("III iv7 III III VI III V7 i", "minor", "3M10 5m7sh 3 3M10 8M10 3 7d7sh 0m", own=SPLIT),
        written(
            "IIImaj7 iv III IIImaj7 iv VImaj7 V i7",
            "minor",
            "3M7sh 5m 3M10 3M7sh 5m 8M7sh 7 0m7sh",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: twelve quarter-note beats a bar, each of four sixteenths (a 12/4 played in
# sixteenths), beside sepulchre's twelve quarters in eighths, and undercroft's, reliquary's,
# cenotaph's, columbarium's, hypogeum's, cairn's, dolmen's, kurgan's, tholos's and sarcophagus's four,
# three, two, five, seven, six, eight, nine, ten and eleven beats of sixteenths; its tempo counts
# quarters.
METER = "48/16"
METER_LAYOUT = (12, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", "12/8", METER, METER)
# Struck and plucked keyboard strings, tines and reeds (hammer_render.HAMMER): midi_render renders a
# hammer set through hammer_render. Each was checked by rendering to sound its note's fundamental
# (bent) within a cent with its unisons on their pitch, its courses' strings symmetric about it, a
# grand's partials stretched by its string's stiffness, its unisons beating, a harder blow brighter,
# to stay within its level, and to render the same audio on every run. It has no guitar, brass,
# reed, voice or organ, so the split draws only the programs below, not the ones every other split
# shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = HAMMER.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (0, 3, 4, 6, 7),  # a grand, a honky-tonk upright, a tine piano, a harpsichord, a clavinet
    "bass": (32, 33),  # a grand's wound strings, a tine piano's bass keys
    "lead": (1, 5, 8, 15, 46),  # a bright grand, a reed piano, a toy piano, a dulcimer, a lute stop
}
# What its held tones and free-time chords play: a tremolo that restrikes faster than any beat (the
# free-time chords' bass, program 48, is the cimbalom's).
SUSTAINED_PROGRAMS = (48, 49, 89)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_FLOOR_TOM, HIGH_MID_TOM, MARACAS, CLAVES = 43, 50, 70, 75
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a twelve-beat
# bar beats five to eight and nine to twelve play the first four's. Each keeps the kick on 1 and a
# backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is labelled with, across
# the tempo range its drums alone are drawn from (70 to 178).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The frame's knock: the kick on 1 and 3, the snare on the backbeat, the frame knocked on 2's and
    # 4's "a", the pedalled hat on every "and".
    "frame-knock": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, RIMSHOT),
        (15, RIMSHOT),
        *((k, PEDAL_HAT) for k in range(2, 16, 4)),
    ),
    # A chain on the strings: maracas on every sixteenth but the beats, the kick on 1 and 2's "and",
    # the snare on the backbeat, the closed hat on each beat.
    "chain-sixteenths": (
        (0, KICK),
        (6, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
        *((k, MARACAS) for k in range(16) if k % 4),
    ),
    # A stride: the kick on 1 and 3, the snare and a clap on the backbeat, the stopped string's
    # clank on every "and", the open hat on 4's "and".
    "stride-clank": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (12, CLAP),
        (2, COWBELL),
        (6, COWBELL),
        (10, COWBELL),
        (14, OPEN_HAT),
    ),
    # Muted strings answering: the kick on 1 and 3's "a", the snare on the backbeat, the floor tom on
    # 2's "a", the high tom on 4's "e", the keybed's knock on 1's "and", the ride on every eighth.
    "muted-answer": (
        (0, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, LOW_FLOOR_TOM),
        (13, HIGH_MID_TOM),
        (2, CLAVES),
        *((k, RIDE) for k in range(0, 16, 2)),
    ),
    # A montuno's clave on the keybed: the kick on 1, 2's "and" and 4, the snare on the backbeat,
    # the claves on 1, 1's "a", 2's "and", 3's "and" and 4, the closed hat on every "and".
    "keybed-clave": (
        (0, KICK),
        (6, KICK),
        (12, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, CLAVES),
        (3, CLAVES),
        (6, CLAVES),
        (10, CLAVES),
        (12, CLAVES),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 50 (a listener still counts the dotted quarter) to 102.
TEMPO_RANGES = ((63.0, 164.0), (50.0, 102.0), (70.0, 178.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "broadcast",
    "tape+dropout",
    "broadcast+mp3",
    "room+dropout+aac",
    "broadcast+opus",
    "small-room+tape+dropout",
    "spring+broadcast",
)
COUNTS = {
    "dwelling": 60,
    "modal": 32,
    "ambiguous": 26,
    "free-time": 16,
    "drums": 30,
    "noise": 14,
    "tone": 22,
}
