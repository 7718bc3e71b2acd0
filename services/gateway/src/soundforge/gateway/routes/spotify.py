"""Spotify metadata (fetch a link, search, one track) and import (one download job per track)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import (
    SpotifyFetchedData,
    SpotifyImportedData,
    SpotifyTrackData,
    SpotifyTrackList,
)
from soundforge.gateway.serializers import spotify_import_json, spotify_track_json
from soundforge.ingest.v1 import ingest_pb2
from soundforge.library.v1 import library_pb2

router = APIRouter(prefix="/spotify", tags=["spotify"])

# Spotify answers at most 10 search results per page for development-mode apps.
MAX_SEARCH_LIMIT = 10


class SpotifyLink(BaseModel):
    # Any string: ingest judges it, and what is not a Spotify link is `invalid_url` (400), not a 422.
    url: Text


class SpotifyImport(SpotifyLink):
    quality: Text = "high"  # lossless | high | medium | low (ingest validates)


async def _library_ids(
    context: Context, owner_id: str, tracks: list[ingest_pb2.SpotifyTrack]
) -> dict[str, str]:
    """Which of these Spotify tracks the caller has imported already: spotify_id -> track id."""
    if not tracks:
        return {}
    found = await context.clients.library.FindSpotifyTracks(
        library_pb2.FindSpotifyTracksRequest(owner_id=owner_id, spotify_ids=[t.spotify_id for t in tracks])
    )
    return dict(found.track_ids)


@router.post(
    "/fetch",
    response_model=SpotifyFetchedData,
    response_model_exclude_unset=True,
    responses=error_responses(400, *CSRF_ERRORS, 404, 422, 502),
)
async def fetch(body: SpotifyLink, user: CurrentUser, context: Context) -> dict[str, Any]:
    """A track link answers `{"type": "track", "track"}`; album and playlist links `{"type", "tracks"}`."""
    fetched = await context.clients.ingest.FetchSpotify(
        ingest_pb2.FetchSpotifyRequest(owner_id=user.id, url=body.url)
    )
    tracks = [spotify_track_json(track) for track in fetched.tracks]
    if fetched.type == "track":
        return {"data": {"type": "track", "track": tracks[0] if tracks else None}}
    return {"data": {"type": fetched.type, "tracks": tracks}}


@router.get("/search", response_model=SpotifyTrackList, responses=error_responses(422, 502))
async def search(
    user: CurrentUser,
    context: Context,
    q: Annotated[Text, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_LIMIT)] = MAX_SEARCH_LIMIT,
) -> dict[str, Any]:
    found = await context.clients.ingest.SearchSpotify(ingest_pb2.SearchSpotifyRequest(query=q, limit=limit))
    owned = await _library_ids(context, user.id, list(found.tracks))
    return {"data": [spotify_track_json(t, owned.get(t.spotify_id, "")) for t in found.tracks]}


@router.get("/track/{spotify_id}", response_model=SpotifyTrackData, responses=error_responses(400, 404, 502))
async def get_track(spotify_id: Text, user: CurrentUser, context: Context) -> dict[str, Any]:
    track = await context.clients.ingest.GetSpotifyTrack(
        ingest_pb2.GetSpotifyTrackRequest(spotify_id=spotify_id)
    )
    owned = await _library_ids(context, user.id, [track])
    return {"data": spotify_track_json(track, owned.get(track.spotify_id, ""))}


@router.post(
    "/import",
    status_code=201,
    response_model=SpotifyImportedData,
    response_model_exclude_unset=True,
    responses=error_responses(400, *CSRF_ERRORS, 404, 422, 502),
)
async def import_link(body: SpotifyImport, user: CurrentUser, context: Context) -> dict[str, Any]:
    """Metadata from Spotify; the audio of each track is found and downloaded by a yt-dlp search job."""
    imported = await context.clients.ingest.ImportSpotify(
        ingest_pb2.ImportSpotifyRequest(owner_id=user.id, url=body.url, quality=body.quality)
    )
    return {"data": spotify_import_json(imported.jobs)}
