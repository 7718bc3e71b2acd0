"""Notes to audio through phase-distortion synthesis (a Casio CZ's waveforms) in numpy, and a drum kit."""

from __future__ import annotations

import functools
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

_GRID = 8192  # points one cycle of a bent wave is computed on before its harmonics are cut
_TABLE = 2048  # samples per cycle of a wavetable read at the note's frequency
_AMOUNTS = 33  # how finely a wave's distortion is tabled: a read between two is interpolated
_NYQUIST_SHARE = 0.45  # harmonics above this share of the output rate are left out: no aliasing
_TAIL = 5.0  # a timbre that does not sustain sounds at most this many of its decays
_VIBRATO_RISE = 0.35  # s: a vibrato grows to its depth over this long, once its delay has passed

# How each bent wave reads a cosine when fully distorted: (phase in, phase out) breakpoints over one
# cycle, both running from 0 to 1, so the wave repeats exactly once per cycle at every amount. A
# sawtooth reads the cosine's first half in 3% of the cycle; a square holds its top and its bottom
# with quick edges between; a pulse dips to its bottom for a sixth of the cycle.
_BENDS = {
    "saw": ((0.0, 0.0), (0.03, 0.5), (1.0, 1.0)),
    "square": ((0.0, 0.0), (0.235, 0.0), (0.265, 0.5), (0.735, 0.5), (0.765, 1.0), (1.0, 1.0)),
    "pulse": ((0.0, 0.0), (0.4, 0.0), (0.43, 0.5), (0.57, 0.5), (0.6, 1.0), (1.0, 1.0)),
}
# A resonance wave: a cosine at a multiple of the note that the distortion raises (1 up to the
# timbre's `resonance`), restarted every cycle under a window that reaches 0 at the cycle's end, so
# the wave stays continuous and repeats exactly once per cycle: a resonant filter's sweep, unfiltered.
_WINDOWS = {
    "resonance-saw": lambda phase: 1.0 - phase,
    "resonance-triangle": lambda phase: 1.0 - np.abs(2.0 * phase - 1.0),
    "resonance-trapezoid": lambda phase: np.minimum(1.0, 2.0 * (1.0 - phase)),
}
WAVES = (*_BENDS, *_WINDOWS)


@dataclass(frozen=True)
class Timbre(voice_render.Detuned):
    """One patch of a phase-distortion synthesizer: a cosine whose phase is bent (`wave`), the bend's
    amount moving with its own envelope (`bend`, the CZ's DCW) and the key's velocity, `lines` copies
    detuned symmetrically around the note, each with a second line, a sine at a whole multiple of the
    note (`above`), sounding beside it or ring-modulating it, a vibrato swaying each copy's frequency
    symmetrically around its own (in Hz, so the mean is exactly its frequency), and an amplitude
    envelope (`level`, the CZ's DCA)."""

    wave: str
    resonance: float = 1.0  # a resonance wave's multiple of the note at full distortion
    # The bend's amount (0: a pure cosine, 1: the wave itself): at the key's strike, at its peak after
    # `rise` seconds, and the amount it then settles toward over `settle` seconds.
    bend: tuple[float, float, float, float, float] = (0.5, 0.5, 0.0, 0.5, 1.0)
    lines: int = 1
    spread: float = 0.0  # cents from the centre to the outermost copy
    # The second line: its multiple of the note (0: none), and its level beside the first or, in a
    # ring, its share of the first that it multiplies (the rest sounds as it is).
    above: tuple[int, float] = (0, 0.0)
    ring: bool = False
    # Its vibrato: depth (cents either side), rate (Hz), the delay before it grows (s).
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    # The amplitude: its attack and its decay toward the level it sustains (s), that level, its release (s).
    level: tuple[float, float, float, float] = (0.005, 0.3, 1.0, 0.08)
    gain: float = 1.0  # levels it against the set's other timbres


# General MIDI programs to phase-distortion timbres, and the drum channel to a recorded kit.
PhaseSet = voice_render.VoiceSet[Timbre]


