"""Learning to choose: a conditional logit over each track's candidates, scored linearly
(fit_choice) or by a small network with a linear part beside it (fit_choice_network).

The tempo (the metrical levels the beat tracker ran at) is chosen by the highest score of its
candidates' features; the scorer is fit here on labelled tracks, where any candidate marked
correct counts as the right choice. The key's 24 candidates are scored by a small network too
(key.KeyScorer, fit by key_learning with the same loss).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

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
    features, valid = _checked(features, correct, valid)
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


def _checked(features: Floats, correct: Masks, valid: Masks | None) -> tuple[Floats, Masks]:
    """The features with padding zeroed (it weighs nothing in a gradient), and the mask of real ones."""
    valid = np.ones(correct.shape, dtype=bool) if valid is None else valid
    if features.ndim != 3 or features.shape[:2] != correct.shape or correct.shape != valid.shape:
        raise ValueError("features must be (tracks, candidates, features), with a mask per candidate")
    if not np.all((correct & valid).any(axis=1)):
        raise ValueError("every track needs a correct candidate")
    if not np.all(np.isfinite(features[valid])):
        # One NaN makes the loss NaN, and L-BFGS would hand back its all-zero start as if fit.
        raise ValueError("every real candidate's features must be finite")
    return np.where(valid[..., None], features, 0.0), valid


@dataclass(frozen=True)
class ChoiceNetwork:
    """Scores candidates by their standardised features: one tanh layer summed by output weights,
    plus a linear score beside it (what fit_choice alone would learn stays easy to learn).

    Why a network for the tempo level: drums alone are told from their double or half by how the
    measures combine (a snare every other beat means one thing at 70 BPM and another at 140), which
    one weight per measure cannot say. With each development split left out of the fit in turn,
    the level was right on 90.9% of their seed 0 clips with a pulse scored linearly and 93.8% by
    this network; on drums alone 72% -> 85% (docs/analysis-passes.md, the eleventh pass)."""

    mean: Floats  # (features,)
    scale: Floats  # (features,)
    hidden: Floats  # (features, units)
    bias: Floats  # (units,)
    output: Floats  # (units,)
    linear: Floats  # (features,)

    def scores(self, features: Floats) -> Floats:
        """A score per candidate of (..., features)."""
        standard = (features - self.mean) / self.scale
        return np.asarray(np.tanh(standard @ self.hidden + self.bias) @ self.output + standard @ self.linear)


# What a ChoiceNetwork is made of, in its order: the fields a weights file stores.
NETWORK_FIELDS = tuple(field.name for field in fields(ChoiceNetwork))


def fit_choice_network(
    features: Floats,
    correct: Masks,
    valid: Masks | None = None,
    units: int = 16,
    l2: float = 1e-3,
    seed: int = 0,
    iterations: int = 800,
) -> ChoiceNetwork:
    """A ChoiceNetwork making a correct candidate of each track the most likely one: fit_choice's
    loss and arguments, with `l2` on every weight but the biases; the starting hidden weights are
    drawn from `seed`, so a fit is reproducible."""
    features, valid = _checked(features, correct, valid)
    tracks, candidates, width = features.shape
    real = features[valid]
    mean, scale = real.mean(axis=0), real.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a constant measure stays as it is
    standard = np.where(valid[..., None], (features - mean) / scale, 0.0)
    rows = standard.reshape(-1, width)  # every candidate as one row: plain matrix products
    sizes = (width * units, units, units, width)

    def unpack(theta: Floats) -> tuple[Floats, Floats, Floats, Floats]:
        hidden, bias, output, linear = np.split(theta, np.cumsum(sizes)[:-1])
        return hidden.reshape(width, units), bias, output, linear

    def loss(theta: Floats) -> tuple[float, Floats]:
        hidden, bias, output, linear = unpack(theta)
        active = np.tanh((rows @ hidden).reshape(tracks, candidates, units) + bias)
        scores = active @ output + standard @ linear
        p = _softmax(np.where(valid, scores, -np.inf))
        q = _softmax(np.where(correct & valid, scores, -np.inf))
        value = float(np.mean(_logsumexp(np.where(valid, scores, -np.inf))))
        value -= float(np.mean(_logsumexp(np.where(correct & valid, scores, -np.inf))))
        slope = (p - q) / tracks  # d loss / d score
        d_output = slope.reshape(-1) @ active.reshape(-1, units)
        d_linear = slope.reshape(-1) @ rows
        d_units = slope[..., None] * output * (1.0 - active * active)
        d_hidden = rows.T @ d_units.reshape(-1, units)
        weights = float(np.sum(hidden * hidden) + output @ output + linear @ linear)
        gradient = [
            (d_hidden + 2 * l2 * hidden).ravel(),
            d_units.sum(axis=(0, 1)),
            d_output + 2 * l2 * output,
            d_linear + 2 * l2 * linear,
        ]
        return value + l2 * weights, np.concatenate(gradient)

    rng = np.random.default_rng(seed)
    start = np.concatenate(
        [
            rng.normal(0.0, width**-0.5, sizes[0]),
            np.zeros(units),
            rng.normal(0.0, 0.1 * units**-0.5, units),
            np.zeros(width),
        ]
    )
    found = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": iterations})
    hidden, bias, output, linear = unpack(np.asarray(found.x, dtype=np.float64))
    return ChoiceNetwork(mean, scale, hidden, bias, output, linear)


def _logsumexp(scores: Floats) -> Floats:
    top = scores.max(axis=1, keepdims=True)
    return np.asarray(top[:, 0] + np.log(np.exp(scores - top).sum(axis=1)), dtype=np.float64)


def _softmax(scores: Floats) -> Floats:
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(weights / weights.sum(axis=1, keepdims=True), dtype=np.float64)


def chosen(
    features: Floats, weights: Floats | ChoiceNetwork, valid: Masks | None = None
) -> npt.NDArray[np.int64]:
    """The index of each track's best-scoring candidate (linear weights or a network)."""
    scores = weights.scores(features) if isinstance(weights, ChoiceNetwork) else features @ weights
    if valid is not None:
        scores = np.where(valid, scores, -np.inf)
    return np.asarray(scores.argmax(axis=1), dtype=np.int64)
