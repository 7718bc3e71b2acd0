"""What chip_render, vocoder_render, tonewheel_render, modal_render, hammer_render, additive_render,
jawari_render and arithmetic_render share: a channel's notes struck together sound as one sound (a
sound chip's arpeggio, a vocoder's stacked carrier, an organ's chord, a roll of mallets, a piano's
chord, an ensemble's chord, a strum, a synthesiser's allotted partials), every sound computed once
and cached, and the sounds mixed at their starts; frames of harmonics read as periods at a running
phase (jawari_render's strings, arithmetic_render's sustains); and a drum's seeded hiss, a drum of
ringing modes and hiss (modal_render's, hammer_render's, additive_render's, jawari_render's and
arithmetic_render's kits), and one whose partials glide (additive_render's sine-sweep kick and toms,
jawari_render's palm-bent skins, arithmetic_render's kick and toms); a note's noise above it
(pipe_render's wind, ether_render's valves' hiss); and, for renderers that read harmonics as periods,
formants lifting a note's harmonics (pipe_render's resonators, ether_render's and glass_render's
voicings) and a player's pitch bending into a note under a vibrato (ether_render's theremin,
glass_render's saw)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import sample_render
from soundforge.testing.sample_render import DRUM_CHANNEL

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
P = TypeVar("P", bound=Hashable)  # a renderer's patch
D = TypeVar("D", bound=Hashable)  # a renderer's drum

TOGETHER = 0.025  # s: notes of one channel starting this close are one chord (a score's jitter apart)


@dataclass(frozen=True)
class Kit(Generic[D]):
    """The drum channel's sounds by General MIDI drum note; `kit` names it (nothing is read from it)."""

    kit: Path
    drums: Mapping[int, D]


@dataclass(frozen=True)
class StruckSet(Generic[P, D]):
    """General MIDI programs to a renderer's patches and drums to its drums' sounds: what a render
    through the set may play."""

    root: Path  # names the set in place of a soundfont (nothing is read from it)
    programs: Mapping[int, P]
    drums: Kit[D]
    drum_gain: float  # the drums against the patches' output
    fetch: str = "nothing: every sound is computed in numpy"

    def require(self) -> None:
        """Nothing to fetch: the patches and the kit are numpy."""


class Sounded(Generic[P, D]):
    """One renderer's notes, chords and hits, each computed once (a song strikes the same few
    hundreds of times) by `voice` (patch, pitches, velocity, held seconds, sample rate) or `hit`
    (drum, velocity, sample rate); the cache is emptied when it passes `most`."""

    def __init__(
        self,
        voice: Callable[[P, tuple[float, ...], int, float, int], Samples],
        hit: Callable[[D, int, int], Samples],
        most: int,
    ) -> None:
        self._voice, self._hit, self._most = voice, hit, most
        self._cache: dict[tuple[Hashable, tuple[float, ...], int, float, int], Samples] = {}

    def voice(
        self, patch: P, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int
    ) -> Samples:
        key = (patch, pitches, velocity, held, sample_rate)
        if key not in self._cache:
            self._make_room()
            self._cache[key] = self._voice(patch, pitches, velocity, held, sample_rate)
        return self._cache[key]

    def hit(self, drum: D, velocity: int, sample_rate: int) -> Samples:
        key = (drum, (), velocity, 0.0, sample_rate)
        if key not in self._cache:
            self._make_room()
            self._cache[key] = self._hit(drum, velocity, sample_rate)
        return self._cache[key]

    def clear(self) -> None:
        self._cache.clear()

    def _make_room(self) -> None:
        if len(self._cache) > self._most:
            self._cache.clear()


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, struck_set: StruckSet[P, D], sounded: Sounded[P, D],
           chords: Callable[[P], bool]) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's patch in `struck_set`, bent by `cents`, the
    notes a channel strikes together as one sound where `chords(patch)`; the drum channel through
    the set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    struck_set.require()
    notes = list(notes)
    out = sample_render.silence(notes, seconds, sample_rate)
    for start, sound in _sounds(notes, programs, sample_rate, cents, struck_set, sounded, chords):
        begin = round(start * sample_rate)
        end = min(begin + sound.size, out.size)
        if end > begin:
            out[begin:end] += sound[: end - begin]
    return out


