"""The crannog split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-second pass of method work by someone other than whoever tunes, while
souterrain had not yet been read. Its material is in none of the others: songs that sit on vi, ii
and IV (VI, iv and ii° in minor) by ways of their own (ii, vi and IV trading places before iii leans
on I, with no V; vi, ii and IV trading places before the leading tone's half-diminished seventh
steps up to I; a minor song trading iv, ii° and VI before bVII steps up to i, with no V; a minor
song circling VI, iv and ii° before III and V bring it home) and come home on I (i); modal vamps
(dorian on i, bVII, IV, ii and bIII, mixolydian on I, minor v, bVII, IV and the diminished iii,
lydian on I, V, II, vi and iii, phrygian on i, iv, bII, minor bvii and bVI) and ambiguous loops new
by root motion; a bar of twenty-five beats of two eighths, drum patterns of the discharges' own
sounds (a Marx generator's long spark, the coils' toploads struck by a palm, a piezo igniter's
click, a Jacob's ladder frying, a porcelain insulator struck, the quench blower's puff) and a tempo
range, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no
tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or
friction instrument, no instrument that wind or water sounds, no mechanical music, no instrument of
stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no
string bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, but sparks and
arcs, electric discharges that sing, computed in numpy (spark_render: a solid-state singing Tesla
coil's streamers, Duddell's singing arc, a flyback's plasma arc, a vacuum-tube coil's flame and
Duddell's arc held, a big coil's long streamers, an arc in Duddell's second regime, a kit coil's
thin streamers, Simon's speaking arc, Klein's ionophone; the discharge heats the air and the air's
expansion is the sound, its pressure the rate of change of the heat given once a period, so every
partial stands on a harmonic of the note), its drums the discharges' own sounds, computed the same
way. Its clips then go through a record's production (production.produce: a stage in a forest
clearing heard through the trees, and a loudspeaker played into an open piano whose sustain pedal
is held, beside lossy encodes and a limiter), or none. It sits in its own module so that whoever
tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods should
not open this file.
"""

from __future__ import annotations

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
from soundforge.testing.spark_render import SPARK_SET

