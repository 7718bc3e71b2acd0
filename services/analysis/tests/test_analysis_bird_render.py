"""The renderer of birds singing through the syrinx: its notes' pitch, the flow the labia let through
over a period (a sine below the swing at which they meet, a clipped cosine past it; so every partial
stands on a harmonic of the note), the tract above them (the trachea's quarter waves, the gullet's
cavity following the note or held still, the beak gaping for a higher note), a harder call and a
fuller breath richer, the call starting, dying and repeating its syllables, its slide into the note,
its jitter, its breath, its levels, its kit and its grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import bird_render
from soundforge.testing.bird_render import BIRD_SET, BIRD_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 11 a blackbird, 22 a wood pigeon, 53 a zebra finch, 32 an emu, 35 a bittern, 72 a song thrush, 75 a
# hermit thrush, 79 a skylark, 48 a nightingale held, 50 a canary's tour held
SUNG = BIRD_SET.programs


def _steady(patch: Instrument) -> Instrument:
    """`patch` sung steadily: no breath, no jitter, no slide into the note and no trembling, so nothing
    sounds but the flow's harmonics."""
    return dataclasses.replace(patch, breath=0.0, jitter=0.0, scoop=0.0, vibrato=0.0)


def _sung_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = bird_render.count(hz, SR)
        return bird_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


def _flow(swing: float, points: int = 8192) -> Signal:
    """The flow through labia whose gap over a period is 1 + swing cos(theta), where it is open."""
    theta = 2.0 * np.pi * np.arange(points) / points
    return np.maximum(1.0 + swing * np.cos(theta), 0.0)


