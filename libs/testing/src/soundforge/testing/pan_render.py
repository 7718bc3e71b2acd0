"""Notes to audio by handpans and steel tongue drums, computed in numpy: the Hang, PANArt's, two thin
steel hemispheres glued at their rims, gas-nitrided, a ring of note fields hammered into the top
shell round a central one, a port (the gu) opened in the bottom one; handpans of its kind, of
nitrided and of stainless steel, some with low fields hammered into the bottom shell round the gu;
and steel tongue drums, tongues cut into a steel tank, a small drum's shell or a propane tank's,
each tongue a plate clamped at its root and free at its tip. Played with the fingers and the thumbs,
the tongue drums with rubber mallets too.
A note field is a shallow dimple, its rim stiffened by the hammering round it, so it rings as a
plate clamped at its edge: its modes stand as a clamped rectangle's half-waves along the field's
long and short axes, (p, q) shaped X_p(x) Y_q(y), X_0 = cos(pi x / 2), X_1 = sin(pi x), X_2 = cos(3 pi
x / 2) (x a share of the half-axis from the centre), and the tuner hammers the first three onto the
note, its octave and its twelfth: (0,0) the note, (1,0), one nodal line across the long axis, the
octave, and (0,1), one along it, the twelfth, a compound fifth (Rossing and Hansen's Hang). The
field's next modes, (2,0) and (1,1), no tuner reaches: they sound between the harmonics (STRAY), weak
and soon gone. A tongue is a cantilever: its bending modes stand at the roots of 1 + cos b cosh b =
0, 1, 6.267, 17.547 and 34.386 times its first (bamboo_render.cantilever), and its first twisting
mode, a plate strip's torsion clamped at one end, at (pi / b1^2) sqrt(6 (1 - nu)) times its length
over its width (TORSION: 1.84 at nu = 0.29), so a maker who wants it on the twelfth cuts the tongue
1.63 times as long as it is wide. A finger, a thumb or a mallet strikes `at` a place on the field or
the tongue, each mode set going as its shape there through the stroke's half-sine `contact` s long
(a softer stroke longer, as a Hertzian contact is: tether_render.contact), dying at 1 / `ring` +
`loss` f^2. Under the steel the shell's air and its port are a Helmholtz resonator, f = c / 2 pi
sqrt(A / V (w + 1.7 r)) (the Hang's, 32 litres behind an 11 cm gu, near 95 Hz): the modes that
change the shell's volume (a field's (0,0) and (2,0), a tongue's bending) drive it and are lifted
where they fall near it; its own ring is left out, as a key would take it for a note. A mode with
a nodal line through the field or across the tongue pushes as much air in as out, a dipole `size` m
across, and radiates k a / sqrt(1 + (k a)^2) of what one that changes the volume does: little of a
low note's octave, more of a high one's. The
finger's or the mallet's knock sounds at each stroke (`knock`), and a note held is rolled, the
fingers or two mallets in turn, `roll` times a second while it is held.
And a kit of the pans' own sounds and their players', none of them held: the gu's rim slapped by the
palm, the shell's air thumping through its port and falling as the palm closes it (the bass drum),
a tank drum's bottom struck by the fist (the other), the top slapped flat by the fingers, the fields
rattling under them (the snare), the nitrided skin scratched by the fingernails (the other snare),
the shells' glued seam tapped by a fingertip (the side stick), two palms clapped over the gu (the
clap), the shoulder between the fields struck by the fingers' pads at three places (the toms), a
fingernail ticking a field's edge, ticking it muted and drawn across the hammered dimples (the
hats), a tongue's tip tapped by a mallet's handle (the ride), the tank struck flat by the palm and
let ring (the crash), a bracelet of steel beads on the player's wrist shaken (the tambourine), the
tank's welded seam knocked (the cowbell), two mallet handles clicked (the claves) and a mallet's
handle on a tongue's root, high and low (the wood blocks) -- the shoulder's and the tongue's modes
and noise, the rattles, the scratch and the beads as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import bamboo_render, rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

# A note field's tuned modes against its note: (0,0) the note, (1,0) its octave, (0,1) its twelfth.
FIELD = (1.0, 2.0, 3.0)
# Where the field's untuned (2,0) and (1,1) are set here, against the note: between the harmonics.
STRAY = (4.37, 5.29)
POISSON = 0.29  # steel's
# A tongue's first twisting mode against its first bending one, per unit of its length over its width:
# (pi / b1^2) sqrt(6 (1 - nu)), a plate strip clamped at one end (torsion c_t = 2 t / w sqrt(G / rho),
# a quarter wave; bending the plate's, its stiffness E t^3 / 12 (1 - nu^2)).
TORSION = float(np.pi / bamboo_render.ROOTS[0] ** 2 * np.sqrt(6.0 * (1.0 - POISSON)))
SOUND_SPEED = 343.0  # m/s: the shell's air
WALL = 0.0012  # m: the shell's steel, its port's depth
FUNDAMENTAL_FLOOR = 0.3  # the note's mode is never under this share of the loudest
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 9437  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A note field or a tongue tuned to a note. `body`: "field" (a dimple hammered into a shell, its
    modes tuned to `tuned` times the note, its untuned (2,0) and (1,1) at STRAY, at `stray` of their
    shape) or "tongue" (a plate clamped at its root, bending as a cantilever and twisting, its length
    `aspect` times its width). Struck `at` (a field: shares of its long and short half-axes from its
    centre; a tongue: a share of its length from the root, and how far off its centre line, a share of
    its half-width) over `contact` s at velocity 127, its modes dying at 1 / `ring` + `loss` f^2. The
    shell behind it (`shell`: litres, its port's diameter in cm, Q, lift) lifts what changes its volume
    near its Helmholtz resonance; what does not radiates as a dipole over `size` m (the field's
    half-length, the tongue's half-width). `level`: the stroke's onset s, -, 1 where the note is held (rolled
    `roll` times a second, `jitter` of a period early or late and softer), the hand damping it once the
    note ends, s; `knock`: the finger's or the mallet's knock at each stroke against the note; Players'
    vibrato (none: steel holds its pitch) and a `scoop`."""

    kind: str
    body: str = "field"
    tuned: tuple[float, float, float] = FIELD
    stray: float = 0.1
    aspect: float = 1.6
    at: tuple[float, float] = (0.5, 0.1)
    contact: float = 0.002
    size: float = 0.06
    ring: float = 1.0
    loss: float = 5e-7
    shell: tuple[float, float, float, float] = (32.0, 11.0, 6.0, 2.0)
    knock: float = 0.0
    roll: float = 0.0
    jitter: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.002, 0.0, 0.0, 0.3)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the pans' kit (struck_render.Drum's partials and noise), and `grains` more strokes at
    random within `spread` s, each at up to its share of the first (the rattles, the scratch, the
    beads), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
