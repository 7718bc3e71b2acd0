"""The renderer of instruments of stone, earth and wood: its notes' pitch, a slab's free-free modes
and a tongue's clamped-free ones where physics puts them, a thick slab's lowered, a mode with a node
under the beater silent, an udu's air swept onto its note, the beaters' roll, a harder stroke
brighter, its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import earth_render
from soundforge.testing.earth_render import EARTH, EARTH_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

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

SLATE = EARTH.programs[12]
SLIT_DRUM = EARTH.programs[13]
ROCK_GONG = EARTH.programs[14]
ROLLED = EARTH.programs[48]
UDU = EARTH.programs[32]


def _quiet(patch: Instrument) -> Instrument:
    """`patch` with no knock: nothing sounds but its modes."""
    return dataclasses.replace(patch, knock=0.0) if patch.body != "pot" else patch


@pytest.mark.parametrize("program", sorted(EARTH.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: with no knock, the strongest
    frequency near the note is its pitch within a cent; as it is (knocks, rolls and all), within 10
    cents. Its first mode is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a
    quarter of its gain, and it is silent at its end."""
    patch = EARTH.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        ratio = earth_render.ratios(patch, hz, SR)
        struck = earth_render.strokes(patch, 2.0, rng)
        levels = earth_render.levels(patch, hz, 2.0, 100, frames, ratio, struck)
        return np.asarray(levels, dtype=np.complex128)

    assert_sounds_its_pitch(earth_render, patch, _quiet(patch), weights)


def test_a_slab_rings_at_a_free_free_bars_modes_lowered_by_its_thickness() -> None:
    """A free-free beam's roots stand at 4.730, 7.853, 10.996 and 14.137 (its modes at 1, 2.756,
    5.404 and 8.933 times its first); a slate slab, C3 struck, sounds each of its modes within half a
    cent of (b / b1)^2 sqrt((1 + s b1^2) / (1 + s b^2)), so its second stands under 2.756 times its
    first and a thicker rock gong's lower still."""
    roots = earth_render.free_free()
    assert roots[:4] == pytest.approx((4.7300, 7.8532, 10.9956, 14.1372), abs=1e-4)
    assert [(b / roots[0]) ** 2 for b in roots[:4]] == pytest.approx((1.0, 2.7565, 5.4039, 8.9330), abs=1e-3)
    hz = hz_of(48)
    slab = earth_render.voice(_quiet(SLATE), (48.0,), 100, 1.0, SR)
    s = SLATE.thickness
    for b in roots[:3]:
        where = hz * (b / roots[0]) ** 2 * np.sqrt((1 + s * roots[0] ** 2) / (1 + s * b**2))
        got = strongest_near(slab, where, 0.05, 0.5, width=0.01)
        assert cents_between(got, where) == pytest.approx(0.0, abs=0.5), b
    slate = earth_render.ratios(SLATE, hz, SR)
    gong = earth_render.ratios(ROCK_GONG, hz, SR)
    assert slate[1] < 2.74 and gong[1] < slate[1] and gong[2] < slate[2]


def test_a_tongue_rings_at_a_cantilevers_modes() -> None:
    """A clamped-free beam's roots stand at 1.875, 4.694 and 7.855 (its modes at 1, 6.267 and 17.547
    times its first); a slit drum's tongue, C3 struck, sounds its first two within half a cent of
    there."""
    roots = earth_render.clamped_free()
    assert roots[:3] == pytest.approx((1.8751, 4.6941, 7.8548), abs=1e-4)
    hz = hz_of(48)
    tongue = earth_render.voice(_quiet(SLIT_DRUM), (48.0,), 100, 1.0, SR)
    for b in roots[:2]:
        where = hz * (b / roots[0]) ** 2
        got = strongest_near(tongue, where, 0.02, 0.3, width=0.01)
        assert cents_between(got, where) == pytest.approx(0.0, abs=0.5), b


