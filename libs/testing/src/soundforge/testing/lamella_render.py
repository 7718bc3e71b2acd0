"""Notes to audio by lamellophones, tongues of metal plucked by the thumbs, computed in numpy: an mbira
dzavadzimu, its iron keys over a hardwood board set in a calabash resonator (the deze), bottle caps
strung on a wire across the board and the calabash's rim; a kalimba on a hollow wooden box; a sansula,
its tines over a frame drum's head; a likembe, its keys on a small box, metal rings threaded on them;
and a marimbula, a box a player sits on, broad steel tongues cut from clock springs over its hole, the
bass.
A tongue is clamped at the bridge and free at its tip, so it rings as a cantilever: its bending modes
stand at the roots of 1 + cos b cosh b = 0, 1, 6.267, 17.547 and 34.386 times its first
(bamboo_render.cantilever), none of them on a harmonic. The thumb presses the tongue down near its tip,
`at` a share of its length from the bridge, and slides off it: the tongue is let go from the shape a
load there bends it to, sum phi_n(at) phi_n(x) / w_n^2 over its modes, and what the bridge passes to
the board is the bending moment at the root, phi_n''(0) ~ b_n^2 of each, so each mode sets off at
phi_n(at) / (b_n / b_1)^2 of the first, its ratio down: a plucked tongue is far purer than a struck one
(pan_render's tongues). The thumb leaves it over `contact` s at velocity 127 (longer for a gentler
pluck, timed as tether_render times its strokes), through that release's half-sine
(tether_render.stroke), so a harder pluck is brighter. Each mode dies at 1 / `ring` + `loss` f^2, the
upper ones soon. The tongue itself moves little air: the board, the box, the skin or the calabash
behind it radiate, and lift what falls near their resonances -- the box's or the calabash's air
through its hole (a Helmholtz resonator: pan_render.helmholtz), and the board's, the box's walls' or
the drumhead's own modes (the sansula's head at a skin's ratios, tether_render.skin_modes).
The buzzers rattle only while the board swings harder than they are held: a bottle cap, a ring or a
shell is thrown off the board once a swing of the note and lands again, a click of metal on wood, so
while the tongue rings over `threshold` of a full pluck the caps click on its swings (fewer as it dies
toward the threshold, none under it, at most a few hundred a second), each a grain of noise over
`rattle` Hz -- the mbira's sizzle, which grows with the pluck and stops before the note does.
The thumbnail's click on the tongue sounds at each pluck (`knock`), and a note held is plucked again,
thumb and finger in turn, `roll` times a second while it is held.
And a kit of the lamellophones' own sounds and their players', none of them held: the marimbula's box
slapped by the palm (the bass drum), the calabash struck by the palm (the other), the mbira's board
slapped, its caps rattling (the snare), the sansula's head slapped, its tines jangling (the other
snare), a kalimba box's edge knocked by a fingernail (the side stick), the players' hand claps, the
Shona makwa (the clap), the marimbula's box struck at three places (the toms), a muted tine's tip
flicked (the closed hat), a thumbnail drawn across the muted tips (the pedal hat), a hosho, a gourd
with its seeds, swirled (the open hat), the caps' wire shaken hard and the board ringing (the crash), a
muted tine tapped (the ride), the mbira's steel bridge rod tapped (the ride's bell), the likembe's
rings shaken (the tambourine), the marimbula's clamp bar knocked (the cowbell), a stick of bottle caps
shaken (the cabasa), a hosho shaken once (the maracas), a kalimba's hardwood bridge knocked (the
claves) and the kalimba box's corner and the marimbula's seat board knocked (the wood blocks) --
ringing modes and noise, the caps, the seeds and the rings as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import (
    bamboo_render,
    pan_render,
    rolled_render,
    struck_render,
    tether_render,
    voice_render,
)

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Shell = tuple[float, float, float, float]  # litres, its hole's diameter in cm, Q, lift
Resonances = tuple[tuple[float, float, float], ...]  # (Hz, Q, lift) each

FUNDAMENTAL_FLOOR = 0.3  # the note's mode is never under this share of the loudest
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
CHATTER = 400.0  # clicks a second at most: a cap thrown up cannot land again sooner
CLICK = 0.0015  # s: how fast a cap's click on the board dies
OPEN = (1.0, 1.0, 1.0, 1.0)  # no box behind the tongues: its air lifts nothing
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6961  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A tongue tuned to a note, plucked `at` a share of its length from the bridge over `contact` s at
    velocity 127, its modes dying at 1 / `ring` + `loss` f^2. Behind it a `shell` (litres, its hole's
    diameter in cm, Q, lift: its air's Helmholtz resonance) and `panels`, the board's, the walls' or
    the drumhead's modes ((Hz, Q, lift) each), lifting what falls near them. Its buzzers click on its
    swings while it rings over `threshold` of a full pluck, each click a grain over `rattle` Hz, at
    `buzz` of the note's peak (0: none). `level`: the pluck's onset s, -, 1 where the note is held
    (plucked again `roll` times a second, `jitter` of a period early or late and softer), the thumb
    damping it once the note ends, s; `knock`: the thumbnail's click at each pluck against the note;
    Players' vibrato (none: steel holds its pitch) and a `scoop`."""

    kind: str
    at: float = 0.93
    contact: float = 0.0004
    ring: float = 1.5
    loss: float = 1.5e-6
    shell: Shell = OPEN
    panels: Resonances = ()
    buzz: float = 0.0
    threshold: float = 0.25
    rattle: tuple[float, float] = (1800.0, 7500.0)
    knock: float = 0.0
    roll: float = 0.0
    jitter: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.001, 0.0, 0.0, 0.5)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the lamellophones' kit (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the caps, the seeds, the
    rings), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
