"""The early electronic instruments' renderer: its notes' fundamentals, the ondes' timbres, the palme's
strings, the theremin's scoop and its heterodyne, the trautonium's formants, the intensity key let
fall, its levels, its rhythm machine, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import ether_render, struck_render
from soundforge.testing.ether_render import ETHER, ETHER_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_held_c3_at_whole_multiples,
    assert_sounds_its_pitch,
    hz_of,
    level_at,
    strongest_near,
)

THEREMIN = ETHER.programs[40]
TRAUTONIUM = ETHER.programs[84]
PALME = ETHER.programs[89]
STRUCK = ETHER.programs[90]
SEXTET = ETHER.programs[88]


def _still(patch: Instrument) -> Instrument:
    """`patch` played by one player with no scoop and no vibrato: its harmonics run at their own
    frequencies."""
    return dataclasses.replace(patch, voices=1, detune=0.0, vibrato=0.0, scoop=0.0)


def _quiet(patch: Instrument) -> Instrument:
    """`patch` held still with no valve hiss: nothing sounds but its harmonics."""
    return dataclasses.replace(_still(patch), hiss=0.0)


def _alone(wave: str) -> Instrument:
    """One timbre of the ondes through the principal, held still and quiet."""
    return Instrument(wave, ((wave, 1.0),), hiss=0.0)


@pytest.mark.parametrize("program", sorted(ETHER.programs))
def test_every_instrument_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: held still (one player, no scoop, no
    vibrato), the strongest frequency near the note is its pitch within a cent; as it is (scoop,
    vibrato, players and all), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR
    of the loudest; its players are symmetric about the pitch, one on it where they are odd; its
    level never passes a quarter of its gain, and it is silent at its end."""
    patch = ETHER.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return ether_render.harmonics(patch, hz, 2.0, frames, rng, SR)

    assert_sounds_its_pitch(ether_render, patch, _still(patch), weights)


def test_a_held_note_is_whole_multiples_of_its_pitch() -> None:
    """The trautonium, C3 held quiet: its fundamental within a cent of the note, its harmonics 2 to 10
    each within a cent of that multiple, nothing half-way between: its formant circuits lift
    harmonics, never a pitch of their own."""
    assert_held_c3_at_whole_multiples(ether_render.voice(_quiet(TRAUTONIUM), (48.0,), 100, 2.0, SR), "neon")


def test_the_creux_is_hollow_and_the_gambe_a_string() -> None:
    """The ondes' creux at C4 has its second harmonic under a tenth of its third in power; the gambé's
    second is louder than its third; the onde's third is under a hundredth of its first."""
    levels = {}
    for wave in ("creux", "gambe", "onde"):
        held = ether_render.voice(_alone(wave), (60.0,), 100, 1.0, SR)
        levels[wave] = [level_at(held, k * hz_of(60), 0.4, 0.4) for k in (1, 2, 3)]
    assert levels["creux"][1] < 0.1 * levels["creux"][2]
    assert levels["gambe"][1] > levels["gambe"][2]
    assert levels["onde"][2] < 0.01 * levels["onde"][0]


def test_the_palme_lifts_the_harmonics_on_its_strings_and_rings_on() -> None:
    """Through the palme the ondes' C4 has its fourth harmonic (two octaves up, on a string) lifted
    over twice as far against its fifth (14 cents from one) as through the principal; half a second
    after the key is let go its fourth harmonic still sounds at over ten times the level the same
    timbre has through the principal."""
    palme = _quiet(PALME)
    principal = dataclasses.replace(palme, palme=0.0)
    lifted, plain = ether_render.spectrum(palme, hz_of(60), 8), ether_render.spectrum(principal, hz_of(60), 8)
    assert lifted[3] / lifted[4] > 2.0 * plain[3] / plain[4]
    assert ether_render.strung(hz_of(60), 8)[[0, 1, 3]] == pytest.approx(1.0)
    rung, let_go = (ether_render.voice(p, (60.0,), 100, 1.0, SR) for p in (palme, principal))
    assert level_at(rung, 4 * hz_of(60), 1.5, 0.1) > 10.0 * level_at(let_go, 4 * hz_of(60), 1.5, 0.1)


