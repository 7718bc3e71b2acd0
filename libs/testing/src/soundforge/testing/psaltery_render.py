"""Notes to audio by psalteries plucked by hand, computed in numpy: board zithers whose strings run over
a bridge across a soundbox -- a kantele's steel strings tied round its metal bar (the varras), a
qanun's courses of three nylon strings plucked with a plectrum over its skin bridge, a guzheng's
strings over their movable bridges, a plucked psaltery's wire courses. Each string's free modes stand
where a stiff string's do (n f sqrt(1 + B n^2) / sqrt(1 + B), the first on the note, B the string's
`stiffness`), each weighted by where the finger or the plectrum meets it (an ideal pluck's
|sin(n pi x)| / n, the modes with a node there silent) and by the tip's width (a finger's flesh
rounding the pluck's corner takes the highs: exp(-(n pi w)^2 / 2)), through the soundbox's
resonances, a higher mode dying sooner; the string's tension rising with its swing, so a hard pluck
starts sharp and falls onto the note as it dies (tension modulation: the pitch raised by the
fundamental's level squared); on a kantele the knot round the varras passing that tension's swing at
twice each low mode's frequency back into the string, so a doubled partial grows under the string's
own second mode (stretched sharp of it by the stiffness) and beats against it; a course's strings a
little apart, so a qanun's note beats; a guzheng's left hand pressing the string behind its bridge,
which can only raise its tension, so the pitch sways up from the note and back (never under it); a
tremolo repicking a held string (the plectrum's or the shaking finger's), each pick a little early
or late and its strength varying, throwing the modes back to its level while the phase runs on; the
plectrum's or the nail's snap at each pick. And a kit of the psalteries' own bodies and strings
struck: the soundbox struck by the palm, its top knocked, the bass strings slapped onto the board,
the pin block knocked, a plectrum scraped along a wound string, the strings behind the bridges swept,
a qanun's mandal levers flicked, the varras struck -- ringing partials and noise, the winding's
ridges and the levers' clicks as grains, no recording."""

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

