"""The glass and friction instruments' renderer: its notes' first modes, the stick and slip's
harmonics gone when the finger lifts while the mode rings on, the ring a quality factor gives, the
bodies' higher modes at the catch, a bowl's beat and the glasses' lobes, the saw's scoop, its levels,
its friction kit, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import glass_render, struck_render
from soundforge.testing.glass_render import GLASS, GLASS_SETS, Instrument
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

ARMONICA = GLASS.programs[88]
GLASSES = GLASS.programs[89]
BASCHET = GLASS.programs[90]
SAW = GLASS.programs[40]
NAIL_VIOLIN = GLASS.programs[41]


def _still(patch: Instrument) -> Instrument:
    """`patch` with no scoop and no vibrato: its harmonics run at their own frequencies."""
    return dataclasses.replace(patch, vibrato=0.0, scoop=0.0)


def _quiet(patch: Instrument) -> Instrument:
    """`patch` held still with no hiss, no beat and no lobes: nothing sounds but its harmonics and
    the higher modes at the catch."""
    return dataclasses.replace(_still(patch), hiss=0.0, beat=(0.0, 0.0, 0.0), lobes=(0.0, 0.0))


@pytest.mark.parametrize("program", sorted(GLASS.programs))
def test_every_instrument_sounds_its_first_mode_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: held still (no scoop, no vibrato),
    the strongest frequency near the note is its pitch within a cent; as it is (scoop, vibrato, beat,
    lobes and all), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the
    loudest; its level never passes a quarter of its gain, and it is silent at its end."""
    patch = GLASS.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return glass_render.harmonics(patch, hz, 2.0, frames, rng, SR)

    assert_sounds_its_pitch(glass_render, patch, _still(patch), weights)


def test_a_held_note_is_whole_multiples_of_its_pitch() -> None:
    """The nail violin, C3 held quiet: its fundamental within a cent of the note, its harmonics 2 to 10
    each within a cent of that multiple, nothing half-way between: the stick and slip locks to the
    nail's first mode, its box lifts harmonics, and the clamped nail's second mode rung at the catch
    has died by half a second."""
    assert_held_c3_at_whole_multiples(glass_render.voice(_quiet(NAIL_VIOLIN), (48.0,), 100, 2.0, SR), "nail")


def test_when_the_finger_lifts_the_harmonics_go_and_the_mode_rings_on() -> None:
    """The glass harmonica's C4 rubbed 1 s: 0.3 s after the finger lifts its second and third
    harmonics have fallen over 60 dB from where they were while it rubbed, its first mode by under 6
    dB."""
    note = glass_render.voice(_quiet(ARMONICA), (60.0,), 100, 1.0, SR)
    for k, most in ((1, 0.25), (2, 1e-6), (3, 1e-6)):
        rubbed, freed = level_at(note, k * hz_of(60), 0.8, 0.1), level_at(note, k * hz_of(60), 1.3, 0.1)
        assert (freed < most * rubbed) == (k > 1) and freed > (0.0 if k > 1 else most * rubbed)


def test_a_freed_mode_rings_as_its_quality_factor_says() -> None:
    """A mode rings q/(pi f) s once freed, never under the patch's shortest ring nor over RING_MOST:
    the Baschet's E3 rings over 2.5 times as long as its A4, each its q's due."""
    low, high = glass_render.ring(BASCHET, hz_of(52)), glass_render.ring(BASCHET, hz_of(69))
    assert low > 2.5 * high and high == pytest.approx(BASCHET.q / (np.pi * hz_of(69)))
    assert low == pytest.approx(BASCHET.q / (np.pi * hz_of(52)))
    assert glass_render.ring(BASCHET, 30.0) == glass_render.RING_MOST


@pytest.mark.parametrize(("patch", "ratio"), [(GLASSES, 2.828), (NAIL_VIOLIN, 6.267)])
def test_the_catch_rings_the_bodys_higher_modes_briefly(patch: Instrument, ratio: float) -> None:
    """At the catch a glass's rim sounds a thin ring's next mode (2.828 of its first), a clamped nail
    its second (6.267): in the note's first tenth of a second the strongest frequency near there is
    that mode within 0.5%, over 30 dB above the same note with no catch; half a second on, it is
    gone (within 10% of the note with no catch, whose harmonics' skirts are all there is there)."""
    hz = hz_of(57)
    note = glass_render.voice(_quiet(patch), (57.0,), 100, 1.0, SR)
    bare = glass_render.voice(dataclasses.replace(_quiet(patch), touch=0.0), (57.0,), 100, 1.0, SR)
    assert strongest_near(note, ratio * hz, 0.0, 0.1, width=0.03) == pytest.approx(ratio * hz, rel=0.005)
    assert level_at(note, ratio * hz, 0.0, 0.1) > 1e3 * level_at(bare, ratio * hz, 0.0, 0.1)
    assert level_at(note, ratio * hz, 0.5, 0.1) < 1.1 * level_at(bare, ratio * hz, 0.5, 0.1)


