"""The production wiring: `start(settings)` serving real HTTP on port 0, and the admin CLI over gRPC."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid

import httpx
import pytest

from soundforge.gateway.app import start
from soundforge.library.v1 import library_pb2

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_start_serves_http_on_a_free_port_and_stops(gateway) -> None:
    settings = gateway.backends.settings.model_copy(update={"http_port": 0})
    running = await start(settings)
    try:
        assert running.port > 0
        async with httpx.AsyncClient(base_url=running.url) as client:
            health = await client.get("/health")
            assert health.status_code == 200 and health.json() == {"status": "ok"}
            assert health.headers["X-Request-ID"]
            anonymous = await client.get("/api/keys")
            assert anonymous.status_code == 401
            assert "X-RateLimit-Limit" in anonymous.headers
    finally:
        await running.stop()
    assert running.task.done()
    with pytest.raises(httpx.ConnectError):
        async with httpx.AsyncClient(base_url=running.url) as client:
            await client.get("/health")


async def test_start_fails_cleanly_when_the_port_is_taken(gateway) -> None:
    settings = gateway.backends.settings.model_copy(update={"http_port": 0})
    first = await start(settings)
    try:
        with pytest.raises(OSError):
            await start(settings.model_copy(update={"http_port": first.port}))
    finally:
        await first.stop()


async def _admin(library_addr: str, *args: str) -> tuple[int, str, str]:
    # A subprocess, so the event loop keeps serving the in-process library while the CLI runs.
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "soundforge.gateway.admin",
        *args,
        env={**os.environ, "GATEWAY_LIBRARY_ADDR": library_addr},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_admin_cli_creates_an_admin_with_an_api_key(gateway) -> None:
    addr = gateway.backends.settings.library_addr
    email = f"cli-{uuid.uuid4().hex[:12]}@example.com"
    code, out, err = await _admin(
        addr, "create-user", "--email", email, "--password", "correct horse battery", "--admin", "--api-key"
    )
    assert code == 0, err
    user_id, token = out.split()
    user = await gateway.backends.clients.library.GetUser(library_pb2.GetUserRequest(user_id=user_id))
    assert user.email == email and user.role == "admin"
    response = await gateway.client().get("/api/keys", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert [key["name"] for key in response.json()["data"]] == ["admin-cli"]

    code, out, err = await _admin(
        addr, "create-user", "--email", email, "--password", "correct horse battery"
    )
    assert code == 1 and out == ""
    assert "ALREADY_EXISTS" in err
