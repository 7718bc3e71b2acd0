"""Notes to audio by sparks and arcs, computed in numpy: electric discharges that sing -- a solid-state
musical Tesla coil's streamers, its interrupter firing a burst of the coil's ringing once a period of
the note; a big coil's long streamers; a kit coil's thin ones; Duddell's singing arc, a carbon arc
lamp whose falling characteristic sets the inductor and capacitor across it swinging, its keyboard
switching the capacitors; the arc driven past its direct current, going out for part of each period
(Duddell's second regime); Simon's speaking arc, a direct-current arc lamp whose current an
oscillator swings through a transformer; a flyback's plasma arc switched by a keyboard's square
wave; a vacuum-tube Tesla coil's flame, its carrier modulated by the note; Klein's ionophone, a
corona at a needle's point swung by the note. None is struck, blown or bowed and no loudspeaker
plays it: the discharge heats the air, and the air's expansion is the sound, its pressure the rate
of change of the heat given (a monopole of heat release), so every partial stands on a harmonic of
the note. The heat given over a period is the discharge's power: a coil's burst, its primary current
ringing up over the burst's on-time so that the power grows as its square, then cut; an arc's, its
voltage near constant (Ayrton's law) so that its power follows its current, the direct current and
the circuit's swing, a van der Pol oscillator's (its third harmonic mu / 8 of its first), gone
where the swing passes the direct current; the plasma arc's, on for its duty; the modulated
carrier's, its envelope squared; the corona's, the voltage times Townsend's current C V (V - V0)
above its onset V0. The gas's thermal lag takes the highs off the heat twice over (the column
heating, then expanding: two first-order lags), so a burst's pressure peaks near their corner. A
coil's velocity sets its on-time (the longer, the longer its streamers), and the bridge's duty limit
caps it, shared by the polyphonic interrupter among a chord's notes; a streamer crackles at each
burst, an arc fries steadily, more against the tone the harder it is driven (as the square of the
velocity); an arc strikes a few cents off its note and settles, and wanders a cent or two as its
carbons burn; a coil's timer neither drifts nor wanders.
And a kit of the discharges' own sounds: a Marx generator's long spark and a can crusher's coil
jumping in its clamp (the bass drums), the coils' spun-aluminium toploads struck by a palm (a thin
ring's inextensional modes), a spark gap's crack, a rotary spark gap's train of sparks, a
contactor's clack, a Van de Graaff's snap onto a knuckle, a piezo igniter's click, a relay's tick, a
corona brush's hiss, a Jacob's ladder frying as its arc climbs, a fuse blowing, a transformer's
laminated core struck, a Leyden jar's glass struck, a porcelain insulator struck, the coils' plastic
formers tapped, a Wimshurst machine's brushes crackling, the quench blower's puff across the gap
and the discharge ring struck muted and left to ring -- ringing modes and noise, the rotary gap's
sparks, the snaps, the ladder's frying, the fuse and the brushes as grains, no recording."""

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
PERIOD = 8192  # points one period's heat is worked out at (a short burst's ramp needs them)
FRAME = 0.004  # s: the step the note's level is worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s
DRIVES = ("burst", "arc", "square", "envelope", "corona")
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 8447  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A discharge that sings. Its heat over a period by `drive` (DRIVES): a coil's "burst", on for
    `ontime` s at the hardest velocity, never past `duty` of the period (shared by a chord's notes);
    an "arc", its current the direct current and a swing `swing` times it, van der Pol's third
    harmonic `mu` / 8 of the first; a "square" on for `duty` of the period; a modulated carrier's
    "envelope", 1 + `swing` sin, squared; a "corona", its voltage 1 + `swing` sin over its onset
    `onset`. The gas's two thermal lags, `thermal` s each; its crackle or frying at `crackle` of the
    tone at the hardest velocity over `crackle_band` Hz, coming in bursts as sharply as `gating` says
    (0: steady); an arc striking `strike` cents under its note and settling over `glide` s, wandering
    `wander` cents at `wander_rate` Hz; the discharge starting over `attack` s. `level`: (-, -, 1, how
    fast it dies once the key is let go, s). Players' vibrato is unused: no discharge has a player's."""

    kind: str
    drive: str = "burst"
    ontime: float = 1e-4
    duty: float = 0.08
    swing: float = 0.7
    mu: float = 0.0
    onset: float = 0.0
    thermal: float = 0.0
    crackle: float = 0.03
    crackle_band: tuple[float, float] = (1000.0, 8000.0)
    gating: float = 0.0
    strike: float = 0.0
    glide: float = 0.05
    wander: float = 0.0
    wander_rate: float = 0.7
    attack: float = 0.004
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.01)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A discharge's sound in the kit (struck_render.Drum's partials and noise), and `grains` more at
    random within `spread` s, each at up to its share of the first (a rotary gap's sparks, a
    ladder's frying), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
SparkSet = struck_render.StruckSet[Instrument, Struck]

# The chords: a solid-state singing coil's streamers (bursts of 120 us at most, 8% of the period);
# Duddell's singing arc, its swing well under its direct current; a flyback's plasma arc switched on
# for three eighths of each period.
SINGING_COIL = Instrument("solid-state singing Tesla coil", drive="burst", ontime=1.2e-4, duty=0.08,
                          thermal=8e-5, crackle=0.06, crackle_band=(1500.0, 9000.0), gating=12.0,
                          attack=0.003, level=(0.0, 0.0, 1.0, 0.01))  # fmt: skip
DUDDELL = Instrument("Duddell's singing arc", drive="arc", swing=0.7, mu=1.2, thermal=1.5e-4,
                     crackle=0.03, crackle_band=(800.0, 6000.0), strike=8.0, glide=0.06, wander=1.5,
                     wander_rate=0.6, attack=0.02, level=(0.0, 0.0, 1.0, 0.04))  # fmt: skip
PLASMA = Instrument("flyback's plasma arc", drive="square", duty=0.375, thermal=1e-4, crackle=0.025,
                    crackle_band=(2000.0, 9000.0), gating=2.0, attack=0.005,
                    level=(0.0, 0.0, 1.0, 0.015))  # fmt: skip
# Held: a vacuum-tube coil's flame, its carrier modulated by the note; Duddell's arc held.
FLAME_HELD = Instrument("vacuum-tube Tesla coil's flame held", drive="envelope", swing=0.8,
                        thermal=8e-5, crackle=0.03, crackle_band=(1200.0, 8000.0), attack=0.04,
                        level=(0.0, 0.0, 1.0, 0.08))  # fmt: skip
DUDDELL_HELD = Instrument("Duddell's singing arc held", drive="arc", swing=0.75, mu=1.0, thermal=1.5e-4,
                          crackle=0.025, crackle_band=(800.0, 6000.0), strike=6.0, glide=0.1,
                          wander=1.2, wander_rate=0.5, attack=0.05,
                          level=(0.0, 0.0, 1.0, 0.1))  # fmt: skip
# The basses: a big coil's long streamers (bursts of 250 us, its bridge held to 6% of the period);
# an arc driven past its direct current, going out for part of each period.
BIG_COIL = Instrument("big Tesla coil's long streamers", drive="burst", ontime=2.5e-4, duty=0.06,
                      thermal=1.2e-4, crackle=0.08, crackle_band=(800.0, 6000.0), gating=10.0,
                      attack=0.004, level=(0.0, 0.0, 1.0, 0.015), gain=1.2)  # fmt: skip
SECOND_REGIME = Instrument("singing arc in its second regime", drive="arc", swing=1.6, mu=0.8,
                           thermal=2e-4, crackle=0.04, crackle_band=(600.0, 5000.0), strike=10.0,
                           glide=0.08, wander=2.0, wander_rate=0.4, attack=0.025,
                           level=(0.0, 0.0, 1.0, 0.05), gain=1.2)  # fmt: skip
# The leads: a kit coil's thin streamers (bursts of 60 us, 10% of the period at most); Simon's
# speaking arc swung by a valve oscillator; Klein's ionophone, a corona swung over its onset.
KIT_COIL = Instrument("kit Tesla coil's thin streamers", drive="burst", ontime=6e-5, duty=0.1,
                      thermal=5e-5, crackle=0.05, crackle_band=(2500.0, 10000.0), gating=14.0,
                      attack=0.002, level=(0.0, 0.0, 1.0, 0.01), gain=0.9)  # fmt: skip
SPEAKING_ARC = Instrument("Simon's speaking arc", drive="arc", swing=0.9, mu=0.5, thermal=1e-4,
                          crackle=0.03, crackle_band=(1000.0, 7000.0), strike=4.0, glide=0.05,
                          wander=1.0, wander_rate=0.8, attack=0.015, level=(0.0, 0.0, 1.0, 0.03),
                          gain=0.9)  # fmt: skip
IONOPHONE = Instrument("Klein's ionophone", drive="corona", swing=0.8, onset=0.6, thermal=5e-5,
                       crackle=0.04, crackle_band=(3000.0, 10000.0), gating=1.0, attack=0.01,
                       level=(0.0, 0.0, 1.0, 0.02), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on a singing coil, Duddell's
# arc and the plasma arc; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: FLAME_HELD,
        52: DUDDELL_HELD,
        90: SINGING_COIL,
        26: DUDDELL,
        12: PLASMA,
        38: BIG_COIL,
        34: SECOND_REGIME,
        80: KIT_COIL,
        84: SPEAKING_ARC,
        79: IONOPHONE,
    }


def _closed(metres: float, amplitude: float, decay: float, modes: int = 2) -> struck_render.Partials:
    """A tube closed at one end (a coil's plastic former under a palm): its first `modes` resonances
    at (2k - 1) c / (4 L)."""
    base = SOUND_SPEED / (4.0 * metres)
    return tuple(((2 * k - 1) * base, amplitude / k, decay / k) for k in range(1, modes + 1))


def _ring(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A thin ring or shell struck (a topload, a Leyden jar, a discharge ring): its inextensional modes
    n = 2, 3 and 4, at n (n^2 - 1) / sqrt(n^2 + 1) over the first's, 2.83 and 5.42 times it."""
    return (
        (hz, amplitude, decay),
        (2.83 * hz, 0.45 * amplitude, 0.6 * decay),
        (5.42 * hz, 0.2 * amplitude, 0.4 * decay),
    )


def _bar(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A bar struck, free at both ends (a contactor's armature, an insulator, a core's yoke): its first
    two bending modes, the second at 2.756 times the first."""
    return ((hz, amplitude, decay), (2.756 * hz, 0.4 * amplitude, 0.5 * decay))


def _drums() -> dict[int, Struck]:
    return {
        # A Marx generator's long spark, its thunder rolling off the lab's walls, and a can crusher's
        # work coil jumping in its clamp (the bass drums); the toploads of three sizes struck (the toms).
        36: Struck(((58.0, 1.0, 0.12), (92.0, 0.5, 0.07)), (40.0, 500.0), 0.04, 1.3),
        35: Struck(((46.0, 1.0, 0.15), (74.0, 0.4, 0.08)), (40.0, 350.0), 0.03, 1.2),
        41: Struck(_ring(120.0, 1.0, 0.13), (150.0, 1500.0), 0.01, 0.9),
        45: Struck(_ring(165.0, 1.0, 0.11), (200.0, 2000.0), 0.01, 0.9),
        48: Struck(_ring(220.0, 1.0, 0.09), (250.0, 2500.0), 0.01, 0.9),
        # A spark gap's crack (the snare), a rotary gap's train of sparks (the other snare); a
        # contactor's clack (the side stick); a Van de Graaff's snap onto a knuckle (the clap).
        38: Struck((), (1000.0, 9000.0), 0.06, 0.9),
        40: Struck((), (1500.0, 9000.0), 0.008, 0.9, grains=9, spread=0.1),
        37: Struck(_bar(1900.0, 1.0, 0.01), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck((), (1200.0, 8000.0), 0.015, 0.8, grains=3, spread=0.025),
        # A piezo igniter's click (the closed hat), a relay's tick (the pedal), a corona brush's hiss
        # (the open hat); a Jacob's ladder frying as its arc climbs (the ride) and a fuse blowing (the
        # crash); a transformer's core struck (the cowbell) and a Leyden jar's glass struck (the bell).
        42: Struck(((5200.0, 0.3, 0.003),), (4000.0, 10000.0), 0.008, 0.35),
        44: Struck((), (2500.0, 8000.0), 0.004, 0.3),
        46: Struck((), (3000.0, 10000.0), 0.15, 0.35),
        51: Struck((), (2000.0, 9000.0), 0.005, 0.35, grains=12, spread=0.12),
        49: Struck((), (500.0, 9000.0), 0.25, 0.4, grains=5, spread=0.12),
        56: Struck(_bar(610.0, 1.0, 0.1), (700.0, 4000.0), 0.004, 0.4),
        53: Struck(_ring(1150.0, 1.0, 0.4), gain=0.35),
        # A porcelain insulator struck (the claves), the coils' plastic formers tapped (the wood
        # blocks: closed under the palm, c / (4 L)), a Wimshurst machine's brushes crackling (the
        # tambourine), the quench blower's puff across the gap (the maracas), the discharge ring
        # struck muted and left to ring (the triangles).
        75: Struck(_bar(2300.0, 1.0, 0.025), (2000.0, 7000.0), 0.002, 0.5),
        76: Struck(_closed(0.09, 1.0, 0.015, 1), (1500.0, 6000.0), 0.002, 0.5),
        77: Struck(_closed(0.14, 1.0, 0.018, 1), (1200.0, 5000.0), 0.002, 0.5),
        54: Struck(((2600.0, 0.2, 0.008),), (2500.0, 9000.0), 0.01, 0.4, grains=6, spread=0.05),
        70: Struck((), (500.0, 3500.0), 0.035, 0.3),
        80: Struck(_ring(1600.0, 1.0, 0.05), gain=0.35),
        81: Struck(_ring(1600.0, 1.0, 0.8), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, spark_set: SparkSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one sound,
    as a polyphonic interrupter fires one coil for all its notes); the drum channel through the set's
    kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, spark_set, _SOUNDED, lambda p: True
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def on_share(patch: Instrument, hz: float, velocity: int, notes: int) -> float:
    """The share of a period a coil's burst takes: its on-time, 0.4-1 of `ontime` by velocity, times
    the note's frequency, never past the bridge's `duty` shared among a chord's `notes`."""
    return float(min(patch.ontime * (0.4 + 0.6 * velocity / 127.0) * hz, patch.duty / notes))


def heat(patch: Instrument, hz: float, velocity: int = 127, notes: int = 1) -> Signal:
    """The heat the discharge gives the air over one period (PERIOD points from the burst's start or
    the swing's zero), in its own units, by its `drive` (DRIVES)."""
    x = np.arange(PERIOD) / PERIOD
    if patch.drive == "burst":
        width = on_share(patch, hz, velocity, notes)
        return np.asarray(np.where(x < width, (x / width) ** 2, 0.0))
    if patch.drive == "square":
        return np.asarray((x < patch.duty).astype(np.float64))
    turn = 2.0 * np.pi * x
    if patch.drive == "arc":
        current = 1.0 + patch.swing * (np.sin(turn) - patch.mu / 8.0 * np.sin(3.0 * turn))
        return np.asarray(np.maximum(current, 0.0))
    swung = 1.0 + patch.swing * np.sin(turn)
    if patch.drive == "envelope":
        return np.asarray(np.maximum(swung, 0.0) ** 2)
    return np.asarray(swung**2 * np.maximum(swung - patch.onset, 0.0))  # the corona: V x C V (V - V0)


def spectrum(patch: Instrument, hz: float, harmonics: int, velocity: int = 127,
             notes: int = 1) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The harmonics (complex, the loudest 1 in size): the heat's, through the gas's two thermal lags
    (1 / (1 + j 2 pi n f thermal)^2), radiated as its rate of change (j n); the first never under
    FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    given = np.fft.rfft(heat(patch, hz, velocity, notes))[1 : harmonics + 1] / (PERIOD / 2)
    out = given * 1j * n / (1.0 + 2j * np.pi * n * hz * patch.thermal) ** 2
    out = out / (float(np.abs(out).max()) or 1.0)
    if abs(out[0]) < FUNDAMENTAL_FLOOR:
        out[0] = FUNDAMENTAL_FLOOR * (out[0] / abs(out[0]) if abs(out[0]) else 1.0)
    return np.asarray(out / float(np.abs(out).max()))


def power(patch: Instrument, held: float, velocity: int, times: Signal) -> Signal:
    """The discharge's level at `times` s: starting over `attack` s as the key goes down, held while it
    is down, dying over the level's fall once it is let go; 0.6-1 by velocity."""
    return struck_render.held_level(patch.attack, patch.level[3], held, velocity, times)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, harmonics: int,
           notes: int = 1) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the spectrum's sizes under the power."""
    sizes = np.abs(spectrum(patch, hz, harmonics, velocity, notes))
    return np.asarray(power(patch, held, velocity, frames)[:, None] * sizes[None, :])


def crackling(patch: Instrument, velocity: int) -> float:
    """The discharge's crackle or frying against the tone: `crackle` at the hardest velocity, falling
    with its square below it (a longer streamer, a hotter arc, is the noisier)."""
    return float(patch.crackle * (velocity / 127.0) ** 2)


def bend(patch: Instrument, times: Signal, phase: float = 0.0) -> Signal:
    """The pitch at `times` s against the note, in cents: `strike` under as the arc strikes, settling
    over `glide` s, then wandering `wander` cents at `wander_rate` Hz from `phase`."""
    wandering = patch.wander * np.sin(2.0 * np.pi * patch.wander_rate * times + phase)
    return np.asarray(-patch.strike * np.exp(-times / patch.glide) + wandering)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together for `held` seconds at `velocity` (a coil's bursts
    sharing its bridge among them). What varies (the wander's phase, the crackle's noise) is drawn
    with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    noisy = crackling(patch, velocity)
    level = np.interp(times, frames, power(patch, held, velocity, frames))
    level /= float(level.max()) or 1.0

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        shape = spectrum(patch, hz, harmonics, velocity, len(pitches))
        weights = levels(patch, hz, held, velocity, frames, harmonics, len(pitches))
        cents = bend(patch, times, float(rng.uniform(0.0, 2.0 * np.pi)))
        phase = 2.0 * np.pi * np.cumsum(hz * 2.0 ** (cents / 1200.0)) / sample_rate
        # The heat's own phases (a sine's from a cosine's), so the wave is the pressure's shape.
        tone = struck_render.harmonic_tone(weights, frames, times, phase, np.angle(shape) + np.pi / 2.0)
        low, high = patch.crackle_band
        band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
        noise = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        bursts = (0.5 + 0.5 * np.cos(phase)) ** patch.gating  # a streamer crackles as its burst fires
        return tone, np.asarray(noisy * noise * bursts * level)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


SPARK_SET = SparkSet(
    root=Path(__file__).with_name("spark-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("spark-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
SPARK_SETS = {SPARK_SET.root: SPARK_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
