"""Bars and groove on top of the beats: downbeats (and beats per bar) and a danceability score."""

from __future__ import annotations

from dataclasses import dataclass

import librosa
import numpy as np
import numpy.typing as npt

from soundforge.analysis.tempo import peak_values

# Bar lengths considered, in beats; 6/8 counts two dotted-quarter beats.
BAR_LENGTHS = (2, 3, 4, 5, 6, 7)
# Common bar lengths win near-ties: most music is in 4, then 3.
_BAR_PRIOR = {4: 0.02, 3: 0.01}
_MIN_BARS = 2

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Bars:
    beats_per_bar: int
    downbeats: Ints  # beat frame indices that start a bar


def find_downbeats(beats: Ints, chroma: Floats, bass_onset: Floats) -> Bars | None:
    """The bar length and phase under which harmony changes and bass accents fall on bar starts.

    For each bar length and each phase, the beats taken as downbeats are compared with the
    others on two cues: how much the beat's harmony (its mean chroma) differs from the previous
    beat's, and how strong the bass-band onset is. Chords change, and kicks land, mostly on
    the one. None when there are too few beats to tell.
    """
    if beats.size < 2 * _MIN_BARS:
        return None
    change = harmonic_change(beats, chroma)
    accent = peak_values(bass_onset, beats).astype(np.float64)
    accent = accent / (accent.mean() or 1.0)
    cue = change / (change.mean() or 1.0) + accent
    best: tuple[float, int, int] | None = None
    for length in BAR_LENGTHS:
        if beats.size < _MIN_BARS * length:
            continue
        positions = np.arange(beats.size) % length
        means = np.array([cue[positions == phase].mean() for phase in range(length)])
        for phase in range(length):
            # Against the strongest other phase, not the average of the rest: a bar of 2n beats
            # would otherwise win by picking whichever half of the true bars changes more.
            score = float(means[phase] - np.delete(means, phase).max()) + _BAR_PRIOR.get(length, 0.0)
            if best is None or score > best[0]:
                best = (score, length, phase)
    if best is None:
        return None
    _, length, phase = best
    return Bars(length, beats[phase::length])


def harmonic_change(beats: Ints, chroma: Floats) -> npt.NDArray[np.float64]:
    """1 - cosine similarity between each beat's mean chroma and the previous beat's (0 for the first)."""
    spans = librosa.util.sync(chroma, beats.tolist(), aggregate=np.mean, pad=True)[:, 1:]  # span of beat k
    norms = np.linalg.norm(spans, axis=0) + 1e-9
    unit = spans / norms
    similarity = np.sum(unit[:, 1:] * unit[:, :-1], axis=0)
    return np.concatenate([[0.0], 1.0 - similarity]).astype(np.float64)[: beats.size]


def danceability(onset: Floats, beats: Ints, tempo: float) -> float:
    """0-1: how clear, steady and walkable the pulse is (a documented heuristic, not a trained model).

    pulse clarity: the onset envelope's autocorrelation at the beat period over its energy;
    steadiness: exp(-coefficient of variation of the beat intervals); tempo fit: a gentle
    preference for 90-140 BPM, where most dance music sits. The score is their product.
    """
    if tempo <= 0 or beats.size < 4:
        return 0.0
    centred = onset.astype(np.float64) - onset.mean()
    energy = float(np.dot(centred, centred))
    if energy <= 0:
        return 0.0
    period = float(np.median(np.diff(beats)))
    lags = range(max(1, int(period * 0.95)), int(np.ceil(period * 1.05)) + 1)
    clarity = max(float(np.dot(centred[:-lag], centred[lag:])) for lag in lags) / energy
    intervals = np.diff(beats).astype(np.float64)
    steadiness = float(np.exp(-intervals.std() / intervals.mean()))
    octaves_off = max(0.0, abs(np.log2(tempo / 115.0)) - 0.3)
    tempo_fit = float(np.exp(-0.5 * (octaves_off / 0.5) ** 2))
    return round(float(np.clip(np.sqrt(max(clarity, 0.0)) * steadiness * tempo_fit, 0.0, 1.0)), 3)
