"""Sound Box radio: shuffle, next, the caller's favorites, top-rated and new tracks (seed 003)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from soundforge.gateway.auth import CurrentUser, OptionalUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import soundbox_responses
from soundforge.gateway.soundbox_access import INT32_MAX, UserIdQuery, acting_for, model_value
from soundforge.gateway.soundbox_json import radio_track
from soundforge.gateway.soundbox_responses import ModelName, RadioTracks
from soundforge.library.v1 import library_pb2 as pb

router = APIRouter(prefix="/api/radio", tags=["soundbox radio"])

Count = Annotated[int | None, Query(ge=1, le=INT32_MAX, description="at most 50")]
Search = Annotated[Text | None, Query(max_length=200, description="keyword filter")]
MAX_EXCLUDED = 200
# Percent-encoded, a character can take 12 bytes of the request line, which uvicorn caps near 16 KiB
# (it answers a longer one itself, in plain text): 32 comma-separated uuids fit.
MAX_EXCLUDE_LENGTH = 1200


async def _radio(context: Context, request: pb.RadioRequest) -> dict[str, Any]:
    reply = await context.clients.library.Radio(request)
    return {"tracks": [radio_track(g) for g in reply.tracks]}


def _viewer(user: Any) -> str:
    return str(user.id) if user else ""


@router.get("/shuffle", response_model=RadioTracks, responses=soundbox_responses(400))
async def shuffle(
    context: Context,
    viewer: OptionalUser,
    model: ModelName | None = None,
    search: Search = None,
    count: Count = None,
) -> dict[str, Any]:
    request = pb.RadioRequest(
        mode=pb.RADIO_MODE_SHUFFLE,
        model=model_value(model),
        search=search or "",
        count=count or 0,
        user_id=_viewer(viewer),
    )
    return await _radio(context, request)


@router.get("/next", response_model=RadioTracks, responses=soundbox_responses(400))
async def next_track(
    context: Context,
    viewer: OptionalUser,
    model: ModelName | None = None,
    search: Search = None,
    exclude: Annotated[
        Text | None,
        Query(max_length=MAX_EXCLUDE_LENGTH, description="comma-separated ids to skip (32 uuids)"),
    ] = None,
) -> dict[str, Any]:
    """One track; a signed-in listener is not served what they heard recently."""
    excluded = [part.strip() for part in (exclude or "").split(",") if part.strip()][:MAX_EXCLUDED]
    request = pb.RadioRequest(
        mode=pb.RADIO_MODE_NEXT,
        model=model_value(model),
        search=search or "",
        exclude_ids=excluded,
        user_id=_viewer(viewer),
    )
    return await _radio(context, request)


@router.get("/favorites", response_model=RadioTracks, responses=soundbox_responses(400, 403))
async def favorites(
    context: Context, caller: CurrentUser, user_id: UserIdQuery = None, count: Count = None
) -> dict[str, Any]:
    request = pb.RadioRequest(
        mode=pb.RADIO_MODE_FAVORITES, user_id=acting_for(caller, user_id), count=count or 0
    )
    return await _radio(context, request)


@router.get("/top-rated", response_model=RadioTracks, responses=soundbox_responses(400))
async def top_rated(
    context: Context, viewer: OptionalUser, model: ModelName | None = None, count: Count = None
) -> dict[str, Any]:
    """By vote differential (up - down), highest first."""
    request = pb.RadioRequest(
        mode=pb.RADIO_MODE_TOP_RATED, model=model_value(model), count=count or 0, user_id=_viewer(viewer)
    )
    return await _radio(context, request)


@router.get("/new", response_model=RadioTracks, responses=soundbox_responses(400))
async def new(
    context: Context,
    viewer: OptionalUser,
    model: ModelName | None = None,
    hours: Annotated[int, Query(ge=1, le=INT32_MAX, description="lookback (168 = 7 days)")] = 168,
    count: Count = None,
) -> dict[str, Any]:
    request = pb.RadioRequest(
        mode=pb.RADIO_MODE_NEW,
        model=model_value(model),
        hours=hours,
        count=count or 0,
        user_id=_viewer(viewer),
    )
    return await _radio(context, request)
