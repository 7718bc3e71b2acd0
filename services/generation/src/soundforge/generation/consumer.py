"""The generation job handler: produce the clip, store it, draw its spectrogram, say how it went.

The engine runs in a thread; its token counts become the job's progress ("Generating: 120/500
tokens", percent of the tokens of the whole request, continuation windows included). A cancel
stops the engine at its next token step. The time it took, per second of audio, is the model's
measured speed the queue estimates waits with.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import threading
import time
from collections.abc import Awaitable, Callable

import numpy as np
import soundfile

from soundforge.events import JobContext
from soundforge.events.progress import ProgressRelay
from soundforge.generation.clip import produce
from soundforge.generation.engine import GenerationEngine
from soundforge.generation.quality import Quality
from soundforge.generation.reporter import WorkerReporter
from soundforge.generation.workers import RunningJob
from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.vocabulary import GENERATION_MODELS
from soundforge.storage import keys
from soundforge.storage.blob_store import BlobStore

log = logging.getLogger(__name__)

_PROGRESS_SPAN = 95  # the last percents: storing the audio and drawing the spectrogram


class Cancelled(Exception):
    """Raised inside the engine's thread (from its progress callback) when the job was cancelled."""


RenderSpectrogram = Callable[[str, str], Awaitable[str]]
"""(owner_id, audio_key) -> spectrogram key (the analysis service's RenderSpectrogram)."""


def seed_for(job_id: str, attempt: int) -> int:
    """A seed fixed by the job (a redelivered job repeats its clip), new for every job."""
    digest = hashlib.sha256(f"{job_id}:{attempt}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def wav_bytes(samples: np.ndarray, sample_rate: int) -> bytes:
    """16-bit PCM WAV, channels last as soundfile wants them."""
    buffer = io.BytesIO()
    soundfile.write(buffer, np.ascontiguousarray(samples.T), sample_rate, subtype="PCM_16", format="WAV")
    return buffer.getvalue()


class GenerationJobs:
    def __init__(
        self,
        engine: GenerationEngine,
        store: BlobStore,
        render_spectrogram: RenderSpectrogram,
        reporter: WorkerReporter,
    ) -> None:
        self.engine = engine
        self.store = store
        self.render_spectrogram = render_spectrogram
        self.reporter = reporter

    async def __call__(self, ctx: JobContext) -> payloads_pb2.JobResult:
        params = ctx.params.generation
        model = GENERATION_MODELS.name(params.model)
        owner_id = ctx.request.owner_id
        relay = ProgressRelay(ctx, asyncio.get_running_loop(), 0, _PROGRESS_SPAN, interval=0.5)
        stop = threading.Event()

        retrying = ""
        # MusicGen and AudioGen count tokens (every continuation window's); MAGNeT decoding steps.
        unit = "steps" if model.startswith("magnet") else "tokens"

        def on_progress(done: int, total: int) -> None:
            if stop.is_set():
                raise Cancelled("cancelled")
            relay.report(done / total if total else 0.0, f"{retrying}Generating: {done}/{total} {unit}")

        def on_retry(attempt: int, quality: Quality) -> None:
            nonlocal retrying
            why = ", ".join(quality.issues) or f"quality {quality.score}"
            retrying = f"Retry {attempt} ({why}): "

        await self.reporter.running(RunningJob(ctx.job_id, model, float(params.duration), time.time()))
        started = time.monotonic()
        try:
            clip = await asyncio.to_thread(
                produce,
                self.engine,
                model=model,
                prompt=params.prompt,
                duration=float(params.duration),
                loop=params.loop,
                seed=seed_for(ctx.job_id, 0),
                progress=on_progress,
                on_retry=on_retry,
            )
        except asyncio.CancelledError:
            stop.set()  # the thread stops at its next token step
            raise
        finally:
            await relay.drain()
            await self.reporter.running(None)
        elapsed = time.monotonic() - started
        seconds = clip.samples.shape[-1] / clip.sample_rate
        await self.reporter.measured(model, elapsed / max(seconds, 1e-3) / (clip.retry_count + 1))

        await ctx.progress(_PROGRESS_SPAN + 1, "Saving audio")
        audio_key = keys.generation_key(owner_id, ctx.job_id)
        await self.store.put_bytes(
            audio_key, wav_bytes(clip.samples, clip.sample_rate), content_type="audio/wav"
        )
        spectrogram_key = ""
        try:
            spectrogram_key = await self.render_spectrogram(owner_id, audio_key)
        except Exception as err:  # the clip stands without it; /generate-spectrogram can draw it later
            log.warning("no spectrogram for %s: %s", ctx.job_id, err)
        return payloads_pb2.JobResult(
            generation=payloads_pb2.GenerationResult(
                filename=f"{ctx.job_id}.wav",
                audio_key=audio_key,
                spectrogram_key=spectrogram_key,
                quality_score=clip.quality.score,
                retry_count=clip.retry_count,
                quality_issues=clip.quality.issues,
                duration=seconds,
                seed=clip.seed,
            )
        )
