"""GenerationService over gRPC: no RPC is implemented yet, so every one answers UNIMPLEMENTED."""

from __future__ import annotations

from soundforge.generation.v1 import generation_pb2, generation_pb2_grpc

SERVICE_NAME = generation_pb2.DESCRIPTOR.services_by_name["GenerationService"].full_name


class GenerationServicer(generation_pb2_grpc.GenerationServiceServicer):
    """Overrides nothing yet: the generated base answers UNIMPLEMENTED, never a fake success."""
