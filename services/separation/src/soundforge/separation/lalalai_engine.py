"""The lalal.ai separation engine: upload, split, poll with progress, download stems; cancel on exit."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path
from typing import Any

from soundforge.events import PermanentJobError
from soundforge.runtime.errors import SoundForgeError, UpstreamError, ValidationFailed
from soundforge.separation.engine import Progress, StemFile, StemRequest
from soundforge.separation.lalalai_client import LalalaiApiError, LalalaiClient, LicenseKey
from soundforge.separation.lalalai_keys import LicenseKeys, explain
from soundforge.separation.lalalai_tasks import TaskRegistry

log = logging.getLogger(__name__)

# lalal.ai's stem names (v1.1); the platform says "drums" and "guitar" as Demucs does.
LALALAI_STEMS = (
    "vocals",
    "drum",
    "piano",
    "bass",
    "electric_guitar",
    "acoustic_guitar",
    "synthesizer",
    "strings",
    "wind",
)
TO_PLATFORM = {"drum": "drums", "electric_guitar": "guitar"}
FROM_PLATFORM = {platform: lalalai for lalalai, platform in TO_PLATFORM.items()}
# No two_stems: the htdemucs_6s set (the remainder comes back as "other"), within multistem's 6.
MULTISTEM_DEFAULT = ("vocals", "drum", "bass", "piano", "electric_guitar")
FORMATS = frozenset({"wav", "flac", "mp3"})
EXTRACTION_LEVEL = "deep_extraction"

# Shares of the reported progress: the upload, lalal.ai's own 0-100, then the downloads.
UPLOADED = 0.05
SPLIT_DONE = 0.9
# Cancelling or deleting on the way out may not hold up the cancellation for long.
CLEANUP_SECONDS = 10.0
_SAFE_NAME = re.compile(r"[^a-z0-9_]+")


def platform_stem(name: str) -> str:
    return TO_PLATFORM.get(name, name)


def lalalai_stem(two_stems: str) -> str:
    """The lalal.ai name of a platform stem name ("drums" -> "drum"); ValidationFailed if it has none."""
    name = FROM_PLATFORM.get(two_stems, two_stems)
    if name not in LALALAI_STEMS:
        choices = ", ".join(sorted(platform_stem(stem) for stem in LALALAI_STEMS))
        raise ValidationFailed({"two_stems": [f"lalal.ai separates one of: {choices}"]})
    return name


def presets_for(request: StemRequest) -> dict[str, Any]:
    """`presets` of the split: one stem and its complement for two_stems, else the multistem set."""
    if request.format not in FORMATS:
        raise ValidationFailed({"format": [f"must be one of {', '.join(sorted(FORMATS))}"]})
    presets: dict[str, Any] = {
        "dereverb_enabled": False,
        "encoder_format": request.format,
        "extraction_level": EXTRACTION_LEVEL,
    }
    if request.two_stems:
        presets["stem"] = lalalai_stem(request.two_stems)
    else:
        presets["stem_list"] = list(MULTISTEM_DEFAULT)
    return presets


def track_name(track: dict[str, Any], presets: dict[str, Any]) -> str:
    """A result track's platform name: the stem, "no_<stem>" for its complement, "other" for multistem's."""
    single = presets.get("stem")
    label = _SAFE_NAME.sub("_", str(track.get("label") or "").lower()).strip("_")
    if track.get("type") == "back":
        return f"no_{platform_stem(single)}" if single else "other"
    if single:
        return platform_stem(single)
    return platform_stem(label) if label else "stem"


class LalalaiEngine:
    """SeparationEngine over lalal.ai; the task is registered for its owner while it runs."""

    def __init__(
        self,
        client: LalalaiClient,
        keys: LicenseKeys,
        registry: TaskRegistry,
        *,
        poll_seconds: float,
        timeout_seconds: float,
    ) -> None:
        self.client = client
        self.keys = keys
        self.registry = registry
        self.poll_seconds = poll_seconds
        self.timeout_seconds = timeout_seconds

    async def separate(
        self, source: Path, out_dir: Path, request: StemRequest, on_progress: Progress
    ) -> list[StemFile]:
        presets = presets_for(request)
        if request.license_key:
            key = LicenseKey(request.license_key, "request")
        else:
            key = (await self.keys.account(request.owner_id)).key
        try:
            async with asyncio.timeout(self.timeout_seconds):
                return await self._separate(key, source, out_dir, request, presets, on_progress)
        except TimeoutError:
            raise PermanentJobError(f"lalal.ai did not finish within {self.timeout_seconds:g} s") from None
        except LalalaiApiError as err:
            explained = explain(err, key)
            if 400 <= err.status < 500:
                raise PermanentJobError(explained.message) from err
            raise explained from err

    async def _separate(
        self,
        key: LicenseKey,
        source: Path,
        out_dir: Path,
        request: StemRequest,
        presets: dict[str, Any],
        on_progress: Progress,
    ) -> list[StemFile]:
        on_progress(0.0, "uploading to lalal.ai")
        uploaded = await self.client.upload(key, source)
        source_id = str(uploaded.get("id") or "")
        if not source_id:
            raise UpstreamError("lalal.ai answered the upload without an id")
        on_progress(UPLOADED, "uploaded to lalal.ai")
        try:
            task_id = await self.client.split(key, source_id, presets)
            ended = False
            try:
                await self.registry.add(request.owner_id, task_id, request.job_id)
                state = await self._wait(key, task_id, on_progress)
                ended = True
                result = state.get("result") or {}
                duration = float(result.get("duration") or uploaded.get("duration") or 0.0)
                return await self._download(result, presets, out_dir, request.format, duration, on_progress)
            except BaseException as err:
                ended = ended or isinstance(err, PermanentJobError)
                if not ended:
                    await self._cancel_remote(key, task_id)
                raise
            finally:
                await self.registry.remove(request.owner_id, task_id)
        finally:
            await self._delete_source(key, source_id)

    async def _wait(self, key: LicenseKey, task_id: str, on_progress: Progress) -> dict[str, Any]:
        """Polls `check/` until the task ends; its success state, or the error it ended with."""
        reported = -1.0
        while True:
            state = (await self.client.check(key, [task_id])).get(task_id) or {}
            status = state.get("status")
            if status == "success":
                return state
            if status == "progress":
                percent = min(100.0, max(0.0, float(state.get("progress") or 0.0)))
                if percent != reported:
                    reported = percent
                    on_progress(
                        UPLOADED + (SPLIT_DONE - UPLOADED) * percent / 100.0, "separating on lalal.ai"
                    )
            elif status == "error":
                error = state.get("error") or {}
                detail = error.get("detail") or error.get("code") or "no detail"
                raise PermanentJobError(f"lalal.ai could not separate the track: {detail}")
            elif status == "cancelled":
                raise PermanentJobError("the lalal.ai task was cancelled")
            else:
                # server_error, or a task lalal.ai no longer knows: another attempt may succeed.
                raise UpstreamError(f"lalal.ai task {task_id} failed on its side ({status or 'unknown'})")
            await asyncio.sleep(self.poll_seconds)

    async def _download(
        self,
        result: dict[str, Any],
        presets: dict[str, Any],
        out_dir: Path,
        fmt: str,
        duration: float,
        on_progress: Progress,
    ) -> list[StemFile]:
        tracks = [
            t for t in result.get("tracks") or [] if isinstance(t, dict) and isinstance(t.get("url"), str)
        ]
        if not tracks:
            raise UpstreamError("lalal.ai finished without result tracks")
        on_progress(SPLIT_DONE, "downloading stems")
        stems: list[StemFile] = []
        for n, track in enumerate(tracks, start=1):
            name = track_name(track, presets)
            if any(stem.name == name for stem in stems):
                name = f"{name}_{n}"
            path = out_dir / f"{name}.{fmt}"
            await self.client.download(track["url"], path)
            stems.append(StemFile(name=name, path=path, duration=duration, format=fmt))
            on_progress(SPLIT_DONE + (1.0 - SPLIT_DONE) * n / len(tracks), "downloading stems")
        return stems

    async def _cancel_remote(self, key: LicenseKey, task_id: str) -> None:
        try:
            async with asyncio.timeout(CLEANUP_SECONDS):
                answer = await self.client.cancel(key, [task_id])
            log.info("lalal.ai task cancelled", extra={"task_id": task_id, "answer": answer.get(task_id)})
        except (TimeoutError, SoundForgeError) as err:
            log.warning("cannot cancel lalal.ai task %s: %s", task_id, err)

    async def _delete_source(self, key: LicenseKey, source_id: str) -> None:
        """The uploaded copy has done its job; the user's audio should not stay on lalal.ai's side."""
        try:
            async with asyncio.timeout(CLEANUP_SECONDS):
                await self.client.delete(key, source_id)
        except (TimeoutError, SoundForgeError) as err:
            log.info("cannot delete lalal.ai upload %s: %s", source_id, err)
