"""Loudness against values computed from BS.1770-4's own tables and from the signals' construction."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal

from soundforge.analysis.features import analyze_samples
from soundforge.dsp.loudness import LoudnessMeter, k_weighting, measure

RATE = 48000
# ITU-R BS.1770-4 Tables 1 and 2: the K-weighting stages at 48 kHz, (b0, b1, b2), (1, a1, a2).
SHELF = ((1.53512485958697, -2.69169618940638, 1.19839281085285), (1.0, -1.69065929318241, 0.73248077421585))
HIGH_PASS = ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))


def tone(freq: float, dbfs: float, seconds: float = 10.0, rate: int = RATE, phase: float = 0.0) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (10 ** (dbfs / 20) * np.sin(2 * np.pi * freq * t + phase)).astype(np.float32)


def expected_lufs(freq: float, dbfs: float, channels: int = 1) -> float:
    """-0.691 + 10 log10(sum over channels of the K-weighted mean square), from the tabulated filters."""
    gain = 1.0
    for b, a in (SHELF, HIGH_PASS):
        _, response = signal.freqz(b, a, worN=[freq], fs=RATE)
        gain *= abs(response[0]) ** 2
    mean_square = 10 ** (dbfs / 10) / 2
    return -0.691 + 10 * np.log10(channels * mean_square * gain)


def test_k_weighting_at_48k_is_the_tabulated_filter() -> None:
    sos = k_weighting(RATE)
    for section, (b, a) in zip(sos, (SHELF, HIGH_PASS), strict=True):
        np.testing.assert_allclose(section, [*b, *a], rtol=1e-9, atol=1e-12)


def test_a_minus_20_dbfs_1k_sine_measures_as_bs1770_says() -> None:
    expected = expected_lufs(1000.0, -20.0)
    assert expected == pytest.approx(-23.0, abs=0.05)  # the well-known calibration point
    measured = measure(tone(1000.0, -20.0), RATE)
    assert measured.integrated_lufs == pytest.approx(expected, abs=0.02)
    assert measured.true_peak_dbtp == pytest.approx(-20.0, abs=0.05)
    assert measured.range_lu == pytest.approx(0.0, abs=0.05)  # a steady tone has no loudness range


@pytest.mark.parametrize("freq", [100.0, 3000.0, 10000.0])
def test_k_weighting_shapes_other_frequencies_too(freq: float) -> None:
    measured = measure(tone(freq, -12.0), RATE)
    assert measured.integrated_lufs == pytest.approx(expected_lufs(freq, -12.0), abs=0.03)


def test_two_channels_add_their_power() -> None:
    mono = tone(1000.0, -20.0)
    stereo = measure(np.stack([mono, mono], axis=1), RATE)
    assert stereo.integrated_lufs == pytest.approx(expected_lufs(1000.0, -20.0, channels=2), abs=0.02)


def test_silence_is_gated_out_and_quiet_passages_are_gated_relative_to_the_loud() -> None:
    loud = tone(1000.0, -20.0)  # 10 s: 97 whole 400 ms gating blocks (100 ms steps)
    # The three blocks across the edge hold 3/4, 1/2 and 1/4 of the tone; they pass both gates.
    edge = 10 * np.log10((97 + 0.75 + 0.5 + 0.25) / 100)
    with_silence = measure(np.concatenate([loud, np.zeros_like(loud)]), RATE)
    assert with_silence.integrated_lufs == pytest.approx(expected_lufs(1000.0, -20.0) + edge, abs=0.01)
    # 40 dB down is above the -70 LUFS absolute gate but below the -10 LU relative gate.
    with_quiet = measure(np.concatenate([loud, tone(1000.0, -60.0)]), RATE)
    assert with_quiet.integrated_lufs == pytest.approx(expected_lufs(1000.0, -20.0) + edge, abs=0.01)
    assert measure(tone(1000.0, -80.0), RATE).integrated_lufs is None  # everything under -70 LUFS


def test_loudness_range_of_two_levels_10_db_apart() -> None:
    both = np.concatenate([tone(1000.0, -20.0, seconds=20.0), tone(1000.0, -30.0, seconds=20.0)])
    assert measure(both, RATE).range_lu == pytest.approx(10.0, abs=0.1)


def test_true_peak_sees_the_peak_between_samples() -> None:
    # A quarter-rate sine at 45 degrees is sampled at +-0.707 of its peak: 3 dB short.
    rate = 44100
    measured = measure(tone(rate / 4, -6.0, seconds=2.0, rate=rate, phase=np.pi / 4), rate)
    assert measured.sample_peak_dbfs == pytest.approx(-6.0 - 3.01, abs=0.02)
    assert measured.true_peak_dbtp == pytest.approx(-6.0, abs=0.1)


def test_blocks_of_any_size_give_the_same_answer() -> None:
    rng = np.random.default_rng(4)
    music = (rng.normal(0.0, 0.1, (RATE * 12, 2)) * np.linspace(0.2, 1.0, RATE * 12)[:, None]).astype(
        np.float32
    )
    whole = measure(music, RATE)
    meter = LoudnessMeter(RATE, 2)
    for start in range(0, music.shape[0], 7919):
        meter.push(music[start : start + 7919])
    assert meter.result() == whole


def test_the_loudness_feature_reads_the_native_channels_and_rate() -> None:
    mono = tone(1000.0, -20.0, seconds=5.0)
    result = analyze_samples(np.stack([mono, mono], axis=1), ["loudness"], RATE).result
    assert result["loudness"] == pytest.approx(expected_lufs(1000.0, -20.0, channels=2), abs=0.02)
    assert result["true_peak"] == pytest.approx(-20.0, abs=0.05)
