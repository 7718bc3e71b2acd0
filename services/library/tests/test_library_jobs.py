"""Jobs through the real library service, moved along by updates published on real NATS JetStream."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import pytest_asyncio
from nats.aio.msg import Msg
from nats.js import api

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2 as jobs
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound, RateLimited, ValidationFailed
from soundforge.runtime.payloads import analysis_to_flat
from soundforge.testing.job_params import analysis_result, job_params
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bus(settings: LibrarySettings) -> AsyncIterator[EventBus]:
    """The test's own connection, standing in for the workers that publish updates."""
    connected = await EventBus.connect(settings.nats_url, "library-tests")
    yield connected
    await connected.close()


async def new_job(
    stub: Stub, owner_id: str, kind: jobs.JobKind = jobs.JOB_KIND_ANALYSIS, **kw: Any
) -> jobs.Job:
    params = job_params(kind) if kind else None
    job: jobs.Job = await stub.CreateJob(pb.CreateJobRequest(owner_id=owner_id, params=params, **kw))
    return job


async def wait_for_job(stub: Stub, owner_id: str, job_id: str, done: Callable[[jobs.Job], bool]) -> jobs.Job:
    async def job() -> jobs.Job:
        reply: jobs.Job = await stub.GetJob(pb.GetJobRequest(owner_id=owner_id, job_id=job_id))
        return reply

    return await eventually(job, done, what=f"job {job_id}", interval=0.02)


async def settle(stub: Stub, bus: EventBus, owner_id: str) -> None:
    """Returns once every update published so far has been handled (the consumer goes in order)."""
    marker = await new_job(stub, owner_id)
    await bus.publish_update("analysis", "started", jobs.JobUpdate(job_id=marker.id, attempt=1))
    await wait_for_job(stub, owner_id, marker.id, lambda j: j.status == jobs.JOB_STATUS_PROCESSING)


async def test_create_get_and_list_jobs(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    separation = job_params("separation", model=payloads_pb2.SEPARATION_MODEL_HTDEMUCS_6S, two_stems="vocals")
    job: jobs.Job = await stub.CreateJob(
        pb.CreateJobRequest(owner_id=owner.id, track_id="t-1", params=separation)
    )
    assert uuid.UUID(job.id)
    assert (job.kind, job.status, job.progress, job.attempts) == (
        jobs.JOB_KIND_SEPARATION,
        jobs.JOB_STATUS_QUEUED,
        0,
        0,
    )
    assert job.params == separation
    assert job.HasField("created_at")
    assert not job.HasField("started_at")
    assert await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=job.id)) == job
    with pytest.raises(NotFound):
        await stub.GetJob(pb.GetJobRequest(owner_id=other.id, job_id=job.id))
    with pytest.raises(ValidationFailed):  # no params member: no kind
        await new_job(stub, owner.id, kind=jobs.JOB_KIND_UNSPECIFIED)

    download = await new_job(stub, owner.id, kind=jobs.JOB_KIND_DOWNLOAD)
    newest = await new_job(
        stub, owner.id, kind=jobs.JOB_KIND_GENERATION, priority=payloads_pb2.PRIORITY_PREMIUM
    )
    assert newest.priority == payloads_pb2.PRIORITY_PREMIUM
    await new_job(stub, other.id)
    listed = await stub.ListJobs(pb.ListJobsRequest(owner_id=owner.id))
    assert [j.id for j in listed.jobs] == [newest.id, download.id, job.id]
    assert listed.jobs[2] == job
    assert listed.meta.total_count == 3
    by_kind = await stub.ListJobs(pb.ListJobsRequest(owner_id=owner.id, kind=jobs.JOB_KIND_DOWNLOAD))
    assert [j.id for j in by_kind.jobs] == [download.id]
    await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=download.id))
    by_status = await stub.ListJobs(pb.ListJobsRequest(owner_id=owner.id, status=jobs.JOB_STATUS_QUEUED))
    assert {j.id for j in by_status.jobs} == {job.id, newest.id}
    everyone = await stub.ListJobs(pb.ListJobsRequest(all_owners=True, page=pb.Page(page_size=100)))
    assert {owner.id, other.id} <= {j.owner_id for j in everyone.jobs}
    with pytest.raises(InvalidArgument):
        await stub.ListJobs(pb.ListJobsRequest())


