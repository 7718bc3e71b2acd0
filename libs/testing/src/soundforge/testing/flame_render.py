"""Notes to audio by singing flames, computed in numpy: thermoacoustic instruments, tubes set sounding
by heat -- Kastner's pyrophone's glass tubes, a hydrogen flame in each; Rijke tubes, a gauze heated
red a quarter of the way up each; a propane fire organ's steel pipes; a bass Rijke organ's wide
pipes; a pulse combustor's tailpipe, closed at its combustion chamber; Higgins's singing flame, a
small hydrogen jet in a glass tube; a Sondhauss tube, a glassblower's bulb heated where its neck
begins; and a thermoacoustic engine's resonator, a stack held hot at one end. None is blown and none
is struck: heat sets each going. The air swinging through the tube's first mode past the heat (a
flame, a gauze) takes heat from it by King's law, sqrt(|1 + d u|) - 1 of its velocity u against the
mean flow (d `drive` at the loudest, 0.6 of it at the softest: past 1 the flow reverses for part of
the period and the heat's pulse sharpens), lagging it by `lag` of a period (the flame's or the
gauze's thermal delay) and taken up by the air through the source's thermal boundary layer, a
first-order low-pass at `corner` Hz (Lighthill's: heat crosses it slower than the swing at high
frequencies); where that pulse is in phase with the pressure (Rayleigh's criterion) it
feeds the mode, and the oscillation grows until the heat's own saturation holds it: a limit cycle,
periodic, so every partial stands on a harmonic of the note whatever the tube's resonances. Each
harmonic of the heat's pulse drives the tube's resonances through their pressure's shape where the
heat is (an open tube's at k f, sin(k pi x); one closed at its heated end, the pulse combustor's,
the Sondhauss tube's and the engine's, at odd multiples (2k - 1) f, cos((2k - 1) pi x / 2), so its
even harmonics fall between resonances and sound weak), each 1 / (1 - r^2 + j r / Q), and the open
end radiates the result n times (a pulsating source's pressure follows its rate of change). The tube
is cut for the hot gas's speed of sound, c = 343 sqrt(T / 293) m/s, so its first resonance sits on
the note. The oscillation grows from the flame's noise as an instability does (a logistic rise over
`grow`), brightening as it grows (the heat's law is near linear at a small swing); the flame flickers
(a buoyant flame puffs at 8-15 Hz), swinging the level by `flicker` and the hot gas's pitch by
`flutter` cents; the tube, a little cold where its heat was just turned up, rises onto the note from
`scoop` cents under over `glide` s; the combustion's roar sounds over `roar_band` with the level; once
the heat is parted from the tube (Kastner's flames pulled apart, a gauze's current cut) the tube rings
down over Q / (pi f). And a kit of the fires' own sounds: a gas cloud lit in a combustion chamber
(its whoomp through the chamber's quarter-wave resonances, the hot gas's speed), hot steel pipes
thumped by a gloved palm over their ends (closed-open pipes of three lengths), a match struck and
flaring, a lighter's flint wheel, flash paper flaring, a gas valve's click, a pilot light's tick, gas
hissing from a burner, embers crackling, a torch flaring, a steel pipe struck by a spanner (a
free-free tube's bending modes, 1 and 2.756), a pyrophone's glass tube tapped, its mouth tapped by a
finger, embers shaken in a grate, a bellows' puff -- ringing modes and noise, the match's flare, the
flash paper, the crackling and the shaken embers as grains, no recording."""

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
PERIOD = 1024  # points one period of the heat's pulse is worked out at
FRAME = 0.004  # s: the step the oscillation's level is worked out at (straight lines between)
TUBE_MODES = 24  # a tube's resonances taken, at most
COLD = 293.0  # K: the air a cold tube holds, where sound runs at SOUND_SPEED
SOUND_SPEED = 343.0  # m/s
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6329  # mixed into every note's seed and every drum's hiss


