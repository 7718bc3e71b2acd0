"""ffmpeg conversions of local files: a download into its quality's format, any audio into canonical FLAC."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from soundforge.ingest.downloads import Encoding
from soundforge.runtime.errors import UnsupportedMediaType

# Inputs are local files only: a "media" file that is really an HLS playlist or a concat list
# would otherwise make ffmpeg fetch the URLs inside it, around the download URL policy.
INPUT_OPTIONS = ("-protocol_whitelist", "file")
_STDERR_TAIL = 400


class Transcoder:
    """Runs ffmpeg as a subprocess (killed when the caller is cancelled or `timeout` passes)."""

    def __init__(self, ffmpeg: str | None, timeout: float = 600.0) -> None:
        self.ffmpeg = ffmpeg
        self.timeout = timeout

    @property
    def available(self) -> bool:
        return self.ffmpeg is not None

    async def encode(self, src: Path, dst: Path, encoding: Encoding) -> None:
        """The first audio stream of `src` as `encoding` (FLAC, or constant-bitrate MP3), tags kept."""
        if encoding.codec == "flac":
            codec = ["-c:a", "flac", "-f", "flac"]
        else:
            codec = ["-c:a", "libmp3lame", "-b:a", f"{encoding.bitrate_kbps}k", "-f", "mp3"]
        await self._run([*INPUT_OPTIONS, "-i", str(src), "-map", "0:a:0", "-vn", *codec, str(dst)])

    async def canonical(self, src: Path, dst: Path) -> None:
        """FLAC at the source's own sample rate and channel count: the copy every worker decodes."""
        no_tags = ["-map_metadata", "-1"]
        await self._run(
            [*INPUT_OPTIONS, "-i", str(src), "-map", "0:a:0", "-vn", *no_tags, "-c:a", "flac", str(dst)]
        )

    async def _run(self, args: list[str]) -> None:
        if self.ffmpeg is None:
            raise UnsupportedMediaType("audio conversion is not available (ffmpeg is not installed)")
        proc = await asyncio.create_subprocess_exec(
            self.ffmpeg,
            "-nostdin",
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            *args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            async with asyncio.timeout(self.timeout):
                _, stderr = await proc.communicate()
        except BaseException as err:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
            if isinstance(err, TimeoutError):
                raise UnsupportedMediaType(
                    f"unsupported media type: converting took longer than {self.timeout:.0f} seconds"
                ) from None
            raise
        if proc.returncode != 0:
            detail = stderr.decode(errors="replace").strip()[-_STDERR_TAIL:]
            raise UnsupportedMediaType(f"unsupported media type: the audio cannot be converted ({detail})")
