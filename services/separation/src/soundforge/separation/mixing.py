"""The mixdown's DSP: per-stem envelopes (trim, fades, gain changes), constant-power pan, block mixing.

Pure numpy over `StemSource`s that hand out stereo blocks at the mix rate, so memory is one block
per stem plus the output block, whatever the number of stems or their length.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from soundforge.separation.mix_manifest import MixPlan, StemPlan

BLOCK_FRAMES = 65536
Block = npt.NDArray[np.float32]


class StemSource(Protocol):
    """One stem at the mix rate: `read(n)` gives (n, 2) float32, silence after its end."""

    seconds: float

    def read(self, frames: int) -> Block: ...


def pan_gains(pan: float) -> tuple[float, float]:
    """Constant-power pan: L² + R² is the same at every position, and the centre is unity.

    The sine/cosine law scaled by √2, so an untouched stem passes unchanged and a hard pan raises
    the kept side by 3 dB (the power of both sides moved into one). On a stereo stem this is a
    balance control: hard left keeps only its left channel.
    """
    theta = (pan + 1.0) * math.pi / 4.0
    return math.sqrt(2.0) * math.cos(theta), math.sqrt(2.0) * math.sin(theta)


def stem_end(plan: StemPlan, seconds: float) -> float:
    """Where the stem falls silent: its trim end, or its own end when that comes first."""
    return seconds if plan.trim_end is None else min(plan.trim_end, seconds)


def mix_frames(plans: Sequence[StemPlan], seconds: Sequence[float], rate: int) -> int:
    """The mix's length: the latest end of any stem, muted ones too (muting does not shorten it)."""
    return max((math.ceil(stem_end(p, s) * rate) for p, s in zip(plans, seconds, strict=True)), default=0)


def envelope(plan: StemPlan, start: int, frames: int, rate: int, seconds: float) -> npt.NDArray[np.float64]:
    """The stem's gain at output frames [start, start + frames): level, trim, fades and gain changes."""
    t = (start + np.arange(frames, dtype=np.float64)) / rate
    end = stem_end(plan, seconds)
    env = np.where((t >= plan.trim_start) & (t < end), plan.gain, 0.0)
    if plan.fade_in > 0:
        env *= np.clip((t - plan.trim_start) / plan.fade_in, 0.0, 1.0)
    if plan.fade_out > 0:
        env *= np.clip((end - t) / plan.fade_out, 0.0, 1.0)
    if plan.gain_points:
        env *= automation(plan, t)
    return env


def automation(plan: StemPlan, t: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Gain changes: each holds from its time until the next, reached over its ramp from the last."""
    level = np.ones_like(t)
    previous = 1.0
    for point in plan.gain_points:
        if point.ramp > 0:
            fraction = np.clip((t - point.at) / point.ramp, 0.0, 1.0)
            value: npt.NDArray[np.float64] | float = previous + (point.gain - previous) * fraction
        else:
            value = point.gain
        level = np.where(t >= point.at, value, level)
        previous = point.gain
    return level


def mix_blocks(
    sources: Sequence[StemSource], plan: MixPlan, rate: int, block_frames: int = BLOCK_FRAMES
) -> Iterator[Block]:
    """The mix as stereo float32 blocks; nothing is clipped or normalised here."""
    seconds = [source.seconds for source in sources]
    total = mix_frames(plan.stems, seconds, rate)
    pans = [pan_gains(stem.pan) for stem in plan.stems]
    for start in range(0, total, block_frames):
        frames = min(block_frames, total - start)
        out = np.zeros((frames, 2), dtype=np.float64)
        for source, stem, (left, right) in zip(sources, plan.stems, pans, strict=True):
            if not stem.audible:
                continue
            # Every audible source is read block after block, so each stays at the same position.
            audio = source.read(frames)
            env = envelope(stem, start, frames, rate, source.seconds)
            out[:, 0] += audio[:, 0] * (env * left)
            out[:, 1] += audio[:, 1] * (env * right)
        out *= plan.master_gain
        yield out.astype(np.float32)
