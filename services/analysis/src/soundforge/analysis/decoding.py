"""Decoding once, in blocks: native-rate frames (for loudness) and a 22.05 kHz mono stream (for the rest)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile
import soxr

from soundforge.runtime.errors import UnsupportedMediaType

ANALYSIS_RATE = 22050
# About 1.5 s at 44.1 kHz: per-block overhead is negligible and the per-block arrays stay a few MB.
BLOCK_FRAMES = 1 << 16

Frames = npt.NDArray[np.float32]  # (frames, channels) at the native rate
Mono = npt.NDArray[np.float32]


@dataclass(frozen=True)
class AudioFormat:
    sample_rate: int
    channels: int
    frames: int  # as the container declares it; 0 when unknown up front

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate


@dataclass
class DecodedStream:
    """The blocks of one decode; `format.frames` is corrected to what was actually read at the end."""

    format: AudioFormat
    blocks: Iterator[Frames]


@contextmanager
def open_audio(path: Path, block_frames: int = BLOCK_FRAMES) -> Iterator[DecodedStream]:
    """Opens `path` for one pass: libsndfile when it can read the file, ffmpeg otherwise (m4a, aac).

    Raises UnsupportedMediaType when neither can decode it.
    """
    try:
        handle = soundfile.SoundFile(path)
    except (soundfile.LibsndfileError, RuntimeError):
        with _ffmpeg_stream(path, block_frames) as stream:
            yield stream
        return
    with handle:
        if handle.frames <= 0 or handle.samplerate <= 0:
            raise UnsupportedMediaType("unsupported media type: the file holds no audio")
        fmt = AudioFormat(int(handle.samplerate), int(handle.channels), int(handle.frames))
        yield DecodedStream(fmt, _soundfile_blocks(handle, block_frames))


def _soundfile_blocks(handle: soundfile.SoundFile, block_frames: int) -> Iterator[Frames]:
    try:
        while True:
            block = handle.read(block_frames, dtype="float32", always_2d=True)
            if block.shape[0] == 0:
                return
            yield block
    except soundfile.LibsndfileError as err:
        raise UnsupportedMediaType("unsupported media type: the audio cannot be decoded") from err


@contextmanager
def _ffmpeg_stream(path: Path, block_frames: int) -> Iterator[DecodedStream]:
    ffmpeg, ffprobe = shutil.which("ffmpeg"), shutil.which("ffprobe")
    if ffmpeg is None or ffprobe is None:
        raise UnsupportedMediaType("unsupported media type: this server cannot decode the file")
    fmt = _probe(path, ffprobe)
    argv = [ffmpeg, "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0", "-f", "f32le", "-"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        try:
            yield DecodedStream(fmt, _pipe_blocks(process, fmt.channels, block_frames))
        finally:
            process.kill()


def _pipe_blocks(process: subprocess.Popen[bytes], channels: int, block_frames: int) -> Iterator[Frames]:
    assert process.stdout is not None
    frame_bytes = 4 * channels
    pending = b""
    while chunk := process.stdout.read(block_frames * frame_bytes):
        pending += chunk
        usable = len(pending) - len(pending) % frame_bytes
        if usable:
            yield np.frombuffer(pending[:usable], dtype="<f4").reshape(-1, channels)
            pending = pending[usable:]
    if process.wait() != 0:
        raise UnsupportedMediaType("unsupported media type: the audio cannot be decoded")


def _probe(path: Path, ffprobe: str) -> AudioFormat:
    argv = [ffprobe, "-v", "error", "-select_streams", "a:0", "-show_entries"]
    argv += ["stream=sample_rate,channels:format=duration", "-of", "json", str(path)]
    done = subprocess.run(argv, capture_output=True, timeout=60, check=False)
    try:
        info = json.loads(done.stdout)
        stream = info["streams"][0]
        rate, channels = int(stream["sample_rate"]), int(stream["channels"])
        frames = int(float(info.get("format", {}).get("duration", 0.0)) * rate)
    except (ValueError, KeyError, IndexError, TypeError) as err:
        raise UnsupportedMediaType("unsupported media type: no audio stream") from err
    return AudioFormat(rate, channels, frames)


class MonoResampler:
    """Native-rate blocks -> mono at ANALYSIS_RATE, exactly as librosa.load(sr=22050) decodes.

    librosa averages the channels, then resamples with soxr "HQ"; soxr's stream mode gives
    the same samples as its one-shot call, so blocks in equal the whole file at once.
    """

    def __init__(self, sample_rate: int, target_rate: int = ANALYSIS_RATE) -> None:
        self.passthrough = sample_rate == target_rate
        self._stream = (
            None
            if self.passthrough
            else soxr.ResampleStream(sample_rate, target_rate, 1, dtype="float32", quality="soxr_hq")
        )

    def push(self, block: Frames, last: bool = False) -> Mono:
        mono = block.mean(axis=1, dtype=np.float32) if block.shape[1] > 1 else block[:, 0]
        mono = np.ascontiguousarray(mono, dtype=np.float32)
        if self._stream is None:
            return mono
        return np.asarray(self._stream.resample_chunk(mono, last=last), dtype=np.float32)


def decode_mono(path: Path) -> tuple[Mono, AudioFormat]:
    """The whole file as one 22.05 kHz mono array (tests and benches; the worker streams instead)."""
    parts: list[Mono] = []
    with open_audio(path) as stream:
        resampler = MonoResampler(stream.format.sample_rate)
        for block in stream.blocks:
            parts.append(resampler.push(block))
        parts.append(resampler.push(np.zeros((0, stream.format.channels), np.float32), last=True))
    return np.concatenate(parts), stream.format
