"""Uploads end to end over gRPC: a real library (SQLite), local blob storage and nats-server."""

from __future__ import annotations

import hashlib
import io
import subprocess
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
import soundfile

from soundforge.ingest.settings import IngestSettings
from soundforge.ingest.v1 import ingest_pb2, ingest_pb2_grpc
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.errors import InvalidArgument, NotFound, UnsupportedMediaType
from soundforge.runtime.grpc_client import open_channel
from soundforge.storage import LocalBlobStore

pytestmark = pytest.mark.asyncio(loop_scope="module")

PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@dataclass
class Stack:
    ingest: ingest_pb2_grpc.IngestServiceStub
    library: library_pb2_grpc.LibraryServiceStub
    store: LocalBlobStore

    async def new_owner(self) -> str:
        email = f"{uuid.uuid4().hex[:10]}@example.com"
        user = await self.library.CreateUser(
            library_pb2.CreateUserRequest(email=email, password="a-long-password")
        )
        return str(user.id)

    async def stage(self, owner_id: str, data: bytes, filename: str) -> ingest_pb2.BeginUploadResponse:
        """BeginUpload, then write the body where the gateway would."""
        begun = await self.ingest.BeginUpload(
            ingest_pb2.BeginUploadRequest(owner_id=owner_id, filename=filename, content_type="audio/wav")
        )
        await self.store.put_bytes(begun.staging_key, data)
        return begun

    async def upload(
        self, owner_id: str, data: bytes, filename: str, title: str = "", artist: str = ""
    ) -> ingest_pb2.CompleteUploadResponse:
        begun = await self.stage(owner_id, data, filename)
        return await self.ingest.CompleteUpload(
            ingest_pb2.CompleteUploadRequest(
                owner_id=owner_id, upload_id=begun.upload_id, size_bytes=len(data), title=title, artist=artist
            )
        )

    async def keys(self, prefix: str) -> list[str]:
        return [info.key for info in await self.store.list(prefix)]

    async def fetch(self, key: str, tmp: Path) -> Path:
        local = tmp / key.replace("/", "_")
        await self.store.get_file(key, local)
        return local

    async def decode(self, key: str, tmp: Path) -> tuple[np.ndarray, int]:
        """The object's samples as soundfile reads them (the way workers read canonical copies)."""
        samples, rate = soundfile.read(await self.fetch(key, tmp), dtype="float32", always_2d=True)
        return samples, int(rate)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stack(
    nats_url: str, tmp_path_factory: pytest.TempPathFactory, start_library_and_ingest: Any
) -> AsyncIterator[Stack]:
    root = tmp_path_factory.mktemp("ingest")
    async with start_library_and_ingest(root, nats_url) as (library, ingest):
        ingest_channel, library_channel = open_channel(ingest.address), open_channel(library.address)
        yield Stack(
            ingest=ingest_pb2_grpc.IngestServiceStub(ingest_channel),
            library=library_pb2_grpc.LibraryServiceStub(library_channel),
            store=LocalBlobStore(root / "blobs"),
        )
        await ingest_channel.close()
        await library_channel.close()


def encode(fmt: str, subtype: str, *, seconds: float, rate: int, channels: int, freq: float = 440.0) -> bytes:
    t = np.arange(int(seconds * rate), dtype=np.float64) / rate
    tone = 0.3 * np.sin(2 * np.pi * freq * t)
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([tone] * channels, axis=1), rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


MP3_SUPPORTED = "MP3" in soundfile.available_formats()


@pytest.mark.parametrize(
    ("fmt", "subtype", "ext", "rate", "channels", "seconds"),
    [
        pytest.param("WAV", "PCM_16", "wav", 44100, 2, 2.5, id="wav"),
        pytest.param("FLAC", "PCM_24", "flac", 48000, 1, 1.75, id="flac"),
        pytest.param("OGG", "VORBIS", "ogg", 22050, 2, 3.0, id="ogg"),
        pytest.param(
            "MP3",
            "MPEG_LAYER_III",
            "mp3",
            44100,
            2,
            2.0,
            id="mp3",
            marks=pytest.mark.skipif(not MP3_SUPPORTED, reason="this libsndfile was built without MP3"),
        ),
    ],
)
async def test_audio_upload_is_recorded(
    stack: Stack, fmt: str, subtype: str, ext: str, rate: int, channels: int, seconds: float
) -> None:
    owner = await stack.new_owner()
    data = encode(fmt, subtype, seconds=seconds, rate=rate, channels=channels)
    # A misleading name: sniffing goes by content, and the title comes from the name's stem.
    reply = await stack.upload(owner, data, filename=f"My Song.final.{'bin' if ext == 'wav' else ext}")
    track = reply.track
    assert reply.created
    assert (track.sample_rate, track.channels) == (rate, channels)
    assert track.duration == pytest.approx(seconds, abs=0.05)
    assert track.sha256 == hashlib.sha256(data).hexdigest()
    assert track.size_bytes == len(data)
    assert track.title == "My Song.final"
    assert track.source == "upload"
    assert track.source_key == f"users/{owner}/tracks/{track.id}/source.{ext}"
    assert await stack.keys(f"staging/{owner}/") == []
    assert await stack.store.read_head(track.source_key, len(data) + 1) == data
    stored = await stack.library.GetTrack(library_pb2.GetTrackRequest(owner_id=owner, track_id=track.id))
    assert (stored.duration, stored.codec, stored.sha256) == (track.duration, track.codec, track.sha256)
    assert stored.canonical_key == f"users/{owner}/tracks/{track.id}/canonical.flac"


