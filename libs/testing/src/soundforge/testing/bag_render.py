"""Notes to audio by bagpipes, computed in numpy: a Great Highland bagpipe's chanters, a pipe band's,
and its drones; Scottish smallpipes, bellows-blown; a zampogna's two chanters, the big left-hand one
(the manca) playing under the right; the uilleann pipes' chanter, its drones and its bass regulator,
all blown by a bellows under the arm; Northumbrian smallpipes, their chanter closed at its foot; and a
Bulgarian gaida. In each the piper fills a bag, and the bag's pressure, held by the arm, drives every
reed at once: the fingers choose the note and nothing else, so every note sounds as loud as the last
(a bag has no dynamics, whatever the velocity says).
A chanter's double reed beats, shut for `shut` of each period and open for the rest, and the flow
through it is a clipped cosine of the note's period, max(0, cos theta - cos(pi open)), so the note's
harmonics alone: a reed shut longer sends a narrower pulse, richer in harmonics. The flow drives the
bore, whose resonances stand at every harmonic of the first where it is a cone (a Highland chanter's,
a zampogna's, an uilleann chanter's, a gaida's) and at the odd ones alone where it is a cylinder closed
at the reed (smallpipes' chanters, every drone), Q `column`, a truncated cone's stretched a little
above the harmonics (`stretch`). The open tone holes let the bore's highs out past the lattice's
cutoff (`cutoff`, lifted `holes` times there, falling 12 dB an octave above it), and the holes and the
bell radiate as the frequency up to c / 2 pi r (r the hole's radius), flat above. The reed's rasp, its
turbulence, sounds through the same bore (`rasp`). The bag's pressure swings slowly as the piper
blows or pumps and squeezes (`blow` Hz, by `swell` of it): at its top the reed is pushed shut for
longer, brighter, and `sag` cents a percent sharper, never far off the note.
A chanter cannot be tongued: the piper starts each note, and parts it from the last, with a
gracenote, the chanter's upper octave for `grace` s as a finger lifts high, then the note (a Highland
piper's, a smallpipe player's, an uilleann piper's cut, a gaida player's); a closed chanter
(Northumbrian) stops dead when every finger is down, so its notes are apart, and a regulator sounds
only while its key is pressed. A Highland drone set sounds its note on two tenors, a breath apart in
tuning so that they beat slowly, an uilleann set on its one tenor; and `drones` more pipes under it
(the Highland bass an octave down, the uilleann baritone and bass an octave and two down), none under
LOWEST_DRONE Hz.
And a kit of a pipe band's drum corps and the pipers' own sounds, none of them held: the band's bass
drum (the bass drum) and the bag slapped by the palm (the other), the pipe band's snare, its head
tight, its wires buzzing (the snare), its head cracked at the edge (the other), a drone's stock
knocked (the side stick), the bag squeezed hard, its air chuffing from the drones (the clap), the
tenor drums swung at six sizes (the toms), the snare's wires tapped alone (the closed hat), the
blowpipe's valve clicking shut (the pedal hat), the bag's air hissing out of an unstopped drone (the
open hat), the drones' ring caps and ferrules rattled together (the crash), a drone's ferrule tapped
with a stick's tip (the ride), the chanter's metal sole tapped (its bell), the drone cords' tassels
and ferrules shaken (the tambourine), a tenor drum's hoop struck (the cowbell), the bag's cover
brushed (the cabasa), the snare's wires flicked (the maracas), two drumsticks clicked, the drummers'
count-in (the claves) and the snare's shell knocked high and the bass drum's low (the wood blocks) --
ringing modes and noise, the wires' buzz and the ferrules' rattle as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

HARMONICS = 32  # a note's harmonics, at most
PERIOD = 256  # points one period of the reed's flow is worked out at (its harmonics by an FFT)
FUNDAMENTAL_FLOOR = 0.3  # the note's harmonic is never under this share of the loudest
FRAME = 0.004  # s: the step the harmonics' levels are worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s: the bore's air
LOWEST_DRONE = 30.0  # Hz: a drone pipe under this is not sounded (no bag's pipe speaks there to be heard)
BLOWN = 100  # the velocity every note sounds at: the bag's pressure sets the level, never the finger
_CROSS = 0.003  # s: the gracenote's hand-over to the note, a finger coming down
_SHORTEST = 0.05  # s: a note held this long at least
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7027  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A bagpipe's reed and its bore. The reed is shut `shut` of each period, a share that grows with
    the bag's pressure. The bore, a cone or (`cylindrical`) a cylinder closed at the reed, resonates at
    the harmonics (the odd ones, cylindrical) of the note, the m-th stretched by `stretch` (m - 1), Q
    `column`; its tone holes pass its highs out past `cutoff` Hz (0: none, a drone's), `holes` times at
    it; its holes and bell, `radius` m, radiate. `rasp`: the reed's turbulence against the note, through
    the bore over `rasp_band` times the note. The bag swings by `swell` of its pressure at `blow` Hz,
    the reed `sag` cents sharper a percent over. `grace`: the gracenote's s (0: none), `cut` semitones
    over the note. `drones`: (semitones from the note, level) of the pipes sounding under it. `speak`:
    s the reed takes to sound; `level`: -, -, 1 (the note holds while the fingers do), stopping over
    the last s once it ends; Players' voices (a drone set's tenors), `detune` cents apart; a `scoop`
    and a vibrato where the piper's fingers make one."""

    kind: str
    cylindrical: bool = False
    shut: float = 0.4
    column: float = 10.0
    stretch: float = 0.004
    cutoff: float = 1500.0
    holes: float = 1.4
    radius: float = 0.005
    rasp: float = 0.03
    rasp_band: tuple[float, float] = (1.0, 14.0)
    blow: float = 0.3
    swell: float = 0.02
    sag: float = 0.8
    grace: float = 0.0
    cut: float = 12.0
    drones: tuple[tuple[float, float], ...] = ()
    speak: float = 0.006
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.02)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the pipe band's kit (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the snare's wires, the
    ferrules, the tassels), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
