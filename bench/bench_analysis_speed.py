"""`all` on a 3-minute track: the shared single pass vs calling librosa once per feature, same values.

The naive way decodes with librosa.load (and soundfile for loudness) and computes each feature
from the samples on its own, recomputing whatever spectrum it needs, as a script calling
librosa per feature would. Both use the same parameters (and the same tempo, key, loudness and
spectrogram code on top), so their values must agree; the bench asserts they do, then prints
the times and their ratio (goal: shared / naive <= 0.5).
Run: .venv/bin/python bench/bench_analysis_speed.py [--seconds 180] [--rounds 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import librosa
import numpy as np
import soundfile

from soundforge.analysis import key as keys
from soundforge.analysis.features import FEATURES, analyze_file, warm_up
from soundforge.analysis.harmonic_share import whole_track_share
from soundforge.analysis.harmony import chords, segment_bounds
from soundforge.analysis.levelling import levelling_gain
from soundforge.analysis.rhythm import danceability, find_downbeats
from soundforge.analysis.spectra import TUNING_FRAMES, bass_chroma
from soundforge.analysis.spectrogram import render_png
from soundforge.analysis.tempo import BASS_MAX_HZ, Beats, track_beats
from soundforge.dsp.loudness import measure
from soundforge.testing.music import Piece, render

SR = 22050
RATE = 44100


def stats(matrix: np.ndarray) -> list[list[float]]:
    return [[round(float(row.mean()), 4), round(float(row.std()), 4)] for row in matrix]


def mean(values: np.ndarray) -> float:
    return round(float(np.mean(values)), 4)


def times(frames: np.ndarray) -> list[float]:
    return [round(float(t), 3) for t in librosa.frames_to_time(frames, sr=SR)]


def naive_beats(y: np.ndarray) -> tuple[Beats, np.ndarray]:
    onset = librosa.onset.onset_strength(y=y, sr=SR)
    log_mel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=SR))
    centres = librosa.mel_frequencies(n_mels=130, fmax=SR / 2)[1:-1]
    bass = librosa.onset.onset_strength(S=log_mel[centres <= BASS_MAX_HZ], sr=SR)
    guess = float(librosa.feature.tempo(onset_envelope=onset, sr=SR)[0])
    return track_beats(onset, bass, guess), bass


def naive_tuning(y: np.ndarray) -> float:
    first = np.abs(librosa.stft(y)[:, :TUNING_FRAMES]) ** 2  # tuning over the same opening frames
    return float(librosa.estimate_tuning(S=first, sr=SR))


def naive_chroma(y: np.ndarray) -> np.ndarray:
    return np.asarray(librosa.feature.chroma_stft(y=y, sr=SR, tuning=naive_tuning(y)))


def naive(path: Path) -> tuple[dict[str, Any], bytes, dict[str, float]]:
    """Every feature of `all`, one librosa call (or a few) per feature, each from the samples."""
    spent: dict[str, float] = {}
    out: dict[str, Any] = {}
    png = b""

    def timed(name: str, work: Callable[[], None]) -> None:
        started = time.perf_counter()
        work()
        spent[name] = time.perf_counter() - started

    holder: dict[str, Any] = {}

    def decode() -> None:
        holder["y"], _ = librosa.load(path, sr=SR)
        holder["native"], holder["rate"] = soundfile.read(path, dtype="float32", always_2d=True)

    timed("decode", decode)
    y, native, rate = holder["y"], holder["native"], holder["rate"]

    def tempo() -> None:
        beats, _ = naive_beats(y)
        out["tempo"], out["beats"] = beats.tempo, times(beats.frames)
        out["tempo_confidence"] = beats.confidence
        assert beats.found

    def key() -> None:
        tuning = naive_tuning(y)
        magnitude = np.abs(librosa.stft(y))
        power = magnitude**2
        own = librosa.feature.chroma_stft(S=power, sr=SR, tuning=tuning)
        gain = levelling_gain(power[:, :TUNING_FRAMES].mean(axis=1), SR, 2048)
        levelled = librosa.feature.chroma_stft(S=power * gain[:, None], sr=SR, tuning=tuning)
        chroma = keys.heard_chroma(own, levelled)
        labels = chords(chroma, segment_bounds(chroma.shape[1], np.zeros(0, np.int64)))
        share = whole_track_share(magnitude, SR, 2048)  # librosa's masks on the whole spectrogram
        found = keys.find_key(chroma, bass_chroma(power, SR, tuning), labels, harmonic_share=share)
        assert found is not None and found.confidence >= keys.MIN_CONFIDENCE
        out.update(key=found.name, camelot=found.camelot, key_confidence=found.confidence)

    def energy() -> None:
        out["energy"] = round(float(np.clip(librosa.feature.rms(y=y).mean(), 0.0, 1.0)), 4)

    def spectral() -> None:
        out["spectral_centroid"] = mean(librosa.feature.spectral_centroid(y=y, sr=SR))
        out["spectral_rolloff"] = mean(librosa.feature.spectral_rolloff(y=y, sr=SR))
        out["spectral_bandwidth"] = mean(librosa.feature.spectral_bandwidth(y=y, sr=SR))
        out["spectral_flatness"] = mean(librosa.feature.spectral_flatness(y=y))
        out["zero_crossing_rate"] = mean(librosa.feature.zero_crossing_rate(y))

    def mfcc() -> None:
        out.setdefault("features", {})["mfcc"] = stats(librosa.feature.mfcc(y=y, sr=SR, n_mfcc=13))

    def chroma() -> None:
        out.setdefault("features", {})["chroma"] = stats(naive_chroma(y))

    def loudness() -> None:
        measured = measure(native, rate)
        out.update(loudness=measured.integrated_lufs, loudness_range=measured.range_lu)
        out["true_peak"] = measured.true_peak_dbtp

    def duration() -> None:
        out["duration"] = round(native.shape[0] / rate, 3)

    def downbeats() -> None:
        beats, bass = naive_beats(y)
        bars = find_downbeats(beats.frames, naive_chroma(y), bass)
        assert bars is not None
        out["downbeats"], out["beats_per_bar"] = times(bars.downbeats), bars.beats_per_bar

    def dance() -> None:
        beats, _ = naive_beats(y)
        out["danceability"] = danceability(
            librosa.onset.onset_strength(y=y, sr=SR), beats.frames, beats.tempo
        )

    def spectrogram() -> None:
        nonlocal png
        png = render_png(librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=SR)))

    work = {"tempo": tempo, "key": key, "energy": energy, "spectral": spectral, "mfcc": mfcc}
    work |= {"chroma": chroma, "loudness": loudness, "duration": duration, "downbeats": downbeats}
    work |= {"danceability": dance, "spectrogram": spectrogram}
    assert set(work) == set(FEATURES)
    for name, step in work.items():
        timed(name, step)
    return out, png, spent


def assert_equal(ours: Any, theirs: Any, where: str = "result") -> None:
    """Equal within float tolerance (1e-4 relative, or one unit of the last rounded digit)."""
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs), (where, set(ours) ^ set(theirs))
        for name in theirs:
            assert_equal(ours[name], theirs[name], f"{where}.{name}")
    elif isinstance(theirs, list):
        assert len(ours) == len(theirs), (where, len(ours), len(theirs))
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            assert_equal(a, b, f"{where}[{i}]")
    elif isinstance(theirs, float):
        assert abs(ours - theirs) <= max(1e-4 * abs(theirs), 1.01e-4), (where, ours, theirs)
    else:
        assert ours == theirs, (where, ours, theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    warm_up()
    piece = Piece(
        tonic=9, mode="minor", bpm=124.0, meter="4/4", timbre="piano", seconds=args.seconds, seed=42
    )
    mono = render(piece, RATE)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "track.wav"
        soundfile.write(path, np.stack([mono, 0.9 * mono], axis=1), RATE, subtype="PCM_16")
        naive(path)  # once untimed, so both sides run with warm caches
        shared_runs, naive_runs, without_runs, naive_without_runs = [], [], [], []
        no_loudness = [name for name in FEATURES if name != "loudness"]
        for _ in range(args.rounds):  # interleaved, best of each: other load on the machine cancels out
            started = time.perf_counter()
            analysis = analyze_file(path, FEATURES)
            shared_runs.append(time.perf_counter() - started)
            started = time.perf_counter()
            analyze_file(path, no_loudness)
            without_runs.append(time.perf_counter() - started)
            theirs, their_png, spent = naive(path)
            naive_runs.append(sum(spent.values()))
            naive_without_runs.append(naive_runs[-1] - spent["loudness"])
    shared_seconds, naive_seconds = min(shared_runs), min(naive_runs)

    ours = dict(analysis.result)
    assert_equal(ours, theirs)
    assert analysis.spectrogram_png == their_png, "spectrogram images differ"
    print(f"track: {args.seconds:.0f} s, 44.1 kHz stereo WAV ({piece.describe()})")
    print(f"result: tempo {ours['tempo']} (written {piece.bpm}), key {ours['key']} ({ours['camelot']}),")
    loudness = f"loudness {ours['loudness']} LUFS, range {ours['loudness_range']} LU"
    print(f"        {loudness}, true peak {ours['true_peak']} dBTP")
    print("values: shared pass == naive per-feature librosa (every field within 1e-4; identical PNG)")
    print("naive time per feature: " + ", ".join(f"{name} {sec:.2f}s" for name, sec in spent.items()))
    print(f"shared single pass (decode once, one STFT): {shared_seconds:.2f} s (best of {args.rounds})")
    print(f"naive, librosa once per feature:            {naive_seconds:.2f} s (best of {args.rounds})")
    ratio = shared_seconds / naive_seconds
    print(f"ratio shared / naive: {ratio:.2f}  (goal <= 0.5: {'met' if ratio <= 0.5 else 'NOT met'})")
    # Loudness is not librosa and runs the same meter on both sides (streamed vs whole array).
    print(f"without loudness: {min(without_runs):.2f} s vs {min(naive_without_runs):.2f} s, ratio ", end="")
    print(f"{min(without_runs) / min(naive_without_runs):.2f}")


if __name__ == "__main__":
    main()
