"""The renderer of bamboo tubes tuned to notes: its notes' pitch, a tongue's modes where a cantilever's
stand and set going as their shape where the stroke falls, the tube's air column lifting the note and
holding the tongue's inharmonic modes down, its own odd modes knocked ringing and dying at once, an
angklung's tubes an octave apart, a shake holding a note, its kit and its grains, what a split it
renders draws; and the production keep brought, headphones hung round the listener's neck."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import bamboo_render, production_bus
from soundforge.testing.bamboo_render import BAMBOO_SET, BAMBOO_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 11 an angklung, 15 a calung, 8 an angklung of three tubes, 32 a bass angklung, 34 a bass calung, 72 a
# small angklung, 79 a small calung, 9 a calung struck hard, 48 and 50 held
BAMBOO = BAMBOO_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no bend of the player's, so nothing moves its modes off their frequencies."""
    return dataclasses.replace(patch, scoop=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return bamboo_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(BAMBOO_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is, within 10 cents. The note's mode is never under
    FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is silent at
    its end."""
    patch = BAMBOO[program]
    checks.assert_sounds_its_pitch(bamboo_render, patch, _still(patch), _levels(patch))


def test_a_tongue_s_modes_stand_where_a_cantilever_s_do() -> None:
    """The roots of 1 + cos b cosh b = 0 put a clamped-free tongue's modes at 1, 6.267, 17.547 and 34.386
    times its first; each one's swing is 1 at the tip (over the tip's 2) and nothing at the clamp."""
    b = np.array(bamboo_render.ROOTS)
    assert (1.0 + np.cos(b) * np.cosh(b)) / np.cosh(b) == pytest.approx(np.zeros(4), abs=1e-6)
    ratio, tip = bamboo_render.cantilever(1.0)
    assert ratio == pytest.approx([1.0, 6.267, 17.547, 34.386], rel=1e-3)
    assert tip == pytest.approx(np.ones(4), rel=1e-4)
    assert bamboo_render.cantilever(0.0)[1] == pytest.approx(np.zeros(4), abs=1e-12)


def test_the_air_column_lifts_the_note_and_holds_the_tongue_s_other_modes_down() -> None:
    """The tube's air column, closed at its node, has its resonances at the odd harmonics of the note:
    it passes the note (on its first) far more than the tongue's second mode, 6.267 times it (between
    its fifth and seventh). Played still, a calung's A3 sounds its note over 20 times its second mode,
    and its third harmonic (the column's echo) only at the stroke, gone a quarter second on."""
    calung = _still(BAMBOO[15])
    hz = checks.hz_of(57)
    passed = bamboo_render.column(np.array([hz, 6.267 * hz, 2.0 * hz, 3.0 * hz]), hz, calung.column)
    assert passed[0] > 5.0 * passed[1] and passed[3] > 5.0 * passed[2]
    note = bamboo_render.voice(calung, (57.0,), 100, 1.5, SR)
    assert checks.level_at(note, hz, 0.0, 0.3) > 20.0 * checks.level_at(note, 6.267 * hz, 0.0, 0.3)
    rates = bamboo_render.dying(calung, hz, SR)
    ratio, tube = (p[bamboo_render.sounding(calung, hz, SR)] for p in bamboo_render.modes(calung))
    assert rates[tube < 0] == pytest.approx(np.pi * ratio[tube < 0] * hz / calung.column)
    frames = np.array([0.01, 0.25])
    levels = bamboo_render.levels(calung, hz, 1.5, 100, frames, SR)
    echo = int(np.flatnonzero(tube < 0)[0])
    assert levels[1, echo] < 1e-4 * levels[0, echo] and levels[1, 0] > 0.3 * levels[0, 0]


def test_an_angklung_s_tubes_sound_octaves_and_a_softer_stroke_is_duller() -> None:
    """An angklung's two tubes sound the note and its octave, nothing between (played still, its C4's
    octave far over its fifth); the stroke's half-sine is longer for a softer stroke, as (127 / v)^(1/5),
    so its higher modes are weaker."""
    angklung = _still(BAMBOO[11])
    assert [over for over, _ in angklung.tubes] == [1.0, 2.0]
    hz = checks.hz_of(60)
    note = bamboo_render.voice(angklung, (60.0,), 100, 1.0, SR)
    assert checks.level_at(note, 2.0 * hz, 0.0, 0.3) > 10.0 * checks.level_at(note, 1.5 * hz, 0.0, 0.3)
    assert bamboo_render.contact(angklung, 40) == pytest.approx(angklung.contact * (127.0 / 40.0) ** 0.2)
    hard = _still(BAMBOO[9])
    loud, soft = (bamboo_render.struck(hard, hz, v, SR) for v in (127, 40))
    assert loud[1] / loud[0] > soft[1] / soft[0]


def test_a_held_note_is_shaken_while_it_is_held() -> None:
    """The angklung held is shaken every 1/roll s while held (within its jitter), its note as loud near
    the end as early on, and silent soon after it is let go."""
    shaken, once = BAMBOO[48], BAMBOO[11]
    checks.assert_strummed_at_its_rate(bamboo_render, shaken, once)
    held = bamboo_render.voice(shaken, (57.0,), 100, 2.5, SR)
    hz = checks.hz_of(57)
    assert checks.level_at(held, hz, 2.2, 0.1) > 0.3 * checks.level_at(held, hz, 0.6, 0.1)
    assert held.size / SR < 2.5 + 6.0 * shaken.level[3] + 0.02


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of keep's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("keep", bamboo_render, BAMBOO_SET)


def test_headphones_round_the_neck_lose_the_lows_and_comb_the_rest() -> None:
    """An open cup's driver is a dipole, (1 - exp(-j 2 pi f d / c)) / 2: 1 where d is half a wave,
    rising 6 dB an octave under; the chest's reflection a comb between 1 - r and 1 + r. The whole step
    takes the lows far more than the mids, and moves no partial."""
    rim = 0.05
    peak = 343.0 / (2.0 * rim)
    dipole = np.abs(production_bus.open_back(np.array([peak, peak / 64.0, peak / 128.0]), rim))
    assert dipole[0] == pytest.approx(1.0) and dipole[1] / dipole[2] == pytest.approx(2.0, rel=0.01)
    chest = (0.1, 0.4)
    f = np.linspace(50.0, 5000.0, 5000)
    comb = np.abs(production_bus.chest_comb(f, chest))
    assert comb.min() == pytest.approx(0.6, abs=0.01) and comb.max() == pytest.approx(1.4, abs=0.01)
    t = np.arange(2 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 80.0 * t), np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.neck_headphones(low + mid, SR, np.random.default_rng(5))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[2000] > 5.0 * spectrum[80]
    assert int(np.argmax(spectrum[1000:3000])) + 1000 == 2000


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the rattles as grains after the stroke; what
    holds a tone is shaken as fast as a tremolo; and the split rendered by bamboo_render draws only
    what its set has."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(bamboo_render, BAMBOO_SET)
    checks.assert_grains_follow_the_stroke(bamboo_render, BAMBOO_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in BAMBOO_SETS]
    assert splits == ["keep"]
    patches = BAMBOO_SET.programs.values()
    assert any(patch.roll for patch in patches)
    kinds = {patch.kind for patch in patches}
    checks.assert_draws_its_kinds_and_holds_what_sustains("keep", BAMBOO_SETS[SOUNDFONTS["keep"]], kinds)
