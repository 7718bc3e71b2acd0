"""Notes to audio by free-reed mouth organs, computed in numpy: the Lao and Isan khaen, sixteen bamboo
pipes in two rows through a hardwood windchest, a reed of copper and silver cut in each pipe's wall
where it passes through the chest, the pipe open at both ends; the Chinese sheng, seventeen pipes
standing in a round windchest, a brass reed at each pipe's foot; the Japanese sho, the sheng's
softer cousin; a bass sheng, its long pipes' bores widened; a Miao lusheng's great bass pipe, a
resonator tube over its top; a hulusi, a melody pipe through a gourd windchest, its drones stopped;
a bawu, a transverse pipe with its reed at the blown end; a soprano sheng. In each the player's
breath, blown or drawn through the windchest, drives a free reed: a brass tongue swinging through
the slot cut for it, nothing to beat against. A pipe sounds only while its finger hole is covered:
open, the hole breaks the pipe's air column and the tongue cannot speak; covered, the column
resonates at the tongue's note, pulls the tongue into its swing and sounds with it. Chords are
played by covering several holes at once, loudness by the breath's pressure.
The tongue swings through its slot at its note, the maker having tuned it (a bead of wax on its tip)
so that with its pipe's column it sounds the note: x = rest + a sin(theta), in the plate's
thickness from its top face, `rest` where it stands still (set a little above the slot, so it
speaks) and a its swing. The air goes through the slot's opening, its clearance `gap` while the tip is
within the plate, and the way out beside it on either side, gap + max(-x, 0) + max(x - 1, 0): a flow
of the note's period, so the note's harmonics alone; a small swing that never reaches the slot
modulates it near a sine, a wider one is cut off while the tongue is in the slot and rich in
harmonics -- a harder breath swings it wider, so it is louder and brighter. Set at the slot's middle
the opening would be alike on both sides, opening twice a swing, and the note itself would be gone.
The swing builds up over the reed's speaking time once the hole is covered (`contact` s at velocity
127, longer for a softer breath, timed as tether_render times its strokes), holds while the breath
and the finger do, and dies once the hole is opened (`level`'s last, s). What reaches the air goes
through the pipe's column, closed at the reed (the sheng's, the hulusi's, the bawu's: the reed at the
pipe's foot) or with the reed at its middle (the khaen's, a pressure's antinode there): either way
its resonances stand at the odd harmonics of its first, which the maker cuts a little above the
note (`tuned`), so the odd harmonics are lifted and the even ones fall between; and out of the
pipe's open end, which radiates its flow as the frequency up to c / 2 pi r (r its bore). A gourd
windchest lifts what falls near its Helmholtz resonance (`gourd`), a resonator tube over a pipe what
falls near its own first (`horn`). The breath's hiss through the slots sounds beside the note. The
player bends into a note and sways it where the instrument lets him (Players' scoop and vibrato),
and a breath's vibrato swells the swing (`pulse`).
And a kit of the mouth organs' own sounds and their players' band's, none of them held: a khaen's
windchest thumped by the palm (the bass drum) and a bass sheng's copper one (the other), a tongue
slap, the breath chuffed hard through the mouthpiece so every slot hisses (the snare), a pair of
chap, flat hand cymbals, clapped (the other snare), a fingernail flicking a reed's tongue (the side
stick), krap, wooden clappers, clacked (the clap), a pipe's open end slapped shut by the palm, three
lengths (the toms), ching, small cup cymbals, clicked shut, pressed and let ring (the hats), a ring
tapped on the brass mouthpiece (the ride), the chap clashed open (the crash), the sheng's pipe bands
rattled (the tambourine), the windchest's lacquer knocked (the cowbell), two krap clicked (the
claves) and a khaen's chest knocked high and low (the wood blocks) -- ringing modes and noise, the
tongue slap's flicks, the chap's clatter and the bands as grains, no recording."""

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
SWING = 256  # points one swing of the tongue is worked out at (its flow's harmonics by an FFT)
FUNDAMENTAL_FLOOR = 0.3  # the note's harmonic is never under this share of the loudest
FRAME = 0.004  # s: the step the harmonics' levels are worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s: the pipe's air
_SHORTEST = 0.05  # s: a note held this long at least
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7193  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A mouth organ's pipes for a note. `pipes`: each pipe's note against the note (whole multiples:
    a khaen's octave) and its level, each its own reed. The tongue stands `rest` plate thicknesses
    from the plate's top face (under 0: above its slot), its slot's clearance `gap`; it swings `swing`
    plate thicknesses at velocity 127 (as 0.4 + 0.6 v / 127 below), building up over `contact` s at
    127 (tether_render.contact). The pipe's column resonates at the odd harmonics of `tuned` times the
    note, Q `column`; its open end, `bore` m in radius, radiates; a `gourd` windchest (Hz, Q, lift)
    and a `horn`, a resonator tube over the pipe (its first against the note, Q, lift), where there
    are any. `breath`: the breath's hiss against the note over `breath_band` times it; `pulse`: a
    breath's vibrato swelling the swing by up to that share at Players' `rate` from its `delay`.
    `level`: -, -, 1 (the note holds while its hole is covered), the tongue stopping over the last s
    once the hole is opened; `scoop` cents under the note over `glide` s where the player bends into
    it, Players' vibrato where a finger sways it."""

    kind: str
    pipes: tuple[tuple[float, float], ...] = ((1.0, 1.0),)
    rest: float = -0.3
    gap: float = 0.05
    swing: float = 1.2
    contact: float = 0.012
    tuned: float = 1.02
    column: float = 30.0
    bore: float = 0.004
    gourd: tuple[float, float, float] = (0.0, 1.0, 1.0)
    horn: tuple[float, float, float] = (0.0, 1.0, 1.0)
    breath: float = 0.02
    breath_band: tuple[float, float] = (2.0, 12.0)
    pulse: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.05)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the mouth organs' kit (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the tongue slap's
    flicks, the chap's clatter, the pipe bands), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
