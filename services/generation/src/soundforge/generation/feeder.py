"""Keeps one worker process fed: when it can take a job, it releases the next one by the rule.

Waiting generation jobs are held in the library; JetStream only ever holds released ones, which
the workers' shared durable consumer hands out first come first served. So a free worker first
lets its fetch take anything already released (or redelivered after a worker died); only when
nothing is, it takes a snapshot of the queue, `choose`s the job the rule gives a worker with its
models loaded, and releases it (a compare-and-set in the library: of two workers choosing the
same job one wins, the other chooses again). The released request then reaches a free fetch,
normally this worker's own within milliseconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from soundforge.events import JobWorker
from soundforge.generation.queue import GenerationQueue
from soundforge.generation.scheduling import QueuePolicy, choose
from soundforge.runtime.errors import Conflict, NotFound, SoundForgeError
from soundforge.runtime.tasks import cancel_task

log = logging.getLogger(__name__)

# A released job reaches a fetch within milliseconds (the library's outbox publishes it, a free
# fetch takes it) but is not yet counted by JetStream meanwhile. One released this recently and not
# started is taken to be on its way to a free worker, ours perhaps; an older one is stuck with a
# worker that died before starting it (redelivered after ack_wait) and must not stall the queue.
_TRANSIT_SECONDS = 2.0


class Feeder:
    def __init__(
        self,
        queue: GenerationQueue,
        release: Callable[[str], Awaitable[object]],
        worker: JobWorker,
        loaded: Callable[[], frozenset[str]],
        policy: QueuePolicy,
        unclaimed: Callable[[], Awaitable[int]],
        poll_seconds: float = 2.0,
    ) -> None:
        self._queue = queue
        self._release = release
        self._worker = worker
        self._loaded = loaded
        self._policy = policy
        self._unclaimed = unclaimed
        self._poll = poll_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """Something was queued (or a worker freed up): look again now, not at the next poll."""
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="generation-feeder")

    async def stop(self) -> None:
        if self._task is not None:
            await cancel_task(self._task)
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self._step()
            except asyncio.CancelledError:
                raise
            except Exception as err:  # the queue or NATS away: keep trying, the worker still runs
                log.warning("generation feeder: %s", err if isinstance(err, SoundForgeError) else repr(err))
                await asyncio.sleep(1.0)

    async def _step(self) -> None:
        if self._worker.in_hand >= self._worker.concurrency:
            await self._worker.wait_for_change(self._poll)
            return
        if await self._unclaimed() > 0:
            # Released already (by us or a busy worker): a free fetch, ours included, takes it.
            await self._worker.wait_for_change(0.2)
            return
        self._wake.clear()  # before the snapshot: a job queued after it wakes the wait below
        snapshot = await self._queue.snapshot()
        if self._worker.in_hand >= self._worker.concurrency or (
            snapshot.now - snapshot.last_release < _TRANSIT_SECONDS
        ):
            # Our worker took a job during the snapshot, or one released just now is on its way to
            # a free worker: releasing another would fix its place before later arrivals are seen.
            await self._worker.wait_for_change(0.2)
            return
        job = choose(snapshot.held, snapshot.now, self._loaded(), self._policy, snapshot.speeds)
        if job is None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll)
            return
        try:
            await self._release(job.job_id)
        except (Conflict, NotFound):
            return  # another worker took it, or it was cancelled: choose again
        await self._worker.wait_for_change(1.0)
