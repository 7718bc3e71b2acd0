"""Loudness by ITU-R BS.1770-4 / EBU R 128, streamed: integrated LUFS, loudness range, true peak."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np
import numpy.typing as npt
from scipy import signal

Frames = npt.NDArray[np.float32]

ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0  # integrated loudness (BS.1770-4)
RANGE_RELATIVE_GATE_LU = -20.0  # loudness range (EBU Tech 3342)
OVERSAMPLING = 4
_SEGMENT_SECONDS = 0.1  # both block sizes are whole numbers of 100 ms steps
_MOMENTARY_SEGMENTS = 4  # 400 ms gating blocks, 75 % overlap
_SHORT_TERM_SEGMENTS = 30  # 3 s short-term blocks for the loudness range
_TAPS_PER_PHASE = 12  # the BS.1770-4 Annex 2 interpolator is 48 taps over 4 phases


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float | None  # None when every block is below the absolute gate
    range_lu: float | None
    true_peak_dbtp: float | None  # None for digital silence
    sample_peak_dbfs: float | None


def k_weighting(sample_rate: int) -> npt.NDArray[np.float64]:
    """The two K-weighting biquads (high shelf, then high pass) as second-order sections.

    Designed for any rate from the analogue prototypes (the derivation libebur128 uses); at
    48 kHz they equal the coefficients tabulated in BS.1770-4.
    """
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / sample_rate)
    vh = 10.0 ** (gain_db / 20.0)
    vb = vh**0.4996667741545416
    a0 = 1.0 + k / q + k * k
    shelf = [
        (vh + vb * k / q + k * k) / a0,
        2.0 * (k * k - vh) / a0,
        (vh - vb * k / q + k * k) / a0,
        1.0,
        2.0 * (k * k - 1.0) / a0,
        (1.0 - k / q + k * k) / a0,
    ]
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / sample_rate)
    a0 = 1.0 + k / q + k * k
    high_pass = [1.0, -2.0, 1.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0]
    return np.array([shelf, high_pass])


def channel_weights(channels: int) -> npt.NDArray[np.float64]:
    """BS.1770 weights: 1.0 for front channels, 1.41 for surrounds, 0 for LFE (5.1 in WAV order)."""
    if channels == 6:
        return np.array([1.0, 1.0, 1.0, 0.0, 1.41, 1.41])
    return np.ones(channels)


class LoudnessMeter:
    """Feed (frames, channels) float blocks of any size; `result()` gives the programme's loudness.

    Holds only filter states and one float per channel per 100 ms, so memory grows by about
    80 bytes per second of stereo audio whatever the block sizes.
    """

    def __init__(self, sample_rate: int, channels: int) -> None:
        self.sample_rate, self.channels = sample_rate, channels
        self._sos = k_weighting(sample_rate)
        self._state = np.zeros((channels, self._sos.shape[0], 2))
        self._weights = channel_weights(channels)
        self._segment = max(1, round(sample_rate * _SEGMENT_SECONDS))
        self._partial = np.zeros(channels)  # sum of squares of the segment being filled
        self._partial_count = 0
        self._segments: list[npt.NDArray[np.float64]] = []  # (segments, channels) mean squares
        taps = _interpolator().reshape(_TAPS_PER_PHASE, OVERSAMPLING)  # taps[k, p] = h[4k + p]
        self._phases = np.ascontiguousarray(taps[::-1])  # row i: h[p + 4 (T - 1 - i)]
        self._gain_bound = float(np.abs(self._phases).sum(axis=0).max())  # largest |output| / max |input|
        self._history = np.zeros((_TAPS_PER_PHASE - 1, channels), dtype=np.float32)
        self._true_peak = 0.0
        self._sample_peak = 0.0

    def push(self, block: Frames) -> None:
        if block.shape[0] == 0:
            return
        self._sample_peak = max(self._sample_peak, float(block.max()), -float(block.min()))
        data = block.astype(np.float64)
        self._true_peak = max(self._true_peak, self._oversampled_peak(block))
        filtered = np.empty_like(data)
        for ch in range(self.channels):
            filtered[:, ch], self._state[ch] = signal.sosfilt(self._sos, data[:, ch], zi=self._state[ch])
        self._add_squares(filtered**2)

    def _add_squares(self, squares: npt.NDArray[np.float64]) -> None:
        """Sums squares into whole 100 ms segments; a partial one carries over to the next block."""
        fill = min(self._segment - self._partial_count, squares.shape[0])
        self._partial += squares[:fill].sum(axis=0)
        self._partial_count += fill
        if self._partial_count < self._segment:
            return
        self._segments.append(self._partial[None, :] / self._segment)
        rest = squares[fill:]
        whole = rest.shape[0] // self._segment * self._segment
        if whole:
            sums = rest[:whole].reshape(-1, self._segment, self.channels).sum(axis=1)
            self._segments.append(sums / self._segment)
        self._partial = rest[whole:].sum(axis=0)
        self._partial_count = rest.shape[0] - whole

    def result(self) -> Loudness:
        segments = np.concatenate(self._segments) if self._segments else np.zeros((0, self.channels))
        weighted = segments @ self._weights  # per 100 ms: sum over channels of G_i * mean square
        integrated = _gated_loudness(_blocks(weighted, _MOMENTARY_SEGMENTS), RELATIVE_GATE_LU)
        return Loudness(
            integrated_lufs=integrated,
            range_lu=_loudness_range(_blocks(weighted, _SHORT_TERM_SEGMENTS)),
            # The interpolator's own ripple can read a hair under a sample; a true peak never is.
            true_peak_dbtp=_decibels(max(self._true_peak, self._sample_peak)),
            sample_peak_dbfs=_decibels(self._sample_peak),
        )

    def _oversampled_peak(self, block: Frames) -> float:
        """Peak of the 4x-interpolated signal; the last taps of the previous block carry over."""
        joined = np.concatenate([self._history, block.astype(np.float32)])
        self._history = joined[-(_TAPS_PER_PHASE - 1) :]
        peak = self._true_peak
        for channel in range(joined.shape[1]):
            samples = np.ascontiguousarray(joined[:, channel])
            peak = _interpolated_peak(samples, self._phases, self._gain_bound, peak)
        return peak


@numba.njit(cache=True, nogil=True)
def _interpolated_peak(
    samples: npt.NDArray[np.float32], phases: npt.NDArray[np.float32], gain_bound: float, floor: float
) -> float:
    """max(floor, |every interpolated value|) over the outputs whose newest input is samples[T-1:].

    Output 4m + p is sum_i samples[m - T + 1 + i] * phases[i, p], which is at most gain_bound
    times the largest |sample| under the filter: where even that cannot beat the peak so far,
    the output is skipped, so most of a track costs a running maximum, not 48 multiplications.
    """
    taps = phases.shape[0]
    best = floor
    for m in range(taps - 1, samples.size):
        local = 0.0
        for i in range(taps):
            local = max(local, abs(samples[m - taps + 1 + i]))
        if local * gain_bound <= best:
            continue
        for p in range(phases.shape[1]):
            total = 0.0
            for i in range(taps):
                total += samples[m - taps + 1 + i] * phases[i, p]
            best = max(best, abs(total))
    return best


def _interpolator() -> npt.NDArray[np.float32]:
    """A 48-tap windowed-sinc low pass at the original Nyquist, scaled for 4x zero-stuffing."""
    taps = OVERSAMPLING * _TAPS_PER_PHASE
    return (signal.firwin(taps, 1.0 / OVERSAMPLING, window=("kaiser", 6.0)) * OVERSAMPLING).astype(np.float32)


def _blocks(weighted: npt.NDArray[np.float64], segments: int) -> npt.NDArray[np.float64]:
    """Mean weighted power of every window of `segments` consecutive 100 ms steps."""
    if weighted.size < segments:
        return np.zeros(0)
    sums = np.convolve(weighted, np.ones(segments), mode="valid")
    return sums / segments


def _lufs(power: npt.NDArray[np.float64] | float) -> npt.NDArray[np.float64]:
    return -0.691 + 10.0 * np.log10(np.maximum(power, 1e-20))


def _gated_loudness(blocks: npt.NDArray[np.float64], relative_gate: float) -> float | None:
    above = blocks[_lufs(blocks) > ABSOLUTE_GATE_LUFS]
    if above.size == 0:
        return None
    threshold = float(_lufs(above.mean())) + relative_gate
    gated = above[_lufs(above) > threshold]
    return round(float(_lufs(gated.mean())), 2)


def _loudness_range(blocks: npt.NDArray[np.float64]) -> float | None:
    above = blocks[_lufs(blocks) > ABSOLUTE_GATE_LUFS]
    if above.size == 0:
        return None
    threshold = float(_lufs(above.mean())) + RANGE_RELATIVE_GATE_LU
    levels = _lufs(above)
    gated = levels[levels > threshold]
    low, high = np.percentile(gated, [10, 95])
    return round(float(high - low), 2)


def _decibels(amplitude: float) -> float | None:
    return round(20.0 * math.log10(amplitude), 2) if amplitude > 0 else None


def measure(samples: Frames, sample_rate: int) -> Loudness:
    """Loudness of a whole in-memory signal, (frames,) or (frames, channels)."""
    frames = samples.reshape(samples.shape[0], -1)
    meter = LoudnessMeter(sample_rate, frames.shape[1])
    meter.push(frames)
    return meter.result()
