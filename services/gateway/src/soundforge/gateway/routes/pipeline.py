"""The Audio Pipeline (seed 004) under /pipeline: upload, poll the four stages, download the outputs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from soundforge.gateway.attachments import content_disposition
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import NUL_MESSAGE, UNICODE_MESSAGE, Text
from soundforge.gateway.context import Context, GatewayContext
from soundforge.gateway.media_types import NOSNIFF, served_media_type
from soundforge.gateway.openapi_errors import CSRF_ERRORS, PIPELINE_LIMIT_ERRORS, detail_responses
from soundforge.gateway.pipeline_upload import (
    NO_FILENAME,
    PipelineStaging,
    not_audio,
    pipeline_params,
)
from soundforge.gateway.readiness import OK, library_check, service_check
from soundforge.gateway.response_models import PipelineConfig, PipelineHealth, PipelineJob
from soundforge.gateway.routes.tracks import IngestStaging
from soundforge.gateway.settings import MEGABYTE
from soundforge.gateway.upload_stream import FILE_FIELD, MULTIPART_OVERHEAD, abort_quietly, receive_upload
from soundforge.gateway.zip_stream import ZipEntry, zip_stream
from soundforge.ingest.v1 import ingest_pb2
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import (
    InvalidArgument,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    error_from_code,
)
from soundforge.runtime.pipeline_records import (
    STAGE_COUNT,
    config_json,
    finished_outputs,
    outputs,
    pipeline_job_json,
)
from soundforge.runtime.vocabulary import SEPARATION_MODELS
from soundforge.separation.v1 import separation_pb2
from soundforge.storage import BlobInfo

router = APIRouter(prefix="/pipeline", tags=["pipeline"])

VERSION = "1.0.0"
SEPARATION_SERVICE = separation_pb2.DESCRIPTOR.services_by_name["SeparationService"].full_name
JOB_NOT_FOUND = "Job not found"
TRACK_NOT_FOUND = "Track not found"
MEDIA_TYPES = {".wav": "audio/wav", ".flac": "audio/flac", ".mp3": "audio/mpeg"}
# Every route but /health is counted by the rate limiter; every authenticated one may answer 401.
USER_ERRORS = (401, *PIPELINE_LIMIT_ERRORS)
TEXT_PROBLEMS = {NUL_MESSAGE, UNICODE_MESSAGE}

PROCESS_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        FILE_FIELD: {"type": "string", "format": "binary"},
                        "model": {"type": "string", "enum": SEPARATION_MODELS.names},
                        "callback_url": {
                            "type": "string",
                            "format": "uri",
                            "description": "POSTed the job record when it completes or fails",
                        },
                    },
                    "required": [FILE_FIELD],
                }
            }
        },
    }
}
ZIP_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Every output as one ZIP, built while it is sent.",
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
    }
}
AUDIO_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The output as an audio file.",
        "content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.get(
    "/health",
    response_model=PipelineHealth,
    responses={
        503: {"model": PipelineHealth, "description": "The separation service or the library is down."}
    },
)
async def health(context: Context) -> Any:
    """ "healthy" only while the separation service and the library answer their health checks."""
    seconds = context.settings.health_timeout_seconds
    checks = await asyncio.gather(
        service_check(context.clients.separation_health, SEPARATION_SERVICE, seconds),
        library_check(context.clients.library_health, seconds),
    )
    healthy = all(check == OK for check in checks)
    body = {
        "status": "healthy" if healthy else "unhealthy",
        "version": VERSION,
        "pipeline_stages": STAGE_COUNT,
    }
    return body if healthy else JSONResponse(body, status_code=503)


async def _config(context: GatewayContext) -> separation_pb2.PipelineConfig:
    return await context.clients.separation.GetPipelineConfig(separation_pb2.GetPipelineConfigRequest())


async def _stages(context: GatewayContext) -> list[separation_pb2.StageInfo]:
    """The four stages never change: asked once and kept, so a poll or a download works while the
    separation service restarts (the job record is the library's)."""
    stages: list[separation_pb2.StageInfo] | None = context.memo.get("pipeline_stages")
    if stages is None:
        stages = list((await _config(context)).stages)
        context.memo["pipeline_stages"] = stages
    return stages


@router.get("/config", response_model=PipelineConfig, responses=detail_responses(*PIPELINE_LIMIT_ERRORS))
async def config(context: Context) -> dict[str, Any]:
    """The real limits: the largest upload, the formats taken, the four stages in order."""
    return config_json(await _config(context))


def _declared_length(request: Request) -> int | None:
    raw = request.headers.get("content-length")
    try:
        return None if raw is None else int(raw)
    except ValueError:
        raise InvalidArgument("invalid Content-Length") from None


@router.post(
    "/process",
    response_model=PipelineJob,
    responses=detail_responses(400, *CSRF_ERRORS, 413, 422, *USER_ERRORS),
    openapi_extra=PROCESS_OPENAPI,
)
async def process(request: Request, user: CurrentUser, context: Context) -> dict[str, Any]:
    """Stores the upload as a track and queues its pipeline; answers at once with the four stages.

    400: no file (`No filename provided`) or a format `/pipeline/config` does not list; 413: larger
    than its `max_file_size_mb`.
    """
    pipeline = await _config(context)
    max_bytes = min(context.settings.max_upload_bytes, pipeline.max_file_size_mb * MEGABYTE)
    too_large = PayloadTooLarge(f"File too large: the limit is {_size_text(max_bytes)}")
    declared = _declared_length(request)
    if declared is not None and declared > max_bytes + MULTIPART_OVERHEAD:
        raise too_large  # refused before a byte is read or anything is staged
    ingest = context.clients.ingest
    staging = PipelineStaging(IngestStaging(ingest, user.id, max_bytes), pipeline.supported_formats)
    try:
        upload = await receive_upload(
            request.stream(),
            request.headers.get("content-type"),
            staging=staging,
            blobs=context.blobs,
            max_body_bytes=max_bytes + MULTIPART_OVERHEAD,
        )
    except UnsupportedMediaType:
        raise InvalidArgument(NO_FILENAME) from None  # not a multipart body, so no file in it
    except ValidationFailed as err:
        if FILE_FIELD in err.details and not upload_named(err):
            raise InvalidArgument(NO_FILENAME) from None
        raise
    except PayloadTooLarge:
        raise too_large from None
    try:
        params = pipeline_params(upload.fields)
        await _require_available(context, params.model)
        completed = await ingest.CompleteUpload(
            ingest_pb2.CompleteUploadRequest(
                owner_id=user.id, upload_id=upload.staging.upload_id, size_bytes=upload.size
            )
        )
    except BaseException as err:
        await abort_quietly(staging, upload.staging.upload_id)
        if isinstance(err, UnsupportedMediaType):
            # The name said a supported format; the bytes are not audio of any kind.
            raise not_audio(upload.filename) from None
        raise
    job = await context.clients.separation.StartPipeline(
        separation_pb2.StartPipelineRequest(owner_id=user.id, track_id=completed.track.id, params=params)
    )
    return pipeline_job_json(job, pipeline.stages)


async def _require_available(context: GatewayContext, model: int) -> None:
    """503 MODEL_UNAVAILABLE for a model GET /api/processing/models says is not available, before
    the upload becomes a track (StartPipeline refuses it too, but only after)."""
    model = model or payloads_pb2.SEPARATION_MODEL_HTDEMUCS
    reply = await context.clients.separation.ListModels(separation_pb2.ListModelsRequest())
    for info in reply.models:
        if info.model == model and not info.available:
            # The service's own reason, the one StartPipeline would give (ModelCatalog.reason).
            name = SEPARATION_MODELS.name(model)
            reason = info.unavailable_reason or f"model {name} has no weights on this deployment"
            raise error_from_code("MODEL_UNAVAILABLE", reason)


def _size_text(size: int) -> str:
    return f"{size // MEGABYTE} MB" if size % MEGABYTE == 0 else f"{size} bytes"


def upload_named(err: ValidationFailed) -> bool:
    """Whether a 422 about `file` is about its name's text (a NUL), not a missing file part.

    A `file` part without a file name is a text field to the parser (too long for one, or blank).
    """
    return any(problem in TEXT_PROBLEMS for problem in err.details.get(FILE_FIELD, []))


async def _pipeline_job(context: GatewayContext, user_id: str, job_id: str) -> jobs_pb2.Job:
    """The caller's pipeline job; another user's, another kind's or an unknown id is the same 404.

    So is a job whose track was deleted: every pipeline job has one (its upload), and deleting it
    removes the outputs stored under it and unlinks the job (track_id ""). The job is gone with
    them, so its record, outputs and downloads all answer "Job not found" rather than listing
    downloads that 404.
    """
    try:
        job = await context.clients.library.GetJob(library_pb2.GetJobRequest(owner_id=user_id, job_id=job_id))
    except (NotFound, InvalidArgument):
        raise NotFound(JOB_NOT_FOUND) from None
    if job.kind != jobs_pb2.JOB_KIND_PIPELINE or not job.track_id:
        raise NotFound(JOB_NOT_FOUND)
    return job


@router.get("/job/{job_id}", response_model=PipelineJob, responses=detail_responses(404, 422, *USER_ERRORS))
async def get_job(job_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    """The job record: overall status, each stage as it moves, and outputs as download paths."""
    job = await _pipeline_job(context, user.id, job_id)  # first: an unknown job is 404 whatever else fails
    return pipeline_job_json(job, await _stages(context))


@router.get(
    "/job/{job_id}/outputs",
    response_model=dict[str, str],
    responses=detail_responses(404, 422, *USER_ERRORS),
)
async def get_outputs(job_id: Text, user: CurrentUser, context: Context) -> dict[str, str]:
    """Only the outputs (name -> download path); empty until the job completed."""
    return outputs(await _pipeline_job(context, user.id, job_id))


def _suffix(output: payloads_pb2.NamedOutput) -> str:
    name = output.object_key.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


@router.get(
    "/download/{job_id}/all",
    response_class=StreamingResponse,
    responses={**ZIP_RESPONSE, **detail_responses(404, 422, *USER_ERRORS)},
)
async def download_all(job_id: Text, user: CurrentUser, context: Context) -> StreamingResponse:
    """Every output of a completed job as one ZIP (`<name>.wav` entries), streamed as it is built."""
    job = await _pipeline_job(context, user.id, job_id)
    chosen = finished_outputs(job)
    if not chosen:
        raise NotFound("Job has no outputs yet")
    entries = []
    for output in chosen:
        info = await _stat(context, output)  # a missing object is a 404 before the archive starts
        entries.append(ZipEntry(f"{output.name}{_suffix(output)}", output.object_key, info.size))
    return StreamingResponse(
        zip_stream(context.blobs, entries),
        media_type="application/zip",
        headers={"Content-Disposition": content_disposition(f"pipeline-{job.id}.zip"), **NOSNIFF},
    )


async def _stat(context: GatewayContext, output: payloads_pb2.NamedOutput) -> BlobInfo:
    try:
        return await context.blobs.stat(output.object_key)
    except NotFound:
        raise NotFound(TRACK_NOT_FOUND) from None


@router.get(
    "/download/{job_id}/{track_name}",
    response_class=StreamingResponse,
    responses={**AUDIO_RESPONSE, **detail_responses(404, 422, *USER_ERRORS)},
)
async def download_track(
    job_id: Text, track_name: Text, user: CurrentUser, context: Context
) -> StreamingResponse:
    """One output (vocals, drums, ..., main_percussive) as audio; a name that is not an output is 404."""
    job = await _pipeline_job(context, user.id, job_id)
    output = next((o for o in finished_outputs(job) if o.name == track_name), None)
    if output is None:
        raise NotFound(TRACK_NOT_FOUND)
    info = await _stat(context, output)
    chunks = context.blobs.get_stream(output.object_key)
    try:
        # Read before the status goes out: an object gone since the stat is still a clean 404.
        first = await anext(chunks, b"")
    except NotFound:
        raise NotFound(TRACK_NOT_FOUND) from None
    suffix = _suffix(output)
    return StreamingResponse(
        _resume(first, chunks),
        media_type=MEDIA_TYPES.get(suffix) or served_media_type(info.content_type, output.object_key),
        headers={
            "Content-Length": str(info.size),
            "Content-Disposition": content_disposition(f"{output.name}{suffix}"),
            **NOSNIFF,
        },
    )


async def _resume(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if first:
        yield first
    async for chunk in rest:
        yield chunk
