"""The Audio Pipeline under /pipeline (seed 004) over the real library, ingest and separation services."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import soundfile

from soundforge.gateway.app import create_app
from soundforge.gateway.app import start as start_gateway
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.openapi_errors import DetailError
from soundforge.gateway.routes import pipeline
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.separation.catalog import ModelCatalog
from soundforge.testing.ports import free_port
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

RATE = 44100
SECONDS = 3.0
LIMIT_MB = 1
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


@pytest.fixture(scope="module")
def separation_overrides() -> dict[str, Any]:
    return {"pipeline_max_file_size_mb": LIMIT_MB}  # the smallest: a 7-second song is over it


@pytest.fixture(scope="module")
def separation_addr(demucs_separation: RunningService) -> str:
    return demucs_separation.address


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


async def _anything_goes(context: Any, model: int) -> None:
    return None


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


async def test_config_is_public_and_as_documented(gateway: Any) -> None:
    response = await gateway.client().get("/pipeline/config")
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == ["max_file_size_mb", "supported_formats", "pipeline_stages"]
    assert body["max_file_size_mb"] == LIMIT_MB  # the separation service's setting, not a constant
    assert {"wav", "mp3", "flac", "ogg"} <= set(body["supported_formats"])
    assert body["pipeline_stages"] == [{"name": n, "processor_type": p} for n, p in STAGES]


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


async def test_missing_file_is_400_no_filename_provided(gateway: Any) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    no_file = await client.post(
        "/pipeline/process", data={"model": "htdemucs"}, files={"x": ("a", b"")}, headers=bearer(token)
    )
    assert_detail(no_file, 400, "No filename provided")
    nameless = await client.post(
        "/pipeline/process", files={"file": ("", song(seed=41), "audio/wav")}, headers=bearer(token)
    )
    assert_detail(nameless, 400, "No filename provided")
    no_body = await client.post("/pipeline/process", headers=bearer(token))
    assert_detail(no_body, 400, "No filename provided")


async def test_unsupported_formats_are_400_and_nothing_is_kept(gateway: Any) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    aac = await client.post(
        "/pipeline/process", files={"file": ("song.aac", song(seed=42), "audio/aac")}, headers=bearer(token)
    )
    assert_detail(aac, 400, "Unsupported audio format: .aac")
    bare = await client.post(
        "/pipeline/process", files={"file": ("song", song(seed=42), "audio/wav")}, headers=bearer(token)
    )
    assert_detail(bare, 400, "Unsupported audio format: (no extension)")
    text = await client.post(
        "/pipeline/process",
        files={"file": ("notes.wav", b"not audio at all " * 64, "audio/wav")},
        headers=bearer(token),
    )
    assert_detail(text, 400, "Unsupported audio format: .wav (the file is not audio)")
    assert kept(gateway, user["id"]) == []


async def test_an_upload_over_the_configs_limit_is_413_and_nothing_is_kept(gateway: Any) -> None:
    user, token = await gateway.bearer()
    seven_seconds = song(seconds=7.0, seed=45)
    assert len(seven_seconds) > LIMIT_MB * 1024 * 1024
    response = await gateway.client().post(
        "/pipeline/process", files={"file": ("song.wav", seven_seconds, "audio/wav")}, headers=bearer(token)
    )
    assert_detail(response, 413, f"File too large: the limit is {LIMIT_MB} MB")
    # Without a Content-Length the body is streamed into storage until it passes the limit.
    request = httpx.Request("POST", "http://x/", files={"file": ("song.wav", seven_seconds, "audio/wav")})
    body = request.read()

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    headers = {**bearer(token), "Content-Type": request.headers["Content-Type"]}
    streamed = await gateway.client().post("/pipeline/process", content=chunks(), headers=headers)
    assert "content-length" not in {k.lower() for k in streamed.request.headers}
    assert_detail(streamed, 413, f"File too large: the limit is {LIMIT_MB} MB")
    assert kept(gateway, user["id"]) == []


async def test_the_gateways_own_upload_limit_holds_too(gateway: Any) -> None:
    user, token = await gateway.bearer()
    client = gateway.client(max_upload_bytes=64 * 1024)
    response = await client.post(
        "/pipeline/process", files={"file": ("song.wav", song(seed=43), "audio/wav")}, headers=bearer(token)
    )
    assert_detail(response, 413, "File too large: the limit is 65536 bytes")
    assert kept(gateway, user["id"]) == []


@pytest.mark.parametrize(
    ("form", "field"),
    [({"model": "spleeter"}, "model"), ({"callback_url": "ftp://example.com/x"}, "callback_url")],
)
async def test_bad_form_fields_are_422_naming_the_field(
    gateway: Any, form: dict[str, str], field: str
) -> None:
    _, token = await gateway.bearer()
    response = await process(gateway.client(), token, seed=44, **form)
    assert_detail(response, 422)
    assert response.json()["detail"].startswith(f"{field}: ")


async def test_process_is_heavy(gateway: Any) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(rate_limit_heavy=1)
    first = await client.post("/pipeline/process", headers=bearer(token))
    assert_detail(first, 400, "No filename provided")
    second = await client.post("/pipeline/process", headers=bearer(token))
    assert_detail(second, 429, "rate limit exceeded")
    assert int(second.headers["Retry-After"]) >= 1
    # Polling is not heavy: only api_auth counts it.
    assert (await client.get("/pipeline/job/x", headers=bearer(token))).status_code == 404


# ---- the document's flow ----


async def test_upload_poll_outputs_each_download_and_the_zip(gateway: Any) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    queued = await started(client, token, seed=1)
    assert kept(gateway, user["id"])  # what the refusals above must leave none of
    assert list(queued) == JOB_KEYS
    assert queued["status"] == "processing" and queued["outputs"] == {}
    assert [(s["name"], s["processor_type"]) for s in queued["stages"]] == STAGES
    assert all(list(stage) == STAGE_KEYS for stage in queued["stages"])
    assert queued["stages"][0]["status"] in ("pending", "processing")
    assert [s["status"] for s in queued["stages"][1:]] == ["pending"] * 3
    assert queued["created_at"][10] == "T" and "+" not in queued["created_at"]

    job_id = queued["job_id"]
    job = await ended(client, token, job_id)
    assert job["status"] == "completed", job
    assert job["job_id"] == job_id and job["created_at"] == queued["created_at"]
    for stage in job["stages"]:
        assert stage["status"] == "completed" and stage["error"] is None, stage
        assert stage["started_at"] <= stage["completed_at"]
        assert stage["duration_seconds"] >= 0
    paths = {name: f"/pipeline/download/{job_id}/{name}" for name in OUTPUTS}
    assert job["outputs"] == paths
    outputs = await client.get(f"/pipeline/job/{job_id}/outputs", headers=bearer(token))
    assert outputs.status_code == 200 and outputs.json() == paths

    downloaded: dict[str, bytes] = {}
    for name, path in paths.items():
        response = await client.get(path, headers=bearer(token))
        assert response.status_code == 200, (name, response.text)
        assert response.headers["content-type"] == "audio/wav"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert f'filename="{name}.wav"' in response.headers["content-disposition"]
        audio, rate = soundfile.read(io.BytesIO(response.content))
        assert rate == RATE and audio.shape == (int(SECONDS * RATE), 2), name
        downloaded[name] = response.content
    assert np.abs(soundfile.read(io.BytesIO(downloaded["main"]))[0]).max() > 0.01

    archive = await client.get(f"/pipeline/download/{job_id}/all", headers=bearer(token))
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/zip"
    assert archive.headers["x-content-type-options"] == "nosniff"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as opened:
        assert opened.testzip() is None
        assert sorted(opened.namelist()) == sorted(f"{name}.wav" for name in OUTPUTS)
        for name, content in downloaded.items():
            assert opened.read(f"{name}.wav") == content

    missing = await client.get(f"/pipeline/download/{job_id}/kazoo", headers=bearer(token))
    assert_detail(missing, 404, "Track not found")


async def test_a_poll_shows_the_stages_moving(gateway: Any) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    # Long enough (still under the 1 MB limit) for each stage to be seen: seconds, not milliseconds.
    files = {"file": ("long.wav", song(seconds=5.5, seed=6), "audio/wav")}
    response = await client.post("/pipeline/process", files=files, headers=bearer(token))
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]
    seen: list[tuple[str, ...]] = []

    async def poll() -> dict[str, Any]:
        job = dict((await client.get(f"/pipeline/job/{job_id}", headers=bearer(token))).json())
        snapshot = (job["status"], *(stage["status"] for stage in job["stages"]))
        if not seen or seen[-1] != snapshot:
            seen.append(snapshot)
        return job

    final = await eventually(poll, lambda job: job["status"] != "processing", within=240, what="pipeline")
    assert final["status"] == "completed", final
    for _status, *stages in seen:
        # Stages run in order: finished ones, at most one running, then those not started.
        ranks = ["completed", "processing", "pending"]
        assert stages == sorted(stages, key=ranks.index) and stages.count("processing") <= 1, seen
    running = [stages for status, *stages in seen if status == "processing" and "completed" in stages]
    assert len({tuple(stages) for stages in running}) >= 2, seen  # moved while being polled


async def test_a_job_is_visible_only_to_its_owner(gateway: Any) -> None:
    _, token = await gateway.bearer()
    _, stranger = await gateway.bearer()
    client = gateway.client()
    job_id = (await started(client, token, seed=2))["job_id"]
    assert (await ended(client, token, job_id))["status"] == "completed"
    for path in (
        f"/pipeline/job/{job_id}",
        f"/pipeline/job/{job_id}/outputs",
        f"/pipeline/download/{job_id}/vocals",
        f"/pipeline/download/{job_id}/all",
    ):
        assert (await client.get(path, headers=bearer(token))).status_code == 200, path
        assert_detail(await client.get(path, headers=bearer(stranger)), 404, "Job not found")


async def test_a_job_whose_track_was_deleted_is_gone_everywhere_with_its_outputs(gateway: Any) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    job_id = (await started(client, token, seed=7))["job_id"]
    assert (await ended(client, token, job_id))["status"] == "completed"
    record = await gateway.backends.clients.library.GetJob(
        library_pb2.GetJobRequest(owner_id=user["id"], job_id=job_id)
    )
    deleted = await client.delete(f"/api/tracks/{record.track_id}", headers=bearer(token))
    assert deleted.status_code == 204, deleted.text
    # Not 9 download paths that each 404: the record, its outputs and every download agree.
    for path in (
        f"/pipeline/job/{job_id}",
        f"/pipeline/job/{job_id}/outputs",
        f"/pipeline/download/{job_id}/vocals",
        f"/pipeline/download/{job_id}/all",
    ):
        assert_detail(await client.get(path, headers=bearer(token)), 404, "Job not found")


async def test_a_model_reported_unavailable_is_503_and_nothing_is_kept(gateway: Any) -> None:
    """htdemucs_ft has no weights here (GET /api/processing/models): refused before the upload
    becomes a track, instead of a job whose first stage fails the same second."""
    user, token = await gateway.bearer()
    response = await process(gateway.client(), token, seed=4, model="htdemucs_ft")
    assert_detail(response, 503)
    assert "htdemucs_ft has no weights on this deployment" in response.json()["detail"]
    assert kept(gateway, user["id"]) == []
    jobs = await gateway.backends.clients.library.ListJobs(library_pb2.ListJobsRequest(owner_id=user["id"]))
    assert list(jobs.jobs) == []


async def test_a_failing_stage_fails_the_job_with_its_error_and_no_outputs(
    gateway: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    # This deployment has no weights for htdemucs_ft, which StartPipeline refuses (503); admitted as
    # if they had vanished since, the first stage fails, the job with it. The callback's address is
    # private, which the worker's SSRF rules refuse to call.
    monkeypatch.setattr(ModelCatalog, "require_available", lambda self, model: self.spec(model))
    monkeypatch.setattr(pipeline, "_require_available", _anything_goes)
    hook = "http://10.255.255.1/hooks/pipeline"
    job_id = (await started(client, token, seed=3, model="htdemucs_ft", callback_url=hook))["job_id"]
    record = await gateway.backends.clients.library.GetJob(
        library_pb2.GetJobRequest(owner_id=user["id"], job_id=job_id)
    )
    assert record.params.pipeline.model == payloads_pb2.SEPARATION_MODEL_HTDEMUCS_FT
    assert record.params.pipeline.callback_url == hook
    job = await ended(client, token, job_id)
    assert job["status"] == "failed"
    first, *rest = job["stages"]
    assert first["status"] == "failed" and "htdemucs_ft" in first["error"], first
    assert [s["status"] for s in rest] == ["pending"] * 3
    assert job["outputs"] == {}
    assert (await client.get(f"/pipeline/job/{job_id}/outputs", headers=bearer(token))).json() == {}
    assert_detail(
        await client.get(f"/pipeline/download/{job_id}/vocals", headers=bearer(token)), 404, "Track not found"
    )
    assert_detail(await client.get(f"/pipeline/download/{job_id}/all", headers=bearer(token)), 404)


# ---- a client written from the document's Python examples ----


def document_process(requests: Any, base_url: str, song_path: Path) -> str:
    """ "3. Process Audio", Python, as written (base URL aside)."""
    with open(song_path, "rb") as f:
        files = {"file": f}
        response = requests.post(f"{base_url}/process", files=files)
        data = response.json()
        job_id = data["job_id"]
    return str(job_id)


def document_status(requests: Any, base_url: str, job_id: str) -> dict[str, Any]:
    """ "4. Get Job Status", Python."""
    response = requests.get(f"{base_url}/job/{job_id}")
    status = response.json()
    return dict(status)


def document_downloads(requests: Any, base_url: str, job_id: str, out: Path) -> None:
    """ "6. Download Track" and "7. Download All Tracks", Python, writing where the examples write."""
    response = requests.get(f"{base_url}/download/{job_id}/vocals")
    with open(out / "vocals.wav", "wb") as f:
        f.write(response.content)
    response = requests.get(f"{base_url}/download/{job_id}/all")
    with open(out / "tracks.zip", "wb") as f:
        f.write(response.content)


async def test_a_client_written_from_the_document_works_by_changing_its_base_url(
    gateway: Any, tmp_path: Path
) -> None:
    _, token = await gateway.bearer()
    settings = gateway.backends.settings.model_copy(update={"http_port": 0})
    server = await start_gateway(settings)
    # `requests.post(url, files=...)` and `.get(url)`: httpx's API is the same; the session carries the key.
    requests = httpx.Client(headers=bearer(token), timeout=60)
    try:
        base_url = f"{server.url}/pipeline"
        song_path = tmp_path / "song.wav"
        song_path.write_bytes(song(seed=4))
        job_id = await asyncio.to_thread(document_process, requests, base_url, song_path)

        async def status() -> dict[str, Any]:
            return await asyncio.to_thread(document_status, requests, base_url, job_id)

        final = await eventually(status, lambda s: s["status"] != "processing", within=240, what="pipeline")
        assert final["status"] == "completed", final
        assert sorted(final["outputs"]) == sorted(OUTPUTS)
        await asyncio.to_thread(document_downloads, requests, base_url, job_id, tmp_path)
    finally:
        await asyncio.to_thread(requests.close)
        await server.stop()
    audio, rate = soundfile.read(tmp_path / "vocals.wav")
    assert rate == RATE and audio.shape == (int(SECONDS * RATE), 2)
    with zipfile.ZipFile(tmp_path / "tracks.zip") as opened:
        assert sorted(opened.namelist()) == sorted(f"{name}.wav" for name in OUTPUTS)
        assert opened.read("vocals.wav") == (tmp_path / "vocals.wav").read_bytes()


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