def counted(reply: pb.CountJobsResponse) -> dict[tuple[int, int], int]:
    return {(c.kind, c.status): c.count for c in reply.counts}


async def test_count_jobs_by_kind_and_status_for_one_owner_or_all(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    await new_job(stub, owner.id)
    cancelled = await new_job(stub, owner.id)
    await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=cancelled.id))
    await new_job(stub, owner.id, kind=jobs.JOB_KIND_DOWNLOAD)
    before = counted(await stub.CountJobs(pb.CountJobsRequest(all_owners=True)))
    await new_job(stub, other.id, kind=jobs.JOB_KIND_DOWNLOAD)

    mine = counted(await stub.CountJobs(pb.CountJobsRequest(owner_id=owner.id)))
    assert mine == {
        (jobs.JOB_KIND_ANALYSIS, jobs.JOB_STATUS_QUEUED): 1,
        (jobs.JOB_KIND_ANALYSIS, jobs.JOB_STATUS_CANCELLED): 1,
        (jobs.JOB_KIND_DOWNLOAD, jobs.JOB_STATUS_QUEUED): 1,
    }
    everyone = counted(await stub.CountJobs(pb.CountJobsRequest(all_owners=True)))
    queued_downloads = (jobs.JOB_KIND_DOWNLOAD, jobs.JOB_STATUS_QUEUED)
    assert everyone[queued_downloads] == before[queued_downloads] + 1
    assert sum(everyone.values()) == sum(before.values()) + 1
    with pytest.raises(InvalidArgument):
        await stub.CountJobs(pb.CountJobsRequest())


async def test_updates_move_a_job_to_completed_and_record_the_analysis(
    stub: Stub, bus: EventBus, make_user: UserFactory
) -> None:
    owner = await make_user()
    created = await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(owner_id=owner.id, title="Tune")))
    track_id = created.track.id
    job = await new_job(stub, owner.id, track_id=track_id)

    await bus.publish_update("analysis", "started", jobs.JobUpdate(job_id=job.id, attempt=1, stage="loading"))
    await bus.publish_update("analysis", "progress", jobs.JobUpdate(job_id=job.id, progress=40, attempt=1))
    result = analysis_result(tempo=120.0, tempo_confidence=0.9, key="C major", key_confidence=0.8)
    await bus.publish_update("analysis", "completed", jobs.JobUpdate(job_id=job.id, result=result, attempt=1))
    done = await wait_for_job(stub, owner.id, job.id, lambda j: j.status == jobs.JOB_STATUS_COMPLETED)
    assert (done.progress, done.attempts, done.stage) == (100, 1, "loading")
    assert done.result == result
    assert done.HasField("started_at")
    assert done.HasField("finished_at")

    analysis = await stub.GetTrackAnalysis(pb.GetTrackAnalysisRequest(owner_id=owner.id, track_id=track_id))
    assert (analysis.job_id, analysis.result) == (job.id, result.analysis)
    flat = {"tempo": 120.0, "beats": [], "tempo_confidence": 0.9, "key": "C major", "camelot": None}
    flat["key_confidence"] = 0.8
    assert analysis_to_flat(analysis.result) == flat

    # A late progress (and a repeated failure) after completion must not move the job back.
    await bus.publish_update("analysis", "progress", jobs.JobUpdate(job_id=job.id, progress=70, attempt=2))
    await bus.publish_update("analysis", "failed", jobs.JobUpdate(job_id=job.id, error="late", attempt=2))
    await settle(stub, bus, owner.id)
    assert await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=job.id)) == done


