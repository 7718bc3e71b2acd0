"""Notes to audio by a tape-replay keyboard computed in numpy, as a Mellotron or a Chamberlin plays
them: under each key a strip of tape a few seconds long holding one recorded note (of a string
section, a cello, flutes, choirs, brass, reeds, an organ), pressed onto the capstan and brought up to
speed, its pitch swayed by the capstan's wow, the pinch roller's flutter and the motor's drift and
sagging as a chord's keys load the motor, coloured by the playback head's bump and the tape's lost
highs, hissing while it runs, stopped when the key is let go or its strip runs out; and a rhythm
tape's kit of its own."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import struck_render, voice_render
from soundforge.testing.arithmetic_render import body, running_phases

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_PARTIALS = 40
FUNDAMENTAL_FLOOR = 0.35  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.01  # s: how often the recorded note's spectrum is worked out from its envelope
TABLE = 2048  # points of one period each frame is read from (its partials 40 at most)
TAPE = 8.0  # s: how long a key's strip plays before it runs out (a Mellotron M400's)
HISS_BAND = (2500.0, 9000.0)  # Hz: where the tape's hiss sits
_FADE = 0.01  # s: the fade at a sound's cut end
_START = 0.008  # s: how fast a pressed strip gets up to the capstan's speed
_CATCH = 0.3  # s: how fast the motor catches up once a chord's keys have loaded it
_TOUCH = 100  # a tape keyboard knows no touch: every key and every rhythm tape sounds at this velocity
_SALT = 5413  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Strip(voice_render.Players):
    """A patch: the note recorded on each key's strip, and the machine that plays it. The recording:
    harmonics falling as n ** -`tilt` (darker by `soft` more while the player's level is low, so its
    accent is brighter than its swell), its even ones at `odd` (a stopped pipe's, a clarinet's),
    lifted or cut by `humps` ((Hz, half-width share, gain) each: a body's, a choir's vowel), under
    the player's envelope `level` (attack s, decay s from its accent, the share it holds, release s
    once the strip stops), the bow's or the breath's `noise` over `band` Hz, `voices` players
    `detune` cents apart at most, a `vibrato` (cents) at `rate` Hz after `delay` s. The machine: the
    strip plays `tape` s at most; it starts `start` cents under and gets up to speed; the capstan's
    `wow` (cents, at `wow_rate` Hz), the pinch roller's `flutter` (cents, at `flutter_rate` Hz) and
    the motor's `drift` (cents, slower than both) sway it, and each key of a chord past the first
    sags it `sag` cents until the motor catches up; the head lifts the lows around `bump` Hz, the
    tape loses its highs above `top` Hz, and it hisses at `hiss` while it runs."""

    kind: str
    tilt: float
    level: tuple[float, float, float, float]
    soft: float = 0.6
    odd: float = 1.0
    humps: tuple[tuple[float, float, float], ...] = ()
    noise: float = 0.01
    band: tuple[float, float] = (1500.0, 6000.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.3
    tape: float = TAPE
    start: float = 250.0
    wow: float = 2.5
    wow_rate: float = 0.55
    flutter: float = 1.2
    flutter_rate: float = 9.5
    drift: float = 1.0
    sag: float = 2.0
    bump: float = 110.0
    top: float = 7000.0
    hiss: float = 0.004
    gain: float = 1.0


Kit = struck_render.Kit[struck_render.Drum]
# General MIDI programs to strips and drums to the rhythm tape's: what a render may play.
TapeSet = struck_render.StruckSet[Strip, struck_render.Drum]
Drum = struck_render.Drum

# Strings: the M400's three violins played as one section, a cello, a solo violin; bowed, so their
# accent brighter than what they hold, a vibrato, the bow's rosin.
VIOLINS = Strip("three violins", 1.1, (0.12, 0.4, 0.8, 0.08), humps=((2800.0, 0.4, 1.5), (500.0, 0.5, 0.6)),
                noise=0.02, band=(2500.0, 8000.0), voices=3, detune=10.0, vibrato=6.0, rate=5.8,
                delay=0.25)  # fmt: skip
CELLO = Strip("cello", 1.0, (0.08, 0.3, 0.75, 0.08), humps=((250.0, 0.5, 1.2), (1200.0, 0.4, 0.5)),
              noise=0.015, band=(1200.0, 6000.0), vibrato=12.0, rate=5.2, delay=0.35)  # fmt: skip
VIOLIN = Strip("solo violin", 0.9, (0.06, 0.25, 0.8, 0.08), humps=((3000.0, 0.3, 1.2), (450.0, 0.4, 0.8)),
               noise=0.02, band=(3000.0, 9000.0), vibrato=16.0, rate=6.0, delay=0.3)  # fmt: skip
# Winds: flutes' breathy nearly-sine tone, a clarinet's odd harmonics, an oboe's nasal peak, an alto
# sax, brass (trombones and trumpets as one), a solo trumpet.
FLUTES = Strip("flutes", 2.4, (0.07, 0.2, 0.85, 0.06), soft=0.3, noise=0.04, band=(2000.0, 7000.0),
               voices=2, detune=6.0, vibrato=8.0, rate=5.0, delay=0.2)  # fmt: skip
CLARINET = Strip("clarinet", 1.3, (0.04, 0.15, 0.85, 0.06), odd=0.15, humps=((1500.0, 0.4, 0.8),),
                 noise=0.015, band=(1500.0, 6000.0))  # fmt: skip
OBOE = Strip("oboe", 0.8, (0.03, 0.12, 0.8, 0.05), humps=((1150.0, 0.25, 2.5),), noise=0.01, vibrato=9.0,
             rate=5.5, delay=0.3)  # fmt: skip
ALTO_SAX = Strip("alto sax", 0.9, (0.03, 0.15, 0.8, 0.06), humps=((1700.0, 0.4, 1.4),), noise=0.03,
                 band=(2000.0, 8000.0), vibrato=12.0, rate=5.3, delay=0.3)  # fmt: skip
BRASS = Strip("brass", 0.85, (0.05, 0.2, 0.75, 0.08), soft=1.0, humps=((1100.0, 0.5, 1.0),), noise=0.01,
              voices=3, detune=10.0)  # fmt: skip
TRUMPET = Strip("solo trumpet", 0.75, (0.03, 0.15, 0.75, 0.06), soft=1.0, humps=((1400.0, 0.4, 1.2),),
                noise=0.012, band=(2000.0, 7000.0), vibrato=7.0, rate=5.6, delay=0.4)  # fmt: skip
# Voices: a mixed choir of eight singing "ah" and a male choir's "oo" (their vowels as humps).
CHOIR = Strip("mixed choir", 1.4, (0.15, 0.4, 0.85, 0.1), humps=((750.0, 0.3, 2.0), (1200.0, 0.25, 1.2),
              (2800.0, 0.2, 0.8)), noise=0.02, band=(2000.0, 6000.0), voices=4, detune=12.0, vibrato=5.0,
              rate=5.2, delay=0.2)  # fmt: skip
MALE_CHOIR = Strip("male choir", 1.8, (0.18, 0.4, 0.85, 0.1), humps=((320.0, 0.3, 2.0), (800.0, 0.3, 1.0)),
                   noise=0.015, band=(1500.0, 5000.0), voices=3, detune=10.0, vibrato=5.0, rate=5.0,
                   delay=0.2)  # fmt: skip
# Keyboards and plucked strings recorded on tape: a pipe organ's flue stops, an accordion's reeds
# beating, a vibraphone and a nylon guitar that die away within their strip.
PIPE_ORGAN = Strip("pipe organ", 1.2, (0.05, 0.1, 1.0, 0.1), soft=0.0, odd=0.5, noise=0.01,
                   band=(1000.0, 5000.0))  # fmt: skip
ACCORDION = Strip("accordion", 0.7, (0.03, 0.1, 0.9, 0.05), soft=0.2, humps=((2200.0, 0.4, 1.0),),
                  noise=0.008, voices=2, detune=12.0)  # fmt: skip
VIBES = Strip("vibraphone", 3.0, (0.005, 1.6, 0.0, 0.1), soft=0.0, noise=0.0)
GUITAR = Strip("nylon guitar", 1.3, (0.005, 1.0, 0.0, 0.08), soft=0.8, humps=((200.0, 0.5, 1.0),),
               noise=0.01, band=(2000.0, 7000.0))  # fmt: skip
# Basses on the Chamberlin's lowest keys: an upright bass plucked, a bass guitar.
UPRIGHT = Strip("upright bass", 1.6, (0.006, 0.7, 0.0, 0.06), soft=0.5, humps=((120.0, 0.5, 0.8),),
                noise=0.01, band=(800.0, 3000.0), gain=1.1)  # fmt: skip
BASS_GUITAR = Strip("bass guitar", 1.4, (0.005, 0.9, 0.25, 0.05), soft=0.6, noise=0.005,
                    band=(800.0, 3000.0), gain=1.1)  # fmt: skip
KINDS = (VIOLINS, CELLO, VIOLIN, FLUTES, CLARINET, OBOE, ALTO_SAX, BRASS, TRUMPET, CHOIR, MALE_CHOIR,
         PIPE_ORGAN, ACCORDION, VIBES, GUITAR, UPRIGHT, BASS_GUITAR)  # fmt: skip


def worn(strip: Strip, kind: str, top: float, hiss: float, wow: float) -> Strip:
    """`strip` on a more worn frame: its tape duller above `top`, hissing at `hiss`, swaying `wow`."""
    return dataclasses.replace(strip, kind=kind, top=top, hiss=hiss, wow=wow)


# General MIDI programs to strips, as a tape keyboard's frames would cover them: the chords as the
# violins, brass, a pipe organ and an accordion; the basses as a cello, an upright and a bass guitar;
# the leads as flutes, a solo violin, a clarinet, an oboe, an alto sax, a solo trumpet, vibes and a
# nylon guitar; what holds as the violins on a worn frame, a mixed choir and a male choir.
TAPES = TapeSet(
    root=Path(__file__).with_name("tape-frames"),
    programs={
        49: VIOLINS,
        61: BRASS,
        19: PIPE_ORGAN,
        21: ACCORDION,
        42: CELLO,
        32: UPRIGHT,
        33: BASS_GUITAR,
        73: FLUTES,
        40: VIOLIN,
        71: CLARINET,
        68: OBOE,
        65: ALTO_SAX,
        56: TRUMPET,
        11: VIBES,
        24: GUITAR,
        48: worn(VIOLINS, "violins, worn frame", 3500.0, 0.008, 4.0),
        52: CHOIR,
        53: MALE_CHOIR,
    },
    drums=Kit(
        kit=Path(__file__).with_name("tape-frames") / "rhythm",
        drums={
            # A felt-beater kick, damped, and a second one deeper; a snare under brushes (a swish and
            # a pat), one under sticks, a side stick; hands clapping.
            36: Drum(((58.0, 1.0, 0.16), (96.0, 0.3, 0.06)), (300.0, 2000.0), 0.015, 1.2, 0.4, 0.02),
            35: Drum(((48.0, 1.0, 0.2), (81.0, 0.3, 0.07)), (250.0, 1500.0), 0.015, 1.2, 0.4, 0.025),
            38: Drum(((205.0, 0.6, 0.04),), (1800.0, 7000.0), 0.16, 0.9),
            40: Drum(((190.0, 1.0, 0.05), (335.0, 0.5, 0.03)), (2000.0, 9000.0), 0.1, 1.0),
            37: Drum(((1450.0, 1.0, 0.012), (2350.0, 0.5, 0.008)), (2000.0, 7000.0), 0.008, 0.6),
            39: Drum((), (900.0, 3500.0), 0.04, 0.7),
            # Toms from floor to rack, calf heads with a little fall.
            41: Drum(((88.0, 1.0, 0.25), (150.0, 0.3, 0.1)), (400.0, 2000.0), 0.02, 1.0, 0.2, 0.03),
            43: Drum(((104.0, 1.0, 0.22), (177.0, 0.3, 0.09)), (450.0, 2200.0), 0.02, 1.0, 0.2, 0.03),
            45: Drum(((124.0, 1.0, 0.2), (210.0, 0.3, 0.08)), (500.0, 2500.0), 0.02, 1.0, 0.2, 0.03),
            47: Drum(((147.0, 1.0, 0.18), (250.0, 0.3, 0.07)), (550.0, 2800.0), 0.02, 0.9, 0.2, 0.03),
            48: Drum(((175.0, 1.0, 0.16), (297.0, 0.3, 0.06)), (600.0, 3000.0), 0.02, 0.9, 0.2, 0.03),
            50: Drum(((208.0, 1.0, 0.14), (354.0, 0.3, 0.05)), (650.0, 3200.0), 0.02, 0.9, 0.2, 0.03),
            # Thin cymbals: hats closed, stepped and open, a crash, a ride and its bell, a splash.
            42: Drum(((3900.0, 0.4, 0.02), (6100.0, 0.3, 0.015)), (6000.0, 10500.0), 0.025, 0.45),
            44: Drum(((3900.0, 0.3, 0.025),), (4500.0, 9000.0), 0.04, 0.35),
            46: Drum(((3900.0, 0.4, 0.25), (6100.0, 0.3, 0.18)), (5500.0, 10500.0), 0.3, 0.4),
            49: Drum(
                ((2450.0, 1.0, 0.8), (3720.0, 0.7, 0.6), (5300.0, 0.5, 0.45)), (4000.0, 10500.0), 0.6, 0.4
            ),
            51: Drum(((2620.0, 1.0, 0.6), (4080.0, 0.5, 0.45)), (6000.0, 10500.0), 0.12, 0.3),
            53: Drum(((1880.0, 1.0, 0.5), (4960.0, 0.3, 0.2)), gain=0.35),
            55: Drum(((3150.0, 1.0, 0.35), (4650.0, 0.6, 0.25)), (5000.0, 10500.0), 0.3, 0.35),
            # Latin percussion: a tambourine, a cowbell, bongos, congas, a cabasa, maracas, claves
            # and wood blocks.
            54: Drum(((5300.0, 0.3, 0.07),), (5000.0, 10500.0), 0.09, 0.4),
            56: Drum(((545.0, 1.0, 0.1), (812.0, 0.8, 0.08)), gain=0.45),
            60: Drum(((395.0, 1.0, 0.08), (640.0, 0.3, 0.04)), (1500.0, 5000.0), 0.01, 0.7),
            61: Drum(((285.0, 1.0, 0.1), (470.0, 0.3, 0.05)), (1200.0, 4500.0), 0.01, 0.7),
            62: Drum(((330.0, 1.0, 0.04),), (1200.0, 5000.0), 0.015, 0.7),
            63: Drum(((330.0, 1.0, 0.16), (540.0, 0.3, 0.07)), (1000.0, 4000.0), 0.01, 0.75),
            64: Drum(((220.0, 1.0, 0.2), (365.0, 0.3, 0.08)), (800.0, 3500.0), 0.01, 0.8),
            69: Drum((), (4000.0, 10000.0), 0.05, 0.4),
            70: Drum((), (5000.0, 10500.0), 0.035, 0.4),
            75: Drum(((2480.0, 1.0, 0.05),), gain=0.45),
            76: Drum(((1240.0, 1.0, 0.04), (2930.0, 0.3, 0.02)), gain=0.45),
            77: Drum(((930.0, 1.0, 0.045), (2200.0, 0.3, 0.02)), gain=0.45),
        },
    ),
    drum_gain=0.9,
)
# The tape sets a render may name in place of a soundfont (midi_render.render_notes).
TAPE_SETS = {TAPES.root: TAPES}
# The rhythm tapes' frame: its head, its tape and its hiss (a Chamberlin's rhythm section).
RHYTHM = Strip("rhythm tape", 1.0, (0.0, 1.0, 0.0, 0.05), bump=95.0, top=6500.0, hiss=0.003)


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, tape_set: TapeSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's strip, bent by `cents` (the keys a channel
    presses together one chord, loading the motor together); the drum channel through the set's
    rhythm tapes, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, tape_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Strip, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The keys of `pitches` (fractional MIDI, together) pressed for `held` seconds and let go, each
    playing its strip, whatever the `velocity` (a tape keyboard knows no touch). What varies (the
    machine's sway, the vibrato's phase, the noise) is drawn with `seed` (the note's own, note_rng,
    where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, None, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    played = envelope(patch, held, times)
    sway = transport(patch, len(pitches), times, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(int(times[-1] / FRAME) + 2, dtype=np.float64) * FRAME
        spectrum = harmonics(patch, hz, envelope(patch, held, frames), sample_rate)
        phases = running_phases(patch, hz, times, sample_rate, rng, sway)
        tone = struck_render.periods(spectrum, phases, times, FRAME, TABLE) * played
        return tone, _noise(patch, held, played, times, sample_rate, rng)

    return struck_render.chord_of(pitches, times, _TOUCH, patch.gain, _FADE, sound)


def length(patch: Strip, held: float) -> float:
    """How long a key held `held` seconds sounds: while held or until its strip runs out, then its
    release; never under its attack."""
    attack, _, _, release = patch.level
    return max(min(held, patch.tape), attack) + 6.0 * release


def partials(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` a note is computed with: under 0.45 of the rate, MAX_PARTIALS at most."""
    return max(1, min(MAX_PARTIALS, int(0.45 * sample_rate / hz)))


