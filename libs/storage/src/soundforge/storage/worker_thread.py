"""Blocking storage work on a dedicated thread that a cancelled caller stops and then waits for.

Long transfers (uploads fed from the event loop, file copies, downloads) get a thread of their
own instead of the default executor: an upload waiting for chunks must never hold a pooled thread
that the producer of those chunks needs, and a cancelled caller must not leave an object that
appears after it gave up.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Aborted(Exception):
    """Raised inside worker code when its caller went away; never reaches the caller itself."""


def check_stop(stop: threading.Event) -> None:
    if stop.is_set():
        raise Aborted("caller cancelled the transfer")


async def run_in_thread(fn: Callable[[threading.Event], T], *, name: str = "sf-storage") -> T:
    """Runs `fn(stop)` on a new thread; on cancellation sets `stop`, waits for `fn` to end, re-raises."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()
    stop = threading.Event()

    def settle(result: T | None, exc: BaseException | None) -> None:
        if done.done():
            return
        if exc is not None:
            done.set_exception(exc)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def body() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = fn(stop)
        except BaseException as exc:
            error = exc
        # The loop may already be closed when the process is shutting down: nobody is waiting then.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=body, name=name, daemon=True).start()
    try:
        return await asyncio.shield(done)
    except asyncio.CancelledError:
        stop.set()
        await asyncio.wait({done})
        if not done.cancelled():
            done.exception()  # mark retrieved: the caller only cares that it was cancelled
        raise
