"""A fake lalal.ai (v1.1 API) on loopback for tests: keys, upload, split, scripted checks, stems, 429s."""

from __future__ import annotations

import io
import json
import re
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np
import soundfile as sf

from soundforge.testing.local_http import FakeApiHandler, serving

STEMS = (
    "vocals",
    "drum",
    "piano",
    "bass",
    "electric_guitar",
    "acoustic_guitar",
    "synthesizer",
    "strings",
    "wind",
)
MULTISTEMS = STEMS[:6]
FORMATS = {"mp3": "MP3", "wav": "WAV", "flac": "FLAC", "ogg": "OGG"}
# The share of the source each stem_separator track gets: stem + back add up to the upload.
STEM_SHARE = 0.7
_FILENAME = re.compile(r"filename\*=UTF-8''([^;]+)|filename=\"?([^\";]+)\"?", re.IGNORECASE)
Reply = tuple[int, dict[str, str], Any]


def _error(status: int, detail: str, code: str) -> Reply:
    return status, {}, {"detail": detail, "code": code}


@dataclass(frozen=True)
class Scenario:
    """What each split does from now on: one `check/` per progress step, then the outcome.

    outcome: "success" (stems derived from the upload), "error" (lalal.ai's inference error),
    "server_error", or "forever" (stays at its last progress until cancelled).
    """

    progress: tuple[int, ...] = (20, 60)
    outcome: str = "success"
    error_code: str = "inference_error"
    error_detail: str = "no vocals found in the track"
    # Serve result URLs on this base instead of the fake's own (e.g. an address to be refused).
    result_base_url: str = ""


@dataclass
class Upload:
    key: str
    name: str
    data: bytes
    duration: float


@dataclass
class Task:
    id: str
    key: str
    source_id: str
    endpoint: str  # "stem_separator" | "multistem"
    presets: dict[str, Any]
    scenario: Scenario
    checks: int = 0
    status: str = "progress"
    progress: int = 0
    result: dict[str, Any] | None = None
    error: dict[str, str] | None = None


