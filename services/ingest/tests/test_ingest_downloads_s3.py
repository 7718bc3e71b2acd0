"""Downloads and uploads on S3 object storage (moto's server): source and canonical copy in the bucket."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import soundfile

from soundforge.ingest.app import start as start_ingest
from soundforge.ingest.settings import IngestSettings
from soundforge.ingest.v1 import ingest_pb2, ingest_pb2_grpc
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.grpc_client import open_channel
from soundforge.storage import BlobStore, open_blob_store
from soundforge.testing.media_server import MediaServer
from soundforge.testing.servers import S3Server
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="module")


@dataclass
class S3Stack:
    ingest: ingest_pb2_grpc.IngestServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    blobs: BlobStore

    async def new_owner(self) -> str:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(email=email, password="a-long-password")
        )
        return str(user.id)

    async def decode(self, key: str, tmp: Path) -> tuple[int, int, int]:
        """(frames, sample rate, channels) of an object, read the way workers read it."""
        local = tmp / key.replace("/", "_")
        await self.blobs.get_file(key, local)
        with soundfile.SoundFile(local) as audio:
            return audio.frames, audio.samplerate, audio.channels


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def s3_stack(
    nats_url: str, s3: S3Server, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[S3Stack]:
    root = tmp_path_factory.mktemp("downloads-s3")
    storage: dict[str, Any] = {
        "blob_url": f"s3://ingest-{uuid.uuid4().hex[:12]}",
        "s3_endpoint": s3.endpoint,
        "s3_access_key": s3.access_key,
        "s3_secret_key": s3.secret_key,
        "s3_region": s3.region,
    }
    library = await start_library(
        LibrarySettings(
            database_url=f"sqlite+aiosqlite:///{root / 'db.sqlite'}",
            nats_url=nats_url,
            grpc_port=0,
            **storage,
        )
    )
    settings = IngestSettings(
        nats_url=nats_url, library_addr=library.address, grpc_port=0, allowed_hosts="127.0.0.1", **storage
    )
    ingest = await start_ingest(settings)
    ingest_channel, library_channel = open_channel(ingest.address), open_channel(library.address)
    yield S3Stack(
        ingest=ingest_pb2_grpc.IngestServiceStub(ingest_channel),
        library=library_pb2_grpc.LibraryServiceStub(library_channel),
        blobs=open_blob_store(settings),
    )
    await ingest_channel.close()
    await library_channel.close()
    await ingest.stop(grace=0)
    await library.stop(grace=0)


async def test_a_download_stores_source_and_canonical_copy_in_the_bucket(
    s3_stack: S3Stack, media: MediaServer, tmp_path: Path
) -> None:
    owner = await s3_stack.new_owner()
    reply = await s3_stack.ingest.StartDownload(
        ingest_pb2.StartDownloadRequest(owner_id=owner, url=media.url("/audio/tone.wav"), quality="medium")
    )
    request = library_pb2.GetJobRequest(owner_id=owner, job_id=reply.jobs[0].job.id)
    running = (jobs_pb2.JOB_STATUS_QUEUED, jobs_pb2.JOB_STATUS_DOWNLOADING, jobs_pb2.JOB_STATUS_PROCESSING)

    async def current() -> jobs_pb2.Job:
        reply: jobs_pb2.Job = await s3_stack.library.GetJob(request)
        return reply

    job = await eventually(current, lambda j: j.status not in running, within=30, what="the download done")
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    track = await s3_stack.library.GetTrack(
        library_pb2.GetTrackRequest(owner_id=owner, track_id=job.track_id)
    )
    assert (await s3_stack.blobs.stat(track.source_key)).content_type == "audio/mpeg"
    assert (await s3_stack.blobs.stat(track.canonical_key)).content_type == "audio/flac"
    frames, rate, channels = await s3_stack.decode(track.canonical_key, tmp_path)
    assert (rate, channels) == (44100, 2)
    assert frames / rate == pytest.approx(3.0, abs=0.1)


async def test_an_upload_gets_its_canonical_copy_in_the_bucket(s3_stack: S3Stack, tmp_path: Path) -> None:
    owner = await s3_stack.new_owner()
    begun = await s3_stack.ingest.BeginUpload(
        ingest_pb2.BeginUploadRequest(owner_id=owner, filename="take.wav")
    )
    local = tmp_path / "take.wav"
    soundfile.write(local, [[0.1, -0.1]] * 16000, 16000)
    size = await s3_stack.blobs.put_file(begun.staging_key, local)
    reply = await s3_stack.ingest.CompleteUpload(
        ingest_pb2.CompleteUploadRequest(owner_id=owner, upload_id=begun.upload_id, size_bytes=size)
    )
    assert await s3_stack.decode(reply.track.canonical_key, tmp_path) == (16000, 16000, 2)
    keys = [info.key for info in await s3_stack.blobs.list(f"users/{owner}/")]
    assert keys == sorted([reply.track.source_key, reply.track.canonical_key])
    assert [info.key for info in await s3_stack.blobs.list(f"staging/{owner}/")] == []
