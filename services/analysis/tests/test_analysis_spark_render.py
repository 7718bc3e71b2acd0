"""The renderer of sparks and arcs, electric discharges that sing: its notes' pitch, the heat a
discharge gives the air over a period (a coil's burst, an arc's current, a plasma arc's duty, a
modulated carrier's envelope, a corona's onset; radiated as its rate of change, so every partial
stands on a harmonic of the note), the gas's thermal lags, the coil's on-time and its bridge's duty
shared by a chord, the arc striking and wandering, the discharge starting and dying, its crackle,
its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import spark_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.spark_render import SPARK_SET, SPARK_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 90 a singing coil, 26 Duddell's arc, 12 a plasma arc, 38 a big coil, 34 an arc past its direct
# current, 79 Klein's ionophone, 48 a vacuum-tube coil's flame held
SUNG = SPARK_SET.programs


def _steady(patch: Instrument) -> Instrument:
    """`patch` sung steadily: no crackle, no strike and no wander, so nothing sounds but the heat's."""
    return dataclasses.replace(patch, crackle=0.0, strike=0.0, wander=0.0)


def _sung_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = spark_render.count(hz, SR)
        return spark_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


def _decibels(patch: Instrument, hz: float, harmonics: int = 12, notes: int = 1) -> Signal:
    """`patch`'s harmonics' levels at `hz` in dB against the loudest."""
    sizes = np.abs(spark_render.spectrum(patch, hz, harmonics, 127, notes))
    return np.asarray(20.0 * np.log10(sizes + 1e-12))


def _heat(patch: Instrument, hz: float, harmonics: int) -> Complex:
    """The first `harmonics` of the heat `patch` gives over a period at `hz`."""
    return np.asarray(np.fft.rfft(spark_render.heat(patch, hz))[1 : harmonics + 1])


