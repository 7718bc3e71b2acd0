"""Sound Box's generation bodies (seed 003: /generate, /job, /status, the queue views) as models."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ModelState = Literal["pending", "loading", "ready", "error"]
PriorityName = Literal["admin", "premium", "standard", "free"]
# Sound Box's four (seed 003, "Status Values"): a cancelled job is reported failed ("Job cancelled").
JobStatusName = Literal["queued", "processing", "completed", "failed"]


class Queued(BaseModel):
    success: bool
    job_id: str
    position: int = Field(description="1 = next to start")
    estimated_wait: float = Field(description="seconds until it starts, from measured model speeds")


class GenerationJob(BaseModel):
    """One shape for every status; fields a status does not have are left out (as documented)."""

    id: str
    status: JobStatusName
    progress: str | None = None
    progress_pct: int | None = None
    filename: str | None = None
    spectrogram: str | None = None
    quality: int | None = None
    quality_issues: list[str] | None = None
    error: str | None = None
    position: int | None = None
    estimated_wait: float | None = None
    retry_count: int


class Gpu(BaseModel):
    name: str
    available: bool
    busy: bool
    memory_used_gb: float
    memory_total_gb: float
    memory_percent: float


class SystemStatus(BaseModel):
    models: dict[str, ModelState]
    gpu: Gpu
    queue_length: int
    estimated_wait: float


class QueuePreview(BaseModel):
    id: str
    status: JobStatusName
    prompt: str = Field(description="truncated")
    priority: PriorityName
    position: int = Field(description="0: running")


class QueueStatus(BaseModel):
    queue_length: int
    current_job: str | None
    jobs: list[QueuePreview]


class QueueJob(BaseModel):
    id: str
    status: JobStatusName
    prompt: str = Field(description="truncated")
    model: str
    duration: int = Field(description="seconds, as requested")
    priority: PriorityName
    created: str = Field(description='"YYYY-MM-DDTHH:MM:SS", UTC')
    progress: str
    progress_pct: int
    user_id: str | None = Field(description="only for the job's owner or an admin")
    position: int
    estimated_wait: float


class QueueExplorer(BaseModel):
    jobs: list[QueueJob]
    current_job: str | None
    total: int


class Cancelled(BaseModel):
    success: bool
    message: str


class RandomPrompt(BaseModel):
    prompt: str
