"""Jobs: the durable record of every unit of work, created queued and queried by id and owner."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import Job, User, utcnow
from soundforge.library.pagination import PageRequest, PageResult, fetch_page
from soundforge.library.track_aliases import resolved_track_id
from soundforge.runtime.errors import (
    Conflict,
    InvalidArgument,
    NotFound,
    RateLimited,
    SoundForgeError,
    ValidationFailed,
)

log = logging.getLogger(__name__)

# The service whose worker runs each kind; it owns the `jobs.<service>.*` subjects of the job.
SERVICE_FOR_KIND = {
    "download": "ingest",
    "separation": "separation",
    "pipeline": "separation",
    "analysis": "analysis",
    "generation": "generation",
}
KINDS = frozenset(SERVICE_FOR_KIND)
# Kinds whose queued jobs wait in the library until their workers' scheduler releases them: the
# generation queue orders by class, aging and loaded model, which a FIFO stream cannot.
HELD_KINDS = frozenset({"generation"})
STATUSES = frozenset({"queued", "downloading", "processing", "completed", "failed", "cancelled"})
TERMINAL = frozenset({"completed", "failed", "cancelled"})


class JobQueue(Protocol):
    """The work queue between the library and the workers (JetStream)."""

    async def dispatch(self, service: str, job: Job) -> int:
        """Puts the job's request on `jobs.<service>.requested` (deduplicated by job id); returns
        its sequence in the queue."""
        ...

    async def withdraw(self, sequence: int) -> None:
        """Removes a request no worker has settled yet; one already gone is not an error."""
        ...

    async def request_cancel(self, service: str, job_id: str) -> None:
        """Tells the worker running a job to stop (`jobs.<service>.cancel_requested`)."""
        ...


async def owned_job(session: AsyncSession, owner_id: str, job_id: str, *, lock: bool = False) -> Job:
    """The job if `owner_id` owns it; NotFound otherwise. An empty owner owns nothing."""
    job = await any_owners_job(session, job_id, lock=lock) if owner_id else None
    if job is None or job.owner_id != owner_id:
        raise NotFound("job not found")
    return job


async def any_owners_job(session: AsyncSession, job_id: str, *, lock: bool = False) -> Job | None:
    """The system's lookup (workers' updates, JetStream advisories); from an RPC only as an admin's."""
    if not job_id:
        return None
    query = select(Job).where(Job.id == job_id)
    return await session.scalar(query.with_for_update() if lock else query)


async def _refuse_past_cap(session: AsyncSession, kind: str, owner_id: str, cap: int) -> None:
    await session.get(User, owner_id, with_for_update=True)
    waiting = await session.scalar(
        select(func.count())
        .select_from(Job)
        .where(Job.kind == kind, Job.owner_id == owner_id, Job.status == "queued")
    )
    if (waiting or 0) >= cap:
        raise RateLimited(
            f"you already have {waiting} generations waiting (at most {cap})", details={"retry_after": 1}
        )


