"""Wiring of the generation service: NATS, then the gRPC server; SERVING once everything is up."""

from __future__ import annotations

import grpc

from soundforge.events import EventBus
from soundforge.generation.servicer import SERVICE_NAME, GenerationServicer
from soundforge.generation.settings import GenerationSettings
from soundforge.generation.v1 import generation_pb2_grpc
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting

SERVICE = "generation"


async def start(settings: GenerationSettings) -> RunningService:
    """Starts the service; health says SERVING only once NATS and the job streams are ready.

    No RPC is implemented yet; the bus is opened now so health already means what it will
    mean when the generation worker arrives.
    """
    async with starting(SERVICE) as stack:
        bus = await EventBus.connect(settings.nats_url, name=SERVICE)
        stack.push(bus.close)
        await bus.ensure_streams()

        # The stubs mark every RPC abstract; at runtime the generated base answers the ones not
        # overridden with UNIMPLEMENTED, which is what an RPC without an implementation must say.
        servicer = GenerationServicer()  # type: ignore[abstract]

        def register(server: grpc.aio.Server) -> None:
            generation_pb2_grpc.add_GenerationServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        await service.set_serving()
        return service
