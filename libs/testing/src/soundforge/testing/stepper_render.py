"""Notes to audio by steppers and drives, computed in numpy: machines whose motors are made to sing -- a
3.5-inch floppy drive's head stepped to and fro between two tracks, a flatbed scanner's carriage
stepper, a hard drive's arm swung by its voice coil, a CNC router's big stepper on its lead screw, a
5.25-inch floppy drive's head, a dot-matrix printer's pins fired at the platen, a 3D printer's small
stepper, a laptop drive's arm, a plotter's pen carriage and the floppy drives held. None is struck,
blown or bowed, and no loudspeaker plays it: a driver switches a motor's coils once a period of the
note (or a voice coil's current, or a pin's solenoid), the moving part (a rotor, a head, an arm, a
pin) is pulled toward where the coils now hold it and the reaction on the frame is the sound. Over a
period the pull follows a command: a stepper's position stepping one way, a staircase whose periodic
part is a sawtooth (every harmonic, 1 / n); a head stepping to and fro between two tracks, each step
back the mirror of the step forward, a square wave (the note half the step rate, its odd harmonics
only); a voice coil pushing one way for `duty` of the period and back for the rest (sin(pi n duty) /
n: the harmonics at multiples of 1 / duty left out); a pin pressed to the platen for its contact
time, a half-sine of force. The coil's current rises after each switch over its L/R (a first-order
lag); the moving part is a mass on the holding stiffness, so the frame takes its acceleration, r^2 /
(1 - r^2 + 2 j zeta r) of the command at r = f / its resonance; the drive's case, screwed to the
frame, lifts what is near its first mode. So every partial stands on a harmonic of the note, and
nothing bends it: the driver's timer sets the step rate, a period's start early or late by the
timer's jitter, never drifting. A stepper's holding stiffness follows its current, which the
velocity sets (half to all of its most), so a harder note's resonance stands higher (as the square
root of the current); a voice coil's arm and a pin's armature spring are stiff however hard they are
driven. A lead screw's nut, a belt, the head's rails and the bearings rasp at every step, more the
harder it is driven (as the square of the velocity).
And a kit of the machines' own sounds: a CNC gantry homing against its end stop and a drive sled
slammed home in its cage (the bass drums), the drives' steel cases struck by a palm (a simply
supported plate's modes), a print head's pins all fired at once, a dot-matrix line's pins rattling,
a floppy's eject latch springing, a floppy disk's shutter snapping shut, a hard drive's heads
seeking, a stepper's detent ticking under a hand, a power supply's fan blowing out dust, a line
printer's hammers along a line, a sheet torn off against the tear bar, a stepper's steel shaft
struck, a motor's steel can struck, a lead screw's brass nut struck, the drives' plastic bezels
tapped, a timing belt's teeth rattling over its pulley, a sheet rustling through the feed and the
motor's can struck muted and left to ring -- ringing modes and noise, the pins' rattle, the
shutter, the hammers, the torn sheet and the belt's teeth as grains, no recording."""

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
PERIOD = 8192  # points one period's command is worked out at (a pin's short contact needs them)
FRAME = 0.004  # s: the step the note's level is worked out at (straight lines between)
DRIVES = ("step", "shuttle", "coil", "pin")
STIFFENED = ("step", "shuttle")  # the drives whose holding stiffness follows the current
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 9173  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A machine that sings. Its command over a period by `drive` (DRIVES): a stepper's "step" one
    way, a head's "shuttle" to and fro, a voice "coil" pushing one way for `duty` of the period, a
    "pin" pressed to the platen for `contact` s (never past a quarter of the period). The coil's
    current rising over `lag` s (its L/R); the moving part's `resonance` (Hz, at full current) and
    its damping ratio `damping`; the case's first mode (`case`: Hz, Q, how many times it lifts what is
    on it). The rasp of its nut, belt, rails and bearings at `rasp` of the tone at the hardest velocity
    over `rasp_band` Hz, coming at each step as sharply as `gating` says; the timer's jitter, s rms a
    period; the note starting over `attack` s. `level`: (-, -, 1, how fast it dies once the key is let
    go, s). Players' vibrato is unused: no machine has a player's."""

    kind: str
    drive: str = "step"
    duty: float = 0.5
    contact: float = 1.5e-4
    lag: float = 3e-4
    resonance: float = 600.0
    damping: float = 0.1
    case: tuple[float, float, float] = (1500.0, 5.0, 2.0)
    rasp: float = 0.03
    rasp_band: tuple[float, float] = (1000.0, 8000.0)
    gating: float = 6.0
    jitter: float = 2e-6
    attack: float = 0.003
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.01)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A machine's sound in the kit (struck_render.Drum's partials and noise), and `grains` more at
    random within `spread` s, each at up to its share of the first (a dot-matrix line's pins, a
    belt's teeth), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
StepperSet = struck_render.StruckSet[Instrument, Struck]

# The chords: a 3.5-inch floppy drive's head stepped to and fro on its band (a light carriage, its
# thin steel case ringing); a flatbed scanner's carriage stepper geared to its belt (the plastic bed
# booming); a hard drive's arm swung by its voice coil, pushing two fifths of each period (no fifth
# harmonic), free on its pivot and flex cable, its aluminium cover ringing.
FLOPPY = Instrument("3.5-inch floppy drive's head", drive="shuttle", lag=6e-4, resonance=900.0,
                    damping=0.15, case=(2200.0, 6.0, 2.0), rasp=0.04, rasp_band=(1500.0, 8000.0),
                    gating=6.0, jitter=3e-6, attack=0.002, level=(0.0, 0.0, 1.0, 0.01))  # fmt: skip
SCANNER = Instrument("flatbed scanner's carriage stepper", drive="step", lag=4e-4, resonance=350.0,
                     damping=0.08, case=(700.0, 4.0, 3.0), rasp=0.03, rasp_band=(500.0, 4000.0),
                     gating=4.0, jitter=2e-6, attack=0.003, level=(0.0, 0.0, 1.0, 0.015))  # fmt: skip
HARD_DRIVE = Instrument("hard drive's arm on its voice coil", drive="coil", duty=0.4, lag=1e-4,
                        resonance=40.0, damping=0.3, case=(1800.0, 8.0, 4.0), rasp=0.015,
                        rasp_band=(2000.0, 9000.0), gating=3.0, jitter=1e-6, attack=0.002,
                        level=(0.0, 0.0, 1.0, 0.008))  # fmt: skip
# Held: a plotter's pen carriage stepper; the floppy drive's head held on its to and fro.
PLOTTER_HELD = Instrument("plotter's pen carriage held", drive="step", lag=5e-4, resonance=450.0,
                          damping=0.1, case=(800.0, 4.0, 2.0), rasp=0.02, rasp_band=(800.0, 5000.0),
                          gating=4.0, jitter=2e-6, attack=0.01, level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip
FLOPPY_HELD = Instrument("3.5-inch floppy drive's head held", drive="shuttle", lag=6e-4, resonance=850.0,
                         damping=0.15, case=(2100.0, 6.0, 2.0), rasp=0.03, rasp_band=(1500.0, 8000.0),
                         gating=6.0, jitter=3e-6, attack=0.01,
                         level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
# The basses: a CNC router's big stepper turning its ball screw (its chopper driver's current rising
# in a quarter of a millisecond, the gantry's aluminium extrusion ringing); a 5.25-inch floppy
# drive's heavier head stepped to and fro.
CNC = Instrument("CNC router's big stepper", drive="step", lag=2.5e-4, resonance=220.0, damping=0.06,
                 case=(420.0, 5.0, 3.0), rasp=0.05, rasp_band=(300.0, 3000.0), gating=3.0,
                 jitter=2e-6, attack=0.004, level=(0.0, 0.0, 1.0, 0.02), gain=1.2)  # fmt: skip
BIG_FLOPPY = Instrument("5.25-inch floppy drive's head", drive="shuttle", lag=8e-4, resonance=500.0,
                        damping=0.12, case=(1400.0, 5.0, 2.5), rasp=0.04, rasp_band=(800.0, 6000.0),
                        gating=5.0, jitter=3e-6, attack=0.003, level=(0.0, 0.0, 1.0, 0.015),
                        gain=1.2)  # fmt: skip
# The leads: a dot-matrix printer's pins, each pressed to the platen 150 us; a 3D printer's small
# stepper on its steel frame; a laptop drive's arm, pushing a quarter of each period (no fourth
# harmonic).
DOT_MATRIX = Instrument("dot-matrix printer's pins", drive="pin", contact=1.5e-4, lag=1e-4,
                        resonance=2800.0, damping=0.2, case=(900.0, 3.0, 2.0), rasp=0.03,
                        rasp_band=(2000.0, 9000.0), gating=8.0, jitter=2e-6, attack=0.002,
                        level=(0.0, 0.0, 1.0, 0.008), gain=0.9)  # fmt: skip
PRINTER_3D = Instrument("3D printer's small stepper", drive="step", lag=2e-4, resonance=600.0,
                        damping=0.1, case=(1100.0, 6.0, 3.0), rasp=0.02, rasp_band=(1000.0, 7000.0),
                        gating=5.0, jitter=1e-6, attack=0.002, level=(0.0, 0.0, 1.0, 0.01),
                        gain=0.9)  # fmt: skip
LAPTOP_DRIVE = Instrument("laptop drive's arm on its voice coil", drive="coil", duty=0.25, lag=5e-5,
                          resonance=60.0, damping=0.3, case=(3000.0, 8.0, 3.0), rasp=0.015,
                          rasp_band=(2500.0, 10000.0), gating=3.0, jitter=1e-6, attack=0.002,
                          level=(0.0, 0.0, 1.0, 0.008), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on a floppy drive, a scanner
# and a hard drive; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: PLOTTER_HELD,
        53: FLOPPY_HELD,
        7: FLOPPY,
        23: SCANNER,
        45: HARD_DRIVE,
        32: CNC,
        39: BIG_FLOPPY,
        82: DOT_MATRIX,
        71: PRINTER_3D,
        60: LAPTOP_DRIVE,
    }


def _plate(
    hz: float, amplitude: float, decay: float, aspect: float, modes: int = 4
) -> struck_render.Partials:
    """A thin rectangular plate simply supported at its edges, its sides `aspect` to one (a drive's
    case, a bezel): its first `modes` of (1, 1), (2, 1), (1, 2) and (2, 2), at (m^2 + n^2 aspect^2) /
    (1 + aspect^2) times the first."""
    shape = ((1, 1), (2, 1), (1, 2), (2, 2))[:modes]
    first = 1.0 + aspect * aspect
    return tuple(
        ((m * m + n * n * aspect * aspect) / first * hz, amplitude / (m * n), decay / (m * n))
        for m, n in shape
    )


def _shaft(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A steel shaft or a brass nut struck, free at both ends: its first three bending modes, at 2.756
    and 5.404 times the first."""
    return (
        (hz, amplitude, decay),
        (2.756 * hz, 0.4 * amplitude, 0.5 * decay),
        (5.404 * hz, 0.15 * amplitude, 0.3 * decay),
    )


