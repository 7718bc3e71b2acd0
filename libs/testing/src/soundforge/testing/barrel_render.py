"""Notes to audio by mechanical music computed in numpy, as a turning machine plays it with no player's
hands: a mechanical zither's strings (a Chordephon's, a disc's projections lifting the levers that
set its star wheels picking), each string's partials stretched by its stiffness with the first on the
note, weighted by where the wheel's pick meets it (the partials with a node there weak), through the
frame's soundboard, a higher partial dying sooner, a felt damper falling on the string once the
disc's slot has passed; the star wheel repicking a held string at its own rate, its pick catching
the string as it swings and throwing it back to the pluck's reach (the level jumps, the phase runs
on), each pick a little early or late as the wheel's teeth are worn, and its tick; a cylinder musical
box's steel comb, each tooth a cantilever clamped at its root and plucked at its tip by the barrel's
pins, its modes where a clamped-free beam's are (1, 6.27, 17.5 and 34.4 times the first), a bass
tooth's lead weight at its tip lowering the first mode and spreading the others further above it,
the pin's release ringing the tooth on with no damper until it dies; a disc box's two combs tuned a
few cents apart so a chord shimmers (sublime harmonie); a mandoline's rows of pins replucking a tooth
while the note is held; and a kit of its own, an orchestrion's and a disc box's traps (drums, a
cymbal, bells, a triangle, castanets, wood blocks, a tambourine and a rattle) struck by sprung
levers the pins trip, each beater bouncing back on its spring for a softer second stroke a few
milliseconds on, the lever's tick at the trip, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import optimize

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_PARTIALS = 28  # a string's partials, at most (a tooth has four modes)
FUNDAMENTAL_FLOOR = 0.3  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the partials' levels are worked out at (straight lines between)
TOOTH_MODES = 4  # a comb tooth's modes
_FADE = 0.01  # s: the fade at a sound's cut end
_TICK = 0.0015  # s: how fast a pick's or a trip lever's tick dies
_SALT = 9127  # mixed into every note's seed and every trap's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A body a machine plucks. `body` "string": partials n f sqrt((1 + B n^2) / (1 + B)) (B the
    string's `stiffness`), each weighted |sin(n pi `pick`)| / n^`slope` (plucked at `pick` of its
    length); "tooth": a cantilever's modes (`weight`, its lead tip's mass over the tooth's, spreading
    them), each weighted by 1 / ratio^`slope`. `formants` ((Hz, width in octaves, gain) each) the
    soundboard's or the case's; `level`: (attack s, the first partial's ring s, whether it holds --
    1 where the machine repicks it while held, 0 where it picks it once --, the damper's s once the
    note ends: 0 for none, the tooth rings on); a higher partial's ring shorter by its number (or
    ratio) to `loss`, a harder stroke brighter; `repeat` picks a second while held (0: one pick),
    each `jitter` of a period early or late; `tick` the pick's click against the note, over the band
    `tick_band` Hz. No vibrato: a machine's string or tooth holds its tuning."""

    kind: str
    body: str
    slope: float
    level: tuple[float, float, float, float] = (0.002, 1.0, 0.0, 0.1)
    stiffness: float = 0.0
    pick: float = 0.2
    weight: float = 0.0
    loss: float = 0.5
    formants: tuple[tuple[float, float, float], ...] = ()
    repeat: float = 0.0
    jitter: float = 0.0
    tick: float = 0.02
    tick_band: tuple[float, float] = (2000.0, 8000.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.0
    gain: float = 1.0


@dataclass(frozen=True)
class Tripped(struck_render.Drum):
    """A trap: struck (struck_render.Drum's partials and noise) by a sprung lever, its beater bouncing
    back for each of `bounces` ((s after the stroke, its share of the stroke) each), and the lever's
    tick at the trip at `tick` of the stroke's peak."""

    bounces: tuple[tuple[float, float], ...] = ()
    tick: float = 0.0


Kit = struck_render.Kit[Tripped]
# General MIDI programs to instruments and drums to the traps.
BarrelSet = struck_render.StruckSet[Instrument, Tripped]

# The chords: a mechanical zither's chord strings, picked once; a cylinder box's comb; a disc box's
# two combs a few cents apart.
ZITHER = Instrument("mechanical zither", "string", 1.2, level=(0.002, 1.6, 0.0, 0.12), stiffness=2e-5,
                    pick=0.17, loss=0.6, formants=((260.0, 1.0, 2.2), (900.0, 0.7, 1.4)),
                    tick=0.03)  # fmt: skip
COMB = Instrument("cylinder box's comb", "tooth", 1.3, level=(0.001, 0.9, 0.0, 0.0), loss=0.7,
                  formants=((700.0, 1.2, 1.8),), tick=0.015, tick_band=(3000.0, 9000.0))  # fmt: skip
DISC_COMBS = Instrument("disc box's twin combs", "tooth", 1.2, level=(0.001, 1.1, 0.0, 0.0), loss=0.7,
                        formants=((450.0, 1.2, 2.0),), tick=0.012, voices=2, detune=7.0)  # fmt: skip
# Held as long as the disc's slot or the barrel's row of pins holds: the zither's string repicked by
# its star wheel, a mandoline's teeth replucked.
HELD = Instrument("mechanical zither held", "string", 1.3, level=(0.002, 0.9, 1.0, 0.1), stiffness=2e-5,
                  pick=0.19, loss=0.6, formants=((260.0, 1.0, 2.0),), repeat=9.0, jitter=0.06,
                  tick=0.02)  # fmt: skip
HELD_TEETH = Instrument("mandoline held", "tooth", 1.4, level=(0.001, 0.7, 1.0, 0.0), loss=0.7,
                        formants=((600.0, 1.2, 1.6),), repeat=11.0, jitter=0.04, tick=0.01)  # fmt: skip
# The basses: the zither's bass strings, a box's lead-weighted bass teeth.
ZITHER_BASS = Instrument("mechanical zither's bass strings", "string", 1.1, level=(0.002, 2.2, 0.0, 0.15),
                         stiffness=8e-5, pick=0.12, loss=0.5, formants=((140.0, 1.0, 2.0),), tick=0.02,
                         gain=1.2)  # fmt: skip
BASS_TEETH = Instrument("lead-weighted bass teeth", "tooth", 1.6, level=(0.001, 1.4, 0.0, 0.0), weight=0.8,
                        loss=0.6, formants=((220.0, 1.0, 2.0),), tick=0.01, gain=1.2)  # fmt: skip
# The leads: the zither's melody strings under the star wheel's tremolo, a mandoline's replucked
# teeth.
ZITHER_TREMOLO = Instrument("mechanical zither's tremolo", "string", 1.2, level=(0.002, 0.8, 1.0, 0.08),
                            stiffness=1.5e-5, pick=0.14, loss=0.6, formants=((1200.0, 0.8, 1.6),),
                            repeat=12.0, jitter=0.05, tick=0.03, gain=0.9)  # fmt: skip
MANDOLINE = Instrument("mandoline", "tooth", 1.3, level=(0.001, 0.6, 1.0, 0.0), loss=0.7,
                       formants=((1500.0, 1.0, 1.5),), repeat=13.0, jitter=0.04, tick=0.015,
                       gain=0.9)  # fmt: skip

# General MIDI programs to instruments: the held chords as the zither and the mandoline held; a
# song's chords on the zither, the cylinder box's comb and the disc box's twin combs; the basses; the
# leads.
BARREL = BarrelSet(
    root=Path(__file__).with_name("barrel-instruments"),
    programs={
        48: HELD,
        49: HELD_TEETH,
        46: ZITHER,
        8: COMB,
        11: DISC_COMBS,
        32: ZITHER_BASS,
        33: BASS_TEETH,
        107: ZITHER_TREMOLO,
        10: MANDOLINE,
    },
    drums=Kit(
        kit=Path(__file__).with_name("barrel-instruments") / "traps",
        drums={
            # An orchestrion's bass drum and a disc box's small drum in its case, struck by a felt
            # beater on a sprung lever that bounces back once (the bass drums), and its tenor drums
            # (the toms).
            36: Tripped(
                ((58.0, 1.0, 0.25), (131.0, 0.4, 0.08)),
                (80.0, 600.0),
                0.03,
                1.3,
                bounces=((0.012, 0.3),),
                tick=0.05,
            ),
            35: Tripped(((66.0, 1.0, 0.2),), (80.0, 600.0), 0.03, 1.1, bounces=((0.01, 0.25),), tick=0.05),
            41: Tripped(
                ((104.0, 1.0, 0.2), (236.0, 0.3, 0.06)),
                (150.0, 1500.0),
                0.03,
                1.0,
                bounces=((0.009, 0.3),),
                tick=0.05,
            ),
            45: Tripped(
                ((131.0, 1.0, 0.17), (297.0, 0.3, 0.05)),
                (200.0, 1800.0),
                0.03,
                1.0,
                bounces=((0.008, 0.3),),
                tick=0.05,
            ),
            48: Tripped(
                ((166.0, 1.0, 0.15), (378.0, 0.3, 0.05)),
                (250.0, 2000.0),
                0.03,
                1.0,
                bounces=((0.008, 0.3),),
                tick=0.05,
            ),
            # The side drum with its snares, a wooden beater bouncing twice (the snare), the two
            # beaters of a roll (the electric snare), the beater on the hoop (the rim shot).
            38: Tripped(
                ((196.0, 0.5, 0.05),),
                (1500.0, 7000.0),
                0.09,
                0.9,
                bounces=((0.007, 0.35), (0.016, 0.12)),
                tick=0.06,
            ),
            40: Tripped(
                ((182.0, 0.5, 0.05),),
                (1200.0, 6500.0),
                0.08,
                0.9,
                bounces=((0.035, 0.8), (0.07, 0.6)),
                tick=0.06,
            ),
            37: Tripped(((1700.0, 0.6, 0.012), (3900.0, 0.3, 0.008)), (2000.0, 6000.0), 0.008, 0.6, tick=0.1),
            # Castanets clapped by a cam (the clap): two shells meeting, then once more.
            39: Tripped(
                ((2300.0, 0.5, 0.01), (3400.0, 0.3, 0.008)),
                (1500.0, 7000.0),
                0.012,
                0.6,
                bounces=((0.022, 0.7),),
                tick=0.05,
            ),
            # A small cymbal struck by its lever: damped by a felt pad at once (closed), pressed by it
            # (pedalled), let ring (open), struck hard (the crash), tapped (the ride).
            42: Tripped((), (5000.0, 10500.0), 0.03, 0.4, bounces=((0.006, 0.3),), tick=0.05),
            44: Tripped((), (4000.0, 10000.0), 0.015, 0.3, tick=0.06),
            46: Tripped(
                ((3100.0, 0.3, 0.3),), (4000.0, 10500.0), 0.35, 0.4, bounces=((0.006, 0.3),), tick=0.04
            ),
            49: Tripped(
                ((2700.0, 0.3, 0.8), (4300.0, 0.2, 0.6)),
                (2500.0, 10000.0),
                0.9,
                0.45,
                bounces=((0.008, 0.4),),
                tick=0.03,
            ),
            51: Tripped(
                ((3300.0, 0.4, 0.4), (5100.0, 0.2, 0.3)),
                (3500.0, 10000.0),
                0.25,
                0.35,
                bounces=((0.006, 0.25),),
                tick=0.04,
            ),
            # Bells struck by butterfly strikers, a wing and then the other (the cowbell), and the
            # triangle struck by its lever, damped and let ring.
            56: Tripped(
                ((980.0, 1.0, 0.35), (2540.0, 0.4, 0.15)),
                (1500.0, 5000.0),
                0.003,
                0.4,
                bounces=((0.045, 0.6),),
                tick=0.03,
            ),
            80: Tripped(((1780.0, 1.0, 0.07), (4650.0, 0.4, 0.04)), gain=0.3, tick=0.05),
            81: Tripped(
                ((1780.0, 1.0, 0.8), (4650.0, 0.4, 0.5), (8100.0, 0.2, 0.3)),
                gain=0.3,
                bounces=((0.005, 0.2),),
                tick=0.03,
            ),
            # Wood blocks, high and low, and a wooden clapper (the claves).
            76: Tripped(((1350.0, 1.0, 0.05), (3700.0, 0.3, 0.02)), (1500.0, 5000.0), 0.004, 0.5, tick=0.05),
            77: Tripped(((930.0, 1.0, 0.06), (2600.0, 0.3, 0.02)), (1200.0, 4000.0), 0.004, 0.5, tick=0.05),
            75: Tripped(((2500.0, 1.0, 0.04),), (2000.0, 6000.0), 0.003, 0.5, tick=0.05),
            # A tambourine's jingles shaken by a crank (the tambourine), a rattle's ratchet clicking
            # as its cam turns (the maracas and the cabasa), the ratchet run down once (the
            # vibraslap).
            54: Tripped(
                ((5200.0, 0.3, 0.12), (7300.0, 0.2, 0.1)),
                (4000.0, 10000.0),
                0.12,
                0.4,
                bounces=((0.02, 0.6), (0.04, 0.4)),
                tick=0.03,
            ),
            70: Tripped((), (2500.0, 8000.0), 0.015, 0.4, bounces=((0.018, 0.7), (0.036, 0.5)), tick=0.05),
            69: Tripped((), (3000.0, 9000.0), 0.01, 0.4, bounces=((0.012, 0.8), (0.024, 0.6)), tick=0.05),
            58: Tripped(
                (),
                (1500.0, 6000.0),
                0.01,
                0.4,
                bounces=tuple((0.025 * k, 0.85**k) for k in range(1, 9)),
                tick=0.08,
            ),
        },
    ),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
BARREL_SETS = {BARREL.root: BARREL}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, barrel_set: BarrelSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one string
    or tooth to a note); the drum channel through the set's traps, unbent. A program or a drum the set
    lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, barrel_set, _SOUNDED, lambda p: True
    )


