"""One job end to end through every real part: upload -> object storage -> library -> JetStream -> librosa."""

from __future__ import annotations

from typing import Any

import httpx

from platform_client import FINISHED
from platform_harness import Platform
from soundforge.testing.audio import click_track, encode
from soundforge.testing.waiting import eventually

SR = 22050


async def sign_up(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    """Registers, logs in (cookie + CSRF) and mints an API key; returns bearer headers."""
    password = "correct horse battery staple"
    r = await client.post("/users/register", json={"user": {"email": email, "password": password}})
    assert r.status_code == 201, r.text
    r = await client.post("/users/log-in", data={"user[email]": email, "user[password]": password})
    assert r.status_code == 200, r.text
    csrf = r.json()["data"]["csrf_token"]
    r = await client.post("/api/keys", json={"name": "e2e"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    client.cookies.clear()
    return {"Authorization": f"Bearer {r.json()['data']['token']}"}


async def wait_for_job(client: httpx.AsyncClient, job_id: str, auth: dict[str, str]) -> dict[str, Any]:
    async def job() -> dict[str, Any]:
        r = await client.get(f"/api/analysis/job/{job_id}", headers=auth)
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()["data"]
        return data

    return await eventually(
        job, lambda j: j["status"] in FINISHED, within=90, what=f"job {job_id} finished", interval=0.25
    )


async def all_keys(platform: Platform) -> list[str]:
    return [info.key for info in await platform.blobs.list("")]


async def test_upload_analyze_tempo(platform: Platform) -> None:
    client = platform.client
    auth = await sign_up(client, "dj@example.com")
    wav = encode(click_track(120, seconds=12, sample_rate=SR), SR)

    r = await client.post(
        "/api/tracks", files={"file": ("beat.wav", wav, "audio/wav")}, data={"title": "Beat"}, headers=auth
    )
    assert r.status_code == 201, r.text
    track = r.json()["data"]
    assert track["title"] == "Beat"
    assert abs(track["duration"] - 12.0) < 0.05
    assert track["sample_rate"] == SR
    # The upload and the canonical FLAC copy the analysis worker reads, both under the track's prefix.
    keys = await all_keys(platform)
    assert [key.rsplit("/", 1)[1] for key in keys] == ["canonical.flac", "source.wav"]
    assert all(key.startswith("users/") and f"/tracks/{track['id']}/" in key for key in keys)

    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track["id"], "features": ["tempo"]}, headers=auth
    )
    assert r.status_code == 201, r.text
    queued = r.json()["data"]
    assert queued["status"] == "queued" and queued["track_id"] == track["id"]

    job = await wait_for_job(client, queued["job_id"], auth)
    assert job["status"] == "completed", job
    assert job["progress"] == 100
    tempo = job["result"]["tempo"]
    assert abs(tempo - 120) / 120 < 0.04, tempo


async def test_bad_inputs_leave_nothing_behind(platform: Platform) -> None:
    client = platform.client
    auth = await sign_up(client, "careful@example.com")

    r = await client.post(
        "/api/analysis/analyze",
        json={"track_id": "00000000-0000-4000-8000-000000000000", "features": ["tempo"]},
        headers=auth,
    )
    assert r.status_code == 404, r.text
    assert r.json()["code"] == "NOT_FOUND"

    r = await client.post(
        "/api/tracks",
        files={"file": ("song.wav", b"this is not audio at all\n" * 40, "audio/wav")},
        headers=auth,
    )
    assert r.status_code == 415, r.text
    assert r.json()["code"] == "UNSUPPORTED_MEDIA_TYPE" and r.json()["error"]
    assert await all_keys(platform) == []

    r = await client.get("/api/analysis/job/00000000-0000-4000-8000-000000000000", headers=auth)
    assert r.status_code == 404 and r.json()["code"] == "NOT_FOUND"

    r = await client.post(
        "/api/analysis/analyze",
        json={"track_id": "00000000-0000-4000-8000-000000000000", "features": ["nope"]},
        headers=auth,
    )
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "VALIDATION_ERROR" and "features" in r.json()["details"]


async def test_users_cannot_see_each_other(platform: Platform) -> None:
    client = platform.client
    alice = await sign_up(client, "alice@example.com")
    bob = await sign_up(client, "bob@example.com")
    wav = encode(click_track(100, seconds=3, sample_rate=SR), SR)
    r = await client.post("/api/tracks", files={"file": ("a.wav", wav, "audio/wav")}, headers=alice)
    assert r.status_code == 201, r.text
    track_id = r.json()["data"]["id"]
    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track_id, "features": ["tempo"]}, headers=alice
    )
    job_id = r.json()["data"]["job_id"]

    assert (await client.get(f"/api/tracks/{track_id}", headers=bob)).status_code == 404
    assert (await client.get(f"/api/analysis/job/{job_id}", headers=bob)).status_code == 404
    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track_id, "features": ["tempo"]}, headers=bob
    )
    assert r.status_code == 404
    assert (await client.get(f"/api/tracks/{track_id}", headers=alice)).status_code == 200
