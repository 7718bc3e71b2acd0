"""The renderer of steppers and drives, machines whose motors are made to sing: its notes' pitch, the
command that pulls the moving part over a period (a stepper's staircase, a head's to and fro, a voice
coil's push and pull, a pin's contact; so every partial stands on a harmonic of the note), the coil's
lag, the moving part's resonance and the case's mode, a stepper's stiffness following its current,
the machine starting and dying, its timer's jitter, its rasp, its levels, its kit and its grains,
and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import stepper_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.stepper_render import STEPPER_SET, STEPPER_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 23 a scanner's stepper, 7 a floppy drive's head, 45 a hard drive's arm, 32 a CNC router's stepper,
# 82 a dot-matrix printer's pins, 60 a laptop drive's arm, 48 a plotter's pen carriage held
SUNG = STEPPER_SET.programs


def _steady(patch: Instrument) -> Instrument:
    """`patch` sung steadily: no rasp and no jitter, so nothing sounds but the command's harmonics."""
    return dataclasses.replace(patch, rasp=0.0, jitter=0.0)


def _sung_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = stepper_render.count(hz, SR)
        return stepper_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


def _decibels(patch: Instrument, hz: float, harmonics: int = 12) -> Signal:
    """`patch`'s harmonics' levels at `hz` in dB against the loudest."""
    sizes = np.abs(stepper_render.spectrum(patch, hz, harmonics, 127))
    return np.asarray(20.0 * np.log10(sizes + 1e-15))


def _pulled(patch: Instrument, hz: float, harmonics: int) -> Complex:
    """The first `harmonics` of the command that pulls `patch`'s moving part over a period at `hz`."""
    return np.asarray(np.fft.rfft(stepper_render.command(patch, hz))[1 : harmonics + 1])


