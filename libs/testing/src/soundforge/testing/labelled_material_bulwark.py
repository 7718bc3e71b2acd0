"""The bulwark split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-sixth pass of method work by someone other than whoever tunes, while palisade had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and
ii° in minor) by ways of their own and come home on I (i); modal vamps that come back to their tonic
every other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar of a
meter of its own, drum patterns of a pipe band's drum corps and the pipers' own sounds and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no
STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no band's bore,
no tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or
friction instrument, no instrument that wind or water sounds, no mechanical music, no instrument of
stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no
string bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an
electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel tongue drum, no
steel guitar, no flute blown across an edge, no lamellophone, but bagpipes, reeds blown from a bag,
computed in numpy (bag_render: a pipe band's Highland chanters and drones, Scottish smallpipes, a
zampogna's two chanters, the uilleann pipes' chanter, drones and bass regulator, Northumbrian
smallpipes with their chanter closed at its foot and a gaida; each a beating reed whose flow drives a
conical or cylindrical bore, its holes letting the highs out past their cutoff, the bag's pressure
swinging slowly and setting every note as loud as the last, each note cut in by a gracenote where a
piper would cut it, the drones beating slowly), its drums a pipe band's drum corps and the pipers' own
sounds, none of them held, computed the same way. Its clips then go through a record's production
(production.produce: a song on a television's soundbar in a living room, its wireless subwoofer in a
corner, beside lossy encodes and a limiter), or none. It sits in its own module so that whoever tunes
does not read it in passing; labelled_material merges it in. Whoever tunes the methods should not open
this file.
"""

from __future__ import annotations