def _can(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A motor's thin steel can struck: its ring's inextensional modes n = 2, 3 and 4, at n (n^2 - 1) /
    sqrt(n^2 + 1) over the first's, 2.83 and 5.42 times it."""
    return (
        (hz, amplitude, decay),
        (2.83 * hz, 0.5 * amplitude, 0.6 * decay),
        (5.42 * hz, 0.25 * amplitude, 0.4 * decay),
    )


def _drums() -> dict[int, Struck]:
    return {
        # A CNC gantry homing against its end stop, its frame ringing, and a drive sled slammed home in
        # its cage (the bass drums); the drives' steel cases struck by a palm, a 5.25-inch, a 3.5-inch
        # and a 2.5-inch (the toms).
        36: Struck(((52.0, 1.0, 0.14), (87.0, 0.5, 0.08)), (40.0, 400.0), 0.03, 1.3),
        35: Struck(((64.0, 1.0, 0.1), (101.0, 0.45, 0.06)), (50.0, 600.0), 0.025, 1.2),
        41: Struck(_plate(130.0, 1.0, 0.12, 1.2), (150.0, 1500.0), 0.01, 0.9),
        45: Struck(_plate(180.0, 1.0, 0.1, 1.45), (200.0, 2000.0), 0.01, 0.9),
        48: Struck(_plate(250.0, 1.0, 0.08, 1.4), (250.0, 2500.0), 0.01, 0.9),
        # A print head's pins all fired at once (the snare), a dot-matrix line's pins rattling (the
        # other snare); a floppy's eject latch springing (the side stick); a floppy disk's metal
        # shutter snapping shut (the clap).
        38: Struck(((2400.0, 0.3, 0.01),), (900.0, 8000.0), 0.07, 0.9),
        40: Struck((), (1800.0, 9000.0), 0.006, 0.9, grains=10, spread=0.09),
        37: Struck(_shaft(2100.0, 1.0, 0.012), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(((3100.0, 0.3, 0.006),), (1400.0, 8000.0), 0.012, 0.8, grains=2, spread=0.02),
        # A hard drive's heads seeking (the closed hat), a stepper's detent ticking under a hand (the
        # pedal), a power supply's fan blowing out dust (the open hat); a line printer's hammers along
        # a line (the ride) and a sheet torn off against the tear bar (the crash); a stepper's steel
        # shaft struck (the cowbell) and a motor's steel can struck (the bell).
        42: Struck(((4700.0, 0.3, 0.003),), (3500.0, 10000.0), 0.007, 0.35),
        44: Struck((), (2200.0, 7000.0), 0.004, 0.3),
        46: Struck((), (2500.0, 10000.0), 0.16, 0.35),
        51: Struck(((3300.0, 0.2, 0.004),), (2000.0, 9000.0), 0.005, 0.35, grains=12, spread=0.12),
        49: Struck((), (600.0, 9000.0), 0.2, 0.4, grains=6, spread=0.15),
        56: Struck(_shaft(720.0, 1.0, 0.09), (800.0, 4000.0), 0.004, 0.4),
        53: Struck(_can(1350.0, 1.0, 0.35), gain=0.35),
        # A lead screw's brass nut struck (the claves), the drives' plastic bezels tapped, narrow and
        # wide (the wood blocks), a timing belt's teeth rattling over its pulley (the tambourine), a
        # sheet rustling through the feed (the maracas), a motor's can struck muted and left to ring
        # (the triangles).
        75: Struck(_shaft(2500.0, 1.0, 0.03), (2000.0, 7000.0), 0.002, 0.5),
        76: Struck(_plate(1700.0, 1.0, 0.014, 3.0, 2), (1200.0, 6000.0), 0.002, 0.5),
        77: Struck(_plate(1150.0, 1.0, 0.018, 3.0, 2), (1000.0, 5000.0), 0.002, 0.5),
        54: Struck(((2900.0, 0.2, 0.006),), (2500.0, 9000.0), 0.008, 0.4, grains=7, spread=0.05),
        70: Struck((), (600.0, 4000.0), 0.04, 0.3),
        80: Struck(_can(1750.0, 1.0, 0.05), gain=0.35),
        81: Struck(_can(1750.0, 1.0, 0.7), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, stepper_set: StepperSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    machine, as a floppy orchestra gives every note a drive); the drum channel through the set's
    kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, stepper_set, _SOUNDED, lambda p: False
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def command(patch: Instrument, hz: float) -> Signal:
    """What pulls the moving part over one period (PERIOD points from a step), by its `drive`
    (DRIVES): a stepper's position less its steady climb (a sawtooth), a head's to and fro (a square
    wave), a voice coil's push and pull, a pin's half-sine of force while it meets the platen."""
    x = np.arange(PERIOD) / PERIOD
    if patch.drive == "step":
        return np.asarray(1.0 - x)
    if patch.drive == "shuttle":
        return np.asarray(np.where(x < 0.5, 1.0, 0.0))
    if patch.drive == "coil":
        return np.asarray(np.where(x < patch.duty, 1.0, -1.0))
    width = min(patch.contact * hz, 0.25)
    return np.asarray(np.where(x < width, np.sin(np.pi * x / width), 0.0))


def resonance(patch: Instrument, velocity: int) -> float:
    """The moving part's resonance at `velocity`: a stepper's holding stiffness follows its current,
    0.5-1 of its most by velocity, so its resonance as the current's square root; a voice coil's arm
    and a pin's armature hold theirs."""
    if patch.drive not in STIFFENED:
        return patch.resonance
    return float(patch.resonance * np.sqrt(0.5 + 0.5 * velocity / 127.0))


def spectrum(patch: Instrument, hz: float, harmonics: int, velocity: int = 127) -> npt.NDArray[np.complex128]:
    """The harmonics (complex, the loudest 1 in size): the command's, through the coil's lag (1 / (1 +
    j 2 pi n f lag)), taken by the frame as the moving part's acceleration (r^2 / (1 - r^2 + 2 j zeta
    r), r = n f / its resonance) and lifted by the case's mode; the first never under
    FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    pulled = np.fft.rfft(command(patch, hz))[1 : harmonics + 1] / (PERIOD / 2)
    r = n * hz / resonance(patch, velocity)
    moved = r**2 / (1.0 - r**2 + 2j * patch.damping * r)
    mode, q, lift = patch.case
    s = n * hz / mode
    cased = 1.0 + (lift - 1.0) * (1j * s / q) / (1.0 - s**2 + 1j * s / q)
    out = pulled / (1.0 + 2j * np.pi * n * hz * patch.lag) * moved * cased
    out = out / (float(np.abs(out).max()) or 1.0)
    if abs(out[0]) < FUNDAMENTAL_FLOOR:
        out[0] = FUNDAMENTAL_FLOOR * (out[0] / abs(out[0]) if abs(out[0]) else 1.0)
    return np.asarray(out / float(np.abs(out).max()))


def power(patch: Instrument, held: float, velocity: int, times: Signal) -> Signal:
    """The machine's level at `times` s: starting over `attack` s as the key goes down, held while it
    is down, dying over the level's fall once it is let go; 0.6-1 by velocity."""
    return struck_render.held_level(patch.attack, patch.level[3], held, velocity, times)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the spectrum's sizes under the power."""
    sizes = np.abs(spectrum(patch, hz, harmonics, velocity))
    return np.asarray(power(patch, held, velocity, frames)[:, None] * sizes[None, :])


def rasping(patch: Instrument, velocity: int) -> float:
    """The nut's, the belt's, the rails' and the bearings' rasp against the tone: `rasp` at the
    hardest velocity, falling with its square below it (the harder driven, the noisier)."""
    return float(patch.rasp * (velocity / 127.0) ** 2)


def steps(patch: Instrument) -> int:
    """Steps a period: two for a head stepped to and fro (forward, then back), else one."""
    return 2 if patch.drive == "shuttle" else 1


def timing(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How early or late the timer starts each period at `times` s (s; drawn per period, `jitter` rms,
    straight lines between): never summed, so the note's pitch never drifts, only its phase frays."""
    return struck_render.period_jitter(patch.jitter, hz, times, rng)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together for `held` seconds at `velocity`, each its own
    machine. What varies (the timer's jitter, the rasp's noise) is drawn with `seed` (the note's own,
    note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    noisy = rasping(patch, velocity)
    level = np.interp(times, frames, power(patch, held, velocity, frames))
    level /= float(level.max()) or 1.0

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        shape = spectrum(patch, hz, harmonics, velocity)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        phase = 2.0 * np.pi * hz * (times + timing(patch, hz, times, rng))
        # The command's own phases (a sine's from a cosine's), so the wave is the frame's pull.
        tone = struck_render.harmonic_tone(weights, frames, times, phase, np.angle(shape) + np.pi / 2.0)
        low, high = patch.rasp_band
        band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
        noise = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        at_steps = (0.5 + 0.5 * np.cos(steps(patch) * phase)) ** patch.gating  # a rasp at each step
        return tone, np.asarray(noisy * noise * at_steps * level)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


STEPPER_SET = StepperSet(
    root=Path(__file__).with_name("stepper-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("stepper-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
STEPPER_SETS = {STEPPER_SET.root: STEPPER_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
