"""The object storage contract every service codes against: `BlobStore` and the `BlobInfo` it reports."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

DEFAULT_CONTENT_TYPE = "application/octet-stream"
DEFAULT_CHUNK_SIZE = 256 * 1024


@dataclass(frozen=True)
class BlobInfo:
    key: str
    size: int
    content_type: str
    etag: str = ""
    modified_at: datetime | None = None  # UTC; when the object was last written


@runtime_checkable
class BlobStore(Protocol):
    """Objects addressed by keys (see `validate_key`); every method raises typed SoundForgeErrors.

    Missing objects raise NotFound, invalid keys InvalidArgument, an unreachable backend Unavailable.
    Memory stays bounded for any object size: data moves in chunks, except in put_bytes/read_head.
    """

    async def ensure_ready(self) -> None:
        """Creates the directory or bucket; raises Unavailable when the backend cannot be reached."""
        ...

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        max_bytes: int | None = None,
    ) -> int:
        """Writes the chunks as one object and returns its size.

        Over `max_bytes` (or on any error, or when cancelled) nothing new is left behind and
        PayloadTooLarge (or the error) is raised; an object already at `key` stays as it was.
        """
        ...

    async def put_bytes(self, key: str, data: bytes, *, content_type: str = DEFAULT_CONTENT_TYPE) -> int: ...

    async def put_file(self, key: str, path: Path, *, content_type: str = DEFAULT_CONTENT_TYPE) -> int: ...

    def get_stream(
        self,
        key: str,
        *,
        offset: int = 0,
        length: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> AsyncIterator[bytes]:
        """Yields the bytes [offset, offset + length) clipped to the object (HTTP range semantics).

        An async generator: NotFound surfaces on the first iteration. An offset at or past the end
        yields nothing.
        """
        ...

    async def get_file(self, key: str, path: Path) -> None:
        """Downloads to `path` atomically (a temp file beside it, then a rename)."""
        ...

    async def read_head(self, key: str, n: int) -> bytes:
        """The first `n` bytes (fewer when the object is shorter), e.g. for content sniffing."""
        ...

    async def stat(self, key: str) -> BlobInfo: ...

    async def exists(self, key: str) -> bool: ...

    async def copy(self, src: str, dst: str) -> None: ...

    async def move(self, src: str, dst: str) -> None: ...

    async def delete(self, key: str) -> None:
        """Idempotent: deleting a missing object is not an error."""
        ...

    async def delete_prefix(self, prefix: str) -> list[str]:
        """Deletes every object whose key starts with `prefix` (not ""); returns their keys, sorted."""
        ...

    async def list(self, prefix: str = "") -> list[BlobInfo]:
        """Every object whose key starts with `prefix` (plain string prefix, recursive), sorted by key."""
        ...

    async def presigned_get_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        """A URL that downloads the object without credentials; None when the backend has none."""
        ...
