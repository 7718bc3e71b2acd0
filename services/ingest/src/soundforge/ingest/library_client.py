"""The library service as ingest sees it: a TrackCatalog over gRPC."""

from __future__ import annotations

import grpc

from soundforge.ingest.uploads import NewTrack
from soundforge.library.v1 import library_pb2, library_pb2_grpc


class LibraryTracks:
    """Records tracks through LibraryService.CreateTrack; errors arrive as typed SoundForgeErrors."""

    def __init__(self, channel: grpc.aio.Channel, timeout: float = 10.0) -> None:
        self.stub = library_pb2_grpc.LibraryServiceStub(channel)
        self.timeout = timeout

    async def create_track(self, track: NewTrack) -> tuple[library_pb2.Track, bool]:
        message = library_pb2.Track(
            id=track.id,
            owner_id=track.owner_id,
            title=track.title,
            artist=track.artist,
            duration=track.duration,
            sample_rate=track.sample_rate,
            channels=track.channels,
            codec=track.codec,
            content_type=track.content_type,
            size_bytes=track.size_bytes,
            sha256=track.sha256,
            source_key=track.source_key,
            source=track.source,
        )
        reply = await self.stub.CreateTrack(
            library_pb2.CreateTrackRequest(track=message), timeout=self.timeout
        )
        return reply.track, reply.created
