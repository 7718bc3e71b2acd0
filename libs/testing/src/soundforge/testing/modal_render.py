"""Notes to audio through modal synthesis of tuned bars, bells, plates and tines (a bank of decaying
resonators per note, each mode at its own frequency ratio, decay and amplitude, set by the mallet
and the strike position) in numpy, and a kit of struck membranes, woods and metals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import struck_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

# Each instrument's modes: (frequency ratio to the note, amplitude, decay as a share of the
# fundamental's). Tuned bars as their makers tune them: a marimba's and a vibraphone's first overtones
# at the 4th and 10th harmonics (two octaves, three octaves and a major third up), a xylophone's at
# the 3rd (a twelfth), its next left where it falls; a glockenspiel's and a celesta's steel free bars
# untuned (a free beam's 2.756, 5.404, 8.933); a tubular bell's tube modes ((2n+1)^2: its 4th, 5th and
# 6th near 2, 3 and 4 times the note, the strike tone a listener names an octave under the 4th); a
# church bell's hum, prime, tierce (a minor third above the prime in every bell, major keys too),
# quint, nominal and the partials over it, in equal temperament as a carillon's are tuned; a hand bell
# tuned to its twelfth, a faint tierce beside it; a steel pan's note with its octave and twelfth
# tuned in, a stray mode above; a kalimba's or mbira's tines, clamped at one end (1 : 6.27 : 17.55);
# crotales, thick tuned discs.
MODES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "marimba": ((1.0, 1.0, 1.0), (4.0, 0.45, 0.3), (10.0, 0.2, 0.12)),
    "xylophone": ((1.0, 1.0, 1.0), (3.0, 0.55, 0.45), (6.55, 0.2, 0.2)),
    "vibraphone": ((1.0, 1.0, 1.0), (4.0, 0.35, 0.35), (10.0, 0.12, 0.15)),
    "glockenspiel": ((1.0, 1.0, 1.0), (2.756, 0.4, 0.5), (5.404, 0.2, 0.3), (8.933, 0.08, 0.2)),
    "celesta": ((1.0, 1.0, 1.0), (2.756, 0.15, 0.4), (5.404, 0.05, 0.2)),
    "tubular": (
        (0.617, 0.08, 0.6),
        (1.0, 0.3, 0.9),
        (1.21, 0.15, 0.7),
        (2.0, 1.0, 1.0),
        (2.988, 0.6, 0.7),
        (4.173, 0.35, 0.5),
    ),
    "church-bell": (
        (0.5, 0.6, 1.6),
        (1.0, 1.0, 1.0),
        (2.0 ** (3 / 12), 0.5, 0.8),
        (2.0 ** (7 / 12), 0.25, 0.6),
        (2.0, 0.8, 0.5),
        (2.0 ** (16 / 12), 0.25, 0.35),
        (2.0 ** (19 / 12), 0.2, 0.3),
        (4.0, 0.1, 0.2),
    ),
    "hand-bell": ((1.0, 1.0, 1.0), (2.0 ** (3 / 12), 0.15, 0.6), (3.0, 0.45, 0.5), (5.04, 0.1, 0.3)),
    "steel-pan": ((1.0, 1.0, 1.0), (2.0, 0.5, 0.7), (3.0, 0.25, 0.5), (4.31, 0.06, 0.3)),
    "kalimba": ((1.0, 1.0, 1.0), (6.267, 0.18, 0.15), (17.55, 0.05, 0.06)),
    "crotales": ((1.0, 1.0, 1.0), (2.32, 0.2, 0.5), (4.05, 0.08, 0.3)),
}
# The mode a listener names each one's note by, as a ratio to the note: a tubular bell's strike
# tone is heard an octave under its 4th mode, which sounds at twice the note.
STRIKE = {kind: 2.0 if kind == "tubular" else 1.0 for kind in MODES}
# The fundamental's decay time constant (s) at middle C and how it shortens up the range (a power of
# the frequency ratio to middle C): bars ring shorter the higher they sit, bells longest.
DECAYS = {
    "marimba": (0.55, 0.7),
    "xylophone": (0.25, 0.6),
    "vibraphone": (1.6, 0.5),
    "glockenspiel": (1.4, 0.3),
    "celesta": (0.8, 0.5),
    "tubular": (2.2, 0.3),
    "church-bell": (2.5, 0.4),
    "hand-bell": (1.5, 0.4),
    "steel-pan": (0.7, 0.4),
    "kalimba": (0.9, 0.5),
    "crotales": (2.0, 0.3),
}
MIDDLE_C = 261.6256  # Hz
# A mallet's contact time (s) sets its brightness: a mode at f keeps (1 + (2 t f1)^2) / (1 + (2 t f)^2)
# of its amplitude against the fundamental's (a long contact, a soft mallet, smooths the higher
# modes away); a strike harder by velocity shortens it down to CONTACT_SPEEDUP of itself.
MALLETS = {
    "yarn": (0.0012, 0.002),
    "cord": (0.0006, 0.0011),
    "rubber": (0.0004, 0.0008),
    "hard": (0.0001, 0.0003),
}
CONTACT_SPEEDUP = 0.6
POSITIONS = (0.12, 0.4)  # the strike point, as a share of the bar's length from its end, drawn
POSITION_SCATTER = 0.02  # how far a player's strikes stray from it, note by note
DETUNES = (0.2, 1.2)  # cents: how far each bar may sit off its pitch, the spread drawn per patch
RESONATORS = (1.5, 2.4)  # a tube resonator's boost of the fundamental, drawn
MOTOR_RATES = (3.5, 7.0)  # Hz: a vibraphone motor's turns of its discs, drawn
MOTOR_DEPTHS = (0.3, 0.6)  # how deep the discs close the tubes over the fundamental, drawn
OVERTONE_TREMOLO = 0.25  # the overtones' share of it: the tubes carry the fundamental
DAMPING = 0.06  # s: a damper's time to stop a bar (or a felt a note let go)
ROLL_RATES = (10.0, 15.0)  # strokes a second of a mallet roll, drawn; each stroke strays by ROLL_SCATTER
ROLL_SCATTER = 0.25
BOW_NOISE = 0.04  # a bow's hair: noise through the bar's own modes against the bowed tone
RING = 6.0  # s: the longest a struck note rings on past its release before it is cut (faded)
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 4447  # mixed into every patch's draw and every note's seed


@dataclass(frozen=True)
class Struck:
    """A struck instrument: each note sounds the modes of `kind` (MODES) as resonators, the
    fundamental boosted by a tube `resonator` (1: none) and decays scaled by `damping`, brightened by
    the `mallet`'s contact time, its overtones weighted by the strike `position` (its fundamental
    never: a player strikes near its antinode), every bar off its pitch by up to `detune` cents (the
    same bar the same way each time). A `tremolo` (depth, Hz; depth 0: none) is a vibraphone's motor;
    `pedal` lets a note ring past its release (a sustain pedal held) where False damps it; a `roll`
    (strokes a second; 0: one stroke) keeps restriking it while it is held."""

    kind: str
    mallet: float  # s: the contact time
    position: float
    damping: float
    detune: float
    resonator: float
    tremolo: tuple[float, float]
    pedal: bool
    roll: float
    salt: int  # the program: which way each of its bars is off its pitch
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return self.roll > 0


@dataclass(frozen=True)
class Bowed:
    """A bar or a disc bowed at its end: its fundamental driven steadily (stick and slip locked to it)
    after a bow's `attack` seconds, a little hair noise ringing through its modes, its tone swelling
    by `swell` (depth, Hz) with the bow's pressure; off its pitch by up to `detune` cents as Struck's."""

    kind: str
    attack: float
    swell: tuple[float, float]
    detune: float
    salt: int
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return True


Patch = Struck | Bowed


@dataclass(frozen=True)
class Drum:
    """A kit piece as modes: (Hz, amplitude, decay s) each, and noise band-passed between `noise`
    (Hz, Hz; (0, 0): none) decaying over `decay` seconds (a snare's wires, a cymbal's wash)."""

    modes: tuple[tuple[float, float, float], ...]
    noise: tuple[float, float] = (0.0, 0.0)
    decay: float = 0.0
    gain: float = 1.0


Kit = struck_render.Kit[Drum]
# General MIDI programs to bars, bells and tines and drums to a modal kit's: what a render through
# the set may play.
ModalSet = struck_render.StruckSet[Patch, Drum]


def struck(program: int, kind: str, mallets: tuple[str, ...], *, resonated: bool = False,
           motor: bool = False, pedals: tuple[bool, ...] = (True,), roll: bool = False,
           damping: float = 1.0, gain: float = 1.0) -> Struck:  # fmt: skip
    """The struck patch a General MIDI program is mapped to: its mallet drawn from those given and
    its contact time, strike position, detune, resonator, motor and pedal drawn by the program, the
    same on every run."""
    rng = np.random.default_rng([program, _SALT])
    contact = float(rng.uniform(*MALLETS[str(rng.choice(mallets))]))
    position = float(rng.uniform(*POSITIONS))
    detune = float(rng.uniform(*DETUNES))
    resonator = float(rng.uniform(*RESONATORS)) if resonated else 1.0
    tremolo = (float(rng.uniform(*MOTOR_DEPTHS)), float(rng.uniform(*MOTOR_RATES))) if motor else (0.0, 0.0)
    pedal = bool(rng.choice(pedals))
    rolled = float(rng.uniform(*ROLL_RATES)) if roll else 0.0
    return Struck(kind, contact, position, damping, detune, resonator, tremolo, pedal, rolled, program, gain)


def bowed(program: int, kind: str, *, attack: tuple[float, float] = (0.15, 0.35), gain: float = 1.0) -> Bowed:
    """The bowed patch a General MIDI program is mapped to: its bow's attack, its swell and its
    detune drawn by the program, the same on every run."""
    rng = np.random.default_rng([program, _SALT])
    swell = (float(rng.uniform(0.03, 0.12)), float(rng.uniform(0.15, 0.5)))
    return Bowed(kind, float(rng.uniform(*attack)), swell, float(rng.uniform(*DETUNES)), program, gain)


def _membrane(
    hz: float, decay: float, amplitudes: tuple[float, ...]
) -> tuple[tuple[float, float, float], ...]:
    """A struck drumhead's first modes (Bessel zeros' ratios, 1 : 1.59 : 2.14 : 2.30 : 2.65), the
    higher ones dying sooner."""
    ratios = (1.0, 1.594, 2.136, 2.296, 2.653)
    return tuple((hz * r, a, decay / r) for r, a in zip(ratios, amplitudes, strict=False))


def _metal(hz: float, decay: float, *, harmonic: bool = False) -> tuple[tuple[float, float, float], ...]:
    """A struck metal's modes above `hz`: a triangle's rod near-harmonic (its bends spread them a
    little), a cymbal's or a hat's plate thick with inharmonic ones."""
    ratios = (1.0, 2.01, 3.03, 4.08, 5.15) if harmonic else (1.0, 1.41, 1.73, 2.19, 2.66, 3.14)
    return tuple((hz * r, 1.0 / (1.0 + k), decay / (1.0 + 0.3 * k)) for k, r in enumerate(ratios))


# General MIDI programs to struck, rolled and bowed bars, bells and tines, as a percussionist's
# setup would cover them: the chord programs as four-mallet vibraphone and marimba, a celesta, a
# steel pan and a hand-bell choir; the basses as a bass marimba and a marimbula's big tines; the
# leads as a xylophone, a glockenspiel, an mbira, tubular bells and a carillon's church bells; what
# holds (strings, a pad, a choir) as a bowed vibraphone, a marimba rolled with yarn and bowed
# crotales.
MODAL = ModalSet(
    root=Path(__file__).with_name("modal-patches"),
    programs={
        # Chords: a vibraphone (its motor on), a marimba, a celesta, a steel pan, hand bells.
        11: struck(11, "vibraphone", ("cord", "yarn"), resonated=True, motor=True, pedals=(True, False)),
        12: struck(12, "marimba", ("yarn", "cord"), resonated=True, gain=1.1),
        8: struck(8, "celesta", ("yarn",), resonated=True, pedals=(False,)),
        15: struck(15, "steel-pan", ("rubber",), damping=1.2),
        5: struck(5, "hand-bell", ("rubber", "cord"), pedals=(False,), gain=0.9),
        # Basses: a bass marimba, a marimbula.
        32: struck(32, "marimba", ("yarn",), resonated=True, damping=1.5, gain=1.3),
        33: struck(33, "kalimba", ("rubber",), damping=1.3, gain=1.3),
        # Leads: a xylophone, a glockenspiel, an mbira, tubular bells, church bells.
        13: struck(13, "xylophone", ("hard", "rubber"), resonated=True),
        9: struck(9, "glockenspiel", ("hard",), gain=0.8),
        108: struck(108, "kalimba", ("rubber",)),
        14: struck(14, "tubular", ("rubber", "hard"), pedals=(True, False), gain=0.9),
        10: struck(10, "church-bell", ("hard",), damping=0.8, gain=0.9),
        # Held (what held tones and free-time chords play, with no pulse of their own): a bowed
        # vibraphone, a marimba rolled with yarn mallets, bowed crotales.
        48: bowed(48, "vibraphone"),
        89: struck(89, "marimba", ("yarn",), resonated=True, pedals=(False,), roll=True, gain=0.9),
        52: bowed(52, "crotales", attack=(0.25, 0.5), gain=0.8),
    },
    drums=Kit(
        kit=Path(__file__).with_name("modal-patches") / "kit",
        drums={
            36: Drum(_membrane(55.0, 0.22, (1.0, 0.4, 0.2, 0.1)), gain=1.4),  # a kick's head
            37: Drum(((1500.0, 1.0, 0.012), (2650.0, 0.5, 0.008)), (2000.0, 6000.0), 0.006, 0.8),  # a rim
            38: Drum(_membrane(185.0, 0.09, (1.0, 0.6, 0.4, 0.3)), (1800.0, 8000.0), 0.12),  # a snare
            39: Drum((), (900.0, 4500.0), 0.07, 0.8),  # a clap: hands, noise alone
            42: Drum(_metal(7200.0, 0.03), (7000.0, 10000.0), 0.03, 0.45),  # a closed hat
            44: Drum(_metal(6400.0, 0.015), (6000.0, 10000.0), 0.015, 0.3),  # a pedalled hat
            46: Drum(_metal(6800.0, 0.25), (5500.0, 10000.0), 0.25, 0.4),  # an open hat
            51: Drum(_metal(3300.0, 0.6), (4000.0, 10000.0), 0.5, 0.3),  # a ride
            45: Drum(_membrane(110.0, 0.18, (1.0, 0.5, 0.25)), gain=0.9),  # a low tom
            48: Drum(_membrane(165.0, 0.15, (1.0, 0.5, 0.25)), gain=0.8),  # a high tom
            69: Drum((), (4000.0, 9000.0), 0.05, 0.35),  # a cabasa
            76: Drum(((1250.0, 1.0, 0.03), (3420.0, 0.4, 0.015)), gain=0.6),  # a high wood block
            77: Drum(((880.0, 1.0, 0.035), (2410.0, 0.4, 0.018)), gain=0.6),  # a low wood block
            80: Drum(_metal(4600.0, 0.05, harmonic=True), gain=0.35),  # a muted triangle
            81: Drum(_metal(4600.0, 0.8, harmonic=True), gain=0.3),  # an open triangle
        },
    ),
    drum_gain=0.9,
)
# The modal sets a render may name in place of a soundfont (midi_render.render_notes).
MODAL_SETS = {MODAL.root: MODAL}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, modal_set: ModalSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's patch, bent by `cents` (the notes a channel
    strikes together one sound: a four-mallet chord); the drum channel through the set's kit,
    unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, modal_set, _SOUNDED, lambda patch: True
    )


def bar_cents(patch: Patch, key: int) -> float:
    """How far the patch's bar (or bell, or tine) for MIDI `key` sits off its pitch, in cents: drawn
    within its detune by the bar, the same on every note and every run."""
    return float(np.random.default_rng([_SALT, patch.salt, key]).uniform(-1.0, 1.0)) * patch.detune


def decay_of(kind: str, hz: float, damping: float = 1.0) -> float:
    """The fundamental's decay time constant (s) of a `kind` note at `hz`, scaled by `damping`."""
    at_c, slope = DECAYS[kind]
    return damping * at_c * (MIDDLE_C / hz) ** slope


