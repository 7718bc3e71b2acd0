"""Exports a browser downloads as files: a track's analysis as JSON."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from soundforge.gateway.attachments import attachment_filename, content_disposition
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.context import Context
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import dict_from_struct

router = APIRouter(prefix="/export", tags=["export"])


@router.get("/analysis/{track_id}")
async def export_analysis(track_id: str, user: CurrentUser, context: Context) -> JSONResponse:
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
        "analysis": dict_from_struct(analysis.result),
    }
    filename = attachment_filename(
        track.artist, track.title, suffix="-analysis.json", fallback=f"track-{track.id}"
    )
    return JSONResponse(body, headers={"Content-Disposition": content_disposition(filename)})
