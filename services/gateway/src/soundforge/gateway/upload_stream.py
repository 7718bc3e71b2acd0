"""Streams a multipart upload: the file part goes straight into object storage, never whole into memory."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

from python_multipart.multipart import parse_options_header

from soundforge.gateway.client_text import check_text
from soundforge.gateway.multipart_stream import Part, PartEvent, pump_multipart
from soundforge.runtime.errors import InvalidArgument, PayloadTooLarge, ValidationFailed

log = logging.getLogger(__name__)

FILE_FIELD = "file"
# Room for the part headers and the small text fields around the file in a multipart body.
MULTIPART_OVERHEAD = 64 * 1024
MAX_FIELD_BYTES = 4096
# Text fields are held in memory until the body ends, so their number and total size are capped.
MAX_PARTS = 16
MAX_FIELDS_BYTES = 16 * 1024
# Chunks in flight between the parser and the blob store; bounds memory per upload.
QUEUE_DEPTH = 4
# How long an abandoned store write gets to clean up after itself before it is cancelled.
ABANDON_SECONDS = 10.0
UNKNOWN_MEDIA_TYPE = "application/octet-stream"
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")


class UploadAbandoned(Exception):
    """Raised inside the store's read loop when the request fails, so the store discards the object."""


@dataclass(frozen=True)
class StagingArea:
    upload_id: str
    key: str
    max_bytes: int


class UploadStaging(Protocol):
    """Where a file part may be written (ingest's BeginUpload) and how to give it back (AbortUpload)."""

    async def begin(self, filename: str, content_type: str) -> StagingArea: ...

    async def abort(self, upload_id: str) -> None: ...


class StreamingBlobs(Protocol):
    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], *, content_type: str, max_bytes: int
    ) -> Any: ...


@dataclass
class ReceivedUpload:
    staging: StagingArea
    size: int
    filename: str
    content_type: str
    fields: dict[str, str]


class BlobWriter:
    """Feeds one object through a bounded queue; a store that fails early is noticed at the next chunk."""

    def __init__(self, blobs: StreamingBlobs, staging: StagingArea, content_type: str) -> None:
        self.staging = staging
        self.size = 0
        self._queue: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue(maxsize=QUEUE_DEPTH)
        self._task = asyncio.create_task(
            blobs.put_stream(
                staging.key, self._chunks(), content_type=content_type, max_bytes=staging.max_bytes
            )
        )

    async def _chunks(self) -> AsyncIterator[bytes]:
        while (item := await self._queue.get()) is not None:
            if isinstance(item, BaseException):
                # Raised inside put_stream's read loop, so the store discards what it wrote.
                raise item
            yield item

    async def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.staging.max_bytes:
            raise PayloadTooLarge(f"upload exceeds {self.staging.max_bytes} bytes")
        await self._send(chunk)

    async def close(self) -> None:
        await self._send(None)
        await self._task

    async def abandon(self) -> None:
        """Ends the store's write with an error (it cleans up); cancels it if it does not finish."""
        if not self._task.done():
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self._send(UploadAbandoned("upload abandoned")), ABANDON_SECONDS)
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self._task, ABANDON_SECONDS)
        with contextlib.suppress(BaseException):
            await self._task

    async def _send(self, item: bytes | BaseException | None) -> None:
        put = asyncio.ensure_future(self._queue.put(item))
        done, _ = await asyncio.wait({put, self._task}, return_when=asyncio.FIRST_COMPLETED)
        if put in done:
            return
        put.cancel()
        self._task.result()  # re-raises the store's error (e.g. PayloadTooLarge)
        raise RuntimeError("blob store stopped reading before the upload ended")


def part_content_type(header: str | None) -> str:
    """The file part's media type without parameters; anything that is not `type/subtype` is unknown.

    Only a hint passed to BeginUpload (ingest sniffs the bytes); it must be a plain token rather
    than whatever a client wrote, and it is never stored as an object's type.
    """
    kind = parse_options_header(header)[0].decode("latin-1").lower()
    return kind if _MEDIA_TYPE.fullmatch(kind) else UNKNOWN_MEDIA_TYPE


async def receive_upload(
    body: AsyncIterator[bytes],
    content_type: str | None,
    *,
    staging: UploadStaging,
    blobs: StreamingBlobs,
    max_body_bytes: int,
) -> ReceivedUpload:
    """Parses the body as it arrives; on any failure the staged upload is aborted before re-raising."""
    return await pump_multipart(body, content_type, _Receiver(staging, blobs), max_body_bytes)


class _Receiver:
    """Turns parser events into staged writes (the one file part) and collected text fields."""

    def __init__(self, staging: UploadStaging, blobs: StreamingBlobs) -> None:
        self._staging = staging
        self._blobs = blobs
        self._writer: BlobWriter | None = None
        self._file_part: Part | None = None
        self._filename = ""
        self._content_type = ""
        self._file_done = False
        self._fields: dict[str, str] = {}
        self._parts = 0
        self._field_bytes = 0

    async def handle(self, event: PartEvent, part: Part, chunk: bytes) -> None:
        if event == "begin":
            self._parts += 1
            if self._parts > MAX_PARTS:
                raise InvalidArgument(f"at most {MAX_PARTS} form parts are accepted")
            if part.name == FILE_FIELD and part.filename is not None:
                await self._begin_file(part)
        elif event == "data":
            if part is self._file_part and self._writer is not None:
                await self._writer.write(chunk)
            elif part.filename is None:
                self._keep_field_bytes(part, chunk)
        elif event == "end":
            if part is self._file_part and self._writer is not None:
                self._file_done = True
                await self._writer.close()
            elif part.filename is None and part.name:
                value = part.value.decode("utf-8", "replace")
                check_text({part.name: value})
                self._fields[part.name] = value

    def _keep_field_bytes(self, part: Part, chunk: bytes) -> None:
        part.value.extend(chunk)
        self._field_bytes += len(chunk)
        if len(part.value) > MAX_FIELD_BYTES:
            raise ValidationFailed({part.name or "field": ["is too long"]})
        if self._field_bytes > MAX_FIELDS_BYTES:
            raise InvalidArgument("form fields too large")

    async def _begin_file(self, part: Part) -> None:
        if self._writer is not None:
            raise InvalidArgument("only one file part is accepted")
        check_text({FILE_FIELD: part.filename or ""})  # the file name may become the track's title
        self._file_part = part
        self._filename = part.filename or ""
        self._content_type = part_content_type(part.headers.get("content-type"))
        area = await self._staging.begin(self._filename, self._content_type)
        # Stored as unknown: the declared type is the client's word (text/html for a WAV, say), and
        # ingest gives the track's object the type it sniffs from the bytes.
        self._writer = BlobWriter(self._blobs, area, UNKNOWN_MEDIA_TYPE)

    def result(self) -> ReceivedUpload:
        if self._writer is None:
            raise ValidationFailed({FILE_FIELD: ["can't be blank"]})
        if not self._file_done:
            raise InvalidArgument("multipart body ended inside the file part")
        return ReceivedUpload(
            staging=self._writer.staging,
            size=self._writer.size,
            filename=self._filename,
            content_type=self._content_type,
            fields=self._fields,
        )

    async def abandon(self) -> None:
        if self._writer is None:
            return
        await self._writer.abandon()
        await abort_quietly(self._staging, self._writer.staging.upload_id)


async def abort_quietly(staging: UploadStaging, upload_id: str) -> None:
    """Gives a staged upload back; the original failure is what the client must see, not this one's."""
    try:
        await staging.abort(upload_id)
    except Exception:
        log.warning("could not abort upload", exc_info=True, extra={"upload_id": upload_id})
