"""The generation queue through the real service: positions are the start order, admission,
identity, validation, results in the library, and a job surviving its worker.

The engine here is a fake of our own GenerationEngine protocol (a tone at 50 tokens/s) that the
test can hold, because what is under test is the queue; the AudioCraft engine has its own tests
on tiny real models.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
import pytest_asyncio
import soundfile
from grpc_health.v1 import health_pb2, health_pb2_grpc

from soundforge.generation.app import start as start_generation
from soundforge.generation.queue import GenerationQueue
from soundforge.generation.servicer import SERVICE_NAME
from soundforge.generation.settings import GenerationSettings
from soundforge.generation.v1 import generation_pb2 as gen
from soundforge.generation.v1 import generation_pb2_grpc
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import TERMINAL_STATUSES
from soundforge.runtime.errors import NotFound, PermissionDenied, RateLimited, ValidationFailed
from soundforge.runtime.grpc_client import open_channel
from soundforge.runtime.service import RunningService
from soundforge.runtime.vocabulary import PRIORITIES
from soundforge.storage import LocalBlobStore
from soundforge.testing.tone_engine import RATE, ToneEngine
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="module")


@dataclass
class Stack:
    generation: generation_pb2_grpc.GenerationServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    store: LocalBlobStore
    engine: ToneEngine
    settings: GenerationSettings
    address: str
    library_service: RunningService
    blobs: str

    async def user(self, plan: str = "standard", role: str = "") -> library_pb2.User:
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(
                email=f"{uuid.uuid4().hex[:10]}@example.com", password="pw-123456", role=role
            )
        )
        if plan != "standard":
            user = await self.library.UpdateUser(library_pb2.UpdateUserRequest(user_id=user.id, plan=plan))
        return user

    async def submit(
        self,
        user: library_pb2.User,
        prompt: str,
        *,
        priority: int = payloads_pb2.PRIORITY_UNSPECIFIED,
        duration: int = 2,
        model: int = payloads_pb2.GENERATION_MODEL_MUSIC,
        owner_id: str = "",
        **fields: object,
    ) -> gen.QueuedJob:
        params = payloads_pb2.GenerationParams(prompt=prompt, duration=duration, model=model, **fields)  # type: ignore[arg-type]
        reply: gen.QueuedJob = await self.generation.Generate(
            gen.GenerateRequest(
                caller=jobs_pb2.Caller(user_id=user.id, admin=user.role == "admin"),
                owner_id=owner_id,
                params=params,
                priority=priority,  # type: ignore[arg-type]
            )
        )
        return reply

    async def finished(self, owner_id: str, job_id: str) -> jobs_pb2.Job:
        async def job() -> jobs_pb2.Job:
            reply: jobs_pb2.Job = await self.library.GetJob(
                library_pb2.GetJobRequest(owner_id=owner_id, job_id=job_id)
            )
            return reply

        return await eventually(
            job, lambda j: j.status in TERMINAL_STATUSES, within=60, what=f"job {job_id} ended"
        )

    async def queue(self, viewer: library_pb2.User | None = None) -> gen.GetQueueResponse:
        caller = (
            jobs_pb2.Caller(user_id=viewer.id, admin=viewer.role == "admin") if viewer else jobs_pb2.Caller()
        )
        reply: gen.GetQueueResponse = await self.generation.GetQueue(gen.GetQueueRequest(caller=caller))
        return reply

    async def idle(self) -> None:
        """Nothing waiting or running (earlier tests' jobs done)."""
        await eventually(self.queue, lambda q: not q.jobs, within=60, what="the queue drained")


def settings_for(
    library: RunningService, nats_url: str, blobs: str, **overrides: object
) -> GenerationSettings:
    values: dict[str, object] = {
        "library_addr": library.address,
        "analysis_addr": "127.0.0.1:9",  # none here: clips are stored without a spectrogram
        "nats_url": nats_url,
        "blob_url": blobs,
        "grpc_port": 0,
        "metrics_port": None,
        "ack_wait_seconds": 5.0,
        "registry_ttl_seconds": 3.0,
        "feeder_poll_seconds": 0.5,
        "max_waiting_per_user": 3,
        "queue_limit_free": 4,
        # Long limits: nothing ages during a test unless the test says so.
        "wait_limit_free_seconds": 3600.0,
        "wait_limit_standard_seconds": 3600.0,
        "wait_limit_premium_seconds": 3600.0,
        "wait_limit_admin_seconds": 3600.0,
    }
    values.update(overrides)
    return GenerationSettings(**values)  # type: ignore[arg-type]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stack(nats_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    root = tmp_path_factory.mktemp("generation")
    blobs = f"file://{root / 'blobs'}"
    library = await start_library(
        LibrarySettings(
            database_url=f"sqlite+aiosqlite:///{root / 'library.db'}",
            nats_url=nats_url,
            blob_url=blobs,
            grpc_port=0,
        )
    )
    engine = ToneEngine()
    settings = settings_for(library, nats_url, blobs, worker_id="worker-a")
    generation = await start_generation(settings, engine)
    channel, gen_channel = open_channel(library.address), open_channel(generation.address)
    yield Stack(
        generation_pb2_grpc.GenerationServiceStub(gen_channel),
        library_pb2_grpc.LibraryServiceStub(channel),
        LocalBlobStore(Path(root / "blobs")),
        engine,
        settings,
        generation.address,
        library,
        blobs,
    )
    engine.gate.set()
    await gen_channel.close()
    await channel.close()
    await generation.stop(1.0)
    await library.stop(0)


async def test_a_generation_is_stored_reported_and_in_the_community_library(stack: Stack) -> None:
    user = await stack.user()
    queued = await stack.submit(user, "warm synth pad", duration=3)
    assert (
        queued.job.status == jobs_pb2.JOB_STATUS_QUEUED
        and queued.job.priority == payloads_pb2.PRIORITY_STANDARD
    )
    job = await stack.finished(user.id, queued.job.id)

    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    result = job.result.generation
    assert result.filename == f"{job.id}.wav"
    assert result.audio_key == f"users/{user.id}/generations/{job.id}.wav"
    audio, rate = soundfile.read(
        io.BytesIO(b"".join([chunk async for chunk in stack.store.get_stream(result.audio_key)]))
    )
    assert (rate, len(audio)) == (RATE, 3 * RATE)
    assert result.duration == pytest.approx(3.0)
    assert 0 <= result.quality_score <= 100
    generation = await stack.library.GetGenerationFile(
        library_pb2.GetGenerationFileRequest(
            viewer=jobs_pb2.Caller(user_id=user.id), audio_filename=result.filename
        )
    )
    assert (generation.prompt, generation.user_id, generation.quality_score) == (
        "warm synth pad",
        user.id,
        result.quality_score,
    )


async def test_announced_positions_are_the_order_in_which_jobs_start(stack: Stack) -> None:
    await stack.idle()
    users = {plan: await stack.user(plan) for plan in ("free", "standard", "premium")}
    admin = await stack.user("standard", role="admin")
    stack.engine.gate.clear()
    blocker = await stack.submit(users["standard"], "blocker")
    await eventually(
        lambda: asyncio.sleep(0, stack.engine.started), lambda s: "blocker" in s, what="worker held"
    )

    mix = [
        ("free", "f1"),
        ("standard", "s1"),
        ("premium", "p1"),
        ("admin", "a1"),
        ("free", "f2"),
        ("premium", "p2"),
        ("standard", "s2"),
        ("admin", "a2"),
    ]
    for plan, prompt in mix:
        owner = admin if plan == "admin" else users[plan]
        await stack.submit(
            owner if plan != "free" else await stack.user("free"),
            prompt,
            priority=PRIORITIES.value(plan, "priority"),
        )
    queue = await stack.queue(admin)
    announced = {q.job.params.generation.prompt: q.position for q in queue.jobs}
    assert announced.pop("blocker") == 0 and queue.current_job_id == blocker.job.id
    by_position = sorted(announced, key=announced.__getitem__)
    assert by_position == ["a1", "a2", "p1", "p2", "s1", "s2", "f1", "f2"]
    assert [announced[p] for p in by_position] == list(range(1, 9))
    waits = [q.estimated_wait_seconds for q in sorted(queue.jobs, key=lambda q: q.position)]
    assert waits == sorted(waits) and waits[-1] > 0

    before = len(stack.engine.started)
    stack.engine.gate.set()
    await eventually(
        lambda: asyncio.sleep(0, stack.engine.started), lambda s: len(s) == before + 8, within=60
    )
    assert stack.engine.started[before:] == by_position


async def test_admission_limits_answer_429_with_a_retry_after(stack: Stack) -> None:
    await stack.idle()
    stack.engine.gate.clear()
    try:
        user = await stack.user()
        await stack.submit(user, "hold the worker")
        await eventually(lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold the worker" in s)
        for i in range(3):  # max_waiting_per_user
            await stack.submit(user, f"mine {i}")
        with pytest.raises(RateLimited) as caught:
            await stack.submit(user, "one too many")
        assert caught.value.details["retry_after"] >= 1

        for i in range(4):  # queue_limit_free, from four other users
            await stack.submit(await stack.user("free"), f"free {i}")
        with pytest.raises(RateLimited) as full:
            await stack.submit(await stack.user("free"), "free class full")
        assert "free queue is full" in full.value.message
    finally:
        stack.engine.gate.set()
    await stack.idle()


async def test_concurrent_submits_keep_the_per_user_cap_and_distinct_positions(stack: Stack) -> None:
    """8 submits at once by one user behind a held worker: exactly max_waiting_per_user (3) are
    queued, at positions 1, 2, 3 (QA saw the cap passed and positions 1, 2, 2, 3, 3, 4)."""
    await stack.idle()
    stack.engine.gate.clear()
    try:
        user = await stack.user()
        await stack.submit(user, "hold the worker")
        await eventually(lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold the worker" in s)

        async def submit(i: int) -> gen.QueuedJob | RateLimited:
            try:
                return await stack.submit(user, f"flood {i}")
            except RateLimited as refused:
                return refused

        results = await asyncio.gather(*(submit(i) for i in range(8)))
        queued = [r for r in results if isinstance(r, gen.QueuedJob)]
        refused = [r for r in results if isinstance(r, RateLimited)]
        assert sorted(q.position for q in queued) == [1, 2, 3]
        assert len(refused) == 5
        assert all("(at most 3)" in r.message and r.details["retry_after"] >= 1 for r in refused)
        mine = [q for q in (await stack.queue(user)).jobs if q.job.owner_id == user.id and q.position]
        assert len(mine) == 3
    finally:
        stack.engine.gate.set()
    await stack.idle()


async def test_the_librarys_count_holds_the_per_user_cap_when_a_snapshot_misses_jobs(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another replica's admissions are not in this one's snapshot: with the snapshot's own count
    out of the way (as if it had missed them), the library's count-and-insert still refuses the
    fourth waiting job, and the 429 keeps a retry_after from the snapshot."""
    monkeypatch.setattr(GenerationQueue, "_admit", lambda self, snapshot, owner_id, rank: None)
    await stack.idle()
    stack.engine.gate.clear()
    try:
        user = await stack.user()
        await stack.submit(user, "hold the worker")
        await eventually(lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold the worker" in s)
        for i in range(3):  # max_waiting_per_user
            await stack.submit(user, f"mine {i}")
        with pytest.raises(RateLimited) as caught:
            await stack.submit(user, "one too many")
        assert caught.value.message == "you already have 3 generations waiting (at most 3)"
        assert caught.value.details["retry_after"] >= 1
        mine = [q for q in (await stack.queue(user)).jobs if q.job.owner_id == user.id and q.position]
        assert len(mine) == 3
    finally:
        stack.engine.gate.set()
    await stack.idle()


async def test_a_job_the_plan_would_start_past_its_limit_is_refused_with_a_retry_after(
    stack: Stack, nats_url: str
) -> None:
    # A front replica (RPCs only, sharing the queue and the worker) whose classes may wait 25 s
    # and whose jobs are estimated at 10 s each. Admin jobs first: no class above them, so no room
    # is kept for one. The worker's running job ends in ~10 s, the next two start at ~10 and ~20 s
    # (within 25 s), a third would start at ~30 s.
    front = await start_generation(
        settings_for(
            stack.library_service,
            nats_url,
            stack.blobs,
            worker_enabled=False,
            job_overhead_seconds=10.0,
            default_seconds_per_second=0.01,  # the tone engine's speed, measured or not: ~0
            wait_limit_admin_seconds=25.0,
            wait_limit_standard_seconds=25.0,
        ),
        ToneEngine(),
    )
    channel = open_channel(front.address)
    via_front = dataclasses.replace(stack, generation=generation_pb2_grpc.GenerationServiceStub(channel))
    admin = payloads_pb2.PRIORITY_ADMIN
    await stack.idle()
    stack.engine.gate.clear()
    try:
        await stack.submit(await stack.user(), "hold the worker")
        await eventually(lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold the worker" in s)
        admitted = [
            await via_front.submit(await stack.user(role="admin"), f"in time {i}", priority=admin)
            for i in range(2)
        ]
        assert [q.position for q in admitted] == [1, 2]
        assert [round(q.estimated_wait_seconds / 10) for q in admitted] == [1, 2]
        with pytest.raises(RateLimited) as late:
            await via_front.submit(await stack.user(role="admin"), "too late", priority=admin)
        assert "past the waiting limit" in late.value.message
        assert 1 <= late.value.details["retry_after"] <= 10
        queue = await stack.queue()
        assert "too late" not in {q.job.params.generation.prompt for q in queue.jobs}
        # The service whose limits are an hour admits it: the refusal is the deadline's, not a count.
        await stack.submit(await stack.user(role="admin"), "an hour is enough", priority=admin)
    finally:
        stack.engine.gate.set()
    try:
        await stack.idle()
        # An idle worker and an empty queue, but three admin jobs (~30 s of work by the front's
        # estimate) came in the last 25 s: a standard job keeps room for as much again while it may
        # wait, 30 s against its 25 s -- refused; an admin job is not.
        await via_front.submit(await stack.user(role="admin"), "admin again", priority=admin)
        with pytest.raises(RateLimited) as crowded:
            await via_front.submit(await stack.user(), "standard behind admins")
        assert "this standard job" in crowded.value.message
    finally:
        await channel.close()
        await front.stop(1.0)
    await stack.idle()


async def test_identity_and_class_come_from_the_caller(stack: Stack) -> None:
    free, other = await stack.user("free"), await stack.user()
    admin = await stack.user(role="admin")
    with pytest.raises(PermissionDenied):
        await stack.submit(free, "too high", priority=payloads_pb2.PRIORITY_PREMIUM)
    with pytest.raises(PermissionDenied):
        await stack.submit(free, "for someone else", owner_id=other.id)
    stack.engine.gate.clear()  # jobs stay unfinished: an admin finds anyone's waiting job
    try:
        await stack.submit(admin, "hold the worker for identities")
        await eventually(
            lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold the worker for identities" in s
        )
        lower = await stack.submit(other, "asks below its class", priority=payloads_pb2.PRIORITY_FREE)
        assert lower.job.priority == payloads_pb2.PRIORITY_FREE
        defaulted = await stack.submit(free, "free default")
        assert defaulted.job.priority == payloads_pb2.PRIORITY_FREE
        for_other = await stack.submit(admin, "an admin acting for a user", owner_id=other.id)
        assert for_other.job.owner_id == other.id
        # Someone else's job is not found; its owner and an admin see it.
        with pytest.raises(NotFound):
            await stack.generation.GetGenerationJob(
                gen.GetGenerationJobRequest(caller=jobs_pb2.Caller(user_id=free.id), job_id=for_other.job.id)
            )
        for caller in (jobs_pb2.Caller(user_id=admin.id, admin=True), jobs_pb2.Caller(user_id=other.id)):
            seen = await stack.generation.GetGenerationJob(
                gen.GetGenerationJobRequest(caller=caller, job_id=lower.job.id)
            )
            assert seen.job.id == lower.job.id and seen.position >= 1
    finally:
        stack.engine.gate.set()
    await stack.idle()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"prompt": "  "}, "prompt"),
        ({"prompt": "x" * 1001}, "prompt"),
        ({"duration": 0}, "duration"),
        ({"duration": 121}, "duration"),
        ({"model": payloads_pb2.GENERATION_MODEL_UNSPECIFIED}, "model"),
        ({"model": payloads_pb2.GENERATION_MODEL_MAGNET_MUSIC, "duration": 11}, "duration"),
    ],
)
async def test_bad_requests_name_the_field_and_queue_nothing(
    stack: Stack, fields: dict[str, object], field: str
) -> None:
    user = await stack.user()
    values: dict[str, object] = {
        "prompt": "fine",
        "duration": 2,
        "model": payloads_pb2.GENERATION_MODEL_MUSIC,
    }
    values.update(fields)
    prompt = str(values.pop("prompt"))
    with pytest.raises(ValidationFailed) as caught:
        await stack.submit(user, prompt, **values)  # type: ignore[arg-type]
    assert field in caught.value.details
    assert not [q for q in (await stack.queue(user)).jobs if q.job.owner_id == user.id]


async def test_status_reports_models_and_the_queue(stack: Stack) -> None:
    await stack.idle()
    status = await eventually(
        lambda: stack.generation.GetStatus(gen.GetStatusRequest()),
        lambda s: any(m.state == gen.MODEL_STATE_READY for m in s.models),
        what="a model reported ready",
    )
    states = {m.model: m.state for m in status.models}
    assert states[payloads_pb2.GENERATION_MODEL_MUSIC] == gen.MODEL_STATE_READY
    assert states[payloads_pb2.GENERATION_MODEL_MAGNET_AUDIO] == gen.MODEL_STATE_PENDING
    assert not status.gpu.available and status.queue_length == 0
    assert status.estimated_wait_seconds >= 0


async def test_queue_views_show_whose_a_job_is_only_to_its_owner(stack: Stack) -> None:
    await stack.idle()
    stack.engine.gate.clear()
    try:
        owner, stranger = await stack.user(), await stack.user()
        await stack.submit(owner, "hold")
        await eventually(lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold" in s)
        mine = await stack.submit(owner, "a secret prompt", private=True)
        as_owner = {q.job.id: q for q in (await stack.queue(owner)).jobs}
        as_stranger = {q.job.id: q for q in (await stack.queue(stranger)).jobs}
        anonymous = {q.job.id: q for q in (await stack.queue()).jobs}
        assert as_owner[mine.job.id].job.owner_id == owner.id
        assert as_owner[mine.job.id].job.params.generation.prompt == "a secret prompt"
        for view in (as_stranger, anonymous):
            assert view[mine.job.id].job.owner_id == ""
            assert view[mine.job.id].job.params.generation.prompt == ""
            assert view[mine.job.id].position == as_owner[mine.job.id].position == 1
    finally:
        stack.engine.gate.set()
    await stack.idle()


async def test_a_cancelled_waiting_job_never_starts(stack: Stack) -> None:
    await stack.idle()
    stack.engine.gate.clear()
    try:
        user = await stack.user()
        await stack.submit(user, "hold on")
        await eventually(lambda: asyncio.sleep(0, stack.engine.started), lambda s: "hold on" in s)
        doomed = await stack.submit(user, "never to be")
        kept = await stack.submit(user, "to be")
        await stack.library.CancelJob(library_pb2.CancelJobRequest(owner_id=user.id, job_id=doomed.job.id))
    finally:
        stack.engine.gate.set()
    assert (await stack.finished(user.id, kept.job.id)).status == jobs_pb2.JOB_STATUS_COMPLETED
    assert "never to be" not in stack.engine.started


async def test_health_says_serving_once_the_worker_runs(stack: Stack) -> None:
    async with grpc.aio.insecure_channel(stack.address) as channel:
        reply = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=SERVICE_NAME)
        )
    assert reply.status == health_pb2.HealthCheckResponse.SERVING
