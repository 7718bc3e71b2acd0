"""The renderer of a nursery's toys: its notes' pitch, a rod's clamped-free modes lowered by its
thickness, a tube's air column's modes where an open or a capped pipe's physics puts them (its open
ends' correction falling as the mode rises, so its upper modes stand sharp of whole multiples), a
mode with a node where it is struck silent, a rod left ringing, a roll at its rate, a harder stroke
brighter, its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import toy_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.toy_render import TOY, TOY_SETS, Instrument

from .test_analysis_labelled_clips import (
    SR,
    assert_a_harder_stroke_is_brighter,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_grains_follow_the_stroke,
    assert_rolled_at_its_rate,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)

TOY_PIANO = TOY.programs[12]
BOOMWHACKER = TOY.programs[13]
UPRIGHT = TOY.programs[14]
ROLLED = TOY.programs[48]
CAPPED = TOY.programs[32]


def _quiet(patch: Instrument) -> Instrument:
    """`patch` with no knock: nothing sounds but its modes."""
    return dataclasses.replace(patch, knock=0.0)


@pytest.mark.parametrize("program", sorted(TOY.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: with no knock, the strongest
    frequency near the note is its pitch within a cent; as it is (knocks, rolls and all), within 10
    cents. Its first mode is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a
    quarter of its gain, and it is silent at its end."""
    patch = TOY.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        ratio = toy_render.ratios(patch, hz, SR)
        struck = toy_render.strokes(patch, 2.0, rng)
        levels = toy_render.levels(patch, hz, 2.0, 100, frames, ratio, struck)
        return np.asarray(levels, dtype=np.complex128)

    assert_sounds_its_pitch(toy_render, patch, _quiet(patch), weights)


def test_a_rod_rings_at_a_clamped_free_beams_modes_lowered_by_its_thickness() -> None:
    """A clamped-free beam's roots stand at 1.875, 4.694, 7.855 and 10.996 (its modes at 1, 6.267,
    17.547 and 34.386 times its first); a toy upright's thick rod, C3 struck, sounds its first three
    modes within half a cent of (b / b1)^2 sqrt((1 + s b1^2) / (1 + s b^2)), so its second stands
    under 6.267 times its first, and a toy piano's thinner rod's nearer it."""
    roots = toy_render.clamped_free()
    assert roots[:4] == pytest.approx((1.8751, 4.6941, 7.8548, 10.9955), abs=1e-4)
    assert [(b / roots[0]) ** 2 for b in roots[1:4]] == pytest.approx((6.267, 17.547, 34.386), abs=2e-3)
    hz = hz_of(48)
    rod = toy_render.voice(_quiet(UPRIGHT), (48.0,), 100, 1.0, SR)
    s = UPRIGHT.thickness
    for b in roots[:3]:
        where = hz * (b / roots[0]) ** 2 * np.sqrt((1 + s * roots[0] ** 2) / (1 + s * b**2))
        got = strongest_near(rod, where, 0.05, 0.5, width=0.01)
        assert cents_between(got, where) == pytest.approx(0.0, abs=0.5), b
    upright = toy_render.ratios(UPRIGHT, hz, SR)
    piano = toy_render.ratios(TOY_PIANO, hz, SR)
    assert upright[1] < piano[1] < 6.267 and upright[2] < piano[2]


def test_a_tubes_air_rings_at_an_open_or_a_capped_pipes_modes_sharp_of_whole_multiples() -> None:
    """An open end's correction is 0.6133 of the radius at low frequency and less as ka rises; an
    open tube's modes stand at whole multiples of its first, a capped one's at odd multiples, each a
    little sharp of there and more so the higher it goes (and the higher the note, the more); a
    boomwhacker, C4 struck, sounds its first three modes within half a cent of there."""
    bore = BOOMWHACKER.bore
    assert toy_render.end_correction(bore, np.array([1.0]))[0] == pytest.approx(0.6133 * bore, rel=1e-6)
    assert toy_render.end_correction(bore, np.array([2000.0]))[0] < 0.6 * bore
    for body, order in (("open", np.arange(1, 7)), ("capped", 2 * np.arange(1, 7) - 1)):
        low = toy_render.tube_modes(body, bore, hz_of(48))
        high = toy_render.tube_modes(body, bore, hz_of(72))
        assert low[0] == high[0] == 1.0
        assert np.all(low[1:] > order[1:]) and np.all(np.diff(low / order) > 0)
        assert np.all(high[1:] > low[1:]) and np.all(high[1:] < order[1:] * 1.03)
    hz = hz_of(60)
    tube = toy_render.voice(_quiet(BOOMWHACKER), (60.0,), 100, 1.0, SR)
    for ratio in toy_render.ratios(BOOMWHACKER, hz, SR)[:3]:
        got = strongest_near(tube, hz * ratio, 0.02, 0.3, width=0.01)
        assert cents_between(got, hz * ratio) == pytest.approx(0.0, abs=0.5), ratio