PanSet = struck_render.StruckSet[Instrument, Struck]


def half_waves(p: int, x: float) -> float:
    """A clamped field's shape along one axis, `x` a share of the half-axis from its centre: cos(pi x /
    2) for p = 0, sin(pi x) for 1, cos(3 pi x / 2) for 2 -- p nodal lines, nothing at the rim."""
    return float(abs((np.cos(np.pi * x / 2.0), np.sin(np.pi * x), np.cos(1.5 * np.pi * x))[p]))


def modes(patch: Instrument) -> tuple[Signal, Signal, npt.NDArray[np.bool_]]:
    """The field's or the tongue's modes, the note's first: (each one's frequency against the note's,
    its shape where it is struck, whether it changes the shell's volume)."""
    if patch.body == "field":
        x, y = patch.at
        shapes = [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1)]
        swing = np.array([half_waves(p, x) * half_waves(q, y) for p, q in shapes])
        swing[3:] *= patch.stray
        ratio = np.array([*patch.tuned, *STRAY])
        return ratio, np.asarray(swing), np.array([True, False, False, True, False])
    along, across = patch.at
    bending, shape = bamboo_render.cantilever(along)
    twist = abs(np.sin(np.pi * along / 2.0)) * across  # a quarter wave from the root, off the centre line
    ratio = np.array([*bending, TORSION * patch.aspect])
    return ratio, np.array([*shape, twist]), np.array([True] * bending.size + [False])


