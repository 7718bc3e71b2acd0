"""Notes to audio by linear-arithmetic synthesis in numpy, as a D-50 or an MT-32 plays it: every tone a
short sampled-like attack (a hammer's, a pick's, a slap's, a breath's chiff, a bow's scrape, a brass
player's lip, a mallet's knock: all computed, no recording) spliced onto a synthesised sustain (a
sawtooth or a pulse through a resonant time-variant filter and amplifier), one to three of them
detuned apart, through the instrument's chorus; and a kit of the same, synthesised clicks at the
onset of swept or ringing tails."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_PARTIALS = 40
ATTACK_PARTIALS = 24  # harmonics an attack transient is computed with, at most
FUNDAMENTAL_FLOOR = 0.35  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.02  # s: how often the sustain's filter and pulse width are worked out (they move slowly)
TABLE = 2048  # points of one period each frame's sustain is read from (its partials 40 at most)
MIDDLE_C = 261.63  # Hz: where a filter's cutoff is given, before its key follow moves it
CHORUS_DELAY = 0.012  # s: the chorus's delayed copy, on average, behind the dry sound
_FADE = 0.01  # s: the fade at a sound's cut end
_RISE = 0.001  # s: an attack transient's own onset
_SALT = 6151  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Attack:
    """An attack partial: a one-shot, sampled-like transient played at the note's pitch (computed):
    its harmonics n^-`tilt`, lifted by `humps` ((Hz, half-width share, gain) each: a hammer's, a
    tine's, a body's ring), the first dying over `ring` s and the n-th (1 + `faster` (n - 1)) times
    faster; its noise over `band` (Hz) at `noise` of the note, dying over `hiss` s. It lasts
    `length` s and is spliced out over its last `splice` s; `level` is its peak against the
    sustain's."""

    tilt: float
    ring: float
    length: float
    level: float
    humps: tuple[tuple[float, float, float], ...] = ()
    faster: float = 0.2
    band: tuple[float, float] = (2000.0, 8000.0)
    noise: float = 0.0
    hiss: float = 0.01
    splice: float = 0.02


@dataclass(frozen=True)
class Tone(voice_render.Players):
    """A patch: an `attack` spliced onto a synthesised sustain partial, a `wave` ("saw", or "pulse"
    `width` of the period, swinging `pwm` either way at `pwm_rate` Hz) through a time-variant filter
    (a resonant low-pass, `resonance` its Q, its cutoff `cutoff` Hz at middle C moving with the note
    by `follow`, `bright` octaves higher from a soft note to a hard one, opened `sweep` octaves at the
    onset and closing over `close` s) and amplifier (`level`: attack s, decay s, the share it
    sustains, release s) that starts `enter` s after the onset, under the transient. `voices` such
    partials `detune` cents apart at most, a `vibrato` (cents) at `rate` Hz after `delay` s, and
    the chorus: a copy at `chorus` of the dry sound, CHORUS_DELAY behind it, its delay swinging
    `depth` s either way at `speed` Hz."""

    kind: str
    attack: Attack
    wave: str
    cutoff: float
    level: tuple[float, float, float, float]
    enter: float = 0.0
    width: float = 0.5
    pwm: float = 0.0
    pwm_rate: float = 0.4
    resonance: float = 1.0
    follow: float = 1.0
    bright: float = 1.0
    sweep: float = 0.0
    close: float = 0.2
    voices: int = 2
    detune: float = 8.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.4
    chorus: float = 0.0
    depth: float = 0.0015
    speed: float = 0.5
    gain: float = 1.0


@dataclass(frozen=True)
class Hit:
    """A kit piece: a `click` (band-passed noise over `band`, dying over `burst` s, at `click` of the
    tail's peak) at the onset of its tail, partials swept or ringing and its hiss (struck_render.Drum)."""

    tail: struck_render.Drum
    click: float
    band: tuple[float, float] = (2000.0, 9000.0)
    burst: float = 0.003

    @property
    def gain(self) -> float:
        return self.tail.gain


Kit = struck_render.Kit[Hit]
# General MIDI programs to linear-arithmetic tones and drums to the kit's hits: what a render may play.
ArithmeticSet = struck_render.StruckSet[Tone, Hit]
Drum = struck_render.Drum

