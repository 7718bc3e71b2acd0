"""Notes to audio by a nursery's toys, computed in numpy: a toy piano's steel rods, each a cantilever
clamped at one end and struck by a small hammer (its modes where a clamped-free beam's are: the
roots of cos b cosh b = -1, 1, 6.267, 17.547 and 34.386 times the first, lowered above the first by
a thick rod's shear and rotary inertia, each by sqrt((1 + s b1^2) / (1 + s b^2)), s the rod's
`thickness`), each mode weighted by its shape where the hammer meets the rod, the toy's plastic or
wooden case lifting what falls near its own resonance; boomwhackers' plastic tubes struck against
the hand, the air in each an open pipe (its modes at whole multiples of the speed of sound over
twice its length, both open ends lengthening it) or, capped at one end, a closed one (odd multiples
over four times it, one open end lengthening it), each open end's correction falling as the mode
rises (Levine and Schwinger's, 0.6133 of the radius less 0.1168 (ka)^2 of it), so a tube's upper
modes stand a little sharp of whole multiples, each mode weighted by its pressure's shape where the
tube is struck; a rod or a tube rolled while a note is held, each stroke a little early or late and
its strength varying, throwing the modes back to the stroke's level; the hammer's knock or the
plastic wall's clack on each stroke; the rods left ringing (a toy piano has no dampers); and a kit
of its own: toy drums (a membrane's modes at the zeros of J_n), a rattle's and an egg shaker's beads
and a toy tambourine's jingles as grains, tin cymbals, a tin can, a bicycle bell's dome, wooden
blocks, a clapper's boards and a toy triangle, no recording."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import optimize

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MODES = 6  # a rod's or a tube's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s: in a nursery's air
END = (0.6133, 0.1168)  # an unflanged open end's correction over the radius: END[0] - END[1] (ka)^2
_FADE = 0.01  # s: the fade at a sound's cut end
_KNOCK = 0.002  # s: how fast a hammer's knock dies
_SALT = 5119  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A toy something strikes. `body` "rod": a clamped-free beam's modes, lowered above the first by
    its `thickness` (the shear and rotary inertia term s), each weighted by the cantilever's shape at
    `strike` (share of its length from the clamp) over the shape's largest; "open" or "capped": an
    air column's modes in a tube of radius `bore` m open at both ends or closed at one, the tube cut
    so its first mode is the note, each weighted by the pressure's shape at `strike` (share of its
    length from an open end). Each mode's level is its weight / ratio^`slope` through the `formants`
    ((Hz, width in octaves, gain) each: a toy piano's case); `level`: (attack s, the first mode's ring
    s, 1 where it is rolled while held -- 0 where it is struck once --, the hand's damping s once the
    note ends: 0 for none, it rings on); a higher mode's ring shorter by its ratio to `loss`, a harder
    stroke brighter; `roll` strokes a second while held, each `jitter` of a period early or late and
    its strength up to `jitter` * 4 softer; `knock` the hammer's knock (the wall's clack) against the
    note, over the band `knock_band` Hz."""

    kind: str
    body: str
    slope: float
    level: tuple[float, float, float, float] = (0.001, 1.0, 0.0, 0.0)
    strike: float = 0.5
    thickness: float = 0.0
    bore: float = 0.025
    loss: float = 0.7
    formants: tuple[tuple[float, float, float], ...] = ()
    roll: float = 0.0
    jitter: float = 0.0
    knock: float = 0.03
    knock_band: tuple[float, float] = (1500.0, 7000.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.0
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A toy in the kit (struck_render.Drum's partials and noise), and `grains` more strokes at random
    within `spread` s, each at up to its share of the first (a rattle's beads, a tambourine's
    jingles, a clapper's boards slapping again), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
ToySet = struck_render.StruckSet[Instrument, Struck]

# The chords: a toy piano's rods in a plastic case; boomwhackers' open tubes struck against the hand;
# a toy upright's thicker rods in a wooden case.
TOY_PIANO = Instrument("toy piano's rods", "rod", 0.9, level=(0.0008, 1.1, 0.0, 0.0), strike=0.55,
                       thickness=0.0005, loss=0.9, formants=((900.0, 1.0, 1.8),), knock=0.04,
                       knock_band=(2000.0, 8000.0))  # fmt: skip
BOOMWHACKER = Instrument("boomwhackers' open tubes", "open", 1.2, level=(0.002, 0.22, 0.0, 0.0), strike=0.2,
                         bore=0.024, loss=0.5, knock=0.08, knock_band=(700.0, 3500.0))  # fmt: skip
TOY_UPRIGHT = Instrument("toy upright's thick rods", "rod", 1.0, level=(0.001, 1.4, 0.0, 0.0), strike=0.5,
                         thickness=0.003, loss=0.9, formants=((420.0, 1.3, 2.2),), knock=0.05,
                         knock_band=(1200.0, 5000.0))  # fmt: skip
# Rolled while held: a toy piano's rod under a child's tremolo, a boomwhacker tapped over and over.
ROD_ROLLED = Instrument("toy piano's rod rolled", "rod", 1.0, level=(0.002, 0.9, 1.0, 0.2), strike=0.55,
                        thickness=0.0005, loss=0.9, formants=((900.0, 1.0, 1.8),), roll=12.0,
                        jitter=0.05, knock=0.02, knock_band=(2000.0, 8000.0))  # fmt: skip
TUBE_ROLLED = Instrument("boomwhacker tapped", "open", 1.3, level=(0.003, 0.3, 1.0, 0.1), strike=0.25,
                         bore=0.024, loss=0.5, roll=9.0, jitter=0.05, knock=0.03,
                         knock_band=(700.0, 3500.0))  # fmt: skip
# The basses: boomwhackers capped at one end (an octave under their open length); a toy piano's long
# low rods.
CAPPED = Instrument("boomwhackers' capped tubes", "capped", 1.3, level=(0.002, 0.3, 0.0, 0.0), strike=0.15,
                    bore=0.024, loss=0.5, knock=0.06, knock_band=(400.0, 2500.0), gain=1.3)  # fmt: skip
LOW_RODS = Instrument("toy piano's long rods", "rod", 1.1, level=(0.0015, 1.6, 0.0, 0.0), strike=0.6,
                      thickness=0.0003, loss=0.9, formants=((300.0, 1.2, 2.0),), knock=0.03,
                      knock_band=(800.0, 4000.0), gain=1.2)  # fmt: skip
# The leads: a toy piano's top rods under a hard hammer; small boomwhackers struck hard.
TOP_RODS = Instrument("toy piano's top rods", "rod", 0.8, level=(0.0006, 0.8, 0.0, 0.0), strike=0.5,
                      thickness=0.0008, loss=0.9, formants=((1400.0, 0.8, 1.6),), knock=0.06,
                      knock_band=(3000.0, 9000.0), gain=0.9)  # fmt: skip
SMALL_TUBES = Instrument("small boomwhackers struck hard", "open", 1.0, level=(0.0015, 0.18, 0.0, 0.0),
                         strike=0.1, bore=0.02, loss=0.5, knock=0.1, knock_band=(1000.0, 5000.0),
                         gain=0.9)  # fmt: skip


def _membrane(
    hz: float, ring: float, amplitudes: tuple[float, ...]
) -> tuple[tuple[float, float, float], ...]:
    """A toy drum's head: an ideal membrane's modes (the zeros of J_n: 1, 1.594, 2.136, 2.296 and
    2.653 times the first), each at its amplitude, a higher one dying sooner."""
    ratios = (1.0, 1.594, 2.136, 2.296, 2.653)
    return tuple((hz * r, a, ring / r) for r, a in zip(ratios, amplitudes, strict=False))


# General MIDI programs to instruments: the held chords rolled; a song's chords on a toy piano,
# boomwhackers and a toy upright; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: ROD_ROLLED,
        49: TUBE_ROLLED,
        12: TOY_PIANO,
        13: BOOMWHACKER,
        14: TOY_UPRIGHT,
        32: CAPPED,
        33: LOW_RODS,
        9: TOP_RODS,
        10: SMALL_TUBES,
    }


def _drums() -> dict[int, Struck]:
    return {
        # A toy bass drum's paper head under a felt beater (the bass drums); toy drums of three sizes
        # (the toms).
        36: Struck(_membrane(92.0, 0.12, (1.0, 0.4, 0.2)), (150.0, 1200.0), 0.02, 1.3),
        35: Struck(_membrane(80.0, 0.14, (1.0, 0.4, 0.2)), (120.0, 1000.0), 0.02, 1.2),
        41: Struck(_membrane(150.0, 0.1, (1.0, 0.5, 0.3)), (300.0, 2500.0), 0.015, 1.0),
        45: Struck(_membrane(200.0, 0.09, (1.0, 0.5, 0.3)), (400.0, 3000.0), 0.012, 1.0),
        48: Struck(_membrane(260.0, 0.08, (1.0, 0.5, 0.3)), (500.0, 3500.0), 0.01, 1.0),
        # A toy snare drum, its plastic head and its wire snare buzzing (the snares); its tin rim
        # struck (the side stick); a clapper's two boards slapped, slapping again (the clap).
        38: Struck(_membrane(330.0, 0.04, (0.6, 0.4, 0.3, 0.2)), (1500.0, 8000.0), 0.07, 0.9),
        40: Struck(_membrane(360.0, 0.05, (0.8, 0.5, 0.3)), (1200.0, 7000.0), 0.05, 0.9),
        37: Struck(((2350.0, 0.7, 0.03), (5180.0, 0.3, 0.015)), (2000.0, 7000.0), 0.004, 0.6),
        39: Struck(
            ((910.0, 0.6, 0.01), (2230.0, 0.3, 0.008)), (900.0, 5000.0), 0.01, 0.7, grains=2, spread=0.02
        ),
        # A rattle's beads shaken (the closed hat), touched (the pedal), let go (the open hat); tin
        # cymbals crashed (the crash); a tin can struck (the ride and the cowbell); a bicycle bell's
        # dome rung (the bell).
        42: Struck(((4300.0, 0.2, 0.01),), (3000.0, 10000.0), 0.012, 0.35, grains=6, spread=0.03),
        44: Struck(((4300.0, 0.2, 0.008),), (3000.0, 9000.0), 0.008, 0.3),
        46: Struck(((4300.0, 0.2, 0.02),), (3000.0, 10000.0), 0.03, 0.35, grains=10, spread=0.09),
        49: Struck(
            ((1870.0, 0.6, 0.4), (3110.0, 0.5, 0.3), (4790.0, 0.4, 0.2)), (2500.0, 10000.0), 0.25, 0.5
        ),
        51: Struck(((1210.0, 0.8, 0.12), (2680.0, 0.4, 0.07)), (2000.0, 7000.0), 0.01, 0.4),
        56: Struck(
            ((840.0, 1.0, 0.06), (1930.0, 0.5, 0.04), (3270.0, 0.3, 0.02)), (1000.0, 5000.0), 0.005, 0.45
        ),
        53: Struck(((2990.0, 1.0, 0.6), (3120.0, 0.8, 0.55), (7030.0, 0.3, 0.25)), gain=0.35),
        # Wooden blocks knocked together (the claves and the wood blocks), a toy tambourine's jingles
        # (the tambourine), an egg shaker's beads (the maracas), a toy triangle (the triangles).
        75: Struck(((1540.0, 1.0, 0.03), (4080.0, 0.3, 0.012)), (1500.0, 5000.0), 0.004, 0.5),
        76: Struck(((1180.0, 1.0, 0.035), (3150.0, 0.3, 0.015)), (1500.0, 5000.0), 0.004, 0.5),
        77: Struck(((830.0, 1.0, 0.04), (2270.0, 0.3, 0.02)), (1200.0, 4000.0), 0.004, 0.5),
        54: Struck(
            ((5240.0, 0.5, 0.04), (7380.0, 0.4, 0.03)), (4000.0, 10000.0), 0.03, 0.4, grains=4, spread=0.03
        ),
        70: Struck(((5600.0, 0.1, 0.005),), (3500.0, 10000.0), 0.015, 0.35, grains=7, spread=0.05),
        80: Struck(((2480.0, 1.0, 0.06), (6920.0, 0.4, 0.03)), gain=0.35),
        81: Struck(((2480.0, 1.0, 0.8), (6920.0, 0.4, 0.4), (9710.0, 0.2, 0.2)), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, toy_set: ToySet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one rod
    or tube to a note); the drum channel through the set's kit, unbent. A program or a drum the set
    lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, toy_set, _SOUNDED, lambda p: True
    )


def _roots(f: Callable[[float], float], low: float, high: float) -> list[float]:
    """The roots of `f` between `low` and `high`, bracketed on a fine grid."""
    grid = np.linspace(low, high, 6000)
    values = np.array([f(b) for b in grid])
    return [
        float(optimize.brentq(f, grid[k], grid[k + 1]))
        for k in np.flatnonzero(np.sign(values[:-1]) != np.sign(values[1:]))
    ]


@cache
def clamped_free(count: int = MODES) -> tuple[float, ...]:
    """A clamped-free beam's b (the roots of cos b cosh b = -1, divided through by cosh b): 1.875,
    4.694, 7.855, 10.996, 14.137, 17.279."""
    return tuple(_roots(lambda b: float(np.cos(b) + 1.0 / np.cosh(b)), 0.5, (count + 0.5) * np.pi)[:count])


def end_correction(bore: float, hz: Signal) -> Signal:
    """How far past an unflanged open end of radius `bore` m a tube's air moves as if it were longer,
    at `hz`: Levine and Schwinger's END[0] - END[1] (ka)^2 of the radius, ka held at 1 and over (where
    the expansion stops)."""
    ka = np.minimum(2.0 * np.pi * np.asarray(hz, dtype=np.float64) * bore / SOUND_SPEED, 1.0)
    return np.asarray(bore * (END[0] - END[1] * ka**2))


def tube_modes(body: str, bore: float, hz: float, count: int = MODES) -> Signal:
    """A tube's modes over its first, the tube cut so its first is `hz`: an open one's n c / (2 (L +
    2 d)), a capped one's (2n - 1) c / (4 (L + d)), d each mode's own end correction (worked out
    until it settles)."""
    ends = 2.0 if body == "open" else 1.0
    quarter = 2.0 if body == "open" else 4.0
    order = np.arange(1, count + 1) if body == "open" else 2 * np.arange(1, count + 1) - 1
    cut = SOUND_SPEED / (quarter * hz) - ends * float(end_correction(bore, np.array([hz]))[0])
    modes: Signal = np.asarray(order * hz, dtype=np.float64)
    for _ in range(30):
        modes = np.asarray(order * SOUND_SPEED / (quarter * (cut + ends * end_correction(bore, modes))))
    return np.asarray(modes / hz)


def shape(body: str, k: int, x: float) -> float:
    """Mode `k`'s shape at `x` over its largest: along a clamped-free rod (`x` a share of its length
    from the clamp), or the pressure along a tube's air (`x` a share of its length from an open end:
    sin(n pi x) in an open tube, sin((2n - 1) pi x / 2) in a capped one)."""
    if body == "open":
        return float(abs(np.sin((k + 1) * np.pi * x)))
    if body == "capped":
        return float(abs(np.sin((2 * k + 1) * np.pi * x / 2.0)))
    along = np.linspace(0.0, 1.0, 801)
    b = clamped_free()[k]
    sigma = (np.cosh(b) + np.cos(b)) / (np.sinh(b) + np.sin(b))

    def mode(u: Signal) -> Signal:
        return np.asarray(np.cosh(b * u) - np.cos(b * u) - sigma * (np.sinh(b * u) - np.sin(b * u)))

    return float(abs(mode(np.array([x]))[0]) / np.abs(mode(along)).max())


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each mode's frequency over the note's, those under 0.45 of the rate: a rod's clamped-free modes
    lowered by its thickness, a tube's air column's."""
    if patch.body == "rod":
        b = np.array(clamped_free())
        s = patch.thickness
        modes = (b / b[0]) ** 2 * np.sqrt((1.0 + s * b[0] ** 2) / (1.0 + s * b**2))
    else:
        modes = tube_modes(patch.body, patch.bore, hz)
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


def spectrum(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """The modes' levels at a stroke: each its shape at the stroke / ratio^slope, through the
    formants."""
    weights = np.array([shape(patch.body, k, patch.strike) for k in range(ratio.size)])
    levels = weights / ratio**patch.slope
    for centre, width, lift in patch.formants:
        levels = levels * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(ratio * hz / centre) / width) ** 2))
    return np.asarray(levels)


def strokes(patch: Instrument, held: float, rng: np.random.Generator) -> tuple[Signal, Signal]:
    """When a note held `held` s is struck and how hard (share of the first): at 0, and where it is
    rolled every 1/`roll` s while it is held, each after the first `jitter` of a period early or late
    and up to 4 `jitter` softer (drawn)."""
    return rolled_render.strokes(patch.roll, patch.jitter, held, rng)


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s lasts: while it is rolled, then the hand's damping or its first
    mode's free ring."""
    return rolled_render.length(patch.level, patch.roll, held, _FADE)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, ratio: Signal,
           struck: tuple[Signal, Signal]) -> Signal:  # fmt: skip
    """The modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back to its
    stroke's level (times the stroke's strength), which then dies over its ring (the first's over its
    ratio to `loss`); the hand damping it once the note ends where it does; a harder stroke brighter
    (the slope eased by a tenth at velocity 127); the first never under FUNDAMENTAL_FLOOR of the
    loudest."""
    ring = patch.level[1]
    rings = ring / ratio**patch.loss
    base = spectrum(patch, hz, ratio) * ratio ** (0.1 * patch.slope * velocity / 127.0)
    return rolled_render.levels(base, rings, patch.level, held, frames, struck, FUNDAMENTAL_FLOOR)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a rod or a tube to each) struck for `held` seconds at `velocity`.
    What varies (the modes' phases, the strokes' timing and strength, the knocks) is drawn with `seed`
    (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    struck = strokes(patch, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, ratio, struck)
        tone = np.zeros(times.size)
        phases = rng.uniform(0.0, 2.0 * np.pi, ratio.size)
        for k in range(ratio.size):
            envelope = np.interp(times, frames, weights[:, k])
            tone += envelope * np.sin(2.0 * np.pi * hz * ratio[k] * times + phases[k])
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, patch.knock * rolled_render.knocks(
            struck, times, patch.knock_band, _KNOCK, rng, sample_rate
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


TOY = ToySet(
    root=Path(__file__).with_name("toy-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("toy-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
TOY_SETS = {TOY.root: TOY}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
