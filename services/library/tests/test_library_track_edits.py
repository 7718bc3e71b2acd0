"""Track edits and deletion through the real library: validation over gRPC, and what deletion does to jobs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import pytest_asyncio
from nats.aio.msg import Msg

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2 as jobs
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import NotFound, ValidationFailed
from soundforge.testing.job_params import job_params
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bus(settings: LibrarySettings) -> AsyncIterator[EventBus]:
    connected = await EventBus.connect(settings.nats_url, "library-edit-tests")
    yield connected
    await connected.close()


class CancelRequests:
    """Every `jobs.*.cancel_requested` seen since `start`, as (service, job id)."""

    def __init__(self, bus: EventBus) -> None:
        self.bus = bus
        self.seen: list[tuple[str, str]] = []
        self._changed = asyncio.Condition()

    async def start(self) -> None:
        async def record(msg: Msg) -> None:
            service = msg.subject.split(".")[1]
            async with self._changed:
                self.seen.append((service, jobs.JobCancelRequested.FromString(msg.data).job_id))
                self._changed.notify_all()

        await self.bus.nc.subscribe("jobs.*.cancel_requested", cb=record)
        await self.bus.sync()

    async def wait_for(self, count: int) -> list[tuple[str, str]]:
        async with asyncio.timeout(5), self._changed:
            await self._changed.wait_for(lambda: len(self.seen) >= count)
        return sorted(self.seen)


async def add_track(stub: Stub, owner_id: str, title: str) -> pb.Track:
    created = await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(owner_id=owner_id, title=title)))
    track: pb.Track = created.track
    return track


async def new_job(stub: Stub, owner_id: str, track_id: str, kind: jobs.JobKind) -> jobs.Job:
    job: jobs.Job = await stub.CreateJob(
        pb.CreateJobRequest(owner_id=owner_id, track_id=track_id, params=job_params(kind))
    )
    return job


async def job_with(stub: Stub, owner_id: str, job_id: str, status: jobs.JobStatus) -> jobs.Job:
    async def job() -> jobs.Job:
        reply: jobs.Job = await stub.GetJob(pb.GetJobRequest(owner_id=owner_id, job_id=job_id))
        return reply

    return await eventually(job, lambda j: j.status == status, what=f"job {job_id}", interval=0.02)


async def test_update_validates_every_field_and_stores_normal_forms(
    stub: Stub, make_user: UserFactory
) -> None:
    owner = await make_user()
    track = await add_track(stub, owner.id, "Draft")

    def update(**kw: object) -> pb.UpdateTrackRequest:
        return pb.UpdateTrackRequest(owner_id=owner.id, track_id=track.id, **kw)  # type: ignore[arg-type]

    with pytest.raises(ValidationFailed) as caught:
        await stub.UpdateTrack(
            update(title=" ", bpm=401, key="H minor", tags=["ok", "x" * 41], set_tags=True)
        )
    assert set(caught.value.details) == {"title", "bpm", "key", "tags"}
    assert caught.value.details["bpm"] == ["must be between 1 and 400"]
    unchanged = await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=track.id))
    assert (unchanged.title, unchanged.HasField("bpm"), unchanged.key) == ("Draft", False, "")

    edited = await stub.UpdateTrack(
        update(
            title=" Final ",
            bpm=124.5,
            key="f# MINOR",
            tags=["Deep House", "deep house ", "Dub"],
            set_tags=True,
        )
    )
    assert (edited.title, edited.bpm, edited.key, list(edited.tags)) == (
        "Final",
        124.5,
        "F# minor",
        ["deep house", "dub"],
    )
    camelot = await stub.UpdateTrack(update(key="11b"))
    assert camelot.key == "11B"
    cleared = await stub.UpdateTrack(update(key=""))
    assert cleared.key == ""
    with pytest.raises(ValidationFailed) as both:
        await stub.UpdateTrack(update(bpm=100, clear_bpm=True))
    assert both.value.details == {"bpm": ["cannot be both set and cleared"]}
    unset = await stub.UpdateTrack(update(clear_bpm=True))
    assert (unset.HasField("bpm"), unset.title) == (False, "Final")

    # Tags are stored lower-case, so the list filter matches whatever case a client sends.
    listed = await stub.ListTracks(pb.ListTracksRequest(owner_id=owner.id, tag="DEEP House"))
    assert [t.id for t in listed.tracks] == [track.id]


async def test_cancelling_a_queued_job_also_tells_the_workers(
    stub: Stub, bus: EventBus, make_user: UserFactory
) -> None:
    owner = await make_user()
    requests = CancelRequests(bus)
    await requests.start()
    queued = await new_job(stub, owner.id, "", jobs.JOB_KIND_DOWNLOAD)
    cancelled = await stub.CancelJob(pb.CancelJobRequest(owner_id=owner.id, job_id=queued.id))
    assert cancelled.status == jobs.JOB_STATUS_CANCELLED
    # A worker may hold a queued job already (its `started` not applied yet): it must hear of it.
    assert await requests.wait_for(1) == [("ingest", queued.id)]


async def test_deleting_a_track_stops_its_work_and_keeps_job_history(
    stub: Stub, bus: EventBus, make_user: UserFactory
) -> None:
    owner = await make_user()
    doomed = await add_track(stub, owner.id, "Doomed")
    kept = await add_track(stub, owner.id, "Kept")
    queued = await new_job(stub, owner.id, doomed.id, jobs.JOB_KIND_SEPARATION)
    running = await new_job(stub, owner.id, doomed.id, jobs.JOB_KIND_ANALYSIS)
    finished = await new_job(stub, owner.id, doomed.id, jobs.JOB_KIND_ANALYSIS)
    elsewhere = await new_job(stub, owner.id, kept.id, jobs.JOB_KIND_ANALYSIS)
    await bus.publish_update("analysis", "started", jobs.JobUpdate(job_id=running.id, attempt=1))
    await bus.publish_update("analysis", "completed", jobs.JobUpdate(job_id=finished.id, attempt=1))
    await job_with(stub, owner.id, running.id, jobs.JOB_STATUS_PROCESSING)
    await job_with(stub, owner.id, finished.id, jobs.JOB_STATUS_COMPLETED)
    requests = CancelRequests(bus)
    await requests.start()

    await stub.DeleteTrack(pb.DeleteTrackRequest(owner_id=owner.id, track_id=doomed.id))

    assert await requests.wait_for(2) == sorted([("separation", queued.id), ("analysis", running.id)])
    after = {j.id: j for j in (await stub.ListJobs(pb.ListJobsRequest(owner_id=owner.id))).jobs}
    for job_id in (queued.id, running.id):
        assert after[job_id].status == jobs.JOB_STATUS_CANCELLED
        assert after[job_id].stage == "track deleted"
        assert after[job_id].HasField("finished_at")
    assert after[finished.id].status == jobs.JOB_STATUS_COMPLETED  # history is kept as it was
    # The jobs of the deleted track lose the link; the other track's keep theirs.
    assert {after[j].track_id for j in (queued.id, running.id, finished.id)} == {""}
    assert after[elsewhere.id].track_id == kept.id
    assert after[elsewhere.id].status == jobs.JOB_STATUS_QUEUED
    with pytest.raises(NotFound):
        await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=doomed.id))


async def test_another_users_delete_touches_nothing(
    stub: Stub, bus: EventBus, make_user: UserFactory
) -> None:
    owner, other = await make_user(), await make_user()
    track = await add_track(stub, owner.id, "Mine")
    job = await new_job(stub, owner.id, track.id, jobs.JOB_KIND_ANALYSIS)
    with pytest.raises(NotFound):
        await stub.DeleteTrack(pb.DeleteTrackRequest(owner_id=other.id, track_id=track.id))
    still = await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=job.id))
    assert (still.status, still.track_id) == (jobs.JOB_STATUS_QUEUED, track.id)