# Each kind's attack: a piano's hammer on its strings, an electric piano's tine, a guitar's pick, a
# bass player's thumb slapping, a flute's chiff, a bow's scrape, a choir's breath, a brass player's
# lip buzzing into the note, a reed's, a mallet's knock on a bar, a bell's strike over a pad.
HAMMER = Attack(0.9, 0.25, 0.25, 1.4, ((2600.0, 0.4, 2.0),), 0.15, (1500.0, 7000.0), 0.25, 0.006)
TINE = Attack(1.6, 0.3, 0.2, 1.2, ((1900.0, 0.15, 6.0),), 0.1, (3000.0, 9000.0), 0.1, 0.004)
PICK = Attack(0.7, 0.12, 0.15, 1.0, ((3000.0, 0.5, 1.5),), 0.25, (2500.0, 9000.0), 0.3, 0.004)
SLAP = Attack(0.5, 0.06, 0.09, 1.5, ((1200.0, 0.5, 2.5),), 0.3, (800.0, 5000.0), 0.5, 0.01)
CHIFF = Attack(2.0, 0.05, 0.12, 0.5, ((2400.0, 0.5, 3.0),), 0.05, (1800.0, 6000.0), 0.6, 0.04, 0.05)
SCRAPE = Attack(1.0, 0.08, 0.18, 0.6, ((3500.0, 0.6, 2.0),), 0.1, (2500.0, 8000.0), 0.5, 0.06, 0.08)
BREATH = Attack(1.8, 0.1, 0.2, 0.4, ((800.0, 0.3, 3.0),), 0.05, (1000.0, 5000.0), 0.5, 0.08, 0.1)
LIP = Attack(0.6, 0.06, 0.1, 1.1, ((1300.0, 0.5, 2.5),), 0.05, (600.0, 3000.0), 0.2, 0.02, 0.04)
REED = Attack(0.8, 0.05, 0.09, 0.9, ((1800.0, 0.4, 2.0),), 0.1, (1500.0, 6000.0), 0.35, 0.02, 0.04)
KNOCK = Attack(2.5, 0.04, 0.1, 1.6, ((900.0, 0.3, 3.0),), 0.4, (300.0, 2500.0), 0.3, 0.008)
STRIKE = Attack(1.2, 0.5, 0.45, 1.0, ((3200.0, 0.3, 4.0),), 0.05, (4000.0, 10000.0), 0.08, 0.004, 0.1)

# Each kind: what its attack is spliced onto.
PIANO = Tone("piano", HAMMER, "saw", 900.0, (0.004, 1.6, 0.0, 0.25), 0.005, resonance=0.8, follow=0.8,
             bright=1.5, sweep=1.5, close=0.4, detune=6.0)  # fmt: skip
E_PIANO = Tone("electric piano", TINE, "pulse", 500.0, (0.003, 2.2, 0.0, 0.3), 0.004, width=0.5,
               resonance=0.7, follow=0.9, bright=1.0, sweep=0.8, close=0.3, detune=5.0, chorus=0.5,
               depth=0.0012, speed=0.7)  # fmt: skip
GUITAR = Tone("guitar", PICK, "saw", 1300.0, (0.003, 0.9, 0.0, 0.12), 0.003, resonance=1.2, follow=0.6,
              bright=1.2, sweep=1.2, close=0.25, detune=4.0, chorus=0.35)  # fmt: skip
SLAP_BASS = Tone("slap bass", SLAP, "pulse", 500.0, (0.004, 0.8, 0.25, 0.1), 0.004, width=0.4,
                 resonance=2.0, follow=0.5, bright=1.0, sweep=1.5, close=0.12, detune=3.0)  # fmt: skip
FINGER_BASS = Tone("finger bass", PICK, "saw", 400.0, (0.005, 1.2, 0.3, 0.1), 0.005, resonance=1.0,
                   follow=0.6, bright=0.8, sweep=0.8, close=0.2, voices=1, gain=1.1)  # fmt: skip
FLUTE = Tone("flute", CHIFF, "pulse", 1200.0, (0.06, 0.3, 0.8, 0.15), 0.02, width=0.5, resonance=0.7,
             follow=1.0, bright=0.6, voices=1, vibrato=12.0, rate=5.0, delay=0.35)  # fmt: skip
STRINGS = Tone("strings", SCRAPE, "saw", 1800.0, (0.25, 0.5, 0.85, 0.35), 0.02, resonance=0.8, follow=1.0,
               bright=0.6, voices=3, detune=12.0, vibrato=6.0, rate=5.2, delay=0.5, chorus=0.4,
               depth=0.0018, speed=0.4)  # fmt: skip
