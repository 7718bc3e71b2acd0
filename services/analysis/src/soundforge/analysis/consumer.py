"""The analysis worker: takes `jobs.analysis.requested` from JetStream and computes the features."""

from __future__ import annotations

import asyncio
import tempfile
import threading
from pathlib import Path, PurePosixPath

from soundforge.analysis.features import analyze_file, resolve_features
from soundforge.analysis.settings import AnalysisSettings
from soundforge.events import EventBus, JobContext, JobWorker, PermanentJobError
from soundforge.events.progress import ProgressRelay
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.payloads import analysis_from_flat
from soundforge.storage import keys
from soundforge.storage.blob_store import BlobStore

SERVICE = "analysis"
# The job's progress while the audio streams through the analysis: 20% at the start, 95% at the end.
_ANALYSIS_START, _ANALYSIS_SPAN = 20, 75
_PROGRESS_STEP = 10  # percent between published progress events


class AnalysisJobs:
    """The job handler: look the track up as its owner, fetch its audio, decode once, compute.

    The numpy work runs in a thread so the worker's heartbeats keep the message alive; a
    cancelled job stops that thread at its next block.
    """

    def __init__(self, library: LibraryClient, store: BlobStore, scratch_dir: Path | None = None) -> None:
        self.library = library
        self.store = store
        self.scratch_dir = scratch_dir

    async def __call__(self, ctx: JobContext) -> payloads_pb2.JobResult:
        request = ctx.request
        if not request.owner_id:
            raise PermanentJobError("the job request names no owner")
        features = resolve_features(ctx.params.analysis.features)
        await ctx.progress(5, "fetching track")
        track = await self.library.get_track(request.owner_id, request.track_id)
        key = track.canonical_key or track.source_key
        if not key:
            raise PermanentJobError("the track has no audio object")
        info = await self.store.stat(key)
        with tempfile.TemporaryDirectory(prefix="sf-analysis-", dir=self.scratch_dir) as scratch:
            local = Path(scratch) / PurePosixPath(key).name
            await self.store.get_file(key, local)
            await ctx.progress(_ANALYSIS_START, "analyzing")
            reporter = ProgressRelay(
                ctx,
                asyncio.get_running_loop(),
                _ANALYSIS_START,
                _ANALYSIS_SPAN,
                step=_PROGRESS_STEP,
                interval=0.0,
                stage="analyzing",
            )
            stop = threading.Event()
            try:
                analysis = await asyncio.to_thread(
                    analyze_file,
                    local,
                    features,
                    source_etag=info.etag,
                    on_progress=reporter.report,
                    should_stop=stop.is_set,
                )
            finally:
                stop.set()  # a cancelled await leaves the thread running until it looks
            await reporter.drain()
        if analysis.spectrogram_png is not None:
            png_key = keys.spectrogram_key(request.owner_id, request.track_id)
            await self.store.put_bytes(png_key, analysis.spectrogram_png, content_type="image/png")
            analysis.result["spectrogram_key"] = png_key
        return payloads_pb2.JobResult(analysis=analysis_from_flat(analysis.result, features))


def build_worker(
    bus: EventBus, library: LibraryClient, store: BlobStore, settings: AnalysisSettings, scratch_dir: Path
) -> JobWorker:
    return JobWorker(
        bus,
        SERVICE,
        AnalysisJobs(library, store, scratch_dir),
        max_deliver=settings.max_deliver,
        ack_wait=settings.ack_wait_seconds,
        concurrency=settings.worker_concurrency,
    )
