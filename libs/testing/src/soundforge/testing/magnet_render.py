"""Notes to audio by strings, bars and forks driven by electromagnets, computed in numpy: the Magnetic
Resonator Piano's strings and its bass strings, the Choralcelo's piano wire and its steel bars held, a
Moog guitar's strings held in its sustain mode, an EBow on an electric guitar's string and on a lap
steel's under the bar, a sustainer pickup's guitar and bass, and Helmholtz's electrically maintained
tuning fork on its resonance box. None is struck, plucked or bowed to sound: a pickup (or the fork's
contact) reads the string's motion, an amplifier drives a coil with it and the coil's pull on the
steel keeps it swinging, so the note is the mode the loop locks to and the loop lasts as long as the
key is down. The amplifier clips at its rail: the drive over a period is a sine u sin(theta) clipped
at 1, whose odd harmonics are (4 / pi) (u / 2 (sin((n - 1) t) / (n - 1) - sin((n + 1) t) / (n + 1)) +
cos(n t) / n) at t = arcsin(1 / u) (a pure sine under u = 1); the magnet's pull goes as the square of
its field, (bias + drive)^2, so the force adds the drive's square, its even harmonics, the more the
weaker the bias. The swing grows from the string's rest (or a pluck) as a loop past its threshold
does, u / sqrt(1 + (u^2 / u0^2 - 1) exp(-2 t / swell)), until the amplifier clips it, so a note swells
in nearly pure and is richest once the loop is saturated. The string (or bar, or fork) takes the
force at every harmonic of the note through its modes, sum over m of w_m / (r_m^2 - n^2 + j n r_m /
Q): a stiff string's modes stand sharp of the harmonics, m sqrt((1 + B m^2) / (1 + B)), a free bar's
at 1, 2.756, 5.404, 8.933, a fork's at 1, 6.267, 17.55, so a stiffer string is driven purer and a bar
or a fork nearly a sine; w_m is the mode's shape where the coil pulls and where it is heard (a pickup's
place along the string, or the bridge into a soundboard, n times the mode). The radiator (a soundboard,
a cabinet's loudspeaker, a resonance box) passes its band. So every partial stands on a harmonic of
the note, and nothing moves it: the loop locks the swing to the first mode, each period early or late
by the loop's phase noise, never summed; a lap steel's bar slides into the note and a guitarist's
finger trembles about it. The amplifier hisses while it is on.
And a kit of the machines' own sounds, none of them held: the Magnetic Resonator Piano's bass strings
slapped by the actuators' full pulse and a solenoid's plunger slamming home on the piano's frame (the
bass drums), the Choralcelo's steel bars struck by its magnets' pulse (the toms: a free bar's modes),
an EBow dropped on the strings, a sustainer's coil pulsed so the strings slap the frets, the frame
tapped by a solenoid, the Moog guitar's strings muted at once, a magnet snapped onto a string, a
guitar lead's jack plugged in, an EBow's edge scraped along a wound string, a fork's stem rattled on
its box, the piano's strings let go with the pedal down, a fork struck on a knee and struck at its
tip, a string pinged over the pickup, the bars' ends knocked high and low, a wound string scraped by
a pick, the strings brushed muted, the fork's clang ringing short and long -- ringing modes and noise,
the slaps, the rattles and the scrapes as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

HARMONICS = 40  # the note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the note's level and its drive are worked out at (straight lines between)
# The modes of a free bar (the roots of cos b cosh b = 1) and a fork's prong, a clamped-free bar (the
# roots of cos b cosh b = -1), against the first.
BAR_MODES = (1.0, 2.756, 5.404, 8.933, 13.344)
FORK_MODES = (1.0, 6.267, 17.547, 34.386)
_LEAST_DRIVE = 1e-6  # the drive when the loop has not started, so a silent frame still has a shape
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 5417  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A string (or a bar, or a fork: `body`) an electromagnet keeps swinging. The loop drives the
    amplifier `drive` times past its rail at the hardest note (under 1 it never clips: a sine), the
    magnet's `bias` against the rail (its square law's even harmonics the weaker it is); the string's
    `stiffness` (B), the coil's place `at` and where it is heard, `heard` (a pickup's place; 0: the
    bridge into a soundboard), a share of the length from the bridge, its modes' `q`; the radiator's
    `band` (Hz, Hz). The loop starts at `start` of its full swing (the string's rest, or a pluck) and
    grows with the time constant `swell` s; the loop's phase noise, `jitter` s rms a period; the
    amplifier's `hiss` against the tone at the hardest note over `hiss_band` Hz. The bar slides in from
    `scoop` cents under the note over `glide` s. `level`: (-, -, 1, how fast the string dies once the
    key is let go and the loop opens, s); Players' vibrato (cents at `rate` Hz after `delay` s) where a
    finger trembles."""

    kind: str
    body: str = "string"  # "string", "bar" or "fork"
    drive: float = 2.0
    bias: float = 4.0
    stiffness: float = 1e-4
    at: float = 0.12
    heard: float = 0.0
    q: float = 300.0
    band: tuple[float, float] = (80.0, 6000.0)
    start: float = 0.01
    swell: float = 0.04
    jitter: float = 1e-6
    hiss: float = 0.004
    hiss_band: tuple[float, float] = (2000.0, 9000.0)
    scoop: float = 0.0
    glide: float = 0.02
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.2)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the machines in the kit (struck_render.Drum's partials and noise), and `grains` more
    at random within `spread` s, each at up to its share of the first (the frets slapped, a fork's
    stem rattling), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
MagnetSet = struck_render.StruckSet[Instrument, Struck]

# The chords: the Magnetic Resonator Piano's strings, driven from above near their hammer point and
# heard through the soundboard; the Choralcelo's piano wire, its magnets' bias weak, so its pull's
# square law sounds; a Moog guitar's strings, plucked and then held in its sustain mode, heard at
# its bridge pickup through its amplifier's cabinet.
RESONATOR_PIANO = Instrument("magnetic resonator piano's strings", drive=1.6, bias=6.0, stiffness=1e-4,
                             at=0.13, q=300.0, band=(60.0, 5000.0), start=0.02, swell=0.05, jitter=1e-6,
                             hiss=0.003, level=(0.0, 0.0, 1.0, 0.15))  # fmt: skip
CHORALCELO = Instrument("choralcelo's wire", drive=2.2, bias=1.5, stiffness=6e-5, at=0.2, q=250.0,
                        band=(70.0, 4000.0), start=0.02, swell=0.06, jitter=2e-6, hiss=0.005,
                        level=(0.0, 0.0, 1.0, 0.3))  # fmt: skip
MOOG_GUITAR = Instrument("moog guitar's strings held", drive=2.6, bias=5.0, stiffness=3e-5, at=0.25,
                         heard=0.08, q=250.0, band=(90.0, 5500.0), start=0.5, swell=0.08, jitter=2e-6,
                         hiss=0.006, level=(0.0, 0.0, 1.0, 0.12))  # fmt: skip
# Held: Helmholtz's tuning fork, its interrupter's contact driving it hard, on a box tuned to it; the
# Choralcelo's steel bars, driven at their first mode.
TUNING_FORK_HELD = Instrument("maintained tuning fork held", body="fork", drive=6.0, bias=3.0, at=0.5,
                              q=2000.0, band=(50.0, 3000.0), start=0.05, swell=0.12, jitter=1e-6,
                              hiss=0.002, level=(0.0, 0.0, 1.0, 0.4))  # fmt: skip
CHORALCELO_BARS_HELD = Instrument("choralcelo's bars held", body="bar", drive=3.0, bias=2.0, at=0.5,
                                  q=1200.0, band=(80.0, 5000.0), start=0.03, swell=0.1, jitter=1e-6,
                                  hiss=0.003, level=(0.0, 0.0, 1.0, 0.35))  # fmt: skip
# The basses: the Magnetic Resonator Piano's wound bass strings; a sustainer bass's E string, heard at
# its neck pickup through a bass cabinet.
RESONATOR_BASS = Instrument("magnetic resonator piano's bass strings", drive=1.8, bias=8.0, stiffness=8e-5,
                            at=0.1, q=300.0, band=(35.0, 3000.0), start=0.03, swell=0.06, jitter=2e-6,
                            hiss=0.003, level=(0.0, 0.0, 1.0, 0.2), gain=1.2)  # fmt: skip
SUSTAINER_BASS = Instrument("sustainer bass", drive=3.0, bias=2.0, stiffness=4e-5, at=0.3, heard=0.2,
                            q=200.0, band=(40.0, 2500.0), start=0.4, swell=0.05, jitter=3e-6, hiss=0.004,
                            hiss_band=(1000.0, 6000.0), level=(0.0, 0.0, 1.0, 0.1), gain=1.2)  # fmt: skip
# The leads: an EBow on an electric guitar's string over its bridge pickup, swelling in; a lap steel's
# string under an EBow, the steel bar sliding into the note and trembling; a sustainer guitar's
# string driven hard into its amplifier's rail.
EBOW_GUITAR = Instrument("ebow guitar", drive=2.4, bias=4.0, stiffness=3e-5, at=0.18, heard=0.1, q=300.0,
                         band=(100.0, 5000.0), start=0.005, swell=0.07, jitter=2e-6, hiss=0.006,
                         vibrato=8.0, rate=5.5, delay=0.3, level=(0.0, 0.0, 1.0, 0.1),
                         gain=0.9)  # fmt: skip
EBOW_LAP_STEEL = Instrument("ebow lap steel", drive=2.0, bias=5.0, stiffness=2e-5, at=0.2, heard=0.12,
                            q=350.0, band=(90.0, 6000.0), start=0.01, swell=0.05, jitter=2e-6,
                            hiss=0.005, scoop=40.0, glide=0.05, vibrato=12.0, rate=6.0, delay=0.2,
                            level=(0.0, 0.0, 1.0, 0.12), gain=0.9)  # fmt: skip
SUSTAINER_GUITAR = Instrument("sustainer guitar", drive=4.5, bias=3.0, stiffness=3e-5, at=0.28, heard=0.15,
                              q=200.0, band=(110.0, 4500.0), start=0.2, swell=0.03, jitter=2e-6,
                              hiss=0.008, vibrato=6.0, rate=5.0, delay=0.35, level=(0.0, 0.0, 1.0, 0.08),
                              gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the Magnetic Resonator
# Piano, the Choralcelo and a Moog guitar; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: TUNING_FORK_HELD,
        49: CHORALCELO_BARS_HELD,
        1: RESONATOR_PIANO,
        15: CHORALCELO,
        26: MOOG_GUITAR,
        33: SUSTAINER_BASS,
        43: RESONATOR_BASS,
        27: EBOW_LAP_STEEL,
        29: EBOW_GUITAR,
        30: SUSTAINER_GUITAR,
    }


def _bar(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A free bar struck near its end: its first three modes (BAR_MODES), a higher one dying sooner."""
    return tuple(
        (ratio * hz, amplitude * share, decay * fall)
        for ratio, share, fall in zip(BAR_MODES[:3], (1.0, 0.45, 0.2), (1.0, 0.5, 0.3), strict=True)
    )


def _drums() -> dict[int, Struck]:
    return {
        # The Magnetic Resonator Piano's bass strings slapped by the actuators' full pulse (a stiff
        # string's first partials), a solenoid's plunger slamming home on the frame (the bass drums);
        # the Choralcelo's steel bars struck by its magnets' pulse (the toms).
        36: Struck(((49.0, 1.0, 0.14), (98.3, 0.45, 0.08), (147.9, 0.2, 0.05)), (80.0, 1200.0), 0.03, 1.3),
        35: Struck(((58.0, 1.0, 0.08), (141.0, 0.3, 0.04)), (60.0, 900.0), 0.05, 1.2),
        41: Struck(_bar(180.0, 1.0, 0.1), (250.0, 2500.0), 0.01, 0.9),
        45: Struck(_bar(240.0, 1.0, 0.09), (300.0, 3000.0), 0.01, 0.9),
        48: Struck(_bar(320.0, 1.0, 0.08), (400.0, 3500.0), 0.01, 0.9),
        # An EBow dropped on the strings (the snare), a sustainer's coil pulsed so the strings slap the
        # frets (the other snare); the piano's frame tapped by a solenoid (the side stick); the Moog
        # guitar's strings muted all at once (the clap).
        38: Struck(((196.0, 0.35, 0.03), (247.0, 0.25, 0.025)), (900.0, 7500.0), 0.08, 0.9),
        40: Struck(((330.0, 0.4, 0.015),), (1500.0, 6000.0), 0.008, 0.9, grains=4, spread=0.04),
        37: Struck(((1210.0, 1.0, 0.02), (3350.0, 0.4, 0.01)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck((), (1200.0, 8000.0), 0.008, 0.8, grains=3, spread=0.025),
        # A magnet snapped onto a string (the closed hat), a guitar lead's jack plugged in (the pedal),
        # an EBow's edge scraped along a wound string (the open hat); a fork's stem rattled on its box
        # (the ride) and the piano's strings let go with the pedal down (the crash); a fork struck on
        # a knee (the cowbell) and struck at its tip (the bell).
        42: Struck(((5200.0, 0.3, 0.002),), (4000.0, 10000.0), 0.004, 0.35),
        44: Struck(((2400.0, 0.3, 0.003),), (300.0, 4000.0), 0.005, 0.3),
        46: Struck((), (2000.0, 8000.0), 0.18, 0.35, grains=2, spread=0.06),
        51: Struck(
            ((440.0, 0.4, 0.05), (2757.0, 0.2, 0.01)), (500.0, 4000.0), 0.01, 0.35, grains=5, spread=0.08
        ),
        49: Struck(((98.0, 0.2, 0.6), (147.0, 0.15, 0.5)), (200.0, 7000.0), 0.3, 0.4),
        56: Struck(((660.0, 1.0, 0.3), (4136.0, 0.5, 0.02)), (600.0, 4000.0), 0.003, 0.4),
        53: Struck(((2930.0, 1.0, 0.06), (4690.0, 0.3, 0.03)), (2500.0, 9000.0), 0.003, 0.35),
        # A string pinged over the pickup (the claves), the bars' ends knocked, high and low (the wood
        # blocks), a wound string scraped by a pick (the tambourine), the strings brushed muted (the
        # maracas), the fork's clang mode ringing, short and long (the triangles).
        75: Struck(((1980.0, 1.0, 0.03), (3965.0, 0.4, 0.015)), (1500.0, 8000.0), 0.002, 0.5),
        76: Struck(_bar(1150.0, 1.0, 0.025), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(_bar(820.0, 1.0, 0.03), (800.0, 5000.0), 0.002, 0.5),
        54: Struck((), (2200.0, 9000.0), 0.01, 0.4, grains=8, spread=0.06),
        70: Struck((), (1000.0, 6000.0), 0.04, 0.3),
        80: Struck(((4800.0, 1.0, 0.03),), gain=0.35),
        81: Struck(((4800.0, 1.0, 0.35),), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, magnet_set: MagnetSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its
    own string and its own coil, as the Magnetic Resonator Piano drives every string apart); the
    drum channel through the set's kit, unbent. A program or a drum the set lacks is a KeyError,
    never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, magnet_set, _SOUNDED, lambda p: False
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def clipped(drives: Signal, harmonics: int) -> Signal:
    """The first `harmonics` (sine amplitudes, per drive: len(drives) x harmonics) of a sine u
    sin(theta) clipped at 1 at each drive u: the odd ones (4 / pi) (u / 2 (sin((n - 1) t) / (n - 1) -
    sin((n + 1) t) / (n + 1)) + cos(n t) / n) at t = arcsin(1 / u) (t = pi / 2 under u = 1: the sine
    itself), the first (4 / pi) (u / 2 (t - sin(2 t) / 2) + cos t); the even ones nothing."""
    u = np.maximum(np.asarray(drives, dtype=np.float64), _LEAST_DRIVE)[:, None]
    t = np.arcsin(np.clip(1.0 / u, -1.0, 1.0))
    n = np.arange(2, harmonics + 1, dtype=np.float64)[None, :]
    first = 4.0 / np.pi * (u / 2.0 * (t - np.sin(2.0 * t) / 2.0) + np.cos(t))
    below = u / 2.0 * (np.sin((n - 1.0) * t) / (n - 1.0) - np.sin((n + 1.0) * t) / (n + 1.0))
    rest = np.where(n % 2 == 1, 4.0 / np.pi * (below + np.cos(n * t) / n), 0.0)
    return np.asarray(np.concatenate([first, rest], axis=1))


def pull(patch: Instrument, drives: Signal, harmonics: int) -> npt.NDArray[np.complex128]:
    """The coil's pull over a period at each drive (len(drives) x harmonics, complex: each harmonic's
    size and phase as e^{j n theta}'s): the magnet's field squared, (bias + y)^2 - bias^2 = 2 bias y +
    y^2, y the clipped drive (clipped); the square read from a period sampled finely enough that none
    of its harmonics folds over."""
    sines = clipped(drives, harmonics)
    points = 4 * harmonics + 4
    spectrum = np.zeros((sines.shape[0], points // 2 + 1), dtype=np.complex128)
    spectrum[:, 1 : harmonics + 1] = -0.5j * sines * points  # sin(n theta)'s rfft
    y = np.fft.irfft(spectrum, points, axis=1)
    force = np.fft.rfft(2.0 * patch.bias * y + y**2, axis=1) * (2.0 / points)
    return np.asarray(force[:, 1 : harmonics + 1])


def modes(patch: Instrument, count: int) -> Signal:
    """The body's first `count` modes against its first: a stiff string's m sqrt((1 + B m^2) / (1 +
    B)), a free bar's (BAR_MODES) or a fork's (FORK_MODES)."""
    if patch.body == "bar":
        return np.asarray(BAR_MODES[:count], dtype=np.float64)
    if patch.body == "fork":
        return np.asarray(FORK_MODES[:count], dtype=np.float64)
    m = np.arange(1, count + 1, dtype=np.float64)
    return np.asarray(m * np.sqrt((1.0 + patch.stiffness * m**2) / (1.0 + patch.stiffness)))


def response(patch: Instrument, harmonics: int) -> npt.NDArray[np.complex128]:
    """How fast the body moves, where it is heard, at each harmonic of the note under a unit pull
    there (a pickup's voltage, a soundboard's velocity): j n times the sum over its modes m of w_m /
    (r_m^2 - n^2 + j n r_m / Q), r_m its modes (modes), w_m the mode's shape where the coil pulls,
    sin(m pi at), and where it is heard, sin(m pi heard) at a pickup or m at the bridge (a string's;
    a bar's and a fork's modes are taken as they come, their shapes 1)."""
    ratios = modes(patch, harmonics if patch.body == "string" else len(BAR_MODES if patch.body == "bar"
                                                                        else FORK_MODES))  # fmt: skip
    m = np.arange(1, ratios.size + 1, dtype=np.float64)
    if patch.body == "string":
        heard = np.sin(m * np.pi * patch.heard) if patch.heard else m
        weights = np.sin(m * np.pi * patch.at) * heard
    else:
        weights = np.ones(ratios.size)
    n = np.arange(1, harmonics + 1, dtype=np.float64)[:, None]
    r = ratios[None, :]
    moved = (weights[None, :] / (r**2 - n**2 + 1j * n * r / patch.q)).sum(axis=1)
    return np.asarray(1j * n[:, 0] * moved)


def radiator(patch: Instrument, f: Signal) -> npt.NDArray[np.complex128]:
    """The radiator's band at `f` Hz: a first-order high-pass at its floor and low-pass at its top."""
    low, high = patch.band
    return np.asarray((1j * f / low) / (1.0 + 1j * f / low) / (1.0 + 1j * f / high))


def shaped(patch: Instrument, hz: float, drives: Signal, harmonics: int) -> npt.NDArray[np.complex128]:
    """The harmonics at each drive (len(drives) x harmonics, complex, the loudest 1 in size in each):
    the coil's pull (pull) through the body (response) and its radiator (radiator); the first never
    under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    moved = response(patch, harmonics) * radiator(patch, n * hz)
    out = pull(patch, drives, harmonics) * moved[None, :]
    out /= np.maximum(np.abs(out).max(axis=1, keepdims=True), 1e-300)
    first = np.abs(out[:, 0])
    lifted = np.maximum(first, FUNDAMENTAL_FLOOR) / np.maximum(first, 1e-300)
    out[:, 0] *= lifted
    return np.asarray(out / np.abs(out).max(axis=1, keepdims=True))


def spectrum(patch: Instrument, hz: float, harmonics: int, velocity: int = 127) -> npt.NDArray[np.complex128]:
    """The harmonics (complex, the loudest 1 in size) with the loop saturated at `velocity`."""
    return np.asarray(shaped(patch, hz, np.array([reach(patch, velocity)]), harmonics)[0])


def reach(patch: Instrument, velocity: int) -> float:
    """The amplifier's drive with the loop saturated at `velocity`: half `drive` at the softest, all of
    it at the hardest (the player's volume turns the loop's gain)."""
    return float(patch.drive * (0.5 + 0.5 * velocity / 127.0))


def growth(patch: Instrument, velocity: int, held: float, times: Signal) -> Signal:
    """The drive at `times` s: from `start` of its reach, growing as a loop past its threshold does,
    reach / sqrt(1 + (1 / start^2 - 1) exp(-2 t / swell)), while the key is down; where it was when
    the key was let go after that (the loop opens and the string keeps its shape as it dies)."""
    full = reach(patch, velocity)
    t = np.minimum(times, max(held, 0.05))
    return np.asarray(full / np.sqrt(1.0 + (1.0 / patch.start**2 - 1.0) * np.exp(-2.0 * t / patch.swell)))


def power(patch: Instrument, velocity: int, held: float, times: Signal) -> Signal:
    """The string's level at `times` s: its swing, the drive's share of its reach (growth), dying over
    the level's fall once the key is let go; 0.6-1 by velocity."""
    share = growth(patch, velocity, held, times) / reach(patch, velocity)
    dying = np.exp(-np.maximum(times - max(held, 0.05), 0.0) / patch.level[3])
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * share * dying)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the shape at the drive there (growth),
    under the power."""
    sizes = np.abs(shaped(patch, hz, growth(patch, velocity, held, frames), harmonics))
    return np.asarray(power(patch, velocity, held, frames)[:, None] * sizes)


def hissing(patch: Instrument, velocity: int) -> float:
    """The amplifier's hiss against the tone: `hiss` at the hardest velocity, falling with its square
    below it (the louder the loop's gain is turned, the more it hisses)."""
    return float(patch.hiss * (velocity / 127.0) ** 2)


def timing(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How early or late each period comes at `times` s (struck_render.period_jitter, `jitter` rms):
    never summed, so the note's pitch never drifts, only its phase frays."""
    return struck_render.period_jitter(patch.jitter, hz, times, rng)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together for `held` seconds at `velocity`, each its own
    string. What varies (the bar's slide, the vibrato, the loop's phase noise, the hiss) is drawn with
    `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    noisy = hissing(patch, velocity)
    on = (times <= max(held, 0.05)).astype(np.float64)  # the amplifier hisses while the loop is closed

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        shape = spectrum(patch, hz, harmonics, velocity)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        bent = hz * 2.0 ** (struck_render.bends(patch, times, rng) / 1200.0)
        phase = 2.0 * np.pi * (np.cumsum(bent) / sample_rate + hz * timing(patch, hz, times, rng))
        # e^{j n theta}'s phases as sin's: the wave the radiator gives off.
        tone = struck_render.harmonic_tone(weights, frames, times, phase, np.angle(shape) + np.pi / 2.0)
        low, high = patch.hiss_band
        band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
        noise = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        return tone, np.asarray(noisy * noise * on)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


MAGNET_SET = MagnetSet(
    root=Path(__file__).with_name("magnet-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("magnet-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
MAGNET_SETS = {MAGNET_SET.root: MAGNET_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
