"""The renderer of instruments that wind and water sound: its notes' locked modes, the drag's second
harmonic, the mode below at the onset, a gust's pull and a whirly's Doppler, a jet brighter for a
harder press, the flow stopping, the bubbles' Minnaert pitch, its levels, its water kit, and what a
split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import flow_render, struck_render
from soundforge.testing.flow_render import FLOW, FLOW_SETS, Instrument
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

HARP = FLOW.programs[46]
JETS = FLOW.programs[92]
WIRES = FLOW.programs[35]
WHIRLY = FLOW.programs[77]


def _still(patch: Instrument) -> Instrument:
    """`patch` with no gust's pull, no swing, no scoop and no vibrato: its harmonics run at their own
    frequencies."""
    return dataclasses.replace(patch, pull=0.0, swing=(0.0, 0.0, 0.0), scoop=0.0, vibrato=0.0)


def _quiet(patch: Instrument) -> Instrument:
    """`patch` held still with no hiss, no gust, no bubbles and no mode below: nothing sounds but its
    harmonics."""
    return dataclasses.replace(_still(patch), hiss=0.0, gust=(0.0, 0.0, 0.0), gurgle=0.0, neighbour=0.0)


@pytest.mark.parametrize("program", sorted(FLOW.programs))
def test_every_instrument_sounds_its_locked_mode_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: held still (no pull, no swing, no
    scoop, no vibrato), the strongest frequency near the note is its pitch within a cent; as it is
    (gusts, Doppler, scoop, vibrato, bubbles and all), within 10 cents. Its first harmonic is never
    under FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of its gain, and it is
    silent at its end."""
    patch = FLOW.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        gust, swing = flow_render.draw_sways(patch, rng)
        return flow_render.harmonics(patch, hz, 2.0, 100, frames, rng, SR, gust, swing)

    assert_sounds_its_pitch(flow_render, patch, _still(patch), weights)


def test_a_held_note_is_whole_multiples_of_its_pitch() -> None:
    """The aeolian harp, C3 held quiet: its fundamental within a cent of the note, its harmonics 2 to
    10 each within a cent of that multiple, nothing half-way between: the wind's vortices lock the
    string to one mode, and what the string radiates is that mode and its harmonics."""
    assert_held_c3_at_whole_multiples(flow_render.voice(_quiet(HARP), (48.0,), 100, 2.0, SR), "harp")


def test_the_drag_lifts_the_second_harmonic() -> None:
    """The singing wires' second harmonic stands 1 + drag over where the slope alone puts it, against
    the first; a jet, with no drag, has none of it."""
    with_drag = flow_render.spectrum(WIRES, hz_of(40), 6, 100)
    without = flow_render.spectrum(dataclasses.replace(WIRES, drag=0.0), hz_of(40), 6, 100)
    assert with_drag[1] / with_drag[0] == pytest.approx((1.0 + WIRES.drag) * without[1] / without[0])
    assert with_drag[2] / with_drag[0] == pytest.approx(without[2] / without[0])
    assert JETS.drag == 0.0


def test_the_mode_below_sounds_as_the_flow_rises_and_dies_once_it_locks() -> None:
    """The whirly tube locks to its tube's fourth mode: in the note's first tenth of a second the
    strongest frequency near three quarters of the note is the third mode within 0.5%, over 30 dB
    above the same note with no mode below; by 1.3 s it is gone (within 10% of the note without it)."""
    hz = hz_of(69)
    lower = hz * (WHIRLY.mode - 1) / WHIRLY.mode
    note = flow_render.voice(
        dataclasses.replace(_quiet(WHIRLY), neighbour=WHIRLY.neighbour), (69.0,), 100, 1.5, SR
    )
    bare = flow_render.voice(_quiet(WHIRLY), (69.0,), 100, 1.5, SR)
    assert strongest_near(note, lower, 0.0, 0.1, width=0.03) == pytest.approx(lower, rel=0.005)
    assert level_at(note, lower, 0.0, 0.1) > 1e3 * level_at(bare, lower, 0.0, 0.1)
    assert level_at(note, lower, 1.3, 0.1) < 1.1 * level_at(bare, lower, 1.3, 0.1)


def test_a_whirly_sways_by_its_doppler_once_a_turn() -> None:
    """A whirly's pitch sways as its open end comes toward the listener and goes away: c / (c - v) at
    its end's speed, up and down, once a turn (within 15% of the patch's turns)."""
    times = np.arange(4 * SR) / SR
    gust, swing = flow_render.draw_sways(WHIRLY, np.random.default_rng(4))
    cents = flow_render.doppler(WHIRLY, times, swing)
    speed = WHIRLY.swing[1]
    sound = flow_render.SOUND_SPEED
    assert cents.max() == pytest.approx(1200 * np.log2(sound / (sound - speed)), rel=1e-3)
    assert cents.min() == pytest.approx(1200 * np.log2(sound / (sound + speed)), rel=1e-3)
    crossings = np.count_nonzero(np.diff(np.sign(cents)) > 0)
    assert crossings / 4.0 == pytest.approx(WHIRLY.swing[0], rel=0.3)
    assert gust == (0.0, gust[1]) and not flow_render.pulled(WHIRLY, times, gust).any()


