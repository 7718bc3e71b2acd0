"""Notes to audio by harps, plucked by the fingers, computed in numpy: strings running from a neck
straight down into a soundboard, no bridge between -- a pedal harp's gut strings plucked at their
middle by the finger's pad, its wound bass strings plucked near the board (pres de la table) and its
strings touched at their middle by the palm as they are plucked (harmonics); a Paraguayan harp's
nylon strings plucked by the fingernails; a Scottish clarsach's brass wires plucked by the nails,
ringing long; an Andean harp's bass strings over its big half-cone box; a Burmese saung gauk's
silk strings, the player pressing each near the neck to bend it into its note; and a note held as
harpists hold one, two strings tuned alike plucked in turn (the pedal harp's bisbigliando, the
Paraguayan harp's repique).
The string's modes stand where a stiff string's do (n f sqrt(1 + B n^2) / sqrt(1 + B), the first on
the note, B its `stiffness`); plucked `at` a share of its length (a displacement let go, each mode's
swing sin(n pi x) / n^2), it pulls on the board at its end with each mode's n times its swing,
|sin(n pi x)| / n, through the finger's or the nail's release, a half-sine as long as the string
slips off it (|cos(pi f tau) / (1 - (2 f tau)^2)|, a harder pluck's release shorter); plucked at its
middle it has no even modes at all. Touched at its middle by the palm (harmonics), the string is
played an octave under the note and only its even modes, which have a node there, sound. The board
is where the string ends: its admittance is a sum of its modes, each a resonance 1 / (1 + j Q (f /
f0 - f0 / f)) at its mobility, so what it radiates of each partial goes as |Y(f)| and what it takes
from the string as Re Y(f): a partial on a board mode is louder and dies sooner, at sigma = 1 / ring
+ loss f^2 + drain Re Y(f). And the string pulls on the board along itself too, the strings meeting
it at a slant: its tension, raised by its swing as the sum of n^2 times each mode's swing squared
(Kirchhoff and Carrier's mean over its length, so no two modes mix), swings at twice each mode's
frequency, a force `tension` of the first's at velocity 127 (as the velocity squared, so a louder
pluck is richer in them), dying twice as fast as its mode -- so a string plucked at its middle still
sounds its second harmonic -- and its mean rise starts the note `twang` cents sharp, falling onto it
as the modes' forces squared die. The strings not played ring in sympathy through the board: a
string tuned `sympathetic` times the note's has a mode on every partial of it that is a whole
multiple of that ratio, and each such partial drives it (a resonator on its own mode, building up as
the played string feeds it, ringing on at its own rate once that is damped). A held note is plucked
again `roll` times a second, two strings in turn, as long as it is held.
And a kit of the harps' own sounds, none of them held: an Andean harp's box beaten by the
golpeador's fist and palm (the bass drums), a pedal harp's soundboard struck by the knuckles low,
middle and high (the toms), paper threaded through the bass strings struck (the snare), the wound
bass wires slapped by the palm (the other snare), the fingernail on the board's edge (the side stick),
the golpeador's palm slapped flat on the box (the clap), a nail on a string damped at once (the
closed hat), a pedal moved into its notch (the pedal hat), the palm drawn along the wound bass
strings (the open hat), the tuning key tapped on a pin (the ride), the bass wires rubbed by the palm
(the crash), the column knocked (the cowbell), the tuning key on the brass neck plate (the bell), two
nails clicked together (the claves), the neck knocked high and low (the wood blocks), a clarsach's
sharping levers flicked (the tambourine), a llanero's maracas (the maracas) and a high wire struck
with the tuning key, short and long (the triangles) -- ringing modes and noise, the paper's buzz, the
wires' clatter, the levers and the seeds as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

MODES = 32  # a string's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
SYMPATHY_RING = 1.5  # s: how long past the hand's damping a render keeps the sympathetic strings
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 5521  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A harp's string and the board it ends in. The string, B = `stiffness`, is plucked `at` a share
    of its length, the finger's flesh or the nail letting it go over `contact` s at velocity 127, or
    touched at its middle by the palm as it is (`harmonic`: the string an octave under the note, its
    even modes alone); its modes die at 1 / `ring` + `loss` f^2 + `drain` Re Y(f) (1/s), Y the board's
    admittance, its modes (Hz, Q, mobility) in `board` beside a flat `floor`. `tension`: the double
    frequency force against the first mode's at velocity 127; `twang` cents sharp it starts there;
    `sympathetic` the strings that ring in sympathy, their fundamentals against the note's, at
    `sympathy` of what drives them. `level`: the pluck's onset s, -, 1 where the note is held by
    plucking it again `roll` times a second (`jitter` of a period early or late and softer) while it
    is held (0: plucked once), the player's palm damping it once the note ends, s; `scoop` cents under
    the note over `glide` s where the player presses the string into it, Players' vibrato where the
    hand sways it."""

    kind: str
    at: float = 0.5
    contact: float = 0.001
    harmonic: bool = False
    stiffness: float = 0.0
    ring: float = 2.0
    loss: float = 2e-6
    board: tuple[tuple[float, float, float], ...] = ()
    floor: float = 0.3
    drain: float = 0.0
    tension: float = 0.0
    twang: float = 0.0
    sympathetic: tuple[float, ...] = ()
    sympathy: float = 0.0
    roll: float = 0.0
    jitter: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.002, 0.0, 0.0, 0.15)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the harps in the kit (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the paper's buzz, the
    wires' clatter, the levers, the seeds), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
HarpSet = struck_render.StruckSet[Instrument, Struck]

# The boards: a pedal harp's spruce board, its strings along its centre strip, its modes from Le
# Carrou's measurements (the cavity's through the back's holes first); a Paraguayan harp's lighter
# cedar one; a clarsach's willow box carved from one log; the Andean harp's big half-cone box, its
# air low; a saung gauk's deer-hide belly over its boat.
PEDAL_BOARD = ((95.0, 8.0, 0.6), (180.0, 12.0, 1.0), (290.0, 14.0, 0.8), (420.0, 16.0, 0.6),
               (610.0, 18.0, 0.45), (880.0, 20.0, 0.3))  # fmt: skip
CEDAR_BOARD = (
    (120.0, 9.0, 0.5),
    (230.0, 12.0, 1.0),
    (380.0, 14.0, 0.7),
    (560.0, 16.0, 0.5),
    (850.0, 18.0, 0.35),
)
WILLOW_BOX = (
    (150.0, 10.0, 0.6),
    (310.0, 15.0, 1.0),
    (520.0, 18.0, 0.7),
    (790.0, 20.0, 0.5),
    (1150.0, 22.0, 0.3),
)
ANDEAN_BOX = ((70.0, 7.0, 1.0), (140.0, 10.0, 0.8), (235.0, 12.0, 0.6), (390.0, 14.0, 0.4))
HIDE_BELLY = ((210.0, 6.0, 0.8), (480.0, 7.0, 1.0), (760.0, 8.0, 0.6), (1100.0, 9.0, 0.4))

# The chords: a pedal harp's gut strings plucked near their middle by the finger's pad, the strings an
# octave under and over ringing in sympathy; a Paraguayan harp's nylon strings plucked by the nails;
# a clarsach's brass wires plucked by the nails, ringing long, the wires round them ringing on.
PEDAL_HARP = Instrument("pedal harp", at=0.47, contact=0.0012, stiffness=0.00004, ring=2.2, loss=3e-6,
                        board=PEDAL_BOARD, drain=0.5, tension=0.25, twang=5.0, sympathetic=(0.5, 2.0),
                        sympathy=0.12, level=(0.002, 0.0, 0.0, 0.15))  # fmt: skip
PARAGUAYAN = Instrument("Paraguayan harp", at=0.35, contact=0.0005, stiffness=0.00003, ring=1.6, loss=4e-6,
                        board=CEDAR_BOARD, drain=0.7, tension=0.3, twang=7.0, sympathetic=(2.0,),
                        sympathy=0.08, level=(0.0015, 0.0, 0.0, 0.12))  # fmt: skip
CLARSACH = Instrument("clarsach's wires", at=0.3, contact=0.0004, stiffness=0.00012, ring=3.5, loss=1.5e-6,
                      board=WILLOW_BOX, drain=0.3, tension=0.15, twang=3.0, sympathetic=(0.5, 1.5, 2.0),
                      sympathy=0.15, level=(0.0015, 0.0, 0.0, 0.2))  # fmt: skip
# The basses: the pedal harp's wound strings plucked near the board (pres de la table), bright and
# metallic; the Andean harp's bass strings plucked by the thumb over its big box.
PEDAL_BASS = Instrument("pedal harp's wound strings", at=0.06, contact=0.0008, stiffness=0.0001, ring=2.0,
                        loss=4e-6, board=PEDAL_BOARD, drain=0.6, tension=0.2, twang=4.0, sympathetic=(2.0,),
                        sympathy=0.1, level=(0.002, 0.0, 0.0, 0.15), gain=1.2)  # fmt: skip
ANDEAN_BASS = Instrument("Andean harp's bass", at=0.22, contact=0.002, stiffness=0.00005, ring=1.4,
                         loss=6e-6, board=ANDEAN_BOX, drain=0.9, tension=0.35, twang=8.0,
                         level=(0.0025, 0.0, 0.0, 0.12), gain=1.2)  # fmt: skip
# The leads: a saung gauk's silk strings, the player pressing each near the neck and bending it up
# into its note and swaying it; the pedal harp's harmonics, the palm's heel at the string's middle;
# a pedal harp plucked near the board, pres de la table, for a guitar's twang.
SAUNG = Instrument("saung gauk", at=0.2, contact=0.0009, stiffness=0.00002, ring=0.9, loss=8e-6,
                   board=HIDE_BELLY, floor=0.2, drain=1.2, tension=0.3, twang=6.0, scoop=60.0, glide=0.06,
                   vibrato=12.0, rate=5.5, delay=0.2, level=(0.0015, 0.0, 0.0, 0.1), gain=0.9)  # fmt: skip
HARMONICS = Instrument("pedal harp's harmonics", at=0.25, contact=0.0015, harmonic=True, stiffness=0.00004,
                       ring=1.8, loss=3e-6, board=PEDAL_BOARD, drain=0.5, tension=0.1, twang=2.0,
                       level=(0.002, 0.0, 0.0, 0.15), gain=0.9)  # fmt: skip
TABLE = Instrument("pedal harp pres de la table", at=0.05, contact=0.0006, stiffness=0.00004, ring=1.8,
                   loss=4e-6, board=PEDAL_BOARD, drain=0.5, tension=0.25, twang=5.0,
                   level=(0.0015, 0.0, 0.0, 0.12), gain=0.9)  # fmt: skip
# Held: two strings tuned alike plucked in turn -- the pedal harp's bisbigliando, soft and fast; the
# Paraguayan harp's repique, its nails on nylon.
BISBIGLIANDO = Instrument("bisbigliando, held", at=0.45, contact=0.0015, stiffness=0.00004, ring=2.2,
                          loss=3e-6, board=PEDAL_BOARD, drain=0.5, tension=0.15, roll=9.0, jitter=0.1,
                          sympathetic=(0.5, 2.0), sympathy=0.1, level=(0.003, 0.0, 1.0, 0.2))  # fmt: skip
REPIQUE = Instrument("repique, held", at=0.35, contact=0.0006, stiffness=0.00003, ring=1.6, loss=4e-6,
                     board=CEDAR_BOARD, drain=0.7, tension=0.2, roll=11.0, jitter=0.08,
                     level=(0.002, 0.0, 1.0, 0.15))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the pedal harp, the
# Paraguayan harp and the clarsach; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: BISBIGLIANDO,
        49: REPIQUE,
        46: PEDAL_HARP,
        24: PARAGUAYAN,
        25: CLARSACH,
        32: PEDAL_BASS,
        33: ANDEAN_BASS,
        104: SAUNG,
        105: HARMONICS,
        106: TABLE,
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, harp_set: HarpSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    string); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, harp_set, _SOUNDED, lambda p: False
    )


