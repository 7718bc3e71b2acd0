"""The hammer renderer: its notes' fundamentals, a piano's stretched partials, its unisons' beating,
its hammers' brightness, its tremolos and dampers, its levels, and what a split it renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest
import scipy.signal

from soundforge.testing import hammer_render
from soundforge.testing.hammer_render import HAMMER, HAMMER_SETS, Hammered
from soundforge.testing.labelled_material import SOUNDFONTS, sustained_programs

from .test_analysis_labelled_clips import (
    SR,
    assert_drawn_by_its_seed_and_strict,
    assert_draws_only_what_its_set_has,
    assert_every_drum_hits_the_same_twice,
    assert_renders_the_same_twice,
)


def _hz(pitch: float) -> float:
    return 440.0 * 2 ** ((pitch - 69) / 12)


def _strongest_near(
    samples: npt.NDArray[np.float32], hz: float, seconds: float = 1.0, width: float = 0.1
) -> float:
    """The strongest frequency within `width` of `hz` in the first `seconds` of `samples` (a zero-padded
    spectrum resolving 1/32 Hz over a second)."""
    size = int(seconds * SR)
    spectrum = np.abs(np.fft.rfft(samples[:size] * np.hanning(size), 32 * SR))
    freqs = np.fft.rfftfreq(32 * SR, 1 / SR)
    band = (freqs > (1 - width) * hz) & (freqs < (1 + width) * hz)
    return float(freqs[band][np.argmax(spectrum[band])])


def _one_string(patch: Hammered) -> Hammered:
    """`patch` with its course's strings on one pitch and struck once."""
    return dataclasses.replace(patch, unison=0.0, tremolo=0.0)


@pytest.mark.parametrize("program", sorted(HAMMER.programs))
def test_every_patch_sounds_its_fundamental_at_its_pitch(program: int) -> None:
    """A note on every patch, bent to A=432, from the bass's E2 to the lead's E5: with its course's
    strings on one pitch, the strongest frequency near the note is the note's pitch bent within a
    cent (struck again and again, within 8: its strokes, each at its own time, blur the peak); as it
    is, its course's strings are symmetric about the pitch, each within the patch's spread. Its level
    never passes a quarter of its gain, and it is silent at its end."""
    patch = HAMMER.programs[program]
    for note in (40, 64, 76):
        pitch = note - 0.31
        held = hammer_render.voice(patch, (pitch,), 100, 2.0, SR)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert float(np.abs(held[-5:]).max()) < 0.01 * float(np.abs(held).max())  # rung out
        cents = hammer_render.course_cents(patch, note)
        assert sum(cents) == pytest.approx(0.0) and max(map(abs, cents)) <= patch.unison + 1e-9
        single = hammer_render.voice(_one_string(patch), (pitch,), 100, 2.0, SR)
        got = _strongest_near(single, _hz(pitch))
        assert 1200 * np.log2(got / _hz(pitch)) == pytest.approx(0.0, abs=1.0)
        if patch.tremolo:
            got = _strongest_near(held, _hz(pitch), seconds=2.0)
            assert 1200 * np.log2(got / _hz(pitch)) == pytest.approx(0.0, abs=8.0)


def test_a_pianos_partials_are_stretched_by_its_strings_stiffness() -> None:
    """A grand's C3 and C6, one string each: the n-th partial sits at n f0 sqrt(1 + B n^2) /
    sqrt(1 + B) for the string's own B (within 0.5 cents), sharp of the n-th harmonic by more the
    higher it is; C6's string is stiffer than C3's (B grows up the treble)."""
    patch = dataclasses.replace(_one_string(HAMMER.programs[0]), pedal=False, board=())
    low, high = (hammer_render.stiffness_of(patch, key, _hz(key)) for key in (48, 84))
    assert high > 5 * low > 0
    held = hammer_render.voice(patch, (48.0,), 127, 2.0, SR)
    fundamental = _strongest_near(held, _hz(48), width=0.03)
    sharp = []
    for n in (2, 4, 6, 8):
        expected = hammer_render.partial_hz(n, _hz(48), low)
        got = _strongest_near(held, expected, width=0.01)
        assert 1200 * np.log2(got / expected) == pytest.approx(0.0, abs=0.5)
        sharp.append(1200 * np.log2(got / (n * fundamental)))
    assert sharp == sorted(sharp) and sharp[-1] > 1.0
    treble = hammer_render.voice(patch, (84.0,), 127, 1.0, SR)
    second = _strongest_near(treble, 2 * _hz(84), width=0.03)
    stretch = 1200 * np.log2(second / (2 * _strongest_near(treble, _hz(84), width=0.03)))
    assert stretch == pytest.approx(1200 * np.log2(hammer_render.partial_hz(2, 1.0, high) / 2), abs=0.5)
    assert stretch > 1200 * np.log2(hammer_render.partial_hz(2, 1.0, low) / 2)


