"""The generation shell: starts on port 0, says SERVING, and answers UNIMPLEMENTED for its RPCs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from soundforge.generation.app import start
from soundforge.generation.servicer import SERVICE_NAME
from soundforge.generation.settings import GenerationSettings
from soundforge.generation.v1 import generation_pb2, generation_pb2_grpc
from soundforge.jobs.v1.payloads_pb2 import GenerationParams
from soundforge.runtime.service import RunningService


@pytest.fixture
async def service(nats_url: str) -> AsyncIterator[RunningService]:
    running = await start(GenerationSettings(nats_url=nats_url, grpc_port=0))
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
        stub = generation_pb2_grpc.GenerationServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.Generate(
                generation_pb2.GenerateRequest(
                    owner_id="u1", params=GenerationParams(prompt="rain on a tin roof", duration=5)
                )
            )
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED
