"""Notes to audio by skins tuned to notes, computed in numpy: membranes stretched to a pitch and played
as melody and harmony -- an orchestra's timpani, calfskin over copper kettles, struck with felt
mallets a quarter of the way in from the rim, rolled while a note is held and pedalled into their
notes; a tabla tarang's dayans, a row of tablas tuned to a scale, each skin loaded at its centre by
its syahi; a Burmese pat waing's drum circle, each skin loaded by a patch of rice paste; boobams'
small skins over tubes tuned to their notes; and a cuica's skin, a stick tied at its centre rubbed
with a wet cloth, the thumb pressing the skin to bend it.
A skin's modes stand where a membrane's do, at the zeros j_mn of the Bessel functions J_m (m its
nodal diameters, n its nodal circles). On a kettle the air loads the skin: each mode carries the
air's mass over it, about rho / k of it, so it sounds at j / sqrt(1 + L / j) (L = rho a / sigma, the
air's load against the skin's own mass, `loading`), and the kettle's air, squeezed only by the modes
that change its volume (the axisymmetric ones), stiffens each of those: f^2 + `kettle` f01^2 (j01 /
j0n)^2. So loaded, the modes with one nodal circle, (1,1), (2,1), (3,1), (4,1), (5,1), stand near 1,
1.5, 2, 2.5 and 3 times the (1,1), the note: a harmonic series on the octave under it that has lost
its first member (Rayleigh's and Rossing's timpani). The axisymmetric ones pump the kettle's air in
and out through its vent and radiate as sources, so they die in a moment (`pump`). A skin loaded at
its centre (the syahi, the rice paste) has its modes drawn onto the harmonics of its first, (m, n)
onto m + 2n - 1 (Raman's tabla: (0,1) the note, (1,1) its octave, (2,1) and (0,2) its twelfth, ...),
the modes sharing a harmonic split about it by `split` cents a nodal diameter, so they beat. Over a
tube (the boobams) the skin drives the air column under it, closed at the skin and open at its foot,
so the tube's modes at the odd harmonics of the note sound, each dying at pi f / `tube`, beside the
skin's own modes, tuned `skin` times the note above, dying fast. A mallet or a hand strikes the skin
`at` a share of its radius from the centre, each mode set going as its shape there, J_m(j r) over
its norm |J_{m+1}(j)|, through the stroke's half-sine `contact` s long (a harder stroke shorter).
A struck skin's swing stretches it: its tension rises as the swing squared, so a hard stroke starts
`twang` cents sharp and falls onto the note as the modes die. The cuica's stick, rubbed, sticks and
slips once a period of the skin's first mode, a pull falling as 1 / k at each harmonic k; the stick at
the centre drives only the axisymmetric modes (J0's, whose shape there is 1), so each harmonic sounds
through their resonances, the note's and those at j0n / j01 times it.
And a kit of the skins' own sounds, none of them held: a surdo's open stroke (the bass drum), a
timpano struck dead at its centre (the other), a caixa's skin with its snares buzzing (the snare), a
talking drum squeezed as it is struck, its pitch rising (the other snare), the repinique's rim (the
side stick), the pandeiro slapped (the clap), an atabaque, a conga and a tamborim struck open (the
toms), the pandeiro's jingles tapped (the closed hat), pressed (the pedal hat) and shaken (the open
hat), a bodhran's tipper on its skin's edge (the ride), a frame drum's jingles rolled (the crash), a
tambourine (the tambourine), a timpano's copper bowl struck (the cowbell), two timpani sticks
clicked (the claves) and a cuica's stick knocked high and low (the wood blocks) -- a skin's modes and
noise, the snares, the squeeze and the jingles as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import special

from soundforge.testing import rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

ORDERS, CIRCLES = 8, 4  # a skin's modes taken: nodal diameters 0-7, nodal circles 1-4
HARMONICS = 24  # a rubbed skin's harmonics, and a tube's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the note's mode is never under this share of the loudest
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 5651  # mixed into every note's seed and every drum's hiss


@cache
def bessel() -> tuple[Signal, Signal]:
    """The membrane's modes: the zeros j_mn of J_m (m 0 to ORDERS - 1, n 1 to CIRCLES), and each one's
    m, in rising order."""
    zeros = np.array([special.jn_zeros(m, CIRCLES) for m in range(ORDERS)])
    orders = np.repeat(np.arange(ORDERS, dtype=np.float64), CIRCLES)
    order = np.argsort(zeros.ravel())
    return np.asarray(zeros.ravel()[order]), np.asarray(orders[order])


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A skin tuned to a note. `skin`: "kettle" (the air loading it, `loading` L, the kettle's air
    stiffening its axisymmetric modes by `kettle`; the note its (1,1)), "loaded" (a patch at its centre
    drawing (m, n) onto harmonic m + 2n - 1, those on one harmonic `split` cents a nodal diameter apart;
    the note its (0,1)), "tube" (a tube under it sounding the odd harmonics of the note, each dying at
    pi f / `tube`, the skin's own (0,1) `over` times the note) or "rubbed" (a stick at its centre
    rubbed, its harmonics through the axisymmetric modes at Q `tube`). Struck `at` a share of the radius
    from the centre over `contact` s at velocity 127; its modes die at 1 / `ring` + `loss` f^2, and the
    axisymmetric ones `pump` (1/s) more; `twang` cents sharp at velocity 127, falling onto the note.
    `level`: the stroke's onset s, -, 1 where the note is held (rolled `roll` times a second, `jitter`
    of a period early or late and softer, or rubbed), the hand damping it once the note ends, s;
    `knock`: the mallet's or the hand's knock at each stroke against the note; `scoop` cents under the
    note over `glide` s (a pedal, a thumb pressing into it), Players' vibrato."""

    kind: str
    skin: str = "kettle"
    loading: float = 0.0
    kettle: float = 0.0
    split: float = 0.0
    tube: float = 30.0
    over: float = 2.3
    at: float = 0.75
    contact: float = 0.002
    ring: float = 2.0
    loss: float = 1e-6
    pump: float = 0.0
    twang: float = 0.0
    knock: float = 0.0
    roll: float = 0.0
    jitter: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.002, 0.0, 0.0, 0.2)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the skins in the kit (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the snares, the
    squeeze, the jingles), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
