"""The generation queue as callers see it: admission, positions, waits and the queue views.

The queue of record is the library's job table (waiting generation jobs are held there until a
worker's scheduler releases them, see `feeder.py`); the live workers come from the registry.
Every answer is computed from one snapshot of both with `scheduling.plan`, the rule the workers
themselves follow, so a position is the order in which jobs start.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from soundforge.generation.engine import DeviceStatus, ModelStatus
from soundforge.generation.scheduling import (
    ADMIN,
    CLASS_NAMES,
    STANDARD,
    Planned,
    QueuePolicy,
    Waiting,
    overrun,
    plan,
)
from soundforge.generation.workers import NO_DEVICE, Speeds, WorkerRecord, merged_model_states, worker_views
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import NotFound, PermissionDenied, RateLimited
from soundforge.runtime.plans import highest_priority
from soundforge.runtime.vocabulary import GENERATION_MODELS


class JobStore(Protocol):
    async def create_job(
        self,
        owner_id: str,
        params: payloads_pb2.JobParams,
        *,
        track_id: str = "",
        priority: payloads_pb2.Priority,
        release: bool = False,
        max_waiting_per_owner: int = 0,
    ) -> jobs_pb2.Job: ...

    async def get_job(self, owner_id: str, job_id: str, *, any_owner: bool = False) -> jobs_pb2.Job: ...

    async def generation_queue(
        self, arrivals_window: float = 0.0
    ) -> tuple[list[jobs_pb2.Job], list[library_pb2.GenerationArrivals]]: ...

    async def get_user(self, user_id: str) -> library_pb2.User: ...


class WorkerDirectory(Protocol):
    async def live(self) -> list[WorkerRecord]: ...


@dataclass(frozen=True)
class QueueLimits:
    """Admission: at most `per_class[rank]` jobs waiting in a class, `per_user` waiting per user,
    and with `by_deadline` no job admitted that the plan says would start past its class's waiting
    limit (with room for the classes above), or push a waiting job past its limit plus the new
    job's run (`scheduling.overrun`)."""

    per_class: Mapping[int, int]
    per_user: int
    by_deadline: bool = True


@dataclass(frozen=True)
class Estimates:
    default_seconds_per_second: float  # before a model's speed has been measured
    overhead_seconds: float  # per job, besides the model's own time


@dataclass(frozen=True)
class Caller:
    user_id: str
    admin: bool = False


@dataclass(frozen=True)
class Entry:
    """A job with what the queue says about it: position 1 starts next, 0 is not waiting."""

    job: jobs_pb2.Job
    position: int
    wait: float


@dataclass(frozen=True)
class Status:
    models: list[ModelStatus]
    device: DeviceStatus
    queue_length: int
    estimated_wait: float  # for a job submitted now in the standard class


def rank_of(priority: int) -> int:
    """A stored job's class for the rule; an unspecified one counts as admin, as the plan always has."""
    return int(priority) or ADMIN


def waiting_of(job: jobs_pb2.Job) -> Waiting:
    params = job.params.generation
    return Waiting(
        job_id=job.id,
        rank=rank_of(job.priority),
        enqueued_at=job.created_at.ToNanoseconds() / 1e9,
        model=GENERATION_MODELS.name(params.model),
        duration=float(params.duration),
    )


@dataclass(frozen=True)
class Snapshot:
    now: float
    entries: list[Entry]  # running first (position 0), then in the order they will start
    workers: list[WorkerRecord]
    speeds: Speeds
    held: list[Waiting]  # waiting in the library for the rule
    handed: list[Waiting]  # released or redelivered, not running anywhere yet
    planned: list[Planned]  # held and handed jobs, in the order they will start
    last_release: float  # when the newest released job not yet started was released (0: none)
    arrivals: list[library_pb2.GenerationArrivals]  # created in the last `arrivals_window` s
    arrivals_window: float

    def waiting(self) -> list[Entry]:
        return [e for e in self.entries if e.position > 0]


