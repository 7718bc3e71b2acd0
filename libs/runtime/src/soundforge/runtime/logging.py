"""Log lines carrying the request and job ids of the work in hand: JSON for machines, readable for people."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import textwrap
import time
from typing import Any, TextIO

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
job_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("job_id", default=None)

# uvicorn adds `color_message` (the message with terminal colours) to its records: not a field.
_RESERVED = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "color_message",
}
_SHORT_LEVELS = {"WARNING": "WARN", "CRITICAL": "CRIT"}
# Wide enough for every process name `make run` shows (nats-server, separation, supervisor).
SERVICE_COLUMN = 11
# Credentials a URL may carry in its query: the user socket takes an API key as `?token=`, and
# uvicorn logs every WebSocket handshake with its full path, which put working keys in the logs.
_URL_SECRET = re.compile(r"(?i)([?&](?:token|access_token|api_key|apikey|password)=)[^&\s\"']+")


def redacted(message: str) -> str:
    """`message` with the value of every credential-named query parameter replaced."""
    return _URL_SECRET.sub(r"\1[redacted]", message)


def context_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The ids of the work in hand and any `extra=` fields of the record, in that order."""
    fields: dict[str, Any] = {}
    if (rid := request_id_var.get()) is not None:
        fields["request_id"] = rid
    if (jid := job_id_var.get()) is not None:
        fields["job_id"] = jid
    for key, value in record.__dict__.items():
        if key not in _RESERVED and not key.startswith("_"):
            fields[key] = value
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, ids, and any `extra=` fields."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "msg": redacted(record.getMessage()),
        }
        entry |= context_fields(record)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def _readable(value: object) -> str:
    text = str(value)
    return text if text and not any(c.isspace() or c in "\"'=" for c in text) else json.dumps(text)


class ReadableFormatter(logging.Formatter):
    """`12:03:04 INFO  library     message key=value`, local time; a traceback follows, indented."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        level = _SHORT_LEVELS.get(record.levelname, record.levelname)
        line = (
            f"{time.strftime('%H:%M:%S', time.localtime(record.created))} {level:<5} "
            f"{self.service:<{SERVICE_COLUMN}} {redacted(record.getMessage())}"
        )
        fields = context_fields(record)
        if fields:
            line += " " + " ".join(f"{key}={_readable(value)}" for key, value in fields.items())
        if record.exc_info:
            # Indented, so a reader (and `make run`'s supervisor) sees where the record ends.
            line += "\n" + textwrap.indent(self.formatException(record.exc_info), "    ")
        return line


def wants_json(json_output: bool | None, stream: TextIO | None = None) -> bool:
    """The format to write: as asked, else JSON unless `stream` (stderr) is a terminal, i.e. a person."""
    if json_output is not None:
        return json_output
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return not (isatty is not None and isatty())


def build_formatter(service: str, json_output: bool) -> logging.Formatter:
    return JsonFormatter(service) if json_output else ReadableFormatter(service)


def configure_logging(service: str, level: str = "INFO", json_output: bool | None = None) -> None:
    """Root logging to stderr; `json_output` None decides by `wants_json` (JSON unless a terminal)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(build_formatter(service, wants_json(json_output, sys.stderr)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Per-request access lines come from our own middleware; these are noise at INFO.
    for noisy in ("uvicorn.access", "nats", "botocore", "urllib3", "numba", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
