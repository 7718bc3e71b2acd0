"""The Audio Pipeline worker: separation, harmonic/percussive split, composites, loudness normalisation.

Each stage's outputs are stored under the job's `work/` keys as the stage completes and its record
is published with the job's progress (the library keeps it), so a redelivered job (a worker
killed, a restart) skips every stage that completed and repeats only the unfinished one.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path, PurePosixPath

from soundforge.dsp.normalization import normalise_file
from soundforge.events import JobContext, PermanentJobError
from soundforge.events.progress import ProgressRelay
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.vocabulary import SEPARATION_MODELS
from soundforge.separation import pipeline_audio
from soundforge.separation.consumer import fetch_hashing
from soundforge.separation.engine import SeparationEngine, StemRequest
from soundforge.separation.pipeline_stages import (
    COMPOSITION,
    DECOMPOSITION,
    NORMALIZATION,
    SEPARATION,
    Stage,
    StageBook,
)
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.stem_cache import StemCache, settings_digest, store_stems
from soundforge.storage import keys
from soundforge.storage.blob_store import BlobStore

_WAV = "audio/wav"
# Job progress at each stage's start and end (each transition a distinct percent: updates are
# deduplicated by percent); the separation's own windows move the bar between 3 and 69.
_SPANS = {
    SEPARATION.name: (2, 70),
    DECOMPOSITION.name: (71, 84),
    COMPOSITION.name: (85, 88),
    NORMALIZATION.name: (89, 99),
}


class PipelineJobs:
    def __init__(
        self,
        library: LibraryClient,
        store: BlobStore,
        demucs: SeparationEngine,
        cache: StemCache,
        settings: SeparationSettings,
        scratch_dir: Path | None = None,
    ) -> None:
        self.library = library
        self.store = store
        self.demucs = demucs
        self.cache = cache
        self.settings = settings
        self.scratch_dir = scratch_dir

    async def __call__(self, ctx: JobContext) -> payloads_pb2.JobResult:
        request = ctx.request
        if not request.owner_id:
            raise PermanentJobError("the job request names no owner")
        owner, track_id, job_id = request.owner_id, request.track_id, request.job_id
        earlier = await self.library.get_job(owner, job_id)
        book = StageBook(earlier.result.pipeline if earlier.result.HasField("pipeline") else None)
        if all(
            book.done(s) for s in (SEPARATION, DECOMPOSITION, COMPOSITION, NORMALIZATION)
        ) and await self._all_exist([o.object_key for o in book.result.outputs]):
            return book.job_result()  # finished before; only the completion was lost
        track = await self.library.get_track(owner, track_id)
        source_key = track.canonical_key or track.source_key
        if not source_key:
            raise PermanentJobError("the track has no audio object")
        prefix = keys.pipeline_prefix(owner, track_id, job_id)
        with tempfile.TemporaryDirectory(prefix="sf-pipeline-", dir=self.scratch_dir) as scratch_name:
            scratch = Path(scratch_name)
            run = _Run(self, ctx, book, prefix, scratch)
            source = scratch / f"source{PurePosixPath(source_key).suffix}"
            content_sha256 = await fetch_hashing(self.store, source_key, source)
            model = SEPARATION_MODELS.name(
                ctx.params.pipeline.model or payloads_pb2.SEPARATION_MODEL_HTDEMUCS
            )
            stems = await run.stage(
                SEPARATION, "stems", lambda: self._separate(ctx, source, scratch, model, content_sha256, run)
            )
            parts = await run.stage(
                DECOMPOSITION,
                "hpss",
                lambda: asyncio.to_thread(pipeline_audio.decompose, stems, scratch / "hpss"),
            )
            composites = await run.stage(
                COMPOSITION,
                "composite",
                lambda: asyncio.to_thread(pipeline_audio.compose, stems, parts, scratch / "composite"),
            )
            await run.stage(NORMALIZATION, "", lambda: self._normalise({**stems, **parts, **composites}, run))
        await self.store.delete_prefix(prefix + "work/")
        return book.job_result()

    async def _separate(
        self, ctx: JobContext, source: Path, scratch: Path, model: str, content_sha256: str, run: _Run
    ) -> dict[str, Path]:
        out = scratch / "stems"
        out.mkdir(exist_ok=True)
        wanted = StemRequest(model=model, format="wav")
        digest = settings_digest("local", wanted)
        cached = await self.cache.lookup(content_sha256, digest)
        if cached is not None:
            restored = await self.cache.restore(cached, lambda name: run.work_key("stems", name))
            return {
                stem.name: await run.download(stem.object_key, out / f"{stem.name}.wav") for stem in restored
            }
        start, end = _SPANS[SEPARATION.name]
        relay = ProgressRelay(ctx, asyncio.get_running_loop(), start + 1, end - start - 2)
        try:
            files = await self.demucs.separate(source, out, wanted, relay.report)
        finally:
            await relay.drain()
        stored = await store_stems(self.store, files, lambda name: run.work_key("stems", name))
        await self.cache.save(content_sha256, digest, stored)
        return {file.name: file.path for file in files}

    async def _normalise(self, tracks: dict[str, Path], run: _Run) -> dict[str, Path]:
        """Every output to the loudness target under the ceiling; records each output's loudness."""
        target, ceiling = self.settings.pipeline_target_lufs, self.settings.pipeline_true_peak_dbtp
        outputs: list[payloads_pb2.NamedOutput] = []
        for name, path in sorted(tracks.items(), key=lambda item: _output_rank(item[0])):
            final = path.with_name(f"{name}.final.wav")
            done = await asyncio.to_thread(normalise_file, path, final, target, ceiling)
            key = run.prefix + f"{name}.wav"
            await self.store.put_file(key, final, content_type=_WAV)
            output = payloads_pb2.NamedOutput(name=name, object_key=key)
            if done.after.integrated_lufs is not None:
                output.loudness_lufs = done.after.integrated_lufs
            if done.after.true_peak_dbtp is not None:
                output.true_peak_dbtp = done.after.true_peak_dbtp
            outputs.append(output)
        del run.book.result.outputs[:]
        run.book.result.outputs.extend(outputs)
        return {}

    async def _all_exist(self, object_keys: list[str]) -> bool:
        if not object_keys:
            return False
        for key in object_keys:
            if not await self.store.exists(key):
                return False
        return True