async def test_canonical_copy_is_flac_at_the_source_rate_and_channels(stack: Stack, tmp_path: Path) -> None:
    owner = await stack.new_owner()
    data = encode("WAV", "PCM_16", seconds=1.5, rate=32000, channels=2, freq=523.0)
    track = (await stack.upload(owner, data, "take.wav")).track
    assert await stack.store.read_head(track.canonical_key, 4) == b"fLaC"
    canonical, rate = await stack.decode(track.canonical_key, tmp_path)
    source, _ = await stack.decode(track.source_key, tmp_path)
    assert (rate, canonical.shape) == (32000, source.shape)
    # FLAC is lossless: the 16-bit source decodes to the very same samples.
    assert np.array_equal(canonical, source)
    assert (await stack.store.stat(track.canonical_key)).content_type == "audio/flac"


async def test_the_source_object_carries_the_sniffed_type_not_the_staged_one(stack: Stack) -> None:
    owner = await stack.new_owner()
    data = encode("WAV", "PCM_16", seconds=0.5, rate=8000, channels=1)
    begun = await stack.ingest.BeginUpload(
        ingest_pb2.BeginUploadRequest(owner_id=owner, filename="x.wav", content_type="text/html")
    )
    # What a gateway before the fix staged: the type the client declared.
    await stack.store.put_bytes(begun.staging_key, data, content_type="text/html")
    reply = await stack.ingest.CompleteUpload(
        ingest_pb2.CompleteUploadRequest(owner_id=owner, upload_id=begun.upload_id, size_bytes=len(data))
    )
    assert reply.track.content_type == "audio/wav"
    assert (await stack.store.stat(reply.track.source_key)).content_type == "audio/wav"
    assert await stack.store.read_head(reply.track.source_key, len(data)) == data
    assert await stack.keys(f"staging/{owner}/") == []


def ffmpeg_tone(
    tmp: Path, name: str, codec_args: list[str], *, seconds: float, rate: int, channels: int
) -> bytes:
    """A tone encoded by ffmpeg (m4a/aac: libsndfile cannot write them)."""
    out = tmp / name
    source = f"sine=frequency=440:duration={seconds}:sample_rate={rate}"
    lavfi = ["-f", "lavfi", "-i", source, "-ac", str(channels)]
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", *lavfi, *codec_args, "-y", str(out)], check=True
    )
    return out.read_bytes()


def streamed_flac(seconds: float, rate: int) -> bytes:
    """A FLAC written to a pipe: its header cannot give the length, so libsndfile cannot tell it."""
    source = f"sine=frequency=440:duration={seconds}:sample_rate={rate}"
    argv = ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", source, "-ac", "2"]
    return subprocess.run(
        [*argv, "-c:a", "flac", "-f", "flac", "pipe:1"], capture_output=True, check=True
    ).stdout


async def test_a_flac_without_its_length_is_measured_and_gets_a_complete_canonical_copy(
    stack: Stack, tmp_path: Path
) -> None:
    owner = await stack.new_owner()
    track = (await stack.upload(owner, streamed_flac(2.5, 44100), "live-set.flac")).track
    assert track.duration == pytest.approx(2.5, abs=0.01)
    with soundfile.SoundFile(await stack.fetch(track.canonical_key, tmp_path)) as canonical:
        assert (canonical.frames, canonical.samplerate, canonical.channels) == (int(2.5 * 44100), 44100, 2)


@pytest.mark.parametrize(
    ("name", "codec_args", "ext", "content_type"),
    [
        pytest.param("tone.m4a", ["-c:a", "aac", "-b:a", "128k"], "m4a", "audio/mp4", id="m4a"),
        pytest.param("tone.aac", ["-c:a", "aac", "-b:a", "96k", "-f", "adts"], "aac", "audio/aac", id="adts"),
    ],
)
async def test_aac_uploads_are_probed_with_ffprobe(
    stack: Stack, tmp_path: Path, name: str, codec_args: list[str], ext: str, content_type: str
) -> None:
    owner = await stack.new_owner()
    data = ffmpeg_tone(tmp_path, name, codec_args, seconds=2.0, rate=48000, channels=2)
    reply = await stack.upload(owner, data, "no-extension")
    track = reply.track
    assert reply.created
    assert (track.codec, track.content_type, track.sample_rate, track.channels) == (
        "aac",
        content_type,
        48000,
        2,
    )
    assert track.duration == pytest.approx(2.0, abs=0.1)
    assert track.source_key == f"users/{owner}/tracks/{track.id}/source.{ext}"
    canonical, rate = await stack.decode(track.canonical_key, tmp_path)
    assert rate == 48000
    assert canonical.shape[1] == 2
    assert canonical.shape[0] / rate == pytest.approx(2.0, abs=0.1)


