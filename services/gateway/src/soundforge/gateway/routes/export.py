"""Exports a browser downloads as files: a track's analysis as JSON."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from soundforge.gateway.attachments import attachment_filename, content_disposition
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import error_responses
from soundforge.gateway.response_models import AnalysisExport
from soundforge.library.v1 import library_pb2
from soundforge.runtime import payloads

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
    return JSONResponse(body, headers={"Content-Disposition": content_disposition(filename)})
