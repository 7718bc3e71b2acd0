"""GenerationService over gRPC: translates requests to the queue and the queue's answers back."""

from __future__ import annotations

from typing import cast

import grpc

from soundforge.generation.engine import MODEL_NAMES, GenerationEngine, ModelState
from soundforge.generation.prompts import random_prompt
from soundforge.generation.queue import Caller, Entry, GenerationQueue
from soundforge.generation.v1 import generation_pb2, generation_pb2_grpc
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.errors import ValidationFailed
from soundforge.runtime.vocabulary import GENERATION_MODELS

SERVICE_NAME = generation_pb2.DESCRIPTOR.services_by_name["GenerationService"].full_name

MAX_DURATION_SECONDS = 120
MAX_PROMPT_CHARS = 1000
_STATES = {
    ModelState.PENDING: generation_pb2.MODEL_STATE_PENDING,
    ModelState.LOADING: generation_pb2.MODEL_STATE_LOADING,
    ModelState.READY: generation_pb2.MODEL_STATE_READY,
    ModelState.ERROR: generation_pb2.MODEL_STATE_ERROR,
}


def _caller(caller: jobs_pb2.Caller) -> Caller:
    return Caller(caller.user_id, caller.admin)


def queued_job(entry: Entry) -> generation_pb2.QueuedJob:
    return generation_pb2.QueuedJob(
        job=entry.job,
        position=entry.position,
        estimated_wait_seconds=entry.wait,
        progress_text=entry.job.stage,
    )


class GenerationServicer(generation_pb2_grpc.GenerationServiceServicer):
    def __init__(self, queue: GenerationQueue, engine: GenerationEngine) -> None:
        self.queue = queue
        self.engine = engine

    def check(self, params: payloads_pb2.GenerationParams) -> None:
        """Every bad field at once, named; nothing is queued."""
        problems: dict[str, list[str]] = {}
        if not params.prompt.strip():
            problems["prompt"] = ["must not be empty"]
        elif len(params.prompt) > MAX_PROMPT_CHARS:
            problems["prompt"] = [f"at most {MAX_PROMPT_CHARS} characters"]
        if params.model == payloads_pb2.GENERATION_MODEL_UNSPECIFIED:
            problems["model"] = [f"must be one of {', '.join(MODEL_NAMES)}"]
        if not 1 <= params.duration <= MAX_DURATION_SECONDS:
            problems["duration"] = [f"must be 1-{MAX_DURATION_SECONDS} seconds"]
        elif params.model != payloads_pb2.GENERATION_MODEL_UNSPECIFIED:
            model = GENERATION_MODELS.name(params.model)
            longest = self.engine.max_duration(model)
            if longest is not None and params.duration > longest:
                problems["duration"] = [f"{model} generates at most {longest:g} seconds"]
        if problems:
            raise ValidationFailed(problems)

    async def Generate(
        self, request: generation_pb2.GenerateRequest, context: grpc.aio.ServicerContext
    ) -> generation_pb2.QueuedJob:
        self.check(request.params)
        entry = await self.queue.submit(
            _caller(request.caller), request.owner_id, request.params, request.priority
        )
        return queued_job(entry)

    async def GetGenerationJob(
        self, request: generation_pb2.GetGenerationJobRequest, context: grpc.aio.ServicerContext
    ) -> generation_pb2.QueuedJob:
        return queued_job(await self.queue.entry(_caller(request.caller), request.job_id))

    async def GetStatus(
        self, request: generation_pb2.GetStatusRequest, context: grpc.aio.ServicerContext
    ) -> generation_pb2.GetStatusResponse:
        status = await self.queue.status(MODEL_NAMES, "music", 8.0)
        device = status.device
        total = device.memory_total_gb
        return generation_pb2.GetStatusResponse(
            models=[
                generation_pb2.ModelStatus(
                    model=cast(payloads_pb2.GenerationModel, GENERATION_MODELS.value(m.name, "model")),
                    state=_STATES[m.state],
                    error=m.error,
                )
                for m in status.models
            ],
            gpu=generation_pb2.GpuStatus(
                name=device.name,
                available=device.available,
                busy=device.busy,
                memory_used_gb=round(device.memory_used_gb, 2),
                memory_total_gb=round(total, 2),
                memory_percent=round(100 * device.memory_used_gb / total, 1) if total else 0.0,
            ),
            queue_length=status.queue_length,
            estimated_wait_seconds=status.estimated_wait,
        )

    async def GetQueue(
        self, request: generation_pb2.GetQueueRequest, context: grpc.aio.ServicerContext
    ) -> generation_pb2.GetQueueResponse:
        caller = _caller(request.caller)
        snapshot = await self.queue.snapshot()
        reply = generation_pb2.GetQueueResponse()
        for entry in snapshot.entries:
            shown = reply.jobs.add()
            shown.CopyFrom(queued_job(entry))
            if not caller.admin and shown.job.owner_id != caller.user_id:
                # Everyone sees the queue; only its owner (or an admin) sees whose a job is.
                shown.job.owner_id = ""
                shown.job.params.generation.user_id = ""
                if shown.job.params.generation.private:
                    shown.job.params.generation.prompt = ""  # a private prompt is its owner's alone
            if entry.position == 0 and not reply.current_job_id:
                reply.current_job_id = entry.job.id
        return reply

    async def RandomPrompt(
        self, request: generation_pb2.RandomPromptRequest, context: grpc.aio.ServicerContext
    ) -> generation_pb2.RandomPromptResponse:
        model = GENERATION_MODELS.name(request.model) if request.model else "music"
        return generation_pb2.RandomPromptResponse(prompt=random_prompt(model))