SkinSet = struck_render.StruckSet[Instrument, Struck]


def loaded_by_air(zeros: Signal, loading: float) -> Signal:
    """Where a skin's modes sound under the air's load (against a membrane's own, j): j / sqrt(1 + L / j),
    the air's mass over each mode about rho / k."""
    return np.asarray(zeros / np.sqrt(1.0 + loading / zeros))


def modes(patch: Instrument) -> tuple[Signal, Signal, Signal]:
    """The skin's modes that sound, the note's first: (each one's frequency against the note's, its
    nodal diameters m (-1 for a tube's or a rubbed skin's harmonic), its zero j_mn (its shape's; 0 for
    a harmonic))."""
    zeros, orders = bessel()
    if patch.skin == "kettle":
        heard = loaded_by_air(zeros, patch.loading)
        first = heard[0]
        axial = orders == 0
        heard = np.where(axial, np.sqrt(heard**2 + patch.kettle * first**2 * (zeros[0] / zeros) ** 2), heard)
        note = int(np.flatnonzero(orders == 1)[0])  # the (1,1): the lowest with one nodal diameter
        ratio = heard / heard[note]
        order = [note, *(k for k in range(zeros.size) if k != note)]
        return ratio[order], orders[order], zeros[order]
    if patch.skin == "loaded":
        circles = np.empty(zeros.size)
        for m in range(ORDERS):
            circles[orders == m] = np.arange(1, CIRCLES + 1)  # each order's zeros rise with n
        harmonic = orders + 2.0 * circles - 1.0
        centre = np.array([orders[harmonic == h].mean() for h in harmonic])
        ratio = harmonic * 2.0 ** (patch.split * (orders - centre) / 1200.0)
        by_harmonic = np.argsort(harmonic, kind="stable")
        return ratio[by_harmonic], orders[by_harmonic], zeros[by_harmonic]
    k = np.arange(1, HARMONICS + 1, dtype=np.float64)
    if patch.skin == "rubbed":
        return k, -np.ones(k.size), np.zeros(k.size)
    odd = 2.0 * k - 1.0  # a tube closed at the skin, open at its foot
    skin = patch.over * zeros / zeros[0]
    return (
        np.concatenate([odd, skin]),
        np.concatenate([-np.ones(k.size), orders]),
        np.concatenate([np.zeros(k.size), zeros]),
    )


def sounding(patch: Instrument, hz: float, sample_rate: int) -> npt.NDArray[np.bool_]:
    """Which of the modes sound: those under 0.45 of the rate (the note's always)."""
    ratio = modes(patch)[0]
    out = ratio * hz < 0.45 * sample_rate
    out[0] = True
    return np.asarray(out)


# How long the mallet or the hand stays on the skin at a velocity:
# `contact` at 127, longer for a softer stroke, timed as tether_render times its strokes.
contact = tether_render.contact


