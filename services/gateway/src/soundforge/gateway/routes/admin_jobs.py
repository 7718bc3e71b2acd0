"""Admin-only job overview: counts by kind and status across every user, and the newest jobs of all."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from fastapi import APIRouter

from soundforge.gateway.admin_responses import JobOverviewPage, admin_job_json, job_counts_json
from soundforge.gateway.auth import AdminUser
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import error_responses
from soundforge.gateway.pagination import PageQuery
from soundforge.gateway.response_models import JobKindName, JobStatusName
from soundforge.gateway.serializers import page_meta_json
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import kind_value, status_value

router = APIRouter(prefix="/admin/jobs", tags=["admin"])


@router.get("", response_model=JobOverviewPage, responses=error_responses(403, 422))
async def job_overview(
    admin: AdminUser,
    context: Context,
    page: PageQuery,
    # Filter the listed jobs as /api/jobs does; the counts are always of every job.
    kind: JobKindName | None = None,
    status: JobStatusName | None = None,
) -> dict[str, Any]:
    """System-wide: how many jobs of each kind are in each status, and the newest jobs (paginated)."""
    library = context.clients.library
    listed, counted = await asyncio.gather(
        library.ListJobs(
            library_pb2.ListJobsRequest(
                all_owners=True,
                page=page,
                kind=cast(jobs_pb2.JobKind, kind_value(kind)) if kind else jobs_pb2.JOB_KIND_UNSPECIFIED,
                status=cast(jobs_pb2.JobStatus, status_value(status))
                if status
                else jobs_pb2.JOB_STATUS_UNSPECIFIED,
            )
        ),
        library.CountJobs(library_pb2.CountJobsRequest(all_owners=True)),
    )
    return {
        "data": {
            "counts": job_counts_json(counted.counts),
            "jobs": [admin_job_json(job) for job in listed.jobs],
        },
        "meta": page_meta_json(listed.meta),
    }
