"""Wiring of the separation service: NATS, then the gRPC server; SERVING once everything is up."""

from __future__ import annotations

import grpc

from soundforge.events import EventBus
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting
from soundforge.separation.servicer import SERVICE_NAME, SeparationServicer
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2_grpc

SERVICE = "separation"


async def start(settings: SeparationSettings) -> RunningService:
    """Starts the service; health says SERVING only once NATS and the job streams are ready.

    No RPC is implemented yet; the bus is opened now so health already means what it will
    mean when the separation worker arrives.
    """
    async with starting(SERVICE) as stack:
        bus = await EventBus.connect(settings.nats_url, name=SERVICE)
        stack.push(bus.close)
        await bus.ensure_streams()

        # The stubs mark every RPC abstract; at runtime the generated base answers the ones not
        # overridden with UNIMPLEMENTED, which is what an RPC without an implementation must say.
        servicer = SeparationServicer()  # type: ignore[abstract]

        def register(server: grpc.aio.Server) -> None:
            separation_pb2_grpc.add_SeparationServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        await service.set_serving()
        return service
