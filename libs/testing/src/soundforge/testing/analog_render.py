"""Notes to audio through virtual analog synthesizer patches computed in numpy, and a drum kit."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import voice_render
from soundforge.testing.sample_render import SampleSet

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]

_TABLE = 2048  # samples per cycle of a wavetable: 1024 harmonics of half the note's frequency
_HOP = 256  # output samples between two wavetables (the envelopes and the sweep move this often)
_NYQUIST_SHARE = 0.45  # harmonics above this share of the output rate are left out: no aliasing
_PLUCK_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its decays
_PWM_RATE = 0.7  # Hz: how fast a pulse's width sways, where it sways


@dataclass(frozen=True)
class Patch:
    """One patch of a polyphonic analog synthesizer, computed: a sawtooth and a pulse (its width
    swaying where `sweep` says), `voices` copies detuned symmetrically around the note, a square an
    octave down, all through a resonant 24 dB/octave low-pass whose cutoff follows the note and an
    envelope (`lowpass`), and an amplitude envelope (`level`)."""

    saw: float  # the sawtooth's share of the oscillators; the rest is the pulse
    width: float = 0.5  # the pulse's width (0.5: a square wave)
    sweep: float = 0.0  # how far the width sways either side of `width`
    voices: int = 1
    detune: float = 0.0  # cents from the centre to the outermost voice
    sub: float = 0.0  # the octave-down square's level against the oscillators
    # The low-pass: its cutoff at rest in harmonics of the note, the harmonics its envelope adds at
    # full velocity, the seconds that envelope falls over after the attack, its Q (peak at the cutoff).
    lowpass: tuple[float, float, float, float] = (4.0, 0.0, 0.3, 1.0)
    # The amplitude: its attack and its decay toward the level it sustains (s), that level, its release (s).
    level: tuple[float, float, float, float] = (0.005, 0.3, 1.0, 0.08)
    gain: float = 1.0  # levels it against the set's other patches

    @property
    def sustained(self) -> bool:
        return self.level[2] > 0.0


# General MIDI programs to analog patches, and the drum channel to a recorded kit.
PatchSet = voice_render.VoiceSet[Patch]


# Every patch is computed here (no samples, no synthesizer program): a wavetable per _HOP samples
# holds one cycle of the oscillators at half the note's frequency (the octave-down square's), their
# harmonics weighted by the low-pass's response at that moment, read at the note's exact frequency,
# so its pitch is exact by construction and its harmonics whole multiples; the voices' phases are
# seeded by the note, so a render is the same on every run. Drums from Hydrogen's ElectricEmpireKit
# (ArtemioLabs, synthesized from noise and sine waves; GPL, Debian's hydrogen-drumkits, `make apt`).
_EMPIRE = Path("/usr/share/hydrogen/data/drumkits/ElectricEmpireKit")
ANALOG = PatchSet(
    root=Path(__file__).with_name("analog-patches"),
    programs={
        # Basses: a sawtooth and its sub through a resonant filter snapping shut; a narrow pulse, rounder.
        38: Patch(1.0, sub=0.5, lowpass=(2.0, 9.0, 0.16, 1.8), level=(0.005, 0.5, 0.55, 0.05), gain=1.2),
        39: Patch(0.0, 0.3, sub=0.6, lowpass=(3.0, 4.0, 0.25, 1.2), level=(0.005, 0.6, 0.6, 0.06), gain=1.1),
        # Chords: a polysynth that plucks and settles, brass that swells, a pulse-width ensemble, a
        # string machine's detuned sawtooths (what free-time chords put under them too), a warm pad.
        90: Patch(
            0.6, 0.4, voices=2, detune=5.0, lowpass=(2.5, 8.0, 0.35, 1.4), level=(0.005, 0.6, 0.45, 0.15)
        ),
        62: Patch(
            1.0, voices=2, detune=4.0, lowpass=(2.0, 5.0, 0.5, 1.1), level=(0.06, 0.4, 0.8, 0.12), gain=0.9
        ),
        50: Patch(
            0.0,
            sweep=0.2,
            voices=3,
            detune=6.0,
            lowpass=(5.0, 0.0, 0.3, 0.9),
            level=(0.15, 0.3, 1.0, 0.35),
            gain=0.9,
        ),
        48: Patch(
            1.0, voices=3, detune=7.0, lowpass=(4.0, 0.0, 0.3, 0.8), level=(0.2, 0.3, 1.0, 0.4), gain=0.8
        ),
        89: Patch(0.8, voices=2, detune=3.0, lowpass=(2.5, 1.5, 1.2, 1.0), level=(0.35, 0.3, 1.0, 0.5)),
        # Leads: two sawtooths a few cents apart, a square, a softer pulse filtered low.
        81: Patch(
            1.0, voices=2, detune=6.0, lowpass=(5.0, 6.0, 0.2, 1.6), level=(0.005, 0.3, 0.8, 0.08), gain=0.7
        ),
        80: Patch(0.0, lowpass=(6.0, 4.0, 0.15, 1.2), level=(0.005, 0.2, 0.85, 0.06), gain=0.7),
        82: Patch(0.0, sweep=0.1, lowpass=(1.6, 0.0, 0.3, 0.8), level=(0.03, 0.3, 1.0, 0.1), gain=0.9),
    },
    drums=SampleSet(
        root=_EMPIRE,
        programs={},
        kit=_EMPIRE,
        drums={
            36: "EE_Kick_Power",
            37: "EE_Click",
            38: "EE_Snare_2",
            39: "EE_Clap",
            40: "EE_Snare_1",
            42: "EE_Hat_Cl_Dirty",
            44: "EE_Hat_Ring_1",
            46: "EE_Hat_Op_Dirty",
            51: "EE_Hat_Ring_2",  # no ride: a ringing hat, as an electronic kit covers one
            62: "EE_Conga_1",
            64: "EE_Conga_2",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.flac",),
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The patch sets a render may name in place of a soundfont (midi_render.render_notes).
PATCH_SETS = {ANALOG.root: ANALOG}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, patch_set: PatchSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's patch, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, patch_set, _voice, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Patch] = {}


def _lowpass(ratio: npt.NDArray[np.float64], resonance: float) -> npt.NDArray[np.float64]:
    """A 24 dB/octave low-pass's gain at `ratio` times its cutoff: a resonant two-pole section (its
    peak `resonance` at the cutoff) and a flat one (Q 0.707)."""
    squared = ratio**2
    peaked = 1.0 / np.sqrt((1.0 - squared) ** 2 + squared / resonance**2)
    flat = 1.0 / np.sqrt((1.0 - squared) ** 2 + 2.0 * squared)
    return np.asarray(peaked * flat)


def _voice(patch: Patch, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The patch playing `pitch` (fractional MIDI) for `held` seconds, then its release."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    strength = velocity / 127.0
    cutoff_at_rest, opened, filter_decay, resonance = patch.lowpass
    attack, decay, sustain, release = patch.level
    sounding = held if patch.sustained else min(held, _PLUCK_TAIL * decay)
    size = int((sounding + release) * sample_rate)
    times = np.arange(size) / sample_rate
    # The envelopes and the width at each wavetable (one per _HOP samples, and one past the end).
    frames = np.arange(size // _HOP + 2) * _HOP / sample_rate
    rising = np.minimum(1.0, frames / max(attack, 1e-4))
    opening = rising * np.exp(-np.maximum(0.0, frames - attack) / filter_decay)
    cutoff = (cutoff_at_rest + opened * (0.5 + 0.5 * strength) * opening) * f0
    width = patch.width + patch.sweep * np.sin(2.0 * np.pi * _PWM_RATE * frames)
    # One cycle at f0 / 2: the oscillators' harmonic k is the table's 2k, the sub's are its odd ones.
    harmonics = np.arange(1, _TABLE // 2)
    top = int(_NYQUIST_SHARE * sample_rate / (f0 / 2.0 * 2.0 ** (patch.detune / 1200.0)))
    harmonics = harmonics[harmonics <= min(top, _TABLE // 2 - 1)]
    frequency = harmonics * f0 / 2.0
    even = harmonics % 2 == 0
    k = np.where(even, harmonics // 2, 1)
    saw = np.where(even, 1.0 / k, 0.0)  # a sawtooth's sine partials
    pulse = np.where(even, np.sin(np.pi * k * width[:, None]) / k, 0.0)  # a pulse's cosine partials
    sub = np.where(even, 0.0, patch.sub / harmonics)  # the octave-down square's odd partials
    response = _lowpass(frequency[None, :] / cutoff[:, None], resonance)
    spectrum = np.zeros((frames.size, _TABLE // 2 + 1), dtype=np.complex128)
    spectrum[:, harmonics] = response * (-1j * (patch.saw * saw + sub)[None, :] + (1.0 - patch.saw) * pulse)
    tables = np.fft.irfft(spectrum, _TABLE, axis=1) * (_TABLE / 2.0)
    tables = np.concatenate([tables, tables[:, :1]], axis=1)  # the first sample again, to read past the end
    rng = np.random.default_rng([round(pitch * 1000), velocity, patch.voices])
    position = np.arange(size) / _HOP
    frame = position.astype(np.int64)
    between = position - frame
    wave = np.zeros(size)
    offsets = voice_render.detunings(patch.detune, patch.voices)
    for offset in offsets:
        cycles = rng.uniform() + np.arange(size) * (f0 / 2.0 * 2.0 ** (offset / 1200.0)) / sample_rate
        read = (cycles % 1.0) * _TABLE
        index = read.astype(np.int64)
        fraction = read - index
        here = tables[frame, index] * (1.0 - fraction) + tables[frame, index + 1] * fraction
        there = tables[frame + 1, index] * (1.0 - fraction) + tables[frame + 1, index + 1] * fraction
        wave += here * (1.0 - between) + there * between
    wave /= math.sqrt(len(offsets))
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    envelope = rise * (sustain + (1.0 - sustain) * falling)
    envelope *= np.clip((sounding + release - times) / release, 0.0, 1.0)
    return (0.25 * patch.gain * strength * wave * envelope).astype(np.float32)
