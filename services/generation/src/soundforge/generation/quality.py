"""A generated clip's quality: a 0-100 score from level, clipping, high-frequency noise and flatness.

Hard failures (NaN/inf, near silence, heavy clipping) fail the clip whatever the other measures
say: the score is capped at `HARD_FAILURE_CAP`, so an average of good measures can never pass a
silent or broken clip (the original product scored a near-silent clip 85).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

HARD_FAILURE_CAP = 10
NEAR_SILENCE_DBFS = -60.0  # RMS below this: nothing to hear
FULL_SCALE = 0.999  # |sample| at or above this counts as clipped
HEAVY_CLIPPING = 0.01  # fraction of clipped samples that fails the clip
_FRAME_SECONDS = 0.064
_SILENT_WINDOW_DBFS = -60.0


@dataclass(frozen=True)
class Quality:
    score: int  # 0-100
    issues: list[str]  # short, for people: "near silence (-72 dBFS)"
    hard_failure: bool
    measures: dict[str, float] = field(default_factory=dict)


def assess(samples: np.ndarray, sample_rate: int) -> Quality:
    """Scores `samples` ((channels, frames) or (frames,), float, full scale 1.0)."""
    audio = np.asarray(samples, dtype=np.float64)
    audio = audio[np.newaxis, :] if audio.ndim == 1 else audio
    if audio.size == 0:
        return Quality(0, ["empty clip"], True)
    if not np.isfinite(audio).all():
        share = 1.0 - float(np.isfinite(audio).mean())
        return Quality(0, [f"NaN or infinite samples ({share:.1%})"], True, {"non_finite": share})

    magnitude = np.abs(audio)
    rms_db = _dbfs(float(np.sqrt(np.mean(audio**2))))
    peak_db = _dbfs(float(magnitude.max()))
    clipped = float(np.mean(magnitude >= FULL_SCALE))
    mono = audio.mean(axis=0)
    silent = _silent_share(mono, sample_rate)
    high_share, flatness, cutoff = _spectrum_measures(mono, sample_rate)
    measures = {
        "rms_dbfs": rms_db,
        "peak_dbfs": peak_db,
        "clipped": clipped,
        "silent": silent,
        "high_frequency_share": high_share,
        "flatness": flatness,
    }

    issues: list[str] = []
    hard = False
    penalty = 0.0
    if rms_db < NEAR_SILENCE_DBFS:
        hard = True
        issues.append(f"near silence ({rms_db:.0f} dBFS)")
    elif rms_db < -35:
        penalty += _ramp(rms_db, -35, NEAR_SILENCE_DBFS, 40)
        issues.append(f"quiet ({rms_db:.0f} dBFS RMS)")
    elif rms_db > -8:
        penalty += _ramp(rms_db, -8, -3, 20)
        issues.append(f"very loud ({rms_db:.0f} dBFS RMS)")
    if clipped >= HEAVY_CLIPPING:
        hard = True
        issues.append(f"heavy clipping ({clipped:.1%} of samples at full scale)")
    elif clipped >= 0.0005:
        penalty += 5 + _ramp(clipped, 0.0005, HEAVY_CLIPPING, 35)
        issues.append(f"clipping ({clipped:.2%} of samples at full scale)")
    if rms_db >= NEAR_SILENCE_DBFS:  # the spectrum of a silent clip says nothing
        if silent > 0.2:
            penalty += _ramp(silent, 0.2, 0.8, 50)
            issues.append(f"silent for {silent:.0%} of its length")
        if high_share > 0.2:
            penalty += _ramp(high_share, 0.15, 0.5, 35)
            issues.append(
                f"high-frequency noise ({high_share:.0%} of the energy above {cutoff / 1000:g} kHz)"
            )
        if flatness > 0.35:
            penalty += _ramp(flatness, 0.3, 0.7, 35)
            issues.append(f"noise-like spectrum (flatness {flatness:.2f})")

    score = max(0, min(100, round(100 - penalty)))
    if hard:
        score = min(score, HARD_FAILURE_CAP)
    return Quality(score, issues, hard, measures)


def _dbfs(value: float) -> float:
    return 20 * math.log10(value) if value > 1e-10 else -200.0


def _ramp(value: float, start: float, end: float, most: float) -> float:
    """0 at `start`, `most` at `end` and past it, linear between (either direction)."""
    return most * min(1.0, max(0.0, (value - start) / (end - start)))


def _silent_share(mono: np.ndarray, sample_rate: int) -> float:
    """Share of 50 ms windows whose RMS is below -60 dBFS."""
    size = max(1, round(0.05 * sample_rate))
    count = len(mono) // size
    if count == 0:
        return 0.0
    windows = mono[: count * size].reshape(count, size)
    levels = np.sqrt(np.mean(windows**2, axis=1))
    return float(np.mean(levels < 10 ** (_SILENT_WINDOW_DBFS / 20)))


def _spectrum_measures(mono: np.ndarray, sample_rate: int) -> tuple[float, float, float]:
    """(share of the energy above the cutoff, mean spectral flatness of audible frames, cutoff Hz).

    The cutoff is 10 kHz, or 3/8 of the sample rate when that is lower (6 kHz at 16 kHz), so
    the measure looks at the top of what the model can produce.
    """
    size = 1 << max(8, round(math.log2(_FRAME_SECONDS * sample_rate)))
    cutoff = min(10_000.0, 0.375 * sample_rate)
    if len(mono) < size:
        mono = np.pad(mono, (0, size - len(mono)))
    frames = np.lib.stride_tricks.sliding_window_view(mono, size)[::size] * np.hanning(size)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    frequencies = np.fft.rfftfreq(size, 1 / sample_rate)
    total = float(power.sum())
    if total <= 0:
        return 0.0, 0.0, cutoff
    high_share = float(power[:, frequencies >= cutoff].sum() / total)
    energies = power.sum(axis=1)
    audible = power[energies > 1e-6 * energies.max()]
    floor = 1e-20
    flatness = np.exp(np.mean(np.log(audible + floor), axis=1)) / (np.mean(audible, axis=1) + floor)
    return high_share, float(np.mean(flatness)), cutoff
