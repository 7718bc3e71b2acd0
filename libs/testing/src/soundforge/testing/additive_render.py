"""Notes to audio by additive synthesis in numpy, as a Synclavier's, a Kawai K5's or a spectral-modelling
resynthesis (sinusoids plus a filtered noise residual) would play them: every note a sum of harmonic
partials, each with its own envelope, under a patch's spectral envelope, with a residual of breath,
bow or pick noise through a filter bank; and a kit of summed sine sweeps and shaped noise."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_PARTIALS = 32
FUNDAMENTAL_FLOOR = 0.35  # the first partial is never under this share of the loudest: it is the note
VIBRATO_RATES = (4.5, 6.0)  # Hz, drawn per patch
JITTER_RATE = 3.0  # Hz: how fast each partial's own slow wander moves (low-passed noise)
LATER = 0.12  # each partial up speaks this share of the attack later than the one under it
SOONER = 0.1  # and, where it decays, decays this much faster (a plucked patch's own rate is its own)
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7411  # mixed into every patch's draw and every note's seed


@dataclass(frozen=True)
class Additive:
    """A patch of `partials` harmonics: amplitude n^-(tilt - brighten velocity/127), the even ones
    times `even`, lifted by `humps` ((Hz, half-width share, gain) each: formants, a body); each partial
    rising over `attack` s (the n-th LATER later), falling over `decay` s to `sustain` (0: no sustain,
    the note dies) and released over `release` s. A `pluck` > 0 makes partial n die n^pluck times
    faster than the first. `voices` copies `detune` cents apart at most (a centre one on the pitch),
    a `vibrato` (cents) at `rate` Hz after `delay` s, each partial wandering by `jitter` cents. Its
    residual: noise through `noise` bands ((low Hz, high Hz, gain) each, as a share of the note's
    level) at `breath` under the note and `chiff` at its start."""

    kind: str
    partials: int
    tilt: float
    brighten: float
    even: float
    humps: tuple[tuple[float, float, float], ...]
    attack: float
    decay: float
    sustain: float
    release: float
    pluck: float
    voices: int
    detune: float
    vibrato: float
    rate: float
    delay: float
    jitter: float
    noise: tuple[tuple[float, float, float], ...]
    breath: float
    chiff: float
    salt: int  # the program: how each note's phases and wander are drawn
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return self.sustain > 0


# A kit piece: summed partials that fall by `sweep` octaves (a sine-sweep kick, toms), or ring.
Drum = struck_render.Drum
Kit = struck_render.Kit[Drum]
# General MIDI programs to additive patches and drums to the kit's: what a render through it may play.
AdditiveSet = struck_render.StruckSet[Additive, Drum]


def additive(program: int, kind: str, **fixed: Any) -> Additive:
    """The patch a General MIDI program is mapped to: its kind's shape (KINDS) and what `fixed`
    changes of it, with what is drawn (its humps' places, its detune, its vibrato's rate) drawn by
    the program, the same on every run."""
    rng = np.random.default_rng([program, _SALT])
    shape = {**KINDS[kind], **fixed}
    shape["humps"] = tuple((hz * float(rng.uniform(0.92, 1.08)), w, g) for hz, w, g in shape["humps"])
    shape["detune"] = float(shape["detune"]) * float(rng.uniform(0.8, 1.2))
    return Additive(kind=kind, rate=float(rng.uniform(*VIBRATO_RATES)), salt=program, **shape)


# Each kind's shape: brass rising bright with velocity, a reed's odd harmonics, a flute's few and its
# breath, an ensemble's detuned copies and bow noise, a choir's vowel humps, a bell-like patch's
# long harmonic ring, a pad's slow bloom, a pluck's partials dying faster up the series, a glass
# harmonica's near-sine and its rubbed finger.
# fmt: off
KINDS: dict[str, dict[str, Any]] = {
    "brass": dict(partials=24, tilt=2.2, brighten=1.6, even=1.0, humps=((1200.0, 0.5, 1.5),), attack=0.05,
                  decay=0.25, sustain=0.8, release=0.12, pluck=0.0, voices=1, detune=0.0, vibrato=6.0,
                  delay=0.3, jitter=1.0, noise=((800.0, 3000.0, 1.0),), breath=0.01, chiff=0.06),
    "reed": dict(partials=20, tilt=1.1, brighten=0.5, even=0.15, humps=((1500.0, 0.4, 1.0),), attack=0.03,
                 decay=0.2, sustain=0.85, release=0.08, pluck=0.0, voices=1, detune=0.0, vibrato=4.0,
                 delay=0.4, jitter=1.0, noise=((1500.0, 5000.0, 1.0),), breath=0.015, chiff=0.05),
    "flute": dict(partials=8, tilt=2.4, brighten=0.8, even=0.7, humps=(), attack=0.06, decay=0.3,
                  sustain=0.9, release=0.1, pluck=0.0, voices=1, detune=0.0, vibrato=8.0, delay=0.25,
                  jitter=1.0, noise=((1000.0, 3000.0, 0.6), (3000.0, 8000.0, 1.0)), breath=0.05,
                  chiff=0.2),
    "strings": dict(partials=28, tilt=1.2, brighten=0.5, even=0.9,
                    humps=((500.0, 0.3, 0.8), (2800.0, 0.3, 0.6)), attack=0.15, decay=0.4, sustain=0.85,
                    release=0.3, pluck=0.0, voices=5, detune=12.0,
                    vibrato=7.0, delay=0.2, jitter=1.0, noise=((2000.0, 7000.0, 1.0),), breath=0.02,
                    chiff=0.04),
    "choir": dict(partials=24, tilt=1.8, brighten=0.4, even=1.0,
                  humps=((700.0, 0.2, 3.0), (1150.0, 0.15, 2.0), (2800.0, 0.1, 1.0)), attack=0.2,
                  decay=0.4, sustain=0.9, release=0.35, pluck=0.0, voices=3, detune=9.0, vibrato=10.0,
                  delay=0.3, jitter=1.5, noise=((2500.0, 6000.0, 1.0),), breath=0.03, chiff=0.03),
    "bell": dict(partials=16, tilt=1.0, brighten=0.6, even=0.6, humps=((2000.0, 0.6, 1.0),), attack=0.003,
                 decay=2.5, sustain=0.0, release=0.6, pluck=0.6, voices=1, detune=0.0, vibrato=0.0,
                 delay=0.0, jitter=0.5, noise=((3000.0, 9000.0, 1.0),), breath=0.0, chiff=0.1),
    "pad": dict(partials=20, tilt=1.6, brighten=0.3, even=0.8, humps=((900.0, 0.5, 0.8),), attack=0.6,
                decay=0.8, sustain=0.9, release=0.8, pluck=0.0, voices=3, detune=7.0, vibrato=3.0,
                delay=0.6, jitter=1.5, noise=((400.0, 2000.0, 1.0),), breath=0.01, chiff=0.0),
    "plucked": dict(partials=28, tilt=1.0, brighten=0.7, even=0.9, humps=((250.0, 0.4, 0.8),), attack=0.002,
                    decay=1.2, sustain=0.0, release=0.05, pluck=0.9, voices=1, detune=0.0, vibrato=0.0,
                    delay=0.0, jitter=0.5, noise=((1500.0, 6000.0, 1.0),), breath=0.0, chiff=0.25),
    "glass": dict(partials=6, tilt=3.0, brighten=0.5, even=1.0, humps=(), attack=0.25, decay=0.5,
                  sustain=0.85, release=0.5, pluck=0.0, voices=1, detune=0.0, vibrato=3.0, delay=0.1,
                  jitter=1.0, noise=((3000.0, 7000.0, 1.0),), breath=0.008, chiff=0.0),
}
# fmt: on


def swept_drum(hz: float, count: int, decay: float) -> tuple[tuple[float, float, float], ...]:
    """A sine-sweep drum's body where its sweep ends: its first `count` harmonics summed, each 1/n of
    the first and dying n times as fast."""
    return tuple((hz * n, 1.0 / n, decay / n) for n in range(1, count + 1))


# General MIDI programs to additive patches, as a resynthesis library would cover them: the chord
# programs as an ensemble, a pad, a choir and a glass harmonica; the basses as a plucked string and a
# brass bass; the leads as brass, a reed, a flute, a bell-like voice and a harp's pluck; what holds
# (strings, a choir, a bowed glass pad) as an ensemble, a choir and a glass harmonica.
ADDITIVE = AdditiveSet(
    root=Path(__file__).with_name("additive-patches"),
    programs={
        # Chords: an ensemble, a pad, a choir, a glass harmonica, a plucked nylon string.
        49: additive(49, "strings"),
        88: additive(88, "pad"),
        53: additive(53, "choir", partials=20),
        93: additive(93, "glass", partials=5),
        24: additive(24, "plucked"),
        # Basses: a plucked string, a brass bass.
        32: additive(32, "plucked", partials=20, gain=1.3),
        58: additive(58, "brass", partials=16, tilt=2.6, vibrato=0.0, gain=1.3),
        # Leads: brass, a reed, a flute, a bell-like voice, a harp.
        56: additive(56, "brass"),
        71: additive(71, "reed"),
        73: additive(73, "flute"),
        14: additive(14, "bell"),
        46: additive(46, "plucked", partials=20, tilt=1.3, gain=0.9),
        # Held (what held tones and free-time chords play): an ensemble, a choir, a bowed glass.
        48: additive(48, "strings", voices=3, detune=8.0),
        52: additive(52, "choir"),
        92: additive(92, "glass", gain=0.9),
    },
    drums=Kit(
        kit=Path(__file__).with_name("additive-patches") / "kit",
        drums={
            36: Drum(swept_drum(55.0, 3, 0.25), (60.0, 400.0), 0.01, 1.4, 1.5, 0.06),  # sine-sweep kick
            38: Drum(((190.0, 1.0, 0.06), (330.0, 0.5, 0.04)), (1200.0, 7000.0), 0.12),  # body and residual
            37: Drum(((820.0, 1.0, 0.02), (1640.0, 0.4, 0.01)), (2000.0, 6000.0), 0.01, 0.6),  # a rim
            39: Drum((), (900.0, 5000.0), 0.08, 0.8),  # a clap: the residual alone
            42: Drum((), (7000.0, 10500.0), 0.03, 0.45),  # hats: the residual's top band, shut and open
            44: Drum((), (5000.0, 9000.0), 0.018, 0.35),
            46: Drum((), (6000.0, 10500.0), 0.25, 0.4),
            51: Drum(((3150.0, 1.0, 0.7), (4725.0, 0.5, 0.5)), (5000.0, 10500.0), 0.5, 0.3),  # a ride
            45: Drum(swept_drum(110.0, 2, 0.2), gain=0.9, sweep=0.5, glide=0.08),  # toms
            48: Drum(swept_drum(165.0, 2, 0.16), gain=0.8, sweep=0.5, glide=0.06),
            54: Drum((), (4500.0, 10000.0), 0.06, 0.4),  # a tambourine's jingle: the residual
            69: Drum((), (3000.0, 8000.0), 0.03, 0.35),  # a cabasa
            76: Drum(((1900.0, 1.0, 0.03), (5300.0, 0.3, 0.01)), gain=0.5),  # a wood block
        },
    ),
    drum_gain=0.9,
)
# The additive sets a render may name in place of a soundfont (midi_render.render_notes).
ADDITIVE_SETS = {ADDITIVE.root: ADDITIVE}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, additive_set: AdditiveSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has been
    released: each melodic channel's notes through its program's patch, bent by `cents` (the notes a
    channel strikes together one sound); the drum channel through the set's kit, unbent. A program or
    a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, additive_set, _SOUNDED, lambda patch: True
    )


def amplitudes(patch: Additive, hz: float, velocity: int, sample_rate: int) -> list[tuple[int, float]]:
    """(number, amplitude) of each harmonic partial below 0.45 of the rate, the loudest 1: the tilt
    (brighter the harder it is played), the even ones' share, the humps; the first never under
    FUNDAMENTAL_FLOOR of the loudest."""
    slope = patch.tilt - patch.brighten * velocity / 127.0
    out = []
    for n in range(1, patch.partials + 1):
        f = n * hz
        if f >= 0.45 * sample_rate:
            break
        amplitude = float(n) ** -slope * (patch.even if n % 2 == 0 else 1.0)
        for centre, width, gain in patch.humps:
            amplitude *= 1.0 + gain / (1.0 + ((f - centre) / (width * centre)) ** 2)
        out.append((n, amplitude))
    loudest = max(a for _, a in out)
    out = [(n, a / loudest) for n, a in out]
    out[0] = (1, max(out[0][1], FUNDAMENTAL_FLOOR))
    return [(n, a) for n, a in out if a > 1e-3]


def envelope_of(patch: Additive, n: int, held: float, times: Signal) -> Signal:
    """Partial n's envelope: its attack (LATER later for each partial up), its decay to the sustain
    (SOONER faster up the series, or n^pluck faster where the patch dies), and its release at `held`."""
    attack = patch.attack * (1.0 + LATER * (n - 1))
    decay = patch.decay / (float(n) ** patch.pluck if patch.pluck else 1.0 + SOONER * (n - 1))
    rise = np.clip(times / attack, 0.0, 1.0)
    fall = patch.sustain + (1.0 - patch.sustain) * np.exp(-np.maximum(times - attack, 0.0) / decay)
    release = patch.release / (1.0 + SOONER * (n - 1))
    gone = np.exp(-np.maximum(times - held, 0.0) / release)
    return np.asarray(rise * fall * gone)


def voice(patch: Additive, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The patch playing `pitches` (fractional MIDI, together) for `held` seconds and released. What
    varies (phases, the wander, the residual) is drawn with `seed` (the note's own, note_rng, where
    None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    ring = (
        held + 6.0 * patch.release if patch.sustained else min(held + 6.0 * patch.release, 6.0 * patch.decay)
    )
    times = np.arange(int(ring * sample_rate)) / sample_rate

    def sound(hz: float) -> tuple[Signal, Signal]:
        note = _partials(patch, hz, velocity, held, times, sample_rate, rng)
        return note, _residual(patch, held, times, sample_rate, rng)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def offsets(patch: Additive) -> tuple[float, ...]:
    """Each voice's detuning (cents): symmetric about the pitch, one on it where they are odd, the
    outermost `detune` apart (voice_render.detunings)."""
    return tuple(float(c) for c in voice_render.detunings(patch.detune / 2.0, patch.voices))


def _partials(patch: Additive, hz: float, velocity: int, held: float, times: Signal, sample_rate: int,
              rng: np.random.Generator) -> Signal:  # fmt: skip
    """One note's voices of partials, each partial under its own envelope and wander."""
    swell = np.clip((times - patch.delay) / 0.4, 0.0, 1.0)  # a player's vibrato comes in late
    vibrato = patch.vibrato * swell * np.sin(2.0 * np.pi * patch.rate * times)
    out = np.zeros(times.size)
    detunings = offsets(patch)
    for n, amplitude in amplitudes(patch, hz, velocity, sample_rate):
        shape = envelope_of(patch, n, held, times)
        alive = np.nonzero(shape > 1e-4)[0]  # computed only while it sounds
        end = int(alive[-1]) + 1 if alive.size else 0
        for offset in detunings:
            wander = patch.jitter * _wander(rng, times.size, sample_rate) if patch.jitter else 0.0
            cents = offset + vibrato + wander
            f = n * hz * 2.0 ** (cents / 1200.0)
            phase = float(rng.uniform(0.0, 2.0 * np.pi)) + 2.0 * np.pi * np.cumsum(f) / sample_rate
            out[:end] += amplitude / len(detunings) * shape[:end] * np.sin(phase[:end])
    return out


