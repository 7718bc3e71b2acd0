"""Fixed-window rate limits: api_auth on every /api and /pipeline route, api_heavy on the expensive ones."""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soundforge.gateway.auth import Authenticator
from soundforge.gateway.errors import error_response, is_pipeline_path, is_soundbox_path
from soundforge.gateway.settings import GatewaySettings
from soundforge.runtime.errors import RateLimited, SoundForgeError, Unavailable

log = logging.getLogger(__name__)

API_AUTH = "api_auth"
API_HEAVY = "api_heavy"
# Sound Box's community library is browsed anonymously: counted per IP (per user once signed in).
SOUNDBOX = "soundbox"
SOUNDBOX_LOG_ERROR = "soundbox_log_error"
LOG_ERROR_ROUTE = ("POST", "/soundbox/api/log-error")

# The seed's heavy pipeline: imports, analysis, separation, and downloads (marked heavy in 001).
HEAVY_ROUTES = frozenset(
    {
        ("POST", "/api/spotify/import"),
        ("POST", "/api/analysis/analyze"),
        ("POST", "/api/processing/separate"),
        ("POST", "/api/download/track"),
        ("POST", "/api/daw/export"),
        ("POST", "/pipeline/process"),
        ("POST", "/api/agents/chat"),  # each turn is LLM calls, and may start analysis or separation jobs
    }
)
# A health check is polled by load balancers and must tell the truth even when the counters cannot.
UNMETERED_PATHS = frozenset({"/pipeline/health"})

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class CounterStore(Protocol):
    """Atomically adds one to a counter shared by every gateway replica and returns the new count."""

    async def increment(self, key: str) -> int: ...


@dataclass(frozen=True)
class Verdict:
    pipeline: str
    limit: int
    count: int
    reset: int  # epoch second at which the window ends
    now: float

    @property
    def allowed(self) -> bool:
        return self.count <= self.limit

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.count)

    @property
    def retry_after(self) -> int:
        return max(1, math.ceil(self.reset - self.now))

    def headers(self) -> dict[str, str]:
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after)
        return headers


class RateLimiter:
    """Counts hits per (pipeline, identity, window); the identity is hashed so keys carry no PII."""

    def __init__(
        self, store: CounterStore, window_seconds: int, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._window = window_seconds
        self._clock = clock

    async def hit(self, pipeline: str, limit: int, identity: str) -> Verdict:
        now = self._clock()
        window_start = int(now // self._window) * self._window
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
        count = await self._store.increment(f"{pipeline}.{digest}.{window_start}")
        return Verdict(pipeline, limit, count, window_start + self._window, now)


def parse_networks(entries: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _in(address: str, networks: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str | None, forwarded_for: str | None, trusted: list[Network]) -> str:
    """The socket peer, unless it is a trusted proxy: then the nearest untrusted X-Forwarded-For hop.

    Walking from the right stops at the first address our own proxies did not add, so a client
    cannot pick its identity by prepending addresses of its own.
    """
    address = peer or "unknown"
    if not forwarded_for or not _in(address, trusted):
        return address
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        address = hop
        if not _in(hop, trusted):
            break
    return address


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def is_metered_path(path: str) -> bool:
    metered = is_api_path(path) or is_pipeline_path(path) or is_soundbox_path(path)
    return metered and path not in UNMETERED_PATHS


class RateLimitMiddleware:
    """Counts every /api and /pipeline request before routing, so a rejected one never reaches a service."""

    def __init__(
        self, app: ASGIApp, *, limiter: RateLimiter, authenticator: Authenticator, settings: GatewaySettings
    ) -> None:
        self.app = app
        self._limiter = limiter
        self._authenticator = authenticator
        self._settings = settings
        self._trusted = parse_networks(settings.trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_metered_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            verdict = await self._count(request)
        except SoundForgeError as err:
            # Without shared counters we cannot enforce the limit; refusing is safer than flooding.
            log.warning("rate limiter unavailable", extra={"reason": err.message})
            unavailable = Unavailable("rate limiter unavailable")
            await error_response(unavailable, path=scope["path"])(scope, receive, send)
            return
        if not verdict.allowed:
            limited = RateLimited("rate limit exceeded", details={"retry_after": verdict.retry_after})
            await error_response(limited, headers=verdict.headers(), path=scope["path"])(scope, receive, send)
            return
        extra = [(name.lower().encode(), value.encode()) for name, value in verdict.headers().items()]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _count(self, request: Request) -> Verdict:
        identity = await self._identity(request)
        if is_soundbox_path(request.url.path):
            return await self._count_soundbox(request, identity)
        verdict = await self._limiter.hit(API_AUTH, self._settings.rate_limit_auth, identity)
        if verdict.allowed and (request.method, request.url.path) in HEAVY_ROUTES:
            verdict = await self._limiter.hit(API_HEAVY, self._settings.rate_limit_heavy, identity)
        return verdict

    async def _count_soundbox(self, request: Request, identity: str) -> Verdict:
        verdict = await self._limiter.hit(SOUNDBOX, self._settings.rate_limit_soundbox, identity)
        if verdict.allowed and (request.method, request.url.path) == LOG_ERROR_ROUTE:
            limit = self._settings.rate_limit_soundbox_log_error
            verdict = await self._limiter.hit(SOUNDBOX_LOG_ERROR, limit, identity)
        return verdict

    async def _identity(self, request: Request) -> str:
        try:
            principal = await self._authenticator.authenticate(request)
        except SoundForgeError:
            # The route's own auth dependency reports the bad credential; count it as anonymous.
            principal = None
        if principal is not None:
            return f"user:{principal.user.id}"
        peer = request.client.host if request.client else None
        return "ip:" + client_address(peer, request.headers.get("x-forwarded-for"), self._trusted)
