"""The reliquary split's own material: read once, only for the final numbers, never to choose a method.

Written for the seventeenth pass of method work by someone other than whoever tunes, once every other
split (undercroft too) had been read. Its material is in none of the others: songs coloured as
records colour them (borrowed chords from the parallel minor, secondary dominants, diminished passing
chords, the backdoor bVII and the bVI-bVII-I cadence in major; a half-diminished ii in minor) that
still leave their key plain to a musician, modal vamps and ambiguous loops new by root motion, a
waltz that moves in sixteenths, drum patterns and a tempo range, and timbres no other split has:
its instruments are no recordings, no soundfont and no synthesizer's program but waveguide models
of plucked and bowed strings computed in numpy (Karplus-Strong: guitars, basses, a harp, a koto,
a banjo, a cello, a fiddle, a string section; waveguide_render), its drums a Ludwig kit from
Hydrogen's (Millo-Drums, GPL-2; Debian's hydrogen-drumkits, `make apt`) that no other split plays.
Its clips then go through a record's production (production.produce: a chorus and a worn record's
surface, beside a small room and lossy encodes), or none. It sits in its own module so that whoever
tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods should
not open this file.
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
    Progression,
    written,
)
from soundforge.testing.waveguide_render import STRINGS

SPLIT = "reliquary"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), coloured as
    # records colour them: iv borrowed from the parallel minor, II7 and III7 (the dominants of V and
    # vi), a diminished seventh passing between IV and I over the fifth, bVII and bVI-bVII-I (the
    # backdoor and the "aeolian" cadence), a half-diminished ii in minor; "/n" is the bass's degree.
    "dwelling": (
        written(
            "IV IV iv iv I/3 I/3 ii7 V", "major", "5 5 5m 5m 0 0 2m7 7", own=SPLIT, bass="- - - - 4 4 - -"
        ),
        written(
            "vi vi IV #ivo7 I/5 vi ii7 V7",
            "major",
            "9m 9m 5 6o7 0 9m 2m7 7d7",
            own=SPLIT,
            bass="- - - - 7 - - -",
        ),
        written("ii7 V7 IV IV bVII bVII I I", "major", "2m7 7d7 5 5 10 10 0 0", own=SPLIT),
        written("vi vi II7 V IV iv I I", "major", "9m 9m 2d7 7 5 5m 0 0", own=SPLIT),
        written(
            "I I7 IV iv vi vi/5 ii V", "major", "0 0d7 5 5m 9m 9m 2m 7", own=SPLIT, bass="- - - - - 4 - -"
        ),
        written("iii7 vi7 ii7 V7 IVM7 IVM7 I I", "major", "4m7 9m7 2m7 7d7 5M7 5M7 0 0", own=SPLIT),
        written("vi7 IVM7 vi7 IVM7 ii7 V7 bVII I", "major", "9m7 5M7 9m7 5M7 2m7 7d7 10 0", own=SPLIT),
        written("I vi IV vi bVI bVII I I", "major", "0 9m 5 9m 8 10 0 0", own=SPLIT),
        written("ii7 V7 vi7 vi IV I", "major", "2m7 7d7 9m7 9m 5 0", own=SPLIT),
        written("IV III7 vi vi ii V I I", "major", "5 4d7 9m 9m 2m 7 0 0", own=SPLIT),
        written("iv7 iv7 VIM7 VIM7 III V7 i i", "minor", "5m7 5m7 8M7 8M7 3 7d7 0m 0m", own=SPLIT),
        written(
            "iv iv i/b3 i/b3 VI VI V7 i",
            "minor",
            "5m 5m 0m 0m 8 8 7d7 0m",
            own=SPLIT,
            bass="- - 3 3 - - - -",
        ),
        written("VI VII III VI iv7 iim7b5 V7 i", "minor", "8 10 3 8 5m7 2h7 7d7 0m", own=SPLIT),
        written("III VI iv iv VII VII V i", "minor", "3 8 5m 5m 10 10 7 0m", own=SPLIT),
        written("VI VI iim7b5 V7 i i VI V7", "minor", "8 8 2h7 7d7 0m 0m 8 7d7", own=SPLIT),
        written("VIM7 VII III iv VIM7 iv V7 i", "minor", "8M7 10 3 5m 8M7 5m 7d7 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's IV7 and bVII, its v7 and bIIIM7; mixolydian's v and bVII, its ii7 and vi;
    # lydian's vii and II, its iii; phrygian's bIIM7 and iv, its bvii and bVI; aeolian's v.
    "modal": (
        written(
            "dorian i7 i7 IV7 IV7 i7 i7 bVIIadd9 i7",
            "minor",
            "0m7 0m7 5d7 5d7 0m7 0m7 10a9 0m7",
            DORIAN,
            own=SPLIT,
        ),
        written("dorian i i v7 i i i bIIIM7 ii7", "minor", "0m 0m 7m7 0m 0m 0m 3M7 2m7", DORIAN, own=SPLIT),
        written("mixolydian I I v v I I bVII bVII", "major", "0 0 7m 7m 0 0 10 10", MIXOLYDIAN, own=SPLIT),
        written(
            "mixolydian I Isus4 ii7 I I vi bVII I",
            "major",
            "0 0s4 2m7 0 0 9m 10 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("lydian I I vii I I II vi I", "major", "0 0 11m 0 0 2 9m 0", LYDIAN, own=SPLIT),
        written("lydian I iii I II I iii I V", "major", "0 4m 0 2 0 4m 0 7", LYDIAN, own=SPLIT),
        written("phrygian i i bIIM7 i i iv bII i", "minor", "0m 0m 1M7 0m 0m 5m 1 0m", PHRYGIAN, own=SPLIT),
        written("phrygian i bvii i bVI i bII i bII", "minor", "0m 10m 0m 8 0m 1 0m 1", PHRYGIAN, own=SPLIT),
        written("aeolian i i v VI i i iv VII", "minor", "0m 0m 7m 8 0m 0m 5m 10", own=SPLIT),
        written("aeolian i7 i7 iv7 iv7 i7 i7 VIM7 VII", "minor", "0m7 0m7 5m7 5m7 0m7 0m7 8M7 10", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor) or on IV, and name their tonic
    # only in their last two bars, by a dominant seventh resolving.
    "ambiguous": (
        written("vi ii vi ii vi vi V7 I", "major", "9m 2m 9m 2m 9m 9m 7d7 0", own=SPLIT),
        written("vi7 vi7 IVM7 vi7 vi7 ii7 V7 I", "major", "9m7 9m7 5M7 9m7 9m7 2m7 7d7 0", own=SPLIT),
        written("IV vi IV vi IV IV V7 I", "major", "5 9m 5 9m 5 5 7d7 0", own=SPLIT),
        written("iii iii vi vi iii iii V7 I", "major", "4m 4m 9m 9m 4m 4m 7d7 0", own=SPLIT),
        written("III III VI VI III III V7 i", "minor", "3 3 8 8 3 3 7d7 0m", own=SPLIT),
        written("VII VII III III VII VII V7 i", "minor", "10 10 3 3 10 10 7d7 0m", own=SPLIT),
        written("III VI III VI iv iv V7 i", "minor", "3 8 3 8 5m 5m 7d7 0m", own=SPLIT),
        written("VI VI III VII VI VI V7 i", "minor", "8 8 3 10 8 8 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: three quarter-note beats a bar, each of four sixteenths (a waltz picked or
# bowed in sixteenths, as a ballad in 3/4 is), beside the others' 3/4 in eighths and undercroft's 4/4
# in sixteenths; its tempo counts quarters, as 3/4's does.
METER = "12/16"
METER_LAYOUT = (3, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Waveguide string models (waveguide_render.STRINGS): midi_render renders a string set through
# waveguide_render. Each was checked by rendering to sound the pitch it is given within 0.1 cent over
# the range each role plays (its loop is a whole period at the rate it is computed at, its harmonics
# whole multiples), with its pitch class the strongest of the chroma by 1.45 times or more, and to
# render the same audio on every run. It has no piano, organ, pad, choir, brass or reed, so the split
# draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = STRINGS.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (24, 25, 46, 107),  # nylon- and steel-string guitars, a harp, a koto
    "bass": (32, 33, 42),  # an upright bass and an electric bass, plucked, a cello, bowed
    "lead": (105, 110, 24),  # a banjo, a fiddle, the nylon-string guitar
}
# What its held tones and free-time chords play: the bowed ones (the free-time chords' bass, program
# 48, is the string section).
SUSTAINED_PROGRAMS = (42, 48, 110)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
GHOST_SNARE, LOW_FLOOR_TOM, HI_MID_TOM, CRASH = 40, 41, 48, 49
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps the kick on 1 and a
# backbeat on 2 and 4 (in 3/4, on 2), so the pulse a drummer counts is the beat the clip is labelled
# with, across the tempo range its drums alone are drawn from (72 to 164).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A cowbell on every beat over a backbeat, the kick on 1, the "and" of 2 and the "e" of 3, the hat
    # on the "ands".
    "cowbell-drive": (
        (0, KICK),
        (6, KICK),
        (9, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # Ghost notes on the snare between a loud backbeat, the kick on 1, 3 and the "a" of 3, eighth hats.
    "ghosted-backbeat": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, GHOST_SNARE),
        (10, GHOST_SNARE),
        (15, GHOST_SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # The ride on the beats, a side stick on 2 and 4, the kick on 1 and the "and" of 3, the pedal hat
    # with the side stick.
    "cross-stick-ride": (
        (0, KICK),
        (10, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, RIDE) for k in range(0, 16, 4)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
    # An open hat washing on every eighth, the kick on 1, 3 and the "and" of 3, a backbeat, a crash on 1.
    "washed-eighths": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_HAT) for k in range(0, 16, 2)),
        (0, CRASH),
    ),
    # A clap stacked on the snare, the kick on 1, the "a" of 1 and 3, the hat on the "ands", toms
    # walking down into the next bar.
    "clap-stack": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, CLAP),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
        (14, HI_MID_TOM),
        (15, LOW_FLOOR_TOM),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): a waltz in
# sixteenths does not go as fast as the others' fastest songs, so the simple range stops at 164;
# compound songs from 48 (a listener still counts the dotted quarter) to 100.
TEMPO_RANGES = ((56.0, 164.0), (48.0, 100.0), (72.0, 164.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "chorus",
    "vinyl",
    "chorus+vinyl",
    "small-room+chorus",
    "vinyl+mp3",
    "chorus+aac",
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
