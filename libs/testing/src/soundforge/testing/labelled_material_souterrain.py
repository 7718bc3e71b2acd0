"""The souterrain split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-first pass of method work by someone other than whoever tunes, while fogou had
been read and no other split written apart was waiting. Its material is in none of the others: songs
that sit on vi, ii and IV (VI, iv and ii° in minor) by ways of their own (ii, vi and IV circling
before iii and IV lead home, with no V; vi, iii and IV before ii and V turn to vi and then I; a minor
song circling VI, iv and ii° before III and V bring it home; a minor song circling iv, VI and ii°
before the leading tone's diminished seventh steps up to i) and come home on I (i); modal vamps
(dorian on i, IV, bIII, bVII and the half-diminished vi, mixolydian on I, vi, IV, ii and minor v,
lydian on I, iii, V, vii and II, phrygian on i, bIII, bII, bVI and minor bvii) and ambiguous loops
new by root motion; a bar of twenty-three beats of two eighths, drum patterns of the sirens' own
sounds (the reservoir's bellows dropped, sheet-steel housings struck by a palm, a valve's click,
a football rattle's ratchet, a rotor's steel disc struck, a puff from the blowpipe) and a tempo
range, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no
tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or
friction instrument, no instrument that wind or water sounds, no mechanical music, no instrument of
stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no
string bowed by a wheel, no vessel flute, no mirliton, no singing flame, but sirens, air chopped by
turning discs and sliding pistons, computed in numpy (siren_render: Dove's siren's rings, Cagniard
de la Tour's sirens, a siren organ's rotors, Dove's siren and the siren organ held, a hand-cranked
air-raid siren, a foghorn's diaphone, Seebeck's siren, Helmholtz's double siren, a ship's electric
siren; each hole passing its port lets a puff of air through once a period, radiated as a
pulsating source, so every partial stands on a harmonic of the note), its drums the sirens' own
sounds, computed the same way. Its clips then go through a record's production
(production.produce: a laser microphone aimed at the window of the room the song plays in, and a
waterproof speaker hung in a tiled shower cubicle heard from the bathroom while the water runs,
beside a room, lossy encodes and a limiter), or none. It sits in its own module so that whoever
tunes does not read it in passing; labelled_material merges it in. Whoever tunes the methods should
not open this file.
"""

from __future__ import annotations

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
from soundforge.testing.siren_render import SIREN_SET

