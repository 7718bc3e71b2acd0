"""Loudness normalisation: one gain that brings integrated loudness to a target under a true-peak ceiling.

Not a peak or RMS scale: the gain is `target - integrated LUFS` (BS.1770), lowered where needed so
the true peak (4x oversampled) stays at or under the ceiling -- a quiet, peaky track then ends up
under the target rather than clipped or limited. Files are read and written in blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from soundforge.dsp.loudness import Loudness, LoudnessMeter

BLOCK = 1 << 16


@dataclass(frozen=True)
class Normalised:
    gain_db: float
    before: Loudness
    after: Loudness  # measured on the samples written


def gain_for(loudness: Loudness, target_lufs: float, ceiling_dbtp: float) -> float:
    """dB to apply; 0 for a signal under the absolute gate (silence stays silence)."""
    if loudness.integrated_lufs is None:
        return 0.0
    gain = target_lufs - loudness.integrated_lufs
    if loudness.true_peak_dbtp is not None:
        gain = min(gain, ceiling_dbtp - loudness.true_peak_dbtp)
    return gain


def measure_file(path: Path) -> Loudness:
    with sf.SoundFile(path) as source:
        meter = LoudnessMeter(source.samplerate, source.channels)
        for block in source.blocks(BLOCK, dtype="float32", always_2d=True):
            meter.push(block)
    return meter.result()


def normalise_file(
    source_path: Path, target_path: Path, target_lufs: float, ceiling_dbtp: float
) -> Normalised:
    """Writes `source_path` scaled to the target as a 24-bit WAV at `target_path`."""
    before = measure_file(source_path)
    gain_db = gain_for(before, target_lufs, ceiling_dbtp)
    scale = np.float32(10 ** (gain_db / 20))
    with sf.SoundFile(source_path) as source:
        meter = LoudnessMeter(source.samplerate, source.channels)
        with sf.SoundFile(
            target_path, "w", source.samplerate, source.channels, subtype="PCM_24", format="WAV"
        ) as target:
            for block in source.blocks(BLOCK, dtype="float32", always_2d=True):
                scaled = np.clip(block * scale, -1.0, 1.0)
                meter.push(scaled)
                target.write(scaled)
    return Normalised(gain_db=gain_db, before=before, after=meter.result())
