"""The renderer of flutes blown across an edge: its notes' pitch, the flow a jet swung across an edge
sends into the pipe (the note's harmonics alone, no even one where the jet is aimed at the edge's
middle, brighter as the breath swings it wider), an open pipe's column lifting every harmonic and a
stopped one's the odd ones, the open end radiating, the chiff on the column's second mode as a note
speaks, the breath's hiss gathered round the pipe's resonances, a player bending into a note, a note
speaking when it is written and stopping once it is let go, its kit and its grains, what a split it
renders draws; and the production rampart brought, a transistor radio in a garden shed under rain on a
corrugated iron roof."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import jet_render, production_bus
from soundforge.testing.jet_render import JET_SET, JET_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 74 a recorder consort, 73 a flute choir, 75 siku, 32 a great bass recorder, 33 a contrabass flute, 77
# a shakuhachi, 72 a bansuri, 78 a tin whistle, 48 and 49 held
JET = JET_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no bend of the player's, so nothing moves its harmonics off the note's."""
    return dataclasses.replace(patch, scoop=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return jet_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


def _harmonic(samples: npt.NDArray[np.float32], hz: float, k: int, start: float = 0.5) -> float:
    """The power at `samples`' k-th harmonic of `hz`, from `start` s for 0.5 s."""
    return checks.level_at(samples, k * hz, start, 0.5)


@pytest.mark.parametrize("program", sorted(JET_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (bent into, swayed), within 10 cents. The note's
    harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its
    gain, and it is silent at its end."""
    patch = JET[program]
    checks.assert_sounds_its_pitch(jet_render, patch, _still(patch), _levels(patch))


def test_the_jet_sends_the_note_s_harmonics_brighter_as_it_swings_wider() -> None:
    """The jet's flow, tanh(a sin(theta) - offset): aimed at the edge's middle it has no even harmonic;
    a small swing sends a near sine; a wider one (a harder breath) saturates and is far richer in
    harmonics, so a recorder blown harder is brighter."""
    recorders = JET[74]
    middle = np.abs(jet_render.flow(dataclasses.replace(recorders, offset=0.0), np.array([1.5]))[0])
    assert middle[1::2].max() < 1e-9 * middle[0] and middle[2] > 0.01 * middle[0]
    small = np.abs(jet_render.flow(dataclasses.replace(recorders, offset=0.0), np.array([0.01]))[0])
    assert small[0] == pytest.approx(0.01, rel=1e-3) and small[1:].max() < 1e-4 * small[0]
    narrow, wide = np.abs(jet_render.flow(recorders, np.array([0.3, 3.0])))
    assert np.sum(wide[1:] ** 2) / wide[0] ** 2 > 5.0 * np.sum(narrow[1:] ** 2) / narrow[0] ** 2
    hz = checks.hz_of(69)
    loud, soft = (jet_render.voice(_still(recorders), (69.0,), v, 1.0, SR) for v in (127, 20))
    brighter = _harmonic(loud, hz, 3) / _harmonic(loud, hz, 1)
    assert brighter > 1.5 * _harmonic(soft, hz, 3) / _harmonic(soft, hz, 1)


def test_an_open_pipe_lifts_every_harmonic_and_a_stopped_one_the_odd_ones() -> None:
    """A flute's column, open at both ends, passes its second harmonic as its first; siku's tubes,
    stopped at their foot, pass the first and the third far more than the second, and a siku's note
    sounds its third harmonic far over its second."""
    hz = checks.hz_of(69)
    f = np.array([1.0, 2.0, 3.0]) * hz * JET[73].tuned
    open_pipe = np.abs(jet_render.column(JET[73], f, hz))
    assert open_pipe[1] == pytest.approx(open_pipe[0], rel=0.1)
    f = np.array([1.0, 2.0, 3.0]) * hz * JET[75].tuned
    stopped = np.abs(jet_render.column(JET[75], f, hz))
    assert stopped[0] > 5.0 * stopped[1] and stopped[2] > 5.0 * stopped[1]
    siku = jet_render.voice(_still(JET[75]), (69.0,), 100, 1.0, SR)
    assert _harmonic(siku, hz, 3) > 10.0 * _harmonic(siku, hz, 2)


def test_the_open_end_radiates_as_the_frequency_then_flat() -> None:
    """The pipe's open end radiates its flow as the frequency under c / 2 pi r, flat far above."""
    flute = JET[73]
    corner = 343.0 / (2.0 * np.pi * flute.bore)
    radiation = np.abs(jet_render.radiated(flute, np.array([corner / 100.0, corner / 50.0, 100.0 * corner])))
    assert radiation[1] / radiation[0] == pytest.approx(2.0, rel=0.01)
    assert radiation[2] == pytest.approx(1.0, abs=1e-3)


def test_the_chiff_sounds_the_column_s_second_mode_as_the_note_speaks() -> None:
    """Before the column locks the jet to its note, the second harmonic (a stopped pipe's third) stands
    at 1 + chiff of its steady share, dying over the jet's speaking time: a tin whistle's octave as it
    speaks is that much over the same note's with no chiff, and no more once it has spoken; a siku's
    third likewise."""
    whistle = _still(JET[78])
    frames = np.array([0.0, 20.0 * jet_render.speaking(whistle, 100)])
    assert jet_render.chiffed(whistle, 100, frames) == pytest.approx([1.0 + whistle.chiff, 1.0], abs=1e-6)
    hz = checks.hz_of(81)
    at = np.array([0.004, 0.5])
    for patch, mode in ((whistle, 1), (dataclasses.replace(JET[75], chiff=1.0), 2)):
        chiffed = jet_render.levels(patch, hz, 1.0, 100, at, SR)
        plain = jet_render.levels(dataclasses.replace(patch, chiff=0.0), hz, 1.0, 100, at, SR)
        lift = chiffed[:, mode] / plain[:, mode]
        assert lift[0] == pytest.approx(jet_render.chiffed(patch, 100, at)[0]) and lift[0] > 1.5
        assert lift[1] == pytest.approx(1.0, abs=1e-6)
        assert chiffed[:, mode - 1] == pytest.approx(plain[:, mode - 1])


def test_the_breath_hisses_through_the_pipe_s_resonances() -> None:
    """The jet's turbulence heard through the column: its hiss gathers on the pipe's resonances, far
    louder at a harmonic than half-way between two, and is drawn by the note's generator."""
    shakuhachi = JET[77]
    hz = 400.0 / shakuhachi.tuned
    hiss = jet_render.breathed(shakuhachi, hz, 4 * SR, SR, np.random.default_rng(3))
    assert np.all(np.isfinite(hiss)) and float(np.abs(hiss).max()) == pytest.approx(1.0)
    power = np.abs(np.fft.rfft(hiss)) ** 2
    f = np.fft.rfftfreq(hiss.size, 1.0 / SR)

    def near(centre: float) -> float:
        return float(power[np.abs(f - centre) < 5.0].mean())

    assert near(800.0) > 4.0 * near(1000.0) and near(1200.0) > 4.0 * near(1000.0)
    again = jet_render.breathed(shakuhachi, hz, 4 * SR, SR, np.random.default_rng(3))
    assert np.array_equal(hiss, again)


def test_a_player_bends_into_the_note_and_sways_about_it() -> None:
    """A shakuhachi's note rises from `scoop` cents under into its pitch (meri to the note): early on
    it sounds well under its pitch, later on it."""
    shakuhachi = dataclasses.replace(JET[77], vibrato=0.0, scoop=80.0, glide=0.15)
    note = jet_render.voice(shakuhachi, (69.0,), 100, 2.0, SR)
    hz = checks.hz_of(69)
    early = checks.strongest_near(note, hz, 0.0, 0.12, width=0.1)
    late = checks.strongest_near(note, hz, 1.0, 0.5, width=0.1)
    assert checks.cents_between(early, hz) < -20.0
    assert checks.cents_between(late, hz) == pytest.approx(0.0, abs=1.0)


def test_a_note_speaks_when_it_is_written_and_stops_once_it_is_let_go() -> None:
    """A flute choir's note written at 0.5 s for 1 s: silent before it, its jet speaking over its
    speaking time (a softer breath's longer), near its full level four of them on, held to the end, and
    silent a few tenths of a second after it is let go."""
    flute = JET[73]
    jet_render._SOUNDED.clear()
    out = jet_render.render([Note(0.5, 1.0, 69, 100, 0)], {0: 73}, 2.5, SR, 0.0, JET_SET)

    def rms(start: float) -> float:
        part = out[int(start * SR) : int((start + 0.02) * SR)].astype(np.float64)
        return float(np.sqrt(np.mean(part**2)))

    speaking = jet_render.speaking(flute, 100)
    assert speaking == pytest.approx(flute.contact * (127.0 / 100.0) ** 0.2)
    assert jet_render.speaking(flute, 40) > speaking
    steady = rms(1.0)
    assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
    assert rms(0.5) < 0.7 * steady and rms(0.5 + 4.0 * speaking) > 0.6 * steady
    assert rms(1.45) > 0.6 * steady
    assert rms(1.5 + 6.0 * flute.level[3]) < 0.02 * steady


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of rampart's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("rampart", jet_render, JET_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the spat consonants and the rattles as grains
    after the stroke; and the split rendered by jet_render draws only what its set has, what holds a
    tone held while its key is down."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(jet_render, JET_SET)
    checks.assert_grains_follow_the_stroke(jet_render, JET_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in JET_SETS]
    assert splits == ["rampart"]
    kinds = {patch.kind for patch in JET_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("rampart", JET_SETS[SOUNDFONTS["rampart"]], kinds)


def test_a_radio_s_small_speaker_passes_its_band() -> None:
    """The radio's cone on its box's air passes Q times at its resonance, all of it far above (under its
    top), 12 dB an octave less far under; past its top the highs fall 6 dB an octave."""
    resonance, q, top = 250.0, 1.2, 5000.0
    f = np.array([resonance, 1500.0, resonance / 8.0, resonance / 16.0, 32.0 * top, 64.0 * top])
    heard = np.abs(production_bus.radio_speaker(f, resonance, q, 1e9))
    assert heard[0] == pytest.approx(q) and heard[1] == pytest.approx(1.0, abs=0.05)
    assert heard[2] / heard[3] == pytest.approx(4.0, rel=0.02)
    dulled = np.abs(production_bus.radio_speaker(f, resonance, q, top))
    assert dulled[4] / dulled[5] == pytest.approx(2.0, rel=0.01)


def test_the_rain_rings_the_sheet_at_random_and_sounds_no_pitch() -> None:
    """A drop's ping on the sheet dies sooner in the highs than in the lows; a drop's press passes all
    under 1 / 2 tau and falls past it; the rain thickens and thins about 1, with no steady swing at any
    beat's rate; it sounds no pitch class over a fifth of its power, and the same draw rains the same."""
    ping = production_bus.sheet_ring(np.random.default_rng(2), 0.02, SR)
    low = production_bus.band_passed(ping, SR, 100.0, 200.0)
    high = production_bus.band_passed(ping, SR, 3200.0, 6400.0)

    def share_after(band: Signal, seconds: float) -> float:
        return float(np.sum(band[int(seconds * SR) :] ** 2) / np.sum(band**2))

    assert share_after(low, 0.05) > 10.0 * share_after(high, 0.05)
    press = production_bus.drop_press(np.array([0.0, 100.0, 1.0 / 0.0002, 2.0 / 0.0002]), 0.0002)
    assert press[0] == pytest.approx(1.0) and press[1] == pytest.approx(1.0, abs=0.01) and press[3] < press[2]
    gusts = production_bus.downpour_swells(60 * SR, SR, np.random.default_rng(4))
    assert float(gusts.min()) > 0.2 and float(gusts.max()) < 1.8
    level = gusts[:: SR // 50] - float(np.mean(gusts))
    spectrum = np.abs(np.fft.rfft(level * np.hanning(level.size)))
    rates = np.fft.rfftfreq(level.size, 1.0 / 50.0)
    assert spectrum[rates > 0.5].max() < 0.05 * spectrum.max()  # nothing swings at a beat's rate
    rain = production_bus.rain_on_roof(10 * SR, SR, np.random.default_rng(1))
    assert np.all(np.isfinite(rain)) and float(np.abs(rain).max()) == pytest.approx(1.0)
    power = np.abs(np.fft.rfft(rain)) ** 2
    f = np.fft.rfftfreq(rain.size, 1.0 / SR)
    band = (f > 50.0) & (f < 5000.0)
    classes = np.round(12.0 * np.log2(f[band] / 440.0)).astype(int) % 12
    assert (np.bincount(classes, power[band], 12) / float(power[band].sum())).max() < 0.2
    assert np.array_equal(rain, production_bus.rain_on_roof(10 * SR, SR, np.random.default_rng(1)))


def test_a_radio_in_a_shed_under_a_tin_roof_loses_the_lows_and_moves_no_partial() -> None:
    """The whole step, rain and shed and all: the radio's speaker takes the lows far more than the
    mids, the rain sits under the song, and no partial moves."""
    t = np.arange(4 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 60.0 * t), np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.tin_roof(low + mid, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 3 * SR]))
    assert spectrum[4000] > 5.0 * spectrum[120]
    assert int(np.argmax(spectrum[2000:6000])) + 2000 == 4000
    assert np.argmax(spectrum) == 4000  # the rain under the song
