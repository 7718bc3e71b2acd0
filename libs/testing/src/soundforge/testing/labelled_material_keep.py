"""The keep split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-first pass of method work by someone other than whoever tunes, while barbican
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI,
iv and ii° in minor) by ways of their own and come home on I (i); modal vamps that hold their tonic
at least every other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a
bar of a meter of its own, drum patterns of bamboo's own sounds and a tempo range of its own, and
timbres no other split has: its instruments are no recordings, no soundfont, no STK model, no
waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable,
granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string,
no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame, no
bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an
electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, but bamboo tubes tuned to notes, computed in numpy (bamboo_render: angklung, tubes an octave
apart hung in a frame, and calung, tubes struck with a stick, each tube's tongue a cantilever
radiating through the tube's air column tuned to it), its drums bamboo's own sounds, none of them
held, computed the same way. Its clips then go through a record's production (production.produce: a
song from headphones hung round the listener's neck, beside a room, lossy encodes and a limiter), or
none. It sits in its own module so that whoever tunes does not read it in passing; labelled_material
merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.bamboo_render import BAMBOO_SET
from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PHRYGIAN,
    RIDE,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "keep"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and ii
    # trading before IV and V turn and IV closes plagally; IV, vi and ii turning before a plagal close;
    # a minor song on iv and VI over ii° before V; a minor song from VI through ii° and iv to v and home.
    "dwelling": (
        written("vi ii vi ii IV V IV I", "major", "9m 2m7 9m7 2m 5 7 5M7 0", own=SPLIT),
        written("IV vi ii vi IV ii IV I", "major", "5M9 9m7 2m 9m 5 2m7 5 0M7", own=SPLIT),
        written("iv VI iv ii° VI VI V i", "minor", "5m 8 5m7 2h7 8M7 8 7 0m", own=SPLIT),
        written("VI ii° iv VI iv ii° v i", "minor", "8M7 2o 5m 8 5m7 2h7 7m 0m7", own=SPLIT),
    ),
    # Vamps that come back to their tonic at least every other bar: dorian's IV and minor v; mixolydian's
    # bVII and minor v; lydian's II and iii; phrygian's bII and bVII.
    "modal": (
        written("dorian i-IV-i-v-i-IV-i-i", "minor", "0m7 5d7 0m 7m 0m 5 0m9 0m", DORIAN, own=SPLIT),
        written(
            "mixolydian I-bVII-I-v-I-bVII-v-I", "major", "0 10 0d7 7m7 0 10M7 7m 0", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-II-iii-I-II-I-vii-I", "major", "0 2d7 4m 0M7 2 0 11m7 0M7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bVII-i-bII-i-iv-bII-i", "minor", "0m 10m 0m7 1 0m 5m7 1M7 0m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV, vi and V before I, then iii and vi; a minor loop of
    # bVI, bIII and bVII reaching i by iv.
    "ambiguous": (
        written("IV vi V I iii vi IV I", "major", "5 9m7 7 0M7 4m7 9m 5M7 0", own=SPLIT),
        written("bVI bIII bVII iv bVI bIII iv i", "minor", "8 3M7 10 5m 8M7 3 5m7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-one beats a bar, each of three eighths; its tempo counts the beat.
METER = "63/8"
METER_LAYOUT = (21, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "4/4", "12/8", METER, METER)
# Bamboo tubes tuned to notes (bamboo_render.BAMBOO_SET): midi_render renders a bamboo set through
# bamboo_render. Each was checked by rendering to sound its note within a cent held still and within
# ten cents as it is, to stay within its level, to hold while its key is down where it holds, and to
# render the same audio on every run. It has no piano, guitar, organ, brass, reed or voice of the
# kinds every other split shares, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BAMBOO_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (11, 15, 8),  # an angklung, a calung, an angklung of three tubes
    "bass": (32, 34),  # a bass angklung, a bass calung
    "lead": (72, 79, 9),  # a small angklung, a small calung, a calung struck hard
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 50)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a kentongan struck (the second bass
# drum), a bamboo rattle (the second snare), stamping tubes (the toms), two bamboo sticks clicked (the
# claves) and a kentongan's small slit high and low (the wood blocks).
KENTONGAN, RATTLE, LOW_STAMP, MID_STAMP, HIGH_STAMP, STICKS, HIGH_SLIT, LOW_SLIT = (
    35, 40, 41, 45, 48, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Stamping tubes low on 2's "and", high on 4's "e", the shaker tapped on every beat's "e".
    "stamping-tubes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, LOW_STAMP),
        (13, HIGH_STAMP),
        *((k, CLOSED_HAT) for k in (1, 5, 9, 13)),
    ),
    # A kentongan on 1's "a" and 3's "e", the rattle on 4's "and", the middle tube on 2's "a".
    "kentongan-call": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, KENTONGAN),
        (9, KENTONGAN),
        (14, RATTLE),
        (7, MID_STAMP),
    ),
    # The small slit high on 1's "and", low on 3's "and", sticks on 2's "e" and 4's "a", clapped on 4.
    "slit-answer": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, HIGH_SLIT),
        (10, LOW_SLIT),
        (5, STICKS),
        (15, STICKS),
        (12, CLAP),
    ),
    # The tube's wall tapped on every "and", the shaker swirled on 3's "a", the pegs on 2's "e".
    "wall-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10, 14)),
        (11, OPEN_HAT),
        (5, TAMBOURINE),
    ),
}
# Songs in simple meters, songs in compound (slow: 50-76), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((64.0, 136.0), (50.0, 76.0), (68.0, 132.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "neck-headphones",
    "neck-headphones+aac",
    "small-room+neck-headphones",
    "mp3+neck-headphones",
    "neck-headphones+limit",
    "opus",
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
