"""The DAW mixdown adapter: the owner's stem objects + an edit manifest -> one float32 WAV object.

Float32 because a sum of stems routinely peaks above 0 dBFS: float keeps every sample of it (no
clipping in the file, no silent normalisation), and the WAV's PEAK chunk records the peak, which
the gateway reports to the caller. Lowering the master is then the caller's informed choice.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

import numpy as np
import soundfile

from soundforge.runtime.errors import (
    InvalidArgument,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
)
from soundforge.separation import mix_manifest
from soundforge.separation.mix_manifest import MixPlan
from soundforge.separation.mix_sources import StemReader, convert_with_ffmpeg, probe_rate, probe_seconds
from soundforge.separation.mixing import mix_blocks
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import keys, validate_key
from soundforge.storage.blob_store import BlobStore

log = logging.getLogger(__name__)

# A DAW export's objects live seconds; older ones were left by a process that died mid-export.
STALE_AFTER = timedelta(hours=1)
WAV_CONTENT_TYPE = "audio/wav"


class StemMixer:
    def __init__(
        self, store: BlobStore, settings: SeparationSettings, scratch_dir: Path | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self.scratch_dir = scratch_dir
        self.ffmpeg = shutil.which("ffmpeg")

    async def export(self, owner_id: str, track_id: str, stem_keys: list[str], manifest_json: str) -> str:
        """Mixes and stores the WAV; its key, under the owner's prefix. Inputs are left as they were."""
        if not stem_keys:
            raise ValidationFailed({"stems": ["can't be blank"]})
        if len(stem_keys) > self.settings.mix_max_stems:
            raise PayloadTooLarge(f"at most {self.settings.mix_max_stems} stems are mixed at once")
        for key in stem_keys:
            _require_owned(key, owner_id)
        plan = mix_manifest.parse(manifest_json, [[PurePosixPath(key).stem] for key in stem_keys])
        await self._sweep(owner_id)
        with tempfile.TemporaryDirectory(prefix="mixdown-", dir=self.scratch_dir) as scratch:
            paths = []
            for index, key in enumerate(stem_keys):
                path = Path(scratch, f"stem-{index}")
                await self.store.get_file(key, path)
                paths.append(path)
            output = Path(scratch, "mix.wav")
            peak = await asyncio.to_thread(self._render, paths, plan, output)
            mix_key = keys.daw_mix_key(owner_id, uuid.uuid4().hex)
            await self.store.put_file(mix_key, output, content_type=WAV_CONTENT_TYPE)
        log.info(
            "mixdown written",
            extra={"track_id": track_id, "stems": len(stem_keys), "peak": peak, "key": mix_key},
        )
        return mix_key

    def _render(self, paths: list[Path], plan: MixPlan, output: Path) -> float:
        """Decodes, mixes block by block and writes the WAV; the mix's sample peak (linear)."""
        readable = [self._readable(path, f"stems[{index}]") for index, path in enumerate(paths)]
        for index, path in enumerate(readable):
            if probe_seconds(path) > self.settings.mix_max_seconds:
                raise PayloadTooLarge(
                    f"stems[{index}] is longer than {self.settings.mix_max_seconds:g} seconds"
                )
        rate = plan.sample_rate or max(probe_rate(path) or 0 for path in readable)
        readers: list[StemReader] = []
        peak = 0.0
        try:
            for index, path in enumerate(readable):
                readers.append(StemReader(path, rate, f"stems[{index}]"))
            with soundfile.SoundFile(
                str(output), "w", samplerate=rate, channels=2, subtype="FLOAT", format="WAV"
            ) as wav:
                for block in mix_blocks(readers, plan, rate):
                    if len(block):
                        peak = max(peak, float(np.max(np.abs(block))))
                    wav.write(block)
        finally:
            for reader in readers:
                reader.close()
        return peak

    def _readable(self, path: Path, field: str) -> Path:
        if probe_rate(path) is not None:
            return path
        if self.ffmpeg is None:
            raise _unreadable(field)
        converted = path.with_suffix(".wav")
        convert_with_ffmpeg(self.ffmpeg, path, converted, field)
        if probe_rate(converted) is None:
            raise _unreadable(field)
        return converted

    async def _sweep(self, owner_id: str) -> None:
        """Deletes this owner's DAW objects a dead gateway or service left behind (best effort)."""
        cutoff = datetime.now(UTC) - STALE_AFTER
        try:
            for info in await self.store.list(keys.daw_prefix(owner_id)):
                if info.modified_at is not None and info.modified_at < cutoff:
                    await self.store.delete(info.key)
        except Exception:
            log.warning("could not sweep stale DAW objects", exc_info=True)


def _unreadable(field: str) -> UnsupportedMediaType:
    return UnsupportedMediaType(f"{field} is not audio this service can read")


def _require_owned(key: str, owner_id: str) -> None:
    # Another user's key is the same NotFound as a missing one: nothing leaks about what exists.
    try:
        validate_key(key)
    except InvalidArgument:
        raise NotFound("stem not found") from None
    if not keys.owned_by(key, owner_id):
        raise NotFound("stem not found")
