"""A running gRPC service: its server, its health, and the stack of what to stop, in reverse, on shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import grpc

from soundforge.runtime.grpc_server import Health, build_grpc_server
from soundforge.runtime.settings import ServiceSettings
from soundforge.runtime.stack import Closer, ServiceStack

__all__ = ["Closer", "RunningService", "start_grpc_service"]

log = logging.getLogger(__name__)


@dataclass
class RunningService:
    """Handle returned by every service's `start(settings)`; tests and `__main__` use the same one."""

    name: str
    server: grpc.aio.Server
    port: int
    health: Health
    stack: ServiceStack
    grace: float = 10.0

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def set_serving(self) -> None:
        """Says SERVING; stopping then says NOT_SERVING before it stops anything else."""
        await self.health.set_serving(True)
        self.stack.push(lambda: self.health.set_serving(False))

    async def wait(self) -> None:
        """Returns once the server has stopped."""
        await self.server.wait_for_termination()

    async def stop(self, grace: float | None = None) -> None:
        """Stops everything the service started, last-first, within `grace` (default: its settings')."""
        await self.stack.close(self.grace if grace is None else grace)


async def start_grpc_service(
    stack: ServiceStack,
    settings: ServiceSettings,
    register: Callable[[grpc.aio.Server], None],
    service_full_names: Iterable[str],
) -> RunningService:
    """Starts the gRPC server on the stack; health stays NOT_SERVING until `set_serving()`.

    The server stops (finishing RPCs in flight within the grace left) before anything opened
    earlier on the stack is closed.
    """
    server, bound, health = build_grpc_server(
        settings.grpc_host, settings.grpc_port, register, service_full_names
    )
    stack.push_draining(server.stop)
    await health.set_serving(False)
    await server.start()
    log.info("%s listening", stack.name, extra={"grpc_port": bound})
    return RunningService(
        name=stack.name,
        server=server,
        port=bound,
        health=health,
        stack=stack,
        grace=settings.shutdown_grace_seconds,
    )
