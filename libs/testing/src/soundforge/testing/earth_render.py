"""Notes to audio by instruments of stone, earth and wood, struck, computed in numpy: a lithophone's
slabs of slate, phonolite and basalt, each slab a free-free bar (hung at its nodes, struck by a
stone or a wooden beater), its modes where a free-free beam's are (the roots of
cos b cosh b = 1: 1, 2.756, 5.404, 8.933 and 13.344 times the first), lowered above the first by a
thick slab's shear and rotary inertia (each by sqrt((1 + s b1^2) / (1 + s b^2)), s the slab's
`thickness`), each weighted by the mode's shape where the beater meets the slab (a mode with a
node there silent), the stone's ring long, a higher mode dying sooner; a slit log drum's wooden
tongues, each a cantilever clamped where the slit ends and struck near its tip (its modes the roots
of 1 + cos b cosh b = 0: 1, 6.267, 17.547 and 34.386 times the first, weighted by the clamped-free
shape at the stroke), the wood damping them fast and the log's hollow lifting what sits near its
air's resonance; an udu's tuned clay pots, their note the air's Helmholtz resonance, which the
palm leaving the side hole sweeps up from below onto the note within a few tens of milliseconds
(a covered hole is a smaller opening), and the clay shell's ring modes (n (n^2 - 1) / sqrt(n^2 + 1)
for n = 2, 3, 4: 1, 2.83 and 5.42 times the first) knocked far above the note and damped at once;
a slab or a tongue rolled with two beaters while a note is held, each stroke a little early or late
and its strength varying, throwing the modes back to the stroke's level; the beater's knock on each
stroke; and a kit of its own, of stone, earth and wood: an udu's bass bloop and its side slapped, a
clay pot's mouth, a slit drum's low tongues, stones clapped together, pebbles rattled in a clay pot,
a stone scraped, claves and wood blocks, a rock gong's slab let ring and damped, no recording."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import optimize

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MODES = 5  # a slab's or a tongue's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
SHELL = (2.683, 7.589, 14.552)  # a clay ring's flexural modes n (n^2 - 1) / sqrt(n^2 + 1), n = 2, 3, 4
_FADE = 0.01  # s: the fade at a sound's cut end
_KNOCK = 0.002  # s: how fast a beater's knock dies
_SALT = 6151  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A body a beater strikes. `body` "slab": a free-free bar's modes, lowered above the first by
    its `thickness` (the shear and rotary inertia term s), each weighted by the free-free shape at
    `strike` (share of its length) over the shape's largest; "tongue": a clamped-free cantilever's,
    weighted the same by its shape at `strike` from the clamp; "pot": the air's Helmholtz resonance
    on the note, swept up onto it from `sweep` below (a share of the note) over `settle` s as the palm
    leaves the hole, and the clay shell's ring modes from `shell` times the note, at `knock`'s level,
    dying over a fiftieth of the ring. Each mode's level is its weight / ratio^`slope` through the
    `formants` ((Hz, width in octaves, gain) each: the log's hollow, the pot's belly); `level`:
    (attack s, the first mode's ring s, 1 where it is rolled while held -- 0 where it is struck once
    --, the hand's damping s once the note ends: 0 for none, it rings on); a higher mode's ring
    shorter by its ratio to `loss`, a harder stroke brighter; `roll` strokes a second while held,
    each `jitter` of a period early or late and its strength up to `jitter` * 4 softer; `knock` the
    beater's knock against the note, over the band `knock_band` Hz."""

    kind: str
    body: str
    slope: float
    level: tuple[float, float, float, float] = (0.001, 1.0, 0.0, 0.0)
    strike: float = 0.1
    thickness: float = 0.0
    sweep: float = 0.0
    settle: float = 0.02
    shell: float = 6.0
    loss: float = 0.7
    formants: tuple[tuple[float, float, float], ...] = ()
    roll: float = 0.0
    jitter: float = 0.0
    knock: float = 0.03
    knock_band: tuple[float, float] = (1500.0, 7000.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.0
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(struck_render.Drum):
    """A kit piece of stone, earth or wood (struck_render.Drum's partials and noise), its partials
    swept up onto their pitch from `rise` below (a share) over `settle` s where `rise` (an udu's
    palm leaving the hole), and `grains` more strokes at random within `spread` s, each at up to its
    share of the first (pebbles in a pot, a stone scraped), drawn once for the drum."""

    rise: float = 0.0
    settle: float = 0.0
    grains: int = 0
    spread: float = 0.0


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
EarthSet = struck_render.StruckSet[Instrument, Struck]

# The chords: a lithophone's slate slabs struck by a wooden beater; a slit log drum's tongues; a rock
# gong's thick basalt slabs struck by a stone.
SLATE = Instrument("lithophone's slate slabs", "slab", 0.9, level=(0.001, 1.4, 0.0, 0.0), strike=0.08,
                   thickness=0.002, loss=0.8, formants=((500.0, 1.2, 1.5),), knock=0.03)  # fmt: skip
SLIT_DRUM = Instrument("slit log drum's tongues", "tongue", 1.6, level=(0.001, 0.45, 0.0, 0.0), strike=0.85,
                       loss=1.1, formants=((220.0, 1.0, 2.0),), knock=0.05,
                       knock_band=(600.0, 4000.0))  # fmt: skip
ROCK_GONG = Instrument("rock gong's basalt slabs", "slab", 0.8, level=(0.0008, 1.8, 0.0, 0.0), strike=0.05,
                       thickness=0.006, loss=0.7, formants=((900.0, 1.0, 1.6),), knock=0.06,
                       knock_band=(2500.0, 9000.0))  # fmt: skip
# Rolled while held: a slate slab and a slit drum's tongue under two beaters.
SLATE_ROLLED = Instrument("lithophone's slate slab rolled", "slab", 1.0, level=(0.002, 0.9, 1.0, 0.12),
                          strike=0.1, thickness=0.002, loss=0.8, formants=((500.0, 1.2, 1.4),), roll=9.0,
                          jitter=0.05, knock=0.02)  # fmt: skip
SLIT_ROLLED = Instrument("slit log drum rolled", "tongue", 1.7, level=(0.001, 0.35, 1.0, 0.06), strike=0.85,
                         loss=1.1, formants=((220.0, 1.0, 1.8),), roll=11.0, jitter=0.05, knock=0.03,
                         knock_band=(600.0, 4000.0))  # fmt: skip
# The basses: an udu's tuned clay pots slapped on the side hole, a big slit log's bass tongues.
UDU_BASS = Instrument("udu's tuned pots", "pot", 1.0, level=(0.002, 0.5, 0.0, 0.0), sweep=0.12,
                      settle=0.025, shell=5.3, knock=0.15, knock_band=(300.0, 2500.0), gain=1.3)  # fmt: skip
LOG_BASS = Instrument("big slit log's bass tongues", "tongue", 1.8, level=(0.001, 0.7, 0.0, 0.0),
                      strike=0.9, loss=1.0, formants=((120.0, 1.0, 2.2),), knock=0.04,
                      knock_band=(300.0, 2500.0), gain=1.2)  # fmt: skip
# The leads: small phonolite slabs struck by a pebble, a slit drum's high tongues under a hard beater.
PHONOLITE = Instrument("phonolite slabs", "slab", 1.0, level=(0.0008, 1.1, 0.0, 0.0), strike=0.06,
                       thickness=0.003, loss=0.8, formants=((1400.0, 1.0, 1.6),), knock=0.04,
                       knock_band=(3000.0, 9000.0), gain=0.9)  # fmt: skip
HIGH_TONGUES = Instrument("slit drum's high tongues", "tongue", 1.4, level=(0.0008, 0.3, 0.0, 0.0),
                          strike=0.8, loss=1.0, formants=((700.0, 1.0, 1.6),), knock=0.06,
                          knock_band=(1500.0, 6000.0), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords rolled; a song's chords on slate, a slit log
# drum and a rock gong; the basses; the leads.
EARTH = EarthSet(
    root=Path(__file__).with_name("earth-instruments"),
    programs={
        48: SLATE_ROLLED,
        49: SLIT_ROLLED,
        12: SLATE,
        13: SLIT_DRUM,
        14: ROCK_GONG,
        32: UDU_BASS,
        33: LOG_BASS,
        9: PHONOLITE,
        10: HIGH_TONGUES,
    },
    drums=Kit(
        kit=Path(__file__).with_name("earth-instruments") / "kit",
        drums={
            # An udu's bass bloop, the palm slapping its side hole and leaving it (the bass drums),
            # a big clay pot's mouth struck flat (the low tom), a slit drum's low tongues (the toms).
            36: Struck(
                ((72.0, 1.0, 0.22), (380.0, 0.15, 0.02)), (100.0, 700.0), 0.02, 1.3, rise=0.3, settle=0.04
            ),
            35: Struck(
                ((64.0, 1.0, 0.2), (350.0, 0.12, 0.02)), (100.0, 600.0), 0.02, 1.2, rise=0.25, settle=0.05
            ),
            41: Struck(
                ((98.0, 1.0, 0.15), (520.0, 0.2, 0.02)), (150.0, 1200.0), 0.02, 1.0, rise=0.15, settle=0.03
            ),
            45: Struck(((147.0, 1.0, 0.12), (921.0, 0.2, 0.02)), (300.0, 2500.0), 0.01, 1.0),
            48: Struck(((196.0, 1.0, 0.1), (1228.0, 0.2, 0.02)), (400.0, 3000.0), 0.01, 1.0),
            # The udu's side slapped with the fingers flat (the snare), the clay's crack; stones
            # clapped together (the clap); a stone struck on a slab's edge (the rim shot).
            38: Struck(
                ((430.0, 0.5, 0.03), (1150.0, 0.4, 0.015), (2250.0, 0.3, 0.01)), (800.0, 5000.0), 0.05, 0.9
            ),
            40: Struck(
                ((410.0, 0.5, 0.03), (1100.0, 0.4, 0.015)), (700.0, 4500.0), 0.06, 0.9, grains=1, spread=0.02
            ),
            39: Struck(
                ((2900.0, 0.6, 0.02), (7400.0, 0.3, 0.01)),
                (2000.0, 8000.0),
                0.01,
                0.6,
                grains=1,
                spread=0.012,
            ),
            37: Struck(((1950.0, 0.7, 0.03), (5370.0, 0.3, 0.015)), (2000.0, 7000.0), 0.006, 0.6),
            # Pebbles rattled in a clay pot: shaken short (the closed hat), tipped over (the pedal),
            # shaken long (the open hat), poured (the crash), a small slab of flint tapped (the ride).
            42: Struck((), (4000.0, 10000.0), 0.012, 0.35, grains=6, spread=0.03),
            44: Struck((), (3000.0, 9000.0), 0.01, 0.3, grains=4, spread=0.02),
            46: Struck((), (3500.0, 10000.0), 0.02, 0.35, grains=18, spread=0.2),
            49: Struck(
                ((3100.0, 0.3, 0.6), (8543.0, 0.2, 0.3)), (3000.0, 10000.0), 0.02, 0.4, grains=40, spread=0.6
            ),
            51: Struck(((2870.0, 0.5, 0.5), (7910.0, 0.25, 0.2)), (4000.0, 10000.0), 0.01, 0.35),
            # A rock gong's slab struck with a stone, damped and let ring (the cowbell and the
            # triangles), claves and wood blocks.
            56: Struck(
                ((810.0, 1.0, 0.12), (2233.0, 0.5, 0.06), (4377.0, 0.3, 0.03)), (1500.0, 5000.0), 0.004, 0.45
            ),
            80: Struck(((1240.0, 1.0, 0.06), (3418.0, 0.4, 0.03)), gain=0.35),
            81: Struck(((1240.0, 1.0, 0.7), (3418.0, 0.4, 0.35), (6701.0, 0.2, 0.15)), gain=0.35),
            75: Struck(((2480.0, 1.0, 0.04),), (2000.0, 6000.0), 0.003, 0.5),
            76: Struck(((1290.0, 1.0, 0.04), (3560.0, 0.3, 0.015)), (1500.0, 5000.0), 0.004, 0.5),
            77: Struck(((880.0, 1.0, 0.05), (2425.0, 0.3, 0.02)), (1200.0, 4000.0), 0.004, 0.5),
            # A stone scraped on a ridged stone (the guiro), pebbles in a gourd-shaped pot (the
            # maracas and the cabasa), a clay water jar's mouth slapped (the tambourine).
            73: Struck((), (1500.0, 6000.0), 0.008, 0.4, grains=10, spread=0.12),
            74: Struck((), (1500.0, 6000.0), 0.008, 0.4, grains=20, spread=0.3),
            70: Struck((), (3000.0, 9000.0), 0.01, 0.35, grains=5, spread=0.04),
            69: Struck((), (2500.0, 8000.0), 0.01, 0.35, grains=8, spread=0.05),
            54: Struck(
                ((620.0, 0.5, 0.05), (1663.0, 0.3, 0.02)), (2000.0, 8000.0), 0.04, 0.45, grains=3, spread=0.03
            ),
        },
    ),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
EARTH_SETS = {EARTH.root: EARTH}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, earth_set: EarthSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one slab,
    tongue or pot to a note); the drum channel through the set's kit, unbent. A program or a drum the
    set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, earth_set, _SOUNDED, lambda p: True
    )


def _roots(f: Callable[[float], float], count: int) -> list[float]:
    """The first `count` roots of `f` above 0.5, bracketed on a fine grid."""
    grid = np.linspace(0.5, (count + 1.5) * np.pi, 6000)
    values = np.array([f(b) for b in grid])
    return [
        float(optimize.brentq(f, grid[k], grid[k + 1]))
        for k in np.flatnonzero(np.sign(values[:-1]) != np.sign(values[1:]))
    ][:count]


@cache
def free_free(count: int = MODES) -> tuple[float, ...]:
    """A free-free beam's b (the roots of cos b cosh b = 1, divided through by cosh b, above 0):
    4.730, 7.853, 10.996, 14.137, 17.279."""
    return tuple(_roots(lambda b: float(np.cos(b) - 1.0 / np.cosh(b)), count))


@cache
def clamped_free(count: int = MODES) -> tuple[float, ...]:
    """A clamped-free beam's b (the roots of 1 + cos b cosh b = 0): 1.875, 4.694, 7.855, 10.996."""
    return tuple(_roots(lambda b: float(1.0 / np.cosh(b) + np.cos(b)), count))


def shape(body: str, b: float, x: float) -> float:
    """A mode's shape (b its root) at `x` (share of the length from one end, the clamp for a tongue)
    over its largest along the beam."""
    along = np.linspace(0.0, 1.0, 801)
    if body == "slab":
        sigma = (np.cosh(b) - np.cos(b)) / (np.sinh(b) - np.sin(b))

        def mode(u: Signal) -> Signal:
            return np.cosh(b * u) + np.cos(b * u) - sigma * (np.sinh(b * u) + np.sin(b * u))
    else:
        sigma = (np.cosh(b) + np.cos(b)) / (np.sinh(b) + np.sin(b))

        def mode(u: Signal) -> Signal:
            return np.cosh(b * u) - np.cos(b * u) - sigma * (np.sinh(b * u) - np.sin(b * u))

    return float(abs(mode(np.array([x]))[0]) / np.abs(mode(along)).max())


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each mode's frequency over the note's, those under 0.45 of the rate: a slab's free-free modes
    lowered by its thickness, a tongue's clamped-free ones, a pot's air and then its shell."""
    if patch.body == "pot":
        modes = np.array([1.0, *(patch.shell * s / SHELL[0] for s in SHELL)])
    else:
        b = np.array(free_free() if patch.body == "slab" else clamped_free())
        s = patch.thickness
        modes = (b / b[0]) ** 2 * np.sqrt((1.0 + s * b[0] ** 2) / (1.0 + s * b**2))
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


def spectrum(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """The modes' levels at a stroke: each its shape at the stroke / ratio^slope (a pot's air 1, its
    shell `knock`), through the formants."""
    if patch.body == "pot":
        levels = np.array([1.0, *([patch.knock] * (ratio.size - 1))]) / ratio**patch.slope
    else:
        b = free_free() if patch.body == "slab" else clamped_free()
        weights = np.array([shape(patch.body, b[k], patch.strike) for k in range(ratio.size)])
        levels = weights / ratio**patch.slope
    for centre, width, lift in patch.formants:
        levels = levels * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(ratio * hz / centre) / width) ** 2))
    return np.asarray(levels)


def strokes(patch: Instrument, held: float, rng: np.random.Generator) -> tuple[Signal, Signal]:
    """When the beaters strike a note held `held` s and how hard (share of the first): at 0, and
    where it is rolled every 1/`roll` s while it is held, each after the first `jitter` of a period
    early or late and up to 4 `jitter` softer (drawn)."""
    return rolled_render.strokes(patch.roll, patch.jitter, held, rng)


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s lasts: while it is rolled, then the hand's damping or its first
    mode's free ring."""
    return rolled_render.length(patch.level, patch.roll, held, _FADE)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, ratio: Signal,
           struck: tuple[Signal, Signal]) -> Signal:  # fmt: skip
    """The modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back to its
    stroke's level (times the stroke's strength), which then dies over its ring (the first's over its
    ratio to `loss`; a pot's shell over a fiftieth); the hand damping it once the note ends where it
    does; a harder stroke brighter (the slope eased by a tenth at velocity 127); the first never
    under FUNDAMENTAL_FLOOR of the loudest."""
    ring = patch.level[1]
    rings = ring / ratio**patch.loss
    if patch.body == "pot":
        rings[1:] = ring / 50.0
    base = spectrum(patch, hz, ratio) * ratio ** (0.1 * patch.slope * velocity / 127.0)
    return rolled_render.levels(base, rings, patch.level, held, frames, struck, FUNDAMENTAL_FLOOR)


