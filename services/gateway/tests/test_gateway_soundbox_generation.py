"""Sound Box generation under /soundbox through a real generation service (seed 003's JSON).

The service runs the queue for real; its engine is the test's tone engine (held when a test needs
jobs to wait), since these tests are about the HTTP contract and the queue, not the model.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from websockets.asyncio.client import connect

from soundforge.gateway.app import start as start_gateway
from soundforge.generation.app import start as start_generation
from soundforge.generation.settings import GenerationSettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.testing.tone_engine import ToneEngine
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def engine() -> ToneEngine:
    return ToneEngine()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def generation(
    library: RunningService, nats_url: str, blob_dir: Path, engine: ToneEngine
) -> AsyncIterator[RunningService]:
    settings = GenerationSettings(
        library_addr=library.address,
        analysis_addr="127.0.0.1:9",
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        metrics_port=None,
        feeder_poll_seconds=0.5,
        registry_ttl_seconds=3.0,
        max_waiting_per_user=2,
    )
    service = await start_generation(settings, engine)
    yield service
    engine.gate.set()
    await service.stop(1.0)


@pytest.fixture(scope="module")
def generation_addr(generation: RunningService) -> str:
    return generation.address


def assert_error(response: Any, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert "error" in body and set(body) <= {"error", "retry_after"}, body
    for word in words:
        assert word in body["error"], body


async def signed_in(gateway: Any) -> Any:
    session = await gateway.session()
    session.client.headers["x-csrf-token"] = session.csrf
    return session


async def idle(client: Any) -> None:
    async def queue() -> dict[str, Any]:
        return dict((await client.get("/soundbox/api/queue")).json())

    await eventually(queue, lambda q: q["total"] == 0, within=60, what="the queue drained")


async def test_the_documented_flow_generate_then_poll_to_completion(gateway: Any) -> None:
    session = await signed_in(gateway)
    response = await session.client.post(
        "/soundbox/generate",
        json={"prompt": "peaceful ambient piano melody", "duration": 3, "model": "music"},
    )
    assert response.status_code == 200, response.text
    queued = response.json()
    assert list(queued)[:3] == ["success", "job_id", "position"] and queued["success"] is True
    assert queued["position"] >= 0

    async def poll() -> dict[str, Any]:
        reply = await session.client.get(f"/soundbox/job/{queued['job_id']}")
        assert reply.status_code == 200, reply.text
        return dict(reply.json())

    done = await eventually(
        poll, lambda j: j["status"] in ("completed", "failed"), within=60, what="completed"
    )
    assert done["status"] == "completed", done
    assert done["id"] == queued["job_id"] and done["filename"] == f"{queued['job_id']}.wav"
    assert (done["progress"], done["progress_pct"], done["position"], done["retry_count"]) == (
        "Complete",
        100,
        0,
        0,
    )
    assert 0 <= done["quality"] <= 100
    # Someone else polling it: 404, like an unknown job.
    stranger = await signed_in(gateway)
    assert_error(await stranger.client.get(f"/soundbox/job/{queued['job_id']}"), 404)
    assert_error(await stranger.client.get(f"/soundbox/job/{uuid.uuid4()}"), 404)


async def test_a_generation_s_library_id_is_its_job_id_and_its_file_name_s_stem(gateway: Any) -> None:
    """Seed 003 has one value for the three: votes, favorites and lookups take the job's id. A loop's
    duration is the whole seconds asked for, though its audio is a crossfade shorter."""
    session = await signed_in(gateway)
    word = "zz" + "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:10])
    body = {"prompt": f"{word} peaceful ambient piano melody", "duration": 2, "loop": True}
    job_id = (await session.client.post("/soundbox/generate", json=body)).json()["job_id"]
    done = await eventually(
        lambda: session.client.get(f"/soundbox/job/{job_id}"),
        lambda r: r.json()["status"] in ("completed", "failed"),
        within=60,
        what="completed",
    )
    assert done.json()["status"] == "completed" and done.json()["filename"] == f"{job_id}.wav"
    found = await eventually(
        lambda: session.client.get(f"/soundbox/api/library/{job_id}"),
        lambda r: r.status_code == 200,
        within=30,
        what="the library item",
    )
    item = found.json()
    assert (item["id"], item["filename"], item["duration"], item["is_loop"]) == (
        job_id,
        f"{job_id}.wav",
        2,
        1,
    )
    voted = await session.client.post(f"/soundbox/api/library/{job_id}/vote", json={"vote": 1})
    assert voted.status_code == 200 and voted.json() == {"success": True, "upvotes": 1, "downvotes": 0}
    favorited = await session.client.post(f"/soundbox/api/favorites/{job_id}", json={})
    assert favorited.status_code == 200 and favorited.json() == {"success": True}
    listed = (await session.client.get("/soundbox/api/library", params={"search": word})).json()
    assert [(i["id"], i["duration"]) for i in listed["items"]] == [(job_id, 2)]
    radio = (await session.client.get("/soundbox/api/radio/shuffle", params={"search": word})).json()
    assert [(t["id"], t["duration"]) for t in radio["tracks"]] == [(job_id, 2)]
    history = (await session.client.get("/soundbox/history", params={"user_id": session.user["id"]})).json()
    assert [(h["filename"], h["duration"], h["loop"]) for h in history if word in h["prompt"]] == [
        (f"{job_id}.wav", 2, True)
    ]


async def test_a_whole_duration_sent_as_a_float_is_those_seconds(gateway: Any) -> None:
    """JSON has no integer type: Python's json.dumps(1.0) sends 1.0, which was a 400."""
    session = await signed_in(gateway)
    body = {"prompt": "a whole second sent as 1.0", "duration": 1.0, "model": "audio"}
    response = await session.client.post("/soundbox/generate", json=body)
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]
    found = await eventually(
        lambda: session.client.get(f"/soundbox/api/library/{job_id}"),
        lambda r: r.status_code == 200,
        within=60,
        what="the library item",
    )
    assert found.json()["duration"] == 1


