"""Tracks: streamed uploads (multipart straight into object storage), fetch, list, edit and delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import StrictText, Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.pagination import PageQuery
from soundforge.gateway.response_models import TrackData, TrackPage
from soundforge.gateway.serializers import page_meta_json, track_json
from soundforge.gateway.upload_stream import (
    MULTIPART_OVERHEAD,
    StagingArea,
    abort_quietly,
    receive_upload,
)
from soundforge.ingest.v1 import ingest_pb2, ingest_pb2_grpc
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import InvalidArgument, PayloadTooLarge, ValidationFailed

router = APIRouter(prefix="/tracks", tags=["tracks"])

UPLOAD_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "title": {"type": "string"},
                        "artist": {"type": "string"},
                    },
                    "required": ["file"],
                }
            }
        },
    }
}


class TrackEdit(BaseModel):
    """PATCH body: only the fields sent change; unknown fields are a 422.

    The library checks and normalises the values (title not blank; bpm 1-400; key like "A minor",
    "F# major" or Camelot "8A"; at most 32 tags of 1-40 characters, stored lower-case without
    repeats). null or "" clears artist or key, null clears bpm, null or [] clears the tags; a
    title cannot be cleared.
    """

    model_config = ConfigDict(extra="forbid")

    title: StrictText | None = None
    artist: StrictText | None = None
    bpm: Annotated[float, Field(strict=True)] | None = None
    key: StrictText | None = None
    tags: list[StrictText] | None = None

    def cleared(self) -> set[str]:
        """The fields sent as null."""
        return {name for name in self.model_fields_set if getattr(self, name) is None}


class IngestStaging:
    """UploadStaging over ingest's BeginUpload/AbortUpload for one owner."""

    def __init__(self, ingest: ingest_pb2_grpc.IngestServiceStub, owner_id: str, max_bytes: int) -> None:
        self._ingest = ingest
        self._owner_id = owner_id
        self._max_bytes = max_bytes

    async def begin(self, filename: str, content_type: str) -> StagingArea:
        begun = await self._ingest.BeginUpload(
            ingest_pb2.BeginUploadRequest(
                owner_id=self._owner_id, filename=filename, content_type=content_type
            )
        )
        limit = min(self._max_bytes, begun.max_bytes) if begun.max_bytes > 0 else self._max_bytes
        return StagingArea(upload_id=begun.upload_id, key=begun.staging_key, max_bytes=limit)

    async def abort(self, upload_id: str) -> None:
        await self._ingest.AbortUpload(
            ingest_pb2.AbortUploadRequest(owner_id=self._owner_id, upload_id=upload_id)
        )


def _declared_length(request: Request) -> int | None:
    raw = request.headers.get("content-length")
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        raise InvalidArgument("invalid Content-Length") from None


@router.post(
    "",
    status_code=201,
    response_model=TrackData,
    responses={
        200: {"model": TrackData, "description": "This owner already had the same file: that track."},
        **error_responses(400, *CSRF_ERRORS, 413, 415, 422),
    },
    openapi_extra=UPLOAD_OPENAPI,
)
async def upload_track(request: Request, user: CurrentUser, context: Context) -> JSONResponse:
    """201 with the new track; 200 when this owner already had the same file (ingest dedupes by hash)."""
    max_bytes = context.settings.max_upload_bytes
    max_body = max_bytes + MULTIPART_OVERHEAD
    declared = _declared_length(request)
    if declared is not None and declared > max_body:
        # Refused before a byte is read or anything is staged.
        raise PayloadTooLarge(f"upload exceeds {max_bytes} bytes")
    ingest = context.clients.ingest
    staging = IngestStaging(ingest, user.id, max_bytes)
    upload = await receive_upload(
        request.stream(),
        request.headers.get("content-type"),
        staging=staging,
        blobs=context.blobs,
        max_body_bytes=max_body,
    )
    try:
        completed = await ingest.CompleteUpload(
            ingest_pb2.CompleteUploadRequest(
                owner_id=user.id,
                upload_id=upload.staging.upload_id,
                size_bytes=upload.size,
                title=upload.fields.get("title", "").strip(),
                artist=upload.fields.get("artist", "").strip(),
            )
        )
    except BaseException:
        # Ingest discards what it rejects itself; this covers a call that never arrived.
        await abort_quietly(staging, upload.staging.upload_id)
        raise
    status = 201 if completed.created else 200
    return JSONResponse({"data": track_json(completed.track)}, status_code=status)


@router.get("/{track_id}", response_model=TrackData, responses=error_responses(404))
async def get_track(track_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    track = await context.clients.library.GetTrack(
        library_pb2.GetTrackRequest(owner_id=user.id, track_id=track_id)
    )
    return {"data": track_json(track)}


@router.get("", response_model=TrackPage, responses=error_responses(422))
async def list_tracks(
    user: CurrentUser,
    context: Context,
    page: PageQuery,
    tag: Annotated[Text | None, Query(max_length=100)] = None,
    search: Annotated[Text | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    listed = await context.clients.library.ListTracks(
        library_pb2.ListTracksRequest(
            owner_id=user.id,
            page=page,
            tag=tag or "",
            search=search or "",
        )
    )
    return {"data": [track_json(track) for track in listed.tracks], "meta": page_meta_json(listed.meta)}


@router.patch("/{track_id}", response_model=TrackData, responses=error_responses(400, *CSRF_ERRORS, 404, 422))
async def update_track(
    track_id: Text, body: TrackEdit, user: CurrentUser, context: Context
) -> dict[str, Any]:
    cleared = body.cleared()
    if "title" in cleared:
        raise ValidationFailed({"title": ["can't be null"]})
    request = library_pb2.UpdateTrackRequest(owner_id=user.id, track_id=track_id)
    for name in ("title", "artist", "bpm", "key"):
        if (value := getattr(body, name)) is not None:
            setattr(request, name, value)
    for name in ("artist", "key"):
        if name in cleared:
            setattr(request, name, "")
    request.clear_bpm = "bpm" in cleared
    if body.tags is not None or "tags" in cleared:
        request.tags.extend(body.tags or [])
        request.set_tags = True
    track = await context.clients.library.UpdateTrack(request)
    return {"data": track_json(track)}


@router.delete("/{track_id}", status_code=204, responses=error_responses(*CSRF_ERRORS, 404))
async def delete_track(track_id: Text, user: CurrentUser, context: Context) -> Response:
    """204; the track, every object under its prefix and its rows are gone.

    Its unfinished jobs are cancelled first; all its jobs stay as history without a track.
    """
    await context.clients.library.DeleteTrack(
        library_pb2.DeleteTrackRequest(owner_id=user.id, track_id=track_id)
    )
    return Response(status_code=204)
