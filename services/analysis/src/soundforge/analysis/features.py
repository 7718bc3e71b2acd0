"""Which features a request names, and the one decode + one spectral pass that computes all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.fft

from soundforge.analysis import key as keys
from soundforge.analysis.decoding import ANALYSIS_RATE, BLOCK_FRAMES, AudioFormat, MonoResampler, open_audio
from soundforge.analysis.harmonic_rhythm import harmonic_pulse
from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.levels import Bands, choose_level, level_context
from soundforge.analysis.rhythm import danceability, find_downbeats
from soundforge.analysis.spectra import FrameStream, Needs, TrackFrames
from soundforge.analysis.spectrogram import render_png
from soundforge.analysis.tempo import (
    Beats,
    Level,
    accented_pulse,
    bass_pulse,
    judge_rolled_pulse,
    judge_static_pulse,
    pitch_class_pulse,
    pitched_pulse,
    slow_pulse,
    to_decibels,
    track_beats,
)
from soundforge.dsp.loudness import LoudnessMeter
from soundforge.runtime.errors import InvalidArgument, ValidationFailed

# Every name Analyze accepts, in the order results are listed; "all" means every one.
FEATURES = (
    "tempo",
    "key",
    "energy",
    "spectral",
    "mfcc",
    "chroma",
    "loudness",
    "duration",
    "downbeats",
    "danceability",
    "spectrogram",
)
ALL = "all"
# The features read from the beats: each needs the pulse found, and so the harmony's motion.
_RHYTHM = frozenset({"tempo", "downbeats", "danceability"})
N_MFCC = 13
_CHUNK = 4096

Frames = npt.NDArray[np.float32]


class Stopped(Exception):
    """The caller asked the analysis to stop (its job was cancelled)."""


@dataclass
class Analysis:
    result: dict[str, Any]
    spectrogram_png: bytes | None = None  # stored by the caller, which then adds "spectrogram_key"


def resolve_features(requested: Iterable[str]) -> list[str]:
    """The requested names, validated, with "all" expanded, deduplicated, in FEATURES order.

    Unknown names fail validation, all of them reported at once.
    """
    names = [str(name).strip().lower() for name in requested]
    if not names:
        raise ValidationFailed({"features": ["at least one feature is required"]})
    unknown = [name for name in names if name != ALL and name not in FEATURES]
    if unknown:
        raise ValidationFailed({"features": [f"unknown feature: {name}" for name in unknown]})
    wanted = set(FEATURES) if ALL in names else set(names)
    return [name for name in FEATURES if name in wanted]


def needs_for(features: Sequence[str]) -> Needs:
    wanted = set(features)
    mel = bool(wanted & (_RHYTHM | {"mfcc", "spectrogram"}))
    # The pulse is judged with the harmony too (a held tone's vibrato repeats), so rhythm reads chroma.
    chroma = bool(wanted & (_RHYTHM | {"key", "chroma"}))
    spectral = "spectral" in wanted
    return Needs(
        stft=mel or chroma or spectral,
        mel=mel,
        chroma=chroma,
        levelled_chroma="key" in wanted,
        # The key scores them; the rhythm reads the harmony's motion from them where the chroma's is static.
        pitch_classes=bool(wanted & (_RHYTHM | {"key"})),
        harmonic_share="key" in wanted,
        spectral=spectral,
        rms=bool(wanted & {"energy", "key"}),  # the key leaves silent segments out of its motion
        zcr=spectral,
    )


class TrackAnalyzer:
    """Push native-rate blocks once, in order; `finish()` returns every requested feature.

    Loudness reads the native channels and rate; everything else reads one 22.05 kHz mono
    stream through one shared STFT (spectra.FrameStream). What is held between blocks is per
    frame and small (a 128-band mel column, 12 chroma bins, a few scalars), never the audio.
    """

    def __init__(self, features: Sequence[str], fmt: AudioFormat, source_etag: str = "") -> None:
        self.features, self.format, self.source_etag = resolve_features(features), fmt, source_etag
        self.needs = needs_for(self.features)
        self._resampler = MonoResampler(fmt.sample_rate) if self.needs.stft or self.needs.rms else None
        hint = int(fmt.frames * ANALYSIS_RATE / fmt.sample_rate)
        self._stream = FrameStream(self.needs, hint) if self._resampler else None
        self._meter = LoudnessMeter(fmt.sample_rate, fmt.channels) if "loudness" in self.features else None
        self.frames_read = 0
        self._audible = False

    def push(self, block: Frames) -> None:
        self.frames_read += block.shape[0]
        self._audible = self._audible or bool(np.any(block))
        if self._meter is not None:
            self._meter.push(block)
        if self._resampler is not None and self._stream is not None:
            self._stream.push(self._resampler.push(block))

    def finish(self) -> Analysis:
        if self._resampler is not None and self._stream is not None:
            self._stream.push(
                self._resampler.push(np.zeros((0, self.format.channels), np.float32), last=True)
            )
        if not self._audible:
            raise InvalidArgument("the track holds no audible audio")
        frames = self._stream.finish() if self._stream is not None else TrackFrames()
        return self._results(frames)

    def _results(self, frames: TrackFrames) -> Analysis:
        wanted = set(self.features)
        result: dict[str, Any] = {}
        matrices: dict[str, list[list[float]]] = {}
        log_mel = to_decibels(frames.mel) if frames.mel is not None else None
        png = None
        if "duration" in wanted:
            result["duration"] = round(self.frames_read / self.format.sample_rate, 3)
        rhythm = log_mel is not None and wanted & _RHYTHM
        # Chords per fixed segment: the harmonic motion (rhythm) and the key both read them.
        labels = (
            chord_labels(frames.chroma) if frames.chroma is not None and (rhythm or "key" in wanted) else None
        )
        if rhythm:
            assert log_mel is not None and labels is not None
            assert frames.chroma is not None
            beats, bands = _beats(log_mel, labels, frames.chroma, frames.pitch_classes)
            result.update(_rhythm(wanted, beats, bands.onset, bands.bass, frames))
        if "key" in wanted:
            assert labels is not None
            result.update(_key(frames, labels))
        if "energy" in wanted and frames.rms is not None:
            result["energy"] = round(float(np.clip(frames.rms.mean(), 0.0, 1.0)), 4)
        if "spectral" in wanted:
            result.update({name: _mean(values) for name, values in frames.spectral.items()})
            assert frames.zcr is not None
            result["zero_crossing_rate"] = _mean(frames.zcr)
        if "loudness" in wanted and self._meter is not None:
            measured = self._meter.result()
            result["loudness"] = measured.integrated_lufs
            result["loudness_range"] = measured.range_lu
            result["true_peak"] = measured.true_peak_dbtp
        if "mfcc" in wanted and log_mel is not None:
            matrices["mfcc"] = _row_stats(mfcc(log_mel))
        if "chroma" in wanted and frames.chroma is not None:
            matrices["chroma"] = _row_stats(frames.chroma)
        if matrices:
            result["features"] = matrices
        if "spectrogram" in wanted and log_mel is not None:
            png = render_png(log_mel, self.source_etag)
        return Analysis(result, png)


def _beats(
    log_mel: Frames, labels: npt.NDArray[np.int64], chroma: Frames, pitch_classes: Frames | None
) -> tuple[Beats, Bands]:
    """The beats at the level levels.choose_level picks, their confidence judged; and the bands read."""
    context = level_context(log_mel, labels, pitch_classes)

    def choose(levels: list[Level]) -> Level | None:
        return choose_level(levels, context)

    mean = chroma.mean(axis=1)
    pitch_share = float(mean.max() / mean.sum()) if mean.sum() > 0 else 0.0
    tracked = track_beats(context.bands.onset, context.bands.bass, prefer=choose)
    beats = slow_pulse(bass_pulse(tracked, log_mel), log_mel, moving=not context.static)
    beats = accented_pulse(beats, context.bands.onset, moving=not context.static)
    beats = pitched_pulse(beats, chroma, moving=not context.static)
    beats = pitch_class_pulse(beats, pitch_classes, moving=not context.static)
    beats = harmonic_pulse(beats, chroma, labels, moving=not context.static)
    beats = judge_static_pulse(beats, log_mel, context.bands.onset, context.motion, pitch_share)
    bands = context.bands
    others = (bands.bass, bands.kick, bands.snare)
    return judge_rolled_pulse(beats, bands.onset, chroma, moving=not context.static, bands=others), bands


def _key(frames: TrackFrames, labels: npt.NDArray[np.int64]) -> dict[str, Any]:
    """The key, or null key and camelot (with the low confidence) when there is no tonal centre.
    Which key: scored from the pitch classes the learned front end hears (pitch_classes). How sure:
    read from the chroma keys.heard_chroma picks and its chords: `labels`, the track's own chroma's,
    or the levelled chroma's where that is the one read."""
    assert frames.chroma is not None
    chroma = keys.heard_chroma(frames.chroma, frames.levelled_chroma)
    if chroma is not frames.chroma:
        labels = chord_labels(chroma)
    heard = None
    if frames.pitch_classes is not None and frames.bass_pitch_classes is not None:
        heard = (frames.pitch_classes, frames.bass_pitch_classes)
    found = keys.find_key(
        chroma, frames.bass_chroma, labels, harmonic_share=frames.harmonic_share, rms=frames.rms, heard=heard
    )
    named = found if found is not None and found.confidence >= keys.MIN_CONFIDENCE else None
    return {
        "key": named.name if named else None,
        "camelot": named.camelot if named else None,
        "key_confidence": found.confidence if found else 0.0,
    }


