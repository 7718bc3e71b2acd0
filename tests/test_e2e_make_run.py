"""`make run`'s supervisor: the whole platform as processes, a dead service restarted, Ctrl-C stops all."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from platform_client import bearer_for, finished_job, upload
from soundforge.testing.ports import free_port

pytestmark = pytest.mark.slow


def service_pids(module: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"-m" in cmdline and module.encode() in cmdline:
            pids.append(int(proc.name))
    return pids


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def gateway_healthy(url: str) -> bool:
    try:
        return httpx.get(url + "/health", timeout=1).json() == {"status": "ok"}
    except httpx.HTTPError:
        return False


async def job_status(client: httpx.AsyncClient, job_id: str, auth: dict[str, str]) -> str:
    r = await client.get(f"/api/jobs/{job_id}", headers=auth)
    assert r.status_code == 200, r.text
    return str(r.json()["data"]["status"])


async def analysis_survives_a_killed_worker(url: str) -> dict[str, Any]:
    """Uploads a long track, kills the analysis process mid-job, and waits for the job's outcome."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        _, auth = await bearer_for(client, "crash@example.com")
        track = await upload(client, auth, "long.wav", seconds=900)
        r = await client.post(
            "/api/analysis/analyze", json={"track_id": track["id"], "features": ["all"]}, headers=auth
        )
        assert r.status_code == 201, r.text
        job_id = r.json()["data"]["job_id"]
        # Generous: on a loaded 2-core machine the worker's warm-up (numba) alone can take a minute.
        deadline = time.monotonic() + 180
        while (status := await job_status(client, job_id, auth)) == "queued":
            assert time.monotonic() < deadline, "the analysis job never started"
            await asyncio.sleep(0.05)
        assert status == "processing", f"the job went from queued to {status}"
        [victim] = service_pids("soundforge.analysis")
        os.kill(victim, signal.SIGKILL)
        wait_until(lambda: service_pids("soundforge.analysis") not in ([], [victim]), 30, "a restart")
        return await finished_job(client, job_id, auth, within=300)


def test_supervisor_runs_restarts_and_stops(tmp_path: Path) -> None:
    port = free_port()
    base = random.randrange(21000, 29000, 20)
    supervisor = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "soundforge.testing.supervisor",
            "--var",
            str(tmp_path / "var"),
            "--port",
            str(port),
            "--nats-port",
            str(free_port()),
            "--grpc-base-port",
            str(base),
            "--metrics-base-port",
            str(base + 10),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={
            **os.environ,
            "SF_LOG_LEVEL": "WARNING",
            # A killed worker's job comes back after ack_wait: seconds here, not the default 30.
            "ANALYSIS_ACK_WAIT_SECONDS": "3",
            "GATEWAY_RATE_LIMIT_AUTH": "100000",
        },
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: gateway_healthy(url), 180, "the gateway")
        r = httpx.post(
            url + "/users/register", json={"email": "ops@example.com", "password": "long enough pw"}
        )
        assert r.status_code == 201, r.text
        assert (tmp_path / "var" / "soundforge.db").exists()

        job = asyncio.run(analysis_survives_a_killed_worker(url))
        assert job["status"] == "completed", job
        # The first worker died holding it; JetStream handed it to the restarted one.
        assert job["attempts"] == 2
        assert 110 < job["result"]["tempo"] < 130
    finally:
        supervisor.send_signal(signal.SIGINT)
        out, _ = supervisor.communicate(timeout=60)
    assert supervisor.returncode == 0
    assert b"Sound Forge Alchemy is up" in out
    assert service_pids("soundforge.gateway") == []
    assert service_pids("soundforge.library") == []
