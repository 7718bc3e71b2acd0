"""The renderer of strings bowed by a wheel: its notes' pitch, the string's Helmholtz motion (every
harmonic of the note, those with a node where the wheel meets the string missing, the highs falling
past the slip's corner), the wheel's uneven speed swelling the note at the crank's rate while no
partial moves, the dog hammering only while the wheel runs past its speed, the soundbox lifting the
harmonics near its modes, a string let go dying over its release, strokes of the wrist at their
rate, its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import gurdy_render
from soundforge.testing.gurdy_render import GURDY_SET, GURDY_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR

VIELLE = GURDY_SET.programs[40]
ZANFONA = GURDY_SET.programs[41]
TEKEROLANT = GURDY_SET.programs[42]
COUPS = GURDY_SET.programs[44]


def _steady(patch: Instrument) -> Instrument:
    """`patch` with the wheel turning evenly, no dog, no rosin and no tangent: nothing sounds but the
    string's Helmholtz motion through the box."""
    return dataclasses.replace(patch, uneven=0.0, push=0.0, dog=0.0, rosin=0.0, tangent=0.0)


@pytest.mark.parametrize("program", sorted(GURDY_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: bowed steadily, the strongest
    frequency near the note is its pitch within a cent; as it is (the crank's swell, the dog, the
    rosin, the tangent), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the
    loudest; its level never passes a quarter of its gain, and it is silent at its end."""
    patch = GURDY_SET.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        harmonics = gurdy_render.count(hz, SR)
        stroked = gurdy_render.rolled_render.strokes(patch.roll, patch.jitter, 2.0, rng)
        crank = float(rng.uniform(0.0, 2.0 * np.pi))  # wherever the crank stands when the key goes down
        bowed = gurdy_render.levels(patch, hz, 2.0, 100, frames, harmonics, stroked, crank)
        return bowed.astype(np.complex128)

    checks.assert_sounds_its_pitch(gurdy_render, patch, _steady(patch), weights)


def test_the_wheel_holds_the_string_in_helmholtz_motion() -> None:
    """A vielle's C3 bowed steadily an eighth of the string from its bridge, through a flat box:
    its partials stand on the note's harmonics within a cent; the eighth and the sixteenth, which have
    a node where the wheel meets the string, are missing beside their neighbours; below the slip's
    corner the harmonics fall as a sawtooth's 1/n times sin(n pi b), and past it 12 dB an octave
    faster."""
    patch = dataclasses.replace(_steady(VIELLE), contact=0.125, body=(), corner=20000.0)
    hz = checks.hz_of(48)
    note = gurdy_render.voice(patch, (48.0,), 100, 2.0, SR)
    for n in (2, 3, 5, 7, 9):
        got = checks.strongest_near(note, n * hz, 0.5, 1.0, width=0.01)
        assert abs(checks.cents_between(got, n * hz)) < 1.0, n
    for missing in (8, 16):
        beside = min(
            checks.level_at(note, (missing - 1) * hz, 0.5, 1.0),
            checks.level_at(note, (missing + 1) * hz, 0.5, 1.0),
        )
        assert checks.level_at(note, missing * hz, 0.5, 1.0) < 1e-3 * beside, missing
    string = gurdy_render.helmholtz(patch, hz, 12)
    numbers = np.arange(1, 13)
    assert string == pytest.approx(np.abs(np.sin(numbers * np.pi * 0.125)) / numbers, rel=0.01)
    rounded = gurdy_render.helmholtz(dataclasses.replace(patch, corner=1000.0), hz, 12)
    assert rounded == pytest.approx(string / (1.0 + (numbers * hz / 1000.0) ** 2), rel=0.01)
    assert rounded[10] / rounded[1] < 0.4 * string[10] / string[1]


def test_the_wheels_uneven_speed_swells_the_note_at_the_cranks_rate_and_moves_no_partial() -> None:
    """A zanfona's C3 whose crank turns 4 times a second and whose wheel's speed swings by a fifth
    over each turn: its level swings at 4 Hz, deeper than with the wheel turning evenly, and its
    harmonics stand on the note within a cent all the while."""
    swelling = dataclasses.replace(ZANFONA, crank=4.0, uneven=0.2, rosin=0.0, tangent=0.0)
    even = dataclasses.replace(swelling, uneven=0.0)
    hz = checks.hz_of(48)
    note = gurdy_render.voice(swelling, (48.0,), 100, 3.0, SR)
    rate, depth = checks.level_swing(note, 4.0)
    assert rate == pytest.approx(4.0, abs=0.3)
    assert depth > 10.0 * checks.level_swing(gurdy_render.voice(even, (48.0,), 100, 3.0, SR), 4.0)[1]
    for n in (1, 2, 4):
        got = checks.strongest_near(note, n * hz, 0.5, 2.0, width=0.01)
        assert abs(checks.cents_between(got, n * hz)) < 1.0, n


def test_the_dog_hammers_only_while_the_wheel_runs_past_its_speed() -> None:
    """A vielle played in strokes: just after a stroke of the wrist the wheel runs past the dog's
    speed and the high harmonics (the dog's flat pulse train) stand far above where they are between
    strokes, where the string sounds alone; the dog's harmonics are a pulse's, |sinc(n width)|,
    each on a harmonic of the note."""
    frames = np.arange(0, 500, dtype=np.float64) * gurdy_render.FRAME
    struck = (np.array([0.0, 1.0]), np.array([1.0, 1.0]))
    hz = checks.hz_of(55)
    levels = gurdy_render.levels(COUPS, hz, 2.0, 100, frames, 30, struck)
    stroke, between = round(1.02 / gurdy_render.FRAME), round(1.4 / gurdy_render.FRAME)
    assert levels[stroke, 20] > 5.0 * levels[between, 20]
    quiet = gurdy_render.levels(dataclasses.replace(COUPS, dog=0.0), hz, 2.0, 100, frames, 30, struck)
    assert levels[between] == pytest.approx(quiet[between])
    assert gurdy_render.hammer(COUPS, 30) == pytest.approx(np.abs(np.sinc(np.arange(1, 31) * COUPS.pulse)))
    note = gurdy_render.voice(dataclasses.replace(TEKEROLANT, rosin=0.0, tangent=0.0), (55.0,), 100, 2.0, SR)
    for n in (9, 14):
        got = checks.strongest_near(note, n * hz, 0.3, 1.5, width=0.01)
        assert abs(checks.cents_between(got, n * hz)) < 1.0, n


def test_the_soundbox_lifts_the_harmonics_near_its_modes() -> None:
    """body(): one mode at 400 Hz lifting by 3 lifts a 100 Hz note's fourth harmonic by 3, its
    first (two octaves off) by hardly anything."""
    patch = dataclasses.replace(VIELLE, body=((400.0, 3.0),), width=0.25)
    lifts = gurdy_render.body(patch, 100.0, 20)
    assert lifts[3] == pytest.approx(3.0)
    assert lifts[0] < 1.01 and lifts[19] < 1.01


def test_a_string_let_go_dies_over_its_release() -> None:
    """A vielle's note held 1 s sounds while its key is down and is all but gone six releases after
    it is let go."""
    note = gurdy_render.voice(_steady(VIELLE), (60.0,), 100, 1.0, SR)
    hz = checks.hz_of(60)
    after = 1.0 + 5.0 * VIELLE.level[3]
    assert checks.level_at(note, hz, after, 0.05) < 1e-3 * checks.level_at(note, hz, 0.8, 0.05)


def test_the_set_its_strokes_its_kit_and_the_split_it_renders() -> None:
    """The shared checks (test_analysis_labelled_clips): a vielle played in strokes is stroked every
    1/roll s and sounds while held, a plain one once; every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the dog's chatter and the hooks' rattle as
    grains after the stroke; and the split rendered by gurdy_render draws only what its set has,
    every instrument measured above among it, what holds a tone held while the wheel bows it."""
    checks.assert_strummed_at_its_rate(gurdy_render, COUPS, VIELLE)
    checks.assert_every_patch_and_drum_drawn_by_its_seed(gurdy_render, GURDY_SET)
    checks.assert_grains_follow_the_stroke(gurdy_render, GURDY_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in GURDY_SETS]
    assert splits == ["anta"]
    for split in splits:
        kinds = {patch.kind for patch in GURDY_SET.programs.values()}
        checks.assert_draws_its_kinds_and_holds_what_sustains(split, GURDY_SETS[SOUNDFONTS[split]], kinds)
