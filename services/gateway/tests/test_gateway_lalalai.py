"""lalal.ai management through the gateway: quota, cancel and cancel-all over the real separation service."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
import soundfile as sf
from google.protobuf import struct_pb2
from pydantic import SecretStr

from soundforge.gateway.app import create_app
from soundforge.gateway.clients import GatewayClients
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import keys
from soundforge.testing.fake_lalalai import FakeLalalai, Scenario, fake_lalalai
from soundforge.testing.job_params import job_params
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

PLAN_MINUTES = 120.0
SERVER_MINUTES = 90.0
RATE = 44100


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeLalalai]:
    with fake_lalalai() as server:
        yield server


@pytest.fixture(scope="module")
def server_key(fake: FakeLalalai) -> str:
    return fake.add_key(minutes_left=SERVER_MINUTES)


def separation_settings(
    fake: FakeLalalai, key: str, library: RunningService, nats_url: str, blob_dir: Path
) -> SeparationSettings:
    return SeparationSettings(
        library_addr=library.address,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        lalalai_api_url=fake.api_url,
        lalalai_license_key=SecretStr(key),
        lalalai_poll_seconds=0.02,
        lalalai_plan_minutes=PLAN_MINUTES,
        worker_concurrency=4,  # several lalal.ai tasks of one user at once
    )


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def separation(
    fake: FakeLalalai, server_key: str, library: RunningService, nats_url: str, blob_dir: Path
) -> AsyncIterator[RunningService]:
    service = await start_separation(separation_settings(fake, server_key, library, nats_url, blob_dir))
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def separation_addr(separation: RunningService) -> str:
    """The gateway's backends talk to this module's separation service (pointed at the fake)."""
    return separation.address


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def keyless_separation(
    fake: FakeLalalai, library: RunningService, nats_url: str, blob_dir: Path
) -> AsyncIterator[RunningService]:
    """A deployment with no server default key."""
    service = await start_separation(separation_settings(fake, "", library, nats_url, blob_dir))
    yield service
    await service.stop(0)


async def set_settings(backends: Any, user_id: str, **settings: Any) -> None:
    struct = struct_pb2.Struct()
    struct.update(settings)
    await backends.clients.library.UpdateUser(library_pb2.UpdateUserRequest(user_id=user_id, settings=struct))


async def stored_track(backends: Any, owner_id: str) -> str:
    """A track of `owner_id` with stored audio; its id."""
    library = backends.clients.library
    track_id = str(uuid.uuid4())
    key = keys.source_key(owner_id, track_id, "wav")
    t = np.arange(RATE) / RATE
    audio = np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 330 * t)], axis=1) * 0.5
    # Different audio per job: the worker would reuse the stems of identical audio (the stem cache).
    audio += np.random.default_rng().normal(0.0, 0.01, audio.shape)
    buffer = io.BytesIO()
    sf.write(buffer, audio.astype(np.float32), RATE, format="WAV")
    await backends.blobs.put_bytes(key, buffer.getvalue(), content_type="audio/wav")
    track = library_pb2.Track(
        id=track_id,
        owner_id=owner_id,
        title="Song",
        sha256=hashlib.sha256(track_id.encode()).hexdigest(),
        source_key=key,
    )
    await library.CreateTrack(library_pb2.CreateTrackRequest(track=track))
    return track_id


async def queue_job(backends: Any, owner_id: str) -> str:
    """A track with stored audio and a lalal.ai separation job of it, as `Separate` queues one."""
    library = backends.clients.library
    track_id = await stored_track(backends, owner_id)
    params = job_params("separation", engine=payloads_pb2.SEPARATION_ENGINE_LALALAI, two_stems="vocals")
    job = await library.CreateJob(
        library_pb2.CreateJobRequest(owner_id=owner_id, track_id=track_id, params=params)
    )
    return str(job.id)


async def get_job(backends: Any, owner_id: str, job_id: str) -> jobs_pb2.Job:
    job: jobs_pb2.Job = await backends.clients.library.GetJob(
        library_pb2.GetJobRequest(owner_id=owner_id, job_id=job_id)
    )
    return job


async def running_task(fake: FakeLalalai, backends: Any, owner_id: str) -> tuple[str, str]:
    """Queues a job whose lalal.ai task runs until cancelled; waits until the worker started it."""
    fake.scenario = Scenario(progress=(5,), outcome="forever")
    before = set(fake.running())
    job_id = await queue_job(backends, owner_id)

    async def started() -> set[str]:
        # Checked once: the task is in the registry by then (it is written before the first check).
        return {task_id for task_id in set(fake.running()) - before if fake.tasks[task_id].checks}

    (task_id,) = await eventually(started, within=20, what="the worker starts the lalal.ai task")
    return task_id, job_id


async def test_quota_of_the_server_license_with_its_plan(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().get("/api/lalalai/quota", headers=bearer(token))
    assert response.status_code == 200, response.text
    remaining = response.json()["data"]["remaining_minutes"]
    assert remaining <= SERVER_MINUTES
    assert response.json() == {
        "data": {
            "quota_minutes": PLAN_MINUTES,
            "used_minutes": pytest.approx(PLAN_MINUTES - remaining),
            "remaining_minutes": remaining,
        }
    }


async def test_quota_of_the_users_own_key(gateway, fake: FakeLalalai) -> None:
    user, token = await gateway.bearer()
    await set_settings(gateway.backends, user["id"], lalalai_license_key=fake.add_key(minutes_left=12.5))
    response = await gateway.client().get("/api/lalalai/quota", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "data": {"quota_minutes": 12.5, "used_minutes": 0.0, "remaining_minutes": 12.5}
    }


async def test_a_rejected_own_key_is_409_with_the_error_shape(gateway) -> None:
    user, token = await gateway.bearer()
    await set_settings(gateway.backends, user["id"], lalalai_license_key="lic-wrong")
    response = await gateway.client().get("/api/lalalai/quota", headers=bearer(token))
    assert response.status_code == 409
    assert response.json() == {
        "error": "lalal.ai rejected your license key (lalalai_license_key in your settings)",
        "code": "CONFLICT",
    }


async def test_a_lalalai_job_runs_through_the_worker_to_its_stems(gateway, fake: FakeLalalai) -> None:
    fake.scenario = Scenario(progress=(50,))
    user, _ = await gateway.bearer()
    job_id = await queue_job(gateway.backends, user["id"])

    async def finished() -> jobs_pb2.Job | None:
        job = await get_job(gateway.backends, user["id"], job_id)
        return job if job.status in (jobs_pb2.JOB_STATUS_COMPLETED, jobs_pb2.JOB_STATUS_FAILED) else None

    job = await eventually(finished, within=30, what="the lalal.ai job finishes")
    assert job is not None
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    assert sorted(stem.name for stem in job.result.separation.stems) == ["no_vocals", "vocals"]


async def test_cancel_stops_the_callers_task_on_lalalai_and_its_job(gateway, fake: FakeLalalai) -> None:
    user, token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    task_id, job_id = await running_task(fake, gateway.backends, user["id"])
    client = gateway.client()

    foreign = await client.post("/api/lalalai/cancel", json={"task_id": task_id}, headers=bearer(other_token))
    assert foreign.status_code == 404
    assert foreign.json() == {"error": "no running lalal.ai task with this id", "code": "NOT_FOUND"}
    assert fake.tasks[task_id].status == "progress"

    response = await client.post("/api/lalalai/cancel", json={"task_id": task_id}, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"cancelled_task_ids": [task_id]}}
    assert fake.tasks[task_id].status == "cancelled"
    job = await get_job(gateway.backends, user["id"], job_id)
    assert job.status == jobs_pb2.JOB_STATUS_CANCELLED

    again = await client.post("/api/lalalai/cancel", json={"task_id": task_id}, headers=bearer(token))
    assert again.status_code == 404


async def test_cancel_all_cancels_only_the_callers_tasks(gateway, fake: FakeLalalai) -> None:
    user, token = await gateway.bearer()
    other, other_token = await gateway.bearer()
    mine = [await running_task(fake, gateway.backends, user["id"]) for _ in range(2)]
    theirs, their_job = await running_task(fake, gateway.backends, other["id"])
    client = gateway.client()

    response = await client.post("/api/lalalai/cancel-all", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"cancelled_task_ids": sorted(task_id for task_id, _ in mine)}}
    assert all(fake.tasks[task_id].status == "cancelled" for task_id, _ in mine)
    for _, job_id in mine:
        assert (await get_job(gateway.backends, user["id"], job_id)).status == jobs_pb2.JOB_STATUS_CANCELLED
    assert fake.tasks[theirs].status == "progress"
    assert (await get_job(gateway.backends, other["id"], their_job)).status != jobs_pb2.JOB_STATUS_CANCELLED

    response = await client.post("/api/lalalai/cancel-all", headers=bearer(other_token))
    assert response.json() == {"data": {"cancelled_task_ids": [theirs]}}
    empty = await client.post("/api/lalalai/cancel-all", headers=bearer(token))
    assert empty.json() == {"data": {"cancelled_task_ids": []}}


async def test_cancel_validates_its_body_and_a_session_needs_csrf(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    blank = await client.post("/api/lalalai/cancel", json={"task_id": ""}, headers=bearer(token))
    assert blank.status_code == 422
    assert blank.json()["details"] == {"task_id": ["can't be blank"]}
    unknown = await client.post("/api/lalalai/cancel", json={"task_id": "*.>"}, headers=bearer(token))
    assert unknown.status_code == 404

    session = await gateway.session()
    no_csrf = await session.client.post("/api/lalalai/cancel-all")
    assert no_csrf.status_code == 403
    with_csrf = await session.client.post("/api/lalalai/cancel-all", headers={"X-CSRF-Token": session.csrf})
    assert with_csrf.status_code == 200


async def test_no_key_anywhere_is_409_with_the_error_shape(
    gateway, keyless_separation: RunningService
) -> None:
    backends = gateway.backends
    settings = backends.settings.model_copy(update={"separation_addr": keyless_separation.address})
    clients = GatewayClients.open(settings)
    try:
        app = create_app(settings, clients, backends.bus, backends.blobs)
        _, token = await gateway.bearer()
        response = await gateway.client(app).get("/api/lalalai/quota", headers=bearer(token))
    finally:
        await clients.close()
    assert response.status_code == 409
    assert response.json() == {
        "error": "no lalal.ai license key: add yours to your settings as 'lalalai_license_key' "
        "(this server has no default key)",
        "code": "CONFLICT",
    }


async def test_separating_with_no_key_anywhere_is_refused_at_once_and_queues_nothing(
    gateway, keyless_separation: RunningService, fake: FakeLalalai
) -> None:
    backends = gateway.backends
    settings = backends.settings.model_copy(update={"separation_addr": keyless_separation.address})
    clients = GatewayClients.open(settings)
    try:
        app = create_app(settings, clients, backends.bus, backends.blobs)
        user, token = await gateway.bearer()
        track_id = await stored_track(backends, user["id"])
        client = gateway.client(app)
        body = {"track_id": track_id, "engine": "lalalai", "two_stems": "vocals"}
        refused = await client.post("/api/processing/separate", json=body, headers=bearer(token))
        jobs = await client.get("/api/jobs", headers=bearer(token))
        # The user's own key lets the same request through: only a missing key is refused.
        await set_settings(backends, user["id"], lalalai_license_key=fake.add_key(minutes_left=5.0))
        accepted = await client.post("/api/processing/separate", json=body, headers=bearer(token))
        if accepted.status_code == 201:
            await client.delete(f"/api/jobs/{accepted.json()['data']['job_id']}", headers=bearer(token))
    finally:
        await clients.close()
    assert refused.status_code == 409
    assert refused.json() == {
        "error": "no lalal.ai license key: add yours to your settings as 'lalalai_license_key' "
        "(this server has no default key)",
        "code": "CONFLICT",
    }
    assert jobs.status_code == 200
    assert jobs.json()["data"] == []
    assert accepted.status_code == 201
    assert accepted.json()["data"]["track_id"] == track_id


async def test_the_409_s_advice_works_put_the_key_in_your_settings(
    gateway, fake: FakeLalalai, keyless_separation: RunningService
) -> None:
    """The missing-key 409 tells the user to add `lalalai_license_key` to their settings; doing so
    through PUT /users/settings (the documented route) makes the quota answer from their key."""
    backends = gateway.backends
    settings = backends.settings.model_copy(update={"separation_addr": keyless_separation.address})
    clients = GatewayClients.open(settings)
    try:
        client = gateway.client(create_app(settings, clients, backends.bus, backends.blobs))
        _, token = await gateway.bearer()
        missing = await client.get("/api/lalalai/quota", headers=bearer(token))
        assert missing.status_code == 409
        assert "'lalalai_license_key'" in missing.json()["error"]
        key = fake.add_key(minutes_left=33.0)
        saved = await client.put(
            "/users/settings",
            json={"lalalai_license_key": key, "lalalai_quota_minutes": 50},
            headers=bearer(token),
        )
        assert saved.status_code == 200, saved.text
        assert saved.json()["data"]["lalalai_license_key"] != key
        quota = await client.get("/api/lalalai/quota", headers=bearer(token))
        assert quota.status_code == 200, quota.text
        assert quota.json() == {
            "data": {"quota_minutes": 50.0, "used_minutes": 17.0, "remaining_minutes": 33.0}
        }
        # Removing the key again brings the 409 back: the deployment has no key of its own.
        await client.put("/users/settings", json={"lalalai_license_key": None}, headers=bearer(token))
        again = await client.get("/api/lalalai/quota", headers=bearer(token))
        assert again.status_code == 409
    finally:
        await clients.close()
