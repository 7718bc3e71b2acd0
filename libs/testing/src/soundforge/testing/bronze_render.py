"""Notes to audio by a gamelan's bronzes, struck, computed in numpy: a gender's and a slenthem's thin
bronze keys hung over bamboo tubes and a saron's thick keys over a wooden trough, each key a
free-free bar (its modes where a free-free beam's are: the roots of cos b cosh b = 1, 1, 2.756, 5.404
and 8.933 times the first, lowered above the first by a thick key's shear and rotary inertia, each by
sqrt((1 + s b1^2) / (1 + s b^2)), s the key's `thickness`), each weighted by the mode's shape where
the mallet meets the key, the tube under it a quarter-wave resonator closed at its foot and tuned to
the key (its resonances at 1, 3 and 5 times the note) lifting the modes that fall near one; a
bonang's, a kenong's and a kempul's bossed gongs, each face a circular plate held at its rim by the
gong's deep flange (a clamped plate's modes: the roots of J_n(l) I_n'(l) = I_n(l) J_n'(l), 1, 2.081,
3.414, 3.893, 4.995 and 5.954 times the first), its boss a mass at the centre lowering each mode that
moves there (the axisymmetric ones) by Rayleigh's estimate, sqrt(1 / (1 + m W(0)^2 / N)), m the
boss's share of the face's mass, W the mode's shape and N its mean square over the face, each mode
weighted by its shape where the mallet meets the face (a mode with a node there silent: struck on
the boss's centre, only the axisymmetric ones); a Balinese pair's two instruments tuned `pair` Hz
apart, one under the note and one over, so that every note beats at the same rate up the range
(ombak); the player's other hand damping each key as the note ends (a gender's and a gangsa's), a
kempul left ringing; a key or a kettle rolled with two padded mallets while a note is held, each
stroke a little early or late and its strength varying, throwing the modes back to the stroke's
level; the mallet's knock on each stroke; and a kit of its own: a kendang's heads struck by the
palm (the big head's pitch rising as the other hand presses it), its shell knocked, the ceng-ceng's
small cymbals clashed, a kempli's and a kajar's kettles damped, a gong ageng's boss struck, its two
near modes beating slowly, a kecrek's plates jangled against the puppeteer's box, the box knocked
(keprak), no recording."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import integrate, optimize, special

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MODES = 6  # a key's or a face's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
TUBE = (1, 3, 5)  # a quarter-wave tube's resonances, closed at its foot: odd multiples of its first
_FADE = 0.01  # s: the fade at a sound's cut end
_KNOCK = 0.002  # s: how fast a mallet's knock dies
_SALT = 7411  # mixed into every note's seed and every drum's hiss
_GONG_OCTAVE = 83.0  # Hz: the gong ageng's partial its smith hammers near its hum's octave


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A bronze a mallet strikes. `body` "key": a free-free bar's modes, lowered above the first by
    its `thickness` (the shear and rotary inertia term s), each weighted by the free-free shape at
    `strike` (share of its length) over the shape's largest, lifted by `tube` (the gain at each of the
    tube's resonances, TUBE times the note, each as wide as 1 / `tube_q` of its frequency; 0 for no
    tube); "kettle": a clamped plate's modes, the axisymmetric ones lowered by a `boss` (its share of
    the face's mass), each weighted by the plate's shape at `strike` (share of the radius from the
    centre). Each mode's level is its weight / ratio^`slope` through the `formants` ((Hz, width in
    octaves, gain) each: a saron's trough); `level`: (attack s, the first mode's ring s, 1 where it is
    rolled while held -- 0 where it is struck once --, the hand's damping s once the note ends: 0 for
    none, it rings on); a higher mode's ring shorter by its ratio to `loss`, a harder stroke brighter;
    `pair` Hz between a Balinese pair's two instruments (0: one instrument); `roll` strokes a second
    while held, each `jitter` of a period early or late and its strength up to `jitter` * 4 softer;
    `knock` the mallet's knock against the note, over the band `knock_band` Hz."""

    kind: str
    body: str
    slope: float
    level: tuple[float, float, float, float] = (0.001, 1.0, 0.0, 0.0)
    strike: float = 0.1
    thickness: float = 0.0
    tube: float = 0.0
    tube_q: float = 8.0
    boss: float = 0.0
    loss: float = 0.7
    formants: tuple[tuple[float, float, float], ...] = ()
    pair: float = 0.0
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
class Struck(rolled_render.GrainedDrum):
    """A kit piece of bronze, skin or wood (struck_render.Drum's partials and noise, a kendang's
    rising where its `sweep` is negative), and `grains` more strokes at random within `spread` s,
    each at up to its share of the first (a ceng-ceng's cymbals clashing, a kecrek's plates
    jangling), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
BronzeSet = struck_render.StruckSet[Instrument, Struck]

# The chords: a gender's thin keys over bamboo tubes, played as a Balinese pair; a bonang's kettles
# struck on the boss; a saron's thick keys over its trough, the other hand damping each.
GENDER = Instrument("gender's keys over bamboo tubes", "key", 1.0, level=(0.001, 1.6, 0.0, 0.15), strike=0.12,
                    thickness=0.001, tube=2.2, loss=0.8, pair=2.5, knock=0.03,
                    knock_band=(1200.0, 5000.0))  # fmt: skip
BONANG = Instrument("bonang's kettle gongs", "kettle", 0.8, level=(0.001, 1.3, 0.0, 0.0), strike=0.06,
                    boss=0.35, loss=0.7, knock=0.04, knock_band=(2000.0, 7000.0))  # fmt: skip
SARON = Instrument("saron's thick keys over a trough", "key", 1.0, level=(0.0008, 1.2, 0.0, 0.12),
                   strike=0.08, thickness=0.005, loss=0.8, formants=((450.0, 1.2, 1.8),), knock=0.06,
                   knock_band=(2500.0, 8000.0))  # fmt: skip
# Rolled while held: a gender's key and a kenong's kettle under two padded mallets.
GENDER_ROLLED = Instrument("gender's key rolled", "key", 1.1, level=(0.002, 1.0, 1.0, 0.15), strike=0.12,
                           thickness=0.001, tube=2.2, loss=0.8, roll=10.0, jitter=0.05,
                           knock=0.02, knock_band=(1200.0, 5000.0))  # fmt: skip
KENONG_ROLLED = Instrument("kenong's kettle rolled", "kettle", 0.9, level=(0.002, 1.4, 1.0, 0.2), strike=0.06,
                           boss=0.45, loss=0.7, roll=8.0, jitter=0.05, knock=0.02,
                           knock_band=(1000.0, 4000.0))  # fmt: skip
# The basses: a kempul's hanging bossed gongs, left ringing; a slenthem's wide keys over tubes.
KEMPUL = Instrument("kempul's hanging gongs", "kettle", 1.0, level=(0.002, 1.8, 0.0, 0.0), strike=0.05,
                    boss=0.6, loss=0.8, knock=0.05, knock_band=(300.0, 2500.0), gain=1.3)  # fmt: skip
SLENTHEM = Instrument("slenthem's keys over tubes", "key", 1.3, level=(0.002, 1.5, 0.0, 0.25), strike=0.15,
                      thickness=0.0015, tube=2.5, loss=0.9, knock=0.04, knock_band=(300.0, 2500.0),
                      gain=1.2)  # fmt: skip
# The leads: a gangsa's keys, a Balinese pair under hard mallets, each damped as the next is struck;
# a bonang panerus's small kettles.
GANGSA = Instrument("gangsa's paired keys", "key", 0.9, level=(0.0008, 0.9, 0.0, 0.06), strike=0.07,
                    thickness=0.002, tube=1.8, loss=0.8, pair=5.0, knock=0.06,
                    knock_band=(3000.0, 9000.0), gain=0.9)  # fmt: skip
PANERUS = Instrument("bonang panerus's small kettles", "kettle", 0.9, level=(0.0008, 0.9, 0.0, 0.08),
                     strike=0.08, boss=0.3, loss=0.7, knock=0.05, knock_band=(3000.0, 9000.0),
                     gain=0.9)  # fmt: skip


def _membrane(
    hz: float, ring: float, amplitudes: tuple[float, ...]
) -> tuple[tuple[float, float, float], ...]:
    """A kendang's head: an ideal membrane's modes (the zeros of J_n: 1, 1.594, 2.136, 2.296 and 2.653
    times the first), each at its amplitude, a higher one dying sooner."""
    ratios = (1.0, 1.594, 2.136, 2.296, 2.653)
    return tuple((hz * r, a, ring / r) for r, a in zip(ratios, amplitudes, strict=False))


def _kettle(
    hz: float, ring: float, boss: float, amplitudes: tuple[float, ...]
) -> tuple[tuple[float, float, float], ...]:
    """A small kettle's axisymmetric modes struck on its boss (kettle_ratios), each at its amplitude,
    a higher one dying sooner."""
    ratios = kettle_ratios(boss)[1]
    axial = [r for r, n in zip(ratios, kettle_modes()[1], strict=True) if n == 0]
    return tuple((hz * r, a, ring / r) for r, a in zip(axial, amplitudes, strict=False))


# General MIDI programs to instruments: the held chords rolled; a song's chords on a gender pair, a
# bonang and a saron; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: GENDER_ROLLED,
        49: KENONG_ROLLED,
        12: GENDER,
        13: BONANG,
        14: SARON,
        32: KEMPUL,
        33: SLENTHEM,
        9: GANGSA,
        10: PANERUS,
    }


def _drums() -> dict[int, Struck]:
    return {
        # A kendang's big head struck by the palm, its pitch rising as the other hand presses it
        # (the bass drums); a ciblon kendang's heads at three pitches (the toms).
        36: Struck(_membrane(78.0, 0.2, (1.0, 0.4, 0.2)), (100.0, 800.0), 0.02, 1.3, sweep=-0.12, glide=0.03),
        35: Struck(_membrane(68.0, 0.22, (1.0, 0.4, 0.2)), (100.0, 700.0), 0.02, 1.2, sweep=-0.1, glide=0.04),
        41: Struck(_membrane(120.0, 0.15, (1.0, 0.5, 0.25)), (200.0, 1500.0), 0.015, 1.0),
        45: Struck(_membrane(165.0, 0.12, (1.0, 0.5, 0.25)), (300.0, 2500.0), 0.012, 1.0),
        48: Struck(_membrane(220.0, 0.1, (1.0, 0.5, 0.25)), (400.0, 3000.0), 0.01, 1.0),
        # The kendang's small head slapped (the snare) and let ring (the electric snare); its shell
        # knocked (the side stick); the ceng-ceng's small cymbals clashed (the clap).
        38: Struck(_membrane(410.0, 0.03, (0.6, 0.4, 0.3, 0.2)), (900.0, 6000.0), 0.05, 0.9),
        40: Struck(_membrane(380.0, 0.08, (1.0, 0.5, 0.3)), (700.0, 4000.0), 0.03, 0.9),
        37: Struck(((1650.0, 0.7, 0.02), (4550.0, 0.3, 0.01)), (1500.0, 6000.0), 0.005, 0.6),
        39: Struck(
            ((3350.0, 0.5, 0.08), (5170.0, 0.4, 0.06), (7730.0, 0.3, 0.04)),
            (3000.0, 10000.0),
            0.05,
            0.5,
            grains=3,
            spread=0.025,
        ),
        # The ceng-ceng clashed and held shut (the closed hat), touched (the pedal), let ring (the
        # open hat); a gong ageng's boss struck, its two near modes beating (the crash); a kempli's
        # kettle damped by the stick (the ride) and struck on its boss (the bell).
        42: Struck(
            ((3620.0, 0.5, 0.02), (5890.0, 0.4, 0.015)), (4000.0, 10000.0), 0.015, 0.35, grains=2, spread=0.01
        ),
        44: Struck(((3620.0, 0.5, 0.012),), (3500.0, 9000.0), 0.01, 0.3),
        46: Struck(
            ((3620.0, 0.5, 0.3), (5890.0, 0.4, 0.2), (8110.0, 0.3, 0.15)), (4000.0, 10000.0), 0.2, 0.35
        ),
        49: Struck(
            ((41.0, 1.0, 2.5), (43.5, 0.9, 2.4), (_GONG_OCTAVE, 0.4, 1.6), (131.0, 0.2, 0.8)),
            (60.0, 600.0),
            0.08,
            0.7,
        ),
        51: Struck(_kettle(820.0, 0.06, 0.4, (1.0, 0.3, 0.1)), (3000.0, 9000.0), 0.01, 0.4),
        53: Struck(_kettle(820.0, 0.3, 0.4, (1.0, 0.4, 0.15)), gain=0.4),
        # A kajar's kettle struck and damped (the cowbell), a klenang's ring (the triangles), the
        # puppeteer's box knocked with a mallet (the claves and the wood blocks), a kecrek's bronze
        # plates jangled against the box (the tambourine and the maracas).
        56: Struck(_kettle(980.0, 0.05, 0.35, (1.0, 0.35, 0.12)), (1500.0, 5000.0), 0.004, 0.45),
        80: Struck(_kettle(1390.0, 0.06, 0.3, (1.0, 0.4)), gain=0.35),
        81: Struck(_kettle(1390.0, 0.7, 0.3, (1.0, 0.4, 0.2)), gain=0.35),
        75: Struck(((1120.0, 1.0, 0.03), (2980.0, 0.3, 0.012)), (1500.0, 5000.0), 0.004, 0.5),
        76: Struck(((1310.0, 1.0, 0.035), (3510.0, 0.3, 0.015)), (1500.0, 5000.0), 0.004, 0.5),
        77: Struck(((760.0, 1.0, 0.04), (2090.0, 0.3, 0.02)), (1200.0, 4000.0), 0.004, 0.5),
        54: Struck(
            ((2710.0, 0.5, 0.05), (4390.0, 0.4, 0.04), (6930.0, 0.3, 0.03)),
            (3000.0, 9000.0),
            0.03,
            0.4,
            grains=4,
            spread=0.03,
        ),
        70: Struck(
            ((2710.0, 0.4, 0.02), (4390.0, 0.3, 0.015)), (3000.0, 9000.0), 0.01, 0.35, grains=5, spread=0.04
        ),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, bronze_set: BronzeSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one key
    or kettle to a note); the drum channel through the set's kit, unbent. A program or a drum the
    set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, bronze_set, _SOUNDED, lambda p: True
    )


def _roots(f: Callable[[float], float], low: float, high: float) -> list[float]:
    """The roots of `f` between `low` and `high`, bracketed on a fine grid."""
    grid = np.linspace(low, high, 6000)
    values = np.array([f(b) for b in grid])
    return [
        float(optimize.brentq(f, grid[k], grid[k + 1]))
        for k in np.flatnonzero(np.sign(values[:-1]) != np.sign(values[1:]))
    ]


@cache
def free_free(count: int = MODES) -> tuple[float, ...]:
    """A free-free beam's b (the roots of cos b cosh b = 1, divided through by cosh b, above 0):
    4.730, 7.853, 10.996, 14.137, 17.279, 20.420."""
    return tuple(_roots(lambda b: float(np.cos(b) - 1.0 / np.cosh(b)), 0.5, (count + 1.5) * np.pi)[:count])


@cache
def kettle_modes(count: int = MODES) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """A clamped circular plate's lowest `count` modes: their l (the roots of J_n(l) I_n'(l) -
    I_n(l) J_n'(l) = 0, the plate's frequency going as l^2: 3.196, 4.611, 5.906, 6.306, 7.144,
    7.799) and each one's n (its nodal diameters)."""
    found: list[tuple[float, int]] = []
    for n in range(5):

        def clamped(x: float, n: int = n) -> float:
            return float(special.jv(n, x) * special.ivp(n, x) - special.iv(n, x) * special.jvp(n, x))

        found += [(root, n) for root in _roots(clamped, 0.5, 12.0)]
    found.sort()
    return tuple(root for root, _ in found[:count]), tuple(n for _, n in found[:count])


