"""The library hands every queued job to JetStream, and keeps trying while NATS is down."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from nats.js import JetStreamContext, api

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2 as jobs
from soundforge.jobs.v1 import payloads_pb2 as payloads
from soundforge.library.app import start
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import Conflict, NotFound
from soundforge.runtime.grpc_client import open_channel
from soundforge.testing.job_params import job_params
from soundforge.testing.ports import free_port
from soundforge.testing.servers import nats_server
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="function")


class RestartableNats:
    """One nats-server address whose process the test stops and starts again (same store)."""

    def __init__(self, store: Path) -> None:
        self.port = free_port()
        self.store = store
        self.url = f"nats://127.0.0.1:{self.port}"
        self._running: contextlib.ExitStack | None = None

    def up(self) -> None:
        stack = contextlib.ExitStack()
        stack.enter_context(nats_server(self.port, self.store))
        self._running = stack

    def down(self) -> None:
        if self._running is not None:
            self._running.close()
            self._running = None


@pytest.fixture
def nats(tmp_path: Path) -> Iterator[RestartableNats]:
    server = RestartableNats(tmp_path / "nats-store")
    server.up()
    yield server
    server.down()


@pytest.fixture
def settings(nats: RestartableNats, tmp_path: Path) -> LibrarySettings:
    return LibrarySettings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'library.db'}",
        nats_url=nats.url,
        blob_url=f"file://{tmp_path / 'blobs'}",
        grpc_port=0,
        metrics_port=None,
        dispatch_retry_seconds=0.2,
    )


@contextlib.asynccontextmanager
async def running_library(settings: LibrarySettings) -> AsyncIterator[library_pb2_grpc.LibraryServiceStub]:
    service = await start(settings)
    # Long enough for a CreateJob whose publish waits out its NATS timeout.
    channel = open_channel(service.address, default_timeout=30)
    try:
        yield library_pb2_grpc.LibraryServiceStub(channel)
    finally:
        await channel.close()
        await service.stop(grace=0)


@pytest_asyncio.fixture
async def stub(settings: LibrarySettings) -> AsyncIterator[library_pb2_grpc.LibraryServiceStub]:
    async with running_library(settings) as running:
        yield running


async def analysis_requests(bus: EventBus) -> JetStreamContext.PullSubscription:
    """What the analysis worker's durable consumer would be handed."""
    config = api.ConsumerConfig(
        durable_name="analysis-worker",
        filter_subject="jobs.analysis.requested",
        ack_policy=api.AckPolicy.EXPLICIT,
    )
    await bus.js.add_consumer("JOBS", config)
    return await bus.js.pull_subscribe_bind(durable="analysis-worker", stream="JOBS")


async def take(requests: JetStreamContext.PullSubscription, wait: float) -> list[jobs.JobRequested]:
    taken: list[jobs.JobRequested] = []
    with contextlib.suppress(TimeoutError):
        for msg in await requests.fetch(10, timeout=wait):
            taken.append(jobs.JobRequested.FromString(msg.data))
            await msg.ack()
    return taken


async def new_user(stub: library_pb2_grpc.LibraryServiceStub) -> pb.User:
    user: pb.User = await stub.CreateUser(
        pb.CreateUserRequest(email="dispatch@example.com", password="pw123456")
    )
    return user


async def test_creating_a_job_publishes_its_request(
    stub: library_pb2_grpc.LibraryServiceStub, nats: RestartableNats
) -> None:
    owner = await new_user(stub)
    params = job_params("analysis", features=["tempo", "key"])
    job = await stub.CreateJob(pb.CreateJobRequest(owner_id=owner.id, track_id="t-1", params=params))
    bus = await EventBus.connect(nats.url, "dispatch-test")
    try:
        (request,) = await take(await analysis_requests(bus), wait=5)
    finally:
        await bus.close()

    assert request.job_id == job.id
    assert request.kind == jobs.JOB_KIND_ANALYSIS
    assert (request.owner_id, request.track_id) == (owner.id, "t-1")
    assert request.params == params
    assert request.enqueued_at == job.created_at


