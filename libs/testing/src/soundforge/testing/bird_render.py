"""Notes to audio by birds singing through the syrinx, computed in numpy: a blackbird's fluting, a song
thrush's, a hermit thrush's and a skylark's phrases, a nightingale's whistle and a canary's tour held,
a zebra finch's harmonic stack, a wood pigeon's coo through its closed beak, an emu's drum through its
neck's sac and a bittern's boom, its gullet blown up. None is blown across an edge, bowed or struck
by a player: the air from the bird's air sacs parts the syrinx's labia once a period of the note and
the tract above them (the trachea, the gullet's cavity, the beak) filters what they let through. The
labia's gap over a period is 1 + a cos(theta), the air flowing as the gap where it is open (Bernoulli's
flow through a valve at one pressure): below a = 1 the labia never meet and the flow swings as a sine
(a pure tone, as an oscillation is born at the threshold of a Hopf bifurcation), past it they close
for part of every period and the flow is a clipped cosine, whose harmonics are (1 / pi) (2 sin(n c) /
n + a (sin((n - 1) c) / (n - 1) + sin((n + 1) c) / (n + 1))) at c = arccos(-1 / a). The swing a grows
as the square root of the air sacs' pressure past the threshold (a Hopf oscillation's amplitude), so a
note starts and dies nearly pure and a harder call is richer. The flow radiates from the beak as a
monopole (its rate of change: j n); the trachea, a tube the labia close at its foot, lifts what lies
near its odd quarter waves, 1 / (cos kL + j loss sin kL), its length the trachea's and the beak's,
less the beak's the wider it gapes for a higher note (as a songbird's does); the gullet's cavity, a
Helmholtz resonator 1 / (1 - r^2 + j r / Q), which a singing bird widens to keep its mode on the
note's (or holds still, as a zebra finch does, whose stacks keep their harmonics), takes the harmonics
far under the first. So every partial stands on a harmonic of the note, and nothing moves it: each
period comes early or late by the labia's jitter, never summed, and the pitch only slides up into the
note from under it, as a bird's whistle does, and sways about it where a bird trembles. The air's
turbulence through the labia comes at each pulse, more the louder the call; a canary's tour repeats
its syllables on mini-breaths faster than anyone taps.
And a kit of the birds' own sounds, none of them sung: a sage grouse's air sacs popped and a
cassowary's foot stamped (the bass drums), eggs knocked by an Egyptian vulture's stone (an ostrich's,
an emu's and a goose's, the toms: a ring's bending modes), a wood pigeon's wings clapped over its
back, a club-winged manakin's wing feathers ticking, a song thrush's snail smashed on its anvil stone,
a white-bearded manakin's wings snapped, an owl's bill snapped, a nuthatch's bill on a seed wedged in
bark, a mute swan's wings throbbing, a common snipe's tail feathers drumming in its dive, a swan
landing on the water, a toucan's hollow bill rapped, a nut cracked in a macaw's bill, an
oystercatcher's bill on a mussel, two hornbills' casques butted, a robin shaking the water from its
feathers, a sparrow bathing in the dust, a hummingbird's tail feathers chirping at the foot of its
dive -- ringing modes and noise, the ticks, the snaps, the drumming, the landing and the shake as
grains, no recording."""

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
FRAME = 0.004  # s: the step the note's level and its labia's swing are worked out at (straight lines between)
SOUND_SPEED = 350.0  # m/s in the bird's warm, moist airway
GAPE = (110.0, 4.0)  # the beak starts to open at this note (Hz) and is wide open so many octaves above
_LEAST_SWING = 1e-6  # the labia's swing when no air flows, so a silent frame still has a (pure) shape
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 8821  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A bird that sings. Its labia swing `swing` past meeting at the hardest call (1: they just touch;
    under it the flow is a sine); its tract: the trachea, `trachea` m, and the beak, `beak` m, which
    takes itself off the tract's length the wider it gapes (`gapes`; a bird singing through its closed
    beak does not), its `loss` at the trachea's resonances; the gullet's cavity, its mode `tracking`
    times the note where the bird widens it to follow the note, or held at `cavity` Hz, and its Q. The
    air's turbulence at `breath` of the tone at the hardest velocity over `breath_band` Hz, coming at
    each pulse as sharply as `gating` says; the labia's jitter, s rms a period; the call starting over
    `attack` s, its pitch sliding up from `scoop` cents under the note over `glide` s; its syllables
    repeated `tremolo` times a second while it is held (0: one note), the level dipping by `depth`
    between them. `level`: (-, -, 1, how fast it dies once the key is let go, s); Players' vibrato
    (cents at `rate` Hz after `delay` s) where a bird trembles."""

    kind: str
    swing: float = 1.5
    trachea: float = 0.04
    beak: float = 0.015
    gapes: bool = True
    loss: float = 0.2
    tracking: float = 1.05
    cavity: float = 0.0
    q: float = 4.0
    breath: float = 0.02
    breath_band: tuple[float, float] = (1500.0, 8000.0)
    gating: float = 3.0
    jitter: float = 2e-6
    attack: float = 0.01
    scoop: float = 30.0
    glide: float = 0.02
    tremolo: float = 0.0
    depth: float = 0.0
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.03)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 6.0
    delay: float = 0.2
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A bird's sound in the kit (struck_render.Drum's partials and noise), and `grains` more at random
    within `spread` s, each at up to its share of the first (a manakin's ticks, a robin's shake), drawn
    once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
BirdSet = struck_render.StruckSet[Instrument, Struck]

# The chords: a blackbird's fluting, its gullet following the note; a wood pigeon's coo through its
# closed beak, the labia barely meeting (nearly a sine), its gullet blown up; a zebra finch's stack, its
# labia slapping shut and its gullet held still, so its harmonics stay.
BLACKBIRD = Instrument("blackbird's fluting", swing=1.4, trachea=0.045, beak=0.022, loss=0.2, tracking=1.05,
                       q=5.0, breath=0.02, breath_band=(1500.0, 7000.0), gating=3.0, jitter=2e-6,
                       attack=0.015, scoop=40.0, glide=0.03, level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip
WOOD_PIGEON = Instrument("wood pigeon's coo", swing=1.15, trachea=0.06, beak=0.02, gapes=False, loss=0.3,
                         tracking=1.0, q=3.0, breath=0.03, breath_band=(300.0, 2500.0), gating=2.0,
                         jitter=3e-6, attack=0.03, scoop=60.0, glide=0.06,
                         level=(0.0, 0.0, 1.0, 0.08))  # fmt: skip
ZEBRA_FINCH = Instrument("zebra finch's stack", swing=3.0, trachea=0.025, beak=0.01, loss=0.15, cavity=2800.0,
                         q=3.0, breath=0.04, breath_band=(2000.0, 9000.0), gating=3.0, jitter=3e-6,
                         attack=0.006, scoop=0.0, level=(0.0, 0.0, 1.0, 0.02))  # fmt: skip
# Held: a nightingale's whistle, swelling slowly as nightingales' long notes do; a canary's tour, its
# syllables repeated on mini-breaths eighteen times a second.
NIGHTINGALE_HELD = Instrument("nightingale's whistle held", swing=1.6, trachea=0.035, beak=0.012, loss=0.25,
                              tracking=1.0, q=6.0, breath=0.015, breath_band=(2000.0, 8000.0),
                              gating=2.0, jitter=2e-6, attack=0.12, scoop=20.0, glide=0.05,
                              level=(0.0, 0.0, 1.0, 0.08))  # fmt: skip
CANARY_HELD = Instrument("canary's tour held", swing=1.8, trachea=0.03, beak=0.01, loss=0.2, tracking=1.1,
                         q=4.0, breath=0.02, breath_band=(2500.0, 9000.0), gating=3.0, jitter=2e-6,
                         attack=0.01, scoop=0.0, tremolo=18.0, depth=0.7,
                         level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
# The basses: an emu's drum, its long neck's sac held shut under its closed beak; a bittern's boom,
# its gullet blown up, the labia slapping shut.
EMU = Instrument("emu's drum", swing=1.25, trachea=0.45, beak=0.05, gapes=False, loss=0.35, tracking=1.0,
                 q=2.5, breath=0.03, breath_band=(100.0, 1500.0), gating=2.0, jitter=4e-6, attack=0.03,
                 scoop=30.0, glide=0.05, level=(0.0, 0.0, 1.0, 0.06), gain=1.2)  # fmt: skip
BITTERN = Instrument("bittern's boom", swing=1.2, trachea=0.2, beak=0.06, gapes=False, loss=0.3,
                     tracking=1.05, q=3.5, breath=0.04, breath_band=(200.0, 2500.0), gating=3.0, jitter=4e-6,
                     attack=0.04, scoop=50.0, glide=0.08, level=(0.0, 0.0, 1.0, 0.05), gain=1.2)  # fmt: skip
# The leads: a song thrush's phrase, bright; a hermit thrush's flute, pure and trembling; a skylark's
# song, its beak wide and its labia slapping shut.
SONG_THRUSH = Instrument("song thrush's phrase", swing=1.9, trachea=0.04, beak=0.018, loss=0.2, tracking=1.1,
                         q=4.0, breath=0.02, breath_band=(2000.0, 8000.0), gating=3.0, jitter=2e-6,
                         attack=0.006, scoop=30.0, glide=0.015, level=(0.0, 0.0, 1.0, 0.02),
                         gain=0.9)  # fmt: skip
HERMIT_THRUSH = Instrument("hermit thrush's flute", swing=1.4, trachea=0.038, beak=0.015, loss=0.15,
                           tracking=1.0, q=8.0, breath=0.015, breath_band=(2500.0, 9000.0), gating=2.0,
                           jitter=2e-6, attack=0.01, scoop=15.0, glide=0.02, vibrato=12.0, rate=7.0,
                           delay=0.15, level=(0.0, 0.0, 1.0, 0.025), gain=0.9)  # fmt: skip
SKYLARK = Instrument("skylark's song", swing=2.2, trachea=0.03, beak=0.012, loss=0.25, tracking=1.2, q=3.0,
                     breath=0.025, breath_band=(2500.0, 9000.0), gating=4.0, jitter=3e-6, attack=0.004,
                     scoop=0.0, level=(0.0, 0.0, 1.0, 0.015), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on a blackbird, a wood pigeon
# and a zebra finch; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: NIGHTINGALE_HELD,
        50: CANARY_HELD,
        11: BLACKBIRD,
        22: WOOD_PIGEON,
        53: ZEBRA_FINCH,
        32: EMU,
        35: BITTERN,
        72: SONG_THRUSH,
        75: HERMIT_THRUSH,
        79: SKYLARK,
    }


def _ring(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A shell knocked round its rim, a ring's first three bending modes: n (n^2 - 1) / sqrt(n^2 + 1)
    for n = 2, 3, 4, at 1, 2.83 and 5.42 times the first (an egg knocked at its waist, a hollow bill)."""
    return (
        (hz, amplitude, decay),
        (2.828 * hz, 0.4 * amplitude, 0.5 * decay),
        (5.423 * hz, 0.15 * amplitude, 0.3 * decay),
    )


