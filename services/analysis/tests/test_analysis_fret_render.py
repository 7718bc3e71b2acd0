"""The fretted-string renderer: its notes' fundamentals, its modes stretched by the strings' stiffness,
the modes with a node under the pick, a harder pluck's brightness, the body's lift and drain, the
two polarisations' decay, the palm's mute, the strum's order, the tremolo's repicking, its levels,
its percussion, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import fret_render
from soundforge.testing.fret_render import FRET_SETS, STRING_BAND, Fretted
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)

MANDOLINS = STRING_BAND.programs[48]
STRUMMED = STRING_BAND.programs[25]
NYLON = STRING_BAND.programs[24]


def _still(patch: Fretted) -> Fretted:
    """`patch` as one player with no vibrato and no strum: its modes run at their own frequencies."""
    return dataclasses.replace(patch, voices=1, detune=0.0, spread=0.0, vibrato=0.0, strum=0.0)


def _quiet(patch: Fretted) -> Fretted:
    """`patch` held still, with no click and no thump: nothing sounds but its strings."""
    return dataclasses.replace(_still(patch), click=0.0, thump=0.0)


def _levels(patch: Fretted, pitch: float, velocity: int = 100) -> npt.NDArray[np.float64]:
    """`patch`'s modes' levels as the pluck sets them going (the loudest 1), playing `pitch`."""
    return fret_render.modes(patch, hz_of(pitch), velocity, SR)[1]


@pytest.mark.parametrize("program", sorted(STRING_BAND.programs))
def test_every_string_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from E2 to E5: one player held still (no vibrato, no
    strum), the strongest frequency near the note is its pitch within a cent; as it is (its players,
    vibratos and all), within 10 cents. Its first mode is never under FUNDAMENTAL_FLOOR of the
    loudest as the modes die; its players are symmetric about the pitch, one on it where they are
    odd; its level never passes a quarter of its gain, and it is silent at its end."""
    patch = STRING_BAND.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return fret_render.modes_at(patch, hz, 100, frames, SR).astype(np.complex128)

    assert_sounds_its_pitch(fret_render, patch, _still(patch), weights)


def test_a_strings_modes_are_stretched_by_its_stiffness() -> None:
    """The bass balalaika's E2 held still: its first mode on the note within a cent, its 6th sharp of
    six times it by what the string's stiffness says (n sqrt((1 + B n^2) / (1 + B))), within a cent
    and at least 2 cents above the whole multiple; the same string with no stiffness has its 6th on
    the whole multiple."""
    balalaika = _quiet(STRING_BAND.programs[34])
    held = fret_render.voice(balalaika, (40.0,), 100, 1.5, SR)
    first = strongest_near(held, hz_of(40), 0.0, 0.6, width=0.03)
    assert cents_between(first, hz_of(40)) == pytest.approx(0.0, abs=1.0)
    b = balalaika.stiffness
    sixth = strongest_near(held, 6 * first, 0.0, 0.6, width=0.02)
    assert cents_between(sixth, 6 * first * np.sqrt((1 + 36 * b) / (1 + b))) == pytest.approx(0.0, abs=1.0)
    assert cents_between(sixth, 6 * first) > 2.0
    limp = fret_render.voice(dataclasses.replace(balalaika, stiffness=0.0), (40.0,), 100, 1.5, SR)
    assert cents_between(strongest_near(limp, 6 * hz_of(40), 0.0, 0.6, width=0.02), 6 * hz_of(40)) == (
        pytest.approx(0.0, abs=1.0)
    )