def modes(patch: Instrument, count: int) -> Signal:
    """The string's modes that sound, by their number: 1 to `count`, or, touched at its middle, the
    even ones, 2 to 2 `count`."""
    n = np.arange(1, count + 1, dtype=np.float64)
    return np.asarray(2.0 * n if patch.harmonic else n)


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each sounding mode's frequency over the note's, those under 0.45 of the rate (the first
    always): a stiff string's, m sqrt(1 + B m^2) over the first sounding mode's (m = 1, or 2 where the
    palm touches its middle, the string an octave under the note)."""
    m = modes(patch, MODES)
    string = m * np.sqrt(1.0 + patch.stiffness * m**2)
    out = string / string[0]
    below = out[out * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else out[:1])


# How long the string takes to slip off the finger or the nail at a velocity:
# `contact` at 127, longer for a softer stroke, timed as tether_render times its strokes.
contact = tether_render.contact


def force(patch: Instrument, hz: float, ratio: Signal, velocity: int) -> Signal:
    """What each sounding mode pulls on the board with at the pluck: |sin(m pi x)| / m (m its number,
    x where it is plucked), through the release's half-sine (tether_render.stroke)."""
    m = modes(patch, ratio.size)
    shape = np.abs(np.sin(m * np.pi * patch.at)) / m
    return np.asarray(shape * tether_render.stroke(ratio * hz, contact(patch, velocity)))


