"""The ravelin split's own material: read once, only for the final numbers, never to choose a method.

Written for the seventieth pass of method work by someone other than whoever tunes, after redoubt had
been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and ii° in
minor) by ways of their own and come home on I (i); modal vamps that come back to their tonic every
other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar of a meter
of its own, drum patterns of a Mande drum ensemble and the xylophonists' own sounds and a tempo range
of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no band's bore,
no tape frame, no orchestra's bowed string, no fretted string, no organ pipe, no early electronic
instrument, no glass or friction instrument, no instrument that wind or water sounds, no mechanical
music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery,
no mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no
spark or arc, no stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by
an electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel tongue drum, no
steel guitar, no flute blown across an edge, no lamellophone, no bagpipe, no huqin, but frame
xylophones of Africa and Central America, computed in numpy (balafon_render: a Mande balafon, a
Dagara gyil, Chopi timbila, the marimba de tecomates and Uganda's amadinda; each bar a free-free beam
whose first overtones its maker carves toward the ratios the tradition hears, or leaves where the
wood puts them, struck by a mallet whose hardness and stroke set its brightness, over a gourd tuned
to its note whose membrane buzzes once the gourd drives it past its rim, or over no gourd at all, a
held note rolled by two mallets), its drums a Mande drum ensemble and the players' own sounds, none
of them held, computed the same way. Its clips then go through a record's production
(production.produce: a festival's stage heard from far across a field, upwind of it, the sound
creeping along the ground in the wind's refraction shadow and scattered down by eddies, the wind and
the grass about the listener, beside lossy encodes and a limiter), or none. It sits in its own
module so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever
tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.balafon_render import BALAFON_SET
from soundforge.testing.labelled_notation import (
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PHRYGIAN,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "ravelin"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ten bars of IV,
    # ii and vi in turn, twice, iii and IV leading to V and home; nine bars of ii and IV about vi, iii
    # and V home; a minor song of nine bars of ii° and VI about iv, V home and i held; a minor song of
    # ten bars of iv and VI about ii°, V home and i held.
    "dwelling": (
        written(
            "IV ii vi IV ii vi iii IV V I",
            "major",
            "5M7 2m7 9m9 5M9 2m11 9m7 4m7 5M69 7d9s4 0M9",
            own=SPLIT,
        ),
        written("ii IV vi vi ii IV iii V I", "major", "2m9 5M7 9m7 9m11 2m7 5M9 4m7 7d13 0M7", own=SPLIT),
        written("ii° VI iv iv ii° VI V i i", "minor", "2h7 8M9 5m7 5m9 2o 8M7 7d7b9 0m9 0m7", own=SPLIT),
        written(
            "iv VI iv ii° VI ii° iv V i i", "minor", "5m7 8M7 5m9 2h7 8M9 2o 5m 7d7b13 0m 0m9", own=SPLIT
        ),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # mixolydian's bVII and IV together, its minor v and minor ii in eight bars; phrygian's bVI, minor
    # iv and bII in eight, the tonic held the last two; dorian's bVII, major IV, minor ii and bIII in
    # ten, the tonic held the last two; lydian's II, minor iii, minor vi and major V in eight.
    "modal": (
        written(
            "mixolydian I-bVII-IV-I-v-I-ii-I", "major", "0d7 10M7 5M7 0 7m7 0d9 2m7 0", MIXOLYDIAN, own=SPLIT
        ),
        written(
            "phrygian i-bVI-i-iv-i-bII-i-i", "minor", "0m7 8M7 0m 5m7 0m7 1M7 0m 0m7", PHRYGIAN, own=SPLIT
        ),
        written(
            "dorian i-bVII-i-IV-i-ii-i-bIII-i-i",
            "minor",
            "0m7 10 0m9 5d7 0m6 2m7 0m7 3M7 0m11 0m69",
            DORIAN,
            own=SPLIT,
        ),
        written("lydian I-II-I-iii-I-vi-I-V", "major", "0M7 2d7 0M9 4m7 0M7s11 9m7 0 7M7", LYDIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: vi and IV before I, iii and vi, ii and V to I, eight bars;
    # a minor loop on the relative major's bVI and bIII, bVII and iv to i, the dominant bVII and minor v
    # to i.
    "ambiguous": (
        written("vi IV I iii vi ii V I", "major", "9m7 5M9 0 4m7 9m 2m7 7d9 0M7", own=SPLIT),
        written("bVI bIII bVII iv i bVII v i", "minor", "8M7 3 10 5m7 0m9 10d7 7m7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-nine beats a bar, each of two eighths; its tempo counts the beat.
METER = "29/4"
METER_LAYOUT = (29, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "12/8", "3/4", "4/4", METER, "6/8", "4/4", METER)
# Frame xylophones (balafon_render.BALAFON_SET): midi_render renders a balafon set through
# balafon_render. Each was checked by rendering to sound its note within a cent, to stay within its
# level, to be rolled while its key is down where it holds a note, and to render the same audio on every
# run. It has no piano, guitar, organ, brass, reed or voice of the kinds every other split shares, so
# the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BALAFON_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (12, 13, 108),  # a balafon, a gyil, a timbila (sanje)
    "bass": (32, 33),  # a timbila (chikulu), a marimba de tecomates' bass
    "lead": (14, 15, 107),  # a marimba de tecomates, an amadinda, a small balafon
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the djembe's muted bass (the other bass
# drum) and its tone (the other snare), the dundunba, the sangban and the kenkeni (three of the toms),
# the dundunba's bell (the ride), the kenkeni's bell (the cowbell), the karignan (the cabasa), the
# shekere (the maracas), the mallets' handles (the claves) and the frame high and low (the wood blocks).
MUTED_BASS, DJEMBE_TONE, DUNDUNBA, SANGBAN, KENKENI, DUNDUN_BELL, KENKENI_BELL = 35, 40, 41, 45, 48, 51, 56
KARIGNAN, SHEKERE, HANDLES, HIGH_FRAME, LOW_FRAME = 69, 70, 75, 76, 77
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The dundunba's bell on 1's "a" and 2's "and", the kenkeni's bell on 3's "a", the dundunba
    # itself on 4's "and".
    "dundun-bells": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, DUNDUN_BELL),
        (6, DUNDUN_BELL),
        (11, KENKENI_BELL),
        (14, DUNDUNBA),
    ),
    # The sangban on 1's "and", the kenkeni on 2's "a" and 3's "and", the dundunba on 4's "e".
    "sangban-turns": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, SANGBAN),
        (7, KENKENI),
        (10, KENKENI),
        (13, DUNDUNBA),
    ),
    # The djembe's tones on 1's "and" and "a" and 3's "and", its muted bass on 4's "a", a ring on its
    # rim on 2's "and".
    "djembe-tones": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, DJEMBE_TONE),
        (3, DJEMBE_TONE),
        (10, DJEMBE_TONE),
        (15, MUTED_BASS),
        (6, RIMSHOT),
    ),
    # The shekere on every "and", the karignan scraped on 3's "e".
    "shekere-swirls": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, SHEKERE) for k in (2, 6, 10, 14)),
        (9, KARIGNAN),
    ),
    # The frame knocked high on 1's "e" and 3's "a", low on 2's "e"; the mallets' handles on 2's "a";
    # the sesse rattled on 4's "a".
    "frame-knocks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, HIGH_FRAME),
        (11, HIGH_FRAME),
        (5, LOW_FRAME),
        (7, HANDLES),
        (15, TAMBOURINE),
    ),
}
# Songs in simple meters, songs in compound (slow: 48-84), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((60.0, 148.0), (48.0, 84.0), (64.0, 150.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "upwind",
    "upwind+aac",
    "mp3+upwind",
    "upwind+opus",
    "upwind+limit",
    "upwind+mp3",
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