async def test_an_admin_finds_anyones_job_finished_too(gateway: Any) -> None:
    owner = await signed_in(gateway)
    body = {"prompt": "an admin looks it up", "duration": 1, "private": True}
    queued = (await owner.client.post("/soundbox/generate", json=body)).json()
    url = f"/soundbox/job/{queued['job_id']}"
    await eventually(
        lambda: owner.client.get(url), lambda r: r.json()["status"] == "completed", within=60, what="done"
    )
    admin = await signed_in(gateway)
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin.user["id"], role="admin")
    )
    seen = await admin.client.get(url)
    assert seen.status_code == 200, seen.text
    assert (seen.json()["id"], seen.json()["status"]) == (queued["job_id"], "completed")
    assert_error(await admin.client.get(f"/soundbox/job/{uuid.uuid4()}"), 404)
    stranger = await signed_in(gateway)
    assert_error(await stranger.client.get(url), 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"prompt": ""}, "prompt"),
        ({"prompt": "   "}, "prompt"),
        ({"prompt": "x" * 1001}, "prompt"),
        ({"prompt": "ok", "duration": 0}, "duration"),
        ({"prompt": "ok", "duration": 121}, "duration"),
        ({"prompt": "ok", "duration": "15"}, "duration"),
        ({"prompt": "ok", "duration": 1.5}, "duration"),
        ({"prompt": "ok", "duration": True}, "duration"),
        ({"prompt": "ok", "duration": 121.0}, "duration"),
        ({"prompt": "ok", "model": "video"}, "model"),
        ({"prompt": "ok", "priority": "vip"}, "priority"),
        ({"prompt": "ok", "loop": "yes"}, "loop"),
        ({"prompt": "ok", "model": "magnet-music", "duration": 30}, "duration"),
        ({}, "prompt"),
    ],
)
async def test_bad_input_is_400_naming_the_field_and_queues_nothing(
    gateway: Any, body: dict[str, Any], field: str
) -> None:
    session = await signed_in(gateway)
    assert_error(await session.client.post("/soundbox/generate", json=body), 400, field)
    mine = [j for j in (await session.client.get("/soundbox/api/queue")).json()["jobs"] if j["user_id"]]
    assert mine == []


async def test_writes_need_a_caller_who_acts_for_themselves(gateway: Any) -> None:
    assert_error(await gateway.client().post("/soundbox/generate", json={"prompt": "anonymous"}), 401)
    session = await signed_in(gateway)
    other = await signed_in(gateway)
    assert_error(
        await session.client.post("/soundbox/generate", json={"prompt": "x", "user_id": other.user["id"]}),
        403,
    )
    # Sound Box's default plan is standard: premium is above it.
    assert_error(
        await session.client.post("/soundbox/generate", json={"prompt": "x", "priority": "premium"}),
        403,
        "priority",
    )


