"""The renderer of vessel flutes and blown vessels: its notes' pitch, the vessel's one Helmholtz
resonance (every partial on a harmonic of the note, the harmonics far under it as the resonance's
response says, the even ones only where the jet is set off the edge), a jug's resonance lifting the
lips' harmonic nearest it, the pitch rising onto the note as the breath builds, the breath's vibrato
swelling the note at its rate, the resonator ringing down once the breath stops, its levels, its kit
and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from soundforge.testing import vessel_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.vessel_render import VESSEL_SET, VESSEL_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
BLOWN = VESSEL_SET.programs  # 79 a consort of ocarinas, 33 a jug, 72 a hun, 48 bottles blown long


def _still(patch: Instrument) -> Instrument:
    """`patch` blown steadily with no breath noise, no chiff, no rise and no vibrato: nothing sounds
    but the jet's (or the lips') flow through the vessel."""
    return dataclasses.replace(patch, breath=0.0, hiss=0.0, chiff=0.0, rise=0.0, vibrato=0.0, swell=0.0)


@pytest.mark.parametrize("program", sorted(VESSEL_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: blown steadily, the strongest
    frequency near the note is its pitch within a cent; as it is (the breath, the chiff, the rise,
    the vibrato), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest;
    its level never passes a quarter of its gain, and it is silent at its end."""
    patch = BLOWN[program]
    checks.assert_sounds_its_pitch(
        vessel_render,
        patch,
        _still(patch),
        lambda hz, frames, _: vessel_render.levels(
            patch, hz, 2.0, 100, frames, vessel_render.count(hz, SR)
        ).astype(np.complex128),
    )


def test_the_vessel_is_a_helmholtz_resonator_driven_by_a_jet() -> None:
    """An ocarina's C3 blown steadily: its partials stand on the note's harmonics within a cent and
    nothing between them; its harmonics lie where the jet's flow through the one resonance puts them
    (n times the flow's harmonic times 1 / |1 - n^2 + j n / Q| over Q, with the window's share),
    every one past the first at least 15 dB under it; a jet set on the edge (no offset) has no even
    harmonics, one set off it has them."""
    patch = dataclasses.replace(_still(BLOWN[79]), cavity_lift=0.0)
    checks.assert_held_c3_at_whole_multiples(vessel_render.voice(patch, (48.0,), 100, 2.0, SR), "ocarina")
    hz = checks.hz_of(48)
    numbers = np.arange(1, 9)
    assert vessel_render.resonance(patch, hz, 8) == pytest.approx(
        1.0 / np.abs(1.0 - numbers**2 + 1j * numbers / patch.q) / patch.q
    )
    flow = vessel_render.jet_flow(patch, patch.jet * (0.7 + 0.3 * 100 / 127), 8)
    expected = numbers * flow * (vessel_render.resonance(patch, hz, 8) + patch.edge)
    assert vessel_render.spectrum(patch, hz, 100, 8) == pytest.approx(expected / expected.max())
    assert np.all(vessel_render.spectrum(patch, hz, 100, 8)[1:] < 10 ** (-15 / 20))
    centred = vessel_render.jet_flow(dataclasses.replace(patch, offset=0.0), 2.0, 8)
    assert np.all(centred[1::2] < 1e-9 * centred[0]) and np.all(flow[1::2] > 1e-3 * flow[0])


def test_a_jugs_resonance_lifts_the_lips_harmonic_nearest_it() -> None:
    """A jug tuned to 110 Hz, buzzed at 55 Hz: its second harmonic, on the resonance, is louder than
    its first; buzzed at 110 Hz, its first is the loudest; the lips' flow falls as n^-lips."""
    patch = _still(BLOWN[33])
    low = vessel_render.spectrum(patch, 55.0, 100, 6)
    assert low[1] > low[0] >= vessel_render.FUNDAMENTAL_FLOOR
    assert np.argmax(vessel_render.spectrum(patch, 110.0, 100, 6)) == 0
    assert vessel_render.jet_flow(patch, 1.0, 6) == pytest.approx(np.arange(1, 7) ** -patch.lips)
    note = vessel_render.voice(patch, (33.0,), 100, 2.0, SR)  # A1, 55 Hz
    assert checks.level_at(note, 110.0, 0.5, 1.0) > checks.level_at(note, 55.0, 0.5, 1.0)


def test_the_pitch_rises_onto_the_note_and_the_breath_swells_it() -> None:
    """A hun's note starts `rise` cents flat and is on the note within five `speak`s, as the breath's
    pressure builds; its breath vibrato swells its level at its rate, which it does not blown still."""
    times = np.array([0.0, 5.0 * BLOWN[72].speak])
    flat = dataclasses.replace(BLOWN[72], vibrato=0.0)
    assert vessel_render.bend(flat, times) == pytest.approx([-BLOWN[72].rise, 0.0], abs=0.15 * BLOWN[72].rise)
    swelling = dataclasses.replace(_still(BLOWN[72]), swell=0.3, rate=5.0, delay=0.1)
    rate, depth = checks.level_swing(vessel_render.voice(swelling, (60.0,), 100, 3.0, SR), 5.0)
    assert rate == pytest.approx(5.0, abs=0.3)
    still = vessel_render.voice(_still(BLOWN[72]), (60.0,), 100, 3.0, SR)
    assert checks.level_swing(still, 5.0)[1] < 0.1 * depth


def test_the_resonator_rings_down_once_the_breath_stops() -> None:
    """A note held 1 s sounds while its key is down and is all but gone five rings (the longer of its
    release and Q / (pi f)) after it is let go."""
    patch = _still(BLOWN[79])
    hz = checks.hz_of(60)
    note = vessel_render.voice(patch, (60.0,), 100, 1.0, SR)
    ring = max(patch.level[3], patch.q / (np.pi * hz))
    after = 1.0 + 5.0 * ring
    assert checks.level_at(note, hz, after, 0.05) < 1e-3 * checks.level_at(note, hz, 0.8, 0.05)


def test_the_set_its_kit_and_the_split_it_renders() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the slosh's drops and the chuffs as
    grains after the stroke; and the split rendered by vessel_render draws only what its set has,
    every instrument measured above among it, what holds a tone held while the breath blows it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(vessel_render, VESSEL_SET)
    checks.assert_grains_follow_the_stroke(vessel_render, VESSEL_SET.drums.drums)
    held = vessel_render.voice(BLOWN[48], (60.0,), 100, 2.0, SR)
    assert checks.level_at(held, checks.hz_of(60), 1.8, 0.1) > 0.3 * checks.level_at(
        held, checks.hz_of(60), 0.4
    )
    splits = [split for split, root in SOUNDFONTS.items() if root in VESSEL_SETS]
    assert splits == ["mamoa"]
    for split in splits:
        kinds = {patch.kind for patch in VESSEL_SET.programs.values()}
        checks.assert_draws_its_kinds_and_holds_what_sustains(split, VESSEL_SETS[SOUNDFONTS[split]], kinds)
