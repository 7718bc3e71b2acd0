"""Notes to audio through granular synthesis (streams and clouds of short grains, each locked to the
note's phase) in numpy, and a drum kit."""

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
Signal = npt.NDArray[np.float64]

_NYQUIST_SHARE = 0.45  # a wave's harmonics that would sound above this share of the rate are left out
_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its decays
_VIBRATO_RISE = 0.35  # s: a vibrato grows to its depth over this long, once its delay has passed

Wave = tuple[tuple[int, float], ...]  # (k, level): the note's k-th harmonic at that level


@dataclass(frozen=True)
class Timbre(voice_render.Detuned):
    """A granular patch (Truax's streams and Roads's clouds): the note sounds only through grains,
    each a short burst under a Hann window `grain` seconds long, `overlap` of them sounding at once,
    each cut from one of `waves` (harmonic spectra, as a granular instrument cuts its grains from a
    recording whose tone changes along it). In a stream (`scatter` 0) the grains follow each other
    evenly and their windows add up to one steady level; in a cloud each grain starts anywhere
    within `scatter` of its slot, so the level flickers grain by grain. Where a grain is cut from
    moves through `waves` (`scan`: from, to, over seconds, 0 the first wave and 1 the last), each
    grain cut up to `spray` either side of it, drawn, so the tone flickers too. Every grain is read
    at the note's running phase, each harmonic at one phase in every wave, so however the grains
    fall nothing but the note's harmonics sounds, each spread by no more than a grain's bandwidth.
    The amplitude follows `level` (attack, decay, sustain share, release); `lines` copies are
    detuned symmetrically around the note; a vibrato sways each copy's frequency symmetrically
    around its own (depth in cents either side, rate in Hz, the delay before it grows)."""

    waves: tuple[Wave, ...]
    grain: float = 0.06
    overlap: int = 4
    scatter: float = 0.0  # at most 1: a grain starts within its own slot
    scan: tuple[float, float, float] = (0.0, 0.0, 1.0)
    spray: float = 0.0
    level: tuple[float, float, float, float] = (0.01, 0.5, 1.0, 0.1)
    lines: int = 1
    spread: float = 0.0  # cents from the centre to the outermost copy
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    gain: float = 1.0  # levels it against the set's other patches


# General MIDI programs to granular patches, and the drum channel to a recorded kit.
GrainSet = voice_render.VoiceSet[Timbre]


def _saw(count: int, scale: float = 1.0) -> Wave:
    """A sawtooth's first `count` harmonics (1/k), times `scale`."""
    return tuple((k, scale / k) for k in range(1, count + 1))


def _odd(count: int, scale: float = 1.0) -> Wave:
    """A square's first `count` odd harmonics (1/k), times `scale`."""
    return tuple((k, scale / k) for k in range(1, 2 * count, 2))


