"""The tonewheel renderer: its wheels' pitches, its drawbars' harmonics, its reeds' beating, its
levels, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest
import scipy.signal

from soundforge.testing import tonewheel_render
from soundforge.testing.labelled_material import SOUNDFONTS, sustained_programs
from soundforge.testing.midi_render import Note
from soundforge.testing.tonewheel_render import (
    FOOTAGES,
    REED_TONES,
    REGISTRATIONS,
    SCANNER,
    TONEWHEEL,
    TONEWHEEL_SETS,
    WHEELS,
    Organ,
    Reeds,
)

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_only_what_its_set_has,
    assert_renders_the_same_twice,
)


def _hz(pitch: float) -> float:
    return 440.0 * 2 ** ((pitch - 69) / 12)


def _strongest_near(samples: npt.NDArray[np.float32], hz: float) -> float:
    """The strongest frequency within 10% of `hz` in the first second of `samples` (a 32x zero-padded
    spectrum resolves 1/32 Hz)."""
    spectrum = np.abs(np.fft.rfft(samples[:SR] * np.hanning(SR), 32 * SR))
    freqs = np.fft.rfftfreq(32 * SR, 1 / SR)
    band = (freqs > 0.9 * hz) & (freqs < 1.1 * hz)
    return float(freqs[band][np.argmax(spectrum[band])])


def _one_reed(patch: Reeds) -> Reeds:
    return dataclasses.replace(patch, reeds=1, detune=0.0, registers=(0,))


def _accordion() -> Reeds:
    """The accordion's patch (program 21), its bellows held steady."""
    patch = TONEWHEEL.programs[21]
    assert isinstance(patch, Reeds)
    return dataclasses.replace(patch, bellows=(0.0, 0.2))


def test_every_wheel_is_within_a_cent_of_equal_temperament_and_a_is_440() -> None:
    """The gears tune every wheel within a cent of equal temperament, A's exactly and most of the
    others a fraction of a cent off it, as a generator's whole teeth must."""
    cents = [1200 * np.log2(tonewheel_render.wheel_hz(w) / _hz(w)) for w in range(WHEELS[0], WHEELS[1] + 1)]
    assert max(map(abs, cents)) < 1.0
    assert sum(abs(c) > 0.3 for c in cents) >= 30
    assert tonewheel_render.wheel_hz(69) == pytest.approx(440.0, abs=1e-9)
    assert tonewheel_render.wheel_hz(69, 2 ** (-31 / 1200)) == pytest.approx(_hz(69 - 0.31), abs=1e-9)


@pytest.mark.parametrize("program", sorted(TONEWHEEL.programs))
def test_every_patch_sounds_its_wheel_or_its_reed(program: int) -> None:
    """A note on every patch, bent to A=432, from the bass's E2 to the lead's E5: an organ sounds its
    key's 8' wheel (the motor slowed by the bend) within a fifth of a cent, vibrato, chorus,
    leakage and all; a reed patch's reeds, played one at a time, sound their note within a cent,
    and a register's reeds are spread symmetrically around it. Its level never passes a quarter of
    its gain, and it is silent once its release is over."""
    patch = TONEWHEEL.programs[program]
    bend = 2 ** (-31 / 1200)
    for note in (40, 64, 76):
        held = tonewheel_render.voice(patch, (note - 0.31,), 100, 2.0, SR)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert held.size == int((2.0 + patch.level[1]) * SR)
        assert float(np.abs(held[-5:]).max()) < 0.01 * float(np.abs(held).max())  # rung out
        if isinstance(patch, Organ):
            wheel = tonewheel_render.wheel_hz(note, bend)
            assert _strongest_near(held, wheel) == pytest.approx(wheel, rel=1.2e-4)
        else:
            assert sum(patch.offsets) == pytest.approx(0.0) and len(patch.offsets) == patch.reeds
            alone = tonewheel_render.voice(_one_reed(patch), (note - 0.31,), 100, 2.0, SR)
            assert _strongest_near(alone, _hz(note - 0.31)) == pytest.approx(_hz(note - 0.31), rel=5e-4)


