"""Fitting the key scorer: a conditional logit over each track's 24 candidates, scored by a
one-layer network (key.KeyScorer) whose weights L-BFGS fits with their exact gradient; an
ensemble of such fits from seeded starts (key.KeyEnsemble) shares one standardisation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize

from soundforge.analysis.key import INPUTS, KeyEnsemble, KeyScorer, candidate_inputs

Floats = npt.NDArray[np.float64]


def fit_weights(
    features: Floats,
    targets: npt.NDArray[np.int64],
    l2: float = 1e-4,
    units: int = 32,
    seeds: tuple[int, ...] = (0,),
    iterations: int = 600,
    workers: int = 1,
) -> KeyEnsemble:
    """Scorers under which each track's labelled key (mode * 12 + tonic) is the most likely of its 24.

    `features` is (tracks, 2, 12, FEATURES) from key.key_features. The inputs are standardised
    once; each of `seeds` starts one member's fit, so a fit is reproducible (see fit_member).
    With `workers` > 1 the members are fit side by side, one process each: a member of the shipped
    scorer's size took about 14 minutes of one core (37000 tracks, 2026-11-25), three in turn
    forty, before CandidateLoss shared the modes' products.
    """
    inputs = candidate_inputs(features)
    if len(inputs) != len(targets):
        raise ValueError("one target per track")
    standard, mean, scale = standardised(inputs)
    arguments = (repeat(standard), repeat(targets), repeat(l2), repeat(units), seeds, repeat(iterations))
    return KeyEnsemble(mean, scale, _members(fit_member, arguments, len(seeds), workers))


def standardised(inputs: Floats) -> tuple[Floats, Floats, Floats]:
    """candidate_inputs' (tracks, 24, INPUTS) with each input at mean 0 and spread 1 over every
    candidate of every track, and that mean and spread (what a KeyEnsemble keeps)."""
    flat = inputs.reshape(-1, INPUTS)
    mean = flat.mean(axis=0)
    scale = flat.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a constant input (a one-hot in a one-mode set) stays as it is
    return (inputs - mean) / scale, mean, scale


def fit_member(
    standard: Floats, targets: npt.NDArray[np.int64], l2: float, units: int, seed: int, iterations: int
) -> KeyScorer:
    """One scorer over standardised (tracks, 24, INPUTS) inputs. The loss is the mean -log(softmax
    mass on the labelled key) plus `l2` times the squared weights (not the biases); the starting
    weights are drawn from `seed`."""
    loss = CandidateLoss(standard, targets, l2, units)
    rng = np.random.default_rng(seed)
    start = np.concatenate(
        [rng.normal(0.0, INPUTS**-0.5, INPUTS * units), np.zeros(units), rng.normal(0.0, units**-0.5, units)]
    )
    found = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": iterations})
    hidden, bias, output = loss.unpack(np.asarray(found.x, dtype=np.float64))
    return KeyScorer(hidden, bias, output)


def refit_from(
    ensemble: KeyEnsemble,
    features: Floats,
    targets: npt.NDArray[np.int64],
    l2: float,
    iterations: int = 600,
    workers: int = 1,
) -> KeyEnsemble:
    """`ensemble`'s members fit further on new tracks: each starts where it is and its penalty is
    `l2` times its squared distance from there (not from zero), under the ensemble's own
    standardisation. What the members learnt from the tracks they were first fit on stays where
    the new tracks do not pay for moving it, so material a full refit would render again (hours of
    renders on a cold machine, docs/analysis-passes.md) need not be."""
    inputs = candidate_inputs(features)
    if len(inputs) != len(targets):
        raise ValueError("one target per track")
    standard = (inputs - ensemble.mean) / ensemble.scale
    arguments = (repeat(standard), repeat(targets), repeat(l2), ensemble.members, repeat(iterations))
    members = _members(continue_member, arguments, len(ensemble.members), workers)
    return KeyEnsemble(ensemble.mean, ensemble.scale, members)


def _members(
    fit: Callable[..., KeyScorer], arguments: tuple[Iterable[Any], ...], count: int, workers: int
) -> tuple[KeyScorer, ...]:
    """`count` members, each `fit` over its share of `arguments`: side by side, one process each,
    where `workers` allows."""
    if workers > 1 and count > 1:
        with ProcessPoolExecutor(min(workers, count)) as pool:
            return tuple(pool.map(fit, *arguments))
    return tuple(map(fit, *arguments))


def continue_member(
    standard: Floats, targets: npt.NDArray[np.int64], l2: float, start: KeyScorer, iterations: int
) -> KeyScorer:
    """fit_member's fit from `start`'s weights, penalised for moving away from them."""
    units = start.output.size
    loss = CandidateLoss(standard, targets, l2, units, anchor=start)
    theta = np.concatenate([start.hidden.ravel(), start.bias, start.output])
    found = minimize(loss, theta, jac=True, method="L-BFGS-B", options={"maxiter": iterations})
    hidden, bias, output = loss.unpack(np.asarray(found.x, dtype=np.float64))
    return KeyScorer(hidden, bias, output)


class CandidateLoss:
    """fit_member's loss and its exact gradient as a function of the flat weights.

    key_features gives both modes of a tonic the same features but for the profile's correlation,
    which is the mode's own; the mode one-hot differs too. So the inputs both modes share are
    multiplied by the hidden weights once per tonic, and the few that differ (`varying`: three
    columns of key_features' inputs) once per candidate, added after: about half the matrix
    products of every candidate's full row, the same sums. Up to the thirty-fifth pass only inputs
    whose modes differed in the one-hot alone took the shared path, which key_features' never do
    (the profile column differs), so a refit took every full row. Inputs whose modes differ
    everywhere (a test's planted cue) take every full row through the same arithmetic.
    """

    def __init__(
        self,
        standard: Floats,
        targets: npt.NDArray[np.int64],
        l2: float,
        units: int,
        anchor: KeyScorer | None = None,
    ) -> None:
        self.tracks, self.l2, self.units = len(targets), l2, units
        # The weights the penalty pulls toward: zero, or where a continued fit started (refit_from).
        self.anchor_hidden = np.zeros((INPUTS, units)) if anchor is None else anchor.hidden
        self.anchor_output = np.zeros(units) if anchor is None else anchor.output
        self.targets = targets
        self.labelled = np.zeros((self.tracks, 24))
        self.labelled[np.arange(self.tracks), targets] = 1.0
        self.sizes = (INPUTS * units, units, units)
        by_mode = standard.reshape(self.tracks, 2, 12, INPUTS)
        self.varying = np.any(by_mode[:, 0] != by_mode[:, 1], axis=(0, 1))  # (INPUTS,)
        # Rows as plain contiguous matrices: the products below are then BLAS calls, several times
        # faster than the same sums written with einsum.
        self.rows = np.ascontiguousarray(by_mode[:, 0][..., ~self.varying].reshape(self.tracks * 12, -1))
        self.candidates = np.ascontiguousarray(by_mode[..., self.varying].reshape(self.tracks * 24, -1))

    def unpack(self, theta: Floats) -> tuple[Floats, Floats, Floats]:
        hidden, bias, output = np.split(theta, np.cumsum(self.sizes)[:-1])
        return hidden.reshape(INPUTS, self.units), bias, output

    def __call__(self, theta: Floats) -> tuple[float, Floats]:
        tracks, units = self.tracks, self.units
        hidden, bias, output = self.unpack(theta)
        per_tonic = (self.rows @ hidden[~self.varying]).reshape(tracks, 1, 12, units)
        per_candidate = (self.candidates @ hidden[self.varying]).reshape(tracks, 2, 12, units)
        per_candidate += per_tonic
        per_candidate += bias
        active = per_candidate.reshape(tracks, 24, units)
        np.tanh(active, out=active)  # in place, as below: these arrays are the fit's largest
        scores = active @ output
        top = scores.max(axis=1, keepdims=True)
        exp = np.exp(scores - top)
        total = exp.sum(axis=1, keepdims=True)
        value = float(np.mean(np.log(total[:, 0]) + top[:, 0] - scores[np.arange(tracks), self.targets]))
        slope = (exp / total - self.labelled) / tracks  # d loss / d score
        d_output = slope.reshape(-1) @ active.reshape(-1, units)
        d_units = np.square(active)
        np.subtract(1.0, d_units, out=d_units)
        d_units *= output
        d_units *= slope[..., None]
        d_hidden = np.empty_like(hidden)
        by_tonic = d_units.reshape(tracks, 2, 12, units).sum(axis=1)  # both modes' share of each row
        d_hidden[~self.varying] = self.rows.T @ by_tonic.reshape(-1, units)
        d_hidden[self.varying] = self.candidates.T @ d_units.reshape(-1, units)
        d_bias = d_units.sum(axis=(0, 1))
        moved_hidden, moved_output = hidden - self.anchor_hidden, output - self.anchor_output
        value += self.l2 * (float(np.sum(moved_hidden * moved_hidden)) + float(moved_output @ moved_output))
        gradient = [
            (d_hidden + 2 * self.l2 * moved_hidden).ravel(),
            d_bias,
            d_output + 2 * self.l2 * moved_output,
        ]
        return value, np.concatenate(gradient)


def accuracy(scorer: KeyEnsemble, features: Floats, targets: npt.NDArray[np.int64]) -> float:
    """The share of tracks whose best-scoring candidate is their labelled key."""
    return float(np.mean(scorer.candidate_scores(candidate_inputs(features)).argmax(axis=1) == targets))


# Partials a pitch class leaks into, in semitones up: the 3rd harmonic (a fifth), the 5th (a major
# third), the 7th (a minor seventh); and how much of it each may gain, drawn per track. A fifth's
# share may also shrink (a purer tone than the one rendered), down to -0.15. Up to 1.2 of a fifth
# and 0.5 of a third since the twentieth pass: a sung vowel's first formant, an organ's 2 2/3'
# drawbar or a phase-distortion bell puts as much into the third harmonic as into the note (0.6
# and 0.35 before; with two development splits left out of a one-start fit at a time, columbarium
# and cenotaph, then undercroft and reliquary: 514 -> 517 of their 564 seed-0 keys exact, tune
# seed 0 91 -> 93 and 90 -> 93 of 96).
_PARTIALS = ((7, -0.15, 1.2), (4, 0.0, 0.5), (10, 0.0, 0.2))


def timbre_variant(
    chroma: npt.NDArray[np.float32], bass: npt.NDArray[np.float32] | None, rng: np.random.Generator
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32] | None]:
    """The track's chroma (and bass chroma) as another instrument would have sounded it: an
    instrument's partials put a share of each note into the pitch classes a fifth, a major third and
    a minor seventh above it, in proportions its timbre sets. A split written with new instruments
    moves those shares, and with them every chord and profile feature; the fit sees each track
    twice, once as rendered and once with the shares drawn anew (the bass's at half)."""
    shares = [(step, float(rng.uniform(low, high))) for step, low, high in _PARTIALS]

    def leak(values: npt.NDArray[np.float32], scale: float) -> npt.NDArray[np.float32]:
        out = values.astype(np.float64)
        for step, share in shares:
            out = out + scale * share * np.roll(values, step, axis=0)
        return np.maximum(out, 0.0).astype(np.float32)

    return leak(chroma, 1.0), None if bass is None else leak(bass, 0.5)


# A small speaker's band or a loud room's rumble can take the bass line out of the bass band and
# leave noise peaks on any pitch class: on quoit's lift car a frame's strongest bass pitch class is
# the dry render's 26% of the time, on its speakerphone 60%, and the bass chroma costs most of what
# the production costs the keys (forty-first pass, docs/analysis-passes.md). The bass line kept at a
# level drawn in _BURIED_DB against noise of a frame's mean power per pitch class leaves the
# strongest pitch class where it was in 15%, 40% and 87% of quoit's dry frames at -15, -10 and
# -5 dB; at -12 dB its keys read from the dry chroma fall from 102 to 90 of 128, where the lift's
# and speakerphone's own bass chroma leaves 92.
_BURIED_DB = (-14.0, -6.0)


def bass_buried(bass: npt.NDArray[np.float32], rng: np.random.Generator) -> npt.NDArray[np.float32]:
    """The bass chroma as a small speaker or a loud room would leave it: the bass line at a level
    drawn in _BURIED_DB, under noise peaks drawn on every pitch class of every frame (exponential,
    the frames' mean power over twelve). What a fit that sees it learns is to read the chords where
    the bass band says little."""
    values = bass.astype(np.float64)
    level = float(values.sum(axis=0).mean()) / 12.0 if values.size else 0.0
    kept = 10.0 ** (float(rng.uniform(*_BURIED_DB)) / 10.0)
    return (values * kept + rng.exponential(1.0, values.shape) * level).astype(np.float32)
