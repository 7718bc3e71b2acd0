"""The rampart split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-fourth pass of method work by someone other than whoever tunes, while donjon and
citadel had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own and come home on I (i); modal vamps that come back to
their tonic every other bar, each visiting its mode's own chords; ambiguous loops new by root motion;
a bar of a meter of its own, drum patterns of the flutes' own sounds and their players' and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no
STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape
frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an
electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel tongue drum, no
steel guitar, but flutes blown across an edge, computed in numpy (jet_render: a recorder consort's
and a great bass recorder's windways, a flute choir's, its alto flutes' and a contrabass flute's
embouchure holes, siku, cane panpipes stopped at their foot, a shakuhachi's notch, a bansuri's side
hole and a tin whistle's fipple; each a jet of breath swung across an edge by the air column it
drives, a harder breath louder and brighter, the chiff as it speaks, its turbulence hissing through
the pipe's resonances, the players' bends and vibratos), its drums the flutes' own sounds and their
players', none of them held, computed the same way. Its clips then go through a record's production
(production.produce: a song from a transistor radio in a garden shed, rain drumming on its corrugated
iron roof, beside lossy encodes and a limiter), or none. It sits in its own module so that whoever
tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods should
not open this file.
"""

from __future__ import annotations

from soundforge.testing.jet_render import JET_SET
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
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "rampart"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): nine bars of ii
    # and vi trading round IV twice before iii and V; seven bars of vi and ii about IV, V leading home;
    # a minor song of nine bars turning iv and ii° round VI twice, bVII home and i held; a minor song
    # of nine bars from VI to ii° and iv, VI and iv again round ii°, V home and i held.
    "dwelling": (
        written("ii vi IV ii vi IV iii V I", "major", "2m7 9m 5M9 2m9 9m7 5M6 4m7 7d9 0M7", own=SPLIT),
        written("vi ii vi IV ii V I", "major", "9m9 2m7 9m7 5M7 2m11 7d13 0M69", own=SPLIT),
        written("iv ii° VI iv ii° VI bVII i i", "minor", "5m7 2h7 8M7 5m 2o 8M9 10d7 0m9 0m", own=SPLIT),
        written("VI ii° iv VI iv ii° V i i", "minor", "8M9 2h7 5m9 8 5m7 2h7 7d7b9 0m 0m7", own=SPLIT),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # dorian's minor ii, major IV, bIII and minor v in eight bars; mixolydian's minor v, bVII, minor ii
    # and IV, lydian's II, minor iii, minor vii and V, phrygian's bII, minor bvii, minor iv and bIII,
    # each in ten bars, the tonic held the last two.
    "modal": (
        written("dorian i-ii-i-IV-i-bIII-i-v", "minor", "0m7 2m7 0m9 5d7 0m 3M7 0m6 7m7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-v-I-bVII-I-ii-I-IV-I-I",
            "major",
            "0d7 7m7 0 10M7 0d9 2m7 0 5M6 0 0d7",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "lydian I-II-I-iii-I-vii-I-V-I-I",
            "major",
            "0M7 2d7 0M9 4m7 0M7s11 11m7 0 7M7 0M9 0",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i-bII-i-bvii-i-iv-i-bIII-i-i",
            "minor",
            "0m7 1M7 0m 10m7 0m7 5m7 0m 3 0m 0m7",
            PHRYGIAN,
            own=SPLIT,
        ),
    ),
    # Loops whose home is not said at once: iii and vi before IV and I, then ii, V and vi, V again to I,
    # nine bars; a minor loop on the relative major's bVII and bIII, iv and bVI, the minor v and bVII,
    # bIII again to i.
    "ambiguous": (
        written("iii vi IV I ii V vi V I", "major", "4m7 9m7 5M7 0 2m7 7 9m 7d7 0M9", own=SPLIT),
        written("bVII bIII iv bVI v bVII bIII i", "minor", "10 3M7 5m7 8M7 7m7 10d7 3 0m7", own=SPLIT),
    ),
}
# The split's own meter: twenty-two beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "88/16"
METER_LAYOUT = (22, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", "5/4", METER, METER)
# Flutes blown across an edge (jet_render.JET_SET): midi_render renders a jet set through jet_render.
# Each was checked by rendering to sound its note within a cent held still and within ten cents as it
# is, to stay within its level, to hold while its key is down, and to render the same audio on every
# run. It has no piano, guitar, organ, brass, reed or voice of the kinds every other split shares, so
# the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = JET_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (74, 73, 75),  # a recorder consort, a flute choir, siku
    "bass": (32, 33),  # a great bass recorder, a contrabass flute
    "lead": (77, 72, 78),  # a shakuhachi, a bansuri, a tin whistle
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a beatboxer's "b" spat into a flute (the
# second bass drum), a "ts" spat through the embouchure (the second snare), tongue rams at three
# lengths (the toms), two shakuhachi's root ends knocked (the claves) and a recorder's wooden head and
# a bass recorder's body knocked (the wood blocks).
SPAT_B, SPAT_TS, LOW_RAM, MID_RAM, HIGH_RAM, ROOT_ENDS, HIGH_HEAD, LOW_BODY = (
    35, 40, 41, 45, 48, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Tongue rams low on 1's "a", middle on 2's "and", high on 4's "e"; a "ts" on 3's "e".
    "tongue-rams": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, LOW_RAM),
        (6, MID_RAM),
        (13, HIGH_RAM),
        (9, SPAT_TS),
    ),
    # Keys clicked without breath on every "and", a key slapped shut on 2's "a" and 4's "a", the thumb
    # rest clacked on 3's "e".
    "key-clicks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 10, 14)),
        (7, RIMSHOT),
        (15, RIMSHOT),
        (9, PEDAL_HAT),
    ),
    # A "b" spat on 2's "and" and 4's "e", a "shh" on 1's "and", a palm across the siku's tops on 3's
    # "a".
    "spat-consonants": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, SPAT_B),
        (13, SPAT_B),
        (2, OPEN_HAT),
        (11, CLAP),
    ),
    # The siku's bundle shaken on every "e", a ring tapped on the flute's tube on 1's "and" and 3's
    # "and", the head joint knocked on 4's "a".
    "bundle-shakes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (1, 5, 9, 13)),
        (2, RIDE),
        (10, RIDE),
        (15, COWBELL),
    ),
    # Two root ends knocked on 1's "e" and 3's "a", a recorder's head knocked high on 2's "a" and a
    # bass recorder's body low on 4's "and".
    "head-knocks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, ROOT_ENDS),
        (11, ROOT_ENDS),
        (7, HIGH_HEAD),
        (14, LOW_BODY),
    ),
}
# Songs in simple meters, songs in compound (slow: 48-82), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((58.0, 150.0), (48.0, 82.0), (62.0, 144.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "tin-roof",
    "mp3+tin-roof",
    "tin-roof+aac",
    "opus+tin-roof",
    "tin-roof+limit",
    "aac+tin-roof",
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
