"""The tape-replay keyboard renderer: its notes' fundamentals, its harmonics at whole multiples, a key
that knows no touch, a strip that runs out, the tape getting up to speed, the capstan's sway and a
chord's sag, the head's bump and a worn tape's lost highs, the recorded accent, the hiss, its levels,
its rhythm tapes, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import tape_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.tape_render import TAPE_SETS, TAPES, Strip

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

VIOLINS = TAPES.programs[49]


def _still(patch: Strip) -> Strip:
    """`patch` as one player with no vibrato, on a machine that neither sways nor starts late: its
    phase runs at the note's frequency."""
    return dataclasses.replace(
        patch, voices=1, vibrato=0.0, wow=0.0, flutter=0.0, drift=0.0, start=0.0, sag=0.0
    )


def _quiet(patch: Strip) -> Strip:
    """`patch` held still, with no noise and no hiss: nothing sounds but its harmonics."""
    return dataclasses.replace(_still(patch), noise=0.0, hiss=0.0)


def _levels(patch: Strip, pitch: float, level: float) -> npt.NDArray[np.float64]:
    """`patch`'s harmonics' levels (the loudest 1) playing `pitch` at the recorded level `level`."""
    return np.abs(tape_render.harmonics(patch, hz_of(pitch), np.array([level]), SR))[0]


@pytest.mark.parametrize("program", sorted(TAPES.programs))
def test_every_strip_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A key on every frame, bent to A=432, from E2 to E5: held still (one player, no vibrato, a machine
    that neither sways nor starts late), the strongest frequency near the note is its pitch within a
    cent; as it is (players, vibrato, wow, flutter, drift and all), within 10 cents. Its first
    harmonic is never under FUNDAMENTAL_FLOOR of the loudest at any recorded level; its players are
    symmetric about the pitch, one on it where they are odd; its level never passes a quarter of its
    gain, and it is silent at its end."""
    patch = TAPES.programs[program]

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        return tape_render.harmonics(patch, hz, tape_render.envelope(patch, 1.0, frames), SR)

    assert_sounds_its_pitch(tape_render, patch, _still(patch), weights)


def test_every_harmonic_sits_at_a_whole_multiple_of_the_note() -> None:
    """C3 held still on the violins, the brass, an oboe and the mixed choir: harmonics 2 to 10 each sit
    within a cent of that multiple of the fundamental, and nothing sounds half-way between two of
    them."""
    for program in (49, 61, 68, 52):
        held = tape_render.voice(_quiet(TAPES.programs[program]), (48.0,), 100, 2.0, SR)
        assert_held_c3_at_whole_multiples(held, program)


def test_a_key_knows_no_touch() -> None:
    """However hard a key is pressed, its strip plays the same recording: a note at velocity 20 is the
    same audio as at 127, and so is a hit off the rhythm tapes."""
    for program in (49, 73, 32):
        patch = TAPES.programs[program]
        soft = tape_render.voice(patch, (60.0,), 20, 1.0, SR)
        assert np.array_equal(soft, tape_render.voice(patch, (60.0,), 127, 1.0, SR))
    kick = TAPES.drums.drums[36]
    assert np.array_equal(tape_render._hit(kick, 20, SR), tape_render._hit(kick, 127, SR))


def test_a_strip_runs_out_and_a_key_let_go_stops_it() -> None:
    """A key held 12 s sounds while its strip runs (TAPE s) and is silent soon after, however long it
    is held; one let go after 3 s stops then; what holds a tone or a chord is sustained while its
    strip runs, and a vibraphone's recording dies within its strip."""
    violins = _quiet(VIOLINS)
    held = tape_render.voice(violins, (57.0,), 100, 12.0, SR)
    release = violins.level[3]
    assert held.size == int((tape_render.TAPE + 6.0 * release) * SR)
    running = level_at(held, hz_of(57), tape_render.TAPE - 0.5, 0.3)
    assert level_at(held, hz_of(57), tape_render.TAPE + 4.0 * release, 0.05) < 1e-3 * running
    let_go = tape_render.voice(violins, (57.0,), 100, 3.0, SR)
    assert let_go.size == int((3.0 + 6.0 * release) * SR)
    assert level_at(let_go, hz_of(57), 2.5, 0.3) > 0.5 * running
    level = tape_render.envelope(violins, 12.0, np.array([3.0, 5.0, 7.5]))
    assert level == pytest.approx(violins.level[2], abs=0.01)
    vibes = tape_render.envelope(TAPES.programs[11], 6.0, np.array([0.005, 5.5]))
    assert vibes[1] < 0.05 * vibes[0]


