"""What a client does against the running platform in the end-to-end tests: sign up, upload, wait for jobs."""

from __future__ import annotations

from typing import Any

import httpx

from soundforge.testing.audio import click_track, encode
from soundforge.testing.waiting import eventually

SR = 22050
PASSWORD = "correct horse battery staple"
FINISHED = ("completed", "failed", "cancelled")


async def bearer_for(client: httpx.AsyncClient, email: str) -> tuple[str, dict[str, str]]:
    """Registers, logs in and mints an API key; the user id and bearer headers (cookies dropped)."""
    r = await client.post("/users/register", json={"user": {"email": email, "password": PASSWORD}})
    assert r.status_code == 201, r.text
    user_id: str = r.json()["data"]["id"]
    r = await client.post("/users/log-in", data={"user[email]": email, "user[password]": PASSWORD})
    assert r.status_code == 200, r.text
    csrf = r.json()["data"]["csrf_token"]
    r = await client.post("/api/keys", json={"name": "e2e"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    client.cookies.clear()
    return user_id, {"Authorization": f"Bearer {r.json()['data']['token']}"}


async def upload(
    client: httpx.AsyncClient, auth: dict[str, str], name: str, seconds: float
) -> dict[str, Any]:
    wav = encode(click_track(120, seconds=seconds, sample_rate=SR), SR)
    r = await client.post("/api/tracks", files={"file": (name, wav, "audio/wav")}, headers=auth)
    assert r.status_code == 201, r.text
    track: dict[str, Any] = r.json()["data"]
    return track


async def job_json(client: httpx.AsyncClient, job_id: str, auth: dict[str, str]) -> dict[str, Any]:
    r = await client.get(f"/api/jobs/{job_id}", headers=auth)
    assert r.status_code == 200, r.text
    job: dict[str, Any] = r.json()["data"]
    return job


async def finished_job(
    client: httpx.AsyncClient, job_id: str, auth: dict[str, str], within: float = 90
) -> dict[str, Any]:
    return await eventually(
        lambda: job_json(client, job_id, auth),
        lambda job: job["status"] in FINISHED,
        within=within,
        what=f"job {job_id} finished",
        interval=0.2,
    )


async def finished_separation(
    client: httpx.AsyncClient, job_id: str, auth: dict[str, str], within: float = 120
) -> dict[str, Any]:
    """The separation poll (seed 001's shape, with the stem records) once the job has ended."""

    async def poll() -> dict[str, Any]:
        response = await client.get(f"/api/processing/job/{job_id}", headers=auth)
        assert response.status_code == 200, response.text
        return dict(response.json()["data"])

    return await eventually(
        poll, lambda job: job["status"] in FINISHED, within=within, what=f"separation {job_id}", interval=0.2
    )