def pitch_track(patch: Instrument, times: Signal) -> Signal:
    """A pot's air's frequency over the note's at `times`: from 1 - `sweep` up onto 1 over `settle`
    (the palm leaving the side hole opens it); 1 throughout for a slab or a tongue."""
    if patch.body != "pot" or not patch.sweep:
        return np.ones(times.size)
    return np.asarray(1.0 - patch.sweep * np.exp(-times / (patch.settle / 3.0)))


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a slab, tongue or pot to each) struck for `held` seconds at
    `velocity`. What varies (the modes' phases, the strokes' timing and strength, the knocks) is
    drawn with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    struck = strokes(patch, held, rng)
    glide = pitch_track(patch, times)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, ratio, struck)
        tone = np.zeros(times.size)
        for offset in patch.offsets:
            played = hz * 2.0 ** (offset / 1200.0)
            phases = rng.uniform(0.0, 2.0 * np.pi, ratio.size)
            for k in range(ratio.size):
                envelope = np.interp(times, frames, weights[:, k])
                bent = glide if k == 0 else np.ones(times.size)
                phase = 2.0 * np.pi * played * ratio[k] * np.cumsum(bent) / sample_rate
                tone += envelope * np.sin(phase + phases[k])
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, patch.knock * rolled_render.knocks(
            struck, times, patch.knock_band, _KNOCK, rng, sample_rate
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def _hit(drum: Struck, velocity: int, sample_rate: int) -> Samples:
    """One stroke on a kit piece: its partials ringing (struck_render.hit), swept up onto their pitch
    from `rise` below over `settle` s where it rises (an udu's bloop), and its grains after it (each
    the stroke again at a drawn share and time, seeded by the drum); brought back to the stroke's
    peak."""
    if drum.rise:
        partials = tuple(drum.partials)
        length = 5.0 * max([drum.decay, *(ring for _, _, ring in partials)])
        times = np.arange(int(length * sample_rate) + 1) / sample_rate
        track = 1.0 - drum.rise * np.exp(-times / (drum.settle / 3.0))
        stroke = np.zeros(times.size)
        for hz, amplitude, ring in partials:
            phase = 2.0 * np.pi * hz * np.cumsum(track) / sample_rate
            stroke += amplitude * np.sin(phase) * np.exp(-times / ring)
        stroke *= 0.9 / (float(np.abs(stroke).max()) or 1.0)
        noise = struck_render.band_noise(_SALT, drum.noise, drum.decay, times.size, sample_rate)
        stroke += 0.5 * noise * np.exp(-times / drum.decay)
        stroke *= (0.4 + 0.6 * velocity / 127.0) * np.clip((times[-1] - times) / 0.005, 0.0, 1.0)
        stroke *= 0.25 * drum.gain / 2.0
    else:
        stroke = struck_render.hit(_SALT, drum, velocity, sample_rate).astype(np.float64)
    return rolled_render.with_grains(stroke, drum.grains, drum.spread, drum.decay, _SALT, sample_rate)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
