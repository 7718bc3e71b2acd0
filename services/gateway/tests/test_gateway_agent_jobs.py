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
