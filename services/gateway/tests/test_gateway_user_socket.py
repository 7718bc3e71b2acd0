"""The user socket over a real HTTP server: Phoenix framing, per-job and per-user topics, isolation."""

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
