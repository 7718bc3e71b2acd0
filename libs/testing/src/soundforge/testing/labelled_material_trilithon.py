"""The trilithon split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-sixth pass of method work by someone other than whoever tunes, while menhir
and obelisk were still unread. Its material is in none of the others: songs that sit on vi, ii and
IV (iv, VI and ii° in minor) as a string band voices them (open chords with added seconds and
suspensions, a secondary dominant into vi, a bass walking down from vi to IV, ii over the tonic's
bass) and come home on I (i); modal vamps (mixolydian on I, bVII, IV, v and ii, dorian on i, ii, IV
and bVII, phrygian on i, bII, bVI and bIII, lydian on I, II, vii and V, aeolian on i, bVII, bVI and
iv) and ambiguous loops new by root motion; a bar of twelve beats of three eighths, drum patterns of
a string band's box and hand percussion (a cajón's rumba, palmas, a stomp box's shuffle, spoons, a
golpe under foot jingles) and a tempo range, and timbres no other split has: its instruments are no
recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant voice, no phase-
distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free reed,
no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no linear-
arithmetic tone, no bore, no tape frame, no bowed string, but a fretted-string band's physics
computed in numpy (fret_render: each string's free modes set going by a pick, a nail or a finger and
coupled to its body through the bridge; guitars strummed, palm-muted, comped and in rasgueado,
mandolins and guitars in tremolo, basses, a nylon guitar's melody, a banjo and a resonator guitar),
its drums a cajón, a stomp box, palmas, frame drums, shakers, spoons and jingles computed the same
way. Its clips then go through a record's production (production.produce: a hearing aid, a phone's
speaker in a glass, beside a hall, a plate, a small room and lossy encodes), or none. It sits in its
own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.fret_render import STRING_BAND
from soundforge.testing.labelled_notation import (
    AEOLIAN,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PEDAL_HAT,
    PHRYGIAN,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "trilithon"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and ii° in minor) and are home on I (i): open chords
    # with added seconds and suspensions, V of vi (a dominant seventh on iii's root) into vi, a bass
    # walking down from vi to IV, ii over the tonic's bass.
    "dwelling": (
        written(
            "ii vi ii IV vi IV vi V7 I",
            "major",
            "2m7 9m 2s2 5a9 9m7 5 9m 7d7 0",
            own=SPLIT,
        ),
        written(
            "vi ii IV IV vi ii ii V I I",
            "major",
            "9m 2m7 5 5M7 9ma9 2m 2m7 7s4 0 0a9",
            own=SPLIT,
        ),
        written(
            "IV ii vi vi IV ii IV vi V7 I",
            "major",
            "5a9 2m 9m 9m7 5 2m7 5M7 9m 7d7 0",
            own=SPLIT,
            bass="- - - 7 - - - - - -",
        ),
        written(
            "vi vi IV ii ii vi IV V/vi vi ii V I",
            "major",
            "9m 9m7 5 2m 2m7 9m 5a9 4d7 9m 2m7 7 0",
            own=SPLIT,
        ),
        written(
            "IV vi ii IV vi ii vi IV V I",
            "major",
            "5 9m 2m7 5M7 9m7 2s2 9m 5a9 7d7 0",
            own=SPLIT,
        ),
        written(
            "vi IV vi ii vi IV ii ii V7 I",
            "major",
            "9m7 5 9m 2m 9ma9 5M7 2m7 2m 7d7s4 0",
            own=SPLIT,
            bass="- - - - - - - 0 - -",
        ),
        written(
            "ii IV vi ii IV vi vi IV V I",
            "major",
            "2m 5a9 9m 2m7 5 9m7 9m 5M7 7 0a9",
            own=SPLIT,
        ),
        written(
            "iv VI iv ii° VI iv VII V7 i",
            "minor",
            "5m 8 5m7 2o 8M7 5m 10 7d7 0m",
            own=SPLIT,
        ),
        written(
            "VI iv VI ii° iv iv V7 i i",
            "minor",
            "8 5m 8M7 2h7 5m7 5m 7d7b9 0m 0ma9",
            own=SPLIT,
        ),
        written(
            "iv iv VI VII VI iv ii° V7 i",
            "minor",
            "5m 5m7 8 10 8M7 5m 2o 7d7 0m",
            own=SPLIT,
        ),
    ),
    "modal": (
        written(
            "mixolydian I-bVII-IV-v-ii vamp", "major", "0 10 0d7 5 0 7m 0 2m 0 10", MIXOLYDIAN, own=SPLIT
        ),
        written("dorian i-ii-IV-bVII vamp", "minor", "0m 2m 0m7 5 0m 10 0m9 5", DORIAN, own=SPLIT),
        written("phrygian i-bII-bVI-bIII vamp", "minor", "0m 1 0m 8 0m 1M7 0m7 3", PHRYGIAN, own=SPLIT),
        written("lydian I-II-vii-V vamp", "major", "0 2 0M7 11m 0 7 0a9 2", LYDIAN, own=SPLIT),
        written("aeolian i-bVII-bVI-iv vamp", "minor", "0m 10 0m 8 0m7 5m 0m 10", AEOLIAN, own=SPLIT),
    ),
    # Loops that a listener may hear in the relative key as much as in their own.
    "ambiguous": (
        written("vi I V IV vi I IV V", "major", "9m 0 7 5 9m 0 5 7", own=SPLIT),
        written("i VII VI VII i III VII VI", "minor", "0m 10 8 10 0m 3 10 8", own=SPLIT),
        written("IV vi I V vi IV I V", "major", "5 9m 0 7 9m7 5 0 7", own=SPLIT),
        written("III VII i VI III iv i VII", "minor", "3 10 0m 8 3 5m 0m 10", own=SPLIT),
    ),
}
# The split's own meter: twelve beats a bar, each of three eighths; its tempo counts the beat.
METER = "36/8"
METER_LAYOUT = (12, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "3/4", "6/8", "12/8", METER, METER)
# A fretted-string band's physics (fret_render.STRING_BAND): midi_render renders a fret set through
# fret_render. Each was checked by rendering to sound its note's fundamental (bent) within a cent
# with one player held still and within 10 cents with its players and vibrato, its modes on the
# stretch its stiffness says, its players symmetric about it, to stay within its level, to hold
# while repicked where it holds a tone, and to render the same audio on every run. It has no piano
# and no program every other split shares beside its own, so the split draws only the programs
# below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = STRING_BAND.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (25, 28, 26, 27),  # a steel-string strummed, palm-muted, an archtop comping, rasgueado
    "bass": (32, 33, 34),  # an acoustic bass guitar, a guitarrón, a bass balalaika
    "lead": (24, 105, 29),  # a nylon guitar, a banjo, a resonator guitar
}
# What its held tones and free-time chords play: the mandolins' and the guitar quartet's tremolo,
# each held as long as the note is (the free-time chords' bass, program 48, is the mandolins).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the stomp box (on the second kick's
# note), the cajón's slap nearer its middle, the golpe, palmas (on the clap's note), an egg shaker,
# spoons and a bell tree.
STOMP, MIDDLE_SLAP, GOLPE, PALMAS, SHAKER, SPOONS, SPOON_ROLL, BELL_TREE = 35, 40, 37, 39, 42, 51, 53, 83
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out); in a twelve-beat
# bar beats five to twelve play the first four's twice. Each keeps the cajón's bass on 1 and 3 and
# its slap on 2 and 4, so the pulse a player counts is the beat the clip is labelled with, across
# the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A cajón's rumba: slaps nearer the middle on the "and"s of 2 and 4, the shaker on the "e"s.
    "cajon-rumba": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, MIDDLE_SLAP),
        (14, MIDDLE_SLAP),
        *((k, SHAKER) for k in (1, 5, 9, 13)),
    ),
    # Palmas on every "and" and on 4, under the cajón.
    "palmas-compas": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, PALMAS) for k in (2, 6, 10, 12, 14)),
    ),
    # A heel on the stomp box before 1 and 3, a tambourine on 2 and 4, the shaker through the bar.
    "stomp-box-shuffle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (15, STOMP),
        (7, STOMP),
        (4, TAMBOURINE),
        (12, TAMBOURINE),
        *((k, SHAKER) for k in range(0, 16, 2)),
    ),
    # Spoons clacking every sixteenth a beat keeps (each beat's first three), rolled on 1 and 3.
    "spoons-reel": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SPOONS) for k in range(16) if k % 4 != 3),
        (0, SPOON_ROLL),
        (8, SPOON_ROLL),
    ),
    # A golpe on the guitar's top with the slap on 2 and 4, foot jingles on the beats, the bell
    # tree swept on 1.
    "golpe-jingles": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, GOLPE),
        (12, GOLPE),
        *((k, PEDAL_HAT) for k in (0, 4, 8, 12)),
        (0, BELL_TREE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((72.0, 160.0), (50.0, 102.0), (88.0, 170.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "hearing-aid",
    "glass",
    "hall+hearing-aid",
    "glass+mp3",
    "plate+glass",
    "hearing-aid+aac",
    "small-room+glass+opus",
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