SPLIT = "souterrain"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii, vi and IV
    # circling before iii and IV lead home (no V); vi, iii and IV before ii and V turn to vi, then I;
    # a minor song circling VI, iv and ii° before III and V bring it home; a minor song circling iv,
    # VI and ii° before the leading tone's diminished seventh steps up to i.
    "dwelling": (
        written("ii vi IV ii vi iii IV I", "major", "2m 9m7 5 2m7 9m 4m 5M7 0", own=SPLIT),
        written("vi iii IV I ii V vi I", "major", "9m 4m7 5 0 2m7 7 9m7 0", own=SPLIT),
        written("VI iv ii° iv VI III V i", "minor", "8M7 5m 2h7 5m7 8 3 7d7 0m", own=SPLIT),
        written("iv VI ii° iv VI ii° vii°7 i", "minor", "5m 8 2o 5m7 8M7 2h7 11o7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's IV, bIII, bVII and half-diminished vi, mixolydian's vi,
    # IV, ii and minor v, lydian's iii, V, vii and II, phrygian's bIII, bII, bVI and minor bvii.
    "modal": (
        written("dorian i-IV-i-bIII-i-bVII-i-vi°", "minor", "0m7 5 0m 3 0m9 10 0m 9h7", DORIAN, own=SPLIT),
        written("mixolydian I-vi-I-IV-I-ii-I-v", "major", "0 9m 0d7 5 0 2m7 0 7m", MIXOLYDIAN, own=SPLIT),
        written("lydian I-iii-I-V-I-vii-I-II", "major", "0M7 4m 0 7 0 11m 0M9 2", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bIII-i-bII-i-bVI-i-bvii", "minor", "0m 3 0m7 1 0m 8M7 0m 10m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: iii to vi, ii and IV, then I, vi and a suspended V before
    # I; a minor loop from bIII to iv, i and bVII, then VI, ii° and V before i.
    "ambiguous": (
        written("iii vi ii IV I vi Vsus I", "major", "4m7 9m 2m7 5 0 9m7 7s4 0", own=SPLIT),
        written("bIII iv i bVII VI ii° V i", "minor", "3 5m7 0m 10 8M7 2h7 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-three beats a bar, each of two eighths; its tempo counts the beat.
METER = "23/4"
METER_LAYOUT = (23, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "4/4", "12/8", METER, METER)
# Sirens (siren_render.SIREN_SET): midi_render renders a siren set through siren_render. Each was
# checked by rendering to sound its note within a cent held still (its harmonics on the note's, the
# rotor's sag and the governor's hunting stilled) and within ten cents as it is, to stay within its
# level, to hold while its key is down, and to render the same audio on every run. It has no piano,
# guitar, organ, brass, reed or voice and no program every other split shares beside its own, so the
# split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = SIREN_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (62, 20, 16),  # Dove's siren's rings, Cagniard de la Tour's sirens, a siren organ's rotors
    "bass": (33, 43),  # a hand-cranked air-raid siren, a foghorn's diaphone
    "lead": (81, 74, 64),  # Seebeck's siren, Helmholtz's double siren, a ship's electric siren
}
# What its held tones and free-time chords play: Dove's siren held and the siren organ held, sounding
# as long as the note is held (the free-time chords' bass, program 48, is Dove's siren's).
SUSTAINED_PROGRAMS = (48, 50)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the housings struck (the toms), the
# ratchet (the second snare), the crank struck (the claves), the horns' throats tapped (the wood
# blocks), a puff from the blowpipe (the maracas), a rotor's disc at its rim (the ride's bell), a
# fire bell left to ring (the open triangle).
LOW_TOM, MID_TOM, HIGH_TOM, RATCHET, CLAVES, HIGH_BLOCK, LOW_BLOCK, MARACAS, RIM_BELL, TRIANGLE = (
    41, 45, 48, 40, 75, 76, 77, 70, 53, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The housings struck, high on 1's "a", middle on 2's "a", low on 3's "and" and middle on 4's "a".
    "struck-housings": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_TOM),
        (7, MID_TOM),
        (10, LOW_TOM),
        (15, MID_TOM),
    ),
    # A valve's click on every beat's "e", the governor's tick on 4's "and", the relief valve on 2's
    # "a".
    "ticking-governor": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (1, 5, 9, 13)),
        (14, PEDAL_HAT),
        (7, OPEN_HAT),
    ),
    # The rattle's clatter on every beat's "a", its ratchet on 4's "e", the brake shoe on 2's "and".
    "cranked-rattle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (3, 7, 11, 15)),
        (13, RATCHET),
        (6, CLAP),
    ),
    # A rotor's disc struck on 1's and 3's "and", the crank on 2's and 4's "and", the disc's rim on 1,
    # the shutter's clack on 3's "e".
    "disc-and-crank": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (2, 10)),
        *((k, CLAVES) for k in (6, 14)),
        (0, RIM_BELL),
        (9, RIMSHOT),
    ),
    # A puff from the blowpipe on 1's and 3's "e" and "a", the rattle shaken on 2's "and", the horns'
    # throats tapped low on 4's "e" and high on 4's "a", the fire bell on 4.
    "puffed-blowpipe": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, MARACAS) for k in (1, 3, 9, 11)),
        (6, TAMBOURINE),
        (13, LOW_BLOCK),
        (15, HIGH_BLOCK),
        (12, TRIANGLE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((71.0, 151.0), (49.0, 88.0), (66.0, 139.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "laser-microphone",
    "shower",
    "laser-microphone+mp3",
    "aac+shower",
    "room+laser-microphone",
    "shower+mp3",
    "laser-microphone+limit",
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
