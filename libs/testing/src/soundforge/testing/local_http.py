"""One local HTTP server on a free port, served from a background thread: what every fake third party
(Spotify, lal.ai, the LLM provider) and test server (media, webhooks) runs its handler on; and the
handler base the fake third parties share."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeApiHandler(BaseHTTPRequestHandler):
    """What every fake third party's handler shares: HTTP/1.1 keep-alive, GET and POST both to
    `answer(method)`, the request's headers lowercased, and no log lines (tests read the fake's own
    record of its requests)."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, each answer waits ~40 ms for an ACK.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self.answer("GET")

    def do_POST(self) -> None:
        self.answer("POST")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def answer(self, method: str) -> None:
        raise NotImplementedError

    def lowered_headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.headers.items()}


class LocalServer:
    """`handler` on 127.0.0.1, bound at once (its port is known before it serves), one thread a request."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], name: str) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=name, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler], name: str) -> Iterator[LocalServer]:
    """A started LocalServer, stopped on exit."""
    server = LocalServer(handler, name)
    server.start()
    try:
        yield server
    finally:
        server.stop()
