"""Exports a browser downloads as files: one stem, a track's stems as a ZIP, its analysis as JSON."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from soundforge.gateway.attachments import attachment_filename, content_disposition
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.media_types import NOSNIFF
from soundforge.gateway.openapi_errors import error_responses
from soundforge.gateway.response_models import AnalysisExport
from soundforge.gateway.routes.files import file_responses, serve_object
from soundforge.gateway.zip_stream import ZipEntry, zip_stream
from soundforge.library.v1 import library_pb2
from soundforge.runtime import payloads
from soundforge.runtime.errors import NotFound

router = APIRouter(prefix="/export", tags=["export"])

ATTACHMENT_HEADER = {
    "description": 'attachment; filename="<artist>-<title>-analysis.json"',
    "schema": {"type": "string"},
}


@router.get(
    "/analysis/{track_id}",
    response_model=AnalysisExport,
    responses={
        200: {"headers": {"Content-Disposition": ATTACHMENT_HEADER}},
        **error_responses(401, 404, 503),
    },
)
async def export_analysis(track_id: Text, user: CurrentUser, context: Context) -> JSONResponse:
    """`{"track_id", "title", "artist", "analysis"}` exactly as documented (no `data` envelope).

    404 for another user's or an unknown track, and for a track not analysed yet.
    """
    library = context.clients.library
    track = await library.GetTrack(library_pb2.GetTrackRequest(owner_id=user.id, track_id=track_id))
    analysis = await library.GetTrackAnalysis(
        library_pb2.GetTrackAnalysisRequest(owner_id=user.id, track_id=track.id)
    )
    body = {
        "track_id": track.id,
        "title": track.title,
        "artist": track.artist,
        "analysis": payloads.analysis_to_flat(analysis.result),
    }
    filename = attachment_filename(
        track.artist, track.title, suffix="-analysis.json", fallback=f"track-{track.id}"
    )
    return JSONResponse(body, headers={"Content-Disposition": content_disposition(filename), **NOSNIFF})


@router.get("/stem/{stem_id}", response_class=Response, responses=file_responses(body=True))
async def export_stem(stem_id: Text, request: Request, user: CurrentUser, context: Context) -> Response:
    """One of the caller's stems as an audio file; honours Range like `/files` (another user's: 404)."""
    stem = await context.clients.library.GetStem(
        library_pb2.GetStemRequest(owner_id=user.id, stem_id=stem_id)
    )
    response = await serve_object(stem.object_key, request, user.id, context.blobs, body=True)
    suffix = stem.object_key.rsplit(".", 1)[-1]
    response.headers["Content-Disposition"] = content_disposition(f"{stem.name}.{suffix}")
    return response


@router.get(
    "/stems/{track_id}",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "A ZIP of the stems, built while it is sent.",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            "headers": {"Content-Disposition": {"schema": {"type": "string"}}},
        },
        **error_responses(401, 404, 503),
    },
)
async def export_stems(
    track_id: Text,
    user: CurrentUser,
    context: Context,
    job_id: Annotated[Text | None, Query(description="which separation (default: the latest)")] = None,
) -> StreamingResponse:
    """The stems of the track's latest separation (or of `job_id`) as one ZIP; 404 when there are none."""
    library = context.clients.library
    track = await library.GetTrack(library_pb2.GetTrackRequest(owner_id=user.id, track_id=track_id))
    reply = await library.ListStems(library_pb2.ListStemsRequest(owner_id=user.id, track_id=track.id))
    stems = list(reply.stems)
    if job_id is None and stems:
        latest = max(stems, key=lambda s: (s.created_at.seconds, s.created_at.nanos))
        job_id = latest.job_id
    chosen = [s for s in stems if s.job_id == job_id]
    if not chosen:
        raise NotFound("no stems for this track")
    entries = [
        ZipEntry(f"{s.name}.{s.object_key.rsplit('.', 1)[-1]}", s.object_key, s.size_bytes) for s in chosen
    ]
    for entry in entries:
        await context.blobs.stat(entry.key)  # a missing object is a 404 before the archive starts
    filename = attachment_filename(
        track.artist, track.title, suffix="-stems.zip", fallback=f"track-{track.id}"
    )
    return StreamingResponse(
        zip_stream(context.blobs, entries),
        media_type="application/zip",
        headers={"Content-Disposition": content_disposition(filename), **NOSNIFF},
    )
