"""The columbarium split's own material: read once, only for the final numbers, never to choose a method.

Written for the nineteenth pass of method work by someone other than whoever tunes, once every other
split (cenotaph too) had been read. Its material is in none of the others: songs coloured as a
vocal group and an organ colour them (sixth chords and six-nines, minor elevenths, a dominant ninth
in major and a flat ninth on minor's dominant, IV's major seventh with a sharp eleventh) that still
leave their key plain to a musician, modal vamps and ambiguous loops new by root motion, a five-beat
bar that moves in sixteenths, drum patterns and a tempo range, and timbres no other split has: its
instruments are no recordings, no soundfont, no physical model and no synthesizer's patch but
voices synthesised from their vowels' formants, additive organs and mallets computed in numpy (a
choir on "aah" and one on "ooh", solo voices with a vibrato, a bass singer, a drawbar organ, an
organ's pedal and its string celeste, a marimba and a glockenspiel with their bars' inharmonic
partials; formant_render), its drums an acoustic kit from Hydrogen's (The Black Pearl, Glen
MacArthur, GPL; Debian's hydrogen-drumkits, `make apt`) that no other split plays. Its clips then go
through a record's production (production.produce: a sidechain pump keyed to the lows, a gated
reverb, loudness mastering by three compressed bands clipped flat, a tape run hot with no wow,
beside a lossy encode), or none. It sits in its own module so that whoever tunes does not read it
in passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.formant_render import FORMANT
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

SPLIT = "columbarium"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), coloured as a
    # vocal group or an organ colours them: vi and ii as minor elevenths, IV as a sixth, a six-nine or
    # a major seventh with its sharp eleventh, V as a dominant ninth; in minor, V with its leading
    # tone and a flat ninth names the tonic.
    "dwelling": (
        written(
            "vi11 vi11 vi11 ii11 IV6 IV6 V9 I6", "major", "9m11 9m11 9m11 2m11 5M6 5M6 7d9 0M6", own=SPLIT
        ),
        written(
            "IV69 ii11 IV69 vi11 ii11 vi11 V9 I69",
            "major",
            "5M69 2m11 5M69 9m11 2m11 9m11 7d9 0M69",
            own=SPLIT,
        ),
        written(
            "ii11 vi11 ii6 IVM7#11 vi11 IVM7#11 V9 I",
            "major",
            "2m11 9m11 2m6 5M7s11 9m11 5M7s11 7d9 0",
            own=SPLIT,
        ),
        written(
            "vi11 IV6 vi11 iii7 IV6 ii11 V9 I6", "major", "9m11 5M6 9m11 4m7 5M6 2m11 7d9 0M6", own=SPLIT
        ),
        written(
            "IVM7#11 ii11 vi11 vi11 IVM7#11 ii11 V9 V9 I69 I69",
            "major",
            "5M7s11 2m11 9m11 9m11 5M7s11 2m11 7d9 7d9 0M69 0M69",
            own=SPLIT,
        ),
        written(
            "ii11 vi11 ii11 IV69 IV69 iii7 V9 I", "major", "2m11 9m11 2m11 5M69 5M69 4m7 7d9 0", own=SPLIT
        ),
        written("vi11 vi11 vi11 IV6 ii6 ii6 V9 I6", "major", "9m11 9m11 9m11 5M6 2m6 2m6 7d9 0M6", own=SPLIT),
        written(
            "IV6 IV6 ii11 vi11 vi11 IVM7#11 V9 I69",
            "major",
            "5M6 5M6 2m11 9m11 9m11 5M7s11 7d9 0M69",
            own=SPLIT,
        ),
        written(
            "iv11 iv6 VI69 III6 III6 VI69 V7b9 i", "minor", "5m11 5m6 8M69 3M6 3M6 8M69 7d7b9 0m", own=SPLIT
        ),
        written(
            "VIM7#11 iv6 VIM7#11 III69 iv6 VII6 V7b9 i",
            "minor",
            "8M7s11 5m6 8M7s11 3M69 5m6 10M6 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "III69 iv11 III69 VI6 VI6 iv11 V7b9 i", "minor", "3M69 5m11 3M69 8M6 8M6 5m11 7d7b9 0m", own=SPLIT
        ),
        written(
            "iv6 iv6 iv11 VIM7#11 III6 III6 V7b9 i",
            "minor",
            "5m6 5m6 5m11 8M7s11 3M6 3M6 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "VI69 VI69 iv11 III6 VII6 VII6 V7b9 i",
            "minor",
            "8M69 8M69 5m11 3M6 10M6 10M6 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "iv11 VII6 III69 VI69 iv11 iv6 V7b9 i i i",
            "minor",
            "5m11 10M6 3M69 8M69 5m11 5m6 7d7b9 0m 0m 0m",
            own=SPLIT,
        ),
        written(
            "VIM7#11 III6 iv11 iv11 VIM7#11 VII6 V7b9 i",
            "minor",
            "8M7s11 3M6 5m11 5m11 8M7s11 10M6 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "III6 iv11 VI69 iv11 III6 VI69 V7b9 i", "minor", "3M6 5m11 8M69 5m11 3M6 8M69 7d7b9 0m", own=SPLIT
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's i6 and i11, IV9, bVII6 and v11, its bIIIM7#11; mixolydian's I9 and I6, v11,
    # bVII69, IV6 and ii11; lydian's IM7#11 and I69, II9, V6, vi11, iii11 and vii; phrygian's i7,
    # bIIM7#11 and bII69, iv11, bVI69, bIII6 and bvii11; aeolian's i11, bVIM7#11, iv6, bVII6, bIII69,
    # iv11 and bVI6.
    "modal": (
        written(
            "dorian i6 i6 IV9 i6 i11 bVII6 i6 v11",
            "minor",
            "0m6 0m6 5d9 0m6 0m11 10M6 0m6 7m11",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i11 bIIIM7#11 i11 IV6 i11 i11 bVII69 i11",
            "minor",
            "0m11 3M7s11 0m11 5M6 0m11 0m11 10M69 0m11",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I9 I6 I9 IV6 I9 bVII69 v11 I6",
            "major",
            "0d9 0M6 0d9 5M6 0d9 10M69 7m11 0M6",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I6 ii11 I6 bVII6 I6 I6 v11 I9",
            "major",
            "0M6 2m11 0M6 10M6 0M6 0M6 7m11 0d9",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian IM7#11 IM7#11 II9 IM7#11 I69 V6 IM7#11 vi11",
            "major",
            "0M7s11 0M7s11 2d9 0M7s11 0M69 7M6 0M7s11 9m11",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I69 iii11 I69 II I69 vii I69 I69",
            "major",
            "0M69 4m11 0M69 2 0M69 11m 0M69 0M69",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i7 i7 bIIM7#11 i7 bII69 i7 iv11 i",
            "minor",
            "0m7 0m7 1M7s11 0m7 1M69 0m7 5m11 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i bVI69 i bIII6 i bvii11 i i",
            "minor",
            "0m 8M69 0m 3M6 0m 10m11 0m 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i11 i11 bVIM7#11 i11 iv6 i11 bVII6 i11",
            "minor",
            "0m11 0m11 8M7s11 0m11 5m6 0m11 10M6 0m11",
            own=SPLIT,
        ),
        written("aeolian i bIII69 i iv11 i bVI6 i i", "minor", "0m 3M69 0m 5m11 0m 8M6 0m 0m", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by a dominant ninth (a flat ninth in minor) resolving.
    "ambiguous": (
        written(
            "vi11 ii11 vi11 vi11 IV6 vi11 V9 I", "major", "9m11 2m11 9m11 9m11 5M6 9m11 7d9 0", own=SPLIT
        ),
        written(
            "ii11 IV69 ii11 IV69 vi11 vi11 V9 I6", "major", "2m11 5M69 2m11 5M69 9m11 9m11 7d9 0M6", own=SPLIT
        ),
        written(
            "IVM7#11 vi11 IVM7#11 vi11 ii6 ii6 V9 I",
            "major",
            "5M7s11 9m11 5M7s11 9m11 2m6 2m6 7d9 0",
            own=SPLIT,
        ),
        written("vi11 ii11 ii11 vi11 IV6 IV6 V9 I", "major", "9m11 2m11 2m11 9m11 5M6 5M6 7d9 0", own=SPLIT),
        written(
            "III69 VII6 III69 VII6 VI69 iv11 V7b9 i",
            "minor",
            "3M69 10M6 3M69 10M6 8M69 5m11 7d7b9 0m",
            own=SPLIT,
        ),
        written(
            "VI69 VI69 III6 VI69 VI69 iv6 V7b9 i", "minor", "8M69 8M69 3M6 8M69 8M69 5m6 7d7b9 0m", own=SPLIT
        ),
        written(
            "iv11 III69 iv11 III69 VI6 VI6 V7b9 i", "minor", "5m11 3M69 5m11 3M69 8M6 8M6 7d7b9 0m", own=SPLIT
        ),
        written(
            "III6 III6 iv11 iv11 III6 VII6 V7b9 i", "minor", "3M6 3M6 5m11 5m11 3M6 10M6 7d7b9 0m", own=SPLIT
        ),
    ),
}
# The split's own meter: five quarter-note beats a bar, each of four sixteenths (a 5/4 played in
# sixteenths), beside blind's 5/4 in eighths, cellar's 15/8 in dotted quarters and undercroft's,
# reliquary's and cenotaph's four, three and two beats of sixteenths; its tempo counts quarters.
METER = "20/16"
METER_LAYOUT = (5, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Formant voices, additive organs and mallets (formant_render.FORMANT): midi_render renders a timbre
# set through formant_render. Each was checked by rendering to sound the pitch it is given over the
# range each role plays (each copy within 0.4 cent of its own detuning, the copies symmetric around
# the note; a vibrato sways symmetrically around it), with its pitch class the strongest of the
# chroma (by 1.1 times or more where a vowel's first formant lifts a note's third harmonic, by 1.4 or
# more elsewhere, by 5 or more for a lead's range), and to render the same audio on every run. It
# has no piano, guitar, strings, brass or reed, so the split draws only the programs below, not the
# ones every other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = FORMANT.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (52, 53, 16, 12),  # a choir on "aah", one on "ooh", a drawbar organ, a marimba
    "bass": (32, 34),  # a bass singer on "doo", an organ's pedal
    "lead": (85, 54, 9),  # a solo voice on "aah", one on "oh", a glockenspiel
}
# What its held tones and free-time chords play: the timbres that hold (the free-time chords' bass,
# program 48, is the organ's string celeste).
SUSTAINED_PROGRAMS = (48, 52, 16)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
SIDE_STICK_SNARE, FLOOR_TOM, LOW_TOM, HIGH_TOM, RIDE_BELL, SPLASH = 40, 41, 45, 48, 53, 55
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds; in a five-beat bar the fifth beat
# plays the first's. Each keeps the kick on 1 and a backbeat on 2 and 4, so the pulse a drummer counts
# is the beat the clip is labelled with, across the tempo range its drums alone are drawn from (68 to
# 160).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The ride's bell on the beats and its bow on the "and"s, the kick on 1, 3 and the "and" of 3.
    "bell-and-bow": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE_BELL) for k in range(0, 16, 4)),
        *((k, RIDE) for k in range(2, 16, 4)),
    ),
    # A floor tom answering the snare on the "and"s of 2 and 4, eighth hats, the kick on 1, the "a" of
    # 1 and 3.
    "floor-tom-answer": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, FLOOR_TOM),
        (14, FLOOR_TOM),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # Sixteenth hats opened on the "and" of 4, a splash on 1, the kick on 1, 3 and the "e" of 3's "and".
    "splash-sixteenths": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, SPLASH),
        *((k, CLOSED_HAT) for k in range(16) if k != 14),
        (14, OPEN_HAT),
    ),
    # The snare's rim on the backbeat, the pedal hat on the eighths, the kick on 1, the "and" of 2 and 3.
    "rim-and-pedal": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SIDE_STICK_SNARE),
        (12, SIDE_STICK_SNARE),
        *((k, PEDAL_HAT) for k in range(0, 16, 2)),
    ),
    # Open hats on the "and"s, the kick on 1 and 3, a tom run down from the high tom on the last three
    # sixteenths of the bar.
    "tom-run": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
        (13, HIGH_TOM),
        (14, LOW_TOM),
        (15, FLOOR_TOM),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 46 (a listener still counts the dotted quarter) to 98.
TEMPO_RANGES = ((54.0, 158.0), (46.0, 98.0), (68.0, 160.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "duck",
    "gated-room",
    "loud",
    "tape",
    "duck+loud",
    "tape+duck",
    "loud+mp3",
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
