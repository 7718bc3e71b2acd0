"""JobWorker lifecycle: restart with new settings, graceful stop, and a dead worker's job redelivered."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

from soundforge.events import EventBus, JobContext, JobWorker, UpdateWatcher
from soundforge.jobs.v1 import jobs_pb2


def new_request() -> jobs_pb2.JobRequested:
    return jobs_pb2.JobRequested(job_id=str(uuid.uuid4()), kind=jobs_pb2.JOB_KIND_SEPARATION, owner_id="u1")


async def test_restarting_with_new_settings_updates_the_durable_consumer(bus: EventBus, service: str) -> None:
    async def handler(ctx: JobContext) -> dict[str, Any]:
        return {}

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

    async def handler(ctx: JobContext) -> dict[str, Any]:
        await release.wait()
        return {"stems": 4}

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
    ack_wait = 5.0

    running = asyncio.Event()

    async def stuck(ctx: JobContext) -> dict[str, Any]:
        attempts.append(ctx.attempt)
        running.set()
        await asyncio.Event().wait()
        return {}

    async def quick(ctx: JobContext) -> dict[str, Any]:
        attempts.append(ctx.attempt)
        return {}

    first = JobWorker(bus, service, stuck, ack_wait=ack_wait)
    await first.start()
    request = new_request()
    await bus.request_job(service, request)
    await asyncio.wait_for(running.wait(), 5.0)
    await first.stop(grace=0.2)

    second = JobWorker(bus, service, quick, ack_wait=ack_wait)
    stopped_at = time.monotonic()
    await second.start()
    try:
        done = await watcher.wait_for(request.job_id, "completed", ack_wait)
    finally:
        await second.stop()
    # The nak on stop made it redeliverable at once, not after ack_wait.
    assert time.monotonic() - stopped_at < ack_wait / 2
    assert attempts == [1, 2]
    assert done.attempt == 2


async def test_a_dead_worker_job_is_redelivered_after_ack_wait(
    nats_url: str, bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    ack_wait = 1.0
    attempts: list[int] = []

    running = asyncio.Event()

    async def hangs(ctx: JobContext) -> dict[str, Any]:
        attempts.append(ctx.attempt)
        running.set()
        await asyncio.Event().wait()
        return {}

    async def finishes(ctx: JobContext) -> dict[str, Any]:
        attempts.append(ctx.attempt)
        return {"ok": True}

    doomed_bus = await EventBus.connect(nats_url, "doomed-worker")
    doomed = JobWorker(doomed_bus, service, hangs, ack_wait=ack_wait)
    await doomed.start()
    request = new_request()
    await bus.request_job(service, request)
    await asyncio.wait_for(running.wait(), 5.0)
    await doomed_bus.nc.close()  # the process is gone: no heartbeat, no ack, no nak
    died_at = time.monotonic()

    survivor = JobWorker(bus, service, finishes, ack_wait=ack_wait)
    await survivor.start()
    try:
        done = await watcher.wait_for(request.job_id, "completed", 5 * ack_wait)
        waited = time.monotonic() - died_at
    finally:
        await survivor.stop()
        await doomed.stop(grace=0)
    assert attempts == [1, 2]
    assert done.attempt == 2
    assert waited > ack_wait * 0.5  # JetStream waited for the ack deadline before redelivering