def plate_shape(n: int, root: float, r: Signal) -> Signal:
    """A clamped plate's mode (n nodal diameters, `root` its l) along the radius, at `r` (share of
    the radius): J_n(l r) - J_n(l) / I_n(l) I_n(l r), zero with its slope at the rim."""
    return np.asarray(
        special.jv(n, root * r) - special.jv(n, root) / special.iv(n, root) * special.iv(n, root * r)
    )


@cache
def kettle_ratios(boss: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """A bossed kettle's modes over its first, unbossed and with a boss of `boss` of the face's mass:
    each mode's l^2, an axisymmetric one's lowered by Rayleigh's estimate sqrt(1 / (1 + boss W(0)^2 /
    N)), N the mode's mean square over the face (2 int W^2 r dr); the others, whose centre does not
    move, as they were."""
    roots, orders = kettle_modes()
    plain = np.array(roots) ** 2
    bossed = plain.copy()
    for k, (root, n) in enumerate(zip(roots, orders, strict=True)):
        if n == 0:
            square = integrate.quad(
                lambda r, root=root: float(plate_shape(0, root, np.array([r]))[0]) ** 2 * r, 0.0, 1.0
            )[0]
            centre = float(plate_shape(0, root, np.zeros(1))[0])
            bossed[k] = plain[k] / np.sqrt(1.0 + boss * centre**2 / (2.0 * square))
    return tuple(float(v) for v in plain / plain[0]), tuple(float(v) for v in bossed / bossed[0])


def shape(body: str, k: int, x: float) -> float:
    """Mode `k`'s shape at `x` over its largest: along a free-free key (`x` a share of its length from
    one end), or across a clamped face (`x` a share of the radius from the centre, the shape's
    largest over the face)."""
    along = np.linspace(0.0, 1.0, 801)
    if body == "key":
        b = free_free()[k]
        sigma = (np.cosh(b) - np.cos(b)) / (np.sinh(b) - np.sin(b))

        def mode(u: Signal) -> Signal:
            return np.asarray(np.cosh(b * u) + np.cos(b * u) - sigma * (np.sinh(b * u) + np.sin(b * u)))

        return float(abs(mode(np.array([x]))[0]) / np.abs(mode(along)).max())
    roots, orders = kettle_modes()
    across = plate_shape(orders[k], roots[k], along)
    return float(abs(plate_shape(orders[k], roots[k], np.array([x]))[0]) / np.abs(across).max())


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each mode's frequency over the note's, those under 0.45 of the rate: a key's free-free modes
    lowered by its thickness, a kettle's clamped plate's lowered by its boss."""
    if patch.body == "kettle":
        modes = np.array(kettle_ratios(patch.boss)[1])
    else:
        b = np.array(free_free())
        s = patch.thickness
        modes = (b / b[0]) ** 2 * np.sqrt((1.0 + s * b[0] ** 2) / (1.0 + s * b**2))
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


def tube_lift(patch: Instrument, ratio: Signal) -> Signal:
    """What a key's tube does to each mode: 1 + (`tube` - 1) at each of its resonances (TUBE times
    the note), falling off as a resonance does (1 / (1 + Q^2 (r / j - j / r)^2), Q `tube_q`); 1
    everywhere where it has none."""
    if not patch.tube:
        return np.ones(ratio.size)
    near = sum(1.0 / (1.0 + patch.tube_q**2 * (ratio / j - j / ratio) ** 2) for j in TUBE)
    return np.asarray(1.0 + (patch.tube - 1.0) * np.minimum(near, 1.0))


def spectrum(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """The modes' levels at a stroke: each its shape at the stroke / ratio^slope, lifted by the tube,
    through the formants."""
    weights = np.array([shape(patch.body, k, patch.strike) for k in range(ratio.size)])
    levels = weights / ratio**patch.slope * tube_lift(patch, ratio)
    for centre, width, lift in patch.formants:
        levels = levels * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(ratio * hz / centre) / width) ** 2))
    return np.asarray(levels)


def strokes(patch: Instrument, held: float, rng: np.random.Generator) -> tuple[Signal, Signal]:
    """When the mallets strike a note held `held` s and how hard (share of the first): at 0, and
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
    ratio to `loss`); the hand damping it once the note ends where it does; a harder stroke brighter
    (the slope eased by a tenth at velocity 127); the first never under FUNDAMENTAL_FLOOR of the
    loudest."""
    ring = patch.level[1]
    rings = ring / ratio**patch.loss
    base = spectrum(patch, hz, ratio) * ratio ** (0.1 * patch.slope * velocity / 127.0)
    return rolled_render.levels(base, rings, patch.level, held, frames, struck, FUNDAMENTAL_FLOOR)


def pair_offsets(patch: Instrument) -> tuple[float, ...]:
    """Hz each of a pair's instruments sits off the note: `pair` / 2 under and over (ombak, the same
    beat up the range); (0,) for one instrument."""
    return (-patch.pair / 2.0, patch.pair / 2.0) if patch.pair else (0.0,)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a key or a kettle to each, two where a pair plays) struck for `held`
    seconds at `velocity`. What varies (the modes' phases, the strokes' timing and strength, the
    knocks) is drawn with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of
    its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    struck = strokes(patch, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, ratio, struck)
        tone = np.zeros(times.size)
        for beside in pair_offsets(patch):
            played = hz + beside
            phases = rng.uniform(0.0, 2.0 * np.pi, ratio.size)
            for k in range(ratio.size):
                envelope = np.interp(times, frames, weights[:, k])
                tone += envelope * np.sin(2.0 * np.pi * played * ratio[k] * times + phases[k])
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, patch.knock * rolled_render.knocks(
            struck, times, patch.knock_band, _KNOCK, rng, sample_rate
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


BRONZE = BronzeSet(
    root=Path(__file__).with_name("bronze-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("bronze-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
BRONZE_SETS = {BRONZE.root: BRONZE}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
