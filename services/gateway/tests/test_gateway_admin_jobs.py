"""GET /api/admin/jobs: the system-wide job overview (counts by kind and status, newest jobs), admins only."""

from __future__ import annotations

from typing import Any

import pytest

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.testing.job_params import job_params

pytestmark = pytest.mark.asyncio(loop_scope="session")

URL = "/api/admin/jobs"
KINDS = ["download", "separation", "analysis", "generation", "pipeline"]
STATUSES = ["queued", "downloading", "processing", "completed", "failed", "cancelled"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def admin_token(gateway) -> str:
    admin, token = await gateway.bearer()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin["id"], role="admin")
    )
    return str(token)


async def new_job(gateway, owner_id: str, kind: jobs_pb2.JobKind) -> jobs_pb2.Job:
    request = library_pb2.CreateJobRequest(owner_id=owner_id, params=job_params(kind))
    job: jobs_pb2.Job = await gateway.backends.clients.library.CreateJob(request)
    return job


async def overview(gateway, token: str, **params: Any) -> dict[str, Any]:
    response = await gateway.client().get(URL, params=params, headers=bearer(token))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_counts_cover_every_user_s_jobs_by_kind_and_status(gateway) -> None:
    token = await admin_token(gateway)
    (alice, _), (bob, _) = await gateway.bearer(), await gateway.bearer()
    before = (await overview(gateway, token))["data"]["counts"]
    assert list(before["by_status"]) == STATUSES and list(before["by_kind"]) == KINDS
    assert all(list(row["by_status"]) == STATUSES for row in before["by_kind"].values())

    await new_job(gateway, alice["id"], jobs_pb2.JOB_KIND_ANALYSIS)
    cancelled = await new_job(gateway, bob["id"], jobs_pb2.JOB_KIND_ANALYSIS)
    await gateway.backends.clients.library.CancelJob(
        library_pb2.CancelJobRequest(owner_id=bob["id"], job_id=cancelled.id)
    )
    # Kinds no service of this module's works on (ingest would take a download), so they stay queued.
    await new_job(gateway, bob["id"], jobs_pb2.JOB_KIND_GENERATION)

    after = (await overview(gateway, token))["data"]["counts"]
    assert after["total"] == before["total"] + 3
    assert after["by_status"]["queued"] == before["by_status"]["queued"] + 2
    assert after["by_status"]["cancelled"] == before["by_status"]["cancelled"] + 1
    analysis, generation = after["by_kind"]["analysis"], after["by_kind"]["generation"]
    assert analysis["total"] == before["by_kind"]["analysis"]["total"] + 2
    assert analysis["by_status"]["cancelled"] == before["by_kind"]["analysis"]["by_status"]["cancelled"] + 1
    assert generation["by_status"]["queued"] == before["by_kind"]["generation"]["by_status"]["queued"] + 1
    assert after["total"] == sum(row["total"] for row in after["by_kind"].values())
    assert after["total"] == sum(after["by_status"].values())


async def test_the_newest_jobs_of_every_user_are_paginated_with_their_owner(gateway) -> None:
    token = await admin_token(gateway)
    (alice, _), (bob, _) = await gateway.bearer(), await gateway.bearer()
    older = await new_job(gateway, alice["id"], jobs_pb2.JOB_KIND_SEPARATION)
    newer = await new_job(gateway, bob["id"], jobs_pb2.JOB_KIND_GENERATION)
    first = await overview(gateway, token, page_size=1)
    assert [job["id"] for job in first["data"]["jobs"]] == [newer.id]
    job = first["data"]["jobs"][0]
    assert (job["owner_id"], job["kind"], job["status"]) == (bob["id"], "generation", "queued")
    meta = first["meta"]
    assert meta["page"] == 1 and meta["page_size"] == 1
    assert meta["total_count"] == meta["total_pages"] == first["data"]["counts"]["total"]
    second = await overview(gateway, token, page=2, page_size=1)
    assert [job["id"] for job in second["data"]["jobs"]] == [older.id]
    assert second["data"]["jobs"][0]["owner_id"] == alice["id"]
    # Filters narrow the list, never the counts.
    separations = await overview(gateway, token, kind="separation", page_size=100)
    assert {job["kind"] for job in separations["data"]["jobs"]} == {"separation"}
    assert older.id in {job["id"] for job in separations["data"]["jobs"]}
    assert separations["data"]["counts"] == first["data"]["counts"]
    assert separations["meta"]["total_count"] == first["data"]["counts"]["by_kind"]["separation"]["total"]


async def test_only_admins_see_the_overview(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    forbidden = await client.get(URL, headers=bearer(token))
    assert forbidden.status_code == 403
    assert forbidden.json() == {"error": "admin role required", "code": "FORBIDDEN"}
    anonymous = await client.get(URL)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "UNAUTHORIZED"


@pytest.mark.parametrize(
    ("params", "field"),
    [({"kind": "mining"}, "kind"), ({"status": "stuck"}, "status"), ({"page_size": 0}, "page_size")],
)
async def test_bad_filters_are_422_naming_the_parameter(gateway, params: dict[str, Any], field: str) -> None:
    token = await admin_token(gateway)
    response = await gateway.client().get(URL, params=params, headers=bearer(token))
    assert response.status_code == 422 and list(response.json()["details"]) == [field]
