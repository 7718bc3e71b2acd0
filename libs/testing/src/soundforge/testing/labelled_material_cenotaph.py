"""The cenotaph split's own material: read once, only for the final numbers, never to choose a method.

Written for the eighteenth pass of method work by someone other than whoever tunes, once every other
split (reliquary too) had been read. Its material is in none of the others: songs voiced as
synthesizer records voice them (minor and major ninths, a dominant seventh whose fourth is held over
from the chord before it) that still leave their key plain to a musician, modal vamps and
ambiguous loops new by root motion, a two-beat bar that moves in sixteenths, drum patterns and a
tempo range, and timbres no other split has: its instruments are no recordings, no soundfont, no
physical model and no synthesizer's program but virtual analog patches computed in numpy (a
sawtooth and a pulse, detuned voices and an octave-down square through a resonant low-pass with
envelopes: basses, a polysynth, brass, a pulse-width ensemble, a string machine, a pad, leads;
analog_render), its drums an electronic kit from Hydrogen's (ElectricEmpireKit, ArtemioLabs, GPL;
Debian's hydrogen-drumkits, `make apt`) that no other split plays. Its clips then go through a
record's production (production.produce: a phaser across the mix and an old sampler's low rate and
short words, beside a small room, a limiter and lossy encodes), or none. It sits in its own module
so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the
methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.analog_render import ANALOG
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
    RIMSHOT,
    SNARE,
    Progression,
    written,
)

SPLIT = "cenotaph"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), voiced as
    # synthesizer records voice them: minor and major ninths, a V7sus4 that resolves to I or to V7
    # first; in minor, a V7 with its leading tone names the tonic.
    "dwelling": (
        written("vi9 vi9 vi IVM7 IVM7 ii7 V7sus4 I", "major", "9m9 9m9 9m 5M7 5M7 2m7 7d7s4 0", own=SPLIT),
        written("vi iii IV IV ii9 ii9 V I", "major", "9m 4m 5 5 2m9 2m9 7 0", own=SPLIT),
        written("IVM9 vi ii vi IVM9 V I I", "major", "5M9 9m 2m 9m 5M9 7 0 0", own=SPLIT),
        written("IV ii IV ii vi9 vi9 V7 IM9", "major", "5 2m 5 2m 9m9 9m9 7d7 0M9", own=SPLIT),
        written(
            "IVM7 IVM7 vi9 vi9 ii9 ii9 V7sus4 V7 I I",
            "major",
            "5M7 5M7 9m9 9m9 2m9 2m9 7d7s4 7d7 0 0",
            own=SPLIT,
        ),
        written(
            "ii7 ii7 IVM9 IVM9 vi7 vi7 iii7 V7sus4 IM7 I",
            "major",
            "2m7 2m7 5M9 5M9 9m7 9m7 4m7 7d7s4 0M7 0",
            own=SPLIT,
        ),
        written("IVM7 vi7 IVM7 iii7 ii9 V7 I I", "major", "5M7 9m7 5M7 4m7 2m9 7d7 0 0", own=SPLIT),
        written("vi9 vi ii7 ii7 IVM9 iii7 V7sus4 I", "major", "9m9 9m 2m7 2m7 5M9 4m7 7d7s4 0", own=SPLIT),
        written("iv9 iv9 VIM9 VIM9 IIIM7 IIIM7 V7 i", "minor", "5m9 5m9 8M9 8M9 3M7 3M7 7d7 0m", own=SPLIT),
        written("VIM7 iv7 VIM7 iv7 VII III V7 i", "minor", "8M7 5m7 8M7 5m7 10 3 7d7 0m", own=SPLIT),
        written("iv9 IIIM7 VIM9 VII iv9 IIIM7 V7 i", "minor", "5m9 3M7 8M9 10 5m9 3M7 7d7 0m", own=SPLIT),
        written("VIM9 III iv7 VII VIM9 III V7 i", "minor", "8M9 3 5m7 10 8M9 3 7d7 0m", own=SPLIT),
        written("IIIM7 iv9 VIM7 iv9 IIIM7 VII V7 i", "minor", "3M7 5m9 8M7 5m9 3M7 10 7d7 0m", own=SPLIT),
        written("VIM7 iv7 III III VIM7 iv7 V7 i", "minor", "8M7 5m7 3 3 8M7 5m7 7d7 0m", own=SPLIT),
        written("iv7 VII VIM9 IIIM7 iv7 V7 i i", "minor", "5m7 10 8M9 3M7 5m7 7d7 0m 0m", own=SPLIT),
        written("IIIM9 IIIM9 VI iv9 iv9 VII V7 i", "minor", "3M9 3M9 8 5m9 5m9 10 7d7 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's i9, IV7, bVII and ii, its v7 and bVIIM7; mixolydian's v7, bVII and IV, its
    # vi7 and Isus4; lydian's IM9, II and vi, its iii7 and vii; phrygian's bIII, bIIM7 and iv7, its
    # bVIM7 and bvii; aeolian's i9, bVIM7, bVII and iv9, its bIIIM7 and v7.
    "modal": (
        written(
            "dorian i9 i9 IV7 i9 i9 bVII i9 ii7",
            "minor",
            "0m9 0m9 5d7 0m9 0m9 10 0m9 2m7",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i7 ii i7 IV i7 bVIIM7 i7 v7",
            "minor",
            "0m7 2m 0m7 5 0m7 10M7 0m7 7m7",
            DORIAN,
            own=SPLIT,
        ),
        written("mixolydian I I v7 I I bVII IV I", "major", "0 0 7m7 0 0 10 5 0", MIXOLYDIAN, own=SPLIT),
        written(
            "mixolydian I IV I vi7 I bVII Isus4 I",
            "major",
            "0 5 0 9m7 0 10 0s4 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian IM9 IM9 II IM9 IM9 vi V IM9", "major", "0M9 0M9 2 0M9 0M9 9m 7 0M9", LYDIAN, own=SPLIT
        ),
        written(
            "lydian IM7 iii7 IM7 vii IM7 II I I", "major", "0M7 4m7 0M7 11m 0M7 2 0 0", LYDIAN, own=SPLIT
        ),
        written(
            "phrygian i i bIII i bIIM7 i iv7 i", "minor", "0m 0m 3 0m 1M7 0m 5m7 0m", PHRYGIAN, own=SPLIT
        ),
        written(
            "phrygian i7 bVIM7 i7 bII i7 bvii i i",
            "minor",
            "0m7 8M7 0m7 1 0m7 10m 0m 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i9 i9 bVIM7 i9 bVII i9 iv9 i9", "minor", "0m9 0m9 8M7 0m9 10 0m9 5m9 0m9", own=SPLIT
        ),
        written("aeolian i bIIIM7 i v7 i bVI i i", "minor", "0m 3M7 0m 7m7 0m 8 0m 0m", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by a dominant seventh resolving.
    "ambiguous": (
        written("vi7 iii7 vi7 iii7 IVM7 IVM7 V7 I", "major", "9m7 4m7 9m7 4m7 5M7 5M7 7d7 0", own=SPLIT),
        written("IVM9 IVM9 vi IVM9 IVM9 ii7 V7 I", "major", "5M9 5M9 9m 5M9 5M9 2m7 7d7 0", own=SPLIT),
        written("ii9 ii9 vi7 vi7 ii9 ii9 V7 I", "major", "2m9 2m9 9m7 9m7 2m9 2m9 7d7 0", own=SPLIT),
        written("vi9 vi9 ii7 vi9 vi9 IVM7 V7 I", "major", "9m9 9m9 2m7 9m9 9m9 5M7 7d7 0", own=SPLIT),
        written("IIIM9 IIIM9 VII IIIM9 IIIM9 VIM7 V7 i", "minor", "3M9 3M9 10 3M9 3M9 8M7 7d7 0m", own=SPLIT),
        written("VIM7 III VIM7 III VII VII V7 i", "minor", "8M7 3 8M7 3 10 10 7d7 0m", own=SPLIT),
        written("iv9 iv9 IIIM7 IIIM7 iv9 iv9 V7 i", "minor", "5m9 5m9 3M7 3M7 5m9 5m9 7d7 0m", own=SPLIT),
        written("VII IIIM7 VII IIIM7 VIM9 VIM9 V7 i", "minor", "10 3M7 10 3M7 8M9 8M9 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: two quarter-note beats a bar, each of four sixteenths (a two-beat bar
# sequenced in sixteenths, as synthesizer records are), beside tomb's 2/4 in eighths and
# undercroft's and reliquary's four and three beats of sixteenths; its tempo counts quarters.
METER = "8/16"
METER_LAYOUT = (2, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Virtual analog patches (analog_render.ANALOG): midi_render renders a patch set through
# analog_render. Each was checked by rendering to sound the pitch it is given over the range each role
# plays (each voice within 0.4 cent, the limit of the measure; its detuned voices, symmetric around
# it, centred within 0.1 cent over a 12 s note), with its pitch class the strongest of the chroma
# by 4 times or more, and to render the same audio on every run. It has no piano, organ, guitar,
# choir or acoustic instrument, so the split draws only the programs below, not the ones every other
# split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ANALOG.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (90, 62, 50, 89),  # a polysynth, synth brass, a pulse-width ensemble, a warm pad
    "bass": (38, 39),  # a sawtooth bass with its sub, a pulse bass
    "lead": (81, 80, 82),  # detuned sawtooths, a square, a soft pulse
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the string machine).
SUSTAINED_PROGRAMS = (48, 50, 89)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
ELECTRIC_SNARE, MUTE_HIGH_CONGA, LOW_CONGA = 40, 62, 64
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds; in a two-beat bar its first
# half plays. Each keeps the kick on 1 and a backbeat on 2 and 4 (in a two-beat bar, on 2), so the
# pulse a drummer counts is the beat the clip is labelled with, across the tempo range its drums
# alone are drawn from (76 to 172).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # An electro break: the kick on 1, the "a" of 1, the "and" of 2 and the "and" of 3, a clap on the
    # backbeat, eighth hats, clicks closing the bar.
    "electro-break": (
        (0, KICK),
        (3, KICK),
        (6, KICK),
        (10, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
        (14, RIMSHOT),
        (15, RIMSHOT),
    ),
    # A dance-floor pulse: the kick on every beat, a second snare on the backbeat, the open hat on the
    # "ands", the closed one on the "e"s and "a"s between.
    "offbeat-sixteenths": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, ELECTRIC_SNARE),
        (12, ELECTRIC_SNARE),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(1, 16, 2)),
    ),
    # Congas around a clap: the kick on 1, 3 and the "a" of 3, eighth hats, the high conga muted on
    # the "a"s of 1, 2 and 4, the low one on the "and"s of 3 and 4.
    "conga-clap": (
        (0, KICK),
        (8, KICK),
        (11, KICK),
        (4, CLAP),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
        (3, MUTE_HIGH_CONGA),
        (7, MUTE_HIGH_CONGA),
        (15, MUTE_HIGH_CONGA),
        (10, LOW_CONGA),
        (14, LOW_CONGA),
    ),
    # Clicks on the "e"s, the hat on the "and"s, the kick on 1, 3 and the "and" of 4, a second snare
    # on the backbeat.
    "clicked-sixteenths": (
        (0, KICK),
        (8, KICK),
        (14, KICK),
        (4, ELECTRIC_SNARE),
        (12, ELECTRIC_SNARE),
        *((k, RIMSHOT) for k in range(1, 16, 4)),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
    ),
    # A driving kick on 1, its "and", 3 and its "and", the snare on the backbeat, eighth hats and the
    # pedal hat on the backbeat with it.
    "driving-eighths": (
        (0, KICK),
        (2, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 50 (a listener still counts the dotted quarter) to 104.
TEMPO_RANGES = ((60.0, 168.0), (50.0, 104.0), (76.0, 172.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "phaser",
    "crush",
    "phaser+limit",
    "crush+mp3",
    "small-room+phaser",
    "limit+aac",
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