async def test_progress_never_decreases_and_failures_are_recorded(
    stub: Stub, bus: EventBus, make_user: UserFactory
) -> None:
    owner = await make_user()
    download = await new_job(stub, owner.id, kind=jobs.JOB_KIND_DOWNLOAD)
    started = jobs.JobUpdate(job_id=download.id, status=jobs.JOB_STATUS_DOWNLOADING, attempt=1)
    await bus.publish_update("ingest", "started", started)
    await bus.publish_update("ingest", "progress", jobs.JobUpdate(job_id=download.id, progress=60, attempt=1))
    await bus.publish_update("ingest", "progress", jobs.JobUpdate(job_id=download.id, progress=30, attempt=1))
    await settle(stub, bus, owner.id)
    job = await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=download.id))
    assert (job.status, job.progress) == (jobs.JOB_STATUS_DOWNLOADING, 60)

    failed = jobs.JobUpdate(job_id=download.id, error="host unreachable", attempt=1)
    await bus.publish_update("ingest", "failed", failed)
    job = await wait_for_job(stub, owner.id, download.id, lambda j: j.status == jobs.JOB_STATUS_FAILED)
    assert (job.error, job.progress) == ("host unreachable", 60)
    assert job.HasField("finished_at")


async def test_cancel_rules(stub: Stub, bus: EventBus, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    queued = await new_job(stub, owner.id, kind=jobs.JOB_KIND_PIPELINE)
    with pytest.raises(NotFound):
        await stub.CancelJob(pb.CancelJobRequest(owner_id=other.id, job_id=queued.id))
    cancelled = await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=queued.id))
    assert cancelled.status == jobs.JOB_STATUS_CANCELLED
    assert cancelled.HasField("finished_at")
    with pytest.raises(Conflict, match="job already finished"):
        await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=queued.id))

    # A running pipeline job: its worker (separation) is asked to stop.
    requests: asyncio.Queue[jobs.JobCancelRequested] = asyncio.Queue()

    async def on_cancel(msg: Msg) -> None:
        await requests.put(jobs.JobCancelRequested.FromString(msg.data))

    sub = await bus.nc.subscribe("jobs.separation.cancel_requested", cb=on_cancel)
    try:
        running = await new_job(stub, owner.id, kind=jobs.JOB_KIND_PIPELINE)
        await bus.publish_update("separation", "started", jobs.JobUpdate(job_id=running.id, attempt=1))
        await wait_for_job(stub, owner.id, running.id, lambda j: j.status == jobs.JOB_STATUS_PROCESSING)
        stopped = await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=running.id))
        assert stopped.status == jobs.JOB_STATUS_CANCELLED
        request = await asyncio.wait_for(requests.get(), timeout=5)
        assert request.job_id == running.id
    finally:
        await sub.unsubscribe()

    # The worker's own "cancelled" (or a last "completed") after that changes nothing.
    await bus.publish_update("separation", "completed", jobs.JobUpdate(job_id=running.id, attempt=1))
    await settle(stub, bus, owner.id)
    assert (
        await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=running.id))
    ).status == jobs.JOB_STATUS_CANCELLED

    finished = await new_job(stub, owner.id)
    await bus.publish_update("analysis", "completed", jobs.JobUpdate(job_id=finished.id, attempt=1))
    await wait_for_job(stub, owner.id, finished.id, lambda j: j.status == jobs.JOB_STATUS_COMPLETED)
    with pytest.raises(Conflict):
        await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=finished.id))


async def test_a_request_out_of_deliveries_fails_its_job(
    stub: Stub, bus: EventBus, make_user: UserFactory
) -> None:
    owner = await make_user()
    job = await new_job(stub, owner.id)
    # A copy of the job's request on a subject of this test's own, so no other consumer overlaps
    # this work queue (no msg id: the library's own request already used the job id).
    service = f"librarytest{uuid.uuid4().hex[:8]}"
    subject = f"jobs.{service}.requested"
    await bus.publish(subject, jobs.JobRequested(job_id=job.id, owner_id=owner.id))
    durable = f"{service}-worker"
    config = api.ConsumerConfig(
        durable_name=durable,
        filter_subject=subject,
        ack_policy=api.AckPolicy.EXPLICIT,
        ack_wait=0.3,
        max_deliver=1,
    )
    await bus.js.add_consumer("JOBS", config)
    try:
        worker = await bus.js.pull_subscribe_bind(durable=durable, stream="JOBS")
        (msg,) = await worker.fetch(1, timeout=5)
        assert jobs.JobRequested.FromString(msg.data).job_id == job.id
        # ... and the "worker" dies without settling it: JetStream gives up after ack_wait.
        failed = await wait_for_job(stub, owner.id, job.id, lambda j: j.status == jobs.JOB_STATUS_FAILED)
        assert failed.error == "worker gave up after 1 deliveries"
    finally:
        await bus.js.delete_consumer("JOBS", durable)


