"""Sound Box utilities: stats, the legacy history and rating, and client error reports (seed 003)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from soundforge.gateway.auth import CurrentUser, OptionalUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, soundbox_responses
from soundforge.gateway.soundbox_access import UserIdQuery, model_value
from soundforge.gateway.soundbox_json import history_item
from soundforge.gateway.soundbox_responses import History, ModelName, Stats, Success
from soundforge.library.v1 import library_pb2 as pb

router = APIRouter(tags=["soundbox utility"])


class RateBody(BaseModel):
    filename: Text = Field(min_length=1, max_length=255)
    rating: int = Field(ge=1, le=5)


class ErrorReport(BaseModel):
    message: Text = Field(min_length=1, max_length=10_000)
    stack: Text = Field(default="", max_length=50_000)
    url: Text = Field(default="", max_length=2_000)


@router.get("/api/stats", response_model=Stats)
async def stats(context: Context) -> dict[str, Any]:
    reply = await context.clients.library.GetStats(pb.GetStatsRequest())
    return {
        "total_generations": reply.total_generations,
        "total_votes": reply.total_votes,
        "total_favorites": reply.total_favorites,
        "categories": dict(reply.categories),
    }


@router.get("/history", response_model=History, responses=soundbox_responses(400))
async def history(
    context: Context, viewer: OptionalUser, model: ModelName | None = None, user_id: UserIdQuery = None
) -> list[dict[str, Any]]:
    """Legacy: newest first, at most 500 (prefer /soundbox/api/library). `user_id` filters by creator."""
    reply = await context.clients.library.ListHistory(
        pb.ListHistoryRequest(
            model=model_value(model), user_id=user_id or "", viewer_id=viewer.id if viewer else ""
        )
    )
    return [history_item(g) for g in reply.items]


@router.post("/rate", response_model=Success, responses=soundbox_responses(400, *CSRF_ERRORS, 404))
async def rate(body: RateBody, caller: CurrentUser, context: Context) -> dict[str, Any]:
    """Legacy 1-5 rating by file name (prefer /soundbox/api/library/{gen_id}/vote)."""
    await context.clients.library.RateGeneration(
        pb.RateGenerationRequest(filename=body.filename, rating=body.rating, user_id=caller.id)
    )
    return {"success": True}


@router.post("/api/log-error", response_model=Success, responses=soundbox_responses(400, *CSRF_ERRORS))
async def log_error(
    body: ErrorReport, caller: CurrentUser, context: Context, request: Request
) -> dict[str, Any]:
    """Stored for operators (truncated), never shown to anyone; rate-limited per caller."""
    await context.clients.library.LogClientError(
        pb.LogClientErrorRequest(
            message=body.message,
            stack=body.stack,
            url=body.url,
            user_agent=request.headers.get("user-agent", "")[:512],
            user_id=caller.id,
        )
    )
    return {"success": True}