@pytest.mark.parametrize("program", sorted(STEPPER_SET.programs))
def test_every_machine_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every machine, bent to A=432, from E2 to E5: sung steadily, the strongest frequency
    near the note is its pitch within a cent; as it is (the rasp, the timer's jitter), within 10
    cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes
    a quarter of its gain, and it is silent at its end."""
    sung = SUNG[program]
    checks.assert_sounds_its_pitch(stepper_render, sung, _steady(sung), _sung_levels(sung))


def test_the_partials_stand_on_the_harmonics_and_the_drive_shapes_them() -> None:
    """A scanner's, a CNC router's and a 3D printer's steppers and a dot-matrix printer's pins, C3
    sung steadily: their partials stand on the note's harmonics within a cent and nothing between
    them. A stepper's staircase less its climb is a sawtooth, its n-th harmonic 1 / n of its first; a
    head stepped to and fro, each step back the mirror of the step forward, leaves out every even
    harmonic (over 60 dB under its neighbours); a voice coil pushing a quarter of each period leaves
    out its fourth and eighth, two fifths of it its fifth and tenth; a pin pressed to the platen
    for a share w of the period gives a half-sine's harmonics, cos(pi n w) / (1 - (2 n w)^2)."""
    for program in (23, 32, 71, 82):
        note = stepper_render.voice(_steady(SUNG[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, SUNG[program].kind)
    hz = checks.hz_of(48)
    n = np.arange(1, 11, dtype=np.float64)
    staircase = np.abs(_pulled(SUNG[23], hz, 10))
    assert staircase * n == pytest.approx(np.full(10, staircase[0]), rel=1e-4)
    floppy = _decibels(SUNG[7], hz)
    assert floppy[1:12:2].max() < floppy[0:12:2].min() - 60.0
    laptop, hard = _decibels(SUNG[60], hz), _decibels(SUNG[45], hz)
    assert max(laptop[3], laptop[7]) < min(laptop[2], laptop[4], laptop[6], laptop[8]) - 60.0
    assert max(hard[4], hard[9]) < min(hard[3], hard[5], hard[8], hard[10]) - 60.0
    pins = SUNG[82]
    at = 160.0 / (stepper_render.PERIOD * pins.contact)  # the contact on whole points of the period
    width = pins.contact * at
    pulse = np.abs(_pulled(pins, at, 8))
    shape = np.abs(np.cos(np.pi * n[:8] * width) / (1.0 - (2.0 * n[:8] * width) ** 2))
    assert pulse / pulse[0] == pytest.approx(shape / shape[0], rel=1e-3)


def test_the_frame_takes_the_acceleration_through_the_lag_and_the_case() -> None:
    """Pulled through the coil's lag (1 / (1 + j 2 pi n f lag)), the moving part a mass on its holding
    stiffness (the frame takes its acceleration, r^2 / (1 - r^2 + 2 j zeta r) at r = n f over its
    resonance) and the case's mode lifting what is on it (1 + (lift - 1) (j s / Q) / (1 - s^2 + j s /
    Q) at s = n f over the mode), each harmonic against the loudest is the command's times the three;
    with no lag and a case that lifts nothing, the command's times the acceleration alone, which
    peaks at the resonance."""
    hz, patch = checks.hz_of(60), SUNG[23]
    n = np.arange(1, 13, dtype=np.float64)
    r = n * hz / stepper_render.resonance(patch, 127)
    moved = r**2 / (1.0 - r**2 + 2j * patch.damping * r)
    mode, q, lift = patch.case
    s = n * hz / mode
    cased = 1.0 + (lift - 1.0) * (1j * s / q) / (1.0 - s**2 + 1j * s / q)
    expected = np.abs(_pulled(patch, hz, 12) * moved * cased / (1.0 + 2j * np.pi * n * hz * patch.lag))
    assert np.abs(stepper_render.spectrum(patch, hz, 12)) == pytest.approx(
        expected / expected.max(), abs=1e-9
    )
    bare = dataclasses.replace(patch, lag=0.0, case=(mode, q, 1.0))
    plain = np.abs(_pulled(patch, hz, 12) * moved)
    assert np.abs(stepper_render.spectrum(bare, hz, 12)) == pytest.approx(plain / plain.max(), abs=1e-9)
    low = checks.hz_of(36)
    loudest = int(np.argmax(np.abs(stepper_render.spectrum(bare, low, 40)))) + 1
    assert abs(loudest * low - patch.resonance) < low


def test_a_steppers_stiffness_follows_its_current_and_a_coils_does_not() -> None:
    """A stepper's holding stiffness follows its current, half to all of its most by velocity: its
    resonance stands at its own at the hardest and 1 / sqrt(2) of it at the softest, and a softer
    note sounds as the stepper with that resonance would at the hardest; a voice coil's arm and a
    pin's armature keep theirs however hard they are driven, and their harmonics with them."""
    for program in (23, 7, 32, 48):
        patch = SUNG[program]
        assert stepper_render.resonance(patch, 127) == pytest.approx(patch.resonance)
        assert stepper_render.resonance(patch, 0) == pytest.approx(patch.resonance / np.sqrt(2.0))
    for program in (45, 60, 82):
        assert stepper_render.resonance(SUNG[program], 0) == SUNG[program].resonance
    hz, cnc, arm = checks.hz_of(45), SUNG[32], SUNG[45]
    softened = dataclasses.replace(cnc, resonance=stepper_render.resonance(cnc, 30))
    soft = stepper_render.spectrum(cnc, hz, 40, 30)
    assert soft == pytest.approx(stepper_render.spectrum(softened, hz, 40, 127), abs=1e-12)
    assert not np.allclose(np.abs(soft), np.abs(stepper_render.spectrum(cnc, hz, 40, 127)))
    hard_arm = stepper_render.spectrum(arm, hz, 40, 127)
    assert stepper_render.spectrum(arm, hz, 40, 30) == pytest.approx(hard_arm, abs=1e-12)


def test_the_machine_starts_dies_and_its_timer_frays_no_pitch() -> None:
    """A CNC router's C3: its level starts as 1 - exp(-t / attack) and, once the key is let go, dies
    over its fall. Its timer starts each period early or late by its jitter, never summed, so over
    two seconds the offsets stay within a few jitters of nothing and the pitch never drifts; with no
    jitter, none. A harder drive rasps more against the tone, by its square; a head stepped to and
    fro rasps twice a period, at each of its steps."""
    cnc = SUNG[32]
    times = np.array([cnc.attack, 1.0, 1.0 + cnc.level[3]])
    level = stepper_render.power(cnc, 1.0, 127, times)
    assert level[0] == pytest.approx(1.0 - np.exp(-1.0), rel=1e-3)
    assert level[2] / level[1] == pytest.approx(np.exp(-1.0), rel=1e-3)
    hz = checks.hz_of(48)
    along = np.arange(2 * SR) / SR
    offsets = stepper_render.timing(cnc, hz, along, np.random.default_rng(4))
    assert 0.0 < np.abs(offsets).max() < 6.0 * cnc.jitter
    assert abs(float(offsets.mean())) < 0.2 * cnc.jitter
    assert not stepper_render.timing(_steady(cnc), hz, along, np.random.default_rng(4)).any()
    assert stepper_render.rasping(cnc, 100) == pytest.approx(4.0 * stepper_render.rasping(cnc, 50))
    assert stepper_render.steps(SUNG[7]) == 2 and stepper_render.steps(cnc) == 1


def test_the_machines_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the pins' rattle, the shutter, the
    hammers, the torn sheet and the belt's teeth as grains after the stroke; what holds a tone (a
    plotter's pen carriage held) holds while the driver steps it; and the split rendered by
    stepper_render draws only what its set has, every machine measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(stepper_render, STEPPER_SET)
    checks.assert_grains_follow_the_stroke(stepper_render, STEPPER_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in STEPPER_SET.drums.drums.values()) == 5
    held = stepper_render.voice(SUNG[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in STEPPER_SETS]
    assert splits == ["cashel"]
    kinds = {patch.kind for patch in STEPPER_SET.programs.values()}
    assert {patch.drive for patch in STEPPER_SET.programs.values()} == set(stepper_render.DRIVES)
    stepper_set = STEPPER_SETS[SOUNDFONTS["cashel"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("cashel", stepper_set, kinds)
