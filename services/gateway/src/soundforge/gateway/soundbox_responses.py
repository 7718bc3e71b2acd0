"""Sound Box's success bodies (seed 003) as pydantic models, field order as `soundbox_json` writes them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, RootModel

ModelName = Literal["music", "audio", "magnet-music", "magnet-audio"]
SortName = Literal["recent", "popular", "rating"]
# Whole seconds, as Sound Box's requests and documents have them: a loop's measured length (a
# crossfade short of the request, e.g. 1.9975 s) is rounded to the seconds asked for.
Seconds = Annotated[int, Field(description="whole seconds")]


class LibraryItem(BaseModel):
    id: str
    filename: str
    prompt: str
    model: str
    duration: Seconds
    is_loop: Literal[0, 1] = Field(description="0 or 1, an integer (Sound Box's quirk)")
    quality_score: int
    spectrogram: str
    upvotes: int
    downvotes: int
    category: str = Field(description='the categories as a JSON-encoded string, e.g. "[\\"ambient\\"]"')
    user_id: str
    created_at: str = Field(description='"YYYY-MM-DD HH:MM:SS", UTC')


class LibraryPage(BaseModel):
    items: list[LibraryItem]
    total: int
    page: int
    pages: int
    per_page: int


class LibraryCounts(BaseModel):
    total: int
    music: int
    audio: int


class CountsByName(RootModel[dict[str, int]]):
    """Category -> number of public generations."""


class VoteResult(BaseModel):
    success: bool
    upvotes: int
    downvotes: int


class VotesByGeneration(RootModel[dict[str, int]]):
    """Generation id -> the caller's vote (-1, 0, 1)."""


class Feedback(BaseModel):
    positive_reasons: dict[str, int]
    negative_reasons: dict[str, int]
    total_votes: int


class Success(BaseModel):
    success: bool


class FavoritesByGeneration(RootModel[dict[str, bool]]):
    """Generation id -> whether the caller favorited it."""


class TagSuggested(BaseModel):
    success: bool
    message: str
    current_votes: int | None = Field(default=None, description="absent once consensus is reached")
    threshold: int | None = Field(default=None, description="absent once consensus is reached")
    consensus_reached: bool


class TagSuggestions(BaseModel):
    suggestions: dict[str, int]
    user_suggestions: list[str]
    current_categories: list[str]
    threshold: int


class Categories(BaseModel):
    categories: dict[str, str]


class RadioTrack(BaseModel):
    id: str
    filename: str
    prompt: str
    duration: Seconds


class RadioTracks(BaseModel):
    tracks: list[RadioTrack]


class HistoryItem(BaseModel):
    filename: str
    prompt: str
    model: str
    duration: Seconds
    loop: bool
    rating: int
    created: str = Field(description='"YYYY-MM-DDTHH:MM:SS", UTC')
    quality_score: int
    quality_issues: list[str]
    spectrogram: str
    user_id: str


class History(RootModel[list[HistoryItem]]):
    """Newest first (at most 500)."""


class Stats(BaseModel):
    total_generations: int
    total_votes: int
    total_favorites: int
    categories: dict[str, int]


class GeneratedSpectrogram(BaseModel):
    spectrogram: str = Field(
        description='the image\'s file name, e.g. "abc123.png" (GET /soundbox/spectrogram/{name})'
    )
