"""The hypogeum split's own material: read once, only for the final numbers, never to choose a method.

Written for the twentieth pass of method work by someone other than whoever tunes, once every other
split (columbarium too) had been read. Its material is in none of the others: songs coloured as
funk, soul and synth-pop records colour them (V as a dominant thirteenth or IV over V's bass in
major, a sharp ninth on minor's dominant, fourths stacked on a modal vamp's tonic, a line cliché
through the tonic's major seventh, an augmented triad passing to IV, minor tonics with an added
ninth) that still leave their key plain to a musician, modal vamps and ambiguous loops new by root
motion, a seven-beat bar that moves in sixteenths, drum patterns and a tempo range, and timbres no
other split has: its instruments are no recordings, no soundfont, no physical model, no analog
patch and no formant or additive voice but phase-distortion patches computed in numpy, as a Casio
CZ makes them (an electric piano, a clavinet-like pulse, brass, a resonance pad, the CZ's resonance
bass and a rounder one, a square lead with a vibrato, a ring-modulated bell, a resonance lead, a
string ensemble; phase_render), its drums a drum machine's from Hydrogen's (TR808EmulationKit,
ArtemioLabs, GPL; Debian's hydrogen-drumkits, `make apt`) that no other split plays. Its clips then
go through a record's production (production.produce: a transient shaper, parallel compression, an
exciter, a ground loop's hum, beside lossy encodes), or none. It sits in its own module so that
whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods
should not open this file.
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
    PHRYGIAN,
    SNARE,
    Progression,
    written,
)
from soundforge.testing.phase_render import PHASE

SPLIT = "hypogeum"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), coloured as funk,
    # soul and synth-pop records colour them: V as a dominant thirteenth or IV over V's bass (IV/V),
    # IV with an added ninth, I's augmented triad passing to IV; in minor, V with a sharp ninth (its
    # leading tone names the tonic, its ninth is minor's own third), a line cliché through the tonic's
    # major seventh, the tonic with an added ninth.
    "dwelling": (
        written("vi7 ii7 IVadd9 IV V13 vi7 ii7 I", "major", "9m7 2m7 5a9 5 7d13 9m7 2m7 0", own=SPLIT),
        written(
            "ii7 ii7 vi7 IV vi7 IV/V V13 I",
            "major",
            "2m7 2m7 9m7 5 9m7 5 7d13 0",
            own=SPLIT,
            bass="- - - - - 7 - -",
        ),
        written("IV vi7 ii7 ii7 vi7 IVadd9 V13 I", "major", "5 9m7 2m7 2m7 9m7 5a9 7d13 0", own=SPLIT),
        written("vi7 ii I I+ IV IV V13 I", "major", "9m7 2m 0 0+ 5 5 7d13 0", own=SPLIT),
        written(
            "IVadd9 IVadd9 vi7 ii7 ii7 vi7 IV/V I",
            "major",
            "5a9 5a9 9m7 2m7 2m7 9m7 5 0",
            own=SPLIT,
            bass="- - - - - - 7 -",
        ),
        written("vi7 vi7 IV ii7 vi7 ii7 V13 I", "major", "9m7 9m7 5 2m7 9m7 2m7 7d13 0", own=SPLIT),
        written("ii7 IV ii7 vi7 vi7 IVadd9 V13 I", "major", "2m7 5 2m7 9m7 9m7 5a9 7d13 0", own=SPLIT),
        written(
            "IV IV vi7 vi7 ii7 iii7 IV/V I",
            "major",
            "5 5 9m7 9m7 2m7 4m7 5 0",
            own=SPLIT,
            bass="- - - - - - 7 -",
        ),
        written("iv7 iv7 VI III VI iv7 V7#9 i", "minor", "5m7 5m7 8 3 8 5m7 7d7s9 0m", own=SPLIT),
        written("VI iv7 III III iv7 VI V7#9 i", "minor", "8 5m7 3 3 5m7 8 7d7s9 0m", own=SPLIT),
        written("III VI VI iv7 III iv7 V7#9 iadd9", "minor", "3 8 8 5m7 3 5m7 7d7s9 0ma9", own=SPLIT),
        written("iv7 VI III VI VI iv7 V7#9 i", "minor", "5m7 8 3 8 8 5m7 7d7s9 0m", own=SPLIT),
        written("iv VI iv III imM7 i7 V7#9 i", "minor", "5m 8 5m 3 0mM7 0m7 7d7s9 0m", own=SPLIT),
        written("VI VI III iv7 III VI V7#9 i", "minor", "8 8 3 5m7 3 8 7d7s9 0m", own=SPLIT),
        written("III iv7 VI VI VII III V7#9 i", "minor", "3 5m7 8 8 10 3 7d7s9 0m", own=SPLIT),
        written("iv7 III iv7 VI iv7 VII V7#9 iadd9", "minor", "5m7 3 5m7 8 5m7 10 7d7s9 0ma9", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as stacked fourths or with an added ninth, ii in fourths, IV13, bVII and
    # v7; mixolydian's I13, v in fourths, ii in fourths, bVII and IV; lydian's I with an added ninth and
    # IM7, II and II13, vi and iii in fourths, vii and V; phrygian's i in fourths, bII and bII with an
    # added ninth, bvii7, bIII, bVI, iv7 and iv in fourths; aeolian's i with an added ninth or in
    # fourths, iv in fourths and iv7, bVI, bVII, bIII and v7.
    "modal": (
        written(
            "dorian i4ths i4ths ii7 i4ths i4ths IV13 i4ths v7",
            "minor",
            "0q 0q 2m7 0q 0q 5d13 0q 7m7",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian iadd9 IV13 iadd9 ii4ths iadd9 bVII iadd9 iadd9",
            "minor",
            "0ma9 5d13 0ma9 2q 0ma9 10 0ma9 0ma9",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I13 I13 bVII I13 v4ths I13 IV I13",
            "major",
            "0d13 0d13 10 0d13 7q 0d13 5 0d13",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I I ii4ths I v7 I bVII IV", "major", "0 0 2q 0 7m7 0 10 5", MIXOLYDIAN, own=SPLIT
        ),
        written(
            "lydian Iadd9 II13 Iadd9 vi4ths Iadd9 vii Iadd9 II",
            "major",
            "0a9 2d13 0a9 9q 0a9 11m 0a9 2",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian IM7 IM7 iii4ths II IM7 V IM7 II13",
            "major",
            "0M7 0M7 4q 2 0M7 7 0M7 2d13",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i4ths bII i4ths i4ths bvii7 i4ths bIII iv7",
            "minor",
            "0q 1 0q 0q 10m7 0q 3 5m7",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i i bIIadd9 i bVI i iv4ths i", "minor", "0m 0m 1a9 0m 8 0m 5q 0m", PHRYGIAN, own=SPLIT
        ),
        written(
            "aeolian iadd9 iv4ths iadd9 bVI iadd9 iadd9 bVII bIII",
            "minor",
            "0ma9 5q 0ma9 8 0ma9 0ma9 10 3",
            own=SPLIT,
        ),
        written(
            "aeolian i4ths i4ths bVII iv7 i4ths bVI i4ths v7", "minor", "0q 0q 10 5m7 0q 8 0q 7m7", own=SPLIT
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by a dominant thirteenth or IV over V's bass resolving
    # (a sharp ninth in minor).
    "ambiguous": (
        written("vi7 ii7 vi7 vi7 ii7 IV V13 I", "major", "9m7 2m7 9m7 9m7 2m7 5 7d13 0", own=SPLIT),
        written(
            "IV ii7 ii7 IV vi7 vi7 IV/V I",
            "major",
            "5 2m7 2m7 5 9m7 9m7 5 0",
            own=SPLIT,
            bass="- - - - - - 7 -",
        ),
        written("ii7 vi7 vi7 iii7 ii7 IV V13 I", "major", "2m7 9m7 9m7 4m7 2m7 5 7d13 0", own=SPLIT),
        written("vi7 vi7 IVadd9 vi7 IVadd9 ii7 V13 I", "major", "9m7 9m7 5a9 9m7 5a9 2m7 7d13 0", own=SPLIT),
        written("III VII III III VI iv7 V7#9 i", "minor", "3 10 3 3 8 5m7 7d7s9 0m", own=SPLIT),
        written("VI III VI III iv7 iv7 V7#9 i", "minor", "8 3 8 3 5m7 5m7 7d7s9 0m", own=SPLIT),
        written("iv7 iv7 VI III VII III V7#9 i", "minor", "5m7 5m7 8 3 10 3 7d7s9 0m", own=SPLIT),
        written("III III iv7 VI VI VII V7#9 i", "minor", "3 3 5m7 8 8 10 7d7s9 0m", own=SPLIT),
    ),
}
# The split's own meter: seven quarter-note beats a bar, each of four sixteenths (a 7/4 played in
# sixteenths), beside crypt's 7/4 in eighths and undercroft's, reliquary's, cenotaph's and
# columbarium's four, three, two and five beats of sixteenths; its tempo counts quarters.
METER = "28/16"
METER_LAYOUT = (7, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Phase-distortion patches (phase_render.PHASE): midi_render renders a phase set through
# phase_render. Each was checked by rendering to sound the pitch it is given over the range each role
# plays (each copy within 0.6 cent of its own detuning, the copies symmetric around the note; a
# vibrato sways symmetrically around it), with its pitch class the strongest of the chroma (by 3.5
# times or more for chords, basses and held tones, by 1.8 or more for the bell and the resonance
# lead, whose fifth is loud), and to render the same audio on every run. It has no piano, guitar,
# organ, voice or reed, so the split draws only the programs below, not the ones every other split
# shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = PHASE.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (4, 7, 61, 88),  # an electric piano, a clavinet-like pulse, brass, a resonance pad
    "bass": (38, 33),  # the CZ's resonance bass, a rounder sawtooth
    "lead": (80, 14, 87),  # a square with a vibrato, a ring-modulated bell, a resonance lead
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the string ensemble).
SUSTAINED_PROGRAMS = (48, 61, 88)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LONG_KICK, ELECTRIC_SNARE, LOW_TOM, MID_TOM, HIGH_TOM, CYMBAL = 35, 40, 41, 45, 50, 49
CONGA, SHAKER, CLAVES = 63, 70, 75
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds; in a seven-beat bar the fifth,
# sixth and seventh beats play the first three's. Each keeps the kick on 1 and a backbeat on 2 and
# 4, so the pulse a drummer counts is the beat the clip is labelled with, across the tempo range its
# drums alone are drawn from (70 to 182).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The 808's long kick on 1 and the "and" of 3, claps on the backbeat, eighth hats opened on the
    # "and" of 4.
    "boom-clap": (
        (0, LONG_KICK),
        (10, LONG_KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(0, 14, 2)),
        (14, OPEN_HAT),
    ),
    # Electro: the kick on 1, the "and" of 2 and 3, its other snare on the backbeat, a cowbell on the
    # "and"s and quarter hats.
    "electro-cowbell": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, ELECTRIC_SNARE),
        (12, ELECTRIC_SNARE),
        *((k, COWBELL) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # House with a son clave (3-2) over its four kicks, claps on the backbeat, hats on the "and"s.
    "clave-house": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, CLAP),
        (12, CLAP),
        *((k, CLAVES) for k in (0, 3, 6, 10, 12)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # A shaker on every sixteenth, a conga answering, the kick on 1, 3 and the "a" of 3.
    "conga-shaker": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SHAKER) for k in range(16)),
        *((k, CONGA) for k in (3, 7, 14)),
    ),
    # The 808's toms run down from the high one on the bar's last three sixteenths, its cymbal on 1,
    # eighth hats, the kick on 1, the "a" of 1 and 3.
    "808-tom-run": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, CYMBAL),
        *((k, CLOSED_HAT) for k in range(0, 13, 2)),
        (13, HIGH_TOM),
        (14, MID_TOM),
        (15, LOW_TOM),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 45 (a listener still counts the dotted quarter) to 100.
TEMPO_RANGES = ((58.0, 176.0), (45.0, 100.0), (70.0, 182.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "transient",
    "parallel",
    "exciter",
    "hum",
    "transient+parallel",
    "exciter+aac",
    "hum+parallel+mp3",
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
