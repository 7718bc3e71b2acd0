"""A pulse told by the harmony's rhythm: chords that change a whole number of beats apart.

Chords held a bar or more with nothing struck between (a pad, a reed organ's or a choir's held
voices) rise too little at their beats for any onset path in tempo.py, and the tracker's level is
right on most of them all the same. What a listener taps there is where the chords change: on a
beat, bar after bar. Chords changing in free time change where they please: their changes keep
no bar on a steady grid.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from soundforge.analysis.decoding import ANALYSIS_RATE
from soundforge.analysis.harmony import FIXED_SEGMENT_FRAMES
from soundforge.analysis.spectra import HOP
from soundforge.analysis.tempo import Beats

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]

# Frames of chroma summed either side of a frame to read how far the pitches change there (140 ms).
_NOVELTY_REACH = 6
# Changes nearer than this many beats after the last one kept are one change (a passing note's
# chord, a label flickering between two readings of one chord).
_MIN_GAP = 1.5
# A change is on the grid where it falls within this share of a beat of a whole number of beats
# from another change; and the changes on it keep a bar where that number is a multiple of one bar
# length, _BARS beats (3, 6, 9 in a bar of three; 19, 38 in one of nineteen).
_ON_BEAT = 0.07
_BARS = range(2, 33)
# How many changes keep a bar: none counted up to _FEW, in full from _MANY; and what share of all
# the changes they are: none under _LOOSE, in full from _TIGHT. Measured at the tempo the service
# tracks (sixty-first pass, /work/notes/p61/hr.py and grid.py): of the 26 songs withheld on seven
# development splits' seed 0, the four at their tempo whose chords change on the beat keep 5-9
# changes on a bar (all of them, or all but one); free-time chords change six times at most in
# their 20 s, five of them 1.5 beats apart, three of those on a bar (1058 free-time clips of tune's
# and 61 development splits' seed 0, and 252 noises and tones of seven: none raised). Chords changing
# 2.5-6 s apart for 40 s, read at every tempo from 50 to 150 BPM in steps of 2.5 (1640 grids),
# never keep one: within 0.1 of a beat rather than 0.07, 1 or 2 would, and with no bar asked 9 to 56.
_FEW, _MANY = 4, 6
_LOOSE, _TIGHT = 0.6, 0.8


def chord_changes(chroma: Floats, labels: Ints) -> Ints:
    """Frames where the chord changes: where labels (harmony.chord_labels, one per
    FIXED_SEGMENT_FRAMES) differ from the segment before, each placed at the frame within the two
    segments around the change where the chroma changes most (chroma_novelty)."""
    novelty = chroma_novelty(chroma)
    found = []
    for segment in np.flatnonzero(labels[1:] != labels[:-1]) + 1:
        start = (int(segment) - 1) * FIXED_SEGMENT_FRAMES
        stop = min(chroma.shape[1], (int(segment) + 1) * FIXED_SEGMENT_FRAMES)
        if stop > start:
            found.append(start + int(np.argmax(novelty[start:stop])))
    return np.unique(np.asarray(found, dtype=np.int64))


def chroma_novelty(chroma: Floats) -> npt.NDArray[np.float64]:
    """Per frame, 1 less the cosine of the chroma summed over _NOVELTY_REACH frames before it with
    that summed over as many from it on; 0 near either end and where either sum is silent."""
    reach = _NOVELTY_REACH
    running = np.cumsum(chroma, axis=1, dtype=np.float64)
    sums = np.concatenate([np.zeros((chroma.shape[0], 1)), running], axis=1)
    novelty = np.zeros(chroma.shape[1])
    if chroma.shape[1] <= 2 * reach:
        return novelty
    frames = np.arange(reach, chroma.shape[1] - reach + 1)
    before = sums[:, frames] - sums[:, frames - reach]
    after = sums[:, frames + reach] - sums[:, frames]
    norms = np.linalg.norm(before, axis=0) * np.linalg.norm(after, axis=0)
    cosine = np.divide((before * after).sum(axis=0), norms, out=np.ones(frames.size), where=norms > 0)
    novelty[frames] = 1.0 - cosine
    return novelty


def bar_kept(changes: npt.NDArray[np.float64]) -> int:
    """The most of `changes` (in beats) that fall within _ON_BEAT of a whole number of bars (of any
    length in _BARS) from one of them, that one counted."""
    best = 0
    for reference in changes:
        offsets = changes - reference
        whole = np.round(offsets)
        beats = np.abs(whole[np.abs(offsets - whole) < _ON_BEAT]).astype(np.int64)
        best = max([best, *(int(np.sum(beats % bar == 0)) for bar in _BARS)])
    return best


def spaced(beats_in: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The times (in beats, ascending) less those under _MIN_GAP after the last one kept."""
    kept: list[float] = []
    for at in beats_in.tolist():
        if not kept or at - kept[-1] >= _MIN_GAP:
            kept.append(at)
    return np.asarray(kept, dtype=np.float64)


def harmonic_pulse(beats: Beats, chroma: Floats, labels: Ints, moving: bool) -> Beats:
    """The beats, their confidence raised to how many chord changes (chord_changes, spaced) keep a
    bar on the grid of the beats' tempo (bar_kept: _FEW to _MANY) times the share of all the changes
    they are (_LOOSE to _TIGHT), where the harmony is `moving`.

    The grid is the tempo's, not the tracked beats': the tracker steers its beats onto the onsets,
    and free-time chords' changes are the onsets, so they would meet the tracked beats however
    freely they fall.
    """
    if not moving or beats.tempo <= 0.0 or beats.frames.size < 2:
        return beats
    period = 60.0 / beats.tempo * ANALYSIS_RATE / HOP
    changes = spaced(chord_changes(chroma, labels) / period)
    if changes.size <= _FEW:
        return beats
    kept = bar_kept(changes)
    many = float(np.clip((kept - _FEW) / (_MANY - _FEW), 0.0, 1.0))
    share = float(np.clip((kept / changes.size - _LOOSE) / (_TIGHT - _LOOSE), 0.0, 1.0))
    return Beats(beats.tempo, beats.frames, round(max(beats.confidence, many * share), 3))
