"""What `/health` asks before it says "ok": does the library answer its gRPC health check, and NATS?"""

from __future__ import annotations

import asyncio

import nats.errors
from grpc_health.v1 import health_pb2, health_pb2_grpc

from soundforge.events import EventBus
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import SoundForgeError

OK = "ok"
LIBRARY_SERVICE = library_pb2.DESCRIPTOR.services_by_name["LibraryService"].full_name


async def library_check(health: health_pb2_grpc.HealthStub, seconds: float) -> str:
    """The library's health: "ok" when it answers SERVING within `seconds`, else why not (no address:
    /health is public)."""
    return await service_check(health, LIBRARY_SERVICE, seconds)


async def service_check(health: health_pb2_grpc.HealthStub, service: str, seconds: float) -> str:
    """A gRPC service's standard health check: "ok" when it answers SERVING within `seconds`, else why not."""
    try:
        reply = await health.Check(health_pb2.HealthCheckRequest(service=service), timeout=seconds)
    except SoundForgeError:
        return "unreachable"
    if reply.status != health_pb2.HealthCheckResponse.SERVING:
        return "not serving"
    return OK


async def nats_check(bus: EventBus, seconds: float) -> str:
    """NATS's health: "ok" when JetStream (jobs, rate limits) answers within `seconds`, else why not."""
    if not bus.nc.is_connected:
        return "disconnected"
    try:
        async with asyncio.timeout(seconds):
            await bus.js.account_info()
    except (TimeoutError, nats.errors.Error):
        return "jetstream not answering"
    return OK


async def readiness(health: health_pb2_grpc.HealthStub, bus: EventBus, seconds: float) -> dict[str, str]:
    """Each dependency's check, run at once so a slow one costs `seconds`, not the sum."""
    library, events = await asyncio.gather(library_check(health, seconds), nats_check(bus, seconds))
    return {"library": library, "nats": events}
