"""Notes to audio by crickets, cicadas and frogs, creatures that sing by file, tymbal and sac, computed in
numpy: a field cricket's wing drawn across its file, a katydid's, a tree cricket's and a mole cricket's
in its burrow, a cicada's tymbals buckling, a periodical cicada's chorus held, a bullfrog's, a
natterjack toad's and a tree frog's larynx into their vocal sacs. None is blown through a pipe, bowed
or struck by a player: a creature's own body makes one pulse a period of the note and a resonator of
its body rings with it. Over a period the pulse is the body's: a scraper crossing one tooth of the
file, a click as short as the crossing (a Gaussian `click` s rms, so flat up to about 1 / (2 pi
click) and falling above); a tymbal's ribs buckling in turn as it is pulled in, a click each
`spacing` s apart, and the tymbal springing back out half a period on, one more click `back` as
strong (so the harmonics where the ribs' clicks cancel sink); a larynx's folds opening for `duty` of
the period, the flow rising as half a cosine over two thirds of it and falling over the last third
(Rosenberg's pulse). A wing radiates as a dipole (its pressure as the frequency squared, small
against the wavelength), a tymbal's abdomen and a sac as a monopole (as the frequency): the pulse's
n-th harmonic times (j n)^radiation. The resonator (a cricket's harp, a cicada's abdominal air sac, a
frog's vocal sac) lifts what is near its mode by `lift`, 1 + (lift - 1) (j r / Q) / (1 - r^2 + j r / Q)
at r = f / its mode, over what the body radiates directly. So every partial stands on a harmonic of
the note, and nothing bends it: each pulse comes early or late by the body's `jitter`, never summed.
A frog's sac is a Helmholtz resonator, its mode falling as 1 / sqrt(its volume), which a louder call
inflates from its own to twice it; a cricket's scraper crosses a tooth faster the harder the wing
closes, its click shorter by up to a third; a tymbal's ribs buckle the same however hard. A wing's
rustle, a tymbal's rattle and a larynx's breath come at each pulse, more the louder the call (as the
square of the velocity).
And a kit of the creatures' own sounds: a beaver's tail slapping the pond and a ruffed grouse's
wings drumming the air (the bass drums), hollow branches drummed with a stick by a palm cockatoo (an
air column closed at one end: its odd modes), a grasshopper's wings crackling in flight, a
rattlesnake's rattle, a woodpecker's bill on a dead branch, a snapping shrimp's claw, a deathwatch
beetle's head tapping, a termite soldier's head banging, a goose's hiss, a woodpecker drumming, a
flock taking off, a white stork's bill clattering, a tortoise's shell knocked, two antlers clashed, a
crab's shell tapped, a peacock's train rattled, dry leaves tossed by a foraging blackbird -- ringing
modes and noise, the rattle, the shrimp's echo, the drumming, the flock and the train as grains, no
recording."""

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
PERIOD = 8192  # points one period's pulse is worked out at (a short click needs them)
FRAME = 0.004  # s: the step the note's level is worked out at (straight lines between)
DRIVES = ("file", "tymbal", "sac")
INFLATED = ("sac",)  # the drives whose resonator a louder call swells
_SHORTENED = 1.0 / 3.0  # a cricket's click at the softest is this much longer than at the hardest
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 8627  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A creature that sings. Its pulse over a period by `drive` (DRIVES): a cricket's "file", one
    tooth's click of `click` s rms; a cicada's "tymbal", `ribs` clicks `spacing` s apart (never past
    two fifths of the period) and its spring back half a period on at `back` of a rib's; a frog's
    "sac", its larynx open for `duty` of the period. How it radiates (`radiation`: 1 a monopole, 2 a
    dipole); its resonator (`body`: its mode, Hz (a sac's at rest), its Q, how many times it lifts
    what is on it). The rustle, rattle or breath at `rustle` of the tone at the hardest velocity over
    `rustle_band` Hz, coming at each pulse as sharply as `gating` says; the pulses' jitter, s rms a
    period; the call starting over `attack` s. `level`: (-, -, 1, how fast it dies once the key is let
    go, s). Players' vibrato is unused: no creature here bends its pulse's rate."""

    kind: str
    drive: str = "file"
    click: float = 1e-4
    ribs: int = 3
    spacing: float = 2.5e-4
    back: float = 0.3
    duty: float = 0.5
    radiation: int = 1
    body: tuple[float, float, float] = (2000.0, 8.0, 3.0)
    rustle: float = 0.03
    rustle_band: tuple[float, float] = (2000.0, 8000.0)
    gating: float = 4.0
    jitter: float = 3e-6
    attack: float = 0.005
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.02)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A creature's sound in the kit (struck_render.Drum's partials and noise), and `grains` more at
    random within `spread` s, each at up to its share of the first (a rattle's segments, a
    woodpecker's strokes), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
CreatureSet = struck_render.StruckSet[Instrument, Struck]

# The chords: a field cricket's wing drawn across its file, its harp ringing; a katydid's, its
# shorter teeth's clicks brighter, its harp wider; a cicada's tymbals, four ribs buckling in turn,
# its abdomen's air sac lifting what is near it.
FIELD_CRICKET = Instrument("field cricket's file", drive="file", click=1.2e-4, radiation=2,
                           body=(2400.0, 12.0, 4.0), rustle=0.03, rustle_band=(3000.0, 9000.0),
                           gating=5.0, jitter=3e-6, attack=0.004, level=(0.0, 0.0, 1.0, 0.015))  # fmt: skip
KATYDID = Instrument("katydid's file", drive="file", click=7e-5, radiation=2, body=(3600.0, 6.0, 3.0),
                     rustle=0.04, rustle_band=(4000.0, 10000.0), gating=6.0, jitter=4e-6,
                     attack=0.003, level=(0.0, 0.0, 1.0, 0.012))  # fmt: skip
CICADA = Instrument("cicada's tymbals", drive="tymbal", click=8e-5, ribs=4, spacing=2.5e-4, back=0.4,
                    radiation=1, body=(1300.0, 6.0, 4.0), rustle=0.03, rustle_band=(2500.0, 9000.0),
                    gating=4.0, jitter=3e-6, attack=0.006, level=(0.0, 0.0, 1.0, 0.02))  # fmt: skip
# Held: a periodical cicada's chorus held, three ribs; a mole cricket singing from its burrow, the
# burrow's flared mouth a horn that lifts its harp's mode, held.
CICADA_HELD = Instrument("periodical cicada's tymbals held", drive="tymbal", click=9e-5, ribs=3,
                         spacing=3e-4, back=0.3, radiation=1, body=(1100.0, 5.0, 3.0), rustle=0.02,
                         rustle_band=(2000.0, 8000.0), gating=4.0, jitter=3e-6, attack=0.02,
                         level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
MOLE_CRICKET_HELD = Instrument("mole cricket's file in its burrow held", drive="file", click=1.5e-4,
                               radiation=2, body=(1500.0, 10.0, 6.0), rustle=0.02,
                               rustle_band=(2000.0, 7000.0), gating=5.0, jitter=3e-6, attack=0.02,
                               level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
# The basses: a bullfrog's larynx into its big throat sac; a natterjack toad's, its sac smaller.
BULLFROG = Instrument("bullfrog's vocal sac", drive="sac", duty=0.55, radiation=1, body=(260.0, 4.0, 3.0),
                      rustle=0.04, rustle_band=(300.0, 3000.0), gating=3.0, jitter=4e-6, attack=0.008,
                      level=(0.0, 0.0, 1.0, 0.03), gain=1.2)  # fmt: skip
TOAD = Instrument("natterjack toad's vocal sac", drive="sac", duty=0.4, radiation=1,
                  body=(700.0, 5.0, 3.0), rustle=0.04, rustle_band=(600.0, 5000.0), gating=4.0,
                  jitter=4e-6, attack=0.006, level=(0.0, 0.0, 1.0, 0.02), gain=1.2)  # fmt: skip
# The leads: a tree cricket's file, its broad wings' harp sharply tuned; a tree frog's sac, its folds
# open a third of the period (brighter).
TREE_CRICKET = Instrument("tree cricket's file", drive="file", click=1.4e-4, radiation=2,
                          body=(1800.0, 20.0, 5.0), rustle=0.02, rustle_band=(2500.0, 8000.0),
                          gating=5.0, jitter=2e-6, attack=0.004, level=(0.0, 0.0, 1.0, 0.012),
                          gain=0.9)  # fmt: skip
TREE_FROG = Instrument("tree frog's vocal sac", drive="sac", duty=0.3, radiation=1,
                       body=(2200.0, 5.0, 3.0), rustle=0.03, rustle_band=(1500.0, 7000.0), gating=4.0,
                       jitter=3e-6, attack=0.004, level=(0.0, 0.0, 1.0, 0.012), gain=0.9)  # fmt: skip
CICADA_LEAD = Instrument("cicada's tymbals, two ribs", drive="tymbal", click=6e-5, ribs=2,
                         spacing=2e-4, back=0.5, radiation=1, body=(1900.0, 7.0, 3.0), rustle=0.02,
                         rustle_band=(3000.0, 9000.0), gating=4.0, jitter=2e-6, attack=0.004,
                         level=(0.0, 0.0, 1.0, 0.012), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on a field cricket, a katydid
# and a cicada; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: CICADA_HELD,
        52: MOLE_CRICKET_HELD,
        10: FIELD_CRICKET,
        21: KATYDID,
        51: CICADA,
        33: BULLFROG,
        43: TOAD,
        73: TREE_CRICKET,
        78: TREE_FROG,
        85: CICADA_LEAD,
    }


def _hollow(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A hollow branch, an air column closed at one end by its knot: its modes at 1, 3 and 5 times the
    first (the odd quarter waves)."""
    return (
        (hz, amplitude, decay),
        (3.0 * hz, 0.35 * amplitude, 0.6 * decay),
        (5.0 * hz, 0.15 * amplitude, 0.4 * decay),
    )


def _beam(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A branch, a bill or an antler struck, free at both ends: its first three bending modes, at 2.756
    and 5.404 times the first."""
    return (
        (hz, amplitude, decay),
        (2.756 * hz, 0.4 * amplitude, 0.5 * decay),
        (5.404 * hz, 0.15 * amplitude, 0.3 * decay),
    )


def _shell(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A shell knocked, a shallow dome: its first axisymmetric and two non-axisymmetric modes, at 2.09
    and 3.43 times the first (a clamped circular plate's (0, 1), (1, 1) and (2, 1))."""
    return (
        (hz, amplitude, decay),
        (2.09 * hz, 0.5 * amplitude, 0.6 * decay),
        (3.43 * hz, 0.25 * amplitude, 0.4 * decay),
    )


def _drums() -> dict[int, Struck]:
    return {
        # A beaver's tail slapping the pond, the water's splash after it, and a ruffed grouse's wings
        # drumming the air (the bass drums); hollow branches drummed with a stick by a palm cockatoo,
        # long, middling and short (the toms).
        36: Struck(((48.0, 1.0, 0.12), (95.0, 0.4, 0.07)), (200.0, 3000.0), 0.05, 1.3),
        35: Struck(((58.0, 1.0, 0.1), (70.0, 0.5, 0.08)), (40.0, 400.0), 0.04, 1.2),
        41: Struck(_hollow(140.0, 1.0, 0.14), (150.0, 1500.0), 0.012, 0.9),
        45: Struck(_hollow(190.0, 1.0, 0.12), (200.0, 2000.0), 0.012, 0.9),
        48: Struck(_hollow(260.0, 1.0, 0.1), (250.0, 2500.0), 0.012, 0.9),
        # A grasshopper's wings crackling in flight (the snare), a rattlesnake's rattle (the other
        # snare); a woodpecker's bill on a dead branch (the side stick); a snapping shrimp's claw and
        # its bubble's echo (the clap).
        38: Struck(((1900.0, 0.25, 0.012),), (1200.0, 8000.0), 0.06, 0.9),
        40: Struck((), (2500.0, 10000.0), 0.008, 0.9, grains=12, spread=0.1),
        37: Struck(_beam(1700.0, 1.0, 0.015), (1200.0, 6000.0), 0.004, 0.6),
        39: Struck((), (1500.0, 9000.0), 0.01, 0.8, grains=2, spread=0.025),
        # A deathwatch beetle's head tapping (the closed hat), a termite soldier's head banging (the
        # pedal), a goose's hiss (the open hat); a woodpecker drumming (the ride) and a flock taking
        # off (the crash); a white stork's bill clattering (the cowbell) and a tortoise's shell
        # knocked (the bell).
        42: Struck(((5200.0, 0.3, 0.003),), (4000.0, 10000.0), 0.006, 0.35),
        44: Struck((), (2600.0, 8000.0), 0.004, 0.3),
        46: Struck((), (2000.0, 9000.0), 0.18, 0.35),
        51: Struck(((2900.0, 0.2, 0.005),), (1800.0, 8000.0), 0.005, 0.35, grains=14, spread=0.12),
        49: Struck((), (500.0, 8000.0), 0.2, 0.4, grains=7, spread=0.16),
        56: Struck(_beam(900.0, 1.0, 0.05), (800.0, 4000.0), 0.004, 0.4, grains=3, spread=0.06),
        53: Struck(_shell(1100.0, 1.0, 0.12), gain=0.35),
        # Two antlers clashed (the claves), a crab's shell tapped, small and large (the wood blocks),
        # a peacock's train rattled (the tambourine), dry leaves tossed by a foraging blackbird (the
        # maracas), the tortoise's shell knocked muted and left to ring (the triangles).
        75: Struck(_beam(2200.0, 1.0, 0.03), (1800.0, 7000.0), 0.002, 0.5),
        76: Struck(_shell(1900.0, 1.0, 0.015), (1500.0, 6000.0), 0.002, 0.5),
        77: Struck(_shell(1250.0, 1.0, 0.02), (1000.0, 5000.0), 0.002, 0.5),
        54: Struck((), (3000.0, 10000.0), 0.01, 0.4, grains=8, spread=0.06),
        70: Struck((), (700.0, 5000.0), 0.05, 0.3),
        80: Struck(_shell(1600.0, 1.0, 0.04), gain=0.35),
        81: Struck(_shell(1600.0, 1.0, 0.4), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, creature_set: CreatureSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    creature, as a chorus of them gives every note a singer); the drum channel through the set's
    kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, creature_set, _SOUNDED, lambda p: False
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def clicked(patch: Instrument, velocity: int) -> float:
    """A click's rms length at `velocity`: a cricket's scraper crosses a tooth faster the harder its
    wing closes, so its click is `click` at the hardest and a third longer at the softest; a tymbal's
    ribs buckle the same however hard."""
    if patch.drive != "file":
        return patch.click
    return float(patch.click * (1.0 + _SHORTENED * (1.0 - velocity / 127.0)))


def pulse(patch: Instrument, hz: float, velocity: int = 127) -> Signal:
    """One period's pulse at `hz` (PERIOD points from its start), by its `drive` (DRIVES): a tooth's
    Gaussian click at the start (wrapped round the period), a tymbal's ribs' clicks and its spring
    back half a period on, a larynx's Rosenberg flow."""
    x = np.arange(PERIOD) / PERIOD
    if patch.drive == "sac":
        rise, fall = 2.0 * patch.duty / 3.0, patch.duty / 3.0
        opening = 0.5 * (1.0 - np.cos(np.pi * x / rise))
        closing = np.cos(0.5 * np.pi * (x - rise) / fall)
        return np.asarray(np.where(x < rise, opening, np.where(x < patch.duty, closing, 0.0)))
    width = clicked(patch, velocity) * hz  # the click's rms in periods
    times = [0.0] if patch.drive == "file" else [k * ribbed(patch, hz) * hz for k in range(patch.ribs)]
    shares = [1.0] * len(times) + ([patch.back] if patch.drive == "tymbal" else [])
    times += [0.5] if patch.drive == "tymbal" else []
    out = np.zeros(PERIOD)
    for at, share in zip(times, shares, strict=True):
        apart = (x - at + 0.5) % 1.0 - 0.5  # the nearest way round the period
        out += share * np.exp(-0.5 * (apart / width) ** 2)
    return out


def ribbed(patch: Instrument, hz: float) -> float:
    """The time between a tymbal's ribs buckling at `hz`: `spacing`, or less where the ribs would run
    past two fifths of the period (a fast call buckles them faster)."""
    return float(min(patch.spacing, 0.4 / (max(patch.ribs, 1) * hz)))


def resonance(patch: Instrument, velocity: int) -> float:
    """The resonator's mode at `velocity`: a frog's sac, a Helmholtz resonator, inflated from its own
    volume at the softest to twice it at the hardest, its mode as 1 / sqrt(volume); a harp's and an
    abdomen's hold theirs."""
    if patch.drive not in INFLATED:
        return patch.body[0]
    return float(patch.body[0] / np.sqrt(1.0 + velocity / 127.0))


def spectrum(patch: Instrument, hz: float, harmonics: int, velocity: int = 127) -> npt.NDArray[np.complex128]:
    """The harmonics (complex, the loudest 1 in size): the pulse's, radiated ((j n)^radiation) and
    lifted by the resonator's mode (1 + (lift - 1) (j r / Q) / (1 - r^2 + j r / Q), r = n f / its
    mode); the first never under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    pulsed = np.fft.rfft(pulse(patch, hz, velocity))[1 : harmonics + 1] / (PERIOD / 2)
    _, q, lift = patch.body
    r = n * hz / resonance(patch, velocity)
    ringing = 1.0 + (lift - 1.0) * (1j * r / q) / (1.0 - r**2 + 1j * r / q)
    out = pulsed * (1j * n) ** patch.radiation * ringing
    out = out / (float(np.abs(out).max()) or 1.0)
    if abs(out[0]) < FUNDAMENTAL_FLOOR:
        out[0] = FUNDAMENTAL_FLOOR * (out[0] / abs(out[0]) if abs(out[0]) else 1.0)
    return np.asarray(out / float(np.abs(out).max()))


def power(patch: Instrument, held: float, velocity: int, times: Signal) -> Signal:
    """The creature's level at `times` s: starting over `attack` s as the key goes down, held while it
    is down, dying over the level's fall once it is let go; 0.6-1 by velocity."""
    return struck_render.held_level(patch.attack, patch.level[3], held, velocity, times)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the spectrum's sizes under the power."""
    sizes = np.abs(spectrum(patch, hz, harmonics, velocity))
    return np.asarray(power(patch, held, velocity, frames)[:, None] * sizes[None, :])


def rustling(patch: Instrument, velocity: int) -> float:
    """The wing's rustle, the tymbal's rattle or the larynx's breath against the tone: `rustle` at the
    hardest velocity, falling with its square below it (the louder the call, the noisier)."""
    return float(patch.rustle * (velocity / 127.0) ** 2)


def timing(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How early or late each pulse comes at `times` s (s; drawn per period, `jitter` rms, straight
    lines between): never summed, so the note's pitch never drifts, only its phase frays."""
    return struck_render.period_jitter(patch.jitter, hz, times, rng)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together for `held` seconds at `velocity`, each its own
    creature. What varies (the pulses' jitter, the rustle's noise) is drawn with `seed` (the note's
    own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    noisy = rustling(patch, velocity)
    level = np.interp(times, frames, power(patch, held, velocity, frames))
    level /= float(level.max()) or 1.0

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        shape = spectrum(patch, hz, harmonics, velocity)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        phase = 2.0 * np.pi * hz * (times + timing(patch, hz, times, rng))
        # The pulse's own phases (a sine's from a cosine's), so the wave is what the body radiates.
        tone = struck_render.harmonic_tone(weights, frames, times, phase, np.angle(shape) + np.pi / 2.0)
        low, high = patch.rustle_band
        band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
        noise = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        at_pulses = (0.5 + 0.5 * np.cos(phase)) ** patch.gating  # a rustle at each pulse
        return tone, np.asarray(noisy * noise * at_pulses * level)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


CREATURE_SET = CreatureSet(
    root=Path(__file__).with_name("creature-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("creature-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
CREATURE_SETS = {CREATURE_SET.root: CREATURE_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
