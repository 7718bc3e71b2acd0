"""Notes to audio through waveshaping synthesis (a sine driven through Chebyshev polynomials) in numpy,
and a drum kit."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from numpy.polynomial import chebyshev

from soundforge.testing import voice_render
from soundforge.testing.sample_render import SampleSet

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

_NYQUIST_SHARE = 0.45  # a shaper's terms whose harmonic would sound above this share of the rate are cut
_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its decays
_VIBRATO_RISE = 0.35  # s: a vibrato grows to its depth over this long, once its delay has passed
_DC_POINTS = 257  # drives at which a shaper's offset (its output's mean over a cycle) is tabled
_DC_CYCLE = 1024  # points of a cycle its mean is taken over (exact for every term below 1024)


@dataclass(frozen=True)
class Timbre(voice_render.Detuned):
    """A waveshaping patch (Le Brun's and Arfib's): a sine at the note is driven through a shaper, a
    polynomial written as Chebyshev terms, `harmonics` ((k, level): T_k, which turns a full-scale
    cosine into its k-th harmonic, at that level), so that a full drive sounds exactly those harmonics
    and a lighter one fewer, softer ones: the drive (the distortion index, `drive` at its peak, at
    least `floor` of it) follows an envelope of its own (`index`: attack, decay, the share of its
    peak it sustains), and the tone brightens and darkens with it, never above the shaper's highest
    term. The shaper's offset at each drive is taken off, so nothing but the note's harmonics sounds;
    the amplitude follows `level` (attack, decay, sustain share, release). `lines` copies are
    detuned symmetrically around the note; a vibrato sways each copy's frequency symmetrically
    around its own (depth in cents either side, rate in Hz, the delay before it grows)."""

    harmonics: tuple[tuple[int, float], ...]
    drive: float = 1.0  # at most 1: a Chebyshev term is a harmonic only for inputs within -1..1
    floor: float = 0.3
    index: tuple[float, float, float] = (0.005, 0.5, 1.0)
    level: tuple[float, float, float, float] = (0.005, 0.5, 1.0, 0.1)
    lines: int = 1
    spread: float = 0.0  # cents from the centre to the outermost copy
    vibrato: tuple[float, float, float] = (0.0, 0.0, 0.0)
    gain: float = 1.0  # levels it against the set's other patches


# General MIDI programs to waveshaping patches, and the drum channel to a recorded kit.
ShaperSet = voice_render.VoiceSet[Timbre]


# Every patch is computed here (no samples, no soundfont, no filter on the voice): a sine at the note
# through a polynomial, whose terms are harmonics of the note by construction (T_k(cos x) = cos kx),
# so the note's pitch is exact, and whose terms above _NYQUIST_SHARE of the rate are left out, so
# nothing aliases. Every phase is seeded by the note, so a render is the same on every run. Drums from
# Hydrogen's Millo_MultiLayered3 (Emillo's acoustic kit; GPL, Debian's hydrogen-drumkits, `make apt`).
_MILLO3 = Path("/usr/share/hydrogen/data/drumkits/Millo_MultiLayered3")
SHAPER = ShaperSet(
    root=Path(__file__).with_name("shaper-patches"),
    programs={
        # Chords: an electric grand (a bright shaper struck hard, its drive falling fast to a mellow
        # one), a second electric piano (odd terms, a bell-like attack), a percussive organ (even and
        # odd terms, held; its drive falls from a click), synth brass (a sawtooth's terms, the drive
        # swelling slowly as a brass player's lip does).
        2: Timbre(
            ((1, 1.0), (2, 0.5), (3, 0.35), (4, 0.2), (5, 0.12), (6, 0.08), (8, 0.04)),
            floor=0.35,
            index=(0.002, 0.25, 0.3),
            level=(0.002, 1.4, 0.0, 0.12),
            gain=1.0,
        ),
        5: Timbre(
            ((1, 1.0), (3, 0.4), (5, 0.15), (7, 0.1), (9, 0.05)),
            floor=0.25,
            index=(0.001, 0.12, 0.15),
            level=(0.002, 1.8, 0.0, 0.15),
            lines=2,
            spread=4.0,
            gain=1.5,
        ),
        17: Timbre(
            ((1, 1.0), (2, 0.7), (3, 0.3), (4, 0.45), (6, 0.2), (8, 0.15)),
            floor=0.6,
            index=(0.003, 0.15, 0.7),
            level=(0.006, 1.0, 1.0, 0.06),
            gain=0.75,
        ),
        62: Timbre(
            tuple((k, 1.0 / k) for k in range(1, 13)),
            floor=0.2,
            index=(0.09, 0.6, 0.75),
            level=(0.03, 0.5, 0.85, 0.15),
            lines=2,
            spread=5.0,
            gain=1.0,
        ),
        # Basses: a fretless one (few terms, its drive following the pluck), a synth bass (a square's
        # odd terms, its drive snapping down from the attack).
        35: Timbre(
            ((1, 1.0), (2, 0.3), (3, 0.15), (4, 0.06)),
            floor=0.4,
            index=(0.004, 0.4, 0.5),
            level=(0.004, 1.2, 0.4, 0.06),
            gain=1.3,
        ),
        39: Timbre(
            tuple((k, 1.0 / k) for k in range(1, 12, 2)),
            floor=0.3,
            index=(0.002, 0.09, 0.35),
            level=(0.002, 0.6, 0.5, 0.05),
            gain=1.6,
        ),
        # Leads: a sawtooth lead with a vibrato that sets in after the attack, a xylophone (its
        # strike's upper terms gone in a few hundredths), an oboe-like reed (a nasal shaper, its odd
        # and even terms peaking at the third and fourth).
        81: Timbre(
            tuple((k, 1.0 / k) for k in range(1, 10)),
            floor=0.5,
            index=(0.01, 0.4, 0.8),
            level=(0.01, 0.3, 0.85, 0.08),
            vibrato=(14.0, 5.2, 0.3),
            gain=1.0,
        ),
        13: Timbre(
            ((1, 1.0), (3, 0.5), (4, 0.3), (6, 0.15)),
            floor=0.3,
            index=(0.001, 0.03, 0.0),
            level=(0.001, 0.35, 0.0, 0.05),
            gain=1.3,
        ),
        68: Timbre(
            ((1, 0.5), (2, 0.7), (3, 1.0), (4, 0.8), (5, 0.4), (6, 0.2), (7, 0.1)),
            floor=0.55,
            index=(0.04, 0.3, 0.85),
            level=(0.04, 0.3, 0.9, 0.08),
            vibrato=(8.0, 4.8, 0.4),
            gain=0.7,
        ),
        # Held: a string ensemble (a sawtooth's terms under a slow drive, three detuned copies), a
        # halo pad whose drive opens slowly, as a filter would (what free-time chords put under them
        # too: the strings).
        48: Timbre(
            tuple((k, 0.9 / k) for k in range(1, 11)),
            floor=0.3,
            index=(0.4, 1.0, 0.8),
            level=(0.3, 1.0, 1.0, 0.5),
            lines=3,
            spread=8.0,
            gain=1.1,
        ),
        94: Timbre(
            ((1, 1.0), (2, 0.4), (3, 0.5), (5, 0.25), (7, 0.12)),
            floor=0.15,
            index=(1.6, 1.0, 1.0),
            level=(0.5, 1.0, 1.0, 0.9),
            lines=2,
            spread=6.0,
            gain=0.9,
        ),
    },
    drums=SampleSet(
        root=_MILLO3,
        programs={},
        kit=_MILLO3,
        drums={
            35: "bd_02",
            36: "bd_01",
            37: "rs_01",
            38: "sd_01",
            39: "rs_03",  # no clap: its loudest stick, as a drum machine's clap stands in
            40: "sd_04",
            41: "ft_01",
            42: "hh_01",
            44: "hh_p",
            45: "t2_01",
            46: "ho_01",
            48: "t1_01",
            49: "cc_01",
            51: "rc_01",
            56: "mc_cb",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.flac",),
    ),
    drum_gain=0.8,
    fetch="`make apt` (hydrogen-drumkits, ffmpeg)",
)
# The waveshaping sets a render may name in place of a soundfont (midi_render.render_notes).
SHAPER_SETS = {SHAPER.root: SHAPER}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, shaper_set: ShaperSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's patch, bent by `cents`; the drum channel through the
    set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    return voice_render.render(notes, programs, seconds, sample_rate, cents, shaper_set, _voice, _SOUNDED)


# The notes this renderer has computed (voice_render.render reads and fills it; tests clear it).
_SOUNDED: voice_render.NoteCache[Timbre] = {}


def _coefficients(timbre: Timbre, top: int) -> Signal:
    """The shaper's Chebyshev coefficients, its terms above the `top`-th harmonic left out."""
    coefficients = np.zeros(max(k for k, _ in timbre.harmonics) + 1)
    for k, level in timbre.harmonics:
        if k <= top:
            coefficients[k] = level
    return coefficients


