"""Stems already made for the same audio and settings, kept by content and copied to whoever asks again.

Entries live under `cache/separation/<sha256 of the canonical audio>/<settings digest>/`, outside
every user's prefix; a hit is copied (server-side in S3) into the asking job's own stem keys, so
a user only ever holds and sees their own objects. The manifest is written last: an entry without
one is incomplete and ignored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass

from soundforge.runtime.errors import NotFound
from soundforge.separation.engine import StemFile, StemRequest
from soundforge.storage import keys
from soundforge.storage.blob_store import BlobInfo, BlobStore

_MANIFEST = "manifest.json"
CONTENT_TYPES = {"wav": "audio/wav", "flac": "audio/flac", "mp3": "audio/mpeg"}
# Bump when the engines' output for the same settings changes, so old entries stop matching.
_ENGINE_REVISION = 1


@dataclass(frozen=True)
class StoredStem:
    name: str
    object_key: str
    duration: float
    size_bytes: int
    format: str


def _fingerprint(info: BlobInfo) -> str:
    written = info.modified_at.isoformat() if info.modified_at else ""
    return f"{info.size}:{info.etag}:{written}"


def settings_digest(engine: str, request: StemRequest) -> str:
    """The settings of `request` that change the stems' bytes, hashed (not who asked, nor the key)."""
    settings = {
        "revision": _ENGINE_REVISION,
        "engine": engine,
        "model": request.model if engine == "local" else "",
        "format": request.format,
        "two_stems": request.two_stems,
        "segment": request.segment,
        "overlap": request.overlap,
        "shifts": request.shifts,
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:32]


async def store_stems(
    store: BlobStore, files: list[StemFile], key_for: Callable[[str], str]
) -> list[StoredStem]:
    """Puts each stem file at `key_for(name)`; on any failure deletes what it had put, then re-raises."""
    stored: list[StoredStem] = []
    try:
        for file in files:
            key = key_for(file.name)
            size = await store.put_file(key, file.path, content_type=CONTENT_TYPES[file.format])
            stored.append(StoredStem(file.name, key, file.duration, size, file.format))
    except BaseException:
        for stem in stored:
            await store.delete(stem.object_key)
        raise
    return stored


class StemCache:
    def __init__(self, store: BlobStore) -> None:
        self.store = store

    async def known_content(self, key: str) -> str | None:
        """The sha256 of the object at `key` when it was hashed before and has not changed since
        (same size, etag and write time): a hit then needs no download at all."""
        try:
            info = await self.store.stat(key)
            index = json.loads(await self.store.read_head(keys.content_index_key(key), 4096))
        except (NotFound, ValueError):
            return None
        return str(index["sha256"]) if index.get("fingerprint") == _fingerprint(info) else None

    async def remember_content(self, key: str, content_sha256: str) -> None:
        info = await self.store.stat(key)
        index = json.dumps({"sha256": content_sha256, "fingerprint": _fingerprint(info)}).encode()
        await self.store.put_bytes(keys.content_index_key(key), index, content_type="application/json")

    async def lookup(self, content_sha256: str, digest: str) -> list[StoredStem] | None:
        prefix = keys.separation_cache_prefix(content_sha256, digest)
        try:
            head = await self.store.read_head(prefix + _MANIFEST, 1 << 20)
        except NotFound:
            return None
        stems = [StoredStem(**entry) for entry in json.loads(head)["stems"]]
        for stem in stems:
            if not await self.store.exists(stem.object_key):
                return None  # swept or partly deleted: separate again
        return stems

    async def save(self, content_sha256: str, digest: str, stems: list[StoredStem]) -> None:
        prefix = keys.separation_cache_prefix(content_sha256, digest)
        cached = []
        for stem in stems:
            key = prefix + stem.object_key.rsplit("/", 1)[-1]
            await self.store.copy(stem.object_key, key)
            cached.append(StoredStem(stem.name, key, stem.duration, stem.size_bytes, stem.format))
        manifest = json.dumps({"stems": [asdict(s) for s in cached]}).encode()
        await self.store.put_bytes(prefix + _MANIFEST, manifest, content_type="application/json")

    async def restore(self, stems: list[StoredStem], key_for: Callable[[str], str]) -> list[StoredStem]:
        """Copies each cached stem to `key_for(name)` (the job's own key); the job's stems."""
        restored = []
        for stem in stems:
            key = key_for(stem.name)
            await self.store.copy(stem.object_key, key)
            restored.append(StoredStem(stem.name, key, stem.duration, stem.size_bytes, stem.format))
        return restored
