"""The renderer of musical bows and string drums: its notes' pitch, a struck or plucked string's modes
where a stiff string's stand and a rubbed one's locked onto the harmonics, the force at the string's
end by where and how it is struck (a stick's, a finger's, a rub's) and the stroke's half-sine, each
mode's dying, the stretch a swing gives the string falling onto the note, the gourd's Helmholtz
resonance drawn off the body, a skin's and a clamped plate's axisymmetric modes pulled at their
centre, the mouth on its harmonic, a rub held while held, its kit and its grains, and what a split it
renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest
from scipy import special

from soundforge.testing import tether_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.tether_render import TETHER_SET, TETHER_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 24 the berimbau's bows, 107 the uhadi's calabash bow, 105 the gopichand's skin, 32 a washtub bass,
# 43 an earth bow, 106 the khamak's pulled string, 22 a mouth bow, 15 the umakhweyana's braced bow,
# 48 the umrhubhe rubbed and held, 49 the kunkulkawe rubbed and held
BOWS = TETHER_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no stretch from its swing, no bend or sway of the player's, no jitter in
    its stick-slip, no hiss of the rub and no knock of the stick, so nothing sounds but its modes."""
    return dataclasses.replace(patch, twang=0.0, scoop=0.0, vibrato=0.0, jitter=0.0, rub=0.0, knock=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return tether_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(TETHER_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (the stretch of its swing, the player's bend
    and sway, the stick-slip's jitter, the rub's hiss, the stick's knock), within 10 cents. Its first
    mode is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its
    gain, and it is silent at its end."""
    bow = BOWS[program]
    checks.assert_sounds_its_pitch(tether_render, bow, _still(bow), _levels(bow))


def test_struck_modes_stand_where_a_stiff_string_s_do_and_a_rub_locks_them() -> None:
    """The berimbau's wire and the washtub's gut string, C3 played still: their modes 2 to 6 stand at
    n f sqrt(1 + B n^2) / sqrt(1 + B) within a cent, sharp of the harmonics by the string's stiffness.
    Rubbed, the umrhubhe's and the kunkulkawe's strings are locked onto the harmonics: their partials
    stand on whole multiples of the note within a cent and nothing sounds between them."""
    hz = checks.hz_of(48)
    for program in (24, 32):
        bow = _still(BOWS[program])
        note = tether_render.voice(bow, (48.0,), 100, 2.0, SR)
        ratio = tether_render.ratios(bow, hz, SR)
        n = np.arange(1, ratio.size + 1)
        assert ratio == pytest.approx(n * np.sqrt((1.0 + bow.stiffness * n**2) / (1.0 + bow.stiffness)))
        for k in range(2, 7):
            if bow.drive == "struck" and abs(np.sin(k * np.pi * bow.at)) < 0.2:
                continue  # struck at its node: too weak to find
            got = checks.strongest_near(note, ratio[k - 1] * hz, 0.05, 0.5, width=0.004)
            assert checks.cents_between(got, ratio[k - 1] * hz) == pytest.approx(0.0, abs=1.0), (program, k)
        assert ratio[5] > 6.0
    for program in (48, 49):
        rubbed = _still(BOWS[program])
        assert np.array_equal(tether_render.ratios(rubbed, hz, SR), np.arange(1.0, 33.0))
        held = tether_render.voice(rubbed, (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(held, rubbed.kind)


def test_where_and_how_the_string_is_set_going_shapes_its_force() -> None:
    """Struck a fifth of its length from its end, a string gives its tether |sin(n pi / 5)| of each
    mode, nothing of the fifth and the tenth; plucked there, that over n; rubbed, Helmholtz's 1 / n
    whatever the place. Each through the stroke's half-sine, |cos(pi f tau) / (1 - (2 f tau)^2)|:
    pi / 4 where 2 f tau is 1, nothing at f tau = 3 / 2. A softer stroke touches the string longer,
    as (127 / v)^(1/5), so it is duller."""
    hz = 110.0
    ratio = np.arange(1.0, 13.0)
    n = ratio
    for drive, shape in (
        ("struck", np.abs(np.sin(n * np.pi / 5.0))),
        ("plucked", np.abs(np.sin(n * np.pi / 5.0)) / n),
        ("rubbed", 1.0 / n),
    ):
        bow = dataclasses.replace(BOWS[24], drive=drive, at=0.2, contact=1e-9)
        assert tether_render.force(bow, hz, ratio, 127) == pytest.approx(shape, abs=1e-9)
    struck = dataclasses.replace(BOWS[24], at=0.2)
    force = tether_render.force(struck, hz, ratio, 127)
    assert force[4] < 1e-9 and force[9] < 1e-9
    tau = 0.001
    f = np.array([0.0, 250.0, 500.0, 1500.0])
    assert tether_render.stroke(f, tau) == pytest.approx(
        [1.0, np.cos(np.pi * 0.25) / (1.0 - 0.25), np.pi / 4.0, 0.0], abs=1e-9
    )
    bow = BOWS[24]
    assert tether_render.contact(bow, 127) == pytest.approx(bow.contact)
    assert tether_render.contact(bow, 40) == pytest.approx(bow.contact * (127.0 / 40.0) ** 0.2)
    loud, soft = (tether_render.force(bow, hz, np.arange(1.0, 33.0), v) for v in (127, 40))
    assert loud[20] / loud[0] > 1.2 * soft[20] / soft[0]


def test_each_mode_dies_at_its_own_rate_and_a_rub_holds_it() -> None:
    """A mode dies at 1 / ring + loss f^2 (1/s), a higher one sooner. Struck, the modes rise over the
    stroke's onset and die from it at their rates, and the player's hand damps them once the note
    ends; rubbed, they hold while the key is down and ring on freely once the rub stops, the hand
    damping them too."""
    hz = 220.0
    bow = BOWS[24]
    ratio = tether_render.ratios(bow, hz, SR)
    rates = tether_render.dying(bow, hz, ratio)
    assert rates == pytest.approx(1.0 / bow.ring + bow.loss * (ratio * hz) ** 2)
    assert np.all(np.diff(rates) > 0.0)
    frames = np.array([0.5, 1.0, 1.5])
    onset, _, _, damping = bow.level
    struck = tether_render.held_levels(bow, 1.0, frames, rates)
    expected = (1.0 - np.exp(-frames / onset))[:, None] * np.exp(-np.outer(frames, rates))
    expected[2] *= np.exp(-0.5 / damping)
    assert struck == pytest.approx(expected, rel=1e-9)
    rubbed = BOWS[48]
    rates = tether_render.dying(rubbed, hz, tether_render.ratios(rubbed, hz, SR))
    onset, _, _, damping = rubbed.level
    held = tether_render.held_levels(rubbed, 1.0, frames, rates)
    assert held[:2] == pytest.approx(np.outer(1.0 - np.exp(-frames[:2] / onset), np.ones(rates.size)))
    after = (1.0 - np.exp(-1.5 / onset)) * np.exp(-0.5 * rates) * np.exp(-0.5 / damping)
    assert held[2] == pytest.approx(after, rel=1e-9)
    assert rubbed.sustained and not bow.sustained


def test_the_swing_stretches_the_string_and_the_note_falls_onto_its_pitch() -> None:
    """Struck or plucked, the string starts `twang` cents sharp at velocity 127 (as the velocity
    squared below it), and the stretch falls as the modes' forces squared that are left, sum F^2
    exp(-2 sigma t) / sum F^2: at the latest as fast as the first mode's squared, at the soonest as
    the highest's; rubbed, none. Played with it, a gopichand's note is sharp at its onset and within a
    cent of its pitch a second on."""
    hz = 220.0
    bow = dataclasses.replace(BOWS[105], scoop=0.0)
    ratio = tether_render.ratios(bow, hz, SR)
    times = np.array([0.0, 0.05, 0.2, 1.0])
    for velocity in (127, 64):
        stretch = tether_render.stretch(bow, hz, ratio, velocity, times)
        assert stretch[0] == pytest.approx(bow.twang * (velocity / 127.0) ** 2)
        assert np.all(np.diff(stretch) < 0.0)
    stretch = tether_render.stretch(bow, hz, ratio, 127, times) / bow.twang
    rates = tether_render.dying(bow, hz, ratio)
    assert np.all(stretch <= np.exp(-2.0 * rates[0] * times) + 1e-12)
    assert np.all(stretch >= np.exp(-2.0 * rates[-1] * times) - 1e-12)
    assert not tether_render.stretch(BOWS[48], hz, ratio, 127, times).any()
    note = tether_render.voice(dataclasses.replace(bow, vibrato=0.0), (57.0,), 127, 2.0, SR)
    late = checks.strongest_near(note, hz, 0.8, 1.0, width=0.03)
    assert checks.cents_between(late, hz) == pytest.approx(0.0, abs=1.0)
    early = checks.strongest_near(note, hz, 0.0, 0.12, width=0.03)
    assert checks.cents_between(early, hz) > 2.0


def test_the_gourd_the_skin_the_plate_and_the_mouth_sound_the_string() -> None:
    """The gourd is a Helmholtz resonator, c / 2 pi sqrt(A / V (t + 1.7 r)): pressed to the body at the
    stroke it keeps `shut` of its opening, and drawn off over `swing` s its resonance rises to its
    whole opening's, so the note's partials near it swell. A skin pulled at its centre sounds its
    axisymmetric modes, at J0's zeros, each by 1 / (j0n J1(j0n)) against the first's, alternating in
    sign, so it has a dip between the first two; a clamped plate's, 1, 3.893, 8.722 times the first.
    A mouth shaped onto a harmonic lifts that harmonic above its neighbours."""
    berimbau = BOWS[24]
    litres, diameter, _, _ = berimbau.gourd
    times = np.array([0.0, berimbau.swing, 20.0 * berimbau.swing])
    hz = tether_render.helmholtz(berimbau, times)

    def helmholtz(area: float) -> float:
        neck = tether_render.WALL + 1.7 * np.sqrt(area / np.pi)
        return float(tether_render.SOUND_SPEED / (2.0 * np.pi) * np.sqrt(area / (litres / 1000.0 * neck)))

    whole = np.pi * (diameter / 200.0) ** 2
    assert hz[0] == pytest.approx(helmholtz(berimbau.shut * whole), rel=1e-9)
    assert hz[2] == pytest.approx(helmholtz(whole), rel=1e-6)
    share = berimbau.shut + (1.0 - berimbau.shut) * (1.0 - np.exp(-1.0))
    assert hz[1] == pytest.approx(helmholtz(share * whole), rel=1e-9)
    partial = np.full((3, 1), hz[2])
    lifted = np.abs(tether_render.body(berimbau, 100.0, partial, times))[:, 0]
    assert lifted[0] < lifted[1] < lifted[2]
    zeros = special.jn_zeros(0, tether_render.SKIN_MODES)
    shares = 1.0 / (zeros * special.j1(zeros))
    skin = tether_render.skin_modes()
    assert [r for r, _ in skin] == pytest.approx(zeros / zeros[0])
    assert [s for _, s in skin] == pytest.approx(shares / shares[0])
    assert [np.sign(s) for _, s in skin] == [1.0, -1.0, 1.0, -1.0]
    plate = tether_render.plate_modes()
    assert [r for r, _ in plate[:3]] == pytest.approx([1.0, 3.893, 8.722], abs=2e-3)
    assert plate[0][1] == 1.0 and plate[1][1] < 0.0 < plate[2][1]
    gopichand = BOWS[105]
    first = gopichand.skin[0]
    f = np.linspace(first, 2.295 * first, 400)[None, :]
    heard = np.abs(tether_render.body(gopichand, 100.0, f, np.zeros(1)))[0]
    assert heard.min() < 0.6 * min(heard[0], heard[-1])
    mouth_bow = _still(BOWS[22])
    harmonic = int(mouth_bow.mouth[0])
    f = (np.arange(1.0, 7.0) * 150.0)[None, :]
    heard = np.abs(tether_render.body(mouth_bow, 150.0, f, np.zeros(1)))[0]
    assert int(np.argmax(heard)) == harmonic - 1


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the coin's rattle, the seeds, the bounces and
    the bells as grains after the stroke; what holds a tone (the umrhubhe rubbed) holds while it is
    rubbed; and the split rendered by tether_render draws only what its set has, every instrument
    measured above among it, struck, plucked and rubbed, through a gourd, a skin, a plate and a
    mouth."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(tether_render, TETHER_SET)
    checks.assert_grains_follow_the_stroke(tether_render, TETHER_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in TETHER_SET.drums.drums.values()) == 6
    held = tether_render.voice(BOWS[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in TETHER_SETS]
    assert splits == ["oppidum"]
    patches = TETHER_SET.programs.values()
    assert {patch.drive for patch in patches} == {"struck", "plucked", "rubbed"}
    for resonator in ("gourd", "skin", "plate", "mouth"):
        assert any(getattr(patch, resonator)[-1] for patch in patches), resonator
    kinds = {patch.kind for patch in patches}
    tether_set = TETHER_SETS[SOUNDFONTS["oppidum"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("oppidum", tether_set, kinds)
