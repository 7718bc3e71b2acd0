"""Notes to audio by strings bowed by a wheel, computed in numpy: hurdy-gurdies and their kin -- a
French vielle a roue's chanterelles, a Galician zanfona's gut strings, a Hungarian tekerolant's with
its buzzing dog, a bass vielle's, a Ukrainian lira's (relya), a Swedish vevlira's, a church
organistrum's, a vielle played with the wrist's strokes on its crank (coups de poignet), and a
Geigenwerk, a keyboard whose keys bring its strings down onto rosined wheels. A rosined wheel turned
by the crank rubs each string near its tailpiece and holds it in Helmholtz motion: the string sticks
to the rim and slips back once a period, so the force it drives its bridge with is a sawtooth, every
harmonic of the note at 1/n, less those with a node where the wheel meets the string (sin(n pi b)
for the wheel at a share b of the string), and the corner of each slip rounded by the cotton wound
on the string under the wheel and the rosin's grip (the highs falling 12 dB an octave past a
corner). The note's pitch is the stopped string's, whatever the wheel does: the wheel's speed sets
only how wide the string swings, so the hand's uneven push over each turn of the crank and the rim
not quite round swell the note at the crank's rate, and a stroke of the wrist speeds the wheel for
a moment. The trompette's dog (chien), a loose bridge whose foot rests on the soundboard, is lifted
by the string's pull once the wheel runs fast enough and hammers the board once a period: a narrow
pulse each period, its harmonics flat up to the pulse's width, every one on a harmonic of the note,
heard only while the wheel is past the dog's speed (at each stroke of the wrist, or at the fast part
of every turn). The soundbox lifts the harmonics near its air's and its plates' modes; the rosin
scratches once a period as the string slips off the rim; the key's tangent knocks the string as it
stops it. A string is brought onto the wheel while its key is down and off it when let go (as a
Geigenwerk's keys do, and a vielle's player hooks a string off the wheel), its swing dying over a
release. And a kit of the players' and the instruments' own sounds: the heel stamped on a wooden
stage, the soundbox's bowl knocked, the dog rattled alone by a stroke with the strings muted, a
key's tangent clacking back onto its stop, the wheel's rim rubbed with no string on it, the iron
crank struck, the keys' tangents knocked, the drone strings' hooks rattling, a string plucked by
a fingernail off the wheel -- ringing partials and noise, the dog's chatter and the hooks' rattle as
grains, no recording."""

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

