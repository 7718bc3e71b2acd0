"""Notes to audio by flutes blown across an edge, computed in numpy: a recorder consort's and a great
bass recorder's windways aiming the breath at the labium, a flute choir's silver flutes and a
contrabass flute blown across their embouchure holes, Andean siku, panpipes of cane tubes stopped at
their foot by a node, a shakuhachi's bamboo blown across the notch cut in its rim, a bansuri's bamboo
blown across its side, and a tin whistle's fipple. In each the player's breath leaves the lips or the
windway as a flat jet that crosses a mouth and meets a sharp edge; the air column beyond swings the
jet to and fro across the edge, and the jet, now in the pipe and now out of it, drives the column in
turn: nothing vibrates but air.
The jet swings across the edge at the note, its deflection a sin(theta) in its own half-widths, aimed
`offset` half-widths off the edge; the flow it sends into the pipe is tanh(a sin(theta) - offset) of
its whole, a flow of the note's period, so the note's harmonics alone: a small swing sends a near
sine; a wider one (a harder breath) saturates, the jet wholly in or wholly out for part of each
swing, and is rich in harmonics, so a flute blown harder is louder and brighter. Aimed at the edge's
middle the flow is alike either side and has no even harmonic; aimed off it, the evens come in. The
swing builds up over the jet's speaking time once the note is tongued (`contact` s at velocity 127,
longer for a softer breath, timed as tether_render times its strokes), and before the column has
locked the jet to its note it speaks on the column's second mode (the chiff, `chiff`); it holds while
the breath does and dies once it stops (`level`'s last, s). What reaches the air goes through the
pipe's column: open at both ends (a flute's, a recorder's, a shakuhachi's), its resonances stand at
every harmonic of its first; stopped at its foot (a siku's tube), at the odd ones alone; the maker cuts
the first a little off the note (`tuned`), Q `column`. The open end and the mouth radiate the flow
as the frequency up to c / 2 pi r (r the bore's radius), flat above. The breath's own turbulence,
broadband at the mouth, sounds through the same column, a hiss gathered round the pipe's resonances
(`breath`), the shakuhachi's and the siku's loud. The player bends into a note and sways it where
the instrument lets him (Players' scoop and vibrato: a shakuhachi's meri and kari, the head nodded),
and a breath's vibrato swells the jet (`pulse`).
And a kit of the flutes' own sounds and their players', none of them held: the great bass recorder's
square wooden body thumped by the palm (the bass drum) and a beatboxer's "b" spat into a flute (the
other), a "k" and a "ts" spat through the embouchure, the tube hissing (the snares), a key slapped
shut on its tone hole, the tube pinging (the side stick), a palm slapped across the siku's open tops
(the clap), tongue rams, the embouchure sealed by the tongue thrust into it so the tube rings as a
pipe closed at that end, three lengths (the toms), keys clicked without breath (the closed hat), a
thumb rest clacked (the pedal hat), a breath's "shh" through the flute (the open hat), a ring tapped on
a silver flute's tube (the ride), the siku's cane bundle struck flat (the crash), the bundle shaken,
its tubes rattling in their binding (the tambourine), a flute's metal head joint knocked (the
cowbell), two shakuhachi's root ends knocked (the claves) and a recorder's wooden head knocked high
and a bass recorder's body low (the wood blocks) -- ringing modes and noise, the spat consonants' and
the rattles' flicks as grains, no recording."""

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
SWING = 256  # points one swing of the jet is worked out at (its flow's harmonics by an FFT)
FUNDAMENTAL_FLOOR = 0.3  # the note's harmonic is never under this share of the loudest
FRAME = 0.004  # s: the step the harmonics' levels are worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s: the pipe's air
_SHORTEST = 0.05  # s: a note held this long at least
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6571  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A flute's jet and its pipe. The jet swings `swing` of its half-widths across the edge at velocity
    127 (as 0.4 + 0.6 v / 127 below), aimed `offset` half-widths off the edge, building up over
    `contact` s at 127 (tether_render.contact), speaking first on the column's second mode, `chiff` of
    its steady level over the note's more. The pipe's column, `stopped` at its foot or open, resonates
    at the harmonics (the odd ones, stopped) of `tuned` times the note, Q `column`; its open end, `bore`
    m in radius, radiates. `breath`: the jet's turbulence against the note, through the column over
    `breath_band` times the note; `pulse`: a breath's vibrato swelling the jet by up to that share at
    Players' `rate` from its `delay`. `level`: -, -, 1 (the note holds while the breath does), the jet
    stopping over the last s once it ends; `scoop` cents under the note over `glide` s where the
    player bends into it, Players' vibrato where the head or a finger sways it."""

    kind: str
    stopped: bool = False
    offset: float = 0.4
    swing: float = 1.5
    contact: float = 0.02
    chiff: float = 0.5
    tuned: float = 1.01
    column: float = 25.0
    bore: float = 0.0095
    breath: float = 0.05
    breath_band: tuple[float, float] = (0.5, 12.0)
    pulse: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.04)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the flutes' kit (struck_render.Drum's partials and noise), and `grains` more strokes
    at random within `spread` s, each at up to its share of the first (the spat consonants, the cane
    bundle's rattle), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
JetSet = struck_render.StruckSet[Instrument, Struck]


def flow(patch: Instrument, swings: Signal) -> Complex:
    """The flow the jet sends into the pipe over one swing, tanh(a sin(theta) - offset), for each
    swing a in `swings`: its harmonics 1 to HARMONICS (swings x harmonics, complex, a harmonic's
    amplitude its modulus)."""
    theta = 2.0 * np.pi * np.arange(SWING) / SWING
    deflection = np.multiply.outer(np.asarray(swings, dtype=np.float64), np.sin(theta))
    spectrum = np.fft.rfft(np.tanh(deflection - patch.offset), axis=-1) * (2.0 / SWING)
    return np.asarray(spectrum[..., 1 : HARMONICS + 1])


def column(patch: Instrument, f: Signal, hz: float) -> Complex:
    """What the pipe's air column passes at `f` Hz: its resonances at the harmonics m of its first,
    `tuned` times the note `hz` (the odd m alone where it is stopped), Q `column`, summed
    (tether_render.resonance)."""
    first = patch.tuned * hz
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for m in range(1, HARMONICS + 2, 2 if patch.stopped else 1):
        out += tether_render.resonance(f, m * first, patch.column)
    return np.asarray(out)


def radiated(patch: Instrument, f: Signal) -> Complex:
    """What the pipe's open end, `bore` m in radius, radiates of its flow at `f` Hz: j f / fr over 1 +
    j f / fr, fr = c / 2 pi r (ka = 1): rising as the frequency, then flat."""
    x = f * 2.0 * np.pi * patch.bore / SOUND_SPEED
    return np.asarray(1j * x / (1.0 + 1j * x))


def response(patch: Instrument, hz: float, sample_rate: int) -> Complex:
    """The note's harmonics through the column and the open end (HARMONICS, complex; 0 at and past 0.45
    of the rate)."""
    f = np.arange(1, HARMONICS + 1, dtype=np.float64) * hz
    through = column(patch, f, hz) * radiated(patch, f)
    return np.asarray(np.where(f < 0.45 * sample_rate, through, 0.0))


def speaking(patch: Instrument, velocity: int) -> float:
    """How long the jet takes to speak at `velocity` (s): `contact` at 127, longer for a softer
    breath, timed as tether_render times its strokes (tether_render.contact)."""
    return tether_render.contact(patch, velocity)


def swings(patch: Instrument, held: float, velocity: int, frames: Signal, phase: float = 0.0) -> Signal:
    """The jet's swing at `frames` s: building up over its speaking time to `swing` (0.4 + 0.6 v / 127
    of it) while the breath holds, swollen by the breath's vibrato (`pulse`, eased in from `delay`,
    from `phase`), dying over `level`'s last s once it stops."""
    held = max(held, _SHORTEST)
    steady = patch.swing * (0.4 + 0.6 * velocity / 127.0)
    build = 1.0 - np.exp(-np.minimum(frames, held) / speaking(patch, velocity))
    after = np.exp(-np.maximum(frames - held, 0.0) / patch.level[3])
    ease = np.clip((frames - patch.delay) / 0.3, 0.0, 1.0)
    breath = 1.0 + patch.pulse * ease * np.sin(phase + 2.0 * np.pi * patch.rate * frames)
    return np.asarray(steady * build * after * breath)


def chiffed(patch: Instrument, velocity: int, frames: Signal) -> Signal:
    """How much the column's second mode (the second harmonic, the third where the pipe is stopped)
    sounds over its steady share at `frames` s: 1 + `chiff`, dying over the jet's speaking time, as the
    column locks the jet onto the note."""
    return np.asarray(1.0 + patch.chiff * np.exp(-frames / speaking(patch, velocity)))


def harmonics(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
              phase: float = 0.0) -> Complex:  # fmt: skip
    """The note's harmonics (frames x HARMONICS, complex) at `frames` s: the jet's flow at its swing
    (flow, its mean taken off) through the pipe (response), the column's second mode lifted by the
    chiff (chiffed)."""
    out = flow(patch, swings(patch, held, velocity, frames, phase)) * response(patch, hz, sample_rate)
    out[:, 2 if patch.stopped else 1] *= chiffed(patch, velocity, frames)
    return np.asarray(out)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           phase: float = 0.0) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x HARMONICS) at `frames` s (harmonics' moduli, floored)."""
    return floored(harmonics(patch, hz, held, velocity, frames, sample_rate, phase))


def floored(sounding: Complex) -> Signal:
    """The moduli of a note's harmonics (frames x harmonics), the note's never under FUNDAMENTAL_FLOOR
    of the loudest in its frame."""
    out = np.abs(sounding)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def breathed(patch: Instrument, hz: float, size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The jet's turbulence heard through the pipe, `size` samples: white noise over `breath_band` times
    the note (its top under 0.45 of the rate), through the column's resonances and a floor of a tenth
    of their peak (what the mouth lets out straight), peak 1."""
    spectrum = np.fft.rfft(rng.standard_normal(size))
    f: Signal = np.fft.rfftfreq(size, 1.0 / sample_rate).astype(np.float64)
    low, high = patch.breath_band[0] * hz, min(patch.breath_band[1] * hz, 0.45 * sample_rate)
    band = (f >= low) & (f <= high)
    shaped = np.zeros(f.size)
    shaped[band] = np.abs(column(patch, f[band], hz))
    shaped[band] += 0.1 * float(shaped[band].max(initial=0.0))
    out = np.fft.irfft(spectrum * shaped, size)
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s sounds (s): while the breath holds and until the jet has stopped
    once it ends; and the fade at its cut end."""
    return max(held, _SHORTEST) + 6.0 * patch.level[3] + _FADE


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, jet_set: JetSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has stopped:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    player's); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, jet_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a player to each) blown for `held` seconds at `velocity`. What varies
    (the breath's turbulence, its vibrato's phase, the player's bend and sway) is drawn with `seed` (the
    note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times: Signal = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        phase = float(rng.uniform(0.0, 2.0 * np.pi))
        sounding = harmonics(patch, hz, held, velocity, frames, sample_rate, phase)
        weights = floored(sounding)
        offsets = np.angle(sounding[int(np.argmax(weights[:, 0]))])
        cents = struck_render.bends(patch, times, rng)
        turned = 2.0 * np.pi * hz * np.cumsum(2.0 ** (cents / 1200.0)) / sample_rate
        tone = struck_render.harmonic_tone(weights, frames, times, turned, offsets)
        swung = np.interp(times, frames, swings(patch, held, velocity, frames, phase))
        hiss = breathed(patch, hz, times.size, sample_rate, rng)
        return tone, patch.breath * hiss * swung / (float(swung.max()) or 1.0)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# The chords: a recorder consort, its windways aiming the jet a little off the labium, bright and pure,
# chiffing; a flute choir's silver flutes, blown across their embouchure holes, the jet aimed nearer
# the edge's middle, round, a little breath; siku, cane tubes stopped at their foot, their odd
# harmonics alone, the breath loud through them.
RECORDERS = Instrument("recorder consort", offset=0.5, swing=1.6, contact=0.015, chiff=0.8, tuned=1.01,
                       column=25.0, bore=0.008, breath=0.04, level=(0.0, 0.0, 1.0, 0.03))  # fmt: skip
FLUTE_CHOIR = Instrument("flute choir", offset=0.25, swing=1.4, contact=0.025, chiff=0.4, tuned=1.005,
                         column=30.0, bore=0.0095, breath=0.05, pulse=0.06, vibrato=6.0, rate=5.2,
                         delay=0.3, level=(0.0, 0.0, 1.0, 0.04))  # fmt: skip
SIKU = Instrument("siku", stopped=True, offset=0.15, swing=1.7, contact=0.02, chiff=0.6, tuned=1.01,
                  column=20.0, bore=0.007, breath=0.12, breath_band=(0.8, 10.0),
                  level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip
# The basses: a great bass recorder, a square wooden pipe, slow to speak; a contrabass flute, its long
# bent tube wide, soft, breathy.
GREAT_BASS = Instrument("great bass recorder", offset=0.45, swing=1.5, contact=0.04, chiff=0.6,
                        tuned=1.01, column=25.0, bore=0.02, breath=0.05, level=(0.0, 0.0, 1.0, 0.06),
                        gain=1.2)  # fmt: skip
CONTRABASS = Instrument("contrabass flute", offset=0.3, swing=1.3, contact=0.05, chiff=0.3, tuned=1.005,
                        column=30.0, bore=0.025, breath=0.08, level=(0.0, 0.0, 1.0, 0.07),
                        gain=1.2)  # fmt: skip
# The leads: a shakuhachi, the notch's edge sharp, its breath loud and bent into its notes (meri
# rising to the note), its head nodded into a vibrato; a bansuri, bamboo blown across its side, slid
# into and swayed; a tin whistle's fipple, bright and quick, its notes tongued hard.
SHAKUHACHI = Instrument("shakuhachi", offset=0.35, swing=1.8, contact=0.03, chiff=0.5, tuned=1.01,
                        column=20.0, bore=0.009, breath=0.15, breath_band=(0.5, 14.0), pulse=0.1,
                        scoop=35.0, glide=0.06, vibrato=10.0, rate=4.5, delay=0.35,
                        level=(0.0, 0.0, 1.0, 0.05), gain=0.9)  # fmt: skip
BANSURI = Instrument("bansuri", offset=0.3, swing=1.4, contact=0.025, chiff=0.4, tuned=1.01, column=25.0,
                     bore=0.011, breath=0.1, scoop=20.0, glide=0.05, vibrato=12.0, rate=5.5, delay=0.3,
                     level=(0.0, 0.0, 1.0, 0.05), gain=0.9)  # fmt: skip
WHISTLE = Instrument("tin whistle", offset=0.55, swing=1.9, contact=0.008, chiff=1.0, tuned=1.015,
                     column=20.0, bore=0.0065, breath=0.04, vibrato=5.0, rate=6.0, delay=0.25,
                     level=(0.0, 0.0, 1.0, 0.025), gain=0.9)  # fmt: skip
# Held: a flute choir's alto flutes held on a long breath; a recorder consort held.
ALTO_FLUTES_HELD = Instrument("alto flutes, held", offset=0.25, swing=1.3, contact=0.03, chiff=0.3,
                              tuned=1.005, column=30.0, bore=0.012, breath=0.05, pulse=0.05,
                              vibrato=5.0, rate=5.0, delay=0.4, level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
RECORDERS_HELD = Instrument("recorder consort, held", offset=0.5, swing=1.5, contact=0.02, chiff=0.5,
                            tuned=1.01, column=25.0, bore=0.009, breath=0.04,
                            level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the recorders, the flute
# choir and the siku; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: ALTO_FLUTES_HELD,
        49: RECORDERS_HELD,
        74: RECORDERS,
        73: FLUTE_CHOIR,
        75: SIKU,
        32: GREAT_BASS,
        33: CONTRABASS,
        77: SHAKUHACHI,
        72: BANSURI,
        78: WHISTLE,
    }


def tongue_ram(hz: float, ring: float, count: int = 4) -> struck_render.Partials:
    """A tongue ram: the embouchure sealed by the tongue thrust into it, the tube ringing as a pipe
    closed at that end, at its odd modes, the first at `hz` (Hz, 1 / k of the first's level, each dying
    over `ring` s over k)."""
    return tuple((hz * k, 1.0 / k, ring / k) for k in range(1, 2 * count, 2))


def _drums() -> dict[int, Struck]:
    return {
        # The great bass recorder's square wooden body thumped by the palm, its air and its boards (the
        # bass drum); a beatboxer's "b" spat into a flute, the lips' puff through the tube (the other).
        36: Struck(
            ((93.0, 1.0, 0.06), (171.0, 0.45, 0.035), (283.0, 0.25, 0.02)),
            (40.0, 800.0),
            0.025,
            1.3,
            sweep=0.4,
            glide=0.03,
        ),
        35: Struck(
            ((71.0, 1.0, 0.05), (137.0, 0.4, 0.03)),
            (30.0, 900.0),
            0.03,
            1.2,
            sweep=0.5,
            glide=0.04,
        ),
        # A "k" spat through the embouchure, the tube hissing, the tongue's flicks (the snare); a "ts"
        # (the other); a key slapped shut on its tone hole, the tube pinging (the side stick); a palm
        # slapped across the siku's open tops (the clap).
        38: Struck(((1190.0, 0.3, 0.015),), (1500.0, 8500.0), 0.06, 0.9, grains=3, spread=0.02),
        40: Struck((), (3000.0, 10000.0), 0.05, 0.8, grains=4, spread=0.03),
        37: Struck(((1630.0, 1.0, 0.015), (4890.0, 0.3, 0.006)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(
            ((467.0, 0.3, 0.012), (1401.0, 0.2, 0.008)), (800.0, 6500.0), 0.02, 0.8, grains=2, spread=0.012
        ),
        # Tongue rams at three lengths (the toms).
        41: Struck(tongue_ram(139.0, 0.06), (100.0, 1500.0), 0.012, 0.9),
        45: Struck(tongue_ram(197.0, 0.05), (150.0, 2200.0), 0.012, 0.9),
        48: Struck(tongue_ram(277.0, 0.04), (200.0, 3000.0), 0.01, 0.9),
        # Keys clicked without breath (the closed hat), a thumb rest clacked (the pedal hat), a breath's
        # "shh" through the flute (the open hat); a ring tapped on a silver flute's tube (the ride); the
        # siku's cane bundle struck flat (the crash).
        42: Struck(((5270.0, 0.3, 0.004),), (4500.0, 10000.0), 0.007, 0.35),
        44: Struck(((2390.0, 0.3, 0.005), (5710.0, 0.2, 0.003)), (1200.0, 6000.0), 0.005, 0.3),
        46: Struck((), (2000.0, 9000.0), 0.14, 0.35),
        51: Struck(
            ((3170.0, 0.5, 0.05), (5260.0, 0.3, 0.03), (8390.0, 0.2, 0.015)), (2500.0, 9000.0), 0.008, 0.35
        ),
        49: Struck(
            ((613.0, 0.2, 0.2), (1427.0, 0.2, 0.15), (2911.0, 0.15, 0.1)),
            (1200.0, 9000.0),
            0.25,
            0.4,
            grains=3,
            spread=0.03,
        ),
        # The siku's bundle shaken, its tubes rattling in their binding (the tambourine); a flute's
        # metal head joint knocked (the cowbell); two shakuhachi's root ends knocked (the claves); a
        # recorder's wooden head knocked high and a bass recorder's body low (the wood blocks).
        54: Struck(((3710.0, 0.3, 0.01),), (2500.0, 9000.0), 0.03, 0.4, grains=6, spread=0.05),
        56: Struck(((811.0, 1.0, 0.035), (2173.0, 0.4, 0.02)), (600.0, 5000.0), 0.003, 0.4),
        75: Struck(((2290.0, 1.0, 0.012), (6110.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1490.0, 1.0, 0.02), (3970.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((990.0, 1.0, 0.024), (2710.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


JET_SET = JetSet(
    root=Path(__file__).with_name("jet-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("jet-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
JET_SETS = {JET_SET.root: JET_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
