"""The DAW export form, parsed as it streams: every `stems[]` file goes straight into object storage."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from soundforge.gateway.client_text import check_text
from soundforge.gateway.multipart_stream import Part, PartEvent, pump_multipart
from soundforge.gateway.upload_stream import UNKNOWN_MEDIA_TYPE, BlobWriter, StagingArea, StreamingBlobs
from soundforge.runtime.errors import InvalidArgument, PayloadTooLarge, ValidationFailed
from soundforge.storage import BlobStore, keys

log = logging.getLogger(__name__)

# Browsers send `stems[]` (FormData.append("stems[]", file)); `stems`, `stems[0]`... are accepted too.
STEM_FILE = re.compile(r"stems?(\[\d*\])?")
STEM_ID = re.compile(r"stem_ids?(\[\d*\])?")
TEXT_FIELDS = ("track_id", "manifest")
MAX_MANIFEST_BYTES = 256 * 1024
MAX_TEXT_BYTES = 4096
# Room for the part headers and small fields beside the files and the manifest.
FORM_OVERHEAD = 64 * 1024


@dataclass(frozen=True)
class StagedStem:
    key: str
    filename: str
    size: int


@dataclass
class ExportForm:
    track_id: str = ""
    manifest: str | None = None
    stem_ids: list[str] = field(default_factory=list)
    stems: list[StagedStem] = field(default_factory=list)

    @property
    def stem_count(self) -> int:
        return len(self.stems) + len(self.stem_ids)


def max_body_bytes(max_upload_bytes: int) -> int:
    return max_upload_bytes + MAX_MANIFEST_BYTES + FORM_OVERHEAD


async def receive_export_form(
    body: AsyncIterator[bytes],
    content_type: str | None,
    *,
    blobs: BlobStore,
    owner_id: str,
    export_id: str,
    max_stems: int,
    max_upload_bytes: int,
) -> ExportForm:
    """Parses the body as it arrives; on any failure every stem staged so far is deleted first."""
    receiver = _Receiver(blobs, owner_id, export_id, max_stems, max_upload_bytes)
    return await pump_multipart(body, content_type, receiver, max_body_bytes(max_upload_bytes))


class _Receiver:
    """Turns parser events into one staged object per stem file and the collected text fields."""

    def __init__(
        self, blobs: BlobStore, owner_id: str, export_id: str, max_stems: int, max_bytes: int
    ) -> None:
        self._blobs = blobs
        self._owner_id = owner_id
        self._export_id = export_id
        self._max_stems = max_stems
        self._max_bytes = max_bytes
        self._form = ExportForm()
        self._writer: BlobWriter | None = None
        self._file: Part | None = None
        self._used = 0
        self._text_bytes = 0

    async def handle(self, event: PartEvent, part: Part, chunk: bytes) -> None:
        if event == "begin":
            if part.filename is not None:
                await self._begin_file(part)
        elif event == "data":
            if part is self._file and self._writer is not None:
                await self._writer.write(chunk)
            elif part.filename is None:
                self._keep_text(part, chunk)
        elif part is self._file and self._writer is not None:
            await self._writer.close()
            self._form.stems.append(
                StagedStem(self._writer.staging.key, part.filename or "", self._writer.size)
            )
            self._used += self._writer.size
            self._writer, self._file = None, None
        elif part.filename is None:
            self._end_text(part)

    async def _begin_file(self, part: Part) -> None:
        if not part.filename:
            return  # a browser's empty file input: no file chosen
        if not STEM_FILE.fullmatch(part.name):
            raise ValidationFailed({part.name or "file": ["is not a file field of this form; send stems[]"]})
        check_text({"stems[]": part.filename or ""})
        self._count_one()
        index = len(self._form.stems)
        area = StagingArea(
            upload_id=f"{self._export_id}/{index}",
            key=keys.daw_upload_key(self._owner_id, self._export_id, index),
            max_bytes=self._max_bytes - self._used,
        )
        self._file = part
        blobs: StreamingBlobs = self._blobs
        # The client's declared type is not stored: the mixer decodes what the bytes are.
        self._writer = BlobWriter(blobs, area, UNKNOWN_MEDIA_TYPE)

    def _keep_text(self, part: Part, chunk: bytes) -> None:
        part.value.extend(chunk)
        self._text_bytes += len(chunk)
        limit = MAX_MANIFEST_BYTES if part.name == "manifest" else MAX_TEXT_BYTES
        if len(part.value) > limit:
            raise ValidationFailed({part.name or "field": ["is too long"]})
        if self._text_bytes > MAX_MANIFEST_BYTES + FORM_OVERHEAD:
            raise PayloadTooLarge("form fields too large")

    def _end_text(self, part: Part) -> None:
        text = part.value.decode("utf-8", "replace")
        check_text({part.name or "field": text})
        if STEM_ID.fullmatch(part.name):
            self._count_one()
            self._form.stem_ids.append(text.strip())
        elif part.name == "track_id":
            self._once(part.name, self._form.track_id)
            self._form.track_id = text.strip()
        elif part.name == "manifest":
            self._once(part.name, self._form.manifest)
            self._form.manifest = text

    def _once(self, name: str, current: str | None) -> None:
        if current:
            raise ValidationFailed({name: ["is given more than once"]})

    def _count_one(self) -> None:
        if self._form.stem_count + 1 > self._max_stems:
            raise PayloadTooLarge(f"at most {self._max_stems} stems are mixed at once")

    def result(self) -> ExportForm:
        if self._writer is not None:
            raise InvalidArgument("multipart body ended inside a file part")
        return self._form

    async def abandon(self) -> None:
        if self._writer is not None:
            await self._writer.abandon()
        await delete_quietly(self._blobs, [stem.key for stem in self._form.stems])


async def delete_quietly(blobs: BlobStore, object_keys: list[str]) -> None:
    """Deletes staged objects; the request's own outcome is what the client must see, not this one's."""
    for key in object_keys:
        try:
            await blobs.delete(key)
        except Exception:
            log.warning("could not delete a staged DAW object", exc_info=True, extra={"key": key})
