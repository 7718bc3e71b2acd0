"""Domain -> JetStream: queued jobs become JobRequested messages, and a sweep resends the stragglers."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import cast

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.jobs import Jobs
from soundforge.library.models import Job
from soundforge.runtime import payloads
from soundforge.runtime.convert import kind_value, timestamp_from_datetime
from soundforge.runtime.periodic import Periodic
from soundforge.runtime.vocabulary import PRIORITIES

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
            params=payloads.params_from_json(job.kind, job.params),
            priority=cast(payloads_pb2.Priority, PRIORITIES.value(job.priority, "priority")),
            enqueued_at=timestamp_from_datetime(job.created_at),
        )
        return await self._bus.request_job(service, request)


def dispatch_sweep(jobs: Jobs, interval: float) -> Periodic:
    """Every `interval` seconds, sends the queued jobs whose publish failed (see Jobs.dispatch_pending).

    Runs in every library replica; two replicas sending the same job are deduplicated by JetStream.
    Jobs younger than one interval are left alone: they may still be in their first publish.
    """
    grace = timedelta(seconds=interval)

    async def sweep() -> None:
        if sent := await jobs.dispatch_pending(older_than=grace):
            log.info("dispatched %d queued jobs that had not reached NATS", sent)

    return Periodic("library-dispatch-sweep", interval, sweep)
