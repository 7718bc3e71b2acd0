"""Audio features of a decoded track (tempo and beats, energy, spectral shape, MFCC, chroma); pure librosa."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import librosa
import numpy as np
import numpy.typing as npt

from soundforge.runtime.errors import InvalidArgument, NotImplementedYet, ValidationFailed

SAMPLE_RATE = 22050

# The names the API documents, in the order results are computed; "all" expands to IMPLEMENTED.
DOCUMENTED = ("tempo", "key", "energy", "spectral", "mfcc", "chroma")
IMPLEMENTED = ("tempo", "energy", "spectral", "mfcc", "chroma")
ALL = "all"

# A beat interval further than this from the tracker's period is a skipped or doubled beat.
_IBI_TOLERANCE = 0.2
_MIN_IBIS = 3

Audio = npt.NDArray[np.float32]


def resolve_features(requested: Iterable[str]) -> list[str]:
    """The requested names, validated, with "all" expanded, deduplicated, in DOCUMENTED order.

    Unknown names fail validation (all of them reported at once); documented names that are
    not implemented yet fail with NotImplementedYet rather than getting a made-up value.
    """
    names = [str(name).strip().lower() for name in requested]
    if not names:
        raise ValidationFailed({"features": ["at least one feature is required"]})
    unknown = [name for name in names if name != ALL and name not in DOCUMENTED]
    if unknown:
        raise ValidationFailed({"features": [f"unknown feature: {name}" for name in unknown]})
    pending = [name for name in DOCUMENTED if name in names and name not in IMPLEMENTED]
    if pending:
        raise NotImplementedYet(f"feature not implemented yet: {', '.join(pending)}")
    wanted = set(IMPLEMENTED) if ALL in names else set(names)
    return [name for name in DOCUMENTED if name in wanted]


def load_audio(path: Path) -> Audio:
    """Decodes once to mono float32 at SAMPLE_RATE, the rate every feature below assumes."""
    samples, _ = librosa.load(path, sr=SAMPLE_RATE, mono=True)
    return np.asarray(samples, dtype=np.float32)


def analyze(samples: Audio, features: Sequence[str], sr: int = SAMPLE_RATE) -> dict[str, Any]:
    """The job result for `features` (already resolved), shaped like the documented analysis result.

    Scalars sit at the top level ("tempo", "energy", "spectral_centroid", ...); matrices under
    "features": "mfcc" is 13 rows and "chroma" 12 rows, one per coefficient or pitch class,
    each row [mean, std] over the track's frames.
    """
    if samples.size == 0 or not np.any(samples):
        raise InvalidArgument("the track holds no audible audio")
    result: dict[str, Any] = {}
    matrices: dict[str, list[list[float]]] = {}
    magnitude: npt.NDArray[np.float32] | None = None
    for name in features:
        if name in ("spectral", "chroma") and magnitude is None:
            magnitude = np.abs(librosa.stft(samples))
        if name == "tempo":
            result.update(tempo_and_beats(samples, sr))
        elif name == "energy":
            result["energy"] = energy(samples)
        elif name == "spectral":
            assert magnitude is not None
            result.update(spectral(samples, magnitude, sr))
        elif name == "mfcc":
            matrices["mfcc"] = _row_stats(librosa.feature.mfcc(y=samples, sr=sr, n_mfcc=13))
        elif name == "chroma":
            assert magnitude is not None
            matrices["chroma"] = _row_stats(librosa.feature.chroma_stft(S=magnitude**2, sr=sr))
        else:
            raise NotImplementedYet(f"feature not implemented yet: {name}")
    if matrices:
        result["features"] = matrices
    return result


def tempo_and_beats(samples: Audio, sr: int = SAMPLE_RATE) -> dict[str, Any]:
    """{"tempo": bpm to 0.1, "beats": beat times in seconds}; tempo 0.0 when no beat is found."""
    coarse, beats = librosa.beat.beat_track(y=samples, sr=sr, units="time")
    beat_times = np.asarray(beats, dtype=np.float64)
    bpm = refine_tempo(beat_times, float(np.atleast_1d(coarse)[0]))
    return {"tempo": round(bpm, 1), "beats": [round(float(t), 3) for t in beat_times]}


def refine_tempo(beat_times: npt.NDArray[np.float64], coarse_bpm: float) -> float:
    """The tempo from the mean beat interval, falling back to the tracker's estimate.

    beat_track's tempo is quantised to whole onset frames (about 2% apart near 120 BPM: a
    120 BPM click track reads 117.5), while the beats it places average out that quantisation.
    Intervals far from the tracker's period (a skipped or doubled beat) are left out.
    """
    if coarse_bpm <= 0 or beat_times.size <= _MIN_IBIS:
        return coarse_bpm
    period = 60.0 / coarse_bpm
    intervals = np.diff(beat_times)
    steady = intervals[np.abs(intervals - period) <= _IBI_TOLERANCE * period]
    if steady.size < _MIN_IBIS:
        return coarse_bpm
    return float(60.0 / steady.mean())


def energy(samples: Audio) -> float:
    """Mean frame RMS relative to digital full scale: 0 is silence, 1 a full-scale square wave."""
    rms = librosa.feature.rms(y=samples)
    return round(float(np.clip(rms.mean(), 0.0, 1.0)), 4)


def spectral(samples: Audio, magnitude: npt.NDArray[np.float32], sr: int = SAMPLE_RATE) -> dict[str, float]:
    """Means over frames of the spectral shape descriptors (Hz for the first three)."""
    return {
        "spectral_centroid": _mean(librosa.feature.spectral_centroid(S=magnitude, sr=sr)),
        "spectral_rolloff": _mean(librosa.feature.spectral_rolloff(S=magnitude, sr=sr)),
        "spectral_bandwidth": _mean(librosa.feature.spectral_bandwidth(S=magnitude, sr=sr)),
        "spectral_flatness": _mean(librosa.feature.spectral_flatness(S=magnitude)),
        "zero_crossing_rate": _mean(librosa.feature.zero_crossing_rate(samples)),
    }


def warm_up() -> None:
    """Runs every implemented feature on 2 s of clicks so numba compiles before the first job."""
    sr = SAMPLE_RATE
    samples = np.zeros(2 * sr, dtype=np.float32)
    samples[:: sr // 2] = 1.0
    analyze(samples, IMPLEMENTED, sr)


def _mean(values: npt.NDArray[Any]) -> float:
    return round(float(np.mean(values)), 4)


def _row_stats(matrix: npt.NDArray[Any]) -> list[list[float]]:
    return [[round(float(row.mean()), 4), round(float(row.std()), 4)] for row in matrix]
