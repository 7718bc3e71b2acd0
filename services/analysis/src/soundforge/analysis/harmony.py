"""Chords per segment (beat or fixed span) and what they say about the key: tonic weight, cadences."""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]

# Segments when there are no beats: ~0.19 s of frames.
FIXED_SEGMENT_FRAMES = 8
# A segment whose chroma matches no triad this well (cosine) holds no chord.
_MIN_MATCH = 0.6
# What a chord change costs in the smoothing, in cosine units summed over segments: a melody note
# or an arpeggio's passing chord is outweighed by the chord held around it.
CHANGE_COST = 0.45


# Chord shapes matched, each read as the triad it extends: (intervals, 0 major / 1 minor). A
# seventh chord matched as a bare triad would often be the wrong one (Cmaj7 holds E minor).
SHAPES = (
    ((0, 4, 7), 0),
    ((0, 3, 7), 1),
    ((0, 4, 7, 10), 0),
    ((0, 4, 7, 11), 0),
    ((0, 3, 7, 10), 1),
)


def chord_templates() -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """(shapes x 12, 12) unit vectors, and the triad label of each (root, + 12 when minor)."""
    rows, labels = [], []
    for intervals, minor in SHAPES:
        for root in range(12):
            row = np.zeros(12)
            row[[(root + interval) % 12 for interval in intervals]] = 1.0
            rows.append(row / np.linalg.norm(row))
            labels.append(root + 12 * minor)
    return np.array(rows), np.array(labels, dtype=np.int64)


_TEMPLATES, _TEMPLATE_LABELS = chord_templates()


def segment_bounds(frames: int, beats: Ints) -> Ints:
    """Segment starts: the beats when there are enough of them, else every FIXED_SEGMENT_FRAMES."""
    if beats.size >= 8:
        return np.unique(np.concatenate([[0], beats[beats < frames]])).astype(np.int64)
    return np.arange(0, max(frames, 1), FIXED_SEGMENT_FRAMES, dtype=np.int64)


def chords(chroma: Floats, starts: Ints, change_cost: float = CHANGE_COST) -> npt.NDArray[np.int64]:
    """Per segment: a triad (0-11 major, 12-23 minor) or -1 (none), smoothed over time.

    Each segment's mean chroma is matched (cosine) with the triads and seventh chords (each
    triad's best shape) and "no chord" (a flat _MIN_MATCH); the labels are the path of best
    total match, less change_cost per change (Viterbi with uniform switching).
    """
    if chroma.shape[1] == 0:
        return np.zeros(0, dtype=np.int64)
    sums = np.add.reduceat(chroma.astype(np.float64), starts, axis=1)
    unit = sums / np.maximum(np.linalg.norm(sums, axis=0), 1e-12)
    shapes = _TEMPLATES @ unit
    triads = np.full((24, unit.shape[1]), -1.0)
    np.maximum.at(triads, _TEMPLATE_LABELS, shapes)
    match = np.vstack([triads, np.full((1, unit.shape[1]), _MIN_MATCH)])
    total = match[:, 0].copy()
    back = np.zeros(match.shape, dtype=np.int64)
    states = np.arange(match.shape[0])
    for t in range(1, match.shape[1]):
        best = int(np.argmax(total))
        switch = total[best] - change_cost
        stay = total >= switch
        back[:, t] = np.where(stay, states, best)
        total = np.where(stay, total, switch) + match[:, t]
    path = np.empty(match.shape[1], dtype=np.int64)
    path[-1] = int(np.argmax(total))
    for t in range(match.shape[1] - 1, 0, -1):
        path[t - 1] = back[path[t], t]
    return np.where(path == 24, -1, path)


def chord_evidence(labels: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """(tonic weight, cadences), each (2, 12) over (mode, tonic).

    Tonic weight: the share of chord-bearing segments on the key's tonic triad. Cadences: among
    the chord changes, the share that resolve to the tonic from its dominant (a major triad a
    fifth above), plus half the share from its subdominant (a triad a fourth above). A cadence
    names the tonic, not the mode: it counts for the major and the minor key alike (a minor
    chord's root, whose 5th harmonic is a major third, is easily heard as major), and the
    mode is left to the pitch profile.
    """
    tonic = np.zeros((2, 12))
    cadence = np.zeros((2, 12))
    sounding = labels[labels >= 0]
    if sounding.size == 0:
        return tonic, cadence
    counts = np.bincount(sounding, minlength=24).astype(np.float64) / sounding.size
    tonic[0], tonic[1] = counts[:12], counts[12:]
    changes = [(a, b) for a, b in itertools.pairwise(sounding) if a != b]
    if not changes:
        return tonic, cadence
    for before, after in changes:
        root = int(after) % 12
        if before == (root + 7) % 12:  # the dominant, always a major triad
            cadence[:, root] += 1.0
        elif int(before) % 12 == (root + 5) % 12:
            cadence[:, root] += 0.5
    return tonic, cadence / len(changes)


def harmonic_motion(labels: npt.NDArray[np.int64]) -> float:
    """0-1: the share of chord-bearing segments off the most common chord; 0 without chords.

    A held tone (its harmonics make a major triad's chroma), a drone, noise or drums show no
    harmonic motion; music with a key moves between at least two chords.
    """
    sounding = labels[labels >= 0]
    if sounding.size == 0:
        return 0.0
    return 1.0 - float(np.bincount(sounding, minlength=24).max()) / sounding.size
