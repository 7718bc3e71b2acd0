"""The sound chip renderer: its patches, arpeggios, noise and levels, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import chip_render
from soundforge.testing.chip_render import CHIP, CHIP_SETS, DUTIES, VOLUME_STEPS, Patch
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note

from .test_analysis_labelled_clips import (
    SR,
    assert_draws_only_what_its_set_has,
    assert_renders_the_same_twice,
    assert_sounds_within_a_cent,
)


def _periodic_at(samples: npt.NDArray[np.float32], pitch: int) -> float:
    """How alike `samples` is to itself one period of `pitch` (MIDI) later: 1 for a wave of that pitch
    alone, less for another pitch or several at once (the lag read between samples)."""
    lag = SR / (440.0 * 2 ** ((pitch - 69) / 12))
    times = np.arange(samples.size - int(np.ceil(lag)))
    later = np.interp(times + lag, np.arange(samples.size), samples.astype(np.float64))
    now = samples[: times.size].astype(np.float64)
    return float(np.dot(now, later) / np.sqrt(np.dot(now, now) * np.dot(later, later)))


@pytest.mark.parametrize("program", sorted(CHIP.programs))
def test_every_patch_sounds_the_pitch_it_is_given(program: int) -> None:
    """A note on every patch, bent to A=432, sounds its pitch within a cent from the bass's E2 to the
    lead's E5, slide, vibrato, duty sweep, crushed DAC and all; its duties are the chip's own, its
    level never passes the patch's gain, and it is silent once its release is over."""
    patch = CHIP.programs[program]
    assert set(patch.duty) <= set(DUTIES) and patch.wave in ("pulse", "triangle")
    for note in (40, 64, 76):
        held = chip_render._voice(patch, (note - 0.31,), 100, 2.0, SR)
        assert_sounds_within_a_cent(held, note - 0.31)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert held.size == int((2.0 + patch.level[3]) * SR) or not patch.sustained


def test_a_volume_holds_sixteen_steps_set_once_a_frame() -> None:
    """The chip's volume is 4 bits: a note's level takes at most 16 values, each held a whole frame
    (a decaying patch's steps are heard, as on the chip), and its duty sweep moves frame by frame."""
    patch = CHIP.programs[5]  # an electric piano: decaying to nothing
    assert not patch.sustained
    steady = dataclasses.replace(patch, wave="pulse", duty=(0.5,), band_limited=False, crush=(0, 1))
    held = chip_render._voice(steady, (69.0,), 127, 1.0, SR)
    levels = np.unique(np.round(np.abs(held[np.abs(held) > 0]) / (0.25 * patch.gain * 0.5), 9))
    assert 2 < levels.size <= VOLUME_STEPS + 1
    assert np.allclose(levels * VOLUME_STEPS, np.round(levels * VOLUME_STEPS))
    frame = SR / chip_render.FRAME_RATE
    changes = np.flatnonzero(np.diff(np.abs(held)) < -1e-9)  # where the level falls, not the wave
    assert all(abs(k + 1 - frame * round((k + 1) / frame)) <= 1 for k in changes[:20])