class Jobs:
    """Job records, and the one place that hands queued jobs to their workers.

    The record is committed first and the request published after (a transactional outbox with
    `dispatched_at` as the mark): a job whose publish fails -- NATS down, or this process killed
    in between -- stays queued with `dispatched_at` NULL, and `dispatch_pending` sends it later.
    A request published twice (the mark lost after a publish) is deduplicated by JetStream on the
    job id within its window; past the window a worker may repeat the job, and the library ignores
    updates for a job that has already finished.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession], queue: JobQueue) -> None:
        self._sessions = sessions
        self._queue = queue

    async def create(
        self,
        kind: str,
        owner_id: str,
        track_id: str = "",
        params: dict[str, Any] | None = None,
        priority: str = "",
        release: bool = False,
        max_waiting: int = 0,
    ) -> Job:
        """A queued job, published to its workers at once unless its kind is held (generation)
        and not `release`d: its scheduler releases it later (`release`).

        `max_waiting` (held kinds; 0: none) refuses the job, RateLimited, when its owner already has
        that many of the kind queued. The count and the insert share one transaction that first
        locks the owner's row (FOR UPDATE on PostgreSQL; SQLite's writers are serial, BEGIN
        IMMEDIATE), so concurrent creates for one owner take turns and each counts the others."""
        problems: dict[str, list[str]] = {}
        if kind not in KINDS:
            problems["kind"] = [f"must be one of {', '.join(sorted(KINDS))}"]
        if not owner_id:
            problems["owner_id"] = ["required"]
        if problems:
            raise ValidationFailed(problems)
        held = kind in HELD_KINDS and not release
        async with self._sessions() as session:
            if max_waiting and kind in HELD_KINDS:
                await _refuse_past_cap(session, kind, owner_id, max_waiting)
            job = Job(
                kind=kind,
                owner_id=owner_id,
                # By the track's own id: its results (stems, analysis) are recorded against it.
                track_id=await resolved_track_id(session, owner_id, track_id),
                status="queued",
                params=params or {},
                priority=priority,
                released_at=None if held else utcnow(),
            )
            session.add(job)
            await session.commit()
        if not held:
            await self._dispatch(job)
        return job

    async def release(self, job_id: str) -> Job:
        """A waiting generation job goes to its workers: marked released, then published.

        The mark is a compare-and-set (waiting -> released), so of two schedulers choosing the same
        job one wins and the other gets Conflict and chooses again. A publish that fails leaves the
        job released but undispatched, and `dispatch_pending` sends it, like any other job.
        """
        claim = (
            update(Job)
            .where(
                Job.id == job_id,
                Job.kind.in_(HELD_KINDS),
                Job.status == "queued",
                Job.released_at.is_(None),
            )
            .values(released_at=utcnow(), updated_at=Job.updated_at)
            .returning(Job)
        )
        async with self._sessions() as session:
            # One statement claims and reads the job (RETURNING: SQLite >= 3.35, PostgreSQL).
            job = (await session.execute(claim)).scalar_one_or_none()
            await session.commit()
            if job is None:
                existing = await any_owners_job(session, job_id)
                if existing is None:
                    raise NotFound("job not found")
                raise Conflict("job is no longer waiting", details={"status": existing.status})
        await self._dispatch(job)
        return job

    async def generation_queue(self, limit: int) -> tuple[list[Job], bool]:
        """Every unfinished generation job (waiting, released, running), oldest first."""
        query = (
            select(Job)
            .where(Job.kind.in_(HELD_KINDS), Job.status.not_in(TERMINAL))
            .order_by(Job.created_at, Job.id)
            .limit(limit + 1)
        )
        async with self._sessions() as session:
            jobs = list((await session.scalars(query)).all())
        return jobs[:limit], len(jobs) > limit

    async def generation_arrivals(self, since: datetime) -> list[tuple[str, str, int, float]]:
        """(priority, model, jobs, seconds of audio) of the generation jobs created since `since`,
        finished or not, one row per priority and model (summed by the database: no rows read)."""
        model = Job.params["model"].as_string()
        seconds = func.coalesce(func.sum(Job.params["duration"].as_float()), 0.0)
        query = (
            select(Job.priority, model, func.count(), seconds)
            .where(Job.kind.in_(HELD_KINDS), Job.created_at >= since)
            .group_by(Job.priority, model)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [(priority, name or "", int(jobs), float(total)) for priority, name, jobs, total in rows]

    async def dispatch_pending(self, *, older_than: timedelta, limit: int = 100) -> int:
        """Sends queued jobs whose request never reached JetStream; returns how many went out.

        `older_than` leaves alone jobs whose `create` is still publishing them. Stops at the first
        failure (NATS is likely down; the next sweep tries again).
        """
        query = (
            select(Job)
            .where(
                Job.status == "queued",
                Job.dispatched_at.is_(None),
                Job.released_at.is_not(None),
                Job.created_at < utcnow() - older_than,
            )
            .order_by(Job.created_at)
            .limit(limit)
        )
        async with self._sessions() as session:
            pending = list((await session.scalars(query)).all())
        sent = 0
        for job in pending:
            if not await self._dispatch(job):
                break
            sent += 1
        return sent

    async def _dispatch(self, job: Job) -> bool:
        try:
            sequence = await self._queue.dispatch(SERVICE_FOR_KIND[job.kind], job)
        except SoundForgeError as err:
            log.warning("job %s stays queued until NATS takes it: %s", job.id, err)
            return False
        # updated_at kept: being handed to NATS is not a change the job's owner sees.
        mark = (
            update(Job)
            .where(Job.id == job.id, Job.dispatched_at.is_(None))
            .values(dispatched_at=utcnow(), request_seq=sequence, updated_at=Job.updated_at)
        )
        async with self._sessions() as session:
            await session.execute(mark)
            await session.commit()
        return True

    async def get(self, owner_id: str, job_id: str, *, any_owner: bool = False) -> Job:
        """The owner's job; with `any_owner` (an admin's lookup, the caller checks the role) anyone's."""
        async with self._sessions() as session:
            if not any_owner:
                return await owned_job(session, owner_id, job_id)
            job = await any_owners_job(session, job_id)
            if job is None:
                raise NotFound("job not found")
            return job

    async def list_page(
        self,
        owner_id: str,
        page: PageRequest,
        *,
        all_owners: bool = False,
        kind: str = "",
        status: str = "",
    ) -> PageResult[Job]:
        """Newest first. `all_owners` is the admin overview; the caller checks the role."""
        if not owner_id and not all_owners:
            raise InvalidArgument("owner_id is required unless all_owners is set")
        if kind and kind not in KINDS:
            raise InvalidArgument(f"unknown job kind {kind!r}")
        if status and status not in STATUSES:
            raise InvalidArgument(f"unknown job status {status!r}")
        query = select(Job)
        if not all_owners:
            query = query.where(Job.owner_id == owner_id)
        if kind:
            query = query.where(Job.kind == kind)
        if status:
            query = query.where(Job.status == status)
        query = query.order_by(Job.created_at.desc(), Job.id.desc())
        async with self._sessions() as session:
            return await fetch_page(session, query, page)

    async def counts(self, owner_id: str, *, all_owners: bool = False) -> dict[tuple[str, str], int]:
        """How many jobs of each (kind, status) there are; pairs without jobs are absent."""
        if not owner_id and not all_owners:
            raise InvalidArgument("owner_id is required unless all_owners is set")
        query = select(Job.kind, Job.status, func.count()).group_by(Job.kind, Job.status)
        if not all_owners:
            query = query.where(Job.owner_id == owner_id)
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return {(kind, status): count for kind, status, count in rows}

    async def cancel(self, owner_id: str, job_id: str) -> Job:
        """Queued or running -> cancelled, its worker told to stop; a finished job is a Conflict."""
        async with self._sessions() as session:
            job = await owned_job(session, owner_id, job_id, lock=True)
            if job.status in TERMINAL:
                raise Conflict("job already finished", details={"status": job.status})
            await self._stop(job, "")
            await session.commit()
            await session.refresh(job)
            return job

    async def stop_for_track(self, owner_id: str, track_id: str, reason: str) -> list[str]:
        """Cancels every unfinished job of the owner's track (it is being deleted); returns their ids."""
        if not owner_id or not track_id:
            raise InvalidArgument("owner_id and track_id are required")
        query = select(Job).where(
            Job.owner_id == owner_id, Job.track_id == track_id, Job.status.not_in(TERMINAL)
        )
        async with self._sessions() as session:
            jobs = list((await session.scalars(query.with_for_update())).all())
            for job in jobs:
                await self._stop(job, reason)
            await session.commit()
            return [job.id for job in jobs]

    async def _stop(self, job: Job, reason: str) -> None:
        """Tells the worker, then marks the job cancelled (the caller commits).

        A queued job's request is withdrawn from the queue, so no worker spends time on it; the
        worker is told too, as one may hold it already, its `started` not yet applied. The stop
        request goes out before the commit: if NATS is down the call fails and the job keeps
        running, rather than showing cancelled while its worker carries on unaware.
        """
        if job.status == "queued" and job.request_seq is not None:
            await self._queue.withdraw(job.request_seq)
        await self._queue.request_cancel(SERVICE_FOR_KIND[job.kind], job.id)
        job.status = "cancelled"
        job.finished_at = utcnow()
        if reason:
            job.stage = reason