def test_the_tape_gets_up_to_speed_sways_and_sags_under_a_chord() -> None:
    """A pressed strip starts `start` cents under and is on its pitch (within a hundredth of a cent,
    with no sway) by 100 ms; the capstan's wow and the pinch roller's flutter swing it at their rates
    (the sway's strongest swing over 4 Hz is within 0.3 Hz of the flutter's, and under 2 Hz of the
    wow's); every key of a chord past the first sags it `sag` cents, caught up within a second."""
    times = np.arange(4 * SR) / SR
    rng = np.random.default_rng(0)
    steady = dataclasses.replace(VIOLINS, wow=0.0, flutter=0.0, drift=0.0)
    start = tape_render.transport(steady, 1, times, rng)
    assert start[0] == pytest.approx(-VIOLINS.start, abs=0.01)
    assert abs(start[int(0.1 * SR)]) < 0.01
    sway = tape_render.transport(dataclasses.replace(VIOLINS, start=0.0, drift=0.0), 1, times, rng)
    power = np.abs(np.fft.rfft((sway - sway.mean()) * np.hanning(sway.size)))
    freqs = np.fft.rfftfreq(sway.size, 1 / SR)
    fast, slow = freqs > 4.0, freqs < 2.0
    assert float(freqs[fast][np.argmax(power[fast])]) == pytest.approx(VIOLINS.flutter_rate, abs=0.3)
    assert float(freqs[slow][np.argmax(power[slow])]) == pytest.approx(VIOLINS.wow_rate, abs=0.3)
    assert float(np.abs(sway).max()) <= VIOLINS.wow + VIOLINS.flutter + 1e-9
    sagged = tape_render.transport(dataclasses.replace(steady, start=0.0), 4, times, rng)
    assert sagged[0] == pytest.approx(-3.0 * VIOLINS.sag)
    assert abs(sagged[SR]) < 0.05 * 3.0 * VIOLINS.sag


def test_the_head_lifts_its_bump_and_a_worn_tape_loses_its_highs() -> None:
    """The playback head lifts the harmonics around its bump over those an octave above and loses
    those far under it; the worn frame's violins (program 48) have far less above 3 kHz against their
    fundamental than the same violins on a fresh frame."""
    f = np.array([VIOLINS.bump / 4.0, VIOLINS.bump, 2.0 * VIOLINS.bump])
    lift = tape_render.head(VIOLINS, f)
    assert lift[1] > 1.25 * lift[2] and lift[0] < 0.5 * lift[1]
    worn, fresh = _levels(TAPES.programs[48], 57.0, 1.0), _levels(VIOLINS, 57.0, 1.0)
    high = np.arange(1, worn.size + 1) * hz_of(57.0) > 3000.0
    assert worn[high].sum() / worn[0] < 0.6 * fresh[high].sum() / fresh[0]


def test_the_recorded_accent_is_brighter_than_what_it_holds() -> None:
    """The brass recorded on their strips are darker while their level is low: at the accent (level 1)
    their 6th harmonic stands higher against the first than where they have fallen to a third; a pipe
    organ, whose pipes speak at one colour, is the same at both."""
    brass = TAPES.programs[61]
    accent, held = _levels(brass, 57.0, 1.0), _levels(brass, 57.0, 0.3)
    assert accent[5] / accent[0] > 1.5 * held[5] / held[0]
    organ = TAPES.programs[19]
    assert _levels(organ, 57.0, 1.0) == pytest.approx(_levels(organ, 57.0, 0.3))


def test_the_tape_hisses_while_it_runs_and_the_bow_is_noise_the_harmonics_lack() -> None:
    """A strip's hiss sounds between its harmonics high up while it runs, which the same strip with no
    hiss lacks, and stops with it; the violins' bow is noise between their harmonics that the same
    note with no noise lacks."""
    violins = _still(VIOLINS)
    hissing = tape_render.voice(dataclasses.replace(violins, noise=0.0), (57.0,), 100, 1.5, SR)
    clean = tape_render.voice(_quiet(VIOLINS), (57.0,), 100, 1.5, SR)
    hz = 35.5 * hz_of(57)  # 7.8 kHz: over the violins' partials
    assert level_at(hissing, hz, 0.5, 0.5) > 10 * level_at(clean, hz, 0.5, 0.5)
    stopped = 1.5 + 4.0 * violins.level[3]
    assert level_at(hissing, hz, stopped, 0.05) < 0.01 * level_at(hissing, hz, 0.5, 0.05)
    bowed = tape_render.voice(dataclasses.replace(violins, hiss=0.0), (57.0,), 100, 1.5, SR)
    assert level_at(bowed, 12.5 * hz_of(57), 0.5, 0.5) > 10 * level_at(clean, 12.5 * hz_of(57), 0.5, 0.5)


def test_a_strip_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a strip or a hit is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has another sway, vibrato and noise; a program
    or a drum the set lacks is an error, never a stand-in; every hit stays within its level and rings
    out within its length; a chord stays within a quarter of the strip's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(tape_render, TAPES)


def test_the_rhythm_tapes_kick_falls_and_the_hand_drums_ring_at_their_pitch() -> None:
    """The kick starts above its pitch and falls to it: its strongest frequency in its first 15 ms is
    above 64 Hz, in 0.08-0.3 s within 4% of 58 Hz; the high bongo rings at 395 Hz and the open conga
    at 330 Hz, each within 2%, through the rhythm tape's head."""
    kick = tape_render._hit(TAPES.drums.drums[36], 100, SR)
    assert strongest_near(kick, 75.0, seconds=0.015, width=0.4) > 64.0
    assert strongest_near(kick, 58.0, start=0.08, seconds=0.22, width=0.3) == pytest.approx(58.0, rel=0.04)
    for drum, hz in ((60, 395.0), (63, 330.0)):
        hit = tape_render._hit(TAPES.drums.drums[drum], 100, SR)
        assert strongest_near(hit, hz, seconds=0.1, width=0.1) == pytest.approx(hz, rel=0.02)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in TAPE_SETS])
def test_a_split_rendered_by_tape_render_plays_only_what_its_frames_have(split: str) -> None:
    """tape_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind of strip
    measured above; what holds a tone or a free-time chord sustains while its strip runs."""
    kinds = {patch.kind for patch in TAPES.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, TAPE_SETS[SOUNDFONTS[split]], kinds)
