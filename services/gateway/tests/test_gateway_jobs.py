"""/api/jobs through the gateway: the caller's jobs of every kind, filters, and cancelling at each stage."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from soundforge.events import JobContext, JobWorker, UpdateWatcher
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.testing.job_params import job_params
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

JOB_FIELDS = {
    "id", "kind", "status", "progress", "stage", "error", "track_id", "params", "result", "attempts",
    "created_at", "updated_at", "started_at", "finished_at",
}  # fmt: skip


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _job(gateway: Any, owner_id: str, kind: jobs_pb2.JobKind, **fields: Any) -> jobs_pb2.Job:
    """A job record straight in the (real) library, as the service owning the kind creates it."""
    request = library_pb2.CreateJobRequest(owner_id=owner_id, params=job_params(kind), **fields)
    job: jobs_pb2.Job = await gateway.backends.clients.library.CreateJob(request)
    return job


async def _poll(client: httpx.AsyncClient, job_id: str, token: str, status: str) -> dict[str, Any]:
    async def job() -> dict[str, Any]:
        response = await client.get(f"/api/jobs/{job_id}", headers=bearer(token))
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()["data"]
        return data

    return await eventually(job, lambda j: j["status"] == status, what=f"job {job_id} {status}")


async def test_a_job_has_the_one_documented_shape(gateway) -> None:
    user, token = await gateway.bearer()
    job = await _job(
        gateway,
        user["id"],
        jobs_pb2.JOB_KIND_SEPARATION,
        track_id="t-1",
    )
    response = await gateway.client().get(f"/api/jobs/{job.id}", headers=bearer(token))
    assert response.status_code == 200
    data = response.json()["data"]
    assert set(data) == JOB_FIELDS
    assert (data["id"], data["kind"], data["status"], data["progress"]) == (job.id, "separation", "queued", 0)
    assert (data["track_id"], data["params"], data["result"], data["error"]) == (
        "t-1",
        {},
        None,
        None,
    )
    assert data["attempts"] == 0 and data["stage"] is None
    assert data["created_at"].endswith("Z") and data["started_at"] is None and data["finished_at"] is None


async def test_list_is_newest_first_paginated_and_filtered(gateway) -> None:
    user, token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    # Generation: no worker runs here to take it, so it stays queued.
    kinds = [jobs_pb2.JOB_KIND_ANALYSIS, jobs_pb2.JOB_KIND_GENERATION, jobs_pb2.JOB_KIND_ANALYSIS]
    made = [await _job(gateway, user["id"], kind) for kind in kinds]
    await gateway.backends.bus.publish_update(
        "analysis", "completed", jobs_pb2.JobUpdate(job_id=made[0].id, attempt=1)
    )
    client = gateway.client()
    await _poll(client, made[0].id, token, "completed")

    everything = await client.get("/api/jobs", headers=bearer(token))
    assert everything.status_code == 200
    body = everything.json()
    assert [job["id"] for job in body["data"]] == [job.id for job in reversed(made)]
    assert body["meta"] == {"page": 1, "page_size": 20, "total_count": 3, "total_pages": 1}
    assert all(set(job) == JOB_FIELDS for job in body["data"])

    paged = await client.get("/api/jobs", params={"page": 2, "page_size": 2}, headers=bearer(token))
    assert [job["id"] for job in paged.json()["data"]] == [made[0].id]
    assert paged.json()["meta"] == {"page": 2, "page_size": 2, "total_count": 3, "total_pages": 2}

    analyses = await client.get("/api/jobs", params={"kind": "analysis"}, headers=bearer(token))
    assert [job["id"] for job in analyses.json()["data"]] == [made[2].id, made[0].id]
    done = await client.get(
        "/api/jobs", params={"kind": "analysis", "status": "completed"}, headers=bearer(token)
    )
    assert [job["id"] for job in done.json()["data"]] == [made[0].id]
    queued_generations = await client.get(
        "/api/jobs", params={"kind": "generation", "status": "queued"}, headers=bearer(token)
    )
    assert [job["id"] for job in queued_generations.json()["data"]] == [made[1].id]

    # Another user sees none of them, by list or by id.
    theirs = await client.get("/api/jobs", headers=bearer(other_token))
    assert theirs.json() == {
        "data": [],
        "meta": {"page": 1, "page_size": 20, "total_count": 0, "total_pages": 0},
    }
    foreign = await client.get(f"/api/jobs/{made[0].id}", headers=bearer(other_token))
    assert foreign.status_code == 404
    assert foreign.json() == {"error": "job not found", "code": "NOT_FOUND"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "mixing"}, "kind"),
        ({"status": "paused"}, "status"),
        ({"status": "QUEUED"}, "status"),
        ({"page": 0}, "page"),
        ({"page": 2**31}, "page"),  # past the proto's int32: a 422, not a 500 building the request
        ({"page_size": 101}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
    ],
)
async def test_bad_list_parameters_are_422(gateway, params: dict[str, Any], field: str) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().get("/api/jobs", params=params, headers=bearer(token))
    assert response.status_code == 422
    body = response.json()
    assert (body["error"], body["code"]) == ("validation failed", "VALIDATION_ERROR")
    assert list(body["details"]) == [field]


async def test_unknown_job_is_404_and_anonymous_is_401(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    unknown = await client.get("/api/jobs/00000000-0000-4000-8000-000000000000", headers=bearer(token))
    assert unknown.status_code == 404 and unknown.json()["code"] == "NOT_FOUND"
    gone = await client.delete("/api/jobs/00000000-0000-4000-8000-000000000000", headers=bearer(token))
    assert gone.status_code == 404 and gone.json()["code"] == "NOT_FOUND"
    anonymous = await client.get("/api/jobs")
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "UNAUTHORIZED"


async def test_cancel_a_queued_job_then_again_is_409(gateway) -> None:
    user, token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    # Generation: no worker runs here to take it, so it is surely still queued.
    job = await _job(gateway, user["id"], jobs_pb2.JOB_KIND_GENERATION)
    client = gateway.client()
    foreign = await client.delete(f"/api/jobs/{job.id}", headers=bearer(other_token))
    assert foreign.status_code == 404
    assert foreign.json() == {"error": "job not found", "code": "NOT_FOUND"}

    cancelled = await client.delete(f"/api/jobs/{job.id}", headers=bearer(token))
    assert cancelled.status_code == 204, cancelled.text
    assert cancelled.content == b""
    data = (await client.get(f"/api/jobs/{job.id}", headers=bearer(token))).json()["data"]
    assert set(data) == JOB_FIELDS
    assert (data["id"], data["status"]) == (job.id, "cancelled")
    assert data["finished_at"] is not None

    again = await client.delete(f"/api/jobs/{job.id}", headers=bearer(token))
    assert again.status_code == 409
    assert again.json() == {"error": "job already finished", "code": "CONFLICT"}


async def test_cancel_a_finished_job_is_409(gateway) -> None:
    user, token = await gateway.bearer()
    job = await _job(gateway, user["id"], jobs_pb2.JOB_KIND_ANALYSIS)
    await gateway.backends.bus.publish_update(
        "analysis", "failed", jobs_pb2.JobUpdate(job_id=job.id, attempt=1, error="no audio")
    )
    client = gateway.client()
    failed = await _poll(client, job.id, token, "failed")
    assert failed["error"] == "no audio"
    response = await client.delete(f"/api/jobs/{job.id}", headers=bearer(token))
    assert response.status_code == 409
    assert response.json()["code"] == "CONFLICT"
    assert (await _poll(client, job.id, token, "failed"))["status"] == "failed"


async def test_cancel_with_a_session_needs_the_csrf_token(gateway) -> None:
    session = await gateway.session()
    job = await _job(gateway, session.user["id"], jobs_pb2.JOB_KIND_GENERATION)
    refused = await session.client.delete(f"/api/jobs/{job.id}")
    assert refused.status_code == 403
    assert refused.json()["code"] == "FORBIDDEN"
    accepted = await session.client.delete(f"/api/jobs/{job.id}", headers={"X-CSRF-Token": session.csrf})
    assert accepted.status_code == 204
    shown = await session.client.get(f"/api/jobs/{job.id}")
    assert shown.json()["data"]["status"] == "cancelled"


async def test_cancel_a_running_job_stops_its_worker(gateway) -> None:
    """A real JobWorker on real JetStream holds the job until it is told to stop."""
    bus = gateway.backends.bus
    user, token = await gateway.bearer()
    entered = asyncio.Event()
    stopped: list[str] = []
    # The library hands the new job to the separation worker (this test's stand-in).
    job = await _job(gateway, user["id"], jobs_pb2.JOB_KIND_SEPARATION, track_id="t-9")

    async def endless(ctx: JobContext) -> payloads_pb2.JobResult:
        if ctx.job_id != job.id:
            return payloads_pb2.JobResult()  # queued by other tests of this module: done at once
        await ctx.progress(10, "separating")
        entered.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            stopped.append(ctx.job_id)
            raise
        return payloads_pb2.JobResult()

    worker = JobWorker(bus, "separation", endless, fetch_timeout=0.5)
    watcher = UpdateWatcher(bus, "separation")
    await worker.start()
    await watcher.start()
    try:
        await asyncio.wait_for(entered.wait(), timeout=10)
        client = gateway.client()
        running = await _poll(client, job.id, token, "processing")
        assert running["started_at"] is not None and running["attempts"] == 1

        response = await client.delete(f"/api/jobs/{job.id}", headers=bearer(token))
        assert response.status_code == 204, response.text
        # The worker really stopped: its handler was cancelled and it said so on the bus.
        await watcher.wait_for(job.id, "cancelled")
        assert stopped == [job.id]
        assert "completed" not in watcher.events(job.id)
        final = await _poll(client, job.id, token, "cancelled")
        assert final["finished_at"] is not None
    finally:
        await watcher.stop()
        await worker.stop(grace=0)
