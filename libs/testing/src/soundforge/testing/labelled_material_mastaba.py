"""The mastaba split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-third pass of method work by someone other than whoever tunes, once every
other split (tumulus too) had been written. Its material is in none of the others: songs coloured by
chords no other split has (a diminished triad on major's vii leading home and on minor's ii, a major
seventh with its second in place of its third on IV and VI, a minor seventh with a flat ninth on
major's iii and minor's v, in minor V as a dominant seventh with a sharp fifth, minor's own third,
and VII with a suspended fourth and an added ninth) that still leave their key plain to a musician,
modal vamps (a phrygian tonic as a minor seventh with a flat ninth, a lydian one as a major seventh
with a suspended second, each mode's own diminished triad) and ambiguous loops new by root motion,
a nine-beat bar of dotted quarters, drum patterns and a tempo range, and timbres no other split has:
its instruments are no recordings, no soundfont, no physical model, no analog patch, no formant or
additive voice, no phase-distortion, no FM and no waveshaping patch but wavetable patches computed in
numpy, banks of single cycles scanned as a PPG Wave scans them (an electric piano, a harpsichord-like
pluck, synth brass, a polysynth, a synth bass and a rounder one, a square lead whose width sways, a
synced lead, a mallet, a string ensemble, a sweep pad and a warm pad; wavetable_render), its drums an
acoustic kit of Hydrogen's (ForzeeStereo, GPL-2; Debian's hydrogen-drumkits, `make apt`) that no
other split plays. Its clips then go through a record's production (production.produce: a
parametric equaliser's bells, a denoiser's spectral gate, beside rooms and lossy encodes), or none.
It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.wavetable_render import WAVETABLE

SPLIT = "mastaba"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): IV as a major
    # seventh with its second in place of its third, iii as a minor seventh with a flat ninth, and
    # home reached from V7 or from vii's diminished triad (its leading tone and fourth resolving),
    # twice to a tonic that is a major seventh with its second in place of its third; in minor, VI and
    # III as a major seventh with a suspended second, v as a minor seventh with a flat ninth, VII with
    # a suspended fourth and an added ninth, ii's diminished triad before V, and V as a seventh with a
    # sharp fifth (its leading tone under minor's own third) or a plain seventh.
    "dwelling": (
        written("vi ii IVmaj7sus2 vi7 iii7b9 IV V7 I", "major", "9m 2m 5M7s2 9m7 4m7b9 5 7d7 0", own=SPLIT),
        written("ii vi IV ii7 vi7 IVmaj7sus2 viio I", "major", "2m 9m 5 2m7 9m7 5M7s2 11o 0", own=SPLIT),
        written("IVmaj7sus2 vi iii7b9 vi ii IV V I", "major", "5M7s2 9m 4m7b9 9m 2m 5 7 0", own=SPLIT),
        written("vi IV ii vi7 IVmaj7sus2 iii7b9 viio I", "major", "9m 5 2m 9m7 5M7s2 4m7b9 11o 0", own=SPLIT),
        written(
            "ii ii7 vi IVmaj7sus2 vi iii7b9 V7 Imaj7sus2",
            "major",
            "2m 2m7 9m 5M7s2 9m 4m7b9 7d7 0M7s2",
            own=SPLIT,
        ),
        written("vi vi7 ii IVmaj7sus2 iii7b9 IV viio I", "major", "9m 9m7 2m 5M7s2 4m7b9 5 11o 0", own=SPLIT),
        written(
            "IV ii7 vi iii7b9 vi7 ii V7 Imaj7sus2", "major", "5 2m7 9m 4m7b9 9m7 2m 7d7 0M7s2", own=SPLIT
        ),
        written("vi IVmaj7sus2 vi7 ii IV ii7 viio I", "major", "9m 5M7s2 9m7 2m 5 2m7 11o 0", own=SPLIT),
        written("iv VI III iv7 VImaj7sus2 iio V7#5 i", "minor", "5m 8 3 5m7 8M7s2 2o 7d7s5 0m", own=SPLIT),
        written(
            "VI iv III VImaj7sus2 iv7 IIImaj7sus2 V7#5 i",
            "minor",
            "8 5m 3 8M7s2 5m7 3M7s2 7d7s5 0m",
            own=SPLIT,
        ),
        written("III VI iv IIImaj7sus2 VI iv7 V7 i", "minor", "3 8 5m 3M7s2 8 5m7 7d7 0m", own=SPLIT),
        written("iv7 III VI iv iio VImaj7sus2 V7#5 i", "minor", "5m7 3 8 5m 2o 8M7s2 7d7s5 0m", own=SPLIT),
        written("VImaj7sus2 III iv VI v7b9 iv V7#5 i", "minor", "8M7s2 3 5m 8 7m7b9 5m 7d7s5 0m", own=SPLIT),
        written("iv VI iv7 III VIIsus4add9 VI V7 i", "minor", "5m 8 5m7 3 10s4a9 8 7d7 0m", own=SPLIT),
        written("VI VImaj7sus2 iv III iv7 iio V7#5 i", "minor", "8 8M7s2 5m 3 5m7 2o 7d7s5 0m", own=SPLIT),
        written(
            "III iv VI IIImaj7sus2 iv VIIsus4add9 V7#5 i",
            "minor",
            "3 5m 8 3M7s2 5m 10s4a9 7d7s5 0m",
            own=SPLIT,
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's i and i7, ii as a minor seventh with a flat ninth, bIII and bVII as major
    # sevenths with a suspended second, vi's diminished triad (its major sixth), IV and v;
    # mixolydian's I and I with a suspended fourth and an added ninth, iii's diminished triad (its
    # flat seventh), vi as a minor seventh with a flat ninth, ii, bVII and IV and bVII as major
    # sevenths with a suspended second; lydian's I and I as a major seventh with a suspended second,
    # II and II with a suspended fourth and an added ninth, #iv's diminished triad (its sharp
    # fourth), vii as a minor seventh with a flat ninth, iii7 and V as a major seventh with a
    # suspended second; phrygian's i and i as a minor seventh with a flat ninth, bII, bII and bVI as
    # major sevenths with a suspended second, bIII with a suspended fourth and an added ninth, v's
    # diminished triad and bvii7; aeolian's i and i7, ii's diminished triad, bIII and bVI as major
    # sevenths with a suspended second, v as a minor seventh with a flat ninth, bVII and bVII with a
    # suspended fourth and an added ninth.
    "modal": (
        written(
            "dorian i ii7b9 i bIIImaj7sus2 i vio i IV",
            "minor",
            "0m 2m7b9 0m 3M7s2 0m 9o 0m 5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i i7 bVIImaj7sus2 i IV i v i",
            "minor",
            "0m 0m7 10M7s2 0m 5 0m 7m 0m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I iiio I bVIImaj7sus2 I vi7b9 I IVmaj7sus2",
            "major",
            "0 4o 0 10M7s2 0 9m7b9 0 5M7s2",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I Isus4add9 bVII I ii I IVmaj7sus2 I",
            "major",
            "0 0s4a9 10 0 2m 0 5M7s2 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7sus2 II Imaj7sus2 #ivo I vii7b9 I II",
            "major",
            "0M7s2 2 0M7s2 6o 0 11m7b9 0 2",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I Imaj7sus2 Vmaj7sus2 I IIsus4add9 I iii7 I",
            "major",
            "0 0M7s2 7M7s2 0 2s4a9 0 4m7 0",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7b9 bIImaj7sus2 i i7b9 vo i bIIIsus4add9 i",
            "minor",
            "0m7b9 1M7s2 0m 0m7b9 7o 0m 3s4a9 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bII i7b9 bVImaj7sus2 i bvii7 i7b9 i",
            "minor",
            "0m 1 0m7b9 8M7s2 0m 10m7 0m7b9 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i iio i bVImaj7sus2 i v7b9 i bVII",
            "minor",
            "0m 2o 0m 8M7s2 0m 7m7b9 0m 10",
            own=SPLIT,
        ),
        written(
            "aeolian i i7 bIIImaj7sus2 i bVIIsus4add9 i iio i",
            "minor",
            "0m 0m7 3M7s2 0m 10s4a9 0m 2o 0m",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V7 or vii's diminished triad resolving (in minor,
    # V with a sharp fifth, or a plain seventh).
    "ambiguous": (
        written("vi ii vi7 iii7b9 vi IVmaj7sus2 V7 I", "major", "9m 2m 9m7 4m7b9 9m 5M7s2 7d7 0", own=SPLIT),
        written("ii vi7 IV vi ii7 IVmaj7sus2 V7 I", "major", "2m 9m7 5 9m 2m7 5M7s2 7d7 0", own=SPLIT),
        written("IVmaj7sus2 vi vi7 ii IV iii7b9 V I", "major", "5M7s2 9m 9m7 2m 5 4m7b9 7 0", own=SPLIT),
        written("vi vi7 ii IVmaj7sus2 vi ii7 viio I", "major", "9m 9m7 2m 5M7s2 9m 2m7 11o 0", own=SPLIT),
        written(
            "III VI IIImaj7sus2 III iv VImaj7sus2 V7#5 i",
            "minor",
            "3 8 3M7s2 3 5m 8M7s2 7d7s5 0m",
            own=SPLIT,
        ),
        written(
            "VI III iv VImaj7sus2 III VIIsus4add9 V7#5 i",
            "minor",
            "8 3 5m 8M7s2 3 10s4a9 7d7s5 0m",
            own=SPLIT,
        ),
        written(
            "iv III iv7 VI IIImaj7sus2 VImaj7sus2 V7#5 i",
            "minor",
            "5m 3 5m7 8 3M7s2 8M7s2 7d7s5 0m",
            own=SPLIT,
        ),
        written(
            "III IIImaj7sus2 VI iv VImaj7sus2 iio V7 i", "minor", "3 3M7s2 8 5m 8M7s2 2o 7d7 0m", own=SPLIT
        ),
    ),
}
# The split's own meter: nine dotted-quarter beats a bar, each of three eighths (27/8), beside
# sealed's three, cellar's five, ossuary's six, necropolis's seven and charnel's eight beats of
# three eighths; its tempo counts dotted quarters.
METER = "27/8"
METER_LAYOUT = (9, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Wavetable patches (wavetable_render.WAVETABLE): midi_render renders a wavetable set through
# wavetable_render. Each was checked by rendering to sound the pitch it is given over the range each
# role plays (each copy within a cent of its own detuning, the copies symmetric around the note; a
# vibrato sways symmetrically around it), nothing but its harmonics above -60 dB up to the top of
# the keyboard (no alias), and to render the same audio on every run. It has no guitar, voice or
# plain piano, so the split draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = WAVETABLE.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (4, 6, 63, 90),  # an electric piano, a harpsichord-like pluck, synth brass, a polysynth
    "bass": (38, 33),  # a synth bass, a rounder one
    "lead": (80, 84, 11),  # a square lead whose width sways, a synced lead, a mallet
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the string ensemble).
SUSTAINED_PROGRAMS = (48, 95, 89)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_TOM, MID_TOM, HIGH_TOM, CHINA, RIDE_BELL, SPLASH = 41, 45, 50, 52, 53, 55
AGOGO_HIGH, AGOGO_LOW = 67, 68
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a nine-beat
# bar the fifth to eighth beats play the first four's, the ninth the first's. Each keeps the kick
# on 1 and a backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is labelled
# with, across the tempo range its drums alone are drawn from (65 to 179).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The high agogo bell on every beat, the low one on the "and"s, the kick on 1, 3 and 3's "a",
    # the snare on the backbeat.
    "agogo-bells": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, AGOGO_HIGH) for k in range(0, 16, 4)),
        *((k, AGOGO_LOW) for k in range(2, 16, 4)),
    ),
    # A tambourine on eighths, the hat pedalled on the backbeat under the snare, the kick on 1,
    # 2's "and" and 3.
    "tambourine-eighths": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
        *((k, TAMBOURINE) for k in range(0, 16, 2)),
    ),
    # The ride's bell on every beat and its bow on the "and"s, a side stick on the backbeat, the kick
    # on 1 and 3's "and".
    "bell-over-bow": (
        (0, KICK),
        (10, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, RIDE_BELL) for k in range(0, 16, 4)),
        *((k, RIDE) for k in range(2, 16, 4)),
    ),
    # A splash on 1, the kick on every beat, the snare on the backbeat, hats on the "and"s.
    "splash-quarters": (
        (0, SPLASH),
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # A china on 1, the kick on 1 and 3, the snare on the backbeat, eighth hats through the first
    # three beats, and the high, mid and low toms on the bar's last three sixteenths.
    "china-toms": (
        (0, CHINA),
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 12, 2)),
        (13, HIGH_TOM),
        (14, MID_TOM),
        (15, LOW_TOM),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 50 (a listener still counts the dotted quarter) to 99.
TEMPO_RANGES = ((53.0, 167.0), (50.0, 99.0), (65.0, 179.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "parametric",
    "denoise",
    "parametric+denoise",
    "denoise+opus",
    "parametric+aac",
    "denoise+room",
    "parametric+denoise+mp3",
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
