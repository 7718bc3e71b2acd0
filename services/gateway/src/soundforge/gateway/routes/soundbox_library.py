"""Sound Box's community library: browse, count, vote, feedback, tag suggestions, categories (seed 003)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from soundforge.gateway.auth import CurrentUser, OptionalUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, soundbox_responses
from soundforge.gateway.soundbox_access import (
    INT32_MAX,
    PageNumber,
    UserIdQuery,
    acting_for,
    model_value,
    viewing_as,
)
from soundforge.gateway.soundbox_json import library_item, library_page
from soundforge.gateway.soundbox_responses import (
    Categories,
    CountsByName,
    Feedback,
    LibraryCounts,
    LibraryItem,
    LibraryPage,
    ModelName,
    SortName,
    TagSuggested,
    TagSuggestions,
    VoteResult,
    VotesByGeneration,
)
from soundforge.library.v1 import library_pb2 as pb

router = APIRouter(prefix="/api", tags=["soundbox library"])

_SORTS = {
    "recent": pb.LIBRARY_SORT_RECENT,
    "popular": pb.LIBRARY_SORT_POPULAR,
    "rating": pb.LIBRARY_SORT_RATING,
}
MAX_IDS = 500
GenerationId = Annotated[Text, Path(max_length=64)]


class VoteBody(BaseModel):
    vote: int = Field(ge=-1, le=1, description="-1 (down), 0 (remove), 1 (up)")
    user_id: Text | None = Field(default=None, max_length=64, description="must be the caller's own")
    feedback_reasons: list[Annotated[Text, Field(max_length=64)]] = Field(default_factory=list, max_length=16)
    notes: Text = Field(default="", max_length=2000, description="private to the voter")
    suggested_model: ModelName | None = None


class GenerationIds(BaseModel):
    user_id: Text | None = Field(default=None, max_length=64, description="must be the caller's own")
    generation_ids: list[Annotated[Text, Field(max_length=64)]] = Field(max_length=MAX_IDS)


class TagBody(BaseModel):
    category: Text = Field(min_length=1, max_length=64)
    user_id: Text | None = Field(default=None, max_length=64, description="must be the caller's own")
    action: Literal["add", "remove"] = "add"


@router.get("/library", response_model=LibraryPage, responses=soundbox_responses(400))
async def list_library(
    context: Context,
    viewer: OptionalUser,
    page: PageNumber = 1,
    per_page: Annotated[int, Query(ge=1, le=INT32_MAX, description="capped at 100")] = 20,
    model: ModelName | None = None,
    search: Annotated[Text | None, Query(max_length=200)] = None,
    sort: Annotated[SortName | None, Query(description="default recent; by relevance when searching")] = None,
    category: Annotated[Text | None, Query(max_length=64)] = None,
    user_id: UserIdQuery = None,
) -> dict[str, Any]:
    listed = await context.clients.library.ListGenerations(
        pb.ListGenerationsRequest(
            viewer_id=viewer.id if viewer else "",
            page=page,
            per_page=per_page,
            model=model_value(model),
            search=search or "",
            sort=_SORTS[sort] if sort else pb.LIBRARY_SORT_UNSPECIFIED,
            category=category or "",
            user_id=user_id or "",
        )
    )
    return library_page(listed)


@router.get("/library/counts", response_model=LibraryCounts)
async def count_library(context: Context) -> dict[str, Any]:
    counts = await context.clients.library.CountGenerations(pb.CountGenerationsRequest())
    return {"total": counts.total, "music": counts.music, "audio": counts.audio}


@router.get("/library/category-counts", response_model=CountsByName, responses=soundbox_responses(400))
async def count_categories(context: Context, model: ModelName | None = None) -> dict[str, int]:
    counts = await context.clients.library.CountCategories(
        pb.CountCategoriesRequest(model=model_value(model))
    )
    return dict(counts.counts)


@router.post(
    "/library/votes",
    response_model=VotesByGeneration,
    responses=soundbox_responses(400, *CSRF_ERRORS),
)
async def get_votes(body: GenerationIds, caller: CurrentUser, context: Context) -> dict[str, int]:
    votes = await context.clients.library.GetVotes(
        pb.GetVotesRequest(user_id=acting_for(caller, body.user_id), generation_ids=body.generation_ids)
    )
    return dict(votes.votes)


@router.get("/library/{gen_id}", response_model=LibraryItem, responses=soundbox_responses(400, 404))
async def get_generation(gen_id: GenerationId, context: Context, viewer: OptionalUser) -> dict[str, Any]:
    generation = await context.clients.library.GetGeneration(
        pb.GetGenerationRequest(generation_id=gen_id, viewer_id=viewer.id if viewer else "")
    )
    return library_item(generation)


@router.post(
    "/library/{gen_id}/vote",
    response_model=VoteResult,
    responses=soundbox_responses(400, *CSRF_ERRORS, 404),
)
async def vote(gen_id: GenerationId, body: VoteBody, caller: CurrentUser, context: Context) -> dict[str, Any]:
    reply = await context.clients.library.Vote(
        pb.VoteRequest(
            generation_id=gen_id,
            user_id=acting_for(caller, body.user_id),
            vote=body.vote,
            feedback_reasons=body.feedback_reasons,
            notes=body.notes,
            suggested_model=model_value(body.suggested_model),
        )
    )
    return {"success": True, "upvotes": reply.upvotes, "downvotes": reply.downvotes}


@router.get("/library/{gen_id}/feedback", response_model=Feedback, responses=soundbox_responses(400, 404))
async def feedback(gen_id: GenerationId, context: Context, viewer: OptionalUser) -> dict[str, Any]:
    reply = await context.clients.library.GetFeedback(
        pb.GetFeedbackRequest(generation_id=gen_id, viewer_id=viewer.id if viewer else "")
    )
    return {
        "positive_reasons": dict(reply.positive_reasons),
        "negative_reasons": dict(reply.negative_reasons),
        "total_votes": reply.total_votes,
    }


@router.post(
    "/library/{gen_id}/suggest-tag",
    response_model=TagSuggested,
    response_model_exclude_none=True,
    responses=soundbox_responses(400, *CSRF_ERRORS, 404),
)
async def suggest_tag(
    gen_id: GenerationId, body: TagBody, caller: CurrentUser, context: Context
) -> dict[str, Any]:
    reply = await context.clients.library.SuggestTag(
        pb.SuggestTagRequest(
            generation_id=gen_id,
            user_id=acting_for(caller, body.user_id),
            category=body.category,
            action=pb.TAG_ACTION_REMOVE if body.action == "remove" else pb.TAG_ACTION_ADD,
        )
    )
    if reply.consensus_reached:
        return {"success": True, "message": reply.message, "consensus_reached": True}
    return {
        "success": True,
        "message": reply.message,
        "current_votes": reply.current_votes,
        "threshold": reply.threshold,
        "consensus_reached": False,
    }


@router.get(
    "/library/{gen_id}/tag-suggestions",
    response_model=TagSuggestions,
    responses=soundbox_responses(400, 403, 404),
)
async def tag_suggestions(
    gen_id: GenerationId, context: Context, viewer: OptionalUser, user_id: UserIdQuery = None
) -> dict[str, Any]:
    reply = await context.clients.library.GetTagSuggestions(
        pb.GetTagSuggestionsRequest(generation_id=gen_id, user_id=viewing_as(viewer, user_id))
    )
    return {
        "suggestions": dict(reply.suggestions),
        "user_suggestions": list(reply.user_suggestions),
        "current_categories": list(reply.current_categories),
        "threshold": reply.threshold,
    }


@router.get("/categories/{model}", response_model=Categories, responses=soundbox_responses(400))
async def categories(model: ModelName, context: Context) -> dict[str, Any]:
    reply = await context.clients.library.ListCategories(pb.ListCategoriesRequest(model=model_value(model)))
    return {"categories": dict(reply.categories)}