def test_unison_strings_beat_and_one_string_does_not() -> None:
    """An upright's A4 (a honky-tonk: three strings cents apart): its fundamental's level, its two-stage
    decay taken out, swells and fades at the beat its strings make (the middle one against an outer one,
    or the outer two against each other); on one string it only decays."""
    patch = dataclasses.replace(HAMMER.programs[3], pedal=False, board=())
    cents = hammer_render.course_cents(patch, 69)
    assert len(cents) == 3 and cents[-1] > 3.0
    beat = _hz(69) * (2 ** (cents[-1] / 1200) - 1)  # the middle string against an outer one
    for tried, beats in ((patch, True), (_one_string(patch), False)):
        held = hammer_render.voice(tried, (69.0,), 100, 4.0, SR)
        sos = scipy.signal.butter(2, (_hz(69) - 20, _hz(69) + 20), btype="bandpass", fs=SR, output="sos")
        level = np.abs(scipy.signal.hilbert(scipy.signal.sosfiltfilt(sos, held.astype(np.float64))))
        level = level[SR // 4 : 3 * SR]
        times = np.arange(level.size) / SR + 0.25
        prompt, after, share = hammer_render.decays_of("upright", _hz(69))
        swing = level / ((1 - share) * np.exp(-times / prompt) + share * np.exp(-times / after))
        depth = (swing.max() - swing.min()) / swing.mean()
        if not beats:
            assert depth < 0.1
            continue
        assert depth > 0.3
        wobble = np.abs(np.fft.rfft((swing - swing.mean()) * np.hanning(swing.size), 16 * swing.size))
        rates = np.fft.rfftfreq(16 * swing.size, 1 / SR)
        slow = (rates > 0.3) & (rates < 10.0)
        strongest = float(rates[slow][np.argmax(wobble[slow])])
        assert strongest == pytest.approx(beat, rel=0.15) or strongest == pytest.approx(2 * beat, rel=0.15)


def test_a_harder_blow_is_brighter_and_a_piano_dies_in_two_stages() -> None:
    """The hammer's contact time shortens with velocity: a grand's C4 struck at 127 has more of its
    power above its fundamental's second partial than struck at 30; a harpsichord's pluck is as
    bright either way. A grand's note falls fast, then slower (its aftersound): its level falls more
    from 0.1 s to 0.6 s than from 1.5 s to 2 s."""
    grand = dataclasses.replace(_one_string(HAMMER.programs[0]), pedal=False, board=())

    def bright(patch: Hammered, velocity: int) -> float:
        held = hammer_render.voice(patch, (60.0,), velocity, 1.0, SR, seed=[0]).astype(np.float64)
        power = np.abs(np.fft.rfft(held[: SR // 4] * np.hanning(SR // 4))) ** 2
        freqs = np.fft.rfftfreq(SR // 4, 1 / SR)
        return float(power[freqs > 2.5 * _hz(60)].sum() / power.sum())

    assert bright(grand, 127) > 1.4 * bright(grand, 30)
    assert hammer_render.contact_of(grand, _hz(60), 127) < hammer_render.contact_of(grand, _hz(60), 30)
    harpsichord = HAMMER.programs[6]
    assert hammer_render.contact_of(harpsichord, _hz(60), 127) == hammer_render.contact_of(
        harpsichord, _hz(60), 30
    )
    held = hammer_render.voice(grand, (60.0,), 100, 3.0, SR)

    def level(at: float) -> float:
        return float(np.sqrt(np.mean(held[int(at * SR) : int((at + 0.1) * SR)].astype(np.float64) ** 2)))

    early = np.log(level(0.1) / level(0.6))
    late = np.log(level(1.5) / level(2.0))
    assert early > 2 * late > 0


def test_a_pickup_barks_harder_the_harder_a_tine_is_struck() -> None:
    """A tine piano's A3 (one strike, no pedal): its 2nd and 3rd harmonics against its fundamental grow
    with velocity (the pickup's curve), and nothing sounds between its harmonics but the tine's brief
    clang."""
    patch = dataclasses.replace(HAMMER.programs[4], pedal=False)

    def harmonics(velocity: int) -> float:
        held = hammer_render.voice(patch, (57.0,), velocity, 1.0, SR, seed=[0]).astype(np.float64)
        part = held[int(0.1 * SR) : int(0.6 * SR)]
        power = np.abs(np.fft.rfft(part * np.hanning(part.size), 4 * part.size)) ** 2
        freqs = np.fft.rfftfreq(4 * part.size, 1 / SR)

        def at(hz: float) -> float:
            return float(power[np.abs(freqs - hz) < 3].max())

        assert at(1.5 * _hz(57)) < 1e-3 * at(_hz(57))
        return (at(2 * _hz(57)) + at(3 * _hz(57))) / at(_hz(57))

    assert harmonics(127) > 3 * harmonics(30)


def test_a_damper_stops_a_note_the_pedal_and_a_tremolo_hold_it() -> None:
    """A grand's C4 let go after 0.5 s with its damper down is silent once the damper has stopped it;
    with the pedal held it still rings 0.2 s later; a cimbalom's tremolo is as loud three seconds in
    as half a second in (within a factor of two), and the same cimbalom struck once has died by
    10 dB."""
    grand = HAMMER.programs[0]
    damped = hammer_render.voice(dataclasses.replace(grand, pedal=False), (60.0,), 100, 0.5, SR)
    ringing = hammer_render.voice(dataclasses.replace(grand, pedal=True), (60.0,), 100, 0.5, SR)
    assert damped.size == int((0.5 + hammer_render.DAMPING) * SR) and ringing.size > 2 * damped.size
    peak = float(np.abs(damped).max())
    assert float(np.abs(damped[-5:]).max()) < 0.01 * peak
    after = int(0.7 * SR)
    assert float(np.abs(ringing[after : after + SR // 10]).max()) > 0.1 * float(np.abs(ringing).max())
    tremolo = HAMMER.programs[48]
    assert tremolo.tremolo > 0
    for patch, holds in ((tremolo, True), (dataclasses.replace(tremolo, tremolo=0.0), False)):
        held = hammer_render.voice(patch, (60.0,), 100, 4.0, SR)

        def level(at: float, held: npt.NDArray[np.float32] = held) -> float:
            return float(np.sqrt(np.mean(held[int(at * SR) : int((at + 0.25) * SR)].astype(np.float64) ** 2)))

        if holds:
            assert 0.5 < level(3.0) / level(0.5) < 2.0
        else:
            assert level(3.0) < 0.3 * level(0.5)


def test_a_patch_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a patch or a drum is random but what its seed draws: a render is the same with the
    note cache emptied; a tremolo drawn with another seed strikes at other times; a program or a
    drum the set lacks is an error, never a stand-in; every drum stays within its level and rings
    out within its length."""
    for program in HAMMER.programs:
        assert_renders_the_same_twice(hammer_render, HAMMER, program)
    assert_drawn_by_its_seed_and_strict(hammer_render, HAMMER, 48, absent_program=2)
    assert_every_drum_hits_the_same_twice(hammer_render, HAMMER)


def test_every_patch_is_drawn_within_its_ranges() -> None:
    """Each patch's stiffness within its kind's range (none for a tine, a reed or a rod), its
    tremolo within the cimbalom player's rates, its board's resonances within a soundboard's band."""
    for patch in HAMMER.programs.values():
        assert patch.kind in hammer_render.DECAYS
        if patch.kind in hammer_render.STIFFNESS:
            low, high = hammer_render.STIFFNESS[patch.kind]
            assert low <= patch.stiffness <= high
        else:
            assert patch.stiffness == 0.0
        assert patch.tremolo == 0.0 or (
            hammer_render.TREMOLO_RATES[0] <= patch.tremolo <= hammer_render.TREMOLO_RATES[1]
        )
        assert all(90.0 <= hz <= 2500.0 for hz in patch.board)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in HAMMER_SETS])
def test_a_split_rendered_by_hammer_render_plays_only_what_its_patches_have(split: str) -> None:
    """hammer_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every kind
    measured above, patches with the pedal held and without; what holds a tone or a free-time chord
    is a tremolo, never struck once."""
    hammer_set = HAMMER_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, hammer_set)
    patches = list(hammer_set.programs.values())
    assert {p.kind for p in patches} == set(hammer_render.DECAYS)
    assert {p.pedal for p in patches} == {True, False}
    held = [hammer_set.programs[program] for program in {*sustained_programs(split), 48}]
    assert all(p.tremolo > 0 for p in held)
