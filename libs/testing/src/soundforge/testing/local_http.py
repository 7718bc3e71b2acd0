"""One local HTTP server on a free port, served from a background thread: what every fake third party
(Spotify, lal.ai, the LLM provider) and test server (media, webhooks) runs its handler on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
