"""What a job handler sees: the request, its attempt, a progress reporter, and the permanent error."""

from __future__ import annotations

from soundforge.events.bus import EventBus
from soundforge.events.subjects import subject
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.errors import SoundForgeError

# Errors that mean "the same input fails the same way": retrying only delays the verdict.
PERMANENT_GRPC_STATUSES = frozenset({"INVALID_ARGUMENT", "NOT_FOUND", "FAILED_PRECONDITION", "UNIMPLEMENTED"})


class PermanentJobError(SoundForgeError):
    """Raise from a handler when retrying cannot help (bad input, missing track): fails at once."""

    code = "JOB_FAILED"
    grpc_status = "FAILED_PRECONDITION"


def is_permanent(err: BaseException) -> bool:
    """True for PermanentJobError and domain errors whose status says the input itself is wrong."""
    return isinstance(err, PermanentJobError) or (
        isinstance(err, SoundForgeError) and err.grpc_status in PERMANENT_GRPC_STATUSES
    )


class JobContext:
    """One delivery of one job request, handed to the worker's handler.

    `attempt` is JetStream's delivery count (1 on the first try); `max_deliver` the last
    attempt the worker allows. Each `progress()` call publishes `jobs.<service>.progress`; its
    dedupe id includes the percent, so report each step with a different percent.
    """

    def __init__(
        self,
        bus: EventBus,
        service: str,
        request: jobs_pb2.JobRequested,
        attempt: int,
        max_deliver: int,
        working_status: jobs_pb2.JobStatus = jobs_pb2.JOB_STATUS_PROCESSING,
    ) -> None:
        self.bus = bus
        self.service = service
        self.request = request
        self.job_id = request.job_id
        self.attempt = attempt
        self.max_deliver = max_deliver
        self.working_status = working_status
        self.percent = 0

    @property
    def params(self) -> payloads_pb2.JobParams:
        return self.request.params

    @property
    def is_last_attempt(self) -> bool:
        return self.attempt >= self.max_deliver

    async def progress(
        self, percent: int, stage: str = "", result: payloads_pb2.JobResult | None = None
    ) -> None:
        """Publishes `jobs.<service>.progress` (status PROCESSING unless the worker says otherwise).

        `result`, when given, is the result so far (a pipeline's stage records): the library keeps
        it on the job, so a poll shows the work as it moves.
        """
        self.percent = max(0, min(100, int(percent)))
        await self.publish("progress", self.working_status, stage=stage, result=result)

    async def publish(
        self,
        event: str,
        status: jobs_pb2.JobStatus,
        *,
        stage: str = "",
        error: str = "",
        result: payloads_pb2.JobResult | None = None,
        msg_id: str | None = None,
    ) -> None:
        """Publishes one update for this attempt; the worker uses it for started/completed/failed."""
        update = jobs_pb2.JobUpdate(
            job_id=self.job_id,
            status=status,
            progress=self.percent,
            stage=stage,
            error=error,
            attempt=self.attempt,
            result=result,
            owner_id=self.request.owner_id,
            kind=self.request.kind,
        )
        if msg_id is None:
            await self.bus.publish_update(self.service, event, update)
            return
        # A caller-chosen id: the retry notice must not collide with a progress step of the same percent.
        update.at.GetCurrentTime()
        await self.bus.publish(subject(self.service, event), update, msg_id=msg_id)
