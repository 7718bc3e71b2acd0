"""The additive renderer: its notes' fundamentals, its partials at whole multiples, their envelopes,
its velocity's brightness, its residual, its levels, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from soundforge.testing import additive_render
from soundforge.testing.additive_render import ADDITIVE, ADDITIVE_SETS, KINDS, Additive
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)


def _still(patch: Additive) -> Additive:
    """`patch` with one voice, no vibrato and no wander: each partial at a steady frequency."""
    return dataclasses.replace(patch, voices=1, vibrato=0.0, jitter=0.0)


@pytest.mark.parametrize("program", sorted(ADDITIVE.programs))
def test_every_patch_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from E2 to E5: held still (one voice, no vibrato or
    wander), the strongest frequency near the note is its pitch within a cent; as it is (voices,
    vibrato, wander and all), within 10 cents. Its first partial is present and never the weakest;
    its voices are symmetric about the pitch, one on it; its level never passes a quarter of its
    gain, and it is silent at its end."""
    patch = ADDITIVE.programs[program]
    for note in (40, 64, 76):
        pitch = note - 0.31
        weights = dict(additive_render.amplitudes(patch, hz_of(pitch), 100, SR))
        assert weights[1] >= additive_render.FUNDAMENTAL_FLOOR and weights[1] >= min(weights.values())
        held = additive_render.voice(patch, (pitch,), 100, 2.0, SR)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert float(np.abs(held[-5:]).max()) < 0.01 * float(np.abs(held).max())
        still = additive_render.voice(_still(patch), (pitch,), 100, 2.0, SR)
        assert cents_between(strongest_near(still, hz_of(pitch)), hz_of(pitch)) == pytest.approx(0.0, abs=1.0)
        seconds = min(2.0, held.size / SR)
        got = strongest_near(held, hz_of(pitch), seconds=seconds)
        assert cents_between(got, hz_of(pitch)) == pytest.approx(0.0, abs=10.0)
    offsets = additive_render.offsets(patch)
    assert sum(offsets) == pytest.approx(0.0) and len(offsets) == patch.voices
    assert len(offsets) % 2 == 0 or 0.0 in offsets


def test_every_partial_sits_at_a_whole_multiple_of_the_note() -> None:
    """Brass's, a reed's and a bell-like voice's C3 held still: partials 2 to 6 each sit within a
    cent of that multiple of the fundamental (harmonic: the pitch is the note's); nothing sounds
    half-way between two of them but the residual's hiss far under; a reed's even partials are
    weaker than the odd ones beside them."""
    for program in (56, 71, 14):
        patch = dataclasses.replace(_still(ADDITIVE.programs[program]), breath=0.0, chiff=0.0)
        held = additive_render.voice(patch, (48.0,), 110, 2.0, SR)
        fundamental = strongest_near(held, hz_of(48), start=0.2, width=0.03)
        assert cents_between(fundamental, hz_of(48)) == pytest.approx(0.0, abs=1.0)
        for n in range(2, 7):
            got = strongest_near(held, n * hz_of(48), start=0.2, width=0.02)
            assert cents_between(got, n * fundamental) == pytest.approx(0.0, abs=1.0)
        between = level_at(held, 2.5 * hz_of(48), 0.3, 0.5)
        assert between < 1e-4 * level_at(held, 2 * hz_of(48), 0.3, 0.5)
    reed = dataclasses.replace(_still(ADDITIVE.programs[71]), breath=0.0, chiff=0.0)
    held = additive_render.voice(reed, (48.0,), 100, 1.0, SR)
    for even in (2, 4):
        level = level_at(held, even * hz_of(48), 0.3, 0.4)
        assert level < level_at(held, (even - 1) * hz_of(48), 0.3, 0.4)
        assert level < level_at(held, (even + 1) * hz_of(48), 0.3, 0.4)


def test_a_plucks_upper_partials_die_sooner_and_brass_speaks_from_the_bottom_up() -> None:
    """A plucked string's A3: its 5th partial falls by more dB from 0.05 s to 0.6 s than its first
    (rates rising with frequency), and its level falls throughout; brass's upper partials reach
    half their level later than its fundamental, and a pad's envelope holds while the note does."""
    pluck = _still(ADDITIVE.programs[24])
    held = additive_render.voice(pluck, (57.0,), 100, 2.0, SR)

    def drop(n: int) -> float:
        return 10 * np.log10(level_at(held, n * hz_of(57), 0.05) / level_at(held, n * hz_of(57), 0.6))

    assert drop(5) > drop(1) + 6.0 > 6.0
    times = np.arange(SR) / SR
    brass = ADDITIVE.programs[56]

    def half(n: int) -> float:
        shape = additive_render.envelope_of(brass, n, 1.0, times)
        return float(times[np.argmax(shape >= 0.5)])

    assert half(1) < half(4) < half(10)
    pad = additive_render.envelope_of(ADDITIVE.programs[88], 1, 3.0, np.arange(4 * SR) / SR)
    assert pad[int(2.9 * SR)] == pytest.approx(ADDITIVE.programs[88].sustain, rel=0.05)
    assert pad[-1] < 0.5 * pad[int(2.9 * SR)]


