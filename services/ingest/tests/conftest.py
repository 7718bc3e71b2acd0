"""Fixtures for the download tests: a local media server, and library + ingest (with its worker) on NATS."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
import soundfile

from soundforge.events import EventBus
from soundforge.ingest.app import start as start_ingest
from soundforge.ingest.downloader import YtDlpDownloader
from soundforge.ingest.downloads import DownloadRequests
from soundforge.ingest.fetching import FetchLimits
from soundforge.ingest.library_adapters import LibraryDownloadJobs
from soundforge.ingest.settings import IngestSettings
from soundforge.ingest.v1 import ingest_pb2, ingest_pb2_grpc
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.app import start as start_library
from soundforge.library.client import LibraryClient
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.grpc_client import open_channel
from soundforge.runtime.service import RunningService
from soundforge.runtime.url_policy import UrlPolicy
from soundforge.storage import LocalBlobStore
from soundforge.testing.media_server import MediaServer, media_server
from soundforge.testing.waiting import eventually

# Small limits, so that each can be crossed quickly; tests read them from `downloads.limits`.
MAX_BYTES = 2_000_000
MAX_SECONDS = 10.0
TIME_LIMIT = 5.0
MAX_ENTRIES = 2
TERMINAL = {jobs_pb2.JOB_STATUS_COMPLETED, jobs_pb2.JOB_STATUS_FAILED, jobs_pb2.JOB_STATUS_CANCELLED}


def wav(seconds: float, rate: int = 44100, channels: int = 2, freq: float = 440.0) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    tone = 0.3 * np.sin(2 * np.pi * freq * t)
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([tone] * channels, axis=1), rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def ffmpeg_encode(data: bytes, *args: str) -> bytes:
    """`data` re-encoded by ffmpeg, pipe to pipe (e.g. "-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3")."""
    argv = ["ffmpeg", "-nostdin", "-loglevel", "error", "-i", "pipe:0", *args, "pipe:1"]
    return subprocess.run(argv, input=data, capture_output=True, check=True).stdout


def page(media: MediaServer, audio_url: str) -> bytes:
    """A web page describing one recording in schema.org JSON-LD, as music sites publish them."""
    recording = {
        "@context": "https://schema.org",
        "@type": "AudioObject",
        "name": "Night Drive",
        "byArtist": {"@type": "MusicGroup", "name": "The Band"},
        "duration": "PT3S",
        "thumbnailUrl": media.url("/cover.jpg"),
        "contentUrl": audio_url,
        "encodingFormat": "audio/wav",
    }
    return (
        "<!doctype html><html><head><title>Night Drive</title>"
        f'<script type="application/ld+json">{json.dumps(recording)}</script></head>'
        "<body><p>Night Drive by The Band</p></body></html>"
    ).encode()


def feed(items: list[tuple[str, str]]) -> bytes:
    """A podcast-style RSS feed: one enclosure per (title, url)."""
    entries = "".join(
        f'<item><title>{title}</title><guid>{n}</guid><enclosure url="{url}" type="audio/wav"/></item>'
        for n, (title, url) in enumerate(items)
    )
    channel = f"<channel><title>Show</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@pytest.fixture(scope="module")
def media() -> Iterator[MediaServer]:
    with media_server() as server:
        tone = server.add("/audio/tone.wav", wav(3.0), "audio/wav")
        server.add("/audio/other.wav", wav(2.0, freq=660.0), "audio/wav")
        server.add("/page", page(server, tone), "text/html; charset=utf-8")
        server.redirect("/to-private", "http://10.0.0.1:9/x.wav")
        server.redirect("/to-localhost", f"http://localhost:{server.port}/audio/tone.wav")
        server.add(
            "/feed.xml", feed([("Ep 1", tone), ("Ep 2", server.url("/audio/other.wav")), ("Ep 3", tone)])
        )
        server.add("/bad-feed.xml", feed([("Trap", server.url("/to-private"))]))
        big = wav(MAX_BYTES / (44100 * 4) + 2.0)
        server.add("/big.wav", big, "audio/wav")
        server.add("/big-unsized.wav", big, "audio/wav", unsized=True)
        server.add("/long.wav", wav(MAX_SECONDS + 2.0, rate=8000, channels=1), "audio/wav")
        server.add("/slow.wav", wav(4.0), "audio/wav", chunk_size=16 * 1024, chunk_delay=0.5)
        server.add("/paced.wav", wav(3.0, freq=330.0), "audio/wav", chunk_size=64 * 1024, chunk_delay=0.25)
        server.redirect("/to-ftp", "ftp://127.0.0.1/x.wav")
        server.redirect("/to-https-localhost", f"https://localhost:{server.port}/audio/tone.wav")
        # The page itself is fine; the audio it names redirects inward, which only the download meets.
        server.redirect("/trap.wav", "http://10.0.0.1:9/x.wav")
        server.add("/trap-page", page(server, server.url("/trap.wav")), "text/html")
        server.add("/empty-feed.xml", feed([]))
        server.add(
            "/kept.mp3",
            ffmpeg_encode(wav(2.0), "-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3"),
            "audio/mpeg",
        )
        # Encoded to a pipe, the FLAC header cannot say how long the stream is (as with live encoders).
        server.add("/streamed.flac", ffmpeg_encode(wav(2.0), "-c:a", "flac", "-f", "flac"), "audio/flac")
        server.add("/notes.wav", b"not audio at all\n" * 100, "audio/wav")
        server.add("/notes.txt", b"not audio at all\n" * 100, "audio/wav")
        yield server


@dataclass
class DownloadStack:
    ingest: ingest_pb2_grpc.IngestServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    store: LocalBlobStore
    requests: DownloadRequests
    bus: EventBus
    limits: FetchLimits
    max_entries: int

    async def new_owner(self) -> str:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(email=email, password="a-long-password")
        )
        return str(user.id)

    async def start(self, owner: str, url: str, quality: str = "") -> list[ingest_pb2.DownloadJob]:
        reply = await self.ingest.StartDownload(
            ingest_pb2.StartDownloadRequest(owner_id=owner, url=url, quality=quality)
        )
        return list(reply.jobs)

    async def finished(self, owner: str, job_id: str, within: float = 30.0) -> jobs_pb2.Job:
        request = library_pb2.GetJobRequest(owner_id=owner, job_id=job_id)

        async def job() -> jobs_pb2.Job:
            reply: jobs_pb2.Job = await self.library.GetJob(request)
            return reply

        return await eventually(job, lambda j: j.status in TERMINAL, within=within, what=f"job {job_id} done")

    async def download(self, owner: str, url: str, quality: str = "") -> jobs_pb2.Job:
        (queued,) = await self.start(owner, url, quality)
        return await self.finished(owner, queued.job.id)

    async def track(self, owner: str, track_id: str) -> library_pb2.Track:
        return await self.library.GetTrack(library_pb2.GetTrackRequest(owner_id=owner, track_id=track_id))

    async def fetch(self, key: str, tmp: Path) -> Path:
        local = tmp / key.replace("/", "_")
        await self.store.get_file(key, local)
        return local


@contextlib.asynccontextmanager
async def library_and_ingest(
    root: Path, nats_url: str, **ingest_settings: Any
) -> AsyncIterator[tuple[RunningService, RunningService]]:
    """A real library (SQLite under `root`) and ingest sharing the blob directory `root/blobs`."""
    blob_url = f"file://{root / 'blobs'}"
    library = await start_library(
        LibrarySettings(
            database_url=f"sqlite+aiosqlite:///{root / 'db.sqlite'}",
            nats_url=nats_url,
            blob_url=blob_url,
            grpc_port=0,
        )
    )
    try:
        ingest = await start_ingest(
            IngestSettings(
                nats_url=nats_url,
                blob_url=blob_url,
                library_addr=library.address,
                grpc_port=0,
                **ingest_settings,
            )
        )
        try:
            yield library, ingest
        finally:
            await ingest.stop(grace=0)
    finally:
        await library.stop(grace=0)


LibraryAndIngest = Callable[
    ..., contextlib.AbstractAsyncContextManager[tuple[RunningService, RunningService]]
]


@pytest.fixture(scope="module")
def start_library_and_ingest() -> LibraryAndIngest:
    """`async with start_library_and_ingest(root, nats_url, **ingest_settings) as (library, ingest)`."""
    return library_and_ingest


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def downloads(nats_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[DownloadStack]:
    root = tmp_path_factory.mktemp("downloads")
    async with library_and_ingest(
        root,
        nats_url,
        allowed_hosts="127.0.0.1",
        max_download_bytes=MAX_BYTES,
        max_download_duration_seconds=MAX_SECONDS,
        download_timeout_seconds=TIME_LIMIT,
        max_playlist_entries=MAX_ENTRIES,
        socket_timeout_seconds=5.0,
        ack_wait_seconds=5.0,
    ) as (library, ingest):
        ingest_channel, library_channel = open_channel(ingest.address), open_channel(library.address)
        bus = await EventBus.connect(nats_url, "download-tests")
        # What ImportSpotify uses: the same enqueue entry point, publishing to the running worker.
        policy = UrlPolicy(["127.0.0.1"])
        limits = FetchLimits(
            max_bytes=MAX_BYTES, max_duration=MAX_SECONDS, socket_timeout=5.0, time_limit=TIME_LIMIT
        )
        reader = YtDlpDownloader(policy, limits, inspect_timeout=10.0)
        requests = DownloadRequests(
            LibraryDownloadJobs(LibraryClient(library_channel)), policy, reader, max_entries=MAX_ENTRIES
        )
        yield DownloadStack(
            ingest=ingest_pb2_grpc.IngestServiceStub(ingest_channel),
            library=library_pb2_grpc.LibraryServiceStub(library_channel),
            store=LocalBlobStore(root / "blobs"),
            requests=requests,
            bus=bus,
            limits=limits,
            max_entries=MAX_ENTRIES,
        )
        await bus.close()
        await ingest_channel.close()
        await library_channel.close()
