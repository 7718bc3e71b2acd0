"""What the struck and bowed renderers share (earth_render, bronze_render, toy_render and those after
them): a struck note rolled while it is held (when its strokes fall and how hard), how long it
sounds, its modes' levels stroke by stroke, the beater's knock at each stroke, and a kit piece's
grains after its stroke (with_grains; GrainedDrum and grained_hit for a kit of such pieces). Each
renderer keeps its own modes, spectrum and patches; these take the numbers they need."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render

Signal = npt.NDArray[np.float64]
# A note held this long at least: a stroke too short to hold still rings.
_SHORTEST = 0.05


def strokes(roll: float, jitter: float, held: float, rng: np.random.Generator) -> tuple[Signal, Signal]:
    """When a note held `held` s is struck and how hard (share of the first): at 0, and where it is
    rolled every 1/`roll` s while it is held, each after the first `jitter` of a period early or late
    and up to 4 `jitter` softer (drawn)."""
    if not roll:
        return np.zeros(1), np.ones(1)
    period = 1.0 / roll
    count = max(1, int(np.ceil(max(held, _SHORTEST) / period)))
    times = np.arange(count) * period
    times[1:] += jitter * period * rng.uniform(-1.0, 1.0, count - 1)
    strengths = np.ones(count)
    strengths[1:] -= 4.0 * jitter * rng.uniform(0.0, 1.0, count - 1)
    return np.asarray(times), np.asarray(strengths)


def length(level: tuple[float, float, float, float], roll: float, held: float, fade: float) -> float:
    """How long a note held `held` s lasts: while it is rolled, then the hand's damping or its first
    mode's free ring (`level`: attack s, ring s, -, damping s), and the `fade` at its cut end."""
    _, ring, _, damper = level
    sounding = max(held, _SHORTEST) if roll else _SHORTEST
    if not damper:
        return sounding + 6.0 * ring + fade
    return min(sounding + 6.0 * ring, max(held, _SHORTEST) + 6.0 * damper) + fade


def dying_length(first: float, roll: float, held: float, damper: float, fade: float) -> float:
    """How long a note held `held` s sounds whose first mode dies at `first` a second: while it is
    rolled (`roll`), then six of that mode's time constants, or six of the `damper`'s once the note
    ends, whichever is sooner; and the `fade` at its cut end."""
    held = max(held, _SHORTEST)
    kept = held if roll else 0.0
    return float(min(kept + 6.0 / first, held + 6.0 * damper)) + fade


def levels(base: Signal, rings: Signal, level: tuple[float, float, float, float], held: float,
           frames: Signal, struck: tuple[Signal, Signal], floor: float) -> Signal:  # fmt: skip
    """The modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back to
    `base` (times the stroke's strength), which then dies over its `rings`; the hand damping it once
    the note ends where `level` has a damping; the first never under `floor` of the loudest."""
    attack, _, _, damper = level
    times, strengths = struck
    which = np.searchsorted(times, frames, side="right") - 1
    since = (frames - times[which])[:, None]
    out = base[None, :] * strengths[which][:, None] * (1.0 - np.exp(-since / attack)) * np.exp(-since / rings)
    if damper:
        out = out * np.exp(-np.maximum(frames - max(held, _SHORTEST), 0.0) / damper)[:, None]
    out[:, 0] = np.maximum(out[:, 0], floor * out.max(axis=1))
    return np.asarray(out)


def modal_tone(hz: float, ratio: Signal, weights: Signal, frames: Signal, times: Signal, cents: Signal,
               sample_rate: int) -> Signal:  # fmt: skip
    """The modes at `hz` times `ratio` as sines, each at its level (`weights`: `frames` x modes, straight
    lines between frames), every one bent by `cents` at each of `times`, together peaking at 1."""
    turned = np.cumsum(2.0 ** (cents / 1200.0)) / sample_rate  # s, at the note's rate
    tone = np.zeros(times.size)
    for k in range(ratio.size):
        tone += np.interp(times, frames, weights[:, k]) * np.sin(2.0 * np.pi * hz * ratio[k] * turned)
    tone /= float(np.abs(tone).max()) or 1.0
    return tone


def knocks(struck: tuple[Signal, Signal], times: Signal, band: tuple[float, float], dies: float,
           rng: np.random.Generator, sample_rate: int) -> Signal:  # fmt: skip
    """The beater's knock at each stroke: a few milliseconds of noise over `band` (drawn once for
    the note), dying over `dies` s, peak about the stroke's strength."""
    size = min(times.size, round(8.0 * dies * sample_rate))
    grain = struck_render.band_noise(int(rng.integers(2**31)), band, dies, size, sample_rate)
    grain = grain * np.exp(-np.arange(size) / (dies * sample_rate))
    out = np.zeros(times.size)
    for at, strength in zip(*struck, strict=True):
        start = round(float(at) * sample_rate)
        if start < out.size:
            end = min(start + size, out.size)
            out[start:end] += strength * grain[: end - start]
    return out


def with_grains(stroke: Signal, grains: int, spread: float, decay: float, salt: int,
                sample_rate: int) -> npt.NDArray[np.float32]:  # fmt: skip
    """A kit piece's `stroke` and its `grains` after it (pebbles, beads, jingles: each the stroke
    again at a drawn share and time within `spread` s, seeded by the renderer's `salt` and the
    piece); brought back to the stroke's peak."""
    if not grains:
        return stroke.astype(np.float32)
    rng = np.random.default_rng([salt, grains, round(spread * 1000), round(decay * 1000)])
    at = np.sort(rng.uniform(0.0, spread, grains))
    shares = rng.uniform(0.2, 0.8, grains)
    out = np.pad(stroke, (0, round(spread * sample_rate) + 1))
    for when, share in zip(at, shares, strict=True):
        start = round(float(when) * sample_rate)
        out[start : start + stroke.size] += share * stroke
    out *= float(np.abs(stroke).max()) / (float(np.abs(out).max()) or 1.0)
    return out.astype(np.float32)


@dataclass(frozen=True)
class GrainedDrum(struck_render.Drum):
    """A kit piece (struck_render.Drum's partials and noise) and `grains` more strokes at random
    within `spread` s, each at up to its share of the first, drawn once for the drum. Each renderer
    subclasses it as its own `Struck` without fields of its own, so a kit's repr, which keys the
    render cache, names the renderer's class as before."""

    grains: int = 0
    spread: float = 0.0


def grained_hit(salt: int, drum: GrainedDrum, velocity: int, sample_rate: int) -> npt.NDArray[np.float32]:
    """One stroke on `drum` (struck_render.hit), seeded by the renderer's `salt`, and its grains after
    it (with_grains); brought back to the stroke's peak."""
    stroke = struck_render.hit(salt, drum, velocity, sample_rate).astype(np.float64)
    return with_grains(stroke, drum.grains, drum.spread, drum.decay, salt, sample_rate)
