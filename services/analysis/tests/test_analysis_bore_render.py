"""The brass and reeds renderer: its notes' fundamentals, its harmonics at whole multiples, a harder
blown note brighter, a closed cylinder's weak even harmonics, the bell and the bore, a mute, the
tongue, the breath, the scoop and the growl, its levels, its marching kit, and what a split it
renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import bore_render
from soundforge.testing.bore_render import BORE, BORE_SETS, KINDS, Horn
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_held_c3_at_whole_multiples,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)

TRUMPET = BORE.programs[56]


def _still(patch: Horn) -> Horn:
    """`patch` played by one player, with no vibrato, scoop or growl: its phase runs at the note's
    frequency."""
    return dataclasses.replace(patch, voices=1, vibrato=0.0, scoop=0.0, growl=0.0)


def _quiet(patch: Horn) -> Horn:
    """`patch` held still, with no tongue and no breath: nothing sounds but its harmonics."""
    return dataclasses.replace(_still(patch), tongue=0.0, breath=0.0)


def _levels(patch: Horn, pitch: float, velocity: int, blown: float) -> npt.NDArray[np.float64]:
    """`patch`'s harmonics' levels (the loudest 1) playing `pitch` at `velocity`, blown at `blown`."""
    return np.abs(bore_render.harmonics(patch, hz_of(pitch), velocity, np.array([blown]), SR))[0]


def _bright(samples: npt.NDArray[np.float32], hz: float, start: float, seconds: float = 0.2) -> float:
    """The share of the power in `seconds` of `samples` from `start` above the note's 6th harmonic."""
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    power = np.abs(np.fft.rfft(part * np.hanning(part.size))) ** 2
    freqs = np.fft.rfftfreq(part.size, 1 / SR)
    return float(power[freqs > 6.5 * hz].sum() / power.sum())


