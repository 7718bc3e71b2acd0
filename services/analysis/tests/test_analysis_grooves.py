"""The random drum grooves the tempo weights train on: a drummer's parts, deterministic, audible."""

from __future__ import annotations

import numpy as np

from soundforge.testing.grooves import METERS, random_groove, render_groove
from soundforge.testing.labelled_notation import KICK


def test_grooves_are_deterministic_per_seed_and_varied() -> None:
    first = [random_groove(np.random.default_rng([7, n])) for n in range(200)]
    assert first == [random_groove(np.random.default_rng([7, n])) for n in range(200)]
    assert len({g.hits for g in first}) > 150  # not a handful of patterns in disguise
    assert {(g.beats_per_bar, g.subdivisions) for g in first} == set(METERS)


def test_every_groove_starts_its_bar_with_a_kick_and_stays_in_it() -> None:
    for n in range(300):
        groove = random_groove(np.random.default_rng([8, n]))
        assert (0.0, KICK) in groove.hits
        assert all(0.0 <= position < groove.beats_per_bar for position, _ in groove.hits)
        slowest, fastest = (50.0, 200.0) if groove.subdivisions == 2 else (40.0, 120.0)
        assert slowest <= groove.bpm <= fastest


def test_a_groove_renders_its_hits_where_they_fall() -> None:
    rng = np.random.default_rng(9)
    groove = next(g for g in (random_groove(rng) for _ in range(50)) if g.band == "synth")
    audio = render_groove(groove, 6.0, np.random.default_rng(1), 22050)
    assert audio.dtype == np.float32 and audio.size == 6 * 22050 and np.isfinite(audio).all()
    assert 0.5 < float(np.abs(audio).max()) <= 0.71
    assert float(np.abs(audio[: int(0.2 * 22050)]).max()) < 1e-6  # nothing before the first bar