def envelope(patch: Strip, held: float, times: Signal) -> Signal:
    """The recorded note's level at `times` (peak 1): rising over its attack to its accent, falling
    over its decay to the share it holds, gone over its release once the key is let go or the strip
    runs out."""
    attack, decay, share, release = patch.level
    rise = np.clip(times / attack, 0.0, 1.0) ** 2 if attack else np.ones(times.size)
    fall = share + (1.0 - share) * np.exp(-np.maximum(times - attack, 0.0) / decay)
    stop = max(min(held, patch.tape), attack)
    gone = np.exp(-np.maximum(times - stop, 0.0) / release)
    return np.asarray(rise * fall * gone)


def harmonics(patch: Strip, hz: float, level: Signal, sample_rate: int) -> npt.NDArray[np.complex128]:
    """The strip's harmonics for each frame's recorded level `level` (frames x partials, complex, sine
    phase, the loudest 1 in each): falling as n ** -(`tilt` + `soft` x (1 - level)), the even ones at
    `odd`, through the humps, the head's bump (a lift of 1 at `bump` Hz) and the tape's lost highs
    (2nd order above `top`); the first partial never under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, partials(hz, sample_rate) + 1, dtype=np.float64)
    f = n * hz
    tilt = patch.tilt + patch.soft * (1.0 - np.clip(level, 0.0, 1.0))
    recorded = n ** -tilt[:, None] * np.where(n % 2 == 0, patch.odd, 1.0) * body(patch.humps, f)
    out = recorded * (head(patch, f) / (1.0 + (f / patch.top) ** 2))
    loudest = np.abs(out).max(axis=1)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * loudest)
    out /= np.maximum(np.abs(out).max(axis=1), 1e-12)[:, None]
    return np.asarray(-1j * out)


def head(patch: Strip, f: Signal) -> Signal:
    """The playback head's bump: the lows around `bump` Hz lifted (a gap's contour effect), those far
    under it lost."""
    under = f / patch.bump
    return np.asarray(body(((patch.bump, 0.4, 1.0),), f) * np.sqrt(2.0) * under / np.sqrt(1.0 + under**2))


def transport(patch: Strip, keys: int, times: Signal, rng: np.random.Generator) -> Signal:
    """How far (cents) the strip plays off its pitch at `times`: starting `start` under while it gets
    up to speed (over _START s), the capstan's wow, the pinch roller's flutter and the motor's drift
    (each at a phase drawn, the drift at a rate drawn far under the wow's), and the sag of every key
    past the first, caught up over _CATCH s."""
    phase = rng.uniform(0.0, 2.0 * np.pi, 3)
    drift_rate = rng.uniform(0.04, 0.12)
    sway = (
        patch.wow * np.sin(2.0 * np.pi * patch.wow_rate * times + phase[0])
        + patch.flutter * np.sin(2.0 * np.pi * patch.flutter_rate * times + phase[1])
        + patch.drift * np.sin(2.0 * np.pi * drift_rate * times + phase[2])
    )
    load = -patch.sag * (keys - 1) * np.exp(-times / _CATCH)
    return np.asarray(sway + load - patch.start * np.exp(-times / _START))


def _noise(
    patch: Strip, held: float, played: Signal, times: Signal, sample_rate: int, rng: np.random.Generator
) -> Signal:
    """The bow's or the breath's noise over the strip's band under the recorded level, and the tape's
    hiss (HISS_BAND) while the strip runs, gone over the release once it stops
    (struck_render.band_noise)."""
    recorded = struck_render.band_noise(int(rng.integers(2**31)), patch.band, 0.0, times.size, sample_rate)
    hiss = struck_render.band_noise(int(rng.integers(2**31)), HISS_BAND, 0.0, times.size, sample_rate)
    stop = max(min(held, patch.tape), patch.level[0])
    running = np.exp(-np.maximum(times - stop, 0.0) / patch.level[3])
    return np.asarray(patch.noise * recorded * played + patch.hiss * hiss * running)


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One hit off the rhythm tapes, whatever the `velocity` (struck_render.hit at _TOUCH): the head's
    bump and the tape's lost highs (RHYTHM's, causal, as the tape plays it), the peak kept, and the
    tape's hiss under it, faded out by its end."""
    dry = struck_render.hit(_SALT, drum, _TOUCH, sample_rate).astype(np.float64)
    peak = float(np.abs(dry).max())
    lows = signal.butter(2, (0.6 * RHYTHM.bump, 1.6 * RHYTHM.bump), "bandpass", fs=sample_rate, output="sos")
    highs = signal.butter(2, RHYTHM.top, "lowpass", fs=sample_rate, output="sos")
    taped = signal.sosfilt(highs, dry + signal.sosfilt(lows, dry))
    taped *= peak / (float(np.abs(taped).max()) or 1.0)
    times = np.arange(dry.size) / sample_rate
    hiss = struck_render.band_noise(_SALT, HISS_BAND, 0.0, dry.size, sample_rate)
    taped = 0.9 * taped + RHYTHM.hiss * hiss
    taped *= np.clip((times[-1] - times) / 0.005, 0.0, 1.0)
    return taped.astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Strip, Drum] = struck_render.Sounded(voice, _hit, 1024)
