"""SeparationService over gRPC: no RPC is implemented yet, so every one answers UNIMPLEMENTED."""

from __future__ import annotations

from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc

SERVICE_NAME = separation_pb2.DESCRIPTOR.services_by_name["SeparationService"].full_name


class SeparationServicer(separation_pb2_grpc.SeparationServiceServicer):
    """Overrides nothing yet: the generated base answers UNIMPLEMENTED, never a fake success."""
