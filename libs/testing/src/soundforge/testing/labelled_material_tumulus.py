"""The tumulus split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-second pass of method work by someone other than whoever tunes, once every
other split (necropolis too) had been read. Its material is in none of the others: songs coloured by
chords no other split has (a major and a minor thirteenth, a dominant seventh with a sharp eleventh
on the flat second standing in for V, a major triad with an added eleventh, in minor harmonic
minor's III as a major seventh with a sharp fifth) that still leave their key plain to a musician,
modal vamps (a dorian tonic as a minor thirteenth, a lydian one as a major thirteenth) and ambiguous
loops new by root motion, an eleven-beat bar, drum patterns and a tempo range, and timbres no other
split has: its instruments are no recordings, no soundfont, no physical model, no analog patch, no
formant or additive voice, no phase-distortion and no FM patch but waveshaping patches computed in
numpy, a sine at the note driven through Chebyshev polynomials whose drive follows an envelope of
its own (an electric grand, a second electric piano, a percussive organ, synth brass, a fretless
bass and a synth bass, a sawtooth lead with a vibrato, a xylophone, a reed, a string ensemble, a
halo pad; shaper_render), its drums an acoustic kit of Hydrogen's (Millo_MultiLayered3, GPL;
Debian's hydrogen-drumkits, `make apt`) that no other split plays. Its clips then go through a
record's production (production.produce: a downward expander, a de-esser, beside rooms and lossy
encodes), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
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
    Progression,
    written,
)
from soundforge.testing.shaper_render import SHAPER

SPLIT = "tumulus"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): IV as a major
    # thirteenth, ii as a minor thirteenth, V with an added eleventh or, in its place, the flat
    # second's dominant seventh with a sharp eleventh (V's tritone substitute: its third and seventh
    # are V's, its sharp eleventh V's root), the tonic as a major thirteenth or with an added
    # eleventh; in minor, III with an added eleventh or as harmonic minor's major seventh with a sharp
    # fifth (its fifth the leading tone), iv as a minor thirteenth, V as a seventh or the flat
    # second's substitute.
    "dwelling": (
        written(
            "vi7 IVmaj13 ii13 vi I IVmaj13 subV7#11 Imaj13",
            "major",
            "9m7 5M13 2m13 9m 0 5M13 1d7s11 0M13",
            own=SPLIT,
        ),
        written("ii13 vi7 IV Vadd11 vi IVmaj7 V I", "major", "2m13 9m7 5 7a11 9m 5M7 7 0", own=SPLIT),
        written(
            "IVmaj13 IV vi ii7 IVmaj13 ii13 subV7#11 I",
            "major",
            "5M13 5 9m 2m7 5M13 2m13 1d7s11 0",
            own=SPLIT,
        ),
        written(
            "vi ii13 vi7 IVmaj13 iii7 IV Vadd11 Iadd11",
            "major",
            "9m 2m13 9m7 5M13 4m7 5 7a11 0a11",
            own=SPLIT,
        ),
        written(
            "IV vi7 ii13 ii vi IVmaj13 subV7#11 Iadd11",
            "major",
            "5 9m7 2m13 2m 9m 5M13 1d7s11 0a11",
            own=SPLIT,
        ),
        written(
            "ii7 IVmaj13 vi ii13 vi7 IV V7 Imaj13", "major", "2m7 5M13 9m 2m13 9m7 5 7d7 0M13", own=SPLIT
        ),
        written(
            "vi7 vi IVmaj13 ii13 Iadd11 IV subV7#11 I", "major", "9m7 9m 5M13 2m13 0a11 5 1d7s11 0", own=SPLIT
        ),
        written("IVmaj13 ii13 vi7 IV ii vi Vadd11 I", "major", "5M13 2m13 9m7 5 2m 9m 7a11 0", own=SPLIT),
        written(
            "iv7 VI IIImaj7#5 iv VImaj7 III subV7#11 i", "minor", "5m7 8 3M7s5 5m 8M7 3 1d7s11 0m", own=SPLIT
        ),
        written("VI iv13 III VI IIIadd11 iv V7 i", "minor", "8 5m13 3 8 3a11 5m 7d7 0m", own=SPLIT),
        written(
            "IIIadd11 VI iv7 IIImaj7#5 VI iv13 subV7#11 i",
            "minor",
            "3a11 8 5m7 3M7s5 8 5m13 1d7s11 0m",
            own=SPLIT,
        ),
        written("iv13 iv III VI IIIadd11 VI V7 i", "minor", "5m13 5m 3 8 3a11 8 7d7 0m", own=SPLIT),
        written(
            "VI III iv13 VI IIImaj7#5 iv subV7#11 i", "minor", "8 3 5m13 8 3M7s5 5m 1d7s11 0m", own=SPLIT
        ),
        written("III iv7 VI VIIadd11 iv13 VI V7 i", "minor", "3 5m7 8 10a11 5m13 8 7d7 0m", own=SPLIT),
        written(
            "iv VI iv13 IIImaj7#5 III VI subV7#11 i", "minor", "5m 8 5m13 3M7s5 3 8 1d7s11 0m", own=SPLIT
        ),
        written("VImaj7 VI iv13 III IIIadd11 iv V7 i", "minor", "8M7 8 5m13 3 3a11 5m 7d7 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as a minor thirteenth, ii7, IV, v7, bIII as a major thirteenth and
    # bVII with an added eleventh; mixolydian's I and I with an added eleventh, IV and IV with an
    # added eleventh or as a major thirteenth, v7, vi7, bVII and bVII as a major thirteenth;
    # lydian's I and Imaj13, II and II with an added eleventh, iii7, vii and V as a major thirteenth;
    # phrygian's i, bII and bII as a major thirteenth, bIII and bVI with an added eleventh, bvii7;
    # aeolian's i, iv13, v7, bIII and bVII with an added eleventh, bVI as a major thirteenth.
    "modal": (
        written(
            "dorian i13 IV i13 ii7 i13 i13 bVIIadd11 i13",
            "minor",
            "0m13 5 0m13 2m7 0m13 0m13 10a11 0m13",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i13 bIIImaj13 i13 v7 i13 IV i13 i13",
            "minor",
            "0m13 3M13 0m13 7m7 0m13 5 0m13 0m13",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian Iadd11 bVIImaj13 Iadd11 I IVadd11 I v7 Iadd11",
            "major",
            "0a11 10M13 0a11 0 5a11 0 7m7 0a11",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I IVmaj13 I Iadd11 bVII I vi7 Iadd11",
            "major",
            "0 5M13 0 0a11 10 0 9m7 0a11",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj13 IIadd11 Imaj13 vii Imaj13 Imaj13 II Imaj13",
            "major",
            "0M13 2a11 0M13 11m 0M13 0M13 2 0M13",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I Vmaj13 Imaj13 II I iii7 I IIadd11",
            "major",
            "0 7M13 0M13 2 0 4m7 0 2a11",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bIImaj13 i bIIIadd11 i i bIImaj13 i",
            "minor",
            "0m 1M13 0m 3a11 0m 0m 1M13 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bVIadd11 i bIImaj13 i bvii7 i bII",
            "minor",
            "0m 8a11 0m 1M13 0m 10m7 0m 1",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i iv13 i i bVImaj13 i bVIIadd11 i",
            "minor",
            "0m 5m13 0m 0m 8M13 0m 10a11 0m",
            own=SPLIT,
        ),
        written(
            "aeolian i iv13 bIIIadd11 i v7 i bVImaj13 i",
            "minor",
            "0m 5m13 3a11 0m 7m7 0m 8M13 0m",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V with an added eleventh, a seventh or the flat
    # second's substitute resolving.
    "ambiguous": (
        written(
            "vi7 ii13 vi IVmaj13 vi7 ii subV7#11 I", "major", "9m7 2m13 9m 5M13 9m7 2m 1d7s11 0", own=SPLIT
        ),
        written(
            "IVmaj13 vi ii13 IV vi7 IVmaj13 Vadd11 I", "major", "5M13 9m 2m13 5 9m7 5M13 7a11 0", own=SPLIT
        ),
        written(
            "ii13 IV vi7 vi ii7 IVmaj13 subV7#11 Imaj13",
            "major",
            "2m13 5 9m7 9m 2m7 5M13 1d7s11 0M13",
            own=SPLIT,
        ),
        written(
            "vi IVmaj13 vi7 ii13 IV ii Vadd11 Iadd11", "major", "9m 5M13 9m7 2m13 5 2m 7a11 0a11", own=SPLIT
        ),
        written(
            "III VI IIIadd11 iv7 III VImaj7 subV7#11 i", "minor", "3 8 3a11 5m7 3 8M7 1d7s11 0m", own=SPLIT
        ),
        written(
            "VI IIImaj7#5 iv13 III VI iv subV7#11 i", "minor", "8 3M7s5 5m13 3 8 5m 1d7s11 0m", own=SPLIT
        ),
        written("iv13 III VI IIIadd11 iv VI V7 i", "minor", "5m13 3 8 3a11 5m 8 7d7 0m", own=SPLIT),
        written("IIIadd11 iv iv13 III VI VImaj7 V7 i", "minor", "3a11 5m 5m13 3 8 8M7 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: eleven quarter-note beats a bar, each of two eighths (11/4), beside
# necropolis's seven beats of three eighths, charnel's twelve quarters and vault's, crypt's and the
# others' seven, eight, nine and ten; its tempo counts quarters.
METER = "11/4"
METER_LAYOUT = (11, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Waveshaping patches (shaper_render.SHAPER): midi_render renders a waveshaping set through
# shaper_render. Each was checked by rendering to sound the pitch it is given over the range each role
# plays (each copy within a cent of its own detuning, the copies symmetric around the note; a vibrato
# sways symmetrically around it), nothing but its harmonics above -60 dB up to the top of the keyboard
# (no alias), and to render the same audio on every run. It has no guitar, voice or plain piano, so
# the split draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = SHAPER.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (2, 5, 17, 62),  # an electric grand, a second electric piano, a percussive organ, synth brass
    "bass": (35, 39),  # a fretless bass, a synth bass
    "lead": (81, 13, 68),  # a sawtooth lead with a vibrato, a xylophone, a reed
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the string ensemble).
SUSTAINED_PROGRAMS = (48, 94, 17)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LONG_KICK, ELECTRIC_SNARE, FLOOR_TOM, MID_TOM, HIGH_TOM, CRASH = 35, 40, 41, 45, 48, 49
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in an eleven-beat
# bar the fifth to eighth beats play the first four's, the ninth to eleventh the first three's. Each
# keeps the kick on 1 and a backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from (63 to 181).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A cowbell on every beat over a kick on 1 and the "and" of 3, the snare on the backbeat, hats on
    # the "and"s.
    "cowbell-quarters": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # A floor tom on every beat under eighth hats, the kick on 1 and 3, the snare on the backbeat.
    "floor-tom-pulse": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, FLOOR_TOM) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # A crash on 1, the kick on 1, the "and" of 2 and 3, the other snare on the backbeat, the hat
    # pedalled on every beat and open on 4's "and".
    "crash-downbeat": (
        (0, CRASH),
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, ELECTRIC_SNARE),
        (12, ELECTRIC_SNARE),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
        (14, OPEN_HAT),
    ),
    # A side stick on the backbeat, the long kick on 1 and the "e" of 3, the ride on eighths.
    "stick-ride": (
        (0, LONG_KICK),
        (9, LONG_KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, RIDE) for k in range(0, 16, 2)),
    ),
    # A galloping kick (1, its "and" and "a", 3, its "and" and "a"), the snare on the backbeat, hats
    # on every beat, the high and mid toms on the bar's last two sixteenths.
    "gallop-kick": (
        (0, KICK),
        (2, KICK),
        (3, KICK),
        (8, KICK),
        (10, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
        (14, HIGH_TOM),
        (15, MID_TOM),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 49 (a listener still counts the dotted quarter) to 103.
TEMPO_RANGES = ((59.0, 173.0), (49.0, 103.0), (63.0, 181.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "expand",
    "deess",
    "expand+deess",
    "deess+opus",
    "expand+aac",
    "deess+small-room",
    "expand+deess+mp3",
)
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
