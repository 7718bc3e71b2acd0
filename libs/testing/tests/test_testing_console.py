"""`make run`'s console: children's records pass through, anything else is labelled with its source."""

from __future__ import annotations

import io
import json
import re

from soundforge.testing.console import Console

NATS_LINE = "[4242] 2026/01/02 03:04:05.678901 [WRN] Slow consumer"


def test_readable_records_and_their_tracebacks_pass_other_lines_are_labelled() -> None:
    out = io.StringIO()
    console = Console(json_output=False, stream=out)
    console.forward("library", "12:03:04 INFO  library     library listening grpc_port=1")
    console.forward("library", "    Traceback line of that record")
    console.forward("library", "Fatal Python error: Aborted")
    console.forward("nats-server", NATS_LINE)
    console.say("supervisor", "started library", pid=7)
    lines = out.getvalue().splitlines()
    assert lines[:2] == [
        "12:03:04 INFO  library     library listening grpc_port=1",
        "    Traceback line of that record",
    ]
    assert re.fullmatch(r"\d\d:\d\d:\d\d INFO  library     Fatal Python error: Aborted", lines[2])
    assert re.fullmatch(r"\d\d:\d\d:\d\d WARN  nats-server Slow consumer", lines[3])
    assert re.fullmatch(r"\d\d:\d\d:\d\d INFO  supervisor  started library pid=7", lines[4])


def test_in_json_every_line_is_a_json_object() -> None:
    out = io.StringIO()
    console = Console(json_output=True, stream=out)
    console.forward("gateway", '{"level": "info", "service": "gateway", "msg": "up"}')
    console.forward("nats-server", NATS_LINE)
    console.forward("gateway", "")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records[0] == {"level": "info", "service": "gateway", "msg": "up"}
    assert {key: records[1][key] for key in ("level", "service", "msg")} == {
        "level": "warning",
        "service": "nats-server",
        "msg": "Slow consumer",
    }
    assert len(records) == 2
