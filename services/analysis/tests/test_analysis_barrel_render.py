"""The renderer of mechanical music: its notes' pitch, a stiff string's stretched partials and a comb
tooth's cantilever modes where physics puts them, the pick's position, the star wheel's tremolo,
the damper, a harder stroke brighter, its levels, its traps and their bouncing beaters, and what a
split it renders draws."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import barrel_render, struck_render
from soundforge.testing.barrel_render import BARREL, BARREL_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_a_harder_stroke_is_brighter,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    level_swing,
    strongest_near,
)

ZITHER = BARREL.programs[46]
HELD = BARREL.programs[48]
COMB = BARREL.programs[8]
BASS_STRINGS = BARREL.programs[32]
BASS_TEETH = BARREL.programs[33]


def _still(patch: Instrument) -> Instrument:
    """`patch` as one string or one tooth a note: a disc box's twin combs' second comb left out."""
    return dataclasses.replace(patch, voices=1, detune=0.0)


def _quiet(patch: Instrument) -> Instrument:
    """`patch` held still with no tick: nothing sounds but its partials."""
    return dataclasses.replace(_still(patch), tick=0.0)


@pytest.mark.parametrize("program", sorted(BARREL.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: as one string or tooth, the strongest
    frequency near the note is its pitch within a cent; as it is (twin combs, picks' jitter, ticks
    and all), within 10 cents. Its first partial is never under FUNDAMENTAL_FLOOR of the loudest;
    its level never passes a quarter of its gain, and it is silent at its end."""
    patch = BARREL.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        ratio = barrel_render.ratios(patch, hz, SR)
        picked = barrel_render.picks(patch, 2.0, rng)
        levels = barrel_render.levels(patch, hz, 2.0, 100, frames, ratio, picked)
        return np.asarray(levels, dtype=np.complex128)

    assert_sounds_its_pitch(barrel_render, patch, _still(patch), weights)


def test_a_stiff_string_stretches_its_partials() -> None:
    """The zither's bass string, C3 picked once quietly: each partial its pick does not silence stands
    within half a cent of n f sqrt((1 + B n^2) / (1 + B)), the first on the note; the tenth, stretched
    by its stiffness, sits over 5 cents above ten times the note."""
    patch = _quiet(BASS_STRINGS)
    note = barrel_render.voice(patch, (48.0,), 100, 3.0, SR)
    hz = hz_of(48)
    stiffness = patch.stiffness
    assert cents_between(strongest_near(note, hz, 0.1, 1.0, width=0.03), hz) == pytest.approx(0.0, abs=0.5)
    for n in range(2, 11):
        if abs(np.sin(n * np.pi * patch.pick)) < 0.3:
            continue
        where = n * hz * np.sqrt((1 + stiffness * n**2) / (1 + stiffness))
        got = strongest_near(note, where, 0.1, 1.0, width=0.01)
        assert cents_between(got, where) == pytest.approx(0.0, abs=0.5), n
    assert cents_between(strongest_near(note, 10 * hz, 0.1, 1.0, width=0.01), 10 * hz) > 5.0


def test_a_comb_tooth_rings_at_a_cantilevers_modes() -> None:
    """A clamped-free beam's modes stand at 1, 6.267, 17.547 and 34.386 times its first; a cylinder
    box's tooth, C3 plucked, sounds each within half a cent of there. A lead weight at a bass tooth's
    tip spreads them: its second mode stands over 9 times its first."""
    assert barrel_render.cantilever(0.0) == pytest.approx((1.0, 6.2669, 17.5475, 34.3861), rel=1e-4)
    heavy = barrel_render.cantilever(BASS_TEETH.weight)
    assert heavy[1] > 9.0 and all(b > a for a, b in itertools.pairwise(heavy))
    hz = hz_of(48)
    tooth = barrel_render.voice(_quiet(COMB), (48.0,), 100, 1.0, SR)
    for ratio in barrel_render.cantilever(0.0):
        got = strongest_near(tooth, ratio * hz, 0.05, 0.5, width=0.01)
        assert cents_between(got, ratio * hz) == pytest.approx(0.0, abs=0.5), ratio
    weighted = barrel_render.voice(_quiet(BASS_TEETH), (48.0,), 100, 1.0, SR)
    got = strongest_near(weighted, heavy[1] * hz, 0.05, 0.5, width=0.01)
    assert cents_between(got, heavy[1] * hz) == pytest.approx(0.0, abs=0.5)


