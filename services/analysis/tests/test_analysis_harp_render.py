"""The renderer of harps plucked by the fingers: its notes' pitch, the string's modes where a stiff
string's stand (the palm's harmonics the even modes of the string an octave under), the pull at the
string's end by where it is plucked and the release's half-sine, the board's modes sounding it and
draining it, the tension's swing at twice each mode's frequency, the stretch falling onto the note,
the strings ringing in sympathy, a held note plucked again while held, its kit and its grains, what
a split it renders draws; and the two productions bailey brought, the seat dip over an open-air
theatre's rows and a whispering dish's focus."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest
from scipy import special

from soundforge.testing import harp_render, production_bus
from soundforge.testing.harp_render import HARP_SET, HARP_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 46 a pedal harp, 24 a Paraguayan harp, 25 a clarsach's wires, 32 a pedal harp's wound strings, 33 an
# Andean harp's bass, 104 a saung gauk, 105 a pedal harp's harmonics, 106 a pedal harp pres de la
# table, 48 a bisbigliando held, 49 a repique held
HARPS = HARP_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no stretch from its swing, no bend or sway of the player's, so nothing
    moves its modes off their frequencies."""
    return dataclasses.replace(patch, twang=0.0, scoop=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return harp_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(HARP_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (the stretch of its swing, the player's bend and
    sway), within 10 cents. Its first partial is never under FUNDAMENTAL_FLOOR of the loudest; its level
    never passes a quarter of its gain, and it is silent at its end."""
    harp = HARPS[program]
    checks.assert_sounds_its_pitch(harp_render, harp, _still(harp), _levels(harp))


def test_the_modes_stand_where_a_stiff_string_s_do_and_harmonics_are_the_even_ones() -> None:
    """The clarsach's brass wire and the pedal harp's wound string, C3 played still: their partials 2 to
    6 stand at n sqrt(1 + B n^2) / sqrt(1 + B) times the note within a cent, sharp of the harmonics by
    the string's stiffness. Touched at its middle, the string is played an octave under the note and
    only its even modes sound: m sqrt(1 + B m^2) over the second's, m = 2, 4, 6, ..., the first on
    the note."""
    hz = checks.hz_of(48)
    for program in (25, 32):
        harp = _still(HARPS[program])
        note = harp_render.voice(harp, (48.0,), 100, 2.0, SR)
        ratio = harp_render.ratios(harp, hz, SR)
        n = np.arange(1, ratio.size + 1)
        assert ratio == pytest.approx(n * np.sqrt((1.0 + harp.stiffness * n**2) / (1.0 + harp.stiffness)))
        for k in range(2, 7):
            if abs(np.sin(k * np.pi * harp.at)) < 0.2:
                continue  # plucked at its node: too weak to find
            got = checks.strongest_near(note, ratio[k - 1] * hz, 0.05, 0.5, width=0.004)
            assert checks.cents_between(got, ratio[k - 1] * hz) == pytest.approx(0.0, abs=1.0), (program, k)
        assert ratio[5] > 6.0
    harmonics = HARPS[105]
    m = 2.0 * np.arange(1, 8)
    expected = (
        m * np.sqrt(1.0 + harmonics.stiffness * m**2) / (2.0 * np.sqrt(1.0 + 4.0 * harmonics.stiffness))
    )
    assert harp_render.ratios(harmonics, hz, SR)[:7] == pytest.approx(expected)
    assert harp_render.modes(harmonics, 4) == pytest.approx([2.0, 4.0, 6.0, 8.0])


def test_where_the_string_is_plucked_shapes_its_pull_on_the_board() -> None:
    """Plucked a fifth of its length from its end, a string pulls on the board with |sin(n pi / 5)| / n
    of each mode, nothing of the fifth and the tenth; at its middle, nothing of any even mode. Each
    through the release's half-sine; a softer pluck slips off the finger more slowly, as (127 / v)^(1/5),
    so it is duller."""
    hz = 110.0
    ratio = np.arange(1.0, 13.0)
    n = ratio
    harp = dataclasses.replace(HARPS[46], at=0.2, contact=1e-9)
    assert harp_render.force(harp, hz, ratio, 127) == pytest.approx(
        np.abs(np.sin(n * np.pi / 5.0)) / n, abs=1e-9
    )
    pull = harp_render.force(dataclasses.replace(harp, at=0.2), hz, ratio, 127)
    assert pull[4] < 1e-9 and pull[9] < 1e-9
    middle = harp_render.force(dataclasses.replace(harp, at=0.5), hz, ratio, 127)
    assert np.all(middle[1::2] < 1e-9) and np.all(middle[0::2] > 0.05)
    harp = HARPS[24]
    assert harp_render.contact(harp, 127) == pytest.approx(harp.contact)
    assert harp_render.contact(harp, 40) == pytest.approx(harp.contact * (127.0 / 40.0) ** 0.2)
    loud, soft = (harp_render.force(harp, hz, np.arange(1.0, 33.0), v) for v in (127, 40))
    assert loud[20] / loud[0] > 1.2 * soft[20] / soft[0]


def test_the_board_sounds_each_partial_by_its_modes_and_drains_it() -> None:
    """The board's admittance is its modes' resonances at their mobilities: what it radiates of a
    partial on a mode is |Y| and more than between two modes, and the mode drains the string there,
    so the partial dies at 1 / ring + loss f^2 + drain Re Y(f), sooner than one beside it."""
    harp = HARPS[46]
    first, q, mobility = harp.board[1]
    on, off = np.array([first]), np.array([0.5 * (harp.board[1][0] + harp.board[2][0])])
    y = np.zeros(1, dtype=np.complex128)
    for hz, qq, m in harp.board:
        y = y + m / (1.0 + 1j * qq * (on / hz - hz / on))
    assert harp_render.admittance(harp, on) == pytest.approx(y)
    assert abs(harp_render.admittance(harp, on)[0]) > mobility - 1e-9
    assert harp_render.radiated(harp, on)[0] > harp_render.radiated(harp, off)[0]
    rates = harp_render.dying(harp, first, np.array([1.0]))
    assert rates[0] == pytest.approx(1.0 / harp.ring + harp.loss * first**2 + harp.drain * y.real[0])
    assert rates[0] > harp_render.dying(harp, off[0], np.array([1.0]))[0]
    assert q > 0.0


def test_the_tension_s_swing_sounds_twice_each_mode_and_grows_with_the_pluck() -> None:
    """Plucked at its middle a string has no even modes, yet its tension swings at twice each mode's
    frequency: played still with `tension`, a pedal harp's A3 sounds its second harmonic, and without
    it hardly at all; the force there is `tension` times the mode's force squared over the loudest, as
    the velocity, so against the note it is about twice as strong at 127 as at 64; it dies twice as fast
    as its mode."""
    harp = dataclasses.replace(_still(HARPS[46]), at=0.5, sympathetic=())
    hz = checks.hz_of(57)
    levels = {}
    for tension in (0.0, 0.3):
        for velocity in (64, 127):
            note = harp_render.voice(dataclasses.replace(harp, tension=tension), (57.0,), velocity, 1.0, SR)
            levels[tension, velocity] = np.sqrt(  # level_at reads power: its root, amplitude
                checks.level_at(note, 2.0 * hz, 0.05, 0.2) / checks.level_at(note, hz, 0.05, 0.2)
            )
    assert levels[0.0, 127] < 0.02 and levels[0.3, 127] > 5.0 * levels[0.0, 127]
    assert levels[0.3, 127] / levels[0.3, 64] == pytest.approx(2.0, rel=0.35)
    ratio = harp_render.ratios(harp, hz, SR)
    pulls = harp_render.doubled(dataclasses.replace(harp, tension=0.3), hz, ratio, 127)
    force = harp_render.force(harp, hz, ratio, 127)
    assert pulls == pytest.approx(0.3 * force**2 / force.max())
    frames = np.arange(0.0, 1.0, harp_render.FRAME)
    swing = harp_render.swings(harp, hz, ratio, 2.0, frames, (np.zeros(1), np.ones(1)))
    rates = harp_render.dying(harp, hz, ratio)
    late = frames > 0.1
    assert swing[late, 0] == pytest.approx(
        (1.0 - np.exp(-frames[late] / harp.level[0])) ** 2 * np.exp(-2.0 * rates[0] * frames[late])
    )


def test_the_swing_stretches_the_string_and_the_note_falls_onto_its_pitch() -> None:
    """A string starts `twang` cents sharp at velocity 127 (as the velocity squared below it), and the
    stretch falls as the modes' forces squared that are left: at the latest as fast as the first
    mode's squared, at the soonest as the highest's. Played with it, the Andean harp's bass is sharp
    at its onset and within a cent of its pitch a second on."""
    hz = 110.0
    harp = HARPS[33]
    ratio = harp_render.ratios(harp, hz, SR)
    times = np.array([0.0, 0.05, 0.2, 1.0])
    for velocity in (127, 64):
        stretch = harp_render.stretch(harp, hz, ratio, velocity, times)
        assert stretch[0] == pytest.approx(harp.twang * (velocity / 127.0) ** 2)
        assert np.all(np.diff(stretch) < 0.0)
    stretch = harp_render.stretch(harp, hz, ratio, 127, times) / harp.twang
    rates = harp_render.dying(harp, hz, ratio)
    assert np.all(stretch <= np.exp(-2.0 * rates.min() * times) + 1e-12)
    assert np.all(stretch >= np.exp(-2.0 * rates.max() * times) - 1e-12)
    note = harp_render.voice(harp, (45.0,), 127, 2.0, SR)
    late = checks.strongest_near(note, hz, 0.8, 1.0, width=0.03)
    assert checks.cents_between(late, hz) == pytest.approx(0.0, abs=1.0)
    early = checks.strongest_near(note, hz, 0.0, 0.1, width=0.03)
    assert checks.cents_between(early, hz) > 2.0


def test_the_strings_not_played_ring_in_sympathy_past_the_damping() -> None:
    """A string tuned twice the note has a mode on every even partial of it, one tuned half on every
    partial, one a fifth over on every third; each such partial feeds it and it rings on at its own
    rate once the palm has damped the played string: half a second after the note ends, the second
    partial of a pedal harp with the octave over ringing in sympathy keeps far more of its level than
    the first, which has none."""
    ratio = np.arange(1.0, 10.0)
    harp = HARPS[46]
    for strings, shared in (((2.0,), ratio % 2 == 0), ((0.5,), ratio > 0), ((1.5,), ratio % 3 == 0)):
        got = harp_render.sympathetic(dataclasses.replace(harp, sympathetic=strings), ratio)
        assert np.array_equal(got, shared.astype(np.float64)), strings
    octave = dataclasses.replace(harp, sympathetic=(2.0,), sympathy=0.3)
    hz = checks.hz_of(57)
    frames = np.arange(0.0, 2.0, harp_render.FRAME)
    ratio = harp_render.ratios(octave, hz, SR)
    base = harp_render.force(octave, hz, ratio, 100) * harp_render.radiated(octave, ratio * hz)
    levels = harp_render.held_levels(octave, hz, ratio, base, 0.5, frames, (np.zeros(1), np.ones(1)))
    at, after = np.searchsorted(frames, 0.5), np.searchsorted(frames, 1.0)
    kept = levels[after] / levels[at]
    assert kept[1] > 3.0 * kept[0]
    assert harp_render.length(octave, hz, 0.5) > harp_render.length(
        dataclasses.replace(octave, sympathy=0.0), hz, 0.5
    )


def test_the_theatre_s_rows_dip_at_their_wells_quarter_wave() -> None:
    """Over the rows of seated listeners, grazing: well under the wells' quarter wave the surface is
    hard and the sound off it doubles the direct (|H| near 2); at c / 4 d the wells open to the air
    (lossless: R = -1, |H| = 2 sin(k h sin t)); at their half wave (kd = pi) they are hard again,
    |H| = 2 |cos(k h sin t)|. With their loss the dip stays deep, and it falls between half and once
    the quarter wave's frequency."""
    depth, share, ear, grazing = 0.6, 0.55, 0.3, np.radians(8.0)
    quarter = production_bus._SOUND_SPEED / (4.0 * depth)
    f = np.array([2.0, quarter, 2.0 * quarter])
    heard = np.abs(production_bus.seat_rows(f, grazing, ear, (depth, share, 0.0)))
    k = 2.0 * np.pi * f / production_bus._SOUND_SPEED
    assert heard[0] == pytest.approx(2.0, abs=0.05)
    assert heard[1] == pytest.approx(2.0 * np.sin(k[1] * ear * np.sin(grazing)), rel=1e-6)
    assert heard[2] == pytest.approx(2.0 * abs(np.cos(k[2] * ear * np.sin(grazing))), rel=1e-6)
    f = np.linspace(20.0, 2.0 * quarter, 2000)
    damped = np.abs(production_bus.seat_rows(f, grazing, ear, (depth, share, 0.08)))
    dip = f[np.argmin(damped)]
    assert 0.5 * quarter < dip < 1.02 * quarter and damped.min() < 0.25


def test_a_whispering_dish_gathers_onto_its_focus_as_its_mouth_grows_against_the_wave() -> None:
    """A dish gathers k 2 F ln(1 + (a / 2 F)^2) of a plane wave onto its focus, 2 F later: 6 dB an
    octave; an ear off the focus hears the focal spot's Airy pattern, 2 J1(v) / v, none at its first
    zero (v = 3.8317). The whole step lifts the highs against the lows, and what it gathers comes
    after what passes the focus."""
    radius, focal = 0.75, 0.5
    f = np.array([250.0, 500.0, 1000.0])
    k = 2.0 * np.pi * f / production_bus._SOUND_SPEED
    gathered = production_bus.dish_focus(f, (radius, focal))
    assert np.abs(gathered) == pytest.approx(k * 2.0 * focal * np.log1p((radius / (2.0 * focal)) ** 2))
    assert np.angle(gathered / (1j * np.exp(-2j * k * focal))) == pytest.approx(0.0, abs=1e-9)
    rim = radius / (focal + radius**2 / (4.0 * focal))
    offset = 0.03
    zero = special.jn_zeros(1, 1)[0] * production_bus._SOUND_SPEED / (2.0 * np.pi * offset * rim)
    spot = production_bus.dish_spot(np.array([1.0, zero]), (radius, focal), offset)
    assert spot[0] == pytest.approx(1.0, abs=1e-6) and abs(spot[1]) < 1e-9
    t = np.arange(2 * SR) / SR
    low, high = np.sin(2.0 * np.pi * 200.0 * t), np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.whispering_dish(low + high, SR, np.random.default_rng(3))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[2000] > 4.0 * spectrum[200]


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the paper's buzz, the wires' clatter, the
    levers and the seeds as grains after the stroke; what holds a tone (the bisbigliando) is plucked
    again while held, as fast as a tremolo; and the split rendered by harp_render draws only what its
    set has, every instrument measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(harp_render, HARP_SET)
    checks.assert_grains_follow_the_stroke(harp_render, HARP_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in HARP_SET.drums.drums.values()) == 5
    held = harp_render.voice(HARPS[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in HARP_SETS]
    assert splits == ["bailey"]
    patches = HARP_SET.programs.values()
    assert any(patch.harmonic for patch in patches) and any(patch.roll for patch in patches)
    assert any(patch.sympathetic for patch in patches) and all(patch.board for patch in patches)
    kinds = {patch.kind for patch in patches}
    checks.assert_draws_its_kinds_and_holds_what_sustains("bailey", HARP_SETS[SOUNDFONTS["bailey"]], kinds)
