"""A client that hangs up mid-upload is a client abort (499 in the access log), never a server error."""

from __future__ import annotations

import asyncio
import logging

import pytest

from soundforge.gateway.access_log import HTTP_TOTAL
from soundforge.gateway.app import start
from soundforge.runtime.service import RunningService

pytestmark = pytest.mark.asyncio(loop_scope="session")

BOUNDARY = "sf-abort"


@pytest.fixture(scope="module")
def separation_addr(demucs_separation: RunningService) -> str:
    """/pipeline/process asks the separation service for its limits before it reads the body."""
    return demucs_separation.address


async def _post_and_hang_up(port: int, path: str, headers: dict[str, str], field: str = "file") -> None:
    """Declares 5000 bytes of multipart body, sends 2000, then closes the socket."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="x.wav"\r\n'
        "Content-Type: audio/wav\r\n\r\n"
    ).encode()
    body = head + b"RIFF" + bytes(2000 - len(head) - 4)
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}",
        "Content-Length: 5000",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()
    await asyncio.sleep(0.3)  # the route is reading the body and has staged the upload by now
    writer.close()
    await writer.wait_closed()


def _server_errors() -> float:
    return sum(
        sample.value
        for metric in HTTP_TOTAL.collect()
        for sample in metric.samples
        if sample.name.endswith("_total") and sample.labels["status"].startswith("5")
    )


async def _access_status(caplog: pytest.LogCaptureFixture, path: str) -> int:
    for _ in range(100):
        lines = [r for r in caplog.records if r.name == "soundforge.gateway.access" and r.getMessage()]
        for record in lines:
            if getattr(record, "path", None) == path and hasattr(record, "status"):
                return int(record.status)
        await asyncio.sleep(0.05)
    raise AssertionError(f"no access log line for {path}")


@pytest.mark.parametrize("path", ["/api/tracks", "/pipeline/process"])
async def test_an_upload_cut_off_by_the_client_is_499_not_500(
    gateway, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    user, token = await gateway.bearer()
    settings = gateway.backends.settings.model_copy(update={"http_port": 0})
    running = await start(settings)
    caplog.set_level(logging.INFO)
    errors_before = _server_errors()
    try:
        await _post_and_hang_up(running.port, path, {"Authorization": f"Bearer {token}"})
        assert await _access_status(caplog, path) == 499
    finally:
        await running.stop()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [
        r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR
    ]
    assert _server_errors() == errors_before
    staged = list((gateway.backends.blob_dir / "staging" / user["id"]).glob("*"))
    assert not [p for p in staged if not p.name.startswith(".")], staged


async def test_a_daw_export_cut_off_by_the_client_is_499_not_500(
    gateway, caplog: pytest.LogCaptureFixture
) -> None:
    session = await gateway.session()
    settings = gateway.backends.settings.model_copy(update={"http_port": 0})
    cookie = "; ".join(f"{name}={value}" for name, value in session.client.cookies.items())
    running = await start(settings)
    caplog.set_level(logging.INFO)
    try:
        headers = {"Cookie": cookie, "X-CSRF-Token": session.csrf}
        await _post_and_hang_up(running.port, "/api/daw/export", headers, field="stems[]")
        assert await _access_status(caplog, "/api/daw/export") == 499
    finally:
        await running.stop()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    uploads = gateway.backends.blob_dir / "users" / session.user["id"] / "daw"
    assert not uploads.exists() or not [p for p in uploads.rglob("*") if p.is_file()]
