"""The modal renderer: its notes' strike tones, its bars' tuned overtones, its bells' tierce, its
vibraphone's motor, its mallets, dampers and bows, its levels, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest
import scipy.signal

from soundforge.testing import modal_render
from soundforge.testing.labelled_material import SOUNDFONTS, sustained_programs
from soundforge.testing.modal_render import MALLETS, MODAL, MODAL_SETS, MODES, STRIKE, Bowed, Struck

from .test_analysis_labelled_clips import (
    SR,
    assert_drawn_by_its_seed_and_strict,
    assert_draws_only_what_its_set_has,
    assert_every_drum_hits_the_same_twice,
    assert_renders_the_same_twice,
)


def _hz(pitch: float) -> float:
    return 440.0 * 2 ** ((pitch - 69) / 12)


def _power(samples: npt.NDArray[np.float32], start: float, seconds: float) -> tuple[np.ndarray, np.ndarray]:
    """The power spectrum (8x zero-padded, Hann) of `seconds` of `samples` from `start`, and its
    frequencies."""
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    power = np.abs(np.fft.rfft(part * np.hanning(part.size), 8 * part.size)) ** 2
    return power, np.fft.rfftfreq(8 * part.size, 1 / SR)


def _strongest_near(
    samples: npt.NDArray[np.float32], hz: float, seconds: float = 1.0, width: float = 0.1
) -> float:
    """The strongest frequency within `width` of `hz` in the first `seconds` of `samples` (a zero-padded
    spectrum resolving 1/32 Hz over a second)."""
    size = int(seconds * SR)
    spectrum = np.abs(np.fft.rfft(samples[:size] * np.hanning(size), 32 * SR))
    freqs = np.fft.rfftfreq(32 * SR, 1 / SR)
    band = (freqs > (1 - width) * hz) & (freqs < (1 + width) * hz)
    return float(freqs[band][np.argmax(spectrum[band])])


def _ringing(patch: Struck) -> Struck:
    """`patch` with its pedal held (every note rings its whole decay), its bars on their pitch."""
    return dataclasses.replace(patch, pedal=True, detune=0.0)


def _struck(program: int) -> Struck:
    patch = MODAL.programs[program]
    assert isinstance(patch, Struck)
    return patch


@pytest.mark.parametrize("program", sorted(MODAL.programs))
def test_every_patch_sounds_its_strike_tone_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from the bass's E2 to the lead's E5: the partial a
    listener names it by (its fundamental; a tubular bell's 4th mode, an octave over the note) is the
    strongest near it, at the note's pitch bent and its bar's own detune (under its patch's drawn
    spread, never more than 1.2 cents) within a cent (a roll's within 5: its strokes, each at its
    own phase, blur its peak). Its level never passes a quarter of its gain,
    and it is silent at its end."""
    patch = MODAL.programs[program]
    for note in (40, 64, 76):
        pitch = note - 0.31
        held = modal_render.voice(patch, (pitch,), 100, 2.0, SR)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert float(np.abs(held[-5:]).max()) < 0.01 * float(np.abs(held).max())  # rung out
        detune = modal_render.bar_cents(patch, note)
        assert abs(detune) <= patch.detune <= modal_render.DETUNES[1]
        expected = _hz(pitch + detune / 100) * STRIKE[patch.kind]
        rolled = isinstance(patch, Struck) and patch.roll > 0  # its strokes wobble a short window
        got = _strongest_near(held, expected, seconds=2.0 if rolled else 1.0)
        assert 1200 * np.log2(got / expected) == pytest.approx(0.0, abs=5.0 if rolled else 1.0)


@pytest.mark.parametrize(
    ("kind", "ratios"), [("marimba", (4.0, 10.0)), ("vibraphone", (4.0, 10.0)), ("xylophone", (3.0,))]
)
def test_a_tuned_bar_puts_its_overtones_at_its_tuned_harmonics(kind: str, ratios: tuple[float, ...]) -> None:
    """A bar struck hard on C4 (no resonator, no motor): its overtones lie at the harmonics its maker
    tuned them to (a marimba's and a vibraphone's at 4 and 10 times the fundamental, a xylophone's at
    3), within 0.1%, and nothing sounds at the harmonics between (a bar is no string: its 2nd
    harmonic is 40 dB under its 4th)."""
    patch = Struck(kind, MALLETS["hard"][0], 0.22, 1.0, 0.0, 1.0, (0.0, 0.0), True, 0.0, 0)
    held = modal_render.voice(patch, (60.0,), 127, 1.0, SR)
    fundamental = _strongest_near(held, _hz(60), seconds=0.5)
    power, freqs = _power(held, 0.0, 0.5)
    for ratio in ratios:
        overtone = _strongest_near(held, ratio * _hz(60), seconds=0.5, width=0.03)
        assert overtone / fundamental == pytest.approx(ratio, rel=1e-3)
    between = float(power[np.abs(freqs - 2 * fundamental) < 5].max())
    tuned = float(power[np.abs(freqs - ratios[0] * fundamental) < 5].max())
    assert between < 1e-4 * tuned