LamellaSet = struck_render.StruckSet[Instrument, Struck]


def modes(patch: Instrument) -> tuple[Signal, Signal]:
    """The tongue's bending modes against its first (the cantilever's), and where the thumb lets it go
    each one's share: phi_n(at) over the mode's ratio (the moment its release gives the bridge)."""
    ratio, shape = bamboo_render.cantilever(patch.at)
    return ratio, np.asarray(shape / ratio)


def sounding(patch: Instrument, hz: float, sample_rate: int) -> npt.NDArray[np.bool_]:
    """Which of the modes sound: those under 0.45 of the rate (the note's always)."""
    out = modes(patch)[0] * hz < 0.45 * sample_rate
    out[0] = True
    return np.asarray(out)


def body(patch: Instrument, f: Signal) -> Signal:
    """What the board and what is behind it radiate of the tongue's pull at `f` Hz: |1 + the sum of
    (lift - 1) / (1 + j Q (f / f0 - f0 / f))| over the shell's air (its Helmholtz resonance) and its
    panels' modes."""
    _, _, q, lift = patch.shell
    lifted = (lift - 1.0) * tether_render.resonance(f, pan_render.helmholtz(patch.shell), q)
    for hz, q, lift in patch.panels:
        lifted = lifted + (lift - 1.0) * tether_render.resonance(f, hz, q)
    return np.asarray(np.abs(1.0 + lifted))


def drumhead(hz: float, q: float, lift: float) -> Resonances:
    """A frame drum's head under the tongues, its first mode at `hz`: its axisymmetric modes (the ones
    a pull at its middle drives, at the zeros of J0: tether_render.skin_modes), each lifting as far as
    its share of the head's volume velocity against the first's, Q `q`."""
    modes = tether_render.skin_modes()
    return tuple((hz * ratio, q, 1.0 + (lift - 1.0) * abs(share)) for ratio, share in modes)


# How long the thumb stays on the tongue as it slides off at a velocity: `contact` at 127, longer for a
# gentler pluck, timed as tether_render times its strokes.
contact = tether_render.contact


