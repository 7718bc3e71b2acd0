"""The renderer of handpans and steel tongue drums: its notes' pitch, a note field's modes on the note,
its octave and its twelfth and set going as their shape where it is struck, a tongue's bending modes
where a cantilever's stand and its twist where its width puts it, the shell's air lifting the notes
near its Helmholtz resonance and a mode with a nodal line radiating as a dipole, a note starting when
it is written and a softer stroke duller, a held note sounding while it is held, its kit and its
grains, what a split it renders draws; and the production donjon brought, a phone lying face-down on
a wooden table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import pan_render, production_bus
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note
from soundforge.testing.pan_render import PAN_SET, PAN_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 11 a Hang, 10 a stainless handpan, 8 a steel tongue drum, 32 a handpan's bottom fields, 38 a tank
# drum, 13 a handpan's high fields, 108 a small tongue drum, 9 a tongue drum struck hard, 48 and 49 held
PAN = PAN_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no bend of the player's, so nothing moves its modes off their frequencies."""
    return dataclasses.replace(patch, scoop=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return pan_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(PAN_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is, within 10 cents. The note's mode is never under
    FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is silent at
    its end."""
    patch = PAN[program]
    checks.assert_sounds_its_pitch(pan_render, patch, _still(patch), _levels(patch))


def test_a_field_sounds_its_note_its_octave_and_its_twelfth_as_its_shape_is_where_it_is_struck() -> None:
    """A note field's tuned modes stand on the note, its octave and its twelfth; its untuned ones fall
    between the harmonics. Struck at its centre, the modes with a nodal line through it, the octave and
    the twelfth, are silent; struck toward its rim along the long axis, the octave sounds. A Hang's A3
    so struck sounds its octave and its twelfth within a cent of their multiples, nothing at 1.5 times
    the note."""
    hang = _still(PAN[11])
    ratio, _, volume = pan_render.modes(hang)
    assert ratio[:3] == pytest.approx([1.0, 2.0, 3.0]) and all(r % 1.0 > 0.2 for r in ratio[3:])
    assert volume.tolist() == [True, False, False, True, False]
    centre = pan_render.modes(dataclasses.replace(hang, at=(0.0, 0.0)))[1]
    assert centre[0] == pytest.approx(1.0) and centre[1:3] == pytest.approx([0.0, 0.0], abs=1e-12)
    assert pan_render.modes(dataclasses.replace(hang, at=(0.5, 0.0)))[1][1] == pytest.approx(1.0)
    hz = checks.hz_of(57)
    note = pan_render.voice(hang, (57.0,), 100, 1.5, SR)
    for k in (2, 3):
        got = checks.strongest_near(note, k * hz, 0.0, 1.0, width=0.02)
        assert checks.cents_between(got, k * hz) == pytest.approx(0.0, abs=1.0)
    assert checks.level_at(note, 2.0 * hz, 0.0, 0.3) > 100.0 * checks.level_at(note, 1.5 * hz, 0.0, 0.3)


def test_a_tongue_bends_as_a_cantilever_and_twists_where_its_width_puts_it() -> None:
    """A tongue's bending modes stand at 1, 6.267, 17.547 and 34.386 times its first; its first twist
    at (pi / b1^2) sqrt(6 (1 - nu)) = 1.844 times its length over its width, on the twelfth for a tongue
    cut 1.627 times as long as it is wide. Struck on its centre line it does not twist."""
    torsion = pan_render.TORSION
    assert torsion == pytest.approx(1.844, abs=1e-3)
    drum = PAN[8]
    ratio, swing, volume = pan_render.modes(drum)
    assert ratio[:4] == pytest.approx([1.0, 6.267, 17.547, 34.386], rel=1e-3)
    assert ratio[4] == pytest.approx(3.0) and drum.aspect == pytest.approx(1.627, abs=1e-3)
    assert volume.tolist() == [True, True, True, True, False] and swing[4] > 0.0
    assert pan_render.modes(dataclasses.replace(drum, at=(0.85, 0.0)))[1][4] == 0.0


def test_the_shell_s_air_lifts_the_notes_near_its_resonance_and_a_nodal_line_radiates_little() -> None:
    """A Hang's 32 litres behind its 11 cm gu resonate near 97 Hz, c / 2 pi sqrt(A / V (w + 1.7 r)): a
    field's note there is lifted by the resonance's lift, one four octaves up hardly at all. A mode with
    a nodal line radiates as a dipole, k a / sqrt(1 + (k a)^2): a third of itself at k a = 1 / sqrt(8),
    nearly all of it at k a = 10."""
    hang = PAN[11]
    f0 = pan_render.helmholtz(hang.shell)
    assert f0 == pytest.approx(96.7, abs=0.5)
    lift = pan_render.lifted(np.array([f0, 16.0 * f0]), hang.shell)
    assert lift[0] == pytest.approx(hang.shell[3]) and lift[1] == pytest.approx(1.0, abs=0.05)
    a = 0.05
    low, high = (ka * 343.0 / (2.0 * np.pi * a) for ka in (8.0**-0.5, 10.0))
    assert pan_render.dipole(np.array([low, high]), a) == pytest.approx([1.0 / 3.0, 10.0 / 101.0**0.5])


def test_a_note_starts_when_it_is_written_and_a_softer_stroke_is_duller() -> None:
    """A Hang's note written at 0.5 s: silent before it, at its full level within a few milliseconds,
    dying while it rings and damped soon after it ends. The stroke's half-sine is longer for a softer
    stroke, as (127 / v)^(1/5), so a tongue's higher modes are weaker against its note."""
    hang = PAN[11]
    pan_render._SOUNDED.clear()
    out = pan_render.render([Note(0.5, 1.0, 57, 100, 0)], {0: 11}, 3.5, SR, 0.0, PAN_SET)

    def rms(start: float) -> float:
        part = out[int(start * SR) : int((start + 0.01) * SR)].astype(np.float64)
        return float(np.sqrt(np.mean(part**2)))

    assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
    assert rms(0.5) > 0.5 * rms(0.51) and rms(0.51) > rms(1.4) > 0.0
    assert rms(1.5 + 6.0 * hang.level[3]) < 0.01 * rms(0.51)
    assert pan_render.contact(hang, 40) == pytest.approx(hang.contact * (127.0 / 40.0) ** 0.2)
    hard = _still(PAN[9])
    hz = checks.hz_of(60)
    loud, soft = (pan_render.struck(hard, hz, v, SR) for v in (127, 40))
    assert loud[1] / loud[0] > soft[1] / soft[0]


def test_a_held_note_sounds_while_it_is_held() -> None:
    """What holds a note sounds while it is held (the shared check of its strokes' rate), its note as
    loud near the end as early on, and silent soon after it is let go."""
    for held, once in ((PAN[48], PAN[11]), (PAN[49], PAN[8])):
        checks.assert_strummed_at_its_rate(pan_render, held, once)
        note = pan_render.voice(held, (57.0,), 100, 2.5, SR)
        hz = checks.hz_of(57)
        assert checks.level_at(note, hz, 2.2, 0.1) > 0.3 * checks.level_at(note, hz, 0.6, 0.1)
        assert note.size / SR < 2.5 + 6.0 * held.level[3] + 0.02


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of donjon's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("donjon", pan_render, PAN_SET)


def test_a_phone_face_down_on_a_table_loses_the_highs_and_moves_no_partial() -> None:
    """The air trapped under the phone resonates at c / 2 pi sqrt(P / S l), the gap gone from it (a
    phone 15 by 7.3 cm, 2.5 cm from its speaker to its edge: near 2.2 kHz); over it, a mass on a
    spring, the highs fall 12 dB an octave, Q times at the corner. A table top's mode answers 1 at its
    own frequency over its coincidence. The whole step takes the highs far more than the mids, and
    moves no partial."""
    corner = production_bus.slit_resonance(0.15, 0.073, 0.025)
    assert corner == pytest.approx(2203.0, abs=5.0)
    air = np.abs(
        production_bus.trapped_air(np.array([10.0, corner, 8.0 * corner, 16.0 * corner]), corner, 3.0)
    )
    assert air[0] == pytest.approx(1.0, abs=1e-3) and air[1] == pytest.approx(3.0)
    assert air[2] / air[3] == pytest.approx(4.0, rel=0.02)
    top = np.abs(production_bus.table_top(np.array([2000.0]), ((2000.0, 10.0),), 0.025))
    assert top[0] == pytest.approx(1.0)
    t = np.arange(2 * SR) / SR
    mid, high = np.sin(2.0 * np.pi * 600.0 * t), np.sin(2.0 * np.pi * 9000.0 * t)
    heard = production_bus.face_down(mid + high, SR, np.random.default_rng(5))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[600] > 5.0 * spectrum[9000]
    assert int(np.argmax(spectrum[300:1500])) + 300 == 600


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the rattles, the scratch and the beads as grains
    after the stroke; and the split rendered by pan_render draws only what its set has, what holds a
    tone held while its key is down."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(pan_render, PAN_SET)
    checks.assert_grains_follow_the_stroke(pan_render, PAN_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in PAN_SETS]
    assert splits == ["donjon"]
    kinds = {patch.kind for patch in PAN_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("donjon", PAN_SETS[SOUNDFONTS["donjon"]], kinds)
