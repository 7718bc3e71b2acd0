"""The linear-arithmetic renderer: its notes' fundamentals, its partials at whole multiples, the attack
spliced onto the sustain, the time-variant filter and its resonance, the pulse width's swing, the
chorus, its levels, its kit, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import arithmetic_render
from soundforge.testing.arithmetic_render import ARITHMETIC, ARITHMETIC_SETS, KINDS, Tone
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)


def _still(patch: Tone) -> Tone:
    """`patch` with one partial, no vibrato, no chorus and no pulse-width swing: its phase runs at the
    note's frequency."""
    return dataclasses.replace(patch, voices=1, vibrato=0.0, chorus=0.0, pwm=0.0)


def _quiet(patch: Tone) -> Tone:
    """`patch` held still, with no noise in its attack: nothing sounds but its harmonics."""
    return dataclasses.replace(_still(patch), attack=dataclasses.replace(patch.attack, noise=0.0))


def _bright(samples: npt.NDArray[np.float64], hz: float, start: float, seconds: float = 0.1) -> float:
    """The share of the power in `seconds` of `samples` from `start` above the note's 6th harmonic."""
    part = samples[int(start * SR) : int((start + seconds) * SR)]
    power = np.abs(np.fft.rfft(part * np.hanning(part.size))) ** 2
    freqs = np.fft.rfftfreq(part.size, 1 / SR)
    return float(power[freqs > 6.5 * hz].sum() / power.sum())


def _band(samples: npt.NDArray[np.float32], band: tuple[float, float], seconds: float = 0.003) -> float:
    """The power over `band` (Hz) in the first `seconds` of `samples`."""
    part = samples[: int(seconds * SR)].astype(np.float64)
    power = np.abs(np.fft.rfft(part, 8 * part.size)) ** 2
    freqs = np.fft.rfftfreq(8 * part.size, 1 / SR)
    return float(power[(freqs > band[0]) & (freqs < band[1])].sum())


def _sustain(patch: Tone, velocity: int, held: float = 1.5) -> npt.NDArray[np.float64]:
    """`patch`'s sustain partial alone playing A3 for `held` s, held still."""
    times = np.arange(int((held + 0.5) * SR)) / SR
    rng = np.random.default_rng(0)
    phases = arithmetic_render.running_phases(_still(patch), hz_of(57), times, SR, rng)
    return arithmetic_render.sustain(_still(patch), hz_of(57), velocity, held, phases, times, SR, rng)


