"""Notes to audio through waveguide models of plucked and bowed strings (Karplus-Strong), and a drum kit."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import voice_render
from soundforge.testing.sample_render import SampleSet

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]

_RELEASE = 0.07  # s: a finger or the bow lifting damps the string this fast
_BOW_ATTACK = 0.09  # s: a bow's stroke builds up this slowly
_SIDE_PLUCKED, _SIDE_BOWED = 0.12, 0.04  # the loss filter's outer taps
_MOST = 0.9999  # the loop's gain at 0 Hz at most
_HISS = 0.15  # the bow's noise against the string's first period


@dataclass(frozen=True)
class String:
    """One string model: a delay line one period long closed by a symmetric three-tap loss filter (a
    string's loss at every reflection, stronger for its higher harmonics), plucked once by a burst of noise or
    driven by a bow's noise as long as the note is held."""

    bowed: bool  # driven as long as the note is held (and sustained); else plucked once
    ring: float  # s: how long its fundamental takes to fall 60 dB, left alone
    position: float  # where along its length it is plucked or bowed (0-0.5): the harmonics it leaves out
    brightness: float  # the excitation's share of high frequencies at full velocity (0-1)
    gain: float = 1.0  # levels it against the set's other models

    @property
    def sustained(self) -> bool:
        return self.bowed


# General MIDI programs to string models, and the drum channel to a recorded kit.
StringSet = voice_render.VoiceSet[String]


# Every model is computed here (no samples, no synthesizer): its pitch is exact by construction (the
# loop's delay is a whole number of samples at a rate chosen so that it is one period, resampled to
# the output's), its harmonics are whole multiples of the fundamental, and its noise is seeded by the
# note, so a render is the same on every run. Drums from Hydrogen's Millo-Drums (Emiliano Grilli, a
# Ludwig kit recorded for a sixties sound; GPL-2, Debian's hydrogen-drumkits, `make apt`).
_MILLO = Path("/usr/share/hydrogen/data/drumkits/Millo-Drums_v.1")
STRINGS = StringSet(
    root=Path(__file__).with_name("waveguide-strings"),
    programs={
        24: String(False, ring=2.6, position=0.17, brightness=0.55, gain=1.0),  # nylon-string guitar
        25: String(False, ring=3.6, position=0.11, brightness=0.85, gain=0.9),  # steel-string guitar
        32: String(False, ring=1.8, position=0.26, brightness=0.3, gain=1.6),  # upright bass, plucked
        33: String(False, ring=4.5, position=0.14, brightness=0.45, gain=1.3),  # electric bass, fingered
        42: String(True, ring=25.0, position=0.13, brightness=0.5, gain=0.5),  # cello, bowed
        46: String(False, ring=4.0, position=0.4, brightness=0.35, gain=1.1),  # harp
        48: String(True, ring=30.0, position=0.16, brightness=0.45, gain=0.5),  # a string section
        105: String(False, ring=0.9, position=0.07, brightness=1.0, gain=0.9),  # banjo
        107: String(False, ring=1.6, position=0.09, brightness=0.9, gain=0.9),  # koto
        110: String(True, ring=20.0, position=0.1, brightness=0.7, gain=0.45),  # fiddle, bowed
    },
    drums=SampleSet(
        root=_MILLO,
        programs={},
        kit=_MILLO,
        drums={
            36: "bd1",
            37: "stick_Woody",
            38: "snare1",
            39: "clap_Dry_c",
            40: "snare3",
            41: "tom2_1",
            42: "closehihat3",
            44: "pedalhihat",
            46: "openhat2",
            48: "tom1_1",
            49: "crash",
            51: "ride1",
            56: "misc_Cowbell",
            57: "cra_Rock_a",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.flac",),
    ),
    drum_gain=0.45,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The string sets a render may name in place of a soundfont (midi_render.render_notes).
STRING_SETS = {STRINGS.root: STRINGS}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, string_set: StringSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's string, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, string_set, _string, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[String] = {}


def _string(model: String, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The string's output at `sample_rate`: computed at a rate where its loop (a delay of `period`
    samples and the loss filter's one) is exactly one period of `pitch`, then resampled."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    period = max(4, math.ceil(sample_rate / f0) - 1)
    rate = f0 * (period + 1)
    rings = held if model.bowed else min(held, 1.5 * model.ring)
    size = int((rings + _RELEASE) * rate) + 1
    rng = np.random.default_rng([round(pitch * 1000), velocity, round(model.position * 1000)])
    strength = velocity / 127.0
    phase = np.arange(period + 1) / (period + 1)
    if model.bowed:  # a bowed string's Helmholtz motion: a sawtooth
        shape = phase - 0.5
    else:  # a plucked one starts as a triangle, drawn out to its peak where it is plucked
        shape = np.where(
            phase < model.position, phase / model.position, (1.0 - phase) / (1.0 - model.position)
        )
    shape = shape - shape.mean() + 0.1 * rng.uniform(-1.0, 1.0, period + 1)
    # Softer notes are darker: the excitation through a one-pole low-pass.
    smoothing = 1.0 - model.brightness * (0.45 + 0.55 * strength)
    excitation = signal.lfilter([1.0 - smoothing], [1.0, -smoothing], np.tile(shape, 2))[period + 1 :]
    if model.bowed:  # bowed at `position` of its length: the harmonics with a node there are not excited
        offset = max(1, round(model.position * (period + 1)))
        excitation[offset:] -= excitation[:-offset].copy()
    # Per round trip the fundamental loses what makes it fall 60 dB in `ring`; a symmetric three-tap
    # filter (a delay of exactly one sample) takes more of the high harmonics, a plucked string's more.
    # (never above 1 at 0 Hz, so a high note, whose fundamental the filter also takes, dies sooner).
    side = _SIDE_BOWED if model.bowed else _SIDE_PLUCKED
    at_fundamental = 1.0 - 2.0 * side + 2.0 * side * math.cos(2.0 * math.pi / (period + 1))
    gain = min(10.0 ** (-3.0 / (model.ring * f0)) / at_fundamental, _MOST)
    side_gain, middle_gain = gain * side, gain * (1.0 - 2.0 * side)
    line = np.zeros(period + 2 + size)
    drive = np.zeros(size)
    drive[: min(period + 1, size)] = excitation[:size]
    for start in range(0, size, period):
        end = min(start + period, size)
        here, count = period + 2 + start, end - start
        back = here - period
        line[here : here + count] = (
            drive[start:end]
            + side_gain * (line[back : back + count] + line[back - 2 : back - 2 + count])
            + middle_gain * line[back - 1 : back - 1 + count]
        )
    wave = line[period + 2 :]
    times = np.arange(size) / rate
    if model.bowed:  # the bow's stroke builds the note up and its rosin hisses under it
        hiss = signal.lfilter([1.0 - smoothing], [1.0, -smoothing], rng.uniform(-1.0, 1.0, size))
        wave = wave * np.minimum(1.0, times / _BOW_ATTACK) + _HISS * np.std(wave[: period + 1]) * hiss
    wave = wave * np.clip((rings + _RELEASE - times) / _RELEASE, 0.0, 1.0)
    out_size = int((rings + _RELEASE) * sample_rate)
    resampled = np.interp(np.arange(out_size) * rate / sample_rate, np.arange(size), wave)
    return (model.gain * strength * resampled).astype(np.float32)