@cache
def cantilever(weight: float, count: int = TOOTH_MODES) -> tuple[float, ...]:
    """A clamped-free beam's first `count` modes over its first, a mass of `weight` times the beam's
    at its free end: the roots b of 1 + cos b cosh b + weight b (cos b sinh b - sin b cosh b) = 0
    (divided through by cosh b), each (b / b1)^2. With no weight: 1, 6.267, 17.547, 34.386."""

    def equation(b: float) -> float:
        return float(1.0 / np.cosh(b) + np.cos(b) + weight * b * (np.cos(b) * np.tanh(b) - np.sin(b)))

    grid = np.linspace(0.05, (count + 1) * np.pi, 4000)
    values = np.array([equation(b) for b in grid])
    roots = [
        float(optimize.brentq(equation, grid[k], grid[k + 1]))
        for k in np.flatnonzero(np.sign(values[:-1]) != np.sign(values[1:]))
    ][:count]
    return tuple((root / roots[0]) ** 2 for root in roots)


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each partial's frequency over the note's, those under 0.45 of the rate: a stiff string's
    stretched harmonics (the first on the note), or a tooth's cantilever modes."""
    if patch.body == "tooth":
        modes = np.array(cantilever(patch.weight))
    else:
        n = np.arange(1, MAX_PARTIALS + 1, dtype=np.float64)
        modes = n * np.sqrt((1.0 + patch.stiffness * n**2) / (1.0 + patch.stiffness))
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


