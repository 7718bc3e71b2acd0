"""The renderer of mouth harps plucked at the lips: its notes' pitch, the flow through the frame's slot
(a pulse on each side of every swing, the first harmonic there only where the tongue rests off centre,
the harmonics thinning as the swing dies and gone once it no longer passes the frame's depth), every
partial on a harmonic of the tongue whatever the mouth does, the mouth lifting the harmonics under
its formants as it moves, the tongue's own second mode where a cantilever's is, a strum at its rate,
its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import trump_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.trump_render import TRUMP_SET, TRUMP_SETS, Instrument

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

MAULTROMMEL = TRUMP_SET.programs[15]
KHOMUS = TRUMP_SET.programs[16]
STRUMMED = TRUMP_SET.programs[48]
BASS = TRUMP_SET.programs[34]


def _still(patch: Instrument) -> Instrument:
    """`patch` with no flick and no second mode: nothing sounds but the flow's harmonics."""
    return dataclasses.replace(patch, flick=0.0, second=0.0)


@pytest.mark.parametrize("program", sorted(TRUMP_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: held still, the strongest frequency
    near the note is its pitch within a cent; as it is (flicks and the tongue's second mode), within
    10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never
    passes a quarter of its gain, and it is silent at its end."""
    patch = TRUMP_SET.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        struck = trump_render.rolled_render.strokes(patch.roll, patch.jitter, 2.0, rng)
        harmonics = trump_render.count(hz, SR)
        levels = trump_render.levels(patch, hz, 2.0, 100, frames, harmonics, struck)
        return np.asarray(levels, dtype=np.complex128)

    assert_sounds_its_pitch(trump_render, patch, _still(patch), weights)


def test_the_slot_lets_a_pulse_through_on_each_side_of_every_swing() -> None:
    """The flow's harmonics at the loudest swing: a tongue swinging about the frame's middle lets
    two equal pulses through a swing, so its odd harmonics are nothing and its second the loudest;
    resting off centre, the pulses are unequal and the first harmonic sounds. A swing that never
    passes the frame's depth lets nothing through; a swing dying towards it thins to narrower pulses,
    so its highs fall less than its first harmonic does."""
    centred = trump_render.flow(0.0, 0.35)
    assert np.all(centred[-1, 0::2] < 1e-9 * centred[-1].max())
    assert int(np.argmax(centred[-1])) == 1
    off = trump_render.flow(0.2, 0.35)
    assert off[-1, 0] > 0.1 * off[-1].max()
    quiet = round(0.3 * (trump_render._SWINGS - 1))  # a swing of 0.3 * 1.2 < 0.35 + a little
    assert float(trump_render.flow(0.2, 0.38)[quiet].max()) == 0.0
    loud, dying = off[-1], off[round(0.45 * (trump_render._SWINGS - 1))]
    assert dying[5] / loud[5] > dying[0] / loud[0]


def test_every_partial_is_a_harmonic_of_the_tongue_however_the_mouth_moves() -> None:
    """A khomus's C3 held still, its mouth moving between its vowels: the strongest partials near
    its second, third, fifth and eighth harmonics stand on them within a cent."""
    patch = _still(KHOMUS)
    hz = hz_of(48)
    note = trump_render.voice(patch, (48.0,), 100, 2.0, SR)
    for n in (2, 3, 5, 8):
        got = strongest_near(note, n * hz, 0.1, 1.0, width=0.01)
        assert abs(cents_between(got, n * hz)) < 1.0, n


def test_the_mouth_lifts_the_harmonics_under_its_formants_as_it_moves() -> None:
    """mouth(): at the first vowel (time 0) a harmonic on a formant's centre is lifted by `lift`
    and one far from both formants by hardly anything; half a cycle of the player's rate on, the
    centres have moved to the second vowel's."""
    patch = dataclasses.replace(KHOMUS, vowels=((400.0, 2000.0), (800.0, 1600.0)), width=0.2, lift=4.0)
    hz = 100.0
    frames = np.array([0.0, 0.5 / patch.rate])
    lifts = trump_render.mouth(patch, hz, 40, frames)
    assert lifts[0, 3] == pytest.approx(4.0, rel=0.01)  # 400 Hz, the first vowel's first formant
    assert lifts[0, 19] == pytest.approx(4.0, rel=0.01)  # 2000 Hz, its second
    assert lifts[0, 39] < 1.1  # 4000 Hz
    assert lifts[1, 7] == pytest.approx(4.0, rel=0.01)  # 800 Hz, the second vowel's first
    assert lifts[1, 15] == pytest.approx(4.0, rel=0.01)  # 1600 Hz, its second
    assert lifts[1, 3] < 1.2


def test_the_tongues_second_mode_rings_where_a_cantilevers_does() -> None:
    """A bass harp's C3 with its second mode loud and its mouth flat: a partial at 6.267 times the
    note within a cent, where no harmonic is (6 and 7 times it are far); without it, nothing there
    but the harmonics' skirts."""
    plain = dataclasses.replace(BASS, flick=0.0, second=0.0, lift=1.0)
    ringing = dataclasses.replace(plain, second=0.5, second_ring=0.3)
    hz = hz_of(48)
    with_mode = trump_render.voice(ringing, (48.0,), 100, 1.0, SR)
    without = trump_render.voice(plain, (48.0,), 100, 1.0, SR)
    target = trump_render.SECOND_MODE * hz
    got = strongest_near(with_mode, target, 0.02, 0.3, width=0.02)
    assert abs(cents_between(got, target)) < 1.0
    assert level_at(with_mode, target, 0.02, 0.3) > 10.0 * level_at(without, target, 0.02, 0.3)


def test_a_plucked_note_dies_before_the_tongue_is_still() -> None:
    """The slot shuts once the swing no longer passes the frame's depth: a morsing's levels are all
    nothing long before its swing has died."""
    patch = TRUMP_SET.programs[17]
    frames = np.arange(0, 1500, dtype=np.float64) * trump_render.FRAME
    struck = trump_render.rolled_render.strokes(0.0, 0.0, 1.0, np.random.default_rng(0))
    levels = trump_render.levels(patch, hz_of(60), 1.0, 100, frames, 20, struck)
    swing = trump_render.swing(patch, 1.0, 100, frames, struck, patch.level[1])
    silent = np.flatnonzero(levels.max(axis=1) == 0.0)
    assert silent.size and swing[silent[silent > 10][0]] > 0.1


def test_a_strum_replucks_at_its_rate() -> None:
    """A Maultrommel strummed, held 2 s, is plucked every 1/roll s (each within `jitter` of a period)
    and sounds while held; plucked once, it has one pluck."""
    assert_strummed_at_its_rate(trump_render, STRUMMED, MAULTROMMEL)


def test_every_program_and_drum_renders_the_same_and_stays_in_its_level() -> None:
    assert_every_patch_and_drum_drawn_by_its_seed(trump_render, TRUMP_SET)


def test_the_kit_rings_and_its_rattles_and_jangles_are_grains() -> None:
    """Every drum in the kit rings or hisses, finite; one with grains is its stroke and the grains
    after it, brought back to the stroke's peak."""
    assert_grains_follow_the_stroke(trump_render, TRUMP_SET.drums.drums)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in TRUMP_SETS])
def test_a_split_rendered_by_trump_render_plays_only_what_its_instruments_have(split: str) -> None:
    """trump_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while it is strummed."""
    kinds = {patch.kind for patch in TRUMP_SET.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, TRUMP_SETS[SOUNDFONTS[split]], kinds)
