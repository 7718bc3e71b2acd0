"""The Sound Box library RPCs of LibraryService: requests to domain calls, rows back to messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias, cast

import grpc

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.soundbox_catalog import Catalog, GenerationPage, LibraryQuery
from soundforge.library.soundbox_categories import categories_of
from soundforge.library.soundbox_client_errors import ClientErrorReport, ClientErrors
from soundforge.library.soundbox_favorites import Favorites
from soundforge.library.soundbox_files import GenerationFiles, Viewer
from soundforge.library.soundbox_models import Generation
from soundforge.library.soundbox_radio import Radio, RadioQuery
from soundforge.library.soundbox_tags import TagConsensus
from soundforge.library.soundbox_votes import Ballot, Votes
from soundforge.library.v1 import library_pb2 as pb
from soundforge.runtime.convert import timestamp_from_datetime
from soundforge.runtime.errors import InvalidArgument
from soundforge.runtime.vocabulary import GENERATION_MODELS

Context: TypeAlias = grpc.aio.ServicerContext

_SORTS: dict[int, str] = {
    pb.LIBRARY_SORT_RECENT: "recent",
    pb.LIBRARY_SORT_POPULAR: "popular",
    pb.LIBRARY_SORT_RATING: "rating",
}
_MODES: dict[int, str] = {
    pb.RADIO_MODE_SHUFFLE: "shuffle",
    pb.RADIO_MODE_NEXT: "next",
    pb.RADIO_MODE_FAVORITES: "favorites",
    pb.RADIO_MODE_TOP_RATED: "top-rated",
    pb.RADIO_MODE_NEW: "new",
}
_ACTIONS: dict[int, str] = {
    pb.TAG_ACTION_UNSPECIFIED: "add",
    pb.TAG_ACTION_ADD: "add",
    pb.TAG_ACTION_REMOVE: "remove",
}


@dataclass(frozen=True)
class SoundBoxDomain:
    catalog: Catalog
    votes: Votes
    favorites: Favorites
    tags: TagConsensus
    radio: Radio
    client_errors: ClientErrors
    files: GenerationFiles


def _model(value: int) -> str:
    try:
        return GENERATION_MODELS.name(value)
    except ValueError:
        raise InvalidArgument(f"unknown model {value}") from None


def _named(names: dict[int, str], value: int, what: str, default: str = "") -> str:
    if value == 0:
        return default
    if value not in names:
        raise InvalidArgument(f"unknown {what} {value}")
    return names[value]


def _model_value(name: str) -> payloads_pb2.GenerationModel:
    """The enum of a stored model name; unspecified for a name this version does not know."""
    if name not in GENERATION_MODELS.names:
        return payloads_pb2.GENERATION_MODEL_UNSPECIFIED
    return cast(payloads_pb2.GenerationModel, GENERATION_MODELS.value(name, "model"))


def generation_message(g: Generation) -> pb.Generation:
    return pb.Generation(
        id=g.id,
        filename=g.filename,
        prompt=g.prompt,
        model=_model_value(g.model),
        duration=g.duration,
        is_loop=g.is_loop,
        quality_score=g.quality_score,
        spectrogram=g.spectrogram,
        upvotes=g.upvotes,
        downvotes=g.downvotes,
        categories=list(g.categories or []),
        user_id=g.user_id,
        created_at=timestamp_from_datetime(g.created_at),
        object_key=g.object_key,
        spectrogram_key=g.spectrogram_key,
        rating=g.rating,
        quality_issues=list(g.quality_issues or []),
        private=g.private,
        job_id=g.job_id or "",
    )


def _viewer(caller: jobs_pb2.Caller) -> Viewer:
    return Viewer(user_id=caller.user_id, admin=caller.admin)


def page_message(page: GenerationPage) -> pb.ListGenerationsResponse:
    return pb.ListGenerationsResponse(
        items=[generation_message(g) for g in page.items],
        total=page.total,
        page=page.page,
        pages=page.pages,
        per_page=page.per_page,
    )


class SoundBoxServicer:
    """Mixed into LibraryServicer; `_sb` is the Sound Box domain."""

    _sb: SoundBoxDomain

    async def ListGenerations(
        self, request: pb.ListGenerationsRequest, context: Context
    ) -> pb.ListGenerationsResponse:
        query = LibraryQuery(
            viewer_id=request.viewer_id,
            page=request.page,
            per_page=request.per_page,
            model=_model(request.model),
            search=request.search,
            sort=_named(_SORTS, request.sort, "sort"),
            category=request.category,
            user_id=request.user_id,
        )
        return page_message(await self._sb.catalog.list_page(query))

    async def GetGeneration(self, request: pb.GetGenerationRequest, context: Context) -> pb.Generation:
        return generation_message(await self._sb.catalog.get(request.generation_id, request.viewer_id))

    async def GetGenerationFile(
        self, request: pb.GetGenerationFileRequest, context: Context
    ) -> pb.Generation:
        viewer = _viewer(request.viewer)
        if request.WhichOneof("name") == "spectrogram_filename":
            generation = await self._sb.files.by_spectrogram(request.spectrogram_filename, viewer)
        else:
            generation = await self._sb.files.by_audio(request.audio_filename, viewer)
        return generation_message(generation)

    async def SetGenerationSpectrogram(
        self, request: pb.SetGenerationSpectrogramRequest, context: Context
    ) -> pb.Generation:
        generation = await self._sb.files.set_spectrogram(
            request.generation_id, request.spectrogram_key, _viewer(request.viewer)
        )
        return generation_message(generation)

    async def CountGenerations(
        self, request: pb.CountGenerationsRequest, context: Context
    ) -> pb.CountGenerationsResponse:
        return pb.CountGenerationsResponse(**await self._sb.catalog.counts())

    async def CountCategories(
        self, request: pb.CountCategoriesRequest, context: Context
    ) -> pb.CountCategoriesResponse:
        return pb.CountCategoriesResponse(
            counts=await self._sb.catalog.category_counts(_model(request.model))
        )

    async def Vote(self, request: pb.VoteRequest, context: Context) -> pb.VoteResponse:
        ballot = Ballot(
            generation_id=request.generation_id,
            user_id=request.user_id,
            vote=request.vote,
            feedback_reasons=list(request.feedback_reasons),
            notes=request.notes,
            suggested_model=_model(request.suggested_model),
        )
        up, down = await self._sb.votes.cast(ballot)
        return pb.VoteResponse(upvotes=up, downvotes=down)

    async def GetVotes(self, request: pb.GetVotesRequest, context: Context) -> pb.GetVotesResponse:
        return pb.GetVotesResponse(
            votes=await self._sb.votes.of_user(request.user_id, list(request.generation_ids))
        )

    async def GetFeedback(self, request: pb.GetFeedbackRequest, context: Context) -> pb.GetFeedbackResponse:
        positive, negative, total = await self._sb.votes.feedback(request.generation_id, request.viewer_id)
        return pb.GetFeedbackResponse(positive_reasons=positive, negative_reasons=negative, total_votes=total)

    async def AddFavorite(self, request: pb.FavoriteRequest, context: Context) -> pb.FavoriteResponse:
        await self._sb.favorites.add(request.user_id, request.generation_id)
        return pb.FavoriteResponse()

    async def RemoveFavorite(self, request: pb.FavoriteRequest, context: Context) -> pb.FavoriteResponse:
        await self._sb.favorites.remove(request.user_id, request.generation_id)
        return pb.FavoriteResponse()

    async def ListFavorites(
        self, request: pb.ListFavoritesRequest, context: Context
    ) -> pb.ListGenerationsResponse:
        page = await self._sb.favorites.list_page(
            request.user_id, request.page, request.per_page, _model(request.model)
        )
        return page_message(page)

    async def CheckFavorites(
        self, request: pb.CheckFavoritesRequest, context: Context
    ) -> pb.CheckFavoritesResponse:
        found = await self._sb.favorites.check(request.user_id, list(request.generation_ids))
        return pb.CheckFavoritesResponse(favorites=found)

    async def SuggestTag(self, request: pb.SuggestTagRequest, context: Context) -> pb.SuggestTagResponse:
        action = _named(_ACTIONS, request.action, "action", "add")
        done = await self._sb.tags.suggest(request.generation_id, request.user_id, request.category, action)
        return pb.SuggestTagResponse(
            message=done.message,
            current_votes=done.current_votes,
            threshold=done.threshold,
            consensus_reached=done.consensus_reached,
        )

    async def GetTagSuggestions(
        self, request: pb.GetTagSuggestionsRequest, context: Context
    ) -> pb.GetTagSuggestionsResponse:
        found = await self._sb.tags.of_generation(request.generation_id, request.user_id)
        return pb.GetTagSuggestionsResponse(
            suggestions=found.suggestions,
            user_suggestions=found.user_suggestions,
            current_categories=found.current_categories,
            threshold=found.threshold,
        )

    async def ListCategories(
        self, request: pb.ListCategoriesRequest, context: Context
    ) -> pb.ListCategoriesResponse:
        return pb.ListCategoriesResponse(categories=categories_of(_model(request.model)))

    async def Radio(self, request: pb.RadioRequest, context: Context) -> pb.RadioResponse:
        query = RadioQuery(
            mode=_named(_MODES, request.mode, "radio mode", "shuffle"),
            model=_model(request.model),
            search=request.search,
            count=request.count,
            exclude_ids=list(request.exclude_ids),
            user_id=request.user_id,
            hours=request.hours,
        )
        tracks = await self._sb.radio.tracks(query)
        return pb.RadioResponse(tracks=[generation_message(g) for g in tracks])

    async def RateGeneration(
        self, request: pb.RateGenerationRequest, context: Context
    ) -> pb.RateGenerationResponse:
        await self._sb.catalog.rate(request.filename, request.rating, request.user_id)
        return pb.RateGenerationResponse()

    async def ListHistory(self, request: pb.ListHistoryRequest, context: Context) -> pb.ListHistoryResponse:
        items = await self._sb.catalog.history(request.viewer_id, _model(request.model), request.user_id)
        return pb.ListHistoryResponse(items=[generation_message(g) for g in items])

    async def GetStats(self, request: pb.GetStatsRequest, context: Context) -> pb.GetStatsResponse:
        stats = await self._sb.catalog.stats()
        return pb.GetStatsResponse(**stats)  # type: ignore[arg-type]

    async def LogClientError(
        self, request: pb.LogClientErrorRequest, context: Context
    ) -> pb.LogClientErrorResponse:
        report = ClientErrorReport(
            user_id=request.user_id,
            message=request.message,
            stack=request.stack,
            url=request.url,
            user_agent=request.user_agent,
        )
        await self._sb.client_errors.log(report)
        return pb.LogClientErrorResponse()
