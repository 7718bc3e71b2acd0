"""A blocking file-like reader fed with chunks from the event loop, for SDKs that pull from a stream."""

from __future__ import annotations

import asyncio
import contextlib
import queue
from collections.abc import AsyncIterable, Awaitable, Callable
from dataclasses import dataclass

from soundforge.runtime.errors import PayloadTooLarge
from soundforge.storage.worker_thread import Aborted


@dataclass(frozen=True)
class _End:
    error: BaseException | None = None


class ChunkReader:
    """The event loop `feed()`s chunks; a worker thread `read()`s them (minio's put_object, or the
    local store's file writer).

    At most `max_chunks` chunks wait between the two, so memory stays bounded however fast the
    producer is. `fail()` makes the next `read()` raise, which is how the writer in the worker
    thread is told to give up (minio aborts its multipart upload, the local writer drops its
    temp file).
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, *, max_chunks: int = 8) -> None:
        self._loop = loop
        self._items: queue.SimpleQueue[bytes | _End] = queue.SimpleQueue()
        self._max_chunks = max_chunks
        self._in_flight = 0
        self._room = asyncio.Event()
        self._consumer_gone = False
        self._pending = memoryview(b"")
        self._eof = False

    # -- event loop side -------------------------------------------------------------------------

    async def feed(self, chunk: bytes) -> bool:
        """Queues a chunk, waiting for room; False when the reader is gone (its error tells why)."""
        while self._in_flight >= self._max_chunks and not self._consumer_gone:
            self._room.clear()
            await self._room.wait()
        if self._consumer_gone:
            return False
        if chunk:
            self._in_flight += 1
            self._items.put(bytes(chunk))
        return True

    def finish(self) -> None:
        self._items.put(_End())

    def fail(self, error: BaseException | None = None) -> None:
        self._items.put(_End(error or Aborted("upload abandoned")))

    def consumer_gone(self) -> None:
        """Called when the worker ended, so a waiting `feed()` stops waiting."""
        self._consumer_gone = True
        self._room.set()

    def _taken(self) -> None:
        self._in_flight -= 1
        self._room.set()

    # -- worker thread side ----------------------------------------------------------------------

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (all when negative), fewer only at the end of the stream."""
        parts: list[bytes] = []
        wanted = size if size >= 0 else None
        got = 0
        while wanted is None or got < wanted:
            piece = self._next_piece(None if wanted is None else wanted - got)
            if not piece:
                break
            parts.append(piece)
            got += len(piece)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def read1(self, size: int = -1) -> bytes:
        """The next chunk as it was fed (at most `size` bytes): no gathering, no copy."""
        return self._next_piece(size if size >= 0 else None)

    def _next_piece(self, limit: int | None) -> bytes:
        if not self._pending:
            if self._eof:
                return b""
            item = self._items.get()
            if isinstance(item, _End):
                if item.error is not None:
                    raise Aborted("upload abandoned") from item.error
                self._eof = True
                return b""
            with contextlib.suppress(RuntimeError):  # loop closed: nobody feeds any more anyway
                self._loop.call_soon_threadsafe(self._taken)
            if limit is None or len(item) <= limit:
                return item
            self._pending = memoryview(item)
        if limit is None or len(self._pending) <= limit:
            piece, self._pending = bytes(self._pending), memoryview(b"")
            return piece
        piece, self._pending = bytes(self._pending[:limit]), self._pending[limit:]
        return piece


async def pump_chunks(
    chunks: AsyncIterable[bytes],
    consume: Callable[[ChunkReader], Awaitable[object]],
    *,
    key: str,
    max_bytes: int | None,
) -> int:
    """Feeds `chunks` to `consume(reader)` (a blocking writer on its own thread); returns the byte count.

    Over `max_bytes`, on a producer error or on cancellation the reader fails, so the writer
    throws its partial work away; this returns only once it has, then re-raises.
    """
    reader = ChunkReader(asyncio.get_running_loop())
    writer = asyncio.ensure_future(consume(reader))
    writer.add_done_callback(lambda _: reader.consumer_gone())
    total = 0
    try:
        async for chunk in chunks:
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise PayloadTooLarge(f"object exceeds {max_bytes} bytes", details={"key": key})
            if not await reader.feed(chunk):
                break  # the writer ended early: awaiting it below raises its error
        reader.finish()
        await writer
    except BaseException as exc:
        reader.fail(exc)
        await asyncio.wait({writer})
        if not writer.cancelled():
            writer.exception()  # retrieved: the caller gets the error that made us stop
        raise
    return total
