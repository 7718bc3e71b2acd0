"""The analysis worker: takes `jobs.analysis.requested` from JetStream and computes the features."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from soundforge.analysis.features import analyze, load_audio, resolve_features
from soundforge.analysis.library_client import LibraryClient
from soundforge.analysis.settings import AnalysisSettings
from soundforge.events import EventBus, JobContext, JobWorker, PermanentJobError
from soundforge.storage.blob_store import BlobStore

SERVICE = "analysis"


class AnalysisJobs:
    """The job handler: look the track up as its owner, fetch its audio, decode once, compute.

    The numpy work runs in a thread so the worker's heartbeats keep the message alive.
    """

    def __init__(self, library: LibraryClient, store: BlobStore, scratch_dir: Path | None = None) -> None:
        self.library = library
        self.store = store
        self.scratch_dir = scratch_dir

    async def __call__(self, ctx: JobContext) -> dict[str, Any]:
        request = ctx.request
        if not request.owner_id:
            raise PermanentJobError("the job request names no owner")
        features = resolve_features(ctx.params.get("features") or [])
        await ctx.progress(5, "fetching track")
        track = await self.library.get_track(request.owner_id, request.track_id)
        key = track.canonical_key or track.source_key
        if not key:
            raise PermanentJobError("the track has no audio object")
        with tempfile.TemporaryDirectory(prefix="sf-analysis-", dir=self.scratch_dir) as scratch:
            local = Path(scratch) / PurePosixPath(key).name
            await self.store.get_file(key, local)
            await ctx.progress(20, "decoding")
            samples = await asyncio.to_thread(load_audio, local)
        await ctx.progress(40, "analyzing")
        return await asyncio.to_thread(analyze, samples, features)


def build_worker(
    bus: EventBus, library: LibraryClient, store: BlobStore, settings: AnalysisSettings
) -> JobWorker:
    scratch = Path(settings.scratch_dir) if settings.scratch_dir else None
    return JobWorker(
        bus,
        SERVICE,
        AnalysisJobs(library, store, scratch),
        max_deliver=settings.max_deliver,
        ack_wait=settings.ack_wait_seconds,
        concurrency=settings.worker_concurrency,
    )
