"""`make run`'s supervisor: the platform as processes on the ports it is given, a dead worker
restarted, and Ctrl-C stopping the services first and NATS last."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from platform_client import SR, bearer_for, finished_job, finished_separation, job_json, upload
from soundforge.testing.audio import click_track, encode
from soundforge.testing.audiocraft_models import build_generation_model_dir
from soundforge.testing.demucs_models import build_model_repo
from soundforge.testing.ports import free_port
from soundforge.testing.waiting import eventually, eventually_sync

pytestmark = pytest.mark.slow

# Generous: on a loaded 2-core machine the analysis warm-up (numba) alone can take a minute.
READY_WITHIN = 240.0


@dataclass
class SupervisedPlatform:
    """A supervisor this test started, and what it reports in its state file."""

    proc: subprocess.Popen[bytes]
    state_file: Path
    log_file: Path
    given_ports: dict[str, int]

    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = json.loads(self.state_file.read_text())
        return state

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.given_ports['http']}"

    def output(self) -> str:
        return self.log_file.read_text(errors="replace")

    def wait_until_serving(self) -> dict[str, Any]:
        """Waits until the gateway's /health is ok and every gRPC service says SERVING."""
        eventually_sync(self.state_file.exists, within=30, what="the supervisor's state file")
        eventually_sync(
            lambda: self.proc.poll() is not None or self.state()["status"] == "up",
            within=READY_WITHIN,
            what="every process started",
        )
        assert self.proc.poll() is None, self.output()
        state = self.state()
        eventually_sync(lambda: gateway_health(self.url), within=READY_WITHIN, what="the gateway's /health")
        for name, port in state["ports"]["grpc"].items():
            eventually_sync(partial(serving, port), within=READY_WITHIN, what=f"{name} SERVING")
        return state


def gateway_health(url: str) -> bool:
    try:
        return httpx.get(url + "/health", timeout=2).json() == {"status": "ok"}
    except (httpx.HTTPError, ValueError):
        return False


def serving(port: int) -> bool:
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
        except grpc.RpcError:
            return False
    return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def numba_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by the module's platforms, so only the first analysis warm-up compiles."""
    return tmp_path_factory.mktemp("numba")


@contextmanager
def supervised_platform(tmp: Path, numba_cache: Path, **env: str) -> Iterator[SupervisedPlatform]:
    """Starts `python -m soundforge.testing.supervisor` on free ports (gRPC and metrics: port 0,
    picked by the supervisor), so it never meets a `make run` on the default ports.

    On the way out it is asked to stop like a person would (SIGINT); should it not exit, it and
    the children it reported are killed, by their pids."""
    given = {"http": free_port(), "nats": free_port(), "nats_monitor": free_port()}
    log_file = tmp / "supervisor.log"
    argv = [sys.executable, "-m", "soundforge.testing.supervisor", "--var", str(tmp / "var")]
    argv += ["--port", str(given["http"]), "--nats-port", str(given["nats"])]
    argv += [
        "--nats-monitor-port",
        str(given["nats_monitor"]),
        "--grpc-base-port",
        "0",
        "--metrics-base-port",
        "0",
    ]
    with log_file.open("wb") as log:
        proc = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NUMBA_CACHE_DIR": str(numba_cache), **env},
        )
    platform = SupervisedPlatform(proc, tmp / "var" / "supervisor.json", log_file, given)
    try:
        yield platform
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if platform.state_file.exists():
            for child in platform.state()["processes"].values():
                if child["pid"] is not None and alive(child["pid"]):
                    os.kill(child["pid"], signal.SIGKILL)


async def kill_and_await_restart(platform: SupervisedPlatform, name: str) -> dict[str, Any]:
    """SIGKILLs the service's process and waits until the supervisor has started it again."""
    victim = platform.state()["processes"][name]["pid"]
    os.kill(victim, signal.SIGKILL)
    state: dict[str, Any] = await eventually(
        lambda: asyncio.to_thread(platform.state),
        lambda state: state["processes"][name]["pid"] not in (None, victim),
        within=60,
        what=f"the supervisor restarted {name}",
    )
    return state


async def analysis_survives_a_killed_worker(platform: SupervisedPlatform) -> dict[str, Any]:
    """Uploads a long track, kills the analysis process mid-job, and waits for the job's outcome."""
    async with httpx.AsyncClient(base_url=platform.url, timeout=60) as client:
        _, auth = await bearer_for(client, "crash@example.com")
        track = await upload(client, auth, "long.wav", seconds=900)
        r = await client.post(
            "/api/analysis/analyze", json={"track_id": track["id"], "features": ["all"]}, headers=auth
        )
        assert r.status_code == 201, r.text
        job_id = r.json()["data"]["job_id"]
        job = await eventually(
            lambda: job_json(client, job_id, auth),
            lambda job: job["status"] != "queued",
            within=READY_WITHIN,
            what="the analysis job started",
            interval=0.02,
        )
        assert job["status"] == "processing", job
        restarted = await kill_and_await_restart(platform, "analysis")
        assert restarted["processes"]["analysis"]["restarts"] == 1
        return await finished_job(client, job_id, auth, within=300)


