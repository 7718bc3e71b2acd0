"""The harmony's rhythm as a pulse: chord changes found where the chroma changes, kept on one phase."""

from __future__ import annotations

import numpy as np
import pytest

from soundforge.analysis import tempo as tempos
from soundforge.analysis.decoding import ANALYSIS_RATE
from soundforge.analysis.harmonic_rhythm import (
    bar_kept,
    chord_changes,
    chroma_novelty,
    harmonic_pulse,
    spaced,
)
from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.spectra import HOP

FPS = ANALYSIS_RATE / HOP
# Triads as pitch-class sets: I, vi, IV, V in C, then ii and iii.
CHORDS = ((0, 4, 7), (9, 0, 4), (5, 9, 0), (7, 11, 2), (2, 5, 9), (4, 7, 11))


def held_chords(switches: list[int], frames: int, seed: int = 0) -> np.ndarray:
    """A chroma holding a triad from each switch frame to the next, a little noise on every class."""
    rng = np.random.default_rng(seed)
    chroma = rng.uniform(0.0, 0.1, (12, frames)).astype(np.float32)
    for index, (start, stop) in enumerate(zip([0, *switches], [*switches, frames], strict=True)):
        chroma[list(CHORDS[index % len(CHORDS)]), start:stop] += 1.0
    return chroma


def beats_at(bpm: float, frames: int) -> tempos.Beats:
    period = 60.0 / bpm * FPS
    return tempos.Beats(bpm, np.arange(0.0, frames, period).astype(np.int64), 0.0)


def test_chord_changes_fall_where_the_chroma_changes() -> None:
    switches = [100, 230, 377, 500, 640]
    chroma = held_chords(switches, 800)
    found = chord_changes(chroma, chord_labels(chroma))
    assert found.size == len(switches)
    assert np.all(np.abs(found - np.array(switches)) <= 1)
    novelty = chroma_novelty(chroma)
    assert novelty[switches].min() > 10 * float(np.median(novelty))


def test_chords_changing_every_bar_on_the_beat_are_a_pulse() -> None:
    bpm, frames = 90.0, int(20 * FPS)
    bar = 4 * 60.0 / bpm * FPS
    switches = [round(bar * n) for n in range(1, 7)]
    chroma = held_chords(switches, frames)
    heard = harmonic_pulse(beats_at(bpm, frames), chroma, chord_labels(chroma), moving=True)
    assert heard.confidence == 1.0
    # The harmony must move (a held tone's chroma can flicker between readings of one chord).
    still = harmonic_pulse(beats_at(bpm, frames), chroma, chord_labels(chroma), moving=False)
    assert still.confidence == 0.0


@pytest.mark.parametrize("seed", range(12))
def test_chords_changing_in_free_time_keep_no_phase(seed: int) -> None:
    # 40 s of chords 2.5-6 s apart (twice what a free-time clip holds), on grids of 50-150 BPM; the
    # beats themselves are laid on the changes, as the tracker steers them, and change nothing.
    rng = np.random.default_rng(seed)
    frames = int(40 * FPS)
    gaps = rng.uniform(2.5, 6.0, 20) * FPS
    switches = [round(at) for at in np.cumsum(gaps) if at < frames - FPS]
    chroma = held_chords(switches, frames, seed)
    labels = chord_labels(chroma)
    for bpm in np.linspace(50.0, 150.0, 21):
        beats = tempos.Beats(float(bpm), np.asarray(switches, np.int64), 0.0)
        assert harmonic_pulse(beats, chroma, labels, moving=True).confidence < tempos.MIN_CONFIDENCE, bpm


def test_a_change_too_soon_after_another_is_the_same_change() -> None:
    assert spaced(np.array([0.0, 0.5, 4.0, 5.0, 8.0])).tolist() == [0.0, 4.0, 8.0]


def test_changes_keep_a_bar_of_whole_beats() -> None:
    # A bar of four: 4.05 is on it, 14.5 is off the beat.
    assert bar_kept(np.array([0.0, 4.05, 8.0, 12.0, 14.5])) == 4
    # The most that keep one bar: three or six beats apart (0, 3, 9), not the 13th beat too.
    assert bar_kept(np.array([0.0, 3.0, 9.0, 13.0])) == 3
    # A bar of nineteen beats (76/16).
    assert bar_kept(np.array([0.0, 19.02, 38.0, 57.04])) == 4
    # Whole beats apart by chance, but no bar of two or more beats holds three of them.
    assert bar_kept(np.array([0.0, 5.0, 7.0])) == 2
