"""Notes to audio by light-tone instruments, computed in numpy: tone generators that sound a wave printed
or pierced in a turning disc, a lamp's light through it read by a photocell -- Welte's Lichttonorgel's
glass discs, its principal, its pedal's subbass and its flute stop held; Spielmann's Superpiano's tone
wheels pierced with rows of holes; Toulon's Cellulophone's printed film; Eremeeff's Photona's string
stop; Murzin's ANS synthesizer's sine tracks held; Daphne Oram's drawn waves, a bass and a lead;
Sholpo's Variophone's cut-paper waves. None is struck, blown or bowed: a key opens a shutter before a
slit, and the light the track lets through a period is the note. A track printed by variable area
passes light as its wave (its clear width); one printed by variable density passes it through the
print's gamma, ((1 + m s) / (1 + m))^gamma, adding even harmonics, a sine's second m / 4 of its first
at gamma 2 (about (gamma - 1) m / 4 where m is small); a pierced track is a pulse a hole wide, its
harmonics (2 / (n pi)) sin(n pi d). A key opens tracks of a whole multiple of the note's cycles (the
stop's octaves), so every partial stands on a harmonic of the note. The slit, a width of track, passes
harmonic n as sinc(n f / aperture) (aperture: the track's speed over the slit's width); the photocell
rolls off as one pole at its corner, the coupling capacitor blocks the light's mean (one pole's
high-pass) and the loudspeaker passes its band. The disc, a hair off its spindle, reads its track
early and late once a turn, (f / turn) (e / r) sin(2 pi turn t) radians, a deviation of e / r of the
note, never summed. The light's mean comes and goes with the shutter: through the coupling capacitor
its step is a thump as the shutter opens and as it closes; a lamp on the mains flickers at twice their
frequency, its ripple the note's sidebands and, on the light's mean, a hum; the cell's shot noise
grows as the square root of the light on it.
And a kit of the machines' own sounds, none of them held: the lamp switched on behind the open slit
(the coupling capacitor's thump) and the disc's motor starting (the bass drums), the Rhythmicon's rows
of holes bursting, low, middle and high (the toms), a film loop's splice snapping past the gate, the
shutter bank's vanes clacking shut, a key's contact closing, a hand passed through the beam, dust on
the glass crackling past the slit, a relay's armature clicking, a scratch along a track, the loop's
sprocket holes ticking past, the lamp's filament ringing as it is knocked, the glass disc tapped at
its rim and pinged at its hub, the slit's brass plate tapped, the keys' wooden levers knocked high and
low, the loop's slack slapping its rollers, dust crackling, the cell's valve ringing, short and long --
ringing modes and noise, the clacks, the ticks and the slaps as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

HARMONICS = 40  # the note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the shutter's light is read at by levels
LOWEST = 32.7  # Hz: a disc's innermost track, C1; a track an octave up has twice its cycles a turn
TABLE = 4096  # points in the period the light is worked out over (far finer than its harmonics)
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6287  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A key's tracks on a turning disc, read through a slit by a photocell. The `track`, printed by
    variable "area" or "density" (through the print's `gamma`, `depth` of the light modulated) with
    the harmonics of its wave `printed` (sine amplitudes), or pierced with "holes" `duty` of a period
    wide; the `ranks` a key opens, (the track's cycles against the note's, its light) each; the slit's
    `aperture` (Hz: the track's speed over its width), the photocell's corner `cell`, the coupling
    capacitor's `coupling` and the loudspeaker's `band` (Hz); the disc's `cycles` a turn at its
    innermost octave and its eccentricity `wobble` (e / r); the lamp's `flicker` at twice the
    `mains`; the cell's shot noise, `hiss` against the tone in full light over `hiss_band` Hz.
    `level`: the shutter opening (s), how fast the light fades once open (s), the share it keeps, the
    shutter closing (s); Players' vibrato (cents at `rate` Hz after `delay` s) where a wave's pitch is
    drawn trembling, and `scoop` cents under the note over `glide` s where it is drawn rising into it."""

    kind: str
    track: str = "density"  # "density", "area" or "holes"
    printed: tuple[float, ...] = (1.0,)
    ranks: tuple[tuple[int, float], ...] = ((1, 1.0),)
    gamma: float = 1.0
    depth: float = 0.8
    duty: float = 0.5
    aperture: float = 12000.0
    cell: float = 8000.0
    coupling: float = 20.0
    band: tuple[float, float] = (60.0, 6000.0)
    cycles: int = 16
    wobble: float = 3e-4
    flicker: float = 0.0
    mains: float = 50.0
    hiss: float = 0.003
    hiss_band: tuple[float, float] = (1500.0, 9000.0)
    scoop: float = 0.0
    glide: float = 0.02
    level: tuple[float, float, float, float] = (0.02, 0.1, 1.0, 0.08)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the machines in the kit (struck_render.Drum's partials and noise), and `grains` more
    at random within `spread` s, each at up to its share of the first (the vanes clacking, the
    sprocket holes ticking), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
LightSet = struck_render.StruckSet[Instrument, Struck]

# The chords: Welte's Lichttonorgel's principal, a pipe's wave photographed onto glass by variable
# density, its 8' and 4' tracks; Spielmann's Superpiano's tone wheels, rows of holes, its tone fading
# as a struck string's; Toulon's Cellulophone's film, a reed's wave printed by variable area.
LICHTTON_PRINCIPAL = Instrument("lichttonorgel's principal", printed=(1.0, 0.55, 0.35, 0.25, 0.18, 0.12, 0.08,
                                0.05), ranks=((1, 1.0), (2, 0.45)), gamma=1.6, depth=0.7, aperture=9000.0,
                                cell=6000.0, band=(60.0, 5000.0), cycles=16, wobble=3e-4, hiss=0.003,
                                level=(0.03, 0.1, 1.0, 0.08))  # fmt: skip
SUPERPIANO = Instrument("superpiano's pierced wheels", track="holes", duty=0.35, aperture=5000.0, cell=4000.0,
                        coupling=15.0, band=(70.0, 5000.0), cycles=8, wobble=5e-4, flicker=0.004,
                        hiss=0.004, level=(0.005, 1.2, 0.0, 0.12))  # fmt: skip
CELLULOPHONE = Instrument("cellulophone's film", track="area", printed=(1.0, 0.8, 0.65, 0.5, 0.4, 0.32, 0.25,
                          0.2, 0.15, 0.1), depth=0.9, aperture=12000.0, cell=8000.0, band=(80.0, 6000.0),
                          cycles=12, wobble=6e-4, hiss=0.004, level=(0.02, 0.1, 1.0, 0.06))  # fmt: skip
# Held: the ANS synthesizer's sine tracks, each a pure tone, opened slowly as the score's scratch comes
# under the beam; the Lichttonorgel's flute stop, its 8' and a quiet 4'.
ANS_HELD = Instrument("ans synthesizer's sines held", printed=(1.0,), gamma=1.2, depth=0.5, aperture=16000.0,
                      cell=10000.0, band=(40.0, 8000.0), cycles=32, wobble=2e-4, hiss=0.003,
                      level=(0.08, 0.1, 1.0, 0.15))  # fmt: skip
LICHTTON_FLUTE_HELD = Instrument("lichttonorgel's flute held", printed=(1.0, 0.25, 0.08, 0.04),
                                 ranks=((1, 1.0), (2, 0.2)), gamma=1.4, depth=0.7, aperture=10000.0,
                                 cell=7000.0, band=(60.0, 5000.0), cycles=16, wobble=3e-4, hiss=0.002,
                                 level=(0.05, 0.1, 1.0, 0.12))  # fmt: skip
# The basses: the Lichttonorgel's pedal subbass, a stopped pipe's odd harmonics; a bass wave drawn by
# hand on Oram's glass and scanned.
LICHTTON_SUBBASS = Instrument("lichttonorgel's subbass", printed=(1.0, 0.05, 0.3, 0.03, 0.12), gamma=1.3,
                              depth=0.8, aperture=8000.0, cell=6000.0, coupling=12.0, band=(35.0, 3000.0),
                              cycles=4, wobble=3e-4, hiss=0.002, level=(0.04, 0.1, 1.0, 0.1),
                              gain=1.2)  # fmt: skip
ORAMICS_BASS = Instrument("oramics bass", track="area", printed=(1.0, 0.6, 0.3, 0.2, 0.1), depth=0.85,
                          aperture=7000.0, cell=5000.0, band=(40.0, 3500.0), cycles=8, wobble=8e-4,
                          hiss=0.003, level=(0.015, 0.1, 1.0, 0.08), gain=1.2)  # fmt: skip
# The leads: a wave drawn by Oram's hand, its pitch drawn rising into the note and trembling; Sholpo's
# Variophone's combs of cut paper, a sawtooth's edge; the Photona's string stop on a lamp run from the
# mains, its 8' and 4', trembling.
ORAMICS_LEAD = Instrument("oramics lead", track="area", printed=(1.0, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1),
                          depth=0.9, aperture=10000.0, cell=7000.0, band=(120.0, 6000.0), cycles=16,
                          wobble=8e-4, hiss=0.004, scoop=25.0, glide=0.04, vibrato=10.0, rate=5.5,
                          delay=0.25, level=(0.04, 0.1, 1.0, 0.08), gain=0.9)  # fmt: skip
VARIOPHONE = Instrument("variophone's cut paper", track="area", printed=tuple(1.0 / n for n in range(1, 11)),
                        depth=0.95, aperture=14000.0, cell=9000.0, band=(150.0, 7000.0), cycles=24,
                        wobble=4e-4, hiss=0.004, level=(0.01, 0.1, 1.0, 0.05), gain=0.9)  # fmt: skip
PHOTONA_STRINGS = Instrument("photona's strings", printed=(1.0, 0.7, 0.55, 0.45, 0.38, 0.3, 0.25, 0.2, 0.16,
                             0.12, 0.1, 0.08), ranks=((1, 1.0), (2, 0.25)), gamma=1.8, depth=0.6,
                             aperture=11000.0, cell=9000.0, band=(100.0, 6500.0), cycles=16, wobble=3e-4,
                             flicker=0.006, mains=60.0, hiss=0.003, vibrato=6.0, rate=6.0, delay=0.3,
                             level=(0.05, 0.1, 1.0, 0.1), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the Lichttonorgel, the
# Superpiano and the Cellulophone; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: ANS_HELD,
        49: LICHTTON_FLUTE_HELD,
        19: LICHTTON_PRINCIPAL,
        2: SUPERPIANO,
        20: CELLULOPHONE,
        32: LICHTTON_SUBBASS,
        39: ORAMICS_BASS,
        81: ORAMICS_LEAD,
        84: VARIOPHONE,
        82: PHOTONA_STRINGS,
    }


# A free circular plate's modes against its first (the glass disc tapped).
_PLATE_MODES = (1.0, 1.73, 2.33, 3.91)


def _row(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A burst from a row of holes a third of a period wide: its harmonics 1, 2 and 4, (2 / (n pi))
    sin(n pi / 3) each against the first's (the third falls on the pulse's null), a higher one dying
    sooner."""
    return tuple(
        (n * hz, amplitude * float(np.sin(n * np.pi / 3.0) / (n * np.sin(np.pi / 3.0))), decay / n)
        for n in (1, 2, 4)
    )


def _plate(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """The glass disc struck: its first modes (_PLATE_MODES), a higher one dying sooner."""
    return tuple(
        (ratio * hz, amplitude * share, decay * fall)
        for ratio, share, fall in zip(_PLATE_MODES, (1.0, 0.6, 0.4, 0.2), (1.0, 0.7, 0.5, 0.3), strict=True)
    )


def _drums() -> dict[int, Struck]:
    return {
        # The lamp switched on behind the open slit, its light's step through the coupling capacitor
        # (a falling sweep); the disc's motor starting (the bass drums); the Rhythmicon's rows of
        # holes bursting, low, middle and high (the toms).
        36: Struck(((52.0, 1.0, 0.12),), (60.0, 700.0), 0.03, 1.3, sweep=1.2, glide=0.025),
        35: Struck(((61.0, 1.0, 0.09), (122.0, 0.3, 0.05)), (50.0, 900.0), 0.05, 1.2),
        41: Struck(_row(150.0, 1.0, 0.12), (200.0, 2000.0), 0.01, 0.9),
        45: Struck(_row(200.0, 1.0, 0.1), (250.0, 2500.0), 0.01, 0.9),
        48: Struck(_row(270.0, 1.0, 0.09), (300.0, 3000.0), 0.01, 0.9),
        # A film loop's splice snapping past the gate (the snare), the shutter bank's vanes clacking
        # shut (the other snare); a key's contact closing (the side stick); a hand passed through the
        # beam (the clap).
        38: Struck(((180.0, 0.35, 0.03), (410.0, 0.2, 0.02)), (700.0, 8000.0), 0.07, 0.9),
        40: Struck(((520.0, 0.4, 0.012),), (1200.0, 6500.0), 0.008, 0.9, grains=4, spread=0.035),
        37: Struck(((1850.0, 1.0, 0.015), (4100.0, 0.3, 0.008)), (1500.0, 7500.0), 0.004, 0.6),
        39: Struck((), (500.0, 5000.0), 0.012, 0.8, grains=3, spread=0.03),
        # Dust on the glass crackling past the slit (the closed hat), a relay's armature clicking (the
        # pedal), a scratch along a track (the open hat); the loop's sprocket holes ticking past (the
        # ride) and the lamp's filament ringing as it is knocked (the crash); the glass disc tapped at
        # its rim (the cowbell) and pinged at its hub (the bell).
        42: Struck(((6100.0, 0.25, 0.002),), (4500.0, 10000.0), 0.004, 0.35),
        44: Struck(((2900.0, 0.3, 0.003),), (400.0, 4500.0), 0.005, 0.3),
        46: Struck((), (2500.0, 9000.0), 0.16, 0.35, grains=2, spread=0.05),
        51: Struck(((3300.0, 0.3, 0.01),), (2000.0, 8000.0), 0.008, 0.35, grains=6, spread=0.09),
        49: Struck(((1240.0, 0.3, 0.5), (3410.0, 0.2, 0.35)), (300.0, 7000.0), 0.3, 0.4),
        56: Struck(_plate(780.0, 1.0, 0.25), (700.0, 4000.0), 0.003, 0.4),
        53: Struck(_plate(2450.0, 1.0, 0.08), (2500.0, 9000.0), 0.003, 0.35),
        # The slit's brass plate tapped (the claves), the keys' wooden levers knocked, high and low
        # (the wood blocks), the loop's slack slapping its rollers (the tambourine), dust crackling
        # (the maracas), the cell's valve ringing as it is jarred, short and long (the triangles).
        75: Struck(((2210.0, 1.0, 0.025), (5120.0, 0.35, 0.012)), (1500.0, 8000.0), 0.002, 0.5),
        76: Struck(((1020.0, 1.0, 0.02), (2790.0, 0.3, 0.01)), (900.0, 6000.0), 0.002, 0.5),
        77: Struck(((740.0, 1.0, 0.025), (2030.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
        54: Struck((), (1800.0, 9000.0), 0.01, 0.4, grains=8, spread=0.07),
        70: Struck((), (2500.0, 9500.0), 0.035, 0.3),
        80: Struck(((5300.0, 1.0, 0.03),), gain=0.35),
        81: Struck(((5300.0, 1.0, 0.3),), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, light_set: LightSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its
    own disc's track behind its own shutter); the drum channel through the set's kit, unbent. A
    program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, light_set, _SOUNDED, lambda p: False
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def transmission(patch: Instrument, theta: Signal) -> Signal:
    """The light one track lets through at phase `theta` (radians): a hole's 1 or the plate's 0 for a
    pierced track; else its printed wave s (peak 1) modulating it, 1 + depth s, through the print,
    ((1 + depth s) / (1 + depth))^gamma (a variable-area track's gamma is 1: its clear width)."""
    if patch.track == "holes":
        return np.asarray(np.mod(theta / (2.0 * np.pi), 1.0) < patch.duty, dtype=np.float64)
    n = np.arange(1, len(patch.printed) + 1, dtype=np.float64)
    shares = np.asarray(patch.printed, dtype=np.float64)
    grid = np.linspace(0.0, 2.0 * np.pi, TABLE, endpoint=False)
    wave = np.sin(np.multiply.outer(theta, n)) @ shares
    wave /= float(np.abs(np.sin(np.multiply.outer(grid, n)) @ shares).max())
    gamma = 1.0 if patch.track == "area" else patch.gamma
    return np.asarray(((1.0 + patch.depth * wave) / (1.0 + patch.depth)) ** gamma)


def printed(patch: Instrument, harmonics: int) -> tuple[float, Complex]:
    """The light through a key's tracks (ranks: each track at its multiple of the note's phase, at its
    light) over a period: its mean and its first `harmonics` (complex, as e^{j n theta}'s: the n-th of
    the sum is twice the rfft's n-th over the points)."""
    theta = np.linspace(0.0, 2.0 * np.pi, TABLE, endpoint=False)
    light = sum(share * transmission(patch, multiple * theta) for multiple, share in patch.ranks)
    spectrum = np.fft.rfft(np.asarray(light)) / TABLE
    return float(spectrum[0].real), np.asarray(2.0 * spectrum[1 : harmonics + 1])


def response(patch: Instrument, f: Signal) -> Complex:
    """What the light's swing at `f` Hz comes out of the loudspeaker as: the slit's sinc(f /
    aperture), the photocell's one pole at `cell`, the coupling capacitor's high-pass at `coupling`
    and the loudspeaker's band (a first-order high-pass at its floor, low-pass at its top)."""
    low, high = patch.band
    slit = np.sinc(f / patch.aperture)
    cell = 1.0 / (1.0 + 1j * f / patch.cell)
    coupled = (1j * f / patch.coupling) / (1.0 + 1j * f / patch.coupling)
    speaker = (1j * f / low) / (1.0 + 1j * f / low) / (1.0 + 1j * f / high)
    return np.asarray(slit * cell * coupled * speaker)


def heard(patch: Instrument, hz: float, harmonics: int) -> tuple[float, Complex]:
    """The light's mean and the note's harmonics (complex) as they come out, both against the loudest
    harmonic: the light's (printed) through the response; the first harmonic never under
    FUNDAMENTAL_FLOOR of the loudest."""
    mean, light = printed(patch, harmonics)
    out = light * response(patch, hz * np.arange(1, harmonics + 1, dtype=np.float64))
    loudest = max(float(np.abs(out).max()), 1e-300)
    out = out / loudest
    first = abs(out[0])
    out[0] *= max(first, FUNDAMENTAL_FLOOR) / max(first, 1e-300)
    return mean / loudest, np.asarray(out / np.abs(out).max())


def spectrum(patch: Instrument, hz: float, harmonics: int) -> Complex:
    """The note's harmonics (complex, the loudest 1 in size; heard)."""
    return heard(patch, hz, harmonics)[1]


def shutter(patch: Instrument, held: float, times: Signal) -> Signal:
    """The light the shutter lets onto the slit at `times` s: opening over `level`'s first s (the slit
    uncovered at a steady pace), fading then to the share it keeps over its second, and closing over
    its fourth once the key is let go, from wherever it was."""
    _, _, _, closing = patch.level
    held = max(held, 0.05)
    at_release = float(_opened(patch, np.array([held]))[0])
    closed = at_release * np.clip(1.0 - (times - held) / closing, 0.0, 1.0)
    return np.asarray(np.where(times <= held, _opened(patch, times), closed))


def _opened(patch: Instrument, times: Signal) -> Signal:
    """The light while the key is down: the shutter opening, the light fading to the share it keeps."""
    attack, fade, keeps, _ = patch.level
    kept = keeps + (1.0 - keeps) * np.exp(-np.maximum(times - attack, 0.0) / fade)
    return np.asarray(np.clip(times / attack, 0.0, 1.0) * kept)


def levels(patch: Instrument, hz: float, held: float, frames: Signal, harmonics: int) -> Signal:
    """The harmonics' levels (frames x harmonics) at `frames` s: the note's spectrum under the
    shutter's light."""
    return np.asarray(shutter(patch, held, frames)[:, None] * np.abs(spectrum(patch, hz, harmonics))[None, :])


def turn(patch: Instrument, hz: float) -> float:
    """How fast the disc carrying `hz` turns (Hz): the note over its track's cycles a turn, `cycles` at
    the innermost octave (from LOWEST) and twice as many an octave up."""
    octave = max(0, int(np.floor(np.log2(hz / LOWEST))))
    return float(hz / (patch.cycles * 2**octave))


def wobbling(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How early or late the eccentric disc reads its track at `times` s, radians of the note: (hz /
    turn) wobble sin(2 pi turn t + a phase drawn), a deviation of `wobble` of the note, never summed."""
    spin = turn(patch, hz)
    phase = float(rng.uniform(0.0, 2.0 * np.pi))
    return np.asarray(hz / spin * patch.wobble * np.sin(2.0 * np.pi * spin * times + phase))


def lamp(patch: Instrument, times: Signal, rng: np.random.Generator) -> Signal:
    """The lamp's light at `times` s: 1, and on the mains a ripple `flicker` deep at twice their
    frequency (the filament cools a little as the current passes through nothing)."""
    if not patch.flicker:
        return np.ones(times.size)
    phase = float(rng.uniform(0.0, 2.0 * np.pi))
    return np.asarray(1.0 + patch.flicker * np.sin(4.0 * np.pi * patch.mains * times + phase))


def coupled(patch: Instrument, light: Signal, sample_rate: int) -> Signal:
    """The light's mean at every sample (`light`) as it comes out: through the coupling capacitor's
    high-pass and the loudspeaker's band (one pole each, bilinear), so its steps are thumps."""
    low, high = patch.band
    out = light
    for corner in (patch.coupling, low):
        b, a = signal.butter(1, min(corner, 0.45 * sample_rate), btype="highpass", fs=sample_rate)
        out = signal.lfilter(b, a, out)
    b, a = signal.butter(1, min(high, 0.45 * sample_rate), btype="lowpass", fs=sample_rate)
    return np.asarray(signal.lfilter(b, a, out))


def shot(patch: Instrument, light: Signal) -> Signal:
    """The cell's shot noise's size at each sample: `hiss` in full light, as the square root of it."""
    return np.asarray(patch.hiss * np.sqrt(np.maximum(light, 0.0)))


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together for `held` seconds at `velocity`, each its own
    track. What varies (the disc's and the lamp's phases, the drawn pitch's trembling, the shot noise)
    is drawn with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    tail = 6.0 / (2.0 * np.pi * min(patch.coupling, patch.band[0]))  # the thump dies away
    size = int((max(held, 0.05) + patch.level[3] + tail + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    opened = shutter(patch, held, times)

    def sound(hz: float) -> tuple[Signal, Signal]:
        mean, harmonics = heard(patch, hz, count(hz, sample_rate))
        table = np.zeros(TABLE // 2 + 1, dtype=np.complex128)
        table[1 : harmonics.size + 1] = harmonics * (TABLE / 2.0)
        wave = np.fft.irfft(table, TABLE)
        bent = hz * 2.0 ** (struck_render.bends(patch, times, rng) / 1200.0)
        phase = 2.0 * np.pi * np.cumsum(bent) / sample_rate + wobbling(patch, hz, times, rng)
        point = np.mod(phase / (2.0 * np.pi), 1.0) * TABLE
        tone = np.interp(point, np.arange(TABLE + 1), np.append(wave, wave[0]))
        light = opened * lamp(patch, times, rng)
        out = tone * light + coupled(patch, mean * light, sample_rate)
        low, high = patch.hiss_band
        band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
        noise = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        return np.asarray(out), np.asarray(shot(patch, light) * noise)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


LIGHT_SET = LightSet(
    root=Path(__file__).with_name("light-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("light-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
LIGHT_SETS = {LIGHT_SET.root: LIGHT_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
