"""The bailey split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-ninth pass of method work by someone other than whoever tunes, while motte and
oppidum had not yet been read. Its material is in none of the others: songs that sit on vi, ii and
IV (VI, iv and ii° in minor) by ways of their own and come home on I (i); modal vamps that hold
their tonic two bars at a time, each visiting its mode's own chord a step from the tonic; ambiguous
loops new by root motion; a bar of twenty beats of three eighths, drum patterns of the harps' own
sounds and a tempo range whose compound songs are slow, and timbres no other split has: its
instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant
voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel
or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no
linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ pipe, no early
electronic instrument, no glass or friction instrument, no instrument that wind or water sounds, no
mechanical music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no
plucked psaltery, no mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing
flame, no siren, no spark or arc, no stepper or drive, no cricket, cicada or frog, no bird, no string,
bar or fork driven by an electromagnet, no light-tone instrument, no musical bow or string drum, but
harps plucked by the fingers, computed in numpy (harp_render: a pedal harp's gut strings, its wound
bass strings, its harmonics and its strings plucked near the board, a Paraguayan harp's nylon, a
clarsach's brass wires, an Andean harp's bass, a Burmese saung gauk's silk strings bent into their
notes, and notes held by plucking two strings in turn; each string's modes a stiff string's, pulling
on the board it runs into by where it is plucked, the board's modes sounding it and draining it, the
string's tension swinging at twice each mode's frequency, and the strings not played ringing in
sympathy), its drums the harps' own sounds, none of them held, computed the same way. Its clips then
go through a record's production (production.produce: a song played from the stage of an open-air
stone theatre heard from a seat in its tiers, and a song played by a busker's amplifier across a park
heard at the focus of a whispering dish, beside a room, lossy encodes and a limiter), or none. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.harp_render import HARP_SET
from soundforge.testing.labelled_notation import (
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

SPLIT = "bailey"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and ii
    # turning on each other before IV, ii and IV, iii leading home (no V); IV, vi and ii circling
    # before the backdoor bVII steps up to I; a minor song turning ii°, VI and iv before the relative
    # major's bIII settles on i; a minor song circling VI, ii° and iv before bVII climbs to i.
    "dwelling": (
        written("vi ii vi IV ii IV iii I", "major", "9m7 2m 9m 5M7 2m7 5 4m7 0", own=SPLIT),
        written("IV vi ii vi IV ii bVII I", "major", "5M9 9m 2m7 9m7 5 2m 10 0M7", own=SPLIT),
        written("ii° VI iv VI ii° iv bIII i", "minor", "2h7 8M7 5m 8 2o 5m7 3M7 0m", own=SPLIT),
        written("VI ii° VI iv ii° iv bVII i", "minor", "8 2h7 8M7 5m7 2o 5m 10 0m7", own=SPLIT),
    ),
    # Vamps that hold their tonic two bars at a time, each visiting its mode's own chord a step from
    # the tonic: dorian's major IV, minor ii and bVII; mixolydian's bVII, IV and minor ii; lydian's
    # II, V and minor iii; phrygian's bII, minor bvii and bVI.
    "modal": (
        written("dorian i-i-IV-i-ii-ii-i-bVII", "minor", "0m7 0m 5 0m9 2m7 2m 0m 10", DORIAN, own=SPLIT),
        written(
            "mixolydian I-bVII-bVII-I-I-IV-ii-I", "major", "0 10 10 0d7 0 5 2m7 0d7", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-I-II-I-V-V-I-iii", "major", "0M7 0 2d7 0M7 7 7 0 4m7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-bII-i-i-bvii-bVI-i", "minor", "0m 1M7 1 0m7 0m 10m 8M7 0m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV to vi and I, iii and vi, then ii and V before I; a
    # minor loop from iv to bVI and bIII, touching i, then bVII, minor v and iv before i.
    "ambiguous": (
        written("IV vi I iii vi ii V I", "major", "5M7 9m 0 4m 9m7 2m 7 0", own=SPLIT),
        written("iv bVI bIII i bVII v iv i", "minor", "5m7 8M7 3 0m 10 7m 5m 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty beats a bar, each of three eighths; its tempo counts the beat.
METER = "60/8"
METER_LAYOUT = (20, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "12/8", "12/8", METER, METER)
# Harps plucked by the fingers (harp_render.HARP_SET): midi_render renders a harp set through
# harp_render. Each was checked by rendering to sound its note within a cent held still and within
# ten cents as it is, to stay within its level, to hold while its key is down where it holds, and to
# render the same audio on every run. It has no piano, guitar, organ, brass, reed or voice of the kinds
# every other split shares and no program every other split shares beside its own, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = HARP_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (46, 24, 25),  # a pedal harp, a Paraguayan harp, a clarsach's wires
    "bass": (32, 33),  # a pedal harp's wound strings, an Andean harp's bass
    "lead": (104, 105, 106),  # a saung gauk, a pedal harp's harmonics, a pedal harp pres de la table
}
# What its held tones and free-time chords play: a pedal harp's bisbigliando and a Paraguayan harp's
# repique, two strings plucked in turn as long as the note is held (the free-time chords' bass,
# program 48, is the bisbigliando's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the soundboard struck by the knuckles
# (the toms), the wound bass wires slapped (the second snare), two nails clicked (the claves), the neck
# knocked (the wood blocks), a llanero's maracas and the wire struck with the tuning key, short and
# long (the triangles).
LOW_BOARD, MID_BOARD, HIGH_BOARD, WIRES, NAILS, HIGH_NECK, LOW_NECK, MARACAS, KEY, LONG_KEY = (
    41, 45, 48, 40, 75, 76, 77, 70, 80, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The golpeador's palm on the box on 1's "e", 2's "a" and 3's "and", the column knocked on 4's "e".
    "golpeador": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIMSHOT) for k in (1, 7, 10)),
        (13, COWBELL),
    ),
    # The board struck by the knuckles low on 2's "and", middle on 3's "a" and high on 4's "a", a nail
    # damped on a string on every "e".
    "knuckled-board": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, LOW_BOARD),
        (11, MID_BOARD),
        (15, HIGH_BOARD),
        *((k, CLOSED_HAT) for k in (1, 5, 9, 13)),
    ),
    # The bass wires slapped on 1's "a" and 3's "e", the llanero's maracas on every sixteenth but the
    # beats, a pedal moved into its notch on 4's "and".
    "llanero-maracas": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, WIRES),
        (9, WIRES),
        *((k, MARACAS) for k in range(16) if k % 4),
        (14, PEDAL_HAT),
    ),
    # Two nails clicked on 1's "and" and 3's "a", the neck knocked high on 2's "e" and low on 4's "e",
    # the levers flicked on 2's "and", the wire struck with the key short on 3's "and", long on 4's "a".
    "nails-and-neck": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, NAILS),
        (11, NAILS),
        (5, HIGH_NECK),
        (13, LOW_NECK),
        (6, TAMBOURINE),
        (10, KEY),
        (15, LONG_KEY),
    ),
    # The tuning key tapped on a pin on 1's "and", 2's "e", 3's "a" and 4's "and", the palm drawn along
    # the wound strings on 2's "a".
    "tuning-key": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 5, 11, 14)),
        (7, OPEN_HAT),
    ),
}
# Songs in simple meters, songs in compound (slow: 50-75), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((56.0, 132.0), (50.0, 75.0), (60.0, 128.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "amphitheatre",
    "whispering-dish",
    "amphitheatre+aac",
    "mp3+whispering-dish",
    "small-room+whispering-dish",
    "amphitheatre+limit",
    "opus+amphitheatre",
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
