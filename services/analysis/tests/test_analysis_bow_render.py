"""The bowed-string renderer: its notes' fundamentals, its bowed harmonics locked to whole multiples and
a plucked string's stretched by its stiffness, the harmonics with a node under the bow, a harder bow's
brightness and the scratch before the motion settles, the body's shimmer under the vibrato, the
tremolo's strokes, the spiccato's ring and the pizzicato's damping, its levels, its percussion, and
what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import bow_render
from soundforge.testing.bow_render import BOW_SETS, ORCHESTRA, Bowed
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_held_c3_at_whole_multiples,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)

SECTION = ORCHESTRA.programs[48]
VIOLIN = ORCHESTRA.programs[40]


def _still(patch: Bowed) -> Bowed:
    """`patch` as one player with no vibrato and no jitter: its phase runs at the note's frequency."""
    return dataclasses.replace(patch, voices=1, detune=0.0, spread=0.0, vibrato=0.0, jitter=0.0)


def _quiet(patch: Bowed) -> Bowed:
    """`patch` held still, with no slip noise, no scratch and no knock: nothing sounds but its string."""
    return dataclasses.replace(_still(patch), noise=0.0, scratch=0.0)


def _levels(
    patch: Bowed, pitch: float, velocity: int = 100, at: float = 0.5, bend: float = 0.0
) -> npt.NDArray[np.float64]:
    """`patch`'s bowed harmonics' levels (the loudest 1) playing `pitch` at `velocity`, `at` s into the
    note, `bend` cents off it."""
    frames = np.array([at])
    return np.abs(bow_render.harmonics(patch, hz_of(pitch), velocity, np.array([bend]), frames, SR))[0]