CHOIR = Tone("choir", BREATH, "pulse", 900.0, (0.3, 0.6, 0.8, 0.4), 0.03, width=0.35, pwm=0.1,
             pwm_rate=0.3, resonance=2.5, follow=0.3, bright=0.4, voices=3, detune=10.0, vibrato=8.0,
             rate=4.8, delay=0.4, chorus=0.5, depth=0.002, speed=0.3)  # fmt: skip
BRASS = Tone("brass", LIP, "saw", 700.0, (0.04, 0.5, 0.7, 0.15), 0.01, resonance=1.3, follow=0.9,
             bright=1.6, sweep=1.2, close=0.15, detune=6.0, vibrato=8.0, rate=5.5, delay=0.45)  # fmt: skip
SAX = Tone("sax", REED, "pulse", 1100.0, (0.03, 0.4, 0.75, 0.1), 0.01, width=0.3, pwm=0.05,
           pwm_rate=0.6, resonance=1.8, follow=0.8, bright=1.2, sweep=0.5, close=0.1, voices=1,
           vibrato=14.0, rate=5.2, delay=0.3)  # fmt: skip
MALLET = Tone("mallet", KNOCK, "pulse", 800.0, (0.002, 0.5, 0.0, 0.1), 0.003, width=0.5,
              resonance=0.7, follow=1.0, bright=0.8, voices=1, gain=0.9)  # fmt: skip
BELL_PAD = Tone("bell pad", STRIKE, "saw", 600.0, (0.5, 1.0, 0.7, 0.6), 0.05, resonance=1.5,
                follow=0.5, bright=0.5, sweep=-0.5, close=1.5, voices=3, detune=10.0, chorus=0.6,
                depth=0.002, speed=0.35)  # fmt: skip
SYNTH_BASS = Tone("synth bass", KNOCK, "saw", 350.0, (0.003, 0.4, 0.5, 0.08), 0.002, resonance=4.0,
                  follow=0.7, bright=1.2, sweep=2.0, close=0.08, voices=2, detune=5.0)  # fmt: skip
KINDS = (PIANO, E_PIANO, GUITAR, SLAP_BASS, FINGER_BASS, FLUTE, STRINGS, CHOIR, BRASS, SAX, MALLET,
         BELL_PAD, SYNTH_BASS)  # fmt: skip

