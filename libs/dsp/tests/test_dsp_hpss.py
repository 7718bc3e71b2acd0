"""HPSS: masks equal librosa's, and streamed chunks equal the whole signal (margins leave no seams)."""

from __future__ import annotations

import librosa
import numpy as np

from soundforge.dsp.hpss import HOP, KERNEL, hpss_masks, hpss_stream, hpss_whole


def signal(seconds: float, rate: int = 22050) -> np.ndarray:
    rng = np.random.default_rng(0)
    t = np.arange(int(seconds * rate)) / rate
    clicks = rng.standard_normal(t.size) * (np.sin(2 * np.pi * 2 * t) > 0.97)
    return np.stack([np.sin(2 * np.pi * 220 * t) + clicks, np.sin(2 * np.pi * 330 * t) - clicks]).astype(
        np.float32
    )


def test_streamed_chunks_equal_the_whole_signal() -> None:
    audio = signal(8.0)
    harmonic, percussive = hpss_whole(audio)
    parts = list(hpss_stream(lambda start, stop: audio[:, start:stop], audio.shape[1], chunk=HOP * 97))
    assert len(parts) > 3  # several chunks, so there are seams to get wrong
    streamed_h = np.concatenate([h for h, _ in parts], axis=-1)
    streamed_p = np.concatenate([p for _, p in parts], axis=-1)
    assert streamed_h.shape == harmonic.shape == audio.shape
    assert np.allclose(streamed_h, harmonic, atol=1e-5) and np.allclose(streamed_p, percussive, atol=1e-5)


def test_the_parts_add_back_to_the_signal_and_split_tone_from_clicks() -> None:
    audio = signal(6.0)
    harmonic, percussive = hpss_whole(audio)
    assert np.allclose(harmonic + percussive, audio, atol=1e-3)  # soft masks sum to one
    t = np.arange(audio.shape[1]) / 22050
    tone = np.sin(2 * np.pi * 220 * t)
    # The tone lives in the harmonic part, the clicks in the percussive one.
    assert np.corrcoef(harmonic[0], tone)[0, 1] > 0.9
    assert np.abs(percussive[0]).max() > 5 * np.abs(percussive[0] - (audio[0] - tone)).mean()


def test_the_masks_equal_librosas() -> None:
    rng = np.random.default_rng(2)
    magnitude = np.abs(rng.standard_normal((1025, 300))).astype(np.float32)
    magnitude[:, 40:45] = 0.0  # silent frames: librosa splits zeros evenly
    expected = librosa.decompose.hpss(magnitude, kernel_size=KERNEL, mask=True)
    got = hpss_masks(magnitude)
    assert np.array_equal(got[0], expected[0]) and np.array_equal(got[1], expected[1])
