"""Recording a track: its source object, the canonical FLAC copy beside it, then the catalog record."""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from soundforge.ingest.transcoding import Transcoder
from soundforge.runtime.errors import AlreadyExists
from soundforge.storage import keys

log = logging.getLogger(__name__)

TrackT = TypeVar("TrackT")
TrackT_co = TypeVar("TrackT_co", covariant=True)

_HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class NewTrack:
    """What ingest knows about a track it records; the catalog adds timestamps and the rest."""

    id: str
    owner_id: str
    title: str
    artist: str
    duration: float
    sample_rate: int
    channels: int
    codec: str
    content_type: str
    size_bytes: int
    sha256: str
    source_key: str
    source: str = "upload"
    canonical_key: str = ""
    album: str = ""
    source_url: str = ""
    spotify_id: str = ""
    album_art_url: str = ""


class TrackCatalog(Protocol[TrackT_co]):
    """Where tracks are recorded (the library service); dedupes by (owner, sha256)."""

    async def create_track(self, track: NewTrack) -> tuple[TrackT_co, bool]:
        """Returns the recorded track and whether it is new (False: the owner already had it)."""
        ...


class TrackObjectStore(Protocol):
    """The part of soundforge.storage's BlobStore that recording uses."""

    async def put_file(self, key: str, path: Path, *, content_type: str = ...) -> int: ...

    async def delete(self, key: str) -> None: ...


def file_digest(path: Path) -> tuple[int, str]:
    """(size, sha256 hex) in one pass over the file; blocking."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


class TrackRecorder(Generic[TrackT]):
    """Stores a track's objects and records it; nothing half-written is left behind.

    The canonical copy is made before anything is stored (a file ffmpeg cannot decode stores
    nothing). When placing an object or recording fails, or the owner already has the same file,
    every object written here is deleted again.
    """

    def __init__(
        self, store: TrackObjectStore, catalog: TrackCatalog[TrackT], transcoder: Transcoder
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.transcoder = transcoder

    async def record(
        self, track: NewTrack, local: Path, place_source: Callable[[], Awaitable[None]]
    ) -> tuple[TrackT, bool]:
        """`local` holds the source bytes; `place_source` puts them at `track.source_key`."""
        canonical_key = keys.canonical_key(track.owner_id, track.id)
        canonical_local = local.with_name(local.name + ".canonical.flac")
        # Always encoded, FLAC sources too: a few tenths of a second buys a complete header (length,
        # seek table) and no tags, whatever the source's encoder wrote.
        if self.transcoder.available:
            await self.transcoder.canonical(local, canonical_local)
        written: list[str] = []
        try:
            await place_source()
            written.append(track.source_key)
            if self.transcoder.available:
                await self.store.put_file(canonical_key, canonical_local, content_type="audio/flac")
            else:
                # Without ffmpeg the workers read the source itself (they prefer canonical_key when set).
                log.warning("no canonical copy: ffmpeg is not installed", extra={"track_id": track.id})
                canonical_key = ""
            if canonical_key:
                written.append(canonical_key)
            recorded, created = await self.catalog.create_track(replace(track, canonical_key=canonical_key))
        except AlreadyExists:
            # The id is taken: an earlier delivery of the same job recorded it, and these keys are its.
            raise
        except BaseException:
            await self._delete(written)
            raise
        finally:
            canonical_local.unlink(missing_ok=True)
        if not created:
            # Same bytes as a track the owner already has: that track keeps its own objects.
            await self._delete(written)
        return recorded, created

    async def record_file(self, track: NewTrack, local: Path) -> tuple[TrackT, bool]:
        """Records a local file, uploading it to `track.source_key`."""

        async def place() -> None:
            await self.store.put_file(track.source_key, local, content_type=track.content_type)

        return await self.record(track, local, place)

    async def _delete(self, written: list[str]) -> None:
        for key in written:
            with contextlib.suppress(Exception):
                await self.store.delete(key)