def test_a_partial_with_a_node_under_the_pick_is_silent() -> None:
    """A string picked at a quarter of its length has no fourth and no eighth partial; picked at a
    fifth, no fifth and no tenth."""
    for pick, silent in ((0.25, (4, 8)), (0.2, (5, 10))):
        patch = dataclasses.replace(ZITHER, pick=pick, formants=())
        levels = barrel_render.spectrum(patch, 110.0, barrel_render.ratios(patch, 110.0, SR))
        for n in silent:
            assert levels[n - 1] < 1e-12 * levels[0]
        assert levels[1] > 0.1 * levels[0]


def test_the_star_wheel_repicks_a_held_string_at_its_rate() -> None:
    """The zither held 3 s: its picks come 1/repeat s apart, each within its jitter, for as long as it is
    held; its level swings at the star wheel's rate (the strongest swing between 2 and 30 Hz within
    5% of it); picked once, a string's level has no such swing."""
    picked = barrel_render.picks(HELD, 3.0, np.random.default_rng(2))
    period = 1.0 / HELD.repeat
    assert picked[0] == 0.0 and picked[-1] < 3.0 <= picked[-1] + 1.5 * period
    assert np.all(np.abs(np.diff(picked) - period) <= 2.0 * HELD.jitter * period + 1e-12)
    note = barrel_render.voice(_quiet(HELD), (57.0,), 100, 3.0, SR)

    rate, depth = level_swing(note, HELD.repeat)
    assert rate == pytest.approx(HELD.repeat, rel=0.05)
    once = barrel_render.voice(_quiet(dataclasses.replace(HELD, repeat=0.0)), (57.0,), 100, 3.0, SR)
    assert level_swing(once, HELD.repeat)[1] < 0.2 * depth


def test_a_damper_stops_a_string_and_a_tooth_rings_on() -> None:
    """C4 held 1 s: 0.4 s after the disc's slot has passed, the zither's damped string has fallen over
    20 dB from 0.2 s before; a comb tooth, with no damper, has fallen by under 10 dB over the same
    span (its own ring)."""
    hz = hz_of(60)
    string = barrel_render.voice(_quiet(ZITHER), (60.0,), 100, 1.0, SR)
    tooth = barrel_render.voice(_quiet(COMB), (60.0,), 100, 1.0, SR)
    assert level_at(string, hz, 1.4, 0.1) < 1e-2 * level_at(string, hz, 0.8, 0.1)
    assert level_at(tooth, hz, 1.4, 0.1) > 0.1 * level_at(tooth, hz, 0.8, 0.1)


def test_a_harder_stroke_is_brighter() -> None:
    """The zither's fifth partial against its first is stronger at velocity 127 than at 40."""
    assert_a_harder_stroke_is_brighter(barrel_render, ZITHER, 0.05, 4, 1.1, np.zeros(1))


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, picks and ticks; a program
    or a drum the set lacks is an error, never a stand-in; every stroke stays within its level and
    rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(barrel_render, BARREL)


def test_the_traps_ring_at_their_tuning_louder_for_a_harder_trip_and_their_beaters_bounce() -> None:
    """The bass drum's strongest frequency under 100 Hz is within 2% of 58 Hz; the side drum tripped at
    velocity 127 is louder than at 40; a trap whose beater bounces carries its stroke again at each
    bounce (the hit, less its stroke and its tick, is the stroke shifted and scaled), and one with
    neither bounce nor tick is its stroke alone."""
    drums = BARREL.drums.drums
    kick = barrel_render._hit(drums[36], 100, SR)
    assert strongest_near(kick, 58.0, 0.05, 0.5, width=0.3) == pytest.approx(58.0, rel=0.02)
    loud, soft = barrel_render._hit(drums[38], 127, SR), barrel_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    for drum in drums.values():
        hit = barrel_render._hit(drum, 100, SR).astype(np.float64)
        stroke = struck_render.hit(barrel_render._SALT, drum, 100, SR).astype(np.float64)
        expected = np.pad(stroke, (0, hit.size - stroke.size))
        for at, share in drum.bounces:
            start = round(at * SR)
            expected[start : start + stroke.size] += share * stroke
        tick = round(8 * barrel_render._TICK * SR)
        scale = float(np.dot(hit[tick:], expected[tick:]) / np.dot(expected[tick:], expected[tick:]))
        assert np.allclose(hit[tick:], scale * expected[tick:], atol=1e-6)
        if not drum.bounces and not drum.tick:
            assert scale == pytest.approx(1.0)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in BARREL_SETS])
def test_a_split_rendered_by_barrel_render_plays_only_what_its_instruments_have(split: str) -> None:
    """barrel_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while the star wheel or the pins
    repick it."""
    kinds = {patch.kind for patch in BARREL.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, BARREL_SETS[SOUNDFONTS[split]], kinds)
