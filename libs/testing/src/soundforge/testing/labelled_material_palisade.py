"""The palisade split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-fifth pass of method work by someone other than whoever tunes, while rampart had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and
ii° in minor) by ways of their own and come home on I (i); modal vamps that come back to their tonic
every other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar of a
meter of its own, drum patterns of the lamellophones' own sounds and their players' and a tempo range
of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no STK
model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape
frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an
electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel tongue drum, no
steel guitar, no flute blown across an edge, but lamellophones, tongues of metal plucked by the
thumbs, computed in numpy (lamella_render: an mbira dzavadzimu in its calabash with its bottle caps, a
kalimba on a hollow box, a sansula's tines over a drumhead, a likembe with rings on its keys and a
marimbula's broad tongues over the box its player sits on; each tongue a clamped cantilever ringing
at its inharmonic modes, let go by the thumb, a harder pluck brighter, lifted by the box's air, the
board's or the drumhead's modes, the buzzers clicking only while it rings hard enough to throw them),
its drums the lamellophones' own sounds and their players', none of them held, computed the same way.
Its clips then go through a record's production (production.produce: a song from a market stall's
cheap speaker, caught on a phone's voice memo in a crowded open-air market, beside a lossy encode and
a limiter), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    AEOLIAN,
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PEDAL_HAT,
    RIDE,
    SNARE,
    Progression,
    written,
)
from soundforge.testing.lamella_render import LAMELLA_SET

SPLIT = "palisade"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): nine bars of ii
    # and vi turning about IV, V suspended home; ten bars of IV, vi and ii about one another, iii and vi
    # before V; a minor song of ten bars of iv and ii° about VI, bVII home and i held; a minor song of
    # nine bars from ii° to VI and back, iv and VI, bVII and V home and i held.
    "dwelling": (
        written("ii IV vi IV ii vi IV V I", "major", "2m9 5M7 9m7 5M69 2m7 9m9 5M7s11 7d9s4 0M9", own=SPLIT),
        written(
            "IV vi ii vi IV ii iii vi V I", "major", "5M9 9m7 2m7 9m11 5M7 2m9 4m7 9m 7d13 0M7", own=SPLIT
        ),
        written(
            "iv VI ii° VI iv ii° iv bVII i i", "minor", "5m7 8M7 2h7 8M9 5m9 2h7 5m 10d7 0m9 0m", own=SPLIT
        ),
        written("ii° VI ii° iv VI bVII V i i", "minor", "2h7 8M7 2o 5m7 8M9 10 7d7b9 0m 0m9", own=SPLIT),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # aeolian's bVII, bVI, minor v and iv, dorian's major IV, minor ii, bVII and bIII, each in ten bars,
    # the tonic held the last two; mixolydian's bVII, minor v, IV and diminished iii in eight bars;
    # lydian's II, V, minor vi and diminished #iv in ten, the tonic held the last two.
    "modal": (
        written(
            "aeolian i-bVII-i-bVI-i-v-i-iv-i-i",
            "minor",
            "0m7 10 0m9 8M7 0m 7m7 0m7 5m7 0m 0m9",
            AEOLIAN,
            own=SPLIT,
        ),
        written(
            "dorian i-IV-i-ii-i-bVII-i-bIII-i-i",
            "minor",
            "0m7 5d7 0m6 2m7 0m9 10M7 0m7 3M7 0m69 0m",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "mixolydian I-bVII-I-v-I-IV-I-iii°", "major", "0d7 10 0 7m7 0d9 5M6 0s4 4o", MIXOLYDIAN, own=SPLIT
        ),
        written(
            "lydian I-II-I-V-I-vi-I-#iv°-I-I",
            "major",
            "0M7 2d7 0M9 7M7 0M7s11 9m7 0 6o 0M9 0",
            LYDIAN,
            own=SPLIT,
        ),
    ),
    # Loops whose home is not said at once: vi before IV and V, iii and IV before I, V to I again, eight
    # bars; a minor loop on the relative major's bVI, bIII and bVII, iv and bVI, the minor v to i held.
    "ambiguous": (
        written("vi IV V iii IV I V I", "major", "9m7 5M7 7 4m7 5M9 0 7d7 0M7", own=SPLIT),
        written("bVI bIII bVII iv bVI v i i", "minor", "8M7 3 10 5m7 8 7m7 0m7 0m9", own=SPLIT),
    ),
}
# The split's own meter: twenty-three beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "92/16"
METER_LAYOUT = (23, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "12/8", "3/4", "4/4", "6/8", "5/4", METER, METER)
# Lamellophones (lamella_render.LAMELLA_SET): midi_render renders a lamella set through lamella_render.
# Each was checked by rendering to sound its note within a cent held still and within ten cents as it
# is, to stay within its level, to hold while its key is down, and to render the same audio on every
# run. It has no piano, guitar, organ, brass, reed or voice of the kinds every other split shares, so
# the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = LAMELLA_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (12, 108, 8),  # an mbira dzavadzimu, a kalimba, a sansula
    "bass": (32, 33),  # a marimbula, an mbira's bass keys
    "lead": (107, 9, 10),  # a likembe, a treble kalimba, an mbira's treble keys
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the marimbula's box struck low, in the
# middle and high (three of the toms), the mbira's steel bridge rod tapped (the ride's bell), a stick of
# bottle caps shaken (the cabasa), a hosho shaken once (the maracas), a kalimba's hardwood bridge
# knocked (the claves) and the kalimba box's corner knocked (the high wood block).
LOW_BOX, MID_BOX, HIGH_BOX, BRIDGE_ROD, CAP_STICK, HOSHO, HARDWOOD_BRIDGE, BOX_CORNER = (
    43, 47, 50, 53, 69, 70, 75, 76
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A hosho shaken on 1's, 2's and 3's "and", the bottle caps' stick on 4's "a".
    "hosho-shakes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HOSHO) for k in (2, 6, 10)),
        (15, CAP_STICK),
    ),
    # Hand claps on 1's "a", 2's "and" and 3's "a", the kalimba's bridge knocked on 4's "and".
    "makwa-claps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAP) for k in (3, 6, 11)),
        (14, HARDWOOD_BRIDGE),
    ),
    # The marimbula's box struck low on 1's "a", in the middle on 2's "a", high on 3's "and", its clamp
    # bar knocked on 4's "and".
    "box-strokes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, LOW_BOX),
        (7, MID_BOX),
        (10, HIGH_BOX),
        (14, COWBELL),
    ),
    # The caps' stick shaken on 1's "e" and 3's "e", the bridge rod tapped on 2's "and", a thumbnail
    # across the muted tips on 4's "a".
    "cap-sticks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, CAP_STICK),
        (9, CAP_STICK),
        (6, BRIDGE_ROD),
        (15, PEDAL_HAT),
    ),
    # A muted tine's tip flicked on 1's and 3's "and", one tapped on 2's "e", the box's corner knocked
    # on 4's "e".
    "tine-flicks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, CLOSED_HAT),
        (10, CLOSED_HAT),
        (5, RIDE),
        (13, BOX_CORNER),
    ),
}
# Songs in simple meters, songs in compound (slow: 50-80), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((60.0, 146.0), (50.0, 80.0), (64.0, 140.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "market-memo",
    "market-memo+aac",
    "aac+market-memo",
    "market-memo+limit",
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
