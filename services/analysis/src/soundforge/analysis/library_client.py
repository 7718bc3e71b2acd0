"""The library service as analysis sees it: owner-scoped track lookups and job records over gRPC."""

from __future__ import annotations

from typing import Any

import grpc

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import struct_from_dict


class LibraryClient:
    """Calls raise typed SoundForgeErrors (NotFound for another owner's track), via open_channel."""

    def __init__(self, channel: grpc.aio.Channel, timeout: float = 10.0) -> None:
        self.stub = library_pb2_grpc.LibraryServiceStub(channel)
        self.timeout = timeout

    async def get_track(self, owner_id: str, track_id: str) -> library_pb2.Track:
        request = library_pb2.GetTrackRequest(owner_id=owner_id, track_id=track_id)
        return await self.stub.GetTrack(request, timeout=self.timeout)

    async def create_analysis_job(self, owner_id: str, track_id: str, params: dict[str, Any]) -> jobs_pb2.Job:
        request = library_pb2.CreateJobRequest(
            kind=jobs_pb2.JOB_KIND_ANALYSIS,
            owner_id=owner_id,
            track_id=track_id,
            params=struct_from_dict(params),
        )
        return await self.stub.CreateJob(request, timeout=self.timeout)
