"""Loops: across the loop point the sample jump and the spectral change stay within the clip's own."""

from __future__ import annotations

import numpy as np
import pytest

from soundforge.generation.audiocraft_engine import AudioCraftEngine
from soundforge.generation.looping import CROSSFADE_SECONDS, SeamMetrics, loop_seam_metrics, make_loop

RATE = 32000


def melody(seconds: float, seed: int = 0) -> np.ndarray:
    """Notes every 250 ms with soft attacks over a drone and a faint noise floor; it starts at the
    drone's peak and ends elsewhere in its cycle, so played as a loop as it is, it clicks."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    out = 0.3 * np.sin(2 * np.pi * 110 * t + np.pi / 2) + 0.003 * rng.standard_normal(t.size)
    for start in np.arange(0, seconds, 0.25):
        pitch = rng.choice([220.0, 247.0, 262.0, 294.0, 330.0, 349.0, 392.0])
        since = t - start
        envelope = np.clip(since / 0.02, 0, 1) * np.exp(-np.clip(since, 0, None) * 3) * (since >= 0)
        envelope *= np.clip((0.3 - since) / 0.05, 0, 1)
        out += envelope * (0.4 * np.sin(2 * np.pi * pitch * t + 1.3) + 0.15 * np.sin(4 * np.pi * pitch * t))
    return out.astype(np.float32)


def click_track(seconds: float, bpm: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    out = 0.05 * np.random.default_rng(0).standard_normal(t.size)
    click = np.hanning(400)[200:] * np.sin(2 * np.pi * 1000 * t[:200])
    for beat in np.arange(0, seconds, 60 / bpm):
        start = round(beat * RATE)
        out[start : start + 200] += click[: len(out) - start]
    return out.astype(np.float32)


def seamless(metrics: SeamMetrics) -> bool:
    return (
        metrics.seam_jump <= metrics.typical_jump
        and metrics.seam_spectral_change <= metrics.typical_spectral_change
    )


def test_a_clip_that_clicks_as_it_is_loops_seamlessly_after_make_loop() -> None:
    clip = melody(6.0)
    raw = loop_seam_metrics(clip, RATE)
    assert raw.seam_jump > 2 * raw.typical_jump  # without make_loop, this test fails
    assert raw.seam_spectral_change > raw.typical_spectral_change

    loop = make_loop(clip, RATE)
    assert loop.shape[0] == 1 and loop.dtype == np.float32
    assert 6.0 - CROSSFADE_SECONDS - 0.02 <= loop.shape[1] / RATE <= 6.0 - CROSSFADE_SECONDS
    assert seamless(loop_seam_metrics(loop, RATE))


@pytest.mark.parametrize("bpm", [72, 97, 120, 143, 180])
def test_a_rhythmic_clip_loops_on_whole_beats(bpm: float) -> None:
    loop = make_loop(click_track(12.0, bpm), RATE, length=int(11.5 * RATE))
    beats = loop.shape[1] / RATE / (60 / bpm)
    assert loop.shape[1] <= 11.5 * RATE
    assert abs(beats - round(beats)) * 60 / bpm < 0.003  # within 3 ms of the beat grid
    # Its seam falls on a click, as large a spectral change as the clip's own clicks (which are
    # too few for a percentile to place it); the waveform has to continue, though.
    metrics = loop_seam_metrics(loop, RATE)
    assert metrics.seam_jump <= metrics.typical_jump


def test_stereo_stays_stereo_and_length_is_kept_without_rhythm() -> None:
    noise = np.random.default_rng(2).standard_normal((2, 5 * RATE)).astype(np.float32) * 0.1
    loop = make_loop(noise, RATE, length=4 * RATE)
    assert loop.shape[0] == 2
    assert 4 * RATE - 0.01 * RATE <= loop.shape[1] <= 4 * RATE
    assert seamless(loop_seam_metrics(loop, RATE))


@pytest.mark.usefixtures("one_torch_thread")
@pytest.mark.parametrize("model", ["music", "magnet-audio"])
def test_generated_audio_loops_seamlessly(tiny_engine: AudioCraftEngine, model: str) -> None:
    audio = tiny_engine.generate(model, "four on the floor", 4.0 + CROSSFADE_SECONDS, 5, lambda d, t: None)
    loop = make_loop(audio.samples, audio.sample_rate, length=4 * audio.sample_rate)
    assert loop.shape[1] <= 4 * audio.sample_rate
    assert seamless(loop_seam_metrics(loop, audio.sample_rate))
