"""Downloads by URL (seed 001 "Download"): queue a job per item, poll one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import DownloadJobData, DownloadQueuedData
from soundforge.gateway.serializers import download_job_json, job_queued_json
from soundforge.ingest.v1 import ingest_pb2
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import NotFound

router = APIRouter(prefix="/download", tags=["downloads"])


class DownloadBody(BaseModel):
    # Both are judged by ingest (one place for the URL policy and the quality names); a blank
    # URL answers {"url": ["can't be blank"]}, an unknown quality lists the four there are.
    url: Text
    quality: Text | None = None


@router.post(
    "/track",
    status_code=201,
    response_model=DownloadQueuedData,
    response_model_exclude_unset=True,
    responses=error_responses(400, *CSRF_ERRORS, 404, 422, 502),
)
async def start_download(body: DownloadBody, user: CurrentUser, context: Context) -> dict[str, Any]:
    """`{"data": {"job_id", "track_id", "status"}}`; a playlist URL adds `jobs`, one such object per entry."""
    reply = await context.clients.ingest.StartDownload(
        ingest_pb2.StartDownloadRequest(owner_id=user.id, url=body.url, quality=body.quality or "")
    )
    queued = [{**job_queued_json(item.job), "track_id": item.track_id} for item in reply.jobs]
    data: dict[str, Any] = dict(queued[0])
    if len(queued) > 1:
        data["jobs"] = queued
    return {"data": data}


@router.get("/job/{job_id}", response_model=DownloadJobData, responses=error_responses(404))
async def get_download_job(job_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    job = await context.clients.library.GetJob(library_pb2.GetJobRequest(owner_id=user.id, job_id=job_id))
    if job.kind != jobs_pb2.JOB_KIND_DOWNLOAD:
        # Each product's poll route shows its own kind only; another kind's id is "no such job" here.
        raise NotFound("job not found")
    return {"data": download_job_json(job)}
