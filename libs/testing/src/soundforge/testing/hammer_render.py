"""Notes to audio through physical models of struck and plucked keyboard strings and electric pianos
(a piano's stiff strings in unison under a felt hammer over its soundboard, a harpsichord's plucked
ones, a clavinet's read by pickups, a tine's and a reed's electric pianos, a toy piano's rods, a
dulcimer's and a cimbalom's courses) in numpy, and a kit struck from the same strings and frame."""

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

MIDDLE_C = 261.6256  # Hz
# What sounds in each kind: stiff strings whose n-th partial sits at n f0 sqrt(1 + B n^2) / sqrt(1 + B)
# (the first exactly at the note: stiffness stretches only the partials above it), a tine or a reed
# read by a pickup, or a toy piano's rods (clamped at one end: 1 : 6.27 : 17.55).
STRINGS = ("grand", "upright", "harpsichord", "clavinet", "cimbalom")
PICKED_UP = ("tine", "reed")
# (ratio, amplitude, decay as a share of the fundamental's) of a toy piano's rod: its overtones a
# brief clang over the note, gone long before it (else they would sound a pitch of their own).
ROD_MODES = ((1.0, 1.0, 1.0), (6.267, 0.12, 0.08), (17.55, 0.04, 0.03))
# Each string kind's stiffness B at middle C, drawn per patch; it grows by B_TREBLE an octave up the
# treble (short, thick strings) and shrinks by B_BASS an octave down (long, wound ones), and each
# register (an octave of keys) is drawn off that curve by up to REGISTER_SCATTER.
STIFFNESS = {
    "grand": (2.5e-4, 4.5e-4),
    "upright": (5e-4, 9e-4),
    "harpsichord": (2e-5, 6e-5),
    "clavinet": (5e-5, 1.5e-4),
    "cimbalom": (1e-4, 2.5e-4),
}
B_TREBLE = 2.2
B_BASS = 0.7
REGISTER_SCATTER = (0.8, 1.25)
# Each kind's decay at middle C: the prompt sound's time constant (s), the aftersound's, the
# aftersound's share of the amplitude (unison strings drifting out of phase and the string's
# vertical motion giving way to its slower horizontal one: the two-stage decay), and how both
# shorten up the range (a power of the frequency ratio to middle C).
DECAYS = {
    "grand": (0.45, 3.0, 0.3, 0.6),
    "upright": (0.35, 2.2, 0.25, 0.6),
    "harpsichord": (0.8, 2.0, 0.2, 0.5),
    "clavinet": (0.25, 0.8, 0.15, 0.5),
    "cimbalom": (0.7, 2.8, 0.3, 0.5),
    "tine": (0.9, 3.5, 0.4, 0.5),
    "reed": (0.45, 1.5, 0.3, 0.5),
    "toy": (0.25, 0.9, 0.25, 0.4),
}
PARTIAL_DAMPING = 0.12  # each partial up dies this much faster than the one under it (air, the bridge)
MAX_PARTIALS = 40
# Strings in a course: a grand's and an upright's three above MIDI 45, two down to 33, one below; a
# cimbalom's four; a harpsichord's, a clavinet's, a tine's, a reed's and a rod's one.
COURSES = {"grand": ((45, 3), (33, 2)), "upright": ((45, 3), (33, 2)), "cimbalom": ((0, 4),)}
UNISON_SPREAD = (0.5, 1.0)  # each course's outer strings off its middle, a share of the patch's spread
# The hammer's (a mallet's, a plectrum's, a tangent's) contact time smooths the partials above the
# fundamental away: partial f keeps 1 / (1 + (t f)^2) of its amplitude against the fundamental's
# (_brightness); a harder blow (by velocity) shortens it to HARDEN of itself, and a treble hammer is
# lighter (its contact shorter as (middle C / f0)^0.25). A plectrum's pluck is as bright at any
# velocity.
HARDEN = 0.35
PLUCKED = ("harpsichord",)
BOARD_GAIN = 1.2  # a soundboard resonance's lift of the partials that fall on it
BOARD_WIDTH = 0.15  # its half-width, a share of its frequency
THUMP = 0.05  # the board's own knock under the hammer, against the note
THUMP_DECAY = 0.04  # s
SYMPATHY = 0.08  # with the dampers up, the strings a note's partials fall on ring along at this share
SYMPATHY_RISE = 0.05  # s: how long they take to build up
DAMPING = 0.08  # s: a damper's time to stop a string (a clavinet's yarn, a harpsichord's felt)
RING = 3.0  # s: the longest a note rings on past its release with the dampers up
RELEASE_THUMP = 0.03  # a harpsichord's jack falling back and its damper landing, against the note
TREMOLO_RATES = (9.0, 14.0)  # strokes a second of a cimbalom's (or a pianist's) tremolo, drawn
TREMOLO_SCATTER = 0.25  # how far each stroke strays from its place, a share of the stroke's period
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6173  # mixed into every patch's draw and every note's seed


