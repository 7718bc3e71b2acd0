"""The documented success bodies as pydantic models: routes declare them, so /openapi.json is the contract.

Field order follows `serializers.py`, so a body validated through its model is sent byte for byte as
the serializer built it. Keys a serializer adds only sometimes (a failed job's `error`, a playlist's
`jobs`) are optional here and the routes that send them drop unset fields.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

# The names of soundforge.jobs.v1.JobKind / JobStatus as the JSON spells them.
JobKindName = Literal["download", "separation", "analysis", "generation", "pipeline"]
JobStatusName = Literal["queued", "downloading", "processing", "completed", "failed", "cancelled"]

Timestamp = str | None  # ISO 8601 UTC to the second ("2026-01-31T12:00:00Z"); null when unset


class User(BaseModel):
    id: str
    email: str
    role: str
    created_at: Timestamp


class UserData(BaseModel):
    data: User


class LoggedIn(BaseModel):
    user: User
    csrf_token: str = Field(description="echo it in X-CSRF-Token on unsafe requests made with the cookie")


class LoggedInData(BaseModel):
    data: LoggedIn


class ApiKey(BaseModel):
    id: str
    name: str
    prefix: str
    created_at: Timestamp
    last_used_at: Timestamp


class ApiKeyCreated(ApiKey):
    token: str = Field(description="the bearer token; shown once, only its hash is kept")


class ApiKeyCreatedData(BaseModel):
    data: ApiKeyCreated


class ApiKeyList(BaseModel):
    data: list[ApiKey]


class PageMeta(BaseModel):
    page: int
    page_size: int
    total_count: int
    total_pages: int


class Track(BaseModel):
    id: str
    title: str
    artist: str
    album: str | None
    duration: float = Field(description="seconds")
    sample_rate: int
    channels: int
    codec: str | None
    content_type: str | None
    size_bytes: int
    sha256: str
    bpm: float | None
    key: str | None
    tags: list[str]
    source: str
    spotify_id: str | None
    album_art_url: str | None
    created_at: Timestamp
    updated_at: Timestamp


class TrackData(BaseModel):
    data: Track


class TrackPage(BaseModel):
    data: list[Track]
    meta: PageMeta


class JobQueued(BaseModel):
    """What a POST that enqueues work answers."""

    job_id: str
    track_id: str | None
    status: JobStatusName


class DownloadQueued(JobQueued):
    """A playlist queues one job per entry: `jobs` lists them all (the top-level fields are the first)."""

    jobs: list[JobQueued] | None = None


class DownloadQueuedData(BaseModel):
    data: DownloadQueued


class JobQueuedData(BaseModel):
    data: JobQueued


class JobPoll(BaseModel):
    """A job poll: `result` once completed, `error` only once failed."""

    id: str
    status: JobStatusName
    progress: int
    result: dict[str, Any] | None
    error: str | None = None


class JobPollData(BaseModel):
    data: JobPoll


class Job(BaseModel):
    """The whole job record, one shape for every kind."""

    id: str
    kind: JobKindName
    status: JobStatusName
    progress: int = Field(ge=0, le=100)
    stage: str | None
    error: str | None
    track_id: str | None = Field(description="null once the track is deleted")
    params: dict[str, Any]
    result: dict[str, Any] | None
    attempts: int
    created_at: Timestamp
    updated_at: Timestamp
    started_at: Timestamp
    finished_at: Timestamp


class JobData(BaseModel):
    data: Job


class JobPage(BaseModel):
    data: list[Job]
    meta: PageMeta


class DownloadJob(BaseModel):
    """Seed 001's download poll, exactly these fields."""

    id: str
    status: JobStatusName
    progress: int
    output_path: str | None = Field(description="`/files/<key>` of the audio once completed")
    file_size: int | None
    error: str | None


class DownloadJobData(BaseModel):
    data: DownloadJob


class Analysis(BaseModel):
    track_id: str
    job_id: str | None
    result: dict[str, Any]
    created_at: Timestamp


class AnalysisData(BaseModel):
    data: Analysis


class AnalysisExport(BaseModel):
    """Seed 001's export: no `data` envelope."""

    track_id: str
    title: str
    artist: str
    analysis: dict[str, Any]


class SpotifyTrack(BaseModel):
    id: str | None = Field(description="the caller's library track of it; null until imported")
    spotify_id: str
    title: str
    artist: str
    album: str
    album_art_url: str | None
    duration: int = Field(description="whole seconds")
    spotify_url: str


class SpotifyTrackData(BaseModel):
    data: SpotifyTrack


class SpotifyTrackList(BaseModel):
    data: list[SpotifyTrack]


class SpotifyFetched(BaseModel):
    """A track link: `type` "track" and `track`; an album or playlist link: its `type` and `tracks`."""

    type: Literal["track", "album", "playlist"]
    track: SpotifyTrack | None = None
    tracks: list[SpotifyTrack] | None = None


class SpotifyFetchedData(BaseModel):
    data: SpotifyFetched


class SpotifyImportJob(JobQueued):
    spotify_id: str | None


class SpotifyImported(BaseModel):
    """The first track's job at the top (absent for a link without tracks) and `jobs`, one per track."""

    job_id: str | None = None
    track_id: str | None = None
    status: JobStatusName | None = None
    spotify_id: str | None = None
    jobs: list[SpotifyImportJob]


class SpotifyImportedData(BaseModel):
    data: SpotifyImported


class Healthy(BaseModel):
    status: Literal["ok"]


class Unhealthy(BaseModel):
    """Which dependency failed: each check is "ok" or the reason it is not."""

    status: Literal["unavailable"]
    checks: dict[str, str]
