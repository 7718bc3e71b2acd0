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

from starlette.datastructures import Headers
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
# Where the middleware leaves a request's RequestMeter (Starlette's request.state is this dict).
METER_STATE_KEY = "rate_meter"

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


class Throttled(RateLimited):
    """A verdict's refusal: the 429 with `retry_after`, and the verdict's headers (Retry-After among
    them). The middleware raises none (it answers at once); a route enforcing a limit itself does."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__("rate limit exceeded", details={"retry_after": verdict.retry_after})
        self.headers = verdict.headers()


class RequestMeter:
    """One request's place on the limiter, for a route that spends more than the request itself.

    The middleware puts it in the request's scope; a route that starts extra heavy work (the agent
    chat's job tools) spends api_heavy hits through it, and the answer's X-RateLimit headers then
    show the last count rather than the request's own.
    """

    def __init__(self, limiter: RateLimiter, identity: str, heavy_limit: int, verdict: Verdict) -> None:
        self._limiter = limiter
        self._identity = identity
        self._heavy_limit = heavy_limit
        self.verdict = verdict

    async def heavy(self) -> Verdict:
        """One more api_heavy hit for this request's caller, counted exactly as a heavy route's."""
        verdict = await self._limiter.hit(API_HEAVY, self._heavy_limit, self._identity)
        self.verdict = verdict
        return verdict

    def headers(self) -> dict[str, str]:
        # The request itself was allowed: a refused extra hit shows as 0 remaining, not a Retry-After.
        return {name: value for name, value in self.verdict.headers().items() if name != "Retry-After"}


def request_meter(request: Request) -> RequestMeter:
    """The meter RateLimitMiddleware gave this request (every metered path has one)."""
    meter = request.scope.get("state", {}).get(METER_STATE_KEY)
    if not isinstance(meter, RequestMeter):
        raise RuntimeError(f"{request.url.path} was not counted by RateLimitMiddleware")
    return meter


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


def forwarded_for(headers: Headers) -> str | None:
    """Every X-Forwarded-For line, joined in order: a proxy may add its own line instead of appending
    to the client's (HAProxy's `option forwardfor`), and repeated header lines mean one comma-joined
    list (RFC 9110, 5.3). Reading the first line alone let a client's forged line decide its address."""
    lines = headers.getlist("x-forwarded-for")
    return ", ".join(lines) if lines else None


def request_address(request: Request, trusted: list[Network]) -> str:
    """The address a request counts against: its peer, or the hop client_address finds behind our
    proxies. The one place the middleware and the sign-in throttle read it from."""
    peer = request.client.host if request.client else None
    return client_address(peer, forwarded_for(request.headers), trusted)


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
            identity = await self._identity(request)
            verdict = await self._count(request, identity)
        except SoundForgeError as err:
            # Without shared counters we cannot enforce the limit; refusing is safer than flooding.
            log.warning("rate limiter unavailable", extra={"reason": err.message})
            unavailable = Unavailable("rate limiter unavailable")
            await error_response(unavailable, path=scope["path"])(scope, receive, send)
            return
        if not verdict.allowed:
            limited = Throttled(verdict)
            await error_response(limited, headers=limited.headers, path=scope["path"])(scope, receive, send)
            return
        meter = RequestMeter(self._limiter, identity, self._settings.rate_limit_heavy, verdict)
        scope.setdefault("state", {})[METER_STATE_KEY] = meter

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Read when the answer starts, so that hits the route spent itself are included.
                extra = [(name.lower().encode(), value.encode()) for name, value in meter.headers().items()]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _count(self, request: Request, identity: str) -> Verdict:
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
        return "ip:" + request_address(request, self._trusted)