def hot_speed(kelvin: float) -> float:
    """The speed of sound in a gas at `kelvin`, air's heated: 343 sqrt(T / 293) m/s."""
    return SOUND_SPEED * float(np.sqrt(kelvin / COLD))


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A tube set singing by heat. `closed`: closed at its heated end (its resonances at odd multiples
    of the note), else open at both; the heat at `source` of the tube's length from its lower (or
    closed) end; the air's swing there `drive` times the mean flow at the loudest (0.6 of it at the
    softest); the heat's pulse lagging the swing by `lag` of a period, and its harmonics taken up by
    the air through the source's thermal boundary layer, a first-order low-pass at `corner` Hz; the
    tube's resonances of quality `tube_q`; its gas at `kelvin` (what its length is cut for); the
    combustion's roar at `roar` of the note over `roar_band` Hz; the flame's flicker swinging the
    level by `flicker` and the pitch by `flutter` cents at `flicker_rate` Hz; the tube rising onto
    the note from `scoop` cents under over `glide` s; the oscillation growing over `grow` s.
    `level`: (-, -, 1, its fall s once the heat is parted, or the tube's ring-down where longer).
    Players' vibrato is unused: a flame has no player's vibrato."""

    kind: str
    closed: bool = False
    source: float = 0.25
    drive: float = 1.4
    lag: float = 0.15
    corner: float = 600.0
    tube_q: float = 25.0
    kelvin: float = 600.0
    roar: float = 0.02
    roar_band: tuple[float, float] = (150.0, 2500.0)
    flicker: float = 0.04
    flutter: float = 1.5
    flicker_rate: float = 11.0
    scoop: float = 8.0
    glide: float = 0.12
    grow: float = 0.03
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.05)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0

    def length(self, hz: float) -> float:
        """The tube's length, m, for its first resonance on `hz` in its hot gas: c / (2 f), or c / (4 f)
        closed at one end."""
        return hot_speed(self.kelvin) / ((4.0 if self.closed else 2.0) * hz)


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A fire's sound in the kit (struck_render.Drum's partials and noise), and `grains` more at
    random within `spread` s, each at up to its share of the first (a match flaring, embers
    crackling), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
FlameSet = struck_render.StruckSet[Instrument, Struck]

# The chords, a tube to a note: Kastner's pyrophone's glass tubes, a hydrogen flame a third of the
# way up each; Rijke tubes, a gauze heated red a quarter of the way up; a propane fire organ's steel
# pipes, roaring.
PYROPHONE = Instrument("pyrophone's glass tubes", source=0.3, drive=1.3, lag=0.12, corner=250.0,
                       tube_q=30.0, kelvin=650.0, roar=0.015, roar_band=(200.0, 3000.0),
                       flicker=0.03, flutter=1.5, flicker_rate=12.0, scoop=6.0, glide=0.1,
                       grow=0.025, level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
RIJKE = Instrument("Rijke tubes' heated gauzes", source=0.25, drive=1.6, lag=0.2, corner=180.0,
                   tube_q=35.0, kelvin=500.0, roar=0.008, roar_band=(300.0, 4000.0), flicker=0.02,
                   flutter=1.0, flicker_rate=9.0, scoop=5.0, glide=0.15, grow=0.03,
                   level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip
FIRE_ORGAN = Instrument("propane fire organ's steel pipes", source=0.2, drive=2.2, lag=0.18,
                        corner=400.0, tube_q=20.0, kelvin=800.0, roar=0.04,
                        roar_band=(100.0, 1800.0), flicker=0.06, flutter=2.5, flicker_rate=10.0,
                        scoop=10.0, glide=0.12, grow=0.02, level=(0.0, 0.0, 1.0, 0.07))  # fmt: skip
# Held: the pyrophone's flames held in their tubes; Rijke tubes held, their gauzes kept red.
PYROPHONE_HELD = Instrument("pyrophone held", source=0.3, drive=1.2, lag=0.12, corner=220.0,
                            tube_q=30.0, kelvin=650.0, roar=0.012, roar_band=(200.0, 3000.0),
                            flicker=0.025, flutter=1.0, flicker_rate=12.0, scoop=5.0, glide=0.15,
                            grow=0.05, level=(0.0, 0.0, 1.0, 0.12))  # fmt: skip
RIJKE_HELD = Instrument("Rijke tubes held", source=0.25, drive=1.5, lag=0.2, corner=160.0,
                        tube_q=35.0, kelvin=500.0, roar=0.006, roar_band=(300.0, 4000.0),
                        flicker=0.02, flutter=1.0, flicker_rate=9.0, scoop=4.0, glide=0.2,
                        grow=0.06, level=(0.0, 0.0, 1.0, 0.15))  # fmt: skip
# The basses: a pulse combustor's tailpipe, closed at its chamber, the heat near that end (its even
# harmonics weak); a bass Rijke organ's wide pipes.
PULSE_COMBUSTOR = Instrument("pulse combustor", closed=True, source=0.1, drive=2.5, lag=0.1,
                             corner=300.0, tube_q=15.0, kelvin=1100.0, roar=0.03,
                             roar_band=(80.0, 1200.0), flicker=0.03, flutter=1.5,
                             flicker_rate=14.0, scoop=8.0, glide=0.1, grow=0.02,
                             level=(0.0, 0.0, 1.0, 0.06), gain=1.2)  # fmt: skip
RIJKE_BASS = Instrument("bass Rijke organ's wide pipes", source=0.25, drive=1.8, lag=0.2,
                        corner=150.0, tube_q=25.0, kelvin=550.0, roar=0.01,
                        roar_band=(100.0, 1500.0), flicker=0.02, flutter=1.0, flicker_rate=8.0,
                        scoop=5.0, glide=0.15, grow=0.035, level=(0.0, 0.0, 1.0, 0.07),
                        gain=1.2)  # fmt: skip
# The leads: Higgins's singing flame, a hydrogen jet a fifth of the way up a glass tube; a Sondhauss
# tube's bulb heated where its neck begins (closed at the bulb); a thermoacoustic engine's resonator,
# its stack held hot near its closed end, nearly a sine.
SINGING_FLAME = Instrument("singing flame", source=0.2, drive=1.5, lag=0.1, corner=350.0,
                           tube_q=40.0, kelvin=700.0, roar=0.01, roar_band=(500.0, 5000.0),
                           flicker=0.04, flutter=2.0, flicker_rate=13.0, scoop=12.0, glide=0.08,
                           grow=0.015, gain=0.9)  # fmt: skip
SONDHAUSS = Instrument("Sondhauss tube", closed=True, source=0.15, drive=1.6, lag=0.1,
                       corner=250.0, tube_q=30.0, kelvin=450.0, roar=0.005,
                       roar_band=(800.0, 6000.0), flicker=0.02, flutter=1.0, flicker_rate=11.0,
                       scoop=10.0, glide=0.1, grow=0.02, gain=0.9)  # fmt: skip
STACK_ENGINE = Instrument("thermoacoustic engine", closed=True, source=0.08, drive=0.9, lag=0.05,
                          corner=120.0, tube_q=50.0, kelvin=400.0, roar=0.0, flicker=0.01,
                          flutter=0.5, flicker_rate=6.0, scoop=6.0, glide=0.2, grow=0.03,
                          gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on the pyrophone, Rijke
# tubes and the fire organ; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: PYROPHONE_HELD,
        49: RIJKE_HELD,
        56: PYROPHONE,
        22: RIJKE,
        61: FIRE_ORGAN,
        58: PULSE_COMBUSTOR,
        67: RIJKE_BASS,
        59: SINGING_FLAME,
        73: SONDHAUSS,
        60: STACK_ENGINE,
    }


def _chamber(metres: float, kelvin: float, amplitude: float, decay: float,
             modes: int = 2) -> tuple[tuple[float, float, float], ...]:  # fmt: skip
    """A hot pipe closed at one end (a combustion chamber, a pipe under a palm): its first `modes`
    resonances at (2k - 1) c / (4 L), c the hot gas's speed."""
    c = hot_speed(kelvin)
    return tuple(((2 * k - 1) * c / (4.0 * metres), amplitude / k, decay / k) for k in range(1, modes + 1))


def _bar(hz: float, amplitude: float, decay: float) -> tuple[tuple[float, float, float], ...]:
    """A steel pipe or a glass tube struck, free at both ends: its first two bending modes, the second
    at 2.756 times the first (a free-free beam's)."""
    return ((hz, amplitude, decay), (2.756 * hz, 0.4 * amplitude, 0.5 * decay))


def _drums() -> dict[int, Struck]:
    return {
        # A gas cloud lit in a combustion chamber, its whoomp (the bass drums); hot steel pipes of
        # three lengths thumped by a gloved palm over their ends (the toms).
        36: Struck(_chamber(1.5, 900.0, 1.0, 0.14), (40.0, 400.0), 0.04, 1.3),
        35: Struck(_chamber(1.9, 900.0, 1.0, 0.15), (40.0, 350.0), 0.04, 1.2),
        41: Struck(_chamber(0.9, 500.0, 1.0, 0.1), (120.0, 1200.0), 0.01, 0.9),
        45: Struck(_chamber(0.65, 500.0, 1.0, 0.09), (160.0, 1600.0), 0.01, 0.9),
        48: Struck(_chamber(0.48, 500.0, 1.0, 0.08), (200.0, 2000.0), 0.01, 0.9),
        # A match struck and flaring (the snares: its scrape and the flare's grains); a lighter's
        # flint wheel (the side stick); flash paper flaring (the clap).
        38: Struck((), (1200.0, 7000.0), 0.05, 0.9, grains=5, spread=0.08),
        40: Struck((), (1000.0, 6000.0), 0.06, 0.9, grains=5, spread=0.1),
        37: Struck(_bar(3200.0, 1.0, 0.01), (3000.0, 10000.0), 0.004, 0.6),
        39: Struck((), (600.0, 6000.0), 0.03, 0.8, grains=3, spread=0.04),
        # A gas valve's click (the closed hat), a pilot light's tick (the pedal), gas hissing from a
        # burner opened (the open hat); embers crackling (the ride) and a torch flaring (the crash);
        # a steel pipe struck by a spanner (the cowbell) and near its end, ringing (the bell).
        42: Struck(_bar(4100.0, 0.4, 0.004), (4000.0, 10000.0), 0.012, 0.35),
        44: Struck((), (2500.0, 8000.0), 0.006, 0.3),
        46: Struck((), (2000.0, 10000.0), 0.12, 0.35),
        51: Struck((), (1500.0, 9000.0), 0.005, 0.35, grains=14, spread=0.12),
        49: Struck((), (300.0, 8000.0), 0.25, 0.4, grains=6, spread=0.2),
        56: Struck(_bar(760.0, 1.0, 0.15), (800.0, 4000.0), 0.004, 0.4),
        53: Struck(_bar(1450.0, 1.0, 0.3), gain=0.35),
        # A pyrophone's glass tube tapped (the claves), its mouth tapped by a finger (the wood blocks:
        # open tubes, c / (2 L)), embers shaken in a grate (the tambourine), a bellows' puff (the
        # maracas), a steel pipe struck, damped or left to ring (the triangles).
        75: Struck(_bar(2300.0, 1.0, 0.02), (2000.0, 7000.0), 0.002, 0.5),
        76: Struck(((SOUND_SPEED / 0.2, 1.0, 0.015),), (1500.0, 6000.0), 0.002, 0.5),
        77: Struck(((SOUND_SPEED / 0.3, 1.0, 0.018),), (1200.0, 5000.0), 0.002, 0.5),
        54: Struck(((2100.0, 0.2, 0.01),), (2500.0, 9000.0), 0.015, 0.4, grains=7, spread=0.07),
        70: Struck((), (400.0, 3000.0), 0.04, 0.3),
        80: Struck(_bar(1900.0, 1.0, 0.05), gain=0.35),
        81: Struck(_bar(1900.0, 1.0, 0.7), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, flame_set: FlameSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord a tube
    to a note, as a pyrophone's keys bring each flame to its tube); the drum channel through the
    set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, flame_set, _SOUNDED, lambda p: True
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def heat(patch: Instrument, swing: float) -> npt.NDArray[np.complex128]:
    """One period's harmonics (complex, 1 to PERIOD / 2) of the heat the source gives the air: King's
    law, sqrt(|1 + d u|) - 1, u = cos of the phase (the tube's first mode's velocity past the source),
    d = `drive` times `swing` (0 to 1), lagging by `lag` of a period."""
    t = np.arange(PERIOD) / PERIOD
    q = np.sqrt(np.abs(1.0 + patch.drive * swing * np.cos(2.0 * np.pi * (t - patch.lag)))) - 1.0
    return np.asarray(np.fft.rfft(q)[1:] / (PERIOD / 2))


def mode(f: Signal, centre: float, q: float) -> npt.NDArray[np.complex128]:
    """A resonance's response at `f` against its peak: 1 / (1 - r^2 + j r / Q) over Q, r = f / centre."""
    r = f / centre
    return np.asarray(1.0 / (1.0 - r**2 + 1j * r / q) / q)


def tube(patch: Instrument, hz: float, f: Signal) -> npt.NDArray[np.complex128]:
    """The tube's pressure at `f` for heat at its source, against a resonance's peak: its resonances
    (k f open at both ends, (2k - 1) f closed at one; TUBE_MODES at most, under 12 kHz), each through
    its pressure's shape where the heat is (sin(k pi x), cos((2k - 1) pi x / 2))."""
    out = np.zeros(f.size, dtype=np.complex128)
    for k in range(1, TUBE_MODES + 1):
        order = 2 * k - 1 if patch.closed else k
        if order * hz > 12000.0:
            break
        shape = (
            np.cos(order * np.pi * patch.source / 2.0) if patch.closed else np.sin(k * np.pi * patch.source)
        )
        out += shape * mode(f, order * hz, patch.tube_q)
    return out


def spectrum(patch: Instrument, hz: float, velocity: int, harmonics: int, swing: float = 1.0) -> Signal:
    """The harmonics' levels (the loudest 1) with the oscillation at `swing` of its full size: the
        heat's pulse (at 0.6-1 of `drive` by velocity), through the source's thermal low-pass (1 / (1 + j f /
    `corner`)) and the tube's resonances, radiated n times;
        the first never under FUNDAMENTAL_FLOOR of the loudest. A harder drive (a louder note, a grown
        oscillation) sharpens the heat's pulse: the tone brightens."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    pulse = heat(patch, max(swing, 1e-3) * (0.6 + 0.4 * velocity / 127.0))[:harmonics]
    pulse = pulse / (1.0 + 1j * n * hz / patch.corner)  # the thermal boundary layer's lag
    out = np.abs(n * pulse * tube(patch, hz, n * hz))
    out = out / (float(out.max()) or 1.0)
    out[0] = max(out[0], FUNDAMENTAL_FLOOR)
    return np.asarray(out / float(out.max()))


def grown(patch: Instrument, hz: float, held: float, velocity: int, times: Signal) -> Signal:
    """The oscillation's level at `times` s: growing from the flame's noise as an instability does (a
    logistic rise from 1% over `grow`), held while the key is down, ringing down once the heat is
    parted over the longer of the level's fall and the tube's Q / (pi f); 0.6-1 by velocity,
    swinging by `flicker` with the flame."""
    on = 1.0 / (1.0 + 99.0 * np.exp(-times / patch.grow))
    release = max(patch.level[3], patch.tube_q / (np.pi * hz))
    off = np.exp(-np.maximum(times - max(held, 0.05), 0.0) / release)
    flickering = 1.0 + patch.flicker * _flicker(patch, times)
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * on * off * flickering)


def _flicker(patch: Instrument, times: Signal) -> Signal:
    """The flame's flicker (-1 to 1) at `times`: a buoyant flame's puffing at `flicker_rate`."""
    return np.asarray(np.sin(2.0 * np.pi * patch.flicker_rate * times))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the spectrum at the oscillation's
    grown share (its swing, brightening as it grows: a small swing's at the first frames, the full
    one's once grown, in between by its level) under its level (grown)."""
    level = grown(patch, hz, held, velocity, frames)
    share = np.clip(level / (float(level.max()) or 1.0), 0.0, 1.0)
    small = spectrum(patch, hz, velocity, harmonics, 0.3)
    full = spectrum(patch, hz, velocity, harmonics)
    mix = (1.0 - share)[:, None] * small[None, :] + share[:, None] * full[None, :]
    return np.asarray(level[:, None] * mix)


def bend(patch: Instrument, times: Signal) -> Signal:
    """The pitch at `times` s against the note, in cents: rising from `scoop` under it over `glide` s
    as the gas by the heat warms, then swinging `flutter` cents with the flame's flicker."""
    return np.asarray(-patch.scoop * np.exp(-times / patch.glide) + patch.flutter * _flicker(patch, times))


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a tube to each) sung for `held` seconds at `velocity`. What varies
    (the harmonics' phases, the roar's noise) is drawn with `seed` (the note's own, note_rng, where
    None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    ring = max(patch.level[3], patch.tube_q / (np.pi * lowest))
    size = int((max(held, 0.05) + 6.0 * ring + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    cents = bend(patch, times)
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        level = np.interp(times, frames, grown(patch, hz, held, velocity, frames))
        phase = 2.0 * np.pi * np.cumsum(hz * 2.0 ** (cents / 1200.0)) / sample_rate
        offsets = rng.uniform(0.0, 2.0 * np.pi, harmonics)
        tone = struck_render.harmonic_tone(weights, frames, times, phase, offsets)
        band = (min(patch.roar_band[0], 0.2 * sample_rate), min(patch.roar_band[1], 0.45 * sample_rate))
        roar = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        return tone, np.asarray(patch.roar * roar * level / (float(level.max()) or 1.0))

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


FLAME_SET = FlameSet(
    root=Path(__file__).with_name("flame-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("flame-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
FLAME_SETS = {FLAME_SET.root: FLAME_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
