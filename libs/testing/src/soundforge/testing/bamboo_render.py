"""Notes to audio by bamboo tubes tuned to notes, computed in numpy: Sundanese angklung, two or three
bamboo tubes an octave apart hung loose in a frame, each tube cut away above its node to a tongue
and its foot knocking in a slot as the frame is shaken or flicked; and calung, bamboo tubes tuned
to a scale and struck with a padded stick.
Each tube's tongue is a cantilever, clamped where the cut ends, free at its tip: its modes stand at
the roots of 1 + cos b cosh b = 0, 1, 6.267, 17.547 and 34.386 times its first, each set going as its
shape where the stroke falls, phi(x) = cosh bx - cos bx - s (sinh bx - sin bx) over its tip's 2
(`at` of the tongue's length from the clamp), through the stroke's half-sine `contact` s long (a
softer stroke longer, as a Hertzian contact is), dying at 1 / `ring` + `loss` f^2. Under the tongue
the tube's air column, closed at the node, open at the cut, has its resonances at the odd harmonics
of its first, and the maker trims the tube until that first stands on the tongue's first, the note:
the tongue radiates through the column, each of its modes lifted by the column's response where it
falls (the note on the first resonance, the tongue's inharmonic modes between the odd ones, held
down), and the stroke's knock sets the column's own odd modes ringing for a moment (`echo`), each
dying at pi f / `column`. An angklung's tubes sound their notes an octave apart (`tubes`), and
shaken, each tube's foot knocks its slot again `roll` times a second while the note is held.
And a kit of bamboo's own sounds, none of them held: a bumbung's big tube stamped on the ground (the
bass drum), a kentongan's slit tube struck (the other), a split bamboo clapper slapped (the snare),
a bamboo rattle shaken (the other snare), a tube's rim tapped (the side stick), two split bamboos
clapped (the clap), stamping tubes of three lengths (the toms), a bamboo shaker tapped, pressed and
swirled (the hats), a tube's wall tapped (the ride), a cluster of dry bamboo rattled (the crash), a
bamboo frame's pegs rattled (the tambourine), a kentongan's rim (the cowbell), two bamboo sticks
clicked (the claves) and a kentongan's small slit high and low (the wood blocks) -- a tube's modes and
noise, the rattles as grains, no recording."""

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

# The roots b of 1 + cos b cosh b = 0: a cantilever's modes stand at (b / b1)^2 times its first.
ROOTS = (1.8751041, 4.6940911, 7.8547574, 10.9955407)
ECHOES = 3  # the air column's odd modes the knock sets ringing: 3, 5 and 7 times the note
FUNDAMENTAL_FLOOR = 0.3  # the note's mode is never under this share of the loudest
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6427  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """Bamboo tubes tuned to a note. `tubes`: each tube's note against the note and its level (an
    angklung's octaves); each tube's tongue struck `at` of its length from the clamp over `contact` s
    at velocity 127, its modes dying at 1 / `ring` + `loss` f^2, radiated through the tube's air
    column (its odd resonances at Q `column`), the column's own odd modes knocked ringing at `echo` of
    the note, dying at pi f / `column`. `level`: the stroke's onset s, -, 1 where the note is held (the
    frame shaken `roll` times a second, `jitter` of a period early or late and softer), the hand
    stopping the tubes once the note ends, s; `knock`: the foot's knock in its slot or the stick's at
    each stroke against the note; Players' vibrato (none: bamboo holds its pitch) and a `scoop`."""

    kind: str
    tubes: tuple[tuple[float, float], ...] = ((1.0, 1.0),)
    at: float = 0.9
    contact: float = 0.001
    ring: float = 0.6
    loss: float = 2e-6
    column: float = 25.0
    echo: float = 0.08
    knock: float = 0.0
    roll: float = 0.0
    jitter: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.001, 0.0, 0.0, 0.1)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of bamboo in the kit (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the rattles), drawn
    once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
BambooSet = struck_render.StruckSet[Instrument, Struck]


