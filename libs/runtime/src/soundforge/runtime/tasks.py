"""Ending a background task for sure: a loop told to stop must not run on."""

from __future__ import annotations

import asyncio

# How long a cancelled task may take to end before it is cancelled again.
_AGAIN_AFTER_SECONDS = 0.5


async def cancel_task(task: asyncio.Task[object], *, again_after: float = _AGAIN_AFTER_SECONDS) -> None:
    """Cancels `task` and returns once it has ended, however it ended (its outcome is dropped).

    A single cancel() can be lost on Python 3.11: when `asyncio.wait_for` sees its result and the
    cancellation in the same loop step it returns the result (bpo-42130, fixed in 3.12), and the
    task runs on. nats-py awaits every request and publish ack through wait_for, so a loop
    cancelled while a publish returned kept going, and `await task` never returned (a download job
    that hung after its file had arrived). The cancel is repeated until the task is done.
    """
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=again_after)
    if not task.cancelled():
        task.exception()  # retrieved, so asyncio does not log it as never retrieved
