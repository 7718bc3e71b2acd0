"""The renderer of crickets, cicadas and frogs, creatures that sing by file, tymbal and sac: its notes'
pitch, the pulse the body makes over a period (a tooth's click, a tymbal's ribs and its spring back,
a larynx's flow; so every partial stands on a harmonic of the note), how the body radiates and its
resonator rings, a sac swelling and a scraper crossing faster the louder the call, the call starting
and dying, its pulses' jitter, its rustle, its levels, its kit and its grains, and what a split it
renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import creature_render
from soundforge.testing.creature_render import CREATURE_SET, CREATURE_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 10 a field cricket's file, 21 a katydid's, 51 a cicada's tymbals, 33 a bullfrog's sac, 43 a
# natterjack toad's, 73 a tree cricket's file, 78 a tree frog's sac, 48 a periodical cicada held
SUNG = CREATURE_SET.programs


def _steady(patch: Instrument) -> Instrument:
    """`patch` sung steadily: no rustle and no jitter, so nothing sounds but the pulse's harmonics."""
    return dataclasses.replace(patch, rustle=0.0, jitter=0.0)


def _sung_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = creature_render.count(hz, SR)
        return creature_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


def _pulsed(patch: Instrument, hz: float, harmonics: int, velocity: int = 127) -> Complex:
    """The first `harmonics` of the pulse `patch`'s body makes over a period at `hz`."""
    return np.asarray(np.fft.rfft(creature_render.pulse(patch, hz, velocity))[1 : harmonics + 1])