HARMONICS = 40  # the string's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the harmonics' levels are worked out at (straight lines between)
COUP = 0.07  # s: how long a stroke of the wrist keeps the wheel past its speed
DOG_SOFT = 0.05  # how much faster than the dog's speed the wheel must run for it to hammer at full
_FADE = 0.01  # s: the fade at a sound's cut end
_TANGENT = 0.0015  # s: how fast a tangent's knock on the string dies
_SLIP = 8  # the rosin's scratch sounds over a 1/(2 * _SLIP) share of each period, about the slip
_SALT = 6173  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A string bowed by a wheel. The wheel meets it at `contact` (a share of its length from the
    tailpiece's bridge: the harmonics with a node there are missing), the slip's corner rounded past
    `corner` Hz; the crank turns `crank` times a second, the wheel's speed swinging by `uneven` over
    each turn; a stroke of the wrist (`roll` a second, each `jitter` of a period early or late and up
    to 4 `jitter` weaker) speeds it by `push` for about COUP s. The dog hammers at `dog` of the
    string's loudest harmonic once the wheel runs past `threshold` of its mean speed, its pulse
    `pulse` of a period wide. The soundbox's `body` modes ((Hz, lift) each) lift the harmonics within
    `width` octaves of them; the rosin scratches at `rosin` of the note over `rosin_band` Hz; the
    tangent knocks at `tangent` of it over `tangent_band` Hz. `level`: (the wheel taking the string
    s, -, 1: it holds while the key is down, the swing dying s once it is let go). The Players fields
    (`voices`, `detune`, `vibrato`, `rate`, `delay`) stay at one string, in tune and still: the
    wheel moves no pitch."""

    kind: str
    contact: float = 0.1
    corner: float = 3000.0
    crank: float = 2.0
    uneven: float = 0.1
    push: float = 0.0
    dog: float = 0.0
    threshold: float = 2.0
    pulse: float = 0.08
    body: tuple[tuple[float, float], ...] = ((280.0, 2.5), (560.0, 2.0), (1150.0, 1.8), (2800.0, 1.6))
    width: float = 0.3
    rosin: float = 0.02
    rosin_band: tuple[float, float] = (1500.0, 6000.0)
    tangent: float = 0.03
    tangent_band: tuple[float, float] = (1500.0, 6000.0)
    level: tuple[float, float, float, float] = (0.05, 0.0, 1.0, 0.12)
    roll: float = 0.0
    jitter: float = 0.0
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 0.0
    delay: float = 0.0
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A player's or an instrument's sound in the kit (struck_render.Drum's partials and noise), and
    `grains` more strokes at random within `spread` s, each at up to its share of the first (the dog
    chattering on the board, the hooks rattling), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
GurdySet = struck_render.StruckSet[Instrument, Struck]

# The soundboxes' modes (Hz, lift): a vielle's lute-backed bowl, a zanfona's guitar-shaped box, a
# bass vielle's, a lira's small box, an organistrum's long one, a Geigenwerk's harpsichord-like case.
_BOWL = ((280.0, 2.5), (560.0, 2.0), (1150.0, 1.8), (2800.0, 1.6))
_BOX = ((240.0, 2.8), (470.0, 1.8), (950.0, 1.6), (2300.0, 1.4))
_BASS_BOX = ((150.0, 2.8), (310.0, 2.0), (700.0, 1.6), (1800.0, 1.4))
_LIRA = ((330.0, 2.2), (690.0, 2.0), (1400.0, 1.6), (3200.0, 1.5))
_LONG_BOX = ((190.0, 2.5), (400.0, 1.9), (880.0, 1.5), (2100.0, 1.3))
_CASE = ((200.0, 2.0), (450.0, 1.8), (900.0, 1.6), (2000.0, 1.5))

# The chords: a vielle's chanterelles near the tailpiece, bright; a zanfona's gut strings, darker,
# its crank turned slower and less evenly; a tekerolant's, its dog hammering at the fast part of
# every turn.
VIELLE = Instrument("vielle a roue's chanterelle", contact=0.09, corner=3500.0, crank=2.5, uneven=0.1,
                    body=_BOWL)  # fmt: skip
ZANFONA = Instrument("zanfona's gut string", contact=0.11, corner=2200.0, crank=1.8, uneven=0.14,
                     body=_BOX, rosin=0.015, rosin_band=(1000.0, 4500.0), tangent=0.025)  # fmt: skip
TEKEROLANT = Instrument("tekerolant's string and dog", contact=0.1, corner=3000.0, crank=2.2, uneven=0.2,
                        dog=0.5, threshold=1.1, pulse=0.1, body=_BOWL)  # fmt: skip
# Held: a vielle's strings held on its wheel, the crank turned evenly; a Geigenwerk's strings on its
# wheels, turned steadily by a treadle.
HELD = Instrument("vielle's strings held on the wheel", contact=0.09, corner=3500.0, crank=2.5, uneven=0.08,
                  body=_BOWL, level=(0.05, 0.0, 1.0, 0.15))  # fmt: skip
GEIGENWERK = Instrument("Geigenwerk's keyed string", contact=0.07, corner=3000.0, crank=1.0, uneven=0.03,
                        body=_CASE, rosin=0.012, tangent=0.04, tangent_band=(800.0, 4000.0),
                        level=(0.08, 0.0, 1.0, 0.2))  # fmt: skip
# A vielle played with the wrist's strokes, its dog hammering at each. Held tones and free-time
# chords drew it as program 48 until the forty-fourth pass of analysis work; its strokes, 4 a
# second, are a pulse a listener taps, which those clips are labelled without, so it is program 44
# (GM's tremolo strings), which no clip draws.
COUPS = Instrument("vielle played in strokes", contact=0.09, corner=3500.0, crank=2.5, uneven=0.08,
                   push=0.5, dog=0.7, threshold=1.2, pulse=0.08, body=_BOWL, roll=4.0, jitter=0.04,
                   level=(0.05, 0.0, 1.0, 0.15))  # fmt: skip
# The basses: a bass vielle's wound string; a lira's, its box small and bright.
BASS_VIELLE = Instrument("bass vielle's wound string", contact=0.08, corner=1500.0, crank=2.0,
                         uneven=0.1, body=_BASS_BOX, rosin=0.015, rosin_band=(700.0, 3500.0),
                         tangent=0.02, tangent_band=(600.0, 3000.0), level=(0.06, 0.0, 1.0, 0.18),
                         gain=1.2)  # fmt: skip
LIRA = Instrument("lira's string", contact=0.12, corner=1800.0, crank=1.6, uneven=0.16, body=_LIRA,
                  rosin=0.02, rosin_band=(900.0, 4000.0), gain=1.2)  # fmt: skip
# The leads: a vevlira's melody string, bright and quick; an organistrum's, its great wheel turned
# slowly by a second player.
VEVLIRA = Instrument("vevlira's melody string", contact=0.1, corner=4000.0, crank=2.8, uneven=0.09,
                     body=_LIRA, rosin=0.02, rosin_band=(2000.0, 7000.0), gain=0.9)  # fmt: skip
ORGANISTRUM = Instrument("organistrum's string", contact=0.13, corner=2500.0, crank=1.2, uneven=0.12,
                         body=_LONG_BOX, tangent=0.04, tangent_band=(700.0, 3500.0),
                         level=(0.09, 0.0, 1.0, 0.2), gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on a vielle, a zanfona and a
# tekerolant; the basses; the leads; the vielle in strokes.
def _programs() -> dict[int, Instrument]:
    return {
        48: HELD,
        49: GEIGENWERK,
        40: VIELLE,
        41: ZANFONA,
        42: TEKEROLANT,
        43: BASS_VIELLE,
        32: LIRA,
        110: VEVLIRA,
        111: ORGANISTRUM,
        44: COUPS,
    }


def _bowl(hz: float, ring: float, amplitudes: tuple[float, ...]) -> tuple[tuple[float, float, float], ...]:
    """A soundbox knocked: its air's mode and its back's first modes (1.62, 2.31 and 2.96 times the
    air's), a higher one dying sooner."""
    ratios = (1.0, 1.62, 2.31, 2.96)
    return tuple((hz * r, a, ring / r) for r, a in zip(ratios, amplitudes, strict=False))


def _rod(hz: float, ring: float) -> tuple[tuple[float, float, float], ...]:
    """The iron crank struck: a free rod's first three modes (1, 2.756, 5.404)."""
    return ((hz, 1.0, ring), (hz * 2.756, 0.45, ring / 2.0), (hz * 5.404, 0.2, ring / 4.0))


def _drums() -> dict[int, Struck]:
    return {
        # The player's heel stamped on a wooden stage (the bass drums); the soundbox's bowl knocked
        # (the toms).
        36: Struck(((58.0, 1.0, 0.11), (131.0, 0.45, 0.05), (230.0, 0.2, 0.025)), (60.0, 700.0), 0.02, 1.3),
        35: Struck(((51.0, 1.0, 0.12), (117.0, 0.45, 0.05), (205.0, 0.2, 0.025)), (60.0, 600.0), 0.02, 1.2),
        41: Struck(_bowl(150.0, 0.08, (1.0, 0.55, 0.35, 0.2)), (300.0, 2500.0), 0.012, 1.0),
        45: Struck(_bowl(205.0, 0.07, (1.0, 0.55, 0.35, 0.2)), (400.0, 3000.0), 0.01, 1.0),
        48: Struck(_bowl(270.0, 0.06, (1.0, 0.55, 0.35, 0.2)), (500.0, 3500.0), 0.01, 1.0),
        # The dog rattled alone by a stroke with the strings muted, chattering on the board (the
        # snares); a key's tangent clacking back onto its stop (the side stick); a stroke's chatter
        # choked by the hand on the wheel (the clap).
        38: Struck(
            ((1750.0, 0.6, 0.02), (4100.0, 0.3, 0.01)), (1500.0, 8000.0), 0.05, 0.9, grains=5, spread=0.04
        ),
        40: Struck(
            ((1620.0, 0.6, 0.02), (3800.0, 0.3, 0.01)), (1200.0, 7000.0), 0.045, 0.9, grains=4, spread=0.03
        ),
        37: Struck(((1400.0, 0.8, 0.01), (3150.0, 0.3, 0.005)), (1200.0, 5000.0), 0.004, 0.6),
        39: Struck(((1500.0, 0.5, 0.012),), (1000.0, 5000.0), 0.015, 0.7, grains=3, spread=0.02),
        # The wheel's rosined rim rubbed with no string on it, briefly (the closed hat), held (the
        # pedal), long (the open hat); the dog hammered in a long roll (the crash); the wheel's cover
        # tapped (the ride); the iron crank struck on its bend (the cowbell) and at its end (the bell).
        42: Struck((), (3000.0, 9000.0), 0.014, 0.35),
        44: Struck((), (2500.0, 7000.0), 0.009, 0.3),
        46: Struck((), (2500.0, 9000.0), 0.1, 0.35),
        49: Struck(
            ((1690.0, 0.5, 0.03), (3950.0, 0.3, 0.015)), (2000.0, 10000.0), 0.25, 0.4, grains=9, spread=0.15
        ),
        51: Struck(
            ((2240.0, 1.0, 0.06), (3580.0, 0.5, 0.03), (5200.0, 0.3, 0.02)), (3000.0, 8000.0), 0.008, 0.35
        ),
        56: Struck(_rod(690.0, 0.25), (1000.0, 5000.0), 0.004, 0.4),
        53: Struck(_rod(1370.0, 0.4), gain=0.35),
        # The keys' tangents knocked (the claves and the wood blocks), the drone strings' hooks
        # rattling (the tambourine), the wheel turned dry, its rosin dust hissing (the maracas), a
        # string plucked by a fingernail off the wheel, damped or left to ring (the triangles).
        75: Struck(((2210.0, 1.0, 0.02), (5350.0, 0.3, 0.008)), (1500.0, 6000.0), 0.003, 0.5),
        76: Struck(((1680.0, 1.0, 0.025), (4120.0, 0.3, 0.01)), (1500.0, 5000.0), 0.003, 0.5),
        77: Struck(((1160.0, 1.0, 0.03), (2870.0, 0.3, 0.012)), (1200.0, 4000.0), 0.003, 0.5),
        54: Struck(
            ((3120.0, 0.4, 0.02), (4890.0, 0.3, 0.015)), (3000.0, 10000.0), 0.01, 0.4, grains=6, spread=0.05
        ),
        70: Struck((), (2000.0, 7000.0), 0.03, 0.35, grains=6, spread=0.05),
        80: Struck(((990.0, 1.0, 0.05), (1985.0, 0.3, 0.03), (2985.0, 0.15, 0.02)), gain=0.35),
        81: Struck(((990.0, 1.0, 0.7), (1985.0, 0.3, 0.4), (2985.0, 0.15, 0.25)), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, gurdy_set: GurdySet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one
    string to a note, as a player's strings on one wheel sound it); the drum channel through the
    set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, gurdy_set, _SOUNDED, lambda p: True
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def helmholtz(patch: Instrument, hz: float, harmonics: int) -> Signal:
    """The string's force on its bridge in Helmholtz motion, harmonic by harmonic: a sawtooth's 1/n,
    times |sin(n pi contact)| (nothing where the wheel meets a node), the slip's corner rounded past
    `corner` Hz (1 / (1 + (f / corner)^2))."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    return np.asarray(np.abs(np.sin(n * np.pi * patch.contact)) / n / (1.0 + (n * hz / patch.corner) ** 2))


def hammer(patch: Instrument, harmonics: int) -> Signal:
    """The dog's pulse train on the board, harmonic by harmonic: a pulse `pulse` of a period wide,
    flat up to about its width's inverse (|sinc(n pulse)|)."""
    return np.asarray(np.abs(np.sinc(np.arange(1, harmonics + 1) * patch.pulse)))


def body(patch: Instrument, hz: float, harmonics: int) -> Signal:
    """The soundbox's lift of each harmonic: each mode lifting what lies within `width` octaves of it
    by up to its lift."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    out = np.ones(harmonics)
    for centre, lift in patch.body:
        out = out * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(n * hz / centre) / patch.width) ** 2))
    return out


def wheel(patch: Instrument, frames: Signal, struck: tuple[Signal, Signal], phase: float) -> Signal:
    """The wheel's speed at `frames` s (a share of its mean): swinging by `uneven` at the crank's
    rate, and each stroke of the wrist speeding it by `push` (times the stroke's strength), dying
    over COUP s."""
    out = 1.0 + patch.uneven * np.sin(2.0 * np.pi * patch.crank * frames + phase)
    if patch.push:
        for at, strength in zip(*struck, strict=True):
            since = frames - at
            out = out + patch.push * strength * np.where(
                since >= 0.0, np.exp(-np.maximum(since, 0.0) / COUP), 0.0
            )
    return np.asarray(out)


def bowed(patch: Instrument, held: float, velocity: int, frames: Signal) -> Signal:
    """How much of its swing the string has at `frames` s: taken by the wheel over the first of
    `level`, held while the key is down, dying over its last once let go (0.6-1 by velocity)."""
    attack, _, _, release = patch.level
    on = 1.0 - np.exp(-frames / attack)
    off = np.exp(-np.maximum(frames - max(held, 0.05), 0.0) / release)
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * on * off)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, harmonics: int,
           struck: tuple[Signal, Signal], phase: float = 0.0) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the string's swing (bowed) times the
    wheel's speed, in Helmholtz motion; the dog's hammering where the wheel runs past its speed; both
    through the soundbox; the first never under FUNDAMENTAL_FLOOR of the loudest."""
    string = helmholtz(patch, hz, harmonics)
    swing = bowed(patch, held, velocity, frames)
    speed = wheel(patch, frames, struck, phase)
    out = (swing * speed)[:, None] * string[None, :]
    if patch.dog:
        lifted = np.clip((speed - patch.threshold) / DOG_SOFT, 0.0, 1.0)
        out = (
            out
            + (patch.dog * float(string.max()) * swing * lifted)[:, None] * hammer(patch, harmonics)[None, :]
        )
    out = out * body(patch, hz, harmonics)[None, :]
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string to each) bowed for `held` seconds at `velocity`. What
    varies (the harmonics' phases, the crank's phase, the strokes' timing and strength, the rosin's
    scratch, the tangents' knocks) is drawn with `seed` (the note's own, note_rng, where None). Its
    peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    struck = rolled_render.strokes(patch.roll, patch.jitter, held, rng)
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    crank = float(rng.uniform(0.0, 2.0 * np.pi))
    pressed = (np.zeros(1), np.ones(1))

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, harmonics, struck, crank)
        phases = rng.uniform(0.0, 2.0 * np.pi, harmonics + 1)
        tone = np.zeros(times.size)
        for k in range(harmonics):
            envelope = np.interp(times, frames, weights[:, k])
            tone += envelope * np.sin(2.0 * np.pi * hz * (k + 1) * times + phases[k])
        tone /= float(np.abs(tone).max()) or 1.0
        noise = np.zeros(times.size)
        if patch.rosin:
            scratch = struck_render.band_noise(
                int(rng.integers(2**31)), patch.rosin_band, 1.0, times.size, sample_rate
            )
            scratch /= float(np.abs(scratch).max()) or 1.0
            slip = (0.5 + 0.5 * np.cos(2.0 * np.pi * hz * times + phases[-1])) ** _SLIP
            loud = np.interp(times, frames, weights[:, 0])
            noise += patch.rosin * scratch * slip * loud / (float(loud.max()) or 1.0)
        if patch.tangent:
            noise += patch.tangent * rolled_render.knocks(
                pressed, times, patch.tangent_band, _TANGENT, rng, sample_rate
            )
        return tone, noise

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


GURDY_SET = GurdySet(
    root=Path(__file__).with_name("gurdy-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("gurdy-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
GURDY_SETS = {GURDY_SET.root: GURDY_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
