"""IngestService over gRPC: uploads now; downloads and Spotify answer UNIMPLEMENTED until their issue."""

from __future__ import annotations

import grpc

from soundforge.ingest.uploads import Uploads
from soundforge.ingest.v1 import ingest_pb2, ingest_pb2_grpc
from soundforge.library.v1 import library_pb2

SERVICE_NAME = ingest_pb2.DESCRIPTOR.services_by_name["IngestService"].full_name


class IngestServicer(ingest_pb2_grpc.IngestServiceServicer):
    """Translates the upload RPCs to `Uploads`; errors propagate to the ErrorInterceptor."""

    def __init__(self, uploads: Uploads[library_pb2.Track]) -> None:
        self.uploads = uploads

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
