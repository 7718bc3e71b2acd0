"""Explicit scope: an empty owner sent to any owner-scoped RPC reaches nobody's data.

The RPCs are found from the service descriptor (every method whose request has an `owner_id`),
so an RPC added later is covered without a change here.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import pytest

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import NotFound
from soundforge.testing.job_params import job_params
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]
SERVICE = pb.DESCRIPTOR.services_by_name["LibraryService"]
# What an empty owner may get back: nothing found, or a refusal of the request itself.
REFUSALS = {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT}


def owner_scoped_methods() -> list[str]:
    return [m.name for m in SERVICE.methods if "owner_id" in m.input_type.fields_by_name]


async def owned_data(stub: Stub, settings: LibrarySettings, owner: pb.User) -> dict[str, Any]:
    """A track with a stem, an analysis and jobs, so every lookup has something real to find."""
    track = (
        await stub.CreateTrack(
            pb.CreateTrackRequest(track=pb.Track(owner_id=owner.id, title="Mine", spotify_id="s" * 22))
        )
    ).track
    separation = await stub.CreateJob(
        pb.CreateJobRequest(owner_id=owner.id, track_id=track.id, params=job_params("separation"))
    )
    analysis = await stub.CreateJob(
        pb.CreateJobRequest(owner_id=owner.id, track_id=track.id, params=job_params("analysis"))
    )
    stems = payloads_pb2.SeparationResult(
        stems=[payloads_pb2.StemOutput(name="vocals", object_key=f"users/{owner.id}/x/vocals.wav")]
    )
    bus = await EventBus.connect(settings.nats_url, "scope-test")
    try:
        await bus.publish_update(
            "separation",
            "completed",
            jobs_pb2.JobUpdate(
                job_id=separation.id, attempt=1, result=payloads_pb2.JobResult(separation=stems)
            ),
        )
        await bus.publish_update(
            "analysis",
            "completed",
            jobs_pb2.JobUpdate(
                job_id=analysis.id,
                attempt=1,
                result=payloads_pb2.JobResult(
                    analysis=payloads_pb2.AnalysisResult(
                        energy=payloads_pb2.AnalysisResult.Energy(energy=0.5)
                    )
                ),
            ),
        )
    finally:
        await bus.close()

    async def recorded() -> tuple[pb.ListStemsResponse, jobs_pb2.Job]:
        listed = await stub.ListStems(pb.ListStemsRequest(owner_id=owner.id, track_id=track.id))
        return listed, await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=analysis.id))

    listed, _done = await eventually(
        recorded,
        lambda found: bool(found[0].stems) and found[1].status == jobs_pb2.JOB_STATUS_COMPLETED,
        what="stems and analysis recorded",
    )
    return {
        "track_id": track.id,
        "job_id": analysis.id,
        "stem_id": listed.stems[0].id,
        "spotify_ids": [track.spotify_id],
        "track": pb.Track(owner_id="", title="Not mine"),
        "params": job_params("analysis"),
    }


def request_for(method: str, values: dict[str, Any], owner_id: str) -> Any:
    descriptor = SERVICE.methods_by_name[method]
    request_class = getattr(pb, descriptor.input_type.name)
    request = request_class(owner_id=owner_id)
    for name, value in values.items():
        if name not in descriptor.input_type.fields_by_name:
            continue
        field = getattr(request, name)
        if isinstance(value, list):
            field.extend(value)
        elif hasattr(field, "CopyFrom"):
            field.CopyFrom(value)
        else:
            setattr(request, name, value)
    return request


async def test_an_empty_owner_gets_nothing_from_any_owner_scoped_rpc(
    stub: Stub, raw_channel: grpc.aio.Channel, settings: LibrarySettings, make_user: UserFactory
) -> None:
    owner = await make_user()
    values = await owned_data(stub, settings, owner)
    raw = library_pb2_grpc.LibraryServiceStub(raw_channel)
    methods = owner_scoped_methods()
    assert {"GetTrack", "ListTracks", "GetStem", "GetJob", "ListJobs", "CancelJob", "DeleteTrack"} <= set(
        methods
    )

    answers: dict[str, Any] = {}
    for method in methods:
        try:
            answers[method] = await getattr(raw, method)(request_for(method, values, owner_id=""))
        except grpc.aio.AioRpcError as err:
            answers[method] = err.code()
    leaked = {method: answer for method, answer in answers.items() if answer not in REFUSALS}
    assert leaked == {}

    # The same requests with the real owner do find the data: the refusals above were the scope.
    for method in ("GetTrack", "ListStems", "GetStem", "GetTrackAnalysis", "GetJob", "FindSpotifyTracks"):
        assert await getattr(stub, method)(request_for(method, values, owner_id=owner.id))
    assert (await stub.ListTracks(request_for("ListTracks", values, owner.id))).meta.total_count == 1
    job = await stub.GetJob(pb.GetJobRequest(owner_id=owner.id, job_id=values["job_id"]))
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED  # the empty-owner cancel changed nothing


async def test_a_stranger_gets_nothing_either(
    stub: Stub, settings: LibrarySettings, make_user: UserFactory
) -> None:
    owner, stranger = await make_user(), await make_user()
    values = await owned_data(stub, settings, owner)
    for method in (
        "GetTrack",
        "ListStems",
        "GetStem",
        "GetTrackAnalysis",
        "GetJob",
        "CancelJob",
        "DeleteTrack",
    ):
        with pytest.raises(NotFound):
            await getattr(stub, method)(request_for(method, values, owner_id=stranger.id))


async def test_any_owner_is_asked_for_explicitly_and_finds_a_finished_job(
    stub: Stub, settings: LibrarySettings, make_user: UserFactory
) -> None:
    # An admin's lookup (the caller checks the role): anyone's job, finished ones too.
    owner, admin = await make_user(), await make_user()
    values = await owned_data(stub, settings, owner)
    job = await stub.GetJob(pb.GetJobRequest(owner_id=admin.id, job_id=values["job_id"], any_owner=True))
    assert job.id == values["job_id"] and job.status == jobs_pb2.JOB_STATUS_COMPLETED
    with pytest.raises(NotFound):
        await stub.GetJob(pb.GetJobRequest(owner_id=admin.id, job_id=str(uuid.uuid4()), any_owner=True))
