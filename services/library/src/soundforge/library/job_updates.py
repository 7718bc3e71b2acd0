"""Applies workers' job updates to the job record: idempotent, and never backwards."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.jobs import TERMINAL, any_owners_job
from soundforge.library.models import Job, utcnow
from soundforge.library.result_rows import record_result

log = logging.getLogger(__name__)

# Non-terminal statuses in the order a job moves through them; an update may only move forward.
_RANK = {"queued": 0, "downloading": 1, "processing": 2}


@dataclass(frozen=True)
class JobEvent:
    """One worker update, as read from `jobs.<service>.<event>`.

    `status` is what the worker reports (e.g. "downloading"), "" when it did not say; `result` is
    the stored JSON of the result member of kind `result_kind` (payloads.result_to_json).
    """

    job_id: str
    event: str  # started | progress | completed | failed | cancelled
    status: str = ""
    progress: int = 0
    stage: str = ""
    error: str = ""
    result: dict[str, Any] | None = None
    result_kind: str = ""
    attempt: int = 0
    at: datetime | None = None


def _result_of(job: Job, event: JobEvent) -> dict[str, Any]:
    """The event's result when it is of the job's own kind; a worker of another kind is not believed."""
    if event.result is None:
        return {}
    if event.result_kind != job.kind:
        log.warning(
            "dropping a %s result sent for a %s job", event.result_kind, job.kind, extra={"job_id": job.id}
        )
        return {}
    return event.result


def _advance(job: Job, status: str) -> None:
    if _RANK.get(status, -1) > _RANK.get(job.status, 99):
        job.status = status


def _running_status(job: Job, event: JobEvent) -> str:
    """The status the worker names, else "processing" for a job that had not started yet."""
    if event.status in ("downloading", "processing"):
        return event.status
    return "processing" if job.status == "queued" else job.status


class JobUpdates:
    """The library's side of the job life cycle: what workers and JetStream report happened."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def apply(self, event: JobEvent) -> bool:
        """Applies `event`; returns False when it changed nothing (unknown job, already final, ...)."""
        async with self._sessions() as session:
            # Row lock (PostgreSQL): a concurrent cancel or update cannot interleave with this one.
            job = await any_owners_job(session, event.job_id, lock=True)
            if job is None:
                log.warning("update for unknown job", extra={"job_id": event.job_id, "event": event.event})
                return False
            if job.status in TERMINAL:
                return False
            at = event.at or utcnow()
            if not self._change(job, event, at):
                return False
            if job.status == "completed":
                await record_result(session, job, at)
            await session.commit()
            return True

    @staticmethod
    def _change(job: Job, event: JobEvent, at: datetime) -> bool:
        if event.stage:
            job.stage = event.stage
        if event.event in ("started", "progress"):
            _advance(job, _running_status(job, event))
            job.progress = max(job.progress, min(max(event.progress, 0), 100))
            if event.result is not None:
                job.result = _result_of(job, event)  # the result so far (a pipeline's stages)
            if event.event == "started":
                job.started_at = job.started_at or at
                # max(): a replayed or reordered `started` must not count a delivery twice.
                job.attempts = max(job.attempts, event.attempt, 1)
            return True
        if event.event == "completed":
            job.status = "completed"
            job.progress = 100
            job.result = _result_of(job, event)
        elif event.event == "failed":
            job.status = "failed"
            job.error = event.error or "failed"
            if event.result is not None:
                job.result = _result_of(job, event)
        elif event.event == "cancelled":
            job.status = "cancelled"
        else:
            return False
        job.finished_at = at
        return True

    async def give_up(self, job_id: str, deliveries: int) -> bool:
        """JetStream ran out of deliveries without the worker reporting: the job has failed."""
        async with self._sessions() as session:
            job = await any_owners_job(session, job_id, lock=True)
            if job is None or job.status in TERMINAL:
                return False
            job.status = "failed"
            job.error = f"worker gave up after {deliveries} deliveries"
            job.attempts = max(job.attempts, deliveries)
            job.finished_at = utcnow()
            await session.commit()
            return True