BagSet = struck_render.StruckSet[Instrument, Struck]


def flow(shut: Signal) -> Complex:
    """The flow through a beating reed over one period, max(0, cos theta - cos(pi open)), open = 1 -
    shut, for each share of the period the reed is `shut`: its harmonics 1 to HARMONICS (shares x
    harmonics, complex, a harmonic's amplitude its modulus)."""
    theta = 2.0 * np.pi * np.arange(PERIOD) / PERIOD
    edge = np.cos(np.pi * (1.0 - np.clip(np.asarray(shut, dtype=np.float64), 0.0, 0.95)))
    opening = np.maximum(np.cos(theta)[np.newaxis, :] - edge[:, np.newaxis], 0.0)
    spectrum = np.fft.rfft(opening, axis=-1) * (2.0 / PERIOD)
    return np.asarray(spectrum[:, 1 : HARMONICS + 1])


def column(patch: Instrument, f: Signal, hz: float) -> Complex:
    """What the bore passes at `f` Hz: its resonances at the harmonics m of the note `hz` (the odd m
    alone where it is cylindrical), the m-th at m (1 + `stretch` (m - 1)) times it, Q `column`, summed
    (tether_render.resonance)."""
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for m in range(1, HARMONICS + 2, 2 if patch.cylindrical else 1):
        out += tether_render.resonance(f, m * hz * (1.0 + patch.stretch * (m - 1)), patch.column)
    return np.asarray(out)


def lattice(patch: Instrument, f: Signal) -> Complex:
    """What the open tone holes let out at `f` Hz: 1 / (1 - x^2 + j x / holes), x = f / cutoff -- all
    of it well under the cutoff, `holes` times at it, 12 dB an octave less above; 1 where the pipe has
    no holes (a drone)."""
    if not patch.cutoff:
        return np.ones(np.shape(f), dtype=np.complex128)
    x = np.asarray(f) / patch.cutoff
    return np.asarray(1.0 / (1.0 - x**2 + 1j * x / patch.holes))


def radiated(patch: Instrument, f: Signal) -> Complex:
    """What the holes and the bell, `radius` m, radiate of the bore's sound at `f` Hz: j f / fr over 1
    + j f / fr, fr = c / 2 pi r (ka = 1): rising as the frequency, then flat."""
    x = np.asarray(f) * 2.0 * np.pi * patch.radius / SOUND_SPEED
    return np.asarray(1j * x / (1.0 + 1j * x))