def _wander(rng: np.random.Generator, size: int, sample_rate: int) -> Signal:
    """A partial's slow pitch wander, peak about 1, zero mean, moving at JITTER_RATE."""
    step = max(1, int(sample_rate / JITTER_RATE))
    knots = rng.standard_normal(size // step + 2)
    knots -= float(np.mean(knots))
    wander = np.interp(np.arange(size) / step, np.arange(knots.size), knots)
    return np.asarray(wander / (float(np.abs(knots).max()) or 1.0))


def _residual(patch: Additive, held: float, times: Signal, sample_rate: int,
              rng: np.random.Generator) -> Signal:  # fmt: skip
    """The note's noise residual: noise through the patch's filter bank (struck_render.band_noise per
    band), `breath` under the note while it sounds and `chiff` at its start."""
    if not patch.noise or not (patch.breath or patch.chiff):
        return np.zeros(times.size)
    salt = int(rng.integers(2**31))
    bank = np.zeros(times.size)
    for low, high, gain in patch.noise:
        bank += gain * struck_render.band_noise(salt, (low, high), 0.0, times.size, sample_rate)
    under = patch.breath * np.clip(times / max(patch.attack, 0.01), 0.0, 1.0)
    under = under * (np.exp(-times / patch.decay) if not patch.sustained else 1.0)
    under = under * np.exp(-np.maximum(times - held, 0.0) / patch.release)
    burst = patch.chiff * np.exp(-times / 0.03)
    return np.asarray(bank * (under + burst))


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One drum: a sine sweep of summed partials and its residual, or (not swept) its partials
    ringing and its residual (struck_render.hit)."""
    return struck_render.hit(_SALT, drum, velocity, sample_rate)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Additive, Drum] = struck_render.Sounded(voice, _hit, 1024)
