"""The pipe organ renderer: its notes' fundamentals, its ranks on the harmonics their footages say, a
mixture breaking back, a stopped pipe's odd harmonics, the pipes' speech and chiff, the tremulant, the
swell box, the celeste's beating, a key blind to the touch, its levels, its traps, and what a split it
renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import pipe_render, struck_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.pipe_render import ORGAN, PIPE_SETS, Registration

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

CELESTE = ORGAN.programs[48]
PLENUM = ORGAN.programs[19]
THEATRE = ORGAN.programs[17]
CORNET = ORGAN.programs[74]
PEDAL = ORGAN.programs[32]
TRUMPET = ORGAN.programs[56]
POSITIVE = ORGAN.programs[20]


def _still(patch: Registration) -> Registration:
    """`patch` as one rank of each stop, no tremulant: its harmonics run at their own frequencies."""
    return dataclasses.replace(patch, voices=1, detune=0.0, vibrato=0.0, tremble=0.0)


def _quiet(patch: Registration) -> Registration:
    """`patch` held still, with no chiff, no wind and no swell box: nothing sounds but its pipes."""
    return dataclasses.replace(_still(patch), chiff=0.0, wind=0.0, swell=(0.0, 0.0))


def _steady(patch: Registration, pitch: float, at: float = 1.0) -> npt.NDArray[np.float64]:
    """`patch`'s harmonics' levels `at` s into a note of `pitch` held 2 s (no tremulant, no shade)."""
    frames = np.array([at])
    return np.abs(pipe_render.harmonics(patch, hz_of(pitch), 2.0, frames, np.random.default_rng(0), SR))[0]


@pytest.mark.parametrize("program", sorted(ORGAN.programs))
def test_every_registration_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every registration, bent to A=432, from E2 to E5: held still (no tremulant, one rank
    of each stop), the strongest frequency near the note is its pitch within a cent; as it is
    (tremulant, celeste and all), within 10 cents. Its first harmonic is never under
    FUNDAMENTAL_FLOOR of the loudest as its pipes speak and chiff; its ranks are symmetric about the
    pitch, one on it where they are odd; its level never passes a quarter of its gain, and it is
    silent at its end."""
    patch = ORGAN.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return pipe_render.harmonics(patch, hz, 2.0, frames, rng, SR, (patch.rate, 0.0), (1500.0, 1.0))

    assert_sounds_its_pitch(pipe_render, patch, _still(patch), weights)


def test_a_held_note_is_whole_multiples_of_its_pitch() -> None:
    """The great's plenum, C3 held quiet: its fundamental within a cent of the note, its harmonics 2
    to 10 each within a cent of that multiple, nothing half-way between: its mixture's ranks are
    tuned pure to the harmonics they reinforce."""
    assert_held_c3_at_whole_multiples(pipe_render.voice(_quiet(PLENUM), (48.0,), 100, 2.0, SR), "plenum")


def test_each_rank_sounds_on_the_harmonic_its_footage_says() -> None:
    """The cornet at C4 without its 2 2/3' (its rank on the third harmonic) has its third harmonic
    under half as loud against its first as with it; without its 1 3/5', its fifth under half."""
    for harmonic in (3, 5):
        without = dataclasses.replace(CORNET, ranks=tuple(r for r in CORNET.ranks if r[0] != harmonic))
        full, thin = _steady(_quiet(CORNET), 60.0), _steady(_quiet(without), 60.0)
        assert thin[harmonic - 1] / thin[0] < 0.5 * full[harmonic - 1] / full[0], harmonic


def test_a_mixture_breaks_back_an_octave_where_its_pipes_would_be_too_small() -> None:
    """Every rank that sounds is at or under its registration's ceiling (an 8' rank always sounds);
    the plenum's mixture ranks break back and never drop out over a manual's compass (C2 to C6);
    the cornet's tierce (on the fifth harmonic, odd) cannot break back, and drops out above G6."""
    for patch in (PLENUM, CORNET):
        for pitch in range(36, 85, 6):
            hz = hz_of(pitch)
            ranks = pipe_render.ranks_at(patch, hz)
            assert all(h == 1 or h * hz <= patch.ceiling for h, _, _ in ranks)
            assert any(h == 1 for h, _, _ in ranks)
            if patch is PLENUM:
                assert len(ranks) == len(PLENUM.ranks)
    assert max(h for h, _, _ in pipe_render.ranks_at(PLENUM, hz_of(84))) < 16
    assert all(h != 5 for h, _, _ in pipe_render.ranks_at(CORNET, hz_of(92)))
    assert any(h == 5 for h, _, _ in pipe_render.ranks_at(CORNET, hz_of(72)))