ReedSet = struck_render.StruckSet[Instrument, Struck]


def opening(x: Signal, gap: float) -> Signal:
    """The slot's opening with the tongue's tip at `x` (plate thicknesses from the plate's top face,
    into the slot positive): its clearance `gap` while the tip is within the plate, and the way out
    beside it on either side, gap + max(-x, 0) + max(x - 1, 0)."""
    return np.asarray(gap + np.maximum(-x, 0.0) + np.maximum(x - 1.0, 0.0))


def flow(patch: Instrument, swings: Signal) -> Complex:
    """The air through the slot over one swing of the tongue, x = rest + a sin(theta), for each swing
    a in `swings` (its opening at a steady breath, opening): its harmonics 1 to HARMONICS (swings x
    harmonics, complex, a harmonic's amplitude its modulus)."""
    theta = 2.0 * np.pi * np.arange(SWING) / SWING
    x = patch.rest + np.multiply.outer(np.asarray(swings, dtype=np.float64), np.sin(theta))
    spectrum = np.fft.rfft(opening(x, patch.gap), axis=-1) * (2.0 / SWING)
    return np.asarray(spectrum[..., 1 : HARMONICS + 1])


def column(patch: Instrument, f: Signal, hz: float) -> Complex:
    """What the pipe's air column passes at `f` Hz: its resonances at the odd harmonics (2m - 1) of
    its first, `tuned` times the note `hz`, Q `column`, summed (tether_render.resonance)."""
    first = patch.tuned * hz
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for m in range(1, HARMONICS + 2, 2):
        out += tether_render.resonance(f, m * first, patch.column)
    return np.asarray(out)


def radiated(patch: Instrument, f: Signal) -> Complex:
    """What the pipe's open end, `bore` m in radius, radiates of its flow at `f` Hz: j f / fr over 1 +
    j f / fr, fr = c / 2 pi r (ka = 1): rising as the frequency, then flat."""
    x = f * 2.0 * np.pi * patch.bore / SOUND_SPEED
    return np.asarray(1j * x / (1.0 + 1j * x))


def lifted(f: Signal, centre: float, resonance: tuple[float, float, float]) -> Complex:
    """What a resonator at `centre` Hz (`resonance`: -, Q, lift) does at `f` Hz: 1 + (lift - 1) over
    1 + j Q (f / f0 - f0 / f); nothing where `centre` is 0."""
    if not centre:
        return np.ones(np.shape(f), dtype=np.complex128)
    _, q, lift = resonance
    return np.asarray(1.0 + (lift - 1.0) * tether_render.resonance(f, centre, q))