MODES = 16  # a string's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
_FADE = 0.01  # s: the fade at a sound's cut end
_SNAP = 0.0015  # s: how fast a pick's snap dies
_SALT = 7211  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A psaltery's string (or course) plucked. Its modes are a stiff string's, B = `stiffness`, each
    weighted by |sin(n pi `pluck`)| / n^`order` (`pluck` the share of the string's length from the
    bridge where it is plucked) and by the tip's width, exp(-(n pi `tip`)^2 / 2), through the
    soundbox's `formants` ((Hz, width in octaves, gain) each); `level`: (attack s, the first mode's
    ring s, 1 where it is repicked while held -- 0 where it is plucked once --, the hand's damping s
    once the note ends: 0 for none, it rings on); a higher mode's ring shorter by its number to
    `loss`, a harder pluck brighter; `glide` cents the pitch starts sharp at velocity 127 (tension
    modulation, falling with the fundamental's level squared); `varras` the share of each of the
    first two modes' level, squared, the knot sends back at twice its frequency; `course` strings a
    note, `spread` cents apart in all; `press` (cents, Hz, s): the left hand pressing behind the
    bridge, the pitch rising up to that many cents and back at that rate from that long after the
    pluck; `roll` picks a second while held, each `jitter` of a period early or late and its
    strength up to `jitter` * 4 softer; `snap` the pick's snap against the note, over `snap_band`
    Hz."""

    kind: str
    stiffness: float
    order: float = 1.0
    pluck: float = 0.2
    tip: float = 0.01
    level: tuple[float, float, float, float] = (0.001, 1.0, 0.0, 0.0)
    loss: float = 0.7
    formants: tuple[tuple[float, float, float], ...] = ()
    glide: float = 0.0
    varras: float = 0.0
    course: int = 1
    spread: float = 0.0
    press: tuple[float, float, float] = (0.0, 0.0, 0.0)
    roll: float = 0.0
    jitter: float = 0.0
    snap: float = 0.03
    snap_band: tuple[float, float] = (2000.0, 8000.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.0
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A psaltery's body or strings struck in the kit (struck_render.Drum's partials and noise), and
    `grains` more strokes at random within `spread` s, each at up to its share of the first (a wound
    string's ridges under a plectrum, a mandal's levers clicking), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
PsalterySet = struck_render.StruckSet[Instrument, Struck]

# The kantele's soundbox (its spruce top over a hollowed alder body), the qanun's (its trapezoid box,
# the skin under the bridge lifting the middle), the guzheng's (its long paulownia box).
_KANTELE_BOX = ((260.0, 0.6, 1.8), (520.0, 0.8, 1.4))
_QANUN_BOX = ((300.0, 0.7, 1.6), (1100.0, 0.9, 1.8))
_GUZHENG_BOX = ((180.0, 0.7, 1.7), (420.0, 0.9, 1.5))

# The chords: a kantele's steel strings plucked by the fingers near the varras; a qanun's courses of
# three plucked with the plectrum; a guzheng's strings plucked with its taped picks.
KANTELE = Instrument("kantele's steel strings", 0.0004, order=1.0, pluck=0.13, tip=0.012,
                     level=(0.0015, 1.6, 0.0, 0.0), loss=0.8, formants=_KANTELE_BOX, glide=7.0,
                     varras=0.35, snap=0.02, snap_band=(1500.0, 6000.0))  # fmt: skip
QANUN = Instrument("qanun's courses", 0.00015, order=0.9, pluck=0.09, tip=0.004,
                   level=(0.001, 0.7, 0.0, 0.0), loss=0.9, formants=_QANUN_BOX, glide=4.0, course=3,
                   spread=2.5, snap=0.05, snap_band=(2500.0, 9000.0))  # fmt: skip
GUZHENG = Instrument("guzheng's strings", 0.0003, order=1.0, pluck=0.17, tip=0.006,
                     level=(0.001, 1.3, 0.0, 0.0), loss=0.8, formants=_GUZHENG_BOX, glide=6.0,
                     press=(12.0, 5.0, 0.35), snap=0.04, snap_band=(2000.0, 8000.0))  # fmt: skip
# Repicked while held: a guzheng's string under the shaking finger's tremolo (yao zhi), a qanun's
# course under the plectrum's.
GUZHENG_TREMOLO = Instrument("guzheng's string in tremolo", 0.0003, order=1.0, pluck=0.17, tip=0.006,
                             level=(0.002, 0.9, 1.0, 0.15), loss=0.8, formants=_GUZHENG_BOX,
                             glide=3.0, roll=14.0, jitter=0.05, snap=0.02)  # fmt: skip
QANUN_TREMOLO = Instrument("qanun's course in tremolo", 0.00015, order=0.9, pluck=0.09, tip=0.004,
                           level=(0.0015, 0.5, 1.0, 0.12), loss=0.9, formants=_QANUN_BOX, glide=2.0,
                           course=3, spread=2.5, roll=11.0, jitter=0.05, snap=0.025,
                           snap_band=(2500.0, 9000.0))  # fmt: skip
# The basses: a bass kantele's long wound strings; a qanun's low courses.
BASS_KANTELE = Instrument("bass kantele's wound strings", 0.0008, order=1.2, pluck=0.2, tip=0.02,
                          level=(0.002, 2.0, 0.0, 0.0), loss=0.8, formants=_KANTELE_BOX, glide=9.0,
                          varras=0.25, snap=0.02, snap_band=(800.0, 4000.0), gain=1.2)  # fmt: skip
LOW_QANUN = Instrument("qanun's low courses", 0.0003, order=1.1, pluck=0.12, tip=0.008,
                       level=(0.0015, 1.0, 0.0, 0.0), loss=0.9, formants=_QANUN_BOX, glide=5.0, course=3,
                       spread=2.0, snap=0.03, snap_band=(1200.0, 5000.0), gain=1.2)  # fmt: skip
# The leads: a guzheng's top strings, the left hand pressing behind the bridge; a psaltery's wire
# courses plucked with a quill.
GUZHENG_PRESSED = Instrument("guzheng's top strings pressed", 0.0003, order=0.9, pluck=0.15, tip=0.005,
                             level=(0.001, 0.9, 0.0, 0.0), loss=0.8, formants=_GUZHENG_BOX,
                             glide=4.0, press=(14.0, 5.5, 0.15), snap=0.05, gain=0.9)  # fmt: skip
PSALTERY = Instrument("psaltery's wire courses", 0.0002, order=0.8, pluck=0.11, tip=0.003,
                      level=(0.0008, 1.1, 0.0, 0.0), loss=0.9, formants=((700.0, 0.9, 1.6),), glide=3.0,
                      course=2, spread=1.5, snap=0.06, snap_band=(3000.0, 10000.0), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords repicked; a song's chords on a kantele, a
# qanun and a guzheng; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: GUZHENG_TREMOLO,
        49: QANUN_TREMOLO,
        15: KANTELE,
        16: QANUN,
        17: GUZHENG,
        34: BASS_KANTELE,
        35: LOW_QANUN,
        104: GUZHENG_PRESSED,
        105: PSALTERY,
    }


def _box(hz: float, ring: float, amplitudes: tuple[float, ...]) -> tuple[tuple[float, float, float], ...]:
    """A soundbox struck: its air's Helmholtz mode and its top's first plate modes (a thin rectangular
    plate's, 1, 1.69, 2.45 and 2.95 times its air's), each at its amplitude, a higher one dying
    sooner."""
    ratios = (1.0, 1.69, 2.45, 2.95)
    return tuple((hz * r, a, ring / r) for r, a in zip(ratios, amplitudes, strict=False))


def _strings(hz: float, count: int, ring: float) -> tuple[tuple[float, float, float], ...]:
    """Short string segments behind the bridges swept or struck: `count` of them from `hz` up, each a
    length apart that no scale keeps (ratios of 1.137 each), ringing briefly."""
    return tuple((hz * 1.137**k, 1.0 / (1.0 + 0.2 * k), ring / (1.0 + 0.1 * k)) for k in range(count))


def _drums() -> dict[int, Struck]:
    return {
        # The soundbox struck by the palm at its middle (the bass drums); its top knocked at three
        # places by the knuckles (the toms).
        36: Struck(_box(105.0, 0.09, (1.0, 0.5, 0.3)), (100.0, 900.0), 0.02, 1.3),
        35: Struck(_box(90.0, 0.1, (1.0, 0.5, 0.3)), (90.0, 800.0), 0.02, 1.2),
        41: Struck(_box(170.0, 0.06, (1.0, 0.6, 0.4, 0.2)), (300.0, 2500.0), 0.012, 1.0),
        45: Struck(_box(230.0, 0.05, (1.0, 0.6, 0.4, 0.2)), (400.0, 3000.0), 0.01, 1.0),
        48: Struck(_box(300.0, 0.045, (1.0, 0.6, 0.4, 0.2)), (500.0, 3500.0), 0.01, 1.0),
        # The bass strings slapped onto the board, clattering against it (the snares); the pin block
        # knocked by a knuckle (the side stick); the palm slapping the strings dead, its fingers
        # landing after it (the clap).
        38: Struck(_strings(82.0, 6, 0.05), (1200.0, 7000.0), 0.06, 0.9),
        40: Struck(_strings(96.0, 5, 0.04), (1000.0, 6000.0), 0.05, 0.9),
        37: Struck(((1380.0, 0.8, 0.025), (3720.0, 0.3, 0.012)), (1500.0, 6000.0), 0.004, 0.6),
        39: Struck(_strings(140.0, 4, 0.015), (800.0, 5000.0), 0.012, 0.7, grains=3, spread=0.025),
        # A plectrum scraped along a wound bass string, its ridges ticking (the closed hat), held
        # against the string (the pedal), drawn its whole length (the open hat); the strings behind
        # the bridges swept (the crash); one of them struck with the plectrum's back (the ride); the
        # varras struck, a steel bar free at both ends (the cowbell: 1, 2.756 and 5.404 times its
        # first) and at its end (the bell).
        42: Struck(((3900.0, 0.15, 0.006),), (2500.0, 9000.0), 0.01, 0.35, grains=7, spread=0.03),
        44: Struck(((3900.0, 0.15, 0.005),), (2500.0, 8000.0), 0.007, 0.3),
        46: Struck(((3900.0, 0.15, 0.01),), (2500.0, 10000.0), 0.02, 0.35, grains=14, spread=0.12),
        49: Struck(_strings(1650.0, 9, 0.5), (3000.0, 10000.0), 0.2, 0.45),
        51: Struck(_strings(2310.0, 2, 0.25), (3000.0, 8000.0), 0.008, 0.35),
        56: Struck(
            ((760.0, 1.0, 0.25), (2094.0, 0.5, 0.12), (4107.0, 0.25, 0.06)), (1000.0, 5000.0), 0.004, 0.4
        ),
        53: Struck(((1520.0, 1.0, 0.5), (4189.0, 0.4, 0.25), (8214.0, 0.2, 0.1)), gain=0.35),
        # The frame's edge tapped with a nail (the claves and the wood blocks), a qanun's mandal
        # levers flicked up and down the course (the tambourine), fingernails rubbed on the top (the
        # maracas), the varras's thin end struck and damped or left to ring (the triangles).
        75: Struck(((1720.0, 1.0, 0.025), (4650.0, 0.3, 0.01)), (1500.0, 5000.0), 0.004, 0.5),
        76: Struck(((1290.0, 1.0, 0.03), (3480.0, 0.3, 0.012)), (1500.0, 5000.0), 0.004, 0.5),
        77: Struck(((910.0, 1.0, 0.035), (2460.0, 0.3, 0.015)), (1200.0, 4000.0), 0.004, 0.5),
        54: Struck(
            ((4870.0, 0.4, 0.01), (6620.0, 0.3, 0.008)), (4000.0, 10000.0), 0.01, 0.4, grains=5, spread=0.04
        ),
        70: Struck((), (3000.0, 9000.0), 0.02, 0.35, grains=8, spread=0.06),
        80: Struck(((2650.0, 1.0, 0.05), (7300.0, 0.4, 0.02)), gain=0.35),
        81: Struck(((2650.0, 1.0, 0.7), (7300.0, 0.4, 0.35), (14310.0, 0.2, 0.15)), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, psaltery_set: PsalterySet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one
    string or course to a note); the drum channel through the set's kit, unbent. A program or a drum
    the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, psaltery_set, _SOUNDED, lambda p: True
    )


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each mode's frequency over the note's, those under 0.45 of the rate: a stiff string's,
    n sqrt(1 + B n^2) / sqrt(1 + B)."""
    n = np.arange(1, MODES + 1, dtype=np.float64)
    modes = n * np.sqrt(1.0 + patch.stiffness * n**2) / np.sqrt(1.0 + patch.stiffness)
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


def spectrum(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """The modes' levels at a pluck: each |sin(n pi x)| / n^order, the tip's width taking the highs,
    through the soundbox's formants."""
    n = np.arange(1, ratio.size + 1, dtype=np.float64)
    levels = np.abs(np.sin(n * np.pi * patch.pluck)) / n**patch.order
    levels = levels * np.exp(-0.5 * (n * np.pi * patch.tip) ** 2)
    for centre, width, lift in patch.formants:
        levels = levels * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(ratio * hz / centre) / width) ** 2))
    return np.asarray(levels)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, ratio: Signal,
           struck: tuple[Signal, Signal]) -> Signal:  # fmt: skip
    """The modes' levels (frames x modes) at `frames` s: each pick throwing every mode back to its
    pluck's level (times the pick's strength), which then dies over its ring (the first's over its
    number to `loss`); the hand damping it once the note ends where it does; a harder pluck brighter
    (a higher mode's level over the first's raised by up to a tenth of its number's octaves at
    velocity 127); the first never under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, ratio.size + 1, dtype=np.float64)
    rings = patch.level[1] / n**patch.loss
    base = spectrum(patch, hz, ratio) * n ** (0.1 * velocity / 127.0)
    return rolled_render.levels(base, rings, patch.level, held, frames, struck, FUNDAMENTAL_FLOOR)


def bend(patch: Instrument, velocity: int, times: Signal, first: Signal) -> Signal:
    """The pitch over the note's (a ratio at each of `times`): tension modulation, `glide` cents at
    velocity 127 times the fundamental's level `first` (peak 1) squared; and the left hand pressing
    behind the bridge, which only raises it: up to `press` cents, (1 - cos) / 2 at its rate, from its
    delay on, coming in over a period."""
    cents = patch.glide * velocity / 127.0 * first**2
    depth, rate, after = patch.press
    if depth and rate:
        since = np.maximum(times - after, 0.0)
        cents = cents + depth * np.minimum(since * rate, 1.0) * 0.5 * (
            1.0 - np.cos(2.0 * np.pi * rate * since)
        )
    return np.asarray(2.0 ** (cents / 1200.0))


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string or a course to each) plucked for `held` seconds at
    `velocity`. What varies (the modes' phases, the picks' timing and strength, the snaps) is drawn
    with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    count = int(rolled_render.length(patch.level, patch.roll, held, _FADE) * sample_rate)
    times: Signal = np.arange(count) / sample_rate
    struck = rolled_render.strokes(patch.roll, patch.jitter, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, ratio, struck)
        envelopes = [np.interp(times, frames, weights[:, k]) for k in range(ratio.size)]
        first = envelopes[0] / (float(envelopes[0].max()) or 1.0)
        turned = np.cumsum(bend(patch, velocity, times, first)) / sample_rate  # s, at the note's rate
        tone = np.zeros(times.size)
        offsets = np.linspace(-0.5, 0.5, patch.course) * patch.spread if patch.course > 1 else np.zeros(1)
        for offset in offsets:
            string = hz * 2.0 ** (float(offset) / 1200.0)
            phases = rng.uniform(0.0, 2.0 * np.pi, ratio.size + 2)
            for k in range(ratio.size):
                tone += envelopes[k] * np.sin(2.0 * np.pi * string * ratio[k] * turned + phases[k])
            for k in range(min(2, ratio.size)):  # the varras: the tension's swing at twice mode k
                if patch.varras and 2.0 * ratio[k] * string < 0.45 * sample_rate:
                    peak = float(envelopes[k].max()) or 1.0
                    doubled = patch.varras * envelopes[k] ** 2 / peak
                    tone += doubled * np.sin(4.0 * np.pi * string * ratio[k] * turned + phases[-1 - k])
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, patch.snap * rolled_render.knocks(
            struck, times, patch.snap_band, _SNAP, rng, sample_rate
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


PSALTERY_SET = PsalterySet(
    root=Path(__file__).with_name("psaltery-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("psaltery-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
PSALTERY_SETS = {PSALTERY_SET.root: PSALTERY_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
