"""How much of a track's 60-2000 Hz power is harmonic (HPSS), summed block by block as the STFT streams.

Drums alone can look tonal to the key estimator: a Texas shuffle's toms, a cha-cha's cowbell and
timbales, a songo's congas ring at pitches that fit a minor key. What they lack is sustained
tone: HPSS puts most of their 60-2000 Hz power in its percussive part (a share of 0.02-0.25 on
the drums-alone clips the key estimator gives any confidence), where every song with a key in
the development material keeps 0.26 or more harmonic, even under loud drums. The band starts
above most kicks' boom and stops below the cymbals' wash.
"""

from __future__ import annotations

import librosa
import numpy as np
import numpy.typing as npt

from soundforge.dsp.hpss import KERNEL, hpss_masks
from soundforge.dsp.running_median import median_along

HARMONIC_SHARE_HZ = (60.0, 2000.0)
_HALF = KERNEL // 2

Floats = npt.NDArray[np.float32]


def band(sr: int, n_fft: int) -> slice:
    """The STFT bins from HARMONIC_SHARE_HZ[0] up to, not including, HARMONIC_SHARE_HZ[1]."""
    low, high = np.searchsorted(librosa.fft_frequencies(sr=sr, n_fft=n_fft), HARMONIC_SHARE_HZ)
    return slice(int(low), int(high))


def whole_track_share(magnitude: Floats, sr: int, n_fft: int) -> float:
    """The reference: HPSS of the whole (bins x frames) magnitude at once (`hpss_masks`, librosa's
    masks), its harmonic part's share of the band's power; what a script calling librosa would do."""
    rows = band(sr, n_fft)
    mask_h, mask_p = hpss_masks(np.asarray(magnitude, dtype=np.float32))
    power = np.square(magnitude[rows], dtype=np.float64)
    harmonic, percussive = float((mask_h[rows] * power).sum()), float((mask_p[rows] * power).sum())
    return harmonic / (harmonic + percussive)


class HarmonicShare:
    """Feed STFT magnitude blocks (bins x frames, in order); `share()` is what HPSS of the whole track gives.

    HPSS's time median needs `_HALF` frames each side of a frame, so each block is joined to the
    last 2 * `_HALF` frames before it, and a frame is counted once its window is whole (or the
    track has ended: `share()` counts the rest with the edge mirrored, as the whole-track call
    does). Its frequency median sees `_HALF` bins above the band, so it too equals the whole
    spectrum's. Tests check the streamed share against `whole_track_share`.
    """

    def __init__(self, sr: int, n_fft: int) -> None:
        self._band = band(sr, n_fft)
        self._rows = min(n_fft // 2 + 1, self._band.stop + _HALF + 1)
        self._carry: Floats | None = None  # the last frames seen; those from _pending on are not counted yet
        self._pending = 0
        self._harmonic = 0.0
        self._percussive = 0.0

    def push(self, magnitude: Floats) -> None:
        self._count(magnitude[: self._rows], at_end=False)

    def share(self) -> float | None:
        """The harmonic part's share of the band's power, 0-1; None for a track silent in the band."""
        if self._carry is not None:
            self._count(self._carry[:, :0], at_end=True)
            self._carry = None
        total = self._harmonic + self._percussive
        return self._harmonic / total if total > 0 else None

    def _count(self, block: Floats, *, at_end: bool) -> None:
        joined = block if self._carry is None else np.concatenate([self._carry, block], axis=1)
        start = 0 if self._carry is None else self._pending
        stop = joined.shape[1] if at_end else joined.shape[1] - _HALF
        if stop > start:
            # hpss_masks' medians, only where they are counted: along time for the band's rows,
            # along frequency for the frames counted now. Its soft masks (librosa.util.softmask,
            # power 2) are H^2 / (H^2 + P^2) and the rest, written out: 0.16 s for 3 minutes of
            # audio instead of 0.20 s.
            harmonic = median_along(joined[self._band], KERNEL, axis=-1)[:, start:stop].astype(np.float64)
            percussive = median_along(joined[:, start:stop], KERNEL, axis=-2)[self._band].astype(np.float64)
            harmonic *= harmonic
            percussive *= percussive
            total = harmonic + percussive
            mask = np.divide(harmonic, total, out=np.full_like(total, 0.5), where=total > 0)
            power = np.square(joined[self._band, start:stop], dtype=np.float64)
            self._harmonic += float((mask * power).sum())
            self._percussive += float(((1.0 - mask) * power).sum())
        keep = min(joined.shape[1], 2 * _HALF)
        self._carry = np.ascontiguousarray(joined[:, joined.shape[1] - keep :])
        self._pending = max(stop, start) - (joined.shape[1] - keep)
