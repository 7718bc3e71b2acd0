"""Demucs window by window: `apply_model`'s windows, weights and overlap-add in bounded memory.

`demucs.apply.apply_model(split=True)` allocates the whole output (sources x channels x length)
and sums every window into it, so memory grows with the track (22 GB for an hour). Here every
window is computed exactly as there (same offsets, same context padding, same triangular weights,
the model called through `apply_model` itself), but the sum lives in a buffer one window long per
pass, and each sample is handed to the writer as soon as no later window can touch it. The
result equals one-shot `apply_model` to float precision: there are no seams to hide.

A *pass* is one single model of the bag under one time shift; the bag's per-source weights and
the shifts' mean become one coefficient per pass and source, applied when the passes combine.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from demucs.apply import BagOfModels, TensorChunk, apply_model
from demucs.htdemucs import HTDemucs

# A block of normalised mix, channels x frames, float32, in stream order.
Blocks = Iterator[np.ndarray]
# Receives each finished block of stems: sources x channels x frames, float32, de-normalised.
Sink = Callable[[np.ndarray], None]


class Stopped(Exception):
    """The caller asked the separation to stop (a cancelled job)."""


def valid_length(model: Any, segment: float | None, length: int) -> int:
    """The input length the model is called with for `length` samples: apply_model's own rule."""
    if isinstance(model, HTDemucs) and segment is not None:
        return int(segment * model.samplerate)
    if hasattr(model, "valid_length"):
        return int(model.valid_length(length))
    return length