def shape(orders: Signal, zeros: Signal, at: float) -> Signal:
    """Each mode's swing where the skin is struck, `at` of its radius from the centre: J_m(j at) over
    its norm |J_{m+1}(j)|; 1 for a tube's harmonic."""
    m = np.maximum(orders, 0.0)
    out = np.abs(special.jv(m, zeros * at)) / np.maximum(np.abs(special.jv(m + 1.0, zeros)), 1e-9)
    return np.asarray(np.where(orders < 0, 1.0, out))


def centre_response(f: Signal, hz: float, q: float) -> Signal:
    """What a stick at the skin's centre, rubbed at `f` Hz, sounds of it: its axisymmetric modes'
    resonances (J0's, at j0n / j01 times the note `hz`, Q `q`), each at its shape's square at the centre
    over its norm, 1 / J1(j0n)^2."""
    zeros = special.jn_zeros(0, CIRCLES)
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for j in zeros:
        out += tether_render.resonance(f, hz * j / zeros[0], q) / special.j1(j) ** 2
    return np.asarray(np.abs(out))


def struck(patch: Instrument, hz: float, velocity: int, sample_rate: int) -> Signal:
    """Each sounding mode's level as the skin is set going: struck, its shape where the stroke falls
    through the stroke's half-sine (tether_render.stroke); rubbed, the stick's pull, 1 / k at harmonic
    k, through the axisymmetric modes (centre_response)."""
    ratio, orders, zeros = (part[sounding(patch, hz, sample_rate)] for part in modes(patch))
    if patch.skin == "rubbed":
        return np.asarray(centre_response(ratio * hz, hz, patch.tube) / ratio)
    return np.asarray(
        shape(orders, zeros, patch.at) * tether_render.stroke(ratio * hz, contact(patch, velocity))
    )