def test_a_stopped_pipe_sounds_its_odd_harmonics() -> None:
    """One stopped flute rank at C4, quiet: its second harmonic under a tenth of its third in power;
    an open flute rank's second is louder than its third."""
    for pipe, weak_octave in (("stopped", True), ("flute", False)):
        rank = Registration(pipe, ((1, pipe, 1.0),), chiff=0.0, wind=0.0)
        held = pipe_render.voice(rank, (60.0,), 100, 1.5, SR)
        second, third = level_at(held, 2 * hz_of(60), 0.5, 0.5), level_at(held, 3 * hz_of(60), 0.5, 0.5)
        assert (second < 0.1 * third) == weak_octave and (second > third) != weak_octave


def test_a_reed_speaks_at_once_and_a_big_flue_pipe_slowly() -> None:
    """10 ms into a note, the trumpet's C4 has its first harmonic over 70% of the level it holds; the
    pedal's subbass at C2, a pipe four times as long, under 30%; a pipe an octave lower takes
    longer to speak."""
    assert _steady(_quiet(TRUMPET), 60.0, 0.01)[0] > 0.7 * _steady(_quiet(TRUMPET), 60.0)[0]
    assert _steady(_quiet(PEDAL), 36.0, 0.01)[0] < 0.3 * _steady(_quiet(PEDAL), 36.0)[0]
    stopped = pipe_render.PIPES["stopped"]
    assert pipe_render.speech_time(PEDAL, stopped, hz_of(36)) > 1.3 * pipe_render.speech_time(
        PEDAL, stopped, hz_of(48)
    )


def test_a_flue_pipe_chiffs_its_octave_first() -> None:
    """The positive's C4, 10 ms in: its second harmonic stands over twice as high against its first
    as the same pipes' with no chiff; once they have spoken (at 0.5 s) the chiff has gone."""
    still = _still(POSITIVE)
    calm = dataclasses.replace(still, chiff=0.0)
    early, quiet_early = _steady(still, 60.0, 0.01), _steady(calm, 60.0, 0.01)
    assert early[1] / early[0] > 2.0 * quiet_early[1] / quiet_early[0]
    late, quiet_late = _steady(still, 60.0, 0.5), _steady(calm, 60.0, 0.5)
    assert late[1] / late[0] == pytest.approx(quiet_late[1] / quiet_late[0], rel=0.02)


