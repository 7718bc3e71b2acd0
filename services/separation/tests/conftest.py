"""Fixtures of the separation tests: nats-server, a real library (SQLite), local blobs, tiny models."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import AsyncIterator, Callable
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
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import TERMINAL_STATUSES
from soundforge.runtime.grpc_client import open_channel
from soundforge.runtime.service import RunningService
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc
from soundforge.storage import LocalBlobStore
from soundforge.testing.demucs_models import build_model_repo
from soundforge.testing.waiting import eventually

RATE = 44100


def song_wav(seconds: float = 4.0, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    left = 0.3 * np.sin(2 * np.pi * 220 * t) + 0.05 * rng.standard_normal(t.size)
    right = 0.3 * np.sin(2 * np.pi * 330 * t) + 0.05 * rng.standard_normal(t.size)
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([left, right], axis=1), RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@dataclass
class Stack:
    separation: separation_pb2_grpc.SeparationServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    store: LocalBlobStore
    bus: EventBus
    address: str

    async def new_owner(self) -> str:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(email=email, password="a-long-password")
        )
        return str(user.id)

    async def new_track(
        self, owner_id: str, data: bytes | None = None, *, stored: bool = True
    ) -> library_pb2.Track:
        data = song_wav() if data is None else data
        track_id = str(uuid.uuid4())
        key = f"users/{owner_id}/tracks/{track_id}/source.wav"
        if stored:
            await self.store.put_bytes(key, data)
        reply = await self.library.CreateTrack(
            library_pb2.CreateTrackRequest(
                track=library_pb2.Track(
                    id=track_id,
                    owner_id=owner_id,
                    title="song",
                    sha256=hashlib.sha256(data).hexdigest(),
                    size_bytes=len(data),
                    source_key=key if stored else "",
                    source="upload",
                )
            )
        )
        return reply.track

    async def separate(self, owner_id: str, track_id: str, **params: Any) -> jobs_pb2.Job:
        reply: jobs_pb2.Job = await self.separation.Separate(
            separation_pb2.SeparateRequest(
                owner_id=owner_id, track_id=track_id, params=payloads_pb2.SeparationParams(**params)
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
            job, lambda j: j.status in TERMINAL_STATUSES, within=120, what=f"job {job_id} ended"
        )

    async def read(self, key: str) -> bytes:
        return b"".join([chunk async for chunk in self.store.get_stream(key)])


@pytest.fixture(scope="module")
def model_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # mdx_extra is left out: a deployment without a model's weights must say so, not crash.
    return build_model_repo(tmp_path_factory.mktemp("models"), names=("htdemucs", "htdemucs_6s"))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stack(
    nats_url: str, tmp_path_factory: pytest.TempPathFactory, model_repo: Path
) -> AsyncIterator[Stack]:
    root = tmp_path_factory.mktemp("separation")
    blobs = f"file://{root / 'blobs'}"
    library: RunningService = await start_library(
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
        )
    )
    bus = await EventBus.connect(nats_url, "separation-tests")
    channel = open_channel(library.address)
    sep_channel = open_channel(separation.address)
    yield Stack(
        separation=separation_pb2_grpc.SeparationServiceStub(sep_channel),
        library=library_pb2_grpc.LibraryServiceStub(channel),
        store=LocalBlobStore(root / "blobs"),
        bus=bus,
        address=separation.address,
    )
    await sep_channel.close()
    await channel.close()
    await bus.close()
    await separation.stop(0.5)
    await library.stop(0)


@pytest.fixture
def song() -> Callable[..., bytes]:
    return song_wav
