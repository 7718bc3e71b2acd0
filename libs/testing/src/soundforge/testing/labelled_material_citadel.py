"""The citadel split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-third pass of method work by someone other than whoever tunes, while donjon had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own and come home on I (i); modal vamps that hold their tonic at
least every other bar, each visiting its mode's own chords; ambiguous loops new by root motion; a bar
of a meter of its own, drum patterns of the steel guitars' own sounds and their players' and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont,
no STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no
tape frame, no bowed string, no fretted string stopped by a finger, no organ pipe, no early electronic
instrument, no glass or friction instrument, no instrument that wind or water sounds, no mechanical
music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's toy, no plucked
psaltery, no mouth harp, no string bowed by a wheel, no vessel flute, no mirliton, no singing flame,
no siren, no spark or arc, no stepper or drive, no cricket, cicada or frog, no bird, no string, bar or
fork driven by an electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no
skin tuned to a note, no bamboo tube struck or shaken, no free-reed mouth organ, no handpan or steel
tongue drum, but steel guitars, computed in numpy (steel_render: a pedal steel's E9 and C6 necks, its
low strings and its E9 neck rolled and swelled, a squareneck resonator, a Weissenborn's low and high
strings, a sacred steel player's driven lap steel, a Hawaiian lap steel and a lap steel
tremolo-picked, each string stopped by a steel bar gliding into its note, pedals and levers moving a
string of a chord into its note, the volume pedal swelling each pick in, heard through a pickup, a
cone or a koa box), its drums the steels' own sounds and their players', none of them held, computed
the same way. Its clips then go through a record's production (production.produce: a song from a
museum's audio spotlight, heard standing in its beam, beside lossy encodes and a limiter), or none. It
sits in its own module so that whoever tunes does not read it in passing; labelled_material merges it
in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    AEOLIAN,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PEDAL_HAT,
    RIDE,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.steel_render import STEEL_SET

SPLIT = "citadel"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi and IV
    # trading about a ii before V; ii answering vi twice round a IV; a minor song on iv and ii° round
    # VI, bVII leading home; a minor song turning from ii° through VI to iv held two bars and back.
    "dwelling": (
        written("vi ii IV vi IV vi V I", "major", "9m7 2m9 5M69 9m 5M6 9m7 7d13 0M69", own=SPLIT),
        written("vi ii IV ii vi ii V I", "major", "9m 2m7 5M9 2m6 9m7 2m7 7d9 0M6", own=SPLIT),
        written("iv ii° VI ii° iv VI bVII i", "minor", "5m 2h7 8M7 2o 5m7 8 10d7 0m7", own=SPLIT),
        written("ii° VI iv iv VI ii° V i", "minor", "2h7 8M7 5m 5m7 8M69 2o 7d7 0m", own=SPLIT),
    ),
    # Vamps that come back to their tonic every other bar, each visiting its mode's own chords:
    # dorian's minor ii and v, bVII and bIII; mixolydian's minor ii and vi, bVII and IV; lydian's II
    # and minor vii among vi and V; aeolian's bVI, minor v, bIII and iv.
    "modal": (
        written("dorian i-ii-i-v-i-bVII-i-bIII", "minor", "0m7 2m7 0m6 7m7 0m9 10 0m 3M7", DORIAN, own=SPLIT),
        written(
            "mixolydian I-ii-I-vi-I-bVII-I-IV", "major", "0d9 2m7 0 9m7 0d13 10M6 0 5", MIXOLYDIAN, own=SPLIT
        ),
        written("lydian I-II-I-vi-I-vii-I-V", "major", "0M7s11 2d7 0M9 9m7 0M7 11m 0 7", LYDIAN, own=SPLIT),
        written(
            "aeolian i-bVI-i-v-i-bIII-i-iv", "minor", "0m9 8M7 0m 7m7 0m7 3M6 0m 5m7", AEOLIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: ii, IV and vi, iii and IV, then I, vi and V round again; a
    # minor loop on the relative major's bVI and bIII, iv and bVII, then bVI, bIII and bVII to i.
    "ambiguous": (
        written("ii IV vi iii IV I vi V", "major", "2m7 5M7 9m 4m7 5M9 0 9m7 7", own=SPLIT),
        written("bVI bIII iv bVII bVI bIII bVII i", "minor", "8M7 3 5m7 10 8 3M7 10d7 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty-one beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "84/16"
METER_LAYOUT = (21, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "12/8", "4/4", "3/4", "6/8", METER, METER)
# Steel guitars (steel_render.STEEL_SET): midi_render renders a steel set through steel_render. Each was
# checked by rendering to sound its note within a cent held still and within ten cents as it is, to
# stay within its level, to hold while its key is down, and to render the same audio on every run. It
# has no piano, guitar, organ, brass, reed or voice of the kinds every other split shares, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = STEEL_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (26, 27, 25),  # a pedal steel's E9 neck, its C6 neck, a squareneck resonator
    "bass": (32, 35),  # a pedal steel's low strings, a Weissenborn's low strings
    "lead": (28, 30, 29),  # a sacred steel player's driven lap steel, a Hawaiian lap steel, a Weissenborn
}
# What its held tones and free-time chords play, as long as the note is held (the free-time chords'
# bass, program 48, is among them).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the Weissenborn's hollow body thumped (the
# second bass drum), the strings muted and raked by the thumb pick (the second snare), a finger pick
# tapping the coverplate (the side stick), the hollow neck knocked at three places (the toms), two
# steel bars clicked (the claves) and the neck heel knocked high and low (the wood blocks).
KOA_BODY, RAKE, COVERPLATE, LOW_NECK, MID_NECK, HIGH_NECK, BARS, HIGH_HEEL, LOW_HEEL = (
    35, 40, 37, 41, 45, 48, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The muted strings raked on every "and", a pedal let back on 4's "a".
    "train-rakes": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RAKE) for k in (2, 6, 10, 14)),
        (15, PEDAL_HAT),
    ),
    # The koa body thumped on 2's "and" and 4's "and", the neck knocked low on 1's "a", high on 3's "a".
    "two-step-body": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, KOA_BODY),
        (14, KOA_BODY),
        (3, LOW_NECK),
        (11, HIGH_NECK),
    ),
    # The bar tapped on the coverplate's rim on 1's and 3's "and", a finger pick on it on 2's and 4's
    # "a", two bars clicked on 4's "e".
    "coverplate-taps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, RIDE),
        (10, RIDE),
        (7, COVERPLATE),
        (15, COVERPLATE),
        (13, BARS),
    ),
    # The pedal rods rattled on 2's and 4's "e", the neck heel knocked high on 1's "e", low on 3's
    # "e", a string scraped on 3's "a".
    "rod-rattles": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (5, TAMBOURINE),
        (13, TAMBOURINE),
        (1, HIGH_HEEL),
        (9, LOW_HEEL),
        (11, OPEN_HAT),
    ),
}
# Songs in simple meters, songs in compound (slow: 53-79), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((62.0, 141.0), (53.0, 79.0), (65.0, 137.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "spotlight",
    "aac+spotlight",
    "spotlight+limit",
    "mp3+spotlight",
    "spotlight+aac",
    "opus",
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
