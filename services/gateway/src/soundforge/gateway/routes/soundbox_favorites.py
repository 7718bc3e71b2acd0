"""Sound Box favorites: add, remove, list and batch-check the caller's favorites (seed 003)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, soundbox_responses
from soundforge.gateway.routes.soundbox_library import GenerationIds
from soundforge.gateway.soundbox_access import INT32_MAX, PageNumber, UserIdQuery, acting_for, model_value
from soundforge.gateway.soundbox_json import library_page
from soundforge.gateway.soundbox_responses import FavoritesByGeneration, LibraryPage, ModelName, Success
from soundforge.library.v1 import library_pb2 as pb

router = APIRouter(prefix="/api/favorites", tags=["soundbox favorites"])

GenerationId = Annotated[Text, Path(max_length=64)]


class UserBody(BaseModel):
    user_id: Text | None = Field(default=None, max_length=64, description="must be the caller's own")


@router.get("", response_model=LibraryPage, responses=soundbox_responses(400, 403))
async def list_favorites(
    context: Context,
    caller: CurrentUser,
    user_id: UserIdQuery = None,
    page: PageNumber = 1,
    per_page: Annotated[int, Query(ge=1, le=INT32_MAX, description="capped at 100")] = 20,
    model: ModelName | None = None,
) -> dict[str, Any]:
    listed = await context.clients.library.ListFavorites(
        pb.ListFavoritesRequest(
            user_id=acting_for(caller, user_id), page=page, per_page=per_page, model=model_value(model)
        )
    )
    return library_page(listed)


@router.post("/check", response_model=FavoritesByGeneration, responses=soundbox_responses(400, *CSRF_ERRORS))
async def check_favorites(body: GenerationIds, caller: CurrentUser, context: Context) -> dict[str, bool]:
    found = await context.clients.library.CheckFavorites(
        pb.CheckFavoritesRequest(user_id=acting_for(caller, body.user_id), generation_ids=body.generation_ids)
    )
    return dict(found.favorites)


@router.post("/{gen_id}", response_model=Success, responses=soundbox_responses(400, *CSRF_ERRORS, 404))
async def add_favorite(
    gen_id: GenerationId, caller: CurrentUser, context: Context, body: UserBody | None = None
) -> dict[str, Any]:
    """Idempotent: adding a favorite twice keeps one."""
    user_id = acting_for(caller, body.user_id if body else None)
    await context.clients.library.AddFavorite(pb.FavoriteRequest(generation_id=gen_id, user_id=user_id))
    return {"success": True}


@router.delete("/{gen_id}", response_model=Success, responses=soundbox_responses(400, *CSRF_ERRORS, 404))
async def remove_favorite(
    gen_id: GenerationId, caller: CurrentUser, context: Context, body: UserBody | None = None
) -> dict[str, Any]:
    user_id = acting_for(caller, body.user_id if body else None)
    await context.clients.library.RemoveFavorite(pb.FavoriteRequest(generation_id=gen_id, user_id=user_id))
    return {"success": True}