def dying(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each sounding mode's rate of dying (1/s): 1 / ring + loss f^2, and `pump` more for an
    axisymmetric mode (pumping the kettle's air, radiating as a source); a tube's mode pi f / `tube`; a
    rubbed skin's harmonics not at all while the stick drives them."""
    ratio, orders, _ = (part[sounding(patch, hz, sample_rate)] for part in modes(patch))
    f = ratio * hz
    if patch.skin == "rubbed":
        return np.zeros(ratio.size)
    rates = 1.0 / patch.ring + patch.loss * f**2 + np.where(orders == 0, patch.pump, 0.0)
    return np.asarray(np.where(orders < 0, np.pi * f / patch.tube, rates))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           strokes: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back
    to its level (struck), which then dies at its rate, the hand damping it once the note ends
    (rolled_render.levels); the note's mode never under FUNDAMENTAL_FLOOR of the loudest."""
    rates = dying(patch, hz, sample_rate)
    rings = 1.0 / np.maximum(rates, 1e-9)
    base = struck(patch, hz, velocity, sample_rate)
    return rolled_render.levels(base, rings, patch.level, held, frames, strokes, FUNDAMENTAL_FLOOR)


def stretch(patch: Instrument, hz: float, velocity: int, times: Signal, sample_rate: int) -> Signal:
    """The cents the skin's swing stretches it sharp at `times` s from a stroke: `twang` at velocity 127
    (as the velocity squared), times the modes' energy still left, sum b^2 exp(-2 sigma t) / sum b^2
    (the tension's rise goes as the swing squared)."""
    if not patch.twang:
        return np.zeros(times.size)
    energy = struck(patch, hz, velocity, sample_rate) ** 2
    rates = dying(patch, hz, sample_rate)
    left = np.exp(-2.0 * np.multiply.outer(times, rates)) @ energy / float(energy.sum())
    return np.asarray(patch.twang * (velocity / 127.0) ** 2 * left)


def length(patch: Instrument, hz: float, held: float, sample_rate: int) -> float:
    """How long a note held `held` s sounds (s): struck once, or rolled or rubbed while held, until the
    note's mode has died or the hand has damped it; and the fade at its cut end."""
    held = max(held, 0.05)
    first = float(dying(patch, hz, sample_rate)[0])
    kept = held if patch.roll or patch.skin == "rubbed" else 0.0
    free = 6.0 / first if first else np.inf
    return float(min(kept + free, held + 6.0 * patch.level[3])) + _FADE


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, skin_set: SkinSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    skin); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, skin_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a skin to each) played for `held` seconds at `velocity`. What
    varies (when a roll's strokes fall, the knock, the player's bend and sway) is drawn with `seed`
    (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held, sample_rate) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    strokes = rolled_render.strokes(patch.roll, patch.jitter, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        ratio = modes(patch)[0][sounding(patch, hz, sample_rate)]
        weights = levels(patch, hz, held, velocity, frames, sample_rate, strokes)
        since = frames - strokes[0][np.searchsorted(strokes[0], frames, side="right") - 1]
        stretched = np.interp(times, frames, stretch(patch, hz, velocity, since, sample_rate))
        cents = struck_render.bends(patch, times, rng) + stretched
        tone = rolled_render.modal_tone(hz, ratio, weights, frames, times, cents, sample_rate)
        knock = np.zeros(times.size)
        if patch.knock:
            band = (min(2.0 * hz, 2000.0), min(12.0 * hz, 0.45 * sample_rate))
            knock = patch.knock * rolled_render.knocks(strokes, times, band, 0.004, rng, sample_rate)
        return tone, knock

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# The chords: timpani, calfskin over copper kettles, struck a quarter of the way in by felt mallets
# (Rossing's: the (1,1) the note, (2,1), (3,1), (4,1) near 1.5, 2 and 2.5 times it, the (0,1) near
# 0.85 of it and gone in a moment); a tabla tarang's dayans struck near the rim by the fingers, their
# syahi drawing the modes onto harmonics; a pat waing's drums, the rice paste a softer load.
TIMPANI = Instrument("timpani", loading=10.0, kettle=1.6, at=0.75, contact=0.003, ring=1.8, loss=2e-6,
                     pump=25.0, twang=8.0, knock=0.03, level=(0.002, 0.0, 0.0, 0.2))  # fmt: skip
TARANG = Instrument("tabla tarang", skin="loaded", split=6.0, at=0.62, contact=0.0009, ring=0.9,
                    loss=4e-6, pump=2.0, twang=4.0, knock=0.05, level=(0.0015, 0.0, 0.0, 0.12))  # fmt: skip
PAT_WAING = Instrument("pat waing", skin="loaded", split=14.0, at=0.55, contact=0.0012, ring=0.7,
                       loss=5e-6, pump=3.0, twang=6.0, knock=0.06, level=(0.0015, 0.0, 0.0, 0.1))  # fmt: skip
# The basses: pedal timpani, the player pressing the pedal into each note; boobams' tubes.
PEDAL_TIMPANI = Instrument("pedal timpani", loading=10.0, kettle=1.6, at=0.78, contact=0.004, ring=2.2,
                           loss=2e-6, pump=25.0, twang=10.0, knock=0.03, scoop=40.0, glide=0.05,
                           level=(0.003, 0.0, 0.0, 0.25), gain=1.2)  # fmt: skip
BOOBAMS = Instrument("boobams", skin="tube", tube=50.0, over=2.3, at=0.4, contact=0.0015, ring=0.15,
                     loss=1e-5, pump=6.0, twang=3.0, knock=0.04, level=(0.002, 0.0, 0.0, 0.1),
                     gain=1.2)  # fmt: skip
# The leads: a cuica rubbed, the thumb pressing the skin into each note and swaying it; a tabla
# tarang's small high dayans struck at the syahi's edge; a high boobam over its short tube.
CUICA = Instrument("cuica", skin="rubbed", tube=12.0, scoop=80.0, glide=0.04, vibrato=15.0, rate=6.0,
                   delay=0.15, level=(0.02, 0.0, 1.0, 0.04), gain=0.9)  # fmt: skip
HIGH_TARANG = Instrument("high tabla tarang", skin="loaded", split=4.0, at=0.5, contact=0.0007, ring=0.6,
                         loss=6e-6, pump=2.0, twang=5.0, knock=0.05, level=(0.0012, 0.0, 0.0, 0.1),
                         gain=0.9)  # fmt: skip
HIGH_BOOBAM = Instrument("high boobam", skin="tube", tube=70.0, over=2.6, at=0.35, contact=0.001, ring=0.1,
                         loss=1e-5, pump=6.0, twang=2.0, knock=0.04, level=(0.0015, 0.0, 0.0, 0.08),
                         gain=0.9)  # fmt: skip
# Held: a timpani roll, single strokes of two mallets in turn; a cuica rubbed on and on.
ROLL = Instrument("timpani roll, held", loading=10.0, kettle=1.6, at=0.75, contact=0.004, ring=1.8,
                  loss=2e-6, pump=25.0, twang=3.0, knock=0.02, roll=14.0, jitter=0.08,
                  level=(0.003, 0.0, 1.0, 0.25))  # fmt: skip
CUICA_HELD = Instrument("cuica, held", skin="rubbed", tube=12.0, scoop=20.0, glide=0.05, vibrato=6.0,
                        rate=5.0, delay=0.4, level=(0.03, 0.0, 1.0, 0.05))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on timpani, a tabla tarang and
# a pat waing; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: ROLL,
        49: CUICA_HELD,
        47: TIMPANI,
        13: TARANG,
        12: PAT_WAING,
        43: PEDAL_TIMPANI,
        36: BOOBAMS,
        78: CUICA,
        14: HIGH_TARANG,
        76: HIGH_BOOBAM,
    }


