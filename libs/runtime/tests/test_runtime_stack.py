"""Start-up and shutdown: pieces stop last-first, a failing cleanup never hides the error that matters."""

from __future__ import annotations

import logging

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from soundforge.runtime.service import start_grpc_service
from soundforge.runtime.settings import ServiceSettings
from soundforge.runtime.stack import ServiceStack, starting


class Boom(Exception):
    pass


async def test_close_stops_last_first_and_only_once() -> None:
    stopped: list[str] = []
    stack = ServiceStack("demo")
    for name in ("bus", "channel", "worker"):

        async def close(name: str = name) -> None:
            stopped.append(name)

        stack.push(close)
    await stack.close()
    await stack.close()
    assert stopped == ["worker", "channel", "bus"]


async def test_a_failing_closer_is_logged_and_the_rest_still_run(caplog: pytest.LogCaptureFixture) -> None:
    stopped: list[str] = []
    stack = ServiceStack("demo")

    async def close_bus() -> None:
        stopped.append("bus")

    async def close_channel() -> None:
        raise Boom("channel would not close")

    stack.push(close_bus)
    stack.push(close_channel)
    with caplog.at_level(logging.ERROR):
        await stack.close()
    assert stopped == ["bus"]
    assert "error while stopping demo" in caplog.text
    assert "channel would not close" in caplog.text


async def test_draining_pieces_share_one_grace_period() -> None:
    given: list[float] = []
    stack = ServiceStack("demo")

    async def drain(grace: float) -> None:
        given.append(grace)

    stack.push_draining(drain)
    stack.push_draining(drain)
    await stack.close(grace=5.0)
    assert len(given) == 2
    assert all(0.0 < grace <= 5.0 for grace in given)
    assert given[1] <= given[0]


async def test_a_failed_start_closes_what_it_opened_and_raises_its_own_error() -> None:
    stopped: list[str] = []

    async def close_bus() -> None:
        stopped.append("bus")

    async def close_channel() -> None:
        raise RuntimeError("cleanup failed too")

    with pytest.raises(Boom, match="library unreachable"):
        async with starting("demo") as stack:
            stack.push(close_bus)
            stack.push(close_channel)
            raise Boom("library unreachable")
    assert stopped == ["bus"]


async def test_a_started_service_stops_health_first_then_the_server_then_the_rest() -> None:
    stopped: list[str] = []
    settings = ServiceSettings(grpc_port=0, shutdown_grace_seconds=0.5)
    async with starting("demo") as stack:

        async def close_bus() -> None:
            stopped.append("bus")

        stack.push(close_bus)
        service = await start_grpc_service(stack, settings, lambda _server: None, ["demo.v1.Demo"])

        async def observe_health() -> None:
            # Runs after NOT_SERVING was said and before the server stops: it still answers.
            async with grpc.aio.insecure_channel(service.address) as channel:
                reply = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
            stopped.append(health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status))

        stack.push(observe_health)
        await service.set_serving()
    async with grpc.aio.insecure_channel(service.address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        reply = await health.Check(health_pb2.HealthCheckRequest(service="demo.v1.Demo"))
        assert reply.status == health_pb2.HealthCheckResponse.SERVING
        await service.stop()
        assert stopped == ["NOT_SERVING", "bus"]
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await health.Check(health_pb2.HealthCheckRequest(service="demo.v1.Demo"), timeout=2)
    assert refused.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_a_start_that_fails_after_the_server_is_up_stops_the_server() -> None:
    settings = ServiceSettings(grpc_port=0)
    with pytest.raises(Boom):
        async with starting("demo") as stack:
            service = await start_grpc_service(stack, settings, lambda _server: None, ["demo.v1.Demo"])
            raise Boom("warm-up failed")
    async with grpc.aio.insecure_channel(service.address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
    assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
