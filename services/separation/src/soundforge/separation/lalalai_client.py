"""An HTTP client of the lalal.ai v1.1 API: upload, split, check, cancel, minutes left, result downloads."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import httpx

from soundforge.runtime.errors import RateLimited, UpstreamError
from soundforge.separation.lalalai_hosts import DownloadHosts

log = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024
MAX_BACKOFF_SECONDS = 60.0
# A result track larger than this is not audio we asked for.
MAX_TRACK_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class LicenseKey:
    """A lalal.ai license key and whose it is: "user" (their settings), "server" (the default) or
    "request" (handed in by the caller, e.g. a worker that resolved it already)."""

    value: str = field(repr=False)
    source: str


class LalalaiApiError(UpstreamError):
    """lalal.ai answered an error: its HTTP status, and its own `code` and `detail` when it sent them."""

    def __init__(self, message: str, *, status: int, code: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.api_code = code
        self.detail = detail

    @property
    def key_rejected(self) -> bool:
        return self.status in (401, 403)


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return max(0.0, float(response.headers["Retry-After"]))
    except (KeyError, ValueError):
        return None


def _content_disposition(name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_") or "audio"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


async def _file_chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as file:
        while chunk := await asyncio.to_thread(file.read, CHUNK_BYTES):
            yield chunk


class LalalaiClient:
    """Every call is a POST with `X-License-Key`; a 429 is retried after Retry-After (or a doubling
    backoff) up to `max_rate_limited` times, then raised as RateLimited. The key is only ever sent
    to the configured API, never to the hosts result tracks are downloaded from."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        api_url: str,
        hosts: DownloadHosts,
        *,
        backoff_seconds: float = 1.0,
        max_rate_limited: int = 8,
    ) -> None:
        self.http = http
        self.api_url = api_url if api_url.endswith("/") else api_url + "/"
        self.hosts = hosts
        self.backoff_seconds = backoff_seconds
        self.max_rate_limited = max_rate_limited

    async def _post(
        self, key: LicenseKey, path: str, *, json: Any = None, body: Path | None = None, name: str = ""
    ) -> dict[str, Any]:
        headers = {"X-License-Key": key.value}
        if body is not None:
            headers["Content-Disposition"] = _content_disposition(name or body.name)
            headers["Content-Type"] = "application/octet-stream"
            headers["Content-Length"] = str((await asyncio.to_thread(body.stat)).st_size)
        url = urljoin(self.api_url, path)
        delay = 0.0
        for attempt in range(self.max_rate_limited + 1):
            if attempt:
                log.info("lalal.ai rate limited %s; retrying in %.2f s", path, delay)
                await asyncio.sleep(delay)
            content = _file_chunks(body) if body is not None else None
            try:
                response = await self.http.post(url, json=json, content=content, headers=headers)
            except httpx.HTTPError as err:
                raise UpstreamError(f"cannot reach lalal.ai ({path}): {err or type(err).__name__}") from err
            if response.status_code != 429:
                return self._answer(path, response)
            retry_after = _retry_after(response)
            backoff = self.backoff_seconds * 2**attempt if retry_after is None else retry_after
            delay = min(backoff, MAX_BACKOFF_SECONDS)
        raise RateLimited(
            "lalal.ai is rate limiting requests; try again later",
            details={"retry_after": max(1, round(delay))},
        )

    @staticmethod
    def _answer(path: str, response: httpx.Response) -> dict[str, Any]:
        try:
            payload = response.json()
        except ValueError:
            payload = None
        if response.is_success and isinstance(payload, dict):
            return payload
        fields = payload if isinstance(payload, dict) else {}
        detail = str(fields.get("detail") or response.reason_phrase or "")
        code = str(fields.get("code") or "")
        if response.is_success:
            raise LalalaiApiError(f"lalal.ai answered {path} with no JSON object", status=502)
        raise LalalaiApiError(
            f"lalal.ai refused {path}: {detail or response.status_code}",
            status=response.status_code,
            code=code,
            detail=detail,
        )

    async def upload(self, key: LicenseKey, source: Path, name: str = "") -> dict[str, Any]:
        """`{id, name, size, duration, expires}` of the uploaded file."""
        return await self._post(key, "upload/", body=source, name=name)

    async def split(self, key: LicenseKey, source_id: str, presets: dict[str, Any]) -> str:
        """Starts a split (`presets.stem`: stem_separator, `presets.stem_list`: multistem); its task id."""
        endpoint = "split/multistem/" if "stem_list" in presets else "split/stem_separator/"
        body = {"source_id": source_id, "presets": presets, "idempotency_key": str(uuid.uuid4())}
        answer = await self._post(key, endpoint, json=body)
        task_id = answer.get("task_id")
        if not isinstance(task_id, str) or not task_id:
            raise LalalaiApiError(f"lalal.ai answered {endpoint} without a task_id", status=502)
        return task_id

    async def check(self, key: LicenseKey, task_ids: list[str]) -> dict[str, dict[str, Any]]:
        """task id -> its state (`status` progress | success | error | cancelled | server_error)."""
        answer = await self._post(key, "check/", json={"task_ids": task_ids})
        result = answer.get("result")
        return result if isinstance(result, dict) else {}

    async def cancel(self, key: LicenseKey, task_ids: list[str]) -> dict[str, dict[str, Any]]:
        """task id -> `{status: "success"}`, or `{status: "server_error", ...}` for one no longer running."""
        answer = await self._post(key, "cancel/", json={"task_ids": task_ids})
        result = answer.get("result")
        return result if isinstance(result, dict) else {}

    async def minutes_left(self, key: LicenseKey) -> float:
        answer = await self._post(key, "limits/minutes_left/", json={})
        try:
            return float(answer["minutes_left"])
        except (KeyError, TypeError, ValueError) as err:
            raise LalalaiApiError("lalal.ai answered minutes_left without a number", status=502) from err

    async def delete(self, key: LicenseKey, source_id: str) -> None:
        await self._post(key, "delete/", json={"source_id": source_id})

    async def download(self, url: str, dest: Path) -> int:
        """Streams one result track into `dest` (no redirects followed); the bytes written."""
        pinned = await self.hosts.pin(url)
        headers = {"Host": pinned.host_header} if pinned.host_header else {}
        extensions = {"sni_hostname": pinned.sni_host} if pinned.sni_host else {}
        written = 0
        try:
            async with self.http.stream(
                "GET", pinned.url, headers=headers, extensions=extensions
            ) as response:
                if response.status_code != 200:
                    raise LalalaiApiError(
                        f"lalal.ai result download answered HTTP {response.status_code}",
                        status=response.status_code,
                    )
                with dest.open("wb") as file:
                    async for chunk in response.aiter_bytes(CHUNK_BYTES):
                        written += len(chunk)
                        if written > MAX_TRACK_BYTES:
                            raise LalalaiApiError("lalal.ai result track is too large", status=502)
                        await asyncio.to_thread(file.write, chunk)
        except httpx.HTTPError as err:
            raise UpstreamError(f"cannot download a lalal.ai result: {err or type(err).__name__}") from err
        return written
