"""The streamed harmonic share equals whole-track HPSS in any block sizes; tone is harmonic, clicks not."""

from __future__ import annotations

import librosa
import numpy as np
import pytest

from soundforge.analysis.features import needs_for
from soundforge.analysis.harmonic_share import HarmonicShare, whole_track_share
from soundforge.analysis.spectra import HOP, N_FFT, Needs, frames_of
from soundforge.testing.audio import click_track

SR = 22050
SHARE = Needs(stft=True, harmonic_share=True)


@pytest.mark.parametrize("frames", [7, 40, 301, 1000])
def test_streamed_in_any_blocks_equals_the_whole_track(frames: int) -> None:
    rng = np.random.default_rng(frames)
    magnitude = rng.gamma(0.5, size=(N_FFT // 2 + 1, frames)).astype(np.float32)
    magnitude[:, rng.random(frames) < 0.1] *= 8.0  # a few loud frames, so the masks vary
    share = HarmonicShare(SR, N_FFT)
    start = 0
    while start < frames:
        size = int(rng.integers(1, 120))
        share.push(magnitude[:, start : start + size])
        start += size
    assert share.share() == pytest.approx(whole_track_share(magnitude, SR, N_FFT), rel=1e-6)


def test_the_analysis_pass_gives_the_whole_track_share() -> None:
    t = np.arange(int(9.3 * SR)) / SR
    samples = (0.3 * np.sin(2 * np.pi * 220 * t) + click_track(100.0, seconds=9.3)[: t.size]).astype(
        np.float32
    )
    magnitude = np.abs(librosa.stft(samples, n_fft=N_FFT, hop_length=HOP)).astype(np.float32)
    ours = frames_of(samples, SHARE).harmonic_share
    assert ours == pytest.approx(whole_track_share(magnitude, SR, N_FFT), rel=1e-5)


def test_a_held_tone_is_harmonic_and_clicks_are_percussive() -> None:
    t = np.arange(10 * SR) / SR
    tone = (0.3 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
    assert (frames_of(tone, SHARE).harmonic_share or 0.0) > 0.95
    clicks = click_track(120.0, seconds=10.0)
    assert (frames_of(clicks, SHARE).harmonic_share or 1.0) < 0.1


def test_silence_has_no_share() -> None:
    assert frames_of(np.zeros(SR * 3, dtype=np.float32), SHARE).harmonic_share is None
    assert frames_of(np.zeros(SR * 3, dtype=np.float32), Needs(stft=True)).harmonic_share is None


def test_only_a_pass_that_asks_for_it_pays_for_it() -> None:
    tone = (0.3 * np.sin(2 * np.pi * 330 * np.arange(3 * SR) / SR)).astype(np.float32)
    assert frames_of(tone, Needs(stft=True, mel=True, chroma=True)).harmonic_share is None  # tempo, chroma
    assert needs_for(["tempo", "chroma"]).harmonic_share is False
    assert needs_for(["key"]).harmonic_share is True
