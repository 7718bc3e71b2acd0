"""LocalBlobStore specifics: sidecars, temp files and paths on disk, the root as a boundary."""

from __future__ import annotations

from pathlib import Path

import pytest

from soundforge.runtime.errors import Conflict, InvalidArgument, Unavailable
from soundforge.storage import LocalBlobStore


@pytest.fixture
async def store(tmp_path: Path) -> LocalBlobStore:
    store = LocalBlobStore(tmp_path / "root")
    await store.ensure_ready()
    return store


async def test_objects_are_plain_files_and_sidecars_stay_hidden(store: LocalBlobStore) -> None:
    await store.put_bytes("users/1/tracks/t/source", b"ID3...", content_type="audio/mpeg")
    path = store.root / "users/1/tracks/t/source"
    assert path.read_bytes() == b"ID3..."
    assert sorted(p.name for p in path.parent.iterdir()) == [".source.meta.json", "source"]
    assert [i.key for i in await store.list()] == ["users/1/tracks/t/source"]
    assert (await store.stat("users/1/tracks/t/source")).content_type == "audio/mpeg"


async def test_stale_sidecar_is_ignored(store: LocalBlobStore) -> None:
    await store.put_bytes("a/song.flac", b"fLaC", content_type="application/x-custom")
    # Someone replaces the file behind the store's back: the sidecar no longer describes it.
    replacement = store.root / "a" / "new.tmp"
    replacement.write_bytes(b"fLaC")
    replacement.replace(store.root / "a" / "song.flac")
    info = await store.stat("a/song.flac")
    assert (info.content_type, info.etag) == ("audio/flac", "")


async def test_symlink_cannot_lead_out_of_the_root(store: LocalBlobStore, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (store.root / "link").symlink_to(outside)
    with pytest.raises(InvalidArgument):
        await store.put_bytes("link/x", b"x")
    with pytest.raises(InvalidArgument):
        await store.stat("link/x")
    assert list(outside.iterdir()) == []


async def test_key_cannot_be_object_and_directory(store: LocalBlobStore) -> None:
    await store.put_bytes("a/b", b"x")
    with pytest.raises(Conflict):
        await store.put_bytes("a/b/c", b"y")
    await store.put_bytes("d/e/f", b"z")
    with pytest.raises(Conflict):
        await store.put_bytes("d/e", b"z")
    assert [i.key for i in await store.list()] == ["a/b", "d/e/f"]


async def test_delete_and_move_prune_empty_directories(store: LocalBlobStore) -> None:
    await store.put_bytes("x/y/z", b"1")
    await store.put_bytes("m/n/o", b"2")
    await store.delete("x/y/z")
    await store.move("m/n/o", "p/q")
    assert sorted(p.name for p in store.root.iterdir()) == ["p"]


async def test_ensure_ready_reports_an_unusable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(Unavailable):
        await LocalBlobStore(blocker / "blobs").ensure_ready()


async def test_presigned_url_is_none_but_key_is_still_checked(store: LocalBlobStore) -> None:
    assert await store.presigned_get_url("any/key") is None
    with pytest.raises(InvalidArgument):
        await store.presigned_get_url("../key")
