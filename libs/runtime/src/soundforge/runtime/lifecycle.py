"""Process lifecycle: run a service until SIGTERM/SIGINT, then drain within a grace period."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Coroutine
from typing import Any


async def wait_for_shutdown() -> None:
    """Returns when the process is asked to stop (SIGTERM from Kubernetes, Ctrl-C locally)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()


def run(main: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(main())
