"""The gain per STFT bin that levels a track's long-term spectrum where it stands above its middle,
before the key reads its chroma.

A recording's own resonances (a window pane, a room's boom, a small speaker's hump) lift one band
of every note the same way, and the chroma, which sums the octaves, hears that band's pitch
classes in every chord. Souterrain's laser microphone, whose pane rings at 45-110 Hz, put 93% of a
song's power under 100 Hz (52% dry); its mean chroma spread over five adjacent pitch classes,
fitting no key better than chance (0.29; 0.86 dry), and seven of its clips with a key had none. The gain
divides each bin by its long-term level, smoothed over an octave so the notes within it keep
their pattern, to the power LEVEL_POWER, and only where that level is above its median over
LEVEL_BAND: a band a speaker or a line left weak is never lifted (its noise would be), only one
standing out is brought down. The key reads it where the track's own chroma fits no key
(key.heard_chroma); souterrain then answered 117 of 128 keys right where 107 before (forty-ninth
pass, docs/analysis-passes.md).
"""

from __future__ import annotations

from functools import cache

import librosa
import numpy as np
import numpy.typing as npt

# The long-term spectrum is smoothed over this many octaves about each bin: wide enough that a
# chord's notes and their partials average out, narrow enough to follow a resonance's band.
LEVEL_OCTAVES = 1.0
# How much of the excess over the median is taken off, as a power. Every track's key read from the
# levelled chroma, with the shipped weights: at 1 (the band brought to the median) souterrain 118
# of 128 right, fogou 87 where 108 before; at 0.5 souterrain 121, fogou 108; dividing every bin by
# its level to the power 0.5, lifting weak bands too, lost 3 on mamoa, and 5 of fogou's songs
# through a string telephone went wrong (the band edges' partials came up as loud as its middle).
LEVEL_POWER = 0.5
LEVEL_BAND = (60.0, 4000.0)  # Hz: where the median level is read, the chroma's pitched range
_LOWEST_HZ = 20.0  # the DC bin and those under it are smoothed as if they stood here


@cache
def _bins(sr: int, n_fft: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.bool_]]:
    """Per bin, the first and one past the last bin within LEVEL_OCTAVES / 2 of its frequency (the
    bins' frequencies rise, so each span is contiguous); and which bins lie in LEVEL_BAND."""
    freqs = librosa.fft_frequencies(sr=sr, n_fft=n_fft)
    octave = np.log2(np.maximum(freqs, _LOWEST_HZ))
    half = LEVEL_OCTAVES / 2
    first, end = (
        np.searchsorted(octave, octave - half, "left"),
        np.searchsorted(octave, octave + half, "right"),
    )
    return first, end, (freqs >= LEVEL_BAND[0]) & (freqs <= LEVEL_BAND[1])


def levelling_gain(mean_power: npt.NDArray[np.floating], sr: int, n_fft: int) -> npt.NDArray[np.float32]:
    """(bins,) gains, 1 or under, from the track's mean power per STFT bin (`mean_power`, (bins,))."""
    first, end, band = _bins(sr, n_fft)
    running = np.concatenate([[0.0], np.cumsum(np.asarray(mean_power, dtype=np.float64))])
    level = (running[end] - running[first]) / (end - first)  # the mean over each bin's octave
    middle = float(np.median(level[band]))
    if middle <= 0.0:
        return np.ones(level.size, dtype=np.float32)  # silence (or nothing in the band): nothing to level
    excess = np.maximum(level / middle, 1.0)
    return np.asarray(excess**-LEVEL_POWER, dtype=np.float32)