def test_a_bell_sounds_its_hum_prime_minor_third_tierce_quint_and_nominal() -> None:
    """A church bell on C4 (the carillon's patch): its hum an octave under its prime, its nominal an
    octave over, its quint a fifth over, and its tierce a minor third over the prime (an octave and
    a minor third over the hum: 3 semitones, octaves folded), in a major key's song too; no partial
    stands a major third over the prime."""
    patch = _ringing(_struck(10))
    held = modal_render.voice(patch, (60.0,), 110, 2.0, SR)
    prime = _strongest_near(held, _hz(60), width=0.05)
    hum = _strongest_near(held, _hz(48), width=0.05)
    tierce = _strongest_near(held, _hz(63), width=0.03)
    quint = _strongest_near(held, _hz(67), width=0.02)
    nominal = _strongest_near(held, _hz(72), width=0.03)

    def cents(hz: float) -> float:
        return float(1200 * np.log2(hz / prime))

    assert cents(hum) == pytest.approx(-1200, abs=1) and cents(nominal) == pytest.approx(1200, abs=1)
    assert cents(quint) == pytest.approx(700, abs=1) and cents(tierce) == pytest.approx(300, abs=1)
    assert float(1200 * np.log2(tierce / hum)) % 1200 == pytest.approx(300, abs=1)
    power, freqs = _power(held, 0.0, 1.0)

    def level(hz: float) -> float:
        return float(power[np.abs(freqs - hz) < 3].max())

    assert level(tierce) > 0.05 * level(prime)
    assert level(_hz(64)) < 1e-3 * level(tierce)  # no major third


