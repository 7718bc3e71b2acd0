"""A fake OpenAI-compatible LLM provider on loopback for tests: chat completions with tool calls, /models.

Each chat completion answers the next scripted step (text, tool calls, an HTTP failure, a stall or a
body that is no completion); with nothing scripted it echoes the last user message.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from pydantic import SecretStr

from soundforge.testing.local_http import FakeApiHandler, serving

Reply = tuple[int, Any]


def _error(status: int, message: str, kind: str = "invalid_request_error") -> Reply:
    return status, {"error": {"message": message, "type": kind, "param": None, "code": None}}


@dataclass(frozen=True)
class Step:
    """One scripted answer: `content`, `tool_calls` [(name, arguments)], or a failure."""

    content: str = ""
    tool_calls: tuple[tuple[str, Any], ...] = ()
    status: int = 200
    error: str = ""
    stall_seconds: float = 0.0
    raw: Any = None  # sent as the body instead of a completion (a malformed answer)


@dataclass
class FakeLLM:
    """State and request handling; `serve()` puts it on 127.0.0.1 behind a real HTTP server."""

    model: str = "fake-orchestrator-1"
    api_key: str = field(default_factory=lambda: "sk-fake-" + secrets.token_hex(12))
    root_url: str = ""
    # When set, GET /v1/models answers this HTTP status (an outage the health check must report).
    models_failure: int | None = None
    models_stall_seconds: float = 0.0
    script: list[Step] = field(default_factory=list)
    chat_requests: list[dict[str, Any]] = field(default_factory=list)  # the JSON bodies, in order
    requests: list[str] = field(default_factory=list)  # "POST /v1/chat/completions"
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v1"

    def gateway_settings(self) -> dict[str, Any]:
        """The GatewaySettings (llm_*) that point the Orchestrator at this fake (as model_copy updates:
        typed values, since an update is not validated)."""
        return {
            "llm_base_url": self.base_url,
            "llm_model": self.model,
            "llm_api_key": SecretStr(self.api_key),
        }

    # ---- scripting ----

    def answer(self, content: str) -> None:
        self.script.append(Step(content=content))

    def call_tools(self, *calls: tuple[str, Any]) -> None:
        """The next completion asks for these calls; `arguments` that are not text are sent as JSON."""
        self.script.append(Step(tool_calls=tuple(calls)))

    def fail(self, status: int, message: str = "the model is overloaded") -> None:
        self.script.append(Step(status=status, error=message))

    def stall(self, seconds: float) -> None:
        self.script.append(Step(content="too late", stall_seconds=seconds))

    def malformed(self, body: Any) -> None:
        self.script.append(Step(raw=body))

    # ---- request handling ----

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[Reply, float]:
        """The reply and how long to stall before sending it (outside the lock)."""
        path = urlsplit(target).path.rstrip("/")
        with self._lock:
            self.requests.append(f"{method} {path}")
            if headers.get("authorization") != f"Bearer {self.api_key}":
                return _error(401, "Incorrect API key provided.", "authentication_error"), 0.0
            if path == "/v1/models" and method == "GET":
                if self.models_failure is not None:
                    return _error(self.models_failure, "models are unavailable", "server_error"), 0.0
                return (200, self._models()), self.models_stall_seconds
            if path == "/v1/chat/completions" and method == "POST":
                try:
                    request = json.loads(body)
                except ValueError:
                    return _error(400, "We could not parse the JSON body of your request."), 0.0
                self.chat_requests.append(request)
                return self._complete(request)
            return _error(404, f"Invalid URL ({method} {path})"), 0.0

    def _models(self) -> dict[str, Any]:
        entry = {"id": self.model, "object": "model", "created": 1_700_000_000, "owned_by": "fake"}
        return {"object": "list", "data": [entry]}

    def _complete(self, request: dict[str, Any]) -> tuple[Reply, float]:
        if request.get("model") != self.model:
            return _error(404, f"The model `{request.get('model')}` does not exist."), 0.0
        step = self.script.pop(0) if self.script else Step(content="echo: " + _last_user(request))
        if step.status != 200:
            return _error(step.status, step.error, "server_error"), 0.0
        if step.raw is not None:
            return (200, step.raw), 0.0
        message: dict[str, Any] = {"role": "assistant", "content": step.content or None}
        if step.tool_calls:
            message["tool_calls"] = [
                {
                    "id": "call_" + secrets.token_hex(6),
                    "type": "function",
                    "function": {
                        "name": name,
                        "arguments": arguments if isinstance(arguments, str) else json.dumps(arguments),
                    },
                }
                for name, arguments in step.tool_calls
            ]
        completion = {
            "id": "chatcmpl-" + secrets.token_hex(8),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {"index": 0, "message": message, "finish_reason": "tool_calls" if step.tool_calls else "stop"}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        return (200, completion), step.stall_seconds


def _last_user(request: dict[str, Any]) -> str:
    users = [m.get("content") or "" for m in request.get("messages", []) if m.get("role") == "user"]
    return str(users[-1]) if users else ""


def _handler_class(fake: FakeLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(FakeApiHandler):
        def answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = self.lowered_headers()
            (status, payload), stall = fake.handle(method, self.path, headers, body)
            if stall:
                time.sleep(stall)
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a stall longer than its deadline)

    return Handler


@contextmanager
def fake_llm() -> Iterator[FakeLLM]:
    """A FakeLLM served on 127.0.0.1:<free port> from a background thread, stopped on exit."""
    fake = FakeLLM()
    with serving(_handler_class(fake), "fake-llm") as server:
        fake.root_url = server.root_url
        yield fake