@functools.lru_cache(maxsize=64)
def _offsets(harmonics: tuple[tuple[int, float], ...], top: int) -> Signal:
    """The shaper's mean output over a cycle of a cosine at each of _DC_POINTS drives from 0 to 1: an
    even term's offset, which a drive's envelope would otherwise move as a thump under the note."""
    coefficients = _coefficients(Timbre(harmonics), top)
    cycle = np.cos(2.0 * np.pi * np.arange(_DC_CYCLE) / _DC_CYCLE)
    drives = np.linspace(0.0, 1.0, _DC_POINTS)
    return np.asarray(chebyshev.chebval(np.outer(drives, cycle), coefficients).mean(axis=1))


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
    strength = velocity / 127.0
    amplitude = (0.4 + 0.6 * strength) * _envelope(attack, decay, sustain, times) * ending
    # A softer key drives the shaper less: darker, as a struck or blown instrument is.
    shape = _envelope(*timbre.index, times)
    drive = timbre.drive * (0.7 + 0.3 * strength) * (timbre.floor + (1.0 - timbre.floor) * shape)
    depth, vibrato_rate, delay = timbre.vibrato
    highest = f0 * 2.0 ** ((timbre.spread + depth) / 1200.0)
    top = max(1, int(_NYQUIST_SHARE * sample_rate / highest))
    coefficients = _coefficients(timbre, top)
    offset = np.interp(drive, np.linspace(0.0, 1.0, _DC_POINTS), _offsets(timbre.harmonics, top))
    rng = np.random.default_rng([round(pitch * 1000), velocity, timbre.lines, len(timbre.harmonics)])
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
        wave += chebyshev.chebval(drive * np.cos(2.0 * np.pi * cycles), coefficients) - offset
    wave /= np.sqrt(len(timbre.offsets))
    return (0.25 * timbre.gain * amplitude * wave).astype(np.float32)
