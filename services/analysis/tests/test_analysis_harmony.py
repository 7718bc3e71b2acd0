"""What the key reads: the harmony chroma's band and magnitudes, chords read with their partials."""

from __future__ import annotations

import librosa
import numpy as np

from soundforge.analysis import harmony
from soundforge.analysis.features import analyze_samples
from soundforge.analysis.key import find_key, parse_key
from soundforge.analysis.spectra import HARMONY_CHROMA_HZ, N_FFT, Needs, frames_of, harmony_chroma
from soundforge.testing.labelled_clips import clip_set, render_clip

SR = 22050


def tones(freqs: list[float], partials: int = 1, seconds: float = 4.0) -> np.ndarray:
    """Each frequency with `partials` harmonics of amplitude 1/k."""
    t = np.arange(int(seconds * SR)) / SR
    out = sum(np.sin(2 * np.pi * k * f * t) / k for f in freqs for k in range(1, partials + 1))
    return (0.2 * np.asarray(out)).astype(np.float32)


def midi_hz(midi: int) -> float:
    return float(440.0 * 2 ** ((midi - 69) / 12))


def test_the_harmony_chroma_reads_magnitudes_inside_its_band_only() -> None:
    power = np.abs(librosa.stft(tones([midi_hz(60), midi_hz(64)]), n_fft=N_FFT)) ** 2
    low_note = np.abs(librosa.stft(tones([midi_hz(31)]), n_fft=N_FFT)) ** 2  # G1, 49 Hz: under the band
    both = harmony_chroma(power + low_note, SR, 0.0)
    assert np.allclose(both, harmony_chroma(power, SR, 0.0), atol=1e-3)
    bank = librosa.filters.chroma(sr=SR, n_fft=N_FFT)
    freqs = np.arange(bank.shape[1]) * SR / N_FFT
    bank[:, (freqs < HARMONY_CHROMA_HZ[0]) | (freqs > HARMONY_CHROMA_HZ[1])] = 0.0
    expected = librosa.util.normalize(bank @ np.sqrt(power), norm=np.inf, axis=0)
    assert np.allclose(harmony_chroma(power, SR, 0.0), expected, atol=1e-5)
    mean = both.mean(axis=1)
    assert set(np.argsort(mean)[-2:].tolist()) == {0, 4}  # C and E, and no G from the low note
    assert frames_of(tones([440.0]), Needs(stft=True, chroma=True)).harmony_chroma is not None


def test_chords_read_with_partials_keep_a_rich_minor_triad_minor() -> None:
    """A2 C3 E3 with saw-like partials: under the band, the root is heard by its partials alone.

    Bare triads read C major; templates holding each tone's partials read A minor.
    """
    samples = tones([midi_hz(45), midi_hz(48), midi_hz(52)], partials=6)
    chroma = frames_of(samples, Needs(stft=True, chroma=True)).harmony_chroma
    assert chroma is not None
    starts = harmony.segment_bounds(chroma.shape[1], np.zeros(0, np.int64))

    def read(partials: bool) -> int:
        labels = harmony.chords(chroma, starts, harmonics=partials)[2:-2]
        return int(np.bincount(labels + 1, minlength=26).argmax()) - 1

    assert read(partials=True) == 9 + 12  # A minor
    assert read(partials=False) != 9 + 12
    plain, _ = harmony.chord_templates()
    bare = np.zeros(12)
    bare[[9, 0, 4]] = 1.0
    assert any(np.allclose(row, bare / np.linalg.norm(bare)) for row in plain)  # 1 partial: bare triads


def test_a_major_key_dwelling_on_vi_in_general_midi_timbres_is_major() -> None:
    """vi-iii-IV-I in F#: read as Bb minor from the full-band chroma and bare-triad chords."""
    clip = next(
        c for c in clip_set("tune") if c.progression and c.progression.name == "vi-iii-IV-I" and c.tonic == 6
    )
    assert clip.key == (6, "major") and clip.band == "gm"
    samples = render_clip(clip, SR)
    result = analyze_samples(samples, ["key"]).result
    assert result["key"] is not None and parse_key(result["key"]) == clip.key
    frames = frames_of(samples, Needs(stft=True, chroma=True))
    assert frames.chroma is not None
    plain = harmony.chords(
        frames.chroma, harmony.segment_bounds(frames.chroma.shape[1], np.zeros(0, np.int64))
    )
    without = find_key(frames.chroma, frames.bass_chroma, plain)
    assert without is not None and (without.tonic, without.mode) != clip.key