def response(patch: Instrument, hz: float, sample_rate: int) -> Complex:
    """The note's harmonics through the bore, the holes and the bell (HARMONICS, complex; 0 at and past
    0.45 of the rate)."""
    f = np.arange(1, HARMONICS + 1, dtype=np.float64) * hz
    through = column(patch, f, hz) * lattice(patch, f) * radiated(patch, f)
    return np.asarray(np.where(f < 0.45 * sample_rate, through, 0.0))


def pressure(patch: Instrument, frames: Signal, phase: float = 0.0) -> Signal:
    """The bag's pressure at `frames` s against its mean: 1 + swell sin(2 pi blow t + phase), the
    piper's arm and breath (or bellows) never quite steady."""
    return np.asarray(1.0 + patch.swell * np.sin(phase + 2.0 * np.pi * patch.blow * np.asarray(frames)))


def envelope(patch: Instrument, held: float, frames: Signal) -> Signal:
    """How far the reed sounds at `frames` s: speaking over `speak` s, held while the note is, and
    stopping over `level`'s last s once it ends (a finger down on a closed chanter, a key let go)."""
    held = max(held, _SHORTEST)
    on = 1.0 - np.exp(-np.minimum(frames, held) / patch.speak)
    return np.asarray(on * np.exp(-np.maximum(frames - held, 0.0) / patch.level[3]))


def harmonics(patch: Instrument, hz: float, held: float, frames: Signal, sample_rate: int,
              phase: float = 0.0) -> Complex:  # fmt: skip
    """The note's harmonics (frames x HARMONICS, complex) at `frames` s: the reed's flow, shut longer
    as the bag's pressure rises, through the bore (response), as loud as the pressure and the reed's
    envelope. The velocity plays no part: the bag's pressure is the arm's."""
    bag = pressure(patch, frames, phase)
    shut = patch.shut * (1.0 + 2.0 * (bag - 1.0))
    out = flow(shut) * response(patch, hz, sample_rate)
    return np.asarray(out * (bag * envelope(patch, held, frames))[:, np.newaxis])


