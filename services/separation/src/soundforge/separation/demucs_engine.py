"""The Demucs engine: decode, measure, separate window by window, encode; memory bounded by a window."""

from __future__ import annotations

import asyncio
import math
import threading
from pathlib import Path
from typing import Any

import torch
from demucs.htdemucs import HTDemucs

from soundforge.events import PermanentJobError
from soundforge.separation.audio_stream import decode_blocks, measure, normalised
from soundforge.separation.engine import Progress, StemFile, StemRequest
from soundforge.separation.model_store import ModelStore
from soundforge.separation.stem_writers import StemPlan, StemWriters
from soundforge.separation.streaming import Stopped, separate_stream

# Share of the engine's progress spent measuring (one decode) before the windows start.
_MEASURE_SHARE = 0.05


class DemucsEngine:
    """Runs in a worker thread; an asyncio cancel stops it at the next window and waits for it."""

    def __init__(self, models: ModelStore, threads: int = 0) -> None:
        self.models = models
        self.threads = threads

    async def separate(
        self, source: Path, out_dir: Path, request: StemRequest, on_progress: Progress
    ) -> list[StemFile]:
        stop = threading.Event()
        loop = asyncio.get_running_loop()
        work = loop.run_in_executor(None, self._run, source, out_dir, request, on_progress, stop.is_set)
        try:
            return await asyncio.shield(work)
        except asyncio.CancelledError:
            stop.set()
            await asyncio.wait([work])  # never leave the thread writing into a directory being removed
            raise

    def _run(
        self, source: Path, out_dir: Path, request: StemRequest, on_progress: Progress, should_stop: Any
    ) -> list[StemFile]:
        if self.threads:
            torch.set_num_threads(self.threads)
        on_progress(0.0, "loading model")
        model = self.models.get(request.model)
        sources = tuple(model.sources)
        if request.two_stems and request.two_stems not in sources:
            raise PermanentJobError(
                f"{request.two_stems} is not a source of {request.model}: {', '.join(sources)}"
            )
        if request.segment is not None and request.segment > _longest_segment(model):
            raise PermanentJobError(f"segment {request.segment:g} s is longer than {request.model} accepts")
        rate, channels = model.samplerate, model.audio_channels
        on_progress(0.0, "measuring")
        stats = measure(decode_blocks(source, rate, channels))
        on_progress(_MEASURE_SHARE, "separating")

        def on_window(done: int, total: int) -> None:
            on_progress(_MEASURE_SHARE + (1 - _MEASURE_SHARE) * done / total, "separating")

        plan = StemPlan(sources, request.two_stems)
        with StemWriters(out_dir, plan, request.format, rate, channels) as writers:
            try:
                separate_stream(
                    model,
                    normalised(decode_blocks(source, rate, channels), stats),
                    stats.frames,
                    writers.write,
                    mean=stats.mean,
                    std=stats.std,
                    segment=request.segment,
                    overlap=request.overlap,
                    shifts=request.shifts,
                    device=self.models.device,
                    on_window=on_window,
                    should_stop=should_stop,
                )
            except Stopped:
                raise asyncio.CancelledError from None
        duration = stats.frames / rate
        return [
            StemFile(name=name, path=path, duration=duration, format=request.format)
            for name, path in zip(plan.names, writers.paths, strict=True)
        ]


def _longest_segment(model: Any) -> float:
    """HTDemucs cannot run windows longer than it was trained on; the other architectures can."""
    members = getattr(model, "models", [model])
    limits = [float(m.segment) for m in members if isinstance(m, HTDemucs)]
    return min(limits) if limits else math.inf