async def test_a_job_created_while_nats_is_down_is_sent_after_nats_and_the_library_restart(
    settings: LibrarySettings, nats: RestartableNats
) -> None:
    async with running_library(settings) as stub:
        owner = await new_user(stub)
        nats.down()
        # Accepted and recorded, not refused: the work is not lost because the queue is away.
        job = await stub.CreateJob(pb.CreateJobRequest(owner_id=owner.id, params=job_params("analysis")))
        assert job.status == jobs.JOB_STATUS_QUEUED
    # The library stopped with the request only in its NATS client's buffer, which is now gone.

    nats.up()
    bus = await EventBus.connect(nats.url, "dispatch-test")
    try:
        requests = await analysis_requests(bus)
        assert (await bus.js.consumer_info("JOBS", "analysis-worker")).num_pending == 0
        async with running_library(settings) as stub:
            taken = await eventually(lambda: take(requests, wait=1), within=30, what="the request resent")
            # Stored once: a resend racing the dispatch mark has the same id, which JetStream drops.
            assert (await bus.js.stream_info("JOBS")).state.last_seq == 1
            still = await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=job.id))
    finally:
        await bus.close()

    assert [r.job_id for r in taken] == [job.id]
    assert still.status == jobs.JOB_STATUS_QUEUED


async def test_cancelling_a_queued_job_withdraws_its_request(
    stub: library_pb2_grpc.LibraryServiceStub, nats: RestartableNats
) -> None:
    owner = await new_user(stub)
    cancelled = await stub.CreateJob(pb.CreateJobRequest(owner_id=owner.id, params=job_params("analysis")))
    kept = await stub.CreateJob(pb.CreateJobRequest(owner_id=owner.id, params=job_params("analysis")))
    stopped = await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=cancelled.id))
    assert stopped.status == jobs.JOB_STATUS_CANCELLED

    bus = await EventBus.connect(nats.url, "dispatch-test")
    try:
        taken = await take(await analysis_requests(bus), wait=2)
        left = (await bus.js.consumer_info("JOBS", "analysis-worker")).num_pending
    finally:
        await bus.close()

    # No worker is ever handed the cancelled one: it is not in the queue any more.
    assert [r.job_id for r in taken] == [kept.id]
    assert left == 0


async def generation_requests(bus: EventBus) -> JetStreamContext.PullSubscription:
    config = api.ConsumerConfig(
        durable_name="generation-worker",
        filter_subject="jobs.generation.requested",
        ack_policy=api.AckPolicy.EXPLICIT,
    )
    await bus.js.add_consumer("JOBS", config)
    return await bus.js.pull_subscribe_bind(durable="generation-worker", stream="JOBS")


async def test_a_generation_job_waits_in_the_library_until_released_once(
    stub: library_pb2_grpc.LibraryServiceStub, nats: RestartableNats
) -> None:
    owner = await new_user(stub)
    first, second = [
        await stub.CreateJob(
            pb.CreateJobRequest(
                owner_id=owner.id, params=job_params("generation"), priority=payloads.PRIORITY_FREE
            )
        )
        for _ in range(2)
    ]
    bus = await EventBus.connect(nats.url, "dispatch-test")
    try:
        requests = await generation_requests(bus)
        # Held: not on JetStream at creation, and not resent by the sweep (0.2 s here).
        assert await take(requests, wait=1) == []
        queue = await stub.ListGenerationQueue(pb.ListGenerationQueueRequest())
        assert [j.id for j in queue.jobs] == [first.id, second.id]
        assert not any(j.HasField("released_at") for j in queue.jobs)

        released = await stub.ReleaseJob(pb.ReleaseJobRequest(job_id=second.id))
        assert released.HasField("released_at") and released.status == jobs.JOB_STATUS_QUEUED
        # A second scheduler choosing the same job loses the race.
        with pytest.raises(Conflict):
            await stub.ReleaseJob(pb.ReleaseJobRequest(job_id=second.id))
        (request,) = await take(requests, wait=5)
        assert (request.job_id, request.priority) == (second.id, payloads.PRIORITY_FREE)

        # A cancelled job can no longer be released; an unknown one is not found.
        await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=first.id))
        with pytest.raises(Conflict):
            await stub.ReleaseJob(pb.ReleaseJobRequest(job_id=first.id))
        with pytest.raises(NotFound):
            await stub.ReleaseJob(pb.ReleaseJobRequest(job_id="no-such-job"))
        queue = await stub.ListGenerationQueue(pb.ListGenerationQueueRequest())
        assert [j.id for j in queue.jobs] == [second.id]
        assert await take(requests, wait=0.5) == []

        # Its scheduler may release it as it is created (nothing else waits, a worker is idle).
        at_once = await stub.CreateJob(
            pb.CreateJobRequest(
                owner_id=owner.id,
                params=job_params("generation"),
                priority=payloads.PRIORITY_FREE,
                release=True,
            )
        )
        assert at_once.HasField("released_at")
        (request,) = await take(requests, wait=5)
        assert request.job_id == at_once.id
        with pytest.raises(Conflict):
            await stub.ReleaseJob(pb.ReleaseJobRequest(job_id=at_once.id))
    finally:
        await bus.close()
