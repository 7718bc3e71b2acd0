"""The necropolis split's own material: read once, only for the final numbers, never to choose a method.

Written for the twenty-first pass of method work by someone other than whoever tunes, once every
other split (hypogeum too) had been read. Its material is in none of the others: songs coloured as
soul, city-pop and ballad records of the eighties colour them (V as a dominant ninth with its fourth
suspended, or as a seventh over its leading tone in the bass; a minor six-nine on ii, vi with an
added eleventh; in minor, V with a flat thirteenth, minor's own third, VI as a major ninth with a
sharp eleventh, iv as a minor ninth, the tonic with an added eleventh) that still leave their key
plain to a musician, modal vamps (a dorian tonic as a minor six-nine, a lydian one as a major ninth
with a sharp eleventh) and ambiguous loops new by root motion, a seven-beat bar of dotted quarters,
drum patterns and a tempo range, and timbres no other split has: its instruments are no recordings,
no soundfont, no physical model, no analog patch, no formant or additive voice and no
phase-distortion patch but operator FM patches computed in numpy, as a Yamaha DX7 makes them (an
electric piano with its tine, a clavinet-like pair, an organ, brass, a round bass and a harder one,
a hollow lead with a vibrato, a marimba, a bell, a string ensemble, a pad; fm_render), its drums a
resynthesised kit of Hydrogen's (VariBreaks, Sineshine, GPL; Debian's hydrogen-drumkits, `make apt`)
that no other split plays. Its clips then go through a record's production (production.produce: a
bus equaliser's tilt, a bus compressor's glue, beside rooms and lossy encodes), or none. It sits in
its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.fm_render import FM
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

SPLIT = "necropolis"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and III in minor) and are home on I (i), coloured as
    # eighties soul and ballad records colour them: V as a dominant ninth with its fourth suspended
    # or as a seventh over its leading tone, ii as a minor six-nine, vi with an added eleventh, IV as
    # a major seventh, I over its third passing; in minor, V with a flat thirteenth (its leading tone
    # names the tonic, its thirteenth is minor's own third), VI as a major ninth with a sharp
    # eleventh, iv as a minor ninth, III with an added ninth, the tonic with an added eleventh.
    "dwelling": (
        written("vi7 ii ii69 IV vi7 IVmaj7 V9sus4 I", "major", "9m7 2m 2m69 5 9m7 5M7 7d9s4 0", own=SPLIT),
        written(
            "ii7 ii69 vi IV I/3 IV V6/5 I",
            "major",
            "2m7 2m69 9m 5 0 5 7d7 0",
            own=SPLIT,
            bass="- - - - 4 - 11 -",
        ),
        written(
            "IV ii69 IVmaj7 viadd11 vi7 ii7 V9sus4 I", "major", "5 2m69 5M7 9ma11 9m7 2m7 7d9s4 0", own=SPLIT
        ),
        written("viadd11 IV ii7 vi7 IVmaj7 IV V9sus4 I", "major", "9ma11 5 2m7 9m7 5M7 5 7d9s4 0", own=SPLIT),
        written(
            "ii69 vi7 IV viadd11 ii7 ii V6/5 I",
            "major",
            "2m69 9m7 5 9ma11 2m7 2m 7d7 0",
            own=SPLIT,
            bass="- - - - - - 11 -",
        ),
        written("IVmaj7 IV ii7 vi vi7 iii7 V9sus4 I", "major", "5M7 5 2m7 9m 9m7 4m7 7d9s4 0", own=SPLIT),
        written(
            "vi7 viadd11 IV ii69 ii7 vi7 V9sus4 Iadd9",
            "major",
            "9m7 9ma11 5 2m69 2m7 9m7 7d9s4 0a9",
            own=SPLIT,
        ),
        written(
            "ii7 IV vi7 I/3 ii69 IVmaj7 V6/5 I",
            "major",
            "2m7 5 9m7 0 2m69 5M7 7d7 0",
            own=SPLIT,
            bass="- - - 4 - - 11 -",
        ),
        written(
            "iv9 VImaj9#11 III iv7 VI VImaj9#11 V7b13 i",
            "minor",
            "5m9 8M9s11 3 5m7 8 8M9s11 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "VI IIIadd9 III iv9 VImaj9#11 iv7 V7b13 iadd11",
            "minor",
            "8 3a9 3 5m9 8M9s11 5m7 7d7b13 0ma11",
            own=SPLIT,
        ),
        written("IIIadd9 iv7 VI III iv9 iv V7b13 i", "minor", "3a9 5m7 8 3 5m9 5m 7d7b13 0m", own=SPLIT),
        written(
            "iv iv9 IIIadd9 VImaj9#11 iv7 VI V7b13 i",
            "minor",
            "5m 5m9 3a9 8M9s11 5m7 8 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "VImaj9#11 iv7 iv9 III IIIadd9 VI V7b13 iadd11",
            "minor",
            "8M9s11 5m7 5m9 3 3a9 8 7d7b13 0ma11",
            own=SPLIT,
        ),
        written(
            "III IIIadd9 VI iv9 VImaj9#11 III V7b13 i",
            "minor",
            "3 3a9 8 5m9 8M9s11 3 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "iv7 VI VImaj9#11 IIIadd9 iv9 III V7b13 i",
            "minor",
            "5m7 8 8M9s11 3a9 5m9 3 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "VImaj9#11 iv9 VII IIIadd9 iv7 VI V7b13 i",
            "minor",
            "8M9s11 5m9 10 3a9 5m7 8 7d7b13 0m",
            own=SPLIT,
        ),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all in
    # the mode: dorian's tonic as a minor six-nine, ii7, bIIImaj7, IV7, v7 and bVII with an added
    # ninth; mixolydian's I and I9sus4, v7, ii7, vi, IV and IVmaj7, bVII with an added ninth;
    # lydian's I and Imaj9#11, II and II7, iii7, vi7, vii and Vmaj7; phrygian's i and i with an added
    # eleventh, bIImaj7, bIII, iv9, bVImaj7 and bvii7; aeolian's i and i with an added eleventh, iv9,
    # v7, bIII and bVII with an added ninth, bVImaj9#11.
    "modal": (
        written(
            "dorian i69 i69 bIIImaj7 i69 IV7 i69 bVIIadd9 i69",
            "minor",
            "0m69 0m69 3M7 0m69 5d7 0m69 10a9 0m69",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "dorian i69 ii7 i69 i69 v7 i69 IV i69",
            "minor",
            "0m69 2m7 0m69 0m69 7m7 0m69 5 0m69",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I9sus4 I bVIIadd9 I9sus4 I vi IV I",
            "major",
            "0d9s4 0 10a9 0d9s4 0 9m 5 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I I9sus4 v7 I IVmaj7 I bVIIadd9 ii7",
            "major",
            "0 0d9s4 7m7 0 5M7 0 10a9 2m7",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian Imaj9#11 II Imaj9#11 Imaj9#11 vii Imaj9#11 II7 Imaj9#11",
            "major",
            "0M9s11 2 0M9s11 0M9s11 11m 0M9s11 2d7 0M9s11",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I II iii7 I Vmaj7 I vi7 Imaj9#11",
            "major",
            "0 2 4m7 0 7M7 0 9m7 0M9s11",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian iadd11 bIImaj7 iadd11 iadd11 bIII iadd11 bIImaj7 iadd11",
            "minor",
            "0ma11 1M7 0ma11 0ma11 3 0ma11 1M7 0ma11",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i iv9 i bVImaj7 i bIImaj7 i bvii7",
            "minor",
            "0m 5m9 0m 8M7 0m 1M7 0m 10m7",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "aeolian iadd11 bVImaj9#11 iadd11 iadd11 bVIIadd9 iadd11 iv9 iadd11",
            "minor",
            "0ma11 8M9s11 0ma11 0ma11 10a9 0ma11 5m9 0ma11",
            own=SPLIT,
        ),
        written(
            "aeolian i i bIIIadd9 iv9 i v7 i bVImaj9#11",
            "minor",
            "0m 0m 3a9 5m9 0m 7m7 0m 8M9s11",
            own=SPLIT,
        ),
    ),
    # Loops that sit on the relative key (vi in major, III in minor), on ii or on IV (iv), and name
    # their tonic only in their last two bars, by V with its fourth suspended or over its leading
    # tone resolving (in minor, V with a flat thirteenth).
    "ambiguous": (
        written(
            "vi7 ii7 viadd11 ii69 IV vi7 V9sus4 I", "major", "9m7 2m7 9ma11 2m69 5 9m7 7d9s4 0", own=SPLIT
        ),
        written(
            "IVmaj7 vi7 ii7 ii69 IV viadd11 V9sus4 I",
            "major",
            "5M7 9m7 2m7 2m69 5 9ma11 7d9s4 0",
            own=SPLIT,
        ),
        written(
            "ii7 ii69 IVmaj7 vi7 ii vi V6/5 I",
            "major",
            "2m7 2m69 5M7 9m7 2m 9m 7d7 0",
            own=SPLIT,
            bass="- - - - - - 11 -",
        ),
        written("viadd11 IV vi7 ii7 IVmaj7 IV V9sus4 I", "major", "9ma11 5 9m7 2m7 5M7 5 7d9s4 0", own=SPLIT),
        written(
            "IIIadd9 VI III iv7 IIIadd9 VImaj9#11 V7b13 i",
            "minor",
            "3a9 8 3 5m7 3a9 8M9s11 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "VImaj9#11 iv7 VI III iv9 IIIadd9 V7b13 i",
            "minor",
            "8M9s11 5m7 8 3 5m9 3a9 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "iv9 III IIIadd9 VI iv7 VImaj9#11 V7b13 i",
            "minor",
            "5m9 3 3a9 8 5m7 8M9s11 7d7b13 0m",
            own=SPLIT,
        ),
        written(
            "III VImaj9#11 iv7 iv9 IIIadd9 VI V7b13 i",
            "minor",
            "3 8M9s11 5m7 5m9 3a9 8 7d7b13 0m",
            own=SPLIT,
        ),
    ),
}
# The split's own meter: seven dotted-quarter beats a bar, each of three eighths (21/8), beside
# vault's and crypt's seven quarters in eighths and hypogeum's in sixteenths, and cellar's,
# ossuary's and charnel's five, six and eight beats of three eighths; its tempo counts dotted quarters.
METER = "21/8"
METER_LAYOUT = (7, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# Operator FM patches (fm_render.FM): midi_render renders an FM set through fm_render. Each was
# checked by rendering to sound the pitch it is given over the range each role plays (each copy
# within a cent of its own detuning, the copies symmetric around the note; a vibrato sways
# symmetrically around it), with its fundamental the strongest partial where a modulator is
# inharmonic (the bell's), nothing but its partials above -60 dB up to the top of the keyboard (no
# alias), and to render the same audio on every run. It has no guitar, voice or reed, so the split
# draws only the programs below, not the ones every other split shares
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = FM.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (4, 7, 16, 61),  # an electric piano, a clavinet-like pair, an organ, brass
    "bass": (33, 38),  # a round bass, a harder one
    "lead": (80, 12, 14),  # a hollow lead with a vibrato, a marimba, a bell
}
# What its held tones and free-time chords play: the patches that hold (the free-time chords' bass,
# program 48, is the string ensemble).
SUSTAINED_PROGRAMS = (48, 89, 16)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LONG_KICK, ELECTRIC_SNARE, LOW_TOM, MID_TOM, HIGH_TOM, RIDE_BELL, LOW_CONGA = 35, 40, 41, 45, 50, 53, 64
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a seven-beat
# bar the fifth, sixth and seventh beats play the first three's. Each keeps the kick on 1 and a
# backbeat on 2 and 4, so the pulse a drummer counts is the beat the clip is labelled with, across
# the tempo range its drums alone are drawn from (66 to 178).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A ballad's: the kick on 1 and 3, the other snare on the backbeat, eighth hats, the mid and low
    # toms on the bar's last two sixteenths.
    "tom-fill-ballad": (
        (0, KICK),
        (8, KICK),
        (4, ELECTRIC_SNARE),
        (12, ELECTRIC_SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
        (14, MID_TOM),
        (15, LOW_TOM),
    ),
    # A pedalled hat on every beat, closed hats on the "and"s opened on 4's, the kick on 1, the "a"
    # of 2 and 3.
    "pedal-hat-pop": (
        (0, KICK),
        (7, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
        *((k, CLOSED_HAT) for k in (2, 6, 10)),
        (14, OPEN_HAT),
    ),
    # A side stick on the backbeat, the long kick on 1 and the "and" of 3, the ride's bell on eighths.
    "sidestick-ballad": (
        (0, LONG_KICK),
        (10, LONG_KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, RIDE_BELL) for k in range(0, 16, 2)),
    ),
    # A clap doubling the snare on 4, a conga answering on the "and" of 2 and the "e" of 3, the kick
    # on 1, the "a" of 1 and 3, hats on the "and"s.
    "conga-answer": (
        (0, KICK),
        (3, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (12, CLAP),
        *((k, CLOSED_HAT) for k in range(2, 16, 4)),
        (6, LOW_CONGA),
        (9, LOW_CONGA),
    ),
    # City pop: the kick on 1, the "and" of 2, 3 and its "e", the high tom on 4's "a", sixteenth hats
    # on the first two beats and eighths after.
    "city-pop-kick": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (9, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14)),
        (15, HIGH_TOM),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): compound songs
# from 44 (a listener still counts the dotted quarter) to 96.
TEMPO_RANGES = ((57.0, 170.0), (44.0, 96.0), (66.0, 178.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "tilt",
    "glue",
    "tilt+glue",
    "glue+aac",
    "tilt+mp3",
    "glue+small-room",
    "tilt+glue+opus",
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
