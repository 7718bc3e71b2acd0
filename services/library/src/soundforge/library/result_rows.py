"""The rows a completed job's result implies, one handler per kind: analyses, stems, generations.

Each handler is idempotent (a redelivered `completed` rewrites the same rows) and skips a track
deleted meanwhile. A download's result names the track holding its audio; the pipeline's result
is only the job record, so it has none.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import PurePosixPath

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from soundforge.library.models import Analysis, Job, Stem, Track
from soundforge.library.soundbox_models import Generation
from soundforge.runtime.vocabulary import GENERATION_MODELS, SEPARATION_MODELS

ResultHandler = Callable[[AsyncSession, Job, datetime], Awaitable[None]]


async def _live_track(session: AsyncSession, job: Job) -> Track | None:
    return await session.get(Track, job.track_id) if job.track_id else None


async def record_analysis(session: AsyncSession, job: Job, at: datetime) -> None:
    """Keeps the track's latest analysis."""
    if await _live_track(session, job) is None:
        return
    analysis = await session.get(Analysis, job.track_id)
    if analysis is None:
        session.add(Analysis(track_id=job.track_id, job_id=job.id, result=job.result, created_at=at))
    else:
        analysis.job_id = job.id
        analysis.result = job.result
        analysis.created_at = at


async def record_stems(session: AsyncSession, job: Job, at: datetime) -> None:
    """One row per stem of the result, replacing any the same job wrote before."""
    if await _live_track(session, job) is None:
        return
    model = SEPARATION_MODELS.name_of_stored(job.result.get("model"))
    await session.execute(delete(Stem).where(Stem.job_id == job.id))
    for stem in job.result.get("stems") or []:
        session.add(
            Stem(
                track_id=job.track_id,
                job_id=job.id,
                name=stem.get("name", ""),
                object_key=stem.get("object_key", ""),
                model=model,
                size_bytes=int(stem.get("size_bytes") or 0),
                created_at=at,
            )
        )


async def record_download(session: AsyncSession, job: Job, at: datetime) -> None:
    """The job names the track that holds its audio: the owner's earlier track when they already had
    the file (the announced id is that track's alias), so job, result and track agree."""
    track_id = job.result.get("track_id")
    if not isinstance(track_id, str) or not track_id or track_id == job.track_id:
        return
    track = await session.get(Track, track_id)
    if track is not None and track.owner_id == job.owner_id:
        job.track_id = track_id


async def record_generation(session: AsyncSession, job: Job, at: datetime) -> None:
    """The community library's entry of a finished generation (one per job).

    Its id is the job's id, as its file name's stem is: Sound Box has one value for the three.
    """
    params, result = job.params, job.result
    generation = await session.scalar(select(Generation).where(Generation.job_id == job.id))
    if generation is None:
        generation = Generation(id=job.id, job_id=job.id, created_at=at)
        session.add(generation)
    generation.filename = result.get("filename", "") or job.id
    generation.prompt = params.get("prompt", "")
    generation.model = GENERATION_MODELS.name_of_stored(params.get("model"))
    # The seconds asked for, as Sound Box reports them: a loop measures a crossfade (or part of a
    # beat) shorter, e.g. 1.9975 s for 2.
    generation.duration = float(params.get("duration") or result.get("duration") or 0.0)
    generation.is_loop = bool(params.get("loop", False))
    generation.private = bool(params.get("private", False))
    generation.quality_score = int(result.get("quality_score") or 0)
    generation.quality_issues = list(result.get("quality_issues") or [])
    generation.object_key = result.get("audio_key", "")
    generation.spectrogram_key = result.get("spectrogram_key", "")
    generation.spectrogram = (
        PurePosixPath(generation.spectrogram_key).name if generation.spectrogram_key else ""
    )
    generation.user_id = job.owner_id


RESULT_ROWS: dict[str, ResultHandler] = {
    "download": record_download,
    "analysis": record_analysis,
    "separation": record_stems,
    "generation": record_generation,
}


async def record_result(session: AsyncSession, job: Job, at: datetime) -> None:
    handler = RESULT_ROWS.get(job.kind)
    if handler is not None and job.result:
        await handler(session, job, at)