# General MIDI programs to linear-arithmetic tones, as such a module's presets would cover them: the
# chord programs as a piano, an electric piano, a guitar, a bell over a pad and a brass section; the
# basses as a slap bass, a finger bass and a synth bass; the leads as a flute, a sax, brass, a mallet
# and a guitar; what holds (strings, a choir, a pad) as a string section, a choir and a bell's pad.
ARITHMETIC = ArithmeticSet(
    root=Path(__file__).with_name("arithmetic-tones"),
    programs={
        # Chords: a piano, an electric piano, a guitar, a bell over a pad, a brass section.
        2: PIANO,
        5: E_PIANO,
        27: GUITAR,
        89: dataclasses.replace(BELL_PAD, level=(0.3, 1.0, 0.6, 0.5)),
        62: dataclasses.replace(BRASS, voices=3, detune=10.0, chorus=0.4, gain=0.9),
        # Basses: a slap bass, a finger bass, a synth bass.
        36: SLAP_BASS,
        33: FINGER_BASS,
        38: SYNTH_BASS,
        # Leads: a flute, a sax, brass, a mallet, a guitar.
        73: FLUTE,
        66: SAX,
        56: BRASS,
        12: MALLET,
        26: dataclasses.replace(GUITAR, chorus=0.0, cutoff=1600.0),
        # Held (what held tones and free-time chords play): strings, a choir, a bell's pad.
        48: STRINGS,
        52: CHOIR,
        88: BELL_PAD,
    },
    drums=Kit(
        kit=Path(__file__).with_name("arithmetic-tones") / "kit",
        drums={
            # A kick: a beater's click spliced onto a sine falling an octave into its thump.
            36: Hit(
                Drum(((55.0, 1.0, 0.25), (110.0, 0.2, 0.08)), sweep=1.0, glide=0.03, gain=1.3),
                0.5,
                (1500.0, 6000.0),
            ),
            # A snare: the stick's crack spliced onto the shell's two modes and the wires' hiss.
            38: Hit(Drum(((190.0, 1.0, 0.09), (330.0, 0.6, 0.06)), (1800.0, 8000.0), 0.12), 0.6),
            40: Hit(Drum(((210.0, 1.0, 0.07), (360.0, 0.5, 0.05)), (2500.0, 9500.0), 0.09), 0.7),
            37: Hit(Drum(((480.0, 1.0, 0.02), (1150.0, 0.5, 0.015)), gain=0.7), 0.6, (2000.0, 7000.0)),
            39: Hit(Drum((), (900.0, 5000.0), 0.06, 0.9), 0.5, (1200.0, 6000.0), 0.008),  # a clap
            # Hats: a cluster of inharmonic square-ish partials and hiss, closed, pedalled, open.
            42: Hit(Drum(((3100.0, 0.4, 0.02), (4870.0, 0.3, 0.015)), (6000.0, 10500.0), 0.03, 0.5), 0.3),
            44: Hit(Drum(((3100.0, 0.3, 0.015),), (5000.0, 10000.0), 0.02, 0.4), 0.3),
            46: Hit(Drum(((3100.0, 0.4, 0.2), (4870.0, 0.3, 0.15)), (6000.0, 10500.0), 0.25, 0.45), 0.3),
            # Cymbals: a crash and a ride, their inharmonic rings.
            49: Hit(
                Drum(
                    ((2890.0, 1.0, 0.8), (4190.0, 0.7, 0.6), (6010.0, 0.5, 0.5)), (5000.0, 10500.0), 0.6, 0.4
                ),
                0.4,
            ),
            51: Hit(Drum(((2470.0, 1.0, 0.6), (3710.0, 0.5, 0.4)), (6000.0, 10500.0), 0.2, 0.35), 0.3),
            # Toms: sines falling a little into their pitch.
            45: Hit(Drum(((110.0, 1.0, 0.25), (185.0, 0.3, 0.1)), sweep=0.3, glide=0.05), 0.4),
            47: Hit(Drum(((150.0, 1.0, 0.22), (250.0, 0.3, 0.09)), sweep=0.3, glide=0.04), 0.4),
            50: Hit(Drum(((205.0, 1.0, 0.2), (340.0, 0.3, 0.08)), sweep=0.3, glide=0.04), 0.4),
            54: Hit(Drum(((5200.0, 0.3, 0.06),), (5000.0, 10500.0), 0.08, 0.45), 0.4),  # a tambourine
            56: Hit(Drum(((540.0, 1.0, 0.12), (800.0, 0.8, 0.1)), gain=0.5), 0.3),  # a cowbell
            75: Hit(Drum(((2500.0, 1.0, 0.03),), gain=0.5), 0.4, (2000.0, 6000.0), 0.002),  # claves
            70: Hit(Drum((), (4500.0, 10000.0), 0.04, 0.4), 0.2),  # maracas
        },
    ),
    drum_gain=0.9,
)
# The linear-arithmetic sets a render may name in place of a soundfont (midi_render.render_notes).
ARITHMETIC_SETS = {ARITHMETIC.root: ARITHMETIC}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, arithmetic_set: ArithmeticSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's tone, bent by `cents` (the notes a channel
    strikes together one sound, as its partials are allotted); the drum channel through the set's
    kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, arithmetic_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Tone, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The tone playing `pitches` (fractional MIDI, together) for `held` seconds and let go. What
    varies (the vibrato's, the pulse width's and the chorus's phases, the noise) is drawn with
    `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate

    def sound(hz: float) -> tuple[Signal, Signal]:
        phases = running_phases(patch, hz, times, sample_rate, rng)
        attack = transient(patch, hz, velocity, times, sample_rate)
        held_part = sustain(patch, hz, velocity, held, phases, times, sample_rate, rng)
        note = patch.attack.level * attack + held_part
        noise = _noise(patch, times, sample_rate, rng)
        return chorus(patch, note, times, rng), chorus(patch, noise, times, rng)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def length(patch: Tone, held: float) -> float:
    """How long a note held `held` seconds sounds: its sustain while held (or until it has died, where
    it holds nothing), then its release, and the chorus's delay behind it; never shorter than its
    attack."""
    attack, decay, share, release = patch.level
    sounding = held if share > 0.0 else min(held, patch.enter + attack + 6.0 * decay)
    return max(sounding + 6.0 * release, patch.attack.length) + 2.0 * CHORUS_DELAY


def partials(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` a note is computed with: under 0.45 of the rate, MAX_PARTIALS at most."""
    return max(1, min(MAX_PARTIALS, int(0.45 * sample_rate / hz)))


def body(humps: tuple[tuple[float, float, float], ...], f: Signal) -> Signal:
    """The lift `humps` ((Hz, half-width share, gain) each) give frequencies `f`."""
    lift = np.ones(f.shape)
    for centre, width, gain in humps:
        lift *= 1.0 + gain / (1.0 + ((f - centre) / (width * centre)) ** 2)
    return lift


def transient(patch: Tone, hz: float, velocity: int, times: Signal, sample_rate: int) -> Signal:
    """The attack partial (peak 1), a one-shot at the note's pitch: its harmonics under their tilt and
    humps, the first never under FUNDAMENTAL_FLOOR of the loudest, the upper ones dying sooner, a
    harder note's upper ones stronger, spliced out by its end (splice)."""
    attack = patch.attack
    span = min(times.size, int(attack.length * sample_rate))
    t = times[:span]
    n = np.arange(1, min(partials(hz, sample_rate), ATTACK_PARTIALS) + 1, dtype=np.float64)
    weights = n ** -(attack.tilt - 0.5 * (velocity / 127.0 - 0.6)) * body(attack.humps, n * hz)
    weights[0] = max(weights[0], FUNDAMENTAL_FLOOR * float(weights.max()))
    out = np.zeros(times.size)
    for k, weight in zip(n, weights, strict=True):
        dying = np.exp(-t * (1.0 + attack.faster * (k - 1)) / attack.ring)
        out[:span] += weight * np.sin(2.0 * np.pi * k * hz * t) * dying
    out[:span] *= np.clip(t / _RISE, 0.0, 1.0) * splice(patch, t)
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def splice(patch: Tone, t: Signal) -> Signal:
    """Where the attack partial is heard: whole until its last `splice` s, then faded out on a raised
    cosine, gone by its `length`."""
    attack = patch.attack
    into = np.clip((t - (attack.length - attack.splice)) / attack.splice, 0.0, 1.0)
    return np.asarray(0.5 + 0.5 * np.cos(np.pi * into))


def cutoff(patch: Tone, hz: float, velocity: int, frames: Signal, sample_rate: int) -> Signal:
    """The time-variant filter's cutoff (Hz) at `frames`: its cutoff moved by the note (`follow`) and
    its velocity (`bright`), opened by `sweep` octaves at the onset and closing over `close` s, never
    above 0.45 of the rate."""
    octaves = patch.bright * (velocity / 127.0 - 0.6) + patch.sweep * np.exp(-frames / patch.close)
    hz_cut = patch.cutoff * (hz / MIDDLE_C) ** patch.follow * 2.0**octaves
    return np.asarray(np.minimum(hz_cut, 0.45 * sample_rate))


def harmonics(patch: Tone, hz: float, velocity: int, frames: Signal, sample_rate: int,
              rng: np.random.Generator) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The sustain partial's harmonics at `frames` (frames x partials, complex, sine phase): its wave
    (a sawtooth's 1/n, or a pulse's sin(n pi width)/n, the width swinging), through the resonant
    low-pass (a two-pole resonant pair and a plain pair above its cutoff), the first partial never
    under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, partials(hz, sample_rate) + 1)
    if patch.wave == "saw":
        wave = np.broadcast_to(1.0 / n, (frames.size, n.size))
    else:
        swing = np.sin(2.0 * np.pi * patch.pwm_rate * frames + rng.uniform(0.0, 2.0 * np.pi))
        width = patch.width + patch.pwm * swing
        wave = np.sin(np.pi * n * width[:, None]) / n
    ratio = n * hz / cutoff(patch, hz, velocity, frames, sample_rate)[:, None]
    low_pass = 1.0 / np.sqrt((1.0 - ratio**2) ** 2 + (ratio / patch.resonance) ** 2) / (1.0 + ratio**2)
    out = wave * low_pass
    loudest = np.abs(out).max(axis=1)
    first = np.maximum(np.abs(out[:, 0]), 1e-12)
    out[:, 0] *= np.maximum(1.0, FUNDAMENTAL_FLOOR * loudest / first)
    return np.asarray(-1j * out)


