"""The barrow split's own material: read once, only for the final numbers, never to choose a method.

Written for the fourteenth pass of method work by someone other than whoever tunes, once every
other split (sepulchre too) had been read. Its material is in none of the others: progressions,
modal vamps and ambiguous loops, a meter, drum patterns and a tempo range, and timbres no other
split has: every instrument it plays is a recording that is in no soundfont at all (the
tonejs-instruments samples: CC-BY 3.0, recorded for the Versilian Community Sample Library,
Karoryfer, the University of Iowa's instrument samples and Freesound; one npm package per
instrument, `make samples`), played by sample_render (the nearest recording to each pitch,
resampled, a sustained one's middle looped), and its drums a kit no soundfont holds (Hydrogen's
GMRockKit, GPL, Debian's hydrogen-data, `make apt`); its clips then go through a record's
production (production.produce: a room, a band-limited line, a low-bitrate mp3), or none, so that
no sample it plays is one that another split plays and not every clip is a clean render. It sits
in its own module so that whoever tunes does not read it in passing; labelled_material merges it
in. Whoever tunes the methods should not open this file.
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
    Progression,
    written,
)
from soundforge.testing.sample_render import TONEJS

SPLIT = "barrow"
# The blues' scale: mixolydian with the blue third beside the major one and the leading tone that
# its V7 sounds, so that every chord's tones are in it.
BLUES = (0, 2, 3, 4, 5, 7, 9, 10, 11)
PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    # Songs that lean on the relative key and sit on vi, ii and IV (iv, VI and III in minor), with
    # the chords records colour them with: secondary dominants (III7 to vi, VI7 to ii, II7 to V),
    # chords borrowed from the parallel minor (iv, bVI, bVII) and the jazz minor's iv7-VII7-IIIM7, a
    # ii-V-I in its relative major; and blues, twelve bars with dominant sevenths on I, IV and V (a
    # quick change, and a minor blues with its bVI7-V7 turnaround), which a musician names by their I.
    "dwelling": (
        written("vi-III7-vi-IV ii-V7-I-I", "major", "9m 4d7 9m 5 2m 7d7 0 0", own=SPLIT),
        written("IV-IV-vi-II7 IV-II7-V7-I", "major", "5 5 9m 2d7 5 2d7 7d7 0", own=SPLIT),
        written("ii-ii-VI7-ii IV-IV-V7-I", "major", "2m 2m 9d7 2m 5 5 7d7 0", own=SPLIT),
        written("vi-IV-bVI-bVII vi-IV-V-I", "major", "9m 5 8 10 9m 5 7 0", own=SPLIT),
        written("I-III7-vi-vi IV-iv-I-I", "major", "0 4d7 9m 9m 5 5m 0 0", own=SPLIT),
        written("vi7-vi7-ii7-IVM7 vi7-ii7-V7-IM7", "major", "9m7 9m7 2m7 5M7 9m7 2m7 7d7 0M7", own=SPLIT),
        written("IV-ii-vi-vi IV-ii-bVII-I", "major", "5 2m 9m 9m 5 2m 10 0", own=SPLIT),
        written("ii-vi-IV-II7 ii-vi-V7-I", "major", "2m 9m 5 2d7 2m 9m 7d7 0", own=SPLIT),
        written(
            "blues I7 I7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 V7",
            "major",
            "0d7 0d7 0d7 0d7 5d7 5d7 0d7 0d7 7d7 5d7 0d7 7d7",
            BLUES,
            own=SPLIT,
        ),
        written(
            "quick-change blues I7 IV7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 I7",
            "major",
            "0d7 5d7 0d7 0d7 5d7 5d7 0d7 0d7 7d7 5d7 0d7 0d7",
            BLUES,
            own=SPLIT,
        ),
        written(
            "minor blues i7 i7 i7 i7 iv7 iv7 i7 i7 bVI7 V7 i7 V7",
            "minor",
            "0m7 0m7 0m7 0m7 5m7 5m7 0m7 0m7 8d7 7d7 0m7 7d7",
            (0, 2, 3, 5, 7, 8, 10, 11),
            own=SPLIT,
        ),
        written("VI-VI-iv-iv III-III-V7-i", "minor", "8 8 5m 5m 3 3 7d7 0m", own=SPLIT),
        written("iv7-VII7-IIIM7-IIIM7 VIM7-iv7-V7-i", "minor", "5m7 10d7 3M7 3M7 8M7 5m7 7d7 0m", own=SPLIT),
        written("III-VII-iv-iv VI-III-V7-i", "minor", "3 10 5m 5m 8 3 7d7 0m", own=SPLIT),
        written("VI-iv-i-i VI-iv-V-V", "minor", "8 5m 0m 0m 8 5m 7 7", own=SPLIT),
        written("iv-VI-VI-III iv-iv-V7-i", "minor", "5m 8 8 3 5m 5m 7d7 0m", own=SPLIT),
    ),
    # Vamps over their parent key's chords, each on its tonic half the bars or more, its chords all
    # in the mode: dorian's major IV, mixolydian's bVII and minor v, lydian's II, phrygian's bII, and
    # one mixolydian vamp that holds its tonic three bars in four, as a long pedal would.
    "modal": (
        written("dorian i7 i7 IV IV i7 i7 ii7 IV", "minor", "0m7 0m7 5 5 0m7 0m7 2m7 5", DORIAN, own=SPLIT),
        written("dorian i i bVII IV i i bIII IV", "minor", "0m 0m 10 5 0m 0m 3 5", DORIAN, own=SPLIT),
        written("mixolydian I I bVII IV I I v bVII", "major", "0 0 10 5 0 0 7m 10", MIXOLYDIAN, own=SPLIT),
        written("mixolydian I I I bVII I I I IV", "major", "0 0 0 10 0 0 0 5", MIXOLYDIAN, own=SPLIT),
        written("lydian I II I I I II vii I", "major", "0 2 0 0 0 2 11m 0", LYDIAN, own=SPLIT),
        written(
            "lydian IM7 IM7 II II IM7 IM7 iii II", "major", "0M7 0M7 2 2 0M7 0M7 4m 2", LYDIAN, own=SPLIT
        ),
        written("phrygian i i bII bII i i bvii bII", "minor", "0m 0m 1 1 0m 0m 10m 1", PHRYGIAN, own=SPLIT),
        written("phrygian i bII bIII bII i i iv i", "minor", "0m 1 3 1 0m 0m 5m 0m", PHRYGIAN, own=SPLIT),
        written("aeolian i i bVI bVII i i bVI v", "minor", "0m 0m 8 10 0m 0m 8 7m", own=SPLIT),
        written("aeolian i7 i7 iv7 bVII i7 i7 bIII bVII", "minor", "0m7 0m7 5m7 10 0m7 0m7 3 10", own=SPLIT),
    ),
    # Loops that sit on the relative key (vi in major, III in minor; a secondary dominant, VII7, gives
    # III its own) and name their tonic only in their last two bars, by a dominant resolving.
    "ambiguous": (
        written("vi vi iii vi IV ii V7 I", "major", "9m 9m 4m 9m 5 2m 7d7 0", own=SPLIT),
        written("vi IV vi vi IV ii V7 I", "major", "9m 5 9m 9m 5 2m 7d7 0", own=SPLIT),
        written("vi vi ii ii vi vi V7 I", "major", "9m 9m 2m 2m 9m 9m 7d7 0", own=SPLIT),
        written("iii vi iii vi IV IV V7 I", "major", "4m 9m 4m 9m 5 5 7d7 0", own=SPLIT),
        written("III III VII VII III iv V7 i", "minor", "3 3 10 10 3 5m 7d7 0m", own=SPLIT),
        written("VII7 III VII7 III iv iv V7 i", "minor", "10d7 3 10d7 3 5m 5m 7d7 0m", own=SPLIT),
        written("III VI III VII VI VI V7 i", "minor", "3 8 3 10 8 8 7d7 0m", own=SPLIT),
        written("VII7 III VI iv VII7 III V7 i", "minor", "10d7 3 8 5m 10d7 3 7d7 0m", own=SPLIT),
    ),
}
# The split's own meter: ten quarter-note beats a bar (two and a half bars of 4/4 under one chord,
# a slow verse's harmonic rhythm), beside the others' 2/4, 3/4, 4/4, 5/4, 6/4, 7/4, 8/4, 12/4, 6/8,
# 9/8, 12/8, 15/8, 18/8 and 24/8; its tempo counts quarters, as 4/4's does. A drum pattern plays its
# four beats in turn, its backbeat on every other beat. Songs lean on 6/8 and 12/8 more than the
# other splits do.
METER = "10/4"
METER_LAYOUT = (10, 2)  # (beats per bar, subdivisions per beat), as labelled_material.METERS
SONG_METERS = ("4/4", "4/4", "4/4", "3/4", "6/8", "6/8", "12/8", "12/8", METER)
# Recordings in no soundfont (sample_render.TONEJS): midi_render renders a sample set through
# sample_render. Its recordings were checked by rendering to sound the pitch class they are given
# over the range each role plays (one that did not is left out), and its sustained ones to hold a
# note of 14 s. It has no choir, pad, vibraphone or electric piano, so the split draws only the
# programs below, not the ones every other split shares (labelled_material.ONLY_OWN_PROGRAMS).
SOUNDFONT = TONEJS.root
# General MIDI programs by role, instead of the ones every other split shares.
PROGRAMS = {
    # acoustic grand, church and reed organ, nylon, steel and clean electric guitars, harp
    "chord": (0, 19, 20, 24, 25, 27, 46),
    "bass": (33, 43, 58),  # finger bass, contrabass, tuba
    "lead": (40, 56, 60, 65, 71, 73),  # violin, trumpet, French horn, alto sax, clarinet, flute
}
# What its held tones and free-time chords play: church and reed organ, French horn and alto sax,
# each holding its note as long as it is held (the free-time chords' bass, program 48, is the
# contrabass in this set).
SUSTAINED_PROGRAMS = (19, 20, 60, 65)
DRUM_KITS = (0,)  # the set's one kit
# General MIDI drums the kit has beyond labelled_notation's.
LOW_FLOOR_TOM, LOW_TOM, HI_MID_TOM, CRASH, RIDE_BELL, SPLASH = 41, 45, 48, 49, 53, 55
# Per bar of 4 beats in sixteenths: (sixteenth, GM drum), as labelled_material.DRUM_PATTERNS. In a
# compound meter a beat's sixteenths 0, 1 and 2 fall on its thirds. Each keeps a stroke on every
# beat or a backbeat on 2 and 4, so the pulse a listener taps is the beat the clip is labelled with.
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    # Country's two-step: the kick on 1 and 3, the side stick on 2 and 4, the hats on the eighths.
    "sidestick-two-beat": (
        (0, KICK),
        (8, KICK),
        (4, RIMSHOT),
        (12, RIMSHOT),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # Surf: the floor tom's sixteenths under the backbeat, the kick on 1 and 3.
    "surf": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, LOW_FLOOR_TOM) for k in range(16)),
    ),
    # The tom-tom groove of swing-era drum features, straightened: the floor tom on every beat, the
    # low and the high tom answering on the and of 2 and 4, the kick on 1 and 3.
    "tom-groove": (
        (0, KICK),
        (8, KICK),
        *((k, LOW_FLOOR_TOM) for k in range(0, 16, 4)),
        (6, LOW_TOM),
        (14, HI_MID_TOM),
    ),
    # Ska: the kick on 1 and 3, the snare on 2 and 4, the open hat on every off-beat, the closed one
    # on the beats.
    "ska": (
        (0, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
        *((k, CLOSED_HAT) for k in range(0, 16, 4)),
    ),
    # A motorik beat with a splash on 1: a steady kick on 1, 3 and the and of 3, the snare on 2 and 4,
    # the hats on every eighth.
    "kraut-splash": (
        (0, KICK),
        (8, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
        (0, SPLASH),
    ),
    # Jazz-rock on the ride: its bell on every beat, the ride's eighths between, the pedal hat on 2
    # and 4, the kick on 1 and the and of 2.
    "ride-bell": (
        (0, KICK),
        (6, KICK),
        *((k, RIDE_BELL) for k in range(0, 16, 4)),
        *((k, RIDE) for k in range(2, 16, 4)),
        (4, PEDAL_HAT),
        (12, PEDAL_HAT),
    ),
    # A cowbell on every beat over a backbeat and a crash on 1, the kick on 1, the and of 2 and 3.
    "cowbell-backbeat": (
        (0, KICK),
        (6, KICK),
        (8, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, COWBELL) for k in range(0, 16, 4)),
        (0, CRASH),
    ),
}
# Songs in simple meters, songs in compound, drums alone (BPM, drawn log-uniformly): slow ballads and
# 12/8 blues at 50 or under, and songs and loops up to 200.
TEMPO_RANGES = ((50.0, 200.0), (43.0, 121.0), (52.0, 200.0))
# What a record's production does to a clip (production.produce), one per clip by its seed.
PRODUCTION = ("dry", "room", "mp3", "room+mp3", "band+mp3", "room+band")
COUNTS = {
    "dwelling": 68,
    "modal": 32,
    "ambiguous": 23,
    "free-time": 18,
    "drums": 32,
    "noise": 14,
    "tone": 23,
}
