"""The undercroft split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixteenth pass of method work by someone other than whoever tunes, once every other
split (mausoleum too) had been read. Its material is in none of the others: progressions, modal vamps
and ambiguous loops that voice their chords as records do (inversions and slash chords over a
walking or held bass, pedal points, suspended chords, added ninths, power chords), a meter with a
sixteenth-note feel, drum patterns and a tempo range, and timbres no other split has: its
instruments are no recordings and no soundfont but the Synthesis ToolKit's models of instruments
(FM electric pianos and organ, a modal marimba, a Moog-like bass, an FM lead; Debian's stk, `make
apt`) played by stk_render, its drums a wooden acoustic kit from Hydrogen's (ColomboAcousticDrumkit,
GPL-2+; Debian's hydrogen-drumkits, `make apt`) that no other split plays. Its clips then go through
a record's production (production.produce: a saturating stage and a low-bitrate Opus encode, beside
a small room and a limiter), or none, so that not every clip is a clean render. It sits in its own
module so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever
tunes the methods should not open this file.
"""

from __future__ import annotations

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
    RIMSHOT,
    SNARE,
    Progression,
    written,
)
from soundforge.testing.stk_render import MODELLED

SPLIT = "undercroft"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), voiced as
    # records voice them: a bass that walks down through inversions, IV over V (the gospel and soul
    # dominant), a chord over a held bass, suspended fourths and seconds that resolve or do not, added
    # ninths, power chords under a melody in the key; "/n" in a name is the bass note's degree.
    "dwelling": (
        written("vi vi IVadd9 IVadd9 ii Vsus4 V I", "major", "9m 9m 5a9 5a9 2m 7s4 7 0", own=SPLIT),
        written(
            "vi IV ii7 IV/5 vi IV IV/5 I", "major", "9m 5 2m7 5 9m 5 5 0", own=SPLIT, bass="- - - 7 - - 7 -"
        ),
        written("IV IV ii vi IV V/4 I/3 I", "major", "5 5 2m 9m 5 7 0 0", own=SPLIT, bass="- - - - - 5 4 -"),
        written("vi5 vi5 IV IV vi5 vi5 V I", "major", "9p 9p 5 5 9p 9p 7 0", own=SPLIT),
        written(
            "ii7 ii7/5 IVM7 IVM7 vi7 vi7 ii7/5 Iadd9",
            "major",
            "2m7 2m7 5M7 5M7 9m7 9m7 2m7 0a9",
            own=SPLIT,
            bass="- 7 - - - - 7 -",
        ),
        written("IVsus2 IV vi vi IVsus2 IV Vsus4 I", "major", "5s2 5 9m 9m 5s2 5 7s4 0", own=SPLIT),
        written(
            "descending I V/7 vi I/5 IV I/3 ii V",
            "major",
            "0 7 9m 0 5 0 2m 7",
            own=SPLIT,
            bass="- 11 - 7 - 4 - -",
        ),
        written(
            "ii ii vi vi IV/5 IV/5 I I", "major", "2m 2m 9m 9m 5 5 0 0", own=SPLIT, bass="- - - - 7 7 - -"
        ),
        written(
            "ii vi IVadd9 I/3 ii vi Vsus4 V",
            "major",
            "2m 9m 5a9 0 2m 9m 7s4 7",
            own=SPLIT,
            bass="- - - 4 - - - -",
        ),
        written("VI VI iv iv III Vsus4 V i", "minor", "8 8 5m 5m 3 7s4 7 0m", own=SPLIT),
        written("VI5 VI5 VII5 iv VI5 VI5 V i", "minor", "8p 8p 10p 5m 8p 8p 7 0m", own=SPLIT),
        written(
            "iv7 iv7 VIIadd9 VIIadd9 IIIM7 IIIM7 Vsus4 i",
            "minor",
            "5m7 5m7 10a9 10a9 3M7 3M7 7s4 0m",
            own=SPLIT,
        ),
        written(
            "VI VI/5 iv iv/5 VI VI/5 V7 i",
            "minor",
            "8 8 5m 5m 8 8 7d7 0m",
            own=SPLIT,
            bass="- 7 - 7 - 7 - -",
        ),
        written("III III iv iv VI VI Vsus4 i", "minor", "3 3 5m 5m 8 8 7s4 0m", own=SPLIT),
        written(
            "lament i v/b7 VI VI iv iv V i",
            "minor",
            "0m 7m 8 8 5m 5m 7 0m",
            own=SPLIT,
            bass="- 10 - - - - - -",
        ),
        written("VIadd9 VIadd9 III III VII VII Vsus4 i", "minor", "8a9 8a9 3 3 10 10 7s4 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: mixolydian's bVII and IV over a tonic pedal, dorian's IV over its tonic and its
    # IVadd9, lydian's II over its tonic (the mode's own sound), phrygian's bII as power chords and
    # over its tonic, aeolian's bVI and bVII over its tonic.
    "modal": (
        written(
            "mixolydian I bVII/1 IV/1 I I bVII/1 IV/1 I",
            "major",
            "0 10 5 0 0 10 5 0",
            MIXOLYDIAN,
            own=SPLIT,
            bass="- 0 0 - - 0 0 -",
        ),
        written(
            "dorian i7 i7 IVadd9 i7 i7 i7 bIIIM7 IV",
            "minor",
            "0m7 0m7 5a9 0m7 0m7 0m7 3M7 5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "lydian I II/1 I II/1 I I V II",
            "major",
            "0 2 0 2 0 0 7 2",
            LYDIAN,
            own=SPLIT,
            bass="- 0 - 0 - - - -",
        ),
        written(
            "phrygian i5 i5 bII5 i5 i5 i5 bVII5 bII5",
            "minor",
            "0p 0p 1p 0p 0p 0p 10p 1p",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i bVI/1 bVII/1 i i bVI/1 bVII/1 i",
            "minor",
            "0m 8 10 0m 0m 8 10 0m",
            own=SPLIT,
            bass="- 0 0 - - 0 0 -",
        ),
        written(
            "mixolydian I Isus4 I bVII I Isus4 IV I", "major", "0 0s4 0 10 0 0s4 5 0", MIXOLYDIAN, own=SPLIT
        ),
        written(
            "dorian i7 i7 IV/1 i7 i7 ii7 IV/1 i7",
            "minor",
            "0m7 0m7 5 0m7 0m7 2m7 5 0m7",
            DORIAN,
            own=SPLIT,
            bass="- - 0 - - - 0 -",
        ),
        written(
            "lydian IM7 IM7 II IM7 IM7 iii7 IIadd9 IM7",
            "major",
            "0M7 0M7 2 0M7 0M7 4m7 2a9 0M7",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i i bII/1 i i bIII bII i",
            "minor",
            "0m 0m 1 0m 0m 3 1 0m",
            PHRYGIAN,
            own=SPLIT,
            bass="- - 0 - - - - -",
        ),
        written(
            "mixolydian Iadd9 Iadd9 bVIIadd9 Iadd9 Iadd9 v IV Iadd9",
            "major",
            "0a9 0a9 10a9 0a9 0a9 7m 5 0a9",
            MIXOLYDIAN,
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), over its own pedal, in power
    # chords or with added ninths, and name their tonic only in their last two bars, by a dominant
    # (or its suspension) resolving.
    "ambiguous": (
        written("vi vi IVadd9 iii vi vi Vsus4 I", "major", "9m 9m 5a9 4m 9m 9m 7s4 0", own=SPLIT),
        written(
            "vi vi ii7 ii7/5 vi iii V7 I",
            "major",
            "9m 9m 2m7 2m7 9m 4m 7d7 0",
            own=SPLIT,
            bass="- - - 7 - - - -",
        ),
        written("vi5 vi5 V5 V5 vi5 vi5 V7 I", "major", "9p 9p 7p 7p 9p 9p 7d7 0", own=SPLIT),
        written(
            "vi IV/6 vi IV/6 iii iii V7 I",
            "major",
            "9m 5 9m 5 4m 4m 7d7 0",
            own=SPLIT,
            bass="- 9 - 9 - - - -",
        ),
        written("III III VII VII III III V7 i", "minor", "3 3 10 10 3 3 7d7 0m", own=SPLIT),
        written(
            "III VII/3 III VII/3 VI VI V7 i",
            "minor",
            "3 10 3 10 8 8 7d7 0m",
            own=SPLIT,
            bass="- 3 - 3 - - - -",
        ),
        written("VII VII III III VI iv V7 i", "minor", "10 10 3 3 8 5m 7d7 0m", own=SPLIT),
        written("III5 III5 VII5 VI5 III5 III5 V7 i", "minor", "3p 3p 10p 8p 3p 3p 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: four quarter-note beats a bar, each of four sixteenths (a sixteenth-note
# feel: funk, R&B, a 16-beat ballad), beside the others' eighth-note and triplet subdivisions; its
# arpeggios and melody move in sixteenths, its tempo counts quarters, as 4/4's does. Songs lean on
# it and on 4/4.
METER = "16/16"
METER_LAYOUT = (4, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER, METER)
# STK's instrument models (stk_render.MODELLED): midi_render renders a model set through stk_render.
# Its models were checked by rendering to sound the pitch class they are given, within 8 cents (4
# but the marimba), over the range each role plays (STK's vibraphone, whose strongest partial is 40
# cents off its double octave, its tubular bell, Wurlitzer, percussive flute, voices, mandolin,
# bowed string and brass, off pitch or reading as another pitch, and every model whose noise is
# seeded by the clock, are left out; the marimba, whose inharmonic partials cloud a few notes of the
# chords' range, plays leads only), and its sustained ones to hold a note of 14 s. It has no choir,
# vibraphone, strings or guitar, so the split draws only the programs below, not the ones every
# other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = MODELLED.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (4, 5, 16),  # FM electric pianos (mellow, bright), a drawbar organ
    "bass": (38, 4, 16),  # a Moog-like synth bass, an electric piano's and an organ's left hand
    "lead": (12, 81, 5),  # marimba, an overdriven FM lead, the bright electric piano
}
# What its held tones and free-time chords play: the organ, the FM lead and the synth bass, each
# holding its note as long as it is held (the free-time chords' bass, program 48, is the organ).
SUSTAINED_PROGRAMS = (16, 81, 38)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_FLOOR_TOM, CRASH, RIDE_BELL = 41, 49, 53
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a backbeat on 2 and
# 4, so the pulse a drummer counts is the beat the clip is labelled with, across the tempo range
# its drums alone are drawn from (70 to 168).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A 16-beat groove: the kit's hat on every sixteenth (opened on the last "and"), the kick on 1,
    # the "and" of 2 and the "and" of 3.
    "sixteen-beat": (
        (0, KICK),
        (6, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(16) if k != 14),
        (14, OPEN_HAT),
    ),
    # A ballad's side stick on 2 and 4, the kick on 1 and the "e" of 3, the hat on every eighth.
    "side-stick-ballad": (
        (0, KICK),
        (9, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # The ride on the beats and its bell on the "ands", a backbeat, the kick on 1 and 3.
    "bell-upbeats": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in range(0, 16, 4)),
        *((k, RIDE_BELL) for k in range(2, 16, 4)),
    ),
    # Floor tom on every eighth in place of the hat, a backbeat, a crash on 1.
    "tom-eighths": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, LOW_FLOOR_TOM) for k in range(0, 16, 2)),
        (0, CRASH),
    ),
    # The kick on every beat under a backbeat, the ride on every eighth, the pedal hat on 2 and 4.
    "quarter-kick-ride": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in range(0, 16, 2)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): a sixteenth
# feel does not go as fast as the others' fastest songs, so the simple range stops at 172; compound
# songs from a slow 46 (a listener still counts the dotted quarter) to 104.
TEMPO_RANGES = ((54.0, 172.0), (46.0, 104.0), (70.0, 168.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "saturate",
    "opus",
    "saturate+opus",
    "small-room+saturate",
    "limit+opus",
    "saturate+limit",
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