class GenerationQueue:
    def __init__(
        self,
        jobs: JobStore,
        workers: WorkerDirectory,
        policy: QueuePolicy,
        limits: QueueLimits,
        estimates: Estimates,
        notify: Callable[[], Awaitable[None]],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._jobs = jobs
        self._workers = workers
        self._policy = policy
        self._limits = limits
        self._estimates = estimates
        self._notify = notify
        self._clock = clock
        # Admissions in this process take turns from snapshot to created job, so each one's
        # snapshot holds the jobs admitted before it: positions are distinct, as if submitted one
        # by one. Across processes the library's count-and-insert still holds the per-user cap.
        self._admitting = asyncio.Lock()

    async def snapshot(self, arrivals_window: float = 0.0) -> Snapshot:
        """The queue and the live workers now, and the jobs created in the last `arrivals_window` s."""
        (jobs, recent), records = await asyncio.gather(
            self._jobs.generation_queue(arrivals_window), self._workers.live()
        )
        now = self._clock()
        speeds = Speeds(records, self._estimates.default_seconds_per_second, self._estimates.overhead_seconds)
        running_here = {r.running.job_id for r in records if r.running is not None}
        by_id = {job.id: job for job in jobs}
        running = [j for j in jobs if j.id in running_here]
        # Handed to the workers and not running anywhere: released and not yet taken, or
        # redelivered after its worker died. The next free workers take them, oldest release first.
        handed = [
            j
            for j in jobs
            if j.id not in running_here
            and (j.HasField("released_at") or j.status != jobs_pb2.JOB_STATUS_QUEUED)
        ]
        handed.sort(key=lambda j: (j.released_at.ToNanoseconds(), j.id))
        held = [j for j in jobs if j.status == jobs_pb2.JOB_STATUS_QUEUED and not j.HasField("released_at")]
        held_waiting = [waiting_of(j) for j in held]
        handed_waiting = [waiting_of(j) for j in handed]
        planned = plan(
            held_waiting, worker_views(records, speeds, now), now, self._policy, speeds, first=handed_waiting
        )
        entries = [Entry(j, 0, 0.0) for j in running]
        entries += [Entry(by_id[p.job.job_id], p.position, max(0.0, p.starts_at - now)) for p in planned]
        in_transit = [
            j for j in handed if j.status == jobs_pb2.JOB_STATUS_QUEUED and j.HasField("released_at")
        ]
        last_release = max((j.released_at.ToNanoseconds() / 1e9 for j in in_transit), default=0.0)
        return Snapshot(
            now,
            entries,
            records,
            speeds,
            held_waiting,
            handed_waiting,
            planned,
            last_release,
            recent,
            arrivals_window,
        )

    async def submit(
        self,
        caller: Caller,
        owner_id: str,
        params: payloads_pb2.GenerationParams,
        priority: payloads_pb2.Priority,
    ) -> Entry:
        """Queues a generation for `owner_id` (the caller, or anyone for an admin) in `priority`.

        Unspecified priority is standard, or the owner's class when lower; asking above the owner's
        class is PermissionDenied. A full class, an owner with `per_user` jobs waiting, or a job
        the plan would start past its limit is RateLimited with `retry_after`.
        """
        if not caller.user_id:
            raise PermissionDenied("sign in to generate")
        owner_id = owner_id or caller.user_id
        if owner_id != caller.user_id and not caller.admin:
            raise PermissionDenied("user_id must be your own")
        # The owner and the queue are read side by side. The classes above the job, over the last
        # stretch as long as its limit, predict what they will bring while it may wait (admission
        # by deadline keeps room for that); unspecified, the window is standard's even when the
        # owner's plan makes the job free: a rate over a shorter stretch, not a wrong one.
        window = self._policy.limit(int(priority) or STANDARD) if self._limits.by_deadline else 0.0
        async with self._admitting:
            return await self._admit_and_create(caller, owner_id, params, priority, window)

    async def _admit_and_create(
        self,
        caller: Caller,
        owner_id: str,
        params: payloads_pb2.GenerationParams,
        priority: payloads_pb2.Priority,
        window: float,
    ) -> Entry:
        owner, snapshot = await asyncio.gather(self._jobs.get_user(owner_id), self.snapshot(window))
        highest = highest_priority(owner.role, owner.plan)
        if priority == payloads_pb2.PRIORITY_UNSPECIFIED:
            # Sound Box's documented default is "standard"; a free plan's default is free.
            priority = min(highest, payloads_pb2.PRIORITY_STANDARD)
        elif priority > highest:
            raise PermissionDenied(
                f"priority {CLASS_NAMES[priority]} is above your plan's {CLASS_NAMES[highest]}",
                details={"field": "priority"},
            )
        self._admit(snapshot, owner_id, int(priority))
        # Its place if it joined now: the deadline check's plan, and the position answered (the job
        # is created a few ms later; that moves its deadline, not its place).
        probe = Waiting(
            "", int(priority), snapshot.now, GENERATION_MODELS.name(params.model), float(params.duration)
        )
        planned = self._with(snapshot, probe)
        self._admit_by_deadline(snapshot, planned, probe)
        queued = payloads_pb2.GenerationParams()
        queued.CopyFrom(params)
        queued.user_id = owner_id
        # Nothing else waits and a worker is free: the rule can only choose this job, so it goes
        # to the workers as it is created rather than after a feeder's wake-up and snapshot.
        now = not snapshot.held and not snapshot.handed and any(r.running is None for r in snapshot.workers)
        try:
            job = await self._jobs.create_job(
                owner_id,
                payloads_pb2.JobParams(generation=queued),
                priority=priority,
                release=now,
                max_waiting_per_owner=self._limits.per_user,
            )
        except RateLimited as refused:
            # Another process admitted this owner's jobs since the snapshot: the library's count is
            # the one that holds; the snapshot still says when the soonest of theirs starts.
            waits = [e.wait for e in snapshot.waiting() if e.job.owner_id == owner_id]
            retry = _seconds(min(waits)) if waits else refused.details.get("retry_after", 1)
            raise RateLimited(refused.message, details={"retry_after": retry}) from refused
        if now:
            return Entry(job, 1, 0.0)
        await self._notify()
        mine = next(p for p in planned if p.job is probe)
        return Entry(job, mine.position, max(0.0, mine.starts_at - snapshot.now))

    def _with(self, snapshot: Snapshot, extra: Waiting) -> list[Planned]:
        """The snapshot's plan with `extra` added to its queue."""
        return plan(
            [*snapshot.held, extra],
            worker_views(snapshot.workers, snapshot.speeds, snapshot.now),
            snapshot.now,
            self._policy,
            snapshot.speeds,
            first=snapshot.handed,
        )

    async def entry_of(self, job: jobs_pb2.Job) -> Entry:
        """The job with its position and wait now (position 0 once it is running or finished)."""
        for entry in (await self.snapshot()).entries:
            if entry.job.id == job.id:
                return entry
        return Entry(job, 0, 0.0)

    async def entry(self, caller: Caller, job_id: str) -> Entry:
        """The caller's job (an admin's: anyone's, finished ones too); NotFound for anyone else."""
        if not caller.user_id:
            raise NotFound("job not found")
        job = await self._jobs.get_job(caller.user_id, job_id, any_owner=caller.admin)
        if job.kind != jobs_pb2.JOB_KIND_GENERATION:
            raise NotFound("job not found")
        return await self.entry_of(job)

    async def status(self, model_names: Sequence[str], probe_model: str, probe_duration: float) -> Status:
        """Model states and device over the live workers, and the wait of a standard job sent now."""
        snapshot = await self.snapshot()
        probe = Waiting("", STANDARD, snapshot.now, probe_model, probe_duration)
        wait = next(p for p in self._with(snapshot, probe) if p.job is probe).starts_at - snapshot.now
        devices = [r.device for r in snapshot.workers]
        device = next((d for d in devices if d.available), devices[0] if devices else NO_DEVICE)
        return Status(
            merged_model_states(snapshot.workers, model_names), device, len(snapshot.waiting()), wait
        )

    def _admit(self, snapshot: Snapshot, owner_id: str, rank: int) -> None:
        waiting = snapshot.waiting()
        mine = sum(1 for e in waiting if e.job.owner_id == owner_id)
        if mine >= self._limits.per_user:
            soonest = min(e.wait for e in waiting if e.job.owner_id == owner_id)
            raise RateLimited(
                f"you already have {mine} generations waiting (at most {self._limits.per_user})",
                details={"retry_after": _seconds(soonest)},
            )
        same_class = [e for e in waiting if int(e.job.priority) == rank]
        if len(same_class) >= self._limits.per_class[rank]:
            soonest = min(e.wait for e in same_class)
            raise RateLimited(
                f"the {CLASS_NAMES[rank]} queue is full ({len(same_class)} waiting)",
                details={"retry_after": _seconds(soonest)},
            )

    def _admit_by_deadline(self, snapshot: Snapshot, planned: list[Planned], new: Waiting) -> None:
        """RateLimited when admitting `new` would break a waiting limit (its own, with room kept for
        the classes above, or a pushed job's) by more than `new`'s own run. Not checked with no
        live worker: no wait is known then, and the queue keeps jobs until workers come."""
        if not self._limits.by_deadline or not snapshot.workers:
            return
        late = overrun(
            snapshot.planned, planned, new, self._policy, snapshot.speeds, self._reserved(snapshot, new.rank)
        )
        if late > 0.0:
            raise RateLimited(
                f"the generation queue is full: this {CLASS_NAMES[new.rank]} job would start, or delay"
                f" a waiting job, {late:.0f} s past the waiting limit",
                details={"retry_after": _seconds(late)},
            )

    def _reserved(self, snapshot: Snapshot, rank: int) -> float:
        """Work per second, per live worker, that the classes above `rank` brought lately."""
        work = sum(
            a.jobs * snapshot.speeds.seconds(GENERATION_MODELS.name(a.model), a.seconds / a.jobs)
            for a in snapshot.arrivals
            if a.jobs and rank_of(a.priority) > rank
        )
        return work / (snapshot.arrivals_window * max(1, len(snapshot.workers))) if work else 0.0


def _seconds(wait: float) -> int:
    return max(1, int(wait + 0.999))
