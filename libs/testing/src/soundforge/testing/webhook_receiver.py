"""A local webhook receiver for callback tests: records every request, answers scripted statuses."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

from soundforge.testing.local_http import LocalServer

SIGNATURE_HEADER = "X-SoundForge-Signature"


@dataclass(frozen=True)
class Post:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def signed_with(self, secret: str) -> bool:
        """What a receiver does: HMAC-SHA256 of the raw body with the secret, compared in constant time."""
        expected = "sha256=" + hmac.new(secret.encode(), self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(self.headers.get(SIGNATURE_HEADER, ""), expected)


class WebhookReceiver:
    """Listens on 127.0.0.1; each path answers the statuses queued in `script[path]`, then 200.

    A 3xx answer points `Location` at `<path>/moved`, so a test sees whether a redirect was followed.
    """

    def __init__(self) -> None:
        self.script: dict[str, deque[int]] = defaultdict(deque)
        self._posts: dict[str, list[Post]] = defaultdict(list)
        self._lock = threading.Lock()
        self._server = LocalServer(_handler_class(self), "webhook-receiver")
        self.port = self._server.port

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def received(self, path: str) -> list[Post]:
        with self._lock:
            return list(self._posts[path])

    def _answer(self, post: Post) -> int:
        with self._lock:
            self._posts[post.path].append(post)
            queued = self.script[post.path]
            return queued.popleft() if queued else 200


def _handler_class(receiver: WebhookReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = receiver._answer(Post(self.path, dict(self.headers.items()), body))
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", f"{self.path}/moved")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    receiver._server.start()
    try:
        yield receiver
    finally:
        receiver._server.stop()
