"""The hunebed split's own material: read once, only for the final numbers, never to choose a method.

Written for the forty-fifth pass of method work by someone other than whoever tunes, while quoit had
not yet been read. Its material is in none of the others: songs that sit on vi, ii and IV (VI, iv
and ii° in minor) by ways of their own (vi, IV and ii falling by thirds twice before I comes in for
two bars straight from ii, with no V; vi rocking round IV and ii before IV hands over to I, which
comes in for two bars; a minor song rising ii°, iv, VI by thirds twice before its V; a minor song
rocking VI round ii° and iv before its V) and come home on I (i); modal vamps (dorian on i, IV, bIII,
ii and bVII, mixolydian on I, bVII, ii, IV and v, lydian on I, II, V, vii and iii, phrygian on i,
bvii, bII, iv and bIII) and ambiguous loops new by root motion; a bar of seventeen beats of two
eighths, drum patterns of the psalteries' own bodies and strings (the soundbox struck under the
strings slapped dead, a plectrum scraped along a wound string, a qanun's mandal levers flicked, the
varras struck, the strings behind the bridges) and a tempo range, and timbres no other split has:
its instruments are no recordings, no soundfont, no STK model, no waveguide, no analog patch, no
formant voice, no phase-distortion, FM, waveshaping, wavetable, granular, chip or vocoder patch, no
tonewheel or free reed, no modal bar or bell, no hammered string, no additive resynthesis, no drone
string, no linear-arithmetic tone, no bore, no tape frame, no bowed or fretted string, no organ pipe,
no early electronic instrument, no glass or friction instrument, no instrument that wind or water
sounds, no mechanical music, no instrument of stone, earth or wood, no gamelan bronze, no nursery's
toy, but psalteries plucked by hand, computed in numpy (psaltery_render: a kantele's steel strings
tied round its varras, which sends each low mode's tension back at twice its frequency; a qanun's
courses of three under the plectrum; a guzheng's strings, the left hand pressing behind the bridge;
a plucked psaltery's wire courses; each string's stiff modes weighted where it is plucked, its pitch
falling onto the note as a hard pluck's tension eases; strings repicked in tremolo while held), its
drums the psalteries' soundboxes, tops, strings, pin blocks, mandal levers and varras, struck,
slapped and scraped, computed the same way. Its clips then go through a record's production
(production.produce: a stadium's delay tower with the main stacks far behind it and the far stand's
echo, and a church's induction loop heard on a hearing aid's telecoil, beside a room, a plate and
lossy encodes), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
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
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.psaltery_render import PSALTERY_SET

SPLIT = "hunebed"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi, IV and ii
    # falling by thirds twice before I comes in for two bars straight from ii, with no V; vi rocking
    # round IV and ii before IV hands over to I, which comes in for two bars; a minor song rising
    # ii°, iv, VI by thirds twice before its V; a minor song rocking VI round ii° and iv before its V.
    "dwelling": (
        written("vi IV ii vi IV ii I I", "major", "9m7 5 2m7 9m 5M7 2m 0 0a9", own=SPLIT),
        written("vi IV vi ii vi IV I I", "major", "9m 5M7 9m7 2m 9m 5 0M7 0", own=SPLIT),
        written("ii° iv VI ii° iv VI V i", "minor", "2o 5m 8M7 2h7 5m7 8 7d7 0m", own=SPLIT),
        written("VI ii° VI iv VI ii° V i", "minor", "8 2h7 8M7 5m 8 2o 7d7 0m7", own=SPLIT),
    ),
    # Vamps that dwell on their tonic: dorian's IV, bIII, ii and bVII, mixolydian's bVII, ii, IV and
    # minor v, lydian's II, V, vii and iii, phrygian's minor bvii, bII, iv and bIII.
    "modal": (
        written("dorian i-IV-i-bIII-i-ii-i-bVII", "minor", "0m7 5 0m 3M7 0m9 2m7 0m 10", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-ii-I-IV-I-v", "major", "0 10 0d7 2m 0 5 0 7m7", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-I-V-I-vii-I-iii", "major", "0M7 2 0 7 0M9 11m 0 4m7", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bvii-i-bII-i-iv-i-bIII", "minor", "0m 10m7 0m7 1 0m 5m 0m 3", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: ii opening a loop that falls to vi and IV, reaches I, then
    # iii, vi and V before I; a minor loop on bVI, bVII and bIII, round bVI, iv and bVII, whose i comes
    # only after its V at the loop's end.
    "ambiguous": (
        written("ii vi IV I iii vi V I", "major", "2m7 9m 5 0M7 4m 9m7 7 0", own=SPLIT),
        written("bVI bVII bIII bVI iv bVII V i", "minor", "8M7 10 3 8 5m7 10 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: seventeen beats a bar, each of two eighths; its tempo counts the beat.
METER = "17/4"
METER_LAYOUT = (17, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "12/8", "4/4", METER, METER)
# Psalteries plucked by hand (psaltery_render.PSALTERY_SET): midi_render renders a psaltery set
# through psaltery_render. Each was checked by rendering to sound its note within a cent held still
# (its modes where a stiff string's physics puts them) and within ten cents as it is (a hard pluck's
# glide, a press behind the bridge), to stay within its level, to hold while it is repicked, and to
# render the same audio on every run. It has no
# piano, guitar, organ, brass, reed or voice and no program every other split shares beside its own,
# so the split draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = PSALTERY_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (15, 16, 17),  # a kantele's steel strings, a qanun's courses, a guzheng's strings
    "bass": (34, 35),  # a bass kantele's wound strings, a qanun's low courses
    "lead": (104, 105),  # a guzheng's top strings pressed behind the bridge, a psaltery's wire courses
}
# What its held tones and free-time chords play: a guzheng's string and a qanun's course repicked in
# tremolo as long as the note is held (the free-time chords' bass, program 48, is the guzheng's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: the soundbox's top knocked (the toms),
# the frame's edge tapped (the wood blocks), the varras's end struck (the ride bell), fingernails on
# the top (the maracas).
LOW_TOM, HIGH_TOM, HIGH_BLOCK, LOW_BLOCK, BELL, NAILS = 41, 48, 76, 77, 53, 70
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The soundbox struck again on 3's "and", the strings slapped dead on 2's "a" and 4's "a".
    "box-and-slap": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLAP) for k in (7, 15)),
    ),
    # A plectrum scraped along a wound string on each beat and its "and" but 4's, drawn its whole
    # length on 4's "and", the pin block knocked on 2's "e".
    "scraped-winding": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in (0, 2, 4, 6, 8, 10, 12)),
        (14, OPEN_HAT),
        (5, RIMSHOT),
    ),
    # A qanun's mandal levers flicked on every "e", the top knocked high on 1's "a" and low on 3's
    # "a".
    "mandal-levers": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (1, 5, 9, 13)),
        (3, HIGH_TOM),
        (11, LOW_TOM),
    ),
    # The varras struck three, three and two sixteenths apart twice over (1, 1's "a", 2's "and", 3, 3's
    # "a", 4's "and"), its end rung on 4's "a", fingernails on the top on 2's "e" and 4's "e".
    "varras-bell": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in (0, 3, 6, 8, 11, 14)),
        (15, BELL),
        *((k, NAILS) for k in (5, 13)),
    ),
    # A string behind its bridge struck with the plectrum's back on every "and" and 4's "e", the
    # frame's edge tapped high on 1's "e" and low on 3's "e".
    "behind-the-bridge": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (2, 6, 10, 13, 14)),
        (1, HIGH_BLOCK),
        (9, LOW_BLOCK),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((66.0, 142.0), (52.0, 92.0), (70.0, 146.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "stadium",
    "telecoil",
    "room+telecoil",
    "stadium+mp3",
    "plate+telecoil",
    "telecoil+aac",
    "stadium+limit",
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
