"""The anta split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-seventh pass of method work by someone other than whoever tunes, while dysse
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI,
iv and ii° in minor) by ways of their own (vi and ii swaying round IV before IV's added ninth leans
on I; IV and vi swapping round ii before bVI falls home to I; a minor song coming back to ii° between
VI and iv before its V; a minor song swinging VI round iv and ii° before its V) and come home on I (i);
modal vamps (dorian on i, ii, IV, bIII and v, mixolydian on I, v, IV, bVII and ii, lydian on I, II,
vii, V and iii, phrygian on i, bII, bIII, iv and bVI) and ambiguous loops new by root motion; a bar
of nineteen beats of two eighths, drum patterns of the hurdy-gurdies' and their players' own sounds
(the heel stamped under the dog's strokes, the keys' tangents clacking back, the wheel's rim rubbed
dry, the drone strings' hooks rattling, the soundbox knocked) and a tempo range, and timbres no
other split has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no
analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or
vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string, no additive
resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed or
fretted string, no organ pipe, no early electronic instrument, no glass or friction instrument, no
instrument that wind or water sounds, no mechanical music, no instrument of stone, earth or wood, no
gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, but strings bowed by a wheel,
computed in numpy (gurdy_render: a vielle a roue's chanterelles, a zanfona's gut strings, a
tekerolant's with its buzzing dog, a bass vielle's, a lira's, a vevlira's, an organistrum's, a
vielle's strings held on the wheel, a Geigenwerk's keyed strings; each string held in Helmholtz
motion by the rosined wheel, the harmonics with a node where the wheel meets it missing, swelling
with the wheel's speed over each turn of the crank, the trompette's dog hammering the board once a
period while the wheel runs past its speed, through the soundbox's modes, the rosin scratching once
a period and the tangent's knock), its drums the players' heels and the instruments' boxes, dogs,
keys, wheels, cranks and hooks, computed the same way. Its clips then go through a record's
production (production.produce: a megaphone held up in a town square, and a sound-on-disc cinema's
disc and horns, beside a room, a plate and lossy encodes), or none. It sits in its own module so
that whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the
methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.gurdy_render import GURDY_SET
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
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "anta"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and ii
    # swaying round IV before IV's added ninth leans on I (no V); IV and vi swapping round ii before
    # bVI falls home to I (no V); a minor song coming back to ii° between VI and iv before its V; a
    # minor song swinging VI round iv and ii° before its V.
    "dwelling": (
        written("vi ii vi IV vi ii IV I", "major", "9m 2m7 9m7 5M7 9m 2m 5a9 0", own=SPLIT),
        written("IV ii vi ii IV ii bVI I", "major", "5 2m9 9m7 2m 5M7 2m7 8 0M7", own=SPLIT),
        written("ii° VI ii° iv VI ii° V i", "minor", "2h7 8M7 2o 5m7 8 2h7 7d7 0m", own=SPLIT),
        written("VI iv VI ii° VI iv V i", "minor", "8 5m7 8M7 2h7 8 5m 7d7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's ii, IV, bIII and minor v, mixolydian's minor v, IV,
    # bVII and ii, lydian's II, vii, V and iii, phrygian's bII, bIII, iv and bVI.
    "modal": (
        written("dorian i-ii-IV-i-bIII-i-v-i", "minor", "0m7 2m 5 0m 3M7 0m9 7m7 0m", DORIAN, own=SPLIT),
        written("mixolydian I-v-I-IV-bVII-I-ii-I", "major", "0 7m 0d7 5 10 0 2m7 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-vii-I-V-I-iii-I", "major", "0M7 2 11m 0 7 0M9 4m7 0", LYDIAN, own=SPLIT),
        written("phrygian i-bII-i-bIII-i-iv-bVI-i", "minor", "0m 1 0m7 3 0m 5m 8M7 0m", PHRYGIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: vi falling to iii, climbing to IV and I, then ii and vi
    # before V and I; a minor loop on bIII and bVI climbing through iv to bVII, then bIII and bVI
    # again, whose i comes only after its V at the loop's end.
    "ambiguous": (
        written("vi iii IV I ii vi V I", "major", "9m 4m7 5 0 2m7 9m 7 0", own=SPLIT),
        written("bIII bVI iv bVII bIII bVI V i", "minor", "3M7 8 5m7 10 3 8M7 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: nineteen beats a bar, each of two eighths; its tempo counts the beat.
METER = "19/4"
METER_LAYOUT = (19, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Strings bowed by a wheel (gurdy_render.GURDY_SET): midi_render renders a gurdy set through
# gurdy_render. Each was checked by rendering to sound its note within a cent held still (its
# harmonics on the string's, however the wheel runs) and within ten cents as it is (the rosin's
# scratch, the tangent's knock, the dog), to stay within its level, to hold while its key is down,
# and to render the same audio on every run. It has no piano, guitar, organ, brass, reed or voice and
# no program every other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = GURDY_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (40, 41, 42),  # a vielle a roue's chanterelles, a zanfona's gut strings, a tekerolant's
    "bass": (43, 32),  # a bass vielle's wound string, a lira's
    "lead": (110, 111),  # a vevlira's melody string, an organistrum's
}
# What its held tones and free-time chords play: a vielle's strings held on the wheel and a
# Geigenwerk, bowed as long as the note is held (the free-time chords' bass, program 48, is the
# vielle's). Until the forty-fourth pass of analysis work program 48 was a vielle played in strokes
# of the wrist, 4 a second: a pulse a listener taps, which these clips are labelled without
# (gurdy_render.COUPS, program 44 since, which no clip draws).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the soundbox knocked (the toms), the
# keys' tangents knocked (the wood blocks), the wheel turned dry (the maracas), the dog hammered in a
# long roll (the crash).
LOW_TOM, HIGH_TOM, HIGH_BLOCK, LOW_BLOCK, DRY_WHEEL, CRASH = 41, 48, 76, 77, 70, 49
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The heel stamped again on 4's "e", the dog rattled by a stroke on 2 and 4 and again on 3's
    # "and", the dog hammered long on 1.
    "stamp-and-dog": (
        (0, KICK),
        (8, KICK),
        (13, KICK),
        (4, SNARE),
        (12, SNARE),
        (10, SNARE),
        (0, CRASH),
    ),
    # A key's tangent clacking back on every beat's "and" but 4's, a stroke's chatter choked on 4's
    # "a".
    "tangent-clacks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIMSHOT) for k in (2, 6, 10)),
        (15, CLAP),
    ),
    # The wheel's rim rubbed dry on every "e" and "a" but 1's, held on 2's "and", long on 4's "and".
    "rubbed-rim": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (5, 7, 9, 11, 13, 15)),
        (6, PEDAL_HAT),
        (14, OPEN_HAT),
    ),
    # The drone strings' hooks rattling on 1's and 3's "and", the wheel turned dry on 2's and 4's
    # "a", the keys knocked high on 1's "a" and low on 3's "a".
    "rattling-hooks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (2, 10)),
        *((k, DRY_WHEEL) for k in (7, 15)),
        (3, HIGH_BLOCK),
        (11, LOW_BLOCK),
    ),
    # The soundbox knocked, high on 2's "e" and 4's "e", low on 1's "a" and 3's "and".
    "knocked-soundbox": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_TOM) for k in (5, 13)),
        *((k, LOW_TOM) for k in (3, 10)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((72.0, 150.0), (48.0, 86.0), (66.0, 142.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "megaphone",
    "vitaphone",
    "room+vitaphone",
    "megaphone+aac",
    "plate+megaphone",
    "vitaphone+mp3",
    "megaphone+limit",
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
