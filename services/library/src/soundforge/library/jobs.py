"""Jobs: the durable record of every unit of work, created queued and queried by id and owner."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import Job, utcnow
from soundforge.library.pagination import PageRequest, PageResult, fetch_page
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound, ValidationFailed

# The service whose worker runs each kind; it owns the `jobs.<service>.*` subjects of the job.
SERVICE_FOR_KIND = {
    "download": "ingest",
    "separation": "separation",
    "pipeline": "separation",
    "analysis": "analysis",
    "generation": "generation",
}
KINDS = frozenset(SERVICE_FOR_KIND)
STATUSES = frozenset({"queued", "downloading", "processing", "completed", "failed", "cancelled"})
TERMINAL = frozenset({"completed", "failed", "cancelled"})


class CancelRequester(Protocol):
    """Tells the worker running a job to stop (published on `jobs.<service>.cancel_requested`)."""

    async def request_cancel(self, service: str, job_id: str) -> None: ...


async def owned_job(session: AsyncSession, owner_id: str, job_id: str, *, lock: bool = False) -> Job:
    """The job if `owner_id` owns it (any owner when empty: a system caller); NotFound otherwise."""
    job = None
    if job_id:
        query = select(Job).where(Job.id == job_id)
        job = await session.scalar(query.with_for_update() if lock else query)
    if job is None or (owner_id and job.owner_id != owner_id):
        raise NotFound("job not found")
    return job


class Jobs:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], canceller: CancelRequester) -> None:
        self._sessions = sessions
        self._canceller = canceller

    async def create(
        self,
        kind: str,
        owner_id: str,
        track_id: str = "",
        params: dict[str, Any] | None = None,
        priority: str = "",
    ) -> Job:
        problems: dict[str, list[str]] = {}
        if kind not in KINDS:
            problems["kind"] = [f"must be one of {', '.join(sorted(KINDS))}"]
        if not owner_id:
            problems["owner_id"] = ["required"]
        if problems:
            raise ValidationFailed(problems)
        async with self._sessions() as session:
            job = Job(
                kind=kind,
                owner_id=owner_id,
                track_id=track_id,
                status="queued",
                params=params or {},
                priority=priority,
            )
            session.add(job)
            await session.commit()
            return job

    async def get(self, owner_id: str, job_id: str) -> Job:
        async with self._sessions() as session:
            return await owned_job(session, owner_id, job_id)

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

        A queued job is told too: a worker may hold it already, its `started` not yet applied.
        The stop request goes out before the commit: if NATS is down the call fails and the job
        keeps running, rather than showing cancelled while its worker carries on unaware.
        """
        await self._canceller.request_cancel(SERVICE_FOR_KIND[job.kind], job.id)
        job.status = "cancelled"
        job.finished_at = utcnow()
        if reason:
            job.stage = reason