@dataclass(frozen=True)
class Hammered:
    """A keyboard or a hammered instrument: each note of `kind` (DECAYS) struck (or plucked) at
    `strike` along its string with a `contact` time (s), its course's strings `unison` cents apart
    at most, its stiffness B `stiffness` at middle C. A `pickup` (a share of the string from its end;
    0: none) reads a clavinet's string as a comb; `bark` drives a tine's or a reed's pickup harder the
    harder it is struck. `board` are the soundboard's resonances (Hz); `octave` the share of a
    harpsichord's 4' choir. `pedal` holds the dampers up (the note and the strings its partials
    fall on ring on); a `tremolo` (strokes a second; 0: one strike) restrikes the note while held."""

    kind: str
    contact: float
    strike: float
    unison: float
    stiffness: float
    pickup: float
    bark: float
    board: tuple[float, ...]
    octave: float
    pedal: bool
    tremolo: float
    salt: int  # the program: how each of its registers and courses is drawn
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return self.tremolo > 0


@dataclass(frozen=True)
class Drum:
    """A kit piece as partials: (Hz, amplitude, decay s) each (a muted or prepared string, a frame's
    knock), and noise band-passed between `noise` (Hz, Hz; (0, 0): none) decaying over `decay`
    seconds (a snare's rattle, a hat's scrape)."""

    partials: tuple[tuple[float, float, float], ...]
    noise: tuple[float, float] = (0.0, 0.0)
    decay: float = 0.0
    gain: float = 1.0


Kit = struck_render.Kit[Drum]
# General MIDI programs to hammered and plucked strings, tines and reeds and drums to the struck
# kit's: what a render through the set may play.
HammerSet = struck_render.StruckSet[Hammered, Drum]


def hammered(
    program: int,
    kind: str,
    *,
    contact: tuple[float, float],
    strike: tuple[float, float] = (0.11, 0.14),
    unison: tuple[float, float] = (0.3, 1.2),
    pickup: tuple[float, float] = (0.0, 0.0),
    bark: tuple[float, float] = (0.0, 0.0),
    boards: int = 0,
    octave: float = 0.0,
    pedals: tuple[bool, ...] = (False,),
    tremolo: bool = False,
    gain: float = 1.0,
) -> Hammered:
    """The patch a General MIDI program is mapped to: its contact time, strike point, unison spread,
    stiffness, pickup, bark, soundboard resonances and pedal drawn by the program, the same on every
    run."""
    rng = np.random.default_rng([program, _SALT])
    stiffness = float(rng.uniform(*STIFFNESS[kind])) if kind in STIFFNESS else 0.0
    board = tuple(float(hz) for hz in sorted(np.exp(rng.uniform(np.log(90.0), np.log(2500.0), boards))))
    return Hammered(
        kind,
        float(rng.uniform(*contact)),
        float(rng.uniform(*strike)),
        float(rng.uniform(*unison)),
        stiffness,
        float(rng.uniform(*pickup)),
        float(rng.uniform(*bark)),
        board,
        octave,
        bool(rng.choice(pedals)),
        float(rng.uniform(*TREMOLO_RATES)) if tremolo else 0.0,
        program,
        gain,
    )


def _string_drum(hz: float, stiffness: float, decay: float, count: int, *,
                 muted: float = 1.0) -> tuple[tuple[float, float, float], ...]:  # fmt: skip
    """A struck string's first `count` partials, stretched by `stiffness` (a bolt or a screw between a
    prepared piano's strings makes them very stiff) and dying the faster by `muted` up the series
    (a palm or felt on the string)."""
    return tuple(
        (
            hz * n * np.sqrt((1.0 + stiffness * n * n) / (1.0 + stiffness)),
            1.0 / n,
            decay / (1.0 + muted * (n - 1)),
        )
        for n in range(1, count + 1)
    )