def test_a_theremin_scoops_into_its_note_and_its_beat_is_purer_up_high() -> None:
    """The theremin's pitch starts its scoop under the note and is within half a cent of it by 0.4 s
    (no vibrato); its second harmonic against its first is over twice as strong at E2 as at E5."""
    times = np.arange(SR) / SR
    bend = struck_render.bends(dataclasses.replace(THEREMIN, vibrato=0.0), times, np.random.default_rng(0))
    assert bend[0] == pytest.approx(-THEREMIN.scoop) and abs(bend[int(0.4 * SR)]) < 0.5
    low, high = ether_render.spectrum(THEREMIN, hz_of(40), 4), ether_render.spectrum(THEREMIN, hz_of(76), 4)
    assert low[1] / low[0] > 2.0 * high[1] / high[0]


def test_the_trautonium_formants_lift_the_harmonics_near_them() -> None:
    """The trautonium at C3: its harmonic nearest its first formant (650 Hz) stands over twice as high
    against its first as the same sawtooth's with no formant circuits."""
    bare = dataclasses.replace(TRAUTONIUM, formants=())
    k = round(650.0 / hz_of(48))
    shaped, plain = ether_render.spectrum(TRAUTONIUM, hz_of(48), 8), ether_render.spectrum(bare, hz_of(48), 8)
    assert shaped[k - 1] / shaped[0] > 2.0 * plain[k - 1] / plain[0]


def test_the_intensity_key_struck_and_let_fall_dies_and_held_it_holds() -> None:
    """The struck ondes held 2 s: at 1.5 s its note's level is under a hundredth of its level at
    0.1 s; the sextet held as long holds within 20% of it."""
    for patch, falls in ((_quiet(STRUCK), True), (_quiet(SEXTET), False)):
        note = ether_render.voice(patch, (60.0,), 100, 2.0, SR)
        early, late = level_at(note, hz_of(60), 0.1), level_at(note, hz_of(60), 1.5)
        assert (late < 0.01 * early) == falls and (late > 0.8**2 * early) != falls


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a beat is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, vibratos and hiss; a
    program or a drum the set lacks is an error, never a stand-in; every beat stays within its level
    and rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(ether_render, ETHER)


def test_the_rhythm_machine_rings_at_its_tuning_louder_for_a_harder_beat_with_its_contacts() -> None:
    """The bass drum's strongest frequency under 100 Hz is within 4% of 58 Hz; the low tom rings at 88
    Hz within 2%; the snare at velocity 127 is louder than at 40; every beat carries its
    commutator's contact clicks over its first few milliseconds, which struck_render's ring alone
    has not, and nothing of them after 10 ms."""
    drums = ETHER.drums.drums
    assert strongest_near(ether_render._hit(drums[36], 100, SR), 58.0, 0.0, 0.5, width=0.3) == pytest.approx(
        58.0, rel=0.04
    )
    assert strongest_near(ether_render._hit(drums[41], 100, SR), 88.0, 0.02, 0.5) == pytest.approx(
        88.0, rel=0.02
    )
    loud, soft = ether_render._hit(drums[38], 127, SR), ether_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    for drum in drums.values():
        ring = (1.0 - ether_render._CONTACT_LEVEL) * struck_render.hit(ether_render._SALT, drum, 100, SR)
        clicks = ether_render._hit(drum, 100, SR) - ring
        assert float(np.abs(clicks[: SR // 200]).max()) > 0.5 * ether_render._CONTACT_LEVEL * float(
            np.abs(ring).max()
        )
        assert float(np.abs(clicks[SR // 100 :]).max(initial=0.0)) < 1e-6


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in ETHER_SETS])
def test_a_split_rendered_by_ether_render_plays_only_what_its_instruments_have(split: str) -> None:
    """ether_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while its key is down."""
    kinds = {patch.kind for patch in ETHER.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, ETHER_SETS[SOUNDFONTS[split]], kinds)
