"""RenderSpectrogram's work: the mel PNG of any audio object an owner has, stored beside it and reused."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path, PurePosixPath

from soundforge.analysis.features import analyze_file
from soundforge.analysis.spectrogram import SOURCE_TAG, png_text
from soundforge.runtime.errors import InvalidArgument, NotFound
from soundforge.storage import keys, validate_key
from soundforge.storage.blob_store import BlobStore

_HEAD_BYTES = 4096  # the PNG header and text chunks come before the image data


class SpectrogramRenderer:
    """Renders at most `concurrency` images at a time, each in a thread, so RPCs never block the loop."""

    def __init__(self, store: BlobStore, scratch_dir: Path | None = None, concurrency: int = 1) -> None:
        self.store = store
        self.scratch_dir = scratch_dir
        self._slots = asyncio.Semaphore(concurrency)

    async def render(self, owner_id: str, audio_key: str) -> str:
        """The key of the PNG for `audio_key`, drawing it only when none was drawn from this audio.

        Another owner's object, like a missing one, is NotFound, so keys do not leak; an image
        is current when its Source-ETag text chunk names the audio object's present ETag.
        """
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        validate_key(audio_key)
        if not keys.owned_by(audio_key, owner_id):
            raise NotFound("audio not found")
        info = await self.store.stat(audio_key)
        target = keys.spectrogram_key_for(audio_key)
        if await self._drawn_from(target, info.etag):
            return target
        async with self._slots:
            with tempfile.TemporaryDirectory(prefix="sf-spectrogram-", dir=self.scratch_dir) as scratch:
                local = Path(scratch) / PurePosixPath(audio_key).name
                await self.store.get_file(audio_key, local)
                analysis = await asyncio.to_thread(
                    analyze_file, local, ["spectrogram"], source_etag=info.etag
                )
        assert analysis.spectrogram_png is not None
        await self.store.put_bytes(target, analysis.spectrogram_png, content_type="image/png")
        return target

    async def _drawn_from(self, target: str, etag: str) -> bool:
        if not etag:
            return False
        try:
            head = await self.store.read_head(target, _HEAD_BYTES)
        except NotFound:
            return False
        return png_text(head).get(SOURCE_TAG) == etag
