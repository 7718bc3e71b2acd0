"""The casemate split's own material: read once, only for the final numbers, never to choose a method.

Written for the seventy-first pass of method work by someone other than whoever tunes, after ravelin
had been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and ii°
in minor) by ways of their own and come home on I (i); modal vamps that come back to their tonic every
other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar of a meter
of its own, drum patterns of an early-music consort's percussion and a tempo range of its own, and
timbres no other split has: its instruments are no recordings, no soundfont, no STK model, no
waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable,
granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered or
plucked keyboard string, no additive resynthesis, no drone string, no linear-arithmetic tone, no
band's bore, no tape frame, no orchestra's bowed string, no fretted string, no organ pipe, no early
electronic instrument, no glass or friction instrument, no instrument that wind or water sounds, no
mechanical music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no
plucked psaltery, no mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing
flame, no siren, no spark or arc, no stepper or drive, no cricket, cicada or frog, no bird, no string,
bar or fork driven by an electromagnet, no light-tone instrument, no musical bow or string drum, no
harp, no skin tuned to a note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan
or steel tongue drum, no steel guitar, no flute blown across an edge, no lamellophone, no bagpipe, no
huqin, no frame xylophone, but tangent-struck keyboard strings, computed in numpy (clavichord_render:
a fretted clavichord, double and triple, whose neighbouring keys share a pair of strings so the higher
of two wins; an unfretted clavichord; a large German clavichord with 4' strings in its bass; a tangent
piano, with and without its moderator; each key's pair of stiff strings beating through a small
soundboard, the clavichord's tangent held on them while the key is down, sharpening them as it presses
and swinging them in bebung on a held note, the note stopped by the listing cloth the instant the key
rises), its drums an early-music consort's percussion and the players' own sounds, none of them held,
computed the same way. Its clips then go through a record's production (production.produce: a
museum's audio guide heard through its handset held to one ear in a gallery, the player's companded
store, the receiver, the seal at the ear leaking as the hand drifts, the gallery's ventilation and
murmur, beside lossy encodes and a limiter), or none. It sits in its own module so that whoever tunes
does not read it in passing; labelled_material merges it in. Whoever tunes the methods should not
open this file.
"""

from __future__ import annotations

