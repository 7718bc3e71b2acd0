"""The renderer of huqin: its notes' pitch, the bridge's sawtooth (the bow's nodes weak, its corner rounded
by a soft bow and before the motion settles), a membrane's and a board's modes where the bridge drives
them, the tube's quarter waves and the face's mass, the open strings ringing in sympathy, the finger
sliding into the note and its vibrato, the bow turning on a long note and a section never turning
together, a note speaking when it is written and stopping once it is let go, its kit and its grains,
what a split it renders draws; and the production redoubt brought, a song on an FM station heard high in
a tower block, its signal arriving twice."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import huqin_render, production_bus
from soundforge.testing.huqin_render import HUQIN_SET, HUQIN_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 40 an erhu, 41 a zhonghu, 109 a matouqin, 42 a gehu, 43 a diyin gehu, 110 a jinghu, 44 a gaohu, 45 a
# banhu, 111 a haegeum, 48 a gehu section, 49 a zhonghu section
HUQIN = HUQIN_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no slide, no vibrato, a section's players in unison, so nothing moves its
    harmonics off the note's."""
    return dataclasses.replace(patch, slide=0.0, vibrato=0.0, detune=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, bowed at
    velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return huqin_render.levels(patch, hz, 100, frames, SR).astype(np.complex128)

    return weights


def _rms(samples: npt.NDArray[np.float32], start: float, seconds: float = 0.02) -> float:
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    return float(np.sqrt(np.mean(part**2)))


@pytest.mark.parametrize("program", sorted(HUQIN_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (the slide in, the vibrato, a section's players
    apart), within 10 cents. The note's harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its
    level never passes a quarter of its gain, and it is silent at its end."""
    patch = HUQIN[program]
    checks.assert_sounds_its_pitch(huqin_render, patch, _still(patch), _levels(patch))


def test_the_bridge_s_force_is_a_sawtooth_its_bow_s_nodes_weak_and_its_corner_rounded() -> None:
    """The bridge's force: its harmonics 1 / n where the corner is sharp and the bow sits on no node;
    a harmonic with a node under the bow (n bow a whole number) at NODE of that; the corner rounded, the
    harmonics falling as exp(-(n - 1) / corner). A soft bow rounds it more, and the bow starting rounds
    it most, sharpening as the motion settles."""
    erhu = HUQIN[40]
    plain = dataclasses.replace(erhu, bow=1.0 / 64.0)
    saw = huqin_render.sawtooth(plain, np.array([1e9]))[0]
    n = np.arange(1, huqin_render.HARMONICS + 1)
    node = huqin_render.NODE + (1.0 - huqin_render.NODE) * np.abs(np.sin(np.pi * n / 64.0))
    assert saw == pytest.approx(node / n)
    on_node = huqin_render.sawtooth(dataclasses.replace(erhu, bow=0.1), np.array([1e9]))[0]
    assert on_node[9] == pytest.approx(huqin_render.NODE / 10.0, rel=1e-6)
    rounded = huqin_render.sawtooth(plain, np.array([4.0]))[0]
    assert rounded[8] / saw[8] == pytest.approx(np.exp(-2.0))
    frames = np.array([0.0, 10.0 * erhu.settle])
    soft, hard = (huqin_render.drawn_corner(erhu, v, frames) for v in (30, 127))
    assert hard[1] == pytest.approx(erhu.corner, rel=1e-3) and soft[1] < 0.7 * hard[1]
    assert hard[0] == pytest.approx(erhu.corner / 3.0)
    loud, quiet = (huqin_render.levels(erhu, 440.0, v, np.array([0.5]), SR)[0] for v in (127, 30))
    assert np.sum(loud[4:] ** 2) / loud[0] ** 2 > 1.5 * np.sum(quiet[4:] ** 2) / quiet[0] ** 2


def test_a_membrane_s_and_a_board_s_modes_where_the_bridge_drives_them() -> None:
    """The Bessel functions as the integral reads them; a membrane's modes at j_mn / j_01 of its first
    and a clamped board's at (l_mn / l_01)^2, the board still at its rim; a bridge at the centre drives
    only the modes that swing the air as a whole (m = 0), one off it the others too; the first mode
    weighs 1."""
    x = np.array([0.5, 2.4048, 5.5201])
    assert huqin_render.bessel(0, x) == pytest.approx([0.93847, 0.0, 0.0], abs=1e-4)
    assert huqin_render.bessel(1, np.array([3.8317, 1.0])) == pytest.approx([0.0, 0.44005], abs=1e-4)
    assert huqin_render.bessel(0, np.array([1.3]), modified=True)[0] == pytest.approx(float(np.i0(1.3)))
    for m, root in huqin_render.BOARD:
        assert abs(float(huqin_render.shape("board", m, root, np.array(1.0)))) < 1e-4
    skin = huqin_render.face_modes("skin", 0.0, 0.3)
    assert [ratio for ratio, _ in skin[:4]] == pytest.approx([1.0, 1.5933, 2.1355, 2.2954], abs=1e-3)
    assert skin[0][1] == pytest.approx(1.0)
    centred = [weight for (m, _), (_, weight) in zip(huqin_render.MEMBRANE, skin, strict=True) if m]
    assert np.allclose(centred, 0.0, atol=1e-9)
    off = huqin_render.face_modes("skin", 0.3, 0.3)
    assert abs(off[1][1]) > 0.05
    board = huqin_render.face_modes("board", 0.3, 0.3)
    assert [ratio for ratio, _ in board[:3]] == pytest.approx([1.0, 2.0811, 3.4141], abs=1e-3)


def test_the_tube_s_air_rings_at_its_quarter_waves_and_the_body_falls_above_its_top() -> None:
    """The tube's air, open at the back, rings at c / 4 (L + 0.61 a) and three times that, not at twice
    it; far above its modes and its `top`, the body falls 18 dB an octave (a mode's 6, the face's mass
    12)."""
    erhu = HUQIN[40]
    length, radius = erhu.tube
    quarter = 343.0 / (4.0 * (length + 0.61 * radius))
    air = np.abs(huqin_render.cavity(erhu, np.array([quarter, 2.0 * quarter, 3.0 * quarter])))
    assert air[0] > 3.0 * air[1] and air[2] > 3.0 * air[1]
    assert np.abs(huqin_render.cavity(erhu, np.array([quarter])))[0] == pytest.approx(1.0, rel=0.1)
    far = np.abs(huqin_render.body(erhu, np.array([200.0, 400.0]) * erhu.top))
    assert far[0] / far[1] == pytest.approx(8.0, rel=0.03)


def test_the_open_strings_ring_in_sympathy_where_a_harmonic_lands_on_theirs() -> None:
    """An erhu's open strings (D4 and A4) lift what lands on one of their harmonics by `sympathy` (its
    A string's second harmonic, tuned with the band), and leave a frequency between them nearly alone;
    a band tuned 31 cents flat tunes them with it."""
    erhu = HUQIN[40]
    on = huqin_render.sympathetic(erhu, np.array([880.0]), 0.0)[0]
    assert on == pytest.approx(1.0 + erhu.sympathy)
    between = huqin_render.sympathetic(erhu, np.array([900.0]), 0.0)[0]
    assert between < 1.0 + 0.1 * erhu.sympathy
    flat = 880.0 * 2.0 ** (-31.0 / 1200.0)
    assert huqin_render.sympathetic(erhu, np.array([flat]), -31.0)[0] == pytest.approx(1.0 + erhu.sympathy)
    assert huqin_render.sympathetic(erhu, np.array([flat]), 0.0)[0] < 1.0 + 0.1 * erhu.sympathy


def test_a_finger_slides_into_the_note_and_holds_it_with_a_vibrato() -> None:
    """The finger starts from up to `slide` cents above or below (both drawn over many notes), within
    a few cents of the note after five `glide`s; the vibrato swings `vibrato` cents once eased in, at
    the player's own rate within 5% of `rate`."""
    haegeum = HUQIN[111]
    starts = [huqin_render.fingering(haegeum, 1.0, np.random.default_rng(k), True).start for k in range(40)]
    assert max(starts) > 0.0 > min(starts) and max(np.abs(starts)) <= haegeum.slide
    played = huqin_render.fingering(haegeum, 4.0, np.random.default_rng(3), True)
    assert abs(played.speed / haegeum.rate - 1.0) <= 0.05
    times = np.arange(0.0, 4.0, 0.001)
    cents = huqin_render.pitch(haegeum, played, 0.0, times)
    assert cents[0] == pytest.approx(played.start)
    held = cents[times > haegeum.delay + 0.3]
    assert float(held.max()) == pytest.approx(haegeum.vibrato, abs=0.5)
    assert float(held.min()) == pytest.approx(-haegeum.vibrato, abs=0.5)
    settled = huqin_render.pitch(dataclasses.replace(haegeum, vibrato=0.0), played, 0.0, times)
    assert abs(settled[times >= 5.0 * haegeum.glide][0]) < 0.01 * haegeum.slide


def test_the_bow_turns_on_a_long_note_and_a_section_never_turns_together() -> None:
    """A note held 12 s is bowed in strokes each within a fifth of `stroke`; at each turn the level dips
    by TURN_DEPTH for `turn` s; a note shorter than a stroke is one bow. A section's players start part
    of the way through a stroke, each at their own place."""
    gehu = HUQIN[42]
    played = huqin_render.fingering(gehu, 12.0, np.random.default_rng(4), True)
    strokes = np.diff([0.0, *played.turns])
    assert len(played.turns) >= 2 and np.all(np.abs(strokes / gehu.stroke - 1.0) <= 0.2 + 1e-9)
    assert not huqin_render.fingering(gehu, 0.5 * gehu.stroke, np.random.default_rng(4), True).turns
    times = np.arange(0.0, 12.0, 1.0 / SR)
    level = huqin_render.bowed(gehu, 12.0, times, played.turns)
    at = played.turns[0]
    assert level[round(at * SR)] == pytest.approx(1.0 - huqin_render.TURN_DEPTH, abs=1e-3)
    assert level[round((at + gehu.turn) * SR)] == pytest.approx(1.0, abs=1e-3)
    rng = np.random.default_rng(5)
    section = HUQIN[48]
    firsts = [huqin_render.fingering(section, 12.0, rng, k == 0).turns[0] for k in range(section.voices)]
    assert len({round(first, 2) for first in firsts}) == section.voices


def test_a_note_speaks_when_it_is_written_and_stops_once_it_is_let_go() -> None:
    """An erhu's note written at 0.5 s for 1 s: silent before it, sounding within a few settles, held to
    the end, and silent soon after the bow leaves it; a diyin gehu's rings a little longer."""
    for program in (40, 43):
        patch = HUQIN[program]
        huqin_render._SOUNDED.clear()
        out = huqin_render.render([Note(0.5, 1.0, 57, 100, 0)], {0: program}, 2.5, SR, 0.0, HUQIN_SET)
        steady = _rms(out, 1.0)
        assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
        assert _rms(out, 0.5 + 4.0 * patch.settle) > 0.4 * steady and _rms(out, 1.45) > 0.5 * steady
        assert _rms(out, 1.5 + 6.0 * patch.level[3]) < 0.02 * steady
    assert HUQIN[43].level[3] > HUQIN[40].level[3]


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of redoubt's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("redoubt", huqin_render, HUQIN_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the cymbals' shimmer and the plates' double
    clap as grains after the stroke; and the split rendered by huqin_render draws only what its set
    has, what holds a tone held while its key is down."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(huqin_render, HUQIN_SET)
    checks.assert_grains_follow_the_stroke(huqin_render, HUQIN_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in HUQIN_SETS]
    assert splits == ["redoubt"]
    kinds = {patch.kind for patch in HUQIN_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("redoubt", HUQIN_SETS[SOUNDFONTS["redoubt"]], kinds)


def test_fm_s_emphasis_lifts_the_highs_6_db_an_octave_above_its_corner() -> None:
    """A station's pre-emphasis: flat far under 1 / 2 pi tau, 3 dB up at it, and twice as much an
    octave higher far above it."""
    tau = 50e-6
    corner = 1.0 / (2.0 * np.pi * tau)
    lift = production_bus.fm_emphasis(np.array([corner / 100.0, corner, 50.0 * corner, 100.0 * corner]), tau)
    assert lift[0] == pytest.approx(1.0, abs=1e-3) and lift[1] == pytest.approx(np.sqrt(2.0))
    assert lift[3] / lift[2] == pytest.approx(2.0, rel=1e-3)


def test_the_discriminator_reads_the_echo_s_distortion_and_the_carrier_it_leaves() -> None:
    """With no echo the discriminator gives the message back; with one its closed form is the rate of
    the two signals' summed phase, read finely; the echo adds the note's harmonics and no other
    frequency, more the stronger it is, and leaves 1 - a of the carrier where the two cancel."""
    rate = 8 * SR
    times = np.arange(rate // 2) / rate
    message = 0.5 * np.sin(2.0 * np.pi * 3000.0 * times)
    phase = 2.5 + 0.2 * times
    plain, carrier = production_bus.discriminated(message, rate, 70e3, 6e-6, 0.0, phase)
    assert np.array_equal(plain, message) and np.allclose(carrier, 1.0)
    heard, carrier = production_bus.discriminated(message, rate, 70e3, 6e-6, 0.5, phase)
    summed = 1.0 + 0.5 * np.exp(1j * (phase - 2.0 * np.pi * 70e3 * 6e-6 * message))
    read = message + np.gradient(np.unwrap(np.angle(summed))) * rate / (2.0 * np.pi * 70e3)
    assert np.allclose(heard[10:-10], read[10:-10], atol=2e-3)
    assert float(carrier.min()) == pytest.approx(0.5, abs=1e-3)
    spectrum = np.abs(np.fft.rfft(heard * np.hanning(heard.size)))
    freqs = np.fft.rfftfreq(heard.size, 1.0 / rate)
    peaks = freqs[spectrum > 1e-4 * spectrum.max()]
    assert np.all(np.min(np.abs(peaks[:, None] - 3000.0 * np.arange(1, 30)[None, :]), axis=1) < 20.0)
    second = [spectrum[np.argmin(np.abs(freqs - 6000.0))]]
    stronger, _ = production_bus.discriminated(message, rate, 70e3, 6e-6, 0.85, phase)
    second.append(np.abs(np.fft.rfft(stronger * np.hanning(heard.size)))[np.argmin(np.abs(freqs - 6000.0))])
    assert second[1] > 2.0 * second[0] > 0.0


def test_an_fm_radio_in_a_tower_block_keeps_every_partial_where_it_was() -> None:
    """The whole step, station and echo, radio and room: a low partial and a high one both come out
    where they went in and nowhere else stands over them; finite, as long; the same draw gives the same
    sound, another another."""
    t = np.arange(6 * SR) / SR
    low, high = np.sin(2.0 * np.pi * 300.0 * t), 0.5 * np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.high_rise(low + high, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 5 * SR]))
    assert int(np.argmax(spectrum[:4000])) == 1200 and int(np.argmax(spectrum[4000:])) + 4000 == 8000
    assert np.array_equal(heard, production_bus.high_rise(low + high, SR, np.random.default_rng(5)))
    assert not np.allclose(heard, production_bus.high_rise(low + high, SR, np.random.default_rng(6)))
