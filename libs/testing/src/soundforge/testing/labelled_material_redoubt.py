"""The redoubt split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-seventh pass of method work by someone other than whoever tunes, while bulwark had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv and
ii° in minor) by ways of their own and come home on I (i); modal vamps that come back to their tonic
every other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar of a
meter of its own, drum patterns of a Peking opera's percussion and the fiddlers' own sounds and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no
STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no band's bore,
no tape frame, no orchestra's bowed string, no fretted string, no organ pipe, no early electronic
instrument, no glass or friction instrument, no instrument that wind or water sounds, no mechanical
music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery,
no mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no
spark or arc, no stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by
an electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel tongue drum, no
steel guitar, no flute blown across an edge, no lamellophone, no bagpipe, but huqin, bowed fiddles whose
bridge stands on a skin or a thin board, computed in numpy (huqin_render: an erhu, a zhonghu, a gaohu, a
jinghu, a banhu, a gehu and a diyin gehu, a matouqin and a haegeum; each string held in Helmholtz motion
by the bow, stopped by a finger that slides into the note and holds it with a vibrato, its bridge
standing on a python skin or a thin board whose modes, and the tube's air behind them, make its body,
the open strings ringing in sympathy, the bow hissing and turning), its drums a Peking opera's
percussion and the fiddlers' own sounds, none of them held, computed the same way. Its clips then go
through a record's production (production.produce: a song on an FM station heard on a portable radio
high in a tower block, the signal arriving twice, straight from the mast and off the tower across the
road, beside lossy encodes and a limiter), or none. It sits in its own module so that whoever tunes
does not read it in passing; labelled_material merges it in. Whoever tunes the methods should not open
this file.
"""

from __future__ import annotations

from soundforge.testing.huqin_render import HUQIN_SET
from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    COWBELL,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    PEDAL_HAT,
    PHRYGIAN,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

