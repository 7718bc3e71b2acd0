"""Fitting the key weights: each track's 24 key candidates, chosen among by choice_learning."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from soundforge.analysis.choice_learning import chosen, fit_choice
from soundforge.analysis.key import FEATURES, KeyWeights


def candidate_rows(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """(tracks, 24, 2 * FEATURES): candidate mode * 12 + tonic, its features in its mode's half.

    Each mode has its own weights, so a candidate's features sit in the half of the row that
    its mode's weights multiply, and the other half is zero.
    """
    if features.ndim != 4 or features.shape[1:] != (2, 12, FEATURES):
        raise ValueError(f"features must be (tracks, 2, 12, {FEATURES})")
    rows = np.zeros((len(features), 2, 12, 2, FEATURES))
    for mode in range(2):
        rows[:, mode, :, mode] = features[:, mode]
    return rows.reshape(len(features), 24, 2 * FEATURES)


def fit_weights(
    features: npt.NDArray[np.float64], targets: npt.NDArray[np.int64], l2: float = 1e-5
) -> KeyWeights:
    """Weights under which each track's labelled key (mode * 12 + tonic) scores best of its 24.

    `features` is (tracks, 2, 12, FEATURES) from key.key_features.
    """
    rows = candidate_rows(features)
    if len(rows) != len(targets):
        raise ValueError("one target per track")
    correct = np.zeros((len(targets), 24), dtype=bool)
    correct[np.arange(len(targets)), targets] = True
    return KeyWeights(fit_choice(rows, correct, l2=l2).reshape(2, FEATURES))


def accuracy(weights: KeyWeights, features: npt.NDArray[np.float64], targets: npt.NDArray[np.int64]) -> float:
    """The share of tracks whose best-scoring candidate is their labelled key."""
    return float(np.mean(chosen(candidate_rows(features), weights.weights.ravel()) == targets))