@pytest.mark.parametrize("program", sorted(BORE.programs))
def test_every_horn_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every horn, bent to A=432, from E2 to E5: held still (one player, no vibrato, scoop
    or growl), the strongest frequency near the note is its pitch within a cent; as it is (players,
    vibrato and all), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the
    loudest at any blowing pressure; its players are symmetric about the pitch, one on it where they
    are odd; its level never passes a quarter of its gain, and it is silent at its end."""
    patch = BORE.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        blown = bore_render.pressure(patch, 100, 1.0, frames)
        return bore_render.harmonics(patch, hz, 100, blown, SR)

    assert_sounds_its_pitch(bore_render, patch, _still(patch), weights)


def test_every_harmonic_sits_at_a_whole_multiple_of_the_note() -> None:
    """C3 held still and blown hard on a trumpet, a trombone, a tenor sax and an oboe: harmonics 2 to
    10 each sit within a cent of that multiple of the fundamental, and nothing sounds half-way
    between two of them."""
    for program in (56, 57, 66, 68):
        held = bore_render.voice(_quiet(BORE.programs[program]), (48.0,), 127, 2.0, SR)
        assert_held_c3_at_whole_multiples(held, program)


def test_blown_harder_a_horn_is_brighter() -> None:
    """A trumpet's upper harmonics grow with the blowing pressure: a hard note has more of its power
    above its 6th harmonic than a soft one, its tongued accent more than the share it sustains after
    it, and its 8th harmonic's level rises with the pressure while the valve never gets richer than
    RICHEST."""
    trumpet = _quiet(BORE.programs[56])
    hard = bore_render.voice(trumpet, (57.0,), 127, 2.0, SR)
    soft = bore_render.voice(trumpet, (57.0,), 30, 2.0, SR)
    assert _bright(hard, hz_of(57), 0.8) > 1.5 * _bright(soft, hz_of(57), 0.8)
    assert _bright(hard, hz_of(57), 0.02, 0.05) > 1.2 * _bright(hard, hz_of(57), 0.8, 0.05)
    eighth = [_levels(trumpet, 57.0, 100, blown)[7] for blown in (0.2, 0.5, 1.0)]
    assert eighth[0] < eighth[1] < eighth[2]
    assert np.all(_levels(dataclasses.replace(trumpet, brass=10.0), 57.0, 127, 1.0) <= 1.0)
    richest = _levels(dataclasses.replace(trumpet, brass=10.0, bore=1e9, bell=1e-3, humps=()), 45.0, 127, 1.0)
    assert richest[1:] / richest[:-1] == pytest.approx(bore_render.RICHEST, rel=1e-6)


def test_a_closed_cylinder_sounds_its_odd_harmonics_under_its_cutoff() -> None:
    """A clarinet's even harmonics under its bore's cutoff sound far under their odd neighbours (a
    cylinder closed at the reed), above it they come back; a saxophone's cone has them all."""
    clarinet = _quiet(BORE.programs[71])
    levels = _levels(clarinet, 55.0, 100, 1.0)  # G3, 196 Hz: its cutoff past the 8th harmonic
    assert levels[1] < 0.3 * levels[2] and levels[3] < 0.3 * levels[4]
    above = int(clarinet.bore // hz_of(55.0)) + 1  # the first even harmonic over the cutoff
    above += above % 2
    assert levels[above - 1] > 0.5 * levels[above - 2]
    sax = _levels(_quiet(BORE.programs[66]), 55.0, 100, 1.0)
    assert sax[1] > 0.5 * sax[2]


def test_the_bore_and_the_bell_shape_the_spectrum() -> None:
    """A tuba's wide bore stops its resonances lower than a trumpet's: at the same note and pressure its
    harmonics above 1.2 kHz are far weaker; the bell radiates its highs better than its lows (its
    radiation rises with frequency), and a harmon mute's peak lifts its band over an open trumpet's."""
    note = 45.0  # A2, 110 Hz
    tuba, trumpet = (
        _levels(_quiet(BORE.programs[58]), note, 100, 1.0),
        _levels(_quiet(TRUMPET), note, 100, 1.0),
    )
    high = np.arange(1, tuba.size + 1) * hz_of(note) > 1200.0
    assert tuba[high].sum() < 0.2 * trumpet[high].sum()
    f = np.array([100.0, 400.0, 1600.0])
    radiated = (f / TRUMPET.bell) / np.sqrt(1.0 + (f / TRUMPET.bell) ** 2)
    assert np.all(np.diff(radiated) > 0.0)
    muted = _levels(_quiet(BORE.programs[59]), 69.0, 100, 1.0)
    open_bell = _levels(_quiet(TRUMPET), 69.0, 100, 1.0)
    assert muted[3] / muted[0] > 1.5 * open_bell[3] / open_bell[0]  # the 4th harmonic, 1760 Hz


def test_the_tongue_and_the_breath_are_noise_the_harmonics_lack() -> None:
    """A trumpet's tongued onset has noise between its harmonics in its first 50 ms that the same note
    without its tongue lacks; a tenor sax's breath keeps noise between
    its harmonics while it is blown."""
    trumpet = _still(TRUMPET)
    tongued = bore_render.voice(trumpet, (69.0,), 100, 1.0, SR)
    plain = bore_render.voice(dataclasses.replace(trumpet, tongue=0.0, breath=0.0), (69.0,), 100, 1.0, SR)
    assert level_at(tongued, 5.5 * 440.0, 0.0, 0.05) > 10 * level_at(plain, 5.5 * 440.0, 0.0, 0.05)
    sax = _still(BORE.programs[66])
    breathed = bore_render.voice(sax, (57.0,), 100, 1.5, SR)
    bare = bore_render.voice(dataclasses.replace(sax, breath=0.0), (57.0,), 100, 1.5, SR)
    assert level_at(breathed, 12.5 * hz_of(57), 0.8, 0.4) > 10 * level_at(bare, 12.5 * hz_of(57), 0.8, 0.4)


def test_the_scoop_settles_on_the_pitch_and_the_growl_swings_the_level() -> None:
    """A tenor sax's note starts its scoop under the pitch and is on it, within a hundredth of a cent,
    by a quarter second; its growl swings its level at the growl's rate (the envelope's strongest
    swing between 15 and 40 Hz is within 3 Hz of it), and a horn with none is left as it was."""
    sax = BORE.programs[66]
    times = np.arange(SR) / SR
    rng = np.random.default_rng(0)
    phase = bore_render._phases(dataclasses.replace(sax, vibrato=0.0), 220.0, times, SR, rng)[0]
    hz = np.diff(phase) * SR / (2.0 * np.pi)
    assert cents_between(float(hz[0]), 220.0) == pytest.approx(-sax.scoop, abs=1.0)
    assert abs(cents_between(float(hz[int(0.25 * SR)]), 220.0)) < 0.01
    swing = bore_render._growl(sax, times, SR, rng)
    power = np.abs(np.fft.rfft((swing - swing.mean()) * np.hanning(SR)))
    freqs = np.fft.rfftfreq(SR, 1 / SR)
    band = (freqs > 15.0) & (freqs < 40.0)
    assert float(freqs[band][np.argmax(power[band])]) == pytest.approx(sax.growl_rate, abs=3.0)
    assert np.array_equal(bore_render._growl(TRUMPET, times, SR, rng), np.ones(SR))


def test_the_blowing_pressure_rises_accents_sustains_and_is_let_go() -> None:
    """Every horn's pressure starts at nothing, peaks at its tongued accent at the end of its attack,
    falls to the share it sustains while held and dies once let go."""
    times = np.arange(3 * SR) / SR
    for patch in KINDS:
        _, _, share, release = patch.level
        blown = bore_render.pressure(patch, 100, 1.5, times)
        assert blown[0] == 0.0 and float(blown.max()) == pytest.approx(1.0, abs=0.01)
        assert blown[int(1.4 * SR)] == pytest.approx(share, abs=0.01)
        assert blown[int((1.5 + 6.0 * release) * SR)] < 0.01 * share


def test_a_horn_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a horn or a hit is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases and breath; a program or a
    drum the set lacks is an error, never a stand-in; every hit stays within its level and rings out
    within its length; a chord stays within a quarter of the horn's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(bore_render, BORE)


def test_the_marching_bass_drum_falls_into_its_boom_and_the_snare_is_tight() -> None:
    """The bass drum starts above its pitch and falls to it: its strongest frequency in its first
    15 ms is above 60 Hz, in 0.1-0.4 s within 4% of 52 Hz; the marching snare's shell sounds at
    330 Hz under its wires, which carry over 0.4 as much power above 2.5 kHz in its first 50 ms as the
    shell below it."""
    boom = bore_render._hit(BORE.drums.drums[36], 127, SR)
    assert strongest_near(boom, 70.0, seconds=0.015, width=0.4) > 60.0
    assert strongest_near(boom, 52.0, start=0.1, seconds=0.3, width=0.3) == pytest.approx(52.0, rel=0.04)
    snare = bore_render._hit(BORE.drums.drums[38], 127, SR)
    assert strongest_near(snare, 330.0, seconds=0.05, width=0.1) == pytest.approx(330.0, rel=0.02)
    part = snare[: int(0.05 * SR)].astype(np.float64)
    power = np.abs(np.fft.rfft(part)) ** 2
    freqs = np.fft.rfftfreq(part.size, 1 / SR)
    assert power[freqs > 2500.0].sum() > 0.4 * power[freqs <= 2500.0].sum()


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in BORE_SETS])
def test_a_split_rendered_by_bore_render_plays_only_what_its_horns_have(split: str) -> None:
    """bore_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind of horn
    measured above and their sections; what holds a tone or a free-time chord sustains, never dying
    while held."""
    kinds = {patch.kind for patch in BORE.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, BORE_SETS[SOUNDFONTS[split]], kinds)
