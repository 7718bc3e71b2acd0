"""The donjon split's own material: read once, only for the final numbers, never to choose a method.

Written for the sixty-second pass of method work by someone other than whoever tunes, beside bastion,
while neither had been read. Its material is in none of the others: songs that sit on vi, ii and IV
(VI, iv and ii° in minor) by ways of their own in six bars and come home on I (i); modal vamps of six
bars that come back to their tonic every other bar, each visiting its mode's own chords; ambiguous
loops new by root motion, one major led by its relative minor's chords, one minor led by its relative
major's; a bar of twenty beats of four sixteenths, drum patterns of the pans' own sounds and a tempo
range of its own, and timbres no other split has: its instruments are no recordings, no soundfont, no
STK model, no waveguide, no analog patch, no formant voice, no phase-distortion, FM, waveshaping,
wavetable, granular, chip or vocoder patch, no tonewheel or free reed, no modal bar or bell, no
hammered string, no additive resynthesis, no drone string, no linear-arithmetic tone, no bore, no tape
frame, no bowed or fretted string, no organ pipe, no early electronic instrument, no glass or friction
instrument, no instrument that wind or water sounds, no mechanical music, no instrument of stone,
earth or wood, no gamelan bronze, no nursery's toy, no plucked psaltery, no mouth harp, no string
bowed by a wheel, no vessel flute, no mirliton, no singing flame, no siren, no spark or arc, no
stepper or drive, no cricket, cicada or frog, no bird, no string, bar or fork driven by an
electromagnet, no light-tone instrument, no musical bow or string drum, no harp, no skin tuned to a
note, no bamboo tube, no free-reed mouth organ, but handpans and steel tongue drums, computed in numpy
(pan_render: a Hang's note fields, a stainless handpan's, the low fields hammered into a handpan's
bottom shell round its gu and its small high ones, each field a dimple tuned to its note, its octave
and its twelfth; a steel tongue drum's, a small tongue drum's and a propane tank's tongues, each a
plate clamped at its root, bending and twisting; the shell's air lifting what falls near its
Helmholtz resonance through the port; and notes held by rolling a field with the fingers or a tongue
with two mallets), its drums the pans' own sounds and their players', none of them held, computed the
same way. Its clips then go through a record's production (production.produce: a song from a phone
lying face-down on a wooden table, heard by someone sitting at it, beside a small room, lossy encodes
and a limiter), or none. It sits in its own module so that whoever tunes does not read it in passing;
labelled_material merges it in. Whoever tunes the methods should not open this file.
"""

from __future__ import annotations