SPLIT = "crannog"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii, vi and IV
    # trading places before iii leans on I (no V); vi, ii and IV trading places before vii's
    # half-diminished seventh steps up to I; a minor song trading iv, ii° and VI before bVII steps up to
    # i (no V); a minor song circling VI, iv and ii° before III and V bring it home.
    "dwelling": (
        written("ii vi ii IV vi IV iii I", "major", "2m7 9m 2m 5M7 9m7 5 4m7 0", own=SPLIT),
        written("vi ii vi IV ii IV viiø I", "major", "9m7 2m 9m 5 2m7 5M9 11h7 0", own=SPLIT),
        written("iv ii° iv VI ii° VI bVII i", "minor", "5m 2h7 5m7 8 2o 8M7 10 0m", own=SPLIT),
        written("VI iv VI ii° iv III V i", "minor", "8M7 5m7 8 2h7 5m 3M7 7d7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's bVII, IV, ii and bIII, mixolydian's minor v, bVII, IV
    # and diminished iii, lydian's V, II, vi and iii, phrygian's iv, bII, minor bvii and bVI.
    "modal": (
        written("dorian i-bVII-i-IV-i-ii-i-bIII", "minor", "0m7 10 0m 5d7 0m9 2m7 0m 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-v-I-bVII-I-IV-I-iii°", "major", "0 7m7 0d7 10 0 5a9 0 4o", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-V-I-II-I-vi-I-iii", "major", "0M7 7 0 2d7 0M9 9m7 0 4m7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-iv-i-bII-i-bvii-i-bVI", "minor", "0m 5m7 0m7 1M7 0m 10m7 0m 8M7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV to I, then vi, ii, V, iii and vi before I; a minor loop
    # from bVI to bIII, iv and i, then bVII, minor v and ii° before i.
    "ambiguous": (
        written("IV I vi ii V iii vi I", "major", "5M7 0 9m7 2m 7 4m7 9m 0", own=SPLIT),
        written("bVI bIII iv i bVII v ii° i", "minor", "8M7 3 5m7 0m 10 7m 2h7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-five beats a bar, each of two eighths; its tempo counts the beat.
METER = "25/4"
METER_LAYOUT = (25, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "12/8", "4/4", METER, METER)
# Sparks and arcs (spark_render.SPARK_SET): midi_render renders a spark set through spark_render.
# Each was checked by rendering to sound its note within a cent held still (its harmonics on the
# note's, the arc's strike and wander and the crackle stilled) and within ten cents as it is, to stay
# within its level, to hold while its key is down, and to render the same audio on every run. It has
# no piano, guitar, organ, brass, reed or voice and no program every other split shares beside its
# own, so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = SPARK_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (90, 26, 12),  # a solid-state singing Tesla coil, Duddell's singing arc, a plasma arc
    "bass": (38, 34),  # a big coil's long streamers, an arc in Duddell's second regime
    "lead": (80, 84, 79),  # a kit coil's thin streamers, Simon's speaking arc, Klein's ionophone
}
# What its held tones and free-time chords play: a vacuum-tube coil's flame held and Duddell's arc
# held, sounding as long as the note is held (the free-time chords' bass, program 48, is the flame's).
SUSTAINED_PROGRAMS = (48, 52)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the toploads struck (the toms), a rotary
# gap's sparks (the second snare), a porcelain insulator struck (the claves), the coils' formers
# tapped (the wood blocks), the quench blower's puff (the maracas), a Leyden jar struck (the ride's
# bell), a fuse blowing (the crash), the discharge ring struck muted (the muted triangle).
LOW_TOM, MID_TOM, HIGH_TOM, SPARKS, CLAVES, HIGH_BLOCK, LOW_BLOCK, MARACAS, JAR, FUSE, RING = (
    41, 45, 48, 40, 75, 76, 77, 70, 53, 49, 80
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The toploads struck, high on 1's "and", middle on 2's "e", low on 3's "a" and high on 4's "e".
    "struck-toploads": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, HIGH_TOM),
        (5, MID_TOM),
        (11, LOW_TOM),
        (13, HIGH_TOM),
    ),
    # A piezo igniter's click on every beat's "a", a relay's tick on 2's "and", a corona brush's hiss
    # on 4's "and".
    "igniter-clicks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (3, 7, 11, 15)),
        (6, PEDAL_HAT),
        (14, OPEN_HAT),
    ),
    # A Jacob's ladder frying on every beat's "e", a rotary gap's sparks on 3's "and", a fuse blowing
    # on 1.
    "climbing-ladder": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (1, 5, 9, 13)),
        (10, SPARKS),
        (0, FUSE),
    ),
    # A porcelain insulator struck on 1's and 3's "a", a transformer's core on 2's and 4's "e", a Leyden
    # jar on 4, a contactor's clack on 2's "and".
    "insulators-and-core": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAVES) for k in (3, 11)),
        *((k, COWBELL) for k in (5, 13)),
        (12, JAR),
        (6, RIMSHOT),
    ),
    # The quench blower's puff on every beat's "and", a Wimshurst machine's brushes on 4's "a", the
    # coils' formers tapped low on 1's "e" and high on 3's "e", the discharge ring muted on 2's "a".
    "blower-and-brushes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, MARACAS) for k in (2, 6, 10, 14)),
        (15, TAMBOURINE),
        (1, LOW_BLOCK),
        (9, HIGH_BLOCK),
        (7, RING),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((68.0, 149.0), (48.0, 86.0), (65.0, 140.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "woodland",
    "piano-strings",
    "woodland+mp3",
    "aac+piano-strings",
    "piano-strings+woodland",
    "woodland+aac",
    "piano-strings+limit",
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
