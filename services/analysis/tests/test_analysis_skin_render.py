"""The renderer of skins tuned to notes: its notes' pitch, a kettle's modes where the air's load and
the kettle's air put them, a loaded skin's on the harmonics of its first, a tube's odd harmonics under
its skin, a rubbed skin's harmonics through its axisymmetric modes, the stroke's place and length, the
axisymmetric modes pumping the kettle's air away, the swing's stretch falling onto the note, a roll
and a rub holding a note, its kit and its grains, what a split it renders draws; and the two
productions barbican brought, bone-conduction headphones and a seashell held to the ear."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest
from scipy import special

from soundforge.testing import production_bus, skin_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.skin_render import SKIN_SET, SKIN_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 47 timpani, 13 a tabla tarang, 12 a pat waing, 43 pedal timpani, 36 boobams, 78 a cuica, 14 a tabla
# tarang's high dayans, 76 a high boobam, 48 a timpani roll held, 49 a cuica rubbed and held
SKINS = SKIN_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no stretch from its swing, no bend or sway of the player's, so nothing
    moves its modes off their frequencies."""
    return dataclasses.replace(patch, twang=0.0, scoop=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return skin_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(SKIN_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (the stretch of its swing, the player's bend and
    sway), within 10 cents. The note's mode is never under FUNDAMENTAL_FLOOR of the loudest; its level
    never passes a quarter of its gain, and it is silent at its end."""
    skin = SKINS[program]
    checks.assert_sounds_its_pitch(skin_render, skin, _still(skin), _levels(skin))


def test_a_kettle_s_air_puts_its_one_circle_modes_on_a_harmonic_series() -> None:
    """Under the air's load a membrane's mode sounds at j / sqrt(1 + L / j): with the timpani's load the
    (2,1), (3,1), (4,1) and (5,1) stand within 2% of 1.5, 2, 2.5 and 3 times the (1,1), the note, where
    a membrane in vacuum has them at 1.34, 1.66, 1.98 and 2.29; the kettle's air lifts only the
    axisymmetric ones, the (0,1) from about half the note to near 0.85 of it. Played still, C3's (2,1)
    and (3,1) sound where the modes say, within a cent."""
    timpani = _still(SKINS[47])
    zeros = np.array([special.jn_zeros(m, 1)[0] for m in range(6)])
    heard = skin_render.loaded_by_air(zeros, timpani.loading)
    assert heard == pytest.approx(zeros / np.sqrt(1.0 + timpani.loading / zeros))
    assert heard[2:] / heard[1] == pytest.approx([1.5, 2.0, 2.5, 3.0], rel=0.02)
    assert zeros[2:] / zeros[1] == pytest.approx([1.34, 1.665, 1.98, 2.29], rel=0.01)
    ratio, orders, _ = skin_render.modes(timpani)
    assert ratio[0] == 1.0 and orders[0] == 1
    axial = ratio[orders == 0]
    assert axial[0] == pytest.approx(0.85, abs=0.02)
    bare = skin_render.modes(dataclasses.replace(timpani, kettle=0.0))[0]
    assert bare[1] == pytest.approx(heard[0] / heard[1])
    hz = checks.hz_of(48)
    note = skin_render.voice(timpani, (48.0,), 100, 2.0, SR)
    for k in (2, 4):  # the (2,1) and the (3,1), after the (0,1) and the (0,2) in rising order
        got = checks.strongest_near(note, ratio[k] * hz, 0.05, 0.5, width=0.01)
        assert orders[k] in (2, 3)
        assert checks.cents_between(got, ratio[k] * hz) == pytest.approx(0.0, abs=1.0), k


def test_a_loaded_skin_s_modes_fall_onto_the_harmonics_and_split_about_them() -> None:
    """A skin loaded at its centre puts (m, n) on harmonic m + 2n - 1 (Raman's tabla): the (0,1) the
    note, the (1,1) its octave, the (2,1) and the (0,2) its twelfth; the modes sharing a harmonic stand
    `split` cents a nodal diameter apart about it, so one alone sits on it. Played still, a tabla
    tarang's A3 sounds its octave within a cent."""
    tarang = _still(SKINS[13])
    ratio, orders, zeros = skin_render.modes(tarang)
    circles = np.array([np.flatnonzero(np.isclose(special.jn_zeros(int(m), 4), z))[0] + 1 for m, z in
                        zip(orders, zeros, strict=True)])  # fmt: skip
    harmonic = orders + 2 * circles - 1
    cents = 1200.0 * np.log2(ratio / harmonic)
    for h in range(1, 8):
        on = harmonic == h
        spread = cents[on]
        assert spread.mean() == pytest.approx(0.0, abs=1e-9)
        assert np.ptp(spread) == pytest.approx(tarang.split * np.ptp(orders[on]), abs=1e-9)
    assert ratio[:2] == pytest.approx([1.0, 2.0]) and list(orders[:2]) == [0, 1]
    hz = checks.hz_of(57)
    note = skin_render.voice(tarang, (57.0,), 100, 1.0, SR)
    assert checks.cents_between(checks.strongest_near(note, 2 * hz, 0.0, 0.5, 0.02), 2 * hz) == pytest.approx(
        0.0, abs=1.0
    )


def test_where_and_how_the_skin_is_struck_sets_its_modes_going() -> None:
    """Each mode starts as its shape where the stroke falls, J_m(j r) / |J_{m+1}(j)|: struck at the
    centre only the axisymmetric modes move; through the stroke's half-sine, a softer stroke is longer,
    as (127 / v)^(1/5), so it is duller."""
    zeros, orders = skin_render.bessel()
    got = skin_render.shape(orders, zeros, 0.6)
    expected = np.abs(special.jv(orders, 0.6 * zeros)) / np.abs(special.jv(orders + 1, zeros))
    assert got == pytest.approx(expected)
    centre = skin_render.shape(orders, zeros, 0.0)
    assert np.all(centre[orders > 0] < 1e-12) and np.all(centre[orders == 0] > 1.0)
    timpani = SKINS[47]
    assert skin_render.contact(timpani, 127) == pytest.approx(timpani.contact)
    assert skin_render.contact(timpani, 40) == pytest.approx(timpani.contact * (127.0 / 40.0) ** 0.2)
    hz = checks.hz_of(45)
    loud, soft = (skin_render.struck(timpani, hz, v, SR) for v in (127, 40))
    assert loud[-1] / loud[0] > 1.2 * soft[-1] / soft[0]


def test_the_axisymmetric_modes_pump_the_kettle_s_air_and_die_first() -> None:
    """An axisymmetric mode dies at `pump` more than its neighbours (1 / ring + loss f^2 besides): the
    timpani's (0,1), near 0.85 of the note, is loud at the stroke and gone a half second on, while the
    note holds."""
    timpani = _still(SKINS[47])
    hz = checks.hz_of(45)
    ratio, orders, _ = skin_render.modes(timpani)
    rates = skin_render.dying(timpani, hz, SR)
    f = ratio * hz
    assert rates == pytest.approx(
        1.0 / timpani.ring + timpani.loss * f**2 + np.where(orders == 0, timpani.pump, 0.0)
    )
    frames = np.array([0.05, 0.5])
    levels = skin_render.levels(timpani, hz, 2.0, 100, frames, SR)
    assert levels[1, 1] < 1e-4 * levels[0, 1] and levels[1, 0] > 0.3 * levels[0, 0]
    hz = checks.hz_of(57)
    note = skin_render.voice(timpani, (57.0,), 100, 2.0, SR)
    low = skin_render.modes(timpani)[0][1] * hz
    early, late = checks.level_at(note, low, 0.0, 0.3), checks.level_at(note, low, 0.6, 0.3)
    assert late < 1e-3 * early
    assert checks.level_at(note, hz, 0.6, 0.3) > 0.1 * checks.level_at(note, hz, 0.0, 0.3)


def test_a_tube_under_the_skin_sounds_its_odd_harmonics() -> None:
    """A boobam's tube, closed at the skin and open at its foot, has its modes at the odd harmonics of
    the note, each dying at pi f / Q: played still, C3's third harmonic is far stronger than its second
    (which no tube mode nor the skin has), and each tube mode rings Q / pi f."""
    boobams = _still(SKINS[36])
    ratio, orders, zeros = skin_render.modes(boobams)
    tube = orders < 0
    assert ratio[tube][:5] == pytest.approx([1.0, 3.0, 5.0, 7.0, 9.0])
    assert ratio[~tube] == pytest.approx(boobams.over * zeros[~tube] / zeros[~tube][0])
    hz = checks.hz_of(48)
    rates = skin_render.dying(boobams, hz, SR)[tube[skin_render.sounding(boobams, hz, SR)]]
    assert rates[:3] == pytest.approx(np.pi * np.array([1.0, 3.0, 5.0]) * hz / boobams.tube)
    note = skin_render.voice(boobams, (48.0,), 100, 1.0, SR)
    assert checks.level_at(note, 3 * hz, 0.0, 0.1) > 30.0 * checks.level_at(note, 2 * hz, 0.0, 0.1)


def test_a_rubbed_skin_sounds_its_harmonics_through_its_axisymmetric_modes() -> None:
    """The cuica's stick, rubbed, pulls 1 / k at harmonic k, through the skin's axisymmetric modes at
    the centre (their shape there 1, over their norm J1(j0n)^2): held still, its C3 sounds whole
    multiples of the note and nothing between, and a harmonic near the (0,2), 2.295 times the note, is
    lifted over its neighbour."""
    cuica = _still(SKINS[49])
    hz = checks.hz_of(48)
    pulls = skin_render.struck(cuica, hz, 100, SR)
    k = np.arange(1, pulls.size + 1, dtype=np.float64)
    assert pulls == pytest.approx(skin_render.centre_response(k * hz, hz, cuica.tube) / k)
    (j1, j2) = special.jn_zeros(0, 2)
    at = skin_render.centre_response(np.array([j2 / j1 * hz, 3.0 * hz]), hz, cuica.tube)
    assert at[0] > 2.0 * at[1]
    held = skin_render.voice(cuica, (48.0,), 100, 2.0, SR)
    checks.assert_held_c3_at_whole_multiples(held, "cuica")


def test_the_swing_stretches_the_skin_and_the_note_falls_onto_its_pitch() -> None:
    """A skin starts `twang` cents sharp at velocity 127 (as the velocity squared below it), and the
    stretch falls as the modes' energy left; played with it, pedal timpani (the pedal's scoop taken
    out) are sharp at the stroke and within two cents of the note a second on, at velocity 127 (a
    timpano's glide onto its note is slow: its note's mode holds much of the energy)."""
    timpani = dataclasses.replace(SKINS[43], scoop=0.0)
    hz = checks.hz_of(45)
    times = np.array([0.0, 0.05, 0.2, 1.0])
    for velocity in (127, 64):
        stretch = skin_render.stretch(timpani, hz, velocity, times, SR)
        assert stretch[0] == pytest.approx(timpani.twang * (velocity / 127.0) ** 2)
        assert np.all(np.diff(stretch) < 0.0)
    note = skin_render.voice(timpani, (45.0,), 127, 2.0, SR)
    late = checks.cents_between(checks.strongest_near(note, hz, 1.0, 1.0, width=0.03), hz)
    assert late == pytest.approx(0.0, abs=2.0)
    early = checks.cents_between(checks.strongest_near(note, hz, 0.0, 0.15, width=0.03), hz)
    assert early > late + 1.0


def test_a_held_note_is_rolled_or_rubbed_while_it_is_held() -> None:
    """The timpani roll is struck every 1/roll s while held (within its jitter), its note as loud near
    the end as early on; the cuica rubbed holds its note while held and is silent soon after."""
    roll, once = SKINS[48], SKINS[47]
    checks.assert_strummed_at_its_rate(skin_render, roll, once)
    held = skin_render.voice(roll, (45.0,), 100, 2.5, SR)
    hz = checks.hz_of(45)
    assert checks.level_at(held, hz, 2.2, 0.1) > 0.3 * checks.level_at(held, hz, 0.6, 0.1)
    rubbed = skin_render.voice(SKINS[49], (57.0,), 100, 1.5, SR)
    hz = checks.hz_of(57)
    assert checks.level_at(rubbed, hz, 1.3, 0.1) > 0.5 * checks.level_at(rubbed, hz, 0.4, 0.1)
    assert rubbed.size / SR < 1.5 + 6.0 * SKINS[49].level[3] + 0.02


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of barbican's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("barbican", skin_render, SKIN_SET)


def test_bone_conduction_passes_little_under_the_skin_s_resonance() -> None:
    """The transducer's mass on the skin's spring: (f / f0)^2 / ((f / f0)^2 - 1 - j (f / f0) / Q), Q at
    f0, nearly all far above it, 40 dB a decade less under it. The whole step takes the lows far more
    than the mids, and moves no partial."""
    skin = (350.0, 1.1)
    f = np.array([35.0, 350.0, 35000.0])
    drive = np.abs(production_bus.bone_drive(f, skin))
    assert drive[1] == pytest.approx(1.1) and drive[2] == pytest.approx(1.0, abs=1e-3)
    assert drive[0] == pytest.approx(0.01, rel=0.02)
    t = np.arange(2 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 80.0 * t), np.sin(2.0 * np.pi * 1500.0 * t)
    heard = production_bus.bone_conduction(low + mid, SR, np.random.default_rng(5))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[1500] > 20.0 * spectrum[80]


def test_a_seashell_rings_at_its_helmholtz_resonance_and_dulls_what_is_above() -> None:
    """The shell's cavity behind the leak round its rim: fH = c / 2 pi sqrt(A / V l), all of the
    pressure well under it, Q times it at it, 12 dB an octave less above; the whole step dulls the highs
    against the lows."""
    cavity = (2.0e-4, 1.0e-4, 0.008, 3.0)
    hz = production_bus.shell_resonance(cavity)
    assert hz == pytest.approx(343.0 / (2.0 * np.pi) * np.sqrt(1.0e-4 / (2.0e-4 * 0.008)))
    leak = np.abs(production_bus.shell_leak(np.array([hz / 100.0, hz, 8.0 * hz, 16.0 * hz]), cavity))
    assert leak[0] == pytest.approx(1.0, abs=1e-3) and leak[1] == pytest.approx(3.0)
    assert leak[2] / leak[3] == pytest.approx(4.0, rel=0.05)
    t = np.arange(2 * SR) / SR
    low, high = np.sin(2.0 * np.pi * 200.0 * t), np.sin(2.0 * np.pi * 4000.0 * t)
    heard = production_bus.seashell(low + high, SR, np.random.default_rng(3))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[200] > 4.0 * spectrum[4000]


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the snares, the squeeze and the jingles as
    grains after the stroke; what holds a tone is rolled as fast as a tremolo or rubbed; and the split
    rendered by skin_render draws only what its set has, every kind of skin measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(skin_render, SKIN_SET)
    checks.assert_grains_follow_the_stroke(skin_render, SKIN_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in SKIN_SET.drums.drums.values()) == 5
    splits = [split for split, root in SOUNDFONTS.items() if root in SKIN_SETS]
    assert splits == ["barbican"]
    patches = SKIN_SET.programs.values()
    assert {patch.skin for patch in patches} == {"kettle", "loaded", "tube", "rubbed"}
    assert any(patch.roll for patch in patches)
    kinds = {patch.kind for patch in patches}
    checks.assert_draws_its_kinds_and_holds_what_sustains(
        "barbican", SKIN_SETS[SOUNDFONTS["barbican"]], kinds
    )
