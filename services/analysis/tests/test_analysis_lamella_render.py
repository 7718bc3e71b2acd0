"""The renderer of lamellophones: its notes' pitch, a tongue's modes where a clamped cantilever's stand
and nowhere on a harmonic, the thumb's release setting each going at its share (a harder pluck
brighter), the box's air and the drumhead's modes lifting what falls near them, the buzzers rattling
only while a tongue rings hard enough, a note starting when it is written and damped once it ends, a
held note plucked again while it is held, its kit and its grains, what a split it renders draws; and
the production palisade brought, a song from a market stall's cheap speaker on a phone's voice memo in
a crowded open-air market."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import bamboo_render, lamella_render, pan_render, production_bus
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.lamella_render import LAMELLA_SET, LAMELLA_SETS, OPEN, Instrument
from soundforge.testing.midi_render import Note

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 12 an mbira dzavadzimu, 108 a kalimba, 8 a sansula, 32 a marimbula, 33 an mbira's bass keys, 107 a
# likembe, 9 a treble kalimba, 10 an mbira's treble keys, 48 and 49 held
LAMELLA = LAMELLA_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no bend of the player's, so nothing moves its modes off their frequencies."""
    return dataclasses.replace(patch, scoop=0.0, vibrato=0.0)


def _bare(patch: Instrument) -> Instrument:
    """`patch` still, with no knock and no buzzers: nothing sounds but its tongue's modes."""
    return dataclasses.replace(_still(patch), knock=0.0, buzz=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return lamella_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


def _band(samples: npt.NDArray[np.float32], start: float, seconds: float, low: float, high: float) -> float:
    """The power of `samples` between `low` and `high` Hz over `seconds` from `start` (Hann-windowed, so
    no partial below leaks into the band)."""
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    power = np.abs(np.fft.rfft(part * np.hanning(part.size))) ** 2
    f = np.fft.rfftfreq(part.size, 1.0 / SR)
    return float(power[(f >= low) & (f <= high)].sum())


@pytest.mark.parametrize("program", sorted(LAMELLA_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is, within 10 cents. The note's mode is never under
    FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is silent at
    its end."""
    patch = LAMELLA[program]
    checks.assert_sounds_its_pitch(lamella_render, patch, _still(patch), _levels(patch))


def test_a_tongue_rings_at_a_clamped_cantilever_s_modes_and_on_no_harmonic() -> None:
    """A tongue's modes stand at the roots of 1 + cos b cosh b = 0 squared against the first's: 1,
    6.267, 17.547 and 34.386 times the note. A kalimba's A2 sounds its second and third there within
    two cents, and next to nothing at the note's second and third harmonics."""
    ratio, _ = lamella_render.modes(LAMELLA[108])
    assert ratio == pytest.approx([1.0, 6.267, 17.547, 34.386], rel=1e-4)
    hz = checks.hz_of(45)
    note = lamella_render.voice(_bare(LAMELLA[108]), (45.0,), 127, 1.0, SR)
    for mode in (6.267, 17.547):
        got = checks.strongest_near(note, mode * hz, 0.0, 0.3, width=0.03)
        assert checks.cents_between(got, mode * hz) == pytest.approx(0.0, abs=2.0)
    second = checks.level_at(note, 6.267 * hz, 0.0, 0.3)
    for harmonic in (2.0, 3.0):
        assert checks.level_at(note, harmonic * hz, 0.0, 0.3) < 1e-3 * second


def test_the_thumb_lets_each_mode_go_at_its_share_and_a_harder_pluck_is_brighter() -> None:
    """Let go from the shape a load near its tip bends it to, each mode sets off at phi_n(at) over its
    ratio (the bending moment its release gives the bridge), so a plucked tongue's second mode is far
    under its note: with a release too quick to matter and nothing behind it, that is all a pluck gives.
    The release's half-sine lasts longer for a gentler pluck, as (127 / v)^(1/5): a sansula's second
    mode at velocity 127 is over twice as strong against its note as at 30."""
    kalimba = dataclasses.replace(LAMELLA[108], contact=1e-7, shell=OPEN, panels=())
    ratio, shape = bamboo_render.cantilever(kalimba.at)
    hz = checks.hz_of(57)
    assert lamella_render.plucked(kalimba, hz, 100, SR) == pytest.approx(shape / ratio, rel=1e-6)
    assert shape[1] / ratio[1] < 0.15 * shape[0]
    assert lamella_render.contact(kalimba, 40) == pytest.approx(kalimba.contact * (127.0 / 40.0) ** 0.2)
    sansula = LAMELLA[8]
    loud, soft = (lamella_render.plucked(sansula, hz, v, SR) for v in (127, 30))
    assert loud[1] / loud[0] > 2.0 * soft[1] / soft[0]


def test_the_box_s_air_and_the_drumhead_lift_what_falls_near_them() -> None:
    """A kalimba's box of 1.5 litres behind its 2.5 cm hole resonates near 208 Hz: a mode there is lifted
    by nearly the resonance's lift, one three octaves down hardly at all. A sansula's head lifts its
    first mode and its second, 2.295 times higher (the zeros of J0), far more than half-way between."""
    kalimba = dataclasses.replace(LAMELLA[108], panels=())
    f0 = pan_render.helmholtz(kalimba.shell)
    assert f0 == pytest.approx(208.4, abs=0.5)
    lifted = lamella_render.body(kalimba, np.array([f0, f0 / 8.0]))
    assert lifted[0] == pytest.approx(kalimba.shell[3], rel=1e-6)
    assert lifted[1] == pytest.approx(1.0, abs=0.05)
    sansula = LAMELLA[8]
    head = [hz for hz, _, _ in sansula.panels]
    assert head[1] / head[0] == pytest.approx(2.295, abs=1e-3)
    at = lamella_render.body(sansula, np.array([head[0], head[1], np.sqrt(head[0] * head[1])]))
    assert at[0] > 1.5 * at[2] and at[1] > 1.5 * at[2]


def test_the_buzzers_rattle_only_while_the_tongue_rings_hard_enough() -> None:
    """An mbira's low A held long and plucked hard: its caps click above its modes from the pluck, fewer
    and softer as its swing falls toward the threshold, and never once it is under; without them
    nothing sounds there. A gentler pluck stops buzzing sooner, and one under the threshold never
    buzzes at all."""
    mbira = _still(LAMELLA[12])
    hz = checks.hz_of(45)  # modes at 110, 689, 1930 and 3782 Hz: the caps alone sound from 4.5 kHz
    frames = np.arange(0.0, 6.0, lamella_render.FRAME)
    full = float(lamella_render.plucked(mbira, hz, 127, SR)[0])

    def falls_under(velocity: int) -> float:
        swing = lamella_render.levels(mbira, hz, 6.0, velocity, frames, SR)[:, 0] * velocity / 127.0 / full
        return float(frames[np.argmax((frames > 0.05) & (swing < mbira.threshold))])

    stops = falls_under(127)
    assert 0.5 < stops < 5.0 and falls_under(60) < stops - 0.3
    buzzing = lamella_render.voice(mbira, (45.0,), 127, 6.0, SR, seed=[3])
    quiet = lamella_render.voice(dataclasses.replace(mbira, buzz=0.0), (45.0,), 127, 6.0, SR, seed=[3])
    early = _band(buzzing, 0.05, 0.3, 4500.0, 7000.0)
    assert early > 1e4 * _band(quiet, 0.05, 0.3, 4500.0, 7000.0)
    assert _band(buzzing, stops + 0.05, 0.5, 4500.0, 7000.0) < 1e-6 * early
    assert early > _band(buzzing, stops / 2.0, 0.3, 4500.0, 7000.0) > 1e-3 * early  # thinning as it dies
    soft = lamella_render.voice(mbira, (45.0,), 25, 6.0, SR, seed=[3])
    assert _band(soft, 0.0, 3.0, 4500.0, 7000.0) < 1e-6 * early
    times = np.arange(SR) / SR
    swing = np.where(times < 0.5, 1.0, 0.1)
    caps = lamella_render.rattle(mbira, hz, swing, times, np.random.default_rng(1), SR)
    last = 0.5 + 0.5 / hz + 8.0 * lamella_render.CLICK  # the last cap thrown, landed late, rung out
    assert np.abs(caps[: SR // 2]).max() > 0.1 and np.abs(caps[int(last * SR) + 1 :]).max() < 1e-9


def test_a_note_speaks_when_it_is_written_and_is_damped_once_it_ends() -> None:
    """A kalimba's note written at 0.5 s for 1 s: silent before it, at its full level within a few
    milliseconds, dying while it rings, and damped by the thumb soon after it ends."""
    kalimba = LAMELLA[108]
    lamella_render._SOUNDED.clear()
    out = lamella_render.render([Note(0.5, 1.0, 57, 100, 0)], {0: 108}, 5.0, SR, 0.0, LAMELLA_SET)

    def rms(start: float) -> float:
        part = out[int(start * SR) : int((start + 0.01) * SR)].astype(np.float64)
        return float(np.sqrt(np.mean(part**2)))

    assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
    assert rms(0.5) > 0.5 * rms(0.51) and rms(0.51) > rms(1.4) > 0.0
    assert rms(1.5 + 6.0 * kalimba.level[3]) < 0.01 * rms(0.51)


def test_a_held_note_is_plucked_again_while_it_is_held() -> None:
    """What holds a note is plucked again at its rate while it is held (the shared check of its
    strokes' rate), its note as loud near the end as early on, and silent soon after it is let go."""
    for held, once in ((LAMELLA[48], LAMELLA[12]), (LAMELLA[49], LAMELLA[8])):
        checks.assert_strummed_at_its_rate(lamella_render, held, once)
        note = lamella_render.voice(held, (57.0,), 100, 2.5, SR)
        hz = checks.hz_of(57)
        assert checks.level_at(note, hz, 2.2, 0.1) > 0.3 * checks.level_at(note, hz, 0.6, 0.1)
        assert note.size / SR < 2.5 + 6.0 * held.level[3] + 0.02


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of palisade's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("palisade", lamella_render, LAMELLA_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the caps, the seeds and the rings as grains
    after the stroke; and the split rendered by lamella_render draws only what its set has, what holds
    a tone held while its key is down and plucked again no slower than a tremolo."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(lamella_render, LAMELLA_SET)
    checks.assert_grains_follow_the_stroke(lamella_render, LAMELLA_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in LAMELLA_SETS]
    assert splits == ["palisade"]
    kinds = {patch.kind for patch in LAMELLA_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains(
        "palisade", LAMELLA_SETS[SOUNDFONTS["palisade"]], kinds
    )


def test_the_phone_s_voice_codec_band_limits_and_codes_the_same_every_time() -> None:
    """GSM 06.10 at 8 kHz: a tone under 4 kHz comes back at its pitch and as long, close to what went in
    but not the same (it is lossy), and the same every time."""
    t = np.arange(2 * production_bus._MEMO_RATE) / production_bus._MEMO_RATE
    tone = 0.5 * np.sin(2.0 * np.pi * 440.0 * t)
    coded = production_bus.gsm_coded(tone)
    assert coded.shape == tone.shape and np.array_equal(coded, production_bus.gsm_coded(tone))
    spectrum = np.abs(np.fft.rfft(coded))
    assert np.fft.rfftfreq(t.size, 1.0 / production_bus._MEMO_RATE)[np.argmax(spectrum)] == 440.0
    assert 0.0 < float(np.sqrt(np.mean((coded - tone) ** 2))) < 0.3 * float(np.sqrt(np.mean(tone**2)))


def test_the_crowd_talks_in_no_key_and_the_same_draw_talks_the_same() -> None:
    """The market's talk: many voices, each at a pitch of its own that rises and falls, so no pitch
    class (50 Hz to 3.8 kHz) holds a fifth of its power; finite, peak 1, the same for the same draw."""
    rate = production_bus._MEMO_RATE
    talk = production_bus.market_talk(20 * rate, rate, np.random.default_rng(1))
    assert np.all(np.isfinite(talk)) and float(np.abs(talk).max()) == pytest.approx(1.0)
    assert np.array_equal(talk, production_bus.market_talk(20 * rate, rate, np.random.default_rng(1)))
    power = np.abs(np.fft.rfft(talk)) ** 2
    f = np.fft.rfftfreq(talk.size, 1.0 / rate)
    band = (f > 50.0) & (f < 3800.0)
    classes = np.round(12.0 * np.log2(f[band] / 440.0)).astype(int) % 12
    assert (np.bincount(classes, power[band], 12) / float(power[band].sum())).max() < 0.2


def test_the_generator_fires_every_other_turn_as_its_governor_hunts() -> None:
    """The generator's mains swing about 50 or 60 Hz by its governor's share; its engine fires at half
    that (a four-stroke fires every other turn): its level's strongest period is two turns'."""
    rng = np.random.default_rng(2)
    governor = production_bus.generator_governor(rng)
    mains, depth, _, _ = governor
    rate = production_bus._MEMO_RATE
    speed = production_bus.generator_speed(np.arange(10 * rate) / rate, governor)
    assert mains in (50.0, 60.0) and speed.min() >= mains * (1.0 - depth) - 1e-9
    assert speed.max() <= mains * (1.0 + depth) + 1e-9
    engine = production_bus.generator_exhaust(10 * rate, rate, governor, rng)
    level = np.abs(engine) - float(np.mean(np.abs(engine)))
    spectrum = np.abs(np.fft.rfft(level))
    f = np.fft.rfftfreq(level.size, 1.0 / rate)
    band = (f > 10.0) & (f < 45.0)
    assert f[band][np.argmax(spectrum[band])] == pytest.approx(mains / 2.0, rel=0.04)
    hum = production_bus.generator_mains(rate, rate, (50.0, 0.0, 0.5, 0.0))
    assert float(np.sqrt(np.mean(hum**2))) == pytest.approx(1.0, rel=0.01)


def test_the_phone_s_gain_control_pulls_down_at_once_and_lifts_slowly() -> None:
    """A quiet second, a loud one, then quiet again: the gain falls within a few blocks of the loud
    second's start, and lifts again over a second or so after it; it never cuts or lifts past its
    range."""
    rate = production_bus._MEMO_RATE
    noise = np.random.default_rng(4).standard_normal(5 * rate)
    level = np.where((np.arange(noise.size) >= rate) & (np.arange(noise.size) < 2 * rate), 1.0, 0.05)
    out = production_bus.automatic_gain(noise * level, rate, np.random.default_rng(4))
    gain = 20.0 * np.log10(np.abs(out) / np.abs(noise * level))
    at = lambda seconds: float(np.median(gain[int(seconds * rate) : int(seconds * rate) + 80]))  # noqa: E731
    assert at(1.08) < at(0.9) - 6.0
    assert at(2.1) < at(2.6) - 1.0 < at(3.8) - 2.0
    cut, lift = production_bus._MEMO_AGC_RANGE
    assert gain.min() >= -cut - 1e-6 and gain.max() <= lift + 1e-6


def test_a_stall_s_song_on_a_phone_s_memo_loses_the_lows_and_the_highs_and_moves_no_partial() -> None:
    """The whole step, stall and market and phone and all: the cheap speaker and the phone's wind
    filter take the lows far more than the middle, nothing passes the codec's 4 kHz, no partial moves,
    and the same seed gives the same memo, another another."""
    t = np.arange(6 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 60.0 * t), np.sin(2.0 * np.pi * 1000.0 * t)
    heard = production_bus.market_memo(low + mid, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 5 * SR]))
    assert int(np.argmax(spectrum)) == 4000 and spectrum[4000] > 10.0 * spectrum[240]
    assert np.sum(spectrum[4 * 4100 :] ** 2) < 1e-4 * np.sum(spectrum[: 4 * 3900] ** 2)
    assert np.array_equal(heard, production_bus.market_memo(low + mid, SR, np.random.default_rng(5)))
    assert not np.allclose(heard, production_bus.market_memo(low + mid, SR, np.random.default_rng(6)))
