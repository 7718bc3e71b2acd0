"""The rath split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-fifth pass of method work by someone other than whoever tunes, while clochan
had not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI,
iv and ii° in minor) by ways of their own (vi, ii and IV circling before IV steps down to the
borrowed bIII, which falls to I, with no V; ii, IV and vi circling before the Neapolitan bII, a
chromatic third from vi, slides down to I, with no V; a minor song circling VI, ii° and iv before
iv's bass climbs through the raised fourth's diminished seventh to i; a minor song circling iv, ii°
and VI before the leading tone's diminished seventh hands over to V7 and i) and come home on I (i);
modal vamps, each visiting its mode's own half-diminished seventh (dorian on i, IV7, minor v, vi
half-diminished and bIII, mixolydian on I, bVII, iii half-diminished, vi and ii, lydian on I, II7,
#iv half-diminished, vi and iii, phrygian on i, bII, iv, v half-diminished and bVI) and ambiguous
loops new by root motion; a bar of seventeen beats of three eighths, drum patterns of the birds' own
sounds (eggs knocked by a vulture's stone, a snipe drumming and a manakin ticking, an owl's bill and a
nuthatch's with a swan's wings, hornbills' casques and a toucan's bill, a robin's shake, a sparrow's
dust bath and a hummingbird's chirp) and a tempo range, and timbres no other split has: its
instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no formant
voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel
or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone string, no
linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ pipe, no early
electronic instrument, no glass or friction instrument, no instrument that wind or water sounds, no
mechanical music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no
plucked psaltery, no mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing
flame, no siren, no spark or arc, no stepper or drive, no cricket, cicada or frog, but birds singing
through the syrinx, computed in numpy (bird_render: a blackbird's fluting, a wood pigeon's coo through
its closed beak, a zebra finch's harmonic stack, a nightingale's whistle and a canary's tour held, an
emu's drum and a bittern's boom, a song thrush's phrase, a hermit thrush's flute and a skylark's song;
the air parts the syrinx's labia once a period of the note, a sine below the swing at which they meet
and a clipped cosine past it, and the tract above them, the trachea, the gullet's cavity and the
beak, filters what they let through, so every partial stands on a harmonic of the note), its drums
the birds' own sounds, none of them sung, computed the same way. Its clips then go through a record's
production (production.produce: a song played in the next tent at a campsite heard lying in one's
own, and a song played from a parked car with its windows down on a multi-storey car park's deck
heard across it, beside a room, lossy encodes and a limiter), or none. It sits in its own module so
that whoever tunes does not read it in passing; labelled_material merges it in. Whoever tunes the
methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.bird_render import BIRD_SET
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
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "rath"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi, ii and IV
    # circling before IV steps down to the borrowed bIII, which falls to I (no V); ii, IV and vi
    # circling before the Neapolitan bII slides down to I (no V); a minor song circling VI, ii° and iv
    # before iv's bass climbs through #iv's diminished seventh to i; a minor song circling iv, ii° and
    # VI before vii's diminished seventh hands over to V7 and i.
    "dwelling": (
        written("vi ii IV vi ii IV bIII I", "major", "9m7 2m 5M7 9m 2m7 5 3M7 0", own=SPLIT),
        written("ii IV vi ii IV vi bII I", "major", "2m7 5 9m 2m 5M7 9m7 1M7 0", own=SPLIT),
        written("VI ii° iv VI ii° iv #iv°7 i", "minor", "8M7 2o 5m7 8 2h7 5m 6o7 0m", own=SPLIT),
        written("iv ii° VI iv ii° vii°7 V7 i", "minor", "5m7 2h7 8M7 5m 2o 11o7 7d7 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic, each visiting its mode's own half-diminished seventh: dorian's
    # IV7, minor v, vi ø7 and bIII, mixolydian's bVII, iii ø7, vi and ii, lydian's II7, #iv ø7, vi and
    # iii, phrygian's bII, iv, v ø7 and bVI.
    "modal": (
        written("dorian i-IV-i-v-i-viø7-i-bIII", "minor", "0m7 5d7 0m 7m7 0m9 9h7 0m 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-bVII-I-iiiø7-I-vi-I-ii",
            "major",
            "0d7 10M7 0 4h7 0d7 9m7 0 2m7",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("lydian I-II-I-#ivø7-I-vi-I-iii", "major", "0M7 2d7 0 6h7 0M9 9m7 0M7 4m", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-iv-i-vø7-i-bVI", "minor", "0m 1M7 0m7 5m7 0m 7h7 0m7 8", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: iii to vi, IV and I, then ii, V and vi before I; a minor
    # loop from bIII to bVII, iv and i, then bVI, bIII and minor v before i.
    "ambiguous": (
        written("iii vi IV I ii V vi I", "major", "4m7 9m 5M7 0 2m7 7 9m7 0", own=SPLIT),
        written("bIII bVII iv i bVI bIII v i", "minor", "3M7 10 5m7 0m 8M7 3 7m 0m", own=SPLIT),
    ),
}
# The split's own meter: seventeen beats a bar, each of three eighths; its tempo counts the beat.
METER = "51/8"
METER_LAYOUT = (17, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "6/8", "3/4", "4/4", "12/8", METER, METER)
# Birds singing through the syrinx (bird_render.BIRD_SET): midi_render renders a bird set through
# bird_render. Each was checked by rendering to sound its note within a cent held still (its harmonics
# on the note's, the slide into the note, the trembling, the labia's jitter and the breath stilled)
# and within ten cents as it is, to stay within its level, to hold while its key is down, and to
# render the same audio on every run. It has no piano, guitar, organ, brass, reed or voice and no
# program every other split shares beside its own, so the split draws only the programs below
# (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BIRD_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (11, 22, 53),  # a blackbird's fluting, a wood pigeon's coo, a zebra finch's stack
    "bass": (32, 35),  # an emu's drum, a bittern's boom
    "lead": (72, 75, 79),  # a song thrush's phrase, a hermit thrush's flute, a skylark's song
}
# What its held tones and free-time chords play: a nightingale's whistle held and a canary's tour
# held, sounding as long as the note is held (the free-time chords' bass, program 48, is the
# nightingale's).
SUSTAINED_PROGRAMS = (48, 50)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: eggs knocked (the toms), a manakin's
# feathers ticking (the second snare), an oystercatcher's bill on a mussel (the claves), hornbills'
# casques butted (the wood blocks), a sparrow's dust bath (the maracas) and a hummingbird's tail
# chirping, short and long (the triangles).
LOW_EGG, MID_EGG, HIGH_EGG, TICKS, MUSSEL, HIGH_CASQUE, LOW_CASQUE, DUST, CHIRP, LONG_CHIRP = (
    41, 45, 48, 40, 75, 76, 77, 70, 80, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Eggs knocked by a vulture's stone: the goose's on 1's "e", the emu's on 2's "a", the ostrich's
    # on 4's "and".
    "vulture-eggs": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, HIGH_EGG),
        (7, MID_EGG),
        (14, LOW_EGG),
    ),
    # A snipe drumming on every "and", a manakin's feathers ticking on 3's "e".
    "snipe-drumming": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10, 14)),
        (9, TICKS),
    ),
    # An owl's bill snapped on 1, 2's "e", 3 and 4's "e", a nuthatch's bill on 2's and 4's "and", a
    # swan's wings on 3's "a".
    "owl-and-nuthatch": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (0, 5, 8, 13)),
        *((k, PEDAL_HAT) for k in (6, 14)),
        (11, OPEN_HAT),
    ),
    # Hornbills' casques butted high on 1's "a" and low on 3's "a", a toucan's bill on 2's and 4's
    # "e", an oystercatcher's bill on a mussel on 4's "and".
    "casque-and-toucan": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_CASQUE),
        (11, LOW_CASQUE),
        *((k, COWBELL) for k in (5, 13)),
        (14, MUSSEL),
    ),
    # A robin's shake on 1's and 3's "and", a sparrow's dust bath on every "e", a hummingbird's chirp
    # short on 2's "a" and long on 4's "a".
    "robin-and-sparrow": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (2, 10)),
        *((k, DUST) for k in (1, 5, 9, 13)),
        (7, CHIRP),
        (15, LONG_CHIRP),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((66.0, 150.0), (46.0, 85.0), (63.0, 142.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "next-tent",
    "car-park",
    "next-tent+mp3",
    "aac+car-park",
    "room+next-tent",
    "limit+car-park",
    "car-park+opus",
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
