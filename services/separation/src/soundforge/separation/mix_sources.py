"""Stems as the mixer reads them: decoded with soundfile, resampled as a stream with soxr, in stereo."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import numpy as np
import soundfile
import soxr

from soundforge.runtime.errors import UnsupportedMediaType, ValidationFailed
from soundforge.separation.mixing import Block

READ_FRAMES = 32768
FFMPEG_TIMEOUT_SECONDS = 600.0


class StemReader:
    """One stem file at `rate` as (n, 2) float32 blocks; mono is spread to both sides; silence after the end.

    Memory is one read chunk plus the resampler's state, whatever the file's length.
    """

    def __init__(self, path: Path, rate: int, field: str) -> None:
        try:
            self._file = soundfile.SoundFile(str(path))
        except (soundfile.LibsndfileError, RuntimeError) as err:
            raise UnsupportedMediaType(f"{field} is not audio this service can read") from err
        self.field = field
        self.channels = self._file.channels
        self.sample_rate = self._file.samplerate
        if self.channels > 2:
            self._file.close()
            raise ValidationFailed({field: [f"has {self.channels} channels; at most 2 are mixed"]})
        self.seconds = self._file.frames / self.sample_rate
        self._resampler = (
            soxr.ResampleStream(self.sample_rate, rate, self.channels, dtype="float32")
            if self.sample_rate != rate
            else None
        )
        self._pending = np.zeros((0, self.channels), dtype=np.float32)
        self._ended = False

    def read(self, frames: int) -> Block:
        while len(self._pending) < frames and not self._ended:
            self._pending = np.concatenate([self._pending, self._next_chunk()])
        taken, self._pending = self._pending[:frames], self._pending[frames:]
        if len(taken) < frames:
            taken = np.concatenate([taken, np.zeros((frames - len(taken), self.channels), dtype=np.float32)])
        return np.repeat(taken, 2, axis=1) if self.channels == 1 else taken

    def _next_chunk(self) -> Block:
        try:
            chunk = self._file.read(READ_FRAMES, dtype="float32", always_2d=True)
        except (soundfile.LibsndfileError, RuntimeError) as err:
            raise UnsupportedMediaType(f"{self.field} could not be decoded") from err
        self._ended = len(chunk) < READ_FRAMES
        # A float file may hold NaN or infinities; one of them would silence or poison the whole mix.
        chunk = np.nan_to_num(chunk, nan=0.0, posinf=0.0, neginf=0.0)
        if self._resampler is not None:
            chunk = self._resampler.resample_chunk(chunk, last=self._ended)
        return np.asarray(chunk, dtype=np.float32).reshape(-1, self.channels)

    def close(self) -> None:
        self._file.close()


def probe_rate(path: Path) -> int | None:
    """The file's sample rate, None when soundfile cannot read it."""
    try:
        return int(soundfile.info(str(path)).samplerate)
    except (soundfile.LibsndfileError, RuntimeError):
        return None


def probe_seconds(path: Path) -> float:
    info = soundfile.info(str(path))
    return info.frames / info.samplerate if info.samplerate else math.inf


def convert_with_ffmpeg(ffmpeg: str, source: Path, target: Path, field: str) -> None:
    """Decodes what soundfile cannot read (AAC, M4A, ...) to a float WAV; refuses what ffmpeg cannot."""
    command = [
        ffmpeg, "-nostdin", "-v", "error", "-protocol_whitelist", "file",
        "-i", str(source), "-vn", "-c:a", "pcm_f32le", "-f", "wav", "-y", str(target),
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=FFMPEG_TIMEOUT_SECONDS)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
        target.unlink(missing_ok=True)
        raise UnsupportedMediaType(f"{field} is not audio this service can read") from err
