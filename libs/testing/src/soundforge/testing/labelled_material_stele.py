"""The stele split's own material: read once, only for the final numbers, never to choose a method.

Written for the thirty-seventh pass of method work by someone other than whoever tunes, while every
earlier split was a development split. Its material is in none of the others: songs that sit on vi,
ii and IV (iv, VI and ii° in minor) as a congregation's organist harmonises them (iii passing to IV,
a tonic in first inversion over its third, a minor plagal swing through the diminished ii) and come
home on I (i); modal vamps (lydian on I, II, V and vii, aeolian on i, bVI, bIII, iv and bVII,
mixolydian on I, IV, ii, bVII and vi, phrygian on i, bIII, bII and iv) and ambiguous loops new by
root motion; a bar of fifteen beats, drum patterns of a theatre organ's traps (a foxtrot on the brush
cymbal, a march on the toy counter, a tango's castanets, a processional under the Zimbelstern, a
sleigh ride's bells) and a tempo range, and timbres no other split has: its instruments are no
recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant voice, no phase-
distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free reed,
no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no linear-
arithmetic tone, no bore, no tape frame, no bowed or fretted string, but a pipe organ's ranks
computed in numpy (pipe_render: principals, flutes open and stopped, strings and a celeste, reeds
under their resonators, mixtures and a cornet, chiffing and speaking at their own pace, a swell box
and tremulants), its drums a theatre organ's traps struck by pneumatic motors, computed the same
way. Its clips then go through a record's production (production.produce: a low-bitrate stream's
spectral band replication, a church's column loudspeaker heard off its axis, beside a hall, a plate,
a small room and lossy encodes), or none. It sits in its own module so that whoever tunes does not
read it in passing; labelled_material merges it in. Whoever tunes the methods should not open this
file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    AEOLIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PHRYGIAN,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.pipe_render import ORGAN

SPLIT = "stele"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (iv, VI and ii° in minor) and are home on I (i): iii passing to
    # IV, I over its third, a minor plagal swing through ii°.
    "dwelling": (
        written("vi iii IV ii vi IV V7 I", "major", "9m 4m 5 2m 9m 5 7d7 0", own=SPLIT),
        written("vi ii vi IV I6 ii7 V I", "major", "9m 2m 9m 5 0 2m7 7 0", own=SPLIT, bass="- - - - 4 - - -"),
        written("iv VI ii° iv VI iv V i", "minor", "5m 8 2o 5m 8 5m 7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: lydian's II and vii, aeolian's bVI and bIII, mixolydian's ii and
    # vi, phrygian's bII with its major seventh.
    "modal": (
        written("lydian I-II-I-V-I-vii-I-II", "major", "0 2 0 7 0 11m 0 2", LYDIAN, own=SPLIT),
        written("aeolian i-bVI-i-bIII-i-iv-i-bVII", "minor", "0m 8 0m 3 0m 5m 0m 10", AEOLIAN, own=SPLIT),
        written("mixolydian I-IV-I-ii-I-bVII-I-vi", "major", "0 5 0 2m 0 10 0 9m", MIXOLYDIAN, own=SPLIT),
        written("phrygian i-bIII-i-bIIM7-i-iv-i-bVI", "minor", "0m 3 0m 1M7 0m 5m 0m 8", PHRYGIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: I touched twice between iii, vi and ii; a minor loop whose
    # III and VII could be a relative major's.
    "ambiguous": (
        written("I iii vi ii IV I ii V", "major", "0 4m 9m 2m 5 0 2m 7", own=SPLIT),
        written("i III iv VI i v iv VII", "minor", "0m 3 5m 8 0m 7m 5m 10", own=SPLIT),
    ),
}
# The split's own meter: fifteen beats a bar, each of two eighths; its tempo counts the beat.
METER = "15/4"
METER_LAYOUT = (15, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "3/4", "6/8", "12/8", METER, METER)
# A pipe organ's ranks (pipe_render.ORGAN): midi_render renders a pipe set through pipe_render. Each
# was checked by rendering to sound its note's fundamental (bent) within a cent held still and within
# 10 cents with its tremulant and celeste, its ranks on the harmonics their footages say, to stay
# within its level, to hold while its key is down, and to render the same audio on every run. It has
# no piano, guitar or voice and no program every other split shares beside its own, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = ORGAN.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (19, 20, 21, 17),  # the great's plenum, the positive, the swell's reeds, the theatre organ
    "bass": (32, 57, 34),  # the pedal's subbass, its trombone, its flute
    "lead": (56, 68, 71, 73, 74),  # a trumpet en chamade, an oboe, a cromorne, a flute, a cornet
}
# What its held tones and free-time chords play: the string celeste and the choir flutes, each held
# as long as the key is down (the free-time chords' bass, program 48, is the celeste).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the traps have beyond labelled_notation's: the brush cymbal (on the closed
# hat's note), the crash, the Zimbelstern, the Chinese block, the wood block, the tom-tom, the
# triangle, the sleigh bells shaken once and long, the castanets.
BRUSH, CRASH, ZIMBELSTERN, BLOCK, WOOD_BLOCK, TOM = 42, 49, 53, 76, 77, 45
TRIANGLE, BELLS_ONCE, SLEIGH_BELLS, CASTANETS = 81, 44, 83, 85
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A theatre foxtrot: the brush cymbal on every eighth, the Chinese block on the "and" of 4.
    "theatre-foxtrot": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, BRUSH) for k in range(0, 16, 2)),
        (14, BLOCK),
    ),
    # The toy counter's march: the bass drum on every beat, the crash on 1, the wood block between.
    "toy-counter-march": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        (0, CRASH),
        *((k, WOOD_BLOCK) for k in (2, 6, 10, 14)),
    ),
    # A tango on the traps: the bass drum also on the "a" of 2, castanets on its rhythm.
    "traps-tango": (
        (0, KICK),
        (7, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CASTANETS) for k in (0, 3, 6, 8, 11, 12)),
    ),
    # A processional: the tom-tom beside the snare, the Zimbelstern on 1, the triangle on 3.
    "zimbelstern-processional": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (4, TOM),
        (12, TOM),
        (0, ZIMBELSTERN),
        (8, TRIANGLE),
    ),
    # A sleigh ride: the bells shaken long on the beats and once on each beat's last sixteenth, the
    # tambourine on 2 and 4.
    "sleigh-ride": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SLEIGH_BELLS) for k in (0, 4, 8, 12)),
        *((k, BELLS_ONCE) for k in (3, 7, 11, 15)),
        (4, TAMBOURINE),
        (12, TAMBOURINE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((64.0, 144.0), (44.0, 96.0), (80.0, 156.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "sbr",
    "column",
    "hall+column",
    "column+sbr",
    "plate+sbr",
    "small-room+column+aac",
    "sbr+mp3",
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