def cantilever(at: float) -> tuple[Signal, Signal]:
    """A tongue's modes against its first, (b / b1)^2, and each one's swing `at` of its length from
    the clamp over its swing at the tip (2): |cosh bx - cos bx - s (sinh bx - sin bx)| / 2, s = (cosh b
    + cos b) / (sinh b + sin b)."""
    b = np.array(ROOTS)
    s = (np.cosh(b) + np.cos(b)) / (np.sinh(b) + np.sin(b))
    x = b * at
    swing = np.abs(np.cosh(x) - np.cos(x) - s * (np.sinh(x) - np.sin(x))) / 2.0
    return np.asarray((b / b[0]) ** 2), np.asarray(swing)


def column(f: Signal, hz: float, q: float) -> Signal:
    """What the tube's air column, closed at the node and open at the cut, its first resonance at
    `hz`, passes at `f` Hz: the sum of its odd resonances' responses (2k - 1) hz, Q `q`."""
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for k in range(1, 2 * ECHOES + 4, 2):
        out += tether_render.resonance(f, k * hz, q)
    return np.asarray(np.abs(out))


def modes(patch: Instrument) -> tuple[Signal, Signal]:
    """Every sounding mode against the note, the note's first: (its frequency, its tube (its index in
    `tubes`; -1 - index for the column's own echoes))."""
    ratio, _ = cantilever(patch.at)
    echoes = np.arange(3.0, 2.0 * ECHOES + 2.0, 2.0)
    parts = [(over * ratio, np.full(ratio.size, float(t))) for t, (over, _) in enumerate(patch.tubes)]
    parts += [(over * echoes, np.full(echoes.size, -1.0 - t)) for t, (over, _) in enumerate(patch.tubes)]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def sounding(patch: Instrument, hz: float, sample_rate: int) -> npt.NDArray[np.bool_]:
    """Which of the modes sound: those under 0.45 of the rate (the note's always)."""
    out = modes(patch)[0] * hz < 0.45 * sample_rate
    out[0] = True
    return np.asarray(out)


# How long the stick or the slot stays on the tube at a velocity:
# `contact` at 127, longer for a softer stroke, timed as tether_render times its strokes.
contact = tether_render.contact


def struck(patch: Instrument, hz: float, velocity: int, sample_rate: int) -> Signal:
    """Each sounding mode's level as the tubes are set going: a tongue's mode its swing where the
    stroke falls, through the stroke's half-sine (tether_render.stroke) and through its tube's air
    column (column), times the tube's level; the column's own echoes at `echo`, through the stroke."""
    ratio, tube = modes(patch)
    _, swing = cantilever(patch.at)
    levels = np.empty(ratio.size)
    for t, (over, level) in enumerate(patch.tubes):
        mine, echo = tube == t, tube == -1.0 - t
        levels[mine] = level * swing * column(ratio[mine] * hz, over * hz, patch.column)
        levels[echo] = level * patch.echo
    levels *= tether_render.stroke(ratio * hz, contact(patch, velocity))
    return np.asarray(levels[sounding(patch, hz, sample_rate)])


