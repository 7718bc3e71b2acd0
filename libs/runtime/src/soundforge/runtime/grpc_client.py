"""gRPC client channels that propagate the request id and turn remote errors back into typed ones."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import grpc

from soundforge.runtime.errors import SoundForgeError, Unavailable, error_from_code
from soundforge.runtime.grpc_server import ERROR_CODE_KEY, ERROR_DETAILS_KEY, REQUEST_ID_KEY
from soundforge.runtime.logging import request_id_var

# Status codes that carry no domain code (the peer is down, too slow, ...) get a stable one here.
_TRANSPORT_CODES = {
    grpc.StatusCode.UNAVAILABLE: "SERVICE_UNAVAILABLE",
    grpc.StatusCode.DEADLINE_EXCEEDED: "SERVICE_UNAVAILABLE",
    grpc.StatusCode.UNIMPLEMENTED: "NOT_IMPLEMENTED",
    grpc.StatusCode.NOT_FOUND: "NOT_FOUND",
    grpc.StatusCode.UNAUTHENTICATED: "UNAUTHORIZED",
    grpc.StatusCode.PERMISSION_DENIED: "FORBIDDEN",
    grpc.StatusCode.INVALID_ARGUMENT: "BAD_REQUEST",
}


def to_domain_error(err: grpc.aio.AioRpcError) -> SoundForgeError:
    """Rebuilds the typed error a peer raised (or a transport error) from a failed call."""
    trailing = dict(err.trailing_metadata() or ())
    code = trailing.get(ERROR_CODE_KEY)
    details: dict[str, Any] = {}
    if raw := trailing.get(ERROR_DETAILS_KEY):
        try:
            details = json.loads(raw)
        except ValueError:
            details = {}
    if code is None:
        code = _TRANSPORT_CODES.get(err.code(), "INTERNAL_ERROR")
    message = err.details() or code.lower()
    if code == "INTERNAL_ERROR":
        message = "internal error"
    return error_from_code(str(code), message, details)


class _ClientInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    def __init__(self, default_timeout: float | None) -> None:
        self._default_timeout = default_timeout

    async def intercept_unary_unary(
        self,
        continuation: Callable[[grpc.aio.ClientCallDetails, Any], Awaitable[Any]],
        client_call_details: grpc.aio.ClientCallDetails,
        request: Any,
    ) -> Any:
        metadata = list(client_call_details.metadata or ())
        if (rid := request_id_var.get()) is not None:
            metadata.append((REQUEST_ID_KEY, rid))
        details = grpc.aio.ClientCallDetails(
            client_call_details.method,
            client_call_details.timeout if client_call_details.timeout is not None else self._default_timeout,
            metadata,
            client_call_details.credentials,
            client_call_details.wait_for_ready,
        )
        call = await continuation(details, request)
        try:
            await call
        except grpc.aio.AioRpcError as err:
            raise to_domain_error(err) from None
        return call


def open_channel(addr: str, *, default_timeout: float | None = None) -> grpc.aio.Channel:
    """An insecure channel to a peer service; calls raise SoundForgeError subclasses on failure.

    `default_timeout` is the deadline of calls that set none, so a hung peer cannot hold a
    caller (an HTTP request, a job) forever; DEADLINE_EXCEEDED surfaces as SERVICE_UNAVAILABLE.
    """
    return grpc.aio.insecure_channel(
        addr,
        interceptors=[_ClientInterceptor(default_timeout)],
        options=[("grpc.max_receive_message_length", 8 * 1024 * 1024)],
    )


async def wait_until_ready(channel: grpc.aio.Channel, addr: str, seconds: float) -> None:
    """Waits for a peer to accept connections; a service is not ready while its peers are not."""
    try:
        async with asyncio.timeout(seconds):
            await channel.channel_ready()
    except TimeoutError:
        raise Unavailable(f"service at {addr} not reachable within {seconds:.0f}s") from None