@pytest.mark.parametrize("program", sorted(ORCHESTRA.programs))
def test_every_string_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from E2 to E5: one player held still (no vibrato, no
    jitter), the strongest frequency near the note is its pitch within a cent; as it is (its section,
    vibratos, jitter and all), within 10 cents. Its first partial is never under FUNDAMENTAL_FLOOR of
    the loudest, bowed in any frame or plucked; its players are symmetric about the pitch, one on it
    where they are odd; its level never passes a quarter of its gain, and it is silent at its end."""
    patch = ORCHESTRA.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        if patch.bowed:
            return bow_render.harmonics(patch, hz, 100, np.zeros(frames.size), frames, SR)
        levels = bow_render.free_modes(patch, hz, SR)[1]
        return np.broadcast_to(levels.astype(np.complex128), (frames.size, levels.size))

    assert_sounds_its_pitch(bow_render, patch, _still(patch), weights)


def test_the_bow_locks_every_harmonic_to_a_whole_multiple_of_the_note() -> None:
    """C3 held still, bowed by the section, the cellos, the solo viola and the section sul ponticello:
    harmonics 2 to 10 each sit within a cent of that multiple of the fundamental (the bow's stick and
    slip lock the string's modes to them), and nothing sounds half-way between two of them."""
    for program in (48, 42, 41, 51):
        held = bow_render.voice(_quiet(ORCHESTRA.programs[program]), (48.0,), 100, 2.0, SR)
        assert_held_c3_at_whole_multiples(held, program)


def test_a_plucked_strings_modes_are_stretched_by_its_stiffness() -> None:
    """The double basses' pizzicato, E2 held still: its first mode on the note within a cent, its 6th
    sharp of six times it by what the string's stiffness says (n sqrt((1 + B n^2) / (1 + B))), within
    a cent and at least 2 cents above the whole multiple, where the bowed basses' 6th is on it."""
    plucked = _quiet(ORCHESTRA.programs[32])
    held = bow_render.voice(plucked, (40.0,), 100, 1.0, SR)
    first = strongest_near(held, hz_of(40), 0.0, 0.6, width=0.03)
    assert cents_between(first, hz_of(40)) == pytest.approx(0.0, abs=1.0)
    b = plucked.stiffness
    stretched = 6 * first * np.sqrt((1 + 36 * b) / (1 + b))
    sixth = strongest_near(held, 6 * first, 0.0, 0.4, width=0.02)
    assert cents_between(sixth, stretched) == pytest.approx(0.0, abs=1.0)
    assert cents_between(sixth, 6 * first) > 2.0
    bowed = bow_render.voice(_quiet(ORCHESTRA.programs[43]), (40.0,), 100, 2.0, SR)
    assert cents_between(strongest_near(bowed, 6 * hz_of(40), 0.5, 1.0, width=0.02), 6 * hz_of(40)) == (
        pytest.approx(0.0, abs=1.0)
    )


def test_the_harmonics_with_a_node_under_the_bow_are_weak_and_the_bridge_is_glassy() -> None:
    """The solo violin bowed a tenth of the string from the bridge: its 10th harmonic (a node under
    the bow) is under half of its 9th and its 11th against their sawtooth's 1/n; the section sul
    ponticello, bowed nearer the bridge with a sharper corner, has over twice as much above its 8th
    harmonic against its first as the section bowed where it usually is."""
    no_body = dataclasses.replace(VIOLIN, humps=())
    levels = _levels(no_body, 45.0) * np.arange(1, 41)
    assert levels[9] < 0.5 * min(levels[8], levels[10])
    glassy, plain = _levels(ORCHESTRA.programs[51], 57.0), _levels(SECTION, 57.0)
    assert glassy[8:].sum() / glassy[0] > 2.0 * plain[8:].sum() / plain[0]


def test_a_harder_bow_is_brighter_and_the_motion_scratches_before_it_settles() -> None:
    """Bowed harder (velocity 120 against 40) the violin's 16th harmonic stands higher against its first;
    in its first frame, before the Helmholtz motion has settled, higher than half a second in; and
    its scratch sounds over its band in the first 40 ms far louder than once the motion has settled."""
    hard, soft = _levels(VIOLIN, 57.0, 120), _levels(VIOLIN, 57.0, 40)
    assert hard[15] / hard[0] > 1.3 * soft[15] / soft[0]
    start, settled = _levels(VIOLIN, 57.0, at=0.0), _levels(VIOLIN, 57.0, at=0.5)
    assert start[15] / start[0] > 1.3 * settled[15] / settled[0]
    violin = dataclasses.replace(_still(VIOLIN), noise=0.0)
    scratched = bow_render.voice(violin, (57.0,), 100, 1.5, SR)
    clean = bow_render.voice(_quiet(VIOLIN), (57.0,), 100, 1.5, SR)
    hz = 20.5 * hz_of(57)  # 4.5 kHz: between harmonics, in the bow's band
    assert level_at(scratched, hz, 0.0, 0.04) > 10 * level_at(clean, hz, 0.0, 0.04)
    assert level_at(scratched, hz, 0.0, 0.04) > 10 * level_at(scratched, hz, 0.8, 0.04)


def test_the_body_turns_the_vibrato_into_a_shimmer_of_levels() -> None:
    """The solo violin's harmonics near its body's wood modes rise and fall as the vibrato moves them
    across the resonances: bent 18 cents up against 18 down, one of its first eight harmonics moves by
    over 5%; with no body, none by a tenth as much."""
    up, down = _levels(VIOLIN, 57.0, bend=18.0)[:8], _levels(VIOLIN, 57.0, bend=-18.0)[:8]
    shimmer = float(np.max(np.abs(up - down) / np.maximum(up, down)))
    bare = dataclasses.replace(VIOLIN, humps=())
    flat = _levels(bare, 57.0, bend=18.0)[:8], _levels(bare, 57.0, bend=-18.0)[:8]
    assert shimmer > 0.05
    assert float(np.max(np.abs(flat[0] - flat[1]) / np.maximum(*flat))) < 0.1 * shimmer


def test_the_tremolo_dips_at_each_stroke_never_with_another_player() -> None:
    """One player's tremolo dips its level `shake` times a second, give or take 8%: its level's
    strongest swing between 5 and 30 Hz is within 9% of `shake`; two players draw their own speeds."""
    tremolo = _quiet(ORCHESTRA.programs[44])
    held = bow_render.voice(tremolo, (57.0,), 100, 3.0, SR).astype(np.float64)
    step = SR // 210  # its level every 4.8 ms
    level = np.abs(held[: 3 * SR]).reshape(-1, step).max(axis=1)
    swing = np.abs(np.fft.rfft((level - level.mean()) * np.hanning(level.size)))
    freqs = np.fft.rfftfreq(level.size, step / SR)
    band = (freqs > 5.0) & (freqs < 30.0)
    assert float(freqs[band][np.argmax(swing[band])]) == pytest.approx(tremolo.shake, rel=0.09)
    times = np.arange(SR) / SR
    rng = np.random.default_rng(0)
    assert not np.allclose(bow_render.strokes(tremolo, times, rng), bow_render.strokes(tremolo, times, rng))
    assert np.all(bow_render.strokes(SECTION, times, rng) == 1.0)


def test_a_spiccato_rings_on_after_the_bow_and_a_pizzicato_let_go_is_damped() -> None:
    """A spiccato's bow leaves after `bite` s: the string rings on, its level a `ring` later about 1/e
    of what it was, its upper harmonics dying sooner; a pizzicato let go after 0.3 s is silent soon
    after, where one held rings on."""
    spiccato = ORCHESTRA.programs[110]
    level = bow_render.envelope(spiccato, 2.0, np.array([spiccato.bite, spiccato.bite + spiccato.ring]))
    assert level[1] / level[0] == pytest.approx(np.exp(-1.0), rel=0.01)
    early, late = _levels(spiccato, 57.0, at=spiccato.bite), _levels(spiccato, 57.0, at=spiccato.bite + 0.2)
    assert late[5] / late[0] < 0.5 * early[5] / early[0]
    pizzicato = _quiet(ORCHESTRA.programs[45])
    short = bow_render.voice(pizzicato, (57.0,), 100, 0.3, SR)
    rung = bow_render.voice(pizzicato, (57.0,), 100, 2.0, SR)
    damped = 0.3 + 5.0 * pizzicato.level[3]
    assert level_at(short, hz_of(57), damped, 0.05) < 0.01 * level_at(rung, hz_of(57), damped, 0.05)


def test_a_string_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a hit is random but what its seed draws: a render is the same with the note
    cache emptied; a note drawn with another seed has other vibratos, jitter and noise; a program or
    a drum the set lacks is an error, never a stand-in; every hit stays within its level and rings out
    within its length; a chord stays within a quarter of the patch's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(bow_render, ORCHESTRA)


def test_the_timpani_ring_at_their_tuning_and_a_harder_stroke_is_louder() -> None:
    """The 32" timpano rings at 87 Hz and the 23" at 156 Hz, each within 2%; the gran cassa's strongest
    frequency under 100 Hz is within 4% of 48 Hz; a stroke at velocity 127 is louder than one at 40."""
    for drum, hz in ((41, 87.0), (50, 156.0)):
        hit = bow_render._hit(ORCHESTRA.drums.drums[drum], 100, SR)
        assert strongest_near(hit, hz, 0.05, 0.5, width=0.1) == pytest.approx(hz, rel=0.02)
    cassa = bow_render._hit(ORCHESTRA.drums.drums[36], 100, SR)
    assert strongest_near(cassa, 60.0, 0.0, 0.5, width=0.4) == pytest.approx(48.0, rel=0.04)
    loud = bow_render._hit(ORCHESTRA.drums.drums[38], 127, SR)
    soft = bow_render._hit(ORCHESTRA.drums.drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in BOW_SETS])
def test_a_split_rendered_by_bow_render_plays_only_what_its_strings_have(split: str) -> None:
    """bow_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind of
    string measured above; what holds a tone or a free-time chord is bowed and sustained."""
    kinds = {patch.kind for patch in ORCHESTRA.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, BOW_SETS[SOUNDFONTS[split]], kinds)