def test_the_modes_with_a_node_under_the_pick_are_weak_and_the_flesh_is_darker() -> None:
    """Picked a fifth of the string from the bridge (no body, the tip's highs left alone), the 5th and
    10th modes (a node under the pick) are under a tenth of their neighbours against the pluck's
    1/n; a finger's flesh at the same place (1/n^2) has less above its 6th mode against its first."""
    bare = dataclasses.replace(STRUMMED, position=0.2, humps=(), tip=1e6)
    picked = _levels(bare, 40.0) * np.arange(1, 21)
    for node in (4, 9):
        assert picked[node] < 0.1 * min(picked[node - 1], picked[node + 1])
    flesh = _levels(dataclasses.replace(bare, stroke="finger"), 40.0)
    picked = _levels(bare, 40.0)
    assert flesh[6:].sum() / flesh[0] < 0.5 * picked[6:].sum() / picked[0]


def test_a_harder_pluck_is_brighter() -> None:
    """Plucked harder (velocity 120 against 40) the steel-string's 20th mode stands higher against its
    first, the tip's corner moved up by the velocity."""
    hard, soft = _levels(STRUMMED, 45.0, 120), _levels(STRUMMED, 45.0, 40)
    assert hard[19] / hard[0] > 1.25 * soft[19] / soft[0]


def test_the_body_lifts_the_modes_near_its_resonances_and_drains_them_sooner() -> None:
    """G2 on the steel-string: its 2nd mode, near the dreadnought top's 200 Hz mode, is louder against
    its 5th and dies sooner than on the same string with no body; no mode rings longer than the
    first."""
    bare = dataclasses.replace(STRUMMED, humps=())
    _, body, body_rings = fret_render.modes(STRUMMED, hz_of(43), 100, SR)
    _, flat, flat_rings = fret_render.modes(bare, hz_of(43), 100, SR)
    assert body[1] / body[4] > 1.5 * flat[1] / flat[4]
    assert body_rings[1] < 0.7 * flat_rings[1]
    assert np.all(body_rings <= body_rings[0])


def test_each_mode_dies_fast_then_slowly() -> None:
    """The polarisation that pushes the top dies first: the nylon guitar's first mode falls more over
    its first 0.1 s than over 0.1 s a ring later (its level's log slope over twice as steep)."""
    rings = fret_render.modes(NYLON, hz_of(52), 100, SR)[2]
    times = np.array([0.0, 0.1, NYLON.ring, NYLON.ring + 0.1])
    level = fret_render.dying(NYLON, rings[:1], times)[0]
    assert np.log(level[0] / level[1]) > 2.0 * np.log(level[2] / level[3])


def test_a_palm_on_the_strings_mutes_them() -> None:
    """The palm-muted steel-string, E3 held, is under 5% of its peak 0.4 s in, where the open
    steel-string still sounds at over a fifth of its."""
    muted = fret_render.voice(_quiet(STRING_BAND.programs[28]), (52.0,), 100, 1.0, SR)
    open_ = fret_render.voice(_quiet(STRUMMED), (52.0,), 100, 1.0, SR)
    assert level_at(muted, hz_of(52), 0.4, 0.1) < 0.05**2 * level_at(muted, hz_of(52), 0.0, 0.1)
    assert level_at(open_, hz_of(52), 0.4, 0.1) > 0.2**2 * level_at(open_, hz_of(52), 0.0, 0.1)


def test_a_chord_is_strummed_string_after_string_down_or_up() -> None:
    """A chord's strings are struck evenly over `strum` s, low to high on a downstroke and high to low
    on an upstroke, the seed drawing which (downstrokes about `down` of the time); heard, a chord's
    first 70 ms is its low string alone on a downstroke and its high one alone on an upstroke."""
    downs = 0
    for seed in range(200):
        lags = list(fret_render.strum(STRUMMED, 4, np.random.default_rng(seed)))
        assert sorted(lags) == pytest.approx(list(np.linspace(0.0, STRUMMED.strum, 4)))
        assert lags in (sorted(lags), sorted(lags)[::-1])
        downs += lags[0] == 0.0
    assert downs / 200 == pytest.approx(STRUMMED.down, abs=0.1)
    slow = dataclasses.replace(_quiet(STRUMMED), strum=0.08)
    first = int(0.07 * SR)
    for down in (True, False):
        seed = next(s for s in range(50) if (np.random.default_rng([s]).random() < slow.down) == down)
        chord = fret_render.voice(slow, (40.0, 63.0), 100, 1.0, SR, seed=[seed])[:first]
        alone = fret_render.voice(slow, (40.0,) if down else (63.0,), 100, 1.0, SR, seed=[seed])[:first]
        assert np.corrcoef(chord, alone)[0, 1] > 0.999


