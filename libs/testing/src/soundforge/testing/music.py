"""Synthetic labelled music: chord progressions in all 24 keys, drums, meters, swing, known tempo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from soundforge.testing.labelled_notation import QUALITIES

Samples = npt.NDArray[np.float32]

PITCH_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MODES = ("major", "minor")
TIMBRES = ("piano", "organ", "pad", "pluck")
# meter -> (beats per bar, subdivisions per beat); 6/8 counts dotted quarters as its beats.
METERS = {"4/4": (4, 2), "3/4": (3, 2), "5/4": (5, 2), "6/8": (2, 3)}

_MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)
_MINOR_SCALE = (0, 2, 3, 5, 7, 8, 11)  # harmonic minor: the raised 7th is what makes the V major
# One chord per bar: (root in semitones above the tonic, quality). Each states its tonic (opens on it,
# then returns to it or cadences V-i), so the key label is what a musician would write down; a loop
# that never does (vi-IV-I-V, which is also i-VI-III-VII of the relative minor) has no single answer.
PROGRESSIONS = {
    "major": (
        ((0, "maj"), (5, "maj"), (7, "maj"), (0, "maj")),
        ((0, "maj"), (9, "min"), (5, "maj"), (7, "maj")),
        ((0, "maj"), (7, "maj"), (9, "min"), (5, "maj")),
        ((0, "maj7"), (2, "min7"), (7, "dom7"), (0, "maj7")),
    ),
    "minor": (
        ((0, "min"), (5, "min"), (7, "maj"), (0, "min")),
        ((0, "min"), (8, "maj"), (10, "maj"), (0, "min")),
        ((0, "min"), (10, "maj"), (8, "maj"), (7, "maj")),
        ((0, "min7"), (3, "maj"), (5, "min"), (7, "dom7")),
    ),
}
LEAD_IN_SECONDS = 0.25
# Beats of the bar the kick plays (the snare takes the others), by beats per bar.
_KICKS = {2: {0}, 3: {0}, 4: {0, 2}, 5: {0, 3}}


@dataclass(frozen=True)
class Piece:
    """One labelled piece: everything that decides how it sounds, and so what an analyser should find."""

    tonic: int  # pitch class, C = 0
    mode: str  # "major" | "minor"
    bpm: float  # beats (of `meter`) per minute: the tempo label
    meter: str = "4/4"
    timbre: str = "piano"
    inversion: int = 0  # 0 root position, 1 first, 2 second
    progression: int = 0
    drums: bool = True
    swing: float = 0.5  # where the off-beat eighth falls within the beat: 0.5 straight, 2/3 triplet swing
    melody: bool = True
    seconds: float = 20.0
    tuning_cents: float = 0.0  # reference pitch offset from A = 440 Hz
    seed: int = 0

    @property
    def key_name(self) -> str:
        return f"{PITCH_NAMES[self.tonic]} {self.mode}"

    @property
    def beats_per_bar(self) -> int:
        return METERS[self.meter][0]

    def beat_times(self) -> npt.NDArray[np.float64]:
        period = 60.0 / self.bpm
        count = int((self.seconds - LEAD_IN_SECONDS) / period) + 1
        times = LEAD_IN_SECONDS + period * np.arange(count, dtype=np.float64)
        return np.asarray(times[times < self.seconds], dtype=np.float64)

    def downbeat_times(self) -> npt.NDArray[np.float64]:
        return self.beat_times()[:: self.beats_per_bar]

    def describe(self) -> str:
        parts = [self.key_name, f"{self.bpm:.1f} BPM", self.meter, self.timbre, f"inv{self.inversion}"]
        parts += [f"prog{self.progression}", "drums" if self.drums else "no drums"]
        if self.swing != 0.5:
            parts.append(f"swing {self.swing:.2f}")
        return ", ".join(parts)


def labelled_set(per_key: int = 4, seconds: float = 20.0, seed: int = 0) -> list[Piece]:
    """`per_key` pieces in each of the 24 keys; tempo, meter, timbre, voicing, drums and swing vary.

    Tempos are spread evenly on a log scale over 60-200 BPM and shuffled, so every tempo region
    meets every key, meter and timbre.
    """
    rng = np.random.default_rng(seed)
    total = 24 * per_key

    def balanced(values: tuple[object, ...] | list[object]) -> list[object]:
        # Each value equally often, shuffled independently of the others, so no two traits travel together.
        return list(rng.permutation(np.array([values[i % len(values)] for i in range(total)], dtype=object)))

    tempos = rng.permutation(np.geomspace(60.0, 200.0, total))
    meters, timbres = balanced(list(METERS)), balanced(TIMBRES)
    inversions, progressions = balanced((0, 1, 2)), balanced((0, 1, 2, 3))
    drums, melody = balanced((True, False)), balanced((True, True, True, False))
    pieces = []
    for index in range(total):
        key_index = index // per_key
        meter = str(meters[index])
        pieces.append(
            Piece(
                tonic=key_index % 12,
                mode=MODES[key_index // 12],
                bpm=round(float(tempos[index]), 2),
                meter=meter,
                timbre=str(timbres[index]),
                inversion=int(inversions[index]),  # type: ignore[call-overload]
                progression=int(progressions[index]),  # type: ignore[call-overload]
                drums=bool(drums[index]),
                # Swing belongs to duple subdivisions; every third such piece swings.
                swing=2 / 3 if METERS[meter][1] == 2 and index % 3 == 0 else 0.5,
                melody=bool(melody[index]),
                seconds=seconds,
                tuning_cents=float(rng.uniform(-15.0, 15.0)),
                seed=seed * 1000 + index,
            )
        )
    return pieces


def render(piece: Piece, sample_rate: int = 22050) -> Samples:
    """The piece as mono float32 at `sample_rate`, peaking at about -3 dBFS."""
    rng = np.random.default_rng(piece.seed)
    out = np.zeros(int(piece.seconds * sample_rate), dtype=np.float32)
    beats_per_bar, subdivisions = METERS[piece.meter]
    period = 60.0 / piece.bpm
    scale = _MAJOR_SCALE if piece.mode == "major" else _MINOR_SCALE
    progression = PROGRESSIONS[piece.mode][piece.progression % 4]
    reference = 440.0 * 2 ** (piece.tuning_cents / 1200)

    notes: dict[tuple[int, float, str], Samples] = {}  # per piece: the same few notes recur

    def note(midi: int, seconds: float, timbre: str) -> Samples:
        found = notes.get((midi, seconds, timbre))
        if found is None:
            found = notes[(midi, seconds, timbre)] = _note(midi, reference, seconds, timbre, sample_rate)
        return found

    def place(time: float, sound: Samples, gain: float) -> None:
        # A few milliseconds of human timing, so nothing lands on an exact analysis frame.
        start = round((time + rng.normal(0.0, 0.003)) * sample_rate)
        start = max(start, 0)
        end = min(start + sound.size, out.size)
        if end > start:
            out[start:end] += gain * sound[: end - start]

    def sub_times(beat_start: float) -> list[float]:
        if subdivisions == 2:
            return [beat_start, beat_start + piece.swing * period]
        return [beat_start + k * period / subdivisions for k in range(subdivisions)]

    beat_times = piece.beat_times()
    for index, beat_start in enumerate(beat_times):
        bar, beat = divmod(index, beats_per_bar)
        root, quality = progression[bar % len(progression)]
        chord = [root + interval for interval in QUALITIES[quality]]
        voicing = _voicing(piece.tonic, chord, piece.inversion)
        bass = 36 + (piece.tonic + root) % 12  # C2..B2
        accent = 1.0 if beat == 0 else 0.8
        if piece.timbre in ("organ", "pad"):
            if beat == 0:  # sustained for the bar
                length = min(beats_per_bar * period, piece.seconds - beat_start)
                for midi in voicing:
                    place(beat_start, note(midi, length, piece.timbre), 0.22)
        else:
            for midi in voicing:
                place(beat_start, note(midi, period, piece.timbre), 0.22 * accent)
        place(beat_start, note(bass, period * 0.9, "bass"), 0.5 * accent)
        if piece.melody:
            for sub, time in enumerate(sub_times(beat_start)):
                if rng.random() < 0.35 and not (beat == 0 and sub == 0):
                    continue
                degree = chord[int(rng.integers(len(chord)))] if sub == 0 else _scale_step(rng, scale)
                midi = 72 + (piece.tonic + degree) % 12
                place(time, note(midi, period / subdivisions, "pluck"), 0.18)
        if piece.drums:
            if beat in _KICKS[beats_per_bar]:
                place(beat_start, _drum("kick", sample_rate), 0.9)
            else:
                place(beat_start, _drum("snare", sample_rate), 0.5)
            for sub, time in enumerate(sub_times(beat_start)):
                place(time, _drum("hat", sample_rate, seed=sub), 0.25 if sub else 0.35)
    peak = float(np.max(np.abs(out))) or 1.0
    return (out * (0.7 / peak)).astype(np.float32)


def _voicing(tonic: int, chord: list[int], inversion: int) -> list[int]:
    """MIDI notes of the chord around middle C, the lowest `inversion` tones moved up an octave."""
    root = (tonic + chord[0]) % 12
    base = 60 + root if root <= 6 else 48 + root  # roots from F#3 to F#4
    notes = [base + interval - chord[0] for interval in chord]
    for k in range(min(inversion, len(notes) - 1)):
        notes[k] += 12
    return sorted(notes)


def _scale_step(rng: np.random.Generator, scale: tuple[int, ...]) -> int:
    return scale[int(rng.integers(len(scale)))]


def _note(midi: int, reference: float, seconds: float, timbre: str, sample_rate: int) -> Samples:
    freq = reference * 2 ** ((midi - 69) / 12)
    n = max(int(seconds * sample_rate), 1)
    t = np.arange(n) / sample_rate
    harmonics, envelope = _TIMBRE_SHAPES[timbre](t, seconds)
    wave = np.zeros(n)
    for k, amp in enumerate(harmonics, start=1):
        if k * freq < sample_rate / 2 - 500:
            wave += amp * np.sin(2 * np.pi * k * freq * t + 0.7 * k)
    release = np.minimum(1.0, (seconds - t) / 0.01)  # no click at the note's end
    return (wave * envelope * release).astype(np.float32)


def _piano(t: npt.NDArray[np.float64], seconds: float) -> tuple[list[float], npt.NDArray[np.float64]]:
    return [1.0, 0.5, 0.3, 0.2, 0.12, 0.08, 0.05], np.minimum(1.0, t / 0.004) * np.exp(-t * 3.0)


def _organ(t: npt.NDArray[np.float64], seconds: float) -> tuple[list[float], npt.NDArray[np.float64]]:
    return [1.0, 0.7, 0.45, 0.3, 0.0, 0.2, 0.0, 0.15], np.minimum(1.0, t / 0.02)


def _pad(t: npt.NDArray[np.float64], seconds: float) -> tuple[list[float], npt.NDArray[np.float64]]:
    harmonics = [1.0 / k for k in range(1, 13)]  # sawtooth-like
    return harmonics, np.minimum(1.0, t / 0.15) * (0.8 + 0.2 * np.cos(2 * np.pi * 5.0 * t))


def _pluck(t: npt.NDArray[np.float64], seconds: float) -> tuple[list[float], npt.NDArray[np.float64]]:
    return [1.0, 0.35, 0.2, 0.05, 0.08], np.minimum(1.0, t / 0.002) * np.exp(-t * 8.0)


def _bass(t: npt.NDArray[np.float64], seconds: float) -> tuple[list[float], npt.NDArray[np.float64]]:
    return [1.0, 0.6, 0.3, 0.15], np.minimum(1.0, t / 0.005) * np.exp(-t * 4.0)


_TIMBRE_SHAPES: dict[
    str, Callable[[npt.NDArray[np.float64], float], tuple[list[float], npt.NDArray[np.float64]]]
] = {
    "piano": _piano,
    "organ": _organ,
    "pad": _pad,
    "pluck": _pluck,
    "bass": _bass,
}


@cache
def _drum(kind: str, sample_rate: int, seed: int = 0) -> Samples:
    rng = np.random.default_rng(seed + 7)
    if kind == "kick":
        t = np.arange(int(0.3 * sample_rate)) / sample_rate
        sweep = 50.0 + 90.0 * np.exp(-t * 30.0)
        phase = 2 * np.pi * np.cumsum(sweep) / sample_rate
        return (np.sin(phase) * np.exp(-t * 12.0)).astype(np.float32)
    if kind == "snare":
        t = np.arange(int(0.18 * sample_rate)) / sample_rate
        body = 0.5 * np.sin(2 * np.pi * 190.0 * t) * np.exp(-t * 30.0)
        return (body + rng.normal(0.0, 0.5, t.size) * np.exp(-t * 22.0)).astype(np.float32)
    t = np.arange(int(0.06 * sample_rate)) / sample_rate
    noise = np.diff(rng.normal(0.0, 0.5, t.size + 1))  # differencing tilts the noise towards the highs
    return (noise * np.exp(-t * 70.0)).astype(np.float32)