def skin(hz: float, ring: float, at: float, count: int = 6, loading: float = 0.0) -> struck_render.Partials:
    """A skin struck `at` of its radius from its centre, its first mode at `hz`: its `count` lowest modes
    (Hz, their shape there, each dying over `ring` s times j01 / j, the higher sooner) where the air's
    load (loaded_by_air) puts them."""
    zeros, orders = bessel()
    heard = loaded_by_air(zeros, loading)
    swings = shape(orders, zeros, at)
    return tuple(
        (hz * float(heard[k] / heard[0]), float(swings[k]), ring * float(zeros[0] / zeros[k]))
        for k in range(count)
    )


def _drums() -> dict[int, Struck]:
    return {
        # A surdo's open stroke, its big skin loaded by the air, struck hard enough that its swing
        # stretches it a quarter of an octave sharp at first (the bass drum); a timpano struck dead at
        # its centre, its axisymmetric thud alone (the other).
        36: Struck(skin(58.0, 0.22, 0.5, loading=3.0), (40.0, 500.0), 0.02, 1.3, sweep=0.25, glide=0.05),
        35: Struck(((71.0, 1.0, 0.08), (163.0, 0.3, 0.04), (256.0, 0.15, 0.03)), (40.0, 400.0), 0.02, 1.2),
        # A caixa's skin with its snares buzzing (the snare); a talking drum squeezed as it is struck,
        # its pitch rising (the other); the repinique's rim (the side stick); the pandeiro slapped (the
        # clap).
        38: Struck(skin(187.0, 0.07, 0.5), (1800.0, 8000.0), 0.06, 0.9, grains=5, spread=0.03),
        40: Struck(skin(141.0, 0.12, 0.6, count=4), (600.0, 3000.0), 0.02, 0.9, sweep=-0.4, glide=0.06),
        37: Struck(((1930.0, 1.0, 0.01), (5230.0, 0.3, 0.005)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(skin(233.0, 0.02, 0.1, count=3), (900.0, 7000.0), 0.02, 0.8),
        # An atabaque, a conga and a tamborim struck open (the toms).
        41: Struck(skin(103.0, 0.18, 0.6), (200.0, 2000.0), 0.01, 0.9),
        45: Struck(skin(168.0, 0.14, 0.6), (300.0, 2600.0), 0.01, 0.9),
        48: Struck(skin(389.0, 0.08, 0.6), (500.0, 4000.0), 0.008, 0.9),
        # The pandeiro's jingles tapped by the thumb (the closed hat), pressed (the pedal hat) and shaken
        # (the open hat); a bodhran's tipper on its skin's edge (the ride); a frame drum's jingles rolled
        # (the crash); a timpano's copper bowl struck (the cowbell).
        42: Struck(((6310.0, 0.3, 0.004),), (5000.0, 10000.0), 0.008, 0.35, grains=2, spread=0.01),
        44: Struck(((4470.0, 0.3, 0.005),), (2500.0, 7000.0), 0.006, 0.3),
        46: Struck(((5770.0, 0.2, 0.03),), (3500.0, 10000.0), 0.12, 0.35, grains=5, spread=0.09),
        51: Struck(skin(611.0, 0.03, 0.9, count=5), (2500.0, 8000.0), 0.02, 0.35),
        49: Struck(
            ((3870.0, 0.3, 0.3), (6120.0, 0.2, 0.2)), (2500.0, 10000.0), 0.35, 0.4, grains=6, spread=0.2
        ),
        56: Struck(
            ((437.0, 1.0, 0.12), (1162.0, 0.5, 0.06), (2075.0, 0.3, 0.04)), (400.0, 4000.0), 0.003, 0.4
        ),
        # A tambourine (the tambourine); two timpani sticks clicked (the claves); a cuica's stick
        # knocked high and low (the wood blocks).
        54: Struck(((5120.0, 0.4, 0.02),), (3000.0, 10000.0), 0.03, 0.4, grains=6, spread=0.05),
        75: Struck(((2630.0, 1.0, 0.015), (6950.0, 0.3, 0.008)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1370.0, 1.0, 0.02), (3710.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((970.0, 1.0, 0.024), (2680.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


SKIN_SET = SkinSet(
    root=Path(__file__).with_name("skin-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("skin-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
SKIN_SETS = {SKIN_SET.root: SKIN_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
