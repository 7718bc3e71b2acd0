"""The renderer of sirens, air chopped by turning discs and sliding pistons: its notes' pitch, the puff
a hole lets through its port (a limit of geometry: every partial on a harmonic of the note), the
ports' shape and width leaving harmonics out, the horn's cutoff and the resonance box, the rotor's
sag and the governor, the wind opening and the chest emptying, the jet's hiss, its levels, its kit
and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import siren_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.siren_render import SIREN_SET, SIREN_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
BLOWN = SIREN_SET.programs  # 62 Dove's siren, 16 a siren organ, 33 an air-raid siren, 74 Helmholtz's


def _steady(patch: Instrument) -> Instrument:
    """`patch` blown steadily: no hiss, no sag and no hunting, so nothing sounds but the puffs."""
    return dataclasses.replace(patch, hiss=0.0, sag=0.0, hunt=0.0)


def _blown_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = siren_render.count(hz, SR)
        return siren_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


def _decibels(patch: Instrument, harmonics: int = 12) -> Signal:
    """`patch`'s harmonics' levels in dB against the loudest."""
    return np.asarray(20.0 * np.log10(np.abs(siren_render.spectrum(patch, harmonics)) + 1e-12))


@pytest.mark.parametrize("program", sorted(SIREN_SET.programs))
def test_every_siren_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every siren, bent to A=432, from E2 to E5: blown steadily, the strongest frequency
    near the note is its pitch within a cent; as it is (the hiss, the rotor's sag, the governor's
    hunting), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest;
    its level never passes a quarter of its gain, and it is silent at its end."""
    blown = BLOWN[program]
    checks.assert_sounds_its_pitch(siren_render, blown, _steady(blown), _blown_levels(blown))


def test_the_puffs_stand_on_the_harmonics_and_the_ports_shape_them() -> None:
    """Dove's siren's and Seebeck's C3 blown steadily: their partials stand on the note's
    harmonics within a cent and nothing between them. The puff is the ports' open area: two slots'
    triangle as wide as half the pitch leaves every even harmonic out (over 60 dB under its
    neighbours), a third of it every third; round holes' lens leaves none out; a narrower port
    (Seebeck's, a fifth of the pitch) puffs shorter and carries more of its power above the first
    harmonic than Dove's half-pitch holes."""
    for program in (62, 81):
        note = siren_render.voice(_steady(BLOWN[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, BLOWN[program].kind)
    half = _decibels(dataclasses.replace(BLOWN[33], horn=0.0, box=0.0))
    assert half[1:10:2].max() < half[0:10:2].min() - 60.0
    third = _decibels(dataclasses.replace(BLOWN[16], horn=0.0, box=0.0))
    assert third[2:12:3].max() < np.delete(third, np.s_[2:12:3]).min() - 60.0
    assert _decibels(BLOWN[62]).min() > -40.0
    area = siren_render.overlap(BLOWN[62], np.array([0.0, 0.5]))
    assert area[0] == pytest.approx(np.pi * 0.25**2) and area[1] == 0.0

    def upper(patch: Instrument) -> float:  # the share of power above the first harmonic
        levels = np.abs(siren_render.spectrum(patch, 20)) ** 2
        return float(levels[1:].sum() / levels.sum())

    assert upper(BLOWN[81]) > 1.5 * upper(BLOWN[62])


def test_the_horn_cuts_under_its_flare_and_the_box_takes_the_note() -> None:
    """An exponential horn flared at `horn` of the note passes nothing under its cutoff and
    (1 - (fc / f)^2)^(1/4) above it; a resonance box on the note takes its harmonics at
    1 / |1 - n^2 + j n / Q| over Q: Helmholtz's double siren's second harmonic sits over 20 dB lower
    against its first than the same holes' bare."""
    n = np.arange(1, 6, dtype=np.float64)
    flared = dataclasses.replace(BLOWN[16], horn=1.5)
    assert siren_render.horn(flared, n)[0] == 0.0
    assert siren_render.horn(flared, n)[1:] == pytest.approx((1.0 - (1.5 / n[1:]) ** 2) ** 0.25)
    helmholtz = BLOWN[74]
    boxed, bare = _decibels(helmholtz), _decibels(dataclasses.replace(helmholtz, box=0.0))
    assert siren_render.box(helmholtz, n)[0] == pytest.approx(1.0)
    assert (boxed[1] - boxed[0]) < (bare[1] - bare[0]) - 20.0


def test_the_wind_opens_the_rotor_sags_and_the_chest_empties() -> None:
    """Dove's siren's C3: the wind opens as 1 - exp(-t / attack) and, once the key closes, the chest
    empties over its fall (over Q / (pi f) for a box that rings longer). The rotor starts `sag` cents
    under the note and is within its hunting of it after five `glide`s. A harder wind hisses more
    against the tone, by its square."""
    patch = BLOWN[62]
    hz = checks.hz_of(48)
    times = np.array([patch.attack, 1.0, 1.0 + patch.level[3]])
    level = siren_render.wind(patch, hz, 1.0, 127, times)
    assert level[0] == pytest.approx(1.0 - np.exp(-1.0), rel=1e-3)
    assert level[2] / level[1] == pytest.approx(np.exp(-1.0), rel=1e-3)
    boxed = dataclasses.replace(BLOWN[74], box=40.0)  # a box sharper than Helmholtz's rings longer
    ring = boxed.box / (np.pi * checks.hz_of(36))
    rung = siren_render.wind(boxed, checks.hz_of(36), 1.0, 127, np.array([1.0, 1.0 + ring]))
    assert ring > boxed.level[3] and rung[1] / rung[0] == pytest.approx(np.exp(-1.0), rel=1e-3)
    bent = siren_render.bend(patch, np.array([0.0, 5.0 * patch.glide]))
    assert bent[0] == pytest.approx(-patch.sag) and abs(bent[1]) < patch.hunt + 0.01 * patch.sag
    assert siren_render.hissing(patch, 100) == pytest.approx(4.0 * siren_render.hissing(patch, 50))


def test_the_sirens_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the ratchet's teeth, the rattle's
    clatter (on the ride and shaken) and the safety valve as grains after the stroke; what holds a
    tone (Dove's siren held) holds while the wind blows; and the split rendered by siren_render draws
    only what its set has, every siren measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(siren_render, SIREN_SET)
    checks.assert_grains_follow_the_stroke(siren_render, SIREN_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in SIREN_SET.drums.drums.values()) == 4
    held = siren_render.voice(BLOWN[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in SIREN_SETS]
    assert splits == ["souterrain"]
    kinds = {patch.kind for patch in SIREN_SET.programs.values()}
    siren_set = SIREN_SETS[SOUNDFONTS["souterrain"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("souterrain", siren_set, kinds)
