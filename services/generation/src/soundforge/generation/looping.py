"""Seamless loops: a loop point on the clip's beat grid, the audio after it crossfaded into the head.

A loop of length L plays x[0:L] and wraps. `make_loop` keeps x[fade:L] as it is and replaces the
head with a crossfade from x[L:L+fade] (what naturally follows the loop's last sample) into
x[0:fade]: across the wrap the audio continues exactly as it did inside the clip, and the change
back to the clip's own beginning is spread over the crossfade instead of happening in one sample.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

CROSSFADE_SECONDS = 0.1  # the loop consumes this much audio past its end
_SEARCH_SECONDS = 0.01  # how far before the chosen point the end may move to match the head
_ONSET_FFT, _ONSET_HOP = 1024, 256
_MIN_BPM, _MAX_BPM = 60.0, 200.0
_STEADY = 0.01  # mean spectral rise per bin and frame below which nothing starts anywhere
_RHYTHM_CONFIDENCE = 0.3  # autocorrelation at the lag / at lag 0, below which there is no rhythm


def make_loop(samples: np.ndarray, sample_rate: int, length: int | None = None) -> np.ndarray:
    """A loopable clip, (channels, frames) float32, from `samples` (channels, frames) or (frames,).

    The loop is `length` frames long (default: all the clip can give, its length minus the
    crossfade) rounded down to whole periods of the clip's rhythm when it has one, then moved by
    at most 10 ms (never past `length`) to where the audio after it best matches the head, so the
    crossfade adds the two in phase. The clip must be longer than the loop by the crossfade
    (`CROSSFADE_SECONDS`).
    """
    audio = _channels_first(samples)
    frames = audio.shape[-1]
    fade = min(round(CROSSFADE_SECONDS * sample_rate), frames // 8)
    if fade < 2:
        return audio.copy()
    mono = audio.mean(axis=0)
    limit = frames - fade if length is None else min(length, frames - fade)
    target = limit
    period = rhythm_period(mono, sample_rate)
    if period is not None and limit >= 2 * period:
        target = round(math.floor(limit / period) * period)
    search = round(_SEARCH_SECONDS * sample_rate)
    end, correlation = _matching_end(mono, max(fade, target - search), min(limit, target + search), fade)
    ramp = (np.arange(fade) + 0.5) / fade
    if correlation >= 0.5:  # alike: equal gain keeps the level
        fade_in, fade_out = np.sin(0.5 * np.pi * ramp) ** 2, np.cos(0.5 * np.pi * ramp) ** 2
    else:  # unalike: equal power keeps the loudness
        fade_in, fade_out = np.sin(0.5 * np.pi * ramp), np.cos(0.5 * np.pi * ramp)
    head = audio[:, :fade] * fade_in + audio[:, end : end + fade] * fade_out
    return np.ascontiguousarray(np.concatenate([head, audio[:, fade:end]], axis=1), dtype=np.float32)


def rhythm_period(mono: np.ndarray, sample_rate: int) -> float | None:
    """The period in frames (0.3-1 s) at which the clip's rhythm repeats best: the strongest lag
    of the autocorrelation of its onset strength (positive spectral flux); None when no lag
    stands out. A beat, or two: for a loop a period of whole beats is what matters, and a longer
    one is as seamless (a shorter one, an off-beat eighth, would not be).

    The lag is refined with every multiple of it the clip holds (a least-squares slope through the
    interpolated peaks), because a loop of twenty periods multiplies the error of one by twenty.
    """
    spectra = np.abs(np.fft.rfft(_frames(mono, _ONSET_FFT, _ONSET_HOP), axis=1))
    if len(spectra) < 8:
        return None
    rises = np.maximum(np.diff(np.log1p(100.0 * spectra), axis=0), 0.0)
    if rises.mean() < _STEADY:  # a steady tone: its flux is only windowing ripple, periodic but no beat
        return None
    onset = rises.sum(axis=1)
    # Smoothed over ~30 ms: a beat falling between two frames still makes one peak.
    onset = np.convolve(onset - onset.mean(), np.hanning(5), mode="same")
    padded = np.fft.rfft(onset, 2 * len(onset))
    autocorrelation = np.fft.irfft(padded * np.conj(padded))[: len(onset)]
    if autocorrelation[0] <= 0:
        return None
    per_second = sample_rate / _ONSET_HOP
    low = max(1, math.floor(per_second * 60 / _MAX_BPM))
    high = min(len(onset) // 2, math.ceil(per_second * 60 / _MIN_BPM))
    if high <= low + 1:
        return None
    lag = low + int(np.argmax(autocorrelation[low : high + 1]))
    if autocorrelation[lag] < _RHYTHM_CONFIDENCE * autocorrelation[0]:
        return None
    multiples, peaks = [], []
    radius = max(1, lag // 8)
    for k in range(1, (len(onset) // 2) // lag + 1):
        lo, hi = max(1, k * lag - radius), min(len(onset) - 2, k * lag + radius)
        if hi <= lo:
            break
        peak = lo + int(np.argmax(autocorrelation[lo : hi + 1]))
        multiples.append(k)
        peaks.append(peak + _vertex(autocorrelation[peak - 1 : peak + 2]))
    k_array, peak_array = np.array(multiples, dtype=float), np.array(peaks)
    return float((k_array @ peak_array) / (k_array @ k_array) * _ONSET_HOP)


def _vertex(three: np.ndarray) -> float:
    """Offset of a parabola's vertex through three equally spaced values (0 when not a peak)."""
    a, b, c = three
    curvature = a - 2 * b + c
    return float(0.5 * (a - c) / curvature) if curvature < 0 else 0.0