from soundforge.testing.bag_render import BAG_SET
from soundforge.testing.labelled_notation import (
    AEOLIAN,
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "bulwark"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): nine bars of vi
    # and ii trading round IV, V suspended home; ten bars of IV and vi about ii, iii and IV before V; a
    # minor song of ten bars of VI and ii° about iv, bVII and V home and i held; a minor song of nine
    # bars of iv about VI and ii°, V home and i held.
    "dwelling": (
        written("vi IV ii IV vi ii IV V I", "major", "9m9 5M7 2m7 5M69 9m7 2m11 5M7s11 7d9s4 0M9", own=SPLIT),
        written(
            "IV ii vi ii IV vi iii IV V I", "major", "5M9 2m7 9m7 2m11 5M7 9m9 4m7 5M6 7d13 0M9", own=SPLIT
        ),
        written(
            "VI iv ii° iv VI ii° bVII V i i",
            "minor",
            "8M7 5m9 2h7 5m7 8M9 2o 10d7 7d7b9 0m9 0m",
            own=SPLIT,
        ),
        written("iv VI iv ii° VI iv V i i", "minor", "5m7 8M9 5m 2h7 8M7 5m9 7d7b13 0m7 0m9", own=SPLIT),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords, each in
    # ten bars, the tonic held the last two: dorian's bVII, major IV, minor ii and minor v; phrygian's
    # bII, minor bvii, bVI and minor iv; lydian's minor iii, minor vii, II and V; aeolian's minor iv,
    # bIII, bVII and bVI.
    "modal": (
        written(
            "dorian i-bVII-i-IV-i-ii-i-v-i-i",
            "minor",
            "0m9 10M7 0m7 5d9 0m6 2m7 0m9 7m7 0m7 0m69",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i-bII-i-bvii-i-bVI-i-iv-i-i",
            "minor",
            "0m7 1M7 0m 10m7 0m7 8M7 0m 5m7 0m7 0m",
            PHRYGIAN,
            own=SPLIT,
        ),
        written(
            "lydian I-iii-I-vii-I-II-I-V-I-I",
            "major",
            "0M7 4m7 0M9 11m7 0M7s11 2d7 0M9 7M7 0 0M7",
            LYDIAN,
            own=SPLIT,
        ),
        written(
            "aeolian i-iv-i-bIII-i-bVII-i-bVI-i-i",
            "minor",
            "0m9 5m7 0m7 3M7 0m 10 0m9 8M9 0m7 0m",
            AEOLIAN,
            own=SPLIT,
        ),
    ),
    # Loops whose home is not said at once: ii and vi before iii and IV, I and V, vi and V to I, nine
    # bars; a minor loop from iv through the relative major's bVII, bIII and bVI, the minor v to i, bVII
    # and i again.
    "ambiguous": (
        written("ii vi iii IV I V vi V I", "major", "2m7 9m7 4m7 5M9 0 7 9m 7d7 0M7", own=SPLIT),
        written("iv bVII bIII bVI v i bVII i", "minor", "5m7 10 3M7 8M9 7m7 0m7 10d7 0m9", own=SPLIT),
    ),
}
# The split's own meter: twenty-four beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "96/16"
METER_LAYOUT = (24, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("3/4", "4/4", "12/8", "6/8", "4/4", "5/4", METER, METER)
# Bagpipes (bag_render.BAG_SET): midi_render renders a bag set through bag_render. Each was checked by
# rendering to sound its note within a cent held still and within ten cents as it is, to stay within
# its level, to hold while its key is down, and to render the same audio on every run. It has no piano,
# guitar, organ, brass, reed or voice of the kinds every other split shares, so the split draws only the
# programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BAG_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (109, 68, 69),  # a pipe band's Highland chanters, Scottish smallpipes, a zampogna
    "bass": (32, 33),  # an uilleann bass regulator, a zampogna's manca
    "lead": (71, 72, 111),  # an uilleann chanter, Northumbrian smallpipes, a gaida
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the bag slapped by the palm (the second
# bass drum), the snare's head cracked at its edge (the second snare), the tenor drums low, in the
# middle and high (three of the toms), the chanter's metal sole tapped (the ride's bell), two drumsticks
# clicked (the claves) and the snare's shell and the bass drum's knocked (the wood blocks).
BAG_SLAP, EDGE_CRACK, LOW_TENOR, MID_TENOR, HIGH_TENOR, CHANTER_SOLE, STICKS, SNARE_SHELL, BASS_SHELL = (
    35, 40, 41, 45, 50, 53, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The tenor drums swung low on 1's "e", in the middle on 2's "a", high on 3's "and"; the snare's
    # edge cracked on 4's "a".
    "tenor-flourishes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, LOW_TENOR),
        (7, MID_TENOR),
        (10, HIGH_TENOR),
        (15, EDGE_CRACK),
    ),
    # A drone's ferrule tapped on every "and", its stock knocked on 2's "e" and 4's "e".
    "ferrule-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10, 14)),
        (5, RIMSHOT),
        (13, RIMSHOT),
    ),
    # Sticks clicked on 1's "a" and 3's "e", the snare's shell knocked on 2's "and", the bass drum's on
    # 4's "a".
    "count-in-clicks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, STICKS),
        (9, STICKS),
        (6, SNARE_SHELL),
        (15, BASS_SHELL),
    ),
    # The snare's wires tapped alone on 1's "e" and 3's "e", the bag squeezed on 2's "a", slapped on 3's
    # "a", the blowpipe's valve clicking on 4's "and".
    "wire-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, CLOSED_HAT),
        (9, CLOSED_HAT),
        (7, CLAP),
        (11, BAG_SLAP),
        (14, PEDAL_HAT),
    ),
    # The drone cords' tassels shaken on every "a", a tenor drum's hoop struck on 2's "and", the
    # chanter's sole tapped on 4's "e".
    "tassel-shakes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (3, 7, 11, 15)),
        (6, COWBELL),
        (13, CHANTER_SOLE),
    ),
}
# Songs in simple meters, songs in compound (slow: 46-84), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((56.0, 152.0), (46.0, 84.0), (60.0, 148.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "soundbar",
    "soundbar+mp3",
    "aac+soundbar",
    "soundbar+opus",
    "soundbar+limit",
    "soundbar+aac",
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
