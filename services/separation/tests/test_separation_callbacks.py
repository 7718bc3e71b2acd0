"""Pipeline callbacks: the job record POSTed, signed, retried, never where the SSRF rules say no."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
import soundfile

from soundforge.events import EventBus
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.app import start as start_library
from soundforge.library.client import LibraryClient
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.grpc_client import open_channel
from soundforge.runtime.pipeline_records import pipeline_job_json
from soundforge.separation.app import start as start_separation
from soundforge.separation.callbacks import STAGE_INFOS, PipelineCallbacks, start_callbacks
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc
from soundforge.storage import LocalBlobStore
from soundforge.testing import servers
from soundforge.testing.waiting import eventually
from soundforge.testing.webhook_receiver import Post, WebhookReceiver, webhook_receiver

pytestmark = pytest.mark.asyncio(loop_scope="module")

SECRET = "test-callback-secret"
MAX_ATTEMPTS = 3
CALLBACK_SETTINGS: dict[str, Any] = {
    "callback_secret": SECRET,
    "callback_allowed_hosts": "127.0.0.1",
    "callback_timeout_seconds": 5.0,
    "callback_max_attempts": MAX_ATTEMPTS,
    "callback_retry_seconds": 0.1,
    "callback_retry_max_seconds": 0.5,
}
_DONE, _FAILED, _PENDING = (
    payloads_pb2.STAGE_STATUS_COMPLETED,
    payloads_pb2.STAGE_STATUS_FAILED,
    payloads_pb2.STAGE_STATUS_PENDING,
)
# How the four stages stand when a job ends: all done, or the second failed and the rest never ran.
STAGE_STATUSES = {"completed": [_DONE] * 4, "failed": [_DONE, _FAILED, _PENDING, _PENDING]}


@pytest.fixture(scope="module")
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as receiver:
        yield receiver


def signed(post: Post) -> bool:
    return post.signed_with(SECRET)


@dataclass
class Hooks:
    bus: EventBus
    library: library_pb2_grpc.LibraryServiceStub
    receiver: WebhookReceiver

    async def new_owner(self) -> str:
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(
                email=f"{uuid.uuid4().hex[:10]}@example.com", password="a-long-password"
            )
        )
        return str(user.id)

    async def pipeline_job(self, owner: str, callback_url: str) -> jobs_pb2.Job:
        """A queued pipeline job (no worker runs here: the test says how it ends)."""
        params = payloads_pb2.JobParams(pipeline=payloads_pb2.PipelineParams(callback_url=callback_url))
        job: jobs_pb2.Job = await self.library.CreateJob(
            library_pb2.CreateJobRequest(owner_id=owner, params=params)
        )
        return job

    async def end(self, job: jobs_pb2.Job, event: str, *, attempt: int = 1, error: str = "") -> None:
        book = payloads_pb2.PipelineResult()
        for stage, status in enumerate(STAGE_STATUSES[event], start=1):
            record = book.stages.add(stage=stage, status=status)
            if status != payloads_pb2.STAGE_STATUS_PENDING:
                record.started_at.FromSeconds(1_700_000_000 + stage)
                record.completed_at.FromSeconds(1_700_000_001 + stage)
                record.duration_seconds = 1.0
            if status == payloads_pb2.STAGE_STATUS_FAILED:
                record.error = error
        if event == "completed":
            book.outputs.add(name="vocals", object_key=f"users/{job.owner_id}/x/vocals.wav")
        update = jobs_pb2.JobUpdate(
            job_id=job.id,
            owner_id=job.owner_id,
            kind=jobs_pb2.JOB_KIND_PIPELINE,
            status=jobs_pb2.JOB_STATUS_COMPLETED if event == "completed" else jobs_pb2.JOB_STATUS_FAILED,
            progress=100 if event == "completed" else 40,
            error=error,
            attempt=attempt,
            result=payloads_pb2.JobResult(pipeline=book),
        )
        await self.bus.publish_update("separation", event, update)

    async def job(self, job: jobs_pb2.Job) -> jobs_pb2.Job:
        reply: jobs_pb2.Job = await self.library.GetJob(
            library_pb2.GetJobRequest(owner_id=job.owner_id, job_id=job.id)
        )
        return reply

    async def posts(self, path: str, count: int) -> list[Post]:
        async def seen() -> list[Post]:
            return self.receiver.received(path)

        return await eventually(seen, lambda p: len(p) >= count, within=30, what=f"{count} POSTs to {path}")

    async def settled(self) -> None:
        """Every update published so far has been handled: the consumer goes in stream order, so once
        a later job's callback arrived, earlier updates were settled (or nak'd for a retry)."""
        owner = await self.new_owner()
        path = f"/sentinel/{uuid.uuid4().hex}"
        await self.end(await self.pipeline_job(owner, self.receiver.url(path)), "completed")
        await self.posts(path, 1)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def hooks(
    nats_url: str, tmp_path_factory: pytest.TempPathFactory, receiver: WebhookReceiver
) -> AsyncIterator[Hooks]:
    """The library and the callbacks consumer as the separation service wires it (no pipeline worker)."""
    root = tmp_path_factory.mktemp("callbacks")
    library = await start_library(
        LibrarySettings(
            database_url=f"sqlite+aiosqlite:///{root / 'library.db'}",
            nats_url=nats_url,
            blob_url=f"file://{root / 'blobs'}",
            grpc_port=0,
        )
    )
    bus = await EventBus.connect(nats_url, "separation-callbacks-tests")
    channel = open_channel(library.address)
    settings = SeparationSettings(library_addr=library.address, nats_url=nats_url, **CALLBACK_SETTINGS)
    callbacks = await start_callbacks(bus, LibraryClient(channel), settings)
    assert isinstance(callbacks, PipelineCallbacks)
    yield Hooks(bus, library_pb2_grpc.LibraryServiceStub(channel), receiver)
    await callbacks.stop(1.0)
    await channel.close()
    await bus.close()
    await library.stop(0)


def hook_path() -> str:
    return f"/hooks/{uuid.uuid4().hex}"


async def test_a_completed_pipeline_posts_its_record_once_signed(hooks: Hooks) -> None:
    owner = await hooks.new_owner()
    path = hook_path()
    job = await hooks.pipeline_job(owner, hooks.receiver.url(path))
    await hooks.end(job, "completed")
    [post] = await hooks.posts(path, 1)
    assert signed(post)
    assert post.headers["X-SoundForge-Event"] == "job.completed"
    assert post.headers["Content-Type"] == "application/json"
    assert post.headers["Host"] == f"127.0.0.1:{hooks.receiver.port}"
    record = post.json()
    assert record == pipeline_job_json(await hooks.job(job), STAGE_INFOS)  # the document's record
    assert record["job_id"] == job.id and record["status"] == "completed"
    assert [s["status"] for s in record["stages"]] == ["completed"] * 4
    assert record["outputs"] == {"vocals": f"/pipeline/download/{job.id}/vocals"}
    # A worker that repeated the finished job reports it again: delivered already, not posted again.
    await hooks.end(job, "completed", attempt=2)
    await hooks.settled()
    assert len(hooks.receiver.received(path)) == 1


async def test_a_signature_made_with_another_secret_does_not_verify(hooks: Hooks) -> None:
    owner = await hooks.new_owner()
    path = hook_path()
    await hooks.end(await hooks.pipeline_job(owner, hooks.receiver.url(path)), "completed")
    [post] = await hooks.posts(path, 1)
    forged = Post(post.path, {**post.headers, "X-SoundForge-Signature": "sha256=" + "0" * 64}, post.body)
    tampered = Post(post.path, post.headers, post.body.replace(b'"completed"', b'"failed"', 1))
    assert signed(post) and not signed(forged) and not signed(tampered)


async def test_a_failed_pipeline_posts_failed_with_the_stage_error(hooks: Hooks) -> None:
    owner = await hooks.new_owner()
    path = hook_path()
    job = await hooks.pipeline_job(owner, hooks.receiver.url(path))
    await hooks.end(job, "failed", error="decomposition ran out of memory")
    [post] = await hooks.posts(path, 1)
    assert signed(post)
    assert post.headers["X-SoundForge-Event"] == "job.failed"
    record = post.json()
    assert record["status"] == "failed" and record["outputs"] == {}
    assert [(s["status"], s["error"]) for s in record["stages"]] == [
        ("completed", None),
        ("failed", "decomposition ran out of memory"),
        ("pending", None),
        ("pending", None),
    ]


async def test_a_receiver_answering_500_then_200_gets_it_again(hooks: Hooks) -> None:
    owner = await hooks.new_owner()
    path = hook_path()
    hooks.receiver.script[path].extend([500, 429])
    await hooks.end(await hooks.pipeline_job(owner, hooks.receiver.url(path)), "completed")
    posts = await hooks.posts(path, 3)
    assert all(signed(p) for p in posts)
    assert posts[0].body == posts[1].body == posts[2].body
    await hooks.settled()
    assert len(hooks.receiver.received(path)) == 3  # the 200 ended it


async def test_a_receiver_that_keeps_failing_is_given_up_on_after_max_attempts(
    hooks: Hooks, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await hooks.new_owner()
    path = hook_path()
    hooks.receiver.script[path].extend([503] * (MAX_ATTEMPTS + 2))
    with caplog.at_level("WARNING", logger="soundforge.separation.callbacks"):
        await hooks.end(await hooks.pipeline_job(owner, hooks.receiver.url(path)), "completed")
        await hooks.posts(path, MAX_ATTEMPTS)
        for _ in range(3):  # several rounds of the retry delay: no further attempt comes
            await hooks.settled()
    assert len(hooks.receiver.received(path)) == MAX_ATTEMPTS
    assert f"pipeline callback given up after {MAX_ATTEMPTS} attempts: HTTP 503" in caplog.messages


@pytest.mark.parametrize("status", [400, 404, 410, 302])
async def test_other_4xx_and_redirects_are_not_retried_nor_followed(hooks: Hooks, status: int) -> None:
    owner = await hooks.new_owner()
    path = hook_path()
    hooks.receiver.script[path].append(status)
    await hooks.end(await hooks.pipeline_job(owner, hooks.receiver.url(path)), "completed")
    await hooks.posts(path, 1)
    await hooks.settled()
    await hooks.settled()  # past the first retry delay
    assert len(hooks.receiver.received(path)) == 1
    assert hooks.receiver.received(f"{path}/moved") == []


async def test_a_loopback_name_not_allow_listed_is_never_contacted(hooks: Hooks) -> None:
    # `localhost` reaches the same receiver as 127.0.0.1 (the sentinel proves it is up), but only
    # the name 127.0.0.1 is allow-listed, and localhost resolves to a loopback address.
    owner = await hooks.new_owner()
    path = hook_path()
    job = await hooks.pipeline_job(owner, hooks.receiver.url(path, host="localhost"))
    await hooks.end(job, "completed")
    await hooks.settled()
    await hooks.settled()
    assert hooks.receiver.received(path) == []


@pytest.mark.parametrize(
    "url",
    ["http://10.20.30.40:9/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/hook"],
)
async def test_private_addresses_are_refused_and_not_retried(
    hooks: Hooks, url: str, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await hooks.new_owner()
    job = await hooks.pipeline_job(owner, url)
    with caplog.at_level("WARNING", logger="soundforge.separation.callbacks"):
        await hooks.end(job, "completed")
        await hooks.settled()
        await hooks.settled()
    refusals = [
        r.getMessage()
        for r in caplog.records
        if r.name == "soundforge.separation.callbacks" and "refused" in r.getMessage()
    ]
    # One attempt, dropped: a retry would have logged the refusal again ("... retrying in").
    assert len(refusals) == 1, refusals
    assert refusals[0].startswith("pipeline callback dropped: refused:")


async def test_no_secret_no_callbacks(nats_url: str) -> None:
    bus = await EventBus.connect(nats_url, "separation-callbacks-no-secret")
    try:
        assert await start_callbacks(bus, None, SeparationSettings(nats_url=nats_url)) is None  # type: ignore[arg-type]
    finally:
        await bus.close()


def song_wav(seconds: float = 4.0) -> bytes:
    rate = 44100
    t = np.arange(int(seconds * rate)) / rate
    noise = 0.05 * np.random.default_rng(5).standard_normal(t.size)
    left, right = 0.3 * np.sin(2 * np.pi * 220 * t) + noise, 0.3 * np.sin(2 * np.pi * 330 * t) + noise
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([left, right], axis=1), rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@dataclass
class Platform:
    separation: separation_pb2_grpc.SeparationServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    store: LocalBlobStore


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def platform(tmp_path_factory: pytest.TempPathFactory, model_repo: Path) -> AsyncIterator[Platform]:
    """The separation service as deployed (worker and callbacks) over its own NATS and library."""
    root = tmp_path_factory.mktemp("callbacks-platform")
    blobs = f"file://{root / 'blobs'}"
    with servers.nats_server() as nats_url:
        library = await start_library(
            LibrarySettings(
                database_url=f"sqlite+aiosqlite:///{root / 'library.db'}",
                nats_url=nats_url,
                blob_url=blobs,
                grpc_port=0,
            )
        )
        separation = await start_separation(
            SeparationSettings(
                library_addr=library.address,
                nats_url=nats_url,
                blob_url=blobs,
                grpc_port=0,
                model_repo=str(model_repo),
                torch_threads=1,
                **CALLBACK_SETTINGS,
            )
        )
        channel, sep_channel = open_channel(library.address), open_channel(separation.address)
        yield Platform(
            separation_pb2_grpc.SeparationServiceStub(sep_channel),
            library_pb2_grpc.LibraryServiceStub(channel),
            LocalBlobStore(root / "blobs"),
        )
        await sep_channel.close()
        await channel.close()
        await separation.stop(0.5)
        await library.stop(0)


async def test_a_real_pipeline_posts_its_record_when_it_completes(
    platform: Platform, receiver: WebhookReceiver
) -> None:
    user = await platform.library.CreateUser(
        library_pb2.CreateUserRequest(
            email=f"{uuid.uuid4().hex[:10]}@example.com", password="a-long-password"
        )
    )
    owner, track_id, data = str(user.id), str(uuid.uuid4()), song_wav()
    key = f"users/{owner}/tracks/{track_id}/source.wav"
    await platform.store.put_bytes(key, data)
    await platform.library.CreateTrack(
        library_pb2.CreateTrackRequest(
            track=library_pb2.Track(
                id=track_id,
                owner_id=owner,
                title="song",
                sha256=hashlib.sha256(data).hexdigest(),
                size_bytes=len(data),
                source_key=key,
                source="upload",
            )
        )
    )
    path = hook_path()
    queued: jobs_pb2.Job = await platform.separation.StartPipeline(
        separation_pb2.StartPipelineRequest(
            owner_id=owner,
            track_id=track_id,
            params=payloads_pb2.PipelineParams(callback_url=receiver.url(path)),
        )
    )

    async def seen() -> list[Post]:
        return receiver.received(path)

    [post] = await eventually(seen, within=240, what="the pipeline's callback")
    assert signed(post)
    assert post.headers["X-SoundForge-Event"] == "job.completed"
    job = await platform.library.GetJob(library_pb2.GetJobRequest(owner_id=owner, job_id=queued.id))
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED
    record = post.json()
    assert record == pipeline_job_json(job, STAGE_INFOS)
    assert record["status"] == "completed"
    assert [s["name"] for s in record["stages"]] == [
        "audio_separation",
        "harmonic_percussive_separation",
        "composite_track_creation",
        "normalization",
    ]
    assert all(s["status"] == "completed" and s["duration_seconds"] is not None for s in record["stages"])
    assert sorted(record["outputs"]) == sorted(
        [
            "vocals",
            "drums",
            "bass",
            "other",
            "harmonic",
            "percussive",
            "main",
            "main_harmonic",
            "main_percussive",
        ]
    )
    assert record["outputs"]["main"] == f"/pipeline/download/{job.id}/main"
