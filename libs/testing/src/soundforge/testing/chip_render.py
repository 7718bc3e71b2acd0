"""Notes to audio through a video-game sound chip's channels (pulse waves, a stepped triangle, an LFSR's
noise) driven frame by frame in numpy, as a console's music driver drives them."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

FRAME_RATE = 60.0  # Hz: a driver changes a channel's pitch, duty and volume once a video frame
VOLUME_STEPS = 15  # a channel's volume is a 4-bit number: 16 levels, silence the lowest
DUTIES = (0.125, 0.25, 0.5)  # the pulse channels' duty cycles
_TRIANGLE_STEPS = 32  # the triangle's sequencer: 4-bit levels down from 15 to 0 and back up
_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its decays
_LFSR_TAPS = {False: 1, True: 6}  # the noise register's feedback bit: long mode (1), short mode (6)


@dataclass(frozen=True)
class Patch:
    """An instrument as a chip's music driver plays it on one channel: a pulse wave (its duty cycle,
    per frame, from `duty`, the last one held: a duty sweep) or the 4-bit stepped triangle; edges
    band-limited (each step of a pulse smoothed by a polyBLEP residual) or naive, as the chip's own
    DAC steps them. The volume follows `level` (attack, decay, sustain share, release), scaled by the
    velocity and quantised to the channel's 16 steps, once a frame. A chord on a channel that has
    one voice is spelled as an arpeggio: its notes in turn from the lowest, each for `arpeggio` frames
    (2 frames is a 64th note at 112 BPM, 4 a 32nd); 0 plays each note on a channel of its own. A note
    may slide in from `slide` semitones away over its seconds, and sways by a vibrato (depth in cents
    either side, rate in Hz, the delay before it starts), each once a frame; `crush` (bits, hold)
    re-quantises the wave to fewer bits and holds every sample `hold` samples, a cheaper DAC's."""

    wave: str  # "pulse" or "triangle"
    level: tuple[float, float, float, float]
    duty: tuple[float, ...] = (0.5,)
    band_limited: bool = True
    arpeggio: int = 0
    slide: tuple[float, float] = (0.0, 0.0)
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    crush: tuple[int, int] = (0, 1)
    gain: float = 1.0  # levels it against the set's other patches

    @property
    def sustained(self) -> bool:
        return self.level[2] > 0.0


@dataclass(frozen=True)
class Drum:
    """A drum on the chip: the noise channel's LFSR clocked at `noise` Hz (0: none; `metallic`, its
    short mode, a 93-step loop that rings like metal), decaying over `decay` seconds, over a triangle
    dropping from `drop` (Hz from, Hz to, over seconds: a kick's or a tom's thump; from 0: none) whose
    level decays over `body` seconds. Levels quantised to 16 steps."""

    noise: float
    decay: float
    metallic: bool = False
    drop: tuple[float, float, float] = (0.0, 0.0, 0.0)
    body: float = 0.0
    gain: float = 1.0


Kit = struck_render.Kit[Drum]
# General MIDI programs to chip patches and drums to the noise channel's and triangle's sounds:
# what a render through the set may play.
ChipSet = struck_render.StruckSet[Patch, Drum]


def _pulses(count: int) -> tuple[float, ...]:
    return tuple(DUTIES[k % 3] for k in range(count))


