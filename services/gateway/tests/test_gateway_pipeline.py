"""The Audio Pipeline under /pipeline (seed 004) over the real library, ingest and separation services."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import pytest_asyncio
import soundfile

from soundforge.gateway.app import create_app
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.openapi_errors import DetailError
from soundforge.gateway.routes import pipeline
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.testing.demucs_models import build_model_repo
from soundforge.testing.ports import free_port
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

RATE = 44100
SECONDS = 3.0
STAGES = [
    ("audio_separation", "separator"),
    ("harmonic_percussive_separation", "decomposition"),
    ("composite_track_creation", "composition"),
    ("normalization", "audio_processing"),
]
OUTPUTS = [
    "vocals",
    "drums",
    "bass",
    "other",
    "harmonic",
    "percussive",
    "main",
    "main_harmonic",
    "main_percussive",
]
JOB_KEYS = ["job_id", "status", "created_at", "stages", "outputs"]
STAGE_KEYS = ["name", "processor_type", "status", "started_at", "completed_at", "error", "duration_seconds"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def song(seconds: float = SECONDS, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    audio = np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 277 * t)], axis=1) * 0.3
    audio += 0.02 * rng.standard_normal(audio.shape)
    buffer = io.BytesIO()
    soundfile.write(buffer, audio, RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def separation(
    library: RunningService, nats_url: str, blob_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningService]:
    repo = build_model_repo(tmp_path_factory.mktemp("models"), names=("htdemucs",))
    service = await start_separation(
        SeparationSettings(
            library_addr=library.address,
            nats_url=nats_url,
            blob_url=f"file://{blob_dir}",
            grpc_port=0,
            model_repo=str(repo),
            torch_threads=1,
        )
    )
    yield service
    await service.stop(0)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def backends(backends: Any, separation: RunningService) -> AsyncIterator[Any]:
    settings = backends.settings.model_copy(update={"separation_addr": separation.address})
    clients = GatewayClients.open(settings)
    yield dataclasses.replace(backends, settings=settings, clients=clients)
    await clients.close()


async def process(client: httpx.AsyncClient, token: str, seed: int, **form: str) -> httpx.Response:
    files = {"file": ("song.wav", song(seed=seed), "audio/wav")}
    return await client.post("/pipeline/process", files=files, data=form, headers=bearer(token))


async def started(client: httpx.AsyncClient, token: str, seed: int, **form: str) -> dict[str, Any]:
    response = await process(client, token, seed, **form)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def ended(client: httpx.AsyncClient, token: str, job_id: str) -> dict[str, Any]:
    async def poll() -> dict[str, Any]:
        response = await client.get(f"/pipeline/job/{job_id}", headers=bearer(token))
        assert response.status_code == 200, response.text
        return dict(response.json())

    return await eventually(poll, lambda job: job["status"] != "processing", within=240, what="pipeline")


def assert_detail(response: httpx.Response, status: int, detail: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["detail"] and isinstance(body["detail"], str), body
    if detail is not None:
        assert body["detail"] == detail


def kept(gateway: Any, user_id: str) -> list[Path]:
    """Every object of the user's: their tracks and what is staged for them."""
    root = gateway.backends.blob_dir
    return [path for prefix in ("users", "staging") for path in (root / prefix / user_id).rglob("*")]


# ---- public routes ----


async def test_health_is_public_and_tells_the_truth_about_the_separation_service(gateway: Any) -> None:
    healthy = await gateway.client().get("/pipeline/health")
    assert healthy.status_code == 200
    assert healthy.json() == {"status": "healthy", "version": "1.0.0", "pipeline_stages": 4}

    backends = gateway.backends
    nobody = backends.settings.model_copy(update={"separation_addr": f"127.0.0.1:{free_port()}"})
    clients = GatewayClients.open(nobody)
    try:
        app = create_app(nobody, clients, backends.bus, backends.blobs)
        down = await gateway.client(app).get("/pipeline/health")
    finally:
        await clients.close()
    assert down.status_code == 503
    assert down.json() == {"status": "unhealthy", "version": "1.0.0", "pipeline_stages": 4}