# General MIDI programs to hammered, plucked and tremolo strings, tines and reeds, as a keyboard
# player's rig and a cimbalom player would cover them: the chord programs as a grand, a honky-tonk
# upright, a tine electric piano, a harpsichord with its 4' choir and a clavinet; the basses as a
# grand's wound strings and a tine piano's bass keys; the leads as a bright grand, a reed electric
# piano, a toy piano, a hammered dulcimer and a harpsichord's lute stop; what holds (strings, a
# second string section, a pad) as a cimbalom's tremolo, a grand's tremolo under the pedal and a tine
# piano's.
HAMMER = HammerSet(
    root=Path(__file__).with_name("hammer-patches"),
    programs={
        # Chords: a grand, a honky-tonk upright, a tine piano, a harpsichord (8' and 4'), a clavinet.
        0: hammered(0, "grand", contact=(0.0015, 0.0025), boards=4, pedals=(True, False)),
        3: hammered(3, "upright", contact=(0.0012, 0.002), unison=(6.0, 10.0), boards=3),
        4: hammered(4, "tine", contact=(0.001, 0.0015), bark=(0.4, 0.8), pedals=(True, False)),
        6: hammered(6, "harpsichord", contact=(0.0001, 0.0002), strike=(0.1, 0.14), boards=3, octave=0.4),
        7: hammered(7, "clavinet", contact=(0.0002, 0.0004), strike=(0.02, 0.05), pickup=(0.08, 0.2)),
        # Basses: a grand's wound strings, a tine piano's bass keys.
        32: hammered(32, "grand", contact=(0.003, 0.004), boards=4, gain=1.3),
        33: hammered(33, "tine", contact=(0.0015, 0.002), bark=(0.2, 0.4), gain=1.3),
        # Leads: a bright grand, a reed piano, a toy piano, a hammered dulcimer, a lute stop.
        1: hammered(1, "grand", contact=(0.0006, 0.001), boards=4),
        5: hammered(5, "reed", contact=(0.0008, 0.0012), bark=(0.5, 0.9)),
        8: hammered(8, "toy", contact=(0.0002, 0.0004), strike=(0.2, 0.3), gain=0.8),
        15: hammered(15, "cimbalom", contact=(0.0004, 0.0008), unison=(1.5, 3.0), boards=3, pedals=(True,)),
        46: hammered(46, "harpsichord", contact=(0.0001, 0.00015), strike=(0.04, 0.06), boards=3),
        # Held (what held tones and free-time chords play, with no pulse of their own): a cimbalom's
        # tremolo, a grand's under the pedal, a tine piano's.
        48: hammered(48, "cimbalom", contact=(0.001, 0.0015), unison=(1.5, 3.0), boards=3, tremolo=True),
        49: hammered(49, "grand", contact=(0.0025, 0.0035), boards=4, pedals=(True,), tremolo=True, gain=0.9),
        89: hammered(89, "tine", contact=(0.0015, 0.002), bark=(0.1, 0.3), tremolo=True, gain=0.9),
    },
    drums=Kit(
        kit=Path(__file__).with_name("hammer-patches") / "kit",
        drums={
            # A kick: a bass string muted by a palm, struck with a felt beater, and the board's thud.
            36: Drum(((48.0, 1.0, 0.2), *_string_drum(55.0, 0.002, 0.08, 4, muted=3.0)), gain=1.4),
            # A frame's knock: the iron plate struck with a drumstick.
            37: Drum(
                ((1630.0, 1.0, 0.015), (2870.0, 0.6, 0.01), (4420.0, 0.3, 0.006)), (1500.0, 5000.0), 0.006
            ),
            # A snare: a prepared string (a bolt between its strings) and its rattle.
            38: Drum(_string_drum(190.0, 0.05, 0.1, 6, muted=1.0), (1500.0, 7000.0), 0.12),
            39: Drum((), (800.0, 4000.0), 0.07, 0.8),  # a clap: the lid slammed, noise alone
            # Hats: the treble strings scraped with a coin, shut and open; the damper pedal's thump.
            42: Drum(_string_drum(5300.0, 0.3, 0.02, 3), (6000.0, 10000.0), 0.03, 0.45),
            44: Drum(((160.0, 1.0, 0.02),), (4000.0, 9000.0), 0.015, 0.35),
            46: Drum(_string_drum(5300.0, 0.3, 0.2, 3), (5000.0, 10000.0), 0.25, 0.4),
            51: Drum(
                _string_drum(3100.0, 0.4, 0.6, 4), (4000.0, 10000.0), 0.4, 0.3
            ),  # a ride: a stick on wire
            # Toms: muted bass strings struck with a mallet.
            43: Drum(_string_drum(98.0, 0.01, 0.15, 4, muted=2.0), gain=0.9),
            50: Drum(_string_drum(147.0, 0.01, 0.12, 4, muted=2.0), gain=0.8),
            # A stopped string's clank (a cowbell's place): a treble string pressed at a node.
            56: Drum(_string_drum(587.0, 0.08, 0.05, 3, muted=1.5), gain=0.5),
            # The keybed's knock (claves' place), and a chain laid on the strings (a shaker's).
            75: Drum(((2350.0, 1.0, 0.025), (5100.0, 0.3, 0.012)), gain=0.6),
            70: Drum((), (3500.0, 9000.0), 0.04, 0.35),
        },
    ),
    drum_gain=0.9,
)
# The hammer sets a render may name in place of a soundfont (midi_render.render_notes).
HAMMER_SETS = {HAMMER.root: HAMMER}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, hammer_set: HammerSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's patch, bent by `cents` (the notes a channel
    strikes together one sound: a chord's strings share a soundboard and its pedal); the drum channel
    through the set's kit, unbent. A program or a drum the set lacks is a KeyError, never a
    stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, hammer_set, _SOUNDED, lambda patch: True
    )


