"""The dysse split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-sixth pass of method work by someone other than whoever tunes, while hunebed
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI,
iv and ii° in minor) by ways of their own (vi and ii rocking round IV before IV turns minor and I
comes in for two bars; ii and vi swapping round IV before bVII steps up to I; a minor song circling
VI and ii° round iv before its V; a minor song swinging iv and VI round ii° before its V) and come
home on I (i); modal vamps (dorian on i, v, IV and bVII, mixolydian on I, vi, bVII, IV and v, lydian
on I, vi, II, V and iii, phrygian on i, bVI, bII, bvii and iv) and ambiguous loops new by root
motion; a bar of eighteen beats of two eighths, drum patterns of the mouth harps' and their players'
own sounds (the tongue's thud under breath forced through the slot, the tongue rattling against its
frame, a string of harps jangling on their cord, the frame tapped on a tooth, the harps' cases
knocked) and a tempo range, and timbres no other split has: its instruments are no recordings, no
soundfont, no STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM,
waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or
bell, no hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no
bore, no tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no
glass or friction instrument, no instrument that wind or water sounds, no mechanical music, no
instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, but
mouth harps plucked at the lips, computed in numpy (trump_render: a Maultrommel's steel tongue, a
khomus's, a morsing's, a bass harp's, a mukkuri's bamboo tongue jerked by its cord, a dan moi's
brass reed, a kubing's bamboo tongue; the air the tongue lets through the frame's slot on either
side of each swing, its harmonics thinning as the swing dies towards the frame's depth, radiated as
its rate of change and lifted by the player's mouth as it moves from one vowel to another; the
tongue's own second mode at each pluck; a held note strummed), its drums the harps' tongues, frames
and cases and the players' breath and tongues, computed the same way. Its clips then go through a
record's production (production.produce: a ship's tannoy heard on its open deck, and a cassette
dubbed at high speed on a twin-well deck, beside a room, a plate and lossy encodes), or none. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

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
from soundforge.testing.trump_render import TRUMP_SET

SPLIT = "dysse"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and ii
    # rocking round IV before IV turns minor and I comes in for two bars (no V); ii and vi swapping
    # round IV before bVII steps up to I (no V); a minor song circling VI and ii° round iv before
    # its V; a minor song swinging iv and VI round ii° before its V.
    "dwelling": (
        written("vi IV ii IV vi iv I I", "major", "9m7 5 2m 5M7 9m 5m6 0 0M7", own=SPLIT),
        written("ii IV vi IV ii vi bVII I", "major", "2m7 5 9m 5M7 2m 9m7 10 0", own=SPLIT),
        written("VI iv ii° iv VI iv V i", "minor", "8M7 5m 2o 5m7 8 5m 7d7 0m", own=SPLIT),
        written("iv ii° VI ii° iv ii° V i", "minor", "5m7 2h7 8 2o 5m 2h7 7d7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's minor v, IV and bVII, mixolydian's vi, bVII, IV and
    # minor v, lydian's vi, II, V and iii, phrygian's bVI, bII, minor bvii and iv.
    "modal": (
        written("dorian i-v-i-i-IV-i-bVII-i", "minor", "0m7 7m 0m 0m9 5 0m 10 0m7", DORIAN, own=SPLIT),
        written("mixolydian I-vi-I-bVII-I-I-IV-v", "major", "0 9m 0d7 10 0 0 5 7m7", MIXOLYDIAN, own=SPLIT),
        written("lydian I-vi-I-I-II-I-V-iii", "major", "0M7 9m7 0 0M9 2 0 7 4m", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bVI-i-i-bII-i-bvii-iv", "minor", "0m 8 0m7 0m 1M7 0m 10m 5m7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: iii opening a loop that falls to vi, climbs to IV and
    # steps down to ii, then iii and vi again before V and I; a minor loop on bVII and bIII climbing
    # through iv to bVI, then bVII and bIII again, whose i comes only after its V at the loop's end.
    "ambiguous": (
        written("iii vi IV ii iii vi V I", "major", "4m7 9m 5 2m7 4m 9m7 7 0", own=SPLIT),
        written("bVII bIII iv bVI bVII bIII V i", "minor", "10 3M7 5m7 8 10 3 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: eighteen beats a bar, each of two eighths; its tempo counts the beat.
METER = "18/4"
METER_LAYOUT = (18, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Mouth harps plucked at the lips (trump_render.TRUMP_SET): midi_render renders a trump set through
# trump_render. Each was checked by rendering to sound its note within a cent held still (its
# harmonics on the tongue's, however the mouth moves) and within ten cents as it is (a flick, the
# tongue's second mode), to stay within its level, to hold while it is strummed, and to render the
# same audio on every run. It has no piano, guitar, organ, brass, reed or voice and no program every
# other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = TRUMP_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (15, 16, 17),  # a Maultrommel's steel tongue, a khomus's, a morsing's
    "bass": (34, 35),  # a bass harp's wide tongue, a mukkuri's bamboo tongue
    "lead": (104, 105),  # a dan moi's brass reed, a kubing's bamboo tongue
}
# What its held tones and free-time chords play: a Maultrommel and a khomus strummed as long as the
# note is held (the free-time chords' bass, program 48, is the Maultrommel's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the harps' cases knocked (the toms), the
# frame tapped on a tooth (the wood blocks), breath and lips rustling past the frame (the maracas),
# a string of harps shaken on their cord (the crash).
LOW_TOM, MID_TOM, HIGH_BLOCK, LOW_BLOCK, RUSTLE, CRASH = 41, 45, 76, 77, 70, 49
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The tongue's thud again on 2's "a", breath puffed through the slot on every "e" and "a", held
    # on 4's "and".
    "thud-and-breath": (
        (0, KICK),
        (8, KICK),
        (7, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (1, 3, 5, 9, 11, 13, 15)),
        (14, PEDAL_HAT),
    ),
    # The tongue rattling against its frame on 2 and 4, choked on 3's "e" and 4's "a", the player's
    # tongue clicking on the palate on 1's "and" and 3's "and".
    "rattled-tongue": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAP) for k in (9, 15)),
        *((k, RIMSHOT) for k in (2, 10)),
    ),
    # A string of harps jangling on their cord on every beat's "a", shaken hard on 1, breath rustling
    # past the frame on 2's and 4's "and".
    "jangling-cord": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (3, 7, 11, 15)),
        (0, CRASH),
        *((k, RUSTLE) for k in (6, 14)),
    ),
    # The frame tapped on a tooth, high on every "e" of 1 and 3, low on their "a"s; breath held long
    # through the slot on 2's "and".
    "tooth-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_BLOCK) for k in (1, 9)),
        *((k, LOW_BLOCK) for k in (3, 11)),
        (6, OPEN_HAT),
    ),
    # The harps' cases knocked, mid on 1's "and" and 3's "e", low on 2's "e" and 4's "and" and 4's
    # "a".
    "knocked-cases": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, MID_TOM) for k in (2, 9)),
        *((k, LOW_TOM) for k in (5, 14, 15)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((68.0, 144.0), (50.0, 90.0), (64.0, 138.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "tannoy",
    "dub",
    "small-room+dub",
    "tannoy+opus",
    "hall+dub",
    "dub+mp3",
    "tannoy+limit",
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
