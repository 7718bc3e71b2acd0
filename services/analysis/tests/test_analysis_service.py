"""Analyze over gRPC and its worker, end to end: nats-server, a real library (SQLite), local blobs."""

from __future__ import annotations

import asyncio
import hashlib
import io
import threading
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import numpy as np
import pytest
import pytest_asyncio
import soundfile
from grpc_health.v1 import health_pb2, health_pb2_grpc
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from soundforge.analysis.app import start as start_analysis
from soundforge.analysis.features import warm_up
from soundforge.analysis.servicer import SERVICE_NAME
from soundforge.analysis.settings import AnalysisSettings
from soundforge.analysis.spectrogram import HEIGHT, SOURCE_TAG, WIDTH, png_text
from soundforge.analysis.v1 import analysis_pb2, analysis_pb2_grpc
from soundforge.jobs.v1 import jobs_pb2
from soundforge.jobs.v1.payloads_pb2 import AnalysisParams
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import TERMINAL_STATUSES
from soundforge.runtime.errors import (
    InvalidArgument,
    NotFound,
    Unavailable,
    UnsupportedMediaType,
    ValidationFailed,
)
from soundforge.runtime.grpc_client import open_channel
from soundforge.storage import LocalBlobStore
from soundforge.testing.audio import encode
from soundforge.testing.job_params import params_json, result_json
from soundforge.testing.music import Piece, render
from soundforge.testing.ports import free_port
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="module")

SR = 22050
BPM = 120.0


def click_track_wav(bpm: float, seconds: float = 12.0) -> bytes:
    """Decaying 1 kHz bursts every 60/bpm seconds, as a 44.1 kHz stereo WAV (so decoding resamples)."""
    rate = 44100
    samples = np.zeros(int(seconds * rate), dtype=np.float32)
    t = np.arange(int(0.02 * rate)) / rate
    burst = (0.8 * np.sin(2 * np.pi * 1000.0 * t) * np.exp(-t * 300.0)).astype(np.float32)
    for k in range(int(seconds * bpm / 60.0)):
        start = round(k * 60.0 / bpm * rate)
        end = min(start + burst.size, samples.size)
        samples[start:end] += burst[: end - start]
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([samples, samples], axis=1), rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def png_size(data: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(data))
    image.load()  # decodes every row: a truncated or corrupt file fails here
    return image.size


@dataclass
class Stack:
    analysis: analysis_pb2_grpc.AnalysisServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    store: LocalBlobStore
    settings: AnalysisSettings

    async def read(self, key: str) -> bytes:
        return b"".join([chunk async for chunk in self.store.get_stream(key)])

    async def new_owner(self) -> str:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(email=email, password="a-long-password")
        )
        return str(user.id)

    async def new_track(self, owner_id: str, data: bytes) -> library_pb2.Track:
        """Stores the audio and records the track, as ingest would."""
        track_id = str(uuid.uuid4())
        key = f"users/{owner_id}/tracks/{track_id}/source.wav"
        await self.store.put_bytes(key, data)
        reply = await self.library.CreateTrack(
            library_pb2.CreateTrackRequest(
                track=library_pb2.Track(
                    id=track_id,
                    owner_id=owner_id,
                    title="clicks",
                    sha256=hashlib.sha256(data).hexdigest(),
                    size_bytes=len(data),
                    source_key=key,
                    source="upload",
                )
            )
        )
        return reply.track

    async def wait_for_job(self, owner_id: str, job_id: str, within: float = 60.0) -> jobs_pb2.Job:
        async def job() -> jobs_pb2.Job:
            reply: jobs_pb2.Job = await self.library.GetJob(
                library_pb2.GetJobRequest(owner_id=owner_id, job_id=job_id)
            )
            return reply

        return await eventually(
            job, lambda j: j.status in TERMINAL_STATUSES, within=within, what=f"job {job_id} finished"
        )


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stack(nats_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    root = tmp_path_factory.mktemp("analysis")
    blob_url = f"file://{root / 'blobs'}"
    library = await start_library(
        LibrarySettings(
            database_url=f"sqlite+aiosqlite:///{root / 'db.sqlite'}",
            nats_url=nats_url,
            blob_url=blob_url,
            grpc_port=0,
        )
    )
    settings = AnalysisSettings(
        nats_url=nats_url, blob_url=blob_url, library_addr=library.address, grpc_port=0
    )
    analysis = await start_analysis(settings)
    analysis_channel, library_channel = open_channel(analysis.address), open_channel(library.address)
    yield Stack(
        analysis=analysis_pb2_grpc.AnalysisServiceStub(analysis_channel),
        library=library_pb2_grpc.LibraryServiceStub(library_channel),
        store=LocalBlobStore(root / "blobs"),
        settings=settings,
    )
    await analysis_channel.close()
    await library_channel.close()
    await analysis.stop(grace=0)
    await library.stop(grace=0)


async def test_analyze_runs_through_the_worker_to_a_completed_job(stack: Stack) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, click_track_wav(BPM))
    queued = await stack.analysis.Analyze(
        analysis_pb2.AnalyzeRequest(
            owner_id=owner, track_id=track.id, params=AnalysisParams(features=["tempo", "energy"])
        )
    )
    assert queued.kind == jobs_pb2.JOB_KIND_ANALYSIS
    assert queued.status == jobs_pb2.JOB_STATUS_QUEUED
    assert params_json(queued.params) == {"features": ["tempo", "energy"]}

    job = await stack.wait_for_job(owner, queued.id)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    assert job.progress == 100
    result = result_json(job.result)
    assert result["tempo"] == pytest.approx(BPM, rel=0.02)
    assert 0.0 < result["energy"] < 1.0
    assert np.median(np.diff(result["beats"])) == pytest.approx(60.0 / BPM, rel=0.05)
    assert "spectral_centroid" not in result