def _rhythm(
    wanted: set[str], beats: Beats, onset: Frames, bass: Frames, frames: TrackFrames
) -> dict[str, Any]:
    """Tempo, beats, bars and danceability; with no clear pulse: null tempo and bars, no beats, 0.0."""
    out: dict[str, Any] = {}
    pulse = beats.found
    if "tempo" in wanted:
        out["tempo"] = beats.tempo if pulse else None
        out["beats"] = [round(float(t), 3) for t in beats.times] if pulse else []
        out["tempo_confidence"] = beats.confidence
    if "downbeats" in wanted:
        assert frames.chroma is not None
        bars = find_downbeats(beats.frames, frames.chroma, bass) if pulse else None
        times = Beats(beats.tempo, bars.downbeats).times if bars else np.zeros(0)
        out["downbeats"] = [round(float(t), 3) for t in times]
        out["beats_per_bar"] = bars.beats_per_bar if bars else None
    if "danceability" in wanted:
        out["danceability"] = danceability(onset, beats.frames, beats.tempo) if pulse else 0.0
    return out


def mfcc(log_mel: Frames, n_mfcc: int = N_MFCC) -> Frames:
    """librosa.feature.mfcc(S=log_mel): the orthonormal DCT-II over bands, in chunks of frames."""
    out = np.empty((n_mfcc, log_mel.shape[1]), dtype=np.float32)
    for start in range(0, log_mel.shape[1], _CHUNK):
        part = scipy.fft.dct(log_mel[:, start : start + _CHUNK], axis=0, type=2, norm="ortho")
        out[:, start : start + _CHUNK] = part[:n_mfcc]
    return out


