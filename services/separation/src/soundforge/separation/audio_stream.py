"""Decoding as a stream: ffmpeg turns any audio file into float32 blocks at the model's rate.

Two passes read the file: the first measures the length and Demucs' normalisation (mean and
standard deviation of the mono mix) in float64 running sums, the second feeds the separation.
Neither holds more than one block.
"""

from __future__ import annotations

import math
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from soundforge.events import PermanentJobError

BLOCK_FRAMES = 1 << 16
# Demucs adds this to the standard deviation so silence does not divide by zero.
STD_EPSILON = 1e-8


@dataclass(frozen=True)
class MixStats:
    frames: int
    mean: float
    std: float  # unbiased, + STD_EPSILON, like `ref.std() + 1e-8` in demucs.api


def decode_blocks(
    path: Path, samplerate: int, channels: int, *, block_frames: int = BLOCK_FRAMES
) -> Iterator[np.ndarray]:
    """Yields channels x frames float32 blocks; PermanentJobError when ffmpeg cannot decode the file."""
    command = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
        "-protocol_whitelist", "file", "-i", str(path),
        "-vn", "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le",
        "-ac", str(channels), "-ar", str(samplerate), "pipe:1",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    frame_bytes = 4 * channels
    want = block_frames * frame_bytes
    pending = b""
    try:
        while True:
            data = process.stdout.read(want - len(pending))
            if not data:
                break
            pending += data
            if len(pending) >= want:
                yield _frames(pending, channels)
                pending = b""
        usable = len(pending) - len(pending) % frame_bytes
        if usable:
            yield _frames(pending[:usable], channels)
        error = process.stderr.read().decode("utf-8", "replace").strip()
        if process.wait() != 0:
            reason = error.splitlines()[-1] if error else f"ffmpeg exited with {process.returncode}"
            raise PermanentJobError(f"the audio could not be decoded: {reason}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def _frames(data: bytes, channels: int) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").reshape(-1, channels).T.copy()


def measure(blocks: Iterator[np.ndarray]) -> MixStats:
    """Frames and normalisation of the whole mix from one pass over its blocks."""
    frames, total, squares = 0, 0.0, 0.0
    for block in blocks:
        mono = block.mean(axis=0, dtype=np.float64)
        frames += mono.shape[0]
        total += float(mono.sum())
        squares += float(np.dot(mono, mono))
    if frames < 2:
        raise PermanentJobError("the audio holds no samples")
    mean = total / frames
    variance = max(0.0, (squares - frames * mean * mean) / (frames - 1))
    return MixStats(frames=frames, mean=mean, std=math.sqrt(variance) + STD_EPSILON)


def normalised(blocks: Iterator[np.ndarray], stats: MixStats) -> Iterator[np.ndarray]:
    for block in blocks:
        yield ((block - stats.mean) / stats.std).astype(np.float32)
