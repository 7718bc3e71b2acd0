"""Learning to choose: a conditional logit that scores each candidate of a track linearly.

The key (24 candidate keys) and the tempo (the metrical levels the beat tracker ran at) are
both chosen by the highest linear score of their candidates' features; the weights are fit here
on labelled tracks, where any candidate marked correct counts as the right choice.
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
    tracks = len(features)

    def loss(weights: Floats) -> tuple[float, Floats]:
        scores = np.where(valid, features @ weights, -np.inf)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        right = np.where(correct, p, 0.0)
        mass = right.sum(axis=1, keepdims=True)
        value = -float(np.log(mass + 1e-300).mean()) + l2 * float(weights @ weights)
        # d(-log mass)/d score = p - (p on the correct ones) / mass
        slope = p - right / mass
        gradient = np.einsum("nk,nkf->f", slope, features) / tracks
        return value, gradient + 2 * l2 * weights

    found = minimize(
        loss, np.zeros(features.shape[2]), jac=True, method="L-BFGS-B", options={"maxiter": 3000}
    )
    return np.asarray(found.x, dtype=np.float64)


def chosen(features: Floats, weights: Floats, valid: Masks | None = None) -> npt.NDArray[np.int64]:
    """The index of each track's best-scoring candidate."""
    scores = features @ weights
    if valid is not None:
        scores = np.where(valid, scores, -np.inf)
    return np.asarray(scores.argmax(axis=1), dtype=np.int64)
