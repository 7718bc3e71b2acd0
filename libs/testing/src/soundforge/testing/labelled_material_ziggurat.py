"""The ziggurat split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-first pass of method work by someone other than whoever tunes, while pyramid
was still unread. Its material is in none of the others: songs over a drone, as a tanpura holds the
tonic under a raga's accompaniment (the bass held on the tonic under IV and ii, vi or iv and VI,
now and then on the fifth, V over the tonic before it resolves) that still leave their key plain to
a musician, modal vamps as a thaat's colours over the same drone (Kafi's dorian, Khamaj's
mixolydian, Kalyan's lydian, Bhairavi's phrygian, Asavari's aeolian: bII, II, bVII or IV held over
the tonic), ambiguous loops whose drone is the relative key's tonic (or ii's, or IV's) until their
last two bars, all new by root motion, a fourteen-beat cycle of quarters (as dhamar's or
deepchandi's fourteen), drum patterns of hand drums and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no
formant or additive voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or
vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string but drone strings
over a buzzing bridge computed in numpy (jawari_render: each period of the string's motion pressed
where it swings onto a curved bridge, jawari or sawari, so that its partials swell into a buzz that
settles as it dies, with sympathetic strings ringing on at its harmonics: a sitar, a tanpura, a
veena, a surbahar, a rudra veena, a shamisen and a biwa plucked, a sarangi and a dilruba bowed), its
drums a kit of hand drums (a tabla's skins, the bass one bent up by the palm, a dholak's slap, a
kanjira, a ghatam, clapping hands) and small metals (manjira, ghungroo, khartal). Its clips then go
through a record's production (production.produce: a field recording across open ground, a tape
deck's noise reduction mistracking, beside rooms, a spring and lossy encodes), or none. It sits in
its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.jawari_render import JAWARI
from soundforge.testing.labelled_notation import (
    AEOLIAN,
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

SPLIT = "ziggurat"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), a drone under
    # them: the bass held on the tonic ("/1") under a bar or two of IV and ii (iv and VI), and under
    # V before it resolves, or on the fifth ("/5"), as a tanpura's sa and pa sound under a melody.
    "dwelling": (
        written(
            "IV IV/1 ii ii/1 vi IVadd9 V I",
            "major",
            "5 5 2m 2m 9m 5a9 7 0",
            own=SPLIT,
            bass="- 0 - 0 - - - -",
        ),
        written(
            "vi vi IV IV/1 ii7 V/1 I I", "major", "9m 9m 5 5 2m7 7 0 0", own=SPLIT, bass="- - - 0 - 0 - -"
        ),
        written(
            "IV ii IV/1 ii7 vi Vsus4 V I", "major", "5 2m 5 2m7 9m 7s4 7 0", own=SPLIT, bass="- - 0 - - - - -"
        ),
        written(
            "IV vi vi7 ii ii/1 vi V7 I", "major", "5 9m 9m7 2m 2m 9m 7d7 0", own=SPLIT, bass="- - - - 0 - - -"
        ),
        written(
            "vi vi/5 ii IV IV/1 ii7 V I", "major", "9m 9m 2m 5 5 2m7 7 0", own=SPLIT, bass="- 7 - - 0 - - -"
        ),
        written(
            "ii ii/1 vi IVmaj7 ii ii7 V/1 I",
            "major",
            "2m 2m 9m 5M7 2m 2m7 7 0",
            own=SPLIT,
            bass="- 0 - - - - 0 -",
        ),
        written(
            "IVadd9 IV/1 ii IV vi vi7/1 V I",
            "major",
            "5a9 5 2m 5 9m 9m7 7 0",
            own=SPLIT,
            bass="- 0 - - - 0 - -",
        ),
        written(
            "ii7 vi IV IV/1 IV/5 vi V7 I", "major", "2m7 9m 5 5 5 9m 7d7 0", own=SPLIT, bass="- - - 0 7 - - -"
        ),
        written(
            "VI VI/1 iv iv/1 VImaj7 III V i",
            "minor",
            "8 8 5m 5m 8M7 3 7 0m",
            own=SPLIT,
            bass="- 0 - 0 - - - -",
        ),
        written(
            "III VI iv iv/1 iv7 III V7 i",
            "minor",
            "3 8 5m 5m 5m7 3 7d7 0m",
            own=SPLIT,
            bass="- - - 0 - - - -",
        ),
        written(
            "VI III VI VI/1 iv iv/5 V i", "minor", "8 3 8 8 5m 5m 7 0m", own=SPLIT, bass="- - - 0 - 7 - -"
        ),
        written(
            "iv III VI VI/1 VImaj7 III V/1 i",
            "minor",
            "5m 3 8 8 8M7 3 7 0m",
            own=SPLIT,
            bass="- - - 0 - - 0 -",
        ),
        written(
            "VI III III/1 iv7 III III/5 V7 i",
            "minor",
            "8 3 3 5m7 3 3 7d7 0m",
            own=SPLIT,
            bass="- - 0 - - 7 - -",
        ),
        written(
            "III III/1 iv iv/1 VI iv7 V i", "minor", "3 3 5m 5m 8 5m7 7 0m", own=SPLIT, bass="- 0 - 0 - - - -"
        ),
    ),
    # Vamps over the drone, each on its tonic half the bars or more, its chords all in the mode, its
    # neighbours now and then held over the tonic: Kafi's dorian (IV and ii over it, v, bVII),
    # Khamaj's mixolydian (bVII and ii over it, IV, v), Kalyan's lydian (II over it, V, vi, vii,
    # iii), Bhairavi's phrygian (bII over it, iv, bVI, bIII), Asavari's aeolian (iv7 and bVII over
    # it, bVI, bIII).
    "modal": (
        written(
            "dorian i IV/1 i i ii/1 i bVII i",
            "minor",
            "0m 5 0m7 0m 2m 0m 10 0m",
            DORIAN,
            own=SPLIT,
            bass="- 0 - - 0 - - -",
        ),
        written(
            "dorian i v/1 i ii7 i7 i v bVII",
            "minor",
            "0m 7m 0m 2m7 0m7 0m 7m 10",
            DORIAN,
            own=SPLIT,
            bass="- 0 - - - - - -",
        ),
        written(
            "mixolydian I I7 ii/1 I bVII/1 IV I I",
            "major",
            "0 0d7 2m 0 10 5 0 0",
            MIXOLYDIAN,
            own=SPLIT,
            bass="- - 0 - 0 - - -",
        ),
        written(
            "mixolydian I bVII/1 I7 IV I ii I v",
            "major",
            "0 10 0d7 5 0 2m 0 7m",
            MIXOLYDIAN,
            own=SPLIT,
            bass="- 0 - - - - - -",
        ),
        written(
            "lydian I II/1 Imaj7 vii I II7 iii I",
            "major",
            "0 2 0M7 11m 0 2d7 4m 0",
            LYDIAN,
            own=SPLIT,
            bass="- 0 - - - - - -",
        ),
        written(
            "lydian Imaj7 I V/1 vi Imaj7 II/1 I vii",
            "major",
            "0M7 0 7 9m 0M7 2 0 11m",
            LYDIAN,
            own=SPLIT,
            bass="- - 0 - - 0 - -",
        ),
        written(
            "phrygian i iv/1 i bVI i7 bIII bII/1 i",
            "minor",
            "0m 5m 0m 8 0m7 3 1 0m",
            PHRYGIAN,
            own=SPLIT,
            bass="- 0 - - - - 0 -",
        ),
        written(
            "phrygian i bII/1 i i7 bIII bIImaj7 i bIII",
            "minor",
            "0m 1 0m 0m7 3 1M7 0m 3",
            PHRYGIAN,
            own=SPLIT,
            bass="- 0 - - - - - -",
        ),
        written(
            "aeolian i i iv7/1 i bIIImaj7 i bVII/1 i",
            "minor",
            "0m 0m 5m7 0m 3M7 0m 10 0m",
            AEOLIAN,
            own=SPLIT,
            bass="- - 0 - - - 0 -",
        ),
        written(
            "aeolian i bVI/1 i i7 bVII iv i bVII",
            "minor",
            "0m 8 0m 0m7 10 5m 0m 10",
            AEOLIAN,
            own=SPLIT,
            bass="- 0 - - - - - -",
        ),
    ),
    # Loops whose drone is the relative key's tonic (vi's in major, III's in minor: "/6", "/3"), or
    # ii's or IV's (iv's), and that name their tonic only in their last two bars, by V resolving.
    "ambiguous": (
        written(
            "vi ii/6 vi IV/6 IV vi7 V I", "major", "9m 2m 9m 5 5 9m7 7 0", own=SPLIT, bass="- 9 - 9 - - - -"
        ),
        written(
            "vi ii7 ii/6 vi IVmaj7/6 vi V7 I",
            "major",
            "9m 2m7 2m 9m 5M7 9m 7d7 0",
            own=SPLIT,
            bass="- - 9 - 9 - - -",
        ),
        written(
            "ii IV/2 ii7 vi ii IVadd9 V7 I",
            "major",
            "2m 5 2m7 9m 2m 5a9 7d7 0",
            own=SPLIT,
            bass="- 2 - - - - - -",
        ),
        written(
            "IV vi IVmaj7 ii/4 IV vi7 V I",
            "major",
            "5 9m 5M7 2m 5 9m7 7 0",
            own=SPLIT,
            bass="- - - 5 - - - -",
        ),
        written(
            "VI III VImaj7 iv/3 VI III V i", "minor", "8 3 8M7 5m 8 3 7 0m", own=SPLIT, bass="- - - 3 - - - -"
        ),
        written(
            "III VII IIImaj7 iv7/3 III VII7 V i",
            "minor",
            "3 10 3M7 5m7 3 10d7 7 0m",
            own=SPLIT,
            bass="- - - 3 - - - -",
        ),
        written(
            "III iv/3 III VII VI/3 IIImaj7 V i",
            "minor",
            "3 5m 3 10 8 3M7 7 0m",
            own=SPLIT,
            bass="- 3 - - 3 - - -",
        ),
        written(
            "IIImaj7 VI VII III III iv/3 V7 i",
            "minor",
            "3M7 8 10 3 3 5m 7d7 0m",
            own=SPLIT,
            bass="- - - - - 3 - -",
        ),
    ),
}
# The split's own meter: fourteen quarter-note beats a bar, each of two eighths, as a fourteen-beat
# tala's cycle; its tempo counts quarters.
METER = "14/4"
METER_LAYOUT = (14, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", "12/8", METER, METER)
# Drone strings over a buzzing bridge (jawari_render.JAWARI): midi_render renders a jawari set
# through jawari_render. Each was checked by rendering to sound its note's fundamental (bent) within
# a cent with its meend, vibrato and players held still, its partials at whole multiples of it
# however hard it buzzes, its players symmetric about it, a harder stroke buzzing brighter and its
# buzz settling as it dies, its sympathetic strings ringing on after it is let go, to stay within
# its level, and to render the same audio on every run. It has no piano, organ, guitar, brass, reed
# or voice, so the split draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = JAWARI.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (24, 46, 107, 49),  # a tanpura, a veena, a biwa, a section of dilrubas
    "bass": (32, 33),  # a surbahar, a rudra veena
    "lead": (104, 106, 110, 40),  # a sitar, a shamisen, a sarangi, a dilruba
}
# What its held tones and free-time chords play: bowed strings, held as long as the note is (the
# free-time chords' bass, program 48, is a section of sarangis).
SUSTAINED_PROGRAMS = (48, 42, 110)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_FLOOR_TOM, LOW_MID_TOM = 43, 47
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a
# fourteen-beat bar beats five to eight and nine to twelve play the first four's, and thirteen and
# fourteen the first two's. Each keeps the bass skin on 1 and a backbeat on 2 and 4, so the pulse a
# drummer counts is the beat the clip is labelled with, across the tempo range its drums alone are
# drawn from (72 to 174).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A tabla's theka: the bass skin (ge) on 1, 2's "and" and 3, the treble skin's na on the backbeat,
    # its closed te on every "and" but 2's, the open tun on 3's "a".
    "theka-na": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        (2, CLOSED_HAT),
        (10, CLOSED_HAT),
        (14, CLOSED_HAT),
        (11, LOW_MID_TOM),
    ),
    # A ghatam's gumki answering a kanjira: the bass skin on 1 and 3, the dholak's slap on the
    # backbeat, the pot pressed on 2's and 4's "a", the kanjira on every "and".
    "gumki-kanjira": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, LOW_FLOOR_TOM),
        (15, LOW_FLOOR_TOM),
        *((k, TAMBOURINE) for k in range(2, 16, 4)),
    ),
    # Manjira and clapping hands: the bass skin on 1 and 3's "and", claps on the backbeat, the
    # manjira on each beat, the khartal on every "and".
    "manjira-tali": (
        (0, KICK),
        (10, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, RIDE) for k in range(0, 16, 4)),
        *((k, PEDAL_HAT) for k in range(2, 16, 4)),
    ),
    # A dholak's bhangra-like lilt: the bass skin on 1, 1's "a" and 3, the slap on the backbeat, the
    # ghatam's body on every "e", the ghungroo shaken on 2's and 4's "and".
    "dholak-ghungroo": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in range(1, 16, 4)),
        (6, OPEN_HAT),
        (14, OPEN_HAT),
    ),
    # The treble skin rolling: the bass skin on 1 and 4's "e", the na and the slap on the backbeat,
    # te on every sixteenth but the beats', the manjira on 1.
    "te-roll": (
        (0, KICK),
        (13, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(16) if k % 4),
        (0, RIDE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 48 (a listener still counts the dotted quarter) to 98.
TEMPO_RANGES = ((66.0, 160.0), (48.0, 98.0), (72.0, 174.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "open-air",
    "compander",
    "open-air+opus",
    "small-room+compander",
    "compander+mp3",
    "spring+open-air",
    "open-air+compander+aac",
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
