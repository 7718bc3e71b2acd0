"""The one way tests wait: poll a probe until its value is what the test wants, then return that value."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Short enough that a test does not idle, long enough that polling is not what loads the machine.
INTERVAL = 0.05


def _give_up(what: str, within: float, last: object) -> AssertionError:
    return AssertionError(f"{what}: still not so after {within:g}s (last seen: {last!r})")


async def eventually(
    probe: Callable[[], Awaitable[T]],
    until: Callable[[T], Any] = bool,
    *,
    within: float = 10.0,
    what: str = "condition",
    interval: float = INTERVAL,
) -> T:
    """Awaits `probe()` until `until(value)` holds and returns that value.

    `within` is a generous limit for a loaded machine, not a measurement: on expiry the test fails
    with the last value seen. Timing goals belong in bench/.
    """
    deadline = time.monotonic() + within
    while True:
        value = await probe()
        if until(value):
            return value
        if time.monotonic() > deadline:
            raise _give_up(what, within, value)
        await asyncio.sleep(interval)


def eventually_sync(
    probe: Callable[[], T],
    until: Callable[[T], Any] = bool,
    *,
    within: float = 10.0,
    what: str = "condition",
    interval: float = INTERVAL,
) -> T:
    """`eventually` for code without an event loop (subprocesses, sockets)."""
    deadline = time.monotonic() + within
    while True:
        value = probe()
        if until(value):
            return value
        if time.monotonic() > deadline:
            raise _give_up(what, within, value)
        time.sleep(interval)
