"""The wavetable renderer: its banks, and what a split it renders draws, plays and sounds."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from soundforge.testing import wavetable_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.wavetable_render import BANKS, WAVETABLE_SETS

from .test_analysis_labelled_clips import (
    assert_draws_only_what_its_set_has,
    assert_each_copy_in_tune,
    assert_renders_the_same_twice,
    assert_sounds_only_its_harmonics,
)


@pytest.mark.parametrize("bank", BANKS)
def test_every_wave_of_a_bank_is_one_cycle_that_sounds_its_note(bank: str) -> None:
    """A bank's waves are single cycles: each holds whole harmonics of the note and nothing else, at
    one loudness, with the note's own fundamental never under a fifth of it (no wave sounds another
    pitch, an octave up, in its place); each harmonic has one phase through the bank."""
    levels, phases = wavetable_render._bank(bank)
    assert levels.shape[0] >= 2 and levels.shape[1] == wavetable_render._POINTS // 2 - 1
    assert np.allclose(np.sum(levels**2, axis=1), 1.0)
    assert levels[:, 0].min() > 0.2
    assert np.allclose(np.abs(phases), 1.0)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in WAVETABLE_SETS])
def test_a_split_rendered_by_wavetable_render_plays_only_what_its_patches_have(split: str) -> None:
    """wavetable_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every patch renders the same audio on every run (its copies', vibratos' and sweeps'
    phases are seeded by the note) and sounds the pitch it is given, bent, scanned, swept, vibrato
    and all: each copy within a cent of its own detuning, the detunings symmetric around the note (a
    bank's waves are harmonics of the note, each at one phase however the scan moves); and held on
    the wave its scan settles on, from the bottom of the keyboard to its top nothing but the note's
    harmonics sounds above -60 dB (no alias: a harmonic past the rate's limit is left out)."""
    wavetable_set = WAVETABLE_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, wavetable_set)
    vibratos = sweeps = 0
    for program, timbre in wavetable_set.programs.items():
        assert_renders_the_same_twice(wavetable_render, wavetable_set, program)
        assert timbre.bank in BANKS and all(0.0 <= place <= 1.0 for place in timbre.scan[:2])
        vibratos += timbre.vibrato[0] > 0
        sweeps += timbre.sweep[0] > 0
        assert_each_copy_in_tune(wavetable_render, timbre, "lines")
        settled = timbre.scan[1]
        held = dataclasses.replace(timbre, scan=(settled, settled, 1.0), sweep=(0.0, 0.0))
        assert_sounds_only_its_harmonics(
            wavetable_render, dataclasses.replace(held, lines=1, vibrato=(0.0, 0.0, 0.0))
        )
    assert vibratos and sweeps  # the bent pitch is measured through a vibrato and a sweep too
    assert {timbre.bank for timbre in wavetable_set.programs.values()} == set(BANKS)