SPLIT = "redoubt"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): ten bars of ii,
    # vi and IV wheeling round one another, iii and V home; nine bars of vi and IV about ii, V home; a
    # minor song of ten bars of iv and ii° about VI, V home and i held; a minor song of nine bars of VI
    # and ii° about iv, V home and i held.
    "dwelling": (
        written(
            "ii vi IV vi ii IV vi iii V I", "major", "2m7 9m9 5M7 9m7 2m9 5M69 9m11 4m7 7d9 0M7", own=SPLIT
        ),
        written("vi IV vi ii IV ii vi V I", "major", "9m7 5M9 9m 2m7 5M7s11 2m11 9m9 7d7s4 0M69", own=SPLIT),
        written(
            "iv ii° VI ii° iv VI iv V i i", "minor", "5m9 2h7 8M7 2o 5m7 8M9 5m 7d7b13 0m7 0m9", own=SPLIT
        ),
        written("VI iv ii° VI ii° iv V i i", "minor", "8M9 5m7 2h7 8M7 2o 5m9 7d7b9 0m9 0m", own=SPLIT),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # mixolydian's minor v, minor ii, bVII and minor vi in ten bars, the tonic held the last two;
    # phrygian's minor bvii, bIII and bII in eight, the tonic held the last two; dorian's minor ii,
    # bIII, minor v and major IV in ten, the tonic held the last two; lydian's V, minor vi, minor vii and
    # II in eight.
    "modal": (
        written(
            "mixolydian I-v-I-ii-I-bVII-I-vi-I-I",
            "major",
            "0d7 7m7 0 2m7 0d9 10M7 0s4 9m7 0d7 0",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written(
            "phrygian i-bvii-i-bIII-i-bII-i-i", "minor", "0m7 10m7 0m 3d7 0m7 1M7 0m 0m7", PHRYGIAN, own=SPLIT
        ),
        written(
            "dorian i-ii-i-bIII-i-v-i-IV-i-i",
            "minor",
            "0m9 2m7 0m7 3M7 0m6 7m7 0m11 5d7 0m7 0m69",
            DORIAN,
            own=SPLIT,
        ),
        written(
            "lydian I-V-I-vi-I-vii-I-II", "major", "0M9 7 0M7 9m7 0M7s11 11m7 0M9s11 2d7", LYDIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: iii and vi before IV and I, vi and V, IV to I, eight bars; a
    # minor loop on the relative major's bIII and bVII, iv and bVI to i, the minor v and bIII to i.
    "ambiguous": (
        written("iii vi IV I vi V IV I", "major", "4m7 9m 5M7 0 9m7 7 5M9 0M7", own=SPLIT),
        written("bIII bVII iv bVI i v bIII i", "minor", "3M7 10 5m7 8M7 0m 7m7 3 0m9", own=SPLIT),
    ),
}
# The split's own meter: twenty-eight beats a bar, each of two eighths; its tempo counts the beat.
METER = "28/4"
METER_LAYOUT = (28, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("3/4", "4/4", "12/8", "4/4", "6/8", METER, "5/4", METER)
# Huqin (huqin_render.HUQIN_SET): midi_render renders a huqin set through huqin_render. Each was checked
# by rendering to sound its note within a cent held still and within ten cents as it is, to stay within
# its level, to hold while its key is down, and to render the same audio on every run. It has no piano,
# guitar, organ, brass, reed or voice of the kinds every other split shares, so the split draws only the
# programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = HUQIN_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (40, 41, 109),  # an erhu, a zhonghu, a matouqin
    "bass": (42, 43),  # a gehu, a diyin gehu
    "lead": (110, 44, 45, 111),  # a jinghu, a gaohu, a banhu, a haegeum
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the daluo (the crash), the xiaoluo (the
# ride), the pengling's cups (the ride's bell), paigu low, in the middle and high (three of the toms), a
# fingernail across the skin (the cabasa), the bangzi (the claves) and the muyu high and low (the wood
# blocks).
DALUO, XIAOLUO, PENGLING, LOW_PAIGU, MID_PAIGU, HIGH_PAIGU, SKIN_SCRATCH, BANGZI, HIGH_MUYU, LOW_MUYU = (
    49, 51, 53, 41, 47, 50, 69, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The big gong on 1's "a", answered by the small one on 3's "e"; the small cymbals choked on 2's
    # "and".
    "gong-answers": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, DALUO),
        (9, XIAOLUO),
        (6, CLOSED_HAT),
    ),
    # The ban's plates clapped on 1's "and" and 3's "a", the bangzi on 2's "a" and 4's "e".
    "ban-claps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, CLAP),
        (11, CLAP),
        (7, BANGZI),
        (13, BANGZI),
    ),
    # Paigu struck low on 1's "e", in the middle on 2's "a" and high on 3's "e" and 4's "and".
    "paigu-turns": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (1, LOW_PAIGU),
        (7, MID_PAIGU),
        (9, HIGH_PAIGU),
        (14, HIGH_PAIGU),
    ),
    # The wooden fish knocked high on 1's and 3's "a", low on 2's "e"; the cup bells on 4's "and"; the
    # erhu's tube knocked by the frog on 4's "a".
    "muyu-knocks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_MUYU),
        (11, HIGH_MUYU),
        (5, LOW_MUYU),
        (14, PENGLING),
        (15, RIMSHOT),
    ),
    # The bow's hair slapped on the strings on 1's, 2's and 3's "e", a fingernail across the skin on
    # 2's "and", the rosin drawn on 4's "e" and the yunluo's small gong on 4's "a".
    "bow-slaps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (1, 5, 9)),
        (6, SKIN_SCRATCH),
        (13, PEDAL_HAT),
        (15, COWBELL),
    ),
}
# Songs in simple meters, songs in compound (slow: 47-82), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((58.0, 144.0), (47.0, 82.0), (62.0, 146.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "high-rise",
    "high-rise+aac",
    "mp3+high-rise",
    "high-rise+opus",
    "high-rise+limit",
    "high-rise+mp3",
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
