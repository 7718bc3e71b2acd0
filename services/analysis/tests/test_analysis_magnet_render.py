"""The renderer of strings, bars and forks driven by electromagnets: its notes' pitch, the amplifier's
clipped drive over a period (a sine under its rail, past it the clipped sine's odd harmonics) and the
magnet's square-law pull (its even ones), the body taking the pull through its modes (a stiff
string's stretched ones, a free bar's, a fork's; so every partial stands on a harmonic of the note),
where the coil pulls and where it is heard, the radiator's band, the loop swelling in from the
string's rest and holding, a harder note richer, the bar's slide into the note, the loop's phase
noise, the amplifier's hiss, its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import magnet_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.magnet_render import MAGNET_SET, MAGNET_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 1 the Magnetic Resonator Piano, 15 the Choralcelo's wire, 26 a Moog guitar, 33 a sustainer bass, 43
# the Magnetic Resonator Piano's bass strings, 27 an EBow lap steel, 29 an EBow guitar, 30 a sustainer
# guitar, 48 a maintained tuning fork held, 49 the Choralcelo's bars held
DRIVEN = MAGNET_SET.programs


def _steady(patch: Instrument) -> Instrument:
    """`patch` driven steadily: no hiss, no phase noise, no slide into the note and no trembling, so
    nothing sounds but the body's harmonics."""
    return dataclasses.replace(patch, hiss=0.0, jitter=0.0, scoop=0.0, vibrato=0.0)


def _driven_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = magnet_render.count(hz, SR)
        return magnet_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


def _sampled(wave: Signal, harmonics: int) -> Complex:
    """A period of `wave`'s first `harmonics` as e^{j n theta}'s sizes and phases."""
    return np.asarray(np.fft.rfft(wave)[1 : harmonics + 1] * (2.0 / wave.size))