@pytest.mark.parametrize("program", sorted(ARITHMETIC.programs))
def test_every_patch_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from E2 to E5: held still (one partial, no vibrato,
    chorus or pulse-width swing), the strongest frequency near the note is its pitch within a cent;
    as it is (partials, vibrato, chorus and all), within 10 cents. Its sustain's first partial is
    never under FUNDAMENTAL_FLOOR of the loudest in any frame; its partials are symmetric about the
    pitch, one on it where they are odd; its level never passes a quarter of its gain, and it is
    silent at its end."""
    patch = ARITHMETIC.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return arithmetic_render.harmonics(patch, hz, 100, frames, SR, rng)

    assert_sounds_its_pitch(arithmetic_render, patch, _still(patch), weights)


def test_every_partial_of_the_attack_and_the_sustain_sits_at_a_whole_multiple_of_the_note() -> None:
    """C3 held still and struck hard: in a piano's, an electric piano's and a bell's attack partial
    alone (its first 0.2 s), and in a piano's, a brass player's and a choir's whole note's sustain after
    it, partials 2 to 10 each sit within a cent of that multiple of the fundamental, and nothing
    sounds half-way between two of them."""
    times = np.arange(2 * SR) / SR
    for program in (2, 5, 88):
        patch = _quiet(ARITHMETIC.programs[program])
        attack = arithmetic_render.transient(patch, hz_of(48), 127, times, SR).astype(np.float32)
        _assert_harmonic(attack, 0.0, 0.2)
    for program in (2, 56, 52):
        held = arithmetic_render.voice(_quiet(ARITHMETIC.programs[program]), (48.0,), 127, 2.0, SR)
        _assert_harmonic(held, 0.5, 1.0)
        between = level_at(held, 2.5 * hz_of(48), 0.5, 0.5)
        assert between < 1e-4 * level_at(held, 2 * hz_of(48), 0.5, 0.5)


def _assert_harmonic(samples: npt.NDArray[np.float32], start: float, seconds: float) -> None:
    """In `seconds` of `samples` from `start`, C3's fundamental and its partials 2 to 10 each within
    a cent of where they belong."""
    fundamental = strongest_near(samples, hz_of(48), start, seconds, width=0.03)
    assert cents_between(fundamental, hz_of(48)) == pytest.approx(0.0, abs=1.0)
    for n in range(2, 11):
        got = strongest_near(samples, n * hz_of(48), start, seconds, width=0.02)
        assert cents_between(got, n * fundamental) == pytest.approx(0.0, abs=1.0), n


def test_the_attack_is_spliced_onto_the_sustain() -> None:
    """Every kind's attack partial sounds from the onset and is gone by its length (its noise too);
    the sustain is silent until it enters; a piano's, a brass player's and a slap bass's first 30 ms
    carry more of their power than the same note without its attack does, and a flute's chiff is
    noise that the sustain alone does not have."""
    times = np.arange(SR) / SR
    for patch in KINDS:
        attack = arithmetic_render.transient(patch, hz_of(57), 100, times, SR)
        early = times < 0.02
        assert float(np.abs(attack[early]).max()) > 0.3
        assert not np.any(attack[times >= patch.attack.length])
        noise = arithmetic_render._noise(patch, times, SR, np.random.default_rng(0))
        assert not np.any(noise[times >= patch.attack.length])
        assert not np.any(arithmetic_render.amplifier(patch, 1.0, times)[times < patch.enter])
    for program in (2, 56, 36):
        patch = _quiet(ARITHMETIC.programs[program])
        bare = dataclasses.replace(patch, attack=dataclasses.replace(patch.attack, level=0.0))
        whole = arithmetic_render.voice(patch, (57.0,), 100, 1.0, SR).astype(np.float64)
        alone = arithmetic_render.voice(bare, (57.0,), 100, 1.0, SR).astype(np.float64)

        def onset_share(x: npt.NDArray[np.float64]) -> float:
            return float(np.sum(x[: int(0.03 * SR)] ** 2) / np.sum(x[: int(0.5 * SR)] ** 2))

        assert onset_share(whole) > 1.5 * onset_share(alone)
    flute = _still(ARITHMETIC.programs[73])
    chiff = arithmetic_render.voice(flute, (69.0,), 100, 1.0, SR)
    plain = dataclasses.replace(flute, attack=dataclasses.replace(flute.attack, noise=0.0))
    clean = arithmetic_render.voice(plain, (69.0,), 100, 1.0, SR)
    assert level_at(chiff, 3.3 * 440.0, 0.0, 0.04) > 100 * level_at(clean, 3.3 * 440.0, 0.0, 0.04)


def test_the_filter_opens_for_a_harder_note_and_closes_as_it_sounds() -> None:
    """A brass player's sustain: a hard note has more of its power above its 6th harmonic than a soft
    one, and its filter, opened at the onset, closes: brighter in its first 0.1 s than a second
    later; the bell's pad opens instead (its sweep is negative), and a cutoff never passes 0.45 of
    the rate."""
    brass = ARITHMETIC.programs[56]
    hard, soft = _sustain(brass, 127), _sustain(brass, 40)
    assert _bright(hard, hz_of(57), 0.5) > 1.5 * _bright(soft, hz_of(57), 0.5)
    assert _bright(hard, hz_of(57), 0.02) > 1.5 * _bright(hard, hz_of(57), 1.2)
    frames = np.array([0.0, 0.1, 0.5, 3.0])
    closing = arithmetic_render.cutoff(brass, hz_of(57), 100, frames, SR)
    assert np.all(np.diff(closing) < 0.0)
    opening = arithmetic_render.cutoff(ARITHMETIC.programs[88], hz_of(57), 100, frames, SR)
    assert np.all(np.diff(opening) > 0.0)
    highest = arithmetic_render.cutoff(ARITHMETIC.programs[27], hz_of(100), 127, frames, SR)
    assert np.all(highest <= 0.45 * SR)


def test_the_resonance_lifts_the_partials_at_the_cutoff() -> None:
    """The synth bass's resonant filter: with its Q, the partial nearest its cutoff a second into a
    note stands higher against the fundamental than with a plain one (Q 0.7)."""
    bass = _still(ARITHMETIC.programs[38])
    plain = dataclasses.replace(bass, resonance=0.7)
    frames = np.array([1.0])
    hz = hz_of(36)
    nearest = round(float(arithmetic_render.cutoff(bass, hz, 100, frames, SR)[0]) / hz)
    rng = np.random.default_rng(0)
    ringing = np.abs(arithmetic_render.harmonics(bass, hz, 100, frames, SR, rng))[0]
    flat = np.abs(arithmetic_render.harmonics(plain, hz, 100, frames, SR, rng))[0]
    assert ringing[nearest - 1] / ringing[0] > 2.0 * flat[nearest - 1] / flat[0]


def test_the_pulse_width_swings_the_even_partials_and_a_square_has_none() -> None:
    """The choir's pulse swings its width: its 2nd partial's level moves by more than half over its
    frames while the fundamental's moves far less; the electric piano's square (width 0.5, no
    swing) has no even partials at all."""
    frames = np.arange(0, 200, dtype=np.float64) * arithmetic_render.FRAME
    choir = dataclasses.replace(ARITHMETIC.programs[52], sweep=0.0)
    levels = np.abs(arithmetic_render.harmonics(choir, hz_of(57), 100, frames, SR, np.random.default_rng(0)))
    second, first = levels[:, 1], levels[:, 0]
    assert second.max() > 1.5 * second.min()
    assert first.max() / first.min() < second.max() / second.min()
    square = arithmetic_render.harmonics(
        ARITHMETIC.programs[5], hz_of(57), 100, frames, SR, np.random.default_rng(0)
    )
    assert np.abs(square[:, 1::2]).max() < 1e-9 * np.abs(square).max()


def test_the_chorus_sways_about_the_pitch_never_off_it() -> None:
    """Every patch's chorus bends its delayed copy by under 10 cents at its deepest; a chorused sine
    at 220 Hz still sounds at 220 Hz within a cent, with the copy's comb and sway around it; no
    chorus leaves the sound as it was."""
    for patch in ARITHMETIC.programs.values():
        deepest = 2.0 * np.pi * patch.speed * patch.depth
        assert 1200.0 * np.log2(1.0 + deepest) < 10.0
    times = np.arange(3 * SR) / SR
    sine = np.sin(2.0 * np.pi * 220.0 * times)
    strings = ARITHMETIC.programs[48]
    chorused = arithmetic_render.chorus(strings, sine, times, np.random.default_rng(0))
    assert cents_between(
        strongest_near(chorused.astype(np.float32), 220.0, 0.5, 2.0), 220.0
    ) == pytest.approx(0.0, abs=1.0)
    assert not np.allclose(chorused, sine, atol=0.05)
    dry = dataclasses.replace(strings, chorus=0.0)
    assert np.array_equal(arithmetic_render.chorus(dry, sine, times, np.random.default_rng(0)), sine)


def test_a_patch_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a hit is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases and noise; a program or a drum
    the set lacks is an error, never a stand-in; every hit stays within its level and rings out
    within its length; a chord stays within a quarter of the patch's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(arithmetic_render, ARITHMETIC)


def test_the_kick_falls_into_its_thump_and_every_hit_starts_with_its_click() -> None:
    """The kick starts an octave above its pitch and falls to it: its strongest frequency in its
    first 15 ms is above 80 Hz, in 0.1-0.3 s within 4% of 55 Hz; every hit whose tail sounds nothing
    in its click's band has more of its first 3 ms over that band than its tail alone has."""
    kick = arithmetic_render._hit(ARITHMETIC.drums.drums[36], 127, SR)
    assert strongest_near(kick, 90.0, seconds=0.015, width=0.4) > 80.0
    assert strongest_near(kick, 55.0, start=0.1, seconds=0.2, width=0.3) == pytest.approx(55.0, rel=0.04)
    for hit in ARITHMETIC.drums.drums.values():
        if hit.tail.noise[1] or any(hz > hit.band[0] for hz, _, _ in hit.tail.partials):
            continue
        clicked = arithmetic_render._hit(hit, 127, SR)
        bare = arithmetic_render._hit(dataclasses.replace(hit, click=0.0), 127, SR)
        assert _band(clicked, hit.band) > _band(bare, hit.band), hit


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in ARITHMETIC_SETS])
def test_a_split_rendered_by_arithmetic_render_plays_only_what_its_tones_have(split: str) -> None:
    """arithmetic_render refuses a program or a drum its set lacks: every program, kit and drum the
    split draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind
    of tone measured above; what holds a tone or a free-time chord sustains, never dying while
    held."""
    kinds = {kind.kind for kind in KINDS}
    assert_draws_its_kinds_and_holds_what_sustains(split, ARITHMETIC_SETS[SOUNDFONTS[split]], kinds)