def amplifier(patch: Tone, held: float, times: Signal) -> Signal:
    """The sustain's time-variant amplifier: silent until `enter`, rising over its attack, falling over
    its decay to the share it sustains (dying, where that is none) and released once let go."""
    attack, decay, share, release = patch.level
    since = times - patch.enter
    rise = np.clip(since / attack, 0.0, 1.0)
    fall = share + (1.0 - share) * np.exp(-np.maximum(since - attack, 0.0) / decay)
    gone = np.exp(-np.maximum(times - held, 0.0) / release)
    return np.asarray(rise * fall * gone)


def sustain(patch: Tone, hz: float, velocity: int, held: float, phases: list[Signal], times: Signal,
            sample_rate: int, rng: np.random.Generator) -> Signal:  # fmt: skip
    """The sustain partial (peak 1 before its amplifier): its harmonics every FRAME, read at each
    partial's phase (struck_render.periods), under its amplifier."""
    frames = np.arange(int(times[-1] / FRAME) + 2, dtype=np.float64) * FRAME
    sounding = struck_render.periods(
        harmonics(patch, hz, velocity, frames, sample_rate, rng), phases, times, FRAME, TABLE
    )
    sounding /= float(np.abs(sounding).max()) or 1.0
    return np.asarray(sounding * amplifier(patch, held, times))