def plucked(patch: Instrument, hz: float, velocity: int, sample_rate: int) -> Signal:
    """Each sounding mode's level as the thumb lets the tongue go: its share (modes), through the
    release's half-sine (tether_render.stroke) and what the body radiates (body)."""
    ratio, share = modes(patch)
    heard = sounding(patch, hz, sample_rate)
    f = ratio[heard] * hz
    return np.asarray(share[heard] * tether_render.stroke(f, contact(patch, velocity)) * body(patch, f))


def dying(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each sounding mode's rate of dying (1/s): 1 / ring + loss f^2."""
    ratio = modes(patch)[0][sounding(patch, hz, sample_rate)]
    return np.asarray(1.0 / patch.ring + patch.loss * (ratio * hz) ** 2)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           strokes: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each pluck throwing every mode back
    to its level (plucked), which then dies at its rate, the thumb damping it once the note ends
    (rolled_render.levels); the note's mode never under FUNDAMENTAL_FLOOR of the loudest."""
    rings = 1.0 / dying(patch, hz, sample_rate)
    base = plucked(patch, hz, velocity, sample_rate)
    return rolled_render.levels(base, rings, patch.level, held, frames, strokes, FUNDAMENTAL_FLOOR)


def length(patch: Instrument, hz: float, held: float, sample_rate: int) -> float:
    """How long a note held `held` s sounds (s): plucked once, or again while held, until the note's
    mode has died or the thumb has damped it; and the fade at its cut end."""
    first = float(dying(patch, hz, sample_rate)[0])
    return rolled_render.dying_length(first, patch.roll, held, patch.level[3], _FADE)


def rattle(patch: Instrument, hz: float, swing: Signal, times: Signal, rng: np.random.Generator,
           sample_rate: int) -> Signal:  # fmt: skip
    """The buzzers on a tongue ringing at `hz`, its swing at `times` against a full pluck's (`swing`):
    a cap thrown up on a swing lands once every so many of them (at most CHATTER a second), landing
    late by up to half the wait, with a chance and a strength of the swing's excess over `threshold`
    (0 under it, 1 at a full pluck's); each landing a grain of noise over `rattle` Hz (drawn once for
    the note) dying over CLICK s, peak 1 at its strongest."""
    wait = np.ceil(hz / CHATTER) / hz
    swings = np.arange(0.0, times[-1], wait)
    excess = np.clip((np.interp(swings, times, swing) - patch.threshold) / (1.0 - patch.threshold), 0.0, 1.0)
    landed = rng.uniform(0.0, 1.0, swings.size) < excess
    late = swings + rng.uniform(0.0, 0.5 * wait, swings.size)
    strength = excess * rng.uniform(0.5, 1.0, swings.size)
    clicks = np.zeros(times.size)
    at = np.minimum(np.round(late[landed] * sample_rate).astype(np.int64), times.size - 1)
    np.add.at(clicks, at, strength[landed])
    size = round(8.0 * CLICK * sample_rate)
    low, high = patch.rattle
    grain = struck_render.band_noise(int(rng.integers(2**31)), (low, high), CLICK, size, sample_rate)
    grain = grain * np.exp(-np.arange(size) / (CLICK * sample_rate))
    return np.asarray(signal.fftconvolve(clicks, grain / (float(np.abs(grain).max()) or 1.0))[: times.size])


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, lamella_set: LamellaSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    tongue); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, lamella_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a tongue to each) plucked for `held` seconds at `velocity`, and its
    buzzers. What varies (when a held note's plucks fall, the knock, the caps' clicks) is drawn with
    `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
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
        noise = np.zeros(times.size)
        if patch.knock:
            band = (min(4.0 * hz, 3000.0), min(20.0 * hz, 0.45 * sample_rate))
            noise += patch.knock * rolled_render.knocks(strokes, times, band, 0.002, rng, sample_rate)
        if patch.buzz:
            full = float(plucked(patch, hz, 127, sample_rate)[0])
            swing = np.interp(times, frames, weights[:, 0]) * velocity / 127.0 / (full or 1.0)
            noise += patch.buzz * rattle(patch, hz, swing, times, rng, sample_rate)
        return tone, noise

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# What is behind the tongues (pan_render.helmholtz): the deze, a calabash of 12 litres open over 14 cm
# (about 180 Hz), and the mbira's hardwood board; a kalimba's box of 1.5 litres through a 2.5 cm hole
# (about 190 Hz) and its thin lid; a likembe's smaller box (about 250 Hz); a marimbula's box of 70
# litres through a 12 cm hole (about 65 Hz) and its plywood walls; a sansula's frame drum, its shell open
# behind (its air barely lifts anything), its head at 170 Hz.
DEZE = (12.0, 14.0, 4.0, 2.5)
MBIRA_BOARD = ((420.0, 6.0, 1.8), (870.0, 8.0, 1.5))
KALIMBA_BOX = (1.5, 2.5, 8.0, 2.2)
KALIMBA_LID = ((380.0, 10.0, 1.6), (760.0, 12.0, 1.4))
LIKEMBE_BOX = (0.8, 2.0, 7.0, 2.0)
MARIMBULA_BOX = (70.0, 12.0, 5.0, 3.0)
MARIMBULA_WALLS = ((118.0, 6.0, 1.8), (260.0, 8.0, 1.5))
SANSULA_SHELL = (3.0, 20.0, 2.0, 1.2)
SANSULA_HEAD = drumhead(170.0, 12.0, 3.0)
# The chords: an mbira dzavadzimu in its deze, its keys plucked near the tip by the thumbs, the bottle
# caps sizzling; a kalimba on its box, bright and clean; a sansula, its head singing under the tines,
# plucked more gently and ringing long.
MBIRA = Instrument("mbira dzavadzimu", at=0.92, contact=0.0004, ring=1.6, loss=1.2e-6, shell=DEZE,
                   panels=MBIRA_BOARD, buzz=0.35, threshold=0.25, rattle=(1800.0, 7500.0), knock=0.03,
                   level=(0.001, 0.0, 0.0, 0.6))  # fmt: skip
KALIMBA = Instrument("kalimba", at=0.95, contact=0.0003, ring=1.4, loss=1.5e-6, shell=KALIMBA_BOX,
                     panels=KALIMBA_LID, knock=0.04, level=(0.001, 0.0, 0.0, 0.5))  # fmt: skip
SANSULA = Instrument("sansula", at=0.93, contact=0.0007, ring=2.0, loss=1e-6, shell=SANSULA_SHELL,
                     panels=SANSULA_HEAD, knock=0.02, level=(0.0015, 0.0, 0.0, 0.8))  # fmt: skip
# The basses: a marimbula's broad tongues over its box, plucked by the side of the thumb, rattling
# against their bridge; the mbira's left-hand bass keys in the deze, the caps sizzling.
MARIMBULA = Instrument("marimbula", at=0.9, contact=0.0015, ring=1.0, loss=4e-6, shell=MARIMBULA_BOX,
                       panels=MARIMBULA_WALLS, buzz=0.1, threshold=0.4, rattle=(600.0, 3000.0),
                       knock=0.02, level=(0.002, 0.0, 0.0, 0.45), gain=1.2)  # fmt: skip
MBIRA_BASS = Instrument("mbira's bass keys", at=0.9, contact=0.0006, ring=1.8, loss=1.2e-6, shell=DEZE,
                        panels=MBIRA_BOARD, buzz=0.3, threshold=0.25, rattle=(1800.0, 7500.0), knock=0.02,
                        level=(0.0015, 0.0, 0.0, 0.6), gain=1.2)  # fmt: skip
# The leads: a likembe, its keys flicked by the thumbnails, the rings on them jingling; a small treble
# kalimba on a flat board, no box behind it; the mbira's right-hand treble keys.
LIKEMBE = Instrument("likembe", at=0.95, contact=0.00025, ring=0.9, loss=2.5e-6, shell=LIKEMBE_BOX,
                     panels=((520.0, 9.0, 1.6),), buzz=0.25, threshold=0.3, rattle=(2500.0, 9000.0),
                     knock=0.05, level=(0.001, 0.0, 0.0, 0.35), gain=0.9)  # fmt: skip
TREBLE_KALIMBA = Instrument("treble kalimba", at=0.95, contact=0.0002, ring=0.8, loss=2e-6,
                            panels=((650.0, 5.0, 1.4),), knock=0.05, level=(0.001, 0.0, 0.0, 0.3),
                            gain=0.9)  # fmt: skip
MBIRA_TREBLE = Instrument("mbira's treble keys", at=0.93, contact=0.0003, ring=1.2, loss=1.5e-6,
                          shell=DEZE, panels=MBIRA_BOARD, buzz=0.3, threshold=0.25,
                          rattle=(1800.0, 7500.0), knock=0.04, level=(0.001, 0.0, 0.0, 0.45),
                          gain=0.9)  # fmt: skip
# Held: an mbira's key plucked again and again by the thumb and the forefinger in turn; a sansula's
# tine fluttered by the thumb, the head singing.
MBIRA_HELD = Instrument("mbira dzavadzimu, held", at=0.92, contact=0.0005, ring=1.6, loss=1.2e-6,
                        shell=DEZE, panels=MBIRA_BOARD, buzz=0.25, threshold=0.25, rattle=(1800.0, 7500.0),
                        knock=0.015, roll=10.0, jitter=0.06, level=(0.0015, 0.0, 1.0, 0.6))  # fmt: skip
SANSULA_HELD = Instrument("sansula, held", at=0.93, contact=0.0008, ring=2.0, loss=1e-6, shell=SANSULA_SHELL,
                          panels=SANSULA_HEAD, knock=0.01, roll=9.0, jitter=0.07,
                          level=(0.002, 0.0, 1.0, 0.8))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on an mbira, a kalimba and a
# sansula; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: MBIRA_HELD,
        49: SANSULA_HELD,
        12: MBIRA,
        108: KALIMBA,
        8: SANSULA,
        32: MARIMBULA,
        33: MBIRA_BASS,
        107: LIKEMBE,
        9: TREBLE_KALIMBA,
        10: MBIRA_TREBLE,
    }


# A box's wall, a plywood panel half again as long as it is wide, held at its edges: its first modes
# against its first, (m^2 + (n / 1.5)^2) over the first's, (1,1), (1,2), (2,1), (1,3).
_WALL = (1.0, 1.923, 3.077, 3.462)


def wall(hz: float, ring: float) -> struck_render.Partials:
    """A box's wall struck, its first mode at `hz`: a panel's first modes (_WALL; Hz, each at 1 / its
    ratio of the first's level, dying over `ring` s over its ratio)."""
    return tuple((hz * r, 1.0 / r, ring / r) for r in _WALL)


def _drums() -> dict[int, Struck]:
    return {
        # The marimbula's box slapped by the palm, its air thumping through the hole (the bass drum);
        # the calabash struck by the palm (the other).
        36: Struck(
            ((66.0, 1.0, 0.07), (121.0, 0.5, 0.04), (263.0, 0.3, 0.02)),
            (40.0, 900.0),
            0.02,
            1.3,
            sweep=0.3,
            glide=0.03,
        ),
        35: Struck(
            ((87.0, 1.0, 0.06), (185.0, 0.45, 0.04), (331.0, 0.25, 0.02)),
            (30.0, 800.0),
            0.025,
            1.2,
            sweep=0.35,
            glide=0.04,
        ),
        # The mbira's board slapped, its caps rattling (the snare); the sansula's head slapped, its tines
        # jangling (the other); a kalimba box's edge knocked by a fingernail (the side stick); the
        # players' hand claps, makwa (the clap).
        38: Struck(
            ((421.0, 0.4, 0.03), (867.0, 0.3, 0.02)), (1500.0, 8000.0), 0.05, 0.9, grains=4, spread=0.03
        ),
        40: Struck(
            ((171.0, 0.4, 0.05), (392.0, 0.3, 0.03), (2930.0, 0.2, 0.02)),
            (900.0, 7000.0),
            0.05,
            0.85,
            grains=3,
            spread=0.025,
        ),
        37: Struck(((1730.0, 1.0, 0.012), (4420.0, 0.3, 0.006)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck((), (700.0, 6000.0), 0.02, 0.85, grains=2, spread=0.01),
        # The marimbula's box struck by the fist at six places (the toms).
        41: Struck(wall(121.0, 0.08), (100.0, 1500.0), 0.012, 0.9),
        43: Struck(wall(143.0, 0.07), (120.0, 1800.0), 0.012, 0.9),
        45: Struck(wall(167.0, 0.06), (150.0, 2200.0), 0.012, 0.9),
        47: Struck(wall(197.0, 0.055), (170.0, 2500.0), 0.011, 0.9),
        48: Struck(wall(229.0, 0.05), (200.0, 3000.0), 0.01, 0.9),
        50: Struck(wall(271.0, 0.045), (240.0, 3300.0), 0.01, 0.9),
        # A muted tine's tip flicked (the closed hat), a thumbnail drawn across the muted tips (the pedal
        # hat), a hosho swirled (the open hat); the caps' wire shaken hard, the board ringing (the
        # crash); a muted tine tapped by a nail (the ride); the mbira's steel bridge rod tapped (its bell).
        42: Struck(((5210.0, 0.3, 0.004),), (4500.0, 10000.0), 0.007, 0.35),
        44: Struck(((3120.0, 0.2, 0.004),), (2500.0, 8000.0), 0.006, 0.3, grains=3, spread=0.012),
        46: Struck((), (3000.0, 10000.0), 0.12, 0.35, grains=6, spread=0.1),
        49: Struck(
            ((421.0, 0.2, 0.2), (867.0, 0.2, 0.15), (2311.0, 0.15, 0.1)),
            (1500.0, 9000.0),
            0.25,
            0.4,
            grains=5,
            spread=0.05,
        ),
        51: Struck(
            ((2630.0, 0.5, 0.05), (4810.0, 0.3, 0.03), (8120.0, 0.2, 0.015)), (2500.0, 9000.0), 0.008, 0.35
        ),
        53: Struck(((3370.0, 0.6, 0.08), (7090.0, 0.3, 0.04)), (2500.0, 9000.0), 0.005, 0.35),
        # The likembe's rings shaken (the tambourine); the marimbula's clamp bar knocked (the cowbell); a
        # stick of bottle caps shaken (the cabasa); a hosho shaken once, its seeds (the maracas).
        54: Struck(((4710.0, 0.3, 0.012),), (3000.0, 10000.0), 0.03, 0.4, grains=6, spread=0.05),
        56: Struck(
            ((671.0, 1.0, 0.05), (1789.0, 0.5, 0.03), (3011.0, 0.3, 0.02)), (500.0, 5000.0), 0.003, 0.4
        ),
        69: Struck((), (2500.0, 10000.0), 0.04, 0.4, grains=5, spread=0.04),
        70: Struck((), (3500.0, 10000.0), 0.025, 0.4, grains=4, spread=0.03),
        # A kalimba's hardwood bridge knocked (the claves); the kalimba box's corner knocked high and the
        # marimbula's seat board low (the wood blocks).
        75: Struck(((2370.0, 1.0, 0.012), (6230.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1530.0, 1.0, 0.02), (4110.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((930.0, 1.0, 0.025), (2510.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


LAMELLA_SET = LamellaSet(
    root=Path(__file__).with_name("lamella-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("lamella-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
LAMELLA_SETS = {LAMELLA_SET.root: LAMELLA_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
