"""Notes to audio through wavetable synthesis (a PPG Wave's: single cycles scanned in turn) in numpy,
and a drum kit."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from soundforge.testing import voice_render
from soundforge.testing.sample_render import SampleSet

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

_POINTS = 128  # samples a single cycle is drawn at: harmonics 1 to 63 (its Nyquist, the 64th, is left out)
_NYQUIST_SHARE = 0.45  # harmonics above this share of the output rate are left out: no aliasing
_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its decays
_VIBRATO_RISE = 0.35  # s: a vibrato grows to its depth over this long, once its delay has passed


def _drawn(waves: Iterable[Signal]) -> Signal:
    return np.array(list(waves))


_PHASE = np.arange(_POINTS) / _POINTS  # where each of a cycle's points falls in it
_SINE = np.sin(2.0 * np.pi * _PHASE)
_TRIANGLE = 1.0 - 2.0 * np.abs(2.0 * ((_PHASE + 0.25) % 1.0) - 1.0)
_SAW = 2.0 * ((_PHASE + 0.5) % 1.0) - 1.0
_SQUARE = np.where(_PHASE < 0.5, 1.0, -1.0)


def _morph() -> Signal:
    """A sine that turns into a triangle, a sawtooth and a square, eight waves from each to the next."""
    anchors = (_SINE, _TRIANGLE, _SAW, _SQUARE)
    shares = np.arange(8) / 8.0
    steps = [(1.0 - s) * a + s * b for a, b in itertools.pairwise(anchors) for s in shares]
    return _drawn([*steps, _SQUARE])


# The banks a patch scans, each its waves in the order they are scanned, drawn as a PPG's were: a
# sawtooth beside its copy restarted every cycle of the note (hard sync) at 1 to 5 times the note's
# frequency (the plain one keeps the note's fundamental where the synced one has none); a
# pulse narrowing from a square to 1/32 of the cycle; a sawtooth built up a harmonic a wave, as
# drawbars pulled one by one; a sine kept in fewer and fewer levels (32 either side down to one, a
# three-level wave), as a low bit depth steps it; a sine turning into a triangle, a sawtooth, a square.
BANKS: dict[str, Callable[[], Signal]] = {
    "sync": lambda: _drawn(
        0.5 * _SAW + ((ratio * _PHASE + 0.5) % 1.0) - 0.5 for ratio in np.linspace(1.0, 5.0, 33)
    ),
    "pulse": lambda: _drawn(np.where(np.arange(_POINTS) < width, 1.0, -1.0) for width in range(64, 3, -2)),
    "drawbars": lambda: np.cumsum(_drawn(np.sin(2.0 * np.pi * k * _PHASE) / k for k in range(1, 33)), axis=0),
    "stepped": lambda: _drawn(
        np.round(steps * _SINE) / steps for steps in (32, 24, 16, 12, 8, 6, 5, 4, 3, 2, 1)
    ),
    "morph": _morph,
}


@dataclass(frozen=True)
class Timbre(voice_render.Detuned):
    """A wavetable patch: a bank of single cycles (`bank`, one of BANKS) read at the note's frequency
    and scanned, the scan's place (0 its first wave, 1 its last) moving from where the key strikes it
    toward where it settles (`scan`: the two places and the seconds it takes to come a share 1/e of
    the way; a softer key strikes nearer), swayed by a slow sweep (`sweep`: its depth, in the same
    places, and its rate in Hz), at a place between two waves their harmonics' levels mixed; an
    amplitude envelope (`level`: attack, decay, the share it sustains, release), `lines` copies
    detuned symmetrically around the note, a vibrato swaying each copy's frequency symmetrically
    around its own (depth in cents either side, rate in Hz, the delay before it grows), and a gain
    that levels it against the set's other patches."""

    bank: str
    scan: tuple[float, float, float] = (0.0, 0.0, 1.0)
    sweep: tuple[float, float] = (0.0, 0.0)
    level: tuple[float, float, float, float] = (0.005, 0.5, 1.0, 0.1)
    lines: int = 1
    spread: float = 0.0  # cents from the centre to the outermost copy
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    gain: float = 1.0


# General MIDI programs to wavetable patches, and the drum channel to a recorded kit.
WavetableSet = voice_render.VoiceSet[Timbre]