def test_a_mode_with_a_node_under_the_beater_is_silent() -> None:
    """A free-free slab struck at its middle has no second mode (an odd shape, its node there); struck
    at 0.224 of its length, the first mode's node, its first is the floor's alone; struck at an end,
    every mode sounds."""
    middle = dataclasses.replace(SLATE, strike=0.5, formants=())
    levels = earth_render.spectrum(middle, 110.0, earth_render.ratios(middle, 110.0, SR))
    assert levels[1] < 1e-9 * levels[0] and levels[2] > 0.01 * levels[0]
    node = dataclasses.replace(SLATE, strike=0.2242, formants=())
    levels = earth_render.spectrum(node, 110.0, earth_render.ratios(node, 110.0, SR))
    assert levels[0] < 0.01 * levels[1]
    end = dataclasses.replace(SLATE, strike=0.0, formants=())
    levels = earth_render.spectrum(end, 110.0, earth_render.ratios(end, 110.0, SR))
    assert np.all(levels > 0.0)


def test_an_udu_sweeps_its_air_onto_the_note_and_its_shell_dies_at_once() -> None:
    """An udu's pot, A3 slapped: its air's frequency starts `sweep` under the note and stands on it
    within `settle`; its strongest frequency near the note over the next half second is the note
    within a cent; its shell's first mode, `shell` times the note, has fallen over 40 dB 0.1 s on."""
    track = earth_render.pitch_track(UDU, np.array([0.0, UDU.settle, 2 * UDU.settle]))
    assert track[0] == pytest.approx(1.0 - UDU.sweep) and track[1] > 0.99 and track[2] > 0.999
    hz = hz_of(57)
    pot = earth_render.voice(UDU, (57.0,), 100, 1.0, SR)
    assert cents_between(strongest_near(pot, hz, 0.1, 0.5, width=0.05), hz) == pytest.approx(0.0, abs=1.0)
    shell = UDU.shell * hz
    assert level_at(pot, shell, 0.15, 0.05) < 1e-2 * level_at(pot, shell, 0.0, 0.05)


def test_the_beaters_roll_a_held_slab_at_their_rate() -> None:
    """The slate slab rolled for 3 s: its strokes come 1/roll s apart, each within its jitter, as
    long as it is held, each no softer than 1 - 4 jitter; its level swings at the roll's rate (the
    strongest swing between 2 and 30 Hz within 5% of it); struck once, it has no such swing."""
    assert_rolled_at_its_rate(earth_render, _quiet(ROLLED))


def test_a_harder_stroke_is_brighter() -> None:
    """The rock gong's third mode against its first is stronger at velocity 127 than at 40."""
    assert_a_harder_stroke_is_brighter(earth_render, ROCK_GONG, 0.05, 2, 1.05, (np.zeros(1), np.ones(1)))


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, strokes and knocks; a
    program or a drum the set lacks is an error, never a stand-in; every stroke stays within its level
    and rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(earth_render, EARTH)


def test_the_kit_rings_at_its_tuning_the_udu_rises_onto_it_and_pebbles_are_grains() -> None:
    """The udu's bloop's strongest frequency under 100 Hz, after its rise, is within 2% of 72 Hz, and
    in its first 10 ms it sits lower; the udu slapped at velocity 127 is louder than at 40; a piece
    with grains carries its stroke again at each grain (the hit is the stroke plus shifted, scaled
    copies of it), and one with none is its stroke alone."""
    drums = EARTH.drums.drums
    bloop = earth_render._hit(drums[36], 100, SR)
    assert strongest_near(bloop, 72.0, 0.06, 0.5, width=0.3) == pytest.approx(72.0, rel=0.02)
    loud, soft = earth_render._hit(drums[38], 127, SR), earth_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    assert_grains_follow_the_stroke(earth_render, drums, stroked=lambda drum: not drum.rise)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in EARTH_SETS])
def test_a_split_rendered_by_earth_render_plays_only_what_its_instruments_have(split: str) -> None:
    """earth_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while the beaters roll it."""
    kinds = {patch.kind for patch in EARTH.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, EARTH_SETS[SOUNDFONTS[split]], kinds)
