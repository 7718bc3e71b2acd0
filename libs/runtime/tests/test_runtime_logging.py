"""Log lines: JSON for machines, one readable line for a person at a terminal, decided once."""

from __future__ import annotations

import io
import json
import logging
import re
import sys

import pytest

from soundforge.runtime.logging import JsonFormatter, ReadableFormatter, job_id_var, wants_json


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def record(message: str, level: int = logging.INFO, **extra: object) -> logging.LogRecord:
    entry = logging.LogRecord("soundforge.test", level, __file__, 1, message, None, None)
    entry.__dict__.update(extra)
    return entry


@pytest.mark.parametrize(
    ("asked", "stream", "expected"),
    [
        (None, Terminal(), False),
        (None, io.StringIO(), True),
        (True, Terminal(), True),
        (False, io.StringIO(), False),
    ],
)
def test_json_unless_a_person_is_watching_or_it_is_asked_for(
    asked: bool | None, stream: io.StringIO, expected: bool
) -> None:
    assert wants_json(asked, stream) is expected


def test_a_readable_line_has_time_level_service_message_and_fields() -> None:
    token = job_id_var.set("j-1")
    try:
        line = ReadableFormatter("library").format(
            record("library listening", grpc_port=50051, peer="a b", color_message="\x1b[36m")
        )
    finally:
        job_id_var.reset(token)
    assert re.fullmatch(
        r'\d\d:\d\d:\d\d INFO  library     library listening job_id=j-1 grpc_port=50051 peer="a b"', line
    ), line


def test_a_readable_traceback_is_indented_under_its_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        entry = record("failed", logging.WARNING)
        entry.exc_info = sys.exc_info()
    first, *rest = ReadableFormatter("ingest").format(entry).splitlines()
    assert " WARN  ingest      failed" in first
    assert rest and all(line.startswith("    ") for line in rest)
    assert rest[-1].strip() == "ValueError: boom"


def test_a_json_line_keeps_fields_and_drops_uvicorns_colour_copy() -> None:
    entry = json.loads(JsonFormatter("gateway").format(record("up", http_port=4000, color_message="x")))
    assert {key: entry[key] for key in ("level", "service", "msg", "http_port")} == {
        "level": "info",
        "service": "gateway",
        "msg": "up",
        "http_port": 4000,
    }
    assert "color_message" not in entry


@pytest.mark.parametrize("formatter", [JsonFormatter("gateway"), ReadableFormatter("gateway")])
def test_a_credential_in_a_logged_url_is_redacted(formatter: logging.Formatter) -> None:
    """uvicorn logs each WebSocket handshake with its path, and the user socket takes an API key as
    `?token=`: the key must not reach the logs, whatever else the line keeps."""
    key = "sfa_bCk4bLChYIzuYNq9d1vrH_vp_reTywwbU7g7s3nkUZo"
    entry = logging.LogRecord(
        "uvicorn.error", logging.INFO, __file__, 1, '%s - "WebSocket %s" %s',
        ("127.0.0.1:54100", f"/socket/websocket?token={key}&vsn=2.0.0", "[accepted]"), None,
    )  # fmt: skip
    line = formatter.format(entry)
    assert key not in line
    assert "/socket/websocket?token=[redacted]&vsn=2.0.0" in line
    assert "[accepted]" in line
