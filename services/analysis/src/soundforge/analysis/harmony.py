"""Chords per segment (beat or fixed span): smoothed labels, soft shares, changes and motion."""

from __future__ import annotations

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
# How sharply a segment's chroma is shared among the triads it resembles (soft_chord_shares):
# cosine matches a few hundredths apart split it, a tenth apart hardly.
SOFT_TEMPERATURE = 0.05
# How much the bass chroma adds to the chroma that bass_weighted reads chords from (each over its
# frame's peak). On the four splits written apart last, each left out of the key scorer's fit in
# turn, these chords' shares took key exact from 91.8-92.2% (two starts) to 94.3% on average at
# 0.25, 94.0% at 0.5 and at 1; on four older ones from 90.0% to 92.6% (fourteenth pass).
BASS_WEIGHT = 0.25
# The pitch_spread from which the learned pitch classes (pitch_classes.py) change as a song's do:
# what their chords' motion (levels.motion_labels) and their fit to a key (key.find_key) are read
# from where the chroma's say nothing. The network's chords change on noise, held tones and drums
# too, but their pitch classes flicker: 0.137 at most over 3325 such clips of 53 development
# splits; songs' switch on and off with their chords: 0.170 and up on oppidum, 0.183 and up on 31
# songs of other splits whose chroma matched no chord change (fifty-eighth pass).
CHANGING_PITCHES = 0.15


# Chord shapes matched, each read as the triad it extends: (intervals, 0 major / 1 minor). A
# seventh chord matched as a bare triad would often be the wrong one (Cmaj7 holds E minor).
SHAPES = (
    ((0, 4, 7), 0),
    ((0, 3, 7), 1),
    ((0, 4, 7, 10), 0),
    ((0, 4, 7, 11), 0),
    ((0, 3, 7, 10), 1),
)
DOMINANT_SEVENTH = 2  # the index in SHAPES of the chord that leads a fifth down (V7 -> I)


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


def fixed_segments(frames: int) -> Ints:
    """Segment starts every FIXED_SEGMENT_FRAMES: what key and harmonic motion read chords over."""
    return segment_bounds(frames, np.zeros(0, np.int64))


def chord_labels(chroma: Floats) -> npt.NDArray[np.int64]:
    """chords() over fixed_segments: the labels the key and the harmonic motion are read from."""
    return chords(chroma, fixed_segments(chroma.shape[1]))


def shape_matches(chroma: Floats, starts: Ints) -> npt.NDArray[np.float64]:
    """(shapes x 12, segments): each segment's mean chroma matched (cosine) with every chord shape
    on every root, in chord_templates' order (SHAPES, then root)."""
    sums = np.add.reduceat(chroma.astype(np.float64), starts, axis=1)
    unit = sums / np.maximum(np.linalg.norm(sums, axis=0), 1e-12)
    return np.asarray(_TEMPLATES @ unit, dtype=np.float64)


def triad_matches(chroma: Floats, starts: Ints) -> npt.NDArray[np.float64]:
    """(24, segments): each segment's mean chroma matched (cosine) with each triad's best shape."""
    shapes = shape_matches(chroma, starts)
    triads = np.full((24, shapes.shape[1]), -1.0)
    np.maximum.at(triads, _TEMPLATE_LABELS, shapes)
    return triads


def chords(
    chroma: Floats, starts: Ints, change_cost: float = CHANGE_COST, *, none: bool = True
) -> npt.NDArray[np.int64]:
    """Per segment: a triad (0-11 major, 12-23 minor) or -1 (none), smoothed over time.

    Each segment's mean chroma is matched (cosine) with the triads and seventh chords (each
    triad's best shape) and, unless `none` is off, "no chord" (a flat _MIN_MATCH); the labels are
    the path of best total match, less change_cost per change (Viterbi with uniform switching).
    """
    if chroma.shape[1] == 0:
        return np.zeros(0, dtype=np.int64)
    triads = triad_matches(chroma, starts)
    match = np.vstack([triads, np.full((1, triads.shape[1]), _MIN_MATCH)]) if none else triads
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


def soft_chord_shares(
    chroma: Floats, starts: Ints, temperature: float = SOFT_TEMPERATURE
) -> npt.NDArray[np.float64]:
    """(24,): each triad's mean share over the segments, a softmax of its match at `temperature`.

    Unlike the smoothed labels, a chord the labels missed (an arpeggio's passing harmony, a
    seventh read as its neighbour triad) still counts for what its chroma resembles.
    """
    if chroma.shape[1] == 0:
        return np.zeros(24)
    triads = triad_matches(chroma, starts)
    weights = np.exp((triads - triads.max(axis=0)) / temperature)
    return np.asarray((weights / weights.sum(axis=0)).mean(axis=1), dtype=np.float64)


def dominant_seventh_shares(
    chroma: Floats, starts: Ints, temperature: float = SOFT_TEMPERATURE
) -> npt.NDArray[np.float64]:
    """(12,) per root: the dominant seventh's mean share over the segments, a softmax of each
    segment's match over every shape on every root (SHAPES).

    The chords read as triads (chords, soft_chord_shares) fold V7 into V. The seventh is what marks
    a dominant: a major key's V7 and the raised V7 of its relative minor are on different roots, so
    where the sevenths sit says which of the two is home. Read apart from the triads, it took key
    exact on the four splits written apart, each left out of the training in turn, from 88.6% to
    90.0% on average (docs/analysis-passes.md, the tenth pass).
    """
    if chroma.shape[1] == 0:
        return np.zeros(12)
    matches = shape_matches(chroma, starts)
    weights = np.exp((matches - matches.max(axis=0)) / temperature)
    shares = (weights / weights.sum(axis=0)).mean(axis=1)
    return np.asarray(shares[12 * DOMINANT_SEVENTH : 12 * (DOMINANT_SEVENTH + 1)], dtype=np.float64)


