"""The separation shell: starts on port 0, says SERVING, and answers UNIMPLEMENTED for its RPCs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from soundforge.runtime.service import RunningService
from soundforge.separation.app import start
from soundforge.separation.servicer import SERVICE_NAME
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc


@pytest.fixture
async def service(nats_url: str) -> AsyncIterator[RunningService]:
    running = await start(SeparationSettings(nats_url=nats_url, grpc_port=0))
    try:
        yield running
    finally:
        await running.stop(grace=0.5)


async def test_health_says_serving_for_the_service(service: RunningService) -> None:
    async with grpc.aio.insecure_channel(service.address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        reply = await health.Check(health_pb2.HealthCheckRequest(service=SERVICE_NAME))
    assert reply.status == health_pb2.HealthCheckResponse.SERVING


async def test_unimplemented_rpc_says_so(service: RunningService) -> None:
    async with grpc.aio.insecure_channel(service.address) as channel:
        stub = separation_pb2_grpc.SeparationServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.Separate(separation_pb2.SeparateRequest(owner_id="u1", track_id="t1"))
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED
