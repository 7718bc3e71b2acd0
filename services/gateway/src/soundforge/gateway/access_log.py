"""Request ids (accepted or generated, echoed, sent on to gRPC), one access log line and metrics each."""

from __future__ import annotations

import logging
import re
import time
import uuid

from prometheus_client import Counter, Histogram
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soundforge.gateway.errors import error_response
from soundforge.runtime.errors import SoundForgeError
from soundforge.runtime.logging import request_id_var

log = logging.getLogger("soundforge.gateway.access")

REQUEST_ID_HEADER = "x-request-id"
# A client-supplied id lands in our logs: accept only ids that cannot forge or split a log line.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# nginx's status for a client that closed the connection before the answer: never sent, only
# logged and counted, and not a 5xx (nothing on our side failed).
CLIENT_CLOSED_REQUEST = 499

HTTP_TOTAL = Counter("sf_gateway_http_requests_total", "HTTP requests handled", ["method", "route", "status"])
HTTP_SECONDS = Histogram("sf_gateway_http_seconds", "HTTP request handling time", ["method", "route"])


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name == REQUEST_ID_HEADER.encode():
            candidate = value.decode("latin-1")
            if _VALID_REQUEST_ID.match(candidate):
                return candidate
    return uuid.uuid4().hex


def _route_label(scope: Scope) -> str:
    # The route template, not the raw path: ids in paths would explode the metric's label set.
    route = scope.get("route")
    return str(getattr(route, "path", "unmatched"))


class RequestContextMiddleware:
    """Outermost middleware: everything inside (rate limiter, routes, gRPC calls) sees the request id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(scope.get("headers", []))
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except ClientDisconnect:
            # The body stopped mid-way (an upload cut off): the route has already given back what
            # it staged, and there is nobody left to answer.
            log.info("client disconnected before the request body ended")
            status = status or CLIENT_CLOSED_REQUEST
        except Exception:
            # Caught here rather than by Starlette's outermost handler, so even a 500 carries
            # the request id a client can quote, and the traceback is logged under that id.
            log.exception("unhandled error")
            if status:
                raise
            internal = SoundForgeError("internal error")
            await error_response(internal, path=scope["path"])(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_label(scope)
            status = status or 500
            HTTP_TOTAL.labels(scope["method"], route, str(status)).inc()
            HTTP_SECONDS.labels(scope["method"], route).observe(elapsed)
            client = scope.get("client")
            log.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                    "client": client[0] if client else None,
                },
            )
            request_id_var.reset(token)
