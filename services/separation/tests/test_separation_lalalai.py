"""The lalal.ai engine against a fake lalal.ai: progress, stems, errors, 429, cancellation, license keys."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
import soundfile as sf
from google.protobuf import struct_pb2
from pydantic import SecretStr

from soundforge.events import EventBus, PermanentJobError
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.app import start as start_library
from soundforge.library.client import LibraryClient
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import NotFound, RateLimited, SoundForgeError, UpstreamError
from soundforge.runtime.grpc_client import open_channel
from soundforge.runtime.service import RunningService
from soundforge.separation.engine import StemRequest
from soundforge.separation.lalalai_hosts import DownloadHosts, UrlRefused
from soundforge.separation.lalalai_keys import LicenseKeyMissing
from soundforge.separation.lalalai_service import LalalaiService
from soundforge.separation.ports import Quota
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import open_blob_store
from soundforge.testing.fake_lalalai import FakeLalalai, Scenario, fake_lalalai
from soundforge.testing.job_params import job_params

pytestmark = pytest.mark.asyncio(loop_scope="session")

POLL = 0.02
RATE = 44100


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeLalalai]:
    with fake_lalalai() as server:
        yield server


@pytest.fixture(autouse=True)
def default_scenario(fake: FakeLalalai) -> None:
    fake.scenario = Scenario()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def library(nats_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningService]:
    root = tmp_path_factory.mktemp("lalalai-library")
    settings = LibrarySettings(
        database_url=f"sqlite+aiosqlite:///{root / 'library.db'}",
        nats_url=nats_url,
        blob_url=f"file://{root / 'blobs'}",
        grpc_port=0,
    )
    service = await start_library(settings)
    yield service
    await service.stop(0)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def library_client(library: RunningService) -> AsyncIterator[LibraryClient]:
    channel = open_channel(library.address)
    yield LibraryClient(channel)
    await channel.close()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def bus(nats_url: str) -> AsyncIterator[EventBus]:
    connected = await EventBus.connect(nats_url, "lalalai-tests")
    yield connected
    await connected.close()


Make = Callable[..., Awaitable[LalalaiService]]


@pytest_asyncio.fixture(loop_scope="session")
async def make_service(
    fake: FakeLalalai, bus: EventBus, library_client: LibraryClient, nats_url: str, tmp_path: Path
) -> AsyncIterator[Make]:
    started: list[LalalaiService] = []

    async def make(default_key: str = "", **overrides: Any) -> LalalaiService:
        settings = SeparationSettings(
            nats_url=nats_url,
            blob_url=f"file://{tmp_path / 'blobs'}",
            lalalai_api_url=fake.api_url,
            lalalai_license_key=SecretStr(default_key),
            lalalai_poll_seconds=POLL,
            **overrides,
        )
        service = LalalaiService(settings, bus, library_client, open_blob_store(settings))
        await service.start()
        started.append(service)
        return service

    yield make
    for service in started:
        await service.close()


async def make_user(library_client: LibraryClient, **settings: Any) -> str:
    email = f"user-{uuid.uuid4().hex[:10]}@example.com"
    user = await library_client.stub.CreateUser(
        library_pb2.CreateUserRequest(email=email, password="pw-12345678")
    )
    if settings:
        struct = struct_pb2.Struct()
        struct.update(settings)
        await library_client.stub.UpdateUser(library_pb2.UpdateUserRequest(user_id=user.id, settings=struct))
    return str(user.id)


def song(path: Path, seconds: float = 1.0) -> tuple[Path, np.ndarray]:
    t = np.arange(int(seconds * RATE)) / RATE
    audio = np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 330 * t)], axis=1) * 0.5
    sf.write(path, audio, RATE, subtype="FLOAT")
    return path, audio


class Recorder:
    def __init__(self) -> None:
        self.steps: list[tuple[float, str]] = []
        self.separating = asyncio.Event()  # set once lalal.ai reports progress of its own

    def __call__(self, fraction: float, stage: str) -> None:
        self.steps.append((fraction, stage))
        if stage == "separating on lalal.ai":
            self.separating.set()

    @property
    def fractions(self) -> list[float]:
        return [fraction for fraction, _ in self.steps]


async def test_two_stems_report_progress_and_return_the_stem_and_its_complement(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(10, 40, 80))
    service = await make_service(fake.add_key())
    source, audio = song(tmp_path / "song.wav")
    progress = Recorder()
    stems = await service.separate(source, tmp_path, StemRequest(model="", two_stems="vocals"), progress)

    assert [(s.name, s.path.name, s.format) for s in stems] == [
        ("vocals", "vocals.wav", "wav"),
        ("no_vocals", "no_vocals.wav", "wav"),
    ]
    assert stems[0].duration == pytest.approx(1.0)
    vocals, rate = sf.read(stems[0].path)
    rest, _ = sf.read(stems[1].path)
    assert rate == RATE
    # The fake splits what it was sent: the stems add back up to the uploaded audio.
    np.testing.assert_allclose(vocals + rest, audio, atol=1e-3)
    fractions = progress.fractions
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    for percent in (10, 40, 80):  # lalal.ai's own progress, scaled into the split's share
        assert any(abs(f - (0.05 + 0.85 * percent / 100)) < 1e-9 for f in fractions)
    split = fake.calls("split/stem_separator/")[-1]
    assert split["presets"]["stem"] == "vocals" and split["presets"]["encoder_format"] == "wav"
    assert fake.calls("delete/")[-1] == {"source_id": split["source_id"]}  # the upload is not left behind


async def test_no_two_stems_asks_multistem_and_names_stems_in_the_platforms_vocabulary(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    service = await make_service(fake.add_key())
    source, _ = song(tmp_path / "song.wav")
    stems = await service.separate(source, tmp_path, StemRequest(model="", format="flac"), Recorder())
    assert fake.calls("split/multistem/")[-1]["presets"]["stem_list"] == [
        "vocals",
        "drum",
        "bass",
        "piano",
        "electric_guitar",
    ]
    assert [s.name for s in stems] == ["vocals", "drums", "bass", "piano", "guitar", "other"]
    assert all(s.path.suffix == ".flac" and sf.info(s.path).format == "FLAC" for s in stems)

    drums = await service.separate(source, tmp_path, StemRequest(model="", two_stems="drums"), Recorder())
    assert fake.calls("split/stem_separator/")[-1]["presets"]["stem"] == "drum"
    assert [s.name for s in drums] == ["drums", "no_drums"]


async def test_a_stem_lalalai_does_not_have_is_refused_before_any_upload(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    service = await make_service(fake.add_key())
    before = len(fake.calls("upload/"))
    with pytest.raises(SoundForgeError) as caught:
        await service.separate(
            tmp_path / "x.wav", tmp_path, StemRequest(model="", two_stems="other"), Recorder()
        )
    assert caught.value.code == "VALIDATION_ERROR"
    assert len(fake.calls("upload/")) == before


async def test_lalalai_error_fails_the_job_permanently_with_its_detail(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(30,), outcome="error", error_detail="no vocals found in the track")
    service = await make_service(fake.add_key())
    source, _ = song(tmp_path / "song.wav")
    with pytest.raises(PermanentJobError, match="no vocals found in the track"):
        await service.separate(source, tmp_path, StemRequest(model="", two_stems="vocals"), Recorder())


async def test_429_is_backed_off_and_retried_until_success(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    service = await make_service(fake.add_key())
    source, _ = song(tmp_path / "song.wav")
    fake.throttle("upload/", 1, retry_after="0")
    fake.throttle("check/", 3)
    checks_before = len(fake.times("check/"))
    stems = await service.separate(source, tmp_path, StemRequest(model="", two_stems="bass"), Recorder())
    assert [s.name for s in stems] == ["bass", "no_bass"]
    times = fake.times("check/")[checks_before:]
    # 3 throttled + 2 progress steps + success; the throttled retries waited POLL, 2*POLL, 4*POLL.
    assert len(times) == 6
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps[0] >= POLL * 0.9 and gaps[1] >= 2 * POLL * 0.9 and gaps[2] >= 4 * POLL * 0.9


async def test_cancelling_the_separation_cancels_the_task_on_lalalai(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(5,), outcome="forever")
    service = await make_service(fake.add_key())
    source, _ = song(tmp_path / "song.wav")
    progress = Recorder()
    running = asyncio.create_task(
        service.separate(source, tmp_path, StemRequest(model="", two_stems="vocals"), progress)
    )
    await asyncio.wait_for(progress.separating.wait(), timeout=10)
    task_id = fake.calls("check/")[-1]["task_ids"][0]
    assert task_id in fake.running()
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert fake.calls("cancel/")[-1] == {"task_ids": [task_id]}
    assert fake.tasks[task_id].status == "cancelled"


async def test_timeout_cancels_the_task_and_fails_permanently(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    fake.scenario = Scenario(outcome="forever")
    service = await make_service(fake.add_key(), lalalai_timeout_seconds=0.3)
    source, _ = song(tmp_path / "song.wav")
    with pytest.raises(PermanentJobError, match=r"did not finish within 0\.3 s"):
        await service.separate(source, tmp_path, StemRequest(model="", two_stems="vocals"), Recorder())
    task_id = fake.calls("cancel/")[-1]["task_ids"][0]
    assert fake.tasks[task_id].status == "cancelled"


async def test_no_key_anywhere_is_a_typed_error_before_any_call(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient, tmp_path: Path
) -> None:
    service = await make_service("")
    owner = await make_user(library_client)
    before = len(fake.requests)
    with pytest.raises(LicenseKeyMissing, match="lalalai_license_key") as caught:
        await service.separate(
            tmp_path / "x.wav", tmp_path, StemRequest(model="", owner_id=owner), Recorder()
        )
    assert caught.value.code == "CONFLICT" and caught.value.grpc_status == "FAILED_PRECONDITION"
    with pytest.raises(LicenseKeyMissing):
        await service.quota(owner)
    assert len(fake.requests) == before


async def test_the_users_own_key_beats_the_server_default(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient, tmp_path: Path
) -> None:
    server_key, own_key = fake.add_key(), fake.add_key()
    service = await make_service(server_key)
    owner = await make_user(library_client, lalalai_license_key=own_key)
    source, _ = song(tmp_path / "song.wav")
    first = len(fake.requests)
    await service.separate(
        source, tmp_path, StemRequest(model="", owner_id=owner, two_stems="piano"), Recorder()
    )
    keys_used = {key for _, _, key, _ in fake.requests[first:]}
    assert keys_used == {own_key}

    keyless = await make_user(library_client)
    first = len(fake.requests)
    await service.separate(
        source, tmp_path, StemRequest(model="", owner_id=keyless, two_stems="piano"), Recorder()
    )
    assert {key for _, _, key, _ in fake.requests[first:]} == {server_key}


async def test_a_rejected_key_says_whose_it_is(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient, tmp_path: Path
) -> None:
    service = await make_service(fake.add_key())
    owner = await make_user(library_client, lalalai_license_key="not-a-real-key")
    source, _ = song(tmp_path / "song.wav")
    request = StemRequest(model="", owner_id=owner, two_stems="vocals")
    with pytest.raises(PermanentJobError, match="rejected your license key"):
        await service.separate(source, tmp_path, request, Recorder())
    with pytest.raises(SoundForgeError) as caught:
        await service.quota(owner)
    assert caught.value.code == "CONFLICT" and "rejected your license key" in caught.value.message


async def test_result_urls_off_the_allow_list_are_not_fetched(
    fake: FakeLalalai, make_service: Make, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(), result_base_url="http://169.254.169.254")
    service = await make_service(fake.add_key())
    source, _ = song(tmp_path / "song.wav")
    with pytest.raises(UrlRefused, match=r"169\.254\.169\.254"):
        await service.separate(source, tmp_path, StemRequest(model="", two_stems="vocals"), Recorder())


async def test_allow_listed_domains_must_resolve_to_public_addresses() -> None:
    hosts = DownloadHosts("http://127.0.0.1:9/api/v1/", frozenset({"localhost", "lalal.ai"}))
    assert (await hosts.pin("http://127.0.0.1:9/media/a.wav")).url == "http://127.0.0.1:9/media/a.wav"
    with pytest.raises(UrlRefused, match="non-public"):
        await hosts.pin("https://localhost/media/a.wav")
    with pytest.raises(UrlRefused, match="only https"):
        await hosts.pin("http://d.lalal.ai/media/a.wav")
    with pytest.raises(UrlRefused, match="not an allowed"):
        await hosts.pin("https://lalal.ai.example.com/a.wav")
    with pytest.raises(UrlRefused, match="not an allowed"):
        await hosts.pin("https://127.0.0.1:10/media/a.wav")


# ---- accounts: quota and the task registry ----


async def test_quota_derives_used_from_the_plan_size_when_one_is_known(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient
) -> None:
    server_key = fake.add_key(minutes_left=90.0)
    keyless = await make_user(library_client)
    planned = await make_service(server_key, lalalai_plan_minutes=120.0)
    assert await planned.quota(keyless) == Quota(120.0, 30.0, 90.0)
    unplanned = await make_service(server_key)
    assert await unplanned.quota(keyless) == Quota(90.0, 0.0, 90.0)
    owner = await make_user(
        library_client, lalalai_license_key=fake.add_key(minutes_left=45.5), lalalai_quota_minutes=60
    )
    assert await planned.quota(owner) == Quota(60.0, 14.5, 45.5)


async def running_task(
    fake: FakeLalalai, service: LalalaiService, library_client: LibraryClient, owner: str, tmp_path: Path
) -> tuple[str, str, asyncio.Task[Any]]:
    """A separation job of `owner` whose lalal.ai task runs until cancelled: (task id, job id, the run)."""
    job = await library_client.create_job(owner, job_params("separation"))
    source, _ = song(tmp_path / f"{job.id}.wav")
    progress = Recorder()
    request = StemRequest(model="", owner_id=owner, job_id=job.id, two_stems="vocals")
    run = asyncio.create_task(service.separate(source, tmp_path, request, progress))
    await asyncio.wait_for(progress.separating.wait(), timeout=10)
    task_id = next(
        t.id
        for t in fake.tasks.values()
        if t.source_id == fake.calls("split/stem_separator/")[-1]["source_id"]
    )
    return task_id, job.id, run


async def test_cancel_from_another_replica_stops_the_task_and_the_job_and_is_owner_scoped(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(5,), outcome="forever")
    key = fake.add_key()
    worker, api = await make_service(key), await make_service(key)  # two replicas, one KV bucket
    owner, stranger = await make_user(library_client), await make_user(library_client)
    task_id, job_id, run = await running_task(fake, worker, library_client, owner, tmp_path)

    with pytest.raises(NotFound):
        await api.cancel(stranger, task_id)
    assert fake.tasks[task_id].status == "progress"

    assert await api.cancel(owner, task_id) == [task_id]
    assert fake.tasks[task_id].status == "cancelled"
    job = await library_client.stub.GetJob(library_pb2.GetJobRequest(owner_id=owner, job_id=job_id))
    assert job.status == jobs_pb2.JOB_STATUS_CANCELLED
    with pytest.raises(PermanentJobError, match="cancelled"):
        await run
    with pytest.raises(NotFound):
        await api.cancel(owner, task_id)


async def test_cancel_all_cancels_every_task_of_the_owner_and_no_one_elses(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(5,), outcome="forever")
    service = await make_service(fake.add_key())
    owner, other = await make_user(library_client), await make_user(library_client)
    assert await service.cancel_all(owner) == []
    first = await running_task(fake, service, library_client, owner, tmp_path)
    second = await running_task(fake, service, library_client, owner, tmp_path)
    theirs = await running_task(fake, service, library_client, other, tmp_path)

    assert await service.cancel_all(owner) == sorted([first[0], second[0]])
    assert fake.tasks[first[0]].status == fake.tasks[second[0]].status == "cancelled"
    assert fake.tasks[theirs[0]].status == "progress"
    assert fake.calls("cancel/all/") == []  # the license may be shared: never cancel/all/

    assert await service.cancel_all(other) == [theirs[0]]
    for _, _, run in (first, second, theirs):
        with pytest.raises(PermanentJobError):
            await run


async def test_a_server_error_on_lalalai_is_retryable_and_a_refused_server_key_is_upstream(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient, tmp_path: Path
) -> None:
    fake.scenario = Scenario(progress=(), outcome="server_error", error_detail="worker lost")
    service = await make_service(fake.add_key())
    source, _ = song(tmp_path / "song.wav")
    with pytest.raises(UpstreamError, match="server_error") as caught:
        await service.separate(source, tmp_path, StemRequest(model="", two_stems="vocals"), Recorder())
    assert not isinstance(caught.value, PermanentJobError)  # the worker tries again

    refused = await make_service("lic-not-known-to-lalalai")
    keyless = await make_user(library_client)
    with pytest.raises(UpstreamError, match="rejected the server's license key"):
        await refused.quota(keyless)


async def test_endless_429s_end_as_rate_limited_with_retry_after(
    fake: FakeLalalai, make_service: Make, library_client: LibraryClient
) -> None:
    service = await make_service(fake.add_key())
    keyless = await make_user(library_client)
    fake.throttle("limits/minutes_left/", 100, retry_after="0")
    before = len(fake.calls("limits/minutes_left/"))
    try:
        with pytest.raises(RateLimited) as caught:
            await service.quota(keyless)
    finally:
        fake.throttle("limits/minutes_left/", 0)
    assert caught.value.details == {"retry_after": 1}
    assert len(fake.calls("limits/minutes_left/")) - before == 9  # the first try and 8 retries