# General MIDI programs to chip patches, in the manner of a console's sound driver: two pulse channels
# and a triangle, so a chord is an arpeggio on one channel, and the noise channel for the drums.
CHIP = ChipSet(
    root=Path(__file__).with_name("chip-patches"),
    programs={
        # Chords, each an arpeggio: a thin lead's 12.5% pulse swept to 25% (two frames a note), a
        # synth brass's pulse swept from 12.5% to 50% (four frames), an electric piano's 12.5% pulse
        # decaying, its DAC crushed to 5 bits (three frames), a polysynth pad's 25% pulse swelling
        # (two frames, naive edges).
        81: Patch("pulse", (0.002, 0.6, 0.55, 0.08), duty=(0.125, 0.125, 0.25), arpeggio=2, gain=0.9),
        62: Patch("pulse", (0.03, 0.5, 0.7, 0.1), duty=(0.125, 0.125, 0.25, 0.25, 0.5), arpeggio=4),
        5: Patch("pulse", (0.002, 0.45, 0.0, 0.1), duty=(0.125,), arpeggio=3, crush=(5, 1), gain=1.1),
        90: Patch("pulse", (0.25, 1.0, 0.9, 0.3), duty=(0.25,), band_limited=False, arpeggio=2, gain=0.8),
        # Basses: the triangle (its 4-bit steps), a 50% pulse bass plucked short, each sample held
        # over the next (half the rate).
        39: Patch("triangle", (0.001, 1.0, 1.0, 0.02), gain=1.6),
        87: Patch("pulse", (0.002, 0.25, 0.35, 0.05), duty=(0.5, 0.5, 0.25, 0.5), crush=(0, 2), gain=1.1),
        # Leads: a 50% square with a vibrato that sets in late, a 25% pulse sliding up a semitone into
        # its note with a vibrato from the start, a 12.5% pulse swept to 25% (a clarinet's hollow
        # tone), a triangle whistle with a delayed vibrato.
        80: Patch("pulse", (0.005, 0.4, 0.8, 0.06), vibrato=(20.0, 6.0, 0.25), gain=0.8),
        84: Patch(
            "pulse", (0.003, 0.3, 0.7, 0.05), duty=(0.25,), slide=(-1.0, 0.05), vibrato=(14.0, 5.5, 0.0)
        ),
        72: Patch("pulse", (0.01, 0.5, 0.85, 0.06), duty=(0.125, 0.125, 0.125, 0.25), gain=0.9),
        78: Patch("triangle", (0.01, 0.6, 0.9, 0.06), vibrato=(16.0, 5.0, 0.3), gain=1.4),
        # Held: strings on a 25% pulse with a slow vibrato (what free-time chords put under the
        # others), an organ's 50% pulse, a pad's 12.5% pulse swelling with a duty sweep, chords as
        # an arpeggio of two frames.
        48: Patch("pulse", (0.2, 1.0, 0.85, 0.3), duty=(0.25,), vibrato=(8.0, 4.5, 0.5)),
        19: Patch("pulse", (0.01, 1.0, 1.0, 0.1), duty=(0.5,), gain=0.8),
        94: Patch("pulse", (0.4, 1.0, 0.9, 0.4), duty=_pulses(6), arpeggio=2, gain=0.8),
    },
    drums=Kit(
        kit=Path(__file__).with_name("chip-patches") / "noise-channel",
        drums={
            35: Drum(0.0, 0.0, drop=(140.0, 45.0, 0.09), body=0.12, gain=1.3),  # the triangle's kick
            36: Drum(7000.0, 0.012, drop=(170.0, 50.0, 0.07), body=0.1, gain=1.3),  # a click on it
            37: Drum(28000.0, 0.025, metallic=True, gain=0.7),  # a rimshot: a short metallic tick
            38: Drum(14000.0, 0.13, drop=(240.0, 160.0, 0.03), body=0.04),  # noise on a short body
            39: Drum(11000.0, 0.09, gain=0.9),  # a clap: a duller burst
            40: Drum(20000.0, 0.08, gain=0.9),  # a dry snare: noise alone, brighter
            41: Drum(0.0, 0.0, drop=(110.0, 70.0, 0.12), body=0.16),  # toms: the triangle's drops
            42: Drum(55000.0, 0.03, gain=0.5),  # closed hat: the noise at its fastest clock, short
            44: Drum(55000.0, 0.015, gain=0.35),  # pedalled hat: shorter, softer
            45: Drum(0.0, 0.0, drop=(150.0, 95.0, 0.1), body=0.14),
            46: Drum(55000.0, 0.2, gain=0.45),  # open hat
            48: Drum(0.0, 0.0, drop=(200.0, 130.0, 0.09), body=0.12),
            49: Drum(30000.0, 0.9, gain=0.45),  # crash
            51: Drum(40000.0, 0.35, metallic=True, gain=0.3),  # ride: the short mode's ring
            53: Drum(24000.0, 0.25, metallic=True, gain=0.35),  # ride bell
            54: Drum(48000.0, 0.06, metallic=True, gain=0.3),  # tambourine
            57: Drum(22000.0, 1.1, gain=0.4),  # a second crash, darker
        },
    ),
    drum_gain=0.9,
)
# The chip sets a render may name in place of a soundfont (midi_render.render_notes).
CHIP_SETS = {CHIP.root: CHIP}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, chip_set: ChipSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's patch, bent by `cents` (a chord's notes that
    start together as one arpeggio where the patch spells chords so); the drum channel through the
    set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, chip_set, _SOUNDED, lambda patch: patch.arpeggio > 0
    )


def quantised(level: Signal) -> Signal:
    """A level (0 to 1) as the chip's 4-bit volume holds it: the nearest of its 16 steps."""
    return np.round(np.clip(level, 0.0, 1.0) * VOLUME_STEPS) / VOLUME_STEPS


def _envelope(patch: Patch, velocity: int, held: float, times: Signal) -> Signal:
    attack, decay, sustain, release = patch.level
    sounding = held if patch.sustained else min(held, _TAIL * decay)
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    ending = np.clip((sounding + release - times) / release, 0.0, 1.0)
    return np.asarray((0.4 + 0.6 * velocity / 127.0) * rise * (sustain + (1.0 - sustain) * falling) * ending)