def sounding(patch: Instrument, hz: float, sample_rate: int) -> npt.NDArray[np.bool_]:
    """Which of the modes sound: those under 0.45 of the rate (the note's always)."""
    out = modes(patch)[0] * hz < 0.45 * sample_rate
    out[0] = True
    return np.asarray(out)


def helmholtz(shell: tuple[float, float, float, float]) -> float:
    """The shell's air resonance through its port (Hz): c / 2 pi sqrt(A / V (w + 1.7 r)), V its litres,
    A and r its port's area and radius, w its steel."""
    litres, diameter, _, _ = shell
    radius = diameter / 200.0
    area = np.pi * radius**2
    return float(SOUND_SPEED / (2.0 * np.pi) * np.sqrt(area / (litres / 1000.0 * (WALL + 1.7 * radius))))


def lifted(f: Signal, shell: tuple[float, float, float, float]) -> Signal:
    """What the shell's air does to a mode at `f` Hz that changes its volume: |1 + (lift - 1) / (1 + j Q
    (f / f0 - f0 / f))|, f0 its Helmholtz resonance."""
    _, _, q, lift = shell
    return np.asarray(np.abs(1.0 + (lift - 1.0) * tether_render.resonance(f, helmholtz(shell), q)))


def dipole(f: Signal, size: float) -> Signal:
    """What a mode with a nodal line radiates at `f` Hz against one that changes the volume: its halves
    push air in and out at once `size` m apart, k a / sqrt(1 + (k a)^2), k = 2 pi f / c."""
    ka = 2.0 * np.pi * f * size / SOUND_SPEED
    return np.asarray(ka / np.sqrt(1.0 + ka**2))


# How long the finger, the thumb or the mallet stays on the steel at a velocity:
# `contact` at 127, longer for a softer stroke, timed as tether_render times its strokes.
contact = tether_render.contact


def struck(patch: Instrument, hz: float, velocity: int, sample_rate: int) -> Signal:
    """Each sounding mode's level as the steel is set going: its shape where the stroke falls, through
    the stroke's half-sine (tether_render.stroke), and through the shell's air where it changes its
    volume (lifted), radiated as a dipole where it does not (dipole)."""
    ratio, swing, volume = modes(patch)
    heard = sounding(patch, hz, sample_rate)
    f, swing, volume = ratio[heard] * hz, swing[heard], volume[heard]
    through = np.where(volume, lifted(f, patch.shell), dipole(f, patch.size))
    return np.asarray(swing * through * tether_render.stroke(f, contact(patch, velocity)))


