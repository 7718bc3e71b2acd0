"""The renderer of light-tone instruments: its notes' pitch, the light a track lets through over a period
(a variable-area print's wave as it is, a variable-density print's through its gamma, its even
harmonics the steeper the gamma, a pierced track's pulse a hole wide) and a key's tracks at whole
multiples of the note (so every partial stands on a harmonic of the note), the slit's sinc, the
photocell's and the coupling capacitor's poles, the disc's wobble never drifting, the lamp's flicker
and its hum, the shutter opening, holding and closing and the thump its light's mean gives, the cell's
shot noise, its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import light_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.light_render import LIGHT_SET, LIGHT_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 2 the Superpiano's wheels, 19 the Lichttonorgel's principal, 20 the Cellulophone's film, 32 the
# Lichttonorgel's subbass, 39 a drawn bass, 81 a drawn lead, 82 the Photona's strings, 84 the
# Variophone's cut paper, 48 the ANS synthesizer's sines held, 49 the Lichttonorgel's flute held
LIGHTS = LIGHT_SET.programs


def _steady(patch: Instrument) -> Instrument:
    """`patch` read steadily: no shot noise, no wobble, no flicker, no rise into the note and no
    trembling, so nothing sounds but the track's harmonics."""
    return dataclasses.replace(patch, hiss=0.0, wobble=0.0, flicker=0.0, scoop=0.0, vibrato=0.0)


def _light_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = light_render.count(hz, SR)
        return light_render.levels(patch, hz, 2.0, frames, harmonics).astype(np.complex128)

    return weights


def _sine(depth: float, gamma: float, track: str = "density") -> Instrument:
    """A track printed with a pure sine, `depth` of the light, through `gamma`."""
    return dataclasses.replace(LIGHTS[48], track=track, printed=(1.0,), depth=depth, gamma=gamma)


