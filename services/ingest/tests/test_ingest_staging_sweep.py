"""Staged uploads nobody completed are deleted after the TTL; recent ones are left alone."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from soundforge.ingest.uploads import Uploads
from soundforge.storage import LocalBlobStore
from soundforge.storage.keys import staging_key, staging_meta_key


def age(store: LocalBlobStore, key: str, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(store.root / key, (then, then))


async def test_sweep_deletes_only_stale_staged_uploads(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path / "blobs")
    await store.ensure_ready()
    # The sweep never records a track: no recorder is needed.
    uploads: Uploads[Any] = Uploads(store, cast(Any, None), max_bytes=1024, ffprobe=None)
    abandoned = await uploads.begin("owner-1", "lost.wav")
    await store.put_bytes(abandoned.staging_key, b"RIFF....")
    in_progress = await uploads.begin("owner-2", "fresh.wav")
    await store.put_bytes("tracks/owner-1/t/source.wav", b"RIFF....")  # not staging: never swept
    for key in (abandoned.staging_key, staging_meta_key("owner-1", abandoned.upload_id)):
        age(store, key, 2 * 24 * 3600)
    age(store, "tracks/owner-1/t/source.wav", 30 * 24 * 3600)

    removed = await uploads.sweep_staging(timedelta(hours=24))

    assert removed == 2
    remaining = sorted(info.key for info in await store.list())
    assert remaining == [
        staging_meta_key("owner-2", in_progress.upload_id),
        "tracks/owner-1/t/source.wav",
    ]
    assert staging_key("owner-2", in_progress.upload_id) == in_progress.staging_key
    assert await uploads.sweep_staging(timedelta(hours=24)) == 0
