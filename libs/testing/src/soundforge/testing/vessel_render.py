"""Notes to audio by vessel flutes and blown vessels, computed in numpy: a Budrio ocarina's glazed
clay, a Chinese xun's egg of fired earth, a Korean hun's, an English pendant ocarina's, a gemshorn's
cow horn closed at its tip, a bass ocarina's, bottles blown across their mouths as a bottle band
blows them, a consort of ocarinas a player to a note, and a jug buzzed into by a jug band's lips.
Each vessel is a Helmholtz resonator, not an air column: the air in its neck, window or finger holes
swings as a mass on the spring of the air inside, so it has one resonance (at c / (2 pi)
sqrt(A / (V L)), the holes' open area A setting the note whatever holes they are), and no second
one on its harmonics -- the vessel's own cavity mode lies far above, where its size and not the
note puts it. A player's breath makes a jet across the window's edge (the labium); the jet,
deflected by the air swinging in the window, blows now into the vessel and now out of it, its flow
saturating as it leaves the edge's one side altogether (tanh of the swing, `jet` how far past the
edge it goes, the jet set `offset` off the edge for the even harmonics). The resonator takes the
jet's harmonics at 1 / |1 - n^2 + j n / Q| against Q on the note (a pure tone, the harmonics far
under it, as an ocarina's are), radiated from the window as the flow's rate of change (n times),
and a share `edge` of the jet's own flow heard unfiltered at the window. A jug is a resonator
tuned to one note and driven by lips buzzing at the player's note (a lip reed's pulses, their
harmonics falling as n^-`lips`), so it lifts whichever harmonic lies near its own resonance. The
breath's turbulence is heard twice: through the vessel (noise filtered by its resonance at the
note) and as a hiss at the window; a tongued note starts with a chiff, and its pitch rises onto
the note as the pressure builds, since a vessel flute's pitch climbs with the breath; a player's
breath vibrato swells the level and, a few cents, the pitch; once the breath stops, the resonator
rings down over Q / (pi f). And a kit of the players' and the vessels' own sounds: a jug's mouth
slapped by the palm, a big clay pot's mouth cupped and struck, a finger popped from a bottle's neck,
a cork drawn, a tongue-ram into an ocarina's windway, breath chuffed across a window, bottles
clinked, water sloshed in a bottle, a fingernail ticked on a glazed ocarina, a spoon on a jug's
shoulder -- ringing resonances and noise, a cork's pop gliding up, the slosh's drops as grains, no
recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

HARMONICS = 24  # the note's harmonics, at most (a vessel's are faint well before)
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
PERIOD = 512  # points one period of the jet's flow is worked out at
FRAME = 0.004  # s: the step the breath's pressure is worked out at (straight lines between)
_FADE = 0.01  # s: the fade at a sound's cut end
_CHIFF = 0.02  # s: how fast a tongued onset's chiff dies
_SALT = 7919  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A vessel blown. Its resonance has quality factor `q`; the jet swings `jet` past the window's
    edge (its flow tanh of that), `offset` off the edge; `edge` of the jet's flow is heard unfiltered
    at the window; the vessel's cavity mode at `cavity` Hz (quality `cavity_q`) lifts the harmonics
    near it by up to `cavity_lift` of the note. Where `lips` is not 0, lips buzzing at the note drive
    it instead (harmonics at n^-`lips`) and the resonance stays at `tuned` Hz. The breath's
    turbulence sounds through the resonance at `breath` of the note and as a hiss at `hiss` over
    `hiss_band` Hz; a tongued onset's chiff at `chiff`; the pitch rises onto the note from `rise`
    cents under it over `speak` s. `level`: (the breath's rise s, -, 1: it holds while the key is
    down, the breath's fall s once it is let go; the resonator rings on over Q / (pi f) too). The
    breath vibrato: `vibrato` cents at `rate` Hz after `delay` s, the level swelling by `swell`."""

    kind: str
    q: float = 30.0
    jet: float = 2.0
    offset: float = 0.15
    edge: float = 0.15
    cavity: float = 2500.0
    cavity_q: float = 8.0
    cavity_lift: float = 0.05
    lips: float = 0.0
    tuned: float = 0.0
    breath: float = 0.03
    hiss: float = 0.015
    hiss_band: tuple[float, float] = (2000.0, 8000.0)
    chiff: float = 0.05
    rise: float = 15.0
    speak: float = 0.03
    swell: float = 0.08
    level: tuple[float, float, float, float] = (0.03, 0.0, 1.0, 0.05)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A player's or a vessel's sound in the kit (struck_render.Drum's partials and noise), and
    `grains` more at random within `spread` s, each at up to its share of the first (the drops
    sloshing in a bottle), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
VesselSet = struck_render.StruckSet[Instrument, Struck]

# The chords: bottles blown across their mouths, a player to a bottle, the water in each tuning it
# (a low Q, breathy); a consort of Budrio ocarinas, a player to a note; a xun's consort, dark and
# breathy, its clay egg's cavity low.
BOTTLES = Instrument("bottle blown across", q=18.0, jet=1.6, offset=0.1, edge=0.1, cavity=1800.0,
                     breath=0.06, hiss=0.03, hiss_band=(1500.0, 7000.0), chiff=0.03, rise=10.0,
                     vibrato=4.0, rate=4.5, swell=0.1, level=(0.05, 0.0, 1.0, 0.06))  # fmt: skip
OCARINAS = Instrument("consort of Budrio ocarinas", q=35.0, jet=2.2, offset=0.18, edge=0.15,
                      cavity=2600.0, breath=0.025, hiss=0.012, chiff=0.06, rise=15.0, vibrato=6.0,
                      rate=5.5, delay=0.25)  # fmt: skip
XUN = Instrument("xun's consort", q=22.0, jet=1.4, offset=0.08, edge=0.08, cavity=1400.0,
                 cavity_lift=0.08, breath=0.07, hiss=0.03, hiss_band=(1000.0, 6000.0), chiff=0.04,
                 rise=20.0, speak=0.05, swell=0.12, level=(0.06, 0.0, 1.0, 0.08))  # fmt: skip
# Held: bottles blown long; a double ocarina's two chambers, each holding its note.
BOTTLES_HELD = Instrument("bottles blown long", q=18.0, jet=1.5, offset=0.1, edge=0.1, cavity=1800.0,
                          breath=0.06, hiss=0.03, hiss_band=(1500.0, 7000.0), chiff=0.0, rise=8.0,
                          speak=0.06, vibrato=3.0, rate=4.0, delay=0.5, swell=0.08,
                          level=(0.12, 0.0, 1.0, 0.12))  # fmt: skip
DOUBLE = Instrument("double ocarina's chambers", q=40.0, jet=2.0, offset=0.15, edge=0.12, cavity=2200.0,
                    breath=0.02, hiss=0.01, chiff=0.03, rise=12.0, speak=0.05, vibrato=3.0, rate=5.0,
                    delay=0.5, swell=0.05, level=(0.08, 0.0, 1.0, 0.1))  # fmt: skip
# The basses: a jug buzzed into by the lips, its resonance tuned low and broad; a bass ocarina's big
# chamber.
JUG = Instrument("jug buzzed into", q=4.0, lips=1.3, tuned=110.0, edge=0.0, cavity=900.0,
                 cavity_lift=0.1, cavity_q=4.0, breath=0.02, hiss=0.008, hiss_band=(600.0, 3000.0),
                 chiff=0.02, rise=25.0, speak=0.04, swell=0.1, level=(0.04, 0.0, 1.0, 0.06),
                 gain=1.2)  # fmt: skip
BASS_OCARINA = Instrument("bass ocarina", q=28.0, jet=2.6, offset=0.2, edge=0.2, cavity=1100.0,
                          cavity_lift=0.06, breath=0.04, hiss=0.015, hiss_band=(1200.0, 6000.0),
                          chiff=0.05, rise=15.0, speak=0.05, level=(0.05, 0.0, 1.0, 0.08),
                          gain=1.2)  # fmt: skip
# The leads: an English pendant ocarina's, quick and bright; a gemshorn's, its horn's taper
# brightening it; a Korean hun's, slow and dark.
PENDANT = Instrument("pendant ocarina", q=45.0, jet=2.8, offset=0.2, edge=0.18, cavity=3500.0,
                     breath=0.02, hiss=0.012, hiss_band=(2500.0, 9000.0), chiff=0.07, rise=15.0,
                     speak=0.02, vibrato=8.0, rate=6.0, delay=0.2, gain=0.9)  # fmt: skip
GEMSHORN = Instrument("gemshorn", q=25.0, jet=3.0, offset=0.25, edge=0.3, cavity=2000.0,
                      cavity_lift=0.1, cavity_q=5.0, breath=0.03, hiss=0.015, chiff=0.05, rise=12.0,
                      vibrato=5.0, rate=5.0, delay=0.3, gain=0.9)  # fmt: skip
HUN = Instrument("hun", q=20.0, jet=1.3, offset=0.05, edge=0.06, cavity=1200.0, breath=0.08, hiss=0.035,
                 hiss_band=(900.0, 5000.0), chiff=0.03, rise=20.0, speak=0.06, vibrato=7.0, rate=4.0,
                 delay=0.4, swell=0.15, level=(0.07, 0.0, 1.0, 0.1), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on bottles, ocarinas and a
# xun's consort; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: BOTTLES_HELD,
        49: DOUBLE,
        76: BOTTLES,
        79: OCARINAS,
        77: XUN,
        33: JUG,
        34: BASS_OCARINA,
        75: PENDANT,
        78: GEMSHORN,
        72: HUN,
    }


def _vessel(hz: float, q: float, amplitude: float) -> tuple[float, float, float]:
    """A Helmholtz resonance struck or popped: its one mode, ringing over Q / (pi f)."""
    return (hz, amplitude, q / (np.pi * hz))


def _drums() -> dict[int, Struck]:
    return {
        # A jug's mouth slapped by the palm (the bass drums); bottles' necks popped by a finger (the
        # toms: their resonances and the pop's hiss).
        36: Struck((_vessel(62.0, 6.0, 1.0), _vessel(410.0, 4.0, 0.15)), (60.0, 600.0), 0.015, 1.3),
        35: Struck((_vessel(54.0, 6.0, 1.0), _vessel(370.0, 4.0, 0.15)), (60.0, 500.0), 0.015, 1.2),
        41: Struck((_vessel(170.0, 10.0, 1.0), _vessel(1900.0, 6.0, 0.1)), (200.0, 2500.0), 0.008, 0.9),
        45: Struck((_vessel(230.0, 10.0, 1.0), _vessel(2100.0, 6.0, 0.1)), (250.0, 3000.0), 0.008, 0.9),
        48: Struck((_vessel(310.0, 10.0, 1.0), _vessel(2400.0, 6.0, 0.1)), (300.0, 3500.0), 0.007, 0.9),
        # A tongue-ram into an ocarina's windway (the snares: its resonance knocked and the breath's
        # burst); a cork drawn from a bottle, its pop gliding up (the side stick); breath chuffed
        # across a window three times (the clap).
        38: Struck((_vessel(520.0, 8.0, 0.7), _vessel(2700.0, 8.0, 0.2)), (1200.0, 7000.0), 0.05, 0.9),
        40: Struck((_vessel(470.0, 8.0, 0.7), _vessel(2500.0, 8.0, 0.2)), (1000.0, 6500.0), 0.045, 0.9),
        37: Struck(((700.0, 1.0, 0.012),), (800.0, 4000.0), 0.004, 0.6, sweep=-0.6, glide=0.01),
        39: Struck(((900.0, 0.3, 0.01),), (900.0, 6000.0), 0.02, 0.7, grains=2, spread=0.03),
        # Breath chuffed across a window, short (the closed hat), through closed lips (the pedal),
        # long (the open hat); bottles clinked together (the crash, the ride); a spoon on a jug's
        # shoulder (the cowbell) and on its handle (the bell).
        42: Struck((), (3500.0, 10000.0), 0.012, 0.35),
        44: Struck((), (2500.0, 7000.0), 0.008, 0.3),
        46: Struck((), (3000.0, 10000.0), 0.09, 0.35),
        49: Struck(
            ((2850.0, 0.6, 0.2), (6720.0, 0.4, 0.12), (8350.0, 0.2, 0.08)),
            (4000.0, 10000.0),
            0.1,
            0.4,
            grains=3,
            spread=0.08,
        ),
        51: Struck(((3310.0, 1.0, 0.35), (7150.0, 0.4, 0.2)), (5000.0, 10000.0), 0.005, 0.35),
        56: Struck(((830.0, 1.0, 0.08), (2290.0, 0.4, 0.04)), (1000.0, 5000.0), 0.004, 0.4),
        53: Struck(((1510.0, 1.0, 0.3), (4010.0, 0.4, 0.15)), gain=0.35),
        # A fingernail ticked on a glazed ocarina (the claves, the wood blocks), water sloshed in a
        # bottle, its drops ringing the neck (the tambourine), the breath hissed through the teeth
        # (the maracas), a finger flicked on a bottle's belly, damped or left to ring (the triangles).
        75: Struck(((2480.0, 1.0, 0.015), (5900.0, 0.3, 0.006)), (2000.0, 7000.0), 0.002, 0.5),
        76: Struck(((1870.0, 1.0, 0.02), (4400.0, 0.3, 0.008)), (1500.0, 6000.0), 0.002, 0.5),
        77: Struck(((1290.0, 1.0, 0.025), (3150.0, 0.3, 0.01)), (1200.0, 5000.0), 0.002, 0.5),
        54: Struck(((1150.0, 0.4, 0.03),), (1500.0, 6000.0), 0.02, 0.4, grains=6, spread=0.06),
        70: Struck((), (4000.0, 10000.0), 0.03, 0.3),
        80: Struck(((1760.0, 1.0, 0.05), (4630.0, 0.3, 0.03)), gain=0.35),
        81: Struck(((1760.0, 1.0, 0.6), (4630.0, 0.3, 0.3)), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, vessel_set: VesselSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord a vessel
    to a note, as a bottle band's or a consort's players blow them); the drum channel through the
    set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, vessel_set, _SOUNDED, lambda p: True
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def jet_flow(patch: Instrument, blow: float, harmonics: int) -> Signal:
    """The flow the jet drives the vessel with, harmonic by harmonic: one period of
    tanh(blow sin + offset) (the jet swinging `blow` past the edge, `offset` off it), its harmonics'
    magnitudes; where the lips drive it, a lip reed's pulses, n^-`lips`."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    if patch.lips:
        return np.asarray(n**-patch.lips)
    theta = 2.0 * np.pi * np.arange(PERIOD) / PERIOD
    flow = np.tanh(blow * np.sin(theta) + patch.offset)
    return np.asarray(np.abs(np.fft.rfft(flow))[1 : harmonics + 1] / (PERIOD / 2))


def resonance(patch: Instrument, hz: float, harmonics: int) -> Signal:
    """The vessel's response at each harmonic against its own resonance's peak: the Helmholtz
    resonance (on the note, or at `tuned` Hz for a jug), 1 / |1 - r^2 + j r / Q| over Q for r the
    harmonic's frequency over the resonance's, and its cavity mode's, `cavity_lift` at its peak."""
    f = np.arange(1, harmonics + 1, dtype=np.float64) * hz
    r = f / (patch.tuned or hz)
    helmholtz = 1.0 / np.abs(1.0 - r**2 + 1j * r / patch.q) / patch.q
    c = f / patch.cavity
    mode = patch.cavity_lift / np.abs(1.0 - c**2 + 1j * c / patch.cavity_q) / patch.cavity_q
    return np.asarray(helmholtz + mode)


def spectrum(patch: Instrument, hz: float, velocity: int, harmonics: int) -> Signal:
    """The harmonics' levels (the loudest 1): the jet's (or the lips') flow through the vessel,
    radiated as its rate of change (n times), with `edge` of the flow heard at the window; the first
    never under FUNDAMENTAL_FLOOR of the loudest. A harder breath (velocity) swings the jet further."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    flow = jet_flow(patch, patch.jet * (0.7 + 0.3 * velocity / 127.0), harmonics)
    out = n * flow * (resonance(patch, hz, harmonics) + patch.edge)
    out = out / float(out.max())
    out[0] = max(out[0], FUNDAMENTAL_FLOOR)
    return np.asarray(out / float(out.max()))


def breathed(patch: Instrument, held: float, velocity: int, hz: float, times: Signal) -> Signal:
    """The breath's pressure at `times` s: rising over the first of `level`, held while the key is
    down, falling over its last once let go (and the resonator ringing on over Q / (pi f)), 0.6-1 by
    velocity, swelling by `swell` with the vibrato."""
    attack, _, _, release = patch.level
    ring = max(release, patch.q / (np.pi * (patch.tuned or hz)))
    on = 1.0 - np.exp(-times / attack)
    off = np.exp(-np.maximum(times - max(held, 0.05), 0.0) / ring)
    swelling = 1.0 + patch.swell * _vibrato(patch, times)
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * on * off * swelling)


def _vibrato(patch: Instrument, times: Signal) -> Signal:
    """The breath vibrato's swing (-1 to 1) at `times`: none before `delay`, growing in over as long."""
    grow = np.clip((times - patch.delay) / max(patch.delay, 0.05), 0.0, 1.0)
    return np.asarray(grow * np.sin(2.0 * np.pi * patch.rate * np.maximum(times - patch.delay, 0.0)))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the note's spectrum under the
    breath's pressure (breathed), the first never under FUNDAMENTAL_FLOOR of the loudest."""
    pressure = breathed(patch, held, velocity, hz, frames)
    return np.asarray(pressure[:, None] * spectrum(patch, hz, velocity, harmonics)[None, :])


def bend(patch: Instrument, times: Signal) -> Signal:
    """The pitch at `times` s against the note, in cents: rising from `rise` under it over `speak` s as
    the breath's pressure builds, then swinging `vibrato` cents with the breath."""
    return np.asarray(-patch.rise * np.exp(-times / patch.speak) + patch.vibrato * _vibrato(patch, times))


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a vessel to each) blown for `held` seconds at `velocity`. What
    varies (the harmonics' phases, the breath's noise, the chiff) is drawn with `seed` (the note's
    own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    ring = max(patch.level[3], patch.q / (np.pi * (patch.tuned or lowest)))
    size = int((max(held, 0.05) + 6.0 * ring + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    cents = bend(patch, times)
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        pressure = np.interp(times, frames, weights[:, 0] / (float(weights[:, 0].max()) or 1.0))
        phase = 2.0 * np.pi * np.cumsum(hz * 2.0 ** (cents / 1200.0)) / sample_rate
        offsets = rng.uniform(0.0, 2.0 * np.pi, harmonics)
        tone = struck_render.harmonic_tone(weights, frames, times, phase, offsets)
        white = rng.standard_normal(times.size)
        centre = min(patch.tuned or hz, 0.45 * sample_rate)
        b, a = signal.iirpeak(centre, min(patch.q, centre / 5.0), fs=sample_rate)
        through = signal.lfilter(b, a, white)
        through /= float(np.abs(through).max()) or 1.0
        hiss = struck_render.band_noise(
            int(rng.integers(2**31)), patch.hiss_band, 1.0, times.size, sample_rate
        )
        breath = (patch.breath * through + patch.hiss * hiss) * pressure
        chiff = patch.chiff * hiss * np.exp(-times / _CHIFF)
        return tone, np.asarray(breath + chiff)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


VESSEL_SET = VesselSet(
    root=Path(__file__).with_name("vessel-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("vessel-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
VESSEL_SETS = {VESSEL_SET.root: VESSEL_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
