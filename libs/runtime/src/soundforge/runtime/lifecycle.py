"""Process lifecycle: run a service until SIGTERM/SIGINT, then drain within a grace period."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar

from soundforge.runtime.grpc_aio import hold_grpc_aio
from soundforge.runtime.logging import configure_logging
from soundforge.runtime.metrics import serve_metrics
from soundforge.runtime.settings import ServiceSettings

SettingsT = TypeVar("SettingsT", bound=ServiceSettings)


class Running(Protocol):
    """What a service's `start(settings)` returns (a gRPC service, the HTTP gateway)."""

    async def wait(self) -> None:
        """Returns (or raises) when the service ends by itself, which only a failure does."""

    async def stop(self) -> None:
        """Stops taking work, drains within the service's own grace period, closes what it opened."""


def shutdown_requested() -> asyncio.Event:
    """An event set when the process is asked to stop (SIGTERM from Kubernetes, Ctrl-C locally)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def serve(
    name: str,
    settings: SettingsT,
    start: Callable[[SettingsT], Coroutine[Any, Any, Running]],
    *,
    metrics: bool = True,
) -> None:
    """The life of every service process: logging, `/metrics`, start, serve until asked to stop, stop.

    `metrics=False` for a process that serves `/metrics` on its own port (the gateway). Metrics
    bind where gRPC binds, so one setting opens the pod (0.0.0.0) or keeps everything local.
    A stop asked for while the service is still starting cancels the start-up, which closes what
    it had opened.
    """
    configure_logging(name, settings.log_level, settings.log_json)
    if metrics:
        serve_metrics(settings.metrics_port, host=settings.grpc_host)
    asked = asyncio.create_task(shutdown_requested().wait())
    try:
        starting = asyncio.create_task(start(settings))
        await asyncio.wait({starting, asked}, return_when=asyncio.FIRST_COMPLETED)
        if not starting.done():
            starting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await starting
            return
        await _serve_until_asked(starting.result(), asked)
    finally:
        asked.cancel()


async def _serve_until_asked(service: Running, asked: asyncio.Task[object]) -> None:
    ended = asyncio.create_task(service.wait())
    try:
        await asyncio.wait({asked, ended}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        try:
            await service.stop()
        finally:
            # Only once stopped: cancelling the wait earlier could cancel the server it waits on.
            ended.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ended  # raises what ended the service by itself, if anything did


def run(main: Callable[[], Coroutine[Any, Any, None]]) -> None:
    hold_grpc_aio()  # no gRPC shutdown, which can hang, until the process exits
    asyncio.run(main())