async def separation_survives_a_killed_worker(platform: SupervisedPlatform) -> tuple[dict[str, Any], str]:
    """Separates a minute of audio, kills the separation process mid-window, waits for the outcome."""
    async with httpx.AsyncClient(base_url=platform.url, timeout=60) as client:
        _, auth = await bearer_for(client, "stems@example.com")
        track = await upload(client, auth, "minute.wav", seconds=60)
        r = await client.post("/api/processing/separate", json={"track_id": track["id"]}, headers=auth)
        assert r.status_code == 201, r.text
        job_id = r.json()["data"]["job_id"]
        await eventually(
            lambda: job_json(client, job_id, auth),
            lambda job: job["status"] == "processing" and job["progress"] > 5,
            within=READY_WITHIN,
            what="the separation is past its first window",
            interval=0.02,
        )
        await kill_and_await_restart(platform, "separation")
        record = await finished_job(client, job_id, auth, within=300)
        assert record["attempts"] == 2, record  # died holding it; the restarted worker finished it
        return await finished_separation(client, job_id, auth), job_id


async def pipeline_survives_a_killed_worker(
    platform: SupervisedPlatform,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An Audio Pipeline job whose worker is SIGKILLed after its first stage: finished stages are kept."""
    async with httpx.AsyncClient(base_url=platform.url, timeout=60) as client:
        _, auth = await bearer_for(client, "pipeline@example.com")
        wav = encode(click_track(100, seconds=40, sample_rate=SR), SR)
        r = await client.post(
            "/pipeline/process", files={"file": ("song.wav", wav, "audio/wav")}, headers=auth
        )
        assert r.status_code == 200, r.text
        job_id = r.json()["job_id"]

        async def record() -> dict[str, Any]:
            response = await client.get(f"/pipeline/job/{job_id}", headers=auth)
            assert response.status_code == 200, response.text
            return dict(response.json())

        before = await eventually(
            record,
            lambda job: job["stages"][1]["status"] == "processing",
            within=READY_WITHIN,
            what="the pipeline reached its second stage",
            interval=0.02,
        )
        await kill_and_await_restart(platform, "separation")
        done = await eventually(
            record,
            lambda job: job["status"] != "processing",
            within=300,
            what="the pipeline ended",
            interval=0.2,
        )
        # The separation finished before the kill and was not run again: its record is the same one.
        assert done["stages"][0] == before["stages"][0]
        return done, await job_json(client, job_id, auth)


async def generation_survives_a_killed_worker(
    platform: SupervisedPlatform,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A 45 s MusicGen clip (tiny model, continuation past its window) whose worker is SIGKILLed
    mid-generation: the restarted worker completes it, once."""
    async with httpx.AsyncClient(base_url=platform.url, timeout=60) as client:
        _, auth = await bearer_for(client, "generate@example.com")
        r = await client.post("/soundbox/generate", json={"prompt": "survivor", "duration": 45}, headers=auth)
        assert r.status_code == 200, r.text
        job_id = r.json()["job_id"]

        async def poll() -> dict[str, Any]:
            response = await client.get(f"/soundbox/job/{job_id}", headers=auth)
            assert response.status_code == 200, response.text
            return dict(response.json())

        await eventually(
            poll,
            lambda job: job["status"] == "processing" and job["progress_pct"] > 5,
            within=READY_WITHIN,
            what="the generation is under way",
            interval=0.05,
        )
        await kill_and_await_restart(platform, "generation")
        record = await finished_job(client, job_id, auth, within=300)
        return await poll(), record


# Four kill-and-restart rounds, each a worker's restart plus a redelivery: about 200 s on a quiet
# 2-core machine, which left the suite's 300 s limit too little room on a loaded one.
@pytest.mark.timeout(600)
def test_supervisor_restarts_a_killed_worker_and_the_job_survives(tmp_path: Path, numba_cache: Path) -> None:
    # A killed worker's job comes back after ack_wait: seconds here, not the default 30.
    repo = build_model_repo(tmp_path / "models", names=("htdemucs",))
    build_generation_model_dir(tmp_path / "generation-models")
    env = {
        "GENERATION_ACK_WAIT_SECONDS": "3",
        "GENERATION_MODEL_DIR": str(tmp_path / "generation-models"),
        "GENERATION_TORCH_THREADS": "1",
        "ANALYSIS_ACK_WAIT_SECONDS": "3",
        "SEPARATION_ACK_WAIT_SECONDS": "3",
        "SEPARATION_MODEL_REPO": str(repo),
        "SEPARATION_TORCH_THREADS": "1",
        "GATEWAY_RATE_LIMIT_AUTH": "100000",
        "GATEWAY_RATE_LIMIT_HEAVY": "100000",
        "GATEWAY_RATE_LIMIT_REGISTER": "100000",
        "GATEWAY_RATE_LIMIT_LOG_IN": "100000",
        # The generation is polled every 50 ms until it is under way: on a loaded machine that
        # took past the per-IP 120 reads a minute of /soundbox (a 429 there is not what is tested).
        "GATEWAY_RATE_LIMIT_SOUNDBOX": "100000",
    }
    with supervised_platform(tmp_path, numba_cache, **env) as platform:
        platform.wait_until_serving()
        r = httpx.post(
            platform.url + "/users/register", json={"email": "ops@example.com", "password": "long enough pw"}
        )
        assert r.status_code == 201, r.text
        assert (tmp_path / "var" / "soundforge.db").exists()

        job = asyncio.run(analysis_survives_a_killed_worker(platform))
        assert job["status"] == "completed", job
        # The first worker died holding it; JetStream handed it to the restarted one.
        assert job["attempts"] == 2
        assert 110 < job["result"]["tempo"] < 130

        separation, job_id = asyncio.run(separation_survives_a_killed_worker(platform))
        assert separation["status"] == "completed", separation
        # Completed once: one stem record per source, and exactly the stems' objects on disk (the
        # second attempt overwrote the first one's keys instead of adding to them).
        assert sorted(stem["name"] for stem in separation["stems"]) == ["bass", "drums", "other", "vocals"]
        stored = (tmp_path / "var" / "blobs").rglob(f"stems/{job_id}/*")
        written = sorted(p.name for p in stored if not p.name.startswith("."))  # not the store's sidecars
        assert written == ["bass.wav", "drums.wav", "other.wav", "vocals.wav"]

        pipeline, record = asyncio.run(pipeline_survives_a_killed_worker(platform))
        assert pipeline["status"] == "completed", pipeline
        assert record["attempts"] == 2
        assert len(pipeline["outputs"]) == 9
        assert all(stage["status"] == "completed" for stage in pipeline["stages"])

        generation, record = asyncio.run(generation_survives_a_killed_worker(platform))
        assert generation["status"] == "completed", generation
        assert record["attempts"] == 2  # the killed worker's delivery, then the restarted one's
        clips = sorted((tmp_path / "var" / "blobs").rglob("generations/*.wav"))
        assert [clip.name for clip in clips] == [generation["filename"]]  # completed once
        assert generation["spectrogram"] == generation["filename"].replace(".wav", ".png")

        # The killed workers' staged files were removed by the processes that replaced them: what
        # is left is one empty folder for each live process that stages files.
        folders = [p for p in (tmp_path / "var" / "scratch").iterdir() if p.is_dir()]
        assert sorted(p.name.rsplit("-", 1)[0] for p in folders) == ["analysis", "ingest", "separation"]
        assert [list(p.iterdir()) for p in folders] == [[], [], []]


def test_ctrl_c_stops_the_services_first_and_nats_last(tmp_path: Path, numba_cache: Path) -> None:
    with supervised_platform(tmp_path, numba_cache) as platform:
        state = platform.wait_until_serving()
        # The ports it was given, not its defaults: a `make run` beside this test is never met.
        assert {key: state["ports"][key] for key in platform.given_ports} == platform.given_ports
        monitor = httpx.get(f"http://127.0.0.1:{platform.given_ports['nats_monitor']}/healthz", timeout=5)
        assert monitor.status_code == 200
        pids = {name: child["pid"] for name, child in state["processes"].items()}

        platform.proc.send_signal(signal.SIGINT)
        assert platform.proc.wait(timeout=120) == 0, platform.output()

    final = platform.state()
    assert final["status"] == "stopped"
    exits = final["exits"]
    assert {(e["name"], e["pid"]) for e in exits} == set(pids.items())
    assert all(e["code"] == 0 and e["during"] == "stopping" for e in exits), exits
    order = [e["name"] for e in exits]
    assert order[0] == "gateway"
    assert order[-2:] == ["library", "nats-server"], order
    assert not [name for name, pid in pids.items() if alive(pid)]
    # NATS outlived every client, so nobody lost its connection (a deliberate close is not a warning).
    reconnects = [
        line for line in platform.output().splitlines() if re.search(r"reconnect|disconnected", line, re.I)
    ]
    assert len(reconnects) <= 2, reconnects