@pytest.mark.parametrize("program", sorted(MAGNET_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: driven steadily, the strongest
    frequency near the note is its pitch within a cent; as it is (the bar's slide, the trembling, the
    loop's phase noise, the hiss), within 10 cents. Its first harmonic is never under
    FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is silent
    at its end."""
    driven = DRIVEN[program]
    checks.assert_sounds_its_pitch(magnet_render, driven, _steady(driven), _driven_levels(driven))


def test_the_partials_stand_on_the_harmonics_and_the_loop_shapes_them() -> None:
    """The Choralcelo's wire, the Magnetic Resonator Piano's bass strings and an EBow guitar, C3
    driven steadily: their partials stand on the note's harmonics within a cent and nothing between
    them. The amplifier's drive over a period is u sin(theta) clipped at 1: its harmonics (clipped) are
    the clipped sine's, the first u and no other under u = 1, the even ones nothing; the magnet's pull
    (pull) is (bias + y)^2 - bias^2 of it, its even harmonics the weaker the bias is."""
    for program in (15, 43, 29):
        note = magnet_render.voice(_steady(DRIVEN[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, DRIVEN[program].kind)
    theta = 2.0 * np.pi * np.arange(8192) / 8192
    for drive in (0.4, 0.9, 1.5, 4.0):
        y = np.clip(drive * np.sin(theta), -1.0, 1.0)
        sines = magnet_render.clipped(np.array([drive]), 12)[0]
        assert sines == pytest.approx(-_sampled(y, 12).imag, abs=1e-6)
        assert np.abs(sines[1::2]).max() < 1e-12
        if drive < 1.0:
            assert sines[0] == pytest.approx(drive) and np.abs(sines[1:]).max() < 1e-12
        for bias in (1.5, 6.0):
            patch = dataclasses.replace(DRIVEN[15], bias=bias)
            pulled = magnet_render.pull(patch, np.array([drive]), 12)[0]
            assert pulled == pytest.approx(_sampled(2.0 * bias * y + y**2, 12), abs=0.02 * drive)
    weak, strong = (dataclasses.replace(DRIVEN[15], bias=bias) for bias in (1.5, 6.0))
    for patch in (weak, strong):
        pulled = np.abs(magnet_render.pull(patch, np.array([2.0]), 12)[0])
        assert pulled[1] > 1e-3 * pulled[0]
    ratio = [np.abs(magnet_render.pull(p, np.array([2.0]), 12)[0]) for p in (weak, strong)]
    assert ratio[0][1] / ratio[0][0] > 3.0 * ratio[1][1] / ratio[1][0]


def test_the_body_takes_the_pull_through_its_modes() -> None:
    """A stiff string's modes stand sharp of the harmonics, m sqrt((1 + B m^2) / (1 + B)), a free bar's
    at BAR_MODES and a fork's at FORK_MODES. The first mode takes the pull at the note Q times over;
    a string pulled at its middle sets no even mode going (its even harmonics only the odd modes' far
    skirts), and a pickup at a harmonic's node hardly hears
    it. A stiffer string is driven purer, and a bar and a fork nearly a sine. The radiator passes its
    band: half the power at its floor and at its top."""
    guitar = DRIVEN[29]
    m = np.arange(1, 9, dtype=np.float64)
    stretched = m * np.sqrt((1.0 + guitar.stiffness * m**2) / (1.0 + guitar.stiffness))
    assert magnet_render.modes(guitar, 8) == pytest.approx(stretched, rel=1e-12)
    assert magnet_render.modes(DRIVEN[49], 5) == pytest.approx(magnet_render.BAR_MODES)
    assert magnet_render.modes(DRIVEN[48], 4) == pytest.approx(magnet_render.FORK_MODES)
    bare = dataclasses.replace(guitar, heard=0.0, stiffness=0.0)
    at_the_note = bare.q * np.sin(np.pi * bare.at)
    assert abs(magnet_render.response(bare, 1)[0]) == pytest.approx(at_the_note, rel=1e-9)
    middle = dataclasses.replace(guitar, at=0.5)
    moved, off = (np.abs(magnet_render.response(patch, 8)) for patch in (middle, guitar))
    assert np.all(moved[1::2] < 0.1 * off[1::2])  # only the odd modes, far off an even harmonic
    node = dataclasses.replace(guitar, heard=1.0 / 3.0)
    assert abs(magnet_render.response(node, 6)[2]) < 0.05 * abs(magnet_render.response(guitar, 6)[2])
    hz = checks.hz_of(52)

    def rest(patch: Instrument) -> float:
        shape = np.abs(magnet_render.spectrum(patch, hz, 20))
        return float(np.sum(shape[1:] ** 2) / shape[0] ** 2)

    limber, stiff = (dataclasses.replace(DRIVEN[15], stiffness=b) for b in (2e-5, 5e-4))
    assert rest(limber) > 1.5 * rest(stiff)
    for program in (48, 49):
        assert rest(DRIVEN[program]) < 1e-4 < rest(DRIVEN[15])
    low, high = guitar.band
    edges = np.abs(magnet_render.radiator(guitar, np.array([low, high]))) ** 2
    assert edges == pytest.approx(0.5, rel=0.05)


def test_the_loop_swells_in_holds_and_a_harder_note_is_richer() -> None:
    """The drive grows from `start` of its reach as a loop past its threshold does, reach / sqrt(1 +
    (1 / start^2 - 1) exp(-2 t / swell)), holds its reach while the key is down and keeps where it was
    once the key is let go, the level dying over its fall. A note swells in nearly pure (under the
    rail, the clipped drive has no odd harmonic but the first) and is richest once the loop is
    saturated; half `drive` at the softest, all of it at the hardest, so a harder note is richer."""
    guitar = DRIVEN[29]
    full = magnet_render.reach(guitar, 100)
    assert magnet_render.reach(guitar, 0) == pytest.approx(guitar.drive / 2.0)
    assert magnet_render.reach(guitar, 127) == pytest.approx(guitar.drive)
    times = np.array([0.0, guitar.swell, 1.0, 1.5, 1.5 + guitar.level[3]])
    drive = magnet_render.growth(guitar, 100, 1.5, times)
    assert drive[0] == pytest.approx(guitar.start * full)
    expected = full / np.sqrt(1.0 + (1.0 / guitar.start**2 - 1.0) * np.exp(-2.0))
    assert drive[1] == pytest.approx(expected)
    assert drive[2] == pytest.approx(full, rel=1e-6) and drive[4] == drive[3]
    level = magnet_render.power(guitar, 100, 1.5, times)
    assert level[4] / level[3] == pytest.approx(np.exp(-1.0), rel=1e-3)
    hz = checks.hz_of(60)
    first, saturated = magnet_render.shaped(guitar, hz, drive[[0, 2]], 12)
    odd = magnet_render.clipped(drive[[0]], 12)[0]
    assert drive[0] < 1.0 and np.abs(odd[1:]).max() < 1e-12
    assert np.sum(np.abs(saturated[1:]) ** 2) > 10.0 * np.sum(np.abs(first[1:]) ** 2)
    soft = np.abs(magnet_render.spectrum(guitar, hz, 12, 30))
    hard = np.abs(magnet_render.spectrum(guitar, hz, 12, 127))
    assert np.sum(hard[1:] ** 2) / hard[0] ** 2 > 1.2 * np.sum(soft[1:] ** 2) / soft[0] ** 2


def test_the_bar_slides_in_and_the_loop_frays_no_pitch() -> None:
    """Each period comes early or late by the loop's phase noise, never summed, so over two seconds
    the offsets stay within a few jitters of nothing and the pitch never drifts; with no jitter, none.
    A lap steel's bar sliding into the note from far under it sounds flat at first and on the note,
    within a cent, once it has arrived. A louder note hisses more against the tone, by its square."""
    guitar = DRIVEN[29]
    hz = checks.hz_of(48)
    along = np.arange(2 * SR) / SR
    offsets = magnet_render.timing(guitar, hz, along, np.random.default_rng(4))
    assert 0.0 < np.abs(offsets).max() < 6.0 * guitar.jitter
    assert abs(float(offsets.mean())) < 0.2 * guitar.jitter
    assert not magnet_render.timing(_steady(guitar), hz, along, np.random.default_rng(4)).any()
    sliding = dataclasses.replace(_steady(DRIVEN[27]), scoop=300.0, glide=0.1, start=0.5)
    note = magnet_render.voice(sliding, (57.0,), 100, 2.0, SR)
    early = checks.strongest_near(note, checks.hz_of(57), 0.0, 0.1, width=0.3)
    assert checks.cents_between(early, checks.hz_of(57)) < -50.0
    arrived = checks.strongest_near(note, checks.hz_of(57), 1.0, 1.0)
    assert checks.cents_between(arrived, checks.hz_of(57)) == pytest.approx(0.0, abs=1.0)
    assert magnet_render.hissing(guitar, 100) == pytest.approx(4.0 * magnet_render.hissing(guitar, 50))


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the slaps, the rattles and the scrapes
    as grains after the stroke; what holds a tone (a maintained tuning fork held) holds while the
    magnet drives it; and the split rendered by magnet_render draws only what its set has, every
    instrument measured above among it, strings, bars and a fork, some heard at a pickup and some at
    the bridge."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(magnet_render, MAGNET_SET)
    checks.assert_grains_follow_the_stroke(magnet_render, MAGNET_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in MAGNET_SET.drums.drums.values()) == 5
    held = magnet_render.voice(DRIVEN[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in MAGNET_SETS]
    assert splits == ["castro"]
    patches = MAGNET_SET.programs.values()
    assert {patch.body for patch in patches} == {"string", "bar", "fork"}
    assert {bool(patch.heard) for patch in patches if patch.body == "string"} == {True, False}
    kinds = {patch.kind for patch in patches}
    magnet_set = MAGNET_SETS[SOUNDFONTS["castro"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("castro", magnet_set, kinds)