def chorus(patch: Tone, samples: Signal, times: Signal, rng: np.random.Generator) -> Signal:
    """The instrument's chorus: a copy CHORUS_DELAY behind, its delay swinging `depth` s either way at
    `speed` Hz (a sway about the pitch, never off it), at `chorus` of the dry sound, the two brought
    back under the dry sound's level; none where `chorus` is 0."""
    if not patch.chorus:
        return samples
    swing = np.sin(2.0 * np.pi * patch.speed * times + rng.uniform(0.0, 2.0 * np.pi))
    wet = np.interp(times - CHORUS_DELAY - patch.depth * swing, times, samples, left=0.0)
    return np.asarray((samples + patch.chorus * wet) / (1.0 + patch.chorus))


def running_phases(
    patch: voice_render.Players,
    hz: float,
    times: Signal,
    sample_rate: int,
    rng: np.random.Generator,
    bend: Signal | float = 0.0,
) -> list[Signal]:
    """Each partial's (or player's) running phase: the pitch under the vibrato (`vibrato` cents at
    `rate` Hz, swelling in over 0.4 s after `delay`) and `bend` (cents), and its detuning (the
    patch's `offsets`; bore_render's horns and tape_render's strips share it)."""
    swell = np.clip((times - patch.delay) / 0.4, 0.0, 1.0)
    vibrato = patch.vibrato * swell * np.sin(2.0 * np.pi * patch.rate * times + rng.uniform(0.0, 2.0 * np.pi))
    return [
        2.0 * np.pi * np.cumsum(hz * 2.0 ** ((vibrato + bend + offset) / 1200.0)) / sample_rate
        for offset in patch.offsets
    ]


def _noise(patch: Tone, times: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The attack's noise over its band (struck_render.band_noise): a hammer's thud, a pick's scratch,
    a chiff, a bow's scrape, a breath; spliced out with the attack (so computed over its length)."""
    attack = patch.attack
    out = np.zeros(times.size)
    if not attack.noise:
        return out
    span = min(times.size, int(attack.length * sample_rate))
    t = times[:span]
    hiss = struck_render.band_noise(int(rng.integers(2**31)), attack.band, 0.0, span, sample_rate)
    out[:span] = (
        attack.noise * hiss * np.clip(t / _RISE, 0.0, 1.0) * np.exp(-t / attack.hiss) * splice(patch, t)
    )
    return out


def _hit(drum: Hit, velocity: int, sample_rate: int) -> Samples:
    """One hit: its click at its onset, on top of its tail (struck_render.hit), the two brought back
    under the tail's own peak."""
    tail = struck_render.hit(_SALT, drum.tail, velocity, sample_rate).astype(np.float64)
    times = np.arange(tail.size) / sample_rate
    peak = float(np.abs(tail).max())
    click = struck_render.band_noise(_SALT + 1, drum.band, drum.burst, tail.size, sample_rate)
    out = tail + drum.click * peak * click * np.exp(-times / drum.burst)
    return (out * (peak / (float(np.abs(out).max()) or 1.0))).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Tone, Hit] = struck_render.Sounded(voice, _hit, 1024)
