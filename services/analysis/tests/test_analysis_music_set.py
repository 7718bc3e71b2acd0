"""The labelled synthetic set covers what the accuracy bench says it covers, and renders what it labels."""

from __future__ import annotations

import librosa
import numpy as np
import pytest

from soundforge.testing.music import METERS, MODES, TIMBRES, Piece, labelled_set, render

SR = 22050


def test_every_key_every_trait_and_the_whole_tempo_range() -> None:
    pieces = labelled_set(per_key=4, seconds=10.0)
    assert len(pieces) == 96
    assert {(p.tonic, p.mode) for p in pieces} == {(t, m) for t in range(12) for m in MODES}
    assert {p.meter for p in pieces} == set(METERS)
    assert {p.timbre for p in pieces} == set(TIMBRES)
    assert {p.inversion for p in pieces} == {0, 1, 2}
    assert {p.drums for p in pieces} == {True, False}
    assert any(p.swing != 0.5 for p in pieces) and any(p.swing == 0.5 for p in pieces)
    tempos = sorted(p.bpm for p in pieces)
    assert tempos[0] == pytest.approx(60.0) and tempos[-1] == pytest.approx(200.0)
    assert labelled_set(per_key=1, seed=3) == labelled_set(per_key=1, seed=3)  # deterministic


def test_a_piece_sounds_in_its_key_on_its_beats() -> None:
    piece = Piece(tonic=2, mode="minor", bpm=90.0, meter="3/4", seconds=12.0, drums=False, seed=1)
    samples = render(piece, SR)
    assert samples.dtype == np.float32 and samples.size == 12 * SR
    assert float(np.max(np.abs(samples))) == pytest.approx(0.7, abs=1e-3)
    assert piece.key_name == "D minor" and piece.beats_per_bar == 3
    beats = piece.beat_times()
    assert np.allclose(np.diff(beats), 60.0 / 90.0) and beats[0] == pytest.approx(0.25)
    assert np.array_equal(piece.downbeat_times(), beats[::3])
    # The tonic triad (D F A) is the loudest in the mix; onsets peak on the written beats.
    chroma = librosa.feature.chroma_stft(y=samples, sr=SR).mean(axis=1)
    assert set(np.argsort(chroma)[-3:].tolist()) == {2, 5, 9}
    onset = librosa.onset.onset_strength(y=samples, sr=SR)
    frames = librosa.time_to_frames(beats, sr=SR)
    on_beat = np.mean([onset[f - 2 : f + 3].max() for f in frames[frames >= 2]])  # +-2 frames: timing slack
    assert on_beat > 3 * onset.mean()