# Every patch is computed here (no samples, no soundfont, no filter on the voice): each wave of a bank
# is its harmonics (a cycle drawn at _POINTS samples holds whole multiples of the note and nothing
# else), summed at the note's exact frequency, so its pitch is exact by construction; the harmonics
# above _NYQUIST_SHARE of the rate are left out, so nothing aliases; and each harmonic keeps one phase
# through its bank (the scan moves its level, never its phase, so never its frequency). Every phase is
# seeded by the note, so a render is the same on every run. Drums from Hydrogen's ForzeeStereo
# (Vladimir Sadovnikov and Alexander Belokurov's acoustic kit; GPL-2, Debian's hydrogen-drumkits,
# `make apt`), each drum's fourth of its five velocity layers (the kit numbers its layers).
_FORZEE = Path("/usr/share/hydrogen/data/drumkits/ForzeeStereo")
WAVETABLE = WavetableSet(
    root=Path(__file__).with_name("wavetable-patches"),
    programs={
        # Chords: an electric piano (drawbars pulled out at the strike and pushed in as it decays), a
        # harpsichord-like pluck (a narrow pulse widening), synth brass (the synced sawtooth swelling
        # brighter after its attack) and a polysynth (a square settling toward a sawtooth, swaying).
        4: Timbre("drawbars", scan=(0.85, 0.2, 0.35), level=(0.002, 1.3, 0.0, 0.12), gain=1.1),
        6: Timbre("pulse", scan=(0.9, 0.35, 0.12), level=(0.001, 0.8, 0.0, 0.05), gain=0.8),
        63: Timbre(
            "sync", scan=(0.0, 0.5, 0.3), level=(0.04, 0.5, 0.85, 0.15), lines=2, spread=5.0, gain=0.9
        ),
        90: Timbre(
            "morph",
            scan=(0.95, 0.7, 0.4),
            sweep=(0.08, 0.2),
            level=(0.01, 0.6, 0.6, 0.2),
            lines=2,
            spread=4.0,
        ),
        # Basses: a synth bass (the synced sawtooth snapping down to a plain one), a rounder one (a
        # sawtooth settling toward a triangle).
        38: Timbre("sync", scan=(0.55, 0.0, 0.08), level=(0.003, 0.6, 0.5, 0.05), gain=1.3),
        33: Timbre("morph", scan=(0.7, 0.4, 0.2), level=(0.004, 1.0, 0.35, 0.06), gain=1.4),
        # Leads: a square whose width sways (a slow sweep through the pulses) under a vibrato, a
        # synced lead with a vibrato that sets in after the attack, a mallet whose stepped strike
        # smooths to a sine in a few hundredths.
        80: Timbre(
            "pulse",
            scan=(0.3, 0.3, 1.0),
            sweep=(0.25, 0.6),
            level=(0.01, 0.3, 0.85, 0.08),
            vibrato=(12.0, 5.5, 0.35),
            gain=0.8,
        ),
        84: Timbre(
            "sync",
            scan=(0.7, 0.45, 0.5),
            level=(0.005, 0.4, 0.8, 0.08),
            vibrato=(10.0, 5.0, 0.25),
            gain=0.8,
        ),
        11: Timbre("stepped", scan=(0.8, 0.0, 0.05), level=(0.001, 0.9, 0.0, 0.1), gain=1.2),
        # Held: a string ensemble (the synced sawtooth near its start, three detuned copies, a slow
        # sweep), a sweep pad (the drawbars pulled out over seconds) and a warm pad (a triangle turning
        # toward a sawtooth); what free-time chords put under them too: the strings.
        48: Timbre(
            "sync",
            scan=(0.15, 0.25, 1.0),
            sweep=(0.05, 0.15),
            level=(0.3, 1.0, 1.0, 0.5),
            lines=3,
            spread=8.0,
        ),
        95: Timbre(
            "drawbars",
            scan=(0.0, 0.8, 2.5),
            sweep=(0.12, 0.1),
            level=(0.6, 1.0, 1.0, 1.0),
            lines=2,
            spread=6.0,
            gain=0.9,
        ),
        89: Timbre(
            "morph",
            scan=(0.25, 0.45, 1.5),
            sweep=(0.08, 0.12),
            level=(0.5, 1.0, 1.0, 0.8),
            lines=2,
            spread=5.0,
            gain=0.9,
        ),
    },
    drums=SampleSet(
        root=_FORZEE,
        programs={},
        kit=_FORZEE,
        drums={
            36: "Kick-3",
            37: "RimClick-3",
            38: "Snare-3",
            39: "Stick-3",  # no clap: its sticks clicked together, as a count-in's, stand in
            41: "TomLow-3",
            42: "HiHatClosed-3",
            44: "HiHatFoot-3",
            45: "TomMid-3",
            46: "HiHatOpen-2",
            50: "TomHigh-3",
            51: "RideBow-2",
            52: "China-3",
            53: "RideBell-2",
            54: "Tambourine-3",
            55: "Splash10-3",
            67: "AgogoHigh-3",
            68: "AgogoLow-3",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.wav",),
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The wavetable sets a render may name in place of a soundfont (midi_render.render_notes).
WAVETABLE_SETS = {WAVETABLE.root: WAVETABLE}


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Timbre] = {}


@functools.lru_cache(maxsize=16)
def _bank(name: str) -> tuple[Signal, npt.NDArray[np.complex128]]:
    """The bank's waves as their harmonics' levels (a row a wave, harmonic k in column k - 1), each
    wave at the same loudness, and each harmonic's one phase (a unit complex number): the phase it
    has in the wave where it is loudest."""
    spectra = np.fft.rfft(BANKS[name](), axis=1)[:, 1 : _POINTS // 2]
    levels = np.abs(spectra)
    levels /= np.sqrt(np.sum(levels**2, axis=1, keepdims=True))
    loudest = spectra[np.argmax(levels, axis=0), np.arange(spectra.shape[1])]
    phases = np.where(np.abs(loudest) > 1e-9, loudest / np.maximum(np.abs(loudest), 1e-9), 1.0)
    return levels, phases


def _place(timbre: Timbre, strength: float, times: Signal, rng: np.random.Generator) -> Signal:
    """Where the scan stands at `times`, from 0 (the bank's first wave) to 1 (its last)."""
    struck, settled, seconds = timbre.scan
    start = settled + (struck - settled) * (0.5 + 0.5 * strength)
    depth, rate = timbre.sweep
    sway = depth * np.sin(2.0 * np.pi * rate * times + rng.uniform(0.0, 2.0 * np.pi))
    return np.clip(settled + (start - settled) * np.exp(-times / seconds) + sway, 0.0, 1.0)


def _turns(frequency: float, times: Signal, vibrato: tuple[float, float, float], rng: np.random.Generator,
           sample_rate: int) -> npt.NDArray[np.complex128]:  # fmt: skip
    """A copy's phase at `times` as a unit complex number: its frequency swayed symmetrically around
    `frequency` by the vibrato, its start seeded by the note."""
    depth, rate, delay = vibrato
    grown = np.clip((times - delay) / _VIBRATO_RISE, 0.0, 1.0) * (2.0 ** (depth / 1200.0) - 1.0)
    swing = grown * np.sin(2.0 * np.pi * rate * times + rng.uniform(0.0, 2.0 * np.pi))
    cycles = rng.uniform() + np.cumsum(frequency * (1.0 + swing)) / sample_rate
    return np.exp(2j * np.pi * cycles)


def _voice(timbre: Timbre, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The patch playing `pitch` (fractional MIDI) for `held` seconds, then its release."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    strength = velocity / 127.0
    attack, decay, sustain, release = timbre.level
    sounding = held if timbre.sustained else min(held, _TAIL * decay)
    times = np.arange(int((sounding + release) * sample_rate)) / sample_rate
    levels, phases = _bank(timbre.bank)
    highest = f0 * 2.0 ** ((timbre.spread + timbre.vibrato[0]) / 1200.0)
    top = max(1, min(int(_NYQUIST_SHARE * sample_rate / highest), levels.shape[1]))
    rng = np.random.default_rng([round(pitch * 1000), velocity, timbre.lines, len(levels)])
    place = _place(timbre, strength, times, rng) * (len(levels) - 1)
    lower = np.minimum(place.astype(np.int64), len(levels) - 2)
    between = place - lower
    turns = [
        _turns(f0 * 2.0 ** (cents / 1200.0), times, timbre.vibrato, rng, sample_rate)
        for cents in timbre.offsets
    ]
    powers = [np.ones(times.size, dtype=np.complex128) for _ in turns]
    wave = np.zeros(times.size)
    for k in range(top):  # harmonic k + 1 of every copy: its level where the scan stands, its one phase
        level = levels[lower, k] + between * (levels[lower + 1, k] - levels[lower, k])
        for turn, power in zip(turns, powers, strict=True):
            np.multiply(power, turn, out=power)
            wave += level * (phases[k] * power).real
    wave /= np.sqrt(len(turns))
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    envelope = rise * (sustain + (1.0 - sustain) * np.exp(-np.maximum(0.0, times - attack) / decay))
    envelope *= np.clip((sounding + release - times) / release, 0.0, 1.0)
    return (0.25 * timbre.gain * (0.4 + 0.6 * strength) * envelope * wave).astype(np.float32)


# The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out: each
# melodic note through its program's patch, bent by `cents`; the drum channel through the set's kit,
# unbent. A program the set lacks is an error, never a stand-in.
render = functools.partial(voice_render.render, sound=_voice, cache=_SOUNDED)