@pytest.mark.parametrize("drawbar", range(9))
def test_each_drawbar_puts_its_power_at_its_footage(drawbar: int) -> None:
    """One drawbar pulled out alone on C4: the strongest frequency is its footage's wheel (16' the
    sub-octave, 5 1/3' the third harmonic's octave below, ... 1' the eighth harmonic), within 1% of
    that harmonic of the 8' pitch, and 90% of the power lies within 3% of it."""
    registration = tuple(8 if k == drawbar else 0 for k in range(9))
    patch = Organ(registration, 0, 0.3, 0.0, 0.0, "off", (0.003, 0.03))
    held = tonewheel_render.voice(patch, (60.0,), 100, 1.5, SR)[SR // 4 : SR // 4 + SR].astype(np.float64)
    power = np.abs(np.fft.rfft(held * np.hanning(held.size))) ** 2
    freqs = np.fft.rfftfreq(held.size, 1 / SR)
    harmonic = (0.5, 1.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)[drawbar]
    expected = _hz(60) * harmonic
    assert freqs[np.argmax(power)] == pytest.approx(expected, rel=0.01)
    assert tonewheel_render.wheel_hz(60 + FOOTAGES[drawbar]) == pytest.approx(expected, rel=0.01)
    assert power[np.abs(freqs / expected - 1) < 0.03].sum() > 0.9 * power.sum()


def test_a_registration_sounds_its_drawbars_at_their_levels_and_folds_back_at_the_ends() -> None:
    """ "884000000" on A3 puts 16' and 5 1/3' at equal power, the 8' four steps of 3 dB under them and
    nothing at the 4'; the 1' of a key the generator has no wheel for sounds an octave (or two)
    lower, and the 16' of a key in its bottom octave an octave higher."""
    patch = Organ((8, 8, 4, 0, 0, 0, 0, 0, 0), 0, 0.3, 0.0, 0.0, "off", (0.003, 0.03))
    held = tonewheel_render.voice(patch, (57.0,), 100, 1.5, SR)[SR // 4 : SR // 4 + SR].astype(np.float64)
    power = np.abs(np.fft.rfft(held * np.hanning(held.size))) ** 2
    freqs = np.fft.rfftfreq(held.size, 1 / SR)

    def near(hz: float) -> float:
        return float(power[np.abs(freqs - hz) < 4.0].sum())

    sub, fifth, unison, octave = (near(220.0 * h) for h in (0.5, 1.5, 1.0, 2.0))
    assert sub == pytest.approx(fifth, rel=0.05)
    assert 10 * np.log10(sub / unison) == pytest.approx(12.0, abs=0.3)  # 8 against 4: four steps of 3 dB
    assert octave < 1e-4 * sub
    assert tonewheel_render.fold(90 + FOOTAGES[-1]) == 114 and tonewheel_render.fold(96 + FOOTAGES[-1]) == 108
    assert tonewheel_render.fold(28 + FOOTAGES[0]) == 28 and tonewheel_render.fold(WHEELS[1]) == WHEELS[1]


def test_the_percussion_decays_and_the_keys_click_at_note_on_and_off() -> None:
    """The percussion's harmonic (the 2 2/3' wheel for the third) is loud at the attack and has
    fallen by its decay's e-folds a second later; a key with a click puts a burst above 3 kHz at the
    note's start and at its end that a key without one does not."""
    percussive = Organ((0, 0, 8, 0, 0, 0, 0, 0, 0), 3, 0.2, 0.0, 0.0, "off", (0.003, 0.03))
    held = tonewheel_render.voice(percussive, (60.0,), 100, 2.0, SR).astype(np.float64)
    third = tonewheel_render.wheel_hz(60 + 19)

    def level_of(hz: float, start: float) -> float:
        part = held[int(start * SR) : int(start * SR) + SR // 10]
        spectrum = np.abs(np.fft.rfft(part * np.hanning(part.size), 8 * part.size))
        freqs = np.fft.rfftfreq(8 * part.size, 1 / SR)
        return float(spectrum[np.abs(freqs - hz) < 15.0].max())

    assert level_of(third, 0.02) > 0.3 * level_of(_hz(60), 0.02)
    assert level_of(third, 1.02) < np.exp(-4.0) * level_of(third, 0.02)
    sos = scipy.signal.butter(4, 3000.0, btype="highpass", fs=SR, output="sos")
    for click in (0.0, 0.1):
        patch = dataclasses.replace(percussive, percussion=0, click=click)
        high = np.abs(scipy.signal.sosfilt(sos, tonewheel_render.voice(patch, (48.0,), 100, 1.0, SR)))
        at_on, at_off, between = (float(high[int(t * SR) : int(t * SR) + 200].max()) for t in (0.0, 1.0, 0.5))
        if click:
            assert at_on > 20 * between and at_off > 20 * between
        else:
            assert max(at_on, at_off) < 0.01 * float(
                np.abs(tonewheel_render.voice(patch, (48.0,), 100, 1.0, SR)).max()
            )


@pytest.mark.parametrize("detune", [8.0, 20.0, 30.0])
def test_musette_reeds_beat_at_their_detunes_rate(detune: float) -> None:
    """Two reeds `detune` cents apart on C4, the bellows held steady: the fundamental's level swells
    and fades at the reeds' difference in Hz (within 5%), and a single reed's does not."""
    base = dataclasses.replace(_accordion(), reeds=2, detune=detune, registers=(0,))
    expected = _hz(60 + detune / 200) - _hz(60 - detune / 200)
    for patch, beats in ((base, True), (_one_reed(base), False)):
        held = tonewheel_render.voice(patch, (60.0,), 127, 6.0, SR)[SR // 2 : 5 * SR + SR // 2].astype(
            np.float64
        )
        spectrum = np.fft.rfft(held)
        freqs = np.fft.rfftfreq(held.size, 1 / SR)
        spectrum[np.abs(freqs - _hz(60)) > 15.0] = 0.0  # the fundamental alone
        level = np.abs(scipy.signal.hilbert(np.fft.irfft(spectrum, held.size)))[SR // 4 : -SR // 4]
        swing = (level.max() - level.min()) / level.mean()
        if not beats:
            assert swing < 0.05
            continue
        assert swing > 1.0
        wobble = np.abs(np.fft.rfft((level - level.mean()) * np.hanning(level.size), 16 * level.size))
        rates = np.fft.rfftfreq(16 * level.size, 1 / SR)
        slow = (rates > 0.5) & (rates < 20.0)
        assert rates[slow][np.argmax(wobble[slow])] == pytest.approx(expected, rel=0.05)


def test_a_reed_blown_harder_is_brighter_and_louder() -> None:
    """The velocity is the bellows' pressure: a reed blown hard is louder, and more of its power lies
    above its fourth harmonic, than the same reed blown softly."""
    patch = _one_reed(_accordion())
    shares, peaks = [], []
    for velocity in (30, 127):
        held = tonewheel_render.voice(patch, (57.0,), velocity, 1.0, SR)[SR // 4 : 3 * SR // 4].astype(
            np.float64
        )
        power = np.abs(np.fft.rfft(held * np.hanning(held.size))) ** 2
        freqs = np.fft.rfftfreq(held.size, 1 / SR)
        shares.append(power[freqs > 4.5 * 220.0].sum() / power.sum())
        peaks.append(float(np.abs(held).max()))
    assert shares[1] > 1.5 * shares[0] and peaks[1] > 1.5 * peaks[0]


def test_a_patch_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a drum is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other wheel phases and clicks; a program
    or a drum the set lacks is an error, never a stand-in."""
    for program in TONEWHEEL.programs:
        assert_renders_the_same_twice(tonewheel_render, TONEWHEEL, program)
    organ = TONEWHEEL.programs[16]
    first = tonewheel_render.voice(organ, (60.0,), 100, 1.0, SR, seed=[1])
    assert np.array_equal(first, tonewheel_render.voice(organ, (60.0,), 100, 1.0, SR, seed=[1]))
    assert not np.allclose(first, tonewheel_render.voice(organ, (60.0,), 100, 1.0, SR, seed=[2]))
    with pytest.raises(KeyError):
        tonewheel_render.render([Note(0.1, 0.5, 60, 90, 0)], {0: 0}, 1.0, SR, 0.0, TONEWHEEL)
    with pytest.raises(KeyError):
        tonewheel_render.render([Note(0.1, 0.1, 81, 90, 9)], {9: 0}, 1.0, SR, 0.0, TONEWHEEL)
    for drum in TONEWHEEL.drums.drums.values():
        hit = tonewheel_render._hit(drum, 127, SR)
        assert np.array_equal(hit, tonewheel_render._hit(drum, 127, SR))
        assert 0.01 < float(np.abs(hit).max()) <= 0.25 * drum.gain
        assert float(np.abs(hit[-5:]).max()) < 1e-3  # rung out within its length


def test_every_patch_is_drawn_within_its_ranges() -> None:
    """Each organ's registration is a named one with its 8' out, its click, leakage and percussion's
    decay within their ranges; each reed patch's detune and bellows within theirs, its registers
    always sounding the note's own octave."""
    for patch in TONEWHEEL.programs.values():
        if isinstance(patch, Organ):
            assert patch.registration in REGISTRATIONS.values() and patch.registration[2] > 0
            assert tonewheel_render.CLICKS[0] <= patch.click <= tonewheel_render.CLICKS[1]
            assert tonewheel_render.LEAKAGES[0] <= patch.leakage <= tonewheel_render.LEAKAGES[1]
            decays = tonewheel_render.PERCUSSION_DECAYS
            assert decays[0] <= patch.percussion_decay <= decays[1]
            assert patch.percussion in (0, *tonewheel_render.PERCUSSION) and patch.scanner in SCANNER
        else:
            assert patch.reed in REED_TONES and 0 in patch.registers and 1 <= patch.reeds <= 3
            assert (
                patch.reeds == 1 or tonewheel_render.DETUNES[0] <= patch.detune <= tonewheel_render.DETUNES[1]
            )
            assert (
                tonewheel_render.BELLOWS_DEPTHS[0] <= patch.bellows[0] <= tonewheel_render.BELLOWS_DEPTHS[1]
            )
            assert tonewheel_render.BELLOWS_RATES[0] <= patch.bellows[1] <= tonewheel_render.BELLOWS_RATES[1]


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in TONEWHEEL_SETS])
def test_a_split_rendered_by_tonewheel_render_plays_only_what_its_patches_have(split: str) -> None:
    """tonewheel_render refuses a program or a drum its set lacks: every program, kit and drum the
    split draws (the free-time chords' bass, program 48, too) must be in its set; it has organs with
    and without percussion and scanner, and every kind of reed, each measured above, some of them
    musette; what holds a tone or a free-time chord has no percussion and swells slowly."""
    tonewheel_set = TONEWHEEL_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, tonewheel_set)
    organs = [p for p in tonewheel_set.programs.values() if isinstance(p, Organ)]
    reeds = [p for p in tonewheel_set.programs.values() if isinstance(p, Reeds)]
    assert {p.percussion > 0 for p in organs} == {True, False}
    assert {p.scanner == "off" for p in organs} == {True, False}
    assert {p.reed for p in reeds} == set(REED_TONES) and any(p.reeds > 1 for p in reeds)
    held = [tonewheel_set.programs[program] for program in {*sustained_programs(split), 48}]
    assert all(isinstance(p, Reeds) or p.percussion == 0 for p in held)
    assert all(isinstance(p, Organ) or p.bellows[1] < 0.5 for p in held)