from soundforge.testing.clavichord_render import CLAVICHORD_SET
from soundforge.testing.labelled_notation import (
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

SPLIT = "casemate"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): eleven bars of
    # vi, ii and IV turning over, V home; twelve bars of ii and vi about IV, iii and vi to V home; a
    # minor song of eleven bars of iv and VI about ii°, V home and i held; a minor song of twelve bars
    # of VI, iv and ii° turning, III and V home and i held.
    "dwelling": (
        written(
            "vi ii IV vi ii IV ii vi IV V I",
            "major",
            "9m7 2m9 5M7 9m9 2m7 5M69 2m11 9m7 5M9 7d9 0M9",
            own=SPLIT,
        ),
        written(
            "ii vi IV ii vi vi IV ii iii vi V I",
            "major",
            "2m7 9m9 5M9 2m9 9m7 9m11 5M7 2m7 4m7 9m7 7d13 0M7",
            own=SPLIT,
        ),
        written(
            "iv ii° VI iv VI ii° iv VI V i i",
            "minor",
            "5m7 2h7 8M7 5m9 8M9 2h7 5m 8M7 7d7b9 0m9 0m",
            own=SPLIT,
        ),
        written(
            "VI iv ii° VI ii° iv VI iv III V i i",
            "minor",
            "8M9 5m7 2o 8M7 2h7 5m9 8M7 5m 3M7 7d7b13 0m7 0m9",
            own=SPLIT,
        ),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # mixolydian's minor vi, bVII and minor v in eight bars, the tonic held the last two; phrygian's
    # minor bvii, bII and bIII in eight, the tonic held the last two; dorian's minor v, bIII, major IV
    # and minor ii in ten, the tonic held the last two; lydian's minor vii, major II and V in eight, the
    # tonic held the last two.
    "modal": (
        written(
            "mixolydian I-vi-I-bVII-I-v-I-I", "major", "0d7 9m7 0 10M7 0d9 7m7 0d7 0", MIXOLYDIAN, own=SPLIT
        ),
        written(
            "phrygian i-bvii-i-bII-i-bIII-i-i", "minor", "0m7 10m7 0m 1M7 0m7 3d7 0m 0m7", PHRYGIAN, own=SPLIT
        ),
        written(
            "dorian i-v-i-bIII-i-IV-i-ii-i-i",
            "minor",
            "0m7 7m7 0m9 3M7 0m6 5d7 0m7 2m7 0m11 0m9",
            DORIAN,
            own=SPLIT,
        ),
        written("lydian I-vii-I-II-I-V-I-I", "major", "0M7 11m7 0M9 2d7 0M7s11 7M7 0 0M9", LYDIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: vi and IV, iii and vi, ii and V, IV to I, eight bars; a minor
    # loop on the relative major's bIII and bVII, iv and bVI to i, minor v and the dominant bVII to i.
    "ambiguous": (
        written("vi IV iii vi ii V IV I", "major", "9m7 5M9 4m7 9m 2m7 7d9 5M7 0M7", own=SPLIT),
        written("bIII bVII iv bVI i v bVII i", "minor", "3M7 10 5m7 8M7 0m9 7m7 10d7 0m", own=SPLIT),
    ),
}
# The split's own meter: thirty-one beats a bar, each of two eighths; its tempo counts the beat.
METER = "31/4"
METER_LAYOUT = (31, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "12/8", "4/4", METER, "4/4", "6/8", METER)
# Tangent-struck keyboard strings (clavichord_render.CLAVICHORD_SET): midi_render renders a
# clavichord set through clavichord_render. Each was checked by rendering to sound its note within a
# cent pressed with no force (and within ten as it is pressed), to stay within its level, to hold
# while its key is down where it holds a note, and to render the same audio on every run. It has no
# piano, guitar, organ, brass, reed or voice of the kinds every other split shares, so the split draws
# only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = CLAVICHORD_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (6, 7, 1),  # a double-fretted clavichord, an unfretted one, a tangent piano
    "bass": (3, 4),  # a large German clavichord's bass (its 4' strings), a tangent piano's bass
    "lead": (
        8,
        2,
        5,
    ),  # a triple-fretted clavichord, the German clavichord's treble, a moderated tangent piano
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them): clavichords' keys held down under bebung.
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the frame drum damped (the other bass
# drum), the tabor struck at its edge (the other snare), the nakers low and high (two of the toms), the
# triangle struck in its corner (the ride's bell), the rasp (the cabasa), the sistrum (the maracas),
# the bones (the claves) and the castanets, high and low (the wood blocks).
DAMPED_FRAME, TABOR_EDGE, LOW_NAKER, HIGH_NAKER, TRIANGLE_CORNER = 35, 40, 43, 47, 53
RASP, SISTRUM, BONES, HIGH_CASTANETS, LOW_CASTANETS = 69, 70, 75, 76, 77
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The nakers, low on 1's "a" and 3's "e", high on 2's "and" and 4's "e".
    "naker-pairs": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, LOW_NAKER),
        (9, LOW_NAKER),
        (6, HIGH_NAKER),
        (13, HIGH_NAKER),
    ),
    # The castanets, high on every beat's "e" and low on 2's and 4's "a".
    "castanet-rolls": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_CASTANETS) for k in (1, 5, 9, 13)),
        (7, LOW_CASTANETS),
        (15, LOW_CASTANETS),
    ),
    # The triangle on every "and", struck in its corner on 3's "a"; the finger cymbals choked on 1's
    # "a", ringing on 4's "and".
    "triangle-rings": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10)),
        (11, TRIANGLE_CORNER),
        (3, CLOSED_HAT),
        (14, OPEN_HAT),
    ),
    # The frame drum damped on 2's "a", the tabor's edge on 1's "and" and 3's "e", the tambourine on
    # 4's "a".
    "tabor-and-frame": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, DAMPED_FRAME),
        (2, TABOR_EDGE),
        (9, TABOR_EDGE),
        (15, TAMBOURINE),
    ),
    # The sistrum on 1's and 3's "and", the rasp on 2's "e", the bones on 3's "a" and 4's "e".
    "sistrum-and-bones": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, SISTRUM),
        (10, SISTRUM),
        (5, RASP),
        (11, BONES),
        (13, BONES),
    ),
}
# Songs in simple meters, songs in compound (slow: 46-82), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((58.0, 146.0), (46.0, 82.0), (62.0, 152.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "audio-guide",
    "audio-guide+aac",
    "mp3+audio-guide",
    "audio-guide+opus",
    "audio-guide+limit",
    "audio-guide+mp3",
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
