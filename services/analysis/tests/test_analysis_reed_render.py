"""The renderer of free-reed mouth organs: its notes' pitch, the air a tongue lets through its slot
(a note's harmonics alone, the note itself gone were the tongue set at the slot's middle, brighter
as the breath swings it wider), the pipe's air column lifting the odd harmonics and its open end
radiating, a khaen's octave pipe, a note speaking when it is written and stopping once it is let go,
its kit and its grains, what a split it renders draws; and the production bastion brought, a
motorcycle helmet's intercom at speed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import production_bus, reed_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note
from soundforge.testing.reed_render import REED_SET, REED_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 21 a khaen, 20 a sheng, 23 a sho, 33 a bass sheng, 34 a lusheng's great pipe, 22 a hulusi, 75 a bawu,
# 109 a soprano sheng, 48 and 49 held
REED = REED_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no bend of the player's, so nothing moves its harmonics off the note's."""
    return dataclasses.replace(patch, scoop=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return reed_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


def _harmonic(samples: npt.NDArray[np.float32], hz: float, k: int) -> float:
    """The power at `samples`' k-th harmonic of `hz`, from 0.5 s for 0.5 s."""
    return checks.level_at(samples, k * hz, 0.5, 0.5)


@pytest.mark.parametrize("program", sorted(REED_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is, within 10 cents. The note's harmonic is never
    under FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is
    silent at its end."""
    patch = REED[program]
    checks.assert_sounds_its_pitch(reed_render, patch, _still(patch), _levels(patch))


def test_the_air_through_the_slot_sounds_the_note_s_harmonics_brighter_as_the_swing_widens() -> None:
    """The slot's opening is its clearance while the tongue's tip is within the plate and grows beside
    it: a tongue set at the slot's middle opens it alike either side, twice a swing, so the flow has
    no odd harmonic and the note is gone; a small swing that never reaches the slot modulates the
    flow as a sine; set above the slot as the maker sets it, a wider swing (a harder breath) is
    richer in harmonics, and a khaen's note blown harder brighter."""
    assert reed_render.opening(np.array([-0.5, 0.0, 0.5, 1.0, 1.5]), 0.05) == pytest.approx(
        [0.55, 0.05, 0.05, 0.05, 0.55]
    )
    sheng = REED[20]
    middle = np.abs(reed_render.flow(dataclasses.replace(sheng, rest=0.5), np.array([1.2]))[0])
    assert middle[0::2].max() < 1e-9 * middle[1::2].max() and middle[1] > 0.1
    small = np.abs(reed_render.flow(dataclasses.replace(sheng, rest=-0.5), np.array([0.3]))[0])
    assert small[0] == pytest.approx(0.3) and small[1:].max() < 1e-9
    narrow, wide = np.abs(reed_render.flow(sheng, np.array([0.5, 1.5])))
    assert np.sum(wide[1:] ** 2) / wide[0] ** 2 > 5.0 * np.sum(narrow[1:] ** 2) / narrow[0] ** 2
    hz = checks.hz_of(57)
    loud, soft = (reed_render.voice(_still(REED[21]), (57.0,), v, 1.0, SR) for v in (127, 40))
    brighter = _harmonic(loud, hz, 3) / _harmonic(loud, hz, 1)
    assert brighter > 3.0 * _harmonic(soft, hz, 3) / _harmonic(soft, hz, 1)


def test_the_pipe_lifts_the_odd_harmonics_and_its_open_end_radiates_the_highs() -> None:
    """The pipe's column, closed at the reed (or the reed at its middle), resonates at the odd harmonics
    of its first, cut a little above the note: it passes the third far more than the second; a sheng's
    A3 sounds its third harmonic over its second. The open end radiates as the frequency under c / 2
    pi r, flat above it."""
    sheng = _still(REED[20])
    hz = checks.hz_of(57)
    passed = np.abs(reed_render.column(sheng, np.array([1.0, 2.0, 3.0]) * hz, hz))
    assert passed[0] > 5.0 * passed[1] and passed[2] > 5.0 * passed[1]
    note = reed_render.voice(sheng, (57.0,), 100, 1.0, SR)
    assert _harmonic(note, hz, 3) > 3.0 * _harmonic(note, hz, 2)
    corner = 343.0 / (2.0 * np.pi * sheng.bore)
    radiation = np.abs(reed_render.radiated(sheng, np.array([corner / 100.0, corner / 50.0, 100.0 * corner])))
    assert radiation[1] / radiation[0] == pytest.approx(2.0, rel=0.01) and radiation[2] == pytest.approx(
        1.0, abs=1e-3
    )


def test_a_khaen_s_octave_pipe_sounds_with_its_note() -> None:
    """A khaen's note sounds with its octave's pipe in the other row, its own reed: its second harmonic
    is far louder than the same pipe's alone, whose column holds the even harmonics down."""
    khaen = _still(REED[21])
    assert [over for over, _ in khaen.pipes] == [1.0, 2.0]
    alone = dataclasses.replace(khaen, pipes=((1.0, 1.0),))
    hz = checks.hz_of(57)
    paired, single = (reed_render.voice(p, (57.0,), 100, 1.0, SR) for p in (khaen, alone))
    share = _harmonic(paired, hz, 2) / _harmonic(paired, hz, 1)
    assert share > 10.0 * _harmonic(single, hz, 2) / _harmonic(single, hz, 1)


def test_a_note_speaks_when_it_is_written_and_stops_once_it_is_let_go() -> None:
    """A sheng's note written at 0.5 s for 1 s: silent before it, its reed speaking over its speaking
    time (a softer breath's longer, as (127 / v)^(1/5)), near its full level four of them on, held to
    the end, and silent a few tenths of a second after it is let go."""
    sheng = REED[20]
    reed_render._SOUNDED.clear()
    out = reed_render.render([Note(0.5, 1.0, 57, 100, 0)], {0: 20}, 2.5, SR, 0.0, REED_SET)

    def rms(start: float) -> float:
        part = out[int(start * SR) : int((start + 0.01) * SR)].astype(np.float64)
        return float(np.sqrt(np.mean(part**2)))

    speaking = reed_render.speaking(sheng, 100)
    assert speaking == pytest.approx(sheng.contact * (127.0 / 100.0) ** 0.2)
    assert reed_render.speaking(sheng, 40) > speaking
    steady = rms(1.0)
    assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
    assert rms(0.5) < 0.7 * steady and rms(0.5 + 4.0 * speaking) > 0.8 * steady
    assert rms(1.45) > 0.8 * steady
    assert rms(1.5 + 6.0 * sheng.level[3]) < 0.01 * steady


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of bastion's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("bastion", reed_render, REED_SET)


def test_a_helmet_s_intercom_loses_the_lows_and_moves_no_partial() -> None:
    """A speaker held off the ear with no seal leaks its lows, j f / fc over 1 + j f / fc: half the
    power at the corner, 6 dB an octave less under it; the air round the head lifts what falls near
    its modes, by their lift at their centre. The whole step, wind and all, takes the lows far more
    than the mids, and moves no partial."""
    leak = np.abs(production_bus.helmet_leak(np.array([300.0, 3.0, 1.5, 30000.0]), 300.0))
    assert leak[0] == pytest.approx(2**-0.5) and leak[1] / leak[2] == pytest.approx(2.0, rel=0.01)
    assert leak[3] == pytest.approx(1.0, abs=1e-3)
    cavity = np.abs(production_bus.helmet_cavity(np.array([450.0, 20.0]), ((450.0, 3.0, 6.0),)))
    assert cavity[0] == pytest.approx(10.0 ** (6.0 / 20.0)) and cavity[1] == pytest.approx(1.0, abs=0.05)
    t = np.arange(2 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 80.0 * t), np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.helmet(low + mid, SR, np.random.default_rng(5))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[2000] > 5.0 * spectrum[80]
    assert int(np.argmax(spectrum[1000:3000])) + 1000 == 2000


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the tongue slap's flicks, the chap's clatter
    and the bands as grains after the stroke; and the split rendered by reed_render draws only what
    its set has, what holds a tone held while its key is down."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(reed_render, REED_SET)
    checks.assert_grains_follow_the_stroke(reed_render, REED_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in REED_SETS]
    assert splits == ["bastion"]
    kinds = {patch.kind for patch in REED_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("bastion", REED_SETS[SOUNDFONTS["bastion"]], kinds)
