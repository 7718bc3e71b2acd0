"""Notes to audio through formant-synthesised voices, additive organs and mallets computed in numpy."""

from __future__ import annotations

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

_TABLE = 4096  # samples per cycle of a wavetable: one cycle at half the note's frequency
_NYQUIST_SHARE = 0.45  # partials above this share of the output rate are left out: no aliasing
_TAIL = 5.0  # a timbre that does not sustain sounds at most this many of its longest decays
_VIBRATO_RISE = 0.35  # s: a vibrato grows to its depth over this long, once its delay has passed

# Vowels as formants: (centre Hz, bandwidth Hz) for F1-F4 (Peterson and Barney's averages, rounded).
AAH = ((730.0, 160.0), (1090.0, 160.0), (2440.0, 200.0), (3400.0, 250.0))
OOH = ((300.0, 60.0), (870.0, 90.0), (2240.0, 150.0), (3300.0, 200.0))
OH = ((570.0, 150.0), (840.0, 140.0), (2410.0, 200.0), (3350.0, 250.0))
DOO = ((280.0, 70.0), (720.0, 100.0), (2200.0, 160.0), (3200.0, 200.0))


@dataclass(frozen=True)
class Timbre:
    """One instrument, computed from its partials. A voice (`vowel` given) sings every harmonic of
    the note under a glottal source's roll-off, shaped by its vowel's formants; an organ or any
    other harmonic timbre sounds `partials` (multiples of the note's frequency: 0.5 for a 16' stop,
    1.5 for a quint) with their levels; a mallet sounds `partials` that need not be whole multiples,
    each dying away at its own rate (`decays`). `singers` copies are detuned symmetrically around
    the note; a vibrato sways each copy's frequency symmetrically around its own (in Hz, so the mean
    is exactly its frequency)."""

    vowel: tuple[tuple[float, float], ...] = ()
    tilt: float = 1.0  # a voice's source: harmonic k at 1 / k**tilt before its formants
    partials: tuple[tuple[float, float], ...] = ()  # (multiple of the note's frequency, level)
    decays: tuple[float, ...] = ()  # s: each partial's decay, where it has one (a mallet)
    singers: int = 1
    spread: float = 0.0  # cents from the centre to the outermost copy
    # Its vibrato: depth (cents either side), rate (Hz), the delay before it grows (s).
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    # The amplitude: its attack and its decay toward the level it sustains (s), that level, its release (s).
    level: tuple[float, float, float, float] = (0.01, 0.3, 1.0, 0.1)
    gain: float = 1.0  # levels it against the set's other timbres

    @property
    def sustained(self) -> bool:
        return self.level[2] > 0.0 and not self.decays

    @property
    def offsets(self) -> npt.NDArray[np.float64]:
        """Each copy's detuning in cents, symmetric around the note."""
        return voice_render.detunings(self.spread, self.singers)


# General MIDI programs to formant and additive timbres, and the drum channel to a recorded kit.
TimbreSet = voice_render.VoiceSet[Timbre]


def _drawbars(*levels: float) -> tuple[tuple[float, float], ...]:
    """A drawbar organ's nine footages (16', 5 1/3', 8', 4', 2 2/3', 2', 1 3/5', 1 1/3', 1') at their
    settings 0-8, each 3 dB from the next."""
    footages = (0.5, 1.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)
    return tuple((f, 10 ** (3.0 * (s - 8) / 20.0)) for f, s in zip(footages, levels, strict=True) if s)


