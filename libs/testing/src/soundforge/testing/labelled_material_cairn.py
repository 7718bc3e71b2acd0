"""The cairn split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-fourth pass of method work by someone other than whoever tunes, while mastaba
was still unread. Its material is in none of the others: songs coloured as neo-soul and jazz-pop
records colour them (vi and ii as minor sevenths with an added eleventh, iii as a minor seventh with
a flat thirteenth, V as a dominant seventh with a flat fifth; in minor, iv with an added eleventh, V
as a dominant seventh with a flat ninth and a flat thirteenth, the tonic as a minor triad with its
major seventh and ninth or as a minor seventh with a flat thirteenth) that still leave their key
plain to a musician, modal vamps (a dorian tonic with an added eleventh, an aeolian and a phrygian
one with a flat thirteenth) and ambiguous loops new by root motion, a six-beat bar of sixteenths,
drum patterns and a tempo range, and timbres no other split has: its instruments are no recordings,
no soundfont, no physical model, no analog patch, no formant or additive voice, no
phase-distortion, FM, waveshaping or wavetable patch but granular patches computed in numpy, streams
and clouds of short grains cut from harmonic waves and locked to the note's phase (an electric
piano, a vibraphone, a church organ, a new-age pad, an upright bass and a synth bass, an ocarina, a
pan flute, a voice lead, a string ensemble, a choir pad; grain_render), its drums an acoustic kit of
Hydrogen's (BJA_Pacific, CC BY-SA 3.0; Debian's hydrogen-drumkits, `make apt`) that no other split
plays. Its clips then go through a record's production (production.produce: a spring tank's reverb,
a DJ's high-pass sweep, beside rooms and lossy encodes), or none. It sits in its own module so that
whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the
methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.grain_render import GRAINS
from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    SNARE,
    Progression,
    written,
)

SPLIT = "cairn"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): vi and ii as
    # minor sevenths with an added eleventh, iii as a minor seventh with a flat thirteenth (its
    # thirteenth the tonic), V as a seventh or with its fifth flattened toward the tonic; in minor,
    # iv with an added eleventh, V as a seventh or with a flat ninth and a flat thirteenth (its
    # leading tone names the tonic, its thirteenth is minor's own third), the tonic as a minor triad
    # with its major seventh and ninth, or as a minor seventh with a flat thirteenth.
    "dwelling": (
        written(
            "vi7add11 vi7add11 IV ii7add11 vi IV V7b5 I",
            "major",
            "9m7a11 9m7a11 5 2m7a11 9m 5 7d7b5 0",
            own=SPLIT,
        ),
        written(
            "IV vi7add11 ii7add11 iii7b13 IVmaj7 vi V7 I",
            "major",
            "5 9m7a11 2m7a11 4m7b13 5M7 9m 7d7 0",
            own=SPLIT,
        ),
        written(
            "ii7add11 ii IV vi7add11 iii7b13 vi V7b5 I",
            "major",
            "2m7a11 2m 5 9m7a11 4m7b13 9m 7d7b5 0",
            own=SPLIT,
        ),
        written("vi IV vi7add11 IV ii7add11 IV V I", "major", "9m 5 9m7a11 5 2m7a11 5 7 0", own=SPLIT),
        written(
            "IVmaj7 ii7add11 vi vi7add11 IV iii7b13 V7b5 Imaj7",
            "major",
            "5M7 2m7a11 9m 9m7a11 5 4m7b13 7d7b5 0M7",
            own=SPLIT,
        ),
        written(
            "vi7add11 ii iii7b13 IV vi ii7add11 V7b5 I",
            "major",
            "9m7a11 2m 4m7b13 5 9m 2m7a11 7d7b5 0",
            own=SPLIT,
        ),
        written(
            "ii IV ii7add11 vi7add11 vi iii7b13 V7 I",
            "major",
            "2m 5 2m7a11 9m7a11 9m 4m7b13 7d7 0",
            own=SPLIT,
        ),
        written(
            "IV ii7add11 IV vi7add11 iii7b13 ii V7b5 I",
            "major",
            "5 2m7a11 5 9m7a11 4m7b13 2m 7d7b5 0",
            own=SPLIT,
        ),
        written("iv7add11 iv VI VII III VI V7b9b13 i", "minor", "5m7a11 5m 8 10 3 8 7d7b9b13 0m", own=SPLIT),
        written(
            "VI iv7add11 III VII VI iv V7b9b13 i(maj9)",
            "minor",
            "8 5m7a11 3 10 8 5m 7d7b9b13 0mM9",
            own=SPLIT,
        ),
        written("III VI iv7add11 iv VI III V7 i7b13", "minor", "3 8 5m7a11 5m 8 3 7d7 0m7b13", own=SPLIT),
        written("iv VI iv7add11 III VI VII V7b9b13 i", "minor", "5m 8 5m7a11 3 8 10 7d7b9b13 0m", own=SPLIT),
        written(
            "VImaj7 iv7add11 iv III VI III V7b9b13 i(maj9)",
            "minor",
            "8M7 5m7a11 5m 3 8 3 7d7b9b13 0mM9",
            own=SPLIT,
        ),
        written(
            "iv7add11 III iv VI III iv V7b9b13 i7b13",
            "minor",
            "5m7a11 3 5m 8 3 5m 7d7b9b13 0m7b13",
            own=SPLIT,
        ),
        written("III iv7add11 VI iv VI III V7 i", "minor", "3 5m7a11 8 5m 8 3 7d7 0m", own=SPLIT),
        written(
            "VI III iv7add11 VI iv7add11 VII V7b9b13 i",
            "minor",
            "8 3 5m7a11 8 5m7a11 10 7d7b9b13 0m",
            own=SPLIT,
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic with an added eleventh, ii7 with one, IV, v7, bIIImaj7 and bVII;
    # mixolydian's I and I7, ii7 and v7 with an added eleventh, IV, vi7 with a flat thirteenth and
    # bVII; lydian's I and Imaj7, II and II7, iii7 with a flat thirteenth, vi7 and vii7 with an added
    # eleventh, V; phrygian's tonic as a minor seventh with a flat thirteenth, bII, bIII, iv7 and bvii7
    # with an added eleventh, bvii; aeolian's tonic with a flat thirteenth or an added eleventh, iv,
    # iv7 with an added eleventh, v7 and v7 with a flat thirteenth, bVI and bVII.
    "modal": (
        written(
            "dorian i7add11 IV i7add11 bVII i7add11 ii7add11 i7add11 IV",
            "minor",
            "0m7a11 5 0m7a11 10 0m7a11 2m7a11 0m7a11 5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i7add11 i v7 i7add11 bIIImaj7 i7add11 IV i",
            "minor",
            "0m7a11 0m 7m7 0m7a11 3M7 0m7a11 5 0m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I bVII I v7add11 I IV I vi7b13",
            "major",
            "0 10 0 7m7a11 0 5 0 9m7b13",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I7 ii7add11 I7 I bVII I7 v7add11 I",
            "major",
            "0d7 2m7a11 0d7 0 10 0d7 7m7a11 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I II I iii7b13 I vii7add11 I II",
            "major",
            "0 2 0 4m7b13 0 11m7a11 0 2",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7 vi7add11 Imaj7 II7 Imaj7 I V iii7b13",
            "major",
            "0M7 9m7a11 0M7 2d7 0M7 0 7 4m7b13",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7b13 bII i7b13 iv7add11 i bII i7b13 bvii",
            "minor",
            "0m7b13 1 0m7b13 5m7a11 0m 1 0m7b13 10m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bIII bII i i7b13 bvii7add11 i7b13 bII",
            "minor",
            "0m 3 1 0m 0m7b13 10m7a11 0m7b13 1",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i7b13 bVI i7b13 v7 i bVII iv7add11 i",
            "minor",
            "0m7b13 8 0m7b13 7m7 0m 10 5m7a11 0m",
            own=SPLIT,
        ),
        written(
            "aeolian i7add11 bVII bVI i7b13 i7add11 iv i v7b13",
            "minor",
            "0m7a11 10 8 0m7b13 0m7a11 5m 0m 7m7b13",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a seventh or with its fifth flattened resolving
    # (in minor, V with a flat ninth and a flat thirteenth).
    "ambiguous": (
        written(
            "vi7add11 vi ii IV vi7add11 IV V7b5 I", "major", "9m7a11 9m 2m 5 9m7a11 5 7d7b5 0", own=SPLIT
        ),
        written("ii7add11 IV ii vi IV ii7add11 V7 I", "major", "2m7a11 5 2m 9m 5 2m7a11 7d7 0", own=SPLIT),
        written(
            "IV vi7add11 IV ii7add11 vi IV V7b5 Imaj7",
            "major",
            "5 9m7a11 5 2m7a11 9m 5 7d7b5 0M7",
            own=SPLIT,
        ),
        written(
            "vi ii7add11 iii7b13 vi7add11 ii IV V7b5 I",
            "major",
            "9m 2m7a11 4m7b13 9m7a11 2m 5 7d7b5 0",
            own=SPLIT,
        ),
        written("III III VI iv7add11 III VI V7b9b13 i", "minor", "3 3 8 5m7a11 3 8 7d7b9b13 0m", own=SPLIT),
        written(
            "iv7add11 III VI III iv VII V7b9b13 i(maj9)",
            "minor",
            "5m7a11 3 8 3 5m 10 7d7b9b13 0mM9",
            own=SPLIT,
        ),
        written("VI iv7add11 III VII III iv V7 i", "minor", "8 5m7a11 3 10 3 5m 7d7 0m", own=SPLIT),
        written(
            "III iv III VI iv7add11 VI V7b9b13 i7b13",
            "minor",
            "3 5m 3 8 5m7a11 8 7d7b9b13 0m7b13",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: six quarter-note beats a bar, each of four sixteenths (a 6/4 played in
# sixteenths), beside crypt's 6/4 in eighths and undercroft's, reliquary's, cenotaph's,
# columbarium's and hypogeum's four, three, two, five and seven beats of sixteenths; its tempo counts
# quarters.
METER = "24/16"
METER_LAYOUT = (6, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Granular patches (grain_render.GRAINS): midi_render renders a granular set through grain_render.
# Each was checked by rendering to sound the pitch it is given over the range each role plays (each
# copy within a cent of its own detuning, the copies symmetric around the note; a vibrato sways
# symmetrically around it), held as a stream on the wave its scan settles on nothing but its
# harmonics above -60 dB up to the top of the keyboard (no alias), as its cloud nothing four grains'
# bandwidths from a harmonic above -50 dB, and to render the same audio on every run. It has no
# plain piano, guitar, brass or reed, so the split draws only the programs below, not the ones every
# other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = GRAINS.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (4, 11, 19, 88),  # an electric piano, a vibraphone, a church organ, a new-age pad
    "bass": (32, 38),  # an upright bass, a synth bass
    "lead": (79, 75, 85),  # an ocarina, a pan flute, a voice lead
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the string ensemble).
SUSTAINED_PROGRAMS = (48, 91, 19)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LONG_KICK, DRY_SNARE, FLOOR_TOM, LOW_TOM, HIGH_TOM = 35, 40, 41, 45, 48
CRASH, RIDE_BELL, SECOND_CRASH, SECOND_RIDE = 49, 53, 57, 59
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a six-beat
# bar the fifth and sixth beats play the first two's. Each keeps the kick on 1 and a backbeat on 2
# and 4, so the pulse a drummer counts is the beat the clip is labelled with, across the tempo range
# its drums alone are drawn from (67 to 179).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The ride on the "and"s and its bell on every beat, the kick on 1 and 3's "a", the snare on the
    # backbeat.
    "bell-over-ride": (
        (0, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in range(2, 16, 4)),
        *((k, RIDE_BELL) for k in range(0, 16, 4)),
    ),
    # Sixteenth hats opened on 4's "and", the kick on 1, 2's "a" and 3, the dry snare on the backbeat.
    "dry-sixteenths": (
        (0, KICK),
        (7, KICK),
        (8, KICK),
        (4, DRY_SNARE),
        (12, DRY_SNARE),
        *((k, CLOSED_HAT) for k in range(16) if k != 14),
        (14, OPEN_HAT),
    ),
    # A crash on 1, the kick on 1, 3 and its "and", the snare on the backbeat, the second ride on
    # every beat, hats on the "and"s.
    "second-ride": (
        (0, CRASH),
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SECOND_RIDE) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # Toms answering the snare: the floor tom on 1's and 3's "and", the high tom on 4's "a", the kick
    # on 1, 2's "and" and 3, eighth hats.
    "tom-replies": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, FLOOR_TOM),
        (10, FLOOR_TOM),
        (15, HIGH_TOM),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # Ghosted dry snares on 2's "a" and 4's "a" under the snare's backbeat, the long kick on 1 and
    # 3's "e", the hat pedalled on every beat, the low tom on 3's "and" and the second crash on 4's
    # "and", pushing into the next bar.
    "ghost-note-backbeat": (
        (0, LONG_KICK),
        (9, LONG_KICK),
        (4, SNARE),
        (12, SNARE),
        (7, DRY_SNARE),
        (15, DRY_SNARE),
        (10, LOW_TOM),
        (14, SECOND_CRASH),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 47 (a listener still counts the dotted quarter) to 101.
TEMPO_RANGES = ((61.0, 169.0), (47.0, 101.0), (67.0, 179.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "spring",
    "sweep",
    "spring+sweep",
    "sweep+opus",
    "spring+mp3",
    "sweep+small-room",
    "spring+sweep+aac",
)
COUNTS = {
    "dwelling": 64,
    "modal": 30,
    "ambiguous": 24,
    "free-time": 16,
    "drums": 30,
    "noise": 15,
    "tone": 21,
}
