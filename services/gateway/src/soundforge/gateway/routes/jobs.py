"""The caller's jobs of every kind: list recent ones (filter by kind and status), fetch one, cancel one."""

from __future__ import annotations

from typing import Any, cast

from fastapi import APIRouter, Response

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.pagination import PageQuery
from soundforge.gateway.response_models import JobData, JobKindName, JobPage, JobStatusName
from soundforge.gateway.serializers import job_json, page_meta_json
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import kind_value, status_value

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.get("", response_model=JobPage, responses=error_responses(422))
async def list_jobs(
    user: CurrentUser,
    context: Context,
    page: PageQuery,
    # Names outside soundforge.jobs.v1.JobKind / JobStatus are a 422 before any RPC.
    kind: JobKindName | None = None,
    status: JobStatusName | None = None,
) -> dict[str, Any]:
    """Newest first, paginated like every list (`meta`)."""
    listed = await context.clients.library.ListJobs(
        library_pb2.ListJobsRequest(
            owner_id=user.id,
            page=page,
            kind=cast(jobs_pb2.JobKind, kind_value(kind)) if kind else jobs_pb2.JOB_KIND_UNSPECIFIED,
            status=cast(jobs_pb2.JobStatus, status_value(status))
            if status
            else jobs_pb2.JOB_STATUS_UNSPECIFIED,
        )
    )
    return {"data": [job_json(job) for job in listed.jobs], "meta": page_meta_json(listed.meta)}


@router.get("/{job_id}", response_model=JobData, responses=error_responses(404))
async def get_job(job_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    job = await context.clients.library.GetJob(library_pb2.GetJobRequest(owner_id=user.id, job_id=job_id))
    return {"data": job_json(job)}


@router.delete("/{job_id}", status_code=204, responses=error_responses(*CSRF_ERRORS, 404, 409))
async def cancel_job(job_id: Text, user: CurrentUser, context: Context) -> Response:
    """Queued or running -> cancelled (a running job's worker is told to stop); finished -> 409.

    204 like every DELETE success (seed 000); `GET /api/jobs/{id}` shows the cancelled job.
    """
    await context.clients.library.CancelJob(library_pb2.CancelJobRequest(owner_id=user.id, job_id=job_id))
    return Response(status_code=204)