async def test_unknown_feature_is_a_validation_error(stack: Stack) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, click_track_wav(BPM, seconds=1.0))
    with pytest.raises(ValidationFailed) as caught:
        await stack.analysis.Analyze(
            analysis_pb2.AnalyzeRequest(
                owner_id=owner, track_id=track.id, params=AnalysisParams(features=["tempo", "x"])
            )
        )
    assert caught.value.code == "VALIDATION_ERROR"
    assert caught.value.details == {"features": ["unknown feature: x"]}


async def test_all_features_and_the_spectrogram_stored_with_the_track(stack: Stack) -> None:
    owner = await stack.new_owner()
    piece = Piece(tonic=7, mode="major", bpm=126.0, seconds=12.0, seed=11)
    track = await stack.new_track(owner, encode(render(piece, 44100), 44100))
    queued = await stack.analysis.Analyze(
        analysis_pb2.AnalyzeRequest(
            owner_id=owner, track_id=track.id, params=AnalysisParams(features=["all"])
        )
    )
    job = await stack.wait_for_job(owner, queued.id)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    result = result_json(job.result)
    assert (result["key"], result["camelot"]) == ("G major", "9B")
    assert result["tempo"] == pytest.approx(126.0, rel=0.04)
    assert result["duration"] == pytest.approx(12.0, abs=0.001)
    assert -40.0 < result["loudness"] < 0.0 and result["true_peak"] < 0.0
    png_key = f"users/{owner}/tracks/{track.id}/spectrograms/mel.png"
    assert result["spectrogram_key"] == png_key
    png = await stack.read(png_key)
    assert png_size(png) == (WIDTH, HEIGHT)
    assert png_text(png)[SOURCE_TAG] == (await stack.store.stat(track.source_key)).etag


async def test_unknown_track_is_not_found(stack: Stack) -> None:
    owner = await stack.new_owner()
    with pytest.raises(NotFound) as caught:
        await stack.analysis.Analyze(
            analysis_pb2.AnalyzeRequest(
                owner_id=owner, track_id=str(uuid.uuid4()), params=AnalysisParams(features=["tempo"])
            )
        )
    assert caught.value.code == "NOT_FOUND"


async def test_another_owners_track_is_not_found(stack: Stack) -> None:
    owner, intruder = await stack.new_owner(), await stack.new_owner()
    track = await stack.new_track(owner, click_track_wav(BPM, seconds=1.0))
    with pytest.raises(NotFound):
        await stack.analysis.Analyze(
            analysis_pb2.AnalyzeRequest(
                owner_id=intruder, track_id=track.id, params=AnalysisParams(features=["all"])
            )
        )


async def test_owner_is_required(stack: Stack) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, click_track_wav(BPM, seconds=1.0))
    with pytest.raises(InvalidArgument, match="owner_id"):
        await stack.analysis.Analyze(
            analysis_pb2.AnalyzeRequest(
                owner_id="", track_id=track.id, params=AnalysisParams(features=["tempo"])
            )
        )


