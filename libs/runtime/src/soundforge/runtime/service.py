"""A running service process: its gRPC server, health, and what to close, in order, on shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

import grpc

from soundforge.runtime.grpc_server import Health, build_grpc_server

log = logging.getLogger(__name__)

Closer = Callable[[], Awaitable[None]]


@dataclass
class RunningService:
    """Handle returned by every service's `start(settings)`; tests and `__main__` use the same one."""

    name: str
    server: grpc.aio.Server
    port: int
    health: Health
    closers: list[Closer] = field(default_factory=list)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def stop(self, grace: float = 5.0) -> None:
        """Stops taking RPCs, lets in-flight ones finish within `grace`, then closes the rest."""
        await self.health.set_serving(False)
        await self.server.stop(grace)
        for close in reversed(self.closers):
            try:
                await close()
            except Exception:
                log.exception("error while closing %s", self.name)


async def start_grpc_service(
    name: str,
    host: str,
    port: int,
    register: Callable[[grpc.aio.Server], None],
    service_full_names: Iterable[str],
    closers: Iterable[Closer] = (),
) -> RunningService:
    """Builds and starts the gRPC server; health stays NOT_SERVING until the caller says ready."""
    server, bound, health = build_grpc_server(host, port, register, service_full_names)
    await health.set_serving(False)
    await server.start()
    log.info("%s listening", name, extra={"grpc_port": bound})
    return RunningService(name=name, server=server, port=bound, health=health, closers=list(closers))


async def cancel_task(task: asyncio.Task[object]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
