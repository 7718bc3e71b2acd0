"""Cancelling analysis jobs on the real platform: a running one stops its worker, a queued one never runs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest_asyncio

from platform_client import FINISHED, bearer_for, finished_job, job_json, upload
from platform_harness import Platform
from soundforge.events import EventBus, UpdateWatcher
from soundforge.testing.waiting import eventually

# Long enough that the worker is surely still busy with it while the test polls and cancels, even
# on a loaded machine (~4 s of analysis when idle).
LONG_SECONDS = 720


@pytest_asyncio.fixture
async def analysis_updates(nats_url: str) -> AsyncIterator[UpdateWatcher]:
    """What the analysis worker itself publishes, heard on the platform's NATS."""
    bus = await EventBus.connect(nats_url, "e2e-cancel-watch")
    watcher = UpdateWatcher(bus, "analysis")
    await watcher.start()
    yield watcher
    await watcher.stop()
    await bus.close()


async def analyze(client: httpx.AsyncClient, auth: dict[str, str], track_id: str, features: list[str]) -> str:
    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track_id, "features": features}, headers=auth
    )
    assert r.status_code == 201, r.text
    job_id: str = r.json()["data"]["job_id"]
    return job_id


async def job_in(client: httpx.AsyncClient, job_id: str, auth: dict[str, str], status: str) -> dict[str, Any]:
    job = await eventually(
        lambda: job_json(client, job_id, auth),
        lambda j: j["status"] in (status, *FINISHED),
        within=60,
        what=f"job {job_id} {status}",
        interval=0.2,
    )
    assert job["status"] == status, f"job {job_id} ended: {job}"
    return job


async def test_cancel_running_queued_and_finished_analysis_jobs(
    platform: Platform, analysis_updates: UpdateWatcher
) -> None:
    client = platform.client
    _, alice = await bearer_for(client, "alice@example.com")
    _, bob = await bearer_for(client, "bob@example.com")
    long_track = await upload(client, alice, "long.wav", seconds=LONG_SECONDS)
    short_track = await upload(client, alice, "short.wav", seconds=3)

    running_id = await analyze(client, alice, long_track["id"], ["all"])
    await job_in(client, running_id, alice, "processing")
    # The one worker is busy, so this one waits in the queue.
    queued_id = await analyze(client, alice, short_track["id"], ["tempo"])
    assert (await client.get(f"/api/jobs/{queued_id}", headers=alice)).json()["data"]["status"] == "queued"

    r = await client.delete(f"/api/jobs/{queued_id}", headers=bob)
    assert r.status_code == 404 and r.json() == {"error": "job not found", "code": "NOT_FOUND"}
    r = await client.delete(f"/api/jobs/{queued_id}", headers=alice)
    assert r.status_code == 204, r.text

    r = await client.delete(f"/api/jobs/{running_id}", headers=alice)
    assert r.status_code == 204, r.text
    # The worker itself stopped the job (rather than finishing it unheard) and said so.
    await analysis_updates.wait_for(running_id, "cancelled", within=30)
    assert "completed" not in analysis_updates.events(running_id)

    # A job queued after them runs to completion; by then the worker has passed the cancelled one.
    later_id = await analyze(client, alice, short_track["id"], ["tempo"])
    later = await finished_job(client, later_id, alice)
    assert later["status"] == "completed", later
    r = await client.delete(f"/api/jobs/{later_id}", headers=alice)
    assert r.status_code == 409 and r.json() == {"error": "job already finished", "code": "CONFLICT"}

    for job_id in (running_id, queued_id):
        job = (await client.get(f"/api/jobs/{job_id}", headers=alice)).json()["data"]
        assert (job["status"], job["result"]) == ("cancelled", None), job
        assert job["finished_at"] is not None
    r = await client.get("/api/jobs", params={"status": "cancelled", "kind": "analysis"}, headers=alice)
    assert {job["id"] for job in r.json()["data"]} == {running_id, queued_id}
    # The long track never got an analysis from its cancelled job.
    assert (await client.get(f"/api/analysis/{long_track['id']}", headers=alice)).status_code == 404
