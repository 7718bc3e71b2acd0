"""A background chore run every N seconds in a service process (sweeps), stopped with the process."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from soundforge.runtime.tasks import cancel_task

log = logging.getLogger(__name__)


class Periodic:
    """Calls `chore()` every `interval` seconds (the first time after one interval).

    A chore that raises is logged and tried again at the next tick: a sweep must never take its
    process down. `stop()` cancels a chore in progress; chores are written to be safe to cut short.
    """

    def __init__(self, name: str, interval: float, chore: Callable[[], Awaitable[object]]) -> None:
        if interval <= 0:
            raise ValueError("interval must be > 0")
        self.name = name
        self.interval = interval
        self._chore = chore
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name=self.name)

    async def stop(self) -> None:
        if self._task is not None:
            await cancel_task(self._task)
            self._task = None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self._chore()
            except Exception:
                log.exception("%s failed; trying again in %.0fs", self.name, self.interval)