@pytest.mark.parametrize("program", sorted(BIRD_SET.programs))
def test_every_bird_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every bird, bent to A=432, from E2 to E5: sung steadily, the strongest frequency near
    the note is its pitch within a cent; as it is (the slide into the note, the trembling, the labia's
    jitter, the breath), within 10 cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the
    loudest; its level never passes a quarter of its gain, and it is silent at its end."""
    sung = SUNG[program]
    checks.assert_sounds_its_pitch(bird_render, sung, _steady(sung), _sung_levels(sung))


def test_the_partials_stand_on_the_harmonics_and_the_labia_shape_them() -> None:
    """A blackbird, a zebra finch, a song thrush and a skylark, C3 sung steadily: their partials stand
    on the note's harmonics within a cent and nothing between them. The labia's flow over a period is
    the gap 1 + a cos(theta) where it is open: its harmonics (labial) are the clipped cosine's, the
    first a and no other below a = 1 (a sine), and past it the labia shut for 1 - arccos(-1 / a) / pi
    of every period."""
    for program in (11, 53, 72, 79):
        note = bird_render.voice(_steady(SUNG[program]), (48.0,), 100, 2.0, SR)
        checks.assert_held_c3_at_whole_multiples(note, SUNG[program].kind)
    for swing in (0.4, 0.9, 1.5, 2.6):
        flow = _flow(swing)
        sampled = np.fft.rfft(flow)[1:13].real / (flow.size / 2)
        assert bird_render.labial(np.array([swing]), 12)[0] == pytest.approx(sampled, abs=1e-6)
        shut = float(np.mean(flow == 0.0))
        if swing < 1.0:
            assert bird_render.labial(np.array([swing]), 12)[0, 0] == pytest.approx(swing)
            assert np.abs(bird_render.labial(np.array([swing]), 12)[0, 1:]).max() < 1e-12 and not shut
        else:
            assert shut == pytest.approx(1.0 - np.arccos(-1.0 / swing) / np.pi, abs=1e-3)


def test_the_tract_lifts_its_quarter_waves_and_the_gullet_follows_the_note() -> None:
    """The trachea, closed by the labia at its foot, is 1 / (cos kL + j loss sin kL): 1 / loss at its
    odd quarter waves, c (2 m - 1) / 4 L, and 1 at its half waves; the gullet's cavity 1 / (1 - r^2 +
    j r / Q) over it. A bird that widens its gullet to follow the note keeps its loudest harmonic on
    the first from E2 to E5; the zebra finch, its gullet held still, sounds a C4 loudest on a harmonic
    near its gullet's mode. The beak takes its length off the tract as it gapes, from GAPE's note up its
    octaves; sung through the closed beak, the tract keeps it."""
    bird, hz = SUNG[72], checks.hz_of(60)
    length = bird_render.length(bird, hz)
    quarters = bird_render.SOUND_SPEED * np.array([1.0, 3.0, 5.0]) / (4.0 * length)
    halves = bird_render.SOUND_SPEED * np.array([1.0, 2.0]) / (2.0 * length)
    for f, size in ((quarters, 1.0 / bird.loss), (halves, 1.0)):
        r = f / (bird.tracking * hz)
        trachea = bird_render.tract(bird, hz, f) * (1.0 - r**2 + 1j * r / bird.q)
        assert np.abs(trachea) == pytest.approx(size, rel=1e-9)
    assert quarters[0] > 1000.0
    for program in (11, 22, 32, 35, 48, 72, 75, 79):
        for note in (40, 64, 76):
            shape = np.abs(bird_render.spectrum(SUNG[program], checks.hz_of(note), 40))
            assert int(np.argmax(shape)) == 0, (program, note)
    finch, c4 = SUNG[53], checks.hz_of(60)
    loudest = (int(np.argmax(np.abs(bird_render.spectrum(finch, c4, 40)))) + 1) * c4
    assert abs(loudest - finch.cavity) < 0.3 * finch.cavity
    low, octaves = bird_render.GAPE
    assert bird_render.length(bird, low) == pytest.approx(bird.trachea + bird.beak)
    assert bird_render.length(bird, low * 2.0**octaves) == pytest.approx(bird.trachea)
    half = bird.trachea + bird.beak / 2.0
    assert bird_render.length(bird, low * 2.0 ** (octaves / 2.0)) == pytest.approx(half)
    pigeon, closed = SUNG[22], SUNG[22].trachea + SUNG[22].beak
    assert bird_render.length(pigeon, 1000.0) == bird_render.length(pigeon, 100.0) == closed


def test_a_harder_call_and_a_fuller_breath_are_richer() -> None:
    """The labia swing half their `swing` at the softest call and all of it at the hardest, so a song
    thrush's C4 has over twice the power above its first harmonic at velocity 127 as at 40. Their
    swing grows as the square root of the air sacs' pressure, so a nightingale's long note starts
    nearly pure (under a swing of 1: no harmonic but the first) and is richest once its breath is
    full."""
    thrush = SUNG[72]
    assert bird_render.reach(thrush, 0) == pytest.approx(thrush.swing / 2.0)
    assert bird_render.reach(thrush, 127) == pytest.approx(thrush.swing)
    hz = checks.hz_of(60)
    soft = np.abs(bird_render.spectrum(thrush, hz, 12, 40))
    hard = np.abs(bird_render.spectrum(thrush, hz, 12, 127))
    assert np.sum(hard[1:] ** 2) / hard[0] ** 2 > 2.0 * np.sum(soft[1:] ** 2) / soft[0] ** 2
    nightingale = SUNG[48]
    frames = np.array([0.004, 1.0])
    shapes = bird_render.levels(nightingale, hz, 2.0, 100, frames, 12)
    assert shapes[0, 1:].max() < 1e-9 * shapes[0, 0]
    assert shapes[1, 1:].max() > 1e-3 * shapes[1, 0]
    swings = bird_render.reach(nightingale, 100) * np.sqrt(bird_render.pressure(nightingale, 2.0, frames))
    assert swings[0] < 1.0 < swings[1]


def test_the_call_starts_dies_slides_in_and_its_jitter_frays_no_pitch() -> None:
    """A blackbird's C3: its level starts as 1 - exp(-t / attack) and, once the key is let go, dies
    over its fall; a canary's tour dips by its depth between syllables repeated `tremolo` times a
    second. Each period comes early or late by the labia's jitter, never summed, so over two seconds
    the offsets stay within a few jitters of nothing and the pitch never drifts; with no jitter, none.
    A bird sliding up into its note from far under it sounds flat at first and on the note, within a
    cent, once it has arrived. A louder call breathes more against the tone, by its square."""
    bird = SUNG[11]
    times = np.array([bird.attack, 1.0, 1.0 + bird.level[3]])
    level = bird_render.power(bird, 1.0, 127, times)
    assert level[0] == pytest.approx(1.0 - np.exp(-1.0), rel=1e-3)
    assert level[2] / level[1] == pytest.approx(np.exp(-1.0), rel=1e-3)
    canary = SUNG[50]
    peaks = np.array([1.0, 1.0 + 0.5 / canary.tremolo])
    tour = bird_render.pressure(canary, 2.0, peaks)
    assert tour[1] / tour[0] == pytest.approx(1.0 - canary.depth, rel=1e-6)
    hz = checks.hz_of(48)
    along = np.arange(2 * SR) / SR
    offsets = bird_render.timing(bird, hz, along, np.random.default_rng(4))
    assert 0.0 < np.abs(offsets).max() < 6.0 * bird.jitter
    assert abs(float(offsets.mean())) < 0.2 * bird.jitter
    assert not bird_render.timing(_steady(bird), hz, along, np.random.default_rng(4)).any()
    sliding = dataclasses.replace(_steady(SUNG[75]), swing=0.5, scoop=300.0, glide=0.1)
    note = bird_render.voice(sliding, (57.0,), 100, 2.0, SR)
    early = checks.strongest_near(note, checks.hz_of(57), 0.0, 0.1, width=0.3)
    assert checks.cents_between(early, checks.hz_of(57)) < -50.0
    arrived = checks.strongest_near(note, checks.hz_of(57), 1.0, 1.0)
    assert checks.cents_between(arrived, checks.hz_of(57)) == pytest.approx(0.0, abs=1.0)
    assert bird_render.breathing(bird, 100) == pytest.approx(4.0 * bird_render.breathing(bird, 50))


def test_the_birds_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the ticks, the snaps, the snipe's
    drumming, the landing and the shake as grains after the stroke; what holds a tone (a
    nightingale's whistle held) holds while the bird sings; and the split rendered by bird_render
    draws only what its set has, every bird measured above among it, some following the note with
    their gullet and one holding it still, some gaping and some singing through the closed beak."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(bird_render, BIRD_SET)
    checks.assert_grains_follow_the_stroke(bird_render, BIRD_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in BIRD_SET.drums.drums.values()) == 5
    held = bird_render.voice(SUNG[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(held, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(held, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in BIRD_SETS]
    assert splits == ["rath"]
    patches = BIRD_SET.programs.values()
    assert {bool(patch.cavity) for patch in patches} == {True, False}
    assert {patch.gapes for patch in patches} == {True, False}
    kinds = {patch.kind for patch in patches}
    bird_set = BIRD_SETS[SOUNDFONTS["rath"]]
    checks.assert_draws_its_kinds_and_holds_what_sustains("rath", bird_set, kinds)
