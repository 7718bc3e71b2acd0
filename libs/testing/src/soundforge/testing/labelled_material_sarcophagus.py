"""The sarcophagus split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-eighth pass of method work by someone other than whoever tunes, while
tholos was still unread. Its material is in none of the others: songs voiced as a vibraphonist or
a marimbist voices them with four mallets (the fifth left out: ii and vi as minor elevenths, IV and
I as six-nines, V as a dominant thirteenth; in minor, iv as a minor eleventh, VI and III as
six-nines, V as a seventh with a flat ninth whose leading tone names the tonic) that still leave
their key plain to a musician, modal vamps (dorian, phrygian and aeolian tonics as minor elevenths,
a mixolydian one as a dominant thirteenth, a lydian one as a major seventh with a sharp eleventh,
their neighbours voiced the same way) and ambiguous loops new by root motion, an eleven-beat bar of
sixteenths, drum patterns and a tempo range, and timbres no other split has: its instruments are no
recordings, no soundfont, no physical model, no analog patch, no formant or additive voice, no
phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free
reed but tuned bars, bells, plates and tines computed in numpy by modal synthesis: each note a bank
of decaying resonators at its modes' ratios (a marimba's and a vibraphone's bars tuned to their 4th
and 10th harmonics, a xylophone's to its 3rd, a bell's hum, prime, minor-third tierce, quint and
nominal), brightened by the mallet's contact and weighted by where it strikes, each bar a little off
its pitch, with a vibraphone's motor and damper pedal, rolls and a bow (a vibraphone, a marimba, a
celesta, a steel pan and hand bells; a bass marimba and a marimbula; a xylophone, a glockenspiel,
an mbira, tubular bells and church bells; a bowed vibraphone, a rolled marimba and bowed crotales;
modal_render), its drums struck membranes, woods and metals as modes, with wood blocks, a
triangle and a cabasa. Its clips then go through a record's production (production.produce: a
concert hall's long reverb, a shimmer reverb an octave up, beside a tape and lossy encodes),
or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

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
    SNARE,
    Progression,
    written,
)
from soundforge.testing.modal_render import MODAL

SPLIT = "sarcophagus"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i): vi and ii as
    # minor elevenths with no fifth or triads, IV and I as six-nines with no fifth or triads, V as a
    # dominant thirteenth with no fifth, a seventh or a triad; in minor, iv as a minor eleventh with
    # no fifth, VI and III as six-nines with none, V as a seventh (with a flat ninth, no fifth) whose
    # leading tone names the tonic.
    "dwelling": (
        written("vi ii IV vi ii vi V13 I", "major", "9m11n5 2m 5M69n5 9m 2m11n5 9m 7d13n5 0", own=SPLIT),
        written("ii vi IV vi vi ii V7 I", "major", "2m11n5 9m 5 9m11n5 9m 2m 7d7 0M69n5", own=SPLIT),
        written("vi IV ii IV IV ii V13 I", "major", "9m 5M69n5 2m11n5 5 5M69n5 2m 7d13n5 0", own=SPLIT),
        written("ii IV vi IV vi vi V I", "major", "2m 5M69n5 9m11n5 5 9m 9m11n5 7 0", own=SPLIT),
        written("IV ii vi IV IV vi V13 I", "major", "5M69n5 2m11n5 9m 5 5M69n5 9m11n5 7d13n5 0", own=SPLIT),
        written("ii vi ii ii vi IV V7 I", "major", "2m11n5 9m11n5 2m 2m11n5 9m 5M69n5 7d7 0", own=SPLIT),
        written("vi ii vi IV vi IV V13 I", "major", "9m11n5 2m 9m 5M69n5 9m11n5 5 7d13n5 0M69n5", own=SPLIT),
        written("IV vi ii vi ii ii V I", "major", "5 9m11n5 2m11n5 9m 2m 2m11n5 7 0", own=SPLIT),
        written("III iv III iv VI III V7b9 i", "minor", "3M69n5 5m11n5 3 5m 8M69n5 3 7d7b9n5 0m", own=SPLIT),
        written("iv VI iv VI III VI V7 i", "minor", "5m11n5 8 5m 8M69n5 3M69n5 8 7d7 0m", own=SPLIT),
        written("III VI III VI iv III V7b9 i", "minor", "3 8M69n5 3M69n5 8 5m11n5 3 7d7b9n5 0m", own=SPLIT),
        written("iv III III iv VI iv V i", "minor", "5m 3M69n5 3 5m11n5 8M69n5 5m11n5 7 0m", own=SPLIT),
        written("VI III iv III III VI V7b9 i", "minor", "8M69n5 3 5m11n5 3M69n5 3 8 7d7b9n5 0m", own=SPLIT),
        written(
            "III iv VI iv VI iv V7 i11", "minor", "3M69n5 5m 8M69n5 5m11n5 8 5m11n5 7d7 0m11n5", own=SPLIT
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as a minor eleventh with no fifth, IV13, ii11, bIII and bVII as
    # six-nines; mixolydian's tonic as a dominant thirteenth with no fifth, IV and bVII as six-nines,
    # ii11, v11, vi11; lydian's tonic as a major seventh with a sharp eleventh and no fifth, II13,
    # iii11, vi11, V as a six-nine; phrygian's tonic as a minor eleventh with no fifth, bIImaj7#11,
    # bIII13, bVI as a six-nine, bvii11; aeolian's tonic as a minor eleventh with no fifth, v11, bVI
    # as a six-nine, iv11, bVII13.
    "modal": (
        written(
            "dorian i11 IV13 i i11 ii11 ii i IV",
            "minor",
            "0m11n5 5d13n5 0m 0m11n5 2m11n5 2m 0m11n5 5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i11 i ii11 bIII i11 IV13 i bVII",
            "minor",
            "0m11n5 0m 2m11n5 3M69n5 0m11n5 5d13n5 0m 10M69n5",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I13 IV v11 I ii11 I13 vi11 I",
            "major",
            "0d13n5 5M69n5 7m11n5 0 2m11n5 0d13n5 9m11n5 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I13 vi11 vi I I13 bVII I bVII6/9",
            "major",
            "0d13n5 9m11n5 9m 0 0d13n5 10 0d13n5 10M69n5",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7#11 I iii11 Imaj7#11 II13 vi11 iii I",
            "major",
            "0M7s11n5 0 4m11n5 0M7s11n5 2d13n5 9m11n5 4m 0",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj7#11 iii11 I Imaj7#11 V6/9 I V II13",
            "major",
            "0M7s11n5 4m11n5 0 0M7s11n5 7M69n5 0 7 2d13n5",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i11 bVI bIImaj7#11 i bII i11 bIII13 i",
            "minor",
            "0m11n5 8M69n5 1M7s11n5 0m 1 0m11n5 3d13n5 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i11 i i11 bIImaj7#11 bvii11 bII bVI6/9 i",
            "minor",
            "0m11n5 0m 0m11n5 1M7s11n5 10m11n5 1 8M69n5 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i11 v11 bVI6/9 i bVI iv11 i11 i",
            "minor",
            "0m11n5 7m11n5 8M69n5 0m 8 5m11n5 0m11n5 0m",
            own=SPLIT,
        ),
        written(
            "aeolian i11 v bVII13 i11 i bVII bVII13 i",
            "minor",
            "0m11n5 7m11n5 10d13n5 0m11n5 0m 10 10d13n5 0m",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V as a dominant thirteenth with no fifth or a
    # seventh resolving; in minor, V as a seventh (with a flat ninth, no fifth).
    "ambiguous": (
        written("IV vi ii vi IV vi V13 I", "major", "5M69n5 9m11n5 2m 9m 5 9m11n5 7d13n5 0", own=SPLIT),
        written("vi IV IV vi IV ii V7 I", "major", "9m11n5 5 5M69n5 9m 5M69n5 2m11n5 7d7 0", own=SPLIT),
        written(
            "ii IV vi ii vi ii V13 I", "major", "2m11n5 5M69n5 9m 2m 9m11n5 2m11n5 7d13n5 0M69n5", own=SPLIT
        ),
        written("IV vi ii vi vi IV V I", "major", "5 9m 2m11n5 9m11n5 9m 5M69n5 7 0", own=SPLIT),
        written("VI iv III III VI III V7b9 i", "minor", "8M69n5 5m11n5 3 3M69n5 8 3 7d7b9n5 0m", own=SPLIT),
        written("iv VI III III VI iv V7 i", "minor", "5m11n5 8 3M69n5 3 8M69n5 5m 7d7 0m", own=SPLIT),
        written("VI VI iv VI III III V7b9 i", "minor", "8 8M69n5 5m11n5 8 3M69n5 3 7d7b9n5 0m", own=SPLIT),
        written("VI iv III iv III iv V i11", "minor", "8M69n5 5m 3M69n5 5m11n5 3 5m11n5 7 0m11n5", own=SPLIT),
    ),
}
# The split's own meter: eleven quarter-note beats a bar, each of four sixteenths (an 11/4 played in
# sixteenths), beside tumulus's eleven quarters in eighths, and undercroft's, reliquary's, cenotaph's,
# columbarium's, hypogeum's, cairn's, dolmen's, kurgan's and tholos's four, three, two, five, seven,
# six, eight, nine and ten beats of sixteenths; its tempo counts quarters.
METER = "44/16"
METER_LAYOUT = (11, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "3/4", "6/8", "12/8", METER, METER)
# Tuned bars, bells, plates and tines (modal_render.MODAL): midi_render renders a modal set through
# modal_render. Each was checked by rendering to sound its note's strike tone (bent, its bar's own
# detune and all) within a few cents, its bars' overtones at their tuned ratios, a bell's tierce a
# minor third over its prime, a vibraphone's tremolo at its motor's rate, to stay within its level,
# and to render the same audio on every run. It has no piano, guitar, brass, reed or voice, so the
# split draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = MODAL.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (11, 12, 8, 15, 5),  # a vibraphone, a marimba, a celesta, a steel pan, hand bells
    "bass": (32, 33),  # a bass marimba, a marimbula
    "lead": (13, 9, 108, 14, 10),  # a xylophone, a glockenspiel, an mbira, tubular bells, church bells
}
# What its held tones and free-time chords play: a bow or a roll that holds with no strike of its own
# to count (the free-time chords' bass, program 48, is the bowed vibraphone).
SUSTAINED_PROGRAMS = (48, 89, 52)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_TOM, HIGH_TOM, CABASA, HIGH_BLOCK, LOW_BLOCK, MUTE_TRIANGLE, OPEN_TRIANGLE = 45, 48, 69, 76, 77, 80, 81
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in an
# eleven-beat bar beats five to eight play the first four's and the ninth to the eleventh the first
# three's. Each keeps the kick on 1 and a backbeat on 2 and 4, so the pulse a drummer counts is the
# beat the clip is labelled with, across the tempo range its drums alone are drawn from (66 to 184).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A clock of wood blocks: the high block on every eighth, the low one on 2's and 4's "and", the
    # kick on 1 and 3, the snare on the backbeat.
    "block-clock": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, LOW_BLOCK),
        (14, LOW_BLOCK),
        *((k, HIGH_BLOCK) for k in range(0, 16, 2)),
    ),
    # A triangle's sixteenths: muted between the beats, open on 4's "and", the kick on 1 and 3's "and",
    # the snare on the backbeat.
    "triangle-sixteenths": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (14, OPEN_TRIANGLE),
        *((k, MUTE_TRIANGLE) for k in range(16) if k % 4 and k != 14),
    ),
    # A shuffle on a cabasa: the kick on 1, 2's "a" and 3's "and", the snare on the backbeat, the
    # cabasa on each beat and its "a", the closed hat on 1 and 3.
    "cabasa-shuffle": (
        (0, KICK),
        (7, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, CLOSED_HAT),
        (8, CLOSED_HAT),
        *((k, CABASA) for k in (0, 3, 4, 7, 8, 11, 12, 15)),
    ),
    # Toms answering the mallets: the kick on 1 and 3's "and", the snare on the backbeat, the low tom
    # on 2's "and", the high tom on 4's "and", the ride on every beat.
    "tom-answer": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, LOW_TOM),
        (14, HIGH_TOM),
        *((k, RIDE) for k in range(0, 16, 4)),
    ),
    # A calypso on blocks: the kick on 1, 2's "and", 3 and 4's "and", the snare and a clap on the
    # backbeat, the low block on 1's and 3's "a", the pedalled hat on every "and", the open hat on 4's "a".
    "block-calypso": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (14, KICK),
        (4, SNARE),
        (12, SNARE),
        (12, CLAP),
        (3, LOW_BLOCK),
        (11, LOW_BLOCK),
        (15, OPEN_HAT),
        *((k, PEDAL_HAT) for k in range(2, 16, 4)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 48 (a listener still counts the dotted quarter) to 105.
TEMPO_RANGES = ((60.0, 168.0), (48.0, 105.0), (66.0, 184.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "hall",
    "shimmer",
    "hall+mp3",
    "shimmer+opus",
    "hall+aac",
    "shimmer+tape",
    "hall+tape+aac",
)
COUNTS = {
    "dwelling": 63,
    "modal": 30,
    "ambiguous": 24,
    "free-time": 17,
    "drums": 31,
    "noise": 15,
    "tone": 21,
}