def analyze_file(
    path: Path,
    features: Sequence[str],
    *,
    source_etag: str = "",
    on_progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Analysis:
    """Decodes `path` once, block by block, feeding every feature; blocking (run it in a thread)."""
    with open_audio(path) as stream:
        analyzer = TrackAnalyzer(features, stream.format, source_etag)
        for block in stream.blocks:
            if should_stop is not None and should_stop():
                raise Stopped
            analyzer.push(block)
            if on_progress is not None and stream.format.frames > 0:
                on_progress(min(1.0, analyzer.frames_read / stream.format.frames))
    return analyzer.finish()


def analyze_samples(samples: Frames, features: Sequence[str], sample_rate: int = ANALYSIS_RATE) -> Analysis:
    """The same analysis over an in-memory signal, (frames,) or (frames, channels)."""
    block = np.asarray(samples, dtype=np.float32).reshape(samples.shape[0], -1)
    analyzer = TrackAnalyzer(features, AudioFormat(sample_rate, block.shape[1], block.shape[0]))
    for start in range(0, block.shape[0], BLOCK_FRAMES):
        analyzer.push(block[start : start + BLOCK_FRAMES])
    return analyzer.finish()


class ProfileKeyModel:
    """Profile correlation alone on the shared-pass chroma (no bass or chord cues) as a KeyModel."""

    def __init__(self, profile: str = keys.DEFAULT_PROFILE) -> None:
        self.profile = profile

    def key(self, samples: Frames, sample_rate: int) -> keys.Key | None:
        frames = _frames(samples, sample_rate, Needs(stft=True, chroma=True))
        assert frames.chroma is not None
        return keys.estimate_key(frames.chroma.mean(axis=1), self.profile)


class SharedPassBeatModel:
    """The service's beat method (librosa's tracker at the learned level) as a BeatModel."""

    def beats(self, samples: Frames, sample_rate: int) -> tuple[float, npt.NDArray[np.float64]]:
        frames = _frames(samples, sample_rate, Needs(stft=True, mel=True, chroma=True, pitch_classes=True))
        assert frames.mel is not None and frames.chroma is not None
        labels = chord_labels(frames.chroma)
        found, _ = _beats(to_decibels(frames.mel), labels, frames.chroma, frames.pitch_classes)
        return found.tempo, found.times


def _frames(samples: Frames, sample_rate: int, needs: Needs) -> TrackFrames:
    block = np.asarray(samples, dtype=np.float32).reshape(samples.shape[0], -1)
    resampler = MonoResampler(sample_rate)
    stream = FrameStream(needs, int(block.shape[0] * ANALYSIS_RATE / sample_rate))
    stream.push(resampler.push(block))
    stream.push(resampler.push(block[:0], last=True))
    return stream.finish()


def warm_up() -> None:
    """Runs every feature on 4 s of chords over clicks, so numba compiles and caches fill before a job."""
    sr = ANALYSIS_RATE
    t = np.arange(4 * sr) / sr
    samples = 0.2 * (
        np.sin(2 * np.pi * 220.0 * t) + np.sin(2 * np.pi * 277.2 * t) + np.sin(2 * np.pi * 329.6 * t)
    )
    samples[:: sr // 2] += 0.9
    analyze_samples(samples.astype(np.float32), FEATURES, sr)


def _mean(values: npt.NDArray[Any]) -> float:
    return round(float(np.mean(values)), 4)


def _row_stats(matrix: npt.NDArray[Any]) -> list[list[float]]:
    return [[round(float(row.mean()), 4), round(float(row.std()), 4)] for row in matrix]