def _matching_end(mono: np.ndarray, first: int, last: int, fade: int) -> tuple[int, float]:
    """The end in [first, last] whose following `fade` frames correlate best with the head, and
    that normalised correlation."""
    head = mono[:fade]
    windows = np.lib.stride_tricks.sliding_window_view(mono[first : last + fade], fade)
    norms = np.linalg.norm(windows, axis=1) * np.linalg.norm(head)
    correlation = np.where(norms > 0, windows @ head / np.maximum(norms, 1e-12), 0.0)
    best = int(np.argmax(correlation))
    return first + best, float(correlation[best])


class SeamMetrics(NamedTuple):
    """Across the loop point (end -> start) against inside the clip: sample jump and spectral change."""

    seam_jump: float
    typical_jump: float  # 99.9th percentile of consecutive-sample jumps elsewhere
    seam_spectral_change: float
    typical_spectral_change: float  # 99th percentile of the same measure at every other point


def loop_seam_metrics(samples: np.ndarray, sample_rate: int) -> SeamMetrics:
    """Measures the wrap of a loop as if it were inside the clip: the clip is rotated by half its
    length so the loop point sits in the middle, then compared with every other point.

    Spectral change: mean absolute difference in dB between log-magnitude spectra of consecutive
    frames (~64 ms, hop ~8 ms at 32 kHz); the seam's is the largest among frames overlapping it.
    """
    mono = _channels_first(samples).mean(axis=0).astype(np.float64)
    seam = len(mono) // 2
    rotated = np.roll(mono, seam)  # rotated[seam - 1] is the last sample, rotated[seam] the first
    jumps = np.abs(np.diff(rotated))
    inside_jumps = np.delete(jumps, seam - 1)

    size = 1 << max(8, round(math.log2(0.064 * sample_rate)))
    hop = size // 8
    spectra = np.abs(np.fft.rfft(_frames(rotated, size, hop), axis=1))
    floor = max(float(spectra.max()), 1e-12) * 1e-6  # -120 dB below the loudest bin
    levels = 20 * np.log10(np.maximum(spectra, floor))
    changes = np.abs(np.diff(levels, axis=0)).mean(axis=1)
    # The pairs of frames overlapping one point: the seam's change is the largest of its pairs,
    # compared with the largest of the same number of pairs around every other point.
    starts = np.arange(len(changes)) * hop  # the pair (i, i+1) spans [start, start + hop + size)
    across = np.flatnonzero((starts < seam) & (starts + hop + size > seam))
    around = np.lib.stride_tricks.sliding_window_view(changes, len(across)).max(axis=1)
    elsewhere = np.ones(len(around), dtype=bool)
    elsewhere[max(0, across[0] - len(across) + 1) : across[-1] + 1] = False
    return SeamMetrics(
        seam_jump=float(jumps[seam - 1]),
        typical_jump=float(np.percentile(inside_jumps, 99.9)),
        seam_spectral_change=float(changes[across].max()),
        typical_spectral_change=float(np.percentile(around[elsewhere], 99)),
    )


def _channels_first(samples: np.ndarray) -> np.ndarray:
    audio = np.asarray(samples, dtype=np.float32)
    return audio[np.newaxis, :] if audio.ndim == 1 else audio


def _frames(signal: np.ndarray, size: int, hop: int) -> np.ndarray:
    """Hann-windowed frames, (count, size); none when the signal is shorter than one frame."""
    if len(signal) < size:
        return np.zeros((0, size))
    return np.lib.stride_tricks.sliding_window_view(signal, size)[::hop] * np.hanning(size)
