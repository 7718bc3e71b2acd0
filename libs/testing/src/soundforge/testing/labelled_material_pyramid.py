"""The pyramid split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirtieth pass of method work by someone other than whoever tunes, while stupa was
still unread. Its material is in none of the others: songs voiced as an arranger spreads a section
(triads open, the root doubled an octave up under the tenth; sevenths dropped two, the fifth under
the seventh and the tenth: ii and vi, IV and I, and V a dominant whose tenth is the leading tone; in
minor, iv, VI and III the same, V's tenth naming the tonic) that still leave their key plain to a
musician, modal vamps (dorian, phrygian and aeolian tonics as open minor triads or dropped minor
sevenths, a mixolydian one as a dropped dominant or an open triad, a lydian one as a dropped major
seventh or an open triad, their neighbours voiced the same way) and ambiguous loops new by root
motion, a ten-beat bar of three eighths, drum patterns and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no
formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no
tonewheel or free reed, no modal bar or bell, no hammered string but additive resynthesis computed in
numpy (additive_render: every note a sum of harmonic partials, each with its own attack, decay and
release, the upper ones speaking later and dying sooner, under a patch's spectral envelope of
humps, odd and even balance and a tilt brightening with velocity, each partial wandering slowly
under a player's vibrato, and a residual of breath, bow or pick noise through a filter bank: brass,
a reed, a flute, a string ensemble's detuned voices, a choir's vowels, a bell-like ring, a pad, a
pluck and a glass harmonica), its drums a kit of the same ideas (summed sine sweeps, the residual
through band-passes, ringing partials). Its clips then go through a record's production
(production.produce: a shellac 78's acoustic horn, hiss and clicks, a telephone line's codec, beside
rooms, a plate, a bus compressor and lossy encodes), or none. It sits in its own module so that
whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods
should not open this file.
"""

from __future__ import annotations

