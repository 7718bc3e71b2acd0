"""Separation through the gateway: queue, poll, models, one stem and the ZIP, over the real services."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import numpy as np
import pytest
import soundfile

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

RATE = 44100


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def song(seconds: float = 3.0, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    audio = np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 277 * t)], axis=1) * 0.3
    audio += 0.02 * rng.standard_normal(audio.shape)
    buffer = io.BytesIO()
    soundfile.write(buffer, audio, RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def separation_addr(demucs_separation: RunningService) -> str:
    return demucs_separation.address


async def upload(gateway: Any, token: str, seed: int = 0) -> dict[str, Any]:
    files = {"file": ("song.wav", song(seed=seed), "audio/wav")}
    response = await gateway.client().post(
        "/api/tracks", files=files, data={"title": "Song", "artist": "Band"}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


async def finished(gateway: Any, token: str, job_id: str) -> dict[str, Any]:
    client = gateway.client()

    async def poll() -> dict[str, Any]:
        response = await client.get(f"/api/processing/job/{job_id}", headers=bearer(token))
        assert response.status_code == 200, response.text
        return dict(response.json()["data"])

    return await eventually(
        poll, lambda d: d["status"] in ("completed", "failed"), within=120, what="separation"
    )


async def test_separate_poll_and_download_the_stems(gateway: Any) -> None:
    _, token = await gateway.bearer()
    track = await upload(gateway, token, seed=1)
    client = gateway.client()
    queued = await client.post(
        "/api/processing/separate", json={"track_id": track["id"]}, headers=bearer(token)
    )
    assert queued.status_code == 201, queued.text
    body = queued.json()["data"]
    assert body == {
        "job_id": body["job_id"],
        "track_id": track["id"],
        "model": "htdemucs",
        "status": "queued",
    }

    job = await finished(gateway, token, body["job_id"])
    assert job["status"] == "completed", job["error"]
    assert job["model"] == "htdemucs" and job["error"] is None and job["progress"] == 100
    stems = {stem["name"]: stem for stem in job["stems"]}
    assert sorted(stems) == ["bass", "drums", "other", "vocals"]
    vocals = stems["vocals"]
    assert vocals["format"] == "wav" and vocals["duration"] == pytest.approx(3.0)

    one = await client.get(vocals["url"], headers=bearer(token))
    assert one.status_code == 200 and one.headers["content-type"] == "audio/wav"
    assert one.headers["x-content-type-options"] == "nosniff"
    assert 'filename="vocals.wav"' in one.headers["content-disposition"]
    audio, rate = soundfile.read(io.BytesIO(one.content))
    assert rate == RATE and audio.shape == (3 * RATE, 2)
    part = await client.get(vocals["url"], headers={**bearer(token), "Range": "bytes=0-99"})
    assert part.status_code == 206 and part.content == one.content[:100]

    archive = await client.get(f"/export/stems/{track['id']}", headers=bearer(token))
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/zip"
    assert archive.headers["x-content-type-options"] == "nosniff"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as opened:
        assert sorted(opened.namelist()) == ["bass.wav", "drums.wav", "other.wav", "vocals.wav"]
        assert opened.read("vocals.wav") == one.content
        assert opened.testzip() is None


async def test_another_users_job_stem_and_stems_are_404(gateway: Any) -> None:
    _, token = await gateway.bearer()
    _, stranger = await gateway.bearer()
    track = await upload(gateway, token, seed=2)
    client = gateway.client()
    queued = await client.post(
        "/api/processing/separate", json={"track_id": track["id"]}, headers=bearer(token)
    )
    job = await finished(gateway, token, queued.json()["data"]["job_id"])
    stem_url = job["stems"][0]["url"]
    for path in (f"/api/processing/job/{job['id']}", stem_url, f"/export/stems/{track['id']}"):
        response = await client.get(path, headers=bearer(stranger))
        assert response.status_code == 404, path
        assert response.json()["code"] == "NOT_FOUND"
    separate = await client.post(
        "/api/processing/separate", json={"track_id": track["id"]}, headers=bearer(stranger)
    )
    assert separate.status_code == 404


async def test_models_say_what_this_deployment_has(gateway: Any) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().get("/api/processing/models", headers=bearer(token))
    assert response.status_code == 200
    models = response.json()["data"]["models"]
    assert [(m["name"], m["stems"], m["available"]) for m in models] == [
        ("htdemucs", 4, True),
        ("htdemucs_ft", 4, False),
        ("htdemucs_6s", 6, False),
        ("mdx_extra", 4, False),
    ]
    assert models[0]["description"] == "Hybrid Transformer Demucs - default 4-stem model"


async def test_a_model_reported_unavailable_is_503_naming_it_and_queues_no_job(gateway: Any) -> None:
    """GET /models says htdemucs_ft is not available here: separating with it was a 201 for a job
    that failed the same second."""
    user, token = await gateway.bearer()
    track = await upload(gateway, token, seed=5)
    client = gateway.client()
    response = await client.post(
        "/api/processing/separate",
        json={"track_id": track["id"], "model": "htdemucs_ft"},
        headers=bearer(token),
    )
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["code"] == "MODEL_UNAVAILABLE"
    assert "htdemucs_ft has no weights on this deployment" in body["error"]
    jobs = await gateway.backends.clients.library.ListJobs(library_pb2.ListJobsRequest(owner_id=user["id"]))
    assert [j.kind for j in jobs.jobs if j.kind != jobs_pb2.JOB_KIND_DOWNLOAD] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"model": "spleeter"}, "model"),
        ({"engine": "cloud"}, "engine"),
        ({"format": "ogg"}, "format"),
        ({"overlap": 0.9}, "overlap"),
        ({"shifts": 50}, "shifts"),
        ({"two_stems": "kazoo"}, "two_stems"),
        ({"segment": 100.0}, "segment"),
    ],
)
async def test_bad_requests_are_422_naming_the_field(gateway: Any, body: dict[str, Any], field: str) -> None:
    _, token = await gateway.bearer()
    track = await upload(gateway, token, seed=3)
    response = await gateway.client().post(
        "/api/processing/separate", json={"track_id": track["id"], **body}, headers=bearer(token)
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert field in response.json()["details"]


async def test_unknown_track_is_404_and_the_route_is_heavy(gateway: Any) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(rate_limit_heavy=1)
    first = await client.post("/api/processing/separate", json={"track_id": "nope"}, headers=bearer(token))
    assert first.status_code == 404
    second = await client.post("/api/processing/separate", json={"track_id": "nope"}, headers=bearer(token))
    assert second.status_code == 429
    assert second.json()["code"] == "RATE_LIMITED"


async def test_a_deleted_tracks_separation_job_no_longer_names_its_stems_files(gateway: Any) -> None:
    """The job stays as history, but /api/jobs listed each stem's object key, files that 404 once the
    track is deleted; what the job measured (names, durations, sizes, model) stays."""
    _, token = await gateway.bearer()
    track = await upload(gateway, token, seed=3)
    client = gateway.client()
    queued = await client.post(
        "/api/processing/separate", json={"track_id": track["id"]}, headers=bearer(token)
    )
    job_id = queued.json()["data"]["job_id"]
    assert (await finished(gateway, token, job_id))["status"] == "completed"
    before = (await client.get(f"/api/jobs/{job_id}", headers=bearer(token))).json()["data"]
    assert all(stem["object_key"] for stem in before["result"]["stems"]), before

    deleted = await client.delete(f"/api/tracks/{track['id']}", headers=bearer(token))
    assert deleted.status_code == 204, deleted.text
    after = (await client.get(f"/api/jobs/{job_id}", headers=bearer(token))).json()["data"]
    assert after["track_id"] is None
    kept = [{k: v for k, v in stem.items() if k != "object_key"} for stem in before["result"]["stems"]]
    assert after["result"] == {**before["result"], "stems": kept}
    assert track["id"] not in str(after)
