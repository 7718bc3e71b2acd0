"""The renderer of bagpipes: its notes' pitch, a beating reed's flow (the note's harmonics alone, richer
as the reed is shut longer), a cone's bore lifting every harmonic and a closed cylinder's the odd ones,
the holes letting the highs out past their cutoff and the bell radiating, the bag setting every note's
level whatever the velocity and swinging slowly, a gracenote cutting a note in, a closed chanter
stopping dead, a drone set's tenors and the bass under them, a note speaking when it is written and
stopping once it is let go, its kit and its grains, what a split it renders draws; and the production
bulwark brought, a song on a television's soundbar and its subwoofer in a living room."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import bag_render, production_bus
from soundforge.testing.bag_render import BAG_SET, BAG_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 109 Highland chanters, 68 Scottish smallpipes, 69 a zampogna's chanters, 32 an uilleann bass
# regulator, 33 a zampogna's manca, 71 an uilleann chanter, 72 Northumbrian smallpipes, 111 a gaida,
# 48 a Highland set's drones, 49 an uilleann set's
BAG = BAG_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no bend of the piper's and a bag held dead steady, so nothing moves its
    harmonics off the note's."""
    return dataclasses.replace(patch, scoop=0.0, vibrato=0.0, swell=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return bag_render.levels(patch, hz, 2.0, frames, SR).astype(np.complex128)

    return weights


def _at(samples: npt.NDArray[np.float32], hz: float, start: float, seconds: float) -> float:
    """The power of `samples` at exactly `hz` over `seconds` from `start` (its Hann-windowed Fourier
    component there): for windows too short for an FFT's bins to fall on the note."""
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    times = np.arange(part.size) / SR
    return float(np.abs(np.sum(part * np.hanning(part.size) * np.exp(-2j * np.pi * hz * times))) ** 2)


def _rms(samples: npt.NDArray[np.float32], start: float, seconds: float = 0.02) -> float:
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    return float(np.sqrt(np.mean(part**2)))


@pytest.mark.parametrize("program", sorted(BAG_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (the bag swinging, the piper's bend), within 10
    cents. The note's harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes
    a quarter of its gain, and it is silent at its end."""
    patch = BAG[program]
    checks.assert_sounds_its_pitch(bag_render, patch, _still(patch), _levels(patch))


def test_a_beating_reed_sends_the_note_s_harmonics_richer_as_it_is_shut_longer() -> None:
    """The reed's flow, max(0, cos theta - cos(pi open)): never shut, a cosine, the note's harmonic
    alone; shut for part of each period, a pulse rich in harmonics, the richer the longer it is shut;
    and a chanter sounds its upper harmonics at a level a bore's resonances hold."""
    never, short, long = np.abs(bag_render.flow(np.array([0.0, 0.2, 0.45])))
    assert never[0] == pytest.approx(1.0) and never[1:].max() < 1e-9
    assert np.sum(long[1:] ** 2) / long[0] ** 2 > 2.0 * np.sum(short[1:] ** 2) / short[0] ** 2
    assert np.all(np.isfinite(long)) and long[1] > 0.3 * long[0]


def test_a_cone_lifts_every_harmonic_and_a_closed_cylinder_the_odd_ones() -> None:
    """A zampogna's cone passes its second harmonic near its first; Northumbrian smallpipes' cylinder,
    closed at the reed, passes the first and the third far more than the second, and its note sounds
    its third harmonic far over its second."""
    hz = checks.hz_of(69)
    f = np.array([1.0, 2.0, 3.0]) * hz
    cone = np.abs(bag_render.column(dataclasses.replace(BAG[69], stretch=0.0), f, hz))
    assert cone[1] == pytest.approx(cone[0], rel=0.2)
    cylinder = np.abs(bag_render.column(BAG[72], f, hz))
    assert cylinder[0] > 5.0 * cylinder[1] and cylinder[2] > 5.0 * cylinder[1]
    note = bag_render.voice(_still(BAG[72]), (69.0,), 100, 1.0, SR)
    assert checks.level_at(note, 3.0 * hz, 0.5, 0.5) > 10.0 * checks.level_at(note, 2.0 * hz, 0.5, 0.5)


def test_the_holes_let_the_highs_out_past_their_cutoff_and_the_bell_radiates_as_the_frequency() -> None:
    """The tone holes pass all of the bore's sound well under their cutoff, `holes` times at it, 12 dB
    an octave less far above; a drone has none. The holes and the bell radiate as the frequency under
    c / 2 pi r, flat far above."""
    chanter = BAG[109]
    cut = chanter.cutoff
    holes = np.abs(bag_render.lattice(chanter, np.array([cut / 100.0, cut, 16.0 * cut, 32.0 * cut])))
    assert holes[0] == pytest.approx(1.0, abs=1e-3) and holes[1] == pytest.approx(chanter.holes)
    assert holes[2] / holes[3] == pytest.approx(4.0, rel=0.02)
    assert np.allclose(bag_render.lattice(BAG[48], np.array([100.0, 5000.0])), 1.0)
    corner = 343.0 / (2.0 * np.pi * chanter.radius)
    radiation = np.abs(
        bag_render.radiated(chanter, np.array([corner / 100.0, corner / 50.0, 100.0 * corner]))
    )
    assert radiation[1] / radiation[0] == pytest.approx(2.0, rel=0.01)
    assert radiation[2] == pytest.approx(1.0, abs=1e-3)


def test_the_bag_sets_the_level_whatever_the_velocity_and_swings_slowly() -> None:
    """A piper has no dynamics: the same note at velocity 20 and at 127 (the same draw) is the same
    sound. The bag's pressure swings by `swell` at `blow` Hz, and the reed with it: brighter and sharper
    at its top, by no more than `sag` cents a percent."""
    gaida = BAG[111]
    soft = bag_render.voice(gaida, (69.0,), 20, 1.0, SR, seed=[3])
    assert np.array_equal(soft, bag_render.voice(gaida, (69.0,), 127, 1.0, SR, seed=[3]))
    frames = np.arange(0.0, 10.0, bag_render.FRAME)
    bag = bag_render.pressure(gaida, frames)
    assert bag.max() == pytest.approx(1.0 + gaida.swell, abs=1e-4)
    assert bag.min() == pytest.approx(1.0 - gaida.swell, abs=1e-4)
    spectrum = np.abs(np.fft.rfft(bag - 1.0, 8 * frames.size))
    rates = np.fft.rfftfreq(8 * frames.size, bag_render.FRAME)
    assert rates[np.argmax(spectrum)] == pytest.approx(gaida.blow, abs=0.02)
    levels = bag_render.levels(gaida, checks.hz_of(69), 10.0, frames, SR)
    top, bottom = int(np.argmax(bag[250:])) + 250, int(np.argmin(bag[250:])) + 250
    brightness = [np.sum(levels[k, 1:] ** 2) / levels[k, 0] ** 2 for k in (top, bottom)]
    assert brightness[0] > 1.2 * brightness[1]
    held = bag_render.voice(dataclasses.replace(gaida, vibrato=0.0, scoop=0.0), (69.0,), 100, 4.0, SR)
    hz = checks.hz_of(69)
    pitches = [checks.strongest_near(held, hz, start, 0.5, width=0.05) for start in np.arange(0.2, 3.5, 0.5)]
    drift = [abs(checks.cents_between(p, hz)) for p in pitches]
    assert max(drift) <= gaida.sag * 100.0 * gaida.swell + 1.0


def test_a_gracenote_cuts_the_note_in_an_octave_up() -> None:
    """A Highland chanter's note starts on its gracenote, the chanter's upper octave, for `grace` s, then
    the note: early on, its own harmonic is far under what it is with no gracenote, and the octave
    sounds; later the two are the same note. A zampogna's chanter cuts in no note."""
    chanter = _still(BAG[109])
    plain = dataclasses.replace(chanter, grace=0.0)
    hz = checks.hz_of(69)
    graced = bag_render.voice(chanter, (69.0,), 100, 1.0, SR, seed=[1])
    bare = bag_render.voice(plain, (69.0,), 100, 1.0, SR, seed=[1])
    early = (chanter.grace - 0.02, 0.018)
    assert _at(graced, hz, *early) < 0.1 * _at(bare, hz, *early)
    assert _at(graced, 2.0 * hz, *early) > 0.1 * _at(bare, hz, *early)
    assert _at(graced, hz, 0.5, 0.2) == pytest.approx(_at(bare, hz, 0.5, 0.2), rel=0.2)
    times = np.array([0.0, chanter.grace - bag_render._CROSS, chanter.grace + bag_render._CROSS, 0.5])
    assert bag_render.graced(chanter, times).tolist() == [1.0, 1.0, 0.0, 0.0]
    assert not bag_render.graced(BAG[69], times).any()


def test_a_drone_set_sounds_its_tenors_on_the_note_and_its_bass_under_them() -> None:
    """A Highland set's two tenors sit a breath either side of the note and its bass an octave under;
    an uilleann set's bass, two octaves under a low note, falls under what a pipe speaks and is left
    out; the drones' bass sounds in a held note."""
    drones = BAG[48]
    hz = checks.hz_of(57)
    pipes = bag_render.pipes(drones, hz)
    assert [share for _, share in pipes] == [1.0, 1.0, 0.8]
    assert checks.cents_between(pipes[0][0], hz) == pytest.approx(-drones.detune / 2.0)
    assert checks.cents_between(pipes[1][0], hz) == pytest.approx(drones.detune / 2.0)
    assert pipes[2][0] == pytest.approx(hz / 2.0)
    low = checks.hz_of(36)
    assert [pitch for pitch, _ in bag_render.pipes(BAG[49], low)] == pytest.approx([low, low / 2.0])
    held = bag_render.voice(_still(drones), (57.0,), 100, 2.0, SR)
    assert checks.level_at(held, hz / 2.0, 0.5, 1.0) > 0.05 * checks.level_at(held, hz, 0.5, 1.0)


def test_a_note_speaks_when_it_is_written_and_stops_once_it_is_let_go() -> None:
    """A Highland chanter's note written at 0.5 s for 1 s: silent before it, sounding within a few ms,
    held to the end, and silent soon after it is let go; a Northumbrian chanter, closed at its foot,
    stops dead; drones speak slowly."""
    for program in (109, 72):
        patch = BAG[program]
        bag_render._SOUNDED.clear()
        out = bag_render.render([Note(0.5, 1.0, 69, 100, 0)], {0: program}, 2.5, SR, 0.0, BAG_SET)
        steady = _rms(out, 1.0)
        assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
        assert _rms(out, 0.5 + 4.0 * patch.speak) > 0.5 * steady and _rms(out, 1.45) > 0.6 * steady
        assert _rms(out, 1.5 + 6.0 * patch.level[3]) < 0.02 * steady
    assert BAG[72].level[3] < 0.01
    drones = bag_render.voice(BAG[48], (57.0,), 100, 2.0, SR)
    assert _rms(drones, 0.0) < 0.5 * _rms(drones, 1.0)


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of bulwark's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("bulwark", bag_render, BAG_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the wires, the ferrules and the tassels as
    grains after the stroke; and the split rendered by bag_render draws only what its set has, what
    holds a tone held while its key is down."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(bag_render, BAG_SET)
    checks.assert_grains_follow_the_stroke(bag_render, BAG_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in BAG_SETS]
    assert splits == ["bulwark"]
    kinds = {patch.kind for patch in BAG_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("bulwark", BAG_SETS[SOUNDFONTS["bulwark"]], kinds)


def test_a_ported_subwoofer_passes_above_its_tuning_and_falls_24_db_an_octave_under() -> None:
    """The subwoofer's box: 1 / sqrt(2) at its port's tuning, all of it far above, and each octave far
    under it 16 times less than the one above."""
    tuning = 40.0
    box = production_bus.ported_box(np.array([tuning, 100.0 * tuning, tuning / 8.0, tuning / 16.0]), tuning)
    assert box[0] == pytest.approx(2.0**-0.5) and box[1] == pytest.approx(1.0)
    assert box[2] / box[3] == pytest.approx(16.0, rel=0.01)


def test_the_room_s_axial_modes_lift_or_sink_what_falls_near_them() -> None:
    """A 5 m by 4 m by 2.5 m room's axial modes under 100 Hz: c / 2 L and its multiples along each
    side; one mode lifting 6 dB lifts its own frequency by that and leaves the far ones alone; one
    sinking never takes more than nine tenths."""
    modes = production_bus.axial_modes((5.0, 4.0, 2.5), 100.0)
    assert modes == pytest.approx([34.3, 68.6, 42.875, 85.75, 68.6])
    lifted = production_bus.room_modes(np.array([50.0, 5000.0]), [(50.0, 6.0, 8.0)])
    assert lifted[0] == pytest.approx(10.0 ** (6.0 / 20.0)) and lifted[1] == pytest.approx(1.0, abs=0.01)
    sunk = production_bus.room_modes(np.array([50.0]), [(50.0, -40.0, 8.0)])
    assert sunk[0] == pytest.approx(0.1)


def test_the_subwoofer_s_limiter_holds_its_peaks_and_lets_go() -> None:
    """A loud burst of lows between quiet ones: the limiter holds the burst to its ceiling of the
    loudest, and the quiet lows after it come back to their level within a second."""
    t = np.arange(4 * SR) / SR
    lows = np.sin(2.0 * np.pi * 50.0 * t) * np.where((t > 1.0) & (t < 2.0), 1.0, 0.2)
    held = production_bus.sub_limited(lows, SR, 0.5, 0.2)
    assert float(np.abs(held).max()) <= 0.5 + 1e-9
    assert float(np.abs(held[int(3.2 * SR) : int(3.5 * SR)]).max()) == pytest.approx(0.2, rel=0.02)
    assert float(np.abs(held[: int(0.9 * SR)]).max()) == pytest.approx(0.2, rel=0.02)


def test_night_mode_turns_the_loud_bars_down_against_the_quiet_ones() -> None:
    """The night mode's compressor: a loud second between quiet ones comes out nearer their level than
    it went in; a gain moves no partial."""
    t = np.arange(4 * SR) / SR
    song = np.sin(2.0 * np.pi * 440.0 * t) * np.where((t > 1.5) & (t < 2.5), 1.0, 0.1)
    out = production_bus.night_mode(song, SR, np.random.default_rng(1))

    def ratio(x: Signal) -> float:
        return float(
            np.abs(x[int(2.0 * SR) : int(2.2 * SR)]).max() / np.abs(x[int(3.0 * SR) : int(3.5 * SR)]).max()
        )

    assert ratio(out) < 0.7 * ratio(song)
    spectrum = np.abs(np.fft.rfft(out[int(1.6 * SR) : int(2.4 * SR)]))
    assert np.fft.rfftfreq(int(0.8 * SR), 1.0 / SR)[np.argmax(spectrum)] == pytest.approx(440.0, abs=1.5)


def test_a_soundbar_in_a_living_room_keeps_every_partial_where_it_was() -> None:
    """The whole step, bar and subwoofer and room and all: a low partial through the subwoofer and a
    high one through the bar both come out where they went in and nowhere else stands over them;
    finite, as long; the same draw gives the same sound, another another."""
    t = np.arange(6 * SR) / SR
    low, high = np.sin(2.0 * np.pi * 60.0 * t), np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.soundbar(low + high, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 5 * SR]))
    assert int(np.argmax(spectrum[:1000])) == 240 and int(np.argmax(spectrum[4000:])) + 4000 == 8000
    assert np.array_equal(heard, production_bus.soundbar(low + high, SR, np.random.default_rng(5)))
    assert not np.allclose(heard, production_bus.soundbar(low + high, SR, np.random.default_rng(6)))