def levels(patch: Instrument, hz: float, held: float, frames: Signal, sample_rate: int,
           phase: float = 0.0) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x HARMONICS) at `frames` s (harmonics' moduli, floored)."""
    return floored(harmonics(patch, hz, held, frames, sample_rate, phase))


def floored(sounding: Complex) -> Signal:
    """The moduli of a note's harmonics (frames x harmonics), the note's never under FUNDAMENTAL_FLOOR
    of the loudest in its frame."""
    out = np.abs(sounding)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def rasped(patch: Instrument, hz: float, size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The reed's turbulence heard through the bore, `size` samples: white noise over `rasp_band` times
    the note (its top under 0.45 of the rate), through the bore's resonances and its holes, and a floor
    of a tenth of their peak (what leaks straight out), peak 1."""
    spectrum = np.fft.rfft(rng.standard_normal(size))
    f: Signal = np.fft.rfftfreq(size, 1.0 / sample_rate).astype(np.float64)
    low, high = patch.rasp_band[0] * hz, min(patch.rasp_band[1] * hz, 0.45 * sample_rate)
    band = (f >= low) & (f <= high)
    shaped = np.zeros(f.size)
    shaped[band] = np.abs(column(patch, f[band], hz) * lattice(patch, f[band]))
    shaped[band] += 0.1 * float(shaped[band].max(initial=0.0))
    out = np.fft.irfft(spectrum * shaped, size)
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def pipes(patch: Instrument, hz: float) -> list[tuple[float, float]]:
    """The pipes a note sounds, (Hz, level) each: the note on each of Players' voices (offsets cents
    apart), and the drones under it, none under LOWEST_DRONE."""
    out = [(hz * 2.0 ** (offset / 1200.0), 1.0) for offset in patch.offsets]
    out += [(hz * 2.0 ** (steps / 12.0), share) for steps, share in patch.drones]
    return [(pitch, share) for pitch, share in out if pitch >= LOWEST_DRONE]


def graced(patch: Instrument, times: Signal) -> Signal:
    """How much of the gracenote sounds at `times` s: all of it until `grace`, handed to the note over
    _CROSS s as the finger comes down; none where the patch has no gracenote."""
    if not patch.grace:
        return np.zeros(times.size)
    return np.asarray(np.clip((patch.grace + 0.5 * _CROSS - times) / _CROSS, 0.0, 1.0))


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s sounds (s): while the fingers hold it and until the reed has
    stopped once it ends; and the fade at its cut end."""
    return max(held, _SHORTEST) + 6.0 * patch.level[3] + _FADE


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, bag_set: BagSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has stopped:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    piper's); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, bag_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a piper to each) played for `held` seconds, as loud at any
    `velocity` (BLOWN). What varies (the bag's swing, the reed's rasp, the pipes' phases, the piper's
    bend) is drawn with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its
    gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times: Signal = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    grace = graced(patch, times)

    def piped(hz: float, bag: float) -> Signal:
        sounding = harmonics(patch, hz, held, frames, sample_rate, bag)
        weights = floored(sounding)
        # Where in its period the pipe starts: a time, not a shape, so every harmonic turns with it.
        late = float(rng.uniform(0.0, 2.0 * np.pi))
        offsets = np.angle(sounding[int(np.argmax(weights[:, 0]))]) + late * np.arange(1, HARMONICS + 1)
        cents = struck_render.bends(patch, times, rng)
        cents = cents + patch.sag * 100.0 * (np.interp(times, frames, pressure(patch, frames, bag)) - 1.0)
        turned = 2.0 * np.pi * hz * np.cumsum(2.0 ** (cents / 1200.0)) / sample_rate
        return struck_render.harmonic_tone(weights, frames, times, turned, offsets)

    def sound(hz: float) -> tuple[Signal, Signal]:
        bag = float(rng.uniform(0.0, 2.0 * np.pi))
        tone = np.zeros(times.size)
        for pitch, share in pipes(patch, hz):
            tone += share * piped(pitch, bag)
        if patch.grace:
            tone = tone * (1.0 - grace) + piped(hz * 2.0 ** (patch.cut / 12.0), bag) * grace
        swung = np.interp(times, frames, pressure(patch, frames, bag) * envelope(patch, held, frames))
        hiss = rasped(patch, hz, times.size, sample_rate, rng)
        return tone, patch.rasp * hiss * swung / (float(swung.max()) or 1.0)

    return struck_render.chord_of(pitches, times, BLOWN, patch.gain, _FADE, sound)


# The chords: a pipe band's Highland chanters, conical, their cane reeds shut long, loud and bright,
# each note cut in by a gracenote; Scottish smallpipes, bellows-blown, a narrow cylinder, open at its
# foot, soft, graced the same way; a zampogna's right-hand chanter, a wide cone, sweet, played legato
# with no gracenote.
HIGHLAND = Instrument("Highland chanters", shut=0.45, column=10.0, stretch=0.004, cutoff=1800.0,
                      holes=1.5, radius=0.0035, rasp=0.04, blow=0.35, swell=0.02, sag=0.8, grace=0.028,
                      speak=0.006, level=(0.0, 0.0, 1.0, 0.02))  # fmt: skip
SMALLPIPES = Instrument("Scottish smallpipes", cylindrical=True, shut=0.35, column=14.0, stretch=0.0,
                        cutoff=1400.0, holes=1.3, radius=0.0025, rasp=0.03, blow=0.25, swell=0.015,
                        sag=0.6, grace=0.025, speak=0.008, level=(0.0, 0.0, 1.0, 0.025))  # fmt: skip
ZAMPOGNA = Instrument("zampogna's chanters", shut=0.4, column=8.0, stretch=0.006, cutoff=1200.0,
                      holes=1.6, radius=0.006, rasp=0.05, blow=0.3, swell=0.025, sag=0.8, speak=0.01,
                      level=(0.0, 0.0, 1.0, 0.03))  # fmt: skip
# The basses: the uilleann pipes' bass regulator, a cone stopped at its foot, sounding only while the
# wrist holds its key down; a zampogna's manca, the long left-hand chanter, a wide cone, legato.
REGULATOR = Instrument("uilleann bass regulator", shut=0.38, column=10.0, stretch=0.005, cutoff=900.0,
                       holes=1.2, radius=0.004, rasp=0.03, blow=0.3, swell=0.02, sag=0.6, speak=0.004,
                       level=(0.0, 0.0, 1.0, 0.012), gain=1.2)  # fmt: skip
MANCA = Instrument("zampogna's manca", shut=0.42, column=8.0, stretch=0.006, cutoff=900.0, holes=1.5,
                   radius=0.007, rasp=0.05, blow=0.3, swell=0.025, sag=0.8, speak=0.012,
                   level=(0.0, 0.0, 1.0, 0.04), gain=1.2)  # fmt: skip
# The leads: the uilleann chanter, a narrow cone, sweet, each note cut in short; Northumbrian
# smallpipes, a narrow cylinder closed at its foot, every note apart, stopping dead as the finger comes
# down; a gaida, its kid-skin bag blown by mouth and swinging more, bright, graced between its notes.
UILLEANN = Instrument("uilleann chanter", shut=0.35, column=12.0, stretch=0.003, cutoff=2000.0,
                      holes=1.4, radius=0.0025, rasp=0.03, blow=0.3, swell=0.015, sag=0.6, grace=0.016,
                      speak=0.006, level=(0.0, 0.0, 1.0, 0.02), gain=0.9)  # fmt: skip
NORTHUMBRIAN = Instrument("Northumbrian smallpipes", cylindrical=True, shut=0.3, column=16.0,
                          stretch=0.0, cutoff=1600.0, holes=1.2, radius=0.0022, rasp=0.025, blow=0.25,
                          swell=0.01, sag=0.6, speak=0.004, level=(0.0, 0.0, 1.0, 0.008),
                          gain=0.9)  # fmt: skip
GAIDA = Instrument("gaida", shut=0.45, column=10.0, stretch=0.004, cutoff=2200.0, holes=1.6, radius=0.002,
                   rasp=0.05, blow=0.4, swell=0.03, sag=1.0, grace=0.018, speak=0.005,
                   level=(0.0, 0.0, 1.0, 0.02), gain=0.9)  # fmt: skip
# Held: a Highland set's drones, two tenors on the note, tuned a breath apart, and the bass an octave
# under, cylinders sounded by single cane reeds, slow to speak; an uilleann set's drones, the tenor on
# the note, the baritone and the bass an octave and two under.
HIGHLAND_DRONES = Instrument("Highland drones", cylindrical=True, shut=0.3, column=18.0, stretch=0.0,
                             cutoff=0.0, radius=0.008, rasp=0.02, blow=0.35, swell=0.02, sag=0.5,
                             drones=((-12.0, 0.8),), speak=0.08, level=(0.0, 0.0, 1.0, 0.15), voices=2,
                             detune=1.5)  # fmt: skip
UILLEANN_DRONES = Instrument("uilleann drones", cylindrical=True, shut=0.25, column=20.0, stretch=0.0,
                             cutoff=0.0, radius=0.006, rasp=0.015, blow=0.3, swell=0.015, sag=0.5,
                             drones=((-12.0, 0.7), (-24.0, 0.5)), speak=0.06,
                             level=(0.0, 0.0, 1.0, 0.12))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on Highland chanters,
# smallpipes and a zampogna; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: HIGHLAND_DRONES,
        49: UILLEANN_DRONES,
        109: HIGHLAND,
        68: SMALLPIPES,
        69: ZAMPOGNA,
        32: REGULATOR,
        33: MANCA,
        71: UILLEANN,
        72: NORTHUMBRIAN,
        111: GAIDA,
    }