def _voice(patch: Patch, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int) -> Samples:
    """The patch playing `pitches` (fractional MIDI; more than one in turn, an arpeggio, where it spells
    chords so) for `held` seconds, then its release: pitch, duty and volume set once a frame."""
    _, decay, _, release = patch.level
    sounding = held if patch.sustained else min(held, _TAIL * decay)
    size = int((sounding + release) * sample_rate)
    frames = int(np.ceil(size / sample_rate * FRAME_RATE)) + 1
    frame_times = np.arange(frames) / FRAME_RATE
    turn = (np.arange(frames) // max(1, patch.arpeggio)) % len(pitches) if patch.arpeggio else 0
    pitch = np.asarray(pitches, dtype=np.float64)[turn] * np.ones(frames)
    amount, seconds = patch.slide
    if amount:
        pitch += amount * np.clip(1.0 - frame_times / seconds, 0.0, 1.0)
    depth, rate, delay = patch.vibrato
    if depth:
        pitch += depth / 100.0 * np.sin(2.0 * np.pi * rate * np.maximum(0.0, frame_times - delay))
    duty = np.asarray(patch.duty)[np.minimum(np.arange(frames), len(patch.duty) - 1)]
    volume = quantised(_envelope(patch, velocity, held, frame_times))
    frame = (np.arange(size) * FRAME_RATE / sample_rate).astype(np.int64)
    step = 440.0 * 2.0 ** ((pitch[frame] - 69.0) / 12.0) / sample_rate  # cycles a sample
    phase = np.cumsum(step) - step[0]
    if patch.wave == "triangle":
        wave = _triangle(phase)
    else:
        wave = _pulse(phase, step, duty[frame], patch.band_limited)
    wave = _crushed(wave, *patch.crush)
    return (0.25 * patch.gain * volume[frame] * wave).astype(np.float32)


def _pulse(phase: Signal, step: Signal, duty: Signal, band_limited: bool) -> Signal:
    """A pulse wave of `duty` (high that share of a cycle) around zero: its rise at each cycle's start,
    its fall at `duty`; each step smoothed by a polyBLEP residual where band-limited."""
    where = phase % 1.0
    wave = (where < duty).astype(np.float64) - duty
    if band_limited:
        wave += _blep(where, step) - _blep((where - duty) % 1.0, step)
    return wave


def _blep(where: Signal, step: Signal) -> Signal:
    """The polynomial residual that turns a naive unit step at a cycle's start into a band-limited one."""
    out = np.zeros_like(where)
    after = where < step
    x = where[after] / step[after]
    out[after] = 2.0 * x - x * x - 1.0
    before = where > 1.0 - step
    x = (where[before] - 1.0) / step[before]
    out[before] = x * x + 2.0 * x + 1.0
    return 0.5 * out


def _triangle(phase: Signal) -> Signal:
    """The chip's triangle: 32 steps a cycle, 4-bit levels from 15 down to 0 and back up, around zero."""
    index = (np.floor(phase * _TRIANGLE_STEPS) % _TRIANGLE_STEPS).astype(np.int64)
    levels = np.concatenate([np.arange(15, -1, -1), np.arange(16)])
    return np.asarray((levels[index] - 7.5) / 7.5)


def _crushed(wave: Signal, bits: int, hold: int) -> Signal:
    """The wave re-quantised to `bits` (0: as it is) and each `hold`-th sample held over the next ones."""
    if bits:
        steps = 2 ** (bits - 1)
        wave = np.round(wave * steps) / steps
    if hold > 1:
        wave = np.repeat(wave[::hold], hold)[: wave.size]
    return wave


@functools.cache
def lfsr(metallic: bool) -> npt.NDArray[np.int8]:
    """One whole period of the noise channel's 15-bit register's output (from its power-on value 1):
    32767 bits in long mode, 93 in short mode (feedback from bit 6: the metallic ring)."""
    tap = _LFSR_TAPS[metallic]
    register, bits = 1, []
    while True:
        bits.append(register & 1)
        feedback = (register ^ (register >> tap)) & 1
        register = (register >> 1) | (feedback << 14)
        if register == 1:
            return np.asarray(bits, dtype=np.int8)


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One drum: the noise and the triangle's drop, each under a quantised decay."""
    length = max(drum.decay, drum.body, drum.drop[2]) * _TAIL
    times = np.arange(int(length * sample_rate) + 1) / sample_rate
    strength = 0.4 + 0.6 * velocity / 127.0
    out = np.zeros(times.size)
    if drum.noise:
        bits = lfsr(drum.metallic)
        noise = 2.0 * bits[(times * drum.noise).astype(np.int64) % bits.size] - 1.0
        out += noise * quantised(strength * np.exp(-times / drum.decay))
    start, end, seconds = drum.drop
    if start:
        frequency = start * (end / start) ** np.minimum(1.0, times / seconds)
        thump = _triangle(np.cumsum(frequency) / sample_rate)
        out += thump * quantised(strength * np.exp(-times / drum.body))
    return (0.25 * drum.gain * out).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Patch, Drum] = struck_render.Sounded(_voice, _hit, 4096)