def modes_of(
    patch: Struck, hz: float, velocity: int, position: float, sample_rate: int
) -> list[tuple[float, float, float]]:
    """(Hz, amplitude, decay s) of each mode a strike on a `hz` note sounds, below 0.45 of the rate:
    the fundamental boosted by the resonator, the overtones by the mallet's brightness and by the
    strike point's share of their mode shape (a free bar's k-th overtone has k + 2 nodes)."""
    contact = patch.mallet * (1.0 - (1.0 - CONTACT_SPEEDUP) * velocity / 127.0)
    fundamental = decay_of(patch.kind, hz, patch.damping)
    modes = []
    for k, (ratio, amplitude, share) in enumerate(MODES[patch.kind]):
        mode_hz = hz * ratio
        if mode_hz >= 0.45 * sample_rate:
            continue
        if ratio == STRIKE[patch.kind] or ratio < 1.0:
            weight = patch.resonator if ratio == 1.0 else 1.0
        else:
            bright = (1.0 + (2.0 * contact * hz) ** 2) / (1.0 + (2.0 * contact * mode_hz) ** 2)
            weight = bright * (0.3 + 0.7 * abs(float(np.sin(np.pi * (k + 1.5) * position))))
        modes.append((mode_hz, amplitude * weight, max(0.01, fundamental * share)))
    return modes