# The document's order of the outputs (a 6-stem model's guitar and piano after its four).
_ORDER = ("drums", "bass", "other", "vocals", "guitar", "piano", "harmonic", "percussive", "main")


def _output_rank(name: str) -> tuple[int, str]:
    return (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)


class _Run:
    """One delivery of one pipeline job: runs or skips each stage and publishes its record."""

    def __init__(
        self, jobs: PipelineJobs, ctx: JobContext, book: StageBook, prefix: str, scratch: Path
    ) -> None:
        self.jobs, self.ctx, self.book, self.prefix, self.scratch = jobs, ctx, book, prefix, scratch

    def work_key(self, folder: str, name: str) -> str:
        return f"{self.prefix}work/{folder}/{name}.wav"

    async def download(self, key: str, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        await self.jobs.store.get_file(key, path)
        return path

    async def stage(
        self, stage: Stage, folder: str, work: Callable[[], Awaitable[dict[str, Path]]]
    ) -> dict[str, Path]:
        """The stage's outputs as local files: from an earlier delivery when it completed, else made now."""
        start, end = _SPANS[stage.name]
        if self.book.done(stage) and folder:
            kept = await self._kept(folder)
            if kept is not None:
                return kept
        self.book.start(stage)
        await self.ctx.progress(start, stage.name, self.book.job_result())
        try:
            outputs = await work()
            if folder and stage is not SEPARATION:  # separation stores its stems itself (and caches them)
                for name, path in outputs.items():
                    await self.jobs.store.put_file(self.work_key(folder, name), path, content_type=_WAV)
        except asyncio.CancelledError:
            raise
        except Exception as err:
            self.book.fail(stage, str(err) or type(err).__name__)
            await self.ctx.progress(start + 1, stage.name, self.book.job_result())
            raise
        self.book.finish(stage)
        await self.ctx.progress(end, stage.name, self.book.job_result())
        return outputs

    async def _kept(self, folder: str) -> dict[str, Path] | None:
        """A completed stage's outputs fetched back from `work/`; None when they are gone."""
        listed = await self.jobs.store.list(f"{self.prefix}work/{folder}/")
        if not listed:
            return None
        local = self.scratch / "kept" / folder
        kept = {}
        for info in listed:
            name = PurePosixPath(info.key).stem
            kept[name] = await self.download(info.key, local / f"{name}.wav")
        return kept
