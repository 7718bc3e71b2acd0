"""IngestService over gRPC: uploads, URL downloads, and (mixed in from spotify_servicer) Spotify."""

from __future__ import annotations

import grpc

from soundforge.ingest.downloads import DownloadRequests
from soundforge.ingest.spotify_features import SpotifyFeatures
from soundforge.ingest.spotify_servicer import SpotifyRpcs
from soundforge.ingest.spotify_urls import names_spotify
from soundforge.ingest.uploads import Uploads
from soundforge.ingest.v1 import ingest_pb2, ingest_pb2_grpc
from soundforge.library.v1 import library_pb2

SERVICE_NAME = ingest_pb2.DESCRIPTOR.services_by_name["IngestService"].full_name


class IngestServicer(SpotifyRpcs, ingest_pb2_grpc.IngestServiceServicer):
    """Translates the upload RPCs to `Uploads` and StartDownload to `DownloadRequests`.

    Errors propagate to the ErrorInterceptor. `downloads` is the same object ImportSpotify queues with.
    """

    def __init__(
        self, uploads: Uploads[library_pb2.Track], downloads: DownloadRequests, spotify: SpotifyFeatures
    ) -> None:
        self.uploads = uploads
        self.downloads = downloads
        self.spotify = spotify

    async def BeginUpload(
        self, request: ingest_pb2.BeginUploadRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.BeginUploadResponse:
        staged = await self.uploads.begin(request.owner_id, request.filename)
        return ingest_pb2.BeginUploadResponse(
            upload_id=staged.upload_id, staging_key=staged.staging_key, max_bytes=staged.max_bytes
        )

    async def CompleteUpload(
        self, request: ingest_pb2.CompleteUploadRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.CompleteUploadResponse:
        track, created = await self.uploads.complete(
            request.owner_id,
            request.upload_id,
            size_bytes=request.size_bytes,
            title=request.title,
            artist=request.artist,
        )
        return ingest_pb2.CompleteUploadResponse(track=track, created=created)

    async def AbortUpload(
        self, request: ingest_pb2.AbortUploadRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.AbortUploadResponse:
        await self.uploads.abort(request.owner_id, request.upload_id)
        return ingest_pb2.AbortUploadResponse()

    async def StartDownload(
        self, request: ingest_pb2.StartDownloadRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.StartDownloadResponse:
        if names_spotify(request.url):
            # The documented example downloads a Spotify link: Spotify serves no audio, so it is
            # imported (metadata from Spotify, the audio found by a yt-dlp search).
            imported = await self.spotify.metadata.import_url(request.owner_id, request.url, request.quality)
            queued = [(item.job, item.track_id) for item in imported]
        else:
            queued = await self.downloads.enqueue(request.owner_id, request.url, request.quality)
        return ingest_pb2.StartDownloadResponse(
            jobs=[ingest_pb2.DownloadJob(job=job, track_id=track_id) for job, track_id in queued]
        )
