"""Notes to audio by mouth harps (trumps, jaw harps) plucked at the player's lips, computed in numpy: a
lamella fixed at one end in a frame, swinging through the frame's slot -- an Austrian Maultrommel's
steel tongue in its forged iron frame, a Yakut khomus's long thin tongue, a Carnatic morsing's,
a Vietnamese dan moi's brass reed cut in its own plate, a Philippine kubing's bamboo tongue cut in its
own bamboo, an Ainu mukkuri's jerked by its cord, a bass harp's wide tongue. What sounds is not the
tongue but the air it lets through: the slot is shut while the tongue lies within the frame's depth
and opens by as much as the tongue stands past it, on either side (the flow max(|x| - h, 0), x the
tongue's swing a (sin + e) about a rest `offset` e past the frame, h the frame's half `depth`), so
the flow is a pulse on each side of every swing, unequal where the tongue rests off centre, rich in
harmonics of the note (each pulse narrower as the swing dies towards the frame's depth, until the
slot no longer opens and the note is gone before the tongue is still); it radiates as the flow's
rate of change (a harmonic's level times its number); and the player's mouth, a cavity whose
resonances the tongue and lips move from one vowel to another, lifts the harmonics under its
resonances (the vowels' two formants, their centres gliding between the two vowels at the player's
rate, so the harmonics swell and fade while none moves: the pitch is the tongue's). The tongue's own
second mode (a cantilever's, 6.267 times its first) rings briefly at each pluck, with the finger's
flick on the tongue's tip. A held note is plucked over and over (a strum), each pluck a little early
or late and softer. And a kit of the harps' and the players' own sounds: the tongue plucked hard with
the mouth closed low (a thud), the tongue flicked against the frame and rattling, the tongue's tip
choked by a finger, the player's tongue clicking on the palate, breath forced through the slot, a
harp's wooden case knocked, its frame tapped on a tooth, a string of harps shaken on their cord --
ringing partials and noise, the rattles and the jangle as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

HARMONICS = 40  # the flow's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the harmonics' levels are worked out at (straight lines between)
SECOND_MODE = 6.267  # a cantilever's second mode over its first (clamped at one end, free at the other)
_SWINGS = 129  # the swings the flow's harmonics are tabled at, from still to the loudest
_POINTS = 512  # points of one swing the flow is worked out at
_FADE = 0.01  # s: the fade at a sound's cut end
_FLICK = 0.0012  # s: how fast a pluck's flick dies
_SALT = 8363  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A mouth harp plucked at the lips. Its tongue swings a (sin + `offset`) across the frame, whose
    half-depth is `depth` (both as shares of the loudest swing), and the slot lets through
    max(|x| - depth, 0); the mouth's `vowels` (two, each two formants' Hz) glide from the first to
    the second and back at `rate` Hz (the player's), each formant lifting the harmonics within `width`
    octaves of it by up to `lift`; `level`: (attack s, the swing's ring s, 1 where it is plucked over
    and over while held -- 0 where it is plucked once --, the lips' damping s once the note ends: 0
    for none, it rings on); `roll` plucks a second while held, each `jitter` of a period early or
    late and its strength up to `jitter` * 4 softer; `second` the tongue's second mode's level
    against the first harmonic's at a pluck (dying `second_ring` s); `flick` the finger's flick on
    the tip against the note, over `flick_band` Hz. The Players fields (`voices`, `detune`,
    `vibrato`, `delay`) stay at one harp, in tune and still: a harp's tongue is its pitch."""

    kind: str
    offset: float = 0.2
    depth: float = 0.35
    vowels: tuple[tuple[float, float], tuple[float, float]] = ((500.0, 1500.0), (700.0, 1100.0))
    width: float = 0.35
    lift: float = 4.0
    level: tuple[float, float, float, float] = (0.002, 1.0, 0.0, 0.0)
    roll: float = 0.0
    jitter: float = 0.0
    second: float = 0.05
    second_ring: float = 0.04
    flick: float = 0.03
    flick_band: tuple[float, float] = (2000.0, 8000.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 1.5
    delay: float = 0.0
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A harp's or a player's sound in the kit (struck_render.Drum's partials and noise), and
    `grains` more strokes at random within `spread` s, each at up to its share of the first (a tongue
    rattling against its frame, harps jangling on their cord), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
TrumpSet = struck_render.StruckSet[Instrument, Struck]

# The mouth's vowels (two formants each, Hz): a narrow "ee" to an open "ah", "oo" to "oh", "ih" to
# "eh", "uh" to "aw".
_EE_AH = ((300.0, 2200.0), (750.0, 1200.0))
_OO_OH = ((320.0, 800.0), (480.0, 900.0))
_IH_EH = ((420.0, 1900.0), (580.0, 1700.0))
_UH_AW = ((600.0, 1150.0), (550.0, 850.0))

# The chords: an Austrian Maultrommel's steel tongue in its iron frame; a Yakut khomus's long thin
# tongue, ringing long, the mouth sliding "ee" to "ah"; a morsing's, close to its frame, short.
MAULTROMMEL = Instrument("Maultrommel's steel tongue", offset=0.18, depth=0.3, vowels=_IH_EH, lift=4.0,
                         level=(0.002, 1.2, 0.0, 0.0), rate=1.2, second=0.05, flick=0.03)  # fmt: skip
KHOMUS = Instrument("khomus's long tongue", offset=0.12, depth=0.25, vowels=_EE_AH, width=0.3, lift=5.0,
                    level=(0.003, 2.0, 0.0, 0.0), rate=0.8, second=0.04, flick=0.02,
                    flick_band=(1500.0, 6000.0))  # fmt: skip
MORSING = Instrument("morsing's tongue", offset=0.25, depth=0.4, vowels=_UH_AW, lift=3.5,
                     level=(0.0015, 0.7, 0.0, 0.0), rate=2.2, second=0.06, flick=0.04,
                     flick_band=(2500.0, 9000.0))  # fmt: skip
# Plucked over and over while held: a Maultrommel strummed, a khomus strummed.
MAULTROMMEL_STRUMMED = Instrument("Maultrommel strummed", offset=0.18, depth=0.3, vowels=_IH_EH,
                                  lift=4.0, level=(0.002, 0.6, 1.0, 0.12), roll=9.0, jitter=0.05,
                                  rate=1.0, second=0.04, flick=0.02)  # fmt: skip
KHOMUS_STRUMMED = Instrument("khomus strummed", offset=0.12, depth=0.25, vowels=_EE_AH, width=0.3,
                             lift=5.0, level=(0.003, 0.8, 1.0, 0.15), roll=7.0, jitter=0.05, rate=0.7,
                             second=0.03, flick=0.015, flick_band=(1500.0, 6000.0))  # fmt: skip
# The basses: a bass harp's wide tongue, the mouth round; an Ainu mukkuri's bamboo tongue, jerked by
# its cord, short.
BASS_HARP = Instrument("bass harp's wide tongue", offset=0.22, depth=0.3, vowels=_OO_OH, width=0.45,
                       lift=3.0, level=(0.003, 1.5, 0.0, 0.0), rate=0.6, second=0.05, flick=0.02,
                       flick_band=(800.0, 4000.0), gain=1.2)  # fmt: skip
MUKKURI = Instrument("mukkuri's bamboo tongue", offset=0.3, depth=0.45, vowels=_UH_AW, width=0.45,
                     lift=3.0, level=(0.004, 0.45, 0.0, 0.0), rate=1.0, second=0.08, second_ring=0.02,
                     flick=0.05, flick_band=(600.0, 3000.0), gain=1.2)  # fmt: skip
# The leads: a dan moi's thin brass reed, ringing long under a bright mouth; a kubing's bamboo
# tongue, hollow and short.
DAN_MOI = Instrument("dan moi's brass reed", offset=0.15, depth=0.2, vowels=_EE_AH, width=0.3, lift=5.0,
                     level=(0.0015, 1.4, 0.0, 0.0), rate=1.8, second=0.03, flick=0.03,
                     flick_band=(3000.0, 10000.0), gain=0.9)  # fmt: skip
KUBING = Instrument("kubing's bamboo tongue", offset=0.28, depth=0.4, vowels=_OO_OH, width=0.4, lift=3.5,
                    level=(0.002, 0.5, 0.0, 0.0), rate=2.0, second=0.07, second_ring=0.02, flick=0.05,
                    flick_band=(1000.0, 5000.0), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords strummed; a song's chords on a Maultrommel, a
# khomus and a morsing; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: MAULTROMMEL_STRUMMED,
        49: KHOMUS_STRUMMED,
        15: MAULTROMMEL,
        16: KHOMUS,
        17: MORSING,
        34: BASS_HARP,
        35: MUKKURI,
        104: DAN_MOI,
        105: KUBING,
    }


def _case(hz: float, ring: float, amplitudes: tuple[float, ...]) -> tuple[tuple[float, float, float], ...]:
    """A harp's wooden case knocked: its air's mode and its lid's first plate modes (a thin
    rectangular plate's, 1, 1.57, 2.26 and 2.83 times its air's), a higher one dying sooner."""
    ratios = (1.0, 1.57, 2.26, 2.83)
    return tuple((hz * r, a, ring / r) for r, a in zip(ratios, amplitudes, strict=False))


def _tongue(hz: float, ring: float) -> tuple[tuple[float, float, float], ...]:
    """A tongue struck off its note: a cantilever's first three modes (1, 6.267, 17.55)."""
    return ((hz, 1.0, ring), (hz * SECOND_MODE, 0.35, ring / 4.0), (hz * 17.55, 0.15, ring / 9.0))


def _drums() -> dict[int, Struck]:
    return {
        # The tongue plucked hard with the mouth closed low, a thud through the cheeks (the bass
        # drums); harps' wooden cases knocked (the toms).
        36: Struck(((62.0, 1.0, 0.12), (124.0, 0.4, 0.06), (186.0, 0.15, 0.03)), (60.0, 600.0), 0.015, 1.3),
        35: Struck(((55.0, 1.0, 0.13), (110.0, 0.4, 0.06), (165.0, 0.15, 0.03)), (60.0, 500.0), 0.015, 1.2),
        41: Struck(_case(160.0, 0.07, (1.0, 0.6, 0.4, 0.2)), (300.0, 2500.0), 0.012, 1.0),
        45: Struck(_case(215.0, 0.06, (1.0, 0.6, 0.4, 0.2)), (400.0, 3000.0), 0.01, 1.0),
        48: Struck(_case(285.0, 0.05, (1.0, 0.6, 0.4, 0.2)), (500.0, 3500.0), 0.01, 1.0),
        # The tongue flicked against the frame, rattling on it (the snares); the player's tongue
        # clicking on the palate (the side stick); the tongue's tip choked by a finger after a hard
        # pluck, the frame buzzing (the clap).
        38: Struck(_tongue(231.0, 0.05), (1500.0, 8000.0), 0.05, 0.9, grains=4, spread=0.03),
        40: Struck(_tongue(263.0, 0.04), (1200.0, 7000.0), 0.045, 0.9, grains=3, spread=0.025),
        37: Struck(((1850.0, 0.8, 0.012), (3300.0, 0.3, 0.006)), (1200.0, 5000.0), 0.004, 0.6),
        39: Struck(_tongue(190.0, 0.012), (800.0, 5000.0), 0.015, 0.7, grains=3, spread=0.02),
        # Breath forced through the slot in short puffs (the closed hat), held (the pedal), long (the
        # open hat); a string of harps shaken on their cord (the crash); a tongue struck with a
        # fingernail off its note (the ride) and a steel harp's frame ringing, struck on its bow (the
        # cowbell: a free-free ring's 1, 2.76, 5.40) and at its tip (the bell).
        42: Struck((), (3500.0, 10000.0), 0.012, 0.35),
        44: Struck((), (3000.0, 8000.0), 0.008, 0.3),
        46: Struck((), (3000.0, 10000.0), 0.09, 0.35),
        49: Struck(_tongue(1210.0, 0.3), (2500.0, 10000.0), 0.25, 0.4, grains=9, spread=0.15),
        51: Struck(_tongue(1480.0, 0.3), (3000.0, 8000.0), 0.008, 0.35),
        56: Struck(
            ((830.0, 1.0, 0.22), (2291.0, 0.5, 0.11), (4482.0, 0.25, 0.05)), (1000.0, 5000.0), 0.004, 0.4
        ),
        53: Struck(((1730.0, 1.0, 0.45), (4775.0, 0.4, 0.22), (9342.0, 0.2, 0.1)), gain=0.35),
        # A frame tapped on a tooth (the claves and the wood blocks), harps jangling on their cord
        # (the tambourine), breath and lips rustling past the frame (the maracas), a thin brass reed
        # flicked and damped or left to ring (the triangles).
        75: Struck(((2050.0, 1.0, 0.02), (5120.0, 0.3, 0.008)), (1500.0, 6000.0), 0.003, 0.5),
        76: Struck(((1560.0, 1.0, 0.025), (3900.0, 0.3, 0.01)), (1500.0, 5000.0), 0.003, 0.5),
        77: Struck(((1080.0, 1.0, 0.03), (2700.0, 0.3, 0.012)), (1200.0, 4000.0), 0.003, 0.5),
        54: Struck(
            ((3410.0, 0.4, 0.02), (5260.0, 0.3, 0.015)), (3000.0, 10000.0), 0.01, 0.4, grains=6, spread=0.05
        ),
        70: Struck((), (2500.0, 8000.0), 0.025, 0.35, grains=6, spread=0.05),
        80: Struck(_tongue(1050.0, 0.05), gain=0.35),
        81: Struck(_tongue(1050.0, 0.7), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, trump_set: TrumpSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one harp
    to a note, as a band of players or one player's set of harps sounds it); the drum channel through
    the set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, trump_set, _SOUNDED, lambda p: True
    )


@cache
def flow(offset: float, depth: float) -> Signal:
    """The flow's harmonics (swings x HARMONICS, magnitudes) through the slot, from a still tongue
    (row 0) to the loudest swing (the last row): one swing, a (sin + `offset`), worked out at _POINTS
    points, the slot letting through max(|x| - `depth`, 0)."""
    swings = np.linspace(0.0, 1.0, _SWINGS)[:, None]
    phase = 2.0 * np.pi * np.arange(_POINTS) / _POINTS
    through = np.maximum(np.abs(swings * (np.sin(phase)[None, :] + offset)) - depth, 0.0)
    return np.asarray(np.abs(np.fft.rfft(through, axis=1))[:, 1 : HARMONICS + 1] * (2.0 / _POINTS))


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def swing(patch: Instrument, held: float, velocity: int, frames: Signal, struck: tuple[Signal, Signal],
          ring: float) -> Signal:  # fmt: skip
    """The tongue's swing (share of the loudest) at `frames` s: each pluck throwing it back to its
    strength (0.6-1 by velocity), which then dies over `ring` s; the lips damping it once the note
    ends where the patch's level has a damping."""
    attack, _, _, damper = patch.level
    times, strengths = struck
    which = np.searchsorted(times, frames, side="right") - 1
    since = frames - times[which]
    loud = (0.6 + 0.4 * velocity / 127.0) * strengths[which]
    out = loud * (1.0 - np.exp(-since / attack)) * np.exp(-since / ring)
    if damper:
        out = out * np.exp(-np.maximum(frames - max(held, 0.05), 0.0) / damper)
    return np.asarray(np.clip(out, 0.0, 1.0))


def mouth(patch: Instrument, hz: float, harmonics: int, frames: Signal) -> Signal:
    """The mouth's lift of each harmonic (frames x harmonics): each formant's centre gliding between
    the two vowels' (in octaves, (1 - cos) / 2 at the player's rate), lifting what is within `width`
    octaves of it by up to `lift`."""
    toward = 0.5 * (1.0 - np.cos(2.0 * np.pi * patch.rate * frames))[:, None]
    n = np.arange(1, harmonics + 1, dtype=np.float64)[None, :]
    out = np.ones((frames.size, harmonics))
    for first, second in zip(*patch.vowels, strict=True):
        centre = first * (second / first) ** toward
        out = out * (1.0 + (patch.lift - 1.0) * np.exp(-0.5 * (np.log2(n * hz / centre) / patch.width) ** 2))
    return out


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, harmonics: int,
           struck: tuple[Signal, Signal]) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the flow's at the tongue's swing
    (flow, between its tabled swings), radiated as its rate of change (times the harmonic's number),
    through the mouth; the first never under FUNDAMENTAL_FLOOR of the loudest."""
    table = flow(patch.offset, patch.depth)[:, :harmonics]
    place = swing(patch, held, velocity, frames, struck, patch.level[1]) * (_SWINGS - 1)
    below = np.minimum(place.astype(np.int64), _SWINGS - 2)
    along = (place - below)[:, None]
    out = table[below] * (1.0 - along) + table[below + 1] * along
    out = out * np.arange(1, harmonics + 1, dtype=np.float64)[None, :] * mouth(patch, hz, harmonics, frames)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a harp to each) plucked for `held` seconds at `velocity`. What
    varies (the harmonics' phases, the plucks' timing and strength, the flicks) is drawn with `seed`
    (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int(rolled_render.length(patch.level, patch.roll, held, _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    struck = rolled_render.strokes(patch.roll, patch.jitter, held, rng)
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, harmonics, struck)
        phases = rng.uniform(0.0, 2.0 * np.pi, harmonics + 1)
        tone = np.zeros(times.size)
        for k in range(harmonics):
            envelope = np.interp(times, frames, weights[:, k])
            tone += envelope * np.sin(2.0 * np.pi * hz * (k + 1) * times + phases[k])
        if patch.second and SECOND_MODE * hz < 0.45 * sample_rate:
            own = swing(patch, held, velocity, frames, struck, patch.second_ring)
            envelope = patch.second * float(weights[:, 0].max()) * np.interp(times, frames, own)
            tone += envelope * np.sin(2.0 * np.pi * SECOND_MODE * hz * times + phases[-1])
        tone /= float(np.abs(tone).max()) or 1.0
        return tone, patch.flick * rolled_render.knocks(
            struck, times, patch.flick_band, _FLICK, rng, sample_rate
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


TRUMP_SET = TrumpSet(
    root=Path(__file__).with_name("trump-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("trump-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
TRUMP_SETS = {TRUMP_SET.root: TRUMP_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
