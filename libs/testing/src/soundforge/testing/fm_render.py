"""Notes to audio through operator FM synthesis (a Yamaha DX7's) in numpy, and a drum kit."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal, special

from soundforge.testing import voice_render
from soundforge.testing.sample_render import SampleSet

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

_OVERSAMPLE = 4  # a voice is computed at this many times the output rate, then low-passed and decimated
_CUT = 0.45  # the decimating low-pass's cut, a share of the output rate (Kaiser, -86 dB from 0.49)
_TAPS = 255
# How high (in output rates) an operator's spectrum may reach: a modulator's stays under the
# oversampled rate's Nyquist (2), so it is what it says; a carrier's sidebands above it fold to
# above 0.55, where the low-pass cuts them, so that no alias comes down into the output.
_MODULATOR_REACH = 1.9
_CARRIER_REACH = 3.45
_SIDEBANDS = (1.25, 4.0)  # where a modulated operator's sidebands fall under -60 dB: 1.25 I + 4 of them
_FLOOR = 1e-3  # a fed-back operator's harmonics below this share of its first count for nothing
_TABLE = 4096  # samples per cycle of a fed-back operator's wave
_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its carriers' longest decay
_VIBRATO_RISE = 0.35  # s: a vibrato grows to its depth over this long, once its delay has passed


@dataclass(frozen=True)
class Operator:
    """One of a patch's sine oscillators: its frequency a multiple of the note's (`ratio`), its output
    level (a carrier's share of the patch; a modulator's index, the radians it swings the phase of the
    operators it modulates, at its envelope's peak), its envelope (attack and decay in seconds, and the
    share of its peak it then sustains), how far a softer key lowers its level (`velocity`: 0 not at
    all, 1 in proportion) and its own output fed back into its phase (`feedback`, the DX7's: from a
    sine at 0 toward a sawtooth; only on an operator nothing else modulates)."""

    ratio: float
    level: float
    envelope: tuple[float, float, float] = (0.002, 1.0, 1.0)
    velocity: float = 0.5
    feedback: float = 0.0


@dataclass(frozen=True)
class Timbre:
    """A patch of an operator FM synthesizer: its operators and its algorithm (for each operator, the
    operators that modulate it, each later in the tuple: stacks and parallel carriers; the operators
    that modulate none are the carriers, summed), its release once the key is let go, `lines` copies
    detuned symmetrically around the note, a vibrato swaying every operator together symmetrically
    around its frequency (depth in cents either side, rate in Hz, the delay before it grows) and a
    gain that levels it against the set's other patches."""

    operators: tuple[Operator, ...]
    algorithm: tuple[tuple[int, ...], ...]
    release: float = 0.1
    lines: int = 1
    spread: float = 0.0  # cents from the centre to the outermost copy
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    gain: float = 1.0

    @property
    def carriers(self) -> tuple[int, ...]:
        modulating = {m for modulators in self.algorithm for m in modulators}
        return tuple(i for i in range(len(self.operators)) if i not in modulating)

    @property
    def sustained(self) -> bool:
        return any(self.operators[i].envelope[2] > 0.0 for i in self.carriers)

    @property
    def offsets(self) -> npt.NDArray[np.float64]:
        """Each copy's detuning in cents, symmetric around the note."""
        return voice_render.detunings(self.spread, self.lines)


# General MIDI programs to FM patches, and the drum channel to a recorded kit.
FMSet = voice_render.VoiceSet[Timbre]


