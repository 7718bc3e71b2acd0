"""The barbican split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixtieth pass of method work by someone other than whoever tunes, while motte, oppidum
and bailey had not yet been read. Its material is in none of the others: songs that sit on vi, ii and
IV (VI, iv and ii° in minor) by ways of their own and come home on I (i); modal vamps that hold
their tonic at least every other bar, each visiting its mode's own chords; ambiguous loops new by root
motion, one major whose relative minor's chords come first, one minor whose relative major's chords
lead; a bar of eighteen beats of four sixteenths, drum patterns of the skins' own sounds and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no
STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape
frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an
electromagnet, no light-tone instrument, no musical bow or string drum, no harp, but skins tuned to
notes, computed in numpy (skin_render: an orchestra's timpani and pedal timpani, calfskin over copper
kettles, the air loading each skin and the kettle's air stiffening it; a tabla tarang's dayans and a
pat waing's drum circle, each skin loaded at its centre so its modes fall onto harmonics; boobams'
skins over tubes tuned to their notes; a cuica's skin, a stick at its centre rubbed; and notes held
by a timpani roll or by the cuica rubbed on), its drums the skins' own sounds, none of them held,
computed the same way. Its clips then go through a record's production (production.produce: a song
heard through bone-conduction headphones by a cyclist in traffic, and a song from a beach radio
heard with a seashell held to the ear, beside a room, lossy encodes and a limiter), or none. It sits
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
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)
from soundforge.testing.skin_render import SKIN_SET

SPLIT = "barbican"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi held two
    # bars before ii and IV turn and IV comes home plagally (no V); ii, vi and IV circling before iii
    # leads home; a minor song from VI and iv down to ii° held two bars before V; a minor song turning
    # VI and iv round ii° before bVII and the relative major's bIII settle on i.
    "dwelling": (
        written("vi vi ii IV vi ii IV I", "major", "9m 9m7 2m7 5M7 9m 2m 5 0", own=SPLIT),
        written("ii vi IV vi ii IV iii I", "major", "2m7 9m 5M9 9m7 2m 5 4m7 0M7", own=SPLIT),
        written("VI iv ii° ii° VI iv V i", "minor", "8M7 5m7 2h7 2o 8 5m 7d7 0m", own=SPLIT),
        written("VI iv VI ii° iv bVII bIII i", "minor", "8 5m 8M7 2h7 5m7 10 3M7 0m", own=SPLIT),
    ),
    # Vamps that come back to their tonic at least every other bar, each visiting its mode's own
    # chords: dorian's minor ii and major IV; mixolydian's minor v, bVII and IV; lydian's II, minor
    # vii and V; phrygian's bII, minor iv and minor bvii.
    "modal": (
        written("dorian i-ii-i-IV-i-i-ii-IV", "minor", "0m7 2m7 0m 5 0m9 0m 2m 5d7", DORIAN, own=SPLIT),
        written("mixolydian I-I-v-I-bVII-I-IV-I", "major", "0 0d7 7m 0 10 0d7 5 0", MIXOLYDIAN, own=SPLIT),
        written("lydian I-I-II-I-vii-I-V-I", "major", "0M7 0 2 0M7 11m 0 7 0", LYDIAN, own=SPLIT),
        written(
            "phrygian i-bII-i-iv-i-bvii-i-bII", "minor", "0m 1 0m7 5m 0m 10m 0m7 1M7", PHRYGIAN, own=SPLIT
        ),
    ),
    # Loops whose home is not said at once: vi and iii before IV and I, then vi, V and IV back to I;
    # a minor loop led by the relative major's bIII and bVII, touching i and iv, then bIII, bVI and
    # bVII before i.
    "ambiguous": (
        written("vi iii IV I vi V IV I", "major", "9m7 4m 5 0 9m 7 5M7 0", own=SPLIT),
        written("bIII bVII i iv bIII bVI bVII i", "minor", "3M7 10 0m 5m7 3 8M7 10 0m7", own=SPLIT),
    ),
}
# The split's own meter: eighteen beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "72/16"
METER_LAYOUT = (18, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "4/4", "12/8", METER, METER)
# Skins tuned to notes (skin_render.SKIN_SET): midi_render renders a skin set through skin_render.
# Each was checked by rendering to sound its note within a cent held still and within ten cents as it
# is, to stay within its level, to hold while its key is down where it holds, and to render the same
# audio on every run. It has no piano, guitar, organ, brass, reed or voice of the kinds every other
# split shares and no program every other split shares beside its own, so the split draws only the
# programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = SKIN_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (47, 13, 12),  # timpani, a tabla tarang, a pat waing
    "bass": (43, 36),  # pedal timpani, boobams
    "lead": (78, 14, 76),  # a cuica, a tabla tarang's high dayans, a high boobam
}
# What its held tones and free-time chords play: a timpani roll and a cuica rubbed on, as long as the
# note is held (the free-time chords' bass, program 48, is the roll's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a timpano struck dead at its centre (the
# second bass drum), a talking drum squeezed (the second snare), an atabaque, a conga and a tamborim
# struck open (the toms), two timpani sticks clicked (the claves) and a cuica's stick knocked high
# and low (the wood blocks).
DEAD_KETTLE, SQUEEZE, ATABAQUE, CONGA, TAMBORIM, STICKS, HIGH_STICK, LOW_STICK = (
    35, 40, 41, 45, 48, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # A timpano struck dead on 2's "a" and 4's "a", the pandeiro's jingles tapped on every "and".
    "surdo-marcacao": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (7, DEAD_KETTLE),
        (15, DEAD_KETTLE),
        *((k, CLOSED_HAT) for k in (2, 6, 10, 14)),
    ),
    # A talking drum squeezed on 1's "a" and 3's "a", a conga on 2's "and", an atabaque on 4's "e".
    "talking-squeeze": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, SQUEEZE),
        (11, SQUEEZE),
        (6, CONGA),
        (13, ATABAQUE),
    ),
    # The pandeiro shaken on 1's "and" and 3's "and", its jingles pressed on 2's "and" and 4's "and",
    # the tamborim struck on 3's "e".
    "pandeiro-jingles": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_HAT) for k in (2, 10)),
        *((k, PEDAL_HAT) for k in (6, 14)),
        (9, TAMBORIM),
    ),
    # A bodhran's tipper on its skin's edge on every "e" and "a", the repinique's rim on 2's "e".
    "bodhran-tipper": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, RIDE) for k in (1, 3, 7, 9, 11, 15)),
        (5, RIMSHOT),
    ),
    # Two timpani sticks clicked on 1's "a" and 3's "and", the cuica's stick knocked high on 2's "e"
    # and low on 4's "e", the copper bowl struck on 3's "a", a tambourine on 2's "and".
    "stick-clicks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, STICKS),
        (10, STICKS),
        (5, HIGH_STICK),
        (13, LOW_STICK),
        (11, COWBELL),
        (6, TAMBOURINE),
    ),
}
# Songs in simple meters, songs in compound (slow: 52-78), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((62.0, 138.0), (52.0, 78.0), (66.0, 134.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "bone-conduction",
    "seashell",
    "bone-conduction+aac",
    "mp3+seashell",
    "small-room+seashell",
    "bone-conduction+limit",
    "opus+bone-conduction",
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
