"""The levelling gain takes a band standing above the long-term spectrum's middle down, lifts nothing."""

from __future__ import annotations

import librosa
import numpy as np

from soundforge.analysis.levelling import LEVEL_POWER, levelling_gain
from soundforge.analysis.spectra import N_FFT

SR = 22050
FREQS = librosa.fft_frequencies(sr=SR, n_fft=N_FFT)


def test_a_flat_spectrum_is_left_as_it_is() -> None:
    np.testing.assert_allclose(levelling_gain(np.ones(FREQS.size), SR, N_FFT), 1.0)


def test_a_resonance_is_brought_down_by_its_excess_to_the_levelling_power() -> None:
    power = np.ones(FREQS.size)
    boom = (FREQS > 70.0) & (FREQS < 100.0)
    power[boom] = 1000.0  # a pane's ring, 30 dB over the rest
    gain = levelling_gain(power, SR, N_FFT)
    octave = np.abs(np.log2(np.maximum(FREQS, 1.0) / 85.0)) <= 0.5
    smoothed = power[octave].mean()  # the level about 85 Hz, over the octave the gain reads
    assert np.isclose(gain[np.argmin(np.abs(FREQS - 85.0))], smoothed**-LEVEL_POWER, rtol=0.05)
    assert np.all(gain[FREQS > 400.0] == 1.0)  # an octave and more away: untouched


def test_a_weak_band_is_never_lifted() -> None:
    power = np.ones(FREQS.size)
    power[FREQS > 3000.0] = 1e-6  # a telephone's band stops; its hiss must not be brought up
    gain = levelling_gain(power, SR, N_FFT)
    assert np.all(gain <= 1.0)
    np.testing.assert_allclose(gain[FREQS > 3000.0], 1.0)


def test_silence_has_unit_gain() -> None:
    np.testing.assert_allclose(levelling_gain(np.zeros(FREQS.size), SR, N_FFT), 1.0)
