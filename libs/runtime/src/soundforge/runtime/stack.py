"""What a service opened, in order, and undoing it in reverse, so no failing cleanup hides an error."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

log = logging.getLogger(__name__)

Closer = Callable[[], Awaitable[object]]
# A piece that finishes work in hand before it stops (a gRPC server, a job worker) gets the time left.
Drainer = Callable[[float], Awaitable[object]]


class ServiceStack:
    """The pieces a service started, stopped last-first by `close(grace)`.

    Every piece is stopped even when one before it fails; a failure is logged, never raised, so
    the error that made the service stop (or fail to start) is the one that propagates.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._stops: list[Drainer] = []

    def push(self, close: Closer) -> None:
        """Registers the closer of a piece just opened; it runs before the closers pushed earlier."""
        self._stops.append(lambda _grace: close())

    def push_draining(self, stop: Drainer) -> None:
        """Like push, for a `stop(grace)` that lets work in hand finish within the grace left."""
        self._stops.append(stop)

    async def close(self, grace: float = 0.0) -> None:
        """Stops everything within `grace` seconds in all; safe to call twice."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while self._stops:
            stop = self._stops.pop()
            try:
                await stop(max(0.0, deadline - loop.time()))
            except Exception:
                log.exception("error while stopping %s", self.name)


@contextlib.asynccontextmanager
async def starting(name: str) -> AsyncIterator[ServiceStack]:
    """A new stack for a service's start-up: if start-up fails, what it opened is closed again
    (last-first) and the start-up error propagates; on success the stack stays open."""
    stack = ServiceStack(name)
    try:
        yield stack
    except BaseException:
        await stack.close()
        raise
