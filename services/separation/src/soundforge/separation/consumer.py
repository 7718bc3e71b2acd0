"""The separation worker: takes `jobs.separation.requested` from JetStream and makes the stems."""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from collections.abc import Mapping
from pathlib import Path

from soundforge.events import EventBus, JobContext, JobWorker, PermanentJobError
from soundforge.events.progress import ProgressRelay
from soundforge.events.worker import Handler
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.vocabulary import AUDIO_FORMATS, SEPARATION_ENGINES, SEPARATION_MODELS
from soundforge.separation.engine import SeparationEngine, StemRequest
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.stem_cache import StemCache, settings_digest, store_stems
from soundforge.storage import keys
from soundforge.storage.blob_store import BlobStore

SERVICE = "separation"
# Job progress: 0-5 fetching the audio, 5-92 the engine's own work, 92-100 storing the stems.
_ENGINE_START, _ENGINE_SPAN = 5, 87
_PROGRESS_STEP = 1  # percent
_PROGRESS_INTERVAL = 0.5  # seconds between progress events, however fast the windows go


def stem_request(params: payloads_pb2.SeparationParams, owner_id: str, job_id: str) -> StemRequest:
    return StemRequest(
        model=SEPARATION_MODELS.name(params.model or payloads_pb2.SEPARATION_MODEL_HTDEMUCS),
        format=AUDIO_FORMATS.name(params.format or payloads_pb2.AUDIO_FORMAT_WAV),
        two_stems=params.two_stems,
        segment=params.segment if params.HasField("segment") else None,
        overlap=params.overlap if params.HasField("overlap") else 0.25,
        shifts=params.shifts,
        owner_id=owner_id,
        job_id=job_id,
    )


class SeparationJobs:
    """The job handler: fetch the track's audio (hashing it), reuse cached stems or run the engine.

    Stems are written under the job's own keys, so a redelivered job overwrites what an earlier
    attempt left instead of adding to it, and a failed attempt deletes what it wrote.
    """

    def __init__(
        self,
        library: LibraryClient,
        store: BlobStore,
        engines: Mapping[int, SeparationEngine],
        cache: StemCache,
        scratch_dir: Path | None = None,
    ) -> None:
        self.library = library
        self.store = store
        self.engines = engines
        self.cache = cache
        self.scratch_dir = scratch_dir

    async def __call__(self, ctx: JobContext) -> payloads_pb2.JobResult:
        request = ctx.request
        if not request.owner_id:
            raise PermanentJobError("the job request names no owner")
        params = ctx.params.separation
        engine_kind = params.engine or payloads_pb2.SEPARATION_ENGINE_LOCAL
        engine = self.engines.get(engine_kind)
        if engine is None:
            raise PermanentJobError(f"engine {SEPARATION_ENGINES.name(engine_kind)} is not served here")
        wanted = stem_request(params, request.owner_id, request.job_id)
        await ctx.progress(1, "fetching track")
        track = await self.library.get_track(request.owner_id, request.track_id)
        source_key = track.canonical_key or track.source_key
        if not source_key:
            raise PermanentJobError("the track has no audio object")

        def key_for(name: str) -> str:
            return keys.stem_key(request.owner_id, request.track_id, request.job_id, name, wanted.format)

        result = payloads_pb2.SeparationResult(
            model=params.model or payloads_pb2.SEPARATION_MODEL_HTDEMUCS, engine=engine_kind
        )
        digest = settings_digest(SEPARATION_ENGINES.name(engine_kind), wanted)
        known = await self.cache.known_content(source_key)
        cached = await self.cache.lookup(known, digest) if known else None
        with tempfile.TemporaryDirectory(prefix="sf-separation-", dir=self.scratch_dir) as scratch:
            local = Path(scratch) / f"source{Path(source_key).suffix}"
            if cached is None:
                content_sha256 = await fetch_hashing(self.store, source_key, local)
                await self.cache.remember_content(source_key, content_sha256)
                cached = await self.cache.lookup(content_sha256, digest)
            else:
                content_sha256 = str(known)
            if cached is not None:
                stems = await self.cache.restore(cached, key_for)
                result.reused = True
            else:
                await ctx.progress(_ENGINE_START, "separating")
                relay = ProgressRelay(
                    ctx, asyncio.get_running_loop(), _ENGINE_START, _ENGINE_SPAN, interval=_PROGRESS_INTERVAL
                )
                out_dir = Path(scratch) / "stems"
                out_dir.mkdir()
                try:
                    files = await engine.separate(local, out_dir, wanted, relay.report)
                finally:
                    await relay.drain()
                await ctx.progress(_ENGINE_START + _ENGINE_SPAN, "storing stems")
                stems = await store_stems(self.store, files, key_for)
                await self.cache.save(content_sha256, digest, stems)
        for stem in stems:
            result.stems.add(
                name=stem.name,
                object_key=stem.object_key,
                duration=stem.duration,
                size_bytes=stem.size_bytes,
                format=AUDIO_FORMATS.value(stem.format, "format"),
            )
        return payloads_pb2.JobResult(separation=result)


async def fetch_hashing(store: BlobStore, key: str, local: Path) -> str:
    """Downloads the object to `local` and returns its sha256: the stem cache's content address."""
    digest = hashlib.sha256()
    with local.open("wb") as out:
        async for chunk in store.get_stream(key):
            digest.update(chunk)
            await asyncio.to_thread(out.write, chunk)
    return digest.hexdigest()


class JobsByKind:
    """One worker for both kinds the separation subject carries: separations and Audio Pipeline jobs."""

    def __init__(self, separation: Handler, pipeline: Handler) -> None:
        self.separation, self.pipeline = separation, pipeline

    async def __call__(self, ctx: JobContext) -> payloads_pb2.JobResult:
        if ctx.params.HasField("pipeline"):
            return await self.pipeline(ctx)
        return await self.separation(ctx)


def build_worker(bus: EventBus, jobs: Handler, settings: SeparationSettings) -> JobWorker:
    return JobWorker(
        bus,
        SERVICE,
        jobs,
        max_deliver=settings.max_deliver,
        ack_wait=settings.ack_wait_seconds,
        concurrency=settings.worker_concurrency,
    )
