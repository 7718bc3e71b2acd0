"""The Orchestrator's job tools over the real analysis and separation services: jobs it starts are the
caller's, show up as `actions`, and another user's track starts nothing."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
import soundfile

from soundforge.analysis.app import start as start_analysis
from soundforge.analysis.settings import AnalysisSettings
from soundforge.runtime.service import RunningService
from soundforge.testing.fake_llm import FakeLLM, fake_llm

pytestmark = pytest.mark.asyncio(loop_scope="session")

CHAT = "/api/agents/chat"
RATE = 22050


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeLLM]:
    with fake_llm() as server:
        yield server


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def analysis(library: RunningService, nats_url: str, blob_dir: Path) -> AsyncIterator[RunningService]:
    settings = AnalysisSettings(
        library_addr=library.address, nats_url=nats_url, blob_url=f"file://{blob_dir}", grpc_port=0
    )
    service = await start_analysis(settings)
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def analysis_addr(analysis: RunningService) -> str:
    return analysis.address


@pytest.fixture(scope="module")
def separation_addr(demucs_separation: RunningService) -> str:
    return demucs_separation.address


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def song(seconds: float = 1.0) -> bytes:
    t = np.arange(int(seconds * RATE)) / RATE
    audio = np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 330 * t)], axis=1) * 0.3
    buffer = io.BytesIO()
    soundfile.write(buffer, audio, RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


async def upload(gateway: Any, token: str) -> str:
    files = {"file": ("song.wav", song(), "audio/wav")}
    response = await gateway.client().post(
        "/api/tracks", files=files, data={"title": "Song"}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["id"])


def tool_results(request: dict[str, Any]) -> list[dict[str, Any]]:
    return [json.loads(m["content"]) for m in request["messages"] if m["role"] == "tool"]


async def test_the_orchestrator_starts_the_callers_jobs(gateway, fake: FakeLLM) -> None:
    _, token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    track_id = await upload(gateway, token)
    client = gateway.client(**fake.gateway_settings())
    fake.call_tools(
        ("analyze_track", {"track_id": track_id}),
        ("separate_stems", {"track_id": track_id, "model": "htdemucs"}),
        ("separate_stems", {"track_id": track_id, "model": "no-such-model"}),
    )
    fake.answer("Analysis and separation are on their way.")
    response = await client.post(CHAT, json={"message": "analyse and split my song"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    analysis_job, separation_job = data["actions"]
    assert analysis_job == {
        "type": "analysis",
        "job_id": analysis_job["job_id"],
        "track_id": track_id,
        "status": "queued",
        "model": None,
    }
    assert separation_job == {
        "type": "separation",
        "job_id": separation_job["job_id"],
        "track_id": track_id,
        "status": "queued",
        "model": "htdemucs",
    }
    bad_model = tool_results(fake.chat_requests[-1])[2]
    assert bad_model["error"].startswith("model must be one of htdemucs")

    for job in (analysis_job, separation_job):
        mine = await client.get(f"/api/jobs/{job['job_id']}", headers=bearer(token))
        assert mine.status_code == 200, mine.text
        assert mine.json()["data"]["kind"] == job["type"]
        theirs = await client.get(f"/api/jobs/{job['job_id']}", headers=bearer(other_token))
        assert theirs.status_code == 404


async def test_another_users_track_starts_nothing(gateway, fake: FakeLLM) -> None:
    _, owner_token = await gateway.bearer()
    _, token = await gateway.bearer()
    track_id = await upload(gateway, owner_token)
    client = gateway.client(**fake.gateway_settings())
    fake.call_tools(("analyze_track", {"track_id": track_id}), ("separate_stems", {"track_id": track_id}))
    fake.answer("I could not find that track.")
    response = await client.post(CHAT, json={"message": f"split {track_id}"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["data"]["actions"] == []
    assert tool_results(fake.chat_requests[-1]) == [
        {"error": "track not found", "code": "NOT_FOUND"},
        {"error": "track not found", "code": "NOT_FOUND"},
    ]
    jobs = await client.get("/api/jobs", headers=bearer(owner_token))
    assert jobs.json()["data"] == []


def refused(result: dict[str, Any]) -> bool:
    return (
        set(result) == {"error", "code", "retry_after"}
        and (result["error"], result["code"]) == ("rate limit exceeded", "RATE_LIMITED")
        and isinstance(result["retry_after"], int)
        and result["retry_after"] >= 1
    )


async def test_each_job_a_tool_starts_is_an_api_heavy_hit(gateway, fake: FakeLLM) -> None:
    """Four heavy hits a window: the chat itself, then three jobs; the fourth and fifth are refused."""
    fake.script.clear()
    _, token = await gateway.bearer()
    track_id = await upload(gateway, token)
    # A window of an hour, so the test does not straddle one.
    client = gateway.client(**fake.gateway_settings(), rate_limit_heavy=4, rate_window_seconds=3600)
    fake.call_tools(("analyze_track", {"track_id": track_id}), ("separate_stems", {"track_id": track_id}))
    fake.call_tools(
        ("list_tracks", {}),  # starts nothing, costs nothing
        ("analyze_track", {"track_id": track_id}),
        ("analyze_track", {"track_id": track_id}),
        ("separate_stems", {"track_id": track_id}),
    )
    fake.answer("Two analyses and a separation started; the rest must wait.")
    response = await client.post(CHAT, json={"message": "analyse it all"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert [(a["type"], a["track_id"]) for a in data["actions"]] == [
        ("analysis", track_id),
        ("separation", track_id),
        ("analysis", track_id),
    ]
    listed, third, fourth, fifth = tool_results(fake.chat_requests[-1])[2:]
    assert "tracks" in listed and third["job_id"] == data["actions"][2]["job_id"]
    assert refused(fourth) and refused(fifth)
    # The turn went on after the refusals, and the model's answer is the reply.
    assert data["reply"] == "Two analyses and a separation started; the rest must wait."
    # The answer's headers show what the turn spent; the turn itself succeeded, so no Retry-After.
    assert (response.headers["X-RateLimit-Limit"], response.headers["X-RateLimit-Remaining"]) == ("4", "0")
    assert "Retry-After" not in response.headers

    jobs = (await client.get("/api/jobs", headers=bearer(token))).json()["data"]
    assert sorted(j["id"] for j in jobs) == sorted(a["job_id"] for a in data["actions"])
    again = await client.post(CHAT, json={"message": "more"}, headers=bearer(token))
    assert again.status_code == 429
    rest = await client.post("/api/analysis/analyze", json={"track_id": track_id}, headers=bearer(token))
    assert rest.status_code == 429


async def test_the_headers_count_the_jobs_a_turn_started(gateway, fake: FakeLLM) -> None:
    fake.script.clear()
    _, token = await gateway.bearer()
    track_id = await upload(gateway, token)
    client = gateway.client(**fake.gateway_settings(), rate_limit_heavy=10, rate_window_seconds=3600)
    fake.call_tools(("analyze_track", {"track_id": track_id}), ("analyze_track", {"track_id": track_id}))
    fake.answer("Started.")
    response = await client.post(CHAT, json={"message": "analyse twice"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert len(response.json()["data"]["actions"]) == 2
    assert response.headers["X-RateLimit-Remaining"] == "7"  # the chat and its two jobs
    # The REST route counts on the same counter: one more leaves six.
    rest = await client.post("/api/analysis/analyze", json={"track_id": track_id}, headers=bearer(token))
    assert rest.status_code == 201, rest.text
    assert rest.headers["X-RateLimit-Remaining"] == "6"


async def test_a_failed_turn_names_its_thread_and_the_jobs_it_started(gateway, fake: FakeLLM) -> None:
    fake.script.clear()
    _, token = await gateway.bearer()
    track_id = await upload(gateway, token)
    client = gateway.client(**fake.gateway_settings(), llm_max_tool_rounds=1)
    error = "the model still asked for tools after 1 rounds"

    # A new thread: the body names the thread the route created.
    fake.call_tools(("analyze_track", {"track_id": track_id}))
    fake.call_tools(("list_tracks", {}))  # past the last round
    first = await client.post(CHAT, json={"message": "loop forever"}, headers=bearer(token))
    assert first.status_code == 502, first.text
    body = first.json()
    [job] = body["actions"]
    assert body == {
        "error": error,
        "code": "UPSTREAM_ERROR",
        "conversation_id": body["conversation_id"],
        "actions": [
            {
                "type": "analysis",
                "job_id": job["job_id"],
                "track_id": track_id,
                "status": "queued",
                "model": None,
            }
        ],
    }
    conversation_id = body["conversation_id"]
    thread = await client.get(f"/api/agents/conversations/{conversation_id}", headers=bearer(token))
    assert thread.status_code == 200
    assert [(m["role"], m["error"]) for m in thread.json()["data"]["messages"]] == [
        ("user", None),
        ("tool", None),
        ("assistant", error),
    ]
    started = await client.get(f"/api/jobs/{job['job_id']}", headers=bearer(token))
    assert started.status_code == 200 and started.json()["data"]["kind"] == "analysis"

    # An existing thread: the same thread, and only this turn's jobs.
    fake.call_tools(("separate_stems", {"track_id": track_id}))
    fake.call_tools(("list_tracks", {}))
    second = await client.post(
        CHAT, json={"message": "again", "conversation_id": conversation_id}, headers=bearer(token)
    )
    assert second.status_code == 502, second.text
    again = second.json()
    assert (again["error"], again["code"], again["conversation_id"]) == (
        error,
        "UPSTREAM_ERROR",
        conversation_id,
    )
    assert [(a["type"], a["model"]) for a in again["actions"]] == [("separation", "htdemucs")]
    assert again["actions"][0]["job_id"] != job["job_id"]
    listed = (await client.get("/api/agents/conversations", headers=bearer(token))).json()["data"]
    assert [(c["id"], c["message_count"]) for c in listed] == [(conversation_id, 6)]