@pytest.mark.parametrize("rate", [3.5, 5.0, 7.0])
def test_a_vibraphone_swells_at_its_motor_rate_and_still_without_it(rate: float) -> None:
    """A vibraphone's A3 rung with its pedal held: with its motor at `rate` its fundamental's level,
    its decay taken out, swells and fades at that rate (within 3%) by its depth; with the motor off
    it only decays."""
    patch = _ringing(_struck(11))
    for tremolo in ((0.5, rate), (0.0, 0.0)):
        held = modal_render.voice(dataclasses.replace(patch, tremolo=tremolo), (57.0,), 100, 4.0, SR)
        band = (_hz(57) - 30.0, _hz(57) + 30.0)  # the fundamental alone, its sidebands too
        sos = scipy.signal.butter(2, band, btype="bandpass", fs=SR, output="sos")
        fundamental = scipy.signal.sosfiltfilt(sos, held.astype(np.float64))
        level = np.abs(scipy.signal.hilbert(fundamental))[SR // 2 : 3 * SR + SR // 2]
        times = np.arange(level.size) / SR
        trend = np.exp(np.polyval(np.polyfit(times, np.log(level), 1), times))
        swing = level / trend
        depth = (swing.max() - swing.min()) / swing.mean()
        if not tremolo[0]:
            assert depth < 0.05
            continue
        assert depth > 0.4
        wobble = np.abs(np.fft.rfft((swing - swing.mean()) * np.hanning(swing.size), 16 * swing.size))
        rates = np.fft.rfftfreq(16 * swing.size, 1 / SR)
        slow = (rates > 1.0) & (rates < 20.0)
        assert rates[slow][np.argmax(wobble[slow])] == pytest.approx(rate, rel=0.03)


def test_a_harder_mallet_is_brighter_and_the_strike_point_moves_only_the_overtones() -> None:
    """The mallet's contact time is its brightness: a marimba's C4 struck with a hard mallet has more
    of its power in its overtones than struck with yarn; where the bar is struck moves its
    overtones' balance, never its fundamental's share against a strike elsewhere by more than its
    overtones'."""
    base = dataclasses.replace(_ringing(_struck(12)), resonator=1.0)

    def overtone_share(patch: Struck) -> float:
        power, freqs = _power(modal_render.voice(patch, (60.0,), 100, 1.0, SR, seed=[0]), 0.0, 0.25)
        return float(power[freqs > 2 * _hz(60)].sum() / power.sum())

    soft = overtone_share(dataclasses.replace(base, mallet=MALLETS["yarn"][1]))
    hard = overtone_share(dataclasses.replace(base, mallet=MALLETS["hard"][0]))
    assert hard > 3 * soft
    modes = [
        modal_render.modes_of(dataclasses.replace(base, mallet=0.0002), _hz(60), 100, x, SR)
        for x in (0.15, 0.35)
    ]
    assert modes[0][0] == modes[1][0]  # the fundamental: the same wherever it is struck
    assert modes[0][1][1] != pytest.approx(modes[1][1][1], rel=0.05)  # the 4th harmonic's: not


def test_a_damper_stops_a_note_and_a_pedal_lets_it_ring() -> None:
    """A vibraphone's note let go with its damper down is silent once the damper has stopped it; with
    its pedal held it still rings at more than a tenth of its peak 0.1 s later."""
    patch = dataclasses.replace(_struck(11), tremolo=(0.0, 0.0))
    damped = modal_render.voice(dataclasses.replace(patch, pedal=False), (60.0,), 100, 0.5, SR)
    ringing = modal_render.voice(dataclasses.replace(patch, pedal=True), (60.0,), 100, 0.5, SR)
    assert damped.size == int((0.5 + modal_render.DAMPING) * SR) and ringing.size > 2 * damped.size
    peak = float(np.abs(damped).max())
    assert float(np.abs(damped[-SR // 50 :]).max()) < 0.25 * peak  # stopping
    assert float(np.abs(damped[-5:]).max()) < 0.01 * peak  # stopped
    after = int(0.6 * SR)
    assert float(np.abs(ringing[after : after + SR // 10]).max()) > 0.1 * float(np.abs(ringing).max())


def test_a_bow_and_a_roll_hold_a_note_a_strike_lets_decay() -> None:
    """What holds a tone holds it: a bowed vibraphone's and a rolled marimba's C4 are as loud three
    seconds in as half a second in (within a factor of two); the marimba struck once has died by
    20 dB."""
    rolled = MODAL.programs[89]
    assert isinstance(rolled, Struck) and rolled.roll > 0
    single = dataclasses.replace(rolled, roll=0.0)
    for patch, holds in ((MODAL.programs[48], True), (rolled, True), (single, False)):
        held = modal_render.voice(patch, (60.0,), 100, 4.0, SR)

        def level(at: float, held: npt.NDArray[np.float32] = held) -> float:
            return float(np.sqrt(np.mean(held[int(at * SR) : int((at + 0.25) * SR)] ** 2)))

        if holds:
            assert 0.5 < level(3.0) / level(0.5) < 2.0
        else:
            assert level(3.0) < 0.1 * level(0.5)


def test_a_patch_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a drum is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has another motor phase and strike; a
    program or a drum the set lacks is an error, never a stand-in."""
    for program in MODAL.programs:
        assert_renders_the_same_twice(modal_render, MODAL, program)
    assert_drawn_by_its_seed_and_strict(modal_render, MODAL, 11, absent_program=0)
    assert_every_drum_hits_the_same_twice(modal_render, MODAL)


def test_every_patch_is_drawn_within_its_ranges() -> None:
    """Each struck patch's mallet, strike point, detune, resonator, motor and roll within their
    ranges; each bowed one's detune and bow; every kind's modes start at the note or under it."""
    contacts = [c for pair in MALLETS.values() for c in pair]
    for patch in MODAL.programs.values():
        assert patch.kind in MODES and modal_render.DETUNES[0] <= patch.detune <= modal_render.DETUNES[1]
        if isinstance(patch, Bowed):
            assert 0.1 <= patch.attack <= 0.5 and patch.swell[0] < 0.15 and patch.swell[1] < 0.5
            continue
        assert min(contacts) <= patch.mallet <= max(contacts)
        assert modal_render.POSITIONS[0] <= patch.position <= modal_render.POSITIONS[1]
        assert (
            patch.resonator == 1.0
            or modal_render.RESONATORS[0] <= patch.resonator <= modal_render.RESONATORS[1]
        )
        depth, rate = patch.tremolo
        assert depth == rate == 0.0 or (
            modal_render.MOTOR_DEPTHS[0] <= depth <= modal_render.MOTOR_DEPTHS[1]
            and modal_render.MOTOR_RATES[0] <= rate <= modal_render.MOTOR_RATES[1]
        )
        assert patch.roll == 0.0 or modal_render.ROLL_RATES[0] <= patch.roll <= modal_render.ROLL_RATES[1]
    assert all(any(ratio == STRIKE[kind] for ratio, _, _ in modes) for kind, modes in MODES.items())


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in MODAL_SETS])
def test_a_split_rendered_by_modal_render_plays_only_what_its_patches_have(split: str) -> None:
    """modal_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind of
    bar, bell, plate and tine measured above, a vibraphone with its motor, patches with the pedal
    held and without; what holds a tone or a free-time chord is bowed or rolled, never struck once."""
    modal_set = MODAL_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, modal_set)
    patches = list(modal_set.programs.values())
    assert {p.kind for p in patches} == set(MODES)
    struck = [p for p in patches if isinstance(p, Struck)]
    assert any(p.tremolo[0] > 0 for p in struck) and {p.pedal for p in struck} == {True, False}
    held = [modal_set.programs[program] for program in {*sustained_programs(split), 48}]
    assert all(isinstance(p, Bowed) or p.roll > 0 for p in held)
