"""JobWorker against a real nats-server: success, permanent and transient failures, heartbeats, cancel."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from soundforge.events import (
    REQUESTS_STREAM,
    EventBus,
    JobContext,
    JobWorker,
    PermanentJobError,
    UpdateWatcher,
)
from soundforge.events.subjects import subject
from soundforge.jobs.v1 import jobs_pb2
from soundforge.runtime.convert import dict_from_struct, struct_from_dict
from soundforge.runtime.errors import NotFound, SoundForgeError
from soundforge.runtime.logging import job_id_var

Eventually = Callable[..., Awaitable[None]]


def new_request(**params: Any) -> jobs_pb2.JobRequested:
    return jobs_pb2.JobRequested(
        job_id=str(uuid.uuid4()),
        kind=jobs_pb2.JOB_KIND_ANALYSIS,
        owner_id="u1",
        track_id="t1",
        params=struct_from_dict(params),
    )


async def settled(bus: EventBus, service: str) -> bool:
    """Nothing pending, unacked or left in the work queue for this service's worker."""
    info = await bus.js.consumer_info(REQUESTS_STREAM, f"{service}-worker")
    stream = await bus.js.stream_info(REQUESTS_STREAM, subjects_filter=subject(service, "requested"))
    left = (stream.state.subjects or {}).get(subject(service, "requested"), 0)
    return info.num_ack_pending == 0 and info.num_pending == 0 and left == 0


async def test_success_publishes_started_and_completed_then_acks(
    bus: EventBus, service: str, watcher: UpdateWatcher, eventually: Eventually
) -> None:
    seen: list[tuple[str, int, dict[str, Any], str | None]] = []

    async def handler(ctx: JobContext) -> dict[str, Any]:
        seen.append((ctx.job_id, ctx.attempt, ctx.params, job_id_var.get()))
        await ctx.progress(50, "halfway")
        return {"bpm": 120.0, "key": "A minor"}

    worker = JobWorker(bus, service, handler, ack_wait=1.0, backoff=(0.1,))
    await worker.start()
    try:
        request = new_request(depth=2)
        await bus.request_job(service, request)
        done = await watcher.wait_for(request.job_id, "completed")
        await eventually(lambda: settled(bus, service), 5.0)
    finally:
        await worker.stop()

    assert watcher.events(request.job_id) == ["started", "progress", "completed"]
    started, progress, _ = (u for _e, u in watcher.for_job(request.job_id))
    assert (started.status, started.attempt) == (jobs_pb2.JOB_STATUS_PROCESSING, 1)
    assert (progress.progress, progress.stage) == (50, "halfway")
    assert (done.status, done.progress, done.attempt) == (jobs_pb2.JOB_STATUS_COMPLETED, 100, 1)
    assert dict_from_struct(done.result) == {"bpm": 120.0, "key": "A minor"}
    assert seen == [(request.job_id, 1, {"depth": 2}, request.job_id)]


@pytest.mark.parametrize(
    "error",
    [PermanentJobError("not an audio file"), NotFound("track t1 not found")],
    ids=["permanent", "not-found"],
)
async def test_permanent_error_fails_once_without_retry(
    bus: EventBus, service: str, watcher: UpdateWatcher, eventually: Eventually, error: SoundForgeError
) -> None:
    calls = 0

    async def handler(ctx: JobContext) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        raise error

    worker = JobWorker(bus, service, handler, ack_wait=0.5, max_deliver=3, backoff=(0.05,))
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        failed = await watcher.wait_for(request.job_id, "failed")
        await eventually(lambda: settled(bus, service), 5.0)
        await asyncio.sleep(0.7)  # past ack_wait and the backoff: a retry would have started by now
    finally:
        await worker.stop()

    assert calls == 1
    assert watcher.events(request.job_id) == ["started", "failed"]
    assert (failed.status, failed.error, failed.attempt) == (jobs_pb2.JOB_STATUS_FAILED, str(error), 1)


