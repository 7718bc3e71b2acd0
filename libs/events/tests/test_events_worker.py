"""JobWorker against a real nats-server: success, permanent and transient failures, heartbeats, cancel."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable

import pytest
from nats.aio.msg import Msg

from soundforge.events import (
    REQUESTS_STREAM,
    EventBus,
    JobContext,
    JobWorker,
    PermanentJobError,
    UpdateWatcher,
)
from soundforge.events.subjects import subject
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.errors import NotFound, SoundForgeError
from soundforge.runtime.logging import job_id_var
from soundforge.testing.job_params import analysis_result, job_params

Eventually = Callable[..., Awaitable[None]]


def new_request(*features: str) -> jobs_pb2.JobRequested:
    return jobs_pb2.JobRequested(
        job_id=str(uuid.uuid4()),
        kind=jobs_pb2.JOB_KIND_ANALYSIS,
        owner_id="u1",
        track_id="t1",
        params=job_params("analysis", features=list(features)),
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
    seen: list[tuple[str, int, list[str], str | None]] = []
    result = analysis_result(tempo=120.0, key="A minor")

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        seen.append((ctx.job_id, ctx.attempt, list(ctx.params.analysis.features), job_id_var.get()))
        await ctx.progress(50, "halfway")
        return result

    worker = JobWorker(bus, service, handler, ack_wait=1.0, backoff=(0.1,))
    await worker.start()
    try:
        request = new_request("tempo", "key")
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
    assert done.result == result
    # Every update names the job's owner and kind, so a live listener can route it by itself.
    for _event, update in watcher.for_job(request.job_id):
        assert (update.owner_id, update.kind) == ("u1", jobs_pb2.JOB_KIND_ANALYSIS)
    assert seen == [(request.job_id, 1, ["tempo", "key"], request.job_id)]


@pytest.mark.parametrize(
    "error",
    [PermanentJobError("not an audio file"), NotFound("track t1 not found")],
    ids=["permanent", "not-found"],
)
async def test_permanent_error_fails_once_without_retry(
    bus: EventBus, service: str, watcher: UpdateWatcher, eventually: Eventually, error: SoundForgeError
) -> None:
    calls = 0

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
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
        info = await bus.js.consumer_info(REQUESTS_STREAM, worker.durable)
    finally:
        await worker.stop()

    # Delivered once, and gone from the work queue (settled): there is nothing left to retry.
    assert (info.delivered.consumer_seq, info.num_redelivered) == (1, 0)
    assert calls == 1
    assert watcher.events(request.job_id) == ["started", "failed"]
    assert (failed.status, failed.error, failed.attempt) == (jobs_pb2.JOB_STATUS_FAILED, str(error), 1)


async def test_transient_error_retries_then_fails_after_max_deliver(
    bus: EventBus,
    service: str,
    watcher: UpdateWatcher,
    eventually: Eventually,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[int] = []
    naks: list[float | None] = []
    real_nak = Msg.nak

    async def recorded_nak(msg: Msg, delay: float | None = None) -> None:
        naks.append(delay)
        await real_nak(msg, delay=delay)

    monkeypatch.setattr(Msg, "nak", recorded_nak)

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts.append(ctx.attempt)
        raise RuntimeError("disk hiccup")

    # ack_wait is an hour, so each redelivery below comes from a nak (bench/: after how long).
    worker = JobWorker(bus, service, handler, ack_wait=3600.0, max_deliver=3, backoff=(0.3, 0.8))
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
    assert naks == [0.3, 0.8]  # backoff[0], then backoff[1]


async def test_transient_error_then_success_completes_on_the_next_attempt(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        if ctx.attempt == 1:
            raise RuntimeError("library briefly unavailable")
        return analysis_result(duration=float(ctx.attempt))

    worker = JobWorker(bus, service, handler, ack_wait=1.0, max_deliver=3, backoff=(0.05,))
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        done = await watcher.wait_for(request.job_id, "completed")
    finally:
        await worker.stop()
    assert (done.attempt, done.result.analysis.duration.duration) == (2, 2.0)
    assert "failed" not in watcher.events(request.job_id)


@pytest.mark.parametrize("payload", [b"\xff\xff\xff", b""], ids=["garbage", "no-job-id"])
async def test_undecodable_request_is_terminated_without_running(
    bus: EventBus, service: str, eventually: Eventually, payload: bytes
) -> None:
    calls = 0

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        nonlocal calls
        calls += 1
        return payloads_pb2.JobResult()

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

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        attempts.append(ctx.attempt)
        await asyncio.sleep(3.0)  # three times ack_wait
        return payloads_pb2.JobResult()

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

    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        running.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return payloads_pb2.JobResult()

    worker = JobWorker(bus, service, handler, ack_wait=0.5)
    await worker.start()
    try:
        request = new_request()
        await bus.request_job(service, request)
        await asyncio.wait_for(running.wait(), 5.0)
        await bus.request_cancel(service, request.job_id)
        update = await watcher.wait_for(request.job_id, "cancelled")
        await eventually(lambda: settled(bus, service), 5.0)
        info = await bus.js.consumer_info(REQUESTS_STREAM, worker.durable)
    finally:
        await worker.stop()
    # Terminated: delivered once and gone from the work queue, so it never comes back.
    assert (info.delivered.consumer_seq, info.num_redelivered) == (1, 0)
    assert cancelled.is_set()
    assert update.status == jobs_pb2.JOB_STATUS_CANCELLED
    assert watcher.events(request.job_id) == ["started", "cancelled"]


async def test_a_result_of_another_kind_fails_the_job(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    async def handler(ctx: JobContext) -> payloads_pb2.JobResult:
        return payloads_pb2.JobResult(download=payloads_pb2.DownloadResult(track_id="t1"))

    worker = JobWorker(bus, service, handler, ack_wait=1.0, max_deliver=1)
    await worker.start()
    try:
        request = new_request("tempo")
        await bus.request_job(service, request)
        failed = await watcher.wait_for(request.job_id, "failed")
    finally:
        await worker.stop()
    assert "analysis job's handler returned a download result" in failed.error
    assert "completed" not in watcher.events(request.job_id)
