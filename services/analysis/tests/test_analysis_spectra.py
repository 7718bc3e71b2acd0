"""The shared block-wise pass equals librosa's whole-signal calls, and decoding equals librosa.load."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import librosa
import numpy as np
import pytest
import soundfile

from soundforge.analysis.decoding import decode_mono
from soundforge.analysis.features import mfcc
from soundforge.analysis.levelling import levelling_gain
from soundforge.analysis.spectra import BLOCK_FRAMES, HOP, N_FFT, TUNING_BLOCKS, Needs, TrackFrames, frames_of
from soundforge.analysis.tempo import onset_envelope, tempo_guess, to_decibels
from soundforge.runtime.errors import UnsupportedMediaType
from soundforge.testing.music import Piece, render

SR = 22050
EVERYTHING = Needs(stft=True, mel=True, chroma=True, levelled_chroma=True, spectral=True, rms=True, zcr=True)


@pytest.fixture(scope="module")
def signal() -> np.ndarray:
    # Longer than the tuning window and several blocks, and not a whole number of hops.
    seconds = (TUNING_BLOCKS + 1.5) * BLOCK_FRAMES * HOP / SR
    samples = render(Piece(tonic=4, mode="minor", bpm=97.0, seconds=seconds, tuning_cents=12.0, seed=9), SR)
    return samples[: samples.size - 77]


@pytest.fixture(scope="module")
def shared(signal: np.ndarray) -> TrackFrames:
    return frames_of(signal, EVERYTHING)


def close(ours: np.ndarray | None, theirs: np.ndarray) -> None:
    assert ours is not None
    if theirs.ndim == 2 and theirs.shape[0] == 1:  # librosa keeps a leading axis for 1-row features
        theirs = theirs[0]
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-6 * float(np.max(np.abs(theirs))))


def test_frames_equal_librosa_on_the_whole_signal(signal: np.ndarray, shared: TrackFrames) -> None:
    assert shared.frames == 1 + signal.size // HOP > (TUNING_BLOCKS + 1) * BLOCK_FRAMES
    close(shared.spectral["spectral_centroid"], librosa.feature.spectral_centroid(y=signal, sr=SR))
    close(shared.spectral["spectral_rolloff"], librosa.feature.spectral_rolloff(y=signal, sr=SR))
    close(shared.spectral["spectral_bandwidth"], librosa.feature.spectral_bandwidth(y=signal, sr=SR))
    close(shared.spectral["spectral_flatness"], librosa.feature.spectral_flatness(y=signal))
    close(shared.zcr, librosa.feature.zero_crossing_rate(signal))
    close(shared.rms, librosa.feature.rms(y=signal))
    close(shared.mel, librosa.feature.melspectrogram(y=signal, sr=SR))


def test_chroma_equals_librosa_with_the_tuning_of_the_first_blocks(
    signal: np.ndarray, shared: TrackFrames
) -> None:
    power = np.abs(librosa.stft(signal)) ** 2
    tuning = librosa.estimate_tuning(S=power[:, : TUNING_BLOCKS * BLOCK_FRAMES], sr=SR)
    assert shared.tuning == tuning
    assert 0.04 < shared.tuning < 0.2  # the piece is 12 cents sharp; librosa's estimate is coarse
    close(shared.chroma, librosa.feature.chroma_stft(S=power, sr=SR, tuning=tuning))


def test_the_levelled_chroma_is_librosa_chroma_of_the_power_levelled_by_the_first_blocks(
    signal: np.ndarray, shared: TrackFrames
) -> None:
    power = np.abs(librosa.stft(signal)) ** 2
    first = power[:, : TUNING_BLOCKS * BLOCK_FRAMES]
    gain = levelling_gain(first.mean(axis=1), SR, N_FFT)
    assert gain.min() < 0.9  # the piece's bass stands above its middle: the levelling does something
    levelled = librosa.feature.chroma_stft(S=power * gain[:, None], sr=SR, tuning=shared.tuning)
    close(shared.levelled_chroma, levelled)
    assert shared.levelled_chroma is not None and shared.chroma is not None
    assert not np.allclose(shared.levelled_chroma, shared.chroma, atol=1e-3)


def test_log_mel_onsets_and_mfcc_equal_librosa(signal: np.ndarray, shared: TrackFrames) -> None:
    assert shared.mel is not None
    log_mel = to_decibels(shared.mel.copy())
    close(log_mel, librosa.power_to_db(librosa.feature.melspectrogram(y=signal, sr=SR)))
    close(onset_envelope(log_mel), librosa.onset.onset_strength(y=signal, sr=SR))
    close(mfcc(log_mel), librosa.feature.mfcc(y=signal, sr=SR, n_mfcc=13))
    centres = librosa.mel_frequencies(n_mels=130, fmax=SR / 2)[1:-1]  # band k spans edges k..k+2
    low = librosa.onset.onset_strength(S=log_mel[centres <= 300.0], sr=SR)
    close(onset_envelope(log_mel, max_hz=300.0), low)


def test_a_clip_shorter_than_one_frame_still_has_its_frames() -> None:
    tiny = np.sin(np.arange(700) / 5.0).astype(np.float32)
    frames = frames_of(tiny, EVERYTHING)
    assert frames.frames == 2
    close(frames.rms, librosa.feature.rms(y=tiny))
    close(frames.zcr, librosa.feature.zero_crossing_rate(tiny))


def test_decoding_equals_librosa_load(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    stereo = (rng.normal(0.0, 0.2, (44100 * 7 + 123, 2))).astype(np.float32)
    path = tmp_path / "noise.wav"
    soundfile.write(path, stereo, 44100, subtype="FLOAT")
    ours, fmt = decode_mono(path)
    theirs, _ = librosa.load(path, sr=SR)
    assert (fmt.sample_rate, fmt.channels, fmt.frames) == (44100, 2, stereo.shape[0])
    np.testing.assert_allclose(ours, theirs, atol=1e-6)


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")
def test_formats_libsndfile_cannot_read_go_through_ffmpeg(tmp_path: Path) -> None:
    wav, m4a = tmp_path / "tone.wav", tmp_path / "tone.m4a"
    t = np.arange(44100 * 2) / 44100
    soundfile.write(wav, (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 44100)
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(wav), "-c:a", "aac", str(m4a)], check=True)
    samples, fmt = decode_mono(m4a)
    assert fmt.sample_rate == 44100
    assert samples.size / SR == pytest.approx(2.0, abs=0.1)  # AAC adds priming samples
    chroma = librosa.feature.chroma_stft(y=samples, sr=SR).mean(axis=1)
    assert int(np.argmax(chroma)) == 9


def test_what_cannot_be_decoded_is_unsupported(tmp_path: Path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF....WAVEfmt nothing like audio" * 20)
    with pytest.raises(UnsupportedMediaType):
        decode_mono(junk)


def test_the_chunked_tempo_estimate_equals_librosa(signal: np.ndarray, shared: TrackFrames) -> None:
    assert shared.mel is not None
    onset = onset_envelope(to_decibels(shared.mel.copy()))
    assert tempo_guess(onset) == pytest.approx(float(librosa.feature.tempo(onset_envelope=onset, sr=SR)[0]))
    assert tempo_guess(np.zeros(100, np.float32)) == 0.0
