"""The naveta split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-second pass of method work by someone other than whoever tunes, while talayot
was still held out beside it. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own (ii, IV and vi climbing and falling back before I comes
in for two bars, IV and vi turning round ii before IV hands over to I, a minor song rocking iv and
VI round ii° before its V, a minor song opening on ii° and rocking iv and VI before its V) and come
home on I (i); modal vamps (dorian on i, ii, IV and bIII, mixolydian on I, IV, v and bVII, lydian on
I, iii, II and vii, phrygian on i, bVI, bII, bvii and iv) and ambiguous loops new by root motion; a bar
of sixteen beats of two eighths, drum patterns of stone, earth and wood (an udu's bloop, a slit log's
call, pebbles poured, stones clapped, a rock gong's walk) and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no
formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no
tonewheel or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone
string, no linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ pipe,
no early electronic instrument, no glass or friction instrument, no instrument that wind or water
sounds, no mechanical music, but instruments of stone, earth and wood, struck, computed in numpy
(earth_render: a lithophone's slate slabs, a rock gong's basalt slabs and phonolite slabs as free-free
bars thickened by their shear, a slit log drum's tongues as cantilevers over the log's hollow, an
udu's tuned clay pots as their air's Helmholtz resonance swept onto the note as the palm leaves the
hole, slabs and tongues rolled with two beaters), its drums an udu's bloop and slap, clay pots,
stones clapped, pebbles rattled and poured, a stone scraped, claves, wood blocks and a rock gong,
computed the same way. Its clips then go through a record's production (production.produce: a
railway concourse's horn loudspeakers, near and far, under its long reverb, a video call's noise
suppressor on its wideband link, beside a room, a plate and lossy encodes), or none. It sits in its
own module so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever
tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.earth_render import EARTH
from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PHRYGIAN,
    RIDE,
    SNARE,
    Progression,
    written,
)

SPLIT = "naveta"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ii, IV and vi
    # climbing and falling back before I comes in for two bars; IV and vi turning round ii before IV
    # hands over to I; a minor song rocking iv and VI round ii° before its V; a minor song opening on
    # ii° and rocking iv and VI before its V.
    "dwelling": (
        written("ii IV vi IV ii vi I I", "major", "2m7 5 9m 5M7 2m 9m7 0 0a9", own=SPLIT),
        written("IV ii vi ii IV vi IV I", "major", "5 2m7 9m 2m 5a9 9m7 5M7 0", own=SPLIT),
        written("iv VI iv ii° VI ii° V i", "minor", "5m 8 5m7 2o 8M7 2h7 7d7 0m", own=SPLIT),
        written("ii° iv ii° VI iv VI V i", "minor", "2h7 5m 2o 8M7 5m7 8 7d7b9 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's ii, IV and bIII, mixolydian's IV, minor v and bVII,
    # lydian's iii, II and vii, phrygian's bVI, bII, minor bvii and iv.
    "modal": (
        written("dorian i-ii-i-IV-bIII-IV-i-i", "minor", "0m7 2m7 0m 5d7 3M7 5 0m7 0m", DORIAN, own=SPLIT),
        written("mixolydian I-IV-I-v-I-bVII-IV-I", "major", "0 5 0 7m7 0d7 10 5 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-iii-I-II-I-vii-II-I", "major", "0M7 4m7 0 2 0 11m7 2 0M7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bVI-i-bII-i-bvii-iv-i", "minor", "0m 8 0m7 1M7 0m 10m 5m7 0m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: ii and V leaning to vi, then IV, ii and V again before IV
    # hands over to I; a minor loop opening on its relative major's IV and I (bIII, bVII) around iv and bVI,
    # whose i comes only at the loop's end.
    "ambiguous": (
        written("ii V vi IV ii V IV I", "major", "2m7 7 9m 5M7 2m 7d7 5 0", own=SPLIT),
        written("bIII bVII iv bVI bIII iv bVII i", "minor", "3 10 5m 8 3M7 5m7 10 0m", own=SPLIT),
    ),
}
# The split's own meter: sixteen beats a bar, each of two eighths; its tempo counts the beat.
METER = "16/4"
METER_LAYOUT = (16, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Instruments of stone, earth and wood (earth_render.EARTH): midi_render renders an earth set through
# earth_render. Each was checked by rendering to sound its note within a cent (its modes where a
# free-free or a clamped-free beam's physics or a pot's air puts them), to stay within its level, to
# hold while its beaters roll it, and to render the same audio on every run. It has no piano, guitar,
# organ, brass, reed or voice and no program every other split shares beside its own, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = EARTH.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (12, 13, 14),  # a lithophone's slate slabs, a slit log drum's tongues, a rock gong's slabs
    "bass": (32, 33),  # an udu's tuned pots, a big slit log's bass tongues
    "lead": (9, 10),  # phonolite slabs, a slit drum's high tongues
}
# What its held tones and free-time chords play: a slate slab and a slit drum's tongue rolled with
# two beaters as long as the note is held (the free-time chords' bass, program 48, is the slab
# rolled).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a clay pot's mouth and the slit drum's
# low tongues (the toms), the claves, pebbles poured (the crash), the rock gong's slab let ring (the
# open triangle), pebbles in a gourd-shaped pot (the maracas), a stone scraped (the long guiro).
LOW_TOM, MID_TOM, HIGH_TOM, CLAVES, GONG_RING, PEBBLES, SCRAPE = 41, 45, 48, 75, 81, 70, 74
CRASH = 49  # pebbles poured from a clay pot
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # An udu's bloop: the pebbles shaken short on every "and", the clay pot's mouth answering on 2's
    # and 4's last sixteenth.
    "udu-bloop": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 10, 14)),
        (7, LOW_TOM),
        (15, LOW_TOM),
    ),
    # A slit log's call: the high tongue on 1's "a" and the middle one on 3's, the claves on 1, 2's
    # "and" and 4.
    "slit-log-call": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_TOM),
        (11, MID_TOM),
        *((k, CLAVES) for k in (0, 6, 12)),
    ),
    # Pebbles poured: the pebbles in the pot on every other sixteenth's "e" and "a", poured over 1,
    # shaken long on 4's "and".
    "pebble-pour": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, PEBBLES) for k in (1, 3, 5, 7, 9, 11, 13, 15)),
        (0, CRASH),
        (14, OPEN_HAT),
    ),
    # Stones clapped: two stones clapped with the snare and on 4's "and", a flint slab tapped on each
    # beat.
    "stone-clap": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAP) for k in (4, 12, 14)),
        *((k, RIDE) for k in (0, 4, 8, 12)),
    ),
    # A rock gong's walk: the slab damped on 1, its "a", 2's "and", 3 and 4, let ring on 1; a stone
    # scraped across 3.
    "rock-gong-walk": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (0, 3, 6, 8, 12)),
        (0, GONG_RING),
        (8, SCRAPE),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((72.0, 148.0), (58.0, 100.0), (68.0, 146.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "concourse",
    "video-call",
    "room+video-call",
    "concourse+mp3",
    "plate+video-call",
    "concourse+opus",
    "video-call+limit",
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