@pytest.mark.parametrize("program", sorted(CREATURE_SET.programs))
def test_every_creature_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every creature, bent to A=432, from E2 to E5: sung steadily, the strongest frequency
    near the note is its pitch within a cent; as it is (the rustle, the pulses' jitter), within 10
    cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes
    a quarter of its gain, and it is silent at its end."""
    sung = SUNG[program]
    checks.assert_sounds_its_pitch(creature_render, sung, _steady(sung), _sung_levels(sung))


def test_the_partials_stand_on_the_harmonics_and_the_pulse_shapes_them() -> None:
    """A field cricket, a bullfrog, a tree cricket and a tree frog, C3 sung steadily: their partials
    stand on the note's harmonics within a cent and nothing between them. A tooth's click of s rms
    gives a Gaussian's harmonics, exp(-(2 pi n f s)^2 / 2); a tymbal's R ribs s apart with no spring
    back give sin(pi n f s R) / sin(pi n f s), and its spring back half a period on adds (-1)^n of its
    share; a larynx's flow is nothing once its folds close (after `duty` of the period), and at its
    most, 1, two thirds of the way through its opening."""
    for program in (10, 33, 73, 78):
        note = creature_render.voice(_steady(SUNG[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, SUNG[program].kind)
    hz = checks.hz_of(48)
    n = np.arange(1, 13, dtype=np.float64)
    cricket = SUNG[10]
    click = np.abs(_pulsed(cricket, hz, 12))
    gaussian = np.exp(-0.5 * (2.0 * np.pi * n * hz * cricket.click) ** 2)
    assert click / click[0] == pytest.approx(gaussian / gaussian[0], rel=1e-6)
    cicada = SUNG[51]
    apart = creature_render.ribbed(cicada, hz) * hz  # in periods
    ribs = np.exp(-2j * np.pi * np.outer(n, np.arange(cicada.ribs)) * apart).sum(axis=1)
    width = np.exp(-0.5 * (2.0 * np.pi * n * hz * cicada.click) ** 2)
    alone = np.abs(_pulsed(dataclasses.replace(cicada, back=0.0), hz, 12))
    dirichlet = np.abs(np.sin(np.pi * n * apart * cicada.ribs) / np.sin(np.pi * n * apart)) * width
    assert alone / alone[0] == pytest.approx(dirichlet / dirichlet[0], rel=1e-6)
    sprung = _pulsed(cicada, hz, 12)
    expected = (ribs + cicada.back * (-1.0) ** n) * width
    assert sprung / sprung[0] == pytest.approx(expected / expected[0], rel=1e-6)
    frog = SUNG[33]
    flow = creature_render.pulse(frog, hz)
    x = np.arange(creature_render.PERIOD) / creature_render.PERIOD
    assert not flow[x >= frog.duty].any() and flow.min() >= 0.0
    assert int(np.argmax(flow)) == round(2.0 * frog.duty / 3.0 * creature_render.PERIOD)
    assert flow.max() == pytest.approx(1.0)


def test_the_body_radiates_and_its_resonator_lifts_what_is_near_it() -> None:
    """Radiated as a monopole ((j n) times the pulse) or a dipole ((j n)^2, a wing small against the
    wavelength) and lifted by its resonator (1 + (lift - 1) (j r / Q) / (1 - r^2 + j r / Q) at r = n f
    over its mode), each harmonic against the loudest is the pulse's times the two, the first raised
    to FUNDAMENTAL_FLOOR where it falls under it; a dipole is brighter than a monopole by n; with a
    resonator that lifts a lot, the loudest harmonic stands by its mode."""
    hz, patch = checks.hz_of(55), SUNG[21]
    n = np.arange(1, 13, dtype=np.float64)
    mode, q, lift = patch.body
    r = n * hz / creature_render.resonance(patch, 127)
    ringing = 1.0 + (lift - 1.0) * (1j * r / q) / (1.0 - r**2 + 1j * r / q)
    expected = np.abs(_pulsed(patch, hz, 12) * (1j * n) ** patch.radiation * ringing)
    expected /= expected.max()
    expected[0] = max(expected[0], creature_render.FUNDAMENTAL_FLOOR)
    assert np.abs(creature_render.spectrum(patch, hz, 12)) == pytest.approx(expected, abs=1e-9)
    bare = dataclasses.replace(patch, body=(mode, q, 1.0))
    monopole = dataclasses.replace(bare, radiation=1)
    ratio = np.abs(creature_render.spectrum(bare, hz, 12)) / np.abs(
        creature_render.spectrum(monopole, hz, 12)
    )
    assert ratio[1:] / ratio[1] == pytest.approx(n[1:] / 2.0, rel=1e-9)
    sharp = dataclasses.replace(SUNG[73], body=(1500.0, 20.0, 30.0))
    low = checks.hz_of(40)
    loudest = int(np.argmax(np.abs(creature_render.spectrum(sharp, low, 40)))) + 1
    assert abs(loudest * low - 1500.0) < low


def test_a_sac_swells_and_a_scraper_quickens_with_the_call() -> None:
    """A frog's sac, a Helmholtz resonator, inflated from its own volume at the softest to twice it
    at the hardest: its mode stands at its own at the softest and 1 / sqrt(2) of it at the hardest,
    and a softer call sounds as the frog whose sac has that mode would at the hardest. A cricket's
    click is a third longer at the softest than at the hardest, so a softer note is duller; a
    tymbal's ribs and a cricket's harp hold theirs however hard the call."""
    for program in (33, 43, 78):
        patch = SUNG[program]
        assert creature_render.resonance(patch, 0) == pytest.approx(patch.body[0])
        assert creature_render.resonance(patch, 127) == pytest.approx(patch.body[0] / np.sqrt(2.0))
    for program in (10, 51, 73, 48):
        assert creature_render.resonance(SUNG[program], 0) == SUNG[program].body[0]
    hz, frog = checks.hz_of(40), SUNG[33]
    _, q, lift = frog.body
    swollen = dataclasses.replace(frog, body=(creature_render.resonance(frog, 30) * np.sqrt(2.0), q, lift))
    soft = creature_render.spectrum(frog, hz, 40, 30)
    assert soft == pytest.approx(creature_render.spectrum(swollen, hz, 40, 127), abs=1e-12)
    assert not np.allclose(np.abs(soft), np.abs(creature_render.spectrum(frog, hz, 40, 127)))
    cricket = SUNG[10]
    assert creature_render.clicked(cricket, 0) == pytest.approx(cricket.click * 4.0 / 3.0)
    assert creature_render.clicked(cricket, 127) == pytest.approx(cricket.click)
    high = checks.hz_of(72)
    duller = np.abs(_pulsed(cricket, high, 12, 20)) / np.abs(_pulsed(cricket, high, 12, 20))[0]
    brighter = np.abs(_pulsed(cricket, high, 12, 127)) / np.abs(_pulsed(cricket, high, 12, 127))[0]
    assert np.all(duller[1:] < brighter[1:])
    cicada = SUNG[51]
    assert creature_render.pulse(cicada, high, 20) == pytest.approx(creature_render.pulse(cicada, high, 127))


def test_the_call_starts_dies_and_its_jitter_frays_no_pitch() -> None:
    """A bullfrog's C3: its level starts as 1 - exp(-t / attack) and, once the key is let go, dies
    over its fall. Each pulse comes early or late by its jitter, never summed, so over two seconds
    the offsets stay within a few jitters of nothing and the pitch never drifts; with no jitter,
    none. A louder call rustles more against the tone, by its square. A fast cicada buckles its ribs
    closer together, so they never run past two fifths of the period."""
    frog = SUNG[33]
    times = np.array([frog.attack, 1.0, 1.0 + frog.level[3]])
    level = creature_render.power(frog, 1.0, 127, times)
    assert level[0] == pytest.approx(1.0 - np.exp(-1.0), rel=1e-3)
    assert level[2] / level[1] == pytest.approx(np.exp(-1.0), rel=1e-3)
    hz = checks.hz_of(48)
    along = np.arange(2 * SR) / SR
    offsets = creature_render.timing(frog, hz, along, np.random.default_rng(4))
    assert 0.0 < np.abs(offsets).max() < 6.0 * frog.jitter
    assert abs(float(offsets.mean())) < 0.2 * frog.jitter
    assert not creature_render.timing(_steady(frog), hz, along, np.random.default_rng(4)).any()
    assert creature_render.rustling(frog, 100) == pytest.approx(4.0 * creature_render.rustling(frog, 50))
    cicada = SUNG[51]
    assert creature_render.ribbed(cicada, checks.hz_of(40)) == cicada.spacing
    fast = checks.hz_of(84)
    assert creature_render.ribbed(cicada, fast) * cicada.ribs * fast == pytest.approx(0.4)


def test_the_creatures_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the rattle, the shrimp's echo, the
    drumming, the flock, the stork's bill and the train as grains after the stroke; what holds a
    tone (a periodical cicada's chorus held) holds while the creature calls; and the split rendered
    by creature_render draws only what its set has, every creature measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(creature_render, CREATURE_SET)
    checks.assert_grains_follow_the_stroke(creature_render, CREATURE_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in CREATURE_SET.drums.drums.values()) == 6
    held = creature_render.voice(SUNG[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in CREATURE_SETS]
    assert splits == ["clochan"]
    kinds = {patch.kind for patch in CREATURE_SET.programs.values()}
    assert {patch.drive for patch in CREATURE_SET.programs.values()} == set(creature_render.DRIVES)
    creature_set = CREATURE_SETS[SOUNDFONTS["clochan"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("clochan", creature_set, kinds)