def test_a_gust_swells_the_level_and_pulls_the_mode_a_few_cents() -> None:
    """The aeolian harp's first harmonic swings with the gust by its depth either way, and the gust
    drags its pitch by at most its pull, in step with the swell."""
    rng = np.random.default_rng(5)
    gust, swing = flow_render.draw_sways(HARP, rng)
    frames = np.arange(300, 1000, dtype=np.float64) * flow_render.FRAME
    first = np.abs(flow_render.harmonics(HARP, hz_of(60), 12.0, 100, frames, rng, SR, gust, swing)[:, 0])
    depth = HARP.gust[2]
    assert first.max() / first.min() == pytest.approx((1 + depth) / (1 - depth), rel=0.1)
    pull = flow_render.pulled(HARP, frames, gust)
    assert np.abs(pull).max() == pytest.approx(HARP.pull, rel=0.01)
    assert np.corrcoef(pull, first)[0, 1] > 0.95


def test_a_harder_press_brightens_a_jet() -> None:
    """A hydraulophone's fifth harmonic against its first is stronger at velocity 127 than at 40."""
    loud = flow_render.spectrum(JETS, hz_of(60), 8, 127)
    soft = flow_render.spectrum(JETS, hz_of(60), 8, 40)
    assert loud[4] / loud[0] > 1.5 * soft[4] / soft[0]


def test_when_the_flow_stops_a_jet_falls_silent_and_a_string_rings_on() -> None:
    """C4 blown 1 s: 0.15 s after the finger lifts from the jet its first harmonic has fallen over 30
    dB from where it was; 0.3 s after the wind drops, the aeolian harp's, ringing freely, by under 6
    dB."""
    hz = hz_of(60)
    jet = flow_render.voice(_quiet(JETS), (60.0,), 100, 1.0, SR)
    harp = flow_render.voice(_quiet(HARP), (60.0,), 100, 1.0, SR)
    assert level_at(jet, hz, 1.15, 0.1) < 1e-3 * level_at(jet, hz, 0.8, 0.1)
    assert level_at(harp, hz, 1.3, 0.1) > 0.25 * level_at(harp, hz, 0.8, 0.1)


def test_a_bubble_rings_at_its_minnaert_frequency() -> None:
    """A 2 mm bubble rings within 5% of 3.26 / r (1630 Hz), rising as it nears the surface, and has
    fallen by e after q / (pi f) s; a smaller one rings higher."""
    ringing = flow_render.bubble(2.0, SR, SR).astype(np.float32)
    hz = flow_render.MINNAERT / 0.002
    got = strongest_near(np.pad(ringing, (SR // 4, SR)), hz, 0.0, 0.5, width=0.3)
    assert got == pytest.approx(hz, rel=0.05) and got > hz
    ring = flow_render.BUBBLE_Q / (np.pi * hz)
    envelope = np.abs(ringing[: round(3 * ring * SR)])
    early, late = envelope[: round(0.5 * ring * SR)].max(), envelope[round(1.5 * ring * SR) :].max()
    assert late < early * np.exp(-0.7)
    small = flow_render.bubble(1.0, SR, SR).astype(np.float32)
    assert strongest_near(np.pad(small, (SR // 4, SR)), 2 * hz, 0.0, 0.5, width=0.3) > 1.9 * hz


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, gusts and hiss; a program
    or a drum the set lacks is an error, never a stand-in; every stroke stays within its level and
    rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(flow_render, FLOW)


def test_the_water_kit_rings_at_its_tuning_louder_for_a_harder_stroke_with_its_bubbles_and_seeds() -> None:
    """The big water drum's strongest frequency under 100 Hz, once its pitch has settled, is within 4%
    of 68 Hz; the low water drum rings at 124 Hz within 2%; the slap at velocity 127 is louder than
    at 40; every piece with bubbles or seeds carries them after its stroke, and a struck bowl is its
    stroke alone."""
    drums = FLOW.drums.drums
    big = flow_render._hit(drums[36], 100, SR)
    assert strongest_near(big, 68.0, 0.1, 0.5, width=0.3) == pytest.approx(68.0, rel=0.04)
    low = flow_render._hit(drums[45], 100, SR)
    assert strongest_near(low, 124.0, 0.1, 0.5) == pytest.approx(124.0, rel=0.02)
    loud, soft = flow_render._hit(drums[38], 127, SR), flow_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    for drum in drums.values():
        hit = flow_render._hit(drum, 100, SR)
        stroke = struck_render.hit(flow_render._SALT, drum, 100, SR)
        stroke = np.pad(stroke, (0, hit.size - stroke.size))
        after = hit - (1.0 - drum.share) * stroke
        if not drum.share:
            assert not after.any()
            continue
        assert float(np.abs(after).max()) > 0.5 * drum.share * float(np.abs(stroke).max())
        if drum.seeds[0]:
            clicks = flow_render.seeds(drum, round((drum.seeds[1] + 0.05) * SR), SR)
            assert np.abs(clicks).max() == pytest.approx(1.0)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in FLOW_SETS])
def test_a_split_rendered_by_flow_render_plays_only_what_its_instruments_have(split: str) -> None:
    """flow_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while the wind blows or the finger
    blocks the jet."""
    kinds = {patch.kind for patch in FLOW.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, FLOW_SETS[SOUNDFONTS[split]], kinds)