def test_a_tremolo_repicks_at_each_players_own_speed_and_holds() -> None:
    """One player's tremolo is picked again `repick` times a second, give or take 8%: its level's
    strongest swing between 5 and 30 Hz is within 9% of `repick`; two players draw their own
    speeds; held 3 s it still sounds at 2.5 s at over a third of its level at 0.5 s, where the nylon
    guitar plucked once has fallen under a quarter of its."""
    tremolo = _quiet(MANDOLINS)
    held = fret_render.voice(tremolo, (62.0,), 100, 3.0, SR)
    step = SR // 210  # its level every 4.8 ms
    level = np.abs(held[: 3 * SR].astype(np.float64)).reshape(-1, step).max(axis=1)
    swing = np.abs(np.fft.rfft((level - level.mean()) * np.hanning(level.size)))
    freqs = np.fft.rfftfreq(level.size, step / SR)
    band = (freqs > 5.0) & (freqs < 30.0)
    assert float(freqs[band][np.argmax(swing[band])]) == pytest.approx(tremolo.repick, rel=0.09)
    times = np.arange(SR) / SR
    rng = np.random.default_rng(0)
    first, second = (fret_render.since_plucked(tremolo, 2.0, times, rng) for _ in range(2))
    assert not np.allclose(first, second)
    assert np.array_equal(fret_render.since_plucked(NYLON, 2.0, times, rng), times)
    assert level_at(held, hz_of(62), 2.5) > 0.33**2 * level_at(held, hz_of(62), 0.5)
    plucked = fret_render.voice(_quiet(NYLON), (62.0,), 100, 3.0, SR)
    assert level_at(plucked, hz_of(62), 2.5) < 0.25**2 * level_at(plucked, hz_of(62), 0.5)


def test_a_string_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a hit is random but what its seed draws: a render is the same with the note
    cache emptied; a note drawn with another seed has other repicking, strums and noise; a program or
    a drum the set lacks is an error, never a stand-in; every hit stays within its level and rings out
    within its length; a chord stays within a quarter of the patch's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(fret_render, STRING_BAND)


def test_the_cajon_and_the_frame_drums_ring_at_their_tuning_and_a_harder_stroke_is_louder() -> None:
    """The cajón's bass tone's strongest frequency under 100 Hz is within 4% of 72 Hz; the lowest frame
    drum rings at 92 Hz and the highest at 198 Hz, each within 2%; a slap at velocity 127 is louder
    than one at 40."""
    cajon = fret_render._hit(STRING_BAND.drums.drums[36], 100, SR)
    assert strongest_near(cajon, 75.0, 0.0, 0.5, width=0.3) == pytest.approx(72.0, rel=0.04)
    for drum, hz in ((41, 92.0), (50, 198.0)):
        hit = fret_render._hit(STRING_BAND.drums.drums[drum], 100, SR)
        assert strongest_near(hit, hz, 0.02, 0.5, width=0.1) == pytest.approx(hz, rel=0.02)
    loud = fret_render._hit(STRING_BAND.drums.drums[38], 127, SR)
    soft = fret_render._hit(STRING_BAND.drums.drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in FRET_SETS])
def test_a_split_rendered_by_fret_render_plays_only_what_its_strings_have(split: str) -> None:
    """fret_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind of
    string measured above; what holds a tone or a free-time chord is a tremolo, held."""
    kinds = {patch.kind for patch in STRING_BAND.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, FRET_SETS[SOUNDFONTS[split]], kinds)
