"""What `make run` prints: the supervisor's lines and its children's, in the services' one log format."""

from __future__ import annotations

import logging
import re
import sys
import threading
from typing import TextIO

from soundforge.runtime.logging import build_formatter

_TIME = r"\d\d:\d\d:\d\d"
# nats-server's own lines: `[pid] 2026/01/02 03:04:05.678901 [INF] message`.
_NATS_LINE = re.compile(r"^\[\d+\] \S+ \S+ \[(?P<level>[A-Z]{3})\] (?P<message>.*)$")
_NATS_LEVELS = {"TRC": logging.DEBUG, "DBG": logging.DEBUG, "INF": logging.INFO, "WRN": logging.WARNING}


class Console:
    """Writes every line to `stream` (stderr) whole, whichever thread it comes from.

    A child's line that is already a record in the chosen format (a JSON object, or a readable
    record naming that child, and the indented traceback under it) is passed through as it is;
    anything else (nats-server's own log, a crash before logging was set up) becomes a record of
    that child, so every line says where it came from.
    """

    def __init__(self, json_output: bool, stream: TextIO | None = None) -> None:
        self.json_output = json_output
        self._stream = stream if stream is not None else sys.stderr
        self._lock = threading.Lock()
        self._formatters: dict[str, logging.Formatter] = {}

    def say(self, source: str, message: str, level: int = logging.INFO, **fields: object) -> None:
        """A record about `source` (a child's name, or "supervisor") written by the supervisor."""
        record = logging.LogRecord("supervisor", level, __file__, 0, message, None, None)
        record.__dict__.update(fields)
        self._write(self._formatter(source).format(record))

    def forward(self, source: str, line: str) -> None:
        """One line of a child's output."""
        if self._is_record(source, line):
            self._write(line)
        elif nats := _NATS_LINE.match(line):
            level = _NATS_LEVELS.get(nats["level"], logging.ERROR)  # ERR, FTL
            self.say(source, nats["message"], level)
        elif line.strip():
            self.say(source, line)

    def _is_record(self, source: str, line: str) -> bool:
        if self.json_output:
            return line.startswith("{")
        return line[:1].isspace() or re.match(rf"{_TIME} [A-Z]+ +{re.escape(source)} ", line) is not None

    def _formatter(self, source: str) -> logging.Formatter:
        if source not in self._formatters:
            self._formatters[source] = build_formatter(source, self.json_output)
        return self._formatters[source]

    def _write(self, text: str) -> None:
        with self._lock:
            try:
                self._stream.write(text + "\n")
                self._stream.flush()
            except (BrokenPipeError, ValueError):
                pass  # nobody is reading any more (a closed terminal or pipe): keep supervising
