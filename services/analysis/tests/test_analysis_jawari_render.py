"""The drone-string renderer: its notes' fundamentals, its partials at whole multiples however hard the
bridge buzzes, the buzz's brightness and its settling, its sympathetic strings, its meend, its
levels, its kit, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import jawari_render
from soundforge.testing.jawari_render import JAWARI, JAWARI_SETS, KINDS, Drone
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


def _still(patch: Drone) -> Drone:
    """`patch` with one player, no meend and no vibrato: its phase runs at the note's frequency."""
    return dataclasses.replace(patch, voices=1, meend=0.0, vibrato=0.0)


def _quiet(patch: Drone) -> Drone:
    """`patch` held still, with no noise: nothing sounds but its harmonics."""
    return dataclasses.replace(_still(patch), pick=0.0, slap=0.0, hiss=0.0)


def _rms(samples: npt.NDArray[np.float32]) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def _bright(patch: Drone, velocity: int, start: float, seconds: float = 0.2) -> float:
    """The share of A3's power above its 8th harmonic in `seconds` from `start`, struck at `velocity`."""
    held = jawari_render.voice(_quiet(patch), (57.0,), velocity, 2.0, SR, seed=[0]).astype(np.float64)
    part = held[int(start * SR) : int((start + seconds) * SR)]
    power = np.abs(np.fft.rfft(part * np.hanning(part.size))) ** 2
    freqs = np.fft.rfftfreq(part.size, 1 / SR)
    return float(power[freqs > 8.5 * hz_of(57)].sum() / power.sum())


