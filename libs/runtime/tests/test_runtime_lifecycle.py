"""`serve`: a process runs its service until asked to stop, and stops it once, whatever happens."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from soundforge.runtime import lifecycle
from soundforge.runtime.settings import ServiceSettings


class Boom(Exception):
    pass


class FakeService:
    def __init__(self) -> None:
        self.ended = asyncio.Event()
        self.failure: Exception | None = None
        self.stops = 0

    async def wait(self) -> None:
        await self.ended.wait()
        if self.failure is not None:
            raise self.failure

    async def stop(self) -> None:
        self.stops += 1
        self.ended.set()


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    # serve() configures the root logger; pytest's capture handlers must stay in place.
    monkeypatch.setattr(lifecycle, "configure_logging", lambda *_args: None)


def ask_to_stop(sig: signal.Signals) -> None:
    os.kill(os.getpid(), sig)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_stops_the_service_once(sig: signal.Signals) -> None:
    service = FakeService()

    async def start(_settings: ServiceSettings) -> FakeService:
        asyncio.get_running_loop().call_soon(ask_to_stop, sig)
        return service

    await asyncio.wait_for(lifecycle.serve("demo", ServiceSettings(), start, metrics=False), 10)
    assert service.stops == 1


async def test_a_signal_during_start_up_cancels_it_and_its_cleanup_runs() -> None:
    cleaned_up = asyncio.Event()

    async def start(_settings: ServiceSettings) -> FakeService:
        ask_to_stop(signal.SIGTERM)
        try:
            await asyncio.Event().wait()  # a warm-up that would never end
        finally:
            cleaned_up.set()
        raise AssertionError("start-up was not cancelled")

    await asyncio.wait_for(lifecycle.serve("demo", ServiceSettings(), start, metrics=False), 10)
    assert cleaned_up.is_set()


async def test_a_service_that_ends_by_itself_is_stopped_and_its_error_raised() -> None:
    service = FakeService()
    service.failure = Boom("server crashed")

    async def start(_settings: ServiceSettings) -> FakeService:
        asyncio.get_running_loop().call_soon(service.ended.set)
        return service

    with pytest.raises(Boom, match="server crashed"):
        await asyncio.wait_for(lifecycle.serve("demo", ServiceSettings(), start, metrics=False), 10)
    assert service.stops == 1


async def test_a_failed_start_up_raises_its_error() -> None:
    async def start(_settings: ServiceSettings) -> FakeService:
        raise Boom("NATS unreachable")

    with pytest.raises(Boom, match="NATS unreachable"):
        await lifecycle.serve("demo", ServiceSettings(), start, metrics=False)
