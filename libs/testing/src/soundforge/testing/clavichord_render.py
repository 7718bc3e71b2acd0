"""Notes to audio by tangent-struck keyboard strings, computed in numpy: a fretted clavichord, two or
three neighbouring keys' tangents on one pair of strings; an unfretted clavichord, a pair to every key;
a large German five-octave unfretted clavichord, a 4' string beside each pair in its bass; and a
tangent piano (a Tangentenflugel), its tangents flying free, with and without its moderator.
A clavichord's key lifts a brass tangent into its pair of strings and holds it there: the tangent
both sets the strings going and stops them, fixing their speaking length from it to the bridge, while
the listing cloth woven through them on its other side damps the rest. So a note sounds only as long
as the key is down and stops the instant it rises (the cloth takes the whole string, `level`'s last,
a few milliseconds); and on a fretted clavichord, whose keys in a group (`frets`, pitch classes of an
octave) strike one pair at different points, two of them cannot sound together: the tangent nearer
the bridge, the higher note's, sets the length and the other lies on the damped side, so the higher
wins (fretted: the lower note cut where the higher starts, never sounding while it is down). The
tangent lifts the end of the speaking length through its rise, a half-sine of velocity `contact` s
long at velocity 127 and longer for a softer stroke (tether_render.stroke, tether_render.contact):
each partial n rings at 1 / n (the straight line to the bridge's modes) times that spectrum, so a hard
stroke is brighter. The key's pressure, through the tangent, stretches the strings: `press` cents
sharp at velocity 127 (as the square of the velocity, a little more as the tangent lands), and on a
held note the player's pulsing finger, bebung, swings it by `vibrato` cents at `rate` Hz after
`delay` s. A tangent piano's tangent is thrown at the strings `at` of their length and falls back, as
a hammer does: each partial at |sin(n pi at)| / n through the contact's half-sine, the strings
ringing until the damper lands (`level`'s last) once the key rises, no pressure, no bebung; its
moderator, a strip of cloth between tangent and strings, lengthening the contact and taking level.
The strings are stiff: partial n at n f sqrt(1 + B n^2) / sqrt(1 + B) (the first on the note), B
`stiffness` at middle C growing up the treble; each dies at its rate (the fundamental over `ring` s at
middle C, longer in the bass, each partial up by `partial_damping` faster). Two strings to a note,
`detune` cents apart, the second at `pair` of the first: their partials beat. The 4' string, an
octave up, its own stiffer wire, sounds beside the pair under `four_foot` at `octave` of it. What
sounds passes through a small soundboard: its modes (`board`: Hz, Q, lift) over a radiation that falls
away under `radiates` Hz. Each note is worked out on frames as its partials' complex levels, beats and
stretch and all, and read as periods at its running phase (struck_render.periods), so its partials
stay whole multiples of its bent pitch between frames.
And a kit for an early-music consort's percussion and the players' own sounds, none of them held: a
large frame drum struck in its middle (the bass drum) and damped (the other); a tabor struck, its gut
snare buzzing (the snare), and struck at its edge (the other); a stick on the tabor's hoop (the side
stick); hand claps (the clap); a pair of nakers, small kettledrums, and a riq's and a bendir's heads
(the toms); finger cymbals struck and choked (the closed hat), pressed together (the pedal hat), let
ring (the open hat); a pair of small cymbals clashed (the crash); a triangle with rings on its lower
side (the ride), struck in its corner (its bell); a tambourine's jingles (the tambourine); a small
hand bell (the cowbell); a rasp scraped (the cabasa); a sistrum shaken (the maracas); bones clicked
(the claves); and castanets, the higher pair and the lower (the wood blocks) -- ringing modes and
noise, the jingles, the rings and the snare as grains, no recording."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import balafon_render, rolled_render, struck_render, tether_render, voice_render
from soundforge.testing.sample_render import DRUM_CHANNEL

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

MIDDLE_C = 261.6256  # Hz
FUNDAMENTAL_FLOOR = 0.3  # the note's partial is never under this share of the loudest
FRAME = 0.002  # s: the step the partials' levels, beats and stretch are worked out at
MAX_PARTIALS = 24
TOP = 6000.0  # Hz: no partial above (a small board radiates little there, and the tangent's rise less)
B_TREBLE = 2.2  # the stiffness grows by this an octave up the treble (short, thin strings)
B_BASS = 0.7  # and shrinks by this an octave down (long ones)
IMPACT = 0.5  # the pressure's share more as the tangent lands, dying over IMPACT_TIME
IMPACT_TIME = 0.03  # s
_TABLE = 1024  # points of a period's table (struck_render.periods)
_SHORTEST = 0.05  # s: a note held this long at least
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 4517  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """Tangent-struck strings. `tangent`: a clavichord's, held on the strings while the key is down
    (False: a tangent piano's, flying free, striking `at` of the length); its rise or contact
    `contact` s at velocity 127; `frets`: groups of an octave's pitch classes whose keys share a pair
    (none: unfretted); `press`: cents sharp at velocity 127; the strings' `stiffness` (B at middle C),
    the fundamental's `ring` s at middle C and each partial up dying `partial_damping` faster; the
    second string at `pair` of the first; a 4' string under key `four_foot`, at `octave` of the pair;
    the board's modes `board` (Hz, Q, lift) and its radiation's corner `radiates` Hz; `moderator`:
    the tangent piano's cloth (0: out), its contact times 1 + 2 moderator and its level times
    1 - moderator / 2. `level`: the attack s, -, 1 where the note holds while the key is down, the
    cloth's or the damper's time s; Players' fields: the pair's two strings `detune` cents apart, the
    bebung `vibrato` cents at `rate` Hz after `delay` s."""

    kind: str
    tangent: bool = True
    at: float = 0.125
    contact: float = 0.0008
    frets: tuple[tuple[int, ...], ...] = ()
    press: float = 4.0
    stiffness: float = 1.5e-5
    ring: float = 2.0
    partial_damping: float = 0.12
    pair: float = 0.8
    four_foot: int = 0
    octave: float = 0.0
    board: tuple[tuple[float, float, float], ...] = ()
    radiates: float = 120.0
    moderator: float = 0.0
    level: tuple[float, float, float, float] = (0.004, 0.0, 1.0, 0.006)
    voices: int = 2
    detune: float = 1.5
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.4
    gain: float = 1.0

    @property
    def still(self) -> Instrument:
        """The same strings pressed with no force and no bebung: they sound their note as tuned."""
        return dataclasses.replace(self, press=0.0, vibrato=0.0)


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A drum, a cymbal or a rattle of the consort (struck_render.Drum's partials and noise), and
    `grains` more strokes at random within `spread` s, each at up to its share of the first (the
    tambourine's jingles, the triangle's rings, the tabor's snare), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
ClavichordSet = struck_render.StruckSet[Instrument, Struck]


def fret_group(patch: Instrument, key: int) -> tuple[int, int] | None:
    """The pair of strings `key` strikes on a fretted instrument, as (octave, group), or None where
    the key has a pair of its own."""
    for group, classes in enumerate(patch.frets):
        if key % 12 in classes:
            return key // 12, group
    return None


def fretted(notes: Iterable[Note], patches: Mapping[int, Instrument]) -> list[Note]:
    """`notes` as a fretted clavichord sounds them (`patches`: each melodic channel's instrument): a
    note whose pair a higher key of its channel and group holds is cut where that key goes down, and
    one that goes down while a higher one of its group is held (or with it) never sounds."""
    notes = list(notes)
    out: list[Note] = []
    for note in notes:
        patch = None if note.channel == DRUM_CHANNEL else patches[note.channel]
        group = None if patch is None else fret_group(patch, note.pitch)
        if patch is None or group is None:
            out.append(note)
            continue
        end = note.start + note.seconds
        for other in notes:
            if (
                other.channel != note.channel
                or other.pitch <= note.pitch
                or fret_group(patch, other.pitch) != group
            ):
                continue
            if other.start < end and note.start < other.start + other.seconds:
                end = min(end, other.start)
        if end == note.start + note.seconds:
            out.append(note)
        elif end > note.start:
            out.append(dataclasses.replace(note, seconds=end - note.start))
    return out


def stiffness_of(patch: Instrument, hz: float) -> float:
    """B at `hz`: `stiffness` at middle C, times B_TREBLE an octave up, B_BASS an octave down."""
    octaves = float(np.log2(hz / MIDDLE_C))
    return patch.stiffness * (B_TREBLE**octaves if octaves > 0 else B_BASS ** (-octaves))


def stretched(count: int, stiffness: float) -> Signal:
    """The first `count` partials of a stiff string against its first: n sqrt(1 + B n^2) / sqrt(1 + B)."""
    n = np.arange(1, count + 1, dtype=np.float64)
    return np.asarray(n * np.sqrt(1.0 + stiffness * n**2) / np.sqrt(1.0 + stiffness))


def count_of(hz: float, sample_rate: int) -> int:
    """How many partials (whole harmonics' places) a note at `hz` sounds: under TOP and 0.45 of the
    rate, MAX_PARTIALS at most, the first always."""
    return int(max(1, min(MAX_PARTIALS, np.floor(min(TOP, 0.45 * sample_rate) / hz))))


def board_response(patch: Instrument, f: Signal) -> Signal:
    """What the soundboard radiates of the strings at `f` Hz: x^2 / (1 + x^2), x = f / `radiates`
    (a small board's short circuit in the bass), lifted by each of its modes near it."""
    f = np.asarray(f, dtype=np.float64)
    x = f / patch.radiates
    lifted = np.ones(f.shape)
    for centre, q, lift in patch.board:
        lifted = lifted + lift * np.abs(tether_render.resonance(f, centre, q))
    return np.asarray(x**2 / (1.0 + x**2) * lifted)


def excited(patch: Instrument, hz: float, velocity: int, n: Signal, ratio: Signal) -> Signal:
    """Each partial's level as the tangent sets it going: the clavichord's rise at the end of the
    speaking length, 1 / n, or the tangent piano's stroke at `at`, |sin(n pi at)| / n; through the
    rise's or the contact's half-sine (tether_render.stroke, timed by tether_render.contact, the
    moderator's cloth lengthening it); radiated by the board (board_response)."""
    tau = tether_render.contact(patch, velocity) * (1.0 + 2.0 * patch.moderator)
    shape = 1.0 / n if patch.tangent else np.abs(np.sin(n * np.pi * patch.at)) / n
    f = ratio * hz
    return np.asarray(
        shape * tether_render.stroke(f, tau) * board_response(patch, f) * (1.0 - patch.moderator / 2.0)
    )


def dying(patch: Instrument, hz: float, n: Signal) -> Signal:
    """Each partial's rate of dying (1/s): the fundamental's 1 / `ring` at middle C, slower in the bass
    (as the square root of the frequency), each partial up `partial_damping` faster."""
    return np.asarray(np.sqrt(hz / MIDDLE_C) / patch.ring * (1.0 + patch.partial_damping * (n - 1.0)))


def length(patch: Instrument, hz: float, held: float) -> float:
    """How long a note held `held` s sounds (s): a clavichord's until its key rises and the cloth has
    stopped it, or until it has died; a tangent piano's as long, its damper slower; and the fade."""
    damper = patch.level[3]
    first = float(dying(patch, hz, np.ones(1))[0])
    return float(min(max(held, _SHORTEST) + 6.0 * damper, 6.0 / first)) + _FADE


def cents_of(
    patch: Instrument, velocity: int, held: float, times: Signal, rng: np.random.Generator
) -> Signal:
    """The pitch (cents about the note) at `times` s: the key's pressure, `press` at velocity 127 as
    the square of the velocity, IMPACT more as the tangent lands; the bebung while the key is down
    past `delay` (eased in over 0.3 s, at the player's own rate within 5% of `rate` and phase)."""
    out = patch.press * (velocity / 127.0) ** 2 * (1.0 + IMPACT * np.exp(-times / IMPACT_TIME))
    if patch.vibrato and held > patch.delay:
        rate = patch.rate * (1.0 + float(rng.uniform(-0.05, 0.05)))
        phase = float(rng.uniform(0.0, 2.0 * np.pi))
        ease = np.clip((times - patch.delay) / 0.3, 0.0, 1.0) * (times < held)
        out = out + patch.vibrato * ease * np.sin(phase + 2.0 * np.pi * rate * times)
    return np.asarray(out)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           sample_rate: int = 22050, turned: Signal | None = None) -> Complex:  # fmt: skip
    """The partials' complex levels (frames x whole harmonics) at `frames` s: each string's partial n
    at its level (excited), dying at its rate (dying), its place off the n-th harmonic (stretched) and
    its string's detuning turning it at `turned` (the note's running phase in radians at the frames,
    2 pi hz t where None), the pair summed so they beat, the 4' string's on the even harmonics; the
    attack and the cloth or the damper once the key rises (`level`); the note's never under
    FUNDAMENTAL_FLOOR of the loudest."""
    turned = 2.0 * np.pi * hz * frames if turned is None else turned
    count = count_of(hz, sample_rate)
    n = np.arange(1, count + 1, dtype=np.float64)
    ratio = stretched(count, stiffness_of(patch, hz))
    out = np.zeros((frames.size, count), dtype=np.complex128)
    base = excited(patch, hz, velocity, n, ratio)[None, :] * np.exp(-frames[:, None] * dying(patch, hz, n))
    for cents, share in zip(patch.offsets, (1.0, patch.pair), strict=False):
        stretch = ratio * 2.0 ** (cents / 1200.0) - n
        out += share * base * np.exp(1j * stretch[None, :] * turned[:, None])
    if patch.octave and round(12.0 * np.log2(hz / 440.0) + 69.0) < patch.four_foot:
        half = count // 2
        m = np.arange(1, half + 1, dtype=np.float64)
        ratio4 = stretched(half, 2.0 * stiffness_of(patch, 2.0 * hz))
        four = excited(patch, 2.0 * hz, velocity, m, ratio4) * patch.octave
        rung = four[None, :] * np.exp(-frames[:, None] * dying(patch, 2.0 * hz, m))
        out[:, 1::2][:, :half] += rung * np.exp(1j * 2.0 * (ratio4 - m)[None, :] * turned[:, None])
    attack, _, _, damper = patch.level
    shape = (1.0 - np.exp(-frames / attack)) * np.exp(
        -np.maximum(frames - max(held, _SHORTEST), 0.0) / damper
    )
    out *= shape[:, None]
    loudest = np.abs(out).max(axis=1)
    first = np.abs(out[:, 0])
    lift = np.where(
        first < FUNDAMENTAL_FLOOR * loudest, FUNDAMENTAL_FLOOR * loudest / np.maximum(first, 1e-300), 1.0
    )
    out[:, 0] *= lift
    return out


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, clavichord_set: ClavichordSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died: each
    melodic note through its program's instrument, bent by `cents`, a fretted clavichord's notes as
    its shared pairs let them sound (fretted); the drum channel through the set's kit, unbent. A
    program or a drum the set lacks is a KeyError, never a stand-in."""
    notes = list(notes)
    patches = {
        note.channel: clavichord_set.programs[programs[note.channel]]
        for note in notes
        if note.channel != DRUM_CHANNEL
    }
    return struck_render.render(
        fretted(notes, patches),
        programs,
        seconds,
        sample_rate,
        cents,
        clavichord_set,
        _SOUNDED,
        lambda p: False,
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a key to each) struck for `held` seconds at `velocity`. What varies
    (the bebung's rate and phase) is drawn with `seed` (the note's own, note_rng, where None). Its peak
    stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    bent = cents_of(patch, velocity, held, times, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        phase = 2.0 * np.pi * hz * np.cumsum(2.0 ** (bent / 1200.0)) / sample_rate
        at_frames = np.interp(frames, times, phase)
        weights = levels(patch, hz, held, velocity, frames, sample_rate, at_frames)
        tone = struck_render.periods(weights, [phase], times, FRAME, _TABLE)
        return tone, np.zeros(times.size)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# A small German soundboard's first modes (Hz, Q, lift) and a large one's, lower and closer.
_SMALL_BOARD = ((310.0, 8.0, 1.2), (560.0, 10.0, 0.9), (980.0, 12.0, 0.7), (1650.0, 12.0, 0.5))
_LARGE_BOARD = ((170.0, 8.0, 1.2), (290.0, 9.0, 1.0), (470.0, 10.0, 0.8), (820.0, 12.0, 0.6))
_PIANO_BOARD = ((120.0, 6.0, 1.0), (240.0, 8.0, 0.9), (450.0, 9.0, 0.7), (900.0, 10.0, 0.5))
# Double fretting: D and A free, the other keys in pairs (C and C#, Eb and E, F and F#, G and G#, Bb
# and B), no two of a major scale on C in one pair; triple fretting, an older clavichord's: three
# neighbours to a pair.
DOUBLE = ((0, 1), (3, 4), (5, 6), (7, 8), (10, 11))
TRIPLE = ((0, 1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11))
# The chords: a double-fretted clavichord, brass strings, a small board; an unfretted one, a pair to
# each key; a tangent piano, its tangent thrown an eighth of the way along the strings.
FRETTED = Instrument("clavichord", frets=DOUBLE, contact=0.0007, press=4.0, stiffness=1.2e-5, ring=1.6,
                     board=_SMALL_BOARD, radiates=180.0, detune=1.6)  # fmt: skip
UNFRETTED = Instrument("clavichord", contact=0.0008, press=3.5, stiffness=1.5e-5, ring=2.2,
                       board=_SMALL_BOARD, radiates=150.0, detune=1.2)  # fmt: skip
TANGENT_PIANO = Instrument("tangent piano", tangent=False, at=0.125, contact=0.0005, press=0.0,
                           stiffness=3e-5, ring=3.0, partial_damping=0.1, board=_PIANO_BOARD, radiates=90.0,
                           level=(0.002, 0.0, 0.0, 0.08), detune=1.0)  # fmt: skip
# The basses: a large German clavichord's bass, its 4' strings under C3; a tangent piano's.
GERMAN_BASS = Instrument("clavichord", contact=0.0011, press=3.0, stiffness=8e-6, ring=2.6, four_foot=48,
                         octave=0.45, board=_LARGE_BOARD, radiates=90.0, detune=1.4, gain=1.2)  # fmt: skip
PIANO_BASS = dataclasses.replace(TANGENT_PIANO, contact=0.0008, gain=1.2)
# The leads: a triple-fretted clavichord, small and bright; the large German clavichord's treble; a
# tangent piano with its moderator in.
TRIPLE_FRETTED = Instrument("clavichord", frets=TRIPLE, contact=0.0006, press=5.0, stiffness=2e-5, ring=1.3,
                            board=_SMALL_BOARD, radiates=220.0, detune=1.5, gain=0.9)  # fmt: skip
GERMAN_TREBLE = Instrument("clavichord", contact=0.0009, press=3.0, stiffness=1e-5, ring=2.4, four_foot=48,
                           octave=0.45, board=_LARGE_BOARD, radiates=110.0, detune=1.2, gain=0.9)  # fmt: skip
MODERATED = dataclasses.replace(TANGENT_PIANO, moderator=0.6, gain=0.9)
# Held: the large German clavichord's key held down under bebung; the unfretted one's.
GERMAN_HELD = dataclasses.replace(GERMAN_BASS, vibrato=8.0, rate=5.5, delay=0.35, gain=1.0)
UNFRETTED_HELD = dataclasses.replace(UNFRETTED, vibrato=10.0, rate=6.0, delay=0.3)


# General MIDI programs to instruments: the held tones; a song's chords on a fretted and an unfretted
# clavichord and a tangent piano; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: GERMAN_HELD,
        49: UNFRETTED_HELD,
        6: FRETTED,
        7: UNFRETTED,
        1: TANGENT_PIANO,
        3: GERMAN_BASS,
        4: PIANO_BASS,
        8: TRIPLE_FRETTED,
        2: GERMAN_TREBLE,
        5: MODERATED,
    }


def _drums() -> dict[int, Struck]:
    skin = balafon_render.skin
    return {
        # A large frame drum struck in its middle, no shell: its head's modes (the bass drum); damped by
        # the other hand (the other).
        36: Struck(
            ((61.0, 1.0, 0.06), *skin(101.0, 0.05, 0.3)), (40.0, 1200.0), 0.06, 1.3, sweep=0.15, glide=0.04
        ),
        35: Struck(((67.0, 1.0, 0.03), *skin(109.0, 0.03, 0.3)), (40.0, 1000.0), 0.03, 1.2),
        # The tabor struck, its gut snare buzzing (the snare); struck at its edge (the other); a stick on
        # its hoop (the side stick); hand claps (the clap).
        38: Struck(skin(233.0, 0.03, 0.6), (1200.0, 8000.0), 0.06, 0.9, grains=3, spread=0.02),
        40: Struck(skin(263.0, 0.05, 0.8), (800.0, 5000.0), 0.03, 0.85),
        37: Struck(((1913.0, 1.0, 0.008), (4717.0, 0.4, 0.004)), (1500.0, 8000.0), 0.004, 0.6),
        39: Struck((), (700.0, 5500.0), 0.014, 0.85, grains=2, spread=0.03),
        # A pair of nakers struck with sticks, low and high, a bendir's and a riq's heads (the toms).
        41: Struck(skin(89.0, 0.25, 0.3), (90.0, 1600.0), 0.02, 0.9),
        43: Struck(skin(109.0, 0.22, 0.3), (100.0, 1800.0), 0.02, 0.9),
        45: Struck(skin(137.0, 0.18, 0.3), (120.0, 2200.0), 0.018, 0.9),
        47: Struck(skin(157.0, 0.16, 0.3), (140.0, 2600.0), 0.016, 0.9),
        48: Struck(skin(191.0, 0.12, 0.4), (160.0, 3000.0), 0.014, 0.9),
        50: Struck(skin(223.0, 0.1, 0.4), (180.0, 3400.0), 0.012, 0.9),
        # Finger cymbals struck and choked (the closed hat), pressed together (the pedal hat), let ring
        # (the open hat); a pair of small cymbals clashed (the crash); a triangle with rings (the ride),
        # struck in its corner (its bell).
        42: Struck(((3187.0, 0.5, 0.012), (7411.0, 0.3, 0.006)), (4000.0, 10000.0), 0.01, 0.35),
        44: Struck(((3187.0, 0.3, 0.004),), (2500.0, 8000.0), 0.006, 0.3),
        46: Struck(
            ((3187.0, 0.5, 0.14), (7411.0, 0.3, 0.09), (9007.0, 0.2, 0.05)), (3500.0, 10000.0), 0.06, 0.35
        ),
        49: Struck(
            ((2903.0, 0.4, 0.18), (4567.0, 0.3, 0.14), (6883.0, 0.25, 0.1)),
            (2500.0, 10000.0),
            0.2,
            0.4,
            grains=4,
            spread=0.05,
        ),
        51: Struck(
            (
                (1597.0, 0.25, 0.2),
                (2351.0, 0.3, 0.2),
                (3313.0, 0.3, 0.18),
                (4513.0, 0.35, 0.15),
                (7321.0, 0.3, 0.1),
            ),
            (3000.0, 10000.0),
            0.02,
            0.35,
            grains=3,
            spread=0.04,
        ),
        53: Struck(((1597.0, 0.3, 0.08), (4513.0, 0.6, 0.1)), (3500.0, 10000.0), 0.004, 0.35),
        # A tambourine's jingles (the tambourine); a small hand bell (the cowbell); a rasp scraped (the
        # cabasa); a sistrum shaken (the maracas).
        54: Struck(
            ((5023.0, 0.3, 0.03), (7789.0, 0.2, 0.02)), (4500.0, 10000.0), 0.03, 0.4, grains=5, spread=0.045
        ),
        56: Struck(
            ((1039.0, 1.0, 0.09), (2617.0, 0.5, 0.05), (4243.0, 0.3, 0.03)), (900.0, 6000.0), 0.003, 0.4
        ),
        69: Struck((), (1800.0, 9000.0), 0.05, 0.4, grains=6, spread=0.07),
        70: Struck(((6143.0, 0.2, 0.01),), (3000.0, 10000.0), 0.025, 0.4, grains=4, spread=0.035),
        # Bones clicked (the claves); castanets, the higher pair and the lower (the wood blocks).
        75: Struck(((2137.0, 1.0, 0.01), (5479.0, 0.3, 0.005)), (1800.0, 8000.0), 0.002, 0.5),
        76: Struck(
            ((2711.0, 1.0, 0.006), (6007.0, 0.4, 0.003)), (2000.0, 9000.0), 0.002, 0.5, grains=1, spread=0.01
        ),
        77: Struck(
            ((1873.0, 1.0, 0.008), (4283.0, 0.4, 0.004)), (1500.0, 7000.0), 0.002, 0.5, grains=1, spread=0.012
        ),
    }


CLAVICHORD_SET = ClavichordSet(
    root=Path(__file__).with_name("clavichord-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("clavichord-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
CLAVICHORD_SETS = {CLAVICHORD_SET.root: CLAVICHORD_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
