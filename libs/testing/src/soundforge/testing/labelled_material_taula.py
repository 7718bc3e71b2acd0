"""The taula split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-third pass of method work by someone other than whoever tunes, while talayot
and naveta were still held out beside it. Its material is in none of the others: songs that sit on
vi, ii and IV (VI, iv and ii° in minor) by ways of their own (vi and ii rocking before IV and ii
lead to I, which comes in for two bars; IV and ii rocking before vi and ii turn back to IV, which
hands over to I; a minor song rocking ii° and VI, then iv and VI, before its V; a minor song
rocking VI and iv round ii° before its V) and come home on I (i); modal vamps (dorian on i, IV, ii,
bIII and v, mixolydian on I, bVII, ii, v and IV, lydian on I, II, iii and vii, phrygian on i, bvii,
bVI, bII and iv) and ambiguous loops new by root motion; a bar of sixteen beats of three eighths,
drum patterns of a gamelan (a kendang's ciblon strokes, the ceng-ceng's interlocking clashes, a
kempli's beat under a kajar, a gong's cycle, a kecrek against the puppeteer's box) and a tempo range,
and timbres no other split has: its instruments are no recordings, no soundfont, no STK model, no
waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping, wavetable,
granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no hammered string,
no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed
or fretted string, no organ pipe, no early electronic instrument, no glass or friction instrument, no
instrument that wind or water sounds, no mechanical music, no instrument of stone, earth or wood, but
a gamelan's bronzes, struck, computed in numpy (bronze_render: a gender's and a slenthem's keys over
bamboo tubes tuned to them, a saron's thick keys over a trough, a gangsa's keys tuned as a Balinese
pair that beats, a bonang's, a kenong's and a kempul's bossed gongs as clamped plates whose boss
lowers the modes that move at its centre, keys and kettles rolled with padded mallets), its drums a
kendang's heads, the ceng-ceng's cymbals, a kempli's and a kajar's kettles, a gong ageng, a kecrek's
plates and the puppeteer's box, computed the same way. Its clips then go through a record's
production (production.produce: an airliner's pneumatic headset over its cabin's roar, a
microcassette dictaphone's level control, tape and hiss, beside a room, a plate and lossy encodes),
or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.bronze_render import BRONZE
from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PHRYGIAN,
    RIDE,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "taula"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and ii
    # rocking before IV and ii lead to I, which comes in for two bars; IV and ii rocking before vi and
    # ii turn back to IV, which hands over to I; a minor song rocking ii° and VI, then iv and VI,
    # before its V; a minor song rocking VI and iv round ii° before its V.
    "dwelling": (
        written("vi ii vi IV ii IV I I", "major", "9m 2m7 9m7 5 2m 5M7 0 0a9", own=SPLIT),
        written("IV ii IV vi ii vi IV I", "major", "5a9 2m 5 9m7 2m7 9m 5M7 0", own=SPLIT),
        written("ii° VI ii° iv VI iv V i", "minor", "2h7 8 2o 5m 8M7 5m7 7d7 0m", own=SPLIT),
        written("VI iv VI ii° iv ii° V i", "minor", "8 5m7 8M7 2o 5m 2h7 7d7b9 0m", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's IV, ii, bIII and minor v, mixolydian's bVII, ii, minor
    # v and IV, lydian's II, iii and vii, phrygian's minor bvii, bVI, bII and iv.
    "modal": (
        written("dorian i-IV-ii-i-bIII-i-v-i", "minor", "0m7 5 2m7 0m 3M7 0m 7m7 0m", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-ii-I-v-IV-I", "major", "0 10 0d7 2m7 0 7m 5 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-iii-I-vii-I-II-I", "major", "0M7 2 4m7 0 11m7 0 2 0M7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bvii-i-bVI-i-bII-iv-i", "minor", "0m 10m7 0m7 8M7 0m 1 5m 0m", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: ii and vi opening a loop that climbs IV and V, then ii, IV
    # and V again before I; a minor loop opening on its relative major's V and I (bVII, bIII) around
    # bVI and iv, whose i comes only at the loop's end.
    "ambiguous": (
        written("ii vi IV V ii IV V I", "major", "2m7 9m 5 7 2m 5M7 7d7 0", own=SPLIT),
        written("bVII bIII bVI iv bVII bIII iv i", "minor", "10 3 8 5m 10d7 3M7 5m7 0m", own=SPLIT),
    ),
}
# The split's own meter: sixteen beats a bar, each of three eighths; its tempo counts the beat.
METER = "48/8"
METER_LAYOUT = (16, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# A gamelan's bronzes (bronze_render.BRONZE): midi_render renders a bronze set through bronze_render.
# Each was checked by rendering to sound its note within a cent (its modes where a free-free beam's
# or a clamped plate's physics puts them, a pair's two instruments the same beat either side of it),
# to stay within its level, to hold while its mallets roll it, and to render the same audio on every
# run. It has no piano, guitar, organ, brass, reed or voice and no program every other split shares
# beside its own, so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = BRONZE.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (12, 13, 14),  # a gender pair's keys over tubes, a bonang's kettles, a saron's thick keys
    "bass": (32, 33),  # a kempul's hanging gongs, a slenthem's wide keys over tubes
    "lead": (9, 10),  # a gangsa pair's keys, a bonang panerus's small kettles
}
# What its held tones and free-time chords play: a gender's key and a kenong's kettle rolled with two
# padded mallets as long as the note is held (the free-time chords' bass, program 48, is the key
# rolled).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a ciblon kendang's heads (the toms), the
# puppeteer's box (the claves), a gong ageng's boss (the crash), a kempli struck on its boss (the ride
# bell), a klenang let ring (the open triangle).
LOW_TOM, MID_TOM, HIGH_TOM, KEPRAK, GONG, KEMPLI_BOSS, KLENANG = 41, 45, 48, 75, 49, 53, 81
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds (3 is left out). Each keeps the
# bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat the clip is
# labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A kendang's ciblon strokes: the high head on 1's and 3's "and", the middle one on 2's "e", the
    # low one on 4's "and".
    "kendang-ciblon": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, HIGH_TOM),
        (10, HIGH_TOM),
        (5, MID_TOM),
        (14, LOW_TOM),
    ),
    # The ceng-ceng's interlocking clashes: held shut on each beat's "e" and "and", clashed open with
    # the snare.
    "ceng-ceng-kotekan": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (1, 2, 5, 6, 9, 10, 13, 14)),
        *((k, CLAP) for k in (4, 12)),
    ),
    # A kempli's beat: its kettle damped on every beat, a kajar's on 2's and 4's "and", the kempli's
    # boss on 1's "and".
    "kempli-beat": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (0, 4, 8, 12)),
        *((k, COWBELL) for k in (6, 14)),
        (2, KEMPLI_BOSS),
    ),
    # A gong's cycle: the gong ageng on 1, the klenang let ring on 3, the box knocked on each beat's
    # "and".
    "gong-cycle": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (0, GONG),
        (8, KLENANG),
        *((k, KEPRAK) for k in (2, 6, 10, 14)),
    ),
    # A kecrek against the puppeteer's box: its plates jangled on 2's and 4's "e" and "and", the box
    # knocked on 1's and 3's "and".
    "kecrek-keprak": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (5, 6, 13, 14)),
        *((k, KEPRAK) for k in (2, 10)),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((70.0, 146.0), (56.0, 96.0), (74.0, 150.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "airline",
    "dictaphone",
    "room+dictaphone",
    "airline+mp3",
    "plate+airline",
    "dictaphone+opus",
    "airline+limit",
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