def admittance(patch: Instrument, f: Signal) -> Complex:
    """The board's admittance at `f` Hz where the string ends: its modes' resonances, each at its
    mobility, 1 / (1 + j Q (f / f0 - f0 / f))."""
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for hz, q, mobility in patch.board:
        out += mobility * tether_render.resonance(f, hz, q)
    return np.asarray(out)


def radiated(patch: Instrument, f: Signal) -> Signal:
    """What the board radiates of a force at `f` Hz: |Y(f)| beside its `floor` (the board's mass above
    its modes, the string's own little)."""
    return np.asarray(np.abs(admittance(patch, f)) + patch.floor)


def dying(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """Each sounding mode's rate of dying (1/s): 1 / ring + loss f^2, and what the board takes from it,
    drain Re Y(f)."""
    f = ratio * hz
    return np.asarray(1.0 / patch.ring + patch.loss * f**2 + patch.drain * admittance(patch, f).real)


def doubled(patch: Instrument, hz: float, ratio: Signal, velocity: int) -> Signal:
    """The force the tension's swing gives the board at twice each mode's frequency, against the
    first mode's force: `tension` at velocity 127 times each mode's force squared over the loudest
    (its swing squared times m^2: Kirchhoff and Carrier's tension), as the velocity."""
    pulls = force(patch, hz, ratio, velocity)
    loudest = float(pulls.max()) or 1.0
    return np.asarray(patch.tension * (velocity / 127.0) * pulls**2 / loudest)


def sympathetic(patch: Instrument, ratio: Signal) -> Signal:
    """Which partials a string ringing in sympathy has a mode on: those whose number (round(ratio))
    is a whole multiple of one of `sympathetic` (its fundamental against the note's: 0.5 every
    partial, 2 the even ones, 1.5 every third), 1 for each, 0 for the others."""
    k = np.round(ratio)
    out = np.zeros(ratio.size)
    for share in patch.sympathetic:
        j = k / share
        out = np.maximum(out, (np.abs(j - np.round(j)) < 1e-6).astype(np.float64))
    return out


def held_levels(patch: Instrument, hz: float, ratio: Signal, base: Signal, held: float, frames: Signal,
                struck: tuple[Signal, Signal]) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each pluck throwing every mode back
    to `base` (times its strength), dying at its rate, the palm damping it once the note ends
    (rolled_render.levels); and the strings ringing in sympathy on the partials they share with it,
    each a resonator its own partial feeds (x' = -sigma x + sympathy sigma d), ringing on at its own
    rate past the damping."""
    rates = dying(patch, hz, ratio)
    played = rolled_render.levels(base, 1.0 / rates, patch.level, held, frames, struck, 0.0)
    shared = sympathetic(patch, ratio) * patch.sympathy
    if not shared.any():
        return played
    step = float(frames[1] - frames[0]) if frames.size > 1 else FRAME
    ringing = np.zeros_like(played)
    for k in np.flatnonzero(shared):
        pole = np.exp(-rates[k] * step)
        ringing[:, k] = shared[k] * signal.lfilter([1.0 - pole], [1.0, -pole], played[:, k])
    return np.asarray(played + ringing)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           struck: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each mode's force at the pluck
    through what the board radiates of it (held_levels), the first never under FUNDAMENTAL_FLOOR of
    the loudest."""
    ratio = ratios(patch, hz, sample_rate)
    base = force(patch, hz, ratio, velocity) * radiated(patch, ratio * hz)
    out = held_levels(patch, hz, ratio, base, held, frames, struck)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def swings(patch: Instrument, hz: float, ratio: Signal, held: float, frames: Signal,
           struck: tuple[Signal, Signal]) -> Signal:  # fmt: skip
    """Each mode's swing squared (frames x modes, 1 at a pluck's peak) at `frames` s: what the
    tension's swing at twice its frequency follows, so it dies twice as fast as its mode and the
    palm damps it with it."""
    rates = dying(patch, hz, ratio)
    ones = np.ones(ratio.size)
    return np.asarray(rolled_render.levels(ones, 1.0 / rates, patch.level, held, frames, struck, 0.0) ** 2)


def stretch(patch: Instrument, hz: float, ratio: Signal, velocity: int, times: Signal) -> Signal:
    """The cents the string's swing stretches it sharp at `times` s: `twang` at velocity 127 (as the
    velocity squared), times the modes' forces squared still left, sum F_n^2 exp(-2 sigma_n t) / sum
    F_n^2 (the tension's mean rise goes as the swing squared)."""
    if not patch.twang:
        return np.zeros(times.size)
    energy = force(patch, hz, ratio, velocity) ** 2
    rates = dying(patch, hz, ratio)
    left = np.exp(-2.0 * np.multiply.outer(times, rates)) @ energy / float(energy.sum())
    return np.asarray(patch.twang * (velocity / 127.0) ** 2 * left)


def length(patch: Instrument, hz: float, held: float) -> float:
    """How long a note held `held` s sounds (s): plucked once or again while held, until its first mode
    has died or the palm has damped it, the sympathetic strings kept SYMPATHY_RING longer; and the
    fade at its cut end."""
    held = max(held, 0.05)
    free = 6.0 / float(dying(patch, hz, np.ones(1))[0])
    sounding = held if patch.roll else 0.0
    out = min(sounding + free, held + 6.0 * patch.level[3])
    if patch.sympathy and patch.sympathetic:
        out = min(sounding + free, out + SYMPATHY_RING)
    return out + _FADE


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string to each) plucked for `held` seconds at `velocity`. What
    varies (the player's bend and sway, when a held note's plucks fall) is drawn with `seed` (the
    note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    struck = rolled_render.strokes(patch.roll, patch.jitter, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, sample_rate, struck)
        stretched = np.interp(times, frames, stretch(patch, hz, ratio, velocity, frames))
        cents = struck_render.bends(patch, times, rng) + stretched
        turned = np.cumsum(2.0 ** (cents / 1200.0)) / sample_rate  # s, at the note's rate
        tone = np.zeros(times.size)
        for k in range(ratio.size):
            tone += np.interp(times, frames, weights[:, k]) * np.cos(2.0 * np.pi * hz * ratio[k] * turned)
        twice = 2.0 * ratio
        pulls = doubled(patch, hz, ratio, velocity) * radiated(patch, twice * hz)
        if pulls.any():
            for k, envelope in enumerate(swings(patch, hz, ratio, held, frames, struck).T):
                if twice[k] * hz < 0.45 * sample_rate:
                    swing = pulls[k] * np.interp(times, frames, envelope)
                    tone += swing * np.cos(2.0 * np.pi * hz * twice[k] * turned)
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, np.zeros(times.size)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def _drums() -> dict[int, Struck]:
    return {
        # An Andean harp's box beaten by the golpeador's fist, its air and its belly (the bass drum);
        # the box struck with the flat palm, lower, its pitch falling as the blow leaves it (the other).
        36: Struck(((72.0, 1.0, 0.16), (141.0, 0.5, 0.09), (236.0, 0.25, 0.05)), (40.0, 700.0), 0.02, 1.3),
        35: Struck(((62.0, 1.0, 0.18), (128.0, 0.4, 0.08)), (30.0, 500.0), 0.03, 1.2, sweep=0.12, glide=0.03),
        # A pedal harp's board struck by the knuckles, low, middle and high (the toms): its modes.
        41: Struck(((182.0, 1.0, 0.1), (292.0, 0.5, 0.07), (421.0, 0.3, 0.05)), (200.0, 2200.0), 0.01, 0.9),
        45: Struck(((231.0, 1.0, 0.09), (379.0, 0.5, 0.06), (563.0, 0.3, 0.04)), (250.0, 2600.0), 0.01, 0.9),
        48: Struck(((312.0, 1.0, 0.08), (521.0, 0.5, 0.05), (792.0, 0.3, 0.035)), (300.0, 3000.0), 0.01, 0.9),
        # Paper threaded through the bass strings struck, buzzing against them (the snare); the wound
        # bass wires slapped by the palm, clattering together (the other snare); a fingernail on the
        # board's edge (the side stick); the golpeador's palm slapped flat on the box (the clap).
        38: Struck(
            ((98.0, 0.3, 0.05), (147.0, 0.2, 0.04)), (1500.0, 8000.0), 0.05, 0.9, grains=5, spread=0.03
        ),
        40: Struck(((65.0, 0.4, 0.06), (87.0, 0.3, 0.05)), (700.0, 6000.0), 0.03, 0.9, grains=4, spread=0.04),
        37: Struck(((1720.0, 1.0, 0.012), (4480.0, 0.3, 0.006)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(((140.0, 0.3, 0.02),), (900.0, 7000.0), 0.018, 0.8),
        # A nail on a string damped at once (the closed hat), a pedal moved into its notch (the pedal
        # hat), the palm drawn along the wound bass strings (the open hat); the tuning key tapped on a
        # pin (the ride) and the bass wires rubbed by the palm (the crash); the column knocked (the
        # cowbell) and the tuning key on the brass neck plate (the bell).
        42: Struck(((5600.0, 0.2, 0.002),), (4000.0, 10000.0), 0.006, 0.35),
        44: Struck(((2350.0, 0.4, 0.006), (5900.0, 0.2, 0.003)), (900.0, 5000.0), 0.005, 0.3),
        46: Struck((), (1800.0, 8000.0), 0.17, 0.35, grains=3, spread=0.08),
        51: Struck(((3350.0, 0.5, 0.05), (7150.0, 0.2, 0.03)), (3000.0, 9000.0), 0.006, 0.35),
        49: Struck(((410.0, 0.2, 0.5), (1270.0, 0.2, 0.35), (2930.0, 0.15, 0.25)), (300.0, 6000.0), 0.3, 0.4),
        56: Struck(((610.0, 1.0, 0.05), (1681.0, 0.4, 0.02)), (500.0, 4000.0), 0.003, 0.4),
        53: Struck(((2870.0, 1.0, 0.25), (7620.0, 0.3, 0.1)), gain=0.35),
        # Two nails clicked together (the claves), the neck knocked high and low (the wood blocks), a
        # clarsach's sharping levers flicked one after another (the tambourine), a llanero's maracas
        # (the maracas), a high wire struck with the tuning key, short and long (the triangles).
        75: Struck(((2900.0, 1.0, 0.015), (7100.0, 0.3, 0.008)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1240.0, 1.0, 0.02), (3420.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((880.0, 1.0, 0.024), (2430.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
        54: Struck(((3900.0, 0.4, 0.01),), (2500.0, 9000.0), 0.01, 0.4, grains=6, spread=0.06),
        70: Struck((), (2800.0, 9800.0), 0.04, 0.3, grains=3, spread=0.03),
        80: Struck(((5150.0, 1.0, 0.03),), gain=0.35),
        81: Struck(((5150.0, 1.0, 0.35),), gain=0.35),
    }


HARP_SET = HarpSet(
    root=Path(__file__).with_name("harp-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("harp-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
HARP_SETS = {HARP_SET.root: HARP_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
