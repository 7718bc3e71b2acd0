"""gRPC server factory: error interceptor, request ids, metrics, standard health and reflection."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from prometheus_client import Counter, Histogram

from soundforge.runtime.errors import NotImplementedYet, SoundForgeError
from soundforge.runtime.logging import request_id_var

log = logging.getLogger(__name__)

ERROR_CODE_KEY = "sf-error-code"
ERROR_DETAILS_KEY = "sf-error-details"
REQUEST_ID_KEY = "x-request-id"

RPC_TOTAL = Counter("sf_grpc_server_requests_total", "RPCs handled", ["method", "code"])
RPC_SECONDS = Histogram("sf_grpc_server_seconds", "RPC handling time", ["method"])


def _status(name: str) -> grpc.StatusCode:
    return getattr(grpc.StatusCode, name, grpc.StatusCode.INTERNAL)


class ErrorInterceptor(grpc.aio.ServerInterceptor):
    """Maps domain errors to gRPC status in one place; every servicer stays free of try/abort.

    The domain code and details travel as trailing metadata so the gateway can rebuild the
    documented error JSON. Unexpected exceptions become INTERNAL without leaking internals.
    """

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        handler = await continuation(handler_call_details)
        if handler is None or handler.unary_unary is None:
            return handler
        method = handler_call_details.method
        inner = handler.unary_unary
        metadata = dict(handler_call_details.invocation_metadata or ())

        async def unary(request: Any, context: grpc.aio.ServicerContext) -> Any:
            token = request_id_var.set(str(metadata.get(REQUEST_ID_KEY) or uuid.uuid4().hex[:16]))
            started = time.perf_counter()
            code = "OK"
            try:
                return await inner(request, context)
            except SoundForgeError as err:
                code = err.grpc_status
                await context.abort(
                    _status(err.grpc_status),
                    err.message,
                    trailing_metadata=(
                        (ERROR_CODE_KEY, err.code),
                        (ERROR_DETAILS_KEY, json.dumps(err.details, default=str)),
                    ),
                )
            except grpc.aio.AbortError:
                code = "ABORTED_BY_HANDLER"
                raise
            except NotImplementedError:
                # The generated servicer base raises this for every RPC a service does not override yet.
                code = "UNIMPLEMENTED"
                await context.abort(
                    grpc.StatusCode.UNIMPLEMENTED,
                    "method not implemented",
                    trailing_metadata=((ERROR_CODE_KEY, NotImplementedYet.code), (ERROR_DETAILS_KEY, "{}")),
                )
            except Exception:
                code = "INTERNAL"
                log.exception("unhandled error in %s", method)
                await context.abort(grpc.StatusCode.INTERNAL, "internal error")
            finally:
                RPC_TOTAL.labels(method, code).inc()
                RPC_SECONDS.labels(method).observe(time.perf_counter() - started)
                request_id_var.reset(token)

        return grpc.unary_unary_rpc_method_handler(
            unary,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )


class Health:
    """The standard grpc.health.v1 service; says SERVING only after `set_serving()`."""

    def __init__(self, service_names: Iterable[str]) -> None:
        self.servicer = health.aio.HealthServicer()
        self.names = ["", *service_names]

    async def set_serving(self, serving: bool = True) -> None:
        status = (
            health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
        )
        for name in self.names:
            await self.servicer.set(name, status)


def build_grpc_server(
    host: str,
    port: int,
    register: Callable[[grpc.aio.Server], None],
    service_full_names: Iterable[str],
) -> tuple[grpc.aio.Server, int, Health]:
    """Builds (not starts) a server with our interceptor, health and reflection.

    `register` adds the servicers; `service_full_names` are the proto service names for health
    and reflection. Returns the server, the bound port (useful with port 0) and its Health.
    """
    names = list(service_full_names)
    server = grpc.aio.server(
        interceptors=[ErrorInterceptor()],
        options=[("grpc.so_reuseport", 0), ("grpc.max_receive_message_length", 8 * 1024 * 1024)],
    )
    register(server)
    health_ = Health(names)
    health_pb2_grpc.add_HealthServicer_to_server(health_.servicer, server)
    reflection.enable_server_reflection([*names, health.SERVICE_NAME, reflection.SERVICE_NAME], server)
    bound = server.add_insecure_port(f"{host}:{port}")
    if bound == 0:
        raise RuntimeError(f"could not bind gRPC port {host}:{port}")
    return server, bound, health_
