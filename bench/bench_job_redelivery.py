"""How soon JetStream hands a job to another worker: after a graceful stop, a crash, and a retry.

The tests (libs/events/tests) prove what happens; this prints when, against the goal each
mechanism promises:
* a worker stopped past its grace naks the job, so another takes it at once (goal: well under
  ack_wait, here <= 0.1x);
* a worker that dies says nothing, so JetStream waits out ack_wait (goal: ~1x, between 1x and 1.5x);
* a failed attempt is retried after its backoff (goal: each gap between backoff and backoff + 0.5 s).
Run: `make bench` (or .venv/bin/python bench/bench_job_redelivery.py).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
import uuid

from soundforge.events import EventBus, JobContext, JobWorker, UpdateWatcher
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.testing import servers

ACK_WAIT = 2.0
BACKOFF = (0.3, 0.8)


def new_request() -> jobs_pb2.JobRequested:
    return jobs_pb2.JobRequested(job_id=str(uuid.uuid4()), kind=jobs_pb2.JOB_KIND_ANALYSIS, owner_id="bench")


async def hang(ctx: JobContext) -> payloads_pb2.JobResult:
    await asyncio.Event().wait()
    return payloads_pb2.JobResult()


async def finish(ctx: JobContext) -> payloads_pb2.JobResult:
    return payloads_pb2.JobResult()


async def handed_over(nats_url: str, bus: EventBus, watcher: UpdateWatcher, crash: bool) -> float:
    """Seconds from the first worker going away (stopped, or its connection dropped) to the
    second finishing the job."""
    service = f"b{uuid.uuid4().hex[:10]}"
    first_bus = await EventBus.connect(nats_url, "bench-first")
    first = JobWorker(first_bus, service, hang, ack_wait=ACK_WAIT)
    await first.start()
    request = new_request()
    await bus.request_job(service, request)
    await watcher.wait_for(request.job_id, "started")
    if crash:
        await first_bus.nc.close()
    else:
        await first.stop(grace=0.1)
    gone = time.perf_counter()
    second = JobWorker(bus, service, finish, ack_wait=ACK_WAIT)
    await second.start()
    try:
        await watcher.wait_for(request.job_id, "completed", 10 * ACK_WAIT)
        return time.perf_counter() - gone
    finally:
        await second.stop()
        await first.stop(grace=0)
        await first_bus.close()


async def retry_gaps(bus: EventBus, watcher: UpdateWatcher) -> list[float]:
    """Seconds between one attempt failing and the next starting (ack_wait is an hour: only the
    nak's delay can bring it back)."""
    service = f"b{uuid.uuid4().hex[:10]}"
    attempts_at: list[float] = []

    async def flaky(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts_at.append(time.perf_counter())
        raise RuntimeError("disk hiccup")

    worker = JobWorker(bus, service, flaky, ack_wait=3600.0, max_deliver=3, backoff=BACKOFF)
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        await watcher.wait_for(request.job_id, "failed", 10.0)
    finally:
        await worker.stop()
    return [later - earlier for earlier, later in itertools.pairwise(attempts_at)]


async def main() -> None:
    logging.disable(logging.CRITICAL)  # the failures and dropped connections are the point here
    with servers.nats_server() as nats_url:
        bus = await EventBus.connect(nats_url, "bench")
        await bus.ensure_streams()
        watcher = UpdateWatcher(bus)
        await watcher.start()
        try:
            stopped = await handed_over(nats_url, bus, watcher, crash=False)
            crashed = await handed_over(nats_url, bus, watcher, crash=True)
            gaps = await retry_gaps(bus, watcher)
        finally:
            await watcher.stop()
            await bus.close()
    print(f"ack_wait: {ACK_WAIT:.1f} s")
    print(
        f"stopped worker -> job done elsewhere: {stopped:.2f} s, ratio to ack_wait {stopped / ACK_WAIT:.2f}"
    )
    print("  (goal: <= 0.1: the stop's nak returns it at once)")
    print(
        f"crashed worker -> job done elsewhere: {crashed:.2f} s, ratio to ack_wait {crashed / ACK_WAIT:.2f}"
    )
    print("  (goal: between 1 and 1.5: JetStream waits out ack_wait, then redelivers)")
    for backoff, gap in zip(BACKOFF, gaps, strict=False):
        print(
            f"retry after backoff {backoff:.1f} s: {gap:.2f} s"
            f"  (goal: {backoff:.1f} to {backoff + 0.5:.1f} s)"
        )


if __name__ == "__main__":
    asyncio.run(main())
