"""JobWorker lifecycle: restart with new settings, graceful stop, and a dead worker's job redelivered."""

from __future__ import annotations

import asyncio
import uuid

from soundforge.events import EventBus, JobContext, JobWorker, UpdateWatcher
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2


def new_request() -> jobs_pb2.JobRequested:
    return jobs_pb2.JobRequested(job_id=str(uuid.uuid4()), kind=jobs_pb2.JOB_KIND_SEPARATION, owner_id="u1")


async def test_restarting_with_new_settings_updates_the_durable_consumer(bus: EventBus, service: str) -> None:
    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        return payloads_pb2.JobResult()

    before = JobWorker(bus, service, handler, ack_wait=1.0, max_deliver=3)
    await before.start()
    await before.stop()
    after = JobWorker(bus, service, handler, ack_wait=7.0, max_deliver=5)
    await after.start()
    try:
        config = (await bus.js.consumer_info("JOBS", after.durable)).config
    finally:
        await after.stop()
    assert (config.ack_wait, config.max_deliver) == (7.0, 5)
    assert config.filter_subject == f"jobs.{service}.requested"
    assert after.durable == f"{service}-worker"


async def test_stop_waits_for_the_running_job_to_finish(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    release = asyncio.Event()

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        await release.wait()
        return payloads_pb2.JobResult(separation=payloads_pb2.SeparationResult(stems=[]))

    worker = JobWorker(bus, service, handler, ack_wait=1.0)
    await worker.start()
    request = new_request()
    await bus.request_job(service, request)
    await watcher.wait_for(request.job_id, "started")
    asyncio.get_running_loop().call_later(0.3, release.set)
    await worker.stop(grace=5.0)

    done = await watcher.wait_for(request.job_id, "completed")
    assert done.attempt == 1
    info = await bus.js.consumer_info("JOBS", worker.durable)
    assert info.num_ack_pending == 0


async def test_stop_past_the_grace_hands_the_job_to_another_worker_at_once(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    attempts: list[int] = []
    # An hour: should the job come back within the test, only the stop's nak can have returned it.
    ack_wait = 3600.0

    running = asyncio.Event()

    async def stuck(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts.append(ctx.attempt)
        running.set()
        await asyncio.Event().wait()
        return payloads_pb2.JobResult()

    async def quick(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts.append(ctx.attempt)
        return payloads_pb2.JobResult()

    first = JobWorker(bus, service, stuck, ack_wait=ack_wait)
    await first.start()
    request = new_request()
    await bus.request_job(service, request)
    await asyncio.wait_for(running.wait(), 5.0)
    await first.stop(grace=0.2)

    second = JobWorker(bus, service, quick, ack_wait=ack_wait)
    await second.start()
    try:
        done = await watcher.wait_for(request.job_id, "completed", 30.0)
    finally:
        await second.stop()
    # Redelivered long before ack_wait: the stop nak'd it (bench/bench_job_redelivery.py: how soon).
    assert attempts == [1, 2]
    assert done.attempt == 2


async def test_a_dead_worker_job_is_redelivered_after_ack_wait(
    nats_url: str, bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    ack_wait = 1.0
    attempts: list[int] = []

    running = asyncio.Event()

    async def hangs(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts.append(ctx.attempt)
        running.set()
        await asyncio.Event().wait()
        return payloads_pb2.JobResult()

    async def finishes(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts.append(ctx.attempt)
        return payloads_pb2.JobResult()

    doomed_bus = await EventBus.connect(nats_url, "doomed-worker")
    doomed = JobWorker(doomed_bus, service, hangs, ack_wait=ack_wait)
    await doomed.start()
    request = new_request()
    await bus.request_job(service, request)
    await asyncio.wait_for(running.wait(), 5.0)
    await doomed_bus.nc.close()  # the process is gone: no heartbeat, no ack, no nak
    held = await bus.js.consumer_info("JOBS", doomed.durable)

    survivor = JobWorker(bus, service, finishes, ack_wait=ack_wait)
    await survivor.start()
    try:
        done = await watcher.wait_for(request.job_id, "completed", 30 * ack_wait)
    finally:
        await survivor.stop()
        await doomed.stop(grace=0)
    # Nobody acked or terminated the first delivery; JetStream gave it to the survivor once
    # ack_wait ran out (bench/bench_job_redelivery.py: after how long).
    assert (held.num_ack_pending, held.num_redelivered) == (1, 0)
    assert attempts == [1, 2]
    assert done.attempt == 2