def window_weight(segment_length: int, device: torch.device) -> torch.Tensor:
    """apply_model's triangular transition weight (transition_power 1)."""
    weight = torch.cat(
        [
            torch.arange(1, segment_length // 2 + 1, device=device),
            torch.arange(segment_length - segment_length // 2, 0, -1, device=device),
        ]
    )
    weight = weight / weight.max()
    return weight


@dataclass
class _Pass:
    """One single model under one shift: its windows, and the overlap-add buffer of what is open."""

    model: Any
    coef: torch.Tensor  # per source: the bag weight / total and 1/shifts
    delay: int  # the shift: this pass sees the mix delayed by `delay` samples
    segment: float | None  # the caller's override, passed on to apply_model as it would be
    segment_length: int
    stride: int
    weight: torch.Tensor
    offsets: list[int]
    sources: int
    channels: int
    capacity: int
    index: int = 0
    base: int = 0  # mix frame of acc[..., 0]
    acc: torch.Tensor = field(init=False)
    wsum: torch.Tensor = field(init=False)

    def __post_init__(self) -> None:
        self.acc = torch.zeros(self.sources, self.channels, self.capacity)
        self.wsum = torch.zeros(self.capacity)

    @property
    def done(self) -> bool:
        return self.index >= len(self.offsets)

    def next_start(self) -> int:
        """Mix frame where the next window starts; every earlier frame of this pass is final."""
        return self.offsets[self.index] - self.delay if not self.done else 1 << 62

    def window(self, total: int) -> tuple[int, int, int, int]:
        """(start, length, context start, context length) of the next window, in mix frames."""
        offset = self.offsets[self.index]
        length = min(self.segment_length, total + self.delay - offset)
        valid = valid_length(self.model, self.segment, length)
        start = offset - self.delay
        return start, length, start - (valid - length) // 2, valid

    def add(self, start: int, out: torch.Tensor) -> None:
        n = out.shape[-1]
        weight = self.weight[:n]
        lo = start - self.base
        if lo < 0:  # a shifted pass's frames before the mix starts are never emitted
            out, weight, n, lo = out[..., -lo:], weight[-lo:], n + lo, 0
        if lo + n > self.capacity:
            raise AssertionError("overlap-add buffer too small")  # a bug, never an input problem
        self.acc[..., lo : lo + n] += weight * out
        self.wsum[lo : lo + n] += weight

    def take(self, upto: int) -> torch.Tensor:
        """The finished estimate of frames [base, upto), weighted by `coef`; the buffer slides on."""
        n = upto - self.base
        estimate = self.acc[..., :n] / self.wsum[:n] * self.coef[:, None, None]
        self.acc = torch.cat([self.acc[..., n:], torch.zeros(self.sources, self.channels, n)], dim=-1)
        self.wsum = torch.cat([self.wsum[n:], torch.zeros(n)])
        self.base = upto
        return estimate


def plan_passes(model: Any, total: int, *, segment: float | None, overlap: float, shifts: int) -> list[_Pass]:
    """The passes apply_model would make, in its order (random shifts drawn in the same order)."""
    members: list[Any]
    if isinstance(model, BagOfModels):
        members, weights = list(model.models), [list(w) for w in model.weights]
    else:
        members, weights = [model], [[1.0] * len(model.sources)]
    totals = [sum(w[k] for w in weights) for k in range(len(model.sources))]
    raw: list[tuple[Any, list[float], int]] = []
    for member, member_weights in zip(members, weights, strict=True):
        coef = [member_weights[k] / totals[k] for k in range(len(totals))]
        if shifts:
            max_shift = int(0.5 * member.samplerate)
            for _ in range(shifts):
                offset = random.randint(0, max_shift)
                raw.append((member, [c / shifts for c in coef], max_shift - offset))
        else:
            raw.append((member, coef, 0))
    strides = []
    for member, _, _ in raw:
        seg = segment if segment is not None else member.segment
        length = int(member.samplerate * seg)
        strides.append((length, int((1 - overlap) * length)))
    max_stride = max(s for _, s in strides)
    passes = []
    for (member, coef, delay), (length, stride) in zip(raw, strides, strict=True):
        if stride <= 0:
            raise ValueError("overlap leaves no stride")
        passes.append(
            _Pass(
                model=member,
                coef=torch.tensor(coef, dtype=torch.float32),
                delay=delay,
                segment=segment,
                segment_length=length,
                stride=stride,
                weight=window_weight(length, torch.device("cpu")),
                offsets=list(range(0, total + delay, stride)),
                sources=len(model.sources),
                channels=model.audio_channels,
                capacity=length + 2 * max_stride,
            )
        )
    return passes


class _InputWindow:
    """The stretch of normalised mix the open windows still need, read from the blocks on demand."""

    def __init__(self, blocks: Blocks, channels: int, total: int) -> None:
        self.blocks = blocks
        self.total = total
        self.base = 0
        self.data = np.zeros((channels, 0), dtype=np.float32)

    def context(self, start: int, length: int) -> torch.Tensor:
        """Frames [start, start+length) with zeros outside the mix, as apply_model pads them."""
        end = min(self.total, start + length)
        while self.base + self.data.shape[1] < end:
            block = next(self.blocks, None)
            if block is None:
                raise ValueError("the audio ended before its measured length")
            self.data = np.concatenate([self.data, block], axis=1)
        out = np.zeros((self.data.shape[0], length), dtype=np.float32)
        lo, hi = max(0, start), end
        if hi > lo:
            out[:, lo - start : hi - start] = self.data[:, lo - self.base : hi - self.base]
        return torch.from_numpy(out)

    def forget_before(self, frame: int) -> None:
        drop = min(max(0, frame - self.base), self.data.shape[1])
        if drop:
            self.data = self.data[:, drop:]
            self.base += drop


def separate_stream(
    model: Any,
    blocks: Blocks,
    total: int,
    sink: Sink,
    *,
    mean: float,
    std: float,
    segment: float | None = None,
    overlap: float = 0.25,
    shifts: int = 0,
    device: torch.device | None = None,
    on_window: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Separates `total` frames of normalised mix read from `blocks`, writing stems to `sink`.

    `mean`/`std` are the whole track's normalisation (Demucs' own: the mono mix's mean and
    standard deviation + 1e-8); the sink receives de-normalised stems. `on_window(done, total)`
    is called after every window.
    """
    device = device or torch.device("cpu")
    passes = plan_passes(model, total, segment=segment, overlap=overlap, shifts=shifts)
    max_context = max(valid_length(p.model, segment, p.segment_length) for p in passes)
    source = _InputWindow(blocks, model.audio_channels, total)
    windows = sum(len(p.offsets) for p in passes)
    done = emitted = 0
    for member in {id(p.model): p.model for p in passes}.values():
        member.to(device)
        member.eval()
    while emitted < total:
        if should_stop():
            raise Stopped
        current = min((p for p in passes if not p.done), key=lambda p: p.next_start())
        start, length, context_start, context_length = current.window(total)
        context = source.context(context_start, context_length)[None]
        chunk = TensorChunk(context, start - context_start, length)
        with torch.no_grad():
            out = apply_model(current.model, chunk, shifts=0, split=False, segment=segment, device=device)
        current.add(start, out[0].to("cpu"))
        current.index += 1
        done += 1
        if on_window is not None:
            on_window(done, windows)
        finished = min(total, *(p.next_start() for p in passes))
        if finished > emitted:
            estimate = sum(p.take(finished) for p in passes)
            assert isinstance(estimate, torch.Tensor)
            sink((estimate * std + mean).numpy())
            emitted = finished
            source.forget_before(emitted - max_context)
