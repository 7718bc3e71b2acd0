"""The user socket over a real HTTP server: Phoenix framing, per-job and per-user topics, isolation,
and the credential re-checked while the socket stays open."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from soundforge.gateway.app import RunningGateway, start
from soundforge.gateway.routes import user_socket
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import Unavailable
from soundforge.testing.job_params import job_params

from .conftest import Backends, Gateway

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(loop_scope="session")
async def served(backends: Backends) -> AsyncIterator[RunningGateway]:
    running = await start(backends.settings.model_copy(update={"http_port": 0}))
    yield running
    await running.stop()


async def new_job(backends: Backends, owner_id: str) -> jobs_pb2.Job:
    job: jobs_pb2.Job = await backends.clients.library.CreateJob(
        library_pb2.CreateJobRequest(owner_id=owner_id, params=job_params("analysis"))
    )
    return job


async def call(ws: ClientConnection, ref: str, topic: str, event: str, payload: Any = None) -> list[Any]:
    """Sends one v2 frame and returns the phx_reply to it, skipping pushes that arrive first."""
    await ws.send(json.dumps([ref, ref, topic, event, payload or {}]))
    async with asyncio.timeout(15):
        while True:
            frame = json.loads(await ws.recv())
            if frame[3] == "phx_reply" and frame[1] == ref:
                return list(frame)


async def next_push(ws: ClientConnection) -> list[Any]:
    async with asyncio.timeout(15):
        while True:
            frame = json.loads(await ws.recv())
            if frame[3] == "job_update":
                return list(frame)


async def test_job_topic_streams_updates_of_own_job_only(
    gateway: Gateway, backends: Backends, served: RunningGateway
) -> None:
    alice, alice_token = await gateway.bearer()
    bob, _ = await gateway.bearer()
    mine = await new_job(backends, alice["id"])
    theirs = await new_job(backends, bob["id"])
    url = served.url.replace("http", "ws") + f"/socket/websocket?token={alice_token}&vsn=2.0.0"
    async with connect(url) as ws:
        heartbeat = await call(ws, "1", "phoenix", "heartbeat")
        assert heartbeat[4] == {"status": "ok", "response": {}}

        joined = await call(ws, "2", f"jobs:{mine.id}", "phx_join")
        assert joined[4]["status"] == "ok"
        assert joined[4]["response"]["job"]["status"] == "queued"
        refused = await call(ws, "3", f"jobs:{theirs.id}", "phx_join")
        assert refused[4] == {"status": "error", "response": {"reason": "not found"}}
        assert (await call(ws, "4", f"user:{bob['id']}", "phx_join"))[4]["status"] == "error"

        bus = backends.bus
        await bus.publish_update(
            "analysis",
            "progress",
            jobs_pb2.JobUpdate(
                job_id=theirs.id, owner_id=bob["id"], status=jobs_pb2.JOB_STATUS_PROCESSING, progress=5
            ),
        )
        await bus.publish_update(
            "analysis",
            "progress",
            jobs_pb2.JobUpdate(
                job_id=mine.id,
                owner_id=mine.owner_id,
                status=jobs_pb2.JOB_STATUS_PROCESSING,
                progress=40,
                stage="decoding",
            ),
        )
        push = await next_push(ws)
        assert push[2] == f"jobs:{mine.id}" and push[0] == "2"
        assert push[4]["job_id"] == mine.id
        assert (push[4]["event"], push[4]["status"], push[4]["progress"]) == ("progress", "processing", 40)


async def test_user_topic_gets_every_own_job(
    gateway: Gateway, backends: Backends, served: RunningGateway
) -> None:
    user, token = await gateway.bearer()
    job = await new_job(backends, user["id"])
    url = served.url.replace("http", "ws") + f"/socket/websocket?token={token}"
    async with connect(url) as ws:
        assert (await call(ws, "1", f"user:{user['id']}", "phx_join"))[4]["status"] == "ok"
        await backends.bus.publish_update(
            "analysis",
            "completed",
            jobs_pb2.JobUpdate(
                job_id=job.id, owner_id=user["id"], status=jobs_pb2.JOB_STATUS_COMPLETED, progress=100
            ),
        )
        push = await next_push(ws)
        assert push[2] == f"user:{user['id']}"
        assert (push[4]["job_id"], push[4]["status"]) == (job.id, "completed")

        assert (await call(ws, "2", f"user:{user['id']}", "phx_leave"))[4]["status"] == "ok"
        assert (await call(ws, "3", "rooms:lobby", "phx_join"))[4] == {
            "status": "error",
            "response": {"reason": "unknown topic"},
        }


async def test_anonymous_or_bad_token_is_refused(served: RunningGateway) -> None:
    base = served.url.replace("http", "ws") + "/socket/websocket"
    for url in (base, base + "?token=sfa_not-a-real-token"):
        with pytest.raises(InvalidStatus) as refused:
            async with connect(url):
                pass
        assert refused.value.response.status_code == 403


async def test_a_socket_nats_cannot_confirm_closes_with_try_again_later(
    gateway: Gateway, served: RunningGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A socket whose subscription NATS never confirmed would miss every update: it closes
    # with 1013 instead of answering joins.
    async def unconfirmed(wait_seconds: float = 5.0) -> None:
        raise Unavailable("NATS did not confirm our commands")

    monkeypatch.setattr(served.app.state.gateway.bus, "sync", unconfirmed)
    _, token = await gateway.bearer()
    url = served.url.replace("http", "ws") + f"/socket/websocket?token={token}"
    async with connect(url) as ws:
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 15)
    assert ws.close_code == 1013


async def closed_with(ws: ClientConnection) -> int | None:
    """Waits for the server to close the socket; a job_update or reply arriving first fails the test."""
    with pytest.raises(ConnectionClosed):
        frame = await asyncio.wait_for(ws.recv(), 15)
        pytest.fail(f"the socket answered {frame!r} instead of closing")
    return ws.close_code


async def test_disabling_a_user_closes_their_open_sockets(
    gateway: Gateway, backends: Backends, served: RunningGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every push re-checks here (in service, a burst of pushes re-checks at most once a second).
    monkeypatch.setattr(user_socket, "AUTH_FRESH_SECONDS", 0.0)
    admin, admin_token = await gateway.bearer()
    await backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin["id"], role="admin")
    )
    bob, bob_token = await gateway.bearer()
    job = await new_job(backends, bob["id"])
    url = served.url.replace("http", "ws") + f"/socket/websocket?token={bob_token}&vsn=2.0.0"
    async with connect(url) as beating, connect(url) as joining, connect(url) as watching:
        for ws in (beating, joining, watching):
            assert (await call(ws, "1", f"user:{bob['id']}", "phx_join"))[4]["status"] == "ok"
        client = gateway.client()
        disabled = await client.patch(
            f"/api/admin/users/{bob['id']}",
            json={"status": "disabled"},
            headers={"Authorization": f"Bearer {admin_token}"},
        )
        assert disabled.status_code == 200, disabled.text
        rest = await client.get("/api/jobs", headers={"Authorization": f"Bearer {bob_token}"})
        assert rest.status_code == 401

        await beating.send(json.dumps(["2", "2", "phoenix", "heartbeat", {}]))
        assert await closed_with(beating) == 1008
        await joining.send(json.dumps(["2", "2", f"jobs:{job.id}", "phx_join", {}]))
        assert await closed_with(joining) == 1008
        await backends.bus.publish_update(
            "analysis",
            "progress",
            jobs_pb2.JobUpdate(
                job_id=job.id, owner_id=bob["id"], status=jobs_pb2.JOB_STATUS_PROCESSING, progress=5
            ),
        )
        assert await closed_with(watching) == 1008
    # And a new socket is refused at the handshake, as before.
    with pytest.raises(InvalidStatus) as refused:
        async with connect(url):
            pass
    assert refused.value.response.status_code == 403


async def test_a_revoked_key_or_an_ended_session_closes_the_socket(
    gateway: Gateway, backends: Backends, served: RunningGateway
) -> None:
    _, user = await gateway.register()
    created = await backends.clients.library.CreateApiKey(
        library_pb2.CreateApiKeyRequest(user_id=user["id"], name="socket")
    )
    base = served.url.replace("http", "ws") + "/socket/websocket"
    async with connect(f"{base}?token={created.token}") as ws:
        assert (await call(ws, "1", "phoenix", "heartbeat"))[4]["status"] == "ok"
        revoked = await gateway.client().delete(
            f"/api/keys/{created.key.id}", headers={"Authorization": f"Bearer {created.token}"}
        )
        assert revoked.status_code == 204
        await ws.send(json.dumps(["2", "2", "phoenix", "heartbeat", {}]))
        assert await closed_with(ws) == 1008

    session = await gateway.session()
    cookie = "; ".join(f"{name}={value}" for name, value in session.client.cookies.items())
    async with connect(base, additional_headers={"Cookie": cookie}) as ws:
        assert (await call(ws, "1", f"user:{session.user['id']}", "phx_join"))[4]["status"] == "ok"
        ended = await session.client.delete("/users/log-out", headers={"X-CSRF-Token": session.csrf})
        assert ended.status_code == 204
        await ws.send(json.dumps(["2", "2", "phoenix", "heartbeat", {}]))
        assert await closed_with(ws) == 1008