from soundforge.testing.additive_render import ADDITIVE
from soundforge.testing.labelled_notation import (
    AEOLIAN,
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

SPLIT = "pyramid"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): each chord an
    # open triad, a seventh dropped two or a close triad; V a dropped dominant or a triad, its tenth
    # the leading tone.
    "dwelling": (
        written("ii ii IV vi IV ii V I", "major", "2mo 2m7d2 5Mo 9m 5M7d2 2mo 7d7d2 0Mo", own=SPLIT),
        written("vi IV IV ii vi vi V I", "major", "9m7d2 5Mo 5 2mo 9mo 9m 7 0M7d2", own=SPLIT),
        written(
            "IV IV ii IV IVmaj7 vi V7 Imaj7",
            "major",
            "5Mo 5 2m 5 5M7d2 9m 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written(
            "vi ii7 vi ii7 vi IV V7 Imaj7",
            "major",
            "9mo 2m7d2 9mo 2m7d2 9mo 5 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written(
            "ii vi7 vi IV vi vi V7 Imaj7",
            "major",
            "2mo 9m7d2 9mo 5Mo 9mo 9m 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written("IV IV vi ii ii IV V I", "major", "5Mo 5 9m7d2 2mo 2m7d2 5M7d2 7 0Mo", own=SPLIT),
        written(
            "vi IVmaj7 ii vi7 ii ii7 V7 Imaj7",
            "major",
            "9mo 5M7d2 2m 9m7d2 2m 2m7d2 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written("vi vi ii IV IV vi V I", "major", "9m 9mo 2m7d2 5Mo 5M7d2 9mo 7 0", own=SPLIT),
        written(
            "III iv7 III iv7 VImaj7 iv7 V7 i7",
            "minor",
            "3Mo 5m7d2 3Mo 5m7d2 8M7d2 5m7d2 7d7d2 0m7d2",
            own=SPLIT,
        ),
        written(
            "III III VI iv VI iv V7 i7",
            "minor",
            "3Mo 3 8 5mo 8 5mo 7d7d2 0m7d2",
            own=SPLIT,
        ),
        written(
            "iv IIImaj7 VI iv7 VI VImaj7 V7 i7",
            "minor",
            "5mo 3M7d2 8 5m7d2 8 8M7d2 7d7d2 0m7d2",
            own=SPLIT,
        ),
        written("iv iv III VI VI III V i", "minor", "5m 5mo 3M7d2 8Mo 8 3Mo 7d7d2 0mo", own=SPLIT),
        written(
            "iv iv VI iv IIImaj7 III V7 i7",
            "minor",
            "5mo 5m 8 5m 3M7d2 3Mo 7d7d2 0m7d2",
            own=SPLIT,
        ),
        written(
            "VI iv7 III iv7 VI VImaj7 V7 i7",
            "minor",
            "8Mo 5m7d2 3 5m7d2 8 8M7d2 7d7d2 0m7d2",
            own=SPLIT,
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode, open or dropped two: dorian's tonic minor, its IV a dropped dominant, ii, bIII and
    # bVII beside it; mixolydian's tonic a dropped dominant or an open triad, bVII, IV, v and vi;
    # lydian's tonic a dropped major seventh or an open triad, II (its dominant too), iii, V, vi and
    # vii; phrygian's tonic minor, bII (dropped too), bIII, iv, bVI and bvii; aeolian's tonic minor,
    # iv, v, bIII, bVI and bVII.
    "modal": (
        written("dorian i IV7 i7 i ii i IV i", "minor", "0mo 5d7d2 0m7d2 0mo 2m 0m 5 0mo", DORIAN, own=SPLIT),
        written(
            "dorian i i v i ii7 i IV7 v",
            "minor",
            "0mo 0m 7m 0m 2m7d2 0m 5d7d2 7m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I7 vi7 I7 v I7 I vi7 IVmaj7",
            "major",
            "0d7d2 9m7d2 0d7d2 7mo 0d7d2 0 9m7d2 5M7d2",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I7 I vi bVII I I7 IV I",
            "major",
            "0d7d2 0Mo 9m 10Mo 0 0d7d2 5 0Mo",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I I vi I Imaj7 V vii V",
            "major",
            "0Mo 0 9m 0 0M7d2 7 11mo 7",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I Imaj7 II7 iii I vi Imaj7 II",
            "major",
            "0Mo 0M7d2 2d7d2 4m 0Mo 9m 0M7d2 2Mo",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bII i7 i bIII bIImaj7 i bvii",
            "minor",
            "0mo 1Mo 0m7d2 0m 3Mo 1M7d2 0mo 10m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 i iv bII i bVI bII i",
            "minor",
            "0m7d2 0mo 5m 1Mo 0m 8Mo 1 0mo",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i bVImaj7 i bVII i7 iv7 i v",
            "minor",
            "0mo 8M7d2 0m 10Mo 0m7d2 5m7d2 0mo 7m",
            AEOLIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i i bIIImaj7 bVII i7 bVI iv i",
            "minor",
            "0m 0mo 3M7d2 10 0m7d2 8Mo 5mo 0mo",
            AEOLIAN,
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a dropped dominant or a triad resolving.
    "ambiguous": (
        written(
            "vi vi ii vi ii IV V7 Imaj7",
            "major",
            "9mo 9m 2m 9m 2m 5 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written(
            "ii vi7 IV vi7 ii vi7 V7 Imaj7",
            "major",
            "2mo 9m7d2 5 9m7d2 2m 9m7d2 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written(
            "vi ii7 IV IVmaj7 vi vi7 V7 Imaj7",
            "major",
            "9mo 2m7d2 5 5M7d2 9m 9m7d2 7d7d2 0M7d2",
            own=SPLIT,
        ),
        written("ii vi vi IV vi ii V I", "major", "2mo 9m 9m7d2 5M7d2 9mo 2m7d2 7 0Mo", own=SPLIT),
        written(
            "III iv7 VI IIImaj7 III iv V7 i7",
            "minor",
            "3Mo 5m7d2 8 3M7d2 3Mo 5mo 7d7d2 0m7d2",
            own=SPLIT,
        ),
        written("VI III iv III VI III V i", "minor", "8Mo 3M7d2 5m7d2 3Mo 8M7d2 3 7 0m", own=SPLIT),
        written(
            "III III iv VI iv IIImaj7 V7 i7",
            "minor",
            "3Mo 3 5m 8Mo 5m 3M7d2 7d7d2 0m7d2",
            own=SPLIT,
        ),
        written(
            "III iv7 III III VImaj7 iv V7 i7",
            "minor",
            "3Mo 5m7d2 3Mo 3 8M7d2 5mo 7d7d2 0m7d2",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: ten dotted-quarter beats a bar, each of three eighths (a 30/8), beside
# necropolis's seven, mastaba's nine and ossuary's six beats of three eighths; its tempo counts
# dotted quarters.
METER = "30/8"
METER_LAYOUT = (10, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "3/4", "6/8", "12/8", METER, METER)
# Additive resynthesis patches (additive_render.ADDITIVE): midi_render renders an additive set
# through additive_render. Each was checked by rendering to sound its note's fundamental (bent)
# within a cent with its vibrato, wander and voices held still, its partials at whole multiples of
# it, its voices symmetric about it, a plucked patch's upper partials dying sooner, a harder note
# brighter, to stay within its level, and to render the same audio on every run. It has no piano,
# organ or guitar of its own kind, so the split draws only the programs below, not the ones every
# other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ADDITIVE.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (49, 88, 53, 93, 24),  # an ensemble, a pad, a choir, a glass harmonica, a pluck
    "bass": (32, 58),  # a plucked string, a brass bass
    "lead": (56, 71, 73, 14, 46),  # brass, a reed, a flute, a bell-like voice, a harp's pluck
}
# What its held tones and free-time chords play: an ensemble, a choir and a bowed glass, each held
# as long as the note is (the free-time chords' bass, program 48, is the ensemble's).
SUSTAINED_PROGRAMS = (48, 52, 92)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_TOM, HIGH_MID_TOM, CABASA, WOOD_BLOCK = 45, 48, 69, 76
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a ten-beat
# bar beats five to eight play the first four's and nine and ten the first two's. Each keeps the
# kick on 1 and a backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from (74 to 182).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The residual as a shaker: the kick on 1 and 3's "and", the snare on the backbeat, the cabasa on
    # every "e" and "a", the closed hat on each beat.
    "residual-shaker": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
        *((k, CABASA) for k in range(1, 16, 2)),
    ),
    # Swept toms answering: the kick on 1 and 3, the snare on the backbeat, the high tom on 2's "a",
    # the low tom on 4's "and", the pedalled hat on every "and".
    "sweep-toms": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, HIGH_MID_TOM),
        (14, LOW_TOM),
        *((k, PEDAL_HAT) for k in range(2, 16, 4)),
    ),
    # A tambourine on the backbeat: the kick on 1, 1's "a" and 3, the snare and the tambourine on 2
    # and 4, the ride on each beat, the open hat on 3's "and".
    "tambourine-backbeat": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, TAMBOURINE),
        (12, TAMBOURINE),
        (10, OPEN_HAT),
        *((k, RIDE) for k in range(0, 16, 4)),
    ),
    # A wood block's clave: the kick on 1, 3 and 3's "a", the snare on the backbeat, the block on 1,
    # 1's "a", 2's "and", 3's "and" and 4, the closed hat on every "and".
    "block-clave": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, WOOD_BLOCK),
        (3, WOOD_BLOCK),
        (6, WOOD_BLOCK),
        (10, WOOD_BLOCK),
        (12, WOOD_BLOCK),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # Rim ghosts: the kick on 1, 2's "and" and 3, the snare and a clap on the backbeat, the rim on
    # 2's "a" and 4's "a", the closed hat on every eighth.
    "rim-ghosts": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (12, CLAP),
        (7, RIMSHOT),
        (15, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 52 (a listener still counts the dotted quarter) to 104.
TEMPO_RANGES = ((58.0, 158.0), (52.0, 104.0), (74.0, 182.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "shellac",
    "telephone",
    "shellac+mp3",
    "room+telephone",
    "telephone+aac",
    "plate+shellac",
    "glue+telephone+opus",
)
COUNTS = {
    "dwelling": 56,
    "modal": 30,
    "ambiguous": 24,
    "free-time": 18,
    "drums": 28,
    "noise": 12,
    "tone": 24,
}