@pytest.mark.parametrize("program", sorted(JAWARI.programs))
def test_every_patch_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from E2 to E5: held still (one player, no meend or
    vibrato), the strongest frequency near the note is its pitch within a cent; as it is (players,
    meend, vibrato and all), within 10 cents. Its first partial is never under FUNDAMENTAL_FLOOR of
    the loudest in any frame; its players are symmetric about the pitch, one on it; its level never
    passes a quarter of its gain, and it is silent at its end."""
    patch = JAWARI.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return jawari_render.harmonics(patch, hz, 100, 1.0, frames, SR, rng)

    assert_sounds_its_pitch(jawari_render, patch, _still(patch), weights)


def test_every_partial_sits_at_a_whole_multiple_of_the_note_however_hard_it_buzzes() -> None:
    """A sitar's, a tanpura's and a biwa's C3 held still and struck hard: partials 2 to 12 each sit
    within a cent of that multiple of the fundamental (the bridge works on whole periods: the pitch
    is the note's), and nothing sounds half-way between two of them."""
    for program in (104, 24, 107):
        held = jawari_render.voice(_quiet(JAWARI.programs[program]), (48.0,), 127, 2.0, SR)
        fundamental = strongest_near(held, hz_of(48), start=0.1, width=0.03)
        assert cents_between(fundamental, hz_of(48)) == pytest.approx(0.0, abs=1.0)
        for n in range(2, 13):
            got = strongest_near(held, n * hz_of(48), start=0.1, width=0.02)
            assert cents_between(got, n * fundamental) == pytest.approx(0.0, abs=1.0)
        between = level_at(held, 2.5 * hz_of(48), 0.2, 0.5)
        assert between < 1e-4 * level_at(held, 2 * hz_of(48), 0.2, 0.5)


def test_the_bridge_buzzes_brighter_for_a_harder_stroke_and_settles_as_the_note_dies() -> None:
    """A sitar's A3 over its bridge has more of its power above its 8th harmonic than the same string
    with no buzz (twice as much, at the stroke), a hard stroke more than a soft one, and the buzz's
    share settles as the note dies: brighter over the bridge at the stroke than a second later, by
    more than the bare string's own upper modes dying sooner account for."""
    sitar = JAWARI.programs[104]
    bare = dataclasses.replace(sitar, buzz=0.0)
    assert _bright(sitar, 100, 0.05) > 2.0 * _bright(bare, 100, 0.05)
    assert _bright(sitar, 127, 0.05) > 1.3 * _bright(sitar, 40, 0.05)
    assert _bright(bare, 127, 0.05) == pytest.approx(_bright(bare, 40, 0.05), rel=0.05)
    early, late = _bright(sitar, 100, 0.05), _bright(sitar, 100, 1.2)
    assert early > late and early - late > _bright(bare, 100, 0.05) - _bright(bare, 100, 1.2)
    contact = jawari_render.contact(sitar, 100, np.array([0.0, 0.5, 5.0]))
    assert contact[0] < contact[1] < contact[2] == pytest.approx(sitar.rest, rel=0.01)


def test_the_sympathetic_strings_ring_on_after_the_note_is_let_go() -> None:
    """A sitar's A3 let go after 0.3 s: half a second later its sympathetic strings still ring (three
    times the level of the same note without them), at its own harmonics (the octave above it the
    strongest of them), and the bowed sarangi's bloom after its bow stops too."""
    for program in (104, 110):
        patch = _quiet(JAWARI.programs[program])
        ringing = jawari_render.voice(patch, (57.0,), 100, 0.3, SR, seed=[0])
        bare = jawari_render.voice(dataclasses.replace(patch, taraf=()), (57.0,), 100, 0.3, SR, seed=[0])
        after = slice(int(0.8 * SR), int(1.2 * SR))
        assert _rms(ringing[after]) > 3 * _rms(bare[after])
        octave = level_at(ringing, 2 * hz_of(57), 0.8, 0.4)
        assert octave > 1e3 * level_at(ringing, 2.5 * hz_of(57), 0.8, 0.4)
        got = strongest_near(ringing, 2 * hz_of(57), 0.8, 0.4, 0.03)
        assert cents_between(got, 2 * hz_of(57)) == pytest.approx(0.0, abs=1.0)


def test_a_meend_slides_up_into_the_note() -> None:
    """A veena's meend: its phase starts `meend` cents under the note and reaches it within ten of its
    glides, never passing it; a patch without one runs at the note from the start."""
    veena = JAWARI.programs[46]
    times = np.arange(SR) / SR
    (phase,) = jawari_render._phases(veena, 220.0, times, SR, np.random.default_rng(0))
    hz = np.diff(phase) * SR / (2.0 * np.pi)
    assert cents_between(float(hz[0]), 220.0) == pytest.approx(-veena.meend, abs=0.5)
    assert np.all(np.diff(hz) > -1e-6) and np.all(hz < 220.0 + 1e-6)
    assert cents_between(float(hz[int(10 * veena.glide * SR)]), 220.0) == pytest.approx(0.0, abs=0.01)
    (flat,) = jawari_render._phases(_still(veena), 220.0, times, SR, np.random.default_rng(0))
    assert np.allclose(np.diff(flat) * SR / (2.0 * np.pi), 220.0)


def test_a_patch_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases and noise; a program or a drum
    the set lacks is an error, never a stand-in; every stroke stays within its level and rings out
    within its length; a chord stays within a quarter of the patch's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(jawari_render, JAWARI)


def test_the_bass_skin_bends_up_under_the_palm_and_the_kanjira_falls() -> None:
    """The bayan's stroke (the kick) starts low and is pressed up to its pitch: its strongest
    frequency in its first 40 ms is under 85 Hz, in 0.3-0.5 s within 4% of 95 Hz; the kanjira's
    (the tambourine) starts above its pitch and falls to it."""
    bass = jawari_render._hit(JAWARI.drums.drums[36], 127, SR)
    assert strongest_near(bass, 80.0, seconds=0.04, width=0.3) < 85.0
    assert strongest_near(bass, 95.0, start=0.3, seconds=0.2, width=0.3) == pytest.approx(95.0, rel=0.04)
    kanjira = jawari_render._hit(JAWARI.drums.drums[54], 127, SR)
    assert strongest_near(kanjira, 260.0, seconds=0.02, width=0.3) > 250.0
    settled = strongest_near(kanjira, 240.0, start=0.1, seconds=0.2, width=0.1)
    assert settled == pytest.approx(240.0, rel=0.03)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in JAWARI_SETS])
def test_a_split_rendered_by_jawari_render_plays_only_what_its_strings_have(split: str) -> None:
    """jawari_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind of
    string measured above; what holds a tone or a free-time chord is bowed, never dying while held."""
    kinds = {kind.kind for kind in KINDS}
    assert_draws_its_kinds_and_holds_what_sustains(split, JAWARI_SETS[SOUNDFONTS[split]], kinds)
