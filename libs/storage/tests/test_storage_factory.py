"""open_blob_store picks and configures the backend from settings; validate_key guards every key."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest

from soundforge.runtime.errors import InvalidArgument, Unavailable
from soundforge.runtime.settings import ServiceSettings
from soundforge.storage import BlobStore, LocalBlobStore, S3BlobStore, open_blob_store, validate_key
from soundforge.testing.dead_end import dead_end
from soundforge.testing.ports import free_port
from soundforge.testing.servers import S3Server


def settings(**values: object) -> ServiceSettings:
    return ServiceSettings(**values)  # type: ignore[arg-type]


async def test_file_urls_relative_and_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    relative = open_blob_store(settings(blob_url="file://./var/blobs"))
    assert isinstance(relative, LocalBlobStore)
    assert relative.root == tmp_path / "var" / "blobs"
    absolute = open_blob_store(settings(blob_url=f"file://{tmp_path}/abs"))
    assert isinstance(absolute, LocalBlobStore)
    assert absolute.root == tmp_path / "abs"
    await relative.ensure_ready()
    await relative.put_bytes("k", b"v")
    assert (tmp_path / "var" / "blobs" / "k").read_bytes() == b"v"
    assert isinstance(relative, BlobStore)


async def test_s3_url_with_prefix_writes_under_the_prefix(s3: S3Server) -> None:
    bucket = f"t-{uuid.uuid4().hex}"
    store = open_blob_store(
        settings(
            blob_url=f"s3://{bucket}/env/prod",
            s3_endpoint=f"http://{s3.endpoint}",
            s3_access_key=s3.access_key,
            s3_secret_key=s3.secret_key,
        )
    )
    assert isinstance(store, S3BlobStore)
    assert isinstance(store, BlobStore)
    await store.ensure_ready()
    await store.ensure_ready()  # the bucket exists now: still fine
    await store.put_bytes("users/1/a", b"payload")
    # List the bucket without the code under test (moto does not check signatures).
    async with httpx.AsyncClient() as client:
        response = await client.get(f"http://{s3.endpoint}/{bucket}?list-type=2")
    keys = [el.text for el in ET.fromstring(response.content).iter() if el.tag.endswith("}Key")]
    assert keys == ["env/prod/users/1/a"]
    assert [i.key for i in await store.list()] == ["users/1/a"]
    store.close()


@pytest.mark.parametrize(
    "values",
    [
        {"blob_url": "ftp://host/dir"},
        {"blob_url": "var/blobs"},
        {"blob_url": "file://"},
        {"blob_url": "s3://bucket", "s3_endpoint": ""},
        {"blob_url": "s3://Not_A_Bucket", "s3_endpoint": "127.0.0.1:9000"},
        {"blob_url": "s3://bucket/../x", "s3_endpoint": "127.0.0.1:9000"},
    ],
)
def test_bad_settings_are_rejected(values: dict[str, str]) -> None:
    with pytest.raises(InvalidArgument):
        open_blob_store(settings(**values))


async def test_unreachable_s3_is_unavailable() -> None:
    store = open_blob_store(settings(blob_url="s3://bucket", s3_endpoint=f"127.0.0.1:{free_port()}"))
    with pytest.raises(Unavailable, match="unreachable"):
        await store.ensure_ready()


async def test_an_s3_endpoint_dropping_connections_is_tried_four_times_then_unavailable() -> None:
    """Not the SDK's default of 5 retries, each allowed 5 minutes to connect: a readiness check
    learns soon that storage is down (bench/bench_failure_detection.py: how soon)."""
    with dead_end(drop=True) as endpoint:
        store = open_blob_store(settings(blob_url="s3://bucket", s3_endpoint=f"127.0.0.1:{endpoint.port}"))
        with pytest.raises(Unavailable, match="unreachable"):
            await store.ensure_ready()
    assert endpoint.connections == 4  # the first try and 3 retries


@pytest.mark.parametrize("key", ["a", "users/1/tracks/2/source.mp3", "a b/ü/ç.wav", "x" * 1024])
def test_valid_keys_pass_unchanged(key: str) -> None:
    assert validate_key(key) == key


@pytest.mark.parametrize(
    "key",
    ["", "/a", "a//b", "a/", "..", "a/../b", "a/./b", ".a", "a/.b", "a\\b", "a\x00", "\udc80", "x" * 1025],
)
def test_invalid_keys_raise(key: str) -> None:
    with pytest.raises(InvalidArgument):
        validate_key(key)
