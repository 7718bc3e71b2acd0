"""Audio analysis: queue a job for a track, poll it, read the stored features."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soundforge.analysis.v1 import analysis_pb2
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import AnalysisData, JobPollData, JobQueuedData
from soundforge.gateway.serializers import analysis_json, job_queued_json, job_status_json
from soundforge.jobs.v1 import jobs_pb2
from soundforge.jobs.v1.payloads_pb2 import AnalysisParams
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import NotFound

router = APIRouter(prefix="/analysis", tags=["analysis"])


class AnalyzeBody(BaseModel):
    track_id: Text = Field(min_length=1)
    # The analysis service validates the names; "all" is the documented default.
    features: list[Text] = Field(default_factory=lambda: ["all"])


@router.post(
    "/analyze",
    status_code=201,
    response_model=JobQueuedData,
    responses=error_responses(400, *CSRF_ERRORS, 404, 422),
)
async def analyze(body: AnalyzeBody, user: CurrentUser, context: Context) -> dict[str, Any]:
    job = await context.clients.analysis.Analyze(
        analysis_pb2.AnalyzeRequest(
            owner_id=user.id, track_id=body.track_id, params=AnalysisParams(features=body.features)
        )
    )
    return {"data": job_queued_json(job)}


@router.get(
    "/job/{job_id}",
    response_model=JobPollData,
    response_model_exclude_unset=True,
    responses=error_responses(404),
)
async def get_job(job_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    job = await context.clients.library.GetJob(library_pb2.GetJobRequest(owner_id=user.id, job_id=job_id))
    if job.kind != jobs_pb2.JOB_KIND_ANALYSIS:
        # Each product's poll route shows its own kind only; another kind's id is "no such job" here.
        raise NotFound("job not found")
    return {"data": job_status_json(job)}


@router.get("/{track_id}", response_model=AnalysisData, responses=error_responses(404))
async def get_track_analysis(track_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    analysis = await context.clients.library.GetTrackAnalysis(
        library_pb2.GetTrackAnalysisRequest(owner_id=user.id, track_id=track_id)
    )
    return {"data": analysis_json(analysis)}