@pytest.mark.parametrize("program", [p for p in sorted(CHIP.programs) if CHIP.programs[p].arpeggio])
def test_a_chord_is_an_arpeggio_through_its_pitch_classes(program: int) -> None:
    """A chord struck on an arpeggiating patch (its notes a score's jitter apart) sounds one note at a
    time, from the lowest up and round again, each for the patch's frames: every turn's pitch is the
    chord's next note, and over the chord's length every pitch class of the chord sounds in turn."""
    patch = CHIP.programs[program]
    chord = (60, 64, 67, 71)
    notes = [Note(0.1 + 0.003 * k, 1.2, pitch, 90, 0) for k, pitch in enumerate(reversed(chord))]
    chip_render._SOUNDED.clear()
    samples = chip_render.render(notes, {0: program}, 2.0, SR, 0.0, CHIP)
    turn = round(patch.arpeggio * SR / chip_render.FRAME_RATE)
    start = round(0.1 * SR) + 3 * turn  # past a swell's first frames
    heard = []
    for k in range(12):
        frame = samples[start + k * turn + turn // 6 : start + (k + 1) * turn - turn // 6]
        alike = {pitch: _periodic_at(frame, pitch) for pitch in range(60, 76)}  # C4 to D#5
        heard.append(max(alike, key=alike.__getitem__))
        assert alike[heard[-1]] > 0.9  # one note at a time
    expected = [chord[(3 + k) % len(chord)] for k in range(12)]
    assert heard == expected
    assert {p % 12 for p in heard} == {p % 12 for p in chord}


def test_a_patch_that_does_not_arpeggiate_sounds_a_chord_at_once() -> None:
    """A chord on a patch with no arpeggio sounds all its notes together, each on a channel of its own."""
    chord = (60, 64, 67)
    notes = [Note(0.1, 1.0, pitch, 90, 0) for pitch in chord]
    samples = chip_render.render(notes, {0: 48}, 1.5, SR, 0.0, CHIP)[SR // 2 : SR]
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    freqs = np.fft.rfftfreq(samples.size, 1 / SR)
    for pitch in chord:
        near = np.abs(freqs - 440.0 * 2 ** ((pitch - 69) / 12)) < 3.0
        assert spectrum[near].max() > 0.3 * spectrum.max()


def test_the_noise_channel_is_the_chips_register() -> None:
    """The noise is a 15-bit LFSR's: a long mode 32767 bits round with as many ones as zeros but one,
    a short (metallic) mode 93 bits round; every drum is those bits under a decay, the same every run,
    and no hit passes its gain."""
    long, short = chip_render.lfsr(False), chip_render.lfsr(True)
    assert long.size == 2**15 - 1 and int(long.sum()) == 2**14
    assert short.size == 93
    for drum in CHIP.drums.drums.values():
        hit = chip_render._hit(drum, 127, SR)
        assert np.array_equal(hit, chip_render._hit(drum, 127, SR))
        assert 0.01 < float(np.abs(hit).max()) <= 0.25 * drum.gain * 2
        assert float(np.abs(hit[-SR // 100 :]).max()) == 0.0  # rung out within its length


def test_the_pulse_edges_are_band_limited() -> None:
    """A band-limited pulse at a high note holds far less energy between its harmonics (aliases) than
    the naive one the chip's DAC steps out, and both sound the same note."""
    patch = Patch("pulse", (0.001, 1.0, 1.0, 0.05), duty=(0.125,))
    note = 96 - 0.31  # C7, bent: its harmonics above the rate's limit fold back between them
    f0 = 440.0 * 2 ** ((note - 69) / 12)

    def aliased(band_limited: bool) -> float:
        held = chip_render._voice(
            dataclasses.replace(patch, band_limited=band_limited), (note,), 100, 1.5, SR
        )
        window = held[SR // 4 : SR // 4 + SR].astype(np.float64)
        spectrum = np.abs(np.fft.rfft(window * np.hanning(window.size))) ** 2
        freqs = np.fft.rfftfreq(window.size, 1 / SR)
        between = np.abs(freqs / f0 - np.round(freqs / f0)) * f0 > 10.0
        return float(spectrum[between].sum() / spectrum.sum())

    assert aliased(True) < 0.25 * aliased(False)


def test_a_patch_renders_the_same_twice_and_refuses_what_it_lacks() -> None:
    """Nothing in a patch or a drum is random: a render is the same with the note cache emptied; a
    program or a drum the set lacks is an error, never a stand-in."""
    for program in CHIP.programs:
        assert_renders_the_same_twice(chip_render, CHIP, program)
    with pytest.raises(KeyError):
        chip_render.render([Note(0.1, 0.5, 60, 90, 0)], {0: 0}, 1.0, SR, 0.0, CHIP)
    with pytest.raises(KeyError):
        chip_render.render([Note(0.1, 0.1, 81, 90, 9)], {9: 0}, 1.0, SR, 0.0, CHIP)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in CHIP_SETS])
def test_a_split_rendered_by_chip_render_plays_only_what_its_patches_have(split: str) -> None:
    """chip_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has pulse and triangle
    patches, arpeggios, vibratos, slides and crushed DACs, each measured above."""
    chip_set = CHIP_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, chip_set)
    patches = list(chip_set.programs.values())
    assert {p.wave for p in patches} == {"pulse", "triangle"}
    assert all(any(check(p) for p in patches) for check in _FEATURES)


_FEATURES = (
    lambda p: p.arpeggio > 0,
    lambda p: p.vibrato[0] > 0,
    lambda p: p.slide[0] != 0,
    lambda p: p.crush != (0, 1),
    lambda p: len(set(p.duty)) > 1,
    lambda p: not p.band_limited,
)
