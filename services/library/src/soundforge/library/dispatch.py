"""Domain -> JetStream: queued jobs become JobRequested messages, and a sweep resends the stragglers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.jobs import Jobs
from soundforge.library.models import Job
from soundforge.runtime.convert import kind_value, struct_from_dict

log = logging.getLogger(__name__)


class JetStreamJobQueue:
    """The library's JobQueue on the JOBS stream; the job id is the Nats-Msg-Id of its request."""

    def __init__(self, bus: EventBus) -> None:
        self._bus = bus

    async def withdraw(self, sequence: int) -> None:
        await self._bus.withdraw_request(sequence)

    async def request_cancel(self, service: str, job_id: str) -> None:
        await self._bus.request_cancel(service, job_id)

    async def dispatch(self, service: str, job: Job) -> int:
        request = jobs_pb2.JobRequested(
            job_id=job.id,
            kind=kind_value(job.kind),
            owner_id=job.owner_id,
            track_id=job.track_id,
            params=struct_from_dict(job.params),
        )
        return await self._bus.request_job(service, request)


class DispatchSweep:
    """Every `interval` seconds, sends the queued jobs whose publish failed (see Jobs.dispatch_pending).

    Runs in every library replica; two replicas sending the same job are deduplicated by JetStream.
    """

    def __init__(self, jobs: Jobs, interval: float) -> None:
        self._jobs = jobs
        self._interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="library-dispatch-sweep")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self) -> None:
        # Jobs younger than one interval may still be in the middle of their first publish.
        grace = timedelta(seconds=self._interval)
        while True:
            await asyncio.sleep(self._interval)
            try:
                sent = await self._jobs.dispatch_pending(older_than=grace)
            except Exception:
                log.exception("dispatch sweep failed; trying again in %.0fs", self._interval)
                continue
            if sent:
                log.info("dispatched %d queued jobs that had not reached NATS", sent)
