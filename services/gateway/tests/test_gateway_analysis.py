"""Analysis job polling through the gateway: owner-scoped, analysis jobs only, the seed's shape."""

from __future__ import annotations

from typing import Any

import pytest

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.testing.job_params import job_params

pytestmark = pytest.mark.asyncio(loop_scope="session")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _job(gateway, owner_id: str, kind: jobs_pb2.JobKind) -> jobs_pb2.Job:
    """A job record straight in the (real) library, as the analysis service's Analyze creates it."""
    request = library_pb2.CreateJobRequest(owner_id=owner_id, track_id="t-1", params=job_params(kind))
    job: jobs_pb2.Job = await gateway.backends.clients.library.CreateJob(request)
    return job


async def test_poll_an_analysis_job(gateway) -> None:
    user, token = await gateway.bearer()
    job = await _job(gateway, user["id"], jobs_pb2.JOB_KIND_ANALYSIS)
    response = await gateway.client().get(f"/api/analysis/job/{job.id}", headers=bearer(token))
    assert response.status_code == 200
    assert response.json() == {"data": {"id": job.id, "status": "queued", "progress": 0, "result": None}}


async def test_another_kind_of_job_and_another_users_job_are_404(gateway) -> None:
    user, token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    download = await _job(gateway, user["id"], jobs_pb2.JOB_KIND_DOWNLOAD)
    analysis = await _job(gateway, user["id"], jobs_pb2.JOB_KIND_ANALYSIS)
    client = gateway.client()
    wrong_kind = await client.get(f"/api/analysis/job/{download.id}", headers=bearer(token))
    assert wrong_kind.status_code == 404
    assert wrong_kind.json() == {"error": "job not found", "code": "NOT_FOUND"}
    foreign = await client.get(f"/api/analysis/job/{analysis.id}", headers=bearer(other_token))
    assert foreign.status_code == 404
    unknown = await client.get(
        "/api/analysis/job/00000000-0000-0000-0000-000000000000", headers=bearer(token)
    )
    assert unknown.status_code == 404


async def test_analyze_validates_its_body(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        "/api/analysis/analyze", json={"features": "tempo"}, headers=bearer(token)
    )
    assert response.status_code == 422
    details = response.json()["details"]
    assert details["track_id"] == ["can't be blank"]
    assert "features" in details


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"track_id": ""}, {"track_id": ["can't be blank"]}),
        ({"track_id": "t-1", "features": ["tempo", 5]}, {"features": ["Input should be a valid string"]}),
    ],
)
async def test_analyze_details_name_the_fields_sent(gateway, body: dict[str, Any], details: Any) -> None:
    """Seed 000's 422: `details` keyed by field name, a blank value "can't be blank"."""
    _, token = await gateway.bearer()
    response = await gateway.client().post("/api/analysis/analyze", json=body, headers=bearer(token))
    assert response.status_code == 422
    assert response.json() == {"error": "validation failed", "code": "VALIDATION_ERROR", "details": details}