async def test_render_spectrogram_draws_beside_the_audio_and_reuses_a_current_image(stack: Stack) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, click_track_wav(BPM, seconds=3.0))
    request = analysis_pb2.RenderSpectrogramRequest(owner_id=owner, audio_key=track.source_key)
    reply = await stack.analysis.RenderSpectrogram(request)
    assert reply.spectrogram_key == f"users/{owner}/tracks/{track.id}/spectrograms/source.png"
    assert png_size(await stack.read(reply.spectrogram_key)) == (WIDTH, HEIGHT)

    # An image tagged with the audio's current ETag is taken as is, not drawn again.
    etag = (await stack.store.stat(track.source_key)).etag
    marker = io.BytesIO()
    info = PngInfo()
    info.add_text(SOURCE_TAG, etag)
    Image.new("RGB", (2, 2)).save(marker, format="PNG", pnginfo=info)
    await stack.store.put_bytes(reply.spectrogram_key, marker.getvalue(), content_type="image/png")
    assert (await stack.analysis.RenderSpectrogram(request)).spectrogram_key == reply.spectrogram_key
    assert png_size(await stack.read(reply.spectrogram_key)) == (2, 2)

    # New audio under the same key: the image is stale and is drawn again.
    await stack.store.put_bytes(track.source_key, click_track_wav(90.0, seconds=4.0))
    await stack.analysis.RenderSpectrogram(request)
    redrawn = await stack.read(reply.spectrogram_key)
    assert png_size(redrawn) == (WIDTH, HEIGHT)
    assert png_text(redrawn)[SOURCE_TAG] == (await stack.store.stat(track.source_key)).etag != etag


async def test_render_spectrogram_sees_only_the_owners_audio(stack: Stack) -> None:
    owner, intruder = await stack.new_owner(), await stack.new_owner()
    track = await stack.new_track(owner, click_track_wav(BPM, seconds=1.0))
    for who, key in (
        (intruder, track.source_key),  # another owner's object: as if it did not exist
        (owner, f"users/{owner}/tracks/{uuid.uuid4()}/source.wav"),  # missing
        (owner, "staging/x/upload"),  # outside any owner's prefix
    ):
        with pytest.raises(NotFound) as caught:
            await stack.analysis.RenderSpectrogram(
                analysis_pb2.RenderSpectrogramRequest(owner_id=who, audio_key=key)
            )
        assert caught.value.code == "NOT_FOUND"
    assert not await stack.store.exists(f"users/{owner}/tracks/{track.id}/spectrograms/source.png")


async def test_render_spectrogram_rejects_bad_requests(stack: Stack) -> None:
    owner = await stack.new_owner()
    for who, key in ((owner, f"users/{owner}/../x.wav"), (owner, ""), ("", f"users/{owner}/a.wav")):
        with pytest.raises(InvalidArgument) as caught:
            await stack.analysis.RenderSpectrogram(
                analysis_pb2.RenderSpectrogramRequest(owner_id=who, audio_key=key)
            )
        assert caught.value.code == "BAD_REQUEST"
    text_key = f"users/{owner}/notes.wav"
    await stack.store.put_bytes(text_key, b"not audio at all " * 100)
    with pytest.raises(UnsupportedMediaType) as unsupported:
        await stack.analysis.RenderSpectrogram(
            analysis_pb2.RenderSpectrogramRequest(owner_id=owner, audio_key=text_key)
        )
    assert unsupported.value.code == "UNSUPPORTED_MEDIA_TYPE"


async def test_health_is_not_serving_until_the_warm_up_is_done(stack: Stack) -> None:
    release = threading.Event()

    def gated_warm_up() -> None:
        release.wait(30)
        warm_up()

    port = free_port()
    starting = asyncio.create_task(
        start_analysis(stack.settings.model_copy(update={"grpc_port": port}), gated_warm_up)
    )
    async with open_channel(f"127.0.0.1:{port}") as channel:
        health = health_pb2_grpc.HealthStub(channel)

        async def check() -> health_pb2.HealthCheckResponse | None:
            try:
                answer: health_pb2.HealthCheckResponse = await health.Check(
                    health_pb2.HealthCheckRequest(service=SERVICE_NAME)
                )
            except Unavailable:
                return None
            return answer

        # The port opens before the warm-up starts.
        reply = await eventually(check, lambda r: r is not None, within=20, what="the health port open")
        assert reply is not None
        assert reply.status == health_pb2.HealthCheckResponse.NOT_SERVING
        assert not starting.done()
        release.set()
        service = await asyncio.wait_for(starting, 60)
        try:
            reply = await health.Check(health_pb2.HealthCheckRequest(service=SERVICE_NAME))
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
        finally:
            await service.stop(grace=0)