@pytest.mark.parametrize("program", sorted(LIGHT_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: read steadily, the strongest frequency
    near the note is its pitch within a cent; as it is (the drawn rise and trembling, the disc's
    wobble, the lamp's flicker, the shot noise), within 10 cents. Its first harmonic is never under
    FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is silent
    at its end."""
    light = LIGHTS[program]
    checks.assert_sounds_its_pitch(light_render, light, _steady(light), _light_levels(light))


def test_the_partials_stand_on_the_harmonics_and_the_print_shapes_them() -> None:
    """The Lichttonorgel's principal (its 8' and 4' tracks), the Superpiano's holes and the
    Cellulophone's film, C3 read steadily: their partials stand on the note's harmonics within a cent
    and nothing between them. A pure sine printed by variable area passes no harmonic but the first;
    by variable density through a gamma of 2, ((1 + m s) / (1 + m))^2, its second is m / 4 of its
    first and it has no third; through a gentler gamma, (gamma - 1) m / 4 of it where m is small. A
    pierced track's harmonics are a pulse's a hole wide, (2 / (n pi)) sin(n pi d); a rank an octave
    up adds its light to the even harmonics alone."""
    for program in (19, 2, 20):
        note = light_render.voice(_steady(LIGHTS[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, LIGHTS[program].kind)
    _, area = light_render.printed(_sine(0.8, 3.0, "area"), 6)
    assert np.abs(area[1:]).max() < 1e-9 * abs(area[0])
    for depth in (0.3, 0.8):
        _, squared = light_render.printed(_sine(depth, 2.0), 6)
        assert abs(squared[1]) / abs(squared[0]) == pytest.approx(depth / 4.0, rel=1e-6)
        assert abs(squared[2]) < 1e-9 * abs(squared[0])
    _, gentle = light_render.printed(_sine(0.1, 1.5), 3)
    assert abs(gentle[1]) / abs(gentle[0]) == pytest.approx(0.5 * 0.1 / 4.0, rel=0.05)
    holes = dataclasses.replace(LIGHTS[2], duty=0.3)
    mean, pulse = light_render.printed(holes, 8)
    n = np.arange(1, 9)
    assert mean == pytest.approx(0.3, abs=1e-3)
    assert np.abs(pulse) == pytest.approx(np.abs(2.0 / (n * np.pi) * np.sin(n * np.pi * 0.3)), abs=2e-3)
    alone = dataclasses.replace(LIGHTS[49], ranks=((1, 1.0),))
    octave = dataclasses.replace(LIGHTS[49], ranks=((1, 1.0), (2, 0.5)))
    _, one = light_render.printed(alone, 12)
    _, two = light_render.printed(octave, 12)
    assert two[0::2] == pytest.approx(one[0::2], abs=1e-12)
    assert two[1::2] == pytest.approx(one[1::2] + 0.5 * one[:6], abs=1e-12)


def test_the_slit_the_cell_and_the_coupling_shape_the_light() -> None:
    """The slit passes the light's swing at f as sinc(f / aperture), nothing at its aperture; the
    photocell and the coupling capacitor each pass half its power at their corners (one pole each);
    the loudspeaker half at its floor and at its top. A narrower slit reads a track brighter."""
    open_wide = dataclasses.replace(LIGHTS[19], aperture=1e12, cell=1e12, coupling=1e-9, band=(1e-9, 1e12))
    f = np.array([500.0, 2000.0, 7000.0])
    slit = dataclasses.replace(open_wide, aperture=7000.0)
    cell = dataclasses.replace(open_wide, cell=2000.0)
    coupled = dataclasses.replace(open_wide, coupling=500.0)
    assert np.abs(light_render.response(slit, f)) == pytest.approx(np.abs(np.sinc(f / 7000.0)), abs=1e-9)
    assert abs(light_render.response(slit, f)[2]) < 1e-9
    one_pole = 1.0 / np.sqrt(1.0 + (f / 2000.0) ** 2)
    assert np.abs(light_render.response(cell, f)) == pytest.approx(one_pole, rel=1e-6)
    high_pass = (f / 500.0) / np.sqrt(1.0 + (f / 500.0) ** 2)
    assert np.abs(light_render.response(coupled, f)) == pytest.approx(high_pass, rel=1e-6)
    low, high = LIGHTS[20].band
    speaker = dataclasses.replace(open_wide, band=(low, high))
    edges = np.abs(light_render.response(speaker, np.array([low, high]))) ** 2
    assert edges == pytest.approx(0.5, rel=0.05)
    hz = checks.hz_of(72)

    def brightness(patch: Instrument) -> float:
        shape = np.abs(light_render.spectrum(patch, hz, light_render.count(hz, SR)))
        return float(np.sum(shape[1:] ** 2) / shape[0] ** 2)

    wide, narrow = (dataclasses.replace(LIGHTS[84], aperture=a) for a in (3000.0, 15000.0))
    assert brightness(narrow) > 1.5 * brightness(wide)


def test_the_disc_wobbles_and_the_lamp_flickers() -> None:
    """The disc carrying a note turns at the note over its track's cycles, `cycles` at the innermost
    octave and twice as many an octave up, so it turns between LOWEST / cycles and twice that. Its
    eccentricity reads the track early and late once a turn by (f / turn) wobble radians, a deviation
    of `wobble` of the note, never summed: the pitch never drifts. A lamp on the mains sets sidebands
    `flicker` / 2 of the note twice the mains' frequency either side of it, and, on the light's mean, a
    hum there; a lamp on a battery neither."""
    principal = LIGHTS[19]
    for pitch in (30.0, 48.0, 71.0, 90.0):
        hz = checks.hz_of(pitch)
        spin = light_render.turn(principal, hz)
        assert light_render.LOWEST / principal.cycles <= spin < 2.0 * light_render.LOWEST / principal.cycles
        assert np.log2(hz / spin / principal.cycles) == pytest.approx(
            round(np.log2(hz / spin / principal.cycles))
        )
    hz = checks.hz_of(57)
    spin = light_render.turn(principal, hz)
    times = np.arange(round(10 * SR / spin)) / SR  # ten whole turns, nearly
    offsets = light_render.wobbling(principal, hz, times, np.random.default_rng(3))
    assert np.abs(offsets).max() == pytest.approx(hz / spin * principal.wobble, rel=1e-3)
    deviation = np.abs(np.diff(offsets)).max() * SR / (2.0 * np.pi)
    assert deviation == pytest.approx(hz * principal.wobble, rel=0.01)
    assert abs(float(offsets.mean())) < 0.05 * float(np.abs(offsets).max())
    wobbling = dataclasses.replace(_steady(principal), wobble=5e-4)
    note = light_render.voice(wobbling, (57.0,), 100, 2.0, SR)
    assert checks.cents_between(checks.strongest_near(note, hz), hz) == pytest.approx(0.0, abs=1.0)
    ans = _steady(LIGHTS[48])
    on_mains = dataclasses.replace(ans, flicker=0.05, mains=50.0)
    for patch, share in ((on_mains, 0.025), (ans, 0.0)):
        held = light_render.voice(patch, (69.0,), 100, 2.0, SR)
        tone = checks.level_at(held, 440.0, 0.5, 1.0)
        for side in (340.0, 540.0):
            assert np.sqrt(checks.level_at(held, side, 0.5, 1.0) / tone) == pytest.approx(share, abs=0.005)
        hum = np.sqrt(checks.level_at(held, 100.0, 0.5, 1.0) / tone)
        assert hum > 0.01 if share else hum < 1e-3


def test_the_shutter_opens_holds_closes_and_its_light_thumps() -> None:
    """The shutter lets the light in over its opening, holds it while the key is down (or lets it fade
    to the share it keeps, as the Superpiano's does), and shuts it over its closing from wherever it
    was. Through the coupling capacitor the light's mean comes out as a thump that dies as one pole's
    step does, exp(-2 pi coupling t). The cell's shot noise grows as the square root of the light."""
    flute = LIGHTS[49]
    attack, _, _, closing = flute.level
    times = np.array([0.0, attack / 2.0, attack, 1.0, 1.5, 1.5 + closing / 2.0, 1.5 + closing, 2.5])
    assert light_render.shutter(flute, 1.5, times) == pytest.approx([0.0, 0.5, 1.0, 1.0, 1.0, 0.5, 0.0, 0.0])
    piano = LIGHTS[2]
    attack, fade, keeps, closing = piano.level
    faded = light_render.shutter(piano, 2.0, np.array([attack + fade, 2.0, 2.0 + closing / 2.0]))
    assert faded[0] == pytest.approx(keeps + (1.0 - keeps) * np.exp(-1.0), rel=1e-9)
    assert faded[2] == pytest.approx(faded[1] / 2.0, rel=1e-9) and not piano.sustained
    bare = dataclasses.replace(flute, coupling=40.0, band=(1e-3, 0.45 * SR))
    step = light_render.coupled(bare, np.ones(SR // 2), SR)
    tau = 1.0 / (2.0 * np.pi * 40.0)
    dying = np.exp(-np.arange(step.size) / (tau * SR))
    assert np.abs(step[20:] - dying[20:]).max() < 0.01 and abs(step[-1]) < 1e-3
    assert light_render.shot(flute, np.array([1.0, 0.25, 0.0])) == pytest.approx(
        flute.hiss * np.array([1.0, 0.5, 0.0])
    )


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the clacks, the ticks and the slaps as
    grains after the stroke; what holds a tone (the ANS synthesizer's sines held) holds while the
    shutter is open; and the split rendered by light_render draws only what its set has, every
    instrument measured above among it, tracks printed by area and by density and pierced."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(light_render, LIGHT_SET)
    checks.assert_grains_follow_the_stroke(light_render, LIGHT_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in LIGHT_SET.drums.drums.values()) == 5
    held = light_render.voice(LIGHTS[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in LIGHT_SETS]
    assert splits == ["motte"]
    patches = LIGHT_SET.programs.values()
    assert {patch.track for patch in patches} == {"area", "density", "holes"}
    assert {bool(patch.flicker) for patch in patches} == {True, False}
    kinds = {patch.kind for patch in patches}
    light_set = LIGHT_SETS[SOUNDFONTS["motte"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("motte", light_set, kinds)