def spectrum(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """The partials' levels at a pick: a string's |sin(n pi pick)| / n^slope, a tooth's
    1 / ratio^slope, through the formants."""
    if patch.body == "tooth":
        levels = ratio**-patch.slope
    else:
        n = np.arange(1, ratio.size + 1, dtype=np.float64)
        levels = np.abs(np.sin(n * np.pi * patch.pick)) / n**patch.slope
    for centre, width, lift in patch.formants:  # each lifts the partials by where they sit
        levels = levels * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(ratio * hz / centre) / width) ** 2))
    return np.asarray(levels)


def picks(patch: Instrument, held: float, rng: np.random.Generator) -> Signal:
    """When the machine picks a note held `held` s: at 0, and while it is held every 1/`repeat` s,
    each pick after the first `jitter` of a period early or late (drawn)."""
    if not patch.repeat:
        return np.zeros(1)
    period = 1.0 / patch.repeat
    count = max(1, int(np.ceil(max(held, 0.05) / period)))
    times = np.arange(count) * period
    times[1:] += patch.jitter * period * rng.uniform(-1.0, 1.0, count - 1)
    return np.asarray(times)


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s lasts: while it is picked, then its damper's fall (a string) or
    its first mode's free ring (a tooth)."""
    _, ring, _, damper = patch.level
    sounding = max(held, 0.05) if patch.repeat else 0.05
    if patch.body == "tooth":
        return sounding + 6.0 * ring + _FADE
    return min(sounding + 6.0 * ring, max(held, 0.05) + 6.0 * damper) + _FADE


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, ratio: Signal,
           picked: Signal) -> Signal:  # fmt: skip
    """The partials' levels (frames x partials) at `frames` s: each pick (`picked`) throwing every
    partial back to its pick's level, which then dies over its ring (the first's, over its ratio to
    `loss`); a string's damper falling once the note ends; a harder stroke brighter (the slope eased
    by a tenth at velocity 127); the first never under FUNDAMENTAL_FLOOR of the loudest."""
    attack, ring, _, damper = patch.level
    rings = ring / ratio**patch.loss
    base = spectrum(patch, hz, ratio) * ratio ** (0.1 * patch.slope * velocity / 127.0)
    t = frames[:, None]
    since = frames - picked[np.searchsorted(picked, frames, side="right") - 1]
    out = base[None, :] * (1.0 - np.exp(-since[:, None] / attack)) * np.exp(-since[:, None] / rings[None, :])
    if patch.body == "string" and damper:
        out = out * np.exp(-np.maximum(t - max(held, 0.05), 0.0) / damper)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string or a tooth to each) picked for `held` seconds at `velocity`.
    What varies (the partials' phases, the picks' timing, the ticks) is drawn with `seed` (the note's
    own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    picked = picks(patch, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, ratio, picked)
        tone = np.zeros(times.size)
        for offset in patch.offsets:
            played = hz * 2.0 ** (offset / 1200.0)
            phases = rng.uniform(0.0, 2.0 * np.pi, ratio.size)
            for k in range(ratio.size):
                envelope = np.interp(times, frames, weights[:, k])
                tone += envelope * np.sin(2.0 * np.pi * played * ratio[k] * times + phases[k])
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, patch.tick * ticks(picked, times, patch.tick_band, rng, sample_rate)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def ticks(picked: Signal, times: Signal, band: tuple[float, float], rng: np.random.Generator,
          sample_rate: int) -> Signal:  # fmt: skip
    """The pick's or the pin's click at each of `picked` s: a few milliseconds of noise over `band`
    (drawn once for the note), dying over _TICK, peak about 1."""
    size = min(times.size, round(8.0 * _TICK * sample_rate))
    grain = struck_render.band_noise(int(rng.integers(2**31)), band, _TICK, size, sample_rate)
    grain = grain * np.exp(-np.arange(size) / (_TICK * sample_rate))
    out = np.zeros(times.size)
    for at in picked:
        start = round(float(at) * sample_rate)
        if start < out.size:
            end = min(start + size, out.size)
            out[start:end] += grain[: end - start]
    return out


def _hit(drum: Tripped, velocity: int, sample_rate: int) -> Samples:
    """One trip of a trap's lever: the trap struck (struck_render.hit, louder for a higher velocity),
    its beater's bounces after it (each the stroke again at its share), the lever's tick at the trip;
    brought back to the stroke's peak."""
    stroke = struck_render.hit(_SALT, drum, velocity, sample_rate).astype(np.float64)
    last = max([0.0, *(at for at, _ in drum.bounces)])
    out = np.pad(stroke, (0, round(last * sample_rate)))
    for at, share in drum.bounces:
        start = round(at * sample_rate)
        out[start : start + stroke.size] += share * stroke
    if drum.tick:
        size = min(out.size, round(8.0 * _TICK * sample_rate))
        grain = struck_render.band_noise(_SALT + 1, (2500.0, 9000.0), _TICK, size, sample_rate)
        out[:size] += (
            drum.tick * float(np.abs(stroke).max()) * grain * np.exp(-np.arange(size) / (_TICK * sample_rate))
        )
    out *= float(np.abs(stroke).max()) / (float(np.abs(out).max()) or 1.0)
    return out.astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Tripped] = struck_render.Sounded(voice, _hit, 1024)