@pytest.mark.parametrize("program", sorted(SPARK_SET.programs))
def test_every_discharge_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every discharge, bent to A=432, from E2 to E5: sung steadily, the strongest frequency
    near the note is its pitch within a cent; as it is (the crackle, the arc's strike and wander),
    within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level
    never passes a quarter of its gain, and it is silent at its end."""
    sung = SUNG[program]
    checks.assert_sounds_its_pitch(spark_render, sung, _steady(sung), _sung_levels(sung))


def test_the_heat_stands_on_the_harmonics_and_its_drive_shapes_them() -> None:
    """A singing coil's, a big coil's and an arc past its direct current's C3 sung steadily: their
    partials stand on the note's harmonics within a cent and nothing between them. A plasma arc on
    for three eighths of each period leaves out its eighth harmonic (over 60 dB under its
    neighbours), on for half of it every even one. An arc under its direct current gives its current
    as its heat (Ayrton's law): its first harmonic and van der Pol's third, mu / 8 of it, nothing
    else; past its direct current it goes out for part of each period and its second harmonic comes
    within 20 dB of its first. A modulated carrier's heat is its envelope squared, (1 + s sin)^2: its
    second harmonic s / 4 of its first. A corona gives nothing while its voltage is under its onset."""
    for program in (90, 38, 34):
        note = spark_render.voice(_steady(SUNG[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, SUNG[program].kind)
    hz = checks.hz_of(48)
    eighth = _decibels(SUNG[12], hz)
    assert eighth[7] < max(eighth[6], eighth[8]) - 60.0
    half = _decibels(dataclasses.replace(SUNG[12], duty=0.5), hz)
    assert half[1:12:2].max() < half[0:12:2].min() - 60.0
    duddell = SUNG[26]
    heat = np.abs(_heat(duddell, hz, 6))
    assert heat[2] / heat[0] == pytest.approx(duddell.mu / 8.0, rel=1e-6)
    assert heat[[1, 3, 4, 5]].max() < 1e-9 * heat[0]
    past = _decibels(SUNG[34], hz)
    assert past[1] > -20.0 and _decibels(duddell, hz)[1] < -120.0
    flame = np.abs(_heat(SUNG[48], hz, 3))
    assert flame[1] / flame[0] == pytest.approx(SUNG[48].swing / 4.0, rel=1e-6)
    corona = SUNG[79]
    x = np.arange(spark_render.PERIOD) / spark_render.PERIOD
    below = 1.0 + corona.swing * np.sin(2.0 * np.pi * x) < corona.onset
    assert below.any() and not spark_render.heat(corona, hz)[below].any()


def test_the_thermal_lags_take_the_highs_and_the_pressure_is_the_heats_rate_of_change() -> None:
    """Radiated as the rate of change of the heat (j n) through the gas's two thermal lags
    (1 / (1 + j 2 pi n f thermal)^2), each harmonic of the pressure against the first is the heat's
    times n and times the lags' ratio; with no lag, only n."""
    hz, patch = checks.hz_of(60), SUNG[12]
    n = np.arange(1, 13, dtype=np.float64)
    heat = _heat(patch, hz, 12)
    lag = 1.0 / (1.0 + 2j * np.pi * n * hz * patch.thermal) ** 2
    expected = np.abs(heat * n * lag) / np.abs(heat * n * lag).max()
    assert np.abs(spark_render.spectrum(patch, hz, 12)) == pytest.approx(expected, abs=1e-9)
    bare = dataclasses.replace(patch, thermal=0.0)
    plain = np.abs(heat * n) / np.abs(heat * n).max()
    assert np.abs(spark_render.spectrum(bare, hz, 12)) == pytest.approx(plain, abs=1e-9)


def test_a_coils_burst_grows_with_velocity_and_a_chord_shares_its_bridge() -> None:
    """A coil's burst takes its on-time (0.4-1 of `ontime` by velocity) times the note's frequency of
    the period, never past its bridge's duty, which a chord's notes share: a big coil's low E is on
    for its on-time, its high E for its duty, and each note of a four-note chord for a quarter of it.
    Its power grows as the square of the primary current ringing up over the burst, then stops."""
    big = SUNG[38]
    low, high = checks.hz_of(40), checks.hz_of(76)
    assert spark_render.on_share(big, low, 127, 1) == pytest.approx(big.ontime * low)
    assert spark_render.on_share(big, low, 40, 1) == pytest.approx(big.ontime * (0.4 + 0.6 * 40 / 127) * low)
    assert spark_render.on_share(big, high, 127, 1) == pytest.approx(big.duty)
    assert spark_render.on_share(big, high, 127, 4) == pytest.approx(big.duty / 4.0)
    heat = spark_render.heat(big, low, 127)
    width = spark_render.on_share(big, low, 127, 1)
    x = np.arange(spark_render.PERIOD) / spark_render.PERIOD
    assert heat == pytest.approx(np.where(x < width, (x / width) ** 2, 0.0))
    shared = _decibels(big, high, notes=4)
    assert not np.allclose(shared, _decibels(big, high))  # a shorter burst, another spectrum


def test_the_discharge_starts_dies_strikes_and_wanders() -> None:
    """Duddell's arc's C3: its level starts as 1 - exp(-t / attack) and, once the key is let go, dies
    over its fall. The arc strikes `strike` cents under the note and is within its wander of it after
    five `glide`s; a coil neither strikes nor wanders. A harder drive crackles more against the tone,
    by its square."""
    arc = SUNG[26]
    times = np.array([arc.attack, 1.0, 1.0 + arc.level[3]])
    level = spark_render.power(arc, 1.0, 127, times)
    assert level[0] == pytest.approx(1.0 - np.exp(-1.0), rel=1e-3)
    assert level[2] / level[1] == pytest.approx(np.exp(-1.0), rel=1e-3)
    bent = spark_render.bend(arc, np.array([0.0, 5.0 * arc.glide]))
    assert bent[0] == pytest.approx(-arc.strike) and abs(bent[1]) < arc.wander + 0.01 * arc.strike
    assert not spark_render.bend(SUNG[90], np.linspace(0.0, 2.0, 50)).any()
    assert spark_render.crackling(arc, 100) == pytest.approx(4.0 * spark_render.crackling(arc, 50))


def test_the_discharges_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the rotary gap's sparks, the snaps,
    the ladder's frying, the fuse and the brushes as grains after the stroke; what holds a tone (a
    vacuum-tube coil's flame held) holds while the discharge burns; and the split rendered by
    spark_render draws only what its set has, every discharge measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(spark_render, SPARK_SET)
    checks.assert_grains_follow_the_stroke(spark_render, SPARK_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in SPARK_SET.drums.drums.values()) == 5
    held = spark_render.voice(SUNG[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in SPARK_SETS]
    assert splits == ["crannog"]
    kinds = {patch.kind for patch in SPARK_SET.programs.values()}
    assert {patch.drive for patch in SPARK_SET.programs.values()} == set(spark_render.DRIVES)
    spark_set = SPARK_SETS[SOUNDFONTS["crannog"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("crannog", spark_set, kinds)