def dying(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each sounding mode's rate of dying (1/s): a tongue's 1 / ring + loss f^2, an echo of the air
    column's pi f / `column`."""
    ratio, tube = (part[sounding(patch, hz, sample_rate)] for part in modes(patch))
    f = ratio * hz
    return np.asarray(np.where(tube < 0, np.pi * f / patch.column, 1.0 / patch.ring + patch.loss * f**2))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           strokes: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back
    to its level (struck), which then dies at its rate, the hand stopping the tubes once the note
    ends (rolled_render.levels); the note's mode never under FUNDAMENTAL_FLOOR of the loudest."""
    rings = 1.0 / np.maximum(dying(patch, hz, sample_rate), 1e-9)
    base = struck(patch, hz, velocity, sample_rate)
    return rolled_render.levels(base, rings, patch.level, held, frames, strokes, FUNDAMENTAL_FLOOR)


def length(patch: Instrument, hz: float, held: float, sample_rate: int) -> float:
    """How long a note held `held` s sounds (s): struck once, or shaken while held, until the note's
    mode has died or the hand has stopped it; and the fade at its cut end."""
    first = float(dying(patch, hz, sample_rate)[0])
    return rolled_render.dying_length(first, patch.roll, held, patch.level[3], _FADE)


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, bamboo_set: BambooSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    tubes); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, bamboo_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, tubes to each) played for `held` seconds at `velocity`. What varies
    (when a shake's knocks fall, the knock, the player's bend) is drawn with `seed` (the note's own,
    note_rng, where None). Its peak stays under 0.25 of its gain."""
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
            band = (min(3.0 * hz, 3000.0), min(16.0 * hz, 0.45 * sample_rate))
            knock = patch.knock * rolled_render.knocks(strokes, times, band, 0.003, rng, sample_rate)
        return tone, knock

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


_OCTAVES = ((1.0, 1.0), (2.0, 0.45))
# The chords: an angklung flicked once, its two tubes an octave apart; a calung's tubes struck with a
# padded stick near the tongue's tip; a three-tube angklung (octaves above the note) flicked.
ANGKLUNG = Instrument("angklung", tubes=_OCTAVES, at=0.95, contact=0.0008, ring=0.5, loss=3e-6,
                      column=25.0, echo=0.06, knock=0.04, level=(0.001, 0.0, 0.0, 0.08))  # fmt: skip
CALUNG = Instrument("calung", at=0.85, contact=0.0015, ring=0.7, loss=2e-6, column=30.0, echo=0.1,
                    knock=0.05, level=(0.0015, 0.0, 0.0, 0.1))  # fmt: skip
TRIPLE = Instrument("angklung of three tubes", tubes=(*_OCTAVES, (4.0, 0.2)), at=0.95, contact=0.0007,
                    ring=0.45, loss=3e-6, column=25.0, echo=0.05, knock=0.04,
                    level=(0.001, 0.0, 0.0, 0.08))  # fmt: skip
# The basses: a bass angklung's long tubes flicked; a calung's long tubes, the stick softer.
BASS_ANGKLUNG = Instrument("bass angklung", tubes=_OCTAVES, at=0.95, contact=0.002, ring=0.9, loss=2e-6,
                           column=35.0, echo=0.05, knock=0.03, level=(0.002, 0.0, 0.0, 0.12),
                           gain=1.2)  # fmt: skip
BASS_CALUNG = Instrument("bass calung", at=0.85, contact=0.003, ring=1.0, loss=2e-6, column=35.0,
                         echo=0.08, knock=0.03, level=(0.002, 0.0, 0.0, 0.15), gain=1.2)  # fmt: skip
# The leads: a small angklung flicked; a calung's small tubes struck near the tip; a calung's tube
# struck hard at its clamp's side, its higher modes louder.
SMALL_ANGKLUNG = Instrument("small angklung", tubes=_OCTAVES, at=0.95, contact=0.0005, ring=0.35,
                            loss=4e-6, column=22.0, echo=0.05, knock=0.04,
                            level=(0.001, 0.0, 0.0, 0.06), gain=0.9)  # fmt: skip
SMALL_CALUNG = Instrument("small calung", at=0.9, contact=0.0008, ring=0.45, loss=4e-6, column=25.0,
                          echo=0.08, knock=0.05, level=(0.001, 0.0, 0.0, 0.07), gain=0.9)  # fmt: skip
HARD_CALUNG = Instrument("calung struck hard", at=0.6, contact=0.0004, ring=0.4, loss=4e-6, column=25.0,
                         echo=0.1, knock=0.06, level=(0.001, 0.0, 0.0, 0.07), gain=0.9)  # fmt: skip
# Held: an angklung shaken while the note is held; a bass angklung shaken.
SHAKEN = Instrument("angklung, held", tubes=_OCTAVES, at=0.95, contact=0.001, ring=0.5, loss=3e-6,
                    column=25.0, echo=0.04, knock=0.02, roll=11.0, jitter=0.06,
                    level=(0.002, 0.0, 1.0, 0.08))  # fmt: skip
BASS_SHAKEN = Instrument("bass angklung, held", tubes=_OCTAVES, at=0.95, contact=0.002, ring=0.9,
                         loss=2e-6, column=35.0, echo=0.03, knock=0.02, roll=9.0, jitter=0.06,
                         level=(0.003, 0.0, 1.0, 0.12))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on angklung and calung; the
# basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: SHAKEN,
        50: BASS_SHAKEN,
        11: ANGKLUNG,
        15: CALUNG,
        8: TRIPLE,
        32: BASS_ANGKLUNG,
        34: BASS_CALUNG,
        72: SMALL_ANGKLUNG,
        79: SMALL_CALUNG,
        9: HARD_CALUNG,
    }


def tube(hz: float, ring: float, count: int = 4) -> struck_render.Partials:
    """A bamboo tube knocked, its air column's first mode at `hz`: its odd modes (Hz, 1 / k of the
    first's level, each dying over `ring` s over k)."""
    return tuple((hz * k, 1.0 / k, ring / k) for k in range(1, 2 * count, 2))