def response(patch: Instrument, hz: float, sample_rate: int) -> tuple[Complex, npt.NDArray[np.int64]]:
    """Each pipe's harmonics through its column, its open end, the gourd and the horn (pipes x
    HARMONICS, complex; 0 at and past 0.45 of the rate), and where each pipe's k-th harmonic falls
    among the note's (its number over the note's first, pipes x HARMONICS, 0-based)."""
    k = np.arange(1, HARMONICS + 1, dtype=np.float64)
    out = np.zeros((len(patch.pipes), HARMONICS), dtype=np.complex128)
    index = np.zeros((len(patch.pipes), HARMONICS), dtype=np.int64)
    for p, (over, level) in enumerate(patch.pipes):
        f = over * k * hz
        through = column(patch, f, over * hz) * radiated(patch, f)
        through = through * lifted(f, patch.gourd[0], patch.gourd)
        through = through * lifted(f, patch.horn[0] * over * hz, patch.horn)
        out[p] = level * np.where(f < 0.45 * sample_rate, through, 0.0)
        index[p] = np.round(over * k).astype(np.int64) - 1
    return out, index


def speaking(patch: Instrument, velocity: int) -> float:
    """How long the reed takes to speak at `velocity` (s): `contact` at 127, longer for a softer
    breath, timed as tether_render times its strokes (tether_render.contact)."""
    return tether_render.contact(patch, velocity)


def swings(patch: Instrument, held: float, velocity: int, frames: Signal, phase: float = 0.0) -> Signal:
    """The tongue's swing at `frames` s: building up over its speaking time to `swing` (0.4 + 0.6 v /
    127 of it) while the hole is covered, swollen by the breath's vibrato (`pulse`, eased in from
    `delay`, from `phase`), dying over `level`'s last s once the hole is opened."""
    held = max(held, _SHORTEST)
    steady = patch.swing * (0.4 + 0.6 * velocity / 127.0)
    build = 1.0 - np.exp(-np.minimum(frames, held) / speaking(patch, velocity))
    after = np.exp(-np.maximum(frames - held, 0.0) / patch.level[3])
    ease = np.clip((frames - patch.delay) / 0.3, 0.0, 1.0)
    breath = 1.0 + patch.pulse * ease * np.sin(phase + 2.0 * np.pi * patch.rate * frames)
    return np.asarray(steady * build * after * breath)


