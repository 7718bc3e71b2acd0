"""The oppidum split's own material: read once, only for the final numbers, never to choose a method.

Written for the fifty-eighth pass of method work by someone other than whoever tunes, while motte had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own (IV, ii and vi circling before the borrowed bVII steps up to
I, with no V; ii, vi and IV circling before the borrowed bVI comes home to I by the back door, with
no V; a minor song circling VI, iv and ii° before the Neapolitan bII slides down to i; a minor song
circling iv, VI and ii° before bVII climbs to V7 and i) and come home on I (i); modal vamps, each
returning to its tonic between every other chord (dorian on i, bIII, ii, IV7 and minor v, mixolydian
on I, bVII, iii diminished, minor v and vi, lydian on I, vii, V, II7 and iii, phrygian on i, bII,
minor bvii, iv and bIII) and ambiguous loops new by root motion; a bar of nineteen beats of three
eighths, drum patterns of the bows' and the string drums' own sounds (the coin tapped on the wire and
the caxixi shaken, the gopichand's skin struck high, middle and low, the bow's stave knocked and two
baquetas clicked, the Baul's ankle bells and the caxixi's seeds, the gourd's shell knocked, the
tub's handle pinged and the coin rung on the wire) and a tempo range, and timbres no other split
has: its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch,
no formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch,
no tonewheel or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no
drone string, no linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no
organ pipe, no early electronic instrument, no glass or friction instrument, no instrument that wind
or water sounds, no mechanical music, no instrument of stone, earth or wood, no gamelan bronze, no
nursery's toy, no plucked psaltery, no mouth harp, no string bowed by a wheel, no vessel flute, no
mirliton, no singing flame, no siren, no spark or arc, no stepper or drive, no cricket, cicada or
frog, no bird, no string, bar or fork driven by an electromagnet, no light-tone instrument, but
musical bows and string drums, computed in numpy (tether_render: the berimbau's bows, the uhadi's
calabash bow and the gopichand's skin, a washtub bass and an earth bow, the khamak's pulled string, a
mouth bow and the umakhweyana's braced bow, the umrhubhe and the kunkulkawe rubbed and held; one
string tethered between a flexible stave, neck or pole and a resonator that is no soundboard, struck,
plucked or rubbed, its modes a stiff string's (a rubbed one's locked onto the harmonics), heard
through a gourd's Helmholtz resonance drawn off the player's body, a skin's or a tub's bottom's
axisymmetric modes pulled at their centre, or a mouth shaped onto a harmonic), its drums the
instruments' own sounds, none of them held, computed the same way. Its clips then go through a
record's production (production.produce: a song played loud on a parked car's stereo with its
windows shut, heard on the pavement beside it, and a song on a wireless set in a parlour heard
through an ear trumpet, beside a room, lossy encodes and a limiter), or none. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it in.
Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

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
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.tether_render import TETHER_SET

SPLIT = "oppidum"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): IV, ii and vi
    # circling before the borrowed bVII steps up to I (no V); ii, vi and IV circling before the
    # borrowed bVI comes home by the back door (no V); a minor song circling VI, iv and ii° before the
    # Neapolitan bII slides down to i; a minor song circling iv, VI and ii° before bVII climbs to V7
    # and i.
    "dwelling": (
        written("IV ii vi IV ii vi bVII I", "major", "5M7 2m7 9m 5 2m 9m7 10 0", own=SPLIT),
        written("ii vi IV ii vi IV bVI I", "major", "2m 9m7 5M7 2m7 9m 5 8M7 0", own=SPLIT),
        written("VI iv ii° VI iv ii° bII i", "minor", "8M7 5m 2o 8 5m7 2h7 1M7 0m", own=SPLIT),
        written("iv VI ii° iv VI bVII V7 i", "minor", "5m7 8 2h7 5m 8M7 10 7d7 0m", own=SPLIT),
    ),
    # Vamps that come back to their tonic between every other chord: dorian's bIII, ii, IV7 and minor
    # v, mixolydian's bVII, iii°, minor v and vi, lydian's vii, V, II7 and iii, phrygian's bII, minor
    # bvii, iv and bIII.
    "modal": (
        written("dorian i-bIII-i-ii-i-IV-i-v", "minor", "0m7 3M7 0m 2m7 0m9 5d7 0m 7m", DORIAN, own=SPLIT),
        written(
            "mixolydian I-bVII-I-iii°-I-v-I-vi",
            "major",
            "0d7 10 0 4o 0d7 7m 0 9m7",
            MIXOLYDIAN,
            own=SPLIT,
        ),
        written("lydian I-vii-I-V-I-II-I-iii", "major", "0M7 11m 0 7 0M7 2d7 0 4m7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-bvii-i-iv-i-bIII", "minor", "0m 1M7 0m7 10m7 0m 5m7 0m7 3", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi to iii, IV and ii, then V, vi and IV before I; a minor
    # loop from bVI to bIII, bVII and iv, then minor v, bVI and bVII7 before i.
    "ambiguous": (
        written("vi iii IV ii V vi IV I", "major", "9m 4m7 5M7 2m7 7 9m7 5 0", own=SPLIT),
        written("bVI bIII bVII iv v bVI bVII i", "minor", "8M7 3 10 5m7 7m 8 10d7 0m", own=SPLIT),
    ),
}
# The split's own meter: nineteen beats a bar, each of three eighths; its tempo counts the beat.
METER = "57/8"
METER_LAYOUT = (19, 3)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "4/4", "12/8", METER, METER)
# Musical bows and string drums (tether_render.TETHER_SET): midi_render renders a tether set through
# tether_render. Each was checked by rendering to sound its note within a cent held still (its
# modes' own frequencies, the stretch of its swing, the player's bend and sway and the stick-slip's
# jitter stilled) and within ten cents as it is, to stay within its level, to hold while its key is
# down where it is rubbed, and to render the same audio on every run. It has no piano, guitar,
# organ, brass, reed or voice and no program every other split shares beside its own, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = TETHER_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (24, 107, 105),  # the berimbau's bows, the uhadi's calabash bow, the gopichand's skin
    "bass": (32, 43),  # a washtub bass, an earth bow
    "lead": (106, 22, 15),  # the khamak's pulled string, a mouth bow, the umakhweyana's braced bow
}
# What its held tones and free-time chords play: the umrhubhe rubbed and held and the kunkulkawe
# rubbed and held, sounding as long as the note is held (the free-time chords' bass, program 48, is
# the umrhubhe's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the gopichand's skin struck low, middle
# and high (the toms), two baquetas clicked together (the claves), the bow's stave knocked high and
# low (the wood blocks), the caxixi's seeds (the maracas), the tub's handle pinged (the bell) and the
# coin rung on the wire, short and long (the triangles).
LOW_SKIN, MID_SKIN, HIGH_SKIN, BAQUETAS, HIGH_STAVE, LOW_STAVE, SEEDS, HANDLE, COIN, LONG_COIN = (
    41, 45, 48, 75, 76, 77, 70, 53, 80, 81
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The coin tapped on the wire on every "and", the caxixi shaken short on every "e" and swirled on
    # 4's "a".
    "coin-and-caxixi": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, PEDAL_HAT) for k in (2, 6, 10, 14)),
        *((k, CLOSED_HAT) for k in (1, 5, 9, 13)),
        (15, OPEN_HAT),
    ),
    # The gopichand's skin struck high on 1's "a", in the middle on 2's "and" and low on 3's "a".
    "gopichand-skins": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, HIGH_SKIN),
        (6, MID_SKIN),
        (11, LOW_SKIN),
    ),
    # The bow's stave knocked high on 1's and 3's "e" and low on 2's "a", two baquetas clicked on 4's
    # "and".
    "stave-and-baquetas": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, HIGH_STAVE) for k in (1, 9)),
        (7, LOW_STAVE),
        (14, BAQUETAS),
    ),
    # The Baul's ankle bells on 2's and 4's "and", the caxixi's seeds on every "e".
    "ankle-bells": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (6, 14)),
        *((k, SEEDS) for k in (1, 5, 9, 13)),
    ),
    # The gourd's shell knocked on 1's and 3's "and", the tub's handle pinged on 4's "e", the coin rung
    # on the wire short on 2's "a" and long on 4's "a".
    "gourd-and-tub": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (2, 10)),
        (13, HANDLE),
        (7, COIN),
        (15, LONG_COIN),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((67.0, 149.0), (47.0, 84.0), (64.0, 141.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "kerbside",
    "ear-trumpet",
    "kerbside+mp3",
    "aac+ear-trumpet",
    "room+kerbside",
    "limit+ear-trumpet",
    "ear-trumpet+opus",
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
