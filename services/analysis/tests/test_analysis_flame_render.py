"""The renderer of singing flames, tubes set sounding by heat: its notes' pitch, King's law's heat
pulse (a limit cycle, every partial on a harmonic of the note, a harder drive sharpening it), the
tube's resonances at k f (open at both ends) and (2k - 1) f (closed at its heated end, its even
harmonics weak), the heat's place along the tube, the hot gas's speed of sound, the oscillation
growing and brightening, the tube's warming onto the note, its levels, its kit and its grains, and
what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import flame_render
from soundforge.testing.flame_render import FLAME_SET, FLAME_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
SUNG = FLAME_SET.programs  # 56 the pyrophone, 22 Rijke tubes, 58 a pulse combustor, 48 the pyrophone held


def _steady(patch: Instrument) -> Instrument:
    """`patch` sung steadily: no roar, no flicker, no flutter and no warming onto the note, so nothing
    sounds but the tube's limit cycle."""
    return dataclasses.replace(patch, roar=0.0, flicker=0.0, flutter=0.0, scoop=0.0)


def _sung_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = flame_render.count(hz, SR)
        return flame_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(FLAME_SET.programs))
def test_every_flame_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every flame, bent to A=432, from E2 to E5: sung steadily, the strongest frequency near
    the note is its pitch within a cent; as it is (the roar, the flicker, the warming), within 10
    cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes
    a quarter of its gain, and it is silent at its end."""
    sung = SUNG[program]
    checks.assert_sounds_its_pitch(flame_render, sung, _steady(sung), _sung_levels(sung))


def test_a_limit_cycle_stands_on_the_harmonics_and_kings_law_sharpens_the_heat() -> None:
    """The pyrophone's and the pulse combustor's C3 sung steadily: their partials stand on the note's
    harmonics within a cent and nothing between them. The heat is King's law of the swing: barely
    driven, sqrt(1 + d u) - 1 is near d u / 2, a pure first harmonic; driven past the mean flow
    (d > 1) the flow reverses for part of the period and the pulse's harmonics from the second to
    the tenth carry over ten times the share of its power they carry at d = 0.2; a louder note
    drives harder and sounds brighter."""
    for program in (56, 58):
        note = flame_render.voice(_steady(SUNG[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, SUNG[program].kind)
    patch = SUNG[22]
    barely = np.abs(flame_render.heat(patch, 0.2 / patch.drive))
    assert barely[1:10].max() < 0.06 * barely[0]
    hard = np.abs(flame_render.heat(patch, 1.0))
    assert patch.drive > 1.0

    def upper(pulse: npt.NDArray[np.float64]) -> float:  # the share of power from the 2nd to the 10th
        return float((pulse[1:10] ** 2).sum() / (pulse[:10] ** 2).sum())

    assert upper(hard) > 10.0 * upper(barely)
    for program in (56, 61):
        loud, soft = (flame_render.spectrum(SUNG[program], checks.hz_of(48), v, 30) for v in (127, 40))
        assert (loud[1:] ** 2).sum() / (loud**2).sum() > (soft[1:] ** 2).sum() / (soft**2).sum()


def test_the_tube_resonates_where_its_ends_and_its_heat_say() -> None:
    """An open tube's resonances lie on every harmonic, one closed at its heated end on the odd ones
    only: the pulse combustor's even harmonics lie between its resonances (through its tube, its
    first three odd ones over four times its first three even ones), its second over 15 dB under
    the same heat pulse through an open tube. The heat drives each resonance by its pressure's shape
    where the heat is: Rijke tubes' gauzes a quarter of the way up leave the fourth resonance
    undriven (sin(pi) = 0), so through the tube alone the fourth harmonic (only its neighbours'
    skirts) is over 10 dB under the third and the fifth. The tube is cut for its hot gas:
    c = 343 sqrt(T / 293) m/s, its length c / (2 f), or c / (4 f) closed, longer than the same pipe's
    cold."""
    hz = checks.hz_of(48)
    n = np.arange(1, 11, dtype=np.float64)
    closed = np.abs(flame_render.tube(SUNG[58], hz, n * hz))
    opened = np.abs(flame_render.tube(dataclasses.replace(SUNG[58], closed=False, source=0.25), hz, n * hz))
    assert closed[0:6:2].min() > 4.0 * closed[1:6:2].max()
    assert 20 * np.log10(opened[1] / opened[0]) - 20 * np.log10(closed[1] / closed[0]) > 15.0
    rijke = np.abs(flame_render.tube(SUNG[22], hz, n * hz))
    assert 20 * np.log10(min(rijke[2], rijke[4]) / rijke[3]) > 10.0
    assert flame_render.hot_speed(flame_render.COLD) == pytest.approx(flame_render.SOUND_SPEED)
    assert flame_render.hot_speed(4.0 * flame_render.COLD) == pytest.approx(2.0 * flame_render.SOUND_SPEED)
    pyrophone, combustor = SUNG[56], SUNG[58]
    assert pyrophone.length(hz) == pytest.approx(flame_render.hot_speed(pyrophone.kelvin) / (2.0 * hz))
    assert combustor.length(hz) == pytest.approx(flame_render.hot_speed(combustor.kelvin) / (4.0 * hz))
    assert pyrophone.length(hz) > flame_render.SOUND_SPEED / (2.0 * hz)


def test_the_oscillation_grows_brightening_and_the_tube_warms_onto_the_note() -> None:
    """The pyrophone's C3: its level rises from 1% as an instability's does, past half within five
    `grow`s, and, at the first frames, its harmonics past the first carry less of its power than once
    grown (the heat's law near linear at a small swing). Once the heat is parted the tube rings down
    over the longer of its fall and Q / (pi f). A singing flame starts `scoop` cents under the note
    and is on it within five `glide`s."""
    patch = _steady(SUNG[56])
    hz = checks.hz_of(48)
    frames = np.arange(0, 400, dtype=np.float64) * flame_render.FRAME
    level = flame_render.grown(patch, hz, 1.0, 100, frames)
    assert level[0] == pytest.approx(0.01 * level.max(), rel=0.05)
    assert level[frames <= 5.0 * patch.grow][-1] > 0.5 * level.max()
    weights = flame_render.levels(patch, hz, 1.0, 100, frames, 20)

    def upper(row: npt.NDArray[np.float64]) -> float:
        return float((row[1:] ** 2).sum() / (row**2).sum())

    assert upper(weights[0]) < 0.9 * upper(weights[100])
    after = np.array([1.0, 1.0 + max(patch.level[3], patch.tube_q / (np.pi * hz))])
    rung = flame_render.grown(patch, hz, 1.0, 100, after)
    assert rung[1] / rung[0] == pytest.approx(np.exp(-1.0), rel=0.02)
    lead = dataclasses.replace(SUNG[59], flutter=0.0)
    times = np.array([0.0, 5.0 * lead.glide])
    assert flame_render.bend(lead, times) == pytest.approx([-lead.scoop, 0.0], abs=0.01 * lead.scoop)


def test_the_flames_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the match's flare, the flash paper,
    the crackling embers, the torch's flare and the shaken embers as grains after the stroke; what
    holds a tone (the pyrophone held) holds while the heat sings it; and the split rendered by
    flame_render draws only what its set has, every flame measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(flame_render, FLAME_SET)
    checks.assert_grains_follow_the_stroke(flame_render, FLAME_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in FLAME_SET.drums.drums.values()) == 6
    held = flame_render.voice(SUNG[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in FLAME_SETS]
    assert splits == ["fogou"]
    kinds = {patch.kind for patch in FLAME_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("fogou", FLAME_SETS[SOUNDFONTS["fogou"]], kinds)
