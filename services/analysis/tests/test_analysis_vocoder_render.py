"""The vocoder renderer: its carriers' pitches, its bands following their modulator, its levels, and
what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import vocoder_render
from soundforge.testing.labelled_material import SOUNDFONTS, sustained_programs
from soundforge.testing.midi_render import Note
from soundforge.testing.vocoder_render import (
    BAND_COUNTS,
    CARRIERS,
    KINDS,
    MODULATORS,
    VOCODER,
    VOCODER_SETS,
    Patch,
)

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_only_what_its_set_has,
    assert_renders_the_same_twice,
    assert_sounds_within_a_cent,
)


def _hz(pitch: float) -> float:
    return 440.0 * 2 ** ((pitch - 69) / 12)


def _periodic_at(samples: npt.NDArray[np.float32], hz: float) -> float:
    """How alike `samples` is to itself one period of `hz` later: 1 for a wave of that pitch alone,
    less for another pitch (the lag read between samples)."""
    lag = SR / hz
    times = np.arange(samples.size - int(np.ceil(lag)))
    later = np.interp(times + lag, np.arange(samples.size), samples.astype(np.float64))
    now = samples[: times.size].astype(np.float64)
    return float(np.dot(now, later) / np.sqrt(np.dot(now, now) * np.dot(later, later)))


def _share_between(samples: npt.NDArray[np.float32], low: float, high: float) -> float:
    """The share of the power of `samples` between `low` and `high` Hz."""
    power = np.abs(np.fft.rfft(samples.astype(np.float64))) ** 2
    freqs = np.fft.rfftfreq(samples.size, 1 / SR)
    return float(power[(freqs > low) & (freqs < high)].sum() / power.sum())


@pytest.mark.parametrize("program", sorted(VOCODER.programs))
def test_every_patch_sounds_the_pitch_its_carrier_is_given(program: int) -> None:
    """A note on every patch, bent to A=432, sounds its carrier's pitch within a cent from the bass's E2
    to the lead's E5 whatever its modulator says (its bands pass a harmonic at zero phase, so bands
    that share it add and never cancel); its level never passes the patch's gain, and it is silent
    once its release is over."""
    patch = VOCODER.programs[program]
    for note in (40, 64, 76):
        held = vocoder_render.voice(patch, (note - 0.31,), 100, 2.0, SR)
        assert_sounds_within_a_cent(held, note - 0.31)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert held.size == int((2.0 + patch.level[3]) * SR) or not patch.sustained
        assert float(np.abs(held[-SR // 1000 :]).max()) < 0.02 * float(np.abs(held).max())  # rung out


@pytest.mark.parametrize("modulator", MODULATORS)
def test_the_pitch_is_the_carriers_and_never_the_modulators(modulator: str) -> None:
    """The modulator's speech is voiced at its own pitch (a period of CONTROL samples, 137.8 Hz) or is
    noise: through the vocoder only the carrier's pitch sounds. A held E4 is most like itself one of
    its periods later, of every lag a tritone either side, and unlike itself one of the speaker's
    periods later; the speaker's pitch is no louder than a whisper of the carrier's fundamental."""
    patch = dataclasses.replace(VOCODER.programs[54], modulator=modulator, carrier="saw", bleed=0.0, steps=2)
    pitch = 64 - 0.31
    held = vocoder_render.voice(patch, (pitch,), 100, 2.0, SR)[SR // 10 : SR // 10 + SR // 4]
    alike = {step: _periodic_at(held, _hz(pitch + step)) for step in range(-6, 7)}
    assert max(alike, key=alike.__getitem__) == 0 and alike[0] > 0.95
    speaker = SR / vocoder_render.CONTROL
    assert _periodic_at(held, speaker) < 0.5
    spectrum = np.abs(np.fft.rfft(held.astype(np.float64) * np.hanning(held.size), 8 * held.size))
    freqs = np.fft.rfftfreq(8 * held.size, 1 / SR)
    near = np.abs(freqs - speaker) < 5.0
    fundamental = np.abs(freqs - _hz(pitch)) < 5.0
    assert spectrum[near].max() < 0.05 * spectrum[fundamental].max()


@pytest.mark.parametrize("kind", ["vocoder", "talkbox"])
def test_the_bands_follow_the_vowel_said(kind: str) -> None:
    """The same chord on the same carrier saying "ah" and then "ee": "ah" (its first formant at 730
    Hz) puts far more of the sound between 600 and 900 Hz than "ee" does, "ee" (its first at 270 Hz)
    far more between 200 and 350 Hz than "ah" does, through the vocoder's followers as through the
    talk-box's tube."""
    base = VOCODER.programs[54 if kind == "vocoder" else 17]
    shares = {}
    for vowel in ("a", "i"):
        patch = dataclasses.replace(base, vowels=(vowel,), carrier="saw", bleed=0.0, sibilance=0.0)
        held = vocoder_render.voice(patch, (48.0, 55.0, 64.0), 100, 1.0, SR)[SR // 10 : SR]
        shares[vowel] = (_share_between(held, 200.0, 350.0), _share_between(held, 600.0, 900.0))
    assert shares["a"][1] > 10.0 * shares["i"][1]
    assert shares["i"][0] > 5.0 * shares["a"][0]


def test_a_gate_opens_and_shuts_the_bands_in_its_steps() -> None:
    """A robot's gated modulator opens `steps` times evenly over the note: its bands are loud while
    the gate is open and fall, at the follower's release, to near silence while it is shut."""
    patch = dataclasses.replace(VOCODER.programs[87], bleed=0.0, sibilance=0.0, steps=2)
    assert patch.modulator == "gate"
    held = vocoder_render.voice(patch, (60.0,), 100, 2.0, SR).astype(np.float64)

    def loudness(start: float, end: float) -> float:
        return float(np.sqrt(np.mean(held[int(start * SR) : int(end * SR)] ** 2)))

    for step in (0.0, 1.0):  # each step 1 s: open for its first 0.6 s
        assert loudness(step + 0.95, step + 1.0) < 0.1 * loudness(step + 0.2, step + 0.5)
    assert loudness(1.2, 1.5) > 0.5 * loudness(0.2, 0.5)  # and opens again


def test_a_follower_rises_at_its_attack_and_falls_at_its_release() -> None:
    """A band that sounds for 0.5 s and then stops: its follower is within 5% of the level after
    five attacks, and has fallen to about 1/e of it one release after the band stopped."""
    attack, release = 0.01, 0.1
    band = np.zeros(SR)
    band[: SR // 2] = np.sign(np.sin(2 * np.pi * 100.0 * np.arange(SR // 2) / SR))
    level = vocoder_render.follow(band[None, :], (attack, release), SR)[0]
    assert level[int((5 * attack + 0.01) * SR)] == pytest.approx(1.0, rel=0.05)
    assert level[int((0.5 + release) * SR)] == pytest.approx(np.exp(-1.0), abs=0.06)
    assert float(level[-1]) < 0.02


@pytest.mark.parametrize("bands", BAND_COUNTS)
def test_the_bank_splits_a_sound_into_bands_that_sum_to_it(bands: int) -> None:
    """The filter bank's bands add back up to the sound they split, and each passes mostly the
    frequencies around its own centre."""
    rng = np.random.default_rng(3)
    noise = rng.standard_normal(SR)
    split = vocoder_render.split(noise, bands, SR)
    assert split.shape == (bands, SR) and np.allclose(split.sum(axis=0), noise, atol=1e-9)
    centres = vocoder_render.centres(bands, SR)
    freqs = np.fft.rfftfreq(SR, 1 / SR)
    for band in range(1, bands - 1):
        power = np.abs(np.fft.rfft(split[band])) ** 2
        inside = (freqs > centres[band - 1]) & (freqs < centres[band + 1])
        assert power[inside].sum() > 0.99 * power.sum()


def test_a_patch_renders_the_same_twice_and_its_modulator_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a drum is random but what its seed draws: a render is the same with the
    note cache emptied; a whispered note drawn with another seed is another whisper; a program or a
    drum the set lacks is an error, never a stand-in."""
    for program in VOCODER.programs:
        assert_renders_the_same_twice(vocoder_render, VOCODER, program)
    whisper = VOCODER.programs[91]
    first = vocoder_render.voice(whisper, (60.0,), 100, 1.0, SR, seed=[1])
    assert np.array_equal(first, vocoder_render.voice(whisper, (60.0,), 100, 1.0, SR, seed=[1]))
    assert not np.allclose(first, vocoder_render.voice(whisper, (60.0,), 100, 1.0, SR, seed=[2]))
    with pytest.raises(KeyError):
        vocoder_render.render([Note(0.1, 0.5, 60, 90, 0)], {0: 0}, 1.0, SR, 0.0, VOCODER)
    with pytest.raises(KeyError):
        vocoder_render.render([Note(0.1, 0.1, 81, 90, 9)], {9: 0}, 1.0, SR, 0.0, VOCODER)
    for drum in VOCODER.drums.drums.values():
        hit = vocoder_render._hit(drum, 127, SR)
        assert np.array_equal(hit, vocoder_render._hit(drum, 127, SR))
        assert 0.01 < float(np.abs(hit).max()) <= 0.25 * drum.gain * 2
        assert float(np.abs(hit[-5:]).max()) < 1e-3  # rung out within its length


def test_every_patch_is_drawn_within_its_ranges() -> None:
    """Each patch's band count, follower and sibilance are drawn within their ranges, and a robot
    voice's carrier is always the buzz."""
    for patch in VOCODER.programs.values():
        assert BAND_COUNTS[0] <= patch.bands <= BAND_COUNTS[1]
        assert vocoder_render.FOLLOWER_ATTACKS[0] <= patch.follower[0] <= vocoder_render.FOLLOWER_ATTACKS[1]
        assert vocoder_render.FOLLOWER_RELEASES[0] <= patch.follower[1] <= vocoder_render.FOLLOWER_RELEASES[1]
        assert vocoder_render.SIBILANCES[0] <= patch.sibilance <= vocoder_render.SIBILANCES[1]
        assert (patch.carrier == "buzz") == (patch.kind == "robot")
        assert patch.kind in KINDS and patch.modulator in MODULATORS and patch.carrier in CARRIERS


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in VOCODER_SETS])
def test_a_split_rendered_by_vocoder_render_plays_only_what_its_patches_have(split: str) -> None:
    """vocoder_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind,
    carrier and modulator, each measured above; what holds a tone or a free-time chord says its
    vowels with no pulse of its own (no gate, no burst)."""
    vocoder_set = VOCODER_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, vocoder_set)
    patches: list[Patch] = list(vocoder_set.programs.values())
    assert {p.kind for p in patches} == set(KINDS)
    assert {p.carrier for p in patches} == set(CARRIERS)
    assert {p.modulator for p in patches} == set(MODULATORS)
    held = [vocoder_set.programs[program] for program in {*sustained_programs(split), 48}]
    assert all(p.modulator == "vowels" and p.sustained for p in held)
