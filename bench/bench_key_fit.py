"""The key fit's loss (key_learning.CandidateLoss) on inputs of key_features' own shape: its
evaluation against every candidate's full row written out, the same value and gradient.

key_features gives a tonic's two modes the same features but for the profile's correlation, so
CandidateLoss multiplies the shared columns once per tonic and the three that differ once per
candidate. The thirty-fourth pass measured its shortcut on inputs whose modes shared every
feature, a shape key_features never gives, and every real refit took the full rows; this bench
builds its tracks with key_features itself, so it measures what a refit runs. It asserts the
two losses and gradients agree, then prints the CPU time of one evaluation each and their ratio
(goal: shared / full rows <= 0.75).
Run: .venv/bin/python bench/bench_key_fit.py [--tracks 4000] [--units 32] [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.key import INPUTS, candidate_inputs, key_features
from soundforge.analysis.key_learning import CandidateLoss, standardised

GOAL = 0.75


def tracks_like_key_features(count: int, rng: np.random.Generator) -> np.ndarray:
    """(count, 2, 12, FEATURES): key_features of a few random chromas, each rolled to every tonic
    and shuffled along its frames (so that the tracks differ while each keeps key_features' shape)."""
    bases = []
    for _ in range(8):
        chroma = (rng.random((12, 300)) ** 3).astype(np.float32)
        bass = (rng.random((12, 300)) ** 3).astype(np.float32)
        bases.append((chroma, bass))
    out = []
    for index in range(count):
        chroma, bass = bases[index % len(bases)]
        order = rng.permutation(chroma.shape[1])
        shift = int(rng.integers(12))
        rolled = np.roll(chroma[:, order], shift, axis=0)
        out.append(key_features(rolled, np.roll(bass[:, order], shift, axis=0), chord_labels(rolled)))
    return np.array(out)


def full_rows(
    standard: np.ndarray, targets: np.ndarray, loss: CandidateLoss, theta: np.ndarray
) -> tuple[float, np.ndarray]:
    """The loss and its gradient from every candidate's full row: what every refit ran up to the
    thirty-fifth pass."""
    tracks, units = len(targets), loss.units
    hidden, bias, output = loss.unpack(theta)
    rows = standard.reshape(-1, INPUTS)
    active = np.tanh((rows @ hidden).reshape(tracks, 24, units) + bias)
    scores = active @ output
    top = scores.max(axis=1, keepdims=True)
    exp = np.exp(scores - top)
    total = exp.sum(axis=1, keepdims=True)
    picked = scores[np.arange(tracks), targets]
    value = float(np.mean(np.log(total[:, 0]) + top[:, 0] - picked))
    labelled = np.zeros((tracks, 24))
    labelled[np.arange(tracks), targets] = 1.0
    slope = (exp / total - labelled) / tracks
    d_output = slope.reshape(-1) @ active.reshape(-1, units)
    d_units = (1.0 - active**2) * output * slope[..., None]
    d_hidden = rows.T @ d_units.reshape(-1, units)
    d_bias = d_units.sum(axis=(0, 1))
    value += loss.l2 * (float(np.sum(hidden * hidden)) + float(output @ output))
    gradient = [(d_hidden + 2 * loss.l2 * hidden).ravel(), d_bias, d_output + 2 * loss.l2 * output]
    return value, np.concatenate(gradient)


def cpu_seconds(call: Callable[[], object], rounds: int) -> float:
    started = time.process_time()
    for _ in range(rounds):
        call()
    return (time.process_time() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=4000)
    parser.add_argument("--units", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    features = tracks_like_key_features(args.tracks, rng)
    standard, _, _ = standardised(candidate_inputs(features))
    targets = rng.integers(24, size=args.tracks)
    loss = CandidateLoss(standard, targets, 3e-3, args.units)
    theta = rng.normal(0.0, 0.1, INPUTS * args.units + 2 * args.units)
    value, gradient = loss(theta)
    reference, reference_gradient = full_rows(standard, targets, loss, theta)
    assert abs(value - reference) <= 1e-9 * abs(reference), (value, reference)
    assert np.allclose(gradient, reference_gradient, rtol=1e-9, atol=1e-12)
    varying = int(loss.varying.sum())
    shared = cpu_seconds(lambda: loss(theta), args.rounds)
    full = cpu_seconds(lambda: full_rows(standard, targets, loss, theta), args.rounds)
    print(f"{args.tracks} tracks of key_features' shape, {varying} of {INPUTS} inputs differ by mode")
    print(f"  CandidateLoss:  {shared:.3f} s CPU an evaluation (value and gradient)")
    print(f"  every full row: {full:.3f} s CPU")
    ratio = shared / full
    print(f"  ratio {ratio:.2f} (goal <= {GOAL}): {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
