"""Which pitch classes sound, frame by frame, and which one the bass plays: a small network over
log-frequency frames (a learned chroma, after Korzeniowski & Widmer 2016), fit to the scores of the
labelled material's training clips (scripts/train_pitch_classes.py); what the key's scorer reads.

Why learned: the key scorer read from an ideal front end (each clip's chroma and bass drawn from its
score's notes) names 1643 of 1700 keys on seventeen development splits, and 1542 from the STFT chroma
the service computed. Instruments whose partials are not a harmonic series (a toy piano's rods, a
stepper's coils) and productions that take the bass away (a phone, a wall) put power on pitch classes
nobody plays, and a chroma that folds every partial cannot tell. A network that has heard a score
beside each of twenty-odd splits' timbres learns to hear the notes through them: fit without twelve
splits, it read their keys 1380 -> 1436 of 1513 (docs/analysis-passes.md, fifty-first pass). The
key's confidence is read from the chroma (key.find_key): the network has heard no noise, held tone or
drums alone. It only lowers it, where the network hears no pitch class held through the track.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

# The log-frequency spectrogram: a bin every third of a semitone from A0 (MIDI 21) up, tuned.
LOW_MIDI = 21
BINS_PER_SEMITONE = 3
BINS = 264
# The frames (offsets from the one read) the network sees together: a note's onset and its decay.
CONTEXT = (-4, -2, 0, 2, 4)
_PAD = max(abs(offset) for offset in CONTEXT)
# Loudness is read against the track's own loud bins (this percentile of its log-frequency
# magnitudes over its first REFERENCE_FRAMES frames, those spectra.FrameStream holds until it
# knows the tuning), so that a quiet recording and a loud one look alike to the network.
REFERENCE_FRAMES = 1536
_REFERENCE_PERCENTILE = 99.5
_COMPRESSION = 100.0
WEIGHTS_FILE = Path(__file__).with_name("pitch_class_weights.npz")


def log_frequency_bank(sr: int, n_fft: int, tuning: float) -> Floats:
    """(BINS, n_fft // 2 + 1): each log-frequency bin a triangle over the STFT bins, as wide as a
    third of a semitone or, in the bass where STFT bins are wider, one STFT bin."""
    freqs = np.arange(n_fft // 2 + 1) * sr / n_fft
    midi = LOW_MIDI + np.arange(BINS) / BINS_PER_SEMITONE
    centre = 440.0 * 2 ** ((midi - 69 + tuning) / 12)
    width = np.maximum(sr / n_fft, centre * (2 ** (1 / (12 * BINS_PER_SEMITONE)) - 1))
    bank = np.maximum(0.0, 1 - np.abs(freqs[None, :] - centre[:, None]) / width[:, None])
    return bank.astype(np.float32)


def loudness_reference(log_frequency: Floats) -> float:
    """What a track's magnitudes are read against: the given frames' loud bins (REFERENCE_FRAMES)."""
    if log_frequency.size == 0:
        return 1.0
    return max(float(np.percentile(log_frequency, _REFERENCE_PERCENTILE)), 1e-9)


def network_inputs(log_frequency: Floats) -> Floats:
    """(frames, BINS * len(CONTEXT)): each frame's compressed magnitudes beside its CONTEXT frames'
    (the track's edges repeated), from a whole track's (BINS, frames) log-frequency magnitudes."""
    compressed = _compressed(log_frequency, loudness_reference(log_frequency[:, :REFERENCE_FRAMES]))
    padded = np.pad(compressed, ((0, 0), (_PAD, _PAD)), mode="edge")
    return _stacked(padded, compressed.shape[1])


def _compressed(log_frequency: Floats, reference: float) -> Floats:
    return np.log1p(_COMPRESSION * np.asarray(log_frequency, dtype=np.float32) / np.float32(reference))


def _stacked(window: Floats, count: int) -> Floats:
    """(count, inputs) for the frames of `window` (BINS, count + 2 * _PAD) that have their context."""
    return np.concatenate([window[:, _PAD + offset : _PAD + offset + count].T for offset in CONTEXT], axis=1)


@dataclass(frozen=True)
class PitchClassNet:
    """Standardised inputs through ReLU layers to 24 logits: the 12 pitch classes sounding, then the
    12 the bass plays."""

    mean: Floats  # (inputs,)
    scale: Floats  # (inputs,)
    layers: tuple[tuple[Floats, Floats], ...]  # (weights (in, out), bias (out,)) per layer

    def activations(self, inputs: Floats) -> Floats:
        """(frames, 24) probabilities from network_inputs' (frames, inputs)."""
        out = (inputs - self.mean) / self.scale
        for index, (weights, bias) in enumerate(self.layers):
            out = out @ weights + bias
            if index < len(self.layers) - 1:
                out = np.maximum(out, 0.0)
        return np.asarray(1.0 / (1.0 + np.exp(-out)), dtype=np.float32)


class PitchClassStream:
    """The network over log-frequency frames as they arrive: each frame answered once the CONTEXT
    frames after it are in (at the end, the track's last frame repeated), so a long track holds a
    few frames, not its spectrogram. `reference` is loudness_reference over its first frames."""

    def __init__(self, reference: float, net: PitchClassNet | None = None) -> None:
        self._net = net or trained_net()
        self._reference = reference
        self._window = np.zeros((BINS, 0), dtype=np.float32)  # from _PAD frames before the first unanswered

    def push(self, log_frequency: Floats) -> Floats:
        """(24, frames answered): pitch classes sounding, then the bass's, 0-1."""
        compressed = _compressed(log_frequency, self._reference)
        if self._window.shape[1] == 0 and compressed.shape[1]:
            compressed = np.concatenate([np.repeat(compressed[:, :1], _PAD, axis=1), compressed], axis=1)
        self._window = np.concatenate([self._window, compressed], axis=1)
        return self._answer()

    def finish(self) -> Floats:
        """(24, frames) of every frame not yet answered."""
        if self._window.shape[1]:
            last = np.repeat(self._window[:, -1:], _PAD, axis=1)
            self._window = np.concatenate([self._window, last], axis=1)
        return self._answer()

    def _answer(self) -> Floats:
        count = self._window.shape[1] - 2 * _PAD
        if count <= 0:
            return np.zeros((24, 0), dtype=np.float32)
        out = self._net.activations(_stacked(self._window, count)).T
        self._window = self._window[:, count:]
        return np.ascontiguousarray(out)


def pitch_classes(log_frequency: Floats, net: PitchClassNet | None = None) -> tuple[Floats, Floats]:
    """(12, frames) pitch classes sounding and (12, frames) the bass's, each 0-1, from a whole track's
    (BINS, frames) log-frequency magnitudes (log_frequency_bank over the STFT magnitude): what
    spectra.FrameStream streams."""
    stream = PitchClassStream(loudness_reference(log_frequency[:, :REFERENCE_FRAMES]), net)
    out = np.concatenate([stream.push(log_frequency), stream.finish()], axis=1)
    return out[:12], out[12:]


@cache
def trained_net(path: Path = WEIGHTS_FILE) -> PitchClassNet:
    """The network shipped beside this module (scripts/train_pitch_classes.py)."""
    with np.load(path) as stored:
        about = json.loads(str(stored["about"]))
        if about["bins"] != BINS or about["context"] != list(CONTEXT):
            raise ValueError(f"{path} was trained on other inputs than {BINS} bins x {CONTEXT}")
        layers = tuple(
            (stored[f"weights{k}"].astype(np.float32), stored[f"bias{k}"].astype(np.float32))
            for k in range(int(about["layers"]))
        )
        return PitchClassNet(stored["mean"].astype(np.float32), stored["scale"].astype(np.float32), layers)


def save_net(net: PitchClassNet, path: Path, about: dict[str, object]) -> None:
    """Write `net` as trained_net reads it, with `about` (what it was fit on, and how) beside it."""
    record = {"bins": BINS, "context": list(CONTEXT), "layers": len(net.layers), **about}
    arrays: dict[str, Any] = {"mean": net.mean, "scale": net.scale, "about": np.array(json.dumps(record))}
    arrays |= {f"weights{k}": weights for k, (weights, _) in enumerate(net.layers)}
    arrays |= {f"bias{k}": bias for k, (_, bias) in enumerate(net.layers)}
    with path.open("wb") as out:
        np.savez_compressed(out, **arrays)
