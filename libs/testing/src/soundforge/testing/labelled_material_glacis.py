"""The glacis split's own material: read once, only for the final numbers, never to choose a method.

Written for the seventy-second pass of method work by someone other than whoever tunes, after casemate
had been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and ii°
in minor) by ways of their own and come home on I (i); modal vamps that come back to their tonic every
other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar of a meter
of its own, drum patterns of a Senegambian ensemble and a tempo range of its own, and timbres no
other split has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no
analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or
vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered or plucked keyboard
string, no additive resynthesis, no drone string, no linear-arithmetic tone, no band's bore, no tape
frame, no orchestra's bowed string, no fretted string, no organ pipe, no early electronic instrument,
no glass or friction instrument, no instrument that wind or water sounds, no mechanical music, no
instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no
mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no
spark or arc, no stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven
by an electromagnet, no light-tone instrument, no musical bow or string drum, no frame harp, no skin
tuned to a note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel tongue
drum, no steel guitar, no flute blown across an edge, no lamellophone, no bagpipe, no huqin, no frame
xylophone, no tangent-struck keyboard string, but West African harp-lutes and bridge harps, computed
in numpy (kora_render: a Mande kora and a Gambian kora strung in sauta, their bridges standing on a
cowhide over a half calabash; an n'goni, a spike lute whose skin carries the bridge, its sesego
buzzing; a bolon, a bass arched harp over a gourd; an adungu, an arched harp on a skin-covered boat;
each string plucked by a thumb or an index finger, slightly stiff, stretched sharp by a hard pluck,
coloured, drained and coupled by the skin under its bridge, lifted by its resonator's Helmholtz
resonance), its drums a Senegambian ensemble and the players' own sounds, none of them held, computed
the same way. Its clips then go through a record's production (production.produce: a song played to a
caller on hold, the hold source's slow gain control, the trunk's 8 kHz band and G.711's mu-law, the
line's comfort noise, the handset's earpiece and the caller's own room in the sidetone, beside lossy
encodes and a limiter), or none. It sits in its own module so that whoever tunes does not read it in
passing; labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.kora_render import KORA_SET
from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "glacis"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ten bars of IV,
    # ii and vi turning, V home and I held; twelve bars of vi and ii about IV, iii and ii to V home; a
    # minor song of ten bars of VI, ii° and iv, V home; a minor song of twelve bars of iv and VI about
    # ii°, III and VI to V home and i held.
    "dwelling": (
        written(
            "IV ii vi IV vi ii IV vi ii V I I",
            "major",
            "5M7 2m7 9m9 5M9 9m7 2m9 5M69 9m11 2m7 7d9 0M7 0M9",
            own=SPLIT,
        ),
        written(
            "vi vi ii IV ii vi IV IV iii ii V I",
            "major",
            "9m9 9m7 2m11 5M7 2m7 9m7 5M9 5M7 4m7 2m9 7d13 0M69",
            own=SPLIT,
        ),
        written(
            "VI ii° iv VI iv iv ii° VI V i",
            "minor",
            "8M7 2h7 5m9 8M9 5m7 5m 2h7 8M69 7d7b9 0m9",
            own=SPLIT,
        ),
        written(
            "iv VI iv ii° VI ii° iv III VI V i i",
            "minor",
            "5m9 8M7 5m7 2h7 8M9 2o 5m7 3M7 8M7 7d7b13 0m9 0m7",
            own=SPLIT,
        ),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # mixolydian's bVII, minor v and bVII again in eight bars, the tonic held the last two; phrygian's
    # bII, minor bvii and bII again in eight, the tonic held the last two; dorian's major IV, minor v and
    # bVII in eight, the tonic held the last two; lydian's major II, minor vii and II again in eight,
    # the tonic held the last two.
    "modal": (
        written(
            "mixolydian I-bVII-I-v-I-bVII-I-I",
            "major",
            "0d7 10M9 0d9 7m9 0 10M7 0d7 0d9",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i-bII-i-bvii-i-bII-i-i", "minor", "0m7 1M7 0m 10m7 0m7 1M9 0m 0m7", PHRYGIAN, own=SPLIT
        ),
        written(
            "dorian i-IV-i-v-i-bVII-i-i", "minor", "0m9 5d9 0m7 7m7 0m6 10M7 0m11 0m9", DORIAN, own=SPLIT
        ),
        written(
            "lydian I-II-I-vii-I-II-I-I", "major", "0M9 2d7 0M7s11 11m7 0M7 2d9 0 0M7", LYDIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi and ii, IV to I, vi and iii, V to IV, eight bars; a minor
    # loop on bVI and the relative major's bIII, minor v to i, iv and the dominant bVII, bIII to i.
    "ambiguous": (
        written("vi ii IV I vi iii V IV", "major", "9m7 2m9 5M7 0M9 9m 4m7 7d7 5M9", own=SPLIT),
        written("bVI bIII v i iv bVII bIII i", "minor", "8M7 3M9 7m7 0m 5m9 10d7 3M7 0m9", own=SPLIT),
    ),
}
# The split's own meter: thirty beats a bar, each of two eighths; its tempo counts the beat.
METER = "30/4"
METER_LAYOUT = (30, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "12/8", "3/4", "4/4", METER, "6/8", "4/4", METER)
# West African harp-lutes and bridge harps (kora_render.KORA_SET): midi_render renders a kora set
# through kora_render. Each was checked by rendering to sound its note within a cent plucked with no
# stretch and no coupling (and within ten as it is played), to stay within its level, to be plucked
# on while held where it holds a note, and to render the same audio on every run. It has no piano,
# guitar, organ, brass, reed or voice of the kinds every other split shares, so the split draws only
# the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = KORA_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (46, 24, 105),  # a Mande kora, a Gambian kora in sauta, an n'goni
    "bass": (32, 33),  # a bolon, the Mande kora's bass strings
    "lead": (25, 106, 107),  # the Gambian kora's treble, an n'goni played high, an adungu
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them): a kora's and an adungu's string plucked again and again.
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the bolon's gourd slapped (the other bass
# drum), the tama squeezed low, higher and highest (three of the toms), the hoe blade's edge (the
# ride's bell), the rasped stick (the cabasa), the gourd rattle (the maracas), the two sticks (the
# claves) and the calabash tapped at its rim and in its middle (the wood blocks).
GOURD_SLAP, LOW_TAMA, TAMA, HIGH_TAMA, HOE_EDGE = 35, 45, 47, 50, 53
RASP, GOURD_RATTLE, STICKS, CALABASH_RIM, CALABASH_MIDDLE = 69, 70, 75, 76, 77
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The tama squeezed low on 2's "and", higher on 3's "a", highest on 4's "a".
    "tama-squeezes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, LOW_TAMA),
        (11, TAMA),
        (15, HIGH_TAMA),
    ),
    # The calabash tapped at its rim on 1's and 3's "and", in its middle on 2's "a" and 4's "a"; the
    # kora's handle tapped on 4's "e".
    "kora-drum-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, CALABASH_RIM),
        (10, CALABASH_RIM),
        (7, CALABASH_MIDDLE),
        (15, CALABASH_MIDDLE),
        (13, RIMSHOT),
    ),
    # The hoe blade on every "and", struck at its edge on 3's "a"; the finger-bell choked on 1's "a",
    # ringing on 4's "a".
    "hoe-blade-bell": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10, 14)),
        (11, HOE_EDGE),
        (3, CLOSED_HAT),
        (15, OPEN_HAT),
    ),
    # The bolon's gourd slapped on 1's "a" and 3's "and", the sticks on 2's "e".
    "gourd-and-sticks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, GOURD_SLAP),
        (10, GOURD_SLAP),
        (5, STICKS),
    ),
    # The ankle rattles on every beat's "e", the gourd rattle on 2's and 4's "and", the rasp on 3's "a".
    "seed-rattles": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (1, 5, 9, 13)),
        (6, GOURD_RATTLE),
        (14, GOURD_RATTLE),
        (11, RASP),
    ),
}
# Songs in simple meters, songs in compound (slow: 47-83), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((59.0, 145.0), (47.0, 83.0), (61.0, 151.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "on-hold",
    "on-hold+aac",
    "mp3+on-hold",
    "on-hold+opus",
    "on-hold+limit",
    "on-hold+mp3",
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
