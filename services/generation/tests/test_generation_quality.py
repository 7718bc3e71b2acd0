"""Quality scores: hard failures fail whatever the average says; a clean signal scores well."""

from __future__ import annotations

import numpy as np
import pytest

from soundforge.generation.quality import HARD_FAILURE_CAP, assess

RATE = 32000
TIME = np.arange(4 * RATE) / RATE
NOISE = np.random.default_rng(0).standard_normal(TIME.size)


def chord(level: float = 0.3) -> np.ndarray:
    tone = sum(level / k * np.sin(2 * np.pi * 220 * k * TIME + k) for k in (1, 2, 3, 5))
    return (tone + level / 150 * NOISE).astype(np.float32)


def test_a_clean_tonal_signal_scores_well() -> None:
    quality = assess(chord(), RATE)
    assert quality.score >= 90
    assert not quality.hard_failure and quality.issues == []


def test_stereo_and_mono_arrays_are_both_accepted() -> None:
    assert assess(np.stack([chord(), chord()]), RATE).score == assess(chord(), RATE).score


@pytest.mark.parametrize(
    ("samples", "issue"),
    [
        (1e-5 * NOISE, "near silence (-100 dBFS)"),
        (np.zeros(TIME.size), "near silence"),
        (np.clip(4 * chord(), -1, 1), "heavy clipping"),
        (np.where(TIME < 1, np.nan, chord()), "NaN or infinite samples"),
        (np.where(TIME < 1, np.inf, chord()), "NaN or infinite samples"),
    ],
    ids=["near-silence", "digital-silence", "clipped", "nan", "inf"],
)
def test_hard_failures_fail_whatever_the_rest_says(samples: np.ndarray, issue: str) -> None:
    quality = assess(samples.astype(np.float32), RATE)
    assert quality.hard_failure
    assert quality.score <= HARD_FAILURE_CAP
    assert any(found.startswith(issue) for found in quality.issues), quality.issues


def test_a_near_silent_clip_with_a_clean_spectrum_still_fails() -> None:
    # The original product's failure: every other measure is fine, so an average passed it.
    quality = assess(chord(level=0.0003), RATE)
    assert quality.hard_failure and quality.score <= HARD_FAILURE_CAP
    assert quality.issues == [f"near silence ({quality.measures['rms_dbfs']:.0f} dBFS)"]


def test_soft_problems_lower_the_score_and_say_why() -> None:
    noise = assess((0.1 * NOISE).astype(np.float32), RATE)
    assert not noise.hard_failure and noise.score < 60
    assert any("high-frequency noise" in issue for issue in noise.issues)
    assert any("noise-like spectrum" in issue for issue in noise.issues)

    quiet = assess(chord(level=0.006), RATE)
    assert not quiet.hard_failure and 50 <= quiet.score < 90
    assert quiet.issues[0].startswith("quiet (")

    gaps = assess(np.where(TIME < 0.5, chord(), 0).astype(np.float32), RATE)
    assert not gaps.hard_failure and gaps.score < 60
    assert gaps.issues[0].startswith("silent for 88%")

    light = chord().copy()
    light[::500] = 1.0  # 0.2% of the samples at full scale
    clipped = assess(light, RATE)
    assert not clipped.hard_failure and clipped.score < 90
    assert clipped.issues[0].startswith("clipping (0.20%")


def test_16_khz_audio_looks_for_noise_below_its_nyquist() -> None:
    quality = assess((0.1 * NOISE[: 4 * 16000]).astype(np.float32), 16000)
    assert any("above 6 kHz" in issue for issue in quality.issues)