def test_a_tremulant_swings_the_level_at_its_rate() -> None:
    """The theatre organ's C4 held 3 s (no chiff, wind or shutters): its level's strongest swing
    between 3 and 15 Hz is within 5% of the tremulant's rate, and it swings by over a fifth; held
    still, it swings by under 5%."""

    def swing(patch: Registration) -> tuple[float, float]:
        held = pipe_render.voice(patch, (60.0,), 100, 3.0, SR)
        step = SR // 210
        level = np.abs(held[SR // 2 : 3 * SR].astype(np.float64)).reshape(-1, step).max(axis=1)
        spectrum = np.abs(np.fft.rfft((level - level.mean()) * np.hanning(level.size), 8 * level.size))
        freqs = np.fft.rfftfreq(8 * level.size, step / SR)
        band = (freqs > 3.0) & (freqs < 15.0)
        return float(freqs[band][np.argmax(spectrum[band])]), float(level.min() / level.max())

    rate, depth = swing(dataclasses.replace(THEATRE, chiff=0.0, wind=0.0, swell=(0.0, 0.0)))
    assert rate == pytest.approx(THEATRE.rate, rel=0.05) and depth < 0.8
    assert swing(_quiet(THEATRE))[1] > 0.95


def test_the_swell_shutters_darken_and_the_pedal_moves_them() -> None:
    """The swell's oboe at C4: with the shutters' shade setting in at 1200 Hz its eighth harmonic is
    under half as loud against its first as at 6000 Hz; the pedal opening them an octave over two
    seconds brightens it as the note goes on."""

    def eighth(shade: tuple[float, float], at: float) -> float:
        frames = np.array([at])
        rng = np.random.default_rng(0)
        levels = np.abs(
            pipe_render.harmonics(ORGAN.programs[68], hz_of(60), 3.0, frames, rng, SR, (0.0, 0.0), shade)
        )
        return float(levels[0, 7] / levels[0, 0])

    assert eighth((1200.0, 0.0), 1.0) < 0.5 * eighth((6000.0, 0.0), 1.0)
    assert eighth((1200.0, 1.0), 2.0) > 1.5 * eighth((1200.0, 1.0), 0.1)


def test_a_celeste_beats_against_its_rank() -> None:
    """The string celeste's two ranks, 7 cents apart, beat: its A4's level at the note falls under a
    tenth of its loudest between 0.5 and 2.5 s; one rank alone holds within 20% of its loudest."""

    def levels(patch: Registration) -> list[float]:
        held = pipe_render.voice(patch, (69.0,), 100, 3.0, SR)
        return [level_at(held, 440.0, start, 0.1) for start in np.arange(0.5, 2.5, 0.05)]

    quiet = dataclasses.replace(CELESTE, chiff=0.0, wind=0.0, swell=(0.0, 0.0))
    beating = levels(quiet)
    assert min(beating) < 0.1 * max(beating)
    alone = levels(dataclasses.replace(quiet, voices=1, detune=0.0))
    assert min(alone) > 0.8**2 * max(alone)


def test_a_key_sounds_the_same_whatever_the_touch() -> None:
    """A pallet opens or does not: a chord on the plenum at velocity 30 is the same audio as at 127."""
    soft = pipe_render.voice(PLENUM, (48.0, 55.0, 64.0), 30, 1.0, SR)
    assert np.array_equal(soft, pipe_render.voice(PLENUM, (48.0, 55.0, 64.0), 127, 1.0, SR))


def test_a_registration_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, tremulant and noise; a
    program or a trap the set lacks is an error, never a stand-in; every stroke stays within its
    level and rings out within its length; a chord stays within a quarter of the patch's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(pipe_render, ORGAN)


def test_the_traps_ring_at_their_tuning_louder_on_second_touch_with_the_motors_puff() -> None:
    """The bass drum's strongest frequency under 100 Hz is within 4% of 52 Hz; the tom-tom struck low
    rings at 96 Hz within 2%; the snare at velocity 127 is louder than at 40; every stroke carries
    its pneumatic motor's puff over its first few milliseconds, which struck_render's stroke alone
    has not."""
    drums = ORGAN.drums.drums
    bass = pipe_render._hit(drums[36], 100, SR)
    assert strongest_near(bass, 55.0, 0.0, 0.5, width=0.3) == pytest.approx(52.0, rel=0.04)
    assert strongest_near(pipe_render._hit(drums[41], 100, SR), 96.0, 0.02, 0.5) == pytest.approx(
        96.0, rel=0.02
    )
    loud, soft = pipe_render._hit(drums[38], 127, SR), pipe_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    for drum in drums.values():
        stroke = (1.0 - pipe_render._PUFF) * struck_render.hit(pipe_render._SALT, drum, 100, SR)
        puff = pipe_render._hit(drum, 100, SR) - stroke
        assert float(np.abs(puff[: SR // 100]).max()) > 0.02 * pipe_render._PUFF * drum.gain
        assert float(np.abs(puff[SR // 10 :]).max(initial=0.0)) < 1e-4


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in PIPE_SETS])
def test_a_split_rendered_by_pipe_render_plays_only_what_its_organ_has(split: str) -> None:
    """pipe_render refuses a program or a trap its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every
    registration measured above; what holds a tone or a free-time chord is held while its key is
    down."""
    kinds = {patch.kind for patch in ORGAN.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, PIPE_SETS[SOUNDFONTS[split]], kinds)
