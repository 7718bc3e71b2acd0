"""What the numpy renderers (waveguide, analog, formant, phase-distortion, FM, waveshaping, wavetable
and granular) do alike with a song's notes: the drum channel through their set's kit, every other
note through its program's voice, each distinct note computed once, all summed into one track."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

import numpy as np
import numpy.typing as npt

from soundforge.testing import sample_render
from soundforge.testing.sample_render import DRUM_CHANNEL, Samples, SampleSet

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

V = TypeVar("V", bound=Hashable)
# (voice, pitch in MIDI with cents as a fraction, velocity, seconds held, sample rate) -> samples
Sound = Callable[[V, float, int, float, int], Samples]
# A renderer's cache of the notes it has computed, per (voice, pitch, velocity, held, rate).
NoteCache = dict[tuple[V, float, int, float, int], Samples]
_MAX_CACHED = 4096


def detunings(spread: float, copies: int) -> npt.NDArray[np.float64]:
    """Cents for each of a voice's `copies`, spaced evenly from -`spread` to `spread` (symmetric
    around the note, so the ensemble's pitch is the note's); one copy sits on the note."""
    return np.linspace(-spread, spread, copies) if copies > 1 else np.zeros(1)


class Detuned:
    """What a voice played as `lines` copies, detuned `spread` cents from the centre to the outermost,
    under an amplitude envelope (`level`: attack, decay, the share it sustains, release) says of
    itself: whether it holds its note, and each copy's detuning. Its dataclass holds the fields."""

    level: tuple[float, float, float, float]
    lines: int
    spread: float

    @property
    def sustained(self) -> bool:
        return self.level[2] > 0.0

    @property
    def offsets(self) -> npt.NDArray[np.float64]:
        """Each copy's detuning in cents, symmetric around the note."""
        return detunings(self.spread, self.lines)


class Players:
    """What a patch played by `voices` players (or partials), the outermost `detune` cents apart,
    under an envelope (`level`: attack, decay, the share it sustains, release) and a `vibrato` (cents
    at `rate` Hz after `delay` s) says of itself: whether it holds its note, and each player's
    detuning (arithmetic_render's tones, bore_render's horns, tape_render's strips). Its dataclass
    holds the fields."""

    level: tuple[float, float, float, float]
    voices: int
    detune: float
    vibrato: float
    rate: float
    delay: float

    @property
    def sustained(self) -> bool:
        return self.level[2] > 0.0

    @property
    def offsets(self) -> tuple[float, ...]:
        """Each player's detuning (cents): symmetric about the pitch, one on it where they are odd, the
        outermost `detune` apart (detunings)."""
        return tuple(float(c) for c in detunings(self.detune / 2.0, self.voices))


@dataclass(frozen=True)
class VoiceSet(Generic[V]):
    """General MIDI programs to voices computed in numpy, and the drum channel to a recorded kit: what
    a render through the set may play."""

    root: Path  # names the set in place of a soundfont (nothing is read from it)
    programs: Mapping[int, V]
    drums: SampleSet  # the kit the drum channel plays (sample_render; no programs of its own)
    drum_gain: float  # the kit's recordings against the voices' output
    fetch: str  # how to get it

    def require(self) -> None:
        """Raises with the fix when the kit (or ffmpeg that decodes it) is missing; the voices are numpy."""
        self.drums.require()


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, voice_set: VoiceSet[V], sound: Sound[V],
           cache: NoteCache[V]) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic note through its program's voice in `voice_set` (computed by `sound`, kept in
    `cache`), bent by `cents`; the drum channel through the set's kit, unbent. A program the set
    lacks is a KeyError, never a stand-in."""
    voice_set.require()
    notes = list(notes)
    out = sample_render.silence(notes, seconds, sample_rate)
    drums = [note for note in notes if note.channel == DRUM_CHANNEL]
    if drums:
        drummed = sample_render.render(drums, {}, seconds, sample_rate, 0.0, voice_set.drums)
        end = min(drummed.size, out.size)
        out[:end] += voice_set.drum_gain * drummed[:end]
    for note in notes:
        if note.channel == DRUM_CHANNEL:
            continue
        voice = voice_set.programs[programs[note.channel]]
        played = _sounded(
            voice, note.pitch + cents / 100.0, note.velocity, note.seconds, sample_rate, sound, cache
        )
        start = round(note.start * sample_rate)
        end = min(start + played.size, out.size)
        if end > start:
            out[start:end] += played[: end - start]
    return out


def _sounded(voice: V, pitch: float, velocity: int, held: float, sample_rate: int, sound: Sound[V],
             cache: NoteCache[V]) -> Samples:  # fmt: skip
    """One note, cached: a song strikes the same few notes hundreds of times."""
    key = (voice, round(pitch, 4), velocity, round(held, 3), sample_rate)
    if key not in cache:
        if len(cache) > _MAX_CACHED:
            cache.clear()
        cache[key] = sound(voice, pitch, velocity, held, sample_rate)
    return cache[key]
