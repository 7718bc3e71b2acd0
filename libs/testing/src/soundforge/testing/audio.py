"""Synthetic test audio with known properties (tempo), rendered in memory or to files."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import soundfile as sf


def click_track(bpm: float, seconds: float = 10.0, sample_rate: int = 22050) -> np.ndarray:
    """Short decaying 1 kHz clicks on every beat, accented on the bar, over faint noise."""
    n = int(seconds * sample_rate)
    out = np.random.default_rng(0).normal(0.0, 0.001, n).astype(np.float32)
    click_len = int(0.03 * sample_rate)
    t = np.arange(click_len) / sample_rate
    click = (np.sin(2 * np.pi * 1000 * t) * np.exp(-t * 120)).astype(np.float32)
    period = 60.0 / bpm
    beat = 0
    while (start := int(beat * period * sample_rate)) < n:
        end = min(start + click_len, n)
        gain = 0.9 if beat % 4 == 0 else 0.6
        out[start:end] += gain * click[: end - start]
        beat += 1
    return out


def encode(samples: np.ndarray, sample_rate: int, fmt: str = "WAV", subtype: str | None = None) -> bytes:
    """Encodes samples to an in-memory file of the given soundfile format (WAV, FLAC, OGG, MP3)."""
    buf = io.BytesIO()
    sf.write(buf, samples, sample_rate, format=fmt, subtype=subtype)
    return buf.getvalue()


def write(path: Path, samples: np.ndarray, sample_rate: int) -> Path:
    sf.write(path, samples, sample_rate)
    return path
