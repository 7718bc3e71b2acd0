"""The gRPC stubs the gateway calls, over channels whose failures arrive as typed SoundForgeErrors."""

from __future__ import annotations

from dataclasses import dataclass, field

import grpc
from grpc_health.v1 import health_pb2_grpc

from soundforge.analysis.v1 import analysis_pb2_grpc
from soundforge.gateway.settings import GatewaySettings
from soundforge.generation.v1 import generation_pb2_grpc
from soundforge.ingest.v1 import ingest_pb2_grpc
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.grpc_client import open_channel
from soundforge.separation.v1 import separation_pb2_grpc


@dataclass
class GatewayClients:
    """One stub per service; the gateway holds no state of its own beyond these connections."""

    library: library_pb2_grpc.LibraryServiceStub
    ingest: ingest_pb2_grpc.IngestServiceStub
    analysis: analysis_pb2_grpc.AnalysisServiceStub
    separation: separation_pb2_grpc.SeparationServiceStub
    generation: generation_pb2_grpc.GenerationServiceStub
    library_health: health_pb2_grpc.HealthStub  # the library's standard gRPC health service (/health)
    separation_health: health_pb2_grpc.HealthStub  # the separation service's (/pipeline/health)
    channels: list[grpc.aio.Channel] = field(default_factory=list)

    @classmethod
    def open(cls, settings: GatewaySettings) -> GatewayClients:
        """Channels connect lazily, so the gateway starts even while a service is still coming up."""
        library = open_channel(settings.library_addr, default_timeout=settings.rpc_timeout_seconds)
        ingest = open_channel(settings.ingest_addr, default_timeout=settings.rpc_timeout_seconds)
        analysis = open_channel(settings.analysis_addr, default_timeout=settings.rpc_timeout_seconds)
        separation = open_channel(settings.separation_addr, default_timeout=settings.rpc_timeout_seconds)
        generation = open_channel(settings.generation_addr, default_timeout=settings.rpc_timeout_seconds)
        return cls(
            library=library_pb2_grpc.LibraryServiceStub(library),
            ingest=ingest_pb2_grpc.IngestServiceStub(ingest),
            analysis=analysis_pb2_grpc.AnalysisServiceStub(analysis),
            separation=separation_pb2_grpc.SeparationServiceStub(separation),
            generation=generation_pb2_grpc.GenerationServiceStub(generation),
            library_health=health_pb2_grpc.HealthStub(library),
            separation_health=health_pb2_grpc.HealthStub(separation),
            channels=[library, ingest, analysis, separation, generation],
        )

    async def close(self) -> None:
        for channel in self.channels:
            await channel.close()