from soundforge.testing.labelled_notation import (
    CLOSED_HAT,
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
from soundforge.testing.pan_render import PAN_SET

SPLIT = "donjon"
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs of six bars that sit on vi, ii and IV (VI, iv and ii° in minor) and are home on I (i): vi
    # and ii turning on each other before IV and a suspended V; ii, vi and IV circling back to vi before
    # iii leads home (no V); a minor song from VI and iv down to ii°, VI again, then V; a minor song
    # turning iv, VI and ii° round iv before the backdoor bVII climbs to i.
    "dwelling": (
        written("vi ii vi IV V I", "major", "9m7 2m9 9m 5M7 7d9s4 0", own=SPLIT),
        written("ii vi IV vi iii I", "major", "2m7 9m 5M9 9m7 4m7 0", own=SPLIT),
        written("VI iv ii° VI V i", "minor", "8M7 5m7 2h7 8 7d7b9 0m", own=SPLIT),
        written("iv VI ii° iv bVII i", "minor", "5m9 8 2o 5m7 10 0m7", own=SPLIT),
    ),
    # Vamps of six bars that come back to their tonic every other bar, each visiting its mode's own
    # chords: dorian's major IV, minor v and minor ii; mixolydian's bVII, minor ii and IV; lydian's
    # major II, minor vii and V; phrygian's bII, minor iv and minor bvii.
    "modal": (
        written("dorian i-IV-i-v-i-ii", "minor", "0m7 5 0m 7m7 0m9 2m7", DORIAN, own=SPLIT),
        written("mixolydian I-bVII-I-ii-I-IV", "major", "0 10 0d7 2m7 0 5M7", MIXOLYDIAN, own=SPLIT),
        written("lydian I-II-I-vii-I-V", "major", "0M7 2 0as11 11m7 0 7", LYDIAN, own=SPLIT),
        written("phrygian i-bII-i-iv-i-bvii", "minor", "0m 1M7 0m7 5m 0m 10m7", PHRYGIAN, own=SPLIT),
    ),
    # Loops whose home is not said at once: vi, IV, ii and iii before vi and IV come round to V and I;
    # a minor loop led by the relative major's bIII and bVII, down through bVI and iv, then bIII and
    # bVII again before the minor v settles on i.
    "ambiguous": (
        written("vi IV ii iii vi IV V I", "major", "9m7 5M7 2m7 4m 9m 5 7 0", own=SPLIT),
        written("bIII bVII bVI iv bIII bVII v i", "minor", "3M7 10 8 5m7 3 10 7m 0m", own=SPLIT),
    ),
}
# The split's own meter: twenty beats a bar, each of four sixteenths; its tempo counts the beat.
METER = "80/16"
METER_LAYOUT = (20, 4)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "3/4", "6/8", "4/4", "12/8", METER, METER)
# Handpans and steel tongue drums (pan_render.PAN_SET): midi_render renders a pan set through
# pan_render. Each was checked by rendering to sound its note within a cent held still and within ten
# cents as it is, to stay within its level, to hold while its key is down where it holds, and to
# render the same audio on every run. It has no piano, guitar, organ, brass, reed or voice of the
# kinds every other split shares and no program every other split shares beside its own, so the split
# draws only the programs below (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = PAN_SET.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS: dict[str, tuple[int, ...]] = {
    "chord": (11, 10, 8),  # a Hang, a stainless handpan, a steel tongue drum
    "bass": (32, 38),  # a handpan's bottom fields round the gu, a tank drum's long tongues
    "lead": (13, 108, 9),  # a handpan's high fields, a small tongue drum, a tongue drum struck hard
}
# What its held tones and free-time chords play: a Hang's field rolled by the fingers and a steel
# tongue drum's tongue rolled by two mallets, as long as the note is held (the free-time chords' bass,
# program 48, is the Hang's).
SUSTAINED_PROGRAMS = (48, 49)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's: a tank drum's bottom struck by the fist
# (the second bass drum), the nitrided skin scratched by the fingernails (the second snare), the
# shoulder between the fields struck at three places (the toms), the tank's welded seam knocked (the
# cowbell), two mallet handles clicked (the claves) and a mallet's handle on a tongue's root high and
# low (the wood blocks).
TANK_BOTTOM, SCRATCH, LOW_SHOULDER, MID_SHOULDER, HIGH_SHOULDER, SEAM, HANDLES, HIGH_ROOT, LOW_ROOT = (
    35, 40, 41, 45, 48, 56, 75, 76, 77
)  # fmt: skip
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. Each
# keeps the bass drum on 1 and 3 and the snare on 2 and 4, so the pulse a player counts is the beat
# the clip is labelled with, across the tempo range its drums alone are drawn from.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # The tank's bottom struck on 2's "and" and 4's "a", a fingernail ticking a field's edge on every
    # "e".
    "tank-bottom-ticks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (6, TANK_BOTTOM),
        (15, TANK_BOTTOM),
        *((k, CLOSED_HAT) for k in (1, 5, 9, 13)),
    ),
    # The shoulder struck low on 1's "a", middle on 3's "e" and high on 4's "and", the fingernails
    # scratching the skin on 2's "a".
    "shoulder-steps": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, LOW_SHOULDER),
        (9, MID_SHOULDER),
        (14, HIGH_SHOULDER),
        (7, SCRATCH),
    ),
    # The bead bracelet shaken on every "and", the dimples scraped on 3's "a", a tick muted on 1's "e".
    "bead-bracelet": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, TAMBOURINE) for k in (2, 6, 10, 14)),
        (11, OPEN_HAT),
        (1, PEDAL_HAT),
    ),
    # The welded seam knocked on 1's "a" and 3's "and", the glued seam tapped on 2's "e" and 4's "e", a
    # tongue's tip tapped on every beat.
    "seam-knocks": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (3, SEAM),
        (10, SEAM),
        (5, RIMSHOT),
        (13, RIMSHOT),
        *((k, RIDE) for k in (0, 4, 8, 12)),
    ),
    # Two mallet handles clicked on 1's "and", 2's "a" and 4's "e", a tongue's root knocked high on
    # 2's "e" and low on 3's "and".
    "mallet-handles": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        (2, HANDLES),
        (7, HANDLES),
        (13, HANDLES),
        (5, HIGH_ROOT),
        (10, LOW_ROOT),
    ),
}
# Songs in simple meters, songs in compound (slow: 50-80), drums alone (BPM, drawn log-uniformly).
TEMPO_RANGES = ((64.0, 142.0), (50.0, 80.0), (68.0, 138.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = (
    "dry",
    "face-down",
    "opus+face-down",
    "mp3+face-down",
    "face-down+aac",
    "small-room+face-down",
    "face-down+limit",
    "aac+face-down",
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
