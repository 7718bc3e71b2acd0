"""A ZIP archive built while it is sent: objects are read chunk by chunk, nothing is held whole."""

from __future__ import annotations

import zipfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from soundforge.storage import BlobStore

# zipfile refuses to grow an entry past 2 GiB without zip64 in its local header.
_ZIP64_FROM = 1 << 31


@dataclass(frozen=True)
class ZipEntry:
    name: str  # the path inside the archive
    key: str  # the object
    size: int


class _Sink:
    """A write-only, unseekable file: zipfile then writes data descriptors and never seeks back."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.offset = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


async def zip_stream(store: BlobStore, entries: Sequence[ZipEntry]) -> AsyncIterator[bytes]:
    """Yields the archive of `entries` (stored, not compressed: audio does not shrink)."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:  # type: ignore[call-overload]
        for entry in entries:
            with archive.open(entry.name, "w", force_zip64=entry.size >= _ZIP64_FROM) as member:
                async for chunk in store.get_stream(entry.key):
                    member.write(chunk)
                    if sink.offset and sink.parts:
                        yield sink.drain()
            yield sink.drain()
    yield sink.drain()
