"""The library's side: the durable update consumer and the max-deliveries advisory watcher."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import nats.errors
from nats.aio.msg import Msg
from nats.js import api

from soundforge.events import (
    EVENTS_STREAM,
    REQUESTS_STREAM,
    EventBus,
    MaxDeliveriesConsumer,
    UpdateConsumer,
    subject,
)
from soundforge.events.subjects import ADVISORIES_STREAM
from soundforge.jobs.v1 import jobs_pb2

Eventually = Callable[..., Awaitable[None]]
Seen = list[tuple[str, str, int]]


def update(job_id: str, status: jobs_pb2.JobStatus, progress: int = 0) -> jobs_pb2.JobUpdate:
    return jobs_pb2.JobUpdate(job_id=job_id, status=status, progress=progress, attempt=1)


async def publish_story(bus: EventBus, service: str, first: str, second: str) -> None:
    """Two jobs whose updates interleave on the wire."""
    processing, completed, failed = (
        jobs_pb2.JOB_STATUS_PROCESSING,
        jobs_pb2.JOB_STATUS_COMPLETED,
        jobs_pb2.JOB_STATUS_FAILED,
    )
    await bus.publish_update(service, "started", update(first, processing))
    await bus.publish_update(service, "started", update(second, processing))
    await bus.publish_update(service, "progress", update(first, processing, 10))
    await bus.publish_update(service, "progress", update(second, processing, 10))
    await bus.publish_update(service, "progress", update(first, processing, 60))
    await bus.publish_update(service, "completed", update(first, completed, 100))
    await bus.publish_update(service, "failed", update(second, failed, 10))


def recorder(service: str, seen: Seen) -> Callable[[str, str, jobs_pb2.JobUpdate], Awaitable[None]]:
    async def handle(svc: str, event: str, upd: jobs_pb2.JobUpdate) -> None:
        if svc == service:  # the stream also holds other tests' updates
            seen.append((upd.job_id, event, upd.progress))

    return handle


def of(seen: Seen, job_id: str) -> list[tuple[str, int]]:
    return [(event, progress) for jid, event, progress in seen if jid == job_id]


async def test_update_consumer_delivers_each_job_in_order_and_resumes_after_restart(
    bus: EventBus, service: str, eventually: Eventually
) -> None:
    first, second, third = (str(uuid.uuid4()) for _ in range(3))
    seen: Seen = []
    consumer = UpdateConsumer(bus, recorder(service, seen), durable=f"{service}-updates")
    await consumer.start()
    await publish_story(bus, service, first, second)

    async def all_seen() -> bool:
        return len(seen) == 7

    await eventually(all_seen, 5.0)
    await consumer.stop()
    assert of(seen, first) == [("started", 0), ("progress", 10), ("progress", 60), ("completed", 100)]
    assert of(seen, second) == [("started", 0), ("progress", 10), ("failed", 10)]

    # Published while the library is down: the durable consumer picks up where it stopped.
    await bus.publish_update(service, "started", update(third, jobs_pb2.JOB_STATUS_PROCESSING))
    restarted = UpdateConsumer(bus, recorder(service, seen), durable=f"{service}-updates")
    await restarted.start()
    try:

        async def third_seen() -> bool:
            return len(seen) == 8

        await eventually(third_seen, 5.0)

        async def all_acked() -> bool:
            info = await bus.js.consumer_info(EVENTS_STREAM, restarted.durable)
            return info.num_pending == 0 and info.num_ack_pending == 0

        # Everything in the stream is delivered and acked: nothing acked earlier can come back.
        await eventually(all_acked, 5.0)
    finally:
        await restarted.stop()
    assert seen[-1] == (third, "started", 0)
    assert len(seen) == 8


async def test_update_consumer_retries_an_update_whose_handler_failed(
    bus: EventBus, service: str, eventually: Eventually
) -> None:
    calls: list[str] = []

    async def flaky(svc: str, event: str, upd: jobs_pb2.JobUpdate) -> None:
        if svc != service:
            return
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("database is restarting")

    consumer = UpdateConsumer(bus, flaky, durable=f"{service}-updates", retry_delay=0.2)
    await consumer.start()
    try:
        job_id = str(uuid.uuid4())
        await bus.publish_update(service, "completed", update(job_id, jobs_pb2.JOB_STATUS_COMPLETED, 100))

        async def retried() -> bool:
            return len(calls) == 2

        await eventually(retried, 5.0)
        info = await bus.js.consumer_info("JOB_EVENTS", consumer.durable)
    finally:
        await consumer.stop()
    assert calls == ["completed", "completed"]
    assert info.num_redelivered <= 1


async def test_a_request_out_of_deliveries_is_reported_even_if_nobody_listened_then(
    bus: EventBus, service: str, eventually: Eventually
) -> None:
    reported: asyncio.Queue[tuple[jobs_pb2.JobRequested, int]] = asyncio.Queue()

    async def on_gave_up(request: jobs_pb2.JobRequested, deliveries: int) -> None:
        await reported.put((request, deliveries))

    # A worker that dies on every delivery: takes the message and never settles it.
    durable = f"{service}-worker"
    await bus.js.add_consumer(
        REQUESTS_STREAM,
        api.ConsumerConfig(
            name=durable,
            durable_name=durable,
            filter_subject=subject(service, "requested"),
            ack_policy=api.AckPolicy.EXPLICIT,
            ack_wait=0.3,
            max_deliver=2,
        ),
    )
    pull = await bus.js.pull_subscribe_bind(durable=durable, stream=REQUESTS_STREAM)

    async def never_ack() -> None:
        while True:
            with contextlib.suppress(nats.errors.TimeoutError):
                await pull.fetch(1, timeout=0.5)

    request = jobs_pb2.JobRequested(
        job_id=str(uuid.uuid4()), kind=jobs_pb2.JOB_KIND_GENERATION, owner_id="u1"
    )
    await bus.request_job(service, request)
    dying = asyncio.create_task(never_ack())

    async def advisory_kept() -> bool:
        return (await bus.js.stream_info(ADVISORIES_STREAM)).state.messages > 0

    consumer = MaxDeliveriesConsumer(bus, on_gave_up, durable=f"{service}-max-deliveries")
    try:
        # The library is down when JetStream gives up; the stream keeps the advisory for it.
        await eventually(advisory_kept, 10.0)
        await consumer.start()
        async with asyncio.timeout(10):
            got, deliveries = await reported.get()
            while got.job_id != request.job_id:
                got, deliveries = await reported.get()
    finally:
        dying.cancel()
        await asyncio.gather(dying, return_exceptions=True)
        await consumer.stop()
        await pull.unsubscribe()

    assert (got.job_id, got.owner_id, deliveries) == (request.job_id, "u1", 2)

    async def removed() -> bool:
        info = await bus.js.stream_info(REQUESTS_STREAM, subjects_filter=subject(service, "requested"))
        advisories = await bus.js.stream_info(ADVISORIES_STREAM)
        return (
            not (info.state.subjects or {}).get(subject(service, "requested"))
            and advisories.state.messages == 0
        )

    await eventually(removed, 5.0)
    await bus.js.delete_consumer(ADVISORIES_STREAM, consumer.durable)


async def test_the_fetch_loop_survives_errors_nats_py_lets_out(
    bus: EventBus, service: str, eventually: Eventually
) -> None:
    """nats-py's fetch() can raise a bare TimeoutError (its event loop ran late) or anything else;
    the consumer must keep fetching, or the library would stop applying job updates for good."""
    seen: Seen = []
    consumer = UpdateConsumer(bus, recorder(service, seen), durable=f"{service}-survivor", fetch_timeout=0.2)
    await consumer.start()
    sub = consumer._sub
    assert sub is not None
    real_fetch = sub.fetch
    surprises: list[BaseException] = [TimeoutError(), RuntimeError("odd"), TimeoutError()]

    async def flaky_fetch(*args: Any, **kwargs: Any) -> list[Msg]:
        if surprises:
            raise surprises.pop(0)
        return await real_fetch(*args, **kwargs)

    sub.fetch = flaky_fetch  # type: ignore[method-assign]
    job_id = str(uuid.uuid4())
    try:
        await bus.publish_update(service, "started", update(job_id, jobs_pb2.JOB_STATUS_PROCESSING))

        async def applied() -> bool:
            return of(seen, job_id) == [("started", 0)]

        await eventually(applied, 10.0)
    finally:
        await consumer.stop()
    assert surprises == []
