"""The renderer of frame xylophones: its notes' pitch, the free-free bar's modes and the overtones a maker
carves, the mallet's stroke where it falls and how hard, the wood's loss, the gourd under the bar and the
membrane that buzzes only once the gourd drives it past its rim, the roll of a held note, a note drawn by
its seed, its kit and its grains, what a split it renders draws; and the production ravelin brought, a
festival's stage heard from far across a field, upwind."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import balafon_render, production_bus
from soundforge.testing.balafon_render import BALAFON_SET, BALAFON_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 12 a balafon, 13 a gyil, 108 a timbila (sanje), 32 a timbila (chikulu), 33 a marimba de tecomates'
# bass, 14 a marimba de tecomates, 15 an amadinda, 107 a small balafon, 48 a balafon rolled, 49 a gyil
# rolled
BALAFON = BALAFON_SET.programs


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, held 2 s and
    struck at velocity 100, rolled where it rolls (the strokes drawn by the generator)."""

    def weights(hz: float, frames: Signal, rng: np.random.Generator) -> Complex:
        ratio = balafon_render.ratios(patch, hz, SR)
        struck = balafon_render.strokes(patch, 2.0, rng)
        return balafon_render.levels(patch, hz, 2.0, 100, frames, ratio, struck).astype(np.complex128)

    return weights


def _band_share(samples: npt.NDArray[np.float32], band: tuple[float, float]) -> float:
    """The share of `samples`' power within `band` (Hz)."""
    power = np.abs(np.fft.rfft(samples.astype(np.float64))) ** 2
    f = np.fft.rfftfreq(samples.size, 1.0 / SR)
    return float(power[(f > band[0]) & (f < band[1])].sum() / power.sum())