# Every patch is computed here (no samples, no soundfont, no filter on the voice): sines whose phases
# other sines swing, each operator at a whole multiple of the note wherever it is a carrier, so the
# note's pitch is exact by construction; a fed-back operator is its wave's Fourier series, tabled.
# Every phase is seeded by the note, so a render is the same on every run. Drums from Hydrogen's
# VariBreaks (Sineshine, drums resynthesised on a Roland V-Synth from sines and noise; GPL, Debian's
# hydrogen-drumkits, `make apt`).
_VARIBREAKS = Path("/usr/share/hydrogen/data/drumkits/VariBreaks")
FM = FMSet(
    root=Path(__file__).with_name("fm-patches"),
    programs={
        # Chords: an electric piano (a body pair and a tine, a fourteenth-ratio modulator struck
        # briefly), a clavinet-like pair with a fed-back modulator snapping shut, a drawbar-like organ
        # (four carriers at the note's first four harmonics, the fourth a decaying percussion), brass
        # (one fed-back modulator swelling after the attack, driving two carriers).
        4: Timbre(
            (
                Operator(1, 0.9, (0.002, 1.6, 0.0), 0.6),
                Operator(1, 1.3, (0.002, 0.9, 0.15), 0.8),
                Operator(1, 0.35, (0.001, 0.35, 0.0), 0.7),
                Operator(14, 0.9, (0.001, 0.06, 0.0), 0.9),
            ),
            ((1,), (), (3,), ()),
            release=0.15,
        ),
        7: Timbre(
            (
                Operator(1, 0.8, (0.001, 0.5, 0.0), 0.6),
                Operator(1, 2.2, (0.001, 0.12, 0.25), 0.8, feedback=0.6),
                Operator(3, 0.25, (0.001, 0.25, 0.0), 0.6),
                Operator(1, 1.0, (0.001, 0.08, 0.0), 0.8),
            ),
            ((1,), (), (3,), ()),
            release=0.04,
            gain=0.8,
        ),
        16: Timbre(
            (
                Operator(1, 0.6, (0.005, 1.0, 1.0), 0.2, feedback=0.25),
                Operator(2, 0.45, (0.005, 1.0, 1.0), 0.2),
                Operator(3, 0.3, (0.005, 1.0, 1.0), 0.2),
                Operator(4, 0.25, (0.001, 0.25, 0.0), 0.5),
            ),
            ((), (), (), ()),
            release=0.06,
            gain=0.8,
        ),
        61: Timbre(
            (
                Operator(1, 0.9, (0.05, 0.5, 0.85), 0.5),
                Operator(2, 0.25, (0.05, 0.5, 0.85), 0.5),
                Operator(1, 2.0, (0.08, 0.4, 0.7), 0.7, feedback=0.55),
            ),
            ((2,), (2,), ()),
            release=0.15,
            lines=2,
            spread=3.0,
            gain=0.8,
        ),
        # Basses: a round one (its modulator's index falling from the strike), a harder one (a
        # fed-back modulator and a knock at three times the note).
        33: Timbre(
            (Operator(1, 1.0, (0.002, 0.8, 0.5), 0.4), Operator(1, 2.4, (0.001, 0.12, 0.35), 0.8)),
            ((1,), ()),
            release=0.05,
            gain=1.2,
        ),
        38: Timbre(
            (
                Operator(1, 1.0, (0.002, 0.5, 0.4), 0.4),
                Operator(1, 1.8, (0.001, 0.2, 0.3), 0.8, feedback=0.7),
                Operator(3, 1.2, (0.001, 0.05, 0.0), 0.9),
            ),
            ((1, 2), (), ()),
            release=0.04,
            gain=1.1,
        ),
        # Leads: a hollow one (a modulator at twice the note: odd partials, as a square's) with a
        # vibrato that sets in after the attack, a marimba (a mallet's knock at four times the note),
        # a bell (a modulator at 3.5 times the note, inharmonic, under two carriers at the note).
        80: Timbre(
            (Operator(1, 0.9, (0.01, 0.3, 0.85), 0.5), Operator(2, 1.4, (0.01, 0.5, 0.7), 0.5)),
            ((1,), ()),
            release=0.08,
            vibrato=(12.0, 5.5, 0.3),
            gain=0.7,
        ),
        12: Timbre(
            (
                Operator(1, 1.0, (0.001, 0.45, 0.0), 0.6),
                Operator(4, 1.6, (0.001, 0.03, 0.0), 0.9),
                Operator(4, 0.15, (0.001, 0.12, 0.0), 0.7),
            ),
            ((1,), (), ()),
            release=0.05,
            gain=1.2,
        ),
        14: Timbre(
            (
                Operator(1, 0.8, (0.001, 2.2, 0.0), 0.6),
                Operator(3.5, 1.1, (0.001, 0.7, 0.0), 0.7),
                Operator(1, 0.4, (0.001, 3.0, 0.0), 0.6),
            ),
            ((1,), (), ()),
            release=0.3,
            gain=1.2,
        ),
        # Held: a string ensemble (two fed-back pairs, three detuned copies) and a pad whose
        # three-operator stack opens slowly, as a filter would (what free-time chords put under them
        # too: the strings).
        48: Timbre(
            (
                Operator(1, 0.8, (0.3, 1.0, 1.0), 0.3),
                Operator(1, 1.1, (0.4, 1.0, 1.0), 0.3, feedback=0.5),
                Operator(2, 0.2, (0.35, 1.0, 1.0), 0.3),
                Operator(1, 0.8, (0.4, 1.0, 1.0), 0.3),
            ),
            ((1,), (), (3,), ()),
            release=0.5,
            lines=3,
            spread=7.0,
            gain=0.8,
        ),
        89: Timbre(
            (
                Operator(1, 0.7, (0.6, 1.0, 1.0), 0.3),
                Operator(1, 1.6, (1.8, 1.0, 1.0), 0.2),
                Operator(2, 0.5, (0.9, 1.0, 1.0), 0.2),
            ),
            ((1,), (2,), ()),
            release=0.8,
            lines=2,
            spread=5.0,
            gain=0.9,
        ),
    },
    drums=SampleSet(
        root=_VARIBREAKS,
        programs={},
        kit=_VARIBREAKS,
        drums={
            35: "VP Kick 2",
            36: "VP Kick 1",
            37: "VP Click",
            38: "VP Snare 1",
            39: "VP Snare 3",  # no clap: its snappiest snare, as a drum machine's stands in
            40: "VP Snare 2",
            41: "VP Tom Low",
            42: "VP Hat 1 Cl",
            44: "VP Hat 1 Pd",
            45: "VP Tom Mid",
            46: "VP Hat 1 Op",
            50: "VP Tom Hi",
            51: "VP Hat 2 Cl",  # no ride: its second closed hat keeps the ride's time
            53: "VP Hat 3 Cl",
            64: "VP Drum",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.flac",),
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The FM sets a render may name in place of a soundfont (midi_render.render_notes).
FM_SETS = {FM.root: FM}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, fm_set: FMSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's patch, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, fm_set, _voice, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Timbre] = {}


@functools.lru_cache(maxsize=8)
def _lowpass(sample_rate: int) -> Signal:
    """The decimating filter: linear phase, so it moves no partial and delays none."""
    rate = _OVERSAMPLE * sample_rate
    return np.asarray(signal.firwin(_TAPS, _CUT * sample_rate, window=("kaiser", 8.6), fs=rate))


@functools.lru_cache(maxsize=16)
def _fed_back(feedback: float) -> Signal:
    """A fed-back operator's harmonics, y = sin(t + feedback * y) as its Fourier series (Kapteyn's,
    as Kepler's equation is solved): the n-th at 2 J_n(n b) / (n b), down to _FLOOR of the first."""
    n = np.arange(1, _TABLE // 2)
    amplitudes = 2.0 * special.jv(n, n * feedback) / (n * feedback)
    kept = np.flatnonzero(np.abs(amplitudes) >= _FLOOR * abs(amplitudes[0]))
    return np.asarray(amplitudes[: kept[-1] + 1])


@functools.lru_cache(maxsize=256)
def _table(feedback: float, top: int) -> Signal:
    """One cycle of a fed-back operator's wave with its first `top` harmonics, its first sample again
    at the end."""
    amplitudes = _fed_back(feedback)[:top]
    spectrum = np.zeros(_TABLE // 2 + 1, dtype=np.complex128)
    spectrum[1 : amplitudes.size + 1] = -0.5j * _TABLE * amplitudes
    cycle = np.fft.irfft(spectrum, _TABLE)
    return np.concatenate([cycle, cycle[:1]])


def _levels(timbre: Timbre, highest: float, strength: float, sample_rate: int) -> list[float]:
    """Each operator's peak level: its own, lowered for a softer key by its velocity sensitivity, and
    a modulator's index lowered where the sidebands it makes would reach past what the operator it
    modulates may hold (_MODULATOR_REACH, _CARRIER_REACH), as a DX7's keyboard level scaling lowers
    a modulator up the keyboard; `highest` is the highest frequency the note's copies sound."""
    operators = timbre.operators
    levels = [op.level * (1.0 - op.velocity * (1.0 - strength)) for op in operators]
    reach = [0.0] * len(operators)
    carriers = timbre.carriers
    for i in reversed(range(len(operators))):
        own = operators[i].ratio * highest
        if operators[i].feedback:  # its table stops at _MODULATOR_REACH
            own = min(own * _fed_back(operators[i].feedback).size, _MODULATOR_REACH * sample_rate)
        limit = (_CARRIER_REACH if i in carriers else _MODULATOR_REACH) * sample_rate
        modulators = [m for m in timbre.algorithm[i] if levels[m] > 0.0]
        if not modulators:
            reach[i] = own
            continue
        slope, margin = _SIDEBANDS
        swing = sum(slope * levels[m] * reach[m] for m in modulators)
        room = limit - own - margin * max(reach[m] for m in modulators)
        scale = min(1.0, room / swing) if room > 0.0 and swing > 0.0 else float(room > 0.0)
        for m in modulators:
            levels[m] *= scale
        reach[i] = own + (scale * swing + margin * max(reach[m] for m in modulators) if scale else 0.0)
    return levels


def _envelope(shape: tuple[float, float, float], times: Signal) -> Signal:
    attack, decay, sustain = shape
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    return np.asarray(rise * (sustain + (1.0 - sustain) * falling))


def _operators(timbre: Timbre, cycles: Signal, envelopes: list[Signal], tops: list[int]) -> Signal:
    """The carriers' sum, each operator computed after the ones that modulate it; `cycles` is the
    note's phase in cycles."""
    outputs: dict[int, Signal] = {}
    for i in reversed(range(len(timbre.operators))):
        op = timbre.operators[i]
        if op.feedback:
            table = _table(op.feedback, tops[i])
            position = ((op.ratio * cycles) % 1.0) * _TABLE
            index = position.astype(np.int64)
            fraction = position - index
            raw = table[index] * (1.0 - fraction) + table[index + 1] * fraction
        else:
            swing = sum((outputs[m] for m in timbre.algorithm[i]), np.zeros(cycles.size))
            raw = np.sin(2.0 * np.pi * op.ratio * cycles + swing)
        outputs[i] = envelopes[i] * raw
    return np.asarray(sum(outputs[i] for i in timbre.carriers))


def _voice(timbre: Timbre, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The patch playing `pitch` (fractional MIDI) for `held` seconds, then its release."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    strength = velocity / 127.0
    longest = max(timbre.operators[i].envelope[1] for i in timbre.carriers)
    sounding = held if timbre.sustained else min(held, _TAIL * longest)
    size = int((sounding + timbre.release) * sample_rate)
    rate = _OVERSAMPLE * sample_rate
    times = np.arange(size * _OVERSAMPLE) / rate
    ending = np.clip((sounding + timbre.release - times) / timbre.release, 0.0, 1.0)
    depth, vibrato_rate, delay = timbre.vibrato
    highest = f0 * 2.0 ** ((timbre.spread + depth) / 1200.0)
    levels = _levels(timbre, highest, strength, sample_rate)
    envelopes = [
        level * _envelope(op.envelope, times) * ending
        for op, level in zip(timbre.operators, levels, strict=True)
    ]
    tops = [max(1, int(_MODULATOR_REACH * sample_rate / (op.ratio * highest))) for op in timbre.operators]
    rng = np.random.default_rng([round(pitch * 1000), velocity, timbre.lines, len(timbre.operators)])
    grown = np.clip((times - delay) / _VIBRATO_RISE, 0.0, 1.0)
    wave = np.zeros(times.size)
    for offset in timbre.offsets:
        frequency = f0 * 2.0 ** (offset / 1200.0)
        if depth:
            sway = np.sin(
                2.0 * np.pi * vibrato_rate * (1.0 + 0.03 * rng.standard_normal()) * times
                + rng.uniform(0, 6.3)
            )
            swayed = frequency * (1.0 + (2.0 ** (depth / 1200.0) - 1.0) * grown * sway)
            cycles = rng.uniform() + np.cumsum(swayed) / rate
        else:
            cycles = rng.uniform() + np.arange(times.size) * frequency / rate
        wave += _operators(timbre, cycles, envelopes, tops)
    wave /= np.sqrt(len(timbre.offsets))
    out = signal.resample_poly(wave, 1, _OVERSAMPLE, window=_lowpass(sample_rate))[:size]
    return (0.25 * timbre.gain * out).astype(np.float32)