def test_a_harder_note_is_brighter() -> None:
    """The spectral tilt brightens with velocity: brass's C4 at 127 has more of its power above
    2.5 times its fundamental than at 30 (by 1.5 times), and each partial above the first is louder
    against it; a flute's brightens less than brass's."""

    def bright(program: int, velocity: int) -> float:
        patch = dataclasses.replace(_still(ADDITIVE.programs[program]), breath=0.0, chiff=0.0)
        held = additive_render.voice(patch, (60.0,), velocity, 1.0, SR, seed=[0]).astype(np.float64)
        part = held[SR // 4 : 3 * SR // 4]
        power = np.abs(np.fft.rfft(part * np.hanning(part.size))) ** 2
        freqs = np.fft.rfftfreq(part.size, 1 / SR)
        return float(power[freqs > 2.5 * hz_of(60)].sum() / power.sum())

    assert bright(56, 127) > 1.5 * bright(56, 30)
    assert bright(56, 127) / bright(56, 30) > bright(73, 127) / bright(73, 30)
    soft = dict(additive_render.amplitudes(ADDITIVE.programs[56], hz_of(60), 30, SR))
    hard = dict(additive_render.amplitudes(ADDITIVE.programs[56], hz_of(60), 127, SR))
    assert all(hard[n] / hard[1] > soft[n] / soft[1] for n in soft if n > 1 and n in hard)


def test_the_residual_is_noise_under_the_note() -> None:
    """A flute's A4 with its partials silenced is its residual alone: noise over its filter bank's
    bands, loudest at the note's start (its chiff) and under the held note after; without a
    residual the same note is quieter between its partials."""
    flute = _still(ADDITIVE.programs[73])
    only = dataclasses.replace(flute, partials=1)
    with_noise = additive_render.voice(only, (69.0,), 100, 1.5, SR, seed=[3]).astype(np.float64)
    without = additive_render.voice(
        dataclasses.replace(only, breath=0.0, chiff=0.0), (69.0,), 100, 1.5, SR, seed=[3]
    ).astype(np.float64)
    residual = with_noise - without
    start = float(np.sqrt(np.mean(residual[: SR // 50] ** 2)))
    middle = float(np.sqrt(np.mean(residual[SR // 2 : SR] ** 2)))
    assert start > 1.5 * middle > 0
    assert level_at(with_noise.astype(np.float32), 5000.0, 0.5, 0.5) > 100 * level_at(
        without.astype(np.float32), 5000.0, 0.5, 0.5
    )


def test_a_patch_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a drum is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases and wander; a program or a
    drum the set lacks is an error, never a stand-in; every drum stays within its level and rings
    out within its length; a chord stays within a quarter of the patch's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(additive_render, ADDITIVE)


def test_a_kick_sweeps_down_to_its_pitch() -> None:
    """The kick's summed partials start an octave and more above where they end: its strongest
    frequency in its first 20 ms is above 100 Hz, in 0.2-0.4 s within 5% of 55 Hz."""
    kick = additive_render._hit(ADDITIVE.drums.drums[36], 127, SR)
    early = np.abs(np.fft.rfft(kick[: SR // 50].astype(np.float64), 8 * SR))
    freqs = np.fft.rfftfreq(8 * SR, 1 / SR)
    assert freqs[np.argmax(early)] > 100.0
    assert strongest_near(kick, 55.0, start=0.2, seconds=0.2, width=0.3) == pytest.approx(55.0, rel=0.05)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in ADDITIVE_SETS])
def test_a_split_rendered_by_additive_render_plays_only_what_its_patches_have(split: str) -> None:
    """additive_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind measured
    above; what holds a tone or a free-time chord is sustained, never dying while held."""
    assert_draws_its_kinds_and_holds_what_sustains(split, ADDITIVE_SETS[SOUNDFONTS[split]], set(KINDS))