# A tenor drum's head, its first modes against its first: an ideal membrane's (0,1), (1,1), (2,1) and
# (0,2), at the zeros of the Bessel functions over the first.
_HEAD = (1.0, 1.593, 2.135, 2.295)


def tenor(hz: float, ring: float) -> struck_render.Partials:
    """A tenor drum struck by a felt mallet, its first mode at `hz`: a membrane's first modes (_HEAD;
    Hz, each at 1 / its ratio of the first's level, dying over `ring` s over its ratio)."""
    return tuple((hz * r, 1.0 / r, ring / r) for r in _HEAD)


def _drums() -> dict[int, Struck]:
    return {
        # The pipe band's bass drum, struck by a felt beater (the bass drum); the bag slapped by the
        # palm, its hide thumping on the air in it (the other).
        36: Struck(
            ((57.0, 1.0, 0.05), (97.0, 0.5, 0.035), (149.0, 0.3, 0.025)),
            (40.0, 800.0),
            0.03,
            1.3,
            sweep=0.5,
            glide=0.035,
        ),
        35: Struck(
            ((79.0, 1.0, 0.05), (167.0, 0.4, 0.03)),
            (30.0, 700.0),
            0.03,
            1.2,
            sweep=0.4,
            glide=0.04,
        ),
        # The pipe band's snare, its head tight, its wires buzzing (the snare); its head cracked at the
        # edge by the stick's shoulder (the other); a drone's stock knocked by a knuckle (the side
        # stick); the bag squeezed hard, its air chuffing from the drones' mouths (the clap).
        38: Struck(
            ((431.0, 0.4, 0.03), (1123.0, 0.3, 0.015)), (1500.0, 9000.0), 0.06, 0.9, grains=4, spread=0.025
        ),
        40: Struck(
            ((563.0, 0.4, 0.02), (1771.0, 0.3, 0.01)), (2000.0, 9500.0), 0.04, 0.85, grains=3, spread=0.02
        ),
        37: Struck(((1310.0, 1.0, 0.012), (3870.0, 0.3, 0.006)), (1200.0, 7000.0), 0.004, 0.6),
        39: Struck((), (800.0, 6500.0), 0.02, 0.85, grains=2, spread=0.012),
        # The tenor drums swung at six sizes (the toms).
        41: Struck(tenor(97.0, 0.12), (80.0, 1200.0), 0.015, 0.9),
        43: Struck(tenor(113.0, 0.11), (90.0, 1400.0), 0.015, 0.9),
        45: Struck(tenor(131.0, 0.1), (100.0, 1700.0), 0.014, 0.9),
        47: Struck(tenor(151.0, 0.09), (120.0, 2000.0), 0.013, 0.9),
        48: Struck(tenor(177.0, 0.08), (140.0, 2400.0), 0.012, 0.9),
        50: Struck(tenor(207.0, 0.07), (160.0, 2800.0), 0.011, 0.9),
        # The snare's wires tapped alone by a fingertip (the closed hat), the blowpipe's valve clicking
        # shut (the pedal hat), the bag's air hissing out of an unstopped drone (the open hat); the
        # drones' ring caps and ferrules rattled together (the crash); a drone's ferrule tapped with a
        # stick's tip (the ride); the chanter's metal sole tapped (its bell).
        42: Struck(((5370.0, 0.3, 0.004),), (4500.0, 10000.0), 0.007, 0.35),
        44: Struck(((2710.0, 0.3, 0.004),), (2000.0, 7500.0), 0.005, 0.3),
        46: Struck((), (2500.0, 10000.0), 0.13, 0.35),
        49: Struck(
            ((1870.0, 0.2, 0.2), (3410.0, 0.2, 0.15), (5230.0, 0.15, 0.1)),
            (1500.0, 9000.0),
            0.25,
            0.4,
            grains=5,
            spread=0.05,
        ),
        51: Struck(
            ((2930.0, 0.5, 0.05), (5170.0, 0.3, 0.03), (8260.0, 0.2, 0.015)), (2500.0, 9000.0), 0.008, 0.35
        ),
        53: Struck(((3610.0, 0.6, 0.08), (7330.0, 0.3, 0.04)), (2500.0, 9000.0), 0.005, 0.35),
        # The drone cords' tassels and ferrules shaken (the tambourine); a tenor drum's metal hoop struck
        # (the cowbell); the bag's cover brushed (the cabasa); the snare's wires flicked (the maracas).
        54: Struck(((4430.0, 0.3, 0.012),), (3000.0, 10000.0), 0.03, 0.4, grains=6, spread=0.05),
        56: Struck(
            ((713.0, 1.0, 0.05), (1893.0, 0.5, 0.03), (3121.0, 0.3, 0.02)), (500.0, 5000.0), 0.003, 0.4
        ),
        69: Struck((), (2500.0, 10000.0), 0.04, 0.4, grains=5, spread=0.04),
        70: Struck((), (3500.0, 10000.0), 0.025, 0.4, grains=4, spread=0.03),
        # Two drumsticks clicked, the drummers' count-in (the claves); the snare's shell knocked high and
        # the bass drum's low (the wood blocks).
        75: Struck(((2490.0, 1.0, 0.012), (6470.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1570.0, 1.0, 0.02), (4190.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((910.0, 1.0, 0.025), (2470.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


BAG_SET = BagSet(
    root=Path(__file__).with_name("bag-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("bag-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
BAG_SETS = {BAG_SET.root: BAG_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