async def test_given_title_and_artist_win_over_the_file_name(stack: Stack) -> None:
    owner = await stack.new_owner()
    data = encode("WAV", "PCM_16", seconds=0.5, rate=8000, channels=1)
    reply = await stack.upload(owner, data, "ignored.wav", title=" Night Drive ", artist="The Band")
    assert (reply.track.title, reply.track.artist) == ("Night Drive", "The Band")


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        pytest.param(b"just some notes, not a song\n" * 20, "notes.mp3", id="text"),
        pytest.param(PNG_HEAD + bytes(200), "cover.wav", id="png"),
        pytest.param(b"fLaC" + bytes(range(256)) * 8, "broken.flac", id="audio-magic-over-garbage"),
    ],
)
async def test_non_audio_is_refused_and_removed(stack: Stack, data: bytes, filename: str) -> None:
    owner = await stack.new_owner()
    with pytest.raises(UnsupportedMediaType, match="unsupported media type") as caught:
        await stack.upload(owner, data, filename)
    assert caught.value.code == "UNSUPPORTED_MEDIA_TYPE"
    assert await stack.keys(f"staging/{owner}/") == []
    assert await stack.keys(f"users/{owner}/") == []


async def test_same_file_twice_keeps_one_track_and_one_object(stack: Stack) -> None:
    owner = await stack.new_owner()
    data = encode("FLAC", "PCM_16", seconds=1.0, rate=44100, channels=2)
    first = await stack.upload(owner, data, "a.flac")
    second = await stack.upload(owner, data, "b.flac")
    assert first.created
    assert not second.created
    assert second.track.id == first.track.id
    assert await stack.keys(f"users/{owner}/") == sorted([first.track.source_key, first.track.canonical_key])
    assert await stack.keys(f"staging/{owner}/") == []


async def test_abort_removes_the_staged_object_and_can_repeat(stack: Stack) -> None:
    owner = await stack.new_owner()
    begun = await stack.stage(owner, b"partial body", "x.wav")
    request = ingest_pb2.AbortUploadRequest(owner_id=owner, upload_id=begun.upload_id)
    await stack.ingest.AbortUpload(request)
    await stack.ingest.AbortUpload(request)
    assert await stack.keys(f"staging/{owner}/") == []


async def test_begin_hands_out_a_fresh_staging_key_and_the_limit(stack: Stack) -> None:
    owner = await stack.new_owner()
    request = ingest_pb2.BeginUploadRequest(owner_id=owner, filename="a.wav")
    first, second = await stack.ingest.BeginUpload(request), await stack.ingest.BeginUpload(request)
    assert first.upload_id != second.upload_id
    assert first.staging_key == f"staging/{owner}/{first.upload_id}"
    assert first.max_bytes == IngestSettings().max_upload_bytes


async def test_another_owners_upload_is_not_found(stack: Stack) -> None:
    owner, intruder = await stack.new_owner(), await stack.new_owner()
    data = encode("WAV", "PCM_16", seconds=0.5, rate=8000, channels=1)
    begun = await stack.stage(owner, data, "mine.wav")
    with pytest.raises(NotFound):
        await stack.ingest.CompleteUpload(
            ingest_pb2.CompleteUploadRequest(
                owner_id=intruder, upload_id=begun.upload_id, size_bytes=len(data)
            )
        )
    assert await stack.store.exists(begun.staging_key)


async def test_torn_upload_is_refused_and_removed(stack: Stack) -> None:
    owner = await stack.new_owner()
    data = encode("WAV", "PCM_16", seconds=0.5, rate=8000, channels=1)
    begun = await stack.stage(owner, data, "torn.wav")
    with pytest.raises(InvalidArgument, match="incomplete"):
        await stack.ingest.CompleteUpload(
            ingest_pb2.CompleteUploadRequest(
                owner_id=owner, upload_id=begun.upload_id, size_bytes=len(data) + 1
            )
        )
    assert await stack.keys(f"staging/{owner}/") == []


async def test_failed_track_record_leaves_no_object_behind(stack: Stack) -> None:
    # A well-formed id the library has no user for: CreateTrack fails after the move.
    ghost = uuid.uuid4().hex
    data = encode("WAV", "PCM_16", seconds=0.5, rate=8000, channels=1)
    with pytest.raises(NotFound, match="user not found"):
        await stack.upload(ghost, data, "orphan.wav")
    assert await stack.keys(f"users/{ghost}/") == []
    assert await stack.keys(f"staging/{ghost}/") == []