def dying(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each sounding mode's rate of dying (1/s): 1 / ring + loss f^2."""
    ratio = modes(patch)[0][sounding(patch, hz, sample_rate)]
    return np.asarray(1.0 / patch.ring + patch.loss * (ratio * hz) ** 2)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           strokes: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back
    to its level (struck), which then dies at its rate, the hand damping it once the note ends
    (rolled_render.levels); the note's mode never under FUNDAMENTAL_FLOOR of the loudest."""
    rings = 1.0 / dying(patch, hz, sample_rate)
    base = struck(patch, hz, velocity, sample_rate)
    return rolled_render.levels(base, rings, patch.level, held, frames, strokes, FUNDAMENTAL_FLOOR)


def length(patch: Instrument, hz: float, held: float, sample_rate: int) -> float:
    """How long a note held `held` s sounds (s): struck once, or rolled while held, until the note's
    mode has died or the hand has damped it; and the fade at its cut end."""
    first = float(dying(patch, hz, sample_rate)[0])
    return rolled_render.dying_length(first, patch.roll, held, patch.level[3], _FADE)


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, pan_set: PanSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    field or tongue); the drum channel through the set's kit, unbent. A program or a drum the set lacks
    is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, pan_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a field or a tongue to each) played for `held` seconds at `velocity`.
    What varies (when a roll's strokes fall, the knock) is drawn with `seed` (the note's own, note_rng,
    where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held, sample_rate) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    strokes = rolled_render.strokes(patch.roll, patch.jitter, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        ratio = modes(patch)[0][sounding(patch, hz, sample_rate)]
        weights = levels(patch, hz, held, velocity, frames, sample_rate, strokes)
        cents = struck_render.bends(patch, times, rng)
        tone = rolled_render.modal_tone(hz, ratio, weights, frames, times, cents, sample_rate)
        knock = np.zeros(times.size)
        if patch.knock:
            band = (min(4.0 * hz, 3000.0), min(20.0 * hz, 0.45 * sample_rate))
            knock = patch.knock * rolled_render.knocks(strokes, times, band, 0.002, rng, sample_rate)
        return tone, knock

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# The shells (helmholtz): a Hang's, 32 litres behind an 11 cm gu (97 Hz); a stainless handpan's, a
# little larger, its gu a little wider (95 Hz); a tongue drum's, 7 litres and a 5 cm bottom port (138
# Hz); a propane tank's, 20 litres and a 6 cm port (90 Hz); a small tongue drum's, 4 litres and a 4 cm
# port (163 Hz).
HANG_SHELL = (32.0, 11.0, 6.0, 2.5)
STAINLESS_SHELL = (36.0, 12.0, 7.0, 2.5)
TONGUE_SHELL = (7.0, 5.0, 5.0, 2.0)
TANK_SHELL = (20.0, 6.0, 5.0, 2.5)
SMALL_SHELL = (4.0, 4.0, 5.0, 2.0)
# A maker who tunes a tongue's first twist onto the twelfth cuts it 3 / TORSION times as long as wide;
# a propane tank's tongues, cut long and left as they fall, twist between the harmonics.
TWELFTH = 3.0 / TORSION
# The chords: a Hang's fields struck by the fingertips toward their rim along the long axis, so the
# octave sounds beside the note, a little off the axis for the twelfth; a stainless handpan's, its
# steel losing less, ringing longer and brighter; a steel tongue drum's tongues struck near the tip by
# rubber mallets, each cut so its twist sounds the twelfth.
HANG = Instrument("Hang", at=(0.5, 0.15), stray=0.12, contact=0.0018, size=0.065, ring=1.1, loss=6e-7,
                  shell=HANG_SHELL, knock=0.03, level=(0.0015, 0.0, 0.0, 0.35))  # fmt: skip
STAINLESS = Instrument("stainless handpan", at=(0.55, 0.2), stray=0.15, contact=0.0015, size=0.065,
                       ring=1.5, loss=4e-7, shell=STAINLESS_SHELL, knock=0.03,
                       level=(0.0015, 0.0, 0.0, 0.4))  # fmt: skip
TONGUE_DRUM = Instrument("steel tongue drum", body="tongue", aspect=TWELFTH, at=(0.85, 0.25),
                         contact=0.0012, size=0.018, ring=0.9, loss=2e-6, shell=TONGUE_SHELL, knock=0.04,
                         level=(0.0015, 0.0, 0.0, 0.3))  # fmt: skip
# The basses: low fields hammered into a handpan's bottom shell round the gu, struck by the thumb's
# pad near their centres, the note more than its octave, near the shell's air resonance and lifted by
# it; a propane tank's long tongues struck by a soft mallet, slow to leave the steel.
BOTTOM_FIELDS = Instrument("handpan's bottom fields", at=(0.35, 0.05), stray=0.08, contact=0.003,
                           size=0.08, ring=1.4, loss=6e-7, shell=HANG_SHELL, knock=0.02,
                           level=(0.002, 0.0, 0.0, 0.4), gain=1.2)  # fmt: skip
TANK_DRUM = Instrument("tank drum", body="tongue", aspect=2.0, at=(0.9, 0.15), contact=0.003, size=0.025,
                       ring=1.2, loss=2e-6, shell=TANK_SHELL, knock=0.03, level=(0.002, 0.0, 0.0, 0.4),
                       gain=1.2)  # fmt: skip
# The leads: a handpan's small high fields, struck sharply by a fingertip near their rim; a small
# tongue drum played by the fingers; a tongue drum struck hard by a wooden mallet, its tongues cut
# short and wide, twisting between the harmonics.
HIGH_FIELDS = Instrument("handpan's high fields", at=(0.6, 0.2), stray=0.12, contact=0.0011, size=0.04,
                         ring=0.7, loss=8e-7, shell=HANG_SHELL, knock=0.04, level=(0.001, 0.0, 0.0, 0.25),
                         gain=0.9)  # fmt: skip
SMALL_TONGUE = Instrument("small tongue drum", body="tongue", aspect=TWELFTH, at=(0.9, 0.2),
                          contact=0.0016, size=0.012, ring=0.6, loss=3e-6, shell=SMALL_SHELL, knock=0.04,
                          level=(0.0015, 0.0, 0.0, 0.25), gain=0.9)  # fmt: skip
HARD_TONGUE = Instrument("tongue drum struck hard", body="tongue", aspect=1.45, at=(0.75, 0.3),
                         contact=0.0005, size=0.02, ring=0.6, loss=3e-6, shell=TONGUE_SHELL, knock=0.06,
                         level=(0.001, 0.0, 0.0, 0.25), gain=0.9)  # fmt: skip
# Held: a Hang's field rolled by the fingers in turn; a tongue drum's tongue rolled by two mallets.
HANG_ROLLED = Instrument("Hang, rolled", at=(0.5, 0.15), stray=0.1, contact=0.002, size=0.065, ring=1.1,
                         loss=6e-7, shell=HANG_SHELL, knock=0.015, roll=12.0, jitter=0.06,
                         level=(0.002, 0.0, 1.0, 0.35))  # fmt: skip
TONGUE_ROLLED = Instrument("steel tongue drum, rolled", body="tongue", aspect=TWELFTH, at=(0.85, 0.2),
                           contact=0.0015, size=0.018, ring=0.9, loss=2e-6, shell=TONGUE_SHELL, knock=0.02,
                           roll=10.0, jitter=0.07, level=(0.002, 0.0, 1.0, 0.3))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on a Hang, a stainless
# handpan and a steel tongue drum; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: HANG_ROLLED,
        49: TONGUE_ROLLED,
        11: HANG,
        10: STAINLESS,
        8: TONGUE_DRUM,
        32: BOTTOM_FIELDS,
        38: TANK_DRUM,
        13: HIGH_FIELDS,
        108: SMALL_TONGUE,
        9: HARD_TONGUE,
    }