def chord_of(pitches: tuple[float, ...], times: npt.NDArray[np.float64], velocity: int, gain: float,
             fade: float, sound: Callable[[float], tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]
             ) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI) sounded together over `times`: each one's note (peak 1) and its
    noise, `sound` of its frequency, summed, faded out over `fade` s at the cut end, and brought to
    0.35-1 (by velocity) of a quarter of `gain`, a chord never louder than a quarter of it."""
    out = np.zeros(times.size)
    for pitch in pitches:
        note, noise = sound(440.0 * 2.0 ** ((pitch - 69.0) / 12.0))
        note /= float(np.abs(note).max()) or 1.0
        out += note + noise
    out *= np.clip((times[-1] - times) / fade, 0.0, 1.0)
    loud = 0.35 + 0.65 * velocity / 127.0
    peak = max(1.0, float(np.abs(out).max()) / np.sqrt(len(pitches)))
    return (0.25 * gain * loud * out / (peak * np.sqrt(len(pitches)))).astype(np.float32)


def sounded_harmonics(hz: float, sample_rate: int, most: int) -> int:
    """How many harmonics of `hz` a note sounds: those under 0.45 of the rate (the first always),
    `most` at most."""
    return int(max(1, min(most, np.floor(0.45 * sample_rate / hz))))


def harmonic_tone(weights: npt.NDArray[np.float64], frames: npt.NDArray[np.float64],
                  times: npt.NDArray[np.float64], phase: npt.NDArray[np.float64],
                  offsets: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:  # fmt: skip
    """A note's harmonics summed at `times` s: the k-th (from 0) at its level in `weights[:, k]`
    (frames x harmonics, at `frames` s, straight lines between), swinging at k + 1 times `phase`
    (the note's own, in radians, bent as it is) from `offsets[k]`; brought to a peak of 1."""
    tone = np.zeros(times.size)
    for k in range(weights.shape[1]):
        tone += np.interp(times, frames, weights[:, k]) * np.sin((k + 1) * phase + offsets[k])
    tone /= float(np.abs(tone).max()) or 1.0
    return tone


def _sounds(notes: list[Note], programs: Mapping[int, int], sample_rate: int, cents: float,
            struck_set: StruckSet[P, D], sounded: Sounded[P, D],
            chords: Callable[[P], bool]) -> Iterator[tuple[float, Samples]]:  # fmt: skip
    """(start, samples) of every drum hit and every note or chord."""
    patches, drums = struck_set.programs, struck_set.drums.drums
    pending: dict[int, list[Note]] = {}
    for note in sorted(notes, key=lambda n: (n.start, n.channel, n.pitch)):
        if note.channel == DRUM_CHANNEL:
            yield (
                note.start,
                struck_set.drum_gain * sounded.hit(drums[note.pitch], note.velocity, sample_rate),
            )
            continue
        patch = patches[programs[note.channel]]
        group = pending.setdefault(note.channel, [])
        if chords(patch) and group and note.start - group[0].start <= TOGETHER:
            group.append(note)
            continue
        if group:
            yield _chord(patch, group, sample_rate, cents, sounded)
        pending[note.channel] = [note]
    for channel, group in pending.items():
        if group:
            yield _chord(patches[programs[channel]], group, sample_rate, cents, sounded)


def _chord(patch: P, group: list[Note], sample_rate: int, cents: float,
           sounded: Sounded[P, D]) -> tuple[float, Samples]:  # fmt: skip
    """A channel's notes that start together: one sound from the first one's start."""
    pitches = tuple(sorted(round(n.pitch + cents / 100.0, 4) for n in group))
    held = max(n.start + n.seconds for n in group) - group[0].start
    velocity = max(n.velocity for n in group)
    return group[0].start, sounded.voice(patch, pitches, velocity, round(held, 3), sample_rate)


def periods(harmonics: npt.NDArray[np.complex128], phases: list[npt.NDArray[np.float64]],
            times: npt.NDArray[np.float64], frame: float, table: int) -> npt.NDArray[np.float64]:  # fmt: skip
    """Frames' harmonics (frames x partials, complex, one frame every `frame` s) as one period each (a
    `table`-point table, far finer than their highest partial), read at each player's running phase
    (radians) and between frames, the players averaged: every partial at a whole multiple of the
    phase, so of the note (jawari_render's strings, arithmetic_render's sustained partials)."""
    spectrum = np.zeros((harmonics.shape[0], table // 2 + 1), dtype=np.complex128)
    spectrum[:, 1 : harmonics.shape[1] + 1] = harmonics * (table / 2.0)
    tables = np.fft.irfft(spectrum, table, axis=1)
    flat = np.concatenate([tables, tables[:, :1]], axis=1).ravel()  # each wrapped by a point
    place = times / frame
    index_of_frame = np.minimum(place.astype(np.int64), harmonics.shape[0] - 2)
    later = place - index_of_frame
    out = np.zeros(times.size)
    for phase in phases:
        point = np.mod(phase / (2.0 * np.pi), 1.0) * table
        index = np.minimum(point.astype(np.int64), table - 1)
        along = point - index
        here = index_of_frame * (table + 1) + index
        now = flat[here] * (1.0 - along) + flat[here + 1] * along
        then = flat[here + table + 1] * (1.0 - along) + flat[here + table + 2] * along
        out += now * (1.0 - later) + then * later
    return out / len(phases)


Partials = tuple[tuple[float, float, float], ...]  # a kit piece's (Hz, amplitude, decay s) each


@dataclass(frozen=True)
class Drum:
    """A kit piece: `partials` ((Hz, amplitude, decay s) each) that move by `sweep` octaves over
    `glide` s (swept_hit: falling where `sweep` is positive, rising where it is negative; 0: they
    hold, and ringing_hit rings them), and noise band-passed over `noise` (Hz, Hz; (0, 0): none)
    decaying over `decay` s."""

    partials: Partials
    noise: tuple[float, float] = (0.0, 0.0)
    decay: float = 0.0
    gain: float = 1.0
    sweep: float = 0.0
    glide: float = 0.0


def held_level(attack: float, fall: float, held: float, velocity: int, times: npt.NDArray[np.float64]
               ) -> npt.NDArray[np.float64]:  # fmt: skip
    """A driven voice's level at `times` s (a machine's, a discharge's, a creature's): starting over
    `attack` s as the key goes down, held while it is down, dying over `fall` s once it is let go;
    0.6-1 by velocity."""
    on = 1.0 - np.exp(-times / attack)
    off = np.exp(-np.maximum(times - max(held, 0.05), 0.0) / fall)
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * on * off)


def period_jitter(jitter: float, hz: float, times: npt.NDArray[np.float64], rng: np.random.Generator
                  ) -> npt.NDArray[np.float64]:  # fmt: skip
    """How early or late each period of a pulse at `hz` starts at `times` s (s; drawn per period,
    `jitter` rms, straight lines between): never summed, so the note's pitch never drifts, only its
    phase frays."""
    starts = np.arange(int(times[-1] * hz) + 2) / hz
    offsets = rng.normal(0.0, jitter, starts.size) if jitter else np.zeros(starts.size)
    return np.asarray(np.interp(times, starts, offsets))


def note_rng(
    salt: int, pitches: tuple[float, ...], velocity: int | None, held: float, seed: list[int] | None = None
) -> np.random.Generator:
    """What a note's varying parts (phases, vibratos, noise...) are drawn from: `seed` where given,
    else the note's own -- the renderer's `salt`, the velocity (None for a renderer blind to it),
    how long it is held and its pitches -- so that the same note sounds the same wherever it falls
    and a render is the same on every run."""
    if seed is None:
        played = [] if velocity is None else [velocity]
        seed = [salt, *played, round(held * 1000), *(round(p * 1000) for p in pitches)]
    return np.random.default_rng(seed)


def hit(salt: int, drum: Drum, velocity: int, sample_rate: int) -> npt.NDArray[np.float32]:
    """`drum` struck at `velocity`: its partials swept (swept_hit) or ringing (ringing_hit), and its
    noise; seeded by the renderer's `salt` and the drum."""
    if not drum.sweep:
        return ringing_hit(salt, drum.partials, drum.noise, drum.decay, drum.gain, velocity, sample_rate)
    return swept_hit(
        salt, drum.partials, drum.noise, drum.decay, drum.gain, velocity, sample_rate, drum.sweep, drum.glide
    )


def ringing_hit(
    salt: int,
    modes: Iterable[tuple[float, float, float]],
    noise: tuple[float, float],
    decay: float,
    gain: float,
    velocity: int,
    sample_rate: int,
) -> npt.NDArray[np.float32]:
    """One drum struck: its modes, (Hz, amplitude, decay s) each, ringing from the strike, and its
    hiss band-passed over `noise` (Hz; (0, 0): none) under `decay`; seeded by the drum (`salt`)."""
    modes = tuple(modes)
    length = 5.0 * max([decay, *(ring for _, _, ring in modes)])
    times = np.arange(int(length * sample_rate) + 1) / sample_rate
    strength = 0.4 + 0.6 * velocity / 127.0
    out = np.zeros(times.size)
    for hz, amplitude, ring in modes:
        if hz < 0.45 * sample_rate:
            out += amplitude * np.sin(2.0 * np.pi * hz * times) * np.exp(-times / ring)
    if modes:
        out *= 0.9 / (float(np.abs(out).max()) or 1.0)
    high = noise[1]
    if high:
        out += band_noise(salt, noise, decay, times.size, sample_rate) * np.exp(-times / decay)
    out *= strength * np.clip((times[-1] - times) / 0.005, 0.0, 1.0)  # rung out by its end
    return (0.25 * gain * out / (2.0 if modes and high else 1.0)).astype(np.float32)


def swept_hit(salt: int, partials: Iterable[tuple[float, float, float]], noise: tuple[float, float],
              decay: float, gain: float, velocity: int, sample_rate: int, sweep: float,
              glide: float) -> npt.NDArray[np.float32]:  # fmt: skip
    """One drum struck whose partials, (Hz, amplitude, decay s) each, start `sweep` octaves away from
    where they end and glide there over `glide` s (above them and falling, as a sine-sweep kick's;
    below them and rising where `sweep` is negative, as a palm pressing a tabla's bass skin), summed,
    and its hiss band-passed over `noise` (Hz; (0, 0): none) under `decay`; seeded by the drum
    (`salt`)."""
    partials = tuple(partials)
    length = 5.0 * max([decay, *(ring for _, _, ring in partials)])
    times = np.arange(int(length * sample_rate) + 1) / sample_rate
    fall = 2.0 ** (-sweep * (1.0 - np.exp(-times / glide)))  # the pitch moves, then holds
    out = np.zeros(times.size)
    for hz, amplitude, ring in partials:
        out += (
            amplitude
            * np.sin(2.0 * np.pi * np.cumsum(hz * 2.0**sweep * fall) / sample_rate)
            * np.exp(-times / ring)
        )
    out *= 0.9 / (float(np.abs(out).max()) or 1.0)
    if noise[1]:
        out += 0.5 * band_noise(salt, noise, decay, times.size, sample_rate) * np.exp(-times / decay)
    out *= (0.4 + 0.6 * velocity / 127.0) * np.clip((times[-1] - times) / 0.005, 0.0, 1.0)
    return (0.25 * gain * out / (1.5 if noise[1] else 1.0)).astype(np.float32)


def formants(
    levels: npt.NDArray[np.float64], hz: float, lifts: Iterable[tuple[float, float, float]]
) -> npt.NDArray[np.float64]:
    """`levels` of a note's harmonics 1, 2, ... at `hz`, each formant ((Hz, width in octaves, gain))
    lifting those near its centre by up to its gain, a bell on a log-frequency axis."""
    k = np.arange(1, levels.size + 1, dtype=np.float64)
    for centre, width, lift in lifts:
        levels = levels * (1.0 + (lift - 1.0) * np.exp(-0.5 * (np.log2(k * hz / centre) / width) ** 2))
    return levels


class Bending(Protocol):
    """A player's pitch into a note and through it (cents, seconds, Hz): what bends reads."""

    @property
    def scoop(self) -> float: ...
    @property
    def glide(self) -> float: ...
    @property
    def vibrato(self) -> float: ...
    @property
    def rate(self) -> float: ...
    @property
    def delay(self) -> float: ...


def bends(
    player: Bending, times: npt.NDArray[np.float64], rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """The pitch (cents about the note) over `times`: rising from `scoop` under it over `glide` (a
    theremin player finding the note, a saw player bending the blade into it), and a vibrato at the
    player's own rate (within 5% of `rate`) and phase, eased in over 0.3 s from `delay`."""
    rate = player.rate * (1.0 + float(rng.uniform(-0.05, 0.05)))
    phase = float(rng.uniform(0.0, 2.0 * np.pi))
    ease = np.clip((times - player.delay) / 0.3, 0.0, 1.0)
    waver = player.vibrato * ease * np.sin(phase + 2.0 * np.pi * rate * times)
    return np.asarray(waver - player.scoop * np.exp(-times / player.glide))


def above_note(rng: np.random.Generator, hz: float, span: tuple[float, float], size: int,
               sample_rate: int) -> npt.NDArray[np.float64]:  # fmt: skip
    """A note's noise over `span` (from, to) times its frequency `hz` (band_noise, drawn by `rng`), its
    top held under 0.45 of the rate and its floor under half its top: a pipe's wind at its mouth
    (pipe_render), a valve's hiss (ether_render)."""
    top = min(span[1] * hz, 0.45 * sample_rate)
    band = (min(span[0] * hz, 0.5 * top), top)
    return band_noise(int(rng.integers(2**31)), band, 0.0, size, sample_rate)


def band_noise(
    salt: int, band: tuple[float, float], decay: float, size: int, sample_rate: int
) -> npt.NDArray[np.float64]:
    """A drum's hiss: white noise through a band-pass over `band` (Hz), peak 1, seeded by the drum
    (`salt`, its band, its decay), so the same drum hisses the same in every render."""
    low, high = band
    rng = np.random.default_rng([salt, round(low), round(high), round(decay * 1000)])
    sos = signal.butter(
        2, (low, min(high, 0.45 * sample_rate)), btype="bandpass", fs=sample_rate, output="sos"
    )
    noise = signal.sosfilt(sos, rng.standard_normal(size))
    return np.asarray(noise / (float(np.abs(noise).max()) or 1.0), dtype=np.float64)
