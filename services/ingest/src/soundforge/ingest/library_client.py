"""The library service as ingest sees it: a TrackCatalog, track lookups and download job records over gRPC."""

from __future__ import annotations

from typing import Any

import grpc

from soundforge.ingest.recording import NewTrack
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import struct_from_dict
from soundforge.runtime.errors import NotFound


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
            canonical_key=track.canonical_key,
            source=track.source,
            album=track.album,
            source_url=track.source_url,
            spotify_id=track.spotify_id,
            album_art_url=track.album_art_url,
        )
        reply = await self.stub.CreateTrack(
            library_pb2.CreateTrackRequest(track=message), timeout=self.timeout
        )
        return reply.track, reply.created

    async def find_track(self, owner_id: str, track_id: str) -> library_pb2.Track | None:
        """The owner's track with this id, or None."""
        request = library_pb2.GetTrackRequest(owner_id=owner_id, track_id=track_id)
        try:
            return await self.stub.GetTrack(request, timeout=self.timeout)
        except NotFound:
            return None


class LibraryJobs:
    """Records download jobs through LibraryService.CreateJob (status queued)."""

    def __init__(self, channel: grpc.aio.Channel, timeout: float = 10.0) -> None:
        self.stub = library_pb2_grpc.LibraryServiceStub(channel)
        self.timeout = timeout

    async def create_download_job(self, owner_id: str, track_id: str, params: dict[str, Any]) -> jobs_pb2.Job:
        request = library_pb2.CreateJobRequest(
            kind=jobs_pb2.JOB_KIND_DOWNLOAD,
            owner_id=owner_id,
            track_id=track_id,
            params=struct_from_dict(params),
        )
        return await self.stub.CreateJob(request, timeout=self.timeout)
