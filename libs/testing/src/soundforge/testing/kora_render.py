"""Notes to audio by West African harp-lutes and bridge harps, computed in numpy: a Mande kora and a
Gambian kora strung in sauta, each twenty-one strings over a notched bridge standing on a cowhide
stretched across a half calabash; an n'goni, a spike lute whose skin carries the bridge, its sesego
plate buzzing; a bolon, a bass arched harp of three strings over a gourd; and an adungu, an Ugandan
arched harp on a skin-covered boat resonator.
A string is plucked by a thumb or an index finger (the thumbs take the strings under `thumbs`, the
index fingers the rest, as a kora player's do): displaced at `thumb`'s or `index`'s point of its
length and let go, partial n at |sin(n pi x)| / n (the force at the bridge of a string released from
a triangle), through the finger's contact, a half-sine `contact` s long at velocity 127 and longer for
a softer pluck (tether_render.stroke, tether_render.contact): the fleshy thumb's long and so dark, the
index's nail short and bright. The strings are nylon (a kora's fishing line) or gut and slightly
stiff: partial n at n f sqrt(1 + B n^2) / sqrt(1 + B), B `stiffness` at middle C growing up the
treble; each partial dies at its rate (the fundamental over `ring` s at middle C, longer in the bass,
each partial up `partial_damping` faster). A hard pluck stretches the string: it starts `glide` cents
sharp at velocity 127 (as the square of the velocity) and settles as its swing dies (tension
modulation, as the square of the amplitude). The bridge stands on the skin, so the skin's low modes
(`skin`: its first mode Hz, Q, lift; a membrane's axisymmetric modes, the bridge near the middle)
lift the partials near them, drain them faster (`drain`, 1/s, at a mode) and couple the string to
them: a partial on a mode splits into two `couple` cents either side of it that beat (symmetric, so
the note stays where it is); the pluck's push through the bridge rings the skin's modes a moment
(`thump`). The calabash (or gourd, or boat) is a Helmholtz resonator (`calabash`: litres, its sound
hole's diameter cm, Q, lift; c / 2 pi sqrt(A / V L), L the hole's end corrections), lifting what falls
near its note, and the whole radiates little under `radiates` Hz. The n'goni's sesego (and the bolon's
tin rattles) ride on the bridge: the plate swings with it until it strikes the skin or the neck `gap`
either side of a full pluck's swing, so only a loud enough string buzzes, and the louder the more
(`sesego`: its level; the slaps ring over `rattle` Hz). A held tone is a string plucked again and
again, thumb and index in turn (`roll` a second, `jitter` of a period early or late and softer:
rolled_render.strokes), each pluck throwing its partials back to their levels. Each note is worked out
on frames as its partials' complex levels (stretch and coupling in them) and read as periods at its
running, bent phase (struck_render.periods), so its partials stay whole multiples of its pitch.
And a kit for a Senegambian ensemble and the players' own sounds, none of them held: a calabash
floating upside down in a basin of water struck with the fist (the bass drum), the bolon's gourd
slapped by its player (the other); a sabar's stick crack (the snare) and its open hand (the other);
the kora's drum, a second player's fingers tapping the kora's handle (the side stick); hand claps (the
clap); the sabar's bass drums and a tama, a talking drum squeezed under the arm, its pitch rising as
it is squeezed (the toms); an iron finger-bell struck by a ring, choked (the closed hat), pressed (the
pedal hat) and let ring (the open hat); a bundle of tin rattles shaken hard (the crash); a hoe blade
struck with an iron rod (the ride) and at its edge (its bell); a string of seed-pod ankle rattles (the
tambourine); a small clapperless iron bell (the cowbell); a gourd rattle's seeds inside (the maracas);
a rasped notched stick (the cabasa); two sticks struck (the claves); and the kora player's fingers
tapping the calabash at its rim and in its middle (the wood blocks) -- ringing modes and noise, the
rattles and seeds as grains, no recording."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import balafon_render, rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

MIDDLE_C = 261.6256  # Hz
SOUND_SPEED = 343.0  # m/s
FUNDAMENTAL_FLOOR = 0.3  # the note's partial is never under this share of the loudest
FRAME = 0.002  # s: the step the partials' levels and coupling are worked out at
MAX_PARTIALS = 24
TOP = 7000.0  # Hz: no partial above (the skin radiates little there, the finger's contact less)
B_TREBLE = 2.0  # the stiffness grows by this an octave up the treble (short, thin strings)
B_BASS = 0.7  # and shrinks by this an octave down (long, thick ones)
SKIN_MODES = (1.0, 2.296, 3.598)  # a membrane's axisymmetric modes against its first (J0's zeros)
THUMP_TIME = 0.03  # s: how fast the skin's own ring under the pluck dies
COUPLED = 0.3  # the share of a partial on a skin mode that the coupled pair swings away as they beat
_TABLE = 1024  # points of a period's table (struck_render.periods)
_SHORTEST = 0.05  # s: a note held this long at least
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6361  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A harp-lute's or a bridge harp's strings. Plucked by a thumb under key `thumbs` and by an index
    finger from it (`thumb`, `index`: the point of the length plucked and the contact s at velocity 127);
    the strings' `stiffness` (B at middle C), the fundamental's `ring` s at middle C and each partial up
    dying `partial_damping` faster; `glide`: cents sharp at velocity 127 as the pluck lets go; the skin
    under the bridge (`skin`: first mode Hz, Q, lift), `drain` (1/s more at a mode), `couple` (cents
    either side at a mode), `thump` (its ring under the pluck, against the note); the resonator
    (`calabash`: litres, hole diameter cm, Q, lift; litres 0: none) and the radiation's corner `radiates`
    Hz; the sesego (`sesego`: its level, 0 none; `gap`: where it strikes, of a full pluck's swing;
    `rattle`: its band, Hz). `roll`, `jitter`: a held tone plucked again and again (0: once). `level`:
    the attack s (the finger catching a sounding string before it lets it go), -, 1 where a held tone
    is plucked on, the hand's damping s once the note ends;
    Players' fields (one string to a note: no detuning, no vibrato)."""

    kind: str
    thumbs: int = 55
    thumb: tuple[float, float] = (0.3, 0.0012)
    index: tuple[float, float] = (0.18, 0.0005)
    stiffness: float = 1e-5
    ring: float = 2.5
    partial_damping: float = 0.1
    glide: float = 6.0
    skin: tuple[float, float, float] = (220.0, 6.0, 1.0)
    drain: float = 3.0
    couple: float = 0.6
    thump: float = 0.04
    calabash: tuple[float, float, float, float] = (30.0, 11.0, 4.0, 1.2)
    radiates: float = 90.0
    sesego: float = 0.0
    gap: float = 0.3
    rattle: tuple[float, float] = (2000.0, 7000.0)
    roll: float = 0.0
    jitter: float = 0.0
    level: tuple[float, float, float, float] = (0.001, 0.0, 0.0, 0.15)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0

    @property
    def still(self) -> Instrument:
        """The same strings plucked with no stretch and no coupling: they sound their note as tuned."""
        return dataclasses.replace(self, glide=0.0, couple=0.0)


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A drum, a bell or a rattle of the ensemble (struck_render.Drum's partials and noise), and
    `grains` more strokes at random within `spread` s, each at up to its share of the first (the tin
    rattles, the ankle rattles' pods, the gourd's seeds), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
KoraSet = struck_render.StruckSet[Instrument, Struck]


def stiffness_of(patch: Instrument, hz: float) -> float:
    """B at `hz`: `stiffness` at middle C, times B_TREBLE an octave up, B_BASS an octave down."""
    octaves = float(np.log2(hz / MIDDLE_C))
    return patch.stiffness * (B_TREBLE**octaves if octaves > 0 else B_BASS ** (-octaves))


def stretched(count: int, stiffness: float) -> Signal:
    """The first `count` partials of a stiff string against its first: n sqrt(1 + B n^2) / sqrt(1 + B)."""
    n = np.arange(1, count + 1, dtype=np.float64)
    return np.asarray(n * np.sqrt(1.0 + stiffness * n**2) / np.sqrt(1.0 + stiffness))


def count_of(hz: float, sample_rate: int) -> int:
    """How many partials a note at `hz` sounds: under TOP and 0.45 of the rate, MAX_PARTIALS at most,
    the first always."""
    return int(max(1, min(MAX_PARTIALS, np.floor(min(TOP, 0.45 * sample_rate) / hz))))


def helmholtz_hz(patch: Instrument) -> float:
    """The resonator's Helmholtz resonance (Hz): c / 2 pi sqrt(A / V L), A the sound hole's area, V
    the volume, L 1.7 of the hole's radius (its two end corrections, a thin wall)."""
    litres, diameter, _, _ = patch.calabash
    radius = diameter / 200.0
    area = np.pi * radius**2
    return float(SOUND_SPEED / (2.0 * np.pi) * np.sqrt(area / (litres / 1000.0 * 1.7 * radius)))


def skin_resonance(patch: Instrument, f: Signal) -> Signal:
    """How near `f` Hz stands to the skin's modes: the sum of their resonances' moduli (1 on a mode),
    each higher mode at 1 / its ratio."""
    first, q, _ = patch.skin
    out = np.zeros(np.shape(f))
    for ratio in SKIN_MODES:
        out = out + np.abs(tether_render.resonance(np.asarray(f), first * ratio, q)) / ratio
    return np.asarray(out)


def body_response(patch: Instrument, f: Signal) -> Signal:
    """What the instrument radiates of the string at `f` Hz: x^2 / (1 + x^2), x = f / `radiates`,
    lifted by the skin's modes and the resonator's Helmholtz resonance."""
    f = np.asarray(f, dtype=np.float64)
    x = f / patch.radiates
    lifted = 1.0 + patch.skin[2] * skin_resonance(patch, f)
    litres, _, q, lift = patch.calabash
    if litres and lift:
        lifted = lifted + lift * np.abs(tether_render.resonance(f, helmholtz_hz(patch), q))
    return np.asarray(x**2 / (1.0 + x**2) * lifted)


def finger(patch: Instrument, hz: float) -> tuple[float, float]:
    """The point plucked and the contact (s at velocity 127) of the finger that plucks a note at `hz`:
    the thumb's under key `thumbs`, the index finger's from it."""
    key = round(12.0 * np.log2(hz / 440.0) + 69.0)
    return patch.thumb if key < patch.thumbs else patch.index


def plucked(patch: Instrument, hz: float, velocity: int, n: Signal, ratio: Signal) -> Signal:
    """Each partial's level as the finger lets the string go: |sin(n pi x)| / n at the point plucked,
    through the finger's contact (tether_render.stroke, timed as tether_render.contact times), radiated
    by the body (body_response)."""
    at, touch = finger(patch, hz)
    tau = touch * (127.0 / max(velocity, 1)) ** 0.2
    f = ratio * hz
    return np.asarray(
        np.abs(np.sin(n * np.pi * at)) / n * tether_render.stroke(f, tau) * body_response(patch, f)
    )


def dying(patch: Instrument, hz: float, n: Signal, ratio: Signal) -> Signal:
    """Each partial's rate of dying (1/s): the fundamental's 1 / `ring` at middle C, slower in the bass
    (as the square root of the frequency), each partial up `partial_damping` faster; and `drain` more
    where it stands on a mode of the skin, which takes its energy through the bridge."""
    own = np.sqrt(hz / MIDDLE_C) / patch.ring * (1.0 + patch.partial_damping * (n - 1.0))
    return np.asarray(own + patch.drain * skin_resonance(patch, ratio * hz))


def length(patch: Instrument, hz: float, held: float) -> float:
    """How long a note held `held` s sounds (s): plucked on while held where it rolls, then until its
    first partial has died or the hand has damped it once the note ends; and the fade."""
    one = np.ones(1)
    first = float(dying(patch, hz, one, one)[0])
    return rolled_render.dying_length(first, patch.roll, held, patch.level[3], _FADE)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           sample_rate: int = 22050, turned: Signal | None = None,
           struck_at: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Complex:  # fmt: skip
    """The partials' complex levels (frames x whole harmonics) at `frames` s: each pluck (`struck_at`)
    throwing them back to their levels (plucked), dying at their rates (dying; rolled_render.levels,
    the hand damping them once the note ends), the first never under FUNDAMENTAL_FLOOR of the loudest;
    each turned off its harmonic by its stretch (stretched) and split by the skin's coupling into two
    partials `couple` cents either side, times its nearness to a mode, beating by up to 2 COUPLED of
    it (symmetric: the partial's phase stays its own), at `turned` (the note's running phase in
    radians at the frames, 2 pi hz t where None); the first lifted again to FUNDAMENTAL_FLOOR."""
    turned = 2.0 * np.pi * hz * frames if turned is None else turned
    count = count_of(hz, sample_rate)
    n = np.arange(1, count + 1, dtype=np.float64)
    ratio = stretched(count, stiffness_of(patch, hz))
    base = plucked(patch, hz, velocity, n, ratio)
    rings = 1.0 / dying(patch, hz, n, ratio)
    real = rolled_render.levels(base, rings, patch.level, held, frames, struck_at, FUNDAMENTAL_FLOOR)
    near = np.minimum(skin_resonance(patch, ratio * hz), 1.0)
    spread = ratio * (2.0 ** (patch.couple * near / 1200.0) - 1.0)
    beating = 1.0 - COUPLED * near[None, :] * (1.0 - np.cos(spread[None, :] * turned[:, None]))
    out = real * beating * np.exp(1j * (ratio - n)[None, :] * turned[:, None])
    loudest = np.abs(out).max(axis=1)
    first = np.abs(out[:, 0])
    out[:, 0] *= np.where(
        first < FUNDAMENTAL_FLOOR * loudest, FUNDAMENTAL_FLOOR * loudest / np.maximum(first, 1e-300), 1.0
    )
    return np.asarray(out)


def cents_of(patch: Instrument, hz: float, velocity: int, times: Signal, struck_at: tuple[Signal, Signal]
             ) -> Signal:  # fmt: skip
    """The pitch (cents about the note) at `times` s: each pluck stretching the string `glide` cents at
    velocity 127 (as the square of the velocity and of its strength), settling as the square of the
    first partial's swing dies."""
    one = np.ones(1)
    rate = 2.0 * float(dying(patch, hz, one, one)[0])
    pluck_times, strengths = struck_at
    which = np.searchsorted(pluck_times, times, side="right") - 1
    since = times - pluck_times[which]
    return np.asarray(patch.glide * (velocity / 127.0 * strengths[which]) ** 2 * np.exp(-since * rate))


def strokes(patch: Instrument, held: float, rng: np.random.Generator) -> tuple[Signal, Signal]:
    """When a note held `held` s is plucked and how hard: once, or plucked on (rolled_render.strokes)."""
    return rolled_render.strokes(patch.roll, patch.jitter, held, rng)


def sesego(patch: Instrument, swing: Signal, hz: float, sample_rate: int) -> Signal:
    """The sesego's buzz from the bridge's `swing` (1 a full pluck's): the plate rides with it until it
    strikes `gap` either side, so only the swing past the gap slaps, more the louder the string; the
    slaps' rate of change (per radian of the note, as loud at every pitch) rings the plate over its
    `rattle` band. Nothing where the swing never reaches the gap."""
    excess = swing - np.clip(swing, -patch.gap, patch.gap)
    if not np.any(excess):
        return np.zeros(swing.size)
    slaps = np.gradient(excess) * sample_rate / (2.0 * np.pi * hz)
    low, high = patch.rattle
    band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
    sos = signal.butter(2, band, btype="bandpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfilt(sos, slaps))


def thumped(patch: Instrument, struck_at: tuple[Signal, Signal], size: int, sample_rate: int) -> Signal:
    """The skin's own ring under each pluck, pushed through the bridge: its modes, each at 1 / its
    ratio, dying over THUMP_TIME, `thump` of the note's peak at a full pluck."""
    first = patch.skin[0]
    out = np.zeros(size)
    span = np.arange(min(size, round(8.0 * THUMP_TIME * sample_rate))) / sample_rate
    ring = sum(np.sin(2.0 * np.pi * first * r * span) / r for r in SKIN_MODES) * np.exp(-span / THUMP_TIME)
    for at, strength in zip(*struck_at, strict=True):
        start = round(float(at) * sample_rate)
        end = min(start + span.size, out.size)
        if end > start:
            out[start:end] += strength * ring[: end - start]
    return np.asarray(patch.thump * out / 1.5)


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, kora_set: KoraSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died: each
    melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    string); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, kora_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string to each) plucked for `held` seconds at `velocity`. What
    varies (when a held tone's plucks fall and how hard) is drawn with `seed` (the note's own,
    note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    struck_at = strokes(patch, held, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        bent = cents_of(patch, hz, velocity, times, struck_at)
        phase = 2.0 * np.pi * hz * np.cumsum(2.0 ** (bent / 1200.0)) / sample_rate
        at_frames = np.interp(frames, times, phase)
        weights = levels(patch, hz, held, velocity, frames, sample_rate, at_frames, struck_at)
        tone = struck_render.periods(weights, [phase], times, FRAME, _TABLE)
        tone /= float(np.abs(tone).max()) or 1.0
        if patch.sesego:
            tone = tone + patch.sesego * sesego(patch, velocity / 127.0 * tone, hz, sample_rate)
        return tone, thumped(patch, struck_at, times.size, sample_rate)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# Each instrument's skin under its bridge (first mode Hz, Q, lift) and resonator (litres, hole cm, Q,
# lift): a kora's cowhide over a half calabash some 45 cm across with its hole in the side; an n'goni's
# goat skin over a small wooden trough; a bolon's big gourd; an adungu's boat of wood under a skin.
_KORA_SKIN = (190.0, 5.0, 0.9)
_KORA_CALABASH = (32.0, 11.0, 5.0, 1.3)
_NGONI_SKIN = (330.0, 7.0, 1.2)
_NGONI_TROUGH = (3.0, 4.0, 6.0, 0.8)
_BOLON_SKIN = (120.0, 4.0, 1.0)
_BOLON_GOURD = (45.0, 13.0, 5.0, 1.6)
_ADUNGU_SKIN = (260.0, 6.0, 0.8)
_ADUNGU_BOAT = (9.0, 6.0, 7.0, 0.9)
_SESEGO = (2400.0, 7500.0)  # Hz: a thin tin plate, its wire rings loose in their holes
# The chords: a Mande kora, its thumbs on the bass and the ostinato under G3; a Gambian kora strung in
# sauta (its bass string lower, so its thumbs reach higher, to C4); an n'goni, its sesego buzzing on
# the loud plucks.
MANDE_KORA = Instrument("kora", thumbs=55, thumb=(0.3, 0.0012), index=(0.17, 0.0005), stiffness=9e-6,
                        ring=2.6, glide=6.0, skin=_KORA_SKIN, drain=2.5, couple=0.6, thump=0.04,
                        calabash=_KORA_CALABASH, radiates=85.0)  # fmt: skip
SAUTA_KORA = Instrument("kora", thumbs=60, thumb=(0.27, 0.0011), index=(0.15, 0.00045), stiffness=1.1e-5,
                        ring=2.3, glide=7.0, skin=(205.0, 5.5, 1.0), drain=2.8, couple=0.7, thump=0.05,
                        calabash=(28.0, 10.0, 5.0, 1.2), radiates=90.0)  # fmt: skip
NGONI = Instrument("n'goni", thumbs=57, thumb=(0.22, 0.0009), index=(0.12, 0.0004), stiffness=1.6e-5,
                   ring=1.4, partial_damping=0.14, glide=9.0, skin=_NGONI_SKIN, drain=4.0, couple=0.8,
                   thump=0.06, calabash=_NGONI_TROUGH, radiates=150.0, sesego=0.5, gap=0.35,
                   rattle=_SESEGO)  # fmt: skip
# The basses: a bolon's three gut strings, thumbed, its tin rattles on the bridge; the Mande kora's
# bass strings, thumbed.
BOLON = Instrument("bolon", thumbs=72, thumb=(0.35, 0.002), stiffness=6e-6, ring=3.2, partial_damping=0.16,
                   glide=10.0, skin=_BOLON_SKIN, drain=2.0, couple=0.5, thump=0.08, calabash=_BOLON_GOURD,
                   radiates=60.0, sesego=0.35, gap=0.45, rattle=(1500.0, 5500.0), gain=1.2)  # fmt: skip
KORA_BASS = dataclasses.replace(MANDE_KORA, thumbs=72, gain=1.2)
# The leads: the Gambian kora's treble, index fingers; an n'goni played high, its sesego off; an
# adungu, its strings on a boat resonator.
SAUTA_TREBLE = dataclasses.replace(SAUTA_KORA, thumbs=0, gain=0.9)
NGONI_HIGH = dataclasses.replace(NGONI, sesego=0.0, thumbs=48, gain=0.9)
ADUNGU = Instrument("adungu", thumbs=57, thumb=(0.28, 0.001), index=(0.2, 0.0006), stiffness=1.3e-5, ring=1.8,
                    partial_damping=0.12, glide=5.0, skin=_ADUNGU_SKIN, drain=3.0, couple=0.5, thump=0.04,
                    calabash=_ADUNGU_BOAT, radiates=120.0, gain=0.9)  # fmt: skip
# Held: a kora string plucked again and again, thumb and index in turn, each finger catching the
# string (stopping it a moment: the attack) before it lets it go; an adungu's the same.
KORA_HELD = dataclasses.replace(MANDE_KORA, roll=9.0, jitter=0.05, level=(0.012, 0.0, 1.0, 0.12))
ADUNGU_HELD = dataclasses.replace(ADUNGU, roll=10.0, jitter=0.06, level=(0.012, 0.0, 1.0, 0.1), gain=1.0)


# General MIDI programs to instruments: the held tones; a song's chords on the two koras and an
# n'goni; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: KORA_HELD,
        49: ADUNGU_HELD,
        46: MANDE_KORA,
        24: SAUTA_KORA,
        105: NGONI,
        32: BOLON,
        33: KORA_BASS,
        25: SAUTA_TREBLE,
        106: NGONI_HIGH,
        107: ADUNGU,
    }


def _drums() -> dict[int, Struck]:
    skin = balafon_render.skin
    return {
        # A calabash upside down in a basin of water struck with the fist: the trapped air's low mode
        # and the shell's (the bass drum); the bolon's gourd slapped by its player (the other).
        36: Struck(((56.6, 1.0, 0.05), (163.0, 0.6, 0.035), (419.0, 0.35, 0.02)), (40.0, 900.0), 0.05, 1.3),
        35: Struck(((79.0, 1.0, 0.05), (211.0, 0.5, 0.03), (557.0, 0.2, 0.015)), (60.0, 1500.0), 0.03, 1.2),
        # The sabar's stick crack on the nder (the snare) and its open hand (the other); the kora's drum,
        # fingers tapping the handle (the side stick); hand claps (the clap).
        38: Struck(skin(427.5, 0.015, 0.9), (1800.0, 9500.0), 0.035, 0.9),
        40: Struck(skin(367.0, 0.04, 0.6), (700.0, 4500.0), 0.02, 0.85),
        37: Struck(((1423.0, 1.0, 0.012), (3719.0, 0.4, 0.005)), (1200.0, 7000.0), 0.004, 0.6),
        39: Struck((), (750.0, 5800.0), 0.013, 0.85, grains=2, spread=0.028),
        # The sabar's bass drums, the lambe and the mbeng-mbeng, and a tama squeezed, its pitch rising
        # as the arm tightens the laces (the toms).
        41: Struck(skin(73.0, 0.18, 0.3), (80.0, 1400.0), 0.02, 0.9),
        43: Struck(skin(97.0, 0.16, 0.3), (90.0, 1700.0), 0.02, 0.9),
        45: Struck(skin(181.0, 0.12, 0.4), (150.0, 2600.0), 0.016, 0.9, sweep=-0.35, glide=0.08),
        47: Struck(skin(211.0, 0.11, 0.4), (170.0, 2900.0), 0.015, 0.9, sweep=-0.3, glide=0.07),
        48: Struck(skin(241.0, 0.1, 0.4), (190.0, 3200.0), 0.014, 0.9, sweep=-0.25, glide=0.06),
        50: Struck(skin(277.0, 0.09, 0.4), (210.0, 3500.0), 0.012, 0.9, sweep=-0.2, glide=0.05),
        # An iron finger-bell struck by a ring: choked (the closed hat), pressed (the pedal hat), let ring
        # (the open hat); a bundle of tin rattles shaken hard (the crash); a hoe blade struck with an iron
        # rod (the ride) and at its edge (its bell).
        42: Struck(((2281.0, 0.5, 0.01), (5387.0, 0.3, 0.005)), (3500.0, 10000.0), 0.01, 0.35),
        44: Struck(((2281.0, 0.3, 0.004),), (2200.0, 7500.0), 0.006, 0.3),
        46: Struck(
            ((2281.0, 0.5, 0.13), (5387.0, 0.3, 0.08), (7993.0, 0.2, 0.05)), (3000.0, 10000.0), 0.07, 0.35
        ),
        49: Struck(
            ((3511.0, 0.3, 0.1), (5153.0, 0.3, 0.08)), (2500.0, 10000.0), 0.2, 0.4, grains=6, spread=0.09
        ),
        51: Struck(
            ((1163.0, 0.7, 0.22), (2957.0, 0.4, 0.13), (5011.0, 0.2, 0.07)), (1400.0, 8000.0), 0.01, 0.35
        ),
        53: Struck(((1163.0, 0.4, 0.05), (2957.0, 0.6, 0.09)), (2500.0, 9000.0), 0.004, 0.35),
        # A string of seed-pod ankle rattles (the tambourine); a small clapperless iron bell (the
        # cowbell); a rasped notched stick (the cabasa); a gourd rattle's seeds inside (the maracas).
        54: Struck((), (2500.0, 9000.0), 0.03, 0.4, grains=5, spread=0.05),
        56: Struck(
            ((953.0, 1.0, 0.08), (2459.0, 0.5, 0.045), (3907.0, 0.3, 0.025)), (850.0, 6000.0), 0.003, 0.4
        ),
        69: Struck((), (1500.0, 8500.0), 0.045, 0.4, grains=6, spread=0.065),
        70: Struck((), (2800.0, 9500.0), 0.022, 0.4, grains=4, spread=0.032),
        # Two sticks struck (the claves); the kora player's fingers tapping the calabash at its rim and
        # in its middle (the wood blocks).
        75: Struck(((2309.0, 1.0, 0.011), (5821.0, 0.3, 0.005)), (1900.0, 8500.0), 0.002, 0.5),
        76: Struck(((613.0, 1.0, 0.03), (1559.0, 0.4, 0.012)), (500.0, 4000.0), 0.003, 0.5),
        77: Struck(((149.0, 1.0, 0.05), (409.0, 0.4, 0.02)), (120.0, 2200.0), 0.004, 0.55),
    }


KORA_SET = KoraSet(
    root=Path(__file__).with_name("kora-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("kora-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
KORA_SETS = {KORA_SET.root: KORA_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
