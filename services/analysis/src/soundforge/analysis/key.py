"""Musical key from profiles, bass, chords and cadences, with a confidence; Camelot codes, MIREX score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from soundforge.analysis.harmony import chord_evidence, harmonic_motion

PITCH_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MODES = ("major", "minor")

# Pitch-class weights from the tonic up, (major, minor). Krumhansl & Kessler (1982) probe-tone
# ratings; Temperley (1999); EDMA, Faraldo et al. (2016), derived from electronic dance music.
PROFILES: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "krumhansl": (
        (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88),
        (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17),
    ),
    "temperley": (
        (5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0),
        (5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0),
    ),
    "edma": (
        (1.0, 0.2875, 0.5020, 0.4048, 0.6050, 0.5614, 0.3205, 0.7966, 0.3159, 0.4506, 0.4202, 0.3889),
        (1.0, 0.3096, 0.4415, 0.5827, 0.3262, 0.4948, 0.2889, 0.7804, 0.4328, 0.2903, 0.5331, 0.3217),
    ),
}
# Chosen by measured accuracy on the labelled synthetic set (bench/bench_analysis_accuracy.py).
DEFAULT_PROFILE = "edma"


@dataclass(frozen=True)
class Key:
    tonic: int  # pitch class, C = 0
    mode: str  # "major" | "minor"
    confidence: float  # Pearson correlation of the track's pitch-class profile with the key's, 0-1

    @property
    def name(self) -> str:
        return f"{PITCH_NAMES[self.tonic]} {self.mode}"

    @property
    def camelot(self) -> str:
        return camelot(self.tonic, self.mode)


class KeyModel(Protocol):
    """A key estimator over a decoded mono signal: what a pretrained model (madmom) is compared through."""

    def key(self, samples: npt.NDArray[np.float32], sample_rate: int) -> Key | None: ...


def estimate_key(pitch_classes: npt.NDArray[np.floating], profile: str = DEFAULT_PROFILE) -> Key | None:
    """The key whose profile, rotated to its tonic, correlates best with a 12-bin pitch-class profile.

    `pitch_classes` is the track's mean chroma (C first). None when it carries no pitch
    information (silence, or noise flat across the pitch classes).
    """
    vector = np.asarray(pitch_classes, dtype=np.float64)
    if vector.shape != (12,) or not np.all(np.isfinite(vector)) or np.ptp(vector) < 1e-9:
        return None
    scores = correlations(vector, profile)
    mode_index, tonic = np.unravel_index(int(np.argmax(scores)), scores.shape)
    confidence = float(np.clip(scores[mode_index, tonic], 0.0, 1.0))
    return Key(int(tonic), MODES[int(mode_index)], round(confidence, 3))


@dataclass(frozen=True)
class KeyWeights:
    """How much each cue adds to the profile correlation (-1..1); cues are shares, 0..1.

    Music that cadences (a V -> I somewhere) names its tonic by the cadences: a major key
    that dwells on vi, ii or IV still resolves to I. Music that never does (a modal vamp, a
    loop) names it by where it dwells: the tonic chord's share and the bass's.
    """

    cadence: float = 3.0
    bass: float = 0.5  # share of the bass on the tonic, when there are cadences
    dwelling_tonic: float = 0.25  # without cadences: the tonic triad's share
    dwelling_bass: float = 1.0  # without cadences: the bass's share on the tonic
    min_cadences: float = 0.05  # the share of chord changes that makes music "cadencing"


# Tuned on the "tune" split of soundforge.testing.labelled_clips only (bench_analysis_accuracy.py).
WEIGHTS = KeyWeights()
# A key is reported only at this confidence or above; below it the track has no tonal centre
# the method can name (noise, one held tone, drums alone).
MIN_CONFIDENCE = 0.2
# Tonality: the mean chroma's spread (std / mean) from which a tonal centre is fully credible.
_FULL_CONTRAST = 0.35
_MIN_CONTRAST = 0.12
# A key needs at least a triad: this many pitch classes at >= _STRONG of the strongest.
_MIN_PITCH_CLASSES = 3
_STRONG = 0.4
# Harmonic motion (harmony.harmonic_motion) from which a key is fully credible: modal vamps that
# hold their tonic chord three bars in four move 0.25.
_FULL_MOTION = 0.2


def find_key(
    chroma: npt.NDArray[np.floating],
    bass_chroma: npt.NDArray[np.floating] | None,
    chord_labels: npt.NDArray[np.int64],
    weights: KeyWeights = WEIGHTS,
) -> Key | None:
    """The best key by profile, bass, tonic-chord and cadence evidence, with a 0-1 confidence.

    `chroma` is the (12, frames) chroma, `bass_chroma` the chroma of the bass band, and
    `chord_labels` the triad per segment (harmony.chords). The confidence is the best profile
    fit of any key, times how tonal the track is (the spread of its mean chroma, and at least
    three strong pitch classes), times its harmonic motion (a held tone never leaves its one
    "chord"): noise, a single tone or drums alone score low. None for a track with no pitch
    information at all; callers withhold keys under MIN_CONFIDENCE.
    """
    mean = np.asarray(chroma, dtype=np.float64).mean(axis=1) if chroma.shape[1] else np.zeros(12)
    if not np.all(np.isfinite(mean)) or np.ptp(mean) < 1e-9:
        return None
    profile = correlations(mean)
    bass = np.zeros(12)
    if bass_chroma is not None and bass_chroma.shape[1]:
        bass = np.asarray(bass_chroma, dtype=np.float64).sum(axis=1)
        bass = bass / bass.sum() if bass.sum() > 0 else bass
    tonic_share, cadence = chord_evidence(chord_labels)
    if cadence.max() >= weights.min_cadences:
        dwelling = weights.bass * bass
    else:
        dwelling = weights.dwelling_tonic * tonic_share + weights.dwelling_bass * bass
    score = profile + weights.cadence * cadence + dwelling
    mode_index, tonic = np.unravel_index(int(np.argmax(score)), score.shape)
    fit = float(np.clip(profile.max(), 0.0, 1.0))  # how well the pitch set fits any key at all
    moving = min(1.0, harmonic_motion(chord_labels) / _FULL_MOTION)
    confidence = fit * tonality(mean) * moving
    return Key(int(tonic), MODES[int(mode_index)], round(confidence, 3))


def tonality(mean_chroma: npt.NDArray[np.float64]) -> float:
    """0-1: how much a mean chroma looks like harmony, not noise (flat) or one pitch (one peak)."""
    level = float(mean_chroma.mean())
    if level <= 0:
        return 0.0
    if int(np.sum(mean_chroma >= _STRONG * mean_chroma.max())) < _MIN_PITCH_CLASSES:
        return 0.0
    contrast = float(mean_chroma.std()) / level
    return float(np.clip((contrast - _MIN_CONTRAST) / (_FULL_CONTRAST - _MIN_CONTRAST), 0.0, 1.0))


def correlations(vector: npt.NDArray[np.float64], profile: str = DEFAULT_PROFILE) -> npt.NDArray[np.float64]:
    """(2, 12): Pearson correlation with the major and minor profile rotated to each tonic."""
    templates = np.array(
        [[np.roll(PROFILES[profile][mode], tonic) for tonic in range(12)] for mode in range(2)]
    )
    centred = templates - templates.mean(axis=-1, keepdims=True)
    centred /= np.linalg.norm(centred, axis=-1, keepdims=True)
    v = vector - vector.mean()
    return np.asarray(centred @ (v / np.linalg.norm(v)), dtype=np.float64)


def camelot(tonic: int, mode: str) -> str:
    """The Camelot wheel code: A minor is 8A, C major 8B; one step clockwise is a fifth up."""
    anchor = 9 if mode == "minor" else 0  # A minor and C major sit at 8
    number = (8 + 7 * (tonic - anchor) - 1) % 12 + 1
    return f"{number}{'A' if mode == 'minor' else 'B'}"


def parse_key(name: str) -> tuple[int, str]:
    """ "A minor" / "F# major" / "Bb minor" -> (pitch class, mode); sharps and flats both read."""
    tonic, mode = name.split()
    letters = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
    pitch = letters[tonic[0].upper()] + tonic[1:].count("#") - tonic[1:].count("b")
    if mode not in MODES:
        raise ValueError(f"unknown mode: {mode}")
    return pitch % 12, mode


def mirex_score(estimate: tuple[int, str], reference: tuple[int, str]) -> float:
    """MIREX key score: 1 exact, 0.5 a fifth away (same mode), 0.3 relative, 0.2 parallel, else 0.

    A fifth either way counts, as MIREX scores it (mir_eval's allow_descending_fifths=True).
    """
    (tonic, mode), (ref_tonic, ref_mode) = estimate, reference
    if (tonic, mode) == (ref_tonic, ref_mode):
        return 1.0
    if mode == ref_mode and (tonic - ref_tonic) % 12 in (5, 7):
        return 0.5
    if ref_mode == "major" and mode == "minor" and tonic == (ref_tonic + 9) % 12:
        return 0.3
    if ref_mode == "minor" and mode == "major" and tonic == (ref_tonic + 3) % 12:
        return 0.3
    if tonic == ref_tonic:
        return 0.2
    return 0.0