async def test_transient_error_retries_then_fails_after_max_deliver(
    bus: EventBus, service: str, watcher: UpdateWatcher, eventually: Eventually
) -> None:
    attempts: list[int] = []

    async def handler(ctx: JobContext) -> dict[str, Any]:
        attempts.append(ctx.attempt)
        raise RuntimeError("disk hiccup")

    # ack_wait is longer than any backoff, so each redelivery below comes from the nak's delay.
    worker = JobWorker(bus, service, handler, ack_wait=3.0, max_deliver=3, backoff=(0.3, 0.8))
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        failed = await watcher.wait_for(request.job_id, "failed", 10.0)
        await eventually(lambda: settled(bus, service), 5.0)
    finally:
        await worker.stop()

    assert attempts == [1, 2, 3]
    assert watcher.events(request.job_id) == [
        "started",
        "progress",
        "started",
        "progress",
        "started",
        "failed",
    ]
    retries = [u for e, u in watcher.for_job(request.job_id) if e == "progress"]
    assert [(u.attempt, u.stage) for u in retries] == [
        (1, "retrying after error: disk hiccup"),
        (2, "retrying after error: disk hiccup"),
    ]
    assert (failed.attempt, failed.error) == (3, "failed after 3 attempts: disk hiccup")
    starts = [u for e, u in watcher.for_job(request.job_id) if e == "started"]
    gaps = [
        (start.at.ToNanoseconds() - retry.at.ToNanoseconds()) / 1e9
        for retry, start in zip(retries, starts[1:], strict=True)
    ]
    assert 0.25 <= gaps[0] < 0.8 <= gaps[1] < 2.5, gaps  # backoff[0], then backoff[1]


async def test_transient_error_then_success_completes_on_the_next_attempt(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    async def handler(ctx: JobContext) -> dict[str, Any]:
        if ctx.attempt == 1:
            raise RuntimeError("library briefly unavailable")
        return {"attempt": ctx.attempt}

    worker = JobWorker(bus, service, handler, ack_wait=1.0, max_deliver=3, backoff=(0.05,))
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        done = await watcher.wait_for(request.job_id, "completed")
    finally:
        await worker.stop()
    assert (done.attempt, dict_from_struct(done.result)) == (2, {"attempt": 2})
    assert "failed" not in watcher.events(request.job_id)


@pytest.mark.parametrize("payload", [b"\xff\xff\xff", b""], ids=["garbage", "no-job-id"])
async def test_undecodable_request_is_terminated_without_running(
    bus: EventBus, service: str, eventually: Eventually, payload: bytes
) -> None:
    calls = 0

    async def handler(ctx: JobContext) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        return {}

    worker = JobWorker(bus, service, handler, ack_wait=0.5)
    await worker.start()
    try:
        await bus.js.publish(subject(service, "requested"), payload)
        await eventually(lambda: settled(bus, service), 5.0)
    finally:
        await worker.stop()
    assert calls == 0


async def test_heartbeats_keep_a_long_job_to_one_delivery(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    attempts: list[int] = []

    async def handler(ctx: JobContext) -> dict[str, Any]:
        attempts.append(ctx.attempt)
        await asyncio.sleep(3.0)  # three times ack_wait
        return {}

    # A second slot would pick up a redelivery while the first delivery is still running.
    worker = JobWorker(bus, service, handler, ack_wait=1.0, concurrency=2)
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        done = await watcher.wait_for(request.job_id, "completed", 10.0)
        info = await bus.js.consumer_info(REQUESTS_STREAM, worker.durable)
    finally:
        await worker.stop()
    assert attempts == [1]
    assert done.attempt == 1
    assert info.num_redelivered == 0


async def test_cancel_request_stops_the_running_handler(
    bus: EventBus, service: str, watcher: UpdateWatcher, eventually: Eventually
) -> None:
    running, cancelled = asyncio.Event(), asyncio.Event()

    async def handler(ctx: JobContext) -> dict[str, Any]:
        running.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return {}

    worker = JobWorker(bus, service, handler, ack_wait=0.5)
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        await asyncio.wait_for(running.wait(), 5.0)
        await bus.request_cancel(service, request.job_id)
        update = await watcher.wait_for(request.job_id, "cancelled")
        await eventually(lambda: settled(bus, service), 5.0)
        await asyncio.sleep(0.7)  # past ack_wait: a terminated message stays gone
    finally:
        await worker.stop()
    assert cancelled.is_set()
    assert update.status == jobs_pb2.JOB_STATUS_CANCELLED
    assert watcher.events(request.job_id) == ["started", "cancelled"]