# ---- errors, all `{"detail": ...}` ----


async def test_every_private_route_wants_a_caller(gateway: Any) -> None:
    client = gateway.client()
    for method, path in (
        ("POST", "/pipeline/process"),
        ("GET", "/pipeline/job/j1"),
        ("GET", "/pipeline/job/j1/outputs"),
        ("GET", "/pipeline/download/j1/vocals"),
        ("GET", "/pipeline/download/j1/all"),
    ):
        assert_detail(await client.request(method, path), 401, "authentication required")
        assert_detail(
            await client.request(method, path, headers=bearer("sfa_nope")), 401, "invalid API token"
        )


async def test_a_session_must_echo_the_csrf_token_to_process(gateway: Any) -> None:
    session = await gateway.session()
    files = {"file": ("song.wav", song(seed=40), "audio/wav")}
    refused = await session.client.post("/pipeline/process", files=files)
    assert_detail(refused, 403, "CSRF token missing or invalid")
    poll = await session.client.get("/pipeline/job/unknown")
    assert_detail(poll, 404, "Job not found")  # a safe method needs no token


async def test_unknown_jobs_and_jobs_of_other_kinds_are_404(gateway: Any) -> None:
    user, token = await gateway.bearer()
    other = await gateway.backends.clients.library.CreateJob(
        library_pb2.CreateJobRequest(
            owner_id=user["id"], params=payloads_pb2.JobParams(analysis=payloads_pb2.AnalysisParams())
        )
    )
    client = gateway.client()
    for job_id in ("no-such-job", "5b0e3c1e-0000-4000-8000-000000000000", other.id):
        for path in (
            f"/pipeline/job/{job_id}",
            f"/pipeline/job/{job_id}/outputs",
            f"/pipeline/download/{job_id}/all",
            f"/pipeline/download/{job_id}/vocals",
        ):
            assert_detail(await client.get(path, headers=bearer(token)), 404, "Job not found")


async def test_routing_and_validation_errors_under_pipeline_are_detail_too(gateway: Any) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    assert_detail(await client.get("/pipeline/nope", headers=bearer(token)), 404)
    assert_detail(await client.delete("/pipeline/config"), 405)
    nul = await client.get("/pipeline/job/a%00b", headers=bearer(token))
    assert_detail(nul, 422)
    assert "job_id" in nul.json()["detail"]
    # The rest of the API keeps its own envelope.
    assert (await client.get("/api/nope", headers=bearer(token))).json() == {
        "error": "not found",
        "code": "NOT_FOUND",
    }


# ---- the document's flow ----


# ---- a client written from the document's Python examples ----


# ---- the contract ----


async def test_the_document_describes_every_pipeline_error_as_detail(gateway: Any) -> None:
    schema = (await gateway.client().get("/openapi.json")).json()
    detail_ref = f"#/components/schemas/{DetailError.__name__}"
    operations = [
        (path, op)
        for path, ops in schema["paths"].items()
        if path.startswith("/pipeline")
        for op in ops.values()
    ]
    assert len(operations) == 7
    for path, operation in operations:
        for status, response in operation["responses"].items():
            if int(status) >= 400 and path != "/pipeline/health":
                assert response["content"]["application/json"]["schema"]["$ref"] == detail_ref, (path, status)
    process_responses = schema["paths"]["/pipeline/process"]["post"]["responses"]
    assert {"200", "400", "401", "403", "413", "422", "429", "503"} <= set(process_responses)


async def test_download_all_is_routed_before_the_per_track_route() -> None:
    """Routes match in order: declared after it, `all` would be taken for a track's name."""
    paths = [getattr(route, "path", "") for route in pipeline.router.routes]
    assert paths.index("/pipeline/download/{job_id}/all") < paths.index(
        "/pipeline/download/{job_id}/{track_name}"
    )
