"""Learning to choose: a conditional logit that scores each candidate of a track linearly.

The tempo (the metrical levels the beat tracker ran at) is chosen by the highest linear score of
its candidates' features; the weights are fit here on labelled tracks, where any candidate marked
correct counts as the right choice. The key's 24 candidates are scored by a small network instead
(key.KeyScorer, fit by key_learning with the same loss).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize

Floats = npt.NDArray[np.float64]
Masks = npt.NDArray[np.bool_]


def fit_choice(features: Floats, correct: Masks, valid: Masks | None = None, l2: float = 1e-5) -> Floats:
    """(features,) weights making a correct candidate of each track the most likely one.

    `features` is (tracks, candidates, features); `correct` (tracks, candidates) marks the right
    ones (at least one per track); `valid` masks candidates a track does not have (padding).
    The loss is the mean of -log(the softmax's mass on the correct candidates) plus `l2` times
    the squared weights, minimised by L-BFGS.
    """
    valid = np.ones(correct.shape, dtype=bool) if valid is None else valid
    if features.ndim != 3 or features.shape[:2] != correct.shape or correct.shape != valid.shape:
        raise ValueError("features must be (tracks, candidates, features), with a mask per candidate")
    if not np.all((correct & valid).any(axis=1)):
        raise ValueError("every track needs a correct candidate")
    if not np.all(np.isfinite(features[valid])):
        # One NaN makes the loss NaN, and L-BFGS would hand back its all-zero start as if fit.
        raise ValueError("every real candidate's features must be finite")
    features = np.where(valid[..., None], features, 0.0)  # padding weighs nothing in the gradient
    tracks = len(features)

    def loss(weights: Floats) -> tuple[float, Floats]:
        scores = features @ weights
        p = _softmax(np.where(valid, scores, -np.inf))  # over the candidates
        q = _softmax(np.where(correct & valid, scores, -np.inf))  # over the correct ones alone
        # -log(mass on the correct ones) = logsumexp(all) - logsumexp(correct); its slope is p - q.
        value = float(np.mean(_logsumexp(np.where(valid, scores, -np.inf))))
        value -= float(np.mean(_logsumexp(np.where(correct & valid, scores, -np.inf))))
        gradient = np.einsum("nk,nkf->f", p - q, features) / tracks
        return value + l2 * float(weights @ weights), gradient + 2 * l2 * weights

    found = minimize(
        loss, np.zeros(features.shape[2]), jac=True, method="L-BFGS-B", options={"maxiter": 3000}
    )
    return np.asarray(found.x, dtype=np.float64)


def _logsumexp(scores: Floats) -> Floats:
    top = scores.max(axis=1, keepdims=True)
    return np.asarray(top[:, 0] + np.log(np.exp(scores - top).sum(axis=1)), dtype=np.float64)


def _softmax(scores: Floats) -> Floats:
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(weights / weights.sum(axis=1, keepdims=True), dtype=np.float64)


def chosen(features: Floats, weights: Floats, valid: Masks | None = None) -> npt.NDArray[np.int64]:
    """The index of each track's best-scoring candidate."""
    scores = features @ weights
    if valid is not None:
        scores = np.where(valid, scores, -np.inf)
    return np.asarray(scores.argmax(axis=1), dtype=np.int64)
