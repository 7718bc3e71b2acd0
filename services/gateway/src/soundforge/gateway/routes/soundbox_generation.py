"""Sound Box generation (seed 003): submit, poll, status, the queue views, cancel, random prompts.

Writes need a signed-in caller (a `user_id` in a body must be theirs, admins excepted); status
and the queue views are public, and show whose a job is only to its owner or an admin.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import PurePosixPath
from typing import Annotated, Any, cast

from fastapi import APIRouter, Path
from pydantic import BaseModel, BeforeValidator, Field, StrictBool, StrictInt

from soundforge.gateway.auth import CurrentUser, OptionalUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, soundbox_responses
from soundforge.gateway.soundbox_access import acting_for, model_value
from soundforge.gateway.soundbox_queue_responses import (
    Cancelled,
    GenerationJob,
    PriorityName,
    Queued,
    QueueExplorer,
    QueueStatus,
    RandomPrompt,
    SystemStatus,
)
from soundforge.gateway.soundbox_responses import ModelName
from soundforge.generation.v1 import generation_pb2 as gen
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import status_name
from soundforge.runtime.errors import Conflict, InvalidArgument
from soundforge.runtime.vocabulary import GENERATION_MODELS, PRIORITIES

router = APIRouter(tags=["soundbox generation"])

_STATES = {
    gen.MODEL_STATE_PENDING: "pending",
    gen.MODEL_STATE_LOADING: "loading",
    gen.MODEL_STATE_READY: "ready",
    gen.MODEL_STATE_ERROR: "error",
}
_PREVIEW_CHARS = 40
JobId = Annotated[Text, Path(max_length=64)]
# Admission control (docs/architecture.md): a full class queue, or too many of your own jobs
# waiting, is a 429 like the rate limit's, with when a place is expected to free up.
_GENERATE_ERRORS = soundbox_responses(400, *CSRF_ERRORS, 429)
_GENERATE_ERRORS[429]["description"] = (
    "The rate limit, or the generation queue is full (your class's, or your own waiting jobs): "
    "try again after `retry_after` seconds, also sent as the Retry-After header."
)


def _whole_number(value: object) -> object:
    """JSON has one number type, and some clients send whole seconds as 1.0 (Python's json.dumps
    of a float): an integral float is that integer; 1.5, a bool or a string stays refused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeSeconds = Annotated[StrictInt, BeforeValidator(_whole_number)]


class GenerateBody(BaseModel):
    prompt: Text = Field(min_length=1, max_length=1000)
    duration: WholeSeconds = Field(default=8, ge=1, le=120, description="whole seconds (1.0 counts as 1)")
    model: ModelName = "music"
    loop: StrictBool = False
    priority: PriorityName | None = Field(
        default=None, description='at most your plan\'s class; omitted: "standard" (or your class, if lower)'
    )
    user_id: Text | None = Field(default=None, max_length=64, description="yours (an admin may name anyone)")
    private: StrictBool = Field(default=False, description="never shown to anyone else")


class CancelBody(BaseModel):
    user_id: Text | None = Field(default=None, max_length=64)


class PromptBody(BaseModel):
    model: ModelName = "music"


def _caller(user: library_pb2.User | None) -> jobs_pb2.Caller:
    if user is None:
        return jobs_pb2.Caller()
    return jobs_pb2.Caller(user_id=user.id, admin=user.role == "admin")


def _preview(prompt: str, private: bool) -> str:
    if not prompt and private:
        return "(private)"
    return prompt if len(prompt) <= _PREVIEW_CHARS else prompt[: _PREVIEW_CHARS - 3].rstrip() + "..."