def stiffness_of(patch: Hammered, key: int, hz: float) -> float:
    """The stiffness B of the patch's string for MIDI `key` sounding `hz`: its curve over the range,
    drawn off it by the key's register (an octave of keys), the same on every run."""
    octaves = float(np.log2(hz / MIDDLE_C))
    curve = patch.stiffness * (B_TREBLE**octaves if octaves > 0 else B_BASS**-octaves)
    scatter = float(np.random.default_rng([_SALT, patch.salt, key // 12]).uniform(*REGISTER_SCATTER))
    return curve * scatter


def course_cents(patch: Hammered, key: int) -> tuple[float, ...]:
    """How far each string of MIDI `key`'s course sits off its pitch (cents): symmetric about it (the
    outer strings by a share of the patch's spread drawn by the key), so the course sounds the note."""
    count = next((n for lowest, n in COURSES.get(patch.kind, ()) if key >= lowest), 1)
    if count == 1:
        return (0.0,)
    spread = patch.unison * float(np.random.default_rng([_SALT, patch.salt, key, 1]).uniform(*UNISON_SPREAD))
    return tuple(float(c) for c in np.linspace(-1.0, 1.0, count) * spread / (2.0 if count == 2 else 1.0))


def partial_hz(n: int, hz: float, stiffness: float) -> float:
    """A stiff string's n-th partial: n f0 sqrt(1 + B n^2) / sqrt(1 + B), the first at f0 itself."""
    return hz * n * float(np.sqrt((1.0 + stiffness * n * n) / (1.0 + stiffness)))


def contact_of(patch: Hammered, hz: float, velocity: int) -> float:
    """The hammer's contact time (s) on a `hz` note at `velocity`: shorter the harder and the higher
    it is struck (a plectrum's the same at any velocity)."""
    harden = 1.0 if patch.kind in PLUCKED else 1.0 - (1.0 - HARDEN) * velocity / 127.0
    return patch.contact * harden * (MIDDLE_C / hz) ** 0.25


def _brightness(contact: float, hz: float, f: float) -> float:
    """What a hammer's contact leaves of a partial at `f` against a `hz` fundamental's amplitude."""
    return (1.0 + (contact * hz) ** 2) / (1.0 + (contact * f) ** 2)


def decays_of(kind: str, hz: float, n: int = 1) -> tuple[float, float, float]:
    """(prompt s, aftersound s, aftersound share) of the n-th partial of a `kind` note at `hz`."""
    prompt, after, share, slope = DECAYS[kind]
    scale = (MIDDLE_C / hz) ** slope / (1.0 + PARTIAL_DAMPING * (n - 1))
    return prompt * scale, after * scale, share


def partials_of(patch: Hammered, key: int, hz: float, velocity: int,
                sample_rate: int) -> list[tuple[float, float, int]]:  # fmt: skip
    """(Hz, amplitude, number) of each partial a strike on a `hz` string sounds below 0.45 of the
    rate: its stretch by the string's stiffness, weighted by the strike point (a node there leaves a
    partial silent), the hammer's contact, a pickup's comb, a soundboard's resonances and a
    harpsichord's 4' choir."""
    stiffness = stiffness_of(patch, key, hz)
    contact = contact_of(patch, hz, velocity)
    partials = []
    for n in range(1, MAX_PARTIALS + 1):
        f = partial_hz(n, hz, stiffness)
        if f >= 0.45 * sample_rate:
            break
        amplitude = (1.0 / n ** (1.3 if patch.kind in PLUCKED else 1.0)) * (
            0.1 + 0.9 * abs(float(np.sin(np.pi * n * patch.strike)))
        )
        amplitude *= _brightness(contact, hz, f)
        if patch.pickup:
            amplitude *= 0.05 + abs(float(np.sin(np.pi * n * patch.pickup)))
        for resonance in patch.board:
            amplitude *= 1.0 + BOARD_GAIN / (1.0 + ((f - resonance) / (BOARD_WIDTH * resonance)) ** 2)
        if patch.octave and n % 2 == 0:  # the 4' choir's partials fall on the 8' string's even ones
            amplitude += patch.octave * amplitude
        partials.append((f, amplitude, n))
    loudest = max(a for _, a, _ in partials)
    return [(f, a / loudest, n) for f, a, n in partials if a > 1e-3 * loudest]


def voice(patch: Hammered, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The patch playing `pitches` (fractional MIDI, struck together) for `held` seconds, then damped
    or (the pedal held) ringing on; a tremolo restrikes it while held. What varies (the partials'
    phases, a tremolo's strokes) is drawn with `seed` (the note's own, note_rng, where None). Its peak
    stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    hzs = [440.0 * 2.0 ** ((p - 69.0) / 12.0) for p in pitches]
    longest = max(decays_of(patch.kind, hz)[1] for hz in hzs)
    if patch.pedal:
        size = int((held + min(RING, 5.0 * longest)) * sample_rate)
    else:
        size = int((min(held, 7.0 * longest) + DAMPING) * sample_rate)
    times = np.arange(size) / sample_rate
    out = np.zeros(size)
    for pitch, hz in zip(pitches, hzs, strict=True):
        note = _note(patch, round(pitch), hz, velocity, times, sample_rate, rng)
        if patch.tremolo:
            note = _restruck(note, patch.tremolo, held, sample_rate, rng)
        out += note / (float(np.abs(note).max()) or 1.0)
    loud = 0.35 + 0.65 * velocity / 127.0
    if not patch.pedal:
        out *= np.clip((min(held, times[-1]) + DAMPING - times) / DAMPING, 0.0, 1.0)
        if patch.kind in PLUCKED and held < times[-1]:
            out += RELEASE_THUMP * _release_thump(held, size, sample_rate)
    out *= np.clip((times[-1] - times) / _FADE, 0.0, 1.0)
    return (0.25 * patch.gain * loud * out / np.sqrt(len(pitches))).astype(np.float32)


def _note(patch: Hammered, key: int, hz: float, velocity: int, times: Signal, sample_rate: int,
          rng: np.random.Generator) -> Signal:  # fmt: skip
    """One strike of one note: a string course's partials, a tine's or a reed's tone through its
    pickup, or a rod's modes; the board's knock and, with the pedal held, its sympathetic strings."""
    if patch.kind in PICKED_UP:
        return _picked_up(patch, hz, velocity, times, sample_rate, rng)
    out = np.zeros(times.size)
    if patch.kind == "toy":
        contact = contact_of(patch, hz, velocity)
        prompt, after, share = decays_of("toy", hz)
        for ratio, amplitude, shorter in ROD_MODES:
            f = ratio * hz
            if f < 0.45 * sample_rate:
                bright = _brightness(contact, hz, f)
                out += amplitude * bright * _ring(f, 0.0, (prompt * shorter, after * shorter, share), times)
        return out + THUMP * _thump((180.0, 420.0), times)
    offsets = course_cents(patch, key)
    for f, amplitude, n in partials_of(patch, key, hz, velocity, sample_rate):
        decays = decays_of(patch.kind, hz, n)
        strings = offsets if n <= 12 else (0.0,)  # beating that matters: the lower partials'
        for cents in strings:
            phase = float(rng.uniform(0.0, 2.0 * np.pi))
            out += amplitude / len(strings) * _ring(f * 2.0 ** (cents / 1200.0), phase, decays, times)
        if patch.pedal and n >= 2:  # strings tuned to this partial pick it up, a little off it
            stray = f * 2.0 ** (float(rng.uniform(-0.3, 0.3)) / 1200.0)
            rise = 1.0 - np.exp(-times / SYMPATHY_RISE)
            out += (
                SYMPATHY
                * amplitude
                * rise
                * _ring(stray, float(rng.uniform(0.0, 2.0 * np.pi)), decays, times)
            )
    if patch.board:
        out += THUMP * float(np.abs(out).max()) * _thump(patch.board[:2], times)
    return out


def _ring(hz: float, phase: float, decays: tuple[float, float, float], times: Signal) -> Signal:
    """A partial dying in two stages: its prompt sound, then its aftersound's share, each by its own
    time constant; computed only until it is 60 dB down."""
    prompt, after, share = decays
    out = np.zeros(times.size)
    end = int(np.searchsorted(times, 7.0 * max(prompt, after)))
    t = times[:end]
    out[:end] = np.sin(2.0 * np.pi * hz * t + phase) * (
        (1.0 - share) * np.exp(-t / prompt) + share * np.exp(-t / after)
    )
    return out


def _thump(band: tuple[float, ...], times: Signal) -> Signal:
    """A board's (or a toy piano's case's) knock: its first resonances rung for THUMP_DECAY."""
    out = np.zeros(times.size)
    end = int(np.searchsorted(times, 7.0 * THUMP_DECAY))
    t = times[:end]
    for k, hz in enumerate(band):
        out[:end] += np.sin(2.0 * np.pi * hz * t) * np.exp(-t / THUMP_DECAY) / (1.0 + k)
    return out


def _picked_up(patch: Hammered, hz: float, velocity: int, times: Signal, sample_rate: int,
               rng: np.random.Generator) -> Signal:  # fmt: skip
    """A tine (beside its tonebar) or a reed swinging near-sinusoidally at the note, with a tine's
    brief clang high above, read by its pickup: a tine's magnetic one bends the swing one way (even
    harmonics: its bell), a reed's electrostatic one as swing / (1 - k swing) (its bite); the harder the
    strike, the wider the swing and the more the curve bends it (the bark). The curve makes only
    harmonics of the note."""
    decays = decays_of(patch.kind, hz)
    swing = _ring(hz, float(rng.uniform(0.0, 2.0 * np.pi)), decays, times)
    if patch.kind == "tine":
        swing += 0.3 * _ring(hz, float(rng.uniform(0.0, 2.0 * np.pi)), (decays[1], decays[1], 1.0), times)
    swing /= float(np.abs(swing).max()) or 1.0
    width = (0.15 + 0.85 * (velocity / 127.0) ** 2) * (0.3 + patch.bark)
    if patch.kind == "tine":
        out = np.tanh(2.0 * width * swing + 0.5) - np.tanh(0.5)
        if 7.1 * hz < 0.45 * sample_rate:  # the tine's clang, gone in a few hundredths
            out += 0.1 * _ring(7.1 * hz, 0.0, (0.01, 0.01, 0.0), times)
    else:
        bend = 0.2 + 0.4 * min(width, 1.2) / 1.2
        out = swing / (1.0 - bend * swing)
    return out - float(np.mean(out))


def _restruck(note: Signal, rate: float, held: float, sample_rate: int, rng: np.random.Generator) -> Signal:
    """`note` struck again and again while held, `rate` strokes a second each straying by
    TREMOLO_SCATTER of its period, each a little softer or louder: a cimbalom player's tremolo."""
    force = np.zeros(note.size)
    at = 0.0
    while at < held:
        force[min(int(at * sample_rate), note.size - 1)] += float(rng.uniform(0.6, 1.0)) if at else 1.0
        at += float(rng.uniform(1.0 - TREMOLO_SCATTER, 1.0 + TREMOLO_SCATTER)) / rate
    return np.asarray(signal.fftconvolve(force, note)[: note.size])


def _release_thump(held: float, size: int, sample_rate: int) -> Signal:
    """A harpsichord's release: its jack falling back past the string and its damper landing, a
    dull click at the key's release."""
    out = np.zeros(size)
    begin = int(held * sample_rate)
    length = min(size - begin, int(0.05 * sample_rate))
    if length > 0:
        noise = struck_render.band_noise(_SALT, (300.0, 2500.0), 0.015, length, sample_rate)
        out[begin : begin + length] = noise * np.exp(-np.arange(length) / (0.015 * sample_rate))
    return out


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One drum: its partials ringing from a strike and its band-passed noise (struck_render)."""
    return struck_render.ringing_hit(
        _SALT, drum.partials, drum.noise, drum.decay, drum.gain, velocity, sample_rate
    )


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Hammered, Drum] = struck_render.Sounded(voice, _hit, 1024)