# Every patch is computed here (no samples, no soundfont, no filter on the voice): grains whose waves
# hold whole harmonics of the note, read at its running phase, so the note's pitch is exact, and
# whose harmonics above _NYQUIST_SHARE of the rate are left out, so nothing aliases. Where each grain
# falls and what it is cut from are seeded by the note, so a render is the same on every run. Drums
# from Hydrogen's BJA_Pacific (Luc Tanguay and Bransin James Anderson's acoustic kit; CC BY-SA 3.0,
# Debian's hydrogen-drumkits, `make apt`), one velocity layer per drum.
_PACIFIC = Path("/usr/share/hydrogen/data/drumkits/BJA_Pacific")
GRAINS = GrainSet(
    root=Path(__file__).with_name("grain-patches"),
    programs={
        # Chords: an electric piano (short grains cut from a bright wave toward a mellow one as it
        # decays), a vibraphone (its bar's first, fourth and tenth harmonics, a slow cloud), a church
        # organ (a stream of its stops' harmonics, held), a new-age pad (a cloud sprayed between a
        # hollow wave and a bright one, swelling).
        4: Timbre(
            (
                ((1, 1.0), (2, 0.55), (3, 0.3), (4, 0.22), (5, 0.12), (6, 0.08), (8, 0.04)),
                ((1, 1.0), (2, 0.3), (3, 0.08), (4, 0.03)),
            ),
            grain=0.03,
            overlap=4,
            scatter=0.3,
            scan=(0.0, 1.0, 0.9),
            level=(0.003, 1.1, 0.0, 0.12),
            gain=1.1,
        ),
        11: Timbre(
            (((1, 1.0), (4, 0.45), (10, 0.12)), ((1, 1.0), (4, 0.2), (10, 0.03))),
            grain=0.09,
            overlap=6,
            scatter=0.6,
            scan=(0.0, 1.0, 0.6),
            spray=0.15,
            level=(0.002, 1.3, 0.0, 0.2),
            gain=1.2,
        ),
        19: Timbre(
            (
                ((1, 1.0), (2, 0.7), (3, 0.25), (4, 0.45), (6, 0.2), (8, 0.25), (12, 0.1), (16, 0.06)),
                ((1, 1.0), (2, 0.8), (3, 0.2), (4, 0.6), (5, 0.12), (6, 0.3), (8, 0.35), (10, 0.1)),
            ),
            grain=0.05,
            overlap=4,
            scan=(0.0, 0.5, 2.0),
            spray=0.2,
            level=(0.04, 0.5, 1.0, 0.15),
            gain=0.75,
        ),
        88: Timbre(
            (
                ((1, 1.0), (3, 0.35), (5, 0.15), (7, 0.08)),
                _saw(10, 0.9),
            ),
            grain=0.12,
            overlap=6,
            scatter=0.8,
            scan=(0.0, 0.6, 2.5),
            spray=0.3,
            level=(0.6, 1.0, 1.0, 0.8),
            lines=2,
            spread=5.0,
            gain=0.9,
        ),
        # Basses: an upright (short grains, dark, dying away), a synth bass (a stream of a square's odd
        # harmonics darkening from its attack).
        32: Timbre(
            (((1, 1.0), (2, 0.5), (3, 0.25), (4, 0.1), (5, 0.05)), ((1, 1.0), (2, 0.25), (3, 0.06))),
            grain=0.04,
            overlap=4,
            scatter=0.2,
            scan=(0.0, 1.0, 0.5),
            level=(0.004, 0.9, 0.25, 0.08),
            gain=1.4,
        ),
        38: Timbre(
            (_odd(8), _odd(3)),
            grain=0.035,
            overlap=4,
            scan=(0.0, 1.0, 0.25),
            level=(0.003, 0.5, 0.5, 0.06),
            gain=1.3,
        ),
        # Leads: an ocarina (nearly a sine, a light cloud and a vibrato that sets in late), a pan flute
        # (a thin cloud sprayed between a pure wave and an airy one), a voice lead (a stream scanned
        # from an "oo" toward an "ah", its vibrato from the start).
        79: Timbre(
            (((1, 1.0), (2, 0.08), (3, 0.05)),),
            grain=0.07,
            overlap=4,
            scatter=0.4,
            level=(0.03, 0.3, 0.9, 0.08),
            vibrato=(12.0, 5.0, 0.35),
            gain=0.9,
        ),
        75: Timbre(
            (((1, 1.0), (2, 0.05)), ((1, 1.0), (2, 0.3), (3, 0.2), (4, 0.12), (5, 0.08))),
            grain=0.05,
            overlap=3,
            scatter=0.7,
            scan=(0.7, 0.3, 0.3),
            spray=0.3,
            level=(0.05, 0.4, 0.8, 0.1),
            gain=0.9,
        ),
        85: Timbre(
            (
                ((1, 1.0), (2, 0.35), (3, 0.12), (4, 0.05)),
                ((1, 0.8), (2, 0.9), (3, 0.7), (4, 0.35), (5, 0.3), (6, 0.15), (7, 0.08)),
            ),
            grain=0.06,
            overlap=4,
            scan=(0.0, 1.0, 0.5),
            level=(0.04, 0.3, 0.85, 0.12),
            vibrato=(18.0, 5.6, 0.0),
            gain=0.8,
        ),
        # Held: a string ensemble (a cloud of a sawtooth's harmonics, three copies detuned), a choir
        # pad (a slow cloud sprayed between an "ah" and an "oh"); what free-time chords put under
        # them: the strings.
        48: Timbre(
            (_saw(14), _saw(8, 0.9)),
            grain=0.08,
            overlap=6,
            scatter=0.5,
            scan=(0.0, 0.7, 1.5),
            spray=0.2,
            level=(0.3, 1.0, 1.0, 0.5),
            lines=3,
            spread=7.0,
            gain=1.0,
        ),
        91: Timbre(
            (
                ((1, 0.8), (2, 0.9), (3, 0.75), (4, 0.3), (5, 0.25), (6, 0.1)),
                ((1, 1.0), (2, 0.75), (3, 0.3), (4, 0.12), (5, 0.05)),
            ),
            grain=0.1,
            overlap=6,
            scatter=0.7,
            scan=(0.5, 0.5, 1.0),
            spray=0.5,
            level=(0.5, 1.0, 1.0, 0.9),
            lines=2,
            spread=6.0,
            gain=0.9,
        ),
    },
    drums=SampleSet(
        root=_PACIFIC,
        programs={},
        kit=_PACIFIC,
        drums={
            35: "BD_04",
            36: "BD_06",
            38: "SN_06",
            39: "SN4_08",  # no clap: its dry snare struck hardest, as a drum machine's clap stands in
            40: "SN4_06",  # its dry snare
            41: "TM2_06",
            42: "HH_05",
            44: "HH_02",  # no pedalled hat: its softest closed one, as a foot's chick stands in
            45: "TM_04",
            46: "HH2_05",
            48: "TM_06",
            49: "CB_02",
            51: "RD_04",
            53: "BL_03",
            57: "CB2_02",
            59: "RD2_03",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.aiff",),
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The granular sets a render may name in place of a soundfont (midi_render.render_notes).
GRAIN_SETS = {GRAINS.root: GRAINS}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, grain_set: GrainSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's patch, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, grain_set, _voice, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Timbre] = {}


def _levels(waves: tuple[Wave, ...], top: int) -> Signal:
    """Each wave's harmonic levels (row per wave, column k-1 for harmonic k), its harmonics above the
    `top`-th left out; every wave at one loudness (its levels' sum of squares 1)."""
    levels = np.zeros((len(waves), max(k for wave in waves for k, _ in wave)))
    for row, wave in enumerate(waves):
        for k, level in wave:
            levels[row, k - 1] = level
    levels /= np.sqrt(np.sum(levels**2, axis=1, keepdims=True))
    levels[:, top:] = 0.0
    return levels


def _grains(timbre: Timbre, size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """How much of each wave the grains sounding at each sample hold (row per wave), at 1 on average:
    grains every `grain` / `overlap` (a whole number of samples, so a stream's windows add up to one
    level exactly), from a grain before the note on, each moved within `scatter` of its slot and
    cut where the scan is at its onset, `spray` either side, shared between the two nearest waves."""
    hop = max(1, round(timbre.grain * sample_rate / timbre.overlap))
    length = hop * timbre.overlap
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(length) / length)
    onsets = np.arange(-length, size, hop)
    onsets = onsets + np.round(timbre.scatter * hop * (rng.random(onsets.size) - 0.5)).astype(np.int64)
    start, end, seconds = timbre.scan
    moved = np.clip(np.maximum(onsets, 0) / (seconds * sample_rate), 0.0, 1.0)
    places = start + (end - start) * moved + timbre.spray * rng.uniform(-1.0, 1.0, onsets.size)
    places = np.clip(places, 0.0, 1.0) * (len(timbre.waves) - 1)
    lower = np.minimum(np.floor(places).astype(np.int64), max(0, len(timbre.waves) - 2))
    share = places - lower
    pad = length + hop  # room for a grain moved out of the first slot or the last
    held = np.zeros((len(timbre.waves), size + 2 * pad))
    for onset, row, upper in zip(onsets + pad, lower, share, strict=True):
        held[row, onset : onset + length] += (1.0 - upper) * window
        if upper:
            held[row + 1, onset : onset + length] += upper * window
    return held[:, pad : pad + size] / (0.5 * timbre.overlap)


def _envelope(attack: float, decay: float, sustain: float, times: Signal) -> Signal:
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    return np.asarray(rise * (sustain + (1.0 - sustain) * falling))


def _voice(timbre: Timbre, pitch: float, velocity: int, held: float, sample_rate: int) -> Samples:
    """The patch playing `pitch` (fractional MIDI) for `held` seconds, then its release."""
    f0 = 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
    attack, decay, sustain, release = timbre.level
    sounding = held if timbre.sustained else min(held, _TAIL * decay)
    size = int((sounding + release) * sample_rate)
    times = np.arange(size) / sample_rate
    ending = np.clip((sounding + release - times) / release, 0.0, 1.0)
    amplitude = (0.4 + 0.6 * velocity / 127.0) * _envelope(attack, decay, sustain, times) * ending
    depth, vibrato_rate, delay = timbre.vibrato
    highest = f0 * 2.0 ** ((timbre.spread + depth) / 1200.0)
    levels = _levels(timbre.waves, max(1, int(_NYQUIST_SHARE * sample_rate / highest)))
    rng = np.random.default_rng([round(pitch * 1000), velocity, timbre.lines, len(timbre.waves)])
    phases = rng.uniform(0.0, 2.0 * np.pi, int(levels.shape[1]))  # each harmonic's, in every wave and grain
    grown = np.clip((times - delay) / _VIBRATO_RISE, 0.0, 1.0)
    wave = np.zeros(size)
    for cents in timbre.offsets:
        frequency = f0 * 2.0 ** (cents / 1200.0)
        if depth:
            sway = np.sin(
                2.0 * np.pi * vibrato_rate * (1.0 + 0.03 * rng.standard_normal()) * times
                + rng.uniform(0, 6.3)
            )
            swayed = frequency * (1.0 + (2.0 ** (depth / 1200.0) - 1.0) * grown * sway)
            cycles = rng.uniform() + np.cumsum(swayed) / sample_rate
        else:
            cycles = rng.uniform() + times * frequency
        grains = _grains(timbre, size, sample_rate, rng)
        for k in np.flatnonzero(np.any(levels, axis=0)):
            wave += (levels[:, k] @ grains) * np.cos(2.0 * np.pi * (k + 1) * cycles + phases[k])
    wave /= np.sqrt(len(timbre.offsets))
    return (0.25 * timbre.gain * amplitude * wave).astype(np.float32)
