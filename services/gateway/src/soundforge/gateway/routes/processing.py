"""Stem separation (seed 001 "Processing"): queue a job for a track, poll it, list the models."""

from __future__ import annotations

from typing import Any, cast

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import SeparationJobData, SeparationModelsData, SeparationQueuedData
from soundforge.gateway.serializers import separation_job_json, separation_model_json
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import status_name
from soundforge.runtime.errors import NotFound
from soundforge.runtime.vocabulary import AUDIO_FORMATS, SEPARATION_ENGINES, SEPARATION_MODELS
from soundforge.separation.v1 import separation_pb2

router = APIRouter(prefix="/processing", tags=["processing"])


class SeparateBody(BaseModel):
    """Seed 001's `{track_id, model, engine}`, plus what Demucs' own CLI lets a user choose."""

    track_id: Text = Field(min_length=1)
    model: Text = Field(default="htdemucs", description=f"one of {', '.join(SEPARATION_MODELS.names)}")
    engine: Text = Field(default="local", description='"local" (Demucs) or "lalalai"')
    format: Text = Field(default="wav", description="stem files: wav (24-bit), flac or mp3")
    two_stems: Text | None = Field(
        default=None,
        description='one source of the model (e.g. "vocals"): that stem plus "no_<source>", the rest mixed',
    )
    segment: float | None = Field(
        default=None, description="seconds per model window (default: the model's own)"
    )
    overlap: float | None = Field(
        default=None, ge=0, le=0.5, description="overlap of windows, 0-0.5 (default 0.25)"
    )
    shifts: int = Field(default=0, ge=0, le=10, description="random time shifts averaged (better, slower)")


def _params(body: SeparateBody) -> payloads_pb2.SeparationParams:
    params = payloads_pb2.SeparationParams(
        model=cast(payloads_pb2.SeparationModel, SEPARATION_MODELS.value(body.model, "model")),
        engine=cast(payloads_pb2.SeparationEngine, SEPARATION_ENGINES.value(body.engine, "engine")),
        format=cast(payloads_pb2.AudioFormat, AUDIO_FORMATS.value(body.format, "format")),
        two_stems=body.two_stems or "",
        shifts=body.shifts,
    )
    if body.segment is not None:
        params.segment = body.segment
    if body.overlap is not None:
        params.overlap = body.overlap
    return params


@router.post(
    "/separate",
    status_code=201,
    response_model=SeparationQueuedData,
    responses=error_responses(400, *CSRF_ERRORS, 404, 409, 422),
)
async def separate(body: SeparateBody, user: CurrentUser, context: Context) -> dict[str, Any]:
    """Queues a separation of the caller's track; 409 while the track is still being ingested."""
    params = _params(body)
    job = await context.clients.separation.Separate(
        separation_pb2.SeparateRequest(owner_id=user.id, track_id=body.track_id, params=params)
    )
    model = SEPARATION_MODELS.name(job.params.separation.model or payloads_pb2.SEPARATION_MODEL_HTDEMUCS)
    return {
        "data": {
            "job_id": job.id,
            "track_id": job.track_id,
            "model": model,
            "status": status_name(job.status),
        }
    }


@router.get("/job/{job_id}", response_model=SeparationJobData, responses=error_responses(404))
async def get_job(job_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    """Status and progress; `stems` lists the stem records once the job completed."""
    library = context.clients.library
    job = await library.GetJob(library_pb2.GetJobRequest(owner_id=user.id, job_id=job_id))
    if job.kind != jobs_pb2.JOB_KIND_SEPARATION:
        raise NotFound("job not found")
    rows: list[library_pb2.Stem] = []
    if job.status == jobs_pb2.JOB_STATUS_COMPLETED and job.track_id:
        reply = await library.ListStems(library_pb2.ListStemsRequest(owner_id=user.id, track_id=job.track_id))
        rows = [row for row in reply.stems if row.job_id == job.id]
    return {"data": separation_job_json(job, rows)}


@router.get("/models", response_model=SeparationModelsData)
async def list_models(user: CurrentUser, context: Context) -> dict[str, Any]:
    """Seed 001's list; each entry adds its sources and whether its weights are on this deployment."""
    reply = await context.clients.separation.ListModels(separation_pb2.ListModelsRequest())
    return {"data": {"models": [separation_model_json(m) for m in reply.models]}}