def bass_weighted(chroma: Floats, bass_chroma: Floats | None, weight: float = BASS_WEIGHT) -> Floats:
    """(12, frames): each frame's chroma over its peak, plus `weight` times its bass chroma over its
    peak -- chroma in which the lowest note counts for more, as it does for a listener naming a chord.

    A major seventh chord holds the minor triad a third above its root (Fmaj7's A C E) and a minor
    seventh the major triad (Am7's C E G); where the root sounds weakly against the others, chroma
    alone reads the chord as that triad (a lydian vamp's IM7 as its iii, and the key it names as the
    relative minor). With its root in the bass the chord reads as itself.
    """
    values = np.asarray(chroma, dtype=np.float64)
    out = values / np.maximum(values.max(axis=0, keepdims=True), 1e-12)
    if bass_chroma is not None:  # frame for frame with the chroma (spectra reads both in one pass)
        bass = np.asarray(bass_chroma, dtype=np.float64)
        out += weight * bass / np.maximum(bass.max(axis=0, keepdims=True), 1e-12)
    return out.astype(np.float32)


def chord_shares(labels: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """(24,) share of chord-bearing segments per triad, and (24, 24) share of changes from -> to."""
    shares = np.zeros(24)
    changes = np.zeros((24, 24))
    sounding = labels[labels >= 0]
    if sounding.size == 0:
        return shares, changes
    shares = np.bincount(sounding, minlength=24).astype(np.float64) / sounding.size
    moved = sounding[1:] != sounding[:-1]
    if moved.any():
        np.add.at(changes, (sounding[:-1][moved], sounding[1:][moved]), 1.0)
        changes /= int(moved.sum())
    return shares, changes


def chord_span(labels: npt.NDArray[np.int64]) -> float:
    """How long a chord typically lasts, in segments: the median run of one label, 0 under 2 changes.

    A segment with no chord continues the chord before it. The first and last runs are left out
    (the track's ends cut them). Chords mostly change at bar lines, so this is a bar or a few: a
    cue for which metrical level is the beat (levels.level_features).
    """
    held = labels.copy()
    for index in range(1, held.size):
        if held[index] < 0:
            held[index] = held[index - 1]
    held = held[held >= 0]
    changes = np.flatnonzero(held[1:] != held[:-1]) + 1
    if changes.size < 2:
        return 0.0
    return float(np.median(np.diff(changes)))


def nearest_chords(chroma: npt.NDArray[np.floating]) -> npt.NDArray[np.int64]:
    """chords() over fixed segments with no "no chord" state: the nearest triad, however far.

    A sound chip's pulse waves and fast arpeggios, their melody and bass, match any triad 0.6-0.7
    at best (a pulse wave's odd harmonics on every note): under the no-chord line (_MIN_MATCH)
    and the cost of a change, chord_labels reads such a song as no chord at all, motion 0, as if
    it were a held tone. Its nearest triads move as a song's chords do; a held tone's stay.
    """
    frames = np.asarray(chroma, dtype=np.float32)
    return chords(frames, fixed_segments(frames.shape[1]), none=False)


def chord_contrast(chroma: npt.NDArray[np.floating], labels: npt.NDArray[np.int64]) -> float:
    """1 - cosine between the chroma summed over the fixed segments on the commonest chord and over
    the other chord-bearing ones (`labels`, one per fixed segment): how far the sound moves where
    the labels do. 0 without a second chord.

    A pitch cluster that never changes but matches two triads about equally (a rhythm box's tuned
    voices) has its smoothed labels switch between them once or twice: motion with no change.
    """
    values = np.asarray(chroma, dtype=np.float64)
    sums = np.add.reduceat(values, fixed_segments(values.shape[1]), axis=1) if values.shape[1] else values
    labels = labels[: sums.shape[1]]
    sums = sums[:, : labels.size]
    sounding = labels >= 0
    if not sounding.any():
        return 0.0
    commonest = int(np.bincount(labels[sounding], minlength=24).argmax())
    home = sums[:, labels == commonest].sum(axis=1)
    away = sums[:, sounding & (labels != commonest)].sum(axis=1)
    norms = float(np.linalg.norm(home) * np.linalg.norm(away))
    return 1.0 - float(home @ away) / norms if norms > 0 else 0.0


def harmonic_motion(labels: npt.NDArray[np.int64]) -> float:
    """0-1: the share of chord-bearing segments off the most common chord; 0 without chords.

    A held tone (its harmonics make a major triad's chroma), a drone, noise or drums show no
    harmonic motion; music with a key moves between at least two chords.
    """
    sounding = labels[labels >= 0]
    if sounding.size == 0:
        return 0.0
    return 1.0 - float(np.bincount(sounding, minlength=24).max()) / sounding.size


def pitch_spread(pitch_classes: Floats) -> float:
    """How much the pitch classes change: each one's standard deviation over fixed segments (its
    mean per segment), averaged over the twelve; 0 under two segments."""
    starts = fixed_segments(pitch_classes.shape[1])
    if starts.size < 2:
        return 0.0
    lengths = np.diff(np.append(starts, pitch_classes.shape[1]))
    means = np.add.reduceat(pitch_classes.astype(np.float64), starts, axis=1) / lengths
    return float(means.std(axis=1).mean())
