"""Proto messages -> the documented JSON shapes; the one place a field name or format is decided."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from google.protobuf.message import Message

from soundforge.ingest.v1 import ingest_pb2
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime import payloads
from soundforge.runtime.convert import iso, kind_name, status_name
from soundforge.runtime.vocabulary import AUDIO_FORMATS, SEPARATION_ENGINES, SEPARATION_MODELS
from soundforge.separation.v1 import separation_pb2


def _or_none(value: str) -> str | None:
    return value or None


def user_json(user: library_pb2.User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "role": user.role,
        "plan": user.plan,
        "created_at": iso(user.created_at),
    }


def api_key_json(key: library_pb2.ApiKey) -> dict[str, Any]:
    return {
        "id": key.id,
        "name": key.name,
        "prefix": key.prefix,
        "created_at": iso(key.created_at),
        "last_used_at": iso(key.last_used_at),
    }


def track_json(track: library_pb2.Track) -> dict[str, Any]:
    return {
        "id": track.id,
        "title": track.title,
        "artist": track.artist,
        "album": _or_none(track.album),
        "duration": track.duration,
        "sample_rate": track.sample_rate,
        "channels": track.channels,
        "codec": _or_none(track.codec),
        "content_type": _or_none(track.content_type),
        "size_bytes": track.size_bytes,
        "sha256": track.sha256,
        "bpm": track.bpm if track.HasField("bpm") else None,
        "key": _or_none(track.key),
        "tags": list(track.tags),
        "source": track.source,
        "spotify_id": _or_none(track.spotify_id),
        "album_art_url": _or_none(track.album_art_url),
        "created_at": iso(track.created_at),
        "updated_at": iso(track.updated_at),
    }


def page_meta_json(meta: library_pb2.PageMeta) -> dict[str, int]:
    return {
        "page": meta.page,
        "page_size": meta.page_size,
        "total_count": meta.total_count,
        "total_pages": meta.total_pages,
    }


def job_queued_json(job: jobs_pb2.Job) -> dict[str, Any]:
    """What a POST that enqueues work answers: `{"job_id", "track_id", "status"}`."""
    return {"job_id": job.id, "track_id": _or_none(job.track_id), "status": status_name(job.status)}


def _completed_result(job: jobs_pb2.Job) -> dict[str, Any] | None:
    if job.status != jobs_pb2.JOB_STATUS_COMPLETED:
        return None
    if _track_deleted(job) and job.result.WhichOneof("kind") in _OF_A_TRACK:
        # Its track and files are gone: no ids or keys of a deleted track (each would 404), only
        # what the job measured or fetched.
        gone = payloads_pb2.JobResult()
        gone.CopyFrom(job.result)
        _drop_files(gone)
        return payloads.result_http_json(gone) or {}
    return payloads.result_http_json(job.result) or {}


# The results whose files belong to the job's track and are deleted with it. A generation's audio
# is its own (Sound Box's library), whatever becomes of a track.
_OF_A_TRACK = ("download", "separation", "analysis", "pipeline")
# The fields that name a deleted track or one of its files.
_GONE_FIELDS = frozenset({"track_id", "source_key", "canonical_key", "object_key", "spectrogram_key"})


def _drop_files(message: Message) -> None:
    """Clear every field of `message` (and of the messages in it) that names a track or an object
    key; a member emptied by that (an analysis's spectrogram) is cleared too."""
    for field, value in message.ListFields():
        if field.name in _GONE_FIELDS:
            message.ClearField(field.name)
        elif field.message_type is not None and field.is_repeated:
            for item in value:
                _drop_files(item)
        elif field.message_type is not None and value.ListFields():
            _drop_files(value)
            if not value.ListFields():  # emptied here, not a member that was set at its defaults
                message.ClearField(field.name)


def _track_deleted(job: jobs_pb2.Job) -> bool:
    """A finished job whose track was deleted: the library unlinks it (`track_id` empty)."""
    return not job.track_id


def job_status_json(job: jobs_pb2.Job) -> dict[str, Any]:
    """A job poll: status and progress; the result once completed, the reason once failed."""
    body: dict[str, Any] = {
        "id": job.id,
        "status": status_name(job.status),
        "progress": job.progress,
        "result": _completed_result(job),
    }
    if job.status == jobs_pb2.JOB_STATUS_FAILED:
        body["error"] = job.error or "failed"
    return body


def job_json(job: jobs_pb2.Job) -> dict[str, Any]:
    """The whole job record (`/api/jobs`), one shape for every kind; no `track_id` once it is deleted."""
    failed = job.status == jobs_pb2.JOB_STATUS_FAILED
    return {
        "id": job.id,
        "kind": kind_name(job.kind),
        "status": status_name(job.status),
        "progress": job.progress,
        "stage": _or_none(job.stage),
        "error": (job.error or "failed") if failed else _or_none(job.error),
        "track_id": _or_none(job.track_id),
        "params": payloads.params_http_json(job.params),
        "result": _completed_result(job),
        "attempts": job.attempts,
        "created_at": iso(job.created_at),
        "updated_at": iso(job.updated_at),
        "started_at": iso(job.started_at),
        "finished_at": iso(job.finished_at),
    }


def analysis_json(analysis: library_pb2.TrackAnalysis) -> dict[str, Any]:
    return {
        "track_id": analysis.track_id,
        "job_id": _or_none(analysis.job_id),
        "result": payloads.analysis_to_flat(analysis.result),
        "created_at": iso(analysis.created_at),
    }


def spotify_track_json(track: ingest_pb2.SpotifyTrack, track_id: str = "") -> dict[str, Any]:
    """Seed 001's Spotify track; `id` is the caller's library track for it, null until imported."""
    return {
        "id": _or_none(track_id or track.track_id),
        "spotify_id": track.spotify_id,
        "title": track.title,
        "artist": track.artist,
        "album": track.album,
        "album_art_url": _or_none(track.album_art_url),
        "duration": round(track.duration),
        "spotify_url": track.spotify_url,
    }


def spotify_import_job_json(queued: ingest_pb2.DownloadJob) -> dict[str, Any]:
    """One imported track's download job; its spotify_id is the one recorded in the job's metadata."""
    return {
        **job_queued_json(queued.job),
        "track_id": queued.track_id,
        "spotify_id": _or_none(queued.job.params.download.metadata.spotify_id),
    }


def spotify_import_json(jobs: Sequence[ingest_pb2.DownloadJob]) -> dict[str, Any]:
    """An import "creates download job" (seed 000): the first track's job as every enqueue answers it
    (`job_id`, `track_id`, `status`, plus `spotify_id`), and `jobs`, one such object per track.

    A link without tracks (an empty playlist) queues nothing and answers `{"jobs": []}`.
    """
    queued = [spotify_import_job_json(item) for item in jobs]
    return {**(queued[0] if queued else {}), "jobs": queued}


def download_job_json(job: jobs_pb2.Job) -> dict[str, Any]:
    """Seed 001's download poll: exactly id, status, progress, output_path, file_size, error.

    `output_path` is the `/files/<object key>` path of the downloaded audio once completed (the
    owner's earlier track when they already had the same file), else null -- null again once that
    track is deleted (its file would 404).
    """
    completed = job.status == jobs_pb2.JOB_STATUS_COMPLETED and job.result.HasField("download")
    result = job.result.download
    stored = completed and result.source_key and not _track_deleted(job)
    return {
        "id": job.id,
        "status": status_name(job.status),
        "progress": job.progress,
        "output_path": f"/files/{result.source_key}" if stored else None,
        "file_size": result.file_size if completed else None,
        "error": (job.error or "failed") if job.status == jobs_pb2.JOB_STATUS_FAILED else None,
    }


def stem_json(stem: library_pb2.Stem, output: payloads_pb2.StemOutput | None = None) -> dict[str, Any]:
    """One stem record: where to download it (`/export/stem/<id>`, or `/files/<key>` with ranges)."""
    return {
        "id": stem.id,
        "name": stem.name,
        "model": _or_none(stem.model),
        "format": AUDIO_FORMATS.name(output.format) if output is not None and output.format else None,
        "duration": output.duration if output is not None else None,
        "size_bytes": stem.size_bytes,
        "url": f"/export/stem/{stem.id}",
        "file_url": f"/files/{stem.object_key}",
        "job_id": stem.job_id,
        "created_at": iso(stem.created_at) if stem.HasField("created_at") else None,
    }


def separation_job_json(job: jobs_pb2.Job, rows: Sequence[library_pb2.Stem]) -> dict[str, Any]:
    """Seed 001's poll: `{id, status, progress, model, stems, error}`; stems once completed."""
    outputs = {output.name: output for output in job.result.separation.stems}
    failed = job.status == jobs_pb2.JOB_STATUS_FAILED
    model = job.params.separation.model or payloads_pb2.SEPARATION_MODEL_HTDEMUCS
    return {
        "id": job.id,
        "status": status_name(job.status),
        "progress": job.progress,
        "model": SEPARATION_MODELS.name(model),
        "engine": SEPARATION_ENGINES.name(
            job.params.separation.engine or payloads_pb2.SEPARATION_ENGINE_LOCAL
        ),
        "stems": [stem_json(row, outputs.get(row.name)) for row in rows],
        "reused": job.result.separation.reused if job.status == jobs_pb2.JOB_STATUS_COMPLETED else None,
        "error": (job.error or "failed") if failed else _or_none(job.error),
    }


def separation_model_json(model: separation_pb2.ModelInfo) -> dict[str, Any]:
    return {
        "name": model.name,
        "description": model.description,
        "stems": model.stems,
        "sources": list(model.sources),
        "available": model.available,
    }
