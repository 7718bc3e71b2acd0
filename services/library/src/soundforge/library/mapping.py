"""ORM rows -> protobuf messages of the library and jobs APIs."""

from __future__ import annotations

from typing import Any, cast

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.models import Analysis, ApiKey, Job, OAuthAccount, Stem, Track, User
from soundforge.library.pagination import PageResult
from soundforge.library.v1 import library_pb2
from soundforge.runtime import payloads
from soundforge.runtime.convert import kind_value, status_value, struct_from_dict, timestamp_from_datetime
from soundforge.runtime.vocabulary import GENERATION_MODELS, PRIORITIES


def page_meta(result: PageResult[Any]) -> library_pb2.PageMeta:
    return library_pb2.PageMeta(
        page=result.page,
        page_size=result.page_size,
        total_count=result.total_count,
        total_pages=result.total_pages,
    )


def user_message(user: User, plan: str) -> library_pb2.User:
    """`plan` is the user's plan as Users.plan_of resolves it (the row holds NULL for the default)."""
    return library_pb2.User(
        id=user.id,
        email=user.email,
        role=user.role,
        disabled=user.disabled,
        created_at=timestamp_from_datetime(user.created_at),
        settings=struct_from_dict(user.settings),
        plan=plan,
    )


def api_key_message(key: ApiKey) -> library_pb2.ApiKey:
    return library_pb2.ApiKey(
        id=key.id,
        name=key.name,
        prefix=key.prefix,
        created_at=timestamp_from_datetime(key.created_at),
        last_used_at=timestamp_from_datetime(key.last_used_at),
    )


def oauth_account_message(account: OAuthAccount) -> library_pb2.OAuthAccount:
    return library_pb2.OAuthAccount(
        user_id=account.user_id,
        provider=account.provider,
        subject=account.subject,
        token=struct_from_dict(account.token),
        updated_at=timestamp_from_datetime(account.updated_at),
    )


def track_message(track: Track) -> library_pb2.Track:
    return library_pb2.Track(
        id=track.id,
        owner_id=track.owner_id,
        title=track.title,
        artist=track.artist,
        album=track.album,
        duration=track.duration,
        sample_rate=track.sample_rate,
        channels=track.channels,
        codec=track.codec,
        content_type=track.content_type,
        size_bytes=track.size_bytes,
        sha256=track.sha256 or "",
        source_key=track.source_key,
        canonical_key=track.canonical_key,
        source=track.source,
        source_url=track.source_url,
        spotify_id=track.spotify_id,
        album_art_url=track.album_art_url,
        bpm=track.bpm,
        key=track.key,
        tags=track.tags,
        created_at=timestamp_from_datetime(track.created_at),
        updated_at=timestamp_from_datetime(track.updated_at),
    )


def stem_message(stem: Stem) -> library_pb2.Stem:
    return library_pb2.Stem(
        id=stem.id,
        track_id=stem.track_id,
        job_id=stem.job_id,
        name=stem.name,
        object_key=stem.object_key,
        model=stem.model,
        size_bytes=stem.size_bytes,
        created_at=timestamp_from_datetime(stem.created_at),
    )


def analysis_message(analysis: Analysis) -> library_pb2.TrackAnalysis:
    stored = payloads.result_from_json("analysis", analysis.result)
    return library_pb2.TrackAnalysis(
        track_id=analysis.track_id,
        job_id=analysis.job_id,
        result=stored.analysis if stored else None,
        created_at=timestamp_from_datetime(analysis.created_at),
    )


def generation_arrivals(rows: list[tuple[str, str, int, float]]) -> list[library_pb2.GenerationArrivals]:
    """(priority, stored model name, jobs, seconds) rows as messages."""
    return [
        library_pb2.GenerationArrivals(
            priority=cast(payloads_pb2.Priority, PRIORITIES.value(priority, "priority")),
            model=cast(payloads_pb2.GenerationModel, GENERATION_MODELS.value_of_stored(model)),
            jobs=jobs,
            seconds=seconds,
        )
        for priority, model, jobs, seconds in rows
    ]


def job_message(job: Job) -> jobs_pb2.Job:
    return jobs_pb2.Job(
        id=job.id,
        kind=cast(jobs_pb2.JobKind, kind_value(job.kind)),
        owner_id=job.owner_id,
        status=cast(jobs_pb2.JobStatus, status_value(job.status)),
        progress=job.progress,
        stage=job.stage,
        error=job.error,
        track_id=job.track_id,
        params=payloads.params_from_json(job.kind, job.params),
        result=payloads.result_from_json(job.kind, job.result),
        attempts=job.attempts,
        created_at=timestamp_from_datetime(job.created_at),
        updated_at=timestamp_from_datetime(job.updated_at),
        started_at=timestamp_from_datetime(job.started_at),
        finished_at=timestamp_from_datetime(job.finished_at),
        priority=cast(payloads_pb2.Priority, PRIORITIES.value(job.priority, "priority")),
        released_at=timestamp_from_datetime(job.released_at),
    )