def voice(patch: Patch, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The patch playing `pitches` (fractional MIDI, struck together) for `held` seconds, then ringing
    on (a pedal held) or damped; what varies (strike scatter, a roll's strokes, a bow's hair, a
    motor's phase) drawn with `seed` (the note's own, note_rng, where None). Its peak stays under
    0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    hzs = [440.0 * 2.0 ** ((p + bar_cents(patch, round(p)) / 100.0 - 69.0) / 12.0) for p in pitches]
    if isinstance(patch, Bowed):
        size = int((held + DAMPING) * sample_rate)
    elif patch.pedal:
        longest = max(
            decay_of(patch.kind, hz, patch.damping) * max(s for _, _, s in MODES[patch.kind]) for hz in hzs
        )
        size = int((held + max(DAMPING, min(RING, 7.0 * longest))) * sample_rate)
    else:
        size = int((held + DAMPING) * sample_rate)
    times = np.arange(size) / sample_rate
    out = np.zeros(size)
    for hz in hzs:
        if isinstance(patch, Bowed):
            note = _bowed(patch, hz, held, times, sample_rate, rng)
        else:
            note = _struck(patch, hz, velocity, held, times, sample_rate, rng)
        out += note / (float(np.abs(note).max()) or 1.0)
    loud = 0.35 + 0.65 * velocity / 127.0
    if isinstance(patch, Bowed) or not patch.pedal:
        out *= np.clip((held + DAMPING - times) / DAMPING, 0.0, 1.0)  # the damper, or the bow lifted
    out *= np.clip((times[-1] - times) / _FADE, 0.0, 1.0)
    return (0.25 * patch.gain * loud * out / np.sqrt(len(pitches))).astype(np.float32)


def _resonate(force: Signal, hz: float, decay: float, sample_rate: int) -> Signal:
    """`force` through one mode: a two-pole resonator at `hz` whose impulse response, sin(w n) r^n,
    dies by 1/e in `decay` seconds."""
    radius = float(np.exp(-1.0 / (decay * sample_rate)))
    omega = 2.0 * np.pi * hz / sample_rate
    b = [0.0, radius * np.sin(omega)]
    a = [1.0, -2.0 * radius * np.cos(omega), radius * radius]
    return np.asarray(signal.lfilter(b, a, force))


def _struck(patch: Struck, hz: float, velocity: int, held: float, times: Signal, sample_rate: int,
            rng: np.random.Generator) -> Signal:  # fmt: skip
    """One note's modes rung by its strike (or a roll's strokes while it is held), the fundamental and
    the overtones each under the motor's tremolo where the patch has one."""
    force = np.zeros(times.size)
    strokes = [0.0]
    if patch.roll:
        while (
            after := strokes[-1] + float(rng.uniform(1 - ROLL_SCATTER, 1 + ROLL_SCATTER)) / patch.roll
        ) < held:
            strokes.append(after)
    for at in strokes:
        force[min(int(at * sample_rate), times.size - 1)] += (
            float(rng.uniform(0.6, 1.0)) if len(strokes) > 1 else 1.0
        )
    position = float(np.clip(patch.position + rng.normal(0.0, POSITION_SCATTER), 0.02, 0.5))
    fundamental = np.zeros(times.size)
    overtones = np.zeros(times.size)
    for mode_hz, amplitude, decay in modes_of(patch, hz, velocity, position, sample_rate):
        ring = amplitude * _resonate(force, mode_hz, decay, sample_rate)
        if mode_hz == hz:
            fundamental += ring
        else:
            overtones += ring
    depth, rate = patch.tremolo
    if depth:
        turn = 0.5 - 0.5 * np.cos(2.0 * np.pi * rate * times + float(rng.uniform(0.0, 2.0 * np.pi)))
        fundamental *= 1.0 - depth * turn
        overtones *= 1.0 - OVERTONE_TREMOLO * depth * turn
    return fundamental + overtones


def _bowed(patch: Bowed, hz: float, held: float, times: Signal, sample_rate: int,
           rng: np.random.Generator) -> Signal:  # fmt: skip
    """One bowed note: the fundamental's steady tone (with the faint harmonics of the bow's stick and
    slip) rising over the attack and swelling with the bow's pressure, and the bow's hair as noise
    rung through the bar's modes."""
    depth, rate = patch.swell
    pressure = np.minimum(1.0, times / patch.attack) * (
        1.0 + depth * np.sin(2.0 * np.pi * rate * times + float(rng.uniform(0.0, 2.0 * np.pi)))
    )
    pressure *= times < held + DAMPING
    tone = np.zeros(times.size)
    for harmonic, amplitude in ((1, 1.0), (2, 0.06), (3, 0.03)):
        if harmonic * hz < 0.45 * sample_rate:
            tone += amplitude * np.sin(
                2.0 * np.pi * harmonic * hz * times + float(rng.uniform(0.0, 2.0 * np.pi))
            )
    hair = np.zeros(times.size)
    noise = rng.standard_normal(times.size) * pressure
    for ratio, amplitude, share in MODES[patch.kind]:
        if hz * ratio < 0.45 * sample_rate:
            hair += amplitude * _resonate(
                noise, hz * ratio, max(0.01, decay_of(patch.kind, hz) * share), sample_rate
            )
    hair *= BOW_NOISE / (float(np.sqrt(np.mean(hair**2))) or 1.0)
    return np.asarray(tone * pressure + hair)


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One drum: its modes ringing from a strike and its band-passed noise (struck_render)."""
    return struck_render.ringing_hit(
        _SALT, drum.modes, drum.noise, drum.decay, drum.gain, velocity, sample_rate
    )


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Patch, Drum] = struck_render.Sounded(voice, _hit, 1024)