# A free plate's first modes against its first (Rossing's): the steel between the fields, the shoulder,
# rings as one.
_SHOULDER = (1.0, 1.73, 2.33, 3.91)


def shoulder(hz: float, ring: float) -> struck_render.Partials:
    """The steel between the fields struck, its first mode at `hz`: a free plate's first modes (Hz, each
    at 1 / its ratio of the first's level, dying over `ring` s over its ratio)."""
    return tuple((hz * r, 1.0 / r, ring / r) for r in _SHOULDER)


def _drums() -> dict[int, Struck]:
    return {
        # The gu's rim slapped by the palm, the shell's air thumping through the port and falling as
        # the palm closes it (the bass drum); a tank drum's bottom struck by the fist (the other).
        36: Struck(
            ((97.0, 1.0, 0.06), (173.0, 0.4, 0.03), (268.0, 0.25, 0.02)),
            (40.0, 700.0),
            0.025,
            1.3,
            sweep=0.4,
            glide=0.04,
        ),
        35: Struck(
            ((73.0, 1.0, 0.08), (137.0, 0.4, 0.04), (233.0, 0.25, 0.03)),
            (30.0, 600.0),
            0.02,
            1.2,
            sweep=0.3,
            glide=0.05,
        ),
        # The top slapped flat by the fingers, the fields rattling under them (the snare); the nitrided
        # skin scratched by the fingernails (the other); the shells' glued seam tapped by a fingertip
        # (the side stick); two palms clapped over the gu (the clap).
        38: Struck(shoulder(391.0, 0.05), (1500.0, 7000.0), 0.05, 0.9, grains=3, spread=0.02),
        40: Struck(((1733.0, 0.2, 0.01),), (2500.0, 9000.0), 0.05, 0.8, grains=5, spread=0.04),
        37: Struck(((1610.0, 1.0, 0.012), (4370.0, 0.3, 0.006)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(
            ((1190.0, 0.4, 0.01), (2710.0, 0.3, 0.006)), (800.0, 6000.0), 0.02, 0.8, grains=2, spread=0.012
        ),
        # The shoulder between the fields struck by the fingers' pads at three places (the toms).
        41: Struck(shoulder(139.0, 0.09), (150.0, 1800.0), 0.01, 0.9),
        45: Struck(shoulder(211.0, 0.07), (200.0, 2400.0), 0.01, 0.9),
        48: Struck(shoulder(317.0, 0.05), (300.0, 3200.0), 0.008, 0.9),
        # A fingernail ticking a field's edge (the closed hat), ticking it muted by the other hand (the
        # pedal hat) and drawn across the hammered dimples (the open hat); a tongue's tip tapped by a
        # mallet's handle, its bending and its twist (the ride); the tank struck flat by the palm and
        # let ring (the crash).
        42: Struck(((5710.0, 0.3, 0.004),), (4500.0, 10000.0), 0.008, 0.35),
        44: Struck(((3590.0, 0.2, 0.004),), (2500.0, 7000.0), 0.005, 0.3),
        46: Struck(((5030.0, 0.2, 0.02),), (3000.0, 10000.0), 0.1, 0.35, grains=5, spread=0.08),
        51: Struck(
            ((1523.0, 0.5, 0.05), (2807.0, 0.3, 0.03), (9545.0, 0.2, 0.01)), (2500.0, 9000.0), 0.01, 0.35
        ),
        49: Struck(shoulder(419.0, 0.3), (1500.0, 9000.0), 0.3, 0.4, grains=2, spread=0.02),
        # A bracelet of steel beads on the player's wrist shaken (the tambourine); the tank's welded seam
        # knocked (the cowbell); two mallet handles clicked (the claves); a mallet's handle on a
        # tongue's root, high and low (the wood blocks).
        54: Struck(((4870.0, 0.3, 0.012),), (3000.0, 10000.0), 0.03, 0.4, grains=6, spread=0.05),
        56: Struck(
            ((643.0, 1.0, 0.05), (1697.0, 0.5, 0.03), (2931.0, 0.3, 0.02)), (500.0, 5000.0), 0.003, 0.4
        ),
        75: Struck(((2510.0, 1.0, 0.012), (6710.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1290.0, 1.0, 0.02), (3470.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((890.0, 1.0, 0.025), (2430.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


PAN_SET = PanSet(
    root=Path(__file__).with_name("pan-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("pan-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
PAN_SETS = {PAN_SET.root: PAN_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