@pytest.mark.parametrize("program", sorted(BALAFON_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: the strongest frequency near the note
    is its pitch within a cent (a bar holds its pitch, so still and as it is are one); the note's mode
    is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and
    it is silent at its end."""
    patch = BALAFON[program]
    checks.assert_sounds_its_pitch(balafon_render, patch, patch, _levels(patch))


def test_a_bar_s_modes_are_a_free_free_beam_s_until_its_maker_carves_them() -> None:
    """Left as the wood puts it (a gyil's, an amadinda's), a bar's modes stand at a free-free beam's
    1 : 2.756 : 5.404 : 8.933, on no harmonic; carved all the way, its first overtone stands where the
    tradition tunes it (a tecomates marimba's double octave), the modes above moved with it; part of
    the way, between, on a log scale."""
    assert balafon_render.bar_ratios(BALAFON[13]) == pytest.approx([1.0, 2.7565, 5.4039, 8.9330], abs=1e-3)
    assert balafon_render.bar_ratios(BALAFON[15]) == pytest.approx(balafon_render.bar_ratios(BALAFON[13]))
    tecomates = BALAFON[14]
    full = balafon_render.bar_ratios(dataclasses.replace(tecomates, trim=1.0))
    assert full[1] == pytest.approx(4.0) and full[2] / full[1] == pytest.approx(5.4039 / 2.7565, rel=1e-3)
    half = balafon_render.bar_ratios(dataclasses.replace(tecomates, trim=0.5))
    assert half[1] == pytest.approx(np.sqrt(2.7565 * 4.0), rel=1e-3)
    sanje = balafon_render.bar_ratios(dataclasses.replace(BALAFON[108], trim=1.0))
    assert sanje[1:3] == pytest.approx([3.0, 6.0])
    assert np.all(np.diff(balafon_render.bar_ratios(BALAFON[108])) > 0.0)


def test_the_mallet_drives_each_mode_by_its_shape_and_a_harder_stroke_is_brighter() -> None:
    """Struck in the middle, the bar's second mode (antisymmetric: a node there) is silent; struck off
    it, it sounds. A mallet struck harder touches for less time and the overtones rise against the
    note; a harder mallet (a shorter contact) is brighter still."""
    gyil = dataclasses.replace(BALAFON[13], gourd=(1.0, 1.0, 0.0))
    ratio = balafon_render.ratios(gyil, 220.0, SR)
    middle, _ = balafon_render.struck(dataclasses.replace(gyil, at=0.5), 220.0, 100, ratio)
    assert middle[1] < 1e-3 * middle[0]
    off, _ = balafon_render.struck(gyil, 220.0, 100, ratio)
    assert off[1] > 0.1 * off[0]
    loud, _ = balafon_render.struck(gyil, 220.0, 127, ratio)
    soft, _ = balafon_render.struck(gyil, 220.0, 40, ratio)
    assert loud[2] / loud[0] > 1.1 * soft[2] / soft[0]
    hard, _ = balafon_render.struck(dataclasses.replace(gyil, contact=0.0002), 220.0, 100, ratio)
    assert hard[3] / hard[0] > 2.0 * off[3] / off[0]


def test_the_wood_loses_the_same_share_each_radian_so_high_modes_and_bars_die_first() -> None:
    """A mode dies at pi f loss a second, and the mounting's 1 / hold besides: twice the frequency,
    twice the wood's part; a low bar rings longer than a high one."""
    balafon = BALAFON[12]
    rates = balafon_render.dying(balafon, 200.0, np.array([1.0, 2.0]))
    mounting = 1.0 / balafon.hold
    assert rates[0] == pytest.approx(np.pi * 200.0 * balafon.loss + mounting)
    assert rates[1] - mounting == pytest.approx(2.0 * (rates[0] - mounting))
    assert balafon_render.length(balafon, 110.0, 0.1) > 2.0 * balafon_render.length(balafon, 880.0, 0.1)


def test_the_gourd_lifts_the_note_it_stands_on_and_the_bar_alone_radiates_little_low() -> None:
    """The gourd's Helmholtz resonance, on the note, lifts it by its lift and passes little an octave
    and more away; with no gourd, nothing. The bar alone radiates a quarter as much an octave under
    its corner as at it, falling 12 dB an octave far below."""
    balafon = BALAFON[12]
    hz = 220.0
    on, off = balafon_render.gourd_response(balafon, np.array([hz, 2.7 * hz]), hz)
    assert on == pytest.approx(balafon.gourd[2]) and off < 0.1 * on
    assert not np.any(balafon_render.gourd_response(BALAFON[15], np.array([hz]), hz))
    bare, _ = balafon_render.radiated(balafon, np.array([1.0, 0.5, 0.01, 0.005]) * balafon.short, hz)
    assert bare[0] == pytest.approx(0.5) and bare[1] == pytest.approx(0.2)
    assert bare[2] / bare[3] == pytest.approx(4.0, rel=1e-3)


def test_the_membrane_buzzes_only_past_its_rim_and_only_with_a_gourd() -> None:
    """The membrane passes nothing while the gourd's swing stays inside its rim, and buzzes over its
    band once the swing passes it. A balafon struck hard buzzes (its rattle band richer than the same
    bar's with the membrane taken off); struck softly it does not reach the rim and sounds as the bare
    gourd does; an amadinda, with no gourd, and a gourd with no membrane never buzz."""
    balafon = BALAFON[12]
    t = np.arange(SR) / SR
    inside = balafon.gap * 0.9 * np.sin(2.0 * np.pi * 220.0 * t)
    assert not np.any(balafon_render.buzz(balafon, inside, 220.0, SR))
    past = balafon_render.buzz(balafon, 3.0 * inside, 220.0, SR)
    assert float(np.abs(past).max()) > 0.0
    assert _band_share(past.astype(np.float32), balafon.rattle) > 0.5
    bare = dataclasses.replace(balafon, membrane=0.0)
    hard, plain = (balafon_render.voice(p, (57.0,), 127, 1.0, SR, seed=[1]) for p in (balafon, bare))
    assert _band_share(hard, balafon.rattle) > 10.0 * _band_share(plain, balafon.rattle)
    soft, soft_plain = (balafon_render.voice(p, (57.0,), 20, 1.0, SR, seed=[1]) for p in (balafon, bare))
    assert np.array_equal(soft, soft_plain)
    amadinda = BALAFON[15]
    with_film = dataclasses.replace(amadinda, membrane=1.0)
    assert np.array_equal(
        balafon_render.voice(amadinda, (57.0,), 127, 1.0, SR, seed=[1]),
        balafon_render.voice(with_film, (57.0,), 127, 1.0, SR, seed=[1]),
    )


def test_a_held_note_is_rolled_at_its_rate_and_a_struck_one_is_not() -> None:
    """A balafon's held bar (program 48) is struck 1/roll s apart, each within its jitter, as long as
    it is held; its level swings at the roll's rate; struck once, it has no such swing."""
    checks.assert_rolled_at_its_rate(balafon_render, BALAFON[48])


def test_a_note_is_drawn_by_its_seed() -> None:
    """The same seed, the same note to the sample; another seed, another roll and knock."""
    rolled = BALAFON[49]
    first = balafon_render.voice(rolled, (60.0,), 100, 1.5, SR, seed=[3])
    assert np.array_equal(first, balafon_render.voice(rolled, (60.0,), 100, 1.5, SR, seed=[3]))
    assert not np.allclose(first, balafon_render.voice(rolled, (60.0,), 100, 1.5, SR, seed=[4]))


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of ravelin's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("ravelin", balafon_render, BALAFON_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the jingles and the beads as grains after the
    stroke; and the split rendered by balafon_render draws only what its set has, what holds a tone
    rolled while its key is down, no slower than a tremolo."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(balafon_render, BALAFON_SET)
    checks.assert_grains_follow_the_stroke(balafon_render, BALAFON_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in BALAFON_SETS]
    assert splits == ["ravelin"]
    kinds = {patch.kind for patch in BALAFON_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains(
        "ravelin", BALAFON_SETS[SOUNDFONTS["ravelin"]], kinds
    )


def test_the_refraction_shadow_takes_more_the_higher_as_a_cube_root() -> None:
    """Nothing under the shadow's corner; `depth` dB at 1 kHz; above it, growing as the cube root of
    the frequency; never more than `most`."""
    f = np.array([50.0, 200.0, 1000.0, 8000.0, 1e6])
    lost = production_bus.shadow_loss(f, 12.0, 200.0, 45.0)
    assert lost[0] == lost[1] == 0.0 and lost[2] == pytest.approx(12.0)
    expected = 12.0 * (np.cbrt(8000.0) - np.cbrt(200.0)) / (np.cbrt(1000.0) - np.cbrt(200.0))
    assert lost[3] == pytest.approx(expected) and lost[4] == 45.0


def test_the_eddies_wander_slowly_about_nothing() -> None:
    """The eddies' wander: zero mean, unit root mean square, nothing left of it above a few hertz (no
    beat a listener could tap), the same for the same draw."""
    wander = production_bus.eddies(np.random.default_rng(3), 1.5, 20 * SR, SR)
    assert abs(float(np.mean(wander))) < 1e-9 and float(np.sqrt(np.mean(wander**2))) == pytest.approx(1.0)
    power = np.abs(np.fft.rfft(wander)) ** 2
    f = np.fft.rfftfreq(wander.size, 1.0 / SR)
    assert power[f > 2.0].sum() < 1e-3 * power.sum()
    assert np.array_equal(wander, production_bus.eddies(np.random.default_rng(3), 1.5, 20 * SR, SR))


def test_a_stage_heard_upwind_keeps_every_partial_where_it_was_and_loses_its_highs() -> None:
    """The whole step, shadow and scatter, wind and grass: a low partial and a high one both come out
    where they went in (the high one within a third of a cent), nothing else standing over them near
    them, the high one 8 dB weaker against the low one than it went in, at least; finite, as long; the
    same draw gives the same sound, another another."""
    t = np.arange(6 * SR) / SR
    low, high = np.sin(2.0 * np.pi * 300.0 * t), np.sin(2.0 * np.pi * 3000.0 * t)
    heard = production_bus.upwind(low + high, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 5 * SR]))
    assert int(np.argmax(spectrum[400:2000])) + 400 == 1200
    # The scattered path's wander turns the highs' phase by tens of microseconds: far under a third of
    # a cent at 3 kHz, two bins of this spectrum.
    assert abs(int(np.argmax(spectrum[10000:14000])) + 10000 - 12000) <= 2
    assert spectrum[12000] < 0.4 * spectrum[1200]
    assert np.array_equal(heard, production_bus.upwind(low + high, SR, np.random.default_rng(5)))
    assert not np.allclose(heard, production_bus.upwind(low + high, SR, np.random.default_rng(6)))