def _drums() -> dict[int, Struck]:
    return {
        # A sage grouse's air sacs popped, their mode rising as they empty, and a cassowary's foot
        # stamped on hard ground (the bass drums); eggs knocked by an Egyptian vulture's stone, an
        # ostrich's, an emu's and a goose's (the toms).
        36: Struck(
            ((55.0, 1.0, 0.11), (110.0, 0.35, 0.06)), (150.0, 2500.0), 0.04, 1.3, sweep=-0.4, glide=0.03
        ),
        35: Struck(((46.0, 1.0, 0.09), (88.0, 0.4, 0.05)), (40.0, 600.0), 0.05, 1.2),
        41: Struck(_ring(330.0, 1.0, 0.09), (300.0, 3000.0), 0.01, 0.9),
        45: Struck(_ring(440.0, 1.0, 0.08), (400.0, 3500.0), 0.01, 0.9),
        48: Struck(_ring(620.0, 1.0, 0.07), (500.0, 4000.0), 0.01, 0.9),
        # A wood pigeon's wings clapped over its back (the snare), a club-winged manakin's feathers
        # ticking (the other snare); a song thrush's snail smashed on its anvil stone (the side stick);
        # a white-bearded manakin's wings snapped (the clap).
        38: Struck(((180.0, 0.3, 0.02),), (800.0, 7000.0), 0.07, 0.9),
        40: Struck(((1490.0, 0.5, 0.01),), (1200.0, 5000.0), 0.006, 0.9, grains=3, spread=0.05),
        37: Struck(((2100.0, 1.0, 0.012), (3900.0, 0.4, 0.008)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck((), (1800.0, 9500.0), 0.006, 0.8, grains=3, spread=0.03),
        # An owl's bill snapped (the closed hat), a nuthatch's bill on a seed (the pedal), a mute swan's
        # wings throbbing (the open hat); a common snipe's tail feathers drumming in its dive (the ride)
        # and a swan landing on the water (the crash); a toucan's hollow bill rapped (the cowbell) and a
        # nut cracked in a macaw's bill (the bell).
        42: Struck(((4600.0, 0.3, 0.002),), (3500.0, 10000.0), 0.005, 0.35),
        44: Struck(((3100.0, 0.3, 0.003),), (2200.0, 7000.0), 0.004, 0.3),
        46: Struck((), (1500.0, 7000.0), 0.2, 0.35),
        51: Struck(((520.0, 0.3, 0.03),), (400.0, 3000.0), 0.01, 0.35, grains=6, spread=0.09),
        49: Struck((), (300.0, 7000.0), 0.25, 0.4, grains=5, spread=0.2),
        56: Struck(_ring(780.0, 1.0, 0.04), (700.0, 4000.0), 0.004, 0.4),
        53: Struck(((2700.0, 1.0, 0.05), (4300.0, 0.5, 0.03)), (2000.0, 9000.0), 0.003, 0.35),
        # An oystercatcher's bill on a mussel (the claves), two hornbills' casques butted, high and low
        # (the wood blocks), a robin shaking the water from its feathers (the tambourine), a sparrow
        # bathing in the dust (the maracas), a hummingbird's tail feathers chirping, short and long
        # (the triangles).
        75: Struck(((2600.0, 1.0, 0.02), (5100.0, 0.3, 0.01)), (2000.0, 8000.0), 0.002, 0.5),
        76: Struck(((1300.0, 1.0, 0.025), (2900.0, 0.4, 0.012)), (1000.0, 5000.0), 0.002, 0.5),
        77: Struck(((900.0, 1.0, 0.03), (2050.0, 0.4, 0.015)), (800.0, 4000.0), 0.002, 0.5),
        54: Struck((), (2500.0, 9000.0), 0.012, 0.4, grains=9, spread=0.07),
        70: Struck((), (1200.0, 7000.0), 0.05, 0.3),
        80: Struck(((4200.0, 1.0, 0.03),), gain=0.35),
        81: Struck(((4200.0, 1.0, 0.3),), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, bird_set: BirdSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's bird, bent by `cents` (each note of a chord its own
    bird, as a dawn chorus gives every note a singer); the drum channel through the set's kit,
    unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, bird_set, _SOUNDED, lambda p: False
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def labial(swings: Signal, harmonics: int) -> Signal:
    """The flow's first `harmonics` (cosine amplitudes, per swing: len(swings) x harmonics) through
    labia whose gap over a period is 1 + a cos(theta) at each swing a, the flow the gap where it is
    open: a sine under a = 1, a clipped cosine past it, c_n = (1 / pi) (2 sin(n c) / n + a (sin((n -
    1) c) / (n - 1) + sin((n + 1) c) / (n + 1))) at c = arccos(-1 / a), and c_1 = (1 / pi) (2 sin c
    + a (c + sin(2 c) / 2))."""
    a = np.maximum(np.asarray(swings, dtype=np.float64), _LEAST_SWING)[:, None]
    c = np.arccos(np.clip(-1.0 / a, -1.0, 1.0))
    n = np.arange(2, harmonics + 1, dtype=np.float64)[None, :]
    first = (2.0 * np.sin(c) + a * (c + np.sin(2.0 * c) / 2.0)) / np.pi
    rest = 2.0 * np.sin(n * c) / n + a * (
        np.sin((n - 1.0) * c) / (n - 1.0) + np.sin((n + 1.0) * c) / (n + 1.0)
    )
    return np.asarray(np.concatenate([first, rest / np.pi], axis=1))


def reach(patch: Instrument, velocity: int) -> float:
    """The labia's swing at the full pressure of a call at `velocity`: half `swing` at the softest, all
    of it at the hardest (the harder the air sacs press, the wider the labia swing)."""
    return float(patch.swing * (0.5 + 0.5 * velocity / 127.0))


def length(patch: Instrument, hz: float) -> float:
    """The tract's length singing `hz`: the trachea's and the beak's, less the beak's as it gapes (from
    shut at GAPE's note to wide open its octaves above, where the bird `gapes`)."""
    if not patch.gapes:
        return patch.trachea + patch.beak
    low, octaves = GAPE
    gape = float(np.clip(np.log2(hz / low) / octaves, 0.0, 1.0))
    return patch.trachea + patch.beak * (1.0 - gape)


def tract(patch: Instrument, hz: float, f: Signal) -> npt.NDArray[np.complex128]:
    """What the tract does at `f` Hz while the bird sings `hz`: the trachea, closed by the labia at its
    foot, 1 / (cos kL + j loss sin kL) at k = 2 pi f / c (its odd quarter waves lifted 1 / loss), times
    the gullet's cavity, 1 / (1 - r^2 + j r / Q) at r = f over its mode (`tracking` times `hz`, or
    `cavity` held still)."""
    k = 2.0 * np.pi * f / SOUND_SPEED * length(patch, hz)
    trachea = 1.0 / (np.cos(k) + 1j * patch.loss * np.sin(k))
    r = f / (patch.cavity or patch.tracking * hz)
    return np.asarray(trachea / (1.0 - r**2 + 1j * r / patch.q))


def shaped(patch: Instrument, hz: float, swings: Signal, harmonics: int) -> npt.NDArray[np.complex128]:
    """The harmonics at each swing (len(swings) x harmonics, complex, the loudest 1 in size in each):
    the labia's flow (labial) radiated from the beak (j n) through the tract (tract); the first never
    under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    out = labial(swings, harmonics) * (1j * n)[None, :] * tract(patch, hz, n * hz)[None, :]
    out /= np.maximum(np.abs(out).max(axis=1, keepdims=True), 1e-300)
    first = np.abs(out[:, 0])
    lifted = np.maximum(first, FUNDAMENTAL_FLOOR) / np.maximum(first, 1e-300)
    out[:, 0] *= lifted
    return np.asarray(out / np.abs(out).max(axis=1, keepdims=True))


def spectrum(patch: Instrument, hz: float, harmonics: int, velocity: int = 127) -> npt.NDArray[np.complex128]:
    """The harmonics (complex, the loudest 1 in size) at the full pressure of a call at `velocity`."""
    return np.asarray(shaped(patch, hz, np.array([reach(patch, velocity)]), harmonics)[0])


def pressure(patch: Instrument, held: float, times: Signal) -> Signal:
    """The air sacs' pressure past the threshold at `times` s, a share of the call's: rising over
    `attack` s as the key goes down, held while it is down (dipping by `depth` between syllables
    repeated `tremolo` times a second), dying over the level's fall once it is let go."""
    share = struck_render.held_level(patch.attack, patch.level[3], held, 127, times)
    if patch.tremolo:
        share = share * (1.0 - patch.depth * (0.5 - 0.5 * np.cos(2.0 * np.pi * patch.tremolo * times)))
    return np.asarray(share)


def power(patch: Instrument, held: float, velocity: int, times: Signal) -> Signal:
    """The bird's level at `times` s: its pressure (pressure), 0.6-1 by velocity."""
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * pressure(patch, held, times))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the shape at the labia's swing there
    (the call's reach times the square root of the pressure: a Hopf oscillation's amplitude), under
    the power."""
    swings = reach(patch, velocity) * np.sqrt(pressure(patch, held, frames))
    sizes = np.abs(shaped(patch, hz, swings, harmonics))
    return np.asarray(power(patch, held, velocity, frames)[:, None] * sizes)


def breathing(patch: Instrument, velocity: int) -> float:
    """The air's turbulence through the labia against the tone: `breath` at the hardest velocity,
    falling with its square below it (the louder the call, the noisier)."""
    return float(patch.breath * (velocity / 127.0) ** 2)


def timing(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How early or late each period comes at `times` s (struck_render.period_jitter, `jitter` rms):
    never summed, so the note's pitch never drifts, only its phase frays."""
    return struck_render.period_jitter(patch.jitter, hz, times, rng)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together for `held` seconds at `velocity`, each its own
    bird. What varies (the slide's vibrato, the labia's jitter, the breath's noise) is drawn with
    `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    noisy = breathing(patch, velocity)
    blowing = np.interp(times, frames, pressure(patch, held, frames))

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        shape = spectrum(patch, hz, harmonics, velocity)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        bent = hz * 2.0 ** (struck_render.bends(patch, times, rng) / 1200.0)
        phase = 2.0 * np.pi * (np.cumsum(bent) / sample_rate + hz * timing(patch, hz, times, rng))
        # The flow's own phases (a sine's from a cosine's), so the wave is what the beak radiates.
        tone = struck_render.harmonic_tone(weights, frames, times, phase, np.angle(shape) + np.pi / 2.0)
        low, high = patch.breath_band
        band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
        noise = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        at_pulses = (0.5 + 0.5 * np.cos(phase)) ** patch.gating  # the turbulence as the labia part
        return tone, np.asarray(noisy * noise * at_pulses * blowing)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


BIRD_SET = BirdSet(
    root=Path(__file__).with_name("bird-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("bird-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
BIRD_SETS = {BIRD_SET.root: BIRD_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
