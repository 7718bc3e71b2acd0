"""Learned choices (key, tempo level): fitting finds a planted cue; shipped weights come from tune."""

from __future__ import annotations

import json

import numpy as np
import pytest

from soundforge.analysis.choice_learning import chosen, fit_choice
from soundforge.analysis.key import FEATURE_BLOCKS, FEATURES, WEIGHTS_FILE, trained_weights
from soundforge.analysis.key_learning import accuracy, fit_weights
from soundforge.analysis.levels import FEATURES as LEVEL_FEATURES
from soundforge.analysis.levels import MEASURES
from soundforge.analysis.levels import WEIGHTS_FILE as LEVEL_WEIGHTS_FILE
from soundforge.analysis.levels import trained_weights as trained_level_weights


def planted(tracks: int, cue: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Noise features where only the labelled candidate has feature `cue` raised (minor: one more)."""
    rng = np.random.default_rng(seed)
    features = rng.normal(0.0, 0.2, size=(tracks, 2, 12, FEATURES))
    targets = rng.integers(24, size=tracks)
    for index, target in enumerate(targets):
        mode, tonic = divmod(int(target), 12)
        features[index, :, tonic, cue] += 1.0  # the cue names the tonic, not the mode
        features[index, mode, tonic, cue + 1] += 1.0  # the next feature names the mode
    return features, targets


def test_fitting_learns_the_cue_that_names_the_key_and_generalises() -> None:
    features, targets = planted(800, cue=5, seed=1)
    weights = fit_weights(features, targets)
    unseen_features, unseen_targets = planted(200, cue=5, seed=2)
    assert accuracy(weights, unseen_features, unseen_targets) > 0.95
    assert int(np.argmax(weights.weights[0])) in (5, 6) and weights.weights[:, 5].min() > 0
    untrained = fit_weights(features, np.roll(targets, 1))  # labels unrelated to the features
    assert accuracy(untrained, unseen_features, unseen_targets) < 0.2


def test_fitting_rejects_features_of_another_shape() -> None:
    with pytest.raises(ValueError, match="tracks, 2, 12"):
        fit_weights(np.zeros((3, 2, 12, FEATURES - 1)), np.zeros(3, dtype=np.int64))


def test_the_shipped_weights_were_fit_on_the_tune_split_material_for_these_features() -> None:
    document = json.loads(WEIGHTS_FILE.read_text())
    assert document["trained_on"].startswith("clip_set('tune', seed)")
    assert document["feature_blocks"] == [[name, size] for name, size in FEATURE_BLOCKS]
    weights = trained_weights()
    assert weights.weights.shape == (2, FEATURES) and np.all(np.isfinite(weights.weights))
    assert np.abs(weights.weights).max() > 0.1  # fitted, not the zeros the fit starts from


def test_fitting_a_choice_among_uneven_candidates_uses_only_the_real_ones() -> None:
    # Tracks with 2-5 candidates (tempo levels); any of the marked ones is right.
    rng = np.random.default_rng(3)
    tracks, most = 300, 5
    features = rng.normal(0.0, 0.3, size=(tracks, most, 4))
    valid = np.arange(most)[None, :] < rng.integers(2, most + 1, size=tracks)[:, None]
    right = rng.integers(0, valid.sum(axis=1))
    correct = np.zeros((tracks, most), dtype=bool)
    correct[np.arange(tracks), right] = True
    features[np.arange(tracks), right, 2] += 1.0  # feature 2 marks the right level
    features[~valid] = 10.0  # padding that would win if it were scored
    weights = fit_choice(features, correct, valid)
    assert np.mean(chosen(features, weights, valid) == right) > 0.95
    assert int(np.argmax(weights)) == 2
    with pytest.raises(ValueError, match="correct candidate"):
        fit_choice(features, np.zeros_like(correct), valid)


def test_the_shipped_level_weights_were_fit_on_the_tune_split_material_for_these_measures() -> None:
    document = json.loads(LEVEL_WEIGHTS_FILE.read_text())
    assert document["trained_on"].startswith("clip_set('tune', seed)")
    assert document["measures"] == list(MEASURES)
    weights = trained_level_weights()
    assert weights.shape == (LEVEL_FEATURES,) and np.abs(weights).max() > 0.1
