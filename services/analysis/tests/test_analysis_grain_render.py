"""The granular renderer: its waves and grains, and what a split it renders draws, plays and sounds."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.signal

from soundforge.testing import grain_render
from soundforge.testing.grain_render import GRAIN_SETS, GRAINS, Timbre
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_only_what_its_set_has,
    assert_each_copy_in_tune,
    assert_renders_the_same_twice,
    assert_sounds_only_its_harmonics,
)


@pytest.mark.parametrize("program", sorted(GRAINS.programs))
def test_every_wave_sounds_its_note_and_the_grains_hold_one_level(program: int) -> None:
    """A patch's waves hold whole harmonics of the note and nothing else, at one loudness, with the
    note's own fundamental never under a fifth of it (no wave sounds another pitch, an octave up, in
    its place); as a stream its grains' windows add up to exactly one level, whatever they are cut
    from, and as its cloud to one on average, flickering only where its grains are scattered."""
    timbre = GRAINS.programs[program]
    assert all(k >= 1 for wave in timbre.waves for k, _ in wave)
    levels = grain_render._levels(timbre.waves, 64)
    assert np.allclose(np.sum(levels**2, axis=1), 1.0)
    assert levels[:, 0].min() > 0.2
    assert 0.0 <= timbre.scatter <= 1.0 and timbre.overlap >= 2 and timbre.spray >= 0.0
    assert all(0.0 <= place <= 1.0 for place in timbre.scan[:2]) and timbre.scan[2] > 0.0
    stream = dataclasses.replace(timbre, scatter=0.0)
    held = grain_render._grains(stream, 3 * SR, SR, np.random.default_rng(1))
    assert held.shape == (len(timbre.waves), 3 * SR) and held.min() >= 0.0
    assert np.allclose(held.sum(axis=0), 1.0, atol=1e-12)
    cloud = grain_render._grains(timbre, 3 * SR, SR, np.random.default_rng(1)).sum(axis=0)
    assert cloud.mean() == pytest.approx(1.0, abs=0.03)
    assert (cloud.std() > 1e-3) == (timbre.scatter > 0.0)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in GRAIN_SETS])
def test_a_split_rendered_by_grain_render_plays_only_what_its_patches_have(split: str) -> None:
    """grain_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every patch renders the same audio on every run (where its grains fall and what they
    are cut from, its copies' and vibratos' phases, are seeded by the note) and sounds the pitch it
    is given, bent, scattered, sprayed, scanned, vibrato and all: each copy within a cent of its own
    detuning, the detunings symmetric around the note (every grain is read at the note's running
    phase, each harmonic at one phase in every wave); held as a stream on the wave its scan settles
    on, from the bottom of the keyboard to its top nothing but the note's harmonics sounds above -60
    dB (no alias: a harmonic past the rate's limit is left out, and the windows add up to one level);
    and as its cloud, nothing further than four grains' bandwidths from a harmonic."""
    grain_set = GRAIN_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, grain_set)
    vibratos = clouds = sprays = scans = 0
    for program, timbre in grain_set.programs.items():
        assert_renders_the_same_twice(grain_render, grain_set, program)
        vibratos += timbre.vibrato[0] > 0
        clouds += timbre.scatter > 0
        sprays += timbre.spray > 0
        scans += timbre.scan[0] != timbre.scan[1]
        assert_each_copy_in_tune(grain_render, timbre, "lines")
        settled = timbre.scan[1]
        stream = dataclasses.replace(timbre, scatter=0.0, spray=0.0, scan=(settled, settled, 1.0))
        assert_sounds_only_its_harmonics(
            grain_render, dataclasses.replace(stream, lines=1, vibrato=(0.0, 0.0, 0.0))
        )
        assert_spreads_each_harmonic_by_its_grains_at_most(
            dataclasses.replace(timbre, lines=1, vibrato=(0.0, 0.0, 0.0))
        )
    assert vibratos and clouds and sprays and scans  # the pitch is measured through each of them too


def assert_spreads_each_harmonic_by_its_grains_at_most(cloud: Timbre) -> None:
    """`cloud` (one copy, no vibrato, its grains scattered and sprayed as drawn), played alone from E4
    to C8 (A=432), sounds nothing further than four grains' bandwidths (4 / grain Hz) from a harmonic
    of its note above -50 dB: a grain's flicker spreads each harmonic, never sounds anything else."""
    start = 2 * SR if cloud.sustained else SR // 4
    margin = 4.0 / cloud.grain + 6.0
    for note in (64, 96, 108):
        f0 = 440.0 * 2 ** ((note - 0.31 - 69) / 12)
        held = grain_render._voice(cloud, note - 0.31, 100, 3.5, SR)[start : start + SR]
        spectrum = np.abs(
            np.fft.rfft(held.astype(np.float64) * scipy.signal.windows.blackmanharris(SR), 4 * SR)
        )
        freqs = np.fft.rfftfreq(4 * SR, 1 / SR)
        beyond = np.abs(freqs / f0 - np.round(freqs / f0)) * f0 > margin
        assert spectrum[beyond].max() < 10 ** (-50 / 20) * spectrum.max()
