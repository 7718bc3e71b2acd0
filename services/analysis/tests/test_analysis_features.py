"""Feature extraction on synthetic signals whose answers follow from physics, not from librosa."""

from __future__ import annotations

import numpy as np
import pytest

from soundforge.analysis.features import IMPLEMENTED, SAMPLE_RATE, analyze, resolve_features, tempo_and_beats
from soundforge.runtime.errors import InvalidArgument, NotImplementedYet, ValidationFailed

SR = SAMPLE_RATE


def click_track(bpm: float, seconds: float = 20.0) -> np.ndarray:
    """Short decaying 1 kHz bursts exactly every 60/bpm seconds."""
    samples = np.zeros(int(seconds * SR), dtype=np.float32)
    t = np.arange(int(0.02 * SR)) / SR
    burst = (0.8 * np.sin(2 * np.pi * 1000.0 * t) * np.exp(-t * 300.0)).astype(np.float32)
    period = 60.0 / bpm
    for k in range(int(seconds / period)):
        start = round(k * period * SR)
        end = min(start + burst.size, samples.size)
        samples[start:end] += burst[: end - start]
    return samples


def sine(freq: float, seconds: float = 3.0, amplitude: float = 1.0) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.mark.parametrize("bpm", [120.0, 90.0])
def test_tempo_of_a_click_track_within_two_percent(bpm: float) -> None:
    result = tempo_and_beats(click_track(bpm))
    assert result["tempo"] == pytest.approx(bpm, rel=0.02)
    intervals = np.diff(result["beats"])
    assert len(result["beats"]) > 10
    assert np.median(intervals) == pytest.approx(60.0 / bpm, rel=0.05)


def test_silence_is_rejected_rather_than_given_a_tempo() -> None:
    with pytest.raises(InvalidArgument):
        analyze(np.zeros(SR, dtype=np.float32), ["tempo"])


def test_energy_of_a_full_scale_sine_is_its_rms() -> None:
    loud = analyze(sine(440.0), ["energy"])["energy"]
    quiet = analyze(sine(440.0, amplitude=0.1), ["energy"])["energy"]
    assert loud == pytest.approx(1 / np.sqrt(2), abs=0.02)
    assert quiet == pytest.approx(0.1 / np.sqrt(2), abs=0.005)


def test_spectral_shape_of_a_pure_tone() -> None:
    result = analyze(sine(1000.0), ["spectral"])
    assert result["spectral_centroid"] == pytest.approx(1000.0, rel=0.05)
    # Two zero crossings per cycle.
    assert result["zero_crossing_rate"] == pytest.approx(2000.0 / SR, rel=0.05)
    assert result["spectral_flatness"] < 0.01
    assert set(result) == {
        "spectral_centroid",
        "spectral_rolloff",
        "spectral_bandwidth",
        "spectral_flatness",
        "zero_crossing_rate",
    }


def test_matrices_are_mean_and_std_per_row() -> None:
    result = analyze(sine(440.0), ["mfcc", "chroma"])
    mfcc, chroma = result["features"]["mfcc"], result["features"]["chroma"]
    assert len(mfcc) == 13
    assert len(chroma) == 12
    assert all(len(row) == 2 and row[1] >= 0 for row in mfcc + chroma)
    # 440 Hz is A: pitch class 9 counting from C.
    assert int(np.argmax([mean for mean, _ in chroma])) == 9


def test_all_computes_every_implemented_feature_and_nothing_else() -> None:
    result = analyze(click_track(120.0, seconds=6.0), resolve_features(["all"]))
    assert {"tempo", "beats", "energy", "spectral_centroid", "features"} <= set(result)
    assert "key" not in result
    assert set(result["features"]) == {"mfcc", "chroma"}


def test_resolve_orders_and_deduplicates() -> None:
    assert resolve_features(["chroma", "Tempo", "tempo"]) == ["tempo", "chroma"]
    assert resolve_features(["all"]) == list(IMPLEMENTED)


def test_unknown_features_are_all_reported() -> None:
    with pytest.raises(ValidationFailed) as caught:
        resolve_features(["tempo", "x", "loudness"])
    assert caught.value.details == {"features": ["unknown feature: x", "unknown feature: loudness"]}


def test_no_feature_is_a_validation_error() -> None:
    with pytest.raises(ValidationFailed) as caught:
        resolve_features([])
    assert "features" in caught.value.details


@pytest.mark.parametrize("requested", [["key"], ["tempo", "key"], ["all", "key"]])
def test_key_is_not_implemented_yet(requested: list[str]) -> None:
    with pytest.raises(NotImplementedYet, match="feature not implemented yet: key"):
        resolve_features(requested)
