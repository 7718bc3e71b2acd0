"""The upload flow: stage, sniff, probe, hash, store under the track's key with a canonical copy, record."""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Generic, Protocol, TypeVar

from soundforge.ingest.probing import AudioInfo, probe
from soundforge.ingest.recording import NewTrack, TrackRecorder, file_digest
from soundforge.ingest.sniffing import SNIFF_BYTES, AudioFormat, sniff
from soundforge.runtime.errors import InvalidArgument, NotFound, PayloadTooLarge, UnsupportedMediaType
from soundforge.storage import BlobInfo, keys

TrackT = TypeVar("TrackT")

_OWNER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
_UPLOAD_ID = re.compile(r"[0-9a-f]{32}")
_MAX_FILENAME = 255
_MAX_META_BYTES = 16 * 1024
_DEFAULT_TITLE = "Untitled"


@dataclass(frozen=True)
class StagedUpload:
    upload_id: str
    staging_key: str
    max_bytes: int


class UploadStore(Protocol):
    """The part of soundforge.storage's BlobStore the upload flow uses (missing objects: NotFound)."""

    async def put_bytes(self, key: str, data: bytes, *, content_type: str = ...) -> int: ...

    async def read_head(self, key: str, n: int) -> bytes: ...

    async def get_file(self, key: str, path: Path) -> None: ...

    async def put_file(self, key: str, path: Path, *, content_type: str = ...) -> int: ...

    async def delete(self, key: str) -> None: ...

    async def list(self, prefix: str = "") -> list[BlobInfo]: ...


def title_from_filename(filename: str) -> str:
    """The file name's stem ("My Song" for "C:/music/My Song.mp3", backslashes too); else "Untitled"."""
    stem = PurePosixPath(filename.replace("\\", "/")).stem
    return stem.strip() or _DEFAULT_TITLE


class Uploads(Generic[TrackT]):
    """BeginUpload / CompleteUpload / AbortUpload over a blob store and a track recorder.

    Nothing half-written is left behind: a rejected upload is deleted from staging, and the
    objects placed under a track's key (source and canonical copy) are deleted again when the
    catalog refuses or dedupes it.
    """

    def __init__(
        self,
        store: UploadStore,
        recorder: TrackRecorder[TrackT],
        *,
        max_bytes: int,
        ffprobe: str | None,
        probe_timeout: float = 30.0,
        scratch_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.recorder = recorder
        self.max_bytes = max_bytes
        self.ffprobe = ffprobe
        self.probe_timeout = probe_timeout
        self.scratch_dir = scratch_dir

    async def begin(self, owner_id: str, filename: str) -> StagedUpload:
        _check_owner(owner_id)
        upload_id = uuid.uuid4().hex
        meta = json.dumps({"filename": filename[:_MAX_FILENAME]}, ensure_ascii=False).encode()
        await self.store.put_bytes(
            keys.staging_meta_key(owner_id, upload_id), meta, content_type="application/json"
        )
        return StagedUpload(upload_id, keys.staging_key(owner_id, upload_id), self.max_bytes)

    async def abort(self, owner_id: str, upload_id: str) -> None:
        _check_owner(owner_id)
        if _UPLOAD_ID.fullmatch(upload_id):
            await self._discard_staged(owner_id, upload_id)

    async def complete(
        self, owner_id: str, upload_id: str, *, size_bytes: int, title: str, artist: str
    ) -> tuple[TrackT, bool]:
        _check_owner(owner_id)
        if not _UPLOAD_ID.fullmatch(upload_id):
            raise NotFound("upload not found")
        key = keys.staging_key(owner_id, upload_id)
        fmt = sniff(await self.store.read_head(key, SNIFF_BYTES))
        if fmt is None:
            await self._discard_staged(owner_id, upload_id)
            raise UnsupportedMediaType("unsupported media type: not an audio file")
        with tempfile.TemporaryDirectory(prefix="sf-ingest-", dir=self.scratch_dir) as scratch:
            local = Path(scratch) / f"upload.{fmt.ext}"
            await self.store.get_file(key, local)
            size, sha256 = await asyncio.to_thread(file_digest, local)
            await self._check_size(owner_id, upload_id, declared=size_bytes, actual=size)
            info = await self._probe(owner_id, upload_id, local, fmt)
            filename = await self._filename(owner_id, upload_id)
            track_id = str(uuid.uuid4())
            track = NewTrack(
                id=track_id,
                owner_id=owner_id,
                title=title.strip() or title_from_filename(filename),
                artist=artist.strip(),
                duration=info.duration,
                sample_rate=info.sample_rate,
                channels=info.channels,
                codec=info.codec,
                content_type=fmt.content_type,
                size_bytes=size,
                sha256=sha256,
                source_key=keys.source_key(owner_id, track_id, fmt.ext),
            )

            async def place_source() -> None:
                # Written from the local copy rather than moved: the staged object carries no type
                # we trust, and the track's object must carry the sniffed one (/files serves it).
                await self.store.put_file(track.source_key, local, content_type=track.content_type)
                await self.store.delete(key)

            try:
                return await self.recorder.record(track, local, place_source)
            except UnsupportedMediaType:
                # ffmpeg could not decode it all for the canonical copy: nothing was placed yet.
                await self._discard_staged(owner_id, upload_id)
                raise
            finally:
                await self.store.delete(keys.staging_meta_key(owner_id, upload_id))

    async def _probe(self, owner_id: str, upload_id: str, local: Path, fmt: AudioFormat) -> AudioInfo:
        try:
            return await asyncio.to_thread(probe, local, fmt, self.ffprobe, self.probe_timeout)
        except UnsupportedMediaType:
            await self._discard_staged(owner_id, upload_id)
            raise

    async def _check_size(self, owner_id: str, upload_id: str, *, declared: int, actual: int) -> None:
        if actual > self.max_bytes:
            await self._discard_staged(owner_id, upload_id)
            raise PayloadTooLarge(f"upload is larger than {self.max_bytes} bytes")
        if declared and declared != actual:
            # The gateway counted different bytes than storage holds: a torn write, not a track.
            await self._discard_staged(owner_id, upload_id)
            raise InvalidArgument(f"upload is incomplete: {actual} bytes stored, {declared} written")

    async def _filename(self, owner_id: str, upload_id: str) -> str:
        try:
            raw = await self.store.read_head(keys.staging_meta_key(owner_id, upload_id), _MAX_META_BYTES)
        except NotFound:
            return ""
        try:
            return str(json.loads(raw).get("filename", ""))
        except (ValueError, AttributeError):
            return ""

    async def sweep_staging(self, older_than: timedelta) -> int:
        """Deletes staged uploads (and their sidecars) untouched for `older_than`; returns how many.

        What a gateway that died mid-upload, or a client that never completed, leaves behind.
        `older_than` must exceed the longest upload: a sidecar is written when the upload begins.
        """
        cutoff = datetime.now(UTC) - older_than
        stale = [
            info.key
            for info in await self.store.list(keys.STAGING_PREFIX)
            if info.modified_at is not None and info.modified_at < cutoff
        ]
        for key in stale:
            await self.store.delete(key)
        return len(stale)

    async def _discard_staged(self, owner_id: str, upload_id: str) -> None:
        await self.store.delete(keys.staging_key(owner_id, upload_id))
        await self.store.delete(keys.staging_meta_key(owner_id, upload_id))


def _check_owner(owner_id: str) -> None:
    # Owner ids become key components: anything but a plain id could escape the owner's prefix.
    if not _OWNER_ID.fullmatch(owner_id):
        raise InvalidArgument("owner_id is missing or malformed")
