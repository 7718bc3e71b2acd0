"""Notes to audio by a pipe organ's ranks computed in numpy, as a church's, a chamber's and a theatre's
organs speak: every stop a rank of pipes at its footage (8' on the note, 4' an octave up, 2 2/3' the
twelfth, a mixture's and a cornet's ranks on higher harmonics, breaking back an octave where a pipe
would be too small), each pipe's spectrum its kind's (an open principal's, an open flute's, a stopped
flute's odd harmonics, a narrow string's many, a beating reed's under its resonator's formant, a
cylindrical reed's odd ones); flue pipes speaking slowly, the bigger slower, their octave sounding
first (the chiff) over a puff of noise at the mouth, reeds at once; wind noise while a key is held;
the ranks of a chord on one wind, so a tremulant swings them together; an enclosed division behind a
swell box's shutters moving under the expression pedal; a celeste rank tuned apart; no velocity (a
key opens a pallet, no harder for a harder touch); and a theatre organ's traps of its own, struck by
pneumatic motors."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render
from soundforge.testing.sample_render import DRUM_CHANNEL

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_HARMONICS = 48  # a note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
FRAME = 0.01  # s: the step the harmonics' levels are worked out at (straight lines between)
TABLE = 2048  # points in one period's table (struck_render.periods)
MIDDLE_C = 261.63  # Hz: where a pipe kind's speech time is given
KEY_VELOCITY = 100  # every key sounds at this loudness, whatever the touch: a pallet opens or not
_CHIFF_TIME = 0.02  # s: how fast a flue pipe's chiff (its octave sounding first) dies
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 5233  # mixed into every note's seed and every trap's hiss


class Pipe(NamedTuple):
    """A kind of pipe: its k-th harmonic's level 1/k^`slope`, its even harmonics' share `even` (a
    stopped pipe's and a cylindrical reed's are weak), how long it takes to speak at middle C
    (`speech` s, a bigger pipe slower), its `chiff` (the octave sounding first, and a puff of noise
    at its mouth) against its rank's level, and a resonator's `formant` ((Hz, width in octaves,
    gain) or None) lifting the harmonics near it."""

    slope: float
    even: float
    speech: float
    chiff: float
    formant: tuple[float, float, float] | None = None


PIPES = {
    "principal": Pipe(1.4, 1.0, 0.025, 1.0),  # an open diapason, the organ's own tone
    "flute": Pipe(2.4, 1.0, 0.035, 1.3),  # an open flute, wide: few harmonics
    "stopped": Pipe(2.0, 0.1, 0.03, 1.5),  # a stopped flute (a gedackt, a bourdon): odd harmonics
    "string": Pipe(0.9, 1.0, 0.07, 0.4),  # a narrow gamba or salicional: slow, many harmonics
    "tibia": Pipe(3.2, 0.08, 0.04, 0.2),  # a theatre organ's tibia clausa: stopped, wide, near a sine
    "trumpet": Pipe(0.55, 1.0, 0.006, 0.0, (1600.0, 1.3, 2.5)),  # a beating reed, a flared resonator
    "oboe": Pipe(0.8, 1.0, 0.008, 0.0, (1100.0, 0.9, 3.5)),  # a capped conical resonator
    "cromorne": Pipe(0.7, 0.15, 0.008, 0.0, (800.0, 1.2, 1.8)),  # a cylindrical resonator: odd ones
    "vox": Pipe(1.0, 1.0, 0.01, 0.0, (600.0, 0.7, 2.5)),  # a vox humana's short resonator, nasal
}


@dataclass(frozen=True)
class Registration(voice_render.Players):
    """A patch: the stops drawn together. `ranks` are (harmonic the rank sounds on -- 1 an 8' rank, 2
    a 4', 3 a 2 2/3', 4 a 2', 5 a 1 3/5' --, pipe kind of PIPES, level) each; a rank whose pipe
    would sound above `ceiling` Hz breaks back an octave (while its harmonic is even), else is not
    heard. Flue pipes speak over their kind's time (`speech` times it), chiff by `chiff` times
    their kind's, and hiss with the wind at `wind`; `level` is (unused, unused, 1: a pipe holds while
    its key is down, the release s at middle C). A tremulant swings the wind `rate` times a second:
    the level by `tremble` and the pitch by `vibrato` cents about the note, from `delay` s. An
    enclosed division's `swell` (Hz, Hz; (0, 0) unenclosed) is where the shutters' shade (second
    order) sets in, closed and open, the expression pedal moving it over the note; `voices` ranks
    `detune` cents apart, symmetric about the pitch (a celeste)."""

    kind: str
    ranks: tuple[tuple[int, str, float], ...]
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.08)
    speech: float = 1.0
    chiff: float = 0.5
    wind: float = 0.01
    ceiling: float = 7000.0
    tremble: float = 0.0
    swell: tuple[float, float] = (0.0, 0.0)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 6.0
    delay: float = 0.0
    gain: float = 1.0


Drum = struck_render.Drum
Kit = struck_render.Kit[Drum]
# General MIDI programs to registrations and drums to the traps.
PipeSet = struck_render.StruckSet[Registration, Drum]

# A church organ's great: principals 8', 4' and 2' and a four-rank mixture. A positive's stopped flute
# 8', principal 4' and flute 2', chiffing. A swell division's oboe with a stopped flute 8' and an open
# 4' under the tremulant. A theatre organ's tibias 8' and 4' and its vox humana, deep in tremulant.
PLENUM = Registration("great plenum", ((1, "principal", 1.0), (2, "principal", 0.7), (4, "principal", 0.5),
                      (6, "principal", 0.35), (8, "principal", 0.3), (12, "principal", 0.25),
                      (16, "principal", 0.2)), ceiling=6000.0, chiff=0.6, wind=0.015)  # fmt: skip
POSITIVE = Registration("positive flutes", ((1, "stopped", 1.0), (2, "principal", 0.6), (4, "flute", 0.3)),
                        chiff=1.0, wind=0.02)  # fmt: skip
SWELL_REEDS = Registration("swell oboe and flutes", ((1, "oboe", 1.0), (1, "stopped", 0.6),
                           (2, "flute", 0.4)), tremble=0.08, vibrato=6.0, rate=5.5,
                           swell=(1200.0, 6000.0))  # fmt: skip
THEATRE = Registration("theatre tibias and vox", ((1, "tibia", 1.0), (2, "tibia", 0.6), (1, "vox", 0.5)),
                       chiff=0.2, tremble=0.2, vibrato=14.0, rate=7.0, swell=(2000.0, 8000.0),
                       gain=1.1)  # fmt: skip
# A swell's string and its celeste, the two ranks beating slowly; a choir's stopped flute 8' and open
# flute 4' under a gentle tremulant.
CELESTE = Registration("string celeste", ((1, "string", 1.0), (2, "string", 0.3)), speech=1.2, chiff=0.3,
                       wind=0.008, swell=(1500.0, 5000.0), voices=2, detune=7.0)  # fmt: skip
CHOIR_FLUTES = Registration("choir flutes", ((1, "stopped", 1.0), (2, "flute", 0.5)), chiff=0.4,
                            tremble=0.06, vibrato=4.0, rate=5.0, swell=(1500.0, 6000.0))  # fmt: skip
# The pedal: a subbass with its octave, a trombone, an open flute with its choral bass; each at the
# note (the clip's bass), its pipes big and slow to speak.
PEDAL_FLUES = Registration("pedal subbass and octave", ((1, "stopped", 1.0), (2, "principal", 0.5)),
                           level=(0.0, 0.0, 1.0, 0.1), chiff=0.5, wind=0.03, gain=1.1)  # fmt: skip
PEDAL_REED = Registration("pedal trombone", ((1, "trumpet", 1.0), (2, "principal", 0.3)),
                          level=(0.0, 0.0, 1.0, 0.1), wind=0.015, gain=1.1)  # fmt: skip
PEDAL_FLUTE = Registration("pedal flute and choral bass", ((1, "flute", 1.0), (2, "principal", 0.4),
                           (4, "flute", 0.2)), level=(0.0, 0.0, 1.0, 0.1), chiff=0.8, wind=0.02,
                           gain=1.1)  # fmt: skip
# The solos: a trumpet en chamade, the swell's oboe alone, a cromorne with a bourdon, a harmonic flute
# in tremulant, a cornet (stopped 8', flutes 4', 2 2/3', 2' and 1 3/5').
TROMPETTE = Registration("trompette en chamade", ((1, "trumpet", 1.0),), wind=0.005)
HAUTBOIS = Registration("swell oboe", ((1, "oboe", 1.0),), tremble=0.1, vibrato=5.0, rate=5.8,
                        swell=(1500.0, 7000.0))  # fmt: skip
CROMORNE = Registration("cromorne", ((1, "cromorne", 1.0), (1, "stopped", 0.3)), chiff=0.3)
FLUTE_SOLO = Registration("harmonic flute in tremulant", ((1, "flute", 1.0),), chiff=1.0, wind=0.03,
                          tremble=0.12, vibrato=7.0, rate=6.2)  # fmt: skip
CORNET = Registration("cornet", ((1, "stopped", 1.0), (2, "flute", 0.6), (3, "flute", 0.5),
                      (4, "flute", 0.45), (5, "flute", 0.4)), ceiling=8000.0, chiff=0.7,
                      wind=0.02)  # fmt: skip

# General MIDI programs to registrations: the held chords as the string celeste and the choir flutes;
# a song's chords on the great, the positive, the swell's reeds and the theatre organ; the basses on
# the pedal; the leads as a trumpet, an oboe, a cromorne, a flute and a cornet.
ORGAN = PipeSet(
    root=Path(__file__).with_name("pipe-organ"),
    programs={
        48: CELESTE,
        49: CHOIR_FLUTES,
        19: PLENUM,
        20: POSITIVE,
        21: SWELL_REEDS,
        17: THEATRE,
        32: PEDAL_FLUES,
        57: PEDAL_REED,
        34: PEDAL_FLUTE,
        56: TROMPETTE,
        68: HAUTBOIS,
        71: CROMORNE,
        73: FLUTE_SOLO,
        74: CORNET,
    },
    drums=Kit(
        kit=Path(__file__).with_name("pipe-organ") / "traps",
        drums={
            # A theatre organ's bass drum, a felt beater on a deep shell and on its second touch; its
            # snare drum's beater and the snares under it, struck harder on second touch; its hoop
            # tapped; a slapstick's two boards clapped shut.
            36: Drum(((52.0, 1.0, 0.25), (87.0, 0.4, 0.12), (131.0, 0.2, 0.06)), (100.0, 700.0), 0.03, 1.3),
            35: Drum(((58.0, 1.0, 0.18), (96.0, 0.3, 0.09)), (120.0, 800.0), 0.02, 1.1),
            38: Drum(((188.0, 0.6, 0.05), (331.0, 0.3, 0.03)), (1500.0, 8000.0), 0.11, 0.9),
            40: Drum(((196.0, 0.6, 0.06), (347.0, 0.35, 0.035)), (2000.0, 9500.0), 0.14, 1.0),
            37: Drum(((620.0, 1.0, 0.015), (1480.0, 0.5, 0.01)), (1500.0, 6000.0), 0.006, 0.55),
            39: Drum(((410.0, 0.5, 0.012),), (900.0, 5000.0), 0.025, 0.8),
            # The Chinese tom-tom struck low, middle and high.
            41: Drum(((96.0, 1.0, 0.2), (158.0, 0.4, 0.1)), (250.0, 1500.0), 0.03, 1.0),
            45: Drum(((128.0, 1.0, 0.17), (211.0, 0.4, 0.09)), (300.0, 1800.0), 0.03, 1.0),
            43: Drum(((112.0, 1.0, 0.18), (184.0, 0.4, 0.09)), (280.0, 1600.0), 0.03, 1.0),
            # The cymbal: tapped by a brush and damped, its pedal's sleigh bells shaken once, struck
            # open, crashed, its tap near the bell.
            42: Drum(((3150.0, 0.3, 0.03), (4870.0, 0.25, 0.025)), (5000.0, 10500.0), 0.03, 0.4),
            44: Drum(
                ((2740.0, 0.4, 0.05), (3910.0, 0.35, 0.04), (5230.0, 0.3, 0.035)),
                (3000.0, 9000.0),
                0.06,
                0.35,
            ),
            46: Drum(
                ((2960.0, 0.3, 0.3), (4410.0, 0.3, 0.25), (6230.0, 0.2, 0.2)), (4000.0, 10500.0), 0.3, 0.4
            ),
            49: Drum(
                ((2230.0, 0.3, 0.7), (3570.0, 0.3, 0.6), (5510.0, 0.2, 0.5)), (3000.0, 10500.0), 0.8, 0.45
            ),
            51: Drum(
                ((3380.0, 0.6, 0.35), (5020.0, 0.3, 0.3), (7250.0, 0.2, 0.2)), (6000.0, 10500.0), 0.05, 0.35
            ),
            # A Zimbelstern's small bells on its turning star, the tambourine, the Chinese block high
            # and low, the wood block, the triangle muted and open, the sleigh bells shaken long, the
            # castanets.
            53: Drum(
                ((2093.0, 1.0, 0.4), (2794.0, 0.7, 0.35), (3520.0, 0.5, 0.3), (4699.0, 0.4, 0.25)), gain=0.3
            ),
            54: Drum(((4870.0, 0.3, 0.08), (6610.0, 0.2, 0.06)), (4500.0, 10500.0), 0.1, 0.4),
            76: Drum(((1120.0, 1.0, 0.04), (2690.0, 0.3, 0.015)), (1500.0, 6000.0), 0.004, 0.5),
            77: Drum(((820.0, 1.0, 0.045), (1970.0, 0.3, 0.018)), (1000.0, 5000.0), 0.004, 0.5),
            75: Drum(((1630.0, 1.0, 0.05),), gain=0.45),
            80: Drum(((1510.0, 1.0, 0.05), (4130.0, 0.6, 0.04), (7420.0, 0.4, 0.03)), gain=0.35),
            81: Drum(((1510.0, 1.0, 1.0), (4130.0, 0.6, 0.8), (7420.0, 0.4, 0.6)), gain=0.35),
            83: Drum(
                ((2740.0, 0.4, 0.3), (3910.0, 0.35, 0.25), (5230.0, 0.3, 0.2)), (3000.0, 9500.0), 0.4, 0.35
            ),
            85: Drum(((2280.0, 1.0, 0.012),), (1500.0, 6500.0), 0.008, 0.5),
        },
    ),
    drum_gain=0.9,
)
# The pipe sets a render may name in place of a soundfont (midi_render.render_notes).
PIPE_SETS = {ORGAN.root: ORGAN}
_PUFF = 0.15  # a trap's pneumatic motor's exhaust against the stroke's peak
_PUFF_BAND = (250.0, 1400.0)  # Hz
_PUFF_TIME = 0.006  # s


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, pipe_set: PipeSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died: each
    melodic channel's notes through its program's ranks at KEY_VELOCITY whatever their touch, bent by
    `cents` (a chord's pipes one sound, on one wind); the drum channel through the set's traps,
    unbent, louder for a harder stroke. A program or a drum the set lacks is a KeyError, never a
    stand-in."""
    keyed = [n if n.channel == DRUM_CHANNEL else dataclasses.replace(n, velocity=KEY_VELOCITY) for n in notes]
    return struck_render.render(
        keyed, programs, seconds, sample_rate, cents, pipe_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Registration, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The pipes of `pitches` (fractional MIDI, a chord on one wind) held `held` seconds, at one
    loudness whatever `velocity` (KEY_VELOCITY). What varies (the harmonics' phases, the tremulant's
    phase, the swell pedal's move, the wind's and the chiff's noise) is drawn with `seed` (the
    note's own, note_rng, blind to the velocity, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, None, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    wind = tremulant(patch, rng)
    shade = shutters(patch, rng)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        weights = harmonics(patch, hz, held, frames, rng, sample_rate, wind, shade)
        phases = []
        for offset in patch.offsets:
            bend = offset + patch.vibrato * np.sin(wind[1] + 2.0 * np.pi * wind[0] * times) * (
                times >= patch.delay
            )
            phases.append(2.0 * np.pi * np.cumsum(hz * 2.0 ** (bend / 1200.0)) / sample_rate)
        tone = struck_render.periods(weights, phases, times, FRAME, TABLE)
        return tone, mouth_noise(patch, hz, held, times, sample_rate, rng)

    return struck_render.chord_of(pitches, times, KEY_VELOCITY, patch.gain, _FADE, sound)


def length(patch: Registration, held: float) -> float:
    """How long a note held `held` seconds sounds: while held, then its bass pipes' release."""
    return max(held, 0.05) + 6.0 * patch.level[3] * 2.0 + _FADE


def tremulant(patch: Registration, rng: np.random.Generator) -> tuple[float, float]:
    """The tremulant's rate (within 4% of `rate`) and phase, one for a chord: its pipes share a wind."""
    return patch.rate * (1.0 + float(rng.uniform(-0.04, 0.04))), float(rng.uniform(0.0, 2.0 * np.pi))


def shutters(patch: Registration, rng: np.random.Generator) -> tuple[float, float]:
    """Where the swell box's shade sets in as the note starts (Hz, drawn between closed and open) and
    how many octaves the expression pedal moves it over the next two seconds (drawn within one
    either way); (0, 0) unenclosed."""
    closed, opened = patch.swell
    if not opened:
        return 0.0, 0.0
    return float(np.exp(rng.uniform(np.log(closed), np.log(opened)))), float(rng.uniform(-1.0, 1.0))


def ranks_at(patch: Registration, hz: float) -> list[tuple[int, str, float]]:
    """The ranks that sound at `hz`: each on its harmonic, broken back an octave while its pipe would
    sound above `ceiling` and its harmonic is even, left out if it still would (an 8' rank never)."""
    sounding = []
    for footage, pipe, level in patch.ranks:
        harmonic = footage
        while harmonic > 1 and harmonic * hz > patch.ceiling and harmonic % 2 == 0:
            harmonic //= 2
        if harmonic == 1 or harmonic * hz <= patch.ceiling:
            sounding.append((harmonic, pipe, level))
    return sounding


def spectrum(pipe: Pipe, hz: float, count: int) -> Signal:
    """A pipe's first `count` harmonics' levels sounding at `hz`: 1/k^slope, the even ones' share,
    its resonator's formant."""
    k = np.arange(1, count + 1, dtype=np.float64)
    levels = k**-pipe.slope * np.where(k % 2 == 0, pipe.even, 1.0)
    return struck_render.formants(levels, hz, () if pipe.formant is None else (pipe.formant,))


def speech_time(patch: Registration, pipe: Pipe, hz: float) -> float:
    """How long (s) a pipe sounding at `hz` takes to speak: its kind's time at middle C, longer for a
    bigger pipe (as the square root of its length)."""
    return float(np.clip(patch.speech * pipe.speech * np.sqrt(MIDDLE_C / hz), 0.003, 0.2))


def release_time(patch: Registration, hz: float) -> float:
    """How long (s, the time constant) a pipe at `hz` takes to fall silent once its pallet closes."""
    return float(np.clip(patch.level[3] * np.sqrt(MIDDLE_C / hz), 0.02, 2.0 * patch.level[3]))


def harmonics(patch: Registration, hz: float, held: float, frames: Signal, rng: np.random.Generator,
              sample_rate: int, wind: tuple[float, float] = (0.0, 0.0),
              shade: tuple[float, float] = (0.0, 0.0)) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The note's harmonics (frames x harmonics, complex, their phases drawn) at `frames` s: every
    rank's pipe speaking (flues slower, their octave and twelfth first as they chiff), swung by the
    tremulant (`wind`: its rate and phase), darkened by the swell's shade (`shade`: where it sets in
    and how far the pedal moves it), let go at `held`; the first never under FUNDAMENTAL_FLOOR of
    the loudest in any frame, none above 0.45 of the rate."""
    count = max(1, min(MAX_HARMONICS, int(0.45 * sample_rate / (hz * 1.01))))
    n = np.arange(1, count + 1, dtype=np.float64)
    t = frames[:, None]
    out = np.zeros((frames.size, count))
    for harmonic, name, level in ranks_at(patch, hz):
        pipe = PIPES[name]
        own = count // harmonic
        if not own:
            continue
        places = harmonic * np.arange(1, own + 1) - 1
        speaking = 1.0 - np.exp(-t / speech_time(patch, pipe, harmonic * hz))
        rank = level * spectrum(pipe, harmonic * hz, own)[None, :] * speaking
        chiff = (
            patch.chiff * pipe.chiff * level * np.exp(-frames / _CHIFF_TIME) * (1.0 - np.exp(-frames / 0.002))
        )
        for k, share in ((2, 0.8), (3, 0.4)):
            if own >= k:
                rank[:, k - 1] += share * chiff
        out[:, places] += rank
    if patch.tremble and wind[0]:
        out *= 1.0 + patch.tremble * np.sin(wind[1] + 2.0 * np.pi * wind[0] * frames)[:, None]
    if shade[0]:
        corner = shade[0] * 2.0 ** (shade[1] * np.clip(frames / 2.0, 0.0, 1.0))
        out /= 1.0 + (n[None, :] * hz / corner[:, None]) ** 2
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    out *= np.exp(-np.maximum(frames - max(held, 0.0), 0.0) / release_time(patch, hz))[:, None]
    return np.asarray(out * np.exp(1j * rng.uniform(0.0, 2.0 * np.pi, count))[None, :])


def mouth_noise(patch: Registration, hz: float, held: float, times: Signal, sample_rate: int,
                rng: np.random.Generator) -> Signal:  # fmt: skip
    """The wind's hiss at the pipes' mouths while the key is held (at `wind`, over a few octaves above
    the note) and the chiff's puff at its start (its flue ranks' chiff, a few tens of ms)."""
    hiss = struck_render.above_note(rng, hz, (1.5, 12.0), times.size, sample_rate)
    flues = max((PIPES[name].chiff * level for _, name, level in patch.ranks), default=0.0)
    puff = 0.1 * patch.chiff * flues * np.exp(-times / _CHIFF_TIME)
    gate = np.exp(-np.maximum(times - max(held, 0.0), 0.0) / release_time(patch, hz))
    return np.asarray(hiss * (patch.wind * gate + puff))


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One stroke on a trap (struck_render.hit), louder and brighter on the second touch's stronger
    wind (a higher velocity), with its pneumatic motor's exhaust puffing at the stroke."""
    stroke = struck_render.hit(_SALT, drum, velocity, sample_rate)
    times = np.arange(stroke.size) / sample_rate
    exhaust = struck_render.band_noise(_SALT + 1, _PUFF_BAND, _PUFF_TIME, stroke.size, sample_rate)
    puff = (
        0.25
        * drum.gain
        * _PUFF
        * exhaust
        * np.exp(-times / _PUFF_TIME)
        * np.clip((times[-1] - times) / 0.005, 0.0, 1.0)
    )
    return ((1.0 - _PUFF) * stroke + puff).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Registration, Drum] = struck_render.Sounded(voice, _hit, 1024)