async def test_the_generation_queue_sums_recent_arrivals_per_class_and_model(
    stub: Stub, make_user: UserFactory
) -> None:
    """Admission reserves for the classes above a job from these sums (finished jobs count too)."""

    async def arrivals(window: float) -> dict[tuple[int, int], tuple[int, float]]:
        reply = await stub.ListGenerationQueue(pb.ListGenerationQueueRequest(arrivals_window_seconds=window))
        return {(a.priority, a.model): (a.jobs, a.seconds) for a in reply.arrivals}

    before = await arrivals(600)
    owner = await make_user()
    made = [
        await stub.CreateJob(
            pb.CreateJobRequest(
                owner_id=owner.id,
                params=job_params("generation", prompt="p", model=model, duration=duration),
                priority=priority,
            )
        )
        for priority, model, duration in [
            (payloads_pb2.PRIORITY_PREMIUM, payloads_pb2.GENERATION_MODEL_MUSIC, 3),
            (payloads_pb2.PRIORITY_PREMIUM, payloads_pb2.GENERATION_MODEL_MUSIC, 4),
            (payloads_pb2.PRIORITY_FREE, payloads_pb2.GENERATION_MODEL_AUDIO, 5),
        ]
    ]
    await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=made[0].id))
    after = await arrivals(600)
    added = {
        key: (jobs_ - before.get(key, (0, 0.0))[0], seconds - before.get(key, (0, 0.0))[1])
        for key, (jobs_, seconds) in after.items()
        if after[key] != before.get(key)
    }
    assert added == {
        (payloads_pb2.PRIORITY_PREMIUM, payloads_pb2.GENERATION_MODEL_MUSIC): (2, 7.0),
        (payloads_pb2.PRIORITY_FREE, payloads_pb2.GENERATION_MODEL_AUDIO): (1, 5.0),
    }
    await asyncio.sleep(0.2)
    assert await arrivals(0.05) == {}  # the window is the last 50 ms: none of them
    assert (await stub.ListGenerationQueue(pb.ListGenerationQueueRequest())).arrivals == []  # not asked


async def test_concurrent_generation_creates_never_pass_the_owners_waiting_cap(
    stub: Stub, make_user: UserFactory
) -> None:
    """Count and insert share one transaction under the owner's row lock: of 8 simultaneous creates
    with a cap of 5, exactly 5 are queued (before, two could both count 4 and both insert)."""
    owner, other = await make_user(), await make_user()
    params = job_params(jobs.JOB_KIND_GENERATION)

    async def create(owner_id: str) -> jobs.Job | RateLimited:
        try:
            job: jobs.Job = await stub.CreateJob(
                pb.CreateJobRequest(owner_id=owner_id, params=params, max_waiting_per_owner=5)
            )
        except RateLimited as refused:
            return refused
        return job

    results = await asyncio.gather(*(create(owner.id) for _ in range(8)))
    created = [r for r in results if isinstance(r, jobs.Job)]
    refused = [r for r in results if isinstance(r, RateLimited)]
    assert (len(created), len(refused)) == (5, 3)
    assert all("you already have 5 generations waiting (at most 5)" in r.message for r in refused)
    assert all(r.details["retry_after"] >= 1 for r in refused)
    # The cap is the owner's: another owner is not counted against it, and no cap means none.
    assert isinstance(await create(other.id), jobs.Job)
    await stub.CreateJob(pb.CreateJobRequest(owner_id=owner.id, params=params))
    for job in created:
        await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=job.id))
    assert isinstance(await create(owner.id), jobs.Job)  # cancelled jobs no longer wait