# Every timbre is computed here (no samples, no synthesizer program, no physical model): a harmonic
# one as a wavetable holding one cycle at half the note's frequency (so that a 16' stop and a quint
# are whole partials of it), its partials weighted by the vowel's formants for a voice, read at the
# note's exact frequency; a mallet's partials, whole or not, as sines at their exact frequencies. Its
# pitch is exact by construction; the copies' phases and their vibratos' phases are seeded by the
# note, so a render is the same on every run. Drums from Hydrogen's The Black Pearl (Glen
# MacArthur's Pearl kit with Paiste and Sabian cymbals; GPL, Debian's hydrogen-drumkits, `make apt`).
_PEARL = Path("/usr/share/hydrogen/data/drumkits/The Black Pearl 1.0")
FORMANT = TimbreSet(
    root=Path(__file__).with_name("formant-voices"),
    programs={
        # Chords: a choir on "aah" and one on "ooh" (four singers each, a slow vibrato), a drawbar organ
        # (16', 8', 4' and a quint, no percussion) and a marimba (its bar's partials near 4 and 10 times
        # the note, dying away faster than it).
        52: Timbre(
            AAH, tilt=1.8, singers=4, spread=7.0, vibrato=(8.0, 5.1, 0.3), level=(0.12, 0.3, 0.9, 0.25)
        ),
        53: Timbre(
            OOH,
            tilt=1.5,
            singers=4,
            spread=6.0,
            vibrato=(8.0, 4.7, 0.3),
            level=(0.15, 0.3, 0.9, 0.3),
            gain=1.1,
        ),
        16: Timbre(partials=_drawbars(6, 4, 8, 6, 0, 3, 0, 0, 0), level=(0.006, 0.1, 1.0, 0.05), gain=0.8),
        12: Timbre(
            partials=((1.0, 1.0), (3.93, 0.35), (9.87, 0.12)),
            decays=(0.7, 0.18, 0.06),
            level=(0.002, 1.0, 0.0, 0.05),
            gain=1.3,
        ),
        # Bass: a bass singer on "doo" (no vibrato) and an organ's pedal (16', 8' and 4').
        32: Timbre(DOO, tilt=1.8, level=(0.03, 0.2, 0.8, 0.08), gain=1.3),
        34: Timbre(partials=_drawbars(8, 0, 7, 4, 0, 0, 0, 0, 0), level=(0.01, 0.1, 1.0, 0.06), gain=1.1),
        # Leads: a solo voice on "aah" and one on "oh", each with a vibrato that sets in after the
        # attack, and a glockenspiel (a free bar's partials, 2.76, 5.40 and 8.93 times the note).
        85: Timbre(AAH, tilt=1.8, vibrato=(12.0, 5.6, 0.15), level=(0.04, 0.2, 0.85, 0.1), gain=0.8),
        54: Timbre(OH, tilt=1.8, vibrato=(10.0, 5.2, 0.2), level=(0.05, 0.2, 0.85, 0.12), gain=0.8),
        9: Timbre(
            partials=((1.0, 1.0), (2.76, 0.25), (5.40, 0.1), (8.93, 0.05)),
            decays=(1.2, 0.25, 0.1, 0.05),
            level=(0.001, 1.0, 0.0, 0.08),
            gain=0.9,
        ),
        # Held: an organ's string stop drawn with its celeste, two ranks a few cents apart (what
        # free-time chords put under them too).
        48: Timbre(
            partials=tuple((float(k), 0.8 ** (k - 1)) for k in range(1, 13)),
            singers=2,
            spread=3.0,
            level=(0.08, 0.2, 1.0, 0.3),
            gain=0.8,
        ),
    },
    drums=SampleSet(
        root=_PEARL,
        programs={},
        kit=_PEARL,
        drums={
            36: "PearlKick",
            37: "PearlSideStick",
            38: "PearlSnare",
            39: "HandClap",
            40: "PearlSnareRimshot",
            41: "PearlTomFloor",
            42: "SabianHatClosed",
            44: "SabianHatPedal",
            45: "PearlTom2",
            46: "SabianHatOpen",
            48: "PearlTom1",
            49: "SabianCrash",
            51: "PaisteRide",
            53: "PaisteBell",
            55: "ZildjianSplash",
            56: "Cowbell",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The timbre sets a render may name in place of a soundfont (midi_render.render_notes).
TIMBRE_SETS = {FORMANT.root: FORMANT}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, timbre_set: TimbreSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's timbre, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, timbre_set, _voice, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Timbre] = {}


def _formants(
    frequency: npt.NDArray[np.float64], vowel: tuple[tuple[float, float], ...]
) -> npt.NDArray[np.float64]:
    """A cascade of two-pole resonators' gain at `frequency` (each 1 at 0 Hz, its peak at its centre)."""
    gain = np.ones_like(frequency)
    for centre, bandwidth in vowel:
        ratio = frequency / centre
        gain /= np.sqrt((1.0 - ratio**2) ** 2 + (ratio * bandwidth / centre) ** 2)
    return gain


def _table(timbre: Timbre, f0: float, sample_rate: int) -> npt.NDArray[np.float64]:
    """One cycle at f0 / 2 of a harmonic timbre at `f0`, with its first sample again at the end."""
    depth = 2.0 ** ((timbre.spread + timbre.vibrato[0]) / 1200.0)
    top = _NYQUIST_SHARE * sample_rate / (f0 * depth)  # the highest multiple of f0 kept
    if timbre.vowel:
        multiples = np.arange(1, int(top) + 1, dtype=np.float64)
        levels = _formants(multiples * f0, timbre.vowel) / multiples**timbre.tilt
    else:
        kept = [(m, a) for m, a in timbre.partials if m <= top]
        multiples = np.array([m for m, _ in kept])
        levels = np.array([a for _, a in kept])
    spectrum = np.zeros(_TABLE // 2 + 1, dtype=np.complex128)
    np.add.at(spectrum, np.round(2 * multiples).astype(np.int64), -1j * levels)
    table = np.fft.irfft(spectrum, _TABLE) * (_TABLE / 2.0) / np.sqrt(np.sum(levels**2))
    return np.concatenate([table, table[:1]])


def _voice(timbre: Timbre, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The timbre playing `pitch` (fractional MIDI) for `held` seconds, then its release."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    strength = velocity / 127.0
    attack, decay, sustain, release = timbre.level
    longest = max(timbre.decays, default=decay)
    sounding = held if timbre.sustained else min(held, _TAIL * longest)
    size = int((sounding + release) * sample_rate)
    times = np.arange(size) / sample_rate
    rng = np.random.default_rng([round(pitch * 1000), velocity, timbre.singers, len(timbre.partials)])
    wave = np.zeros(size)
    if timbre.decays:  # a mallet: its partials as sines, each dying away at its own rate
        for (multiple, level), dies in zip(timbre.partials, timbre.decays, strict=True):
            if multiple * f0 < _NYQUIST_SHARE * sample_rate:
                phase = rng.uniform(0.0, 2.0 * np.pi)
                wave += level * np.exp(-times / dies) * np.sin(2.0 * np.pi * multiple * f0 * times + phase)
    else:
        table = _table(timbre, f0, sample_rate)
        depth, rate, delay = timbre.vibrato
        grown = np.clip((times - delay) / _VIBRATO_RISE, 0.0, 1.0)
        for offset in timbre.offsets:
            frequency = f0 * 2.0 ** (offset / 1200.0)
            if depth:
                sway = np.sin(
                    2.0 * np.pi * rate * (1.0 + 0.03 * rng.standard_normal()) * times + rng.uniform(0, 6.3)
                )
                frequency = frequency * (1.0 + (2.0 ** (depth / 1200.0) - 1.0) * grown * sway)
            cycles = rng.uniform() + np.cumsum(np.broadcast_to(frequency / 2.0, times.shape)) / sample_rate
            read = (cycles % 1.0) * _TABLE
            index = read.astype(np.int64)
            fraction = read - index
            wave += table[index] * (1.0 - fraction) + table[index + 1] * fraction
        wave /= np.sqrt(len(timbre.offsets))
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    envelope = rise * (sustain + (1.0 - sustain) * falling) if not timbre.decays else rise
    envelope *= np.clip((sounding + release - times) / release, 0.0, 1.0)
    return (0.25 * timbre.gain * strength * wave * envelope).astype(np.float32)
