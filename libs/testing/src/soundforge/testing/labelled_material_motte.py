"""The motte split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-seventh pass of method work by someone other than whoever tunes, while castro
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own (ii, IV and vi circling before the borrowed bVI steps up to I;
IV, vi and ii circling before the tritone's substitute bII7 falls to I, with no V; a minor song
circling iv, VI and ii° before the Neapolitan bII falls to i; a minor song circling VI, ii° and iv
before minor v settles on i) and come home on I (i); modal vamps, each visiting its mode's own chord
twice a cycle (dorian's major IV between minor v and bIII, mixolydian's bVII between minor ii and
minor vi, lydian's major II between minor vii and minor iii, phrygian's bII between bIII and minor
iv) and ambiguous loops new by root motion; a bar of seventeen beats of four sixteenths, drum
patterns of the machines' own sounds (a film loop's splice and its sprocket holes, the Rhythmicon's
rows of holes under a relay, the shutter bank's vanes and the loop's slack, dust on the glass and the
disc's rim tapped, the slit's brass plate, the keys' levers and the cell's valve ringing) and a tempo
range, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape
frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no stepper
or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an electromagnet, but
light-tone instruments, computed in numpy (light_render: Welte's Lichttonorgel's principal, its
pedal's subbass and its flute stop held, Spielmann's Superpiano's pierced tone wheels, Toulon's
Cellulophone's printed film, Eremeeff's Photona's string stop, Murzin's ANS synthesizer's sine tracks
held, Daphne Oram's drawn waves, a bass and a lead, and Sholpo's Variophone's cut paper; a lamp's
light through a wave printed or pierced in a turning disc, read through a slit by a photocell, the
print's gamma, the slit's width, the cell's lag, the coupling capacitor, the disc's eccentricity and
the lamp's flicker shaping it, so every partial stands on a harmonic of the note), its drums the
machines' own sounds, none of them held, computed the same way. Its clips then go through a record's
production (production.produce: a car's stereo on a quarry's floor heard from across it, its faces
sending it back, and a song playing in a house's hall heard on the doorstep through the front door's
letterbox, beside a small room, lossy encodes and a limiter), or none. It sits in its own module so
that whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the
methods should not open this file.
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
from soundforge.testing.light_render import LIGHT_SET

SPLIT = "motte"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii, IV and vi
    # circling before the borrowed bVI steps up to I; IV, vi and ii circling before bII7, the
    # tritone's substitute, falls to I (no V); a minor song circling iv, VI and ii° before the
    # Neapolitan bII falls to i; a minor song circling VI, ii° and iv before minor v settles on i.
    "dwelling": (
        written("ii IV vi ii IV vi bVI I", "major", "2m7 5 9m7 2m 5M7 9m 8M7 0", own=SPLIT),
        written("IV vi ii IV vi ii bII7 I", "major", "5M7 9m 2m7 5 9m7 2m 1d7 0", own=SPLIT),
        written("iv VI ii° iv VI ii° bII i", "minor", "5m7 8 2h7 5m 8M7 2o 1M7 0m", own=SPLIT),
        written("VI ii° iv VI ii° iv v i", "minor", "8M7 2h7 5m 8 2o 5m7 7m7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic, each visiting the chord only its mode has twice a cycle:
    # dorian's major IV between minor v and bIII, mixolydian's bVII between minor ii and minor vi,
    # lydian's major II between minor vii and minor iii, phrygian's bII between bIII and minor iv.
    "modal": (
        written("dorian i-IV-i-v-i-IV-i-bIII", "minor", "0m7 5d7 0m 7m7 0m9 5 0m 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-bVII-I-ii-I-bVII-I-vi", "major", "0d7 10 0 2m7 0d9 10M7 0 9m", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-II-I-vii-I-II-I-iii", "major", "0M7 2d7 0 11m7 0M9 2 0M7 4m", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-bIII-i-bII-i-iv", "minor", "0m 1M7 0m7 3 0m 1 0m7 5m7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV to I, vi and iii, then ii, vi and V before I; a minor
    # loop from bIII to bVII, i and minor v, then bVI, iv and bVII before i.
    "ambiguous": (
        written("IV I vi iii ii vi V I", "major", "5M7 0 9m7 4m 2m7 9m 7 0", own=SPLIT),
        written("bIII bVII i v bVI iv bVII i", "minor", "3M7 10 0m 7m7 8 5m7 10 0m", own=SPLIT),
    ),
}
# The split's own meter: seventeen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "68/16"
METER_LAYOUT = (17, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "4/4", "12/8", METER, METER)
# Light-tone instruments (light_render.LIGHT_SET): midi_render renders a light set through
# light_render. Each was checked by rendering to sound its note within a cent held still (its
# harmonics on the note's, the drawn pitch's rise and trembling, the disc's wobble, the lamp's
# flicker and the shot noise stilled) and within ten cents as it is, to stay within its level, to
# hold while its key is down, and to render the same audio on every run. It has no piano, guitar,
# organ, brass, reed or voice of the kinds every other split shares and no program every other split
# shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = LIGHT_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (2, 19, 20),  # the Superpiano's wheels, the Lichttonorgel's principal, the Cellulophone
    "bass": (32, 39),  # the Lichttonorgel's subbass, a drawn bass
    "lead": (81, 82, 84),  # a drawn lead, the Photona's strings, the Variophone's cut paper
}
# What its held tones and free-time chords play: the ANS synthesizer's sine tracks held and the
# Lichttonorgel's flute stop held, sounding as long as the note is held (the free-time chords' bass,
# program 48, is the ANS's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the Rhythmicon's rows of holes, low,
# middle and high (the toms), the shutter bank's vanes (the second snare), the slit's brass plate (the
# claves), the keys' levers knocked high and low (the wood blocks), dust crackling (the maracas) and
# the cell's valve ringing, short and long (the triangles).
LOW_ROW, MID_ROW, HIGH_ROW, VANES, BRASS, HIGH_LEVER, LOW_LEVER, DUST, VALVE, LONG_VALVE = (
    41, 45, 48, 40, 75, 76, 77, 70, 80, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A film loop's sprocket holes ticking past on 1's "and", 2's "a", 3's "and" and 4's "a", a key's
    # contact closing on 4's "e".
    "splice-and-sprockets": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 7, 10, 15)),
        (13, RIMSHOT),
    ),
    # The Rhythmicon's rows of holes bursting low on 1's "a", middle on 2's "a" and high on 3's and
    # 4's "a", a relay's armature clicking on every "and".
    "rhythmicon-rows": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, LOW_ROW),
        (7, MID_ROW),
        *((k, HIGH_ROW) for k in (11, 15)),
        *((k, PEDAL_HAT) for k in (2, 6, 10, 14)),
    ),
    # The shutter bank's vanes clacking shut on 2's and 4's "a", the loop's slack slapping its
    # rollers on 1's and 3's "e", a scratch along a track on 4's "and".
    "shutter-bank": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, VANES) for k in (7, 15)),
        *((k, TAMBOURINE) for k in (1, 9)),
        (14, OPEN_HAT),
    ),
    # Dust on the glass crackling past the slit on 1's, 2's, 3's and 4's "e" and on 1's and 3's "a",
    # a relay clicking on 2's "and", the glass disc tapped at its rim on 3's "and".
    "dust-and-relay": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (1, 3, 5, 9, 11, 13)),
        (6, PEDAL_HAT),
        (10, COWBELL),
    ),
    # The slit's brass plate tapped on 1's "and" and 3's "a", the keys' levers knocked high on 2's
    # "and" and low on 4's "and", dust crackling on every "e", the cell's valve ringing short on 1's
    # "a" and long on 4's "a".
    "plate-and-levers": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, BRASS),
        (11, BRASS),
        (6, HIGH_LEVER),
        (14, LOW_LEVER),
        *((k, DUST) for k in (1, 5, 9, 13)),
        (3, VALVE),
        (15, LONG_VALVE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((66.0, 152.0), (49.0, 86.0), (61.0, 139.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "quarry",
    "letterbox",
    "quarry+aac",
    "mp3+letterbox",
    "small-room+quarry",
    "letterbox+limit",
    "opus+quarry",
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
