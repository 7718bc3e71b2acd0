"""Fixtures for the events tests: a connected EventBus, a fresh service name, a live update watcher."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from soundforge.events import EventBus, UpdateWatcher
from soundforge.testing import waiting

Check = Callable[[], Awaitable[bool]]
Eventually = Callable[[Check, float], Awaitable[None]]


@pytest.fixture
def service() -> str:
    """A service name no other test uses, so each test owns its subjects and durable consumers."""
    return f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def bus(nats_url: str) -> AsyncIterator[EventBus]:
    bus = await EventBus.connect(nats_url, "events-tests")
    await bus.ensure_streams()
    yield bus
    await bus.close()


@pytest.fixture
async def watcher(bus: EventBus, service: str) -> AsyncIterator[UpdateWatcher]:
    watcher = UpdateWatcher(bus, service)
    await watcher.start()
    yield watcher
    await watcher.stop()


@pytest.fixture
def eventually() -> Eventually:
    """`soundforge.testing.waiting.eventually` for a yes/no check: waits until it says yes."""

    async def poll(check: Check, within: float = 5.0) -> None:
        await waiting.eventually(check, within=within, what=getattr(check, "__name__", "check"))

    return poll