@dataclass
class FakeLalalai:
    """State and request handling; `fake_lalalai()` serves it on 127.0.0.1 behind a real HTTP server."""

    base_url: str = ""
    scenario: Scenario = field(default_factory=Scenario)
    keys: dict[str, float] = field(default_factory=dict)  # license key -> minutes left
    uploads: dict[str, Upload] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    media: dict[str, bytes] = field(default_factory=dict)  # path -> audio bytes
    # (monotonic time, path, license key sent, JSON body or upload filename), in arrival order.
    requests: list[tuple[float, str, str, Any]] = field(default_factory=list)
    _throttled: dict[str, tuple[int, str | None]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v1/"

    def add_key(self, minutes_left: float = 90.0) -> str:
        key = "lic-" + secrets.token_hex(8)
        with self._lock:
            self.keys[key] = minutes_left
        return key

    def throttle(self, path: str, times: int, retry_after: str | None = None) -> None:
        """The next `times` calls of `path` (e.g. "check/") answer 429, with Retry-After when given."""
        with self._lock:
            self._throttled[path] = (times, retry_after)

    def calls(self, path: str) -> list[Any]:
        """The bodies of the calls of `path` (429s included), oldest first."""
        with self._lock:
            return [body for _, seen, _, body in self.requests if seen == path]

    def times(self, path: str) -> list[float]:
        with self._lock:
            return [at for at, seen, _, _ in self.requests if seen == path]

    def running(self) -> list[str]:
        with self._lock:
            return [task.id for task in self.tasks.values() if task.status == "progress"]

    # ---- request handling ----

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        path = urlsplit(target).path
        if method == "GET":
            with self._lock:
                data = self.media.get(path)
            if data is None:
                return _error(404, "Not found", "not_found")
            return 200, {"Content-Type": "application/octet-stream"}, data
        if method != "POST" or not path.startswith("/api/v1/"):
            return _error(405 if path.startswith("/api/v1/") else 404, "Not found", "not_found")
        endpoint = path.removeprefix("/api/v1/")
        key = headers.get("x-license-key", "")
        with self._lock:
            logged: Any = body if endpoint == "upload/" else None
            if endpoint != "upload/":
                try:
                    logged = json.loads(body or b"{}")
                except ValueError:
                    logged = None
            self.requests.append((time.monotonic(), endpoint, key, logged))
            times, retry_after = self._throttled.get(endpoint, (0, None))
            if times > 0:
                self._throttled[endpoint] = (times - 1, retry_after)
                status, extra, payload = _error(429, "Request was throttled", "throttled")
                return status, ({"Retry-After": retry_after} if retry_after is not None else extra), payload
            if key not in self.keys:
                return _error(401, "Invalid license key", "invalid_license_key")
            if endpoint == "upload/":
                return self._upload(key, headers, body)
            if not isinstance(logged, dict):
                return _error(400, "JSON body required", "invalid_request")
            return self._api(key, endpoint, logged)

    def _api(self, key: str, endpoint: str, request: dict[str, Any]) -> Reply:
        if endpoint in ("split/stem_separator/", "split/multistem/"):
            return self._split(key, endpoint.split("/")[1], request)
        if endpoint == "check/":
            ids = request.get("task_ids") or []
            return 200, {}, {"result": {task_id: self._check(key, str(task_id)) for task_id in ids}}
        if endpoint == "cancel/":
            ids = [str(task_id) for task_id in request.get("task_ids") or []]
            return 200, {}, {"result": {task_id: self._cancel(key, task_id) for task_id in ids}}
        if endpoint == "cancel/all/":
            ids = [t.id for t in self.tasks.values() if t.key == key and t.status == "progress"]
            return 200, {}, {"result": {task_id: self._cancel(key, task_id) for task_id in ids}}
        if endpoint == "limits/minutes_left/":
            return 200, {}, {"minutes_left": round(self.keys[key], 2)}
        if endpoint == "delete/":
            upload = self.uploads.get(str(request.get("source_id")))
            if upload is None or upload.key != key:
                return _error(404, "Source not found", "not_found")
            del self.uploads[str(request["source_id"])]
            return 200, {}, {"status": "success"}
        return _error(404, "Not found", "not_found")

    def _upload(self, key: str, headers: dict[str, str], body: bytes) -> Reply:
        match = _FILENAME.search(headers.get("content-disposition", ""))
        if not headers.get("content-disposition", "").lower().startswith("attachment") or match is None:
            return _error(400, "Content-Disposition: attachment; filename=... is required", "invalid_request")
        if not body:
            return _error(400, "The file is empty", "invalid_request")
        name = unquote(match.group(1)) if match.group(1) else match.group(2)
        try:
            duration = float(sf.info(io.BytesIO(body)).duration)
        except (sf.LibsndfileError, RuntimeError):
            duration = 0.0  # lalal.ai accepts the upload; the split then fails to decode it
        source_id = secrets.token_hex(12)
        self.uploads[source_id] = Upload(key, name, body, duration)
        expires = int(time.time()) + 3600
        return (
            200,
            {},
            {"id": source_id, "name": name, "size": len(body), "duration": duration, "expires": expires},
        )

    def _split(self, key: str, endpoint: str, request: dict[str, Any]) -> Reply:
        upload = self.uploads.get(str(request.get("source_id")))
        if upload is None or upload.key != key:
            return _error(404, "Source not found", "not_found")
        presets = request.get("presets")
        if not isinstance(presets, dict):
            return _error(400, "presets are required", "invalid_request")
        if presets.get("encoder_format", "mp3") not in FORMATS:
            return _error(400, "Unknown encoder_format", "invalid_request")
        if endpoint == "stem_separator" and presets.get("stem") not in STEMS:
            return _error(400, "Unknown stem", "invalid_request")
        stem_list = presets.get("stem_list")
        if endpoint == "multistem" and (
            not isinstance(stem_list, list)
            or not 1 <= len(stem_list) <= 6
            or set(stem_list) - set(MULTISTEMS)
        ):
            return _error(400, "stem_list must hold 1-6 of " + ", ".join(MULTISTEMS), "invalid_request")
        if upload.duration / 60.0 > self.keys[key]:
            return _error(400, "Not enough minutes left on the license", "exceeded_duration")
        task_id = secrets.token_hex(12)
        self.tasks[task_id] = Task(task_id, key, str(request["source_id"]), endpoint, presets, self.scenario)
        return 200, {}, {"task_id": task_id}

    def _check(self, key: str, task_id: str) -> dict[str, Any]:
        task = self.tasks.get(task_id)
        if task is None or task.key != key:
            return {"status": "error", "error": {"code": "not_found", "detail": "Task not found"}}
        if task.status == "progress":
            task.checks += 1
            steps = task.scenario.progress
            if task.checks <= len(steps):
                task.progress = steps[task.checks - 1]
            elif task.scenario.outcome != "forever":
                self._finish(task)
        if task.status == "progress":
            return {"status": "progress", "progress": task.progress}
        if task.status == "success":
            return {"status": "success", "result": task.result}
        if task.status in ("error", "server_error"):
            return {"status": task.status, "error": task.error}
        return {"status": task.status}

    def _finish(self, task: Task) -> None:
        scenario = task.scenario
        upload = self.uploads.get(task.source_id)
        if scenario.outcome in ("error", "server_error"):
            task.status = scenario.outcome
            task.error = {"code": scenario.error_code, "detail": scenario.error_detail}
            return
        try:
            audio, rate = sf.read(io.BytesIO(upload.data), always_2d=True) if upload else (None, 0)
        except (sf.LibsndfileError, RuntimeError):
            audio = None
        if audio is None or upload is None:
            task.status = "error"
            task.error = {"code": "decode_error", "detail": "The file could not be decoded"}
            return
        fmt = str(task.presets.get("encoder_format", "mp3"))
        base = scenario.result_base_url or self.base_url
        if task.endpoint == "stem_separator":
            stem = str(task.presets["stem"])
            parts = [("stem", stem, STEM_SHARE), ("back", f"no_{stem}", 1.0 - STEM_SHARE)]
        else:
            names = [str(name) for name in task.presets["stem_list"]]
            share = 1.0 / (len(names) + 1)
            parts = [("stem", name, share) for name in names] + [("back", "back", share)]
        tracks = []
        for kind, label, gain in parts:
            path = f"/media/{task.id}/{label}.{fmt}"
            buffer = io.BytesIO()
            sf.write(buffer, (audio * gain).astype(np.float32), rate, format=FORMATS[fmt])
            self.media[path] = buffer.getvalue()
            tracks.append(
                {"type": kind, "label": label, "url": f"{base}{path}", "size": len(self.media[path])}
            )
        task.status = "success"
        task.result = {"duration": upload.duration, "tracks": tracks}
        self.keys[task.key] = max(0.0, self.keys[task.key] - upload.duration / 60.0)

    def _cancel(self, key: str, task_id: str) -> dict[str, Any]:
        task = self.tasks.get(task_id)
        if task is None or task.key != key or task.status != "progress":
            return {
                "status": "server_error",
                "error": {"code": "not_running", "detail": "Task is not running"},
            }
        task.status = "cancelled"
        return {"status": "success"}


def _handler_class(fake: FakeLalalai) -> type[BaseHTTPRequestHandler]:
    class Handler(FakeApiHandler):
        def answer(self, method: str) -> None:
            length = self.headers.get("Content-Length")
            if method == "POST" and length is None:
                self._send(411, {}, {"detail": "Content-Length required", "code": "invalid_request"})
                return
            body = self.rfile.read(int(length)) if length else b""
            headers = self.lowered_headers()
            self._send(*fake.handle(method, self.path, headers, body))

        def _send(self, status: int, extra: dict[str, str], payload: Any) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            if "Content-Type" not in extra:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (cancelled or timed out): expected

    return Handler


@contextmanager
def fake_lalalai() -> Iterator[FakeLalalai]:
    """A FakeLalalai served on 127.0.0.1:<free port> from a background thread, stopped on exit."""
    fake = FakeLalalai()
    with serving(_handler_class(fake), "fake-lalalai") as server:
        fake.base_url = server.root_url
        yield fake