# Every timbre is computed here (no samples, no synthesizer program, no physical model, no filter): a
# cosine read through a bent phase, tabled at _AMOUNTS amounts of the bend with its harmonics above the
# output's cut, read at the note's exact frequency, so its pitch is exact by construction and its
# harmonics whole multiples; the copies' and vibratos' phases are seeded by the note, so a render is
# the same on every run. Drums from Hydrogen's TR808EmulationKit (ArtemioLabs, a Roland TR-808
# synthesized from sine waves and noise; GPL, Debian's hydrogen-drumkits, `make apt`).
_TR808 = Path("/usr/share/hydrogen/data/drumkits/TR808EmulationKit")
PHASE = PhaseSet(
    root=Path(__file__).with_name("phase-patches"),
    programs={
        # Chords: an electric piano (a sawtooth bent bright at the strike and mellowing, a sine an
        # octave up beside it), a clavinet-like pulse that snaps shut, brass whose bend swells after
        # its attack, a pad whose resonance rises slowly.
        4: Timbre("saw", bend=(0.7, 0.7, 0.0, 0.08, 0.3), above=(2, 0.35), level=(0.002, 1.2, 0.0, 0.12)),
        7: Timbre("pulse", bend=(0.95, 0.95, 0.0, 0.3, 0.12), level=(0.001, 0.45, 0.0, 0.04), gain=0.8),
        61: Timbre(
            "saw", bend=(0.15, 0.8, 0.08, 0.55, 0.35), lines=2, spread=5.0, level=(0.05, 0.4, 0.85, 0.15)
        ),
        88: Timbre(
            "resonance-triangle",
            resonance=5.0,
            bend=(0.0, 0.45, 2.0, 0.45, 1.0),
            lines=2,
            spread=4.0,
            level=(0.4, 0.5, 1.0, 0.6),
        ),
        # Basses: the CZ's house bass (a resonance wave snapping down to the note), a rounder sawtooth.
        38: Timbre(
            "resonance-saw",
            resonance=6.0,
            bend=(0.9, 0.9, 0.0, 0.0, 0.1),
            level=(0.003, 0.5, 0.6, 0.05),
            gain=1.2,
        ),
        33: Timbre("saw", bend=(0.5, 0.5, 0.0, 0.25, 0.4), level=(0.004, 0.7, 0.5, 0.06), gain=1.1),
        # Leads: a square with a vibrato that sets in after the attack, a bell (a sawtooth partly
        # ring-modulated by a sine an octave up: every partial a whole multiple of the note, the note's
        # own among them), a resonance lead swept up by its bend.
        80: Timbre(
            "square",
            bend=(0.75, 0.75, 0.0, 0.55, 0.4),
            vibrato=(10.0, 5.5, 0.25),
            level=(0.01, 0.3, 0.85, 0.08),
            gain=0.7,
        ),
        14: Timbre(
            "saw",
            bend=(0.4, 0.4, 0.0, 0.1, 1.0),
            above=(2, 0.6),
            ring=True,
            level=(0.001, 1.6, 0.0, 0.2),
            gain=1.5,
        ),
        87: Timbre(
            "resonance-trapezoid",
            resonance=4.0,
            bend=(0.2, 0.85, 0.2, 0.55, 0.6),
            level=(0.01, 0.3, 0.85, 0.08),
            gain=0.8,
        ),
        # Held: a string ensemble, three detuned sawtooths bent a little (what free-time chords put
        # under them too).
        48: Timbre(
            "saw", bend=(0.3, 0.3, 0.0, 0.3, 1.0), lines=3, spread=6.0, level=(0.25, 0.3, 1.0, 0.45), gain=0.8
        ),
    },
    drums=SampleSet(
        root=_TR808,
        programs={},
        kit=_TR808,
        drums={
            35: "808_Kick_Long",
            36: "808_Kick_Short",
            38: "808_Snare_1",
            39: "808_Clap",
            40: "808_Snare_2",
            41: "808_Tom_Low",
            42: "808_Hat_Closed",
            44: "808_Hat_Pedal",
            45: "808_Tom_Mid",
            46: "808_Hat_Open",
            49: "808_Cymbal",
            50: "808_Tom_Hi",
            51: "808_Cymbal",  # no ride: its one cymbal, as a drum machine covers one
            56: "808_Cowbell",
            63: "808_Conga",
            70: "808_Shaker",
            75: "808_Clave",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.flac",),
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The phase-distortion sets a render may name in place of a soundfont (midi_render.render_notes).
PHASE_SETS = {PHASE.root: PHASE}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, phase_set: PhaseSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's timbre, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, phase_set, _voice, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Timbre] = {}


@functools.lru_cache(maxsize=256)
def _tables(wave: str, resonance: float, top: int) -> npt.NDArray[np.float64]:
    """One cycle of `wave` at each of _AMOUNTS amounts of its bend (rows): each harmonic up to `top`
    at its level in the bent wave but at the phase it has fully bent, the same in every row, and the
    mean left out; each row with its first sample again at the end. A bend that moved a harmonic's
    phase as it opened would bend its pitch by as much (up to 8 cents under a quick sweep)."""
    phase = np.arange(_GRID) / _GRID
    levels = []
    for amount in np.linspace(0.0, 1.0, _AMOUNTS):
        if wave in _BENDS:
            knees = np.array(_BENDS[wave])
            bent = (1.0 - amount) * phase + amount * np.interp(phase, knees[:, 0], knees[:, 1])
            cycle = np.cos(2.0 * np.pi * bent)
        else:
            multiple = 1.0 + amount * (resonance - 1.0)
            cycle = 1.0 - _WINDOWS[wave](phase) * (1.0 - np.cos(2.0 * np.pi * multiple * phase))
        levels.append(np.fft.rfft(cycle)[: top + 1])
    spectra = np.array(levels)
    bent_fully = spectra[-1]
    phases = np.where(np.abs(bent_fully) > 1e-9, bent_fully / np.maximum(np.abs(bent_fully), 1e-9), 1.0)
    kept = np.zeros((_AMOUNTS, _TABLE // 2 + 1), dtype=np.complex128)
    kept[:, 1 : top + 1] = np.abs(spectra[:, 1:]) * phases[1:]
    tables = np.fft.irfft(kept, _TABLE, axis=1) * (_TABLE / _GRID)
    return np.concatenate([tables, tables[:, :1]], axis=1)


def _bend(timbre: Timbre, strength: float, times: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The bend's amount at `times`: from the strike to its peak, then settling; a softer key bends less."""
    struck, peak, rise, settled, settle = timbre.bend
    rising = struck + (peak - struck) * np.clip(times / max(rise, 1e-4), 0.0, 1.0)
    after = settled + (peak - settled) * np.exp(-np.maximum(0.0, times - rise) / settle)
    return np.clip(np.where(times < rise, rising, after) * (0.55 + 0.45 * strength), 0.0, 1.0)


def _read(tables: npt.NDArray[np.float64], cycles: npt.NDArray[np.float64],
          amount: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:  # fmt: skip
    """The tables read at `cycles` (their fractions) and `amount`, interpolated both ways."""
    position = (cycles % 1.0) * _TABLE
    index = position.astype(np.int64)
    fraction = position - index
    row = amount * (_AMOUNTS - 1)
    lower = np.minimum(row.astype(np.int64), _AMOUNTS - 2)
    between = row - lower
    here = tables[lower, index] * (1.0 - fraction) + tables[lower, index + 1] * fraction
    there = tables[lower + 1, index] * (1.0 - fraction) + tables[lower + 1, index + 1] * fraction
    return np.asarray(here * (1.0 - between) + there * between)


def _voice(timbre: Timbre, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The timbre playing `pitch` (fractional MIDI) for `held` seconds, then its release."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    strength = velocity / 127.0
    attack, decay, sustain, release = timbre.level
    sounding = held if timbre.sustained else min(held, _TAIL * decay)
    size = int((sounding + release) * sample_rate)
    times = np.arange(size) / sample_rate
    depth, rate, delay = timbre.vibrato
    widest = 2.0 ** ((timbre.spread + depth) / 1200.0)
    multiple, beside = timbre.above
    top = int(_NYQUIST_SHARE * sample_rate / (f0 * widest)) - (multiple if timbre.ring else 0)
    top = max(1, min(top, _TABLE // 2 - 1))  # a ring moves harmonic k to k + multiple: kept under too
    tables = _tables(timbre.wave, timbre.resonance, top)
    amount = _bend(timbre, strength, times)
    rng = np.random.default_rng([round(pitch * 1000), velocity, timbre.lines, WAVES.index(timbre.wave)])
    grown = np.clip((times - delay) / _VIBRATO_RISE, 0.0, 1.0)
    wave = np.zeros(size)
    for offset in timbre.offsets:
        frequency = f0 * 2.0 ** (offset / 1200.0)
        if depth:
            sway = np.sin(
                2.0 * np.pi * rate * (1.0 + 0.03 * rng.standard_normal()) * times + rng.uniform(0, 6.3)
            )
            swayed = frequency * (1.0 + (2.0 ** (depth / 1200.0) - 1.0) * grown * sway)
            cycles = rng.uniform() + np.cumsum(swayed) / sample_rate
        else:
            cycles = rng.uniform() + np.arange(size) * frequency / sample_rate
        line = _read(tables, cycles, amount)
        if multiple and multiple * frequency * widest < _NYQUIST_SHARE * sample_rate:
            second = np.cos(2.0 * np.pi * (multiple * cycles + rng.uniform()))
            line = line * (1.0 - beside + beside * second) if timbre.ring else line + beside * second
        wave += line
    wave /= np.sqrt(len(timbre.offsets))
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    envelope = rise * (sustain + (1.0 - sustain) * falling)
    envelope *= np.clip((sounding + release - times) / release, 0.0, 1.0)
    return (0.25 * timbre.gain * strength * wave * envelope).astype(np.float32)
