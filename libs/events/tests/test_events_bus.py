"""EventBus against a real nats-server: streams, deduplicated publishing, KV buckets, connect errors."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from nats.aio.msg import Msg
from nats.js import api

from soundforge.events import EVENTS_STREAM, REQUESTS_STREAM, EventBus, UpdateWatcher, subject
from soundforge.events.bus import DUPLICATE_WINDOW_SECONDS, EVENTS_MAX_AGE_SECONDS
from soundforge.jobs.v1 import jobs_pb2
from soundforge.runtime.errors import Unavailable
from soundforge.testing.ports import free_port


async def count(bus: EventBus, stream: str, subj: str) -> int:
    info = await bus.js.stream_info(stream, subjects_filter=subj)
    return (info.state.subjects or {}).get(subj, 0)


async def test_ensure_streams_is_idempotent_and_restores_the_config(bus: EventBus) -> None:
    await bus.ensure_streams()
    # Someone changed JOBS by hand: the next ensure puts the documented config back.
    await bus.js.update_stream(
        name=REQUESTS_STREAM,
        subjects=["jobs.*.requested"],
        retention=api.RetentionPolicy.WORK_QUEUE,
        duplicate_window=10,
    )
    await bus.ensure_streams()

    jobs = (await bus.js.stream_info(REQUESTS_STREAM)).config
    assert jobs.subjects == ["jobs.*.requested"]
    assert jobs.retention == api.RetentionPolicy.WORK_QUEUE
    assert jobs.duplicate_window == DUPLICATE_WINDOW_SECONDS
    events = (await bus.js.stream_info(EVENTS_STREAM)).config
    assert events.retention == api.RetentionPolicy.LIMITS
    assert events.max_age == EVENTS_MAX_AGE_SECONDS
    assert set(events.subjects or []) == {
        f"jobs.*.{e}" for e in ("started", "progress", "completed", "failed", "cancelled", "cancel_requested")
    }


async def test_request_job_is_deduplicated_by_job_id(bus: EventBus, service: str) -> None:
    first = jobs_pb2.JobRequested(job_id=str(uuid.uuid4()), kind=jobs_pb2.JOB_KIND_ANALYSIS, owner_id="u1")
    second = jobs_pb2.JobRequested(job_id=str(uuid.uuid4()), kind=jobs_pb2.JOB_KIND_ANALYSIS, owner_id="u1")
    await bus.request_job(service, first)
    await bus.request_job(service, first)  # a retried RPC
    await bus.request_job(service, second)
    assert await count(bus, REQUESTS_STREAM, subject(service, "requested")) == 2


async def test_publish_update_stamps_time_and_dedupes_per_step(
    bus: EventBus, service: str, watcher: UpdateWatcher
) -> None:
    job_id = str(uuid.uuid4())
    for percent in (10, 10, 20):
        update = jobs_pb2.JobUpdate(
            job_id=job_id, status=jobs_pb2.JOB_STATUS_PROCESSING, progress=percent, attempt=1
        )
        await bus.publish_update(service, "progress", update)
    assert await count(bus, EVENTS_STREAM, subject(service, "progress")) == 2
    seen = await watcher.wait_for(job_id, "progress")
    assert seen.at.seconds > 0
    # The core subscription sees every publish; JetStream stored each step once.
    assert [u.progress for _e, u in watcher.for_job(job_id)] == [10, 10, 20]


async def test_publish_without_a_stream_raises_unavailable(bus: EventBus) -> None:
    with pytest.raises(Unavailable, match="cannot publish"):
        await bus.publish("nowhere.at.all", jobs_pb2.JobUpdate(job_id="x"))


async def test_key_value_creates_the_bucket_once(bus: EventBus) -> None:
    bucket = f"kv{uuid.uuid4().hex[:10]}"
    kv = await bus.key_value(bucket, ttl_seconds=60)
    await kv.put("hits", b"1")
    again = await bus.key_value(bucket, ttl_seconds=5)  # existing bucket kept as is
    entry = await again.get("hits")
    assert entry.value == b"1"
    assert (await bus.js.stream_info(f"KV_{bucket}")).config.max_age == 60
    await bus.js.delete_key_value(bucket)


async def test_connect_to_nothing_raises_unavailable() -> None:
    with pytest.raises(Unavailable, match="cannot connect to NATS"):
        await EventBus.connect(
            f"nats://127.0.0.1:{free_port()}", "nobody", request_timeout=1, first_connect_wait=1.5
        )


async def test_sync_makes_a_new_subscription_see_the_next_publish(
    bus: EventBus, nats_url: str, service: str
) -> None:
    """After `sync()` the server holds the SUB: a publish from another connection reaches it.

    nats-py's own `flush()` does not promise this (its PING can overtake a queued SUB); with it in
    place of `sync()` this loop misses a message within a few rounds.
    """
    other = await EventBus.connect(nats_url, "events-tests-publisher")
    try:
        for round_ in range(100):
            received: asyncio.Queue[Msg] = asyncio.Queue()
            sub = await bus.nc.subscribe(f"{service}.probe.{round_}", cb=received.put)
            await bus.sync()
            await other.nc.publish(f"{service}.probe.{round_}", b"%d" % round_)
            msg = await asyncio.wait_for(received.get(), 5)
            assert msg.data == b"%d" % round_
            await sub.unsubscribe()
    finally:
        await other.close()