def harmonics(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
              phase: float = 0.0) -> Complex:  # fmt: skip
    """The note's harmonics (frames x HARMONICS, complex) at `frames` s: every pipe's flow at its swing
    (flow, its mean taken off) through its response, summed where the pipes' harmonics meet."""
    through, index = response(patch, hz, sample_rate)
    swung = flow(patch, swings(patch, held, velocity, frames, phase))
    out = np.zeros((frames.size, HARMONICS), dtype=np.complex128)
    for p in range(len(patch.pipes)):
        kept = index[p] < HARMONICS
        out[:, index[p][kept]] += swung[:, kept] * through[p][kept]  # a pipe's harmonics fall apart
    return out


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


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s sounds (s): while its hole is covered and until the tongue has
    stopped once it is opened; and the fade at its cut end."""
    return max(held, _SHORTEST) + 6.0 * patch.level[3] + _FADE


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, reed_set: ReedSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has stopped:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    pipe); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, reed_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, pipes to each) played for `held` seconds at `velocity`. What varies
    (the breath's hiss, its vibrato's phase, the player's bend and sway) is drawn with `seed` (the
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
        hiss = struck_render.above_note(rng, hz, patch.breath_band, times.size, sample_rate)
        return tone, patch.breath * hiss * swung / (float(swung.max()) or 1.0)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


_OCTAVE = ((1.0, 1.0), (2.0, 0.35))
# The chords: a khaen, its copper-silver reeds set close to their slots and blown hard, bright and
# buzzing, each note's pipe sounding with its octave's in the other row; a sheng's brass reeds, set
# further off, mellower, its pipes cut a little above their reeds; a sho, its reeds set far above
# their slots so they barely enter them, near a sine, soft.
KHAEN = Instrument("khaen", pipes=_OCTAVE, rest=-0.15, gap=0.04, swing=1.7, contact=0.010, tuned=1.01,
                   column=25.0, bore=0.005, breath=0.03, level=(0.0, 0.0, 1.0, 0.04))  # fmt: skip
SHENG = Instrument("sheng", rest=-0.35, gap=0.05, swing=1.3, contact=0.012, tuned=1.03, column=35.0,
                   bore=0.004, breath=0.02, level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip
SHO = Instrument("sho", rest=-0.55, gap=0.06, swing=0.9, contact=0.018, tuned=1.015, column=40.0,
                 bore=0.0035, breath=0.015, level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
# The basses: a bass sheng, its long pipes' bores widened, its long tongues slow to speak; a lusheng's
# great bass pipe, a bamboo resonator tube over its top tuned to the note.
BASS_SHENG = Instrument("bass sheng", rest=-0.3, gap=0.05, swing=1.4, contact=0.03, tuned=1.02,
                        column=40.0, bore=0.012, breath=0.015, level=(0.0, 0.0, 1.0, 0.08),
                        gain=1.2)  # fmt: skip
LUSHENG = Instrument("lusheng's great pipe", rest=-0.25, gap=0.05, swing=1.5, contact=0.035, tuned=1.02,
                     column=30.0, bore=0.015, horn=(1.0, 6.0, 3.0), breath=0.02,
                     level=(0.0, 0.0, 1.0, 0.09), gain=1.2)  # fmt: skip
# The leads: a hulusi, its melody pipe through a gourd windchest (its Helmholtz resonance a few
# hundred Hz), bent into its notes and swayed by the fingers; a bawu, breathy, a breath's vibrato
# swelling it; a soprano sheng, its reeds set close, bright.
HULUSI = Instrument("hulusi", rest=-0.4, gap=0.05, swing=1.1, contact=0.015, tuned=1.02, column=30.0,
                    bore=0.006, gourd=(380.0, 3.0, 2.0), breath=0.03, scoop=25.0, glide=0.05,
                    vibrato=12.0, rate=5.5, delay=0.25, level=(0.0, 0.0, 1.0, 0.05),
                    gain=0.9)  # fmt: skip
BAWU = Instrument("bawu", rest=-0.45, gap=0.06, swing=1.0, contact=0.02, tuned=1.02, column=25.0,
                  bore=0.007, breath=0.06, pulse=0.15, vibrato=5.0, rate=5.0, delay=0.3,
                  level=(0.0, 0.0, 1.0, 0.05), gain=0.9)  # fmt: skip
SOPRANO_SHENG = Instrument("soprano sheng", rest=-0.2, gap=0.04, swing=1.6, contact=0.008, tuned=1.02,
                           column=30.0, bore=0.0035, breath=0.02, level=(0.0, 0.0, 1.0, 0.04),
                           gain=0.9)  # fmt: skip
# Held: a khaen held on its pipes and their octaves; a sho held, soft.
KHAEN_HELD = Instrument("khaen, held", pipes=_OCTAVE, rest=-0.2, gap=0.04, swing=1.5, contact=0.012,
                        tuned=1.01, column=25.0, bore=0.005, breath=0.025,
                        level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
SHO_HELD = Instrument("sho, held", rest=-0.55, gap=0.06, swing=0.9, contact=0.02, tuned=1.015,
                      column=40.0, bore=0.0035, breath=0.015, level=(0.0, 0.0, 1.0, 0.08))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the khaen, the sheng and
# the sho; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: KHAEN_HELD,
        49: SHO_HELD,
        21: KHAEN,
        20: SHENG,
        23: SHO,
        33: BASS_SHENG,
        34: LUSHENG,
        22: HULUSI,
        75: BAWU,
        109: SOPRANO_SHENG,
    }


def pipe_pop(hz: float, ring: float, count: int = 4) -> struck_render.Partials:
    """A pipe's open end slapped shut by the palm, its column closed there and ringing at its odd
    modes, the first at `hz` (Hz, 1 / k of the first's level, each dying over `ring` s over k)."""
    return tuple((hz * k, 1.0 / k, ring / k) for k in range(1, 2 * count, 2))


def _drums() -> dict[int, Struck]:
    return {
        # A khaen's hardwood windchest thumped by the palm, its air's Helmholtz resonance and its wood
        # (the bass drum); a bass sheng's copper windchest thumped, lower, ringing longer (the other).
        36: Struck(
            ((88.0, 1.0, 0.05), (151.0, 0.5, 0.03), (263.0, 0.3, 0.02)),
            (40.0, 900.0),
            0.03,
            1.3,
            sweep=0.5,
            glide=0.03,
        ),
        35: Struck(
            ((67.0, 1.0, 0.06), (121.0, 0.5, 0.04), (229.0, 0.3, 0.02)),
            (30.0, 700.0),
            0.03,
            1.2,
            sweep=0.4,
            glide=0.03,
        ),
        # A tongue slap, the breath chuffed hard through the mouthpiece, every slot hissing and a few
        # tongues flicked (the snare); a pair of chap, flat hand cymbals, clapped (the other snare); a
        # fingernail flicking a reed's tongue, its cantilever's first two modes, 1 : 6.267 (the side
        # stick); krap, two wooden clappers, clacked (the clap).
        38: Struck(
            ((1430.0, 0.3, 0.02), (2190.0, 0.2, 0.015)), (1200.0, 7000.0), 0.06, 0.9, grains=3, spread=0.02
        ),
        40: Struck(
            ((517.0, 0.3, 0.05), (1289.0, 0.3, 0.04), (2467.0, 0.2, 0.03)),
            (2000.0, 9000.0),
            0.06,
            0.8,
            grains=4,
            spread=0.03,
        ),
        37: Struck(((1210.0, 1.0, 0.02), (7583.0, 0.3, 0.006)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(
            ((1130.0, 0.4, 0.01), (2870.0, 0.3, 0.006)), (800.0, 6000.0), 0.02, 0.8, grains=2, spread=0.01
        ),
        # A pipe's open end slapped shut by the palm, three lengths (the toms).
        41: Struck(pipe_pop(131.0, 0.06), (100.0, 1500.0), 0.012, 0.9),
        45: Struck(pipe_pop(187.0, 0.05), (150.0, 2200.0), 0.012, 0.9),
        48: Struck(pipe_pop(263.0, 0.04), (200.0, 3000.0), 0.01, 0.9),
        # Ching, small cup cymbals, clicked and clamped at once (the closed hat), pressed together (the
        # pedal hat) and let ring (the open hat); a ring tapped on the brass mouthpiece (the ride); the
        # chap clashed open (the crash).
        42: Struck(((3370.0, 0.3, 0.006), (5590.0, 0.2, 0.004)), (4000.0, 10000.0), 0.008, 0.35),
        44: Struck(((2910.0, 0.2, 0.004),), (2500.0, 7000.0), 0.005, 0.3),
        46: Struck(
            ((3370.0, 0.3, 0.12), (4470.0, 0.3, 0.1), (5590.0, 0.25, 0.08), (7930.0, 0.2, 0.06)),
            (4000.0, 10000.0),
            0.06,
            0.35,
        ),
        51: Struck(
            ((2730.0, 0.5, 0.04), (4610.0, 0.3, 0.03), (6950.0, 0.2, 0.02)), (3000.0, 9000.0), 0.006, 0.35
        ),
        49: Struck(
            ((431.0, 0.2, 0.3), (1187.0, 0.2, 0.25), (2639.0, 0.2, 0.2)),
            (1500.0, 10000.0),
            0.3,
            0.4,
            grains=2,
            spread=0.02,
        ),
        # The sheng's metal pipe bands rattled (the tambourine); the windchest's lacquer knocked by a
        # knuckle (the cowbell); two krap clicked (the claves); a khaen's chest knocked high and low
        # (the wood blocks).
        54: Struck(((4230.0, 0.3, 0.01),), (3000.0, 10000.0), 0.03, 0.4, grains=5, spread=0.04),
        56: Struck(((733.0, 1.0, 0.03), (1911.0, 0.4, 0.015)), (600.0, 5000.0), 0.003, 0.4),
        75: Struck(((2470.0, 1.0, 0.012), (6310.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1310.0, 1.0, 0.02), (3530.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((870.0, 1.0, 0.025), (2390.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


REED_SET = ReedSet(
    root=Path(__file__).with_name("reed-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("reed-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
REED_SETS = {REED_SET.root: REED_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