def _drums() -> dict[int, Struck]:
    return {
        # A bumbung's big tube stamped on the ground (the bass drum); a kentongan's slit tube struck,
        # its cavity's resonance and its wall (the other).
        36: Struck(tube(61.0, 0.06, 3), (40.0, 600.0), 0.03, 1.3, sweep=0.3, glide=0.04),
        35: Struck(((83.0, 1.0, 0.09), (229.0, 0.3, 0.03), (517.0, 0.2, 0.02)), (60.0, 800.0), 0.02, 1.2),
        # A split bamboo clapper slapped (the snare); a bamboo rattle shaken (the other snare); a tube's
        # rim tapped (the side stick); two split bamboos clapped (the clap).
        38: Struck(
            ((437.0, 0.5, 0.03), (1210.0, 0.4, 0.02)), (1200.0, 7000.0), 0.05, 0.9, grains=4, spread=0.03
        ),
        40: Struck(((613.0, 0.4, 0.02),), (1500.0, 8000.0), 0.04, 0.8, grains=6, spread=0.05),
        37: Struck(((1730.0, 1.0, 0.01), (4810.0, 0.3, 0.005)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(
            ((931.0, 0.4, 0.01), (2390.0, 0.3, 0.006)), (800.0, 6000.0), 0.02, 0.8, grains=2, spread=0.012
        ),
        # Stamping tubes of three lengths (the toms).
        41: Struck(tube(97.0, 0.1), (100.0, 1500.0), 0.01, 0.9),
        45: Struck(tube(151.0, 0.08), (150.0, 2200.0), 0.01, 0.9),
        48: Struck(tube(227.0, 0.06), (200.0, 3000.0), 0.008, 0.9),
        # A bamboo shaker tapped (the closed hat), pressed (the pedal hat) and swirled (the open hat);
        # a tube's wall tapped (the ride); dry bamboo rattled (the crash).
        42: Struck(((5890.0, 0.2, 0.004),), (4500.0, 10000.0), 0.01, 0.35, grains=2, spread=0.012),
        44: Struck(((3970.0, 0.2, 0.004),), (2500.0, 7000.0), 0.006, 0.3),
        46: Struck(((5230.0, 0.2, 0.02),), (3000.0, 10000.0), 0.1, 0.35, grains=5, spread=0.08),
        51: Struck(
            ((1570.0, 0.5, 0.03), (2870.0, 0.3, 0.02), (4330.0, 0.2, 0.015)), (2500.0, 8000.0), 0.02, 0.35
        ),
        49: Struck(((3410.0, 0.2, 0.1),), (2000.0, 10000.0), 0.3, 0.4, grains=7, spread=0.25),
        # A bamboo frame's pegs rattled (the tambourine); a kentongan's rim (the cowbell); two bamboo
        # sticks clicked (the claves); a kentongan's small slit high and low (the wood blocks).
        54: Struck(((4710.0, 0.3, 0.015),), (3000.0, 10000.0), 0.03, 0.4, grains=5, spread=0.04),
        56: Struck(((683.0, 1.0, 0.04), (1790.0, 0.4, 0.02)), (600.0, 5000.0), 0.003, 0.4),
        75: Struck(((2290.0, 1.0, 0.012), (6130.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1130.0, 1.0, 0.02), (3070.0, 0.3, 0.01)), (900.0, 6000.0), 0.002, 0.5),
        77: Struck(((803.0, 1.0, 0.025), (2210.0, 0.3, 0.012)), (600.0, 5000.0), 0.002, 0.5),
    }


BAMBOO_SET = BambooSet(
    root=Path(__file__).with_name("bamboo-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("bamboo-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
BAMBOO_SETS = {BAMBOO_SET.root: BAMBOO_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
