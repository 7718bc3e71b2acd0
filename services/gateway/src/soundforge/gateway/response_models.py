"""The documented success bodies as pydantic models: routes declare them, so /openapi.json is the contract.

Field order follows `serializers.py`, so a body validated through its model is sent byte for byte as
the serializer built it. Keys a serializer adds only sometimes (a failed job's `error`, a playlist's
`jobs`) are optional here and the routes that send them drop unset fields.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from soundforge.runtime.plans import Plan

# The names of soundforge.jobs.v1.JobKind / JobStatus as the JSON spells them.
JobKindName = Literal["download", "separation", "analysis", "generation", "pipeline"]
JobStatusName = Literal["queued", "downloading", "processing", "completed", "failed", "cancelled"]

Timestamp = str | None  # ISO 8601 UTC to the second ("2026-01-31T12:00:00Z"); null when unset


class User(BaseModel):
    id: str
    email: str
    role: str
    plan: Plan = Field(description="with the role, the highest generation queue class the user may ask for")
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


ANALYSIS_RESULT = (
    "The seed's flat analysis object (the analysis job's `result` has the same shape): the fields of "
    "each requested feature. `tempo` is null, `beats` and `downbeats` are empty, `beats_per_bar` is "
    "null and `danceability` is 0.0 when no pulse is clear enough (`tempo_confidence` 0-1, under "
    "0.32: noise, a held tone, chords in free time). `key` and `camelot` are null when no tonal "
    "centre is clear enough (`key_confidence` 0-1, under 0.2: noise, a single tone, drums alone); "
    "the confidence is still given. `loudness` is null under the -70 LUFS gate."
)


class Analysis(BaseModel):
    track_id: str
    job_id: str | None
    result: dict[str, Any] = Field(description=ANALYSIS_RESULT)
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


class LalalaiQuota(BaseModel):
    """Minutes of the caller's lalal.ai license (their own key, else the server's shared one)."""

    quota_minutes: float = Field(description="the plan's size; equals remaining when the plan is unknown")
    used_minutes: float = Field(description="quota - remaining; 0 when the plan is unknown")
    remaining_minutes: float = Field(description="what lalal.ai reports as left")


class LalalaiQuotaData(BaseModel):
    data: LalalaiQuota


class LalalaiCancelled(BaseModel):
    cancelled_task_ids: list[str]


class LalalaiCancelledData(BaseModel):
    data: LalalaiCancelled


class Healthy(BaseModel):
    status: Literal["ok"]


class Unhealthy(BaseModel):
    """Which dependency failed: each check is "ok" or the reason it is not."""

    status: Literal["unavailable"]
    checks: dict[str, str]


# ---- separation (seed 001 "Processing", "Export") ----

SeparationModelName = Literal["htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra"]


class SeparationQueued(BaseModel):
    job_id: str
    track_id: str
    model: SeparationModelName
    status: JobStatusName


class SeparationQueuedData(BaseModel):
    data: SeparationQueued


class StemRecord(BaseModel):
    """One stem of a track: `url` downloads it (`/export/stem/<id>`), `file_url` streams it with ranges."""

    id: str
    name: str = Field(description="the model's own source name, or no_<source> for the rest in two-stem mode")
    model: str | None
    format: Literal["wav", "flac", "mp3"] | None
    duration: float | None = Field(description="seconds")
    size_bytes: int
    url: str
    file_url: str
    job_id: str
    created_at: str | None


class SeparationJob(BaseModel):
    """A separation poll: `stems` is empty until the job completed; `error` says why it failed."""

    id: str
    status: JobStatusName
    progress: int = Field(ge=0, le=100)
    model: SeparationModelName
    engine: Literal["local", "lalalai"]
    stems: list[StemRecord]
    reused: bool | None = Field(description="true when stems of the same audio and settings were reused")
    error: str | None


class SeparationJobData(BaseModel):
    data: SeparationJob


class SeparationModel(BaseModel):
    name: SeparationModelName
    description: str
    stems: int
    sources: list[str] = Field(description="the model's stems, by name")
    available: bool = Field(description="whether this deployment has the model's weights")


class SeparationModels(BaseModel):
    models: list[SeparationModel]


class SeparationModelsData(BaseModel):
    data: SeparationModels


# ---- the Audio Pipeline (seed 004): bare bodies, no `data` envelope ----

PipelineStatusName = Literal["processing", "completed", "failed"]
StageStatusName = Literal["pending", "processing", "completed", "failed"]
# The document's time: ISO 8601 with microseconds and no offset ("2024-01-15T10:30:45.123456"), in UTC.
PipelineTime = str | None


class PipelineHealth(BaseModel):
    status: Literal["healthy", "unhealthy"]
    version: str
    pipeline_stages: int


class PipelineStageInfo(BaseModel):
    name: str
    processor_type: str


class PipelineConfig(BaseModel):
    max_file_size_mb: int
    supported_formats: list[str]
    pipeline_stages: list[PipelineStageInfo]


class PipelineStage(BaseModel):
    name: str
    processor_type: str
    status: StageStatusName
    started_at: PipelineTime
    completed_at: PipelineTime
    error: str | None
    duration_seconds: float | None


class PipelineJob(BaseModel):
    """`outputs` maps each output's name to its download path (`/pipeline/download/<job>/<name>`)."""

    job_id: str
    status: PipelineStatusName
    created_at: PipelineTime
    stages: list[PipelineStage]
    outputs: dict[str, str]
