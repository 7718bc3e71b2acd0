"""The renderer of psalteries plucked by hand: its notes' pitch, a string's modes where a stiff
string's physics puts them, a mode with a node where it is plucked silent, a hard pluck starting sharp
and easing onto the note, a kantele's varras doubling its first mode, a guzheng's press only raising
the pitch, a tremolo at its rate, its levels, its kit and its grains, and what a split it renders
draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import psaltery_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.psaltery_render import PSALTERY_SET, PSALTERY_SETS, Instrument

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_grains_follow_the_stroke,
    assert_sounds_its_pitch,
    assert_strummed_at_its_rate,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)

KANTELE = PSALTERY_SET.programs[15]
QANUN = PSALTERY_SET.programs[16]
GUZHENG = PSALTERY_SET.programs[17]
TREMOLO = PSALTERY_SET.programs[48]
PRESSED = PSALTERY_SET.programs[104]


def _still(patch: Instrument) -> Instrument:
    """`patch` with no snap, no glide, no varras, no press and one string: nothing sounds but its
    modes, on their own frequencies."""
    return dataclasses.replace(patch, snap=0.0, glide=0.0, varras=0.0, press=(0.0, 0.0, 0.0), course=1)


@pytest.mark.parametrize("program", sorted(PSALTERY_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: held still, the strongest frequency
    near the note is its pitch within a cent; as it is (snaps, glides, presses and all), within 10
    cents. Its first mode is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a
    quarter of its gain, and it is silent at its end."""
    patch = PSALTERY_SET.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        ratio = psaltery_render.ratios(patch, hz, SR)
        struck = psaltery_render.rolled_render.strokes(patch.roll, patch.jitter, 2.0, rng)
        levels = psaltery_render.levels(patch, hz, 2.0, 100, frames, ratio, struck)
        return np.asarray(levels, dtype=np.complex128)

    assert_sounds_its_pitch(psaltery_render, patch, _still(patch), weights)


def test_a_string_rings_at_a_stiff_strings_modes() -> None:
    """A bass kantele's wound string (B = 0.0008), C3 plucked: its second, third and fourth modes
    within a cent of n sqrt(1 + B n^2) / sqrt(1 + B) times its first, so each stands sharp of the
    whole multiple, the fourth by more than the second."""
    patch = _still(PSALTERY_SET.programs[34])
    hz = hz_of(48)
    string = psaltery_render.voice(patch, (48.0,), 100, 1.0, SR)
    first = strongest_near(string, hz, 0.2, 1.0, width=0.02)
    b = patch.stiffness
    for n in (2, 3, 4):
        ratio = n * np.sqrt(1.0 + b * n**2) / np.sqrt(1.0 + b)
        got = strongest_near(string, ratio * first, 0.2, 1.0, width=0.01)
        assert abs(cents_between(got, ratio * first)) < 1.0, n
        assert cents_between(got, n * first) > 1.0, n


def test_a_mode_with_a_node_where_it_is_plucked_is_silent() -> None:
    """A guzheng's string plucked at a quarter of its length: its fourth mode (a node there) sounds
    at least 40 dB under its third."""
    patch = dataclasses.replace(_still(GUZHENG), pluck=0.25, formants=())
    string = psaltery_render.voice(patch, (48.0,), 100, 1.0, SR)
    ratio = psaltery_render.ratios(patch, hz_of(48), SR)
    third = level_at(string, ratio[2] * hz_of(48), 0.1, 0.5)
    fourth = level_at(string, ratio[3] * hz_of(48), 0.1, 0.5)
    assert 10.0 * np.log10(third / fourth) > 40.0


def test_a_hard_pluck_starts_sharp_and_eases_onto_the_note() -> None:
    """A kantele's string plucked hard, its varras and snap aside: its pitch in the first tenth of a
    second stands sharp of the note by about its glide's share, and three seconds on within a cent
    of it; bend() is 1 where the fundamental has died."""
    patch = dataclasses.replace(KANTELE, snap=0.0, varras=0.0)
    hz = hz_of(60)
    string = psaltery_render.voice(patch, (60.0,), 127, 4.0, SR)
    early = cents_between(strongest_near(string, hz, 0.0, 0.15, width=0.02), hz)
    late = cents_between(strongest_near(string, hz, 3.0, 1.0, width=0.02), hz)
    assert 2.0 < early < patch.glide + 2.0 and abs(late) < 1.0
    times = np.zeros(3)
    assert psaltery_render.bend(patch, 127, times, np.zeros(3)) == pytest.approx(np.ones(3))


def test_a_kanteles_varras_doubles_its_first_mode_beside_its_second() -> None:
    """With its varras, a kantele's C3 sounds a partial at exactly twice its first mode's frequency as
    well as its own second mode (stiffness stretching it sharp); without it, nothing at twice the
    first but the second mode's own skirt."""
    hz = hz_of(48)
    plain = dataclasses.replace(_still(KANTELE), stiffness=0.02)
    doubled = dataclasses.replace(plain, varras=0.5)
    with_bar = psaltery_render.voice(doubled, (48.0,), 100, 2.0, SR)
    without = psaltery_render.voice(plain, (48.0,), 100, 2.0, SR)
    assert level_at(with_bar, 2.0 * hz, 0.1, 1.0) > 30.0 * level_at(without, 2.0 * hz, 0.1, 1.0)
    second = 2.0 * np.sqrt(1.0 + 4 * 0.02) / np.sqrt(1.02) * hz
    assert abs(cents_between(strongest_near(with_bar, second, 0.1, 1.0, width=0.005), second)) < 1.5


def test_a_press_behind_the_bridge_only_raises_the_pitch() -> None:
    """bend() with a press and no glide never goes under 1 and reaches its depth's ratio; before its
    delay it is 1."""
    patch = dataclasses.replace(PRESSED, glide=0.0)
    times = np.arange(3 * SR) / SR
    ratio = psaltery_render.bend(patch, 100, times, np.ones(times.size))
    depth, _, after = patch.press
    assert ratio.min() >= 1.0 and ratio.max() == pytest.approx(2.0 ** (depth / 1200.0), rel=1e-4)
    assert np.all(ratio[times < after] == 1.0)


def test_a_tremolo_repicks_at_its_rate() -> None:
    """A guzheng's string in tremolo held 2 s is picked every 1/roll s (each within `jitter` of a
    period) and rings while held; plucked once, it has one pick."""
    assert_strummed_at_its_rate(psaltery_render, TREMOLO, GUZHENG)


def test_every_program_and_drum_renders_the_same_and_stays_in_its_level() -> None:
    assert_every_patch_and_drum_drawn_by_its_seed(psaltery_render, PSALTERY_SET)


def test_the_kit_rings_and_its_ridges_and_levers_are_grains() -> None:
    """Every drum in the kit rings or hisses, finite; one with grains is its stroke and the grains
    after it, brought back to the stroke's peak."""
    assert_grains_follow_the_stroke(psaltery_render, PSALTERY_SET.drums.drums)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in PSALTERY_SETS])
def test_a_split_rendered_by_psaltery_render_plays_only_what_its_instruments_have(split: str) -> None:
    """psaltery_render refuses a program or a drum its set lacks: every program, kit and drum the
    split draws (the free-time chords' bass, program 48, too) must be in its set; it has every
    instrument measured above; what holds a tone or a free-time chord is held while it is repicked."""
    kinds = {patch.kind for patch in PSALTERY_SET.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, PSALTERY_SETS[SOUNDFONTS[split]], kinds)
