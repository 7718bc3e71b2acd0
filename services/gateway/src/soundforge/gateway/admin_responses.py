"""The bodies of the admin routes (`/api/admin/users`, `/api/admin/jobs`): their models and serializers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

from soundforge.gateway.response_models import Job, JobKindName, JobStatusName, PageMeta, User
from soundforge.gateway.serializers import job_json, user_json
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import kind_name, status_name

UserStatus = Literal["active", "disabled"]
RoleName = Literal["user", "admin"]
JOB_KINDS: tuple[str, ...] = get_args(JobKindName)
JOB_STATUSES: tuple[str, ...] = get_args(JobStatusName)


class AdminUser(User):
    status: UserStatus = Field(description="a disabled user's sessions and API keys no longer authenticate")


class AdminUserData(BaseModel):
    data: AdminUser


class AdminUserPage(BaseModel):
    data: list[AdminUser]
    meta: PageMeta


class KindCounts(BaseModel):
    total: int
    by_status: dict[JobStatusName, int] = Field(description="every status, 0 when none")


class JobCounts(BaseModel):
    total: int = Field(description="every job of every user")
    by_status: dict[JobStatusName, int] = Field(description="every status, 0 when none")
    by_kind: dict[JobKindName, KindCounts] = Field(description="every kind, each by status")


class AdminJob(Job):
    owner_id: str


class JobOverview(BaseModel):
    counts: JobCounts
    jobs: list[AdminJob] = Field(description="the newest jobs of every user (this page of them)")


class JobOverviewPage(BaseModel):
    data: JobOverview
    meta: PageMeta = Field(description="pages `jobs`; `counts` are always of every job")


def admin_user_json(user: library_pb2.User) -> dict[str, Any]:
    return {**user_json(user), "status": "disabled" if user.disabled else "active"}


def admin_job_json(job: jobs_pb2.Job) -> dict[str, Any]:
    return {**job_json(job), "owner_id": job.owner_id}


def job_counts_json(counts: Iterable[library_pb2.JobCount]) -> dict[str, Any]:
    """Every kind and status present with 0s, so a dashboard reads the same keys whatever ran."""
    by_kind = {kind: {status: 0 for status in JOB_STATUSES} for kind in JOB_KINDS}
    for count in counts:
        kind, status = kind_name(count.kind), status_name(count.status)
        if kind in by_kind and status in by_kind[kind]:
            by_kind[kind][status] += count.count
    by_status = {status: sum(row[status] for row in by_kind.values()) for status in JOB_STATUSES}
    return {
        "total": sum(by_status.values()),
        "by_status": by_status,
        "by_kind": {kind: {"total": sum(row.values()), "by_status": row} for kind, row in by_kind.items()},
    }