async def test_queue_views_cancel_and_admission(gateway: Any, engine: ToneEngine) -> None:
    owner = await signed_in(gateway)
    anonymous = gateway.client()
    await idle(anonymous)
    engine.gate.clear()
    try:
        running = (await owner.client.post("/soundbox/generate", json={"prompt": "held running job"})).json()
        await eventually(
            lambda: anonymous.get("/soundbox/queue-status"),
            lambda r: r.json()["current_job"] == running["job_id"],
            what="the job running",
        )
        first = (await owner.client.post("/soundbox/generate", json={"prompt": "first waiting " * 5})).json()
        second = (await owner.client.post("/soundbox/generate", json={"prompt": "second waiting"})).json()
        assert (first["position"], second["position"]) == (1, 2)
        # max_waiting_per_user = 2: a third waiting job is refused with when to try again.
        refused = await owner.client.post("/soundbox/generate", json={"prompt": "third"})
        assert_error(refused, 429, "waiting")
        assert refused.json()["retry_after"] >= 1
        assert refused.headers["Retry-After"] == str(refused.json()["retry_after"])

        status = (await anonymous.get("/soundbox/queue-status")).json()
        assert status["queue_length"] == 2 and status["current_job"] == running["job_id"]
        assert [(j["id"], j["position"], j["status"]) for j in status["jobs"]] == [
            (running["job_id"], 0, "processing"),
            (first["job_id"], 1, "queued"),
            (second["job_id"], 2, "queued"),
        ]
        assert status["jobs"][1]["prompt"].endswith("...") and len(status["jobs"][1]["prompt"]) <= 40
        assert status["jobs"][1]["priority"] == "standard"

        public = (await anonymous.get("/soundbox/api/queue")).json()
        assert public["total"] == 3 and public["current_job"] == running["job_id"]
        assert {j["user_id"] for j in public["jobs"]} == {None}
        own = (await owner.client.get("/soundbox/api/queue")).json()
        assert {j["user_id"] for j in own["jobs"]} == {owner.user["id"]}
        job = own["jobs"][1]
        assert (job["model"], job["duration"], job["priority"], job["progress_pct"]) == (
            "music",
            8,
            "standard",
            0,
        )
        assert job["estimated_wait"] > 0

        stranger = await signed_in(gateway)
        assert_error(
            await stranger.client.post(f"/soundbox/api/queue/{first['job_id']}/cancel", json={}), 404
        )
        cancelled = await owner.client.post(f"/soundbox/api/queue/{first['job_id']}/cancel", json={})
        assert cancelled.status_code == 200 and cancelled.json() == {
            "success": True,
            "message": "Job cancelled",
        }
        # Sound Box's states are queued, processing, completed and failed: a client polling
        # until completed or failed stops.
        polled = await owner.client.get(f"/soundbox/job/{first['job_id']}")
        assert polled.status_code == 200, polled.text
        assert (polled.json()["status"], polled.json()["error"]) == ("failed", "Job cancelled")
        assert_error(
            await owner.client.post(f"/soundbox/api/queue/{running['job_id']}/cancel"), 400, "processing"
        )
        after = (await anonymous.get("/soundbox/queue-status")).json()
        assert [j["id"] for j in after["jobs"]] == [running["job_id"], second["job_id"]]
        assert after["jobs"][1]["position"] == 1
    finally:
        engine.gate.set()
    await idle(anonymous)
    assert "first waiting" not in " ".join(engine.started)


async def test_status_and_random_prompts(gateway: Any) -> None:
    client = gateway.client()
    status = (await client.get("/soundbox/status")).json()
    assert list(status) == ["models", "gpu", "queue_length", "estimated_wait"]
    assert set(status["models"]) == {"music", "audio", "magnet-music", "magnet-audio"}
    assert set(status["models"].values()) <= {"pending", "loading", "ready", "error"}
    assert status["gpu"]["available"] is False and status["gpu"]["memory_total_gb"] == 0
    session = await signed_in(gateway)
    music = (await session.client.post("/soundbox/random-prompt", json={"model": "music"})).json()["prompt"]
    audio = (await session.client.post("/soundbox/random-prompt", json={"model": "audio"})).json()["prompt"]
    assert len(music.split()) >= 4 and len(audio.split()) >= 4
    assert_error(await session.client.post("/soundbox/random-prompt", json={"model": "video"}), 400, "model")


async def test_generation_progress_reaches_the_owners_socket(gateway: Any) -> None:
    """Token progress goes out as job events; the user socket (/socket/websocket) carries them."""
    served = await start_gateway(gateway.backends.settings.model_copy(update={"http_port": 0}))
    try:
        user, token = await gateway.bearer()
        url = served.url.replace("http", "ws") + f"/socket/websocket?token={token}"
        async with connect(url) as ws:
            await ws.send(json.dumps(["1", "1", f"user:{user['id']}", "phx_join", {}]))
            async with asyncio.timeout(5):  # joined before the job exists: no update can be missed
                while (reply := json.loads(await ws.recv()))[3] != "phx_reply":
                    pass
            assert reply[4]["status"] == "ok", reply
            body = {"prompt": "progress over the socket", "duration": 4}
            response = await gateway.client().post(
                "/soundbox/generate", json=body, headers={"authorization": f"Bearer {token}"}
            )
            assert response.status_code == 200, response.text
            job_id = response.json()["job_id"]
            updates: list[dict[str, Any]] = []
            async with asyncio.timeout(60):
                while not updates or updates[-1]["status"] not in ("completed", "failed"):
                    frame = json.loads(await ws.recv())
                    if frame[3] == "job_update" and frame[4]["job_id"] == job_id:
                        updates.append(frame[4])
    finally:
        await served.stop()
    assert updates[-1]["status"] == "completed", updates[-1]
    generating = [u for u in updates if (u["stage"] or "").startswith("Generating: ")]
    assert generating, [u["stage"] for u in updates]
    # "Generating: 25/200 tokens" -- the tone engine's 50 tokens a second, 4 s: 200 in all (an
    # update at most every 0.5 s: the tone engine is done long before a second one).
    assert generating[-1]["stage"].endswith("/200 tokens")
    progress = [u["progress"] for u in updates]
    assert progress == sorted(progress) and 0 < generating[0]["progress"] < 100
