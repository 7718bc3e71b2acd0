"""A local HTTP media server for download tests: audio files, pages, redirects, slow and unsized bodies."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from soundforge.testing.local_http import LocalServer

CHUNK_SIZE = 16 * 1024


@dataclass(frozen=True)
class Route:
    """What one path answers: a body, or a redirect when `location` is set."""

    body: bytes = b""
    content_type: str = "application/octet-stream"
    status: int = 200
    location: str | None = None
    # No Content-Length (the body is sent until the connection closes): the size is unknown up front.
    unsized: bool = False
    chunk_size: int = CHUNK_SIZE
    # Pause before each chunk, to make a download take a known minimum time.
    chunk_delay: float = 0.0


class MediaServer:
    """Serves registered routes on 127.0.0.1 from a background thread; counts every request per path."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = LocalServer(_handler_class(self), "media-server")

    @property
    def port(self) -> int:
        return self._server.port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self,
        path: str,
        body: bytes,
        content_type: str = "application/octet-stream",
        *,
        unsized: bool = False,
        chunk_size: int = CHUNK_SIZE,
        chunk_delay: float = 0.0,
    ) -> str:
        """Serves `body` at `path`; returns the absolute URL."""
        route = Route(
            body=body,
            content_type=content_type,
            unsized=unsized,
            chunk_size=chunk_size,
            chunk_delay=chunk_delay,
        )
        with self._lock:
            self._routes[path] = route
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        """Answers `path` with a redirect to `location` (any URL, e.g. a private address)."""
        with self._lock:
            self._routes[path] = Route(status=status, location=location)
        return self.url(path)

    def hits(self, path: str) -> int:
        """How many requests (any method) reached `path`."""
        with self._lock:
            return self._hits[path]

    def route(self, path: str) -> Route | None:
        with self._lock:
            self._hits[path] += 1
            return self._routes.get(path)

    def start(self) -> None:
        self._server.start()

    def stop(self) -> None:
        self._server.stop()


def _handler_class(server: MediaServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def log_message(self, format: str, *args: object) -> None:
            pass  # tests read hits(), not stderr

        def _answer(self, send_body: bool) -> None:
            route = server.route(urlsplit(self.path).path)
            if route is None:
                self._send_plain(404, b"not found")
                return
            if route.location is not None:
                self.send_response(route.status)
                self.send_header("Location", route.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.unsized:
                # HTTP/1.0-style framing: the body ends when the connection closes.
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if send_body:
                self._stream(route)

        def _stream(self, route: Route) -> None:
            try:
                for start in range(0, len(route.body), route.chunk_size):
                    if route.chunk_delay:
                        time.sleep(route.chunk_delay)
                    self.wfile.write(route.body[start : start + route.chunk_size])
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (a size or time limit): expected

        def _send_plain(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def media_server() -> Iterator[MediaServer]:
    """A started MediaServer, stopped on exit."""
    server = MediaServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