def test_a_bowl_beats_and_the_glasses_swell_four_times_a_turn() -> None:
    """The glass harmonica's first harmonic swings by over 20% as its mode's two members beat, and by
    under 1% with no beat; the musical glasses' (beat taken out) swells four times each of the
    finger's turns round the rim, within 15% of 4 x its turns."""
    frames = np.arange(100, 500, dtype=np.float64) * glass_render.FRAME
    for beat, swing in ((ARMONICA.beat, 1.2), ((0.0, 0.0, 0.0), 1.01)):
        patch = dataclasses.replace(ARMONICA, beat=beat)
        first = np.abs(
            glass_render.harmonics(patch, hz_of(60), 6.0, frames, np.random.default_rng(3), SR)[:, 0]
        )
        assert (first.max() / first.min() > swing) == (swing > 1.1)
    glasses = dataclasses.replace(GLASSES, beat=(0.0, 0.0, 0.0))
    first = np.abs(
        glass_render.harmonics(glasses, hz_of(60), 6.0, frames, np.random.default_rng(3), SR)[:, 0]
    )
    spectrum = np.abs(np.fft.rfft((first - first.mean()) * np.hanning(first.size), 8 * first.size))
    rates = np.fft.rfftfreq(8 * first.size, glass_render.FRAME)
    assert rates[np.argmax(spectrum)] == pytest.approx(4.0 * GLASSES.lobes[0], rel=0.15)


def test_a_saw_scoops_into_its_note() -> None:
    """The musical saw's pitch starts its scoop under the note and is within half a cent of it by
    0.7 s (no vibrato)."""
    times = np.arange(SR) / SR
    bend = struck_render.bends(dataclasses.replace(SAW, vibrato=0.0), times, np.random.default_rng(0))
    assert bend[0] == pytest.approx(-SAW.scoop) and abs(bend[int(0.7 * SR)]) < 0.5


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, beats and hiss; a program
    or a drum the set lacks is an error, never a stand-in; every stroke stays within its level and
    rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(glass_render, GLASS)


def test_the_friction_kit_rings_at_its_tuning_louder_for_a_harder_stroke_with_its_judder() -> None:
    """The big pot's strongest frequency under 100 Hz is within 4% of 61 Hz; the low pot rings at 121
    Hz within 2%; the snare at velocity 127 is louder than at 40; every friction drum and scraper
    carries its stick's slips beside its stroke (their count over the judder's seconds its mean rate's
    due, within two), and every struck glass is its stroke alone."""
    drums = GLASS.drums.drums
    assert strongest_near(glass_render._hit(drums[36], 100, SR), 61.0, 0.0, 0.5, width=0.3) == pytest.approx(
        61.0, rel=0.04
    )
    assert strongest_near(glass_render._hit(drums[45], 100, SR), 121.0, 0.02, 0.5) == pytest.approx(
        121.0, rel=0.02
    )
    loud, soft = glass_render._hit(drums[38], 127, SR), glass_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    for drum in drums.values():
        stroke = struck_render.hit(glass_render._SALT, drum, 100, SR)
        slips = glass_render._hit(drum, 100, SR) - (1.0 - drum.share) * stroke
        if not drum.share:
            assert not slips.any()
            continue
        assert float(np.abs(slips).max()) > 0.3 * drum.share * float(np.abs(stroke).max())
        start, end, seconds = drum.judder
        count = np.count_nonzero(glass_render.slips(drum, stroke.size, SR)[: round(seconds * SR)])
        assert count == pytest.approx(0.5 * (start + end) * seconds, abs=2.0)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in GLASS_SETS])
def test_a_split_rendered_by_glass_render_plays_only_what_its_instruments_have(split: str) -> None:
    """glass_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while the finger is on it."""
    kinds = {patch.kind for patch in GLASS.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, GLASS_SETS[SOUNDFONTS[split]], kinds)
