"""The galgal split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-ninth pass of method work by someone other than whoever tunes, while mamoa had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own (IV, vi and ii circling vi before iii leans on I, with no V;
vi, ii and IV circling ii before the leading tone's vii° steps up to I; a minor song swinging VI and
iv round ii° before bVII and V bring it home; a minor song circling VI round ii° and iv before bVII
steps up to i, with no V) and come home on I (i); modal vamps (dorian on i, IV, v, vi° and bVII,
mixolydian on I, bVII, ii, vi and v, lydian on I, II, vi, V and iii, phrygian on i, bII, bvii, bVI
and bIII) and ambiguous loops new by root motion; a bar of twenty-one beats of two eighths, drum
patterns of the mirlitons' and their players' own sounds (a cardboard horn's bell thumped, a "t"
spat through a kazoo, tissue paper crumpled, a comb's teeth run under a thumbnail, a kazoo's barrel
tapped) and a tempo range, and timbres no other split has: its instruments are no recordings, no
soundfont, no STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM,
waveshaping, wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or
bell, no hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no
bore, no tape frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no
glass or friction instrument, no instrument that wind or water sounds, no mechanical music, no
instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no
mouth harp, no string bowed by a wheel, no vessel flute, but mirlitons, membranes set buzzing by a
player's voice, computed in numpy (mirliton_render: a kazoo band's metal kazoos, combs and tissue
paper, a bigophone band's cardboard horns, kazoos hummed long, bigophones held, a bass zobo, a
nyastaranga, a plastic kazoo, a eunuch flute, a zobo cornet; each a voice's glottal pulses driving
a slack membrane's first mode until it slaps its rim, radiated through its tube's resonances, its
slaps rattling once a period, the singer scooping onto the note), its drums the players' palms,
fingernails, tongues and breath and the mirlitons' tubes, barrels, paper and combs, computed the same
way. Its clips then go through a record's production (production.produce: a crystal set's
cat's-whisker detector heard in its high-impedance headphones, and a busker's battery amplifier in
a pedestrian underpass, beside a room, a plate and lossy encodes), or none. It sits in its own
module so that whoever tunes does not read it in passing; labelled_material merges it in. Whoever
tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLAP,
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
from soundforge.testing.mirliton_render import MIRLITON_SET

SPLIT = "galgal"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): IV, vi and ii
    # circling vi before iii leans on I (no V); vi, ii and IV circling ii before vii° steps up to I; a
    # minor song swinging VI and iv round ii° before bVII and V bring it home; a minor song circling
    # VI round ii° and iv before bVII steps up to i (no V).
    "dwelling": (
        written("IV vi ii vi IV ii iii I", "major", "5M7 9m 2m7 9m7 5 2m 4m7 0", own=SPLIT),
        written("vi ii IV ii vi IV vii° I", "major", "9m7 2m 5M7 2m7 9m 5 11o 0M7", own=SPLIT),
        written("VI iv ii° iv VI bVII V i", "minor", "8M7 5m 2h7 5m7 8 10 7d7 0m", own=SPLIT),
        written("ii° VI iv VI ii° iv bVII i", "minor", "2h7 8 5m7 8M7 2o 5m 10d7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's IV, minor v, vi° and bVII, mixolydian's bVII, ii, vi
    # and minor v, lydian's II, vi, V and iii, phrygian's bII, minor bvii, bVI and bIII.
    "modal": (
        written("dorian i-IV-i-v-i-vi°-i-bVII", "minor", "0m7 5 0m 7m7 0m9 9o 0m 10", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-ii-I-vi-I-v", "major", "0 10 0d7 2m7 0 9m 0 7m7", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-I-vi-I-V-I-iii", "major", "0M7 2 0 9m7 0M9 7 0 4m", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-bvii-i-bVI-i-bIII", "minor", "0m 1M7 0m7 10m 0m 8 0m 3", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: IV to I, then vi, iii, IV, ii and V before I again; a minor
    # loop from bIII through bVII and iv to i, then bIII, VI and V before i again.
    "ambiguous": (
        written("IV I vi iii IV ii V I", "major", "5M7 0 9m7 4m 5 2m7 7 0", own=SPLIT),
        written("bIII bVII iv i bIII VI V i", "minor", "3M7 10 5m7 0m 3 8M7 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-one beats a bar, each of two eighths; its tempo counts the beat.
METER = "21/4"
METER_LAYOUT = (21, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Mirlitons (mirliton_render.MIRLITON_SET): midi_render renders a mirliton set through
# mirliton_render. Each was checked by rendering to sound its note within a cent held still (its
# harmonics on the note's, the singer's scoop and vibrato stilled) and within ten cents as it is, to
# stay within its level, to hold while its key is down, and to render the same audio on every run.
# It has no piano, guitar, organ, brass, reed or voice and no program every other split shares
# beside its own, so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = MIRLITON_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (56, 22, 61),  # a kazoo band's metal kazoos, combs and tissue paper, bigophones
    "bass": (58, 67),  # a bass zobo, a nyastaranga
    "lead": (59, 73, 60),  # a plastic kazoo, a eunuch flute, a zobo cornet
}
# What its held tones and free-time chords play: kazoos hummed long and bigophones held, sounding as
# long as the note is held (the free-time chords' bass, program 48, is the kazoos').
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: cardboard tubes thumped (the toms), a
# comb's spine and a tube's rim tapped (the claves and the wood blocks), a hummed "sss" through the
# comb (the maracas), crumpled paper (the crash), a kazoo's barrel struck (the triangle).
LOW_TOM, MID_TOM, HIGH_TOM, CLAVES, HIGH_BLOCK, LOW_BLOCK, MARACAS, CRASH, TRIANGLE = (
    41, 45, 48, 75, 76, 77, 70, 49, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Cardboard tubes thumped, low on 1's "and", high on 2's "e", middle on 3's "and" and low on 4's
    # "e".
    "thumped-tubes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, LOW_TOM),
        (5, HIGH_TOM),
        (10, MID_TOM),
        (13, LOW_TOM),
    ),
    # A "ts" through the membrane on every "and", a long "tss" on 4's "a", a fingernail on the
    # barrel on 2's "a".
    "spat-membranes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (2, 6, 10)),
        (15, OPEN_HAT),
        (7, RIMSHOT),
    ),
    # A comb's teeth run under a thumbnail on every beat, tissue paper crumpled on 1, the horn's bell
    # thumped again on 2's "a".
    "combed-teeth": (
        (0, KICK),
        (7, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (0, 4, 8, 12)),
        (0, CRASH),
    ),
    # Tissue paper flicked on 1's and 3's "a", a hummed "sss" on 2's and 4's "and", the comb's spine
    # tapped on 3's "e", "tk" through closed lips on 1's "and".
    "crackled-paper": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (3, 11)),
        *((k, MARACAS) for k in (6, 14)),
        (9, CLAVES),
        (2, PEDAL_HAT),
    ),
    # A pencil on a kazoo's barrel on 1's and 3's "and", the tube's rim tapped high on 2's "e" and low
    # on 4's "e", the barrel left to ring on 4, paper crumpled thrice on 4.
    "tapped-barrels": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (2, 10)),
        (5, HIGH_BLOCK),
        (13, LOW_BLOCK),
        (12, TRIANGLE),
        (12, CLAP),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((67.0, 143.0), (45.0, 82.0), (60.0, 132.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "crystal-set",
    "underpass",
    "room+crystal-set",
    "underpass+mp3",
    "plate+underpass",
    "crystal-set+aac",
    "underpass+limit",
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
