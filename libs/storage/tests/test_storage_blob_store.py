"""BlobStore contract tests, run against LocalBlobStore and S3BlobStore (moto), with and without prefix."""

from __future__ import annotations

import asyncio
import hashlib
import os
import tracemalloc
import uuid
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from soundforge.runtime.errors import InvalidArgument, NotFound, PayloadTooLarge
from soundforge.storage import BlobStore, LocalBlobStore, S3BlobStore
from soundforge.testing.servers import S3Server

MIB = 1024 * 1024
CHUNK = 64 * 1024


@pytest.fixture(params=["local", "s3", "s3-prefixed"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BlobStore]:
    if request.param == "local":
        yield LocalBlobStore(tmp_path / "blobs")
        return
    s3: S3Server = request.getfixturevalue("s3")
    store = S3BlobStore(
        endpoint=s3.endpoint,
        bucket=f"t-{uuid.uuid4().hex}",
        access_key=s3.access_key,
        secret_key=s3.secret_key,
        region=s3.region,
        prefix="tenant/a" if request.param == "s3-prefixed" else "",
    )
    yield store
    store.close()


@pytest.fixture
async def store(new_store: BlobStore) -> BlobStore:
    await new_store.ensure_ready()
    return new_store


async def random_chunks(
    total: int, digest: hashlib._Hash, fail_after: int | None = None
) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        if fail_after is not None and sent >= fail_after:
            raise RuntimeError("producer broke")
        chunk = os.urandom(min(CHUNK, total - sent))
        digest.update(chunk)
        sent += len(chunk)
        yield chunk


async def read_all(store: BlobStore, key: str, **kwargs: int | None) -> bytes:
    return b"".join([chunk async for chunk in store.get_stream(key, **kwargs)])  # type: ignore[arg-type]


def incomplete_uploads(store: BlobStore, s3: S3Server) -> list[str]:
    """Asks the S3 server directly (ListMultipartUploads), not through the code under test."""
    assert isinstance(store, S3BlobStore)
    response = httpx.get(f"http://{s3.endpoint}/{store.bucket}?uploads")
    response.raise_for_status()
    root = ET.fromstring(response.content)
    return [el.text or "" for el in root.iter() if el.tag.endswith("}Key") or el.tag == "Key"]


def leftovers(store: BlobStore, request: pytest.FixtureRequest) -> list[str]:
    """Anything a failed write could leave: files of any name (temp, sidecar) or S3 multipart uploads."""
    if isinstance(store, LocalBlobStore):
        return [str(p) for p in store.root.rglob("*") if p.is_file()]
    return incomplete_uploads(store, request.getfixturevalue("s3"))


async def test_round_trip_keeps_bytes_and_content_type(store: BlobStore) -> None:
    before = datetime.now(UTC) - timedelta(seconds=2)  # S3 keeps whole seconds
    assert await store.put_bytes("users/1/a.wav", b"RIFFdata", content_type="audio/wav") == 8
    info = await store.stat("users/1/a.wav")
    assert (info.key, info.size, info.content_type) == ("users/1/a.wav", 8, "audio/wav")
    assert info.etag
    assert info.modified_at is not None
    assert before <= info.modified_at <= datetime.now(UTC) + timedelta(seconds=2)
    assert [i.modified_at for i in await store.list("users/1/")] == [info.modified_at]
    assert await store.exists("users/1/a.wav")
    assert await read_all(store, "users/1/a.wav") == b"RIFFdata"
    assert await store.read_head("users/1/a.wav", 4) == b"RIFF"
    assert await store.read_head("users/1/a.wav", 100) == b"RIFFdata"

    await store.put_bytes("users/1/a.wav", b"v2", content_type="audio/x-wav")
    assert (await store.stat("users/1/a.wav")).content_type == "audio/x-wav"
    assert await read_all(store, "users/1/a.wav") == b"v2"


async def test_list_is_recursive_sorted_and_prefix_filtered(store: BlobStore) -> None:
    for key in ["b/2", "a/z/deep", "a/1", "ab", "c"]:
        await store.put_bytes(key, key.encode(), content_type="text/plain")
    assert [i.key for i in await store.list()] == ["a/1", "a/z/deep", "ab", "b/2", "c"]
    assert [i.key for i in await store.list("a/")] == ["a/1", "a/z/deep"]
    assert [i.key for i in await store.list("a")] == ["a/1", "a/z/deep", "ab"]
    assert [i.key for i in await store.list("nothing/")] == []
    infos = await store.list("a/z/")
    assert [(i.size, i.content_type) for i in infos] == [(8, "text/plain")]


async def test_streaming_put_and_get_keep_memory_bounded(store: BlobStore) -> None:
    size = 40 * MIB + 123
    sent = hashlib.sha256()
    tracemalloc.start()
    try:
        assert await store.put_stream("big/object.bin", random_chunks(size, sent)) == size
        _, put_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        received = hashlib.sha256()
        async for chunk in store.get_stream("big/object.bin", chunk_size=CHUNK):
            received.update(chunk)
        _, get_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert received.hexdigest() == sent.hexdigest()
    assert (await store.stat("big/object.bin")).size == size
    # Bounded whatever the object size: S3 uploads hold about three 5 MiB parts (the SDK assembles
    # each part in memory), the local store a chunk; downloads a chunk either way.
    put_bound = 2 * MIB if isinstance(store, LocalBlobStore) else 20 * MIB
    assert put_peak < put_bound, put_peak
    assert get_peak < 2 * MIB, get_peak


async def test_ranges(store: BlobStore) -> None:
    data = bytes(range(256)) * 40
    await store.put_bytes("r", data)
    assert await read_all(store, "r", offset=100) == data[100:]
    assert await read_all(store, "r", offset=100, length=50) == data[100:150]
    assert await read_all(store, "r", offset=len(data) - 5, length=50) == data[-5:]
    assert await read_all(store, "r", offset=len(data)) == b""
    assert await read_all(store, "r", offset=len(data) + 10, length=3) == b""
    assert await read_all(store, "r", length=0) == b""
    chunks = [c async for c in store.get_stream("r", offset=10, length=1000, chunk_size=300)]
    assert b"".join(chunks) == data[10:1010]
    assert len(chunks) >= 4
    with pytest.raises(InvalidArgument):
        await read_all(store, "r", offset=-1)
    with pytest.raises(InvalidArgument):
        await read_all(store, "r", length=-1)


async def test_empty_object(store: BlobStore) -> None:
    assert await store.put_stream("empty", random_chunks(0, hashlib.sha256())) == 0
    assert (await store.stat("empty")).size == 0
    assert await read_all(store, "empty") == b""
    assert await store.read_head("empty", 10) == b""


@pytest.mark.parametrize("size", [3 * MIB, 9 * MIB])  # rejected in the first part / after a part went up
async def test_overflow_leaves_nothing_behind(
    store: BlobStore, size: int, request: pytest.FixtureRequest
) -> None:
    await store.put_bytes("keep/me", b"old", content_type="text/plain")
    with pytest.raises(PayloadTooLarge):
        await store.put_stream("up/load", random_chunks(size, hashlib.sha256()), max_bytes=size - 1)
    with pytest.raises(PayloadTooLarge):
        await store.put_stream("keep/me", random_chunks(size, hashlib.sha256()), max_bytes=size - 1)
    assert [i.key for i in await store.list()] == ["keep/me"]
    assert await read_all(store, "keep/me") == b"old"
    assert [p for p in leftovers(store, request) if "keep" not in p] == []
    assert await store.put_stream("exact", random_chunks(1000, hashlib.sha256()), max_bytes=1000) == 1000


async def test_failing_producer_leaves_nothing_behind(
    store: BlobStore, request: pytest.FixtureRequest
) -> None:
    with pytest.raises(RuntimeError, match="producer broke"):
        await store.put_stream("up/load", random_chunks(12 * MIB, hashlib.sha256(), fail_after=6 * MIB))
    assert await store.list() == []
    assert leftovers(store, request) == []


async def test_cancelled_put_leaves_nothing_behind(store: BlobStore, request: pytest.FixtureRequest) -> None:
    stalled = asyncio.Event()

    async def stalling() -> AsyncIterator[bytes]:
        async for chunk in random_chunks(6 * MIB, hashlib.sha256()):
            yield chunk
        stalled.set()
        await asyncio.Event().wait()
        yield b"never"

    upload = asyncio.create_task(store.put_stream("up/load", stalling()))
    await asyncio.wait_for(stalled.wait(), 30)
    upload.cancel()
    with pytest.raises(asyncio.CancelledError):
        await upload
    assert await store.list() == []
    assert leftovers(store, request) == []


async def test_delete_and_delete_prefix(store: BlobStore) -> None:
    for key in ["users/1/a", "users/1/t/b", "users/10/c", "users/2/d"]:
        await store.put_bytes(key, b"x")
    assert await store.delete_prefix("users/1/") == ["users/1/a", "users/1/t/b"]
    assert [i.key for i in await store.list()] == ["users/10/c", "users/2/d"]
    assert await store.delete_prefix("users/1/") == []
    with pytest.raises(InvalidArgument):
        await store.delete_prefix("")
    await store.delete("users/2/d")
    await store.delete("users/2/d")  # idempotent
    assert not await store.exists("users/2/d")
    assert [i.key for i in await store.list()] == ["users/10/c"]


async def test_copy_and_move(store: BlobStore) -> None:
    await store.put_bytes("staging/u/1", b"audio", content_type="audio/flac")
    await store.copy("staging/u/1", "copies/1")
    await store.move("staging/u/1", "users/u/tracks/t/source.flac")
    assert not await store.exists("staging/u/1")
    for key in ["copies/1", "users/u/tracks/t/source.flac"]:
        assert await read_all(store, key) == b"audio"
        assert (await store.stat(key)).content_type == "audio/flac"
    await store.move("copies/1", "copies/1")
    assert await read_all(store, "copies/1") == b"audio"


async def test_missing_objects_raise_not_found(store: BlobStore, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        await store.stat("no/such")
    with pytest.raises(NotFound):
        await read_all(store, "no/such")
    with pytest.raises(NotFound):
        await read_all(store, "no/such", length=0)
    with pytest.raises(NotFound):
        await store.read_head("no/such", 4)
    with pytest.raises(NotFound):
        await store.get_file("no/such", tmp_path / "out")
    with pytest.raises(NotFound):
        await store.copy("no/such", "x")
    with pytest.raises(NotFound):
        await store.move("no/such", "x")
    assert not await store.exists("no/such")
    assert not (tmp_path / "out").exists()
    await store.delete("no/such")


@pytest.mark.parametrize(
    "key", ["", "/abs", "a/../b", "..", "a\\b", "a\x00b", "a//b", "a/", "./a", "a/.hidden"]
)
async def test_invalid_keys_are_rejected(store: BlobStore, key: str) -> None:
    with pytest.raises(InvalidArgument):
        await store.put_bytes(key, b"x")
    with pytest.raises(InvalidArgument):
        await store.stat(key)
    assert await store.list() == []


async def test_files_round_trip(store: BlobStore, tmp_path: Path) -> None:
    source = tmp_path / "in.bin"
    source.write_bytes(os.urandom(6 * MIB + 7))
    assert await store.put_file("f/in.bin", source, content_type="audio/mpeg") == source.stat().st_size
    assert (await store.stat("f/in.bin")).content_type == "audio/mpeg"
    target = tmp_path / "out" / "copy.bin"
    await store.get_file("f/in.bin", target)
    assert target.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.bin"]
    with pytest.raises(InvalidArgument):
        await store.put_file("f/missing", tmp_path / "missing.bin")


async def test_presigned_url_downloads_the_bytes(store: BlobStore) -> None:
    await store.put_bytes("p/obj", b"presigned bytes", content_type="audio/ogg")
    url = await store.presigned_get_url("p/obj", expires_seconds=60)
    if isinstance(store, LocalBlobStore):
        assert url is None
        return
    assert url is not None
    async with httpx.AsyncClient() as client:
        response = await client.get(url)
    assert response.status_code == 200
    assert response.content == b"presigned bytes"
