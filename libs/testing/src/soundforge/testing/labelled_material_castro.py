"""The castro split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-sixth pass of method work by someone other than whoever tunes, while rath had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and
ii° in minor) by ways of their own (vi, IV and ii circling before the backdoor bVII steps up to I,
with no V; ii, vi and IV circling before IV turns minor and falls to I, with no V; a minor song
circling VI, iv and ii° before bVII climbs to i; a minor song circling ii°, iv and VI before the
relative major's bIII settles on i) and come home on I (i); modal vamps, each visiting its mode's own
chord a step from the tonic (dorian on i, minor ii, bVII, minor v and bIII, mixolydian on I, minor
v, IV, bVII and iii diminished, lydian on I, minor iii, minor vii, II and V, phrygian on i, minor
bvii, bII, bVI and iv) and ambiguous loops new by root motion; a bar of eighteen beats of three eighths,
drum patterns of the machines' own sounds (a fork's stem rattled on its box, the frets slapped by a
sustainer's pulse, the Choralcelo's bars and a lead's jack, a solenoid tapping the frame under an
EBow's scrape, a string pinged over the pickup and the bars' ends knocked) and a tempo range, and
timbres no other split has: its instruments are no recordings, no soundfont, no STK model, no
waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable,
granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string,
no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed
or fretted string, no organ pipe, no early electronic instrument, no glass or friction instrument, no
instrument that wind or water sounds, no mechanical music, no instrument of stone, earth or wood, no
gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string bowed by a wheel, no
vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no stepper or drive, no
cricket, cicada or frog, no bird, but strings, bars and forks driven by electromagnets, computed in
numpy (magnet_render: the Magnetic Resonator Piano's strings and its bass strings, the Choralcelo's
wire and its steel bars held, a Moog guitar's strings held, an EBow on an electric guitar and on a lap
steel, a sustainer guitar and bass, and Helmholtz's maintained tuning fork held; a pickup reads the
string, an amplifier clipped at its rail drives a coil with it and the magnet's pull, as the square
of its field, keeps it swinging, so the body takes the force at every harmonic of the note through
its modes and every partial stands on a harmonic of the note), its drums the machines' own sounds,
none of them held, computed the same way. Its clips then go through a record's production
(production.produce: a song played in another office heard through the ventilation duct joining the
rooms, and a song played from a phone on a landing some floors up a concrete stairwell heard at its
foot, beside a room, lossy encodes and a limiter), or none. It sits in its own module so that whoever
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
from soundforge.testing.magnet_render import MAGNET_SET

SPLIT = "castro"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi, IV and ii
    # circling before the backdoor bVII steps up to I (no V); ii, vi and IV circling before IV turns
    # minor and falls to I (no V); a minor song circling VI, iv and ii° before bVII climbs to i; a
    # minor song circling ii°, iv and VI before the relative major's bIII settles on i.
    "dwelling": (
        written("vi IV ii vi IV ii bVII I", "major", "9m7 5M7 2m 9m 5 2m7 10d7 0", own=SPLIT),
        written("ii vi IV ii vi IV iv I", "major", "2m7 9m 5M7 2m 9m7 5 5m6 0M7", own=SPLIT),
        written("VI iv ii° VI iv ii° bVII i", "minor", "8M7 5m 2h7 8 5m7 2o 10d7 0m", own=SPLIT),
        written("ii° iv VI ii° iv VI bIII i", "minor", "2h7 5m7 8M7 2o 5m 8 3M7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic, each visiting its mode's own chord a step from the tonic:
    # dorian's minor ii, bVII, minor v and bIII, mixolydian's minor v, IV, bVII and iii°, lydian's
    # minor iii, minor vii, II and V, phrygian's minor bvii, bII, bVI and iv.
    "modal": (
        written("dorian i-ii-i-bVII-i-v-i-bIII", "minor", "0m7 2m7 0m 10 0m9 7m7 0m 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-v-I-IV-I-bVII-I-iii°", "major", "0d7 7m7 0 5M7 0d7 10 0 4o", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-iii-I-vii-I-II-I-V", "major", "0M7 4m7 0 11m 0M9 2d7 0M7 7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bvii-i-bII-i-bVI-i-iv", "minor", "0m 10m7 0m7 1M7 0m 8M7 0m7 5m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi to iii, IV and I, then vi, V and ii before I; a minor
    # loop from bVI to i, bVII and iv, then bIII, minor v and bVI before i.
    "ambiguous": (
        written("vi iii IV I vi V ii I", "major", "9m7 4m 5M7 0 9m 7 2m7 0", own=SPLIT),
        written("bVI i bVII iv bIII v bVI i", "minor", "8M7 0m 10 5m7 3M7 7m 8 0m", own=SPLIT),
    ),
}
# The split's own meter: eighteen beats a bar, each of three eighths; its tempo counts the beat.
METER = "54/8"
METER_LAYOUT = (18, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "4/4", "12/8", METER, METER)
# Strings, bars and forks driven by electromagnets (magnet_render.MAGNET_SET): midi_render renders a
# magnet set through magnet_render. Each was checked by rendering to sound its note within a cent held
# still (its harmonics on the note's, the bar's slide, the trembling, the loop's phase noise and the
# hiss stilled) and within ten cents as it is, to stay within its level, to hold while its key is
# down, and to render the same audio on every run. It has no piano, guitar, organ, brass, reed or
# voice of the kinds every other split shares and no program every other split shares beside its own,
# so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = MAGNET_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (1, 15, 26),  # the Magnetic Resonator Piano's strings, the Choralcelo's wire, a Moog guitar
    "bass": (33, 43),  # a sustainer bass, the Magnetic Resonator Piano's bass strings
    "lead": (27, 29, 30),  # an EBow on a lap steel, an EBow guitar, a sustainer guitar
}
# What its held tones and free-time chords play: Helmholtz's maintained tuning fork held and the
# Choralcelo's steel bars held, sounding as long as the note is held (the free-time chords' bass,
# program 48, is the fork's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the Choralcelo's bars struck by the
# magnets' pulse (the toms), the frets slapped by a sustainer's pulse (the second snare), a string
# pinged over the pickup (the claves), the bars' ends knocked (the wood blocks), the strings brushed
# muted (the maracas) and the fork's clang ringing, short and long (the triangles).
LOW_BAR, MID_BAR, HIGH_BAR, FRETS, PING, HIGH_END, LOW_END, BRUSHED, CLANG, LONG_CLANG = (
    41, 45, 48, 40, 75, 76, 77, 70, 80, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A fork's stem rattled on its box on 1, 2's "and", 3's "e" and 4's "a", the fork struck on a knee
    # on 3's "and".
    "fork-on-box": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (0, 6, 9, 15)),
        (10, COWBELL),
    ),
    # The frets slapped by a sustainer's pulse on 1's "a" and 3's "a", a wound string scraped by a
    # pick on 2's and 4's "e".
    "slapped-frets": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, FRETS) for k in (3, 11)),
        *((k, TAMBOURINE) for k in (5, 13)),
    ),
    # The Choralcelo's bars struck low on 1's "and", middle on 3's "e" and high on 4's "and", a lead's
    # jack on every "a".
    "bars-and-jack": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, LOW_BAR),
        (9, MID_BAR),
        (14, HIGH_BAR),
        *((k, PEDAL_HAT) for k in (3, 7, 11, 15)),
    ),
    # A solenoid tapping the frame on 2's "and" and 4's "e", a magnet snapped onto a string on 1's
    # and 3's "e", an EBow's edge scraped along a wound string on 2's "a".
    "solenoid-and-scrape": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIMSHOT) for k in (6, 13)),
        *((k, CLOSED_HAT) for k in (1, 9)),
        (7, OPEN_HAT),
    ),
    # A string pinged over the pickup on 1's "a" and 3's "and", the bars' ends knocked high on 2's
    # "e" and low on 4's "and", the strings brushed muted on every "and", the fork's clang short on
    # 2's "and" and long on 4's "a".
    "ping-and-ends": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, PING),
        (10, PING),
        (5, HIGH_END),
        (14, LOW_END),
        *((k, BRUSHED) for k in (2, 6, 10, 14)),
        (6, CLANG),
        (15, LONG_CLANG),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((68.0, 148.0), (47.0, 83.0), (64.0, 137.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "air-duct",
    "stairwell",
    "air-duct+aac",
    "mp3+stairwell",
    "room+air-duct",
    "stairwell+limit",
    "opus+air-duct",
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