def test_a_mode_with_a_node_where_it_is_struck_is_silent() -> None:
    """An open tube struck at its middle sounds none of its even modes (their pressure's node there)
    and all of its odd ones; a capped tube's modes all move at its closed end; a rod struck at its
    clamp sounds nothing, near its free end every mode."""
    middle = dataclasses.replace(BOOMWHACKER, strike=0.5)
    levels = toy_render.spectrum(middle, 262.0, toy_render.ratios(middle, 262.0, SR))
    assert np.all(levels[1::2] < 1e-9 * levels[0]) and np.all(levels[0::2] > 1e-3 * levels[0])
    closed = dataclasses.replace(CAPPED, strike=1.0)
    assert np.all(toy_render.spectrum(closed, 65.0, toy_render.ratios(closed, 65.0, SR)) > 0.0)
    clamp = [toy_render.shape("rod", k, 0.0) for k in range(4)]
    assert clamp == pytest.approx([0.0] * 4, abs=1e-9)
    assert all(toy_render.shape("rod", k, 1.0) == pytest.approx(1.0) for k in range(4))


def test_a_rod_rings_on_where_a_tube_dies_quickly() -> None:
    """A toy piano has no dampers: its rod held 0.3 s still rings a second later, within 20 dB of
    where it was; a boomwhacker's air has fallen 40 dB by then."""
    hz = hz_of(64)
    rod = toy_render.voice(_quiet(TOY_PIANO), (64.0,), 100, 0.3, SR)
    assert level_at(rod, hz, 1.3, 0.05) > 0.1 * level_at(rod, hz, 0.05, 0.05)
    tube = toy_render.voice(_quiet(BOOMWHACKER), (64.0,), 100, 0.3, SR)
    assert level_at(tube, hz, 1.3, 0.05) < 1e-2 * level_at(tube, hz, 0.05, 0.05)


def test_a_held_rod_is_rolled_at_its_rate() -> None:
    """The toy piano's rod rolled for 3 s: its strokes come 1/roll s apart, each within its jitter, as
    long as it is held, each no softer than 1 - 4 jitter; its level swings at the roll's rate (the
    strongest swing between 2 and 30 Hz within 5% of it); struck once, it has no such swing."""
    assert_rolled_at_its_rate(toy_render, _quiet(ROLLED))


def test_a_harder_stroke_is_brighter() -> None:
    """A boomwhacker's third mode against its first is stronger at velocity 127 than at 40."""
    assert_a_harder_stroke_is_brighter(toy_render, BOOMWHACKER, 0.02, 2, 1.05, (np.zeros(1), np.ones(1)))


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, strokes and knocks; a
    program or a drum the set lacks is an error, never a stand-in; every stroke stays within its level
    and rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(toy_render, TOY)


def test_the_kit_rings_at_its_tuning_and_beads_jingles_and_boards_are_grains() -> None:
    """The toy bass drum's strongest frequency under 150 Hz is within 2% of its 92 Hz head; its snare
    struck at velocity 127 is louder than at 40; a piece with grains carries its stroke again at each
    grain (the hit is the stroke plus shifted, scaled copies of it), and one with none is its stroke
    alone."""
    drums = TOY.drums.drums
    kick = toy_render._hit(drums[36], 100, SR)
    assert strongest_near(kick, 92.0, 0.01, 0.3, width=0.3) == pytest.approx(92.0, rel=0.02)
    loud, soft = toy_render._hit(drums[38], 127, SR), toy_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    assert_grains_follow_the_stroke(toy_render, drums)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in TOY_SETS])
def test_a_split_rendered_by_toy_render_plays_only_what_its_instruments_have(split: str) -> None:
    """toy_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while it is rolled."""
    kinds = {patch.kind for patch in TOY.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, TOY_SETS[SOUNDFONTS[split]], kinds)