def _created(job: jobs_pb2.Job) -> str:
    return job.created_at.ToDatetime(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _progress_text(queued: gen.QueuedJob) -> str:
    status = status_name(queued.job.status)
    if status == "queued":
        return f"Queued (position {queued.position})"
    if status == "completed":
        return "Complete"
    return queued.progress_text or ("Generating audio..." if status == "processing" else status.capitalize())


def job_json(queued: gen.QueuedJob) -> dict[str, Any]:
    job, result = queued.job, queued.job.result.generation
    status = status_name(job.status)
    body: dict[str, Any] = {"id": job.id, "status": status}
    if status in ("queued", "processing", "downloading"):
        body["status"] = "queued" if status == "queued" else "processing"
        body["progress"] = _progress_text(queued)
        body["progress_pct"] = job.progress
        body["position"] = queued.position
        body["estimated_wait"] = round(queued.estimated_wait_seconds, 1)
    elif status == "completed":
        body["progress"] = "Complete"
        body["progress_pct"] = 100
        body["filename"] = result.filename
        body["spectrogram"] = PurePosixPath(result.spectrogram_key).name if result.spectrogram_key else None
        body["quality"] = result.quality_score
        body["quality_issues"] = list(result.quality_issues)
        body["position"] = 0
    else:
        # Sound Box has four states: a cancelled job is a failed one whose error says so, so a
        # client polling until completed or failed stops.
        body["status"] = "failed"
        body["error"] = job.error or ("Job cancelled" if status == "cancelled" else "Generation failed")
    body["retry_count"] = result.retry_count
    return body


@router.post(
    "/generate",
    response_model=Queued,
    responses=_GENERATE_ERRORS,
    summary="Queue a generation",
)
async def generate(body: GenerateBody, caller: CurrentUser, context: Context) -> dict[str, Any]:
    """403 when `user_id` is someone else's or `priority` is above your plan; 429 with
    `retry_after` (and Retry-After) when your class's queue or your own waiting jobs are at their limit."""
    owner_id = acting_for(caller, body.user_id)
    params = payloads_pb2.GenerationParams(
        prompt=body.prompt,
        duration=body.duration,
        model=model_value(body.model),
        loop=body.loop,
        private=body.private,
        user_id=owner_id,
    )
    priority = (
        PRIORITIES.value(body.priority, "priority") if body.priority else payloads_pb2.PRIORITY_UNSPECIFIED
    )
    reply = await context.clients.generation.Generate(
        gen.GenerateRequest(
            caller=_caller(caller),
            owner_id=owner_id,
            params=params,
            priority=cast(payloads_pb2.Priority, priority),
        )
    )
    return {
        "success": True,
        "job_id": reply.job.id,
        "position": reply.position,
        "estimated_wait": round(reply.estimated_wait_seconds, 1),
    }


@router.get(
    "/job/{job_id}",
    response_model=GenerationJob,
    response_model_exclude_none=True,
    responses=soundbox_responses(400, 404),
)
async def job(job_id: JobId, caller: CurrentUser, context: Context) -> dict[str, Any]:
    """Your job (an admin: anyone's); anyone else's is 404, like an unknown one."""
    reply = await context.clients.generation.GetGenerationJob(
        gen.GetGenerationJobRequest(caller=_caller(caller), job_id=job_id)
    )
    return job_json(reply)


@router.get("/status", response_model=SystemStatus)
async def status(context: Context) -> dict[str, Any]:
    reply = await context.clients.generation.GetStatus(gen.GetStatusRequest())
    gpu = reply.gpu
    return {
        "models": {GENERATION_MODELS.name(m.model): _STATES.get(m.state, "pending") for m in reply.models},
        "gpu": {
            "name": gpu.name,
            "available": gpu.available,
            "busy": gpu.busy,
            "memory_used_gb": gpu.memory_used_gb,
            "memory_total_gb": gpu.memory_total_gb,
            "memory_percent": gpu.memory_percent,
        },
        "queue_length": reply.queue_length,
        "estimated_wait": round(reply.estimated_wait_seconds, 1),
    }


async def _queue(context: Context, viewer: library_pb2.User | None) -> gen.GetQueueResponse:
    reply: gen.GetQueueResponse = await context.clients.generation.GetQueue(
        gen.GetQueueRequest(caller=_caller(viewer))
    )
    return reply


def _status(queued: gen.QueuedJob) -> str:
    return "queued" if queued.job.status == jobs_pb2.JOB_STATUS_QUEUED else "processing"


@router.get("/queue-status", response_model=QueueStatus)
async def queue_status(context: Context, viewer: OptionalUser) -> dict[str, Any]:
    """Running jobs first (position 0), then the waiting ones in the order they will start."""
    reply = await _queue(context, viewer)
    return {
        "queue_length": sum(1 for q in reply.jobs if q.position > 0),
        "current_job": reply.current_job_id or None,
        "jobs": [
            {
                "id": q.job.id,
                "status": _status(q),
                "prompt": _preview(q.job.params.generation.prompt, q.job.params.generation.private),
                "priority": PRIORITIES.name(q.job.priority),
                "position": q.position,
            }
            for q in reply.jobs
        ],
    }


@router.get("/api/queue", response_model=QueueExplorer)
async def queue_explorer(context: Context, viewer: OptionalUser) -> dict[str, Any]:
    """Every job with its model, duration, class and progress; `user_id` only to its owner or an admin."""
    reply = await _queue(context, viewer)
    jobs = []
    for q in reply.jobs:
        params = q.job.params.generation
        jobs.append(
            {
                "id": q.job.id,
                "status": _status(q),
                "prompt": _preview(params.prompt, params.private),
                "model": GENERATION_MODELS.name(params.model),
                "duration": params.duration,
                "priority": PRIORITIES.name(q.job.priority),
                "created": _created(q.job),
                "progress": _progress_text(q),
                "progress_pct": q.job.progress,
                "user_id": q.job.owner_id or None,
                "position": q.position,
                "estimated_wait": round(q.estimated_wait_seconds, 1),
            }
        )
    return {"jobs": jobs, "current_job": reply.current_job_id or None, "total": len(jobs)}


@router.post(
    "/api/queue/{job_id}/cancel",
    response_model=Cancelled,
    responses=soundbox_responses(400, *CSRF_ERRORS, 404),
)
async def cancel(
    job_id: JobId, caller: CurrentUser, context: Context, body: CancelBody | None = None
) -> dict[str, Any]:
    """Only before it starts: a running or finished job is 400; someone else's is 404."""
    acting_for(caller, body.user_id if body else None)
    queued = await context.clients.generation.GetGenerationJob(
        gen.GetGenerationJobRequest(caller=_caller(caller), job_id=job_id)
    )
    if queued.job.status != jobs_pb2.JOB_STATUS_QUEUED:
        raise InvalidArgument(f"job is {status_name(queued.job.status)}; only a queued job can be cancelled")
    try:
        await context.clients.library.CancelJob(
            library_pb2.CancelJobRequest(owner_id=queued.job.owner_id, job_id=queued.job.id)
        )
    except Conflict as err:  # it finished in between
        raise InvalidArgument(err.message) from None
    return {"success": True, "message": "Job cancelled"}


@router.post("/random-prompt", response_model=RandomPrompt, responses=soundbox_responses(400, *CSRF_ERRORS))
async def random_prompt(context: Context, body: PromptBody | None = None) -> dict[str, Any]:
    model = body.model if body else "music"
    reply = await context.clients.generation.RandomPrompt(gen.RandomPromptRequest(model=model_value(model)))
    return {"prompt": reply.prompt}
