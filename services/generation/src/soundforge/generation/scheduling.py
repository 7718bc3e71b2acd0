"""The generation queue's one rule -- which waiting job starts next -- and the plan it implies.

Classes admin > premium > standard > free (ranks 4..1), first come first served within a class.
Aging: a job that has waited past its class's limit is *overdue* and goes before every job that is
not -- so at least as if of the class above -- and overdue jobs go earliest deadline first (the
deadline: enqueued + its class's limit). Climbing one class per limit made a free job wait the sum
of the limits under load, behind every fresh job of the classes above; by deadline, each job waits
its own limit plus the lateness an overload forces, shared by every class alike instead of piled
on the lowest. Jobs are not preempted, so a job whose deadline would pass while the head runs
goes first too (earliest deadline first): served within its limit rather than up to one run past
it. A worker prefers a job for a model it already has loaded, but only among the head's class
while none is overdue or due, and only when every job it passes over will still start within its
own waiting limit: an overdue job is never passed over.

The worker choosing its next job and the queue views announcing positions call the same `choose`
(`plan` runs it forward over the workers), so a position is the order in which jobs will start,
as far as the duration estimates hold. `overrun` is admission by the same plan: how far a new job
would start past its deadline, or push a waiting one past its deadline plus the new job's run.
Pure: no clock, no I/O; times are epoch seconds.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

FREE, STANDARD, PREMIUM, ADMIN = 1, 2, 3, 4
CLASS_NAMES: Mapping[int, str] = {FREE: "free", STANDARD: "standard", PREMIUM: "premium", ADMIN: "admin"}
RANK_OF: Mapping[str, int] = {name: rank for rank, name in CLASS_NAMES.items()}


@dataclass(frozen=True)
class Waiting:
    """A job waiting to start, as the rule sees it."""

    job_id: str
    rank: int  # its class, FREE..ADMIN
    enqueued_at: float
    model: str
    duration: float  # seconds of audio asked for


@dataclass(frozen=True)
class QueuePolicy:
    """The waiting limit of each class: past it a job is served as if of the class above."""

    waiting_limits: Mapping[int, float]

    def limit(self, rank: int) -> float:
        return self.waiting_limits[rank]

    def deadline(self, job: Waiting) -> float:
        """When the job passes its own class's limit: the latest start preferring a model may cause."""
        return job.enqueued_at + self.limit(job.rank)

    def overdue(self, job: Waiting, now: float) -> bool:
        return now >= self.deadline(job)

    def urgency(self, job: Waiting, now: float) -> tuple[int, float, float, str]:
        """The sort key of `order`: overdue by deadline, then the rest by class and arrival."""
        if self.overdue(job, now):
            return (0, self.deadline(job), job.enqueued_at, job.job_id)
        return (1, -job.rank, job.enqueued_at, job.job_id)


Estimate = Callable[[Waiting], float]
"""Seconds a job will take a worker (measured speed of its model x its duration)."""


def order(waiting: Iterable[Waiting], now: float, policy: QueuePolicy) -> list[Waiting]:
    """Overdue jobs earliest deadline first, then the others by class, first come first served
    (ties by id, so the order is total)."""
    return sorted(waiting, key=lambda j: policy.urgency(j, now))


def choose(
    waiting: Sequence[Waiting], now: float, loaded: frozenset[str], policy: QueuePolicy, estimate: Estimate
) -> Waiting | None:
    """The job a worker with `loaded` models starts at `now`, or None when nothing waits."""
    ranked = order(waiting, now, policy)
    if not ranked:
        return None
    head = ranked[0]
    if policy.overdue(head, now):
        return head  # an overdue job waits for no model
    # A job whose limit would pass while the head runs goes first, earliest deadline first: jobs
    # are not preempted, so waiting for the head would start it late by up to one run.
    run = estimate(head)
    due = [job for job in ranked if policy.deadline(job) < now + run]
    if due:
        return min(due, key=lambda job: (policy.deadline(job), job.enqueued_at, job.job_id))
    if head.model in loaded:
        return head
    passed: list[Waiting] = []
    for job in ranked:
        if job.rank != head.rank:
            break  # the end of the head's class (the head is not overdue, so no later job is)
        if job.model in loaded:
            done = now + estimate(job)
            if all(done <= policy.deadline(p) for p in passed):
                return job
            break  # a later one would pass over even more
        passed.append(job)
    return head


@dataclass
class WorkerView:
    """A worker as the plan sees it: when it is next free and what it has loaded."""

    worker_id: str
    free_at: float
    loaded: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Planned:
    job: Waiting
    position: int  # 1 = next to start
    starts_at: float
    worker_id: str


def plan(
    waiting: Sequence[Waiting],
    workers: Sequence[WorkerView],
    now: float,
    policy: QueuePolicy,
    estimate: Estimate,
    first: Sequence[Waiting] = (),
) -> list[Planned]:
    """Every waiting job in the order it will start, with when, running `choose` forward.

    `first` are jobs already handed to the workers (released, or redelivered after a worker died):
    the next free workers take them in that order, before the rule picks among `waiting`.
    Each step gives the worker free first the job `choose` picks for it at that moment; it is then
    busy for the job's estimate and has the job's model loaded. With no live worker the plan
    assumes one, free now, so a queue still answers with positions and a (lower-bound) wait.
    """
    views = [WorkerView(w.worker_id, max(w.free_at, now), w.loaded) for w in workers] or [WorkerView("", now)]
    free = [(view.free_at, i) for i, view in enumerate(views)]
    heapq.heapify(free)
    handed = list(reversed(first))
    pending = list(waiting)
    planned: list[Planned] = []
    while handed or pending:
        at, i = heapq.heappop(free)
        view = views[i]
        if handed:
            job = handed.pop()
        else:
            chosen = choose(pending, at, view.loaded, policy, estimate)
            assert chosen is not None  # pending is not empty
            job = chosen
            pending.remove(job)
        planned.append(Planned(job, len(planned) + 1, at, view.worker_id))
        view.loaded = view.loaded | {job.model}
        heapq.heappush(free, (at + estimate(job), i))
    return planned


def overrun(
    before: Sequence[Planned],
    after: Sequence[Planned],
    new: Waiting,
    policy: QueuePolicy,
    estimate: Estimate,
    reserved: float = 0.0,
) -> float:
    """Seconds by which admitting `new` would break a promise: 0.0 when none (admit).

    `before` is the plan without `new`, `after` the plan with it. `new` itself must start by its
    deadline, with room for `reserved`: the share of a worker the classes above it have been
    keeping busy (work arriving per second, per worker), which over its limit brings
    `reserved x limit` seconds more that go before it -- so under overload the lowest class is
    refused first. A job `new` pushes later must still start by its deadline plus one run of `new`:
    jobs are not preempted, so one reaching its deadline while `new` runs waits for it, and no
    order avoids that. A job already late without `new` (for want of a worker) and not pushed is
    not the new job's doing.
    """
    allowance = estimate(new)
    starts = {p.job.job_id: p.starts_at for p in before}
    worst = 0.0
    for p in after:
        if p.job is new:
            late = p.starts_at + reserved * policy.limit(new.rank) - policy.deadline(new)
        elif p.starts_at > starts.get(p.job.job_id, p.starts_at):
            late = p.starts_at - policy.deadline(p.job) - allowance
        else:
            continue
        worst = max(worst, late)
    return worst
