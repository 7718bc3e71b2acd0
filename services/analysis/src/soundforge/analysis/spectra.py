"""The one shared spectral pass: a block-wise STFT equal to librosa's whole-signal one, and its products."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import librosa
import numpy as np
import numpy.typing as npt

from soundforge.analysis.decoding import ANALYSIS_RATE
from soundforge.analysis.harmonic_share import HarmonicShare
from soundforge.analysis.levelling import levelling_gain
from soundforge.analysis.pitch_classes import BINS, PitchClassStream, log_frequency_bank, loudness_reference

N_FFT = 2048
HOP = 512
N_MELS = 128
# STFT frames per block (about 6 s): bounds the complex spectrum and its derivatives held at once.
BLOCK_FRAMES = 256
# Tuning (for chroma) is measured over the first TUNING_FRAMES frames (about 36 s), as chroma_stft
# measures it over the whole track; their power spectra (6 MB) wait until then.
TUNING_FRAMES = 1536
TUNING_BLOCKS = TUNING_FRAMES // BLOCK_FRAMES
# The bass chroma reads only the spectral peaks in this band: bass fundamentals and their octaves,
# under the chords of most arrangements. Bins there are ~2 semitones wide, so each peak's frequency
# is interpolated (a parabola through the log power of three bins) rather than read from the bin.
BASS_CHROMA_HZ = (40.0, 180.0)
_PAD = N_FFT // 2

Floats = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Needs:
    """Which per-frame outputs a request needs; anything unneeded is never computed."""

    stft: bool = False
    mel: bool = False
    chroma: bool = False
    levelled_chroma: bool = False  # the key's chroma, levelled (levelling); only with chroma
    pitch_classes: bool = False  # the key's learned pitch classes (pitch_classes); only with chroma
    log_frequency: bool = False  # the whole track's log-frequency magnitudes they are heard from (training)
    harmonic_share: bool = False  # the key's confidence reads it; nothing else does
    spectral: bool = False
    rms: bool = False
    zcr: bool = False


class FrameBuffer:
    """A (rows, frames) float32 array that grows along frames; preallocated from a length hint."""

    def __init__(self, rows: int, hint: int) -> None:
        self._data = np.empty((rows, max(hint, 16)), dtype=np.float32)
        self.size = 0

    def append(self, block: Floats) -> None:
        needed = self.size + block.shape[1]
        if needed > self._data.shape[1]:
            grown = np.empty((self._data.shape[0], max(needed, int(self._data.shape[1] * 1.5))), np.float32)
            grown[:, : self.size] = self._data[:, : self.size]
            self._data = grown
        self._data[:, self.size : needed] = block
        self.size = needed

    def view(self) -> Floats:
        return self._data[:, : self.size]


@dataclass
class TrackFrames:
    """Per-frame features of a whole track: (rows, frames) arrays, frame t centred on sample t * HOP."""

    frames: int = 0
    tuning: float = 0.0
    mel: Floats | None = None  # mel power, N_MELS rows
    chroma: Floats | None = None  # 12 rows, each frame scaled to max 1 (chroma_stft's default)
    bass_chroma: Floats | None = None  # 12 rows of power below BASS_CHROMA_MAX_HZ, unscaled
    # The chroma of the power spectrum levelled against the track's long-term one (its first
    # TUNING_FRAMES frames: levelling.levelling_gain), each frame scaled to max 1: what the key reads
    # where the track's own chroma fits no key (key.heard_chroma).
    levelled_chroma: Floats | None = None
    # The pitch classes sounding and the bass's (pitch_classes.PitchClassStream), 12 rows each, 0-1.
    pitch_classes: Floats | None = None
    bass_pitch_classes: Floats | None = None
    # The STFT magnitude on a tuned log-frequency axis (pitch_classes.log_frequency_bank): BINS rows.
    log_frequency: Floats | None = None
    harmonic_share: float | None = None  # HPSS's harmonic share of the 60-2000 Hz power
    spectral: dict[str, Floats] = field(default_factory=dict)  # centroid, rolloff, bandwidth, flatness
    rms: Floats | None = None
    zcr: Floats | None = None


class FrameStream:
    """Feed 22.05 kHz mono samples in any chunks; get the frames librosa would compute on the whole signal.

    Frame t covers samples [t*HOP - N_FFT/2, t*HOP + N_FFT/2); outside the track the STFT and RMS
    see zeros (librosa's "constant" centring) and the zero-crossing rate the edge sample (its
    "edge" padding), so every frame equals librosa's: tests check this against librosa itself.
    """

    def __init__(self, needs: Needs, sample_hint: int = 0, sr: int = ANALYSIS_RATE) -> None:
        self.needs, self.sr = needs, sr
        hint = 1 + sample_hint // HOP
        self._mel = FrameBuffer(N_MELS, hint) if needs.mel else None
        self._chroma = FrameBuffer(12, hint) if needs.chroma else None
        self._bass_chroma = FrameBuffer(12, hint) if needs.chroma else None
        self._levelled_chroma = FrameBuffer(12, hint) if needs.chroma and needs.levelled_chroma else None
        self._levelling: Floats | None = None  # per bin, set with the tuning
        self._log_frequency = FrameBuffer(BINS, hint) if needs.chroma and needs.log_frequency else None
        self._pitch_classes = FrameBuffer(24, hint) if needs.chroma and needs.pitch_classes else None
        self._pitch_stream: PitchClassStream | None = None  # set with the tuning
        self._harmonic = HarmonicShare(sr, N_FFT) if needs.harmonic_share else None
        self._spectral = {name: FrameBuffer(1, hint) for name in _SPECTRAL} if needs.spectral else {}
        self._rms = FrameBuffer(1, hint) if needs.rms else None
        self._zcr = FrameBuffer(1, hint) if needs.zcr else None
        self._mel_basis = librosa.filters.mel(sr=sr, n_fft=N_FFT, n_mels=N_MELS) if needs.mel else None
        self._freqs = librosa.fft_frequencies(sr=sr, n_fft=N_FFT)
        self._untuned: list[Floats] = []  # power spectra waiting for the tuning estimate
        self._peaks: list[tuple[Floats, Floats]] = []  # (pitch, magnitude) of their spectral peaks
        self._tuning: float | None = None
        self._pending = np.zeros(_PAD, dtype=np.float32)  # starts with the left zero padding
        self._base = -_PAD  # track sample index of _pending[0]
        self._next_frame = 0
        self._total = 0
        self._first = 0.0

    def push(self, samples: Floats) -> None:
        if samples.size == 0:
            return
        if self._total == 0:
            self._first = float(samples[0])
        self._total += samples.size
        self._pending = np.concatenate([self._pending, samples.astype(np.float32, copy=False)])
        while self._ready_frames() >= BLOCK_FRAMES:
            self._process(BLOCK_FRAMES, at_end=False)

    def finish(self) -> TrackFrames:
        """Pads the right edge as librosa does, flushes every frame left, returns the track's frames."""
        last = float(self._pending[-1]) if self._total else 0.0
        self._pending = np.concatenate([self._pending, np.zeros(_PAD, dtype=np.float32)])
        total_frames = 1 + self._total // HOP
        while self._next_frame < total_frames:
            self._process(min(BLOCK_FRAMES, total_frames - self._next_frame), at_end=True, last=last)
        self._settle_tuning()
        if self._pitch_stream is not None and self._pitch_classes is not None:
            self._pitch_classes.append(self._pitch_stream.finish())
        pitch = self._pitch_classes.view() if self._pitch_classes else None
        return TrackFrames(
            frames=total_frames,
            tuning=self._tuning or 0.0,
            mel=self._mel.view() if self._mel else None,
            chroma=self._chroma.view() if self._chroma else None,
            bass_chroma=self._bass_chroma.view() if self._bass_chroma else None,
            levelled_chroma=self._levelled_chroma.view() if self._levelled_chroma else None,
            pitch_classes=pitch[:12] if pitch is not None else None,
            bass_pitch_classes=pitch[12:] if pitch is not None else None,
            log_frequency=self._log_frequency.view() if self._log_frequency else None,
            harmonic_share=self._harmonic.share() if self._harmonic else None,
            spectral={name: buffer.view()[0] for name, buffer in self._spectral.items()},
            rms=self._rms.view()[0] if self._rms else None,
            zcr=self._zcr.view()[0] if self._zcr else None,
        )

    def _ready_frames(self) -> int:
        # Frame t needs samples up to t*HOP + N_FFT/2 (exclusive).
        available_end = self._base + self._pending.size
        return max(0, (available_end - _PAD) // HOP + 1 - self._next_frame)

    def _process(self, count: int, *, at_end: bool, last: float = 0.0) -> None:
        start = self._next_frame * HOP - _PAD - self._base
        chunk = self._pending[start : start + N_FFT + (count - 1) * HOP]
        if self.needs.stft:
            self._spectra(chunk)
        if self._rms is not None:
            frames = librosa.util.frame(chunk, frame_length=N_FFT, hop_length=HOP)
            self._rms.append(np.sqrt(np.mean(np.abs(frames) ** 2, axis=0, keepdims=True)))
        if self._zcr is not None:
            self._zcr.append(self._zero_crossings(chunk, start, at_end, last))
        self._next_frame += count
        drop = self._next_frame * HOP - _PAD - self._base
        self._pending = self._pending[drop:]
        self._base += drop

    def _zero_crossings(self, chunk: Floats, start: int, at_end: bool, last: float) -> Floats:
        track_start = self._base + start  # track index of chunk[0]
        if track_start < 0 or at_end:
            chunk = chunk.copy()
            if track_start < 0:
                chunk[:-track_start] = self._first
            beyond = track_start + chunk.size - self._total
            if at_end and beyond > 0:
                chunk[-beyond:] = last
        zcr = librosa.feature.zero_crossing_rate(chunk, frame_length=N_FFT, hop_length=HOP, center=False)
        return np.asarray(zcr, dtype=np.float32)

    def _spectra(self, chunk: Floats) -> None:
        magnitude = np.abs(librosa.stft(chunk, n_fft=N_FFT, hop_length=HOP, center=False))
        power = magnitude**2
        if self._spectral:
            sr, freqs = self.sr, self._freqs
            centroid = librosa.feature.spectral_centroid(S=magnitude, sr=sr, freq=freqs)
            self._spectral["spectral_centroid"].append(centroid)
            self._spectral["spectral_rolloff"].append(librosa.feature.spectral_rolloff(S=magnitude, sr=sr))
            self._spectral["spectral_bandwidth"].append(
                librosa.feature.spectral_bandwidth(S=magnitude, sr=sr, centroid=centroid)
            )
            self._spectral["spectral_flatness"].append(librosa.feature.spectral_flatness(S=magnitude))
        if self._harmonic is not None:
            self._harmonic.push(magnitude)
        del magnitude
        if self._mel is not None:
            assert self._mel_basis is not None
            self._mel.append(self._mel_basis @ power)
        if self._chroma is not None:
            if self._tuning is None:
                self._untuned.append(power)
                self._peaks.append(_spectral_peaks(power, self.sr))
                if len(self._untuned) >= TUNING_BLOCKS:
                    self._settle_tuning()
            else:
                self._chroma.append(self._chroma_of(power))

    def _settle_tuning(self) -> None:
        if self._chroma is None or self._tuning is not None:
            return
        if not self._untuned:
            self._tuning = 0.0
            return
        self._tuning = _tuning(self._peaks)
        if self._levelled_chroma is not None:
            mean_power = np.concatenate(self._untuned, axis=1).mean(axis=1, dtype=np.float64)
            self._levelling = levelling_gain(mean_power, self.sr, N_FFT)
        logs = [self._log_frequency_of(block) for block in self._untuned]
        if self._pitch_classes is not None:
            reference = loudness_reference(np.concatenate([log for log in logs if log is not None], axis=1))
            self._pitch_stream = PitchClassStream(reference)
        for block, log in zip(self._untuned, logs, strict=True):
            self._chroma.append(self._chroma_of(block, log))
        self._untuned.clear()
        self._peaks.clear()

    def _log_frequency_of(self, power: Floats) -> Floats | None:
        if self._log_frequency is None and self._pitch_classes is None:
            return None
        assert self._tuning is not None
        return _log_frequency_bank(self.sr, self._tuning) @ np.sqrt(power)

    def _chroma_of(self, power: Floats, log_frequency: Floats | None = None) -> Floats:
        assert self._tuning is not None
        bank = _chroma_bank(self.sr, self._tuning)
        if self._bass_chroma is not None:
            self._bass_chroma.append(bass_chroma(power, self.sr, self._tuning))
        if self._levelled_chroma is not None:
            assert self._levelling is not None
            levelled = bank @ (power * self._levelling[:, None])
            self._levelled_chroma.append(
                np.asarray(librosa.util.normalize(levelled, norm=np.inf, axis=0), np.float32)
            )
        log = log_frequency if log_frequency is not None else self._log_frequency_of(power)
        if self._log_frequency is not None and log is not None:
            self._log_frequency.append(log)
        if self._pitch_stream is not None and self._pitch_classes is not None and log is not None:
            self._pitch_classes.append(self._pitch_stream.push(log))
        return np.asarray(librosa.util.normalize(bank @ power, norm=np.inf, axis=0), dtype=np.float32)


_SPECTRAL = ("spectral_centroid", "spectral_rolloff", "spectral_bandwidth", "spectral_flatness")


# Filter banks by (sample rate, tuning): a track's are made once, and tracks of one tuning share them.
@cache
def _chroma_bank(sr: int, tuning: float) -> Floats:
    return np.asarray(librosa.filters.chroma(sr=sr, n_fft=N_FFT, tuning=tuning), dtype=np.float32)


@cache
def _log_frequency_bank(sr: int, tuning: float) -> Floats:
    return log_frequency_bank(sr, N_FFT, tuning)


def bass_chroma(power: Floats, sr: int, tuning: float) -> Floats:
    """(12, frames): the power of the spectral peaks in BASS_CHROMA_HZ, by interpolated pitch class."""
    low, high = (int(hz * N_FFT / sr) for hz in BASS_CHROMA_HZ)
    band = np.log(power[low - 1 : high + 2].astype(np.float64) + 1e-12)
    before, here, after = band[:-2], band[1:-1], band[2:]
    peaks = (here > before) & (here >= after)
    curve = before - 2 * here + after
    offset = np.where(curve < 0, 0.5 * (before - after) / np.where(curve < 0, curve, -1.0), 0.0)
    bins = np.arange(low, high + 1, dtype=np.float64)[:, None] + offset
    midi = 12 * np.log2(np.maximum(bins, 1e-3) * sr / N_FFT / 440.0) + 69 - tuning
    pitch_class = np.mod(np.rint(midi), 12).astype(np.int64)
    out = np.zeros((12, power.shape[1]), dtype=np.float32)
    rows, columns = np.nonzero(peaks)
    np.add.at(out, (pitch_class[rows, columns], columns), np.exp(here[rows, columns]))
    return out


def _spectral_peaks(power: Floats, sr: int) -> tuple[Floats, Floats]:
    """The (pitch, magnitude) pairs librosa.piptrack finds in a power spectrogram, frame by frame.

    piptrack looks at each frame alone, so peaks of consecutive blocks together are the peaks
    of the whole; only these pairs are kept, not the spectra.
    """
    pitches, magnitudes = librosa.piptrack(S=power, sr=sr, n_fft=N_FFT)
    found = pitches > 0
    return pitches[found], magnitudes[found]


def _tuning(peaks: list[tuple[Floats, Floats]]) -> float:
    """librosa.estimate_tuning over the blocks the peaks came from (the same median and histogram)."""
    pitches = np.concatenate([pitch for pitch, _ in peaks]) if peaks else np.zeros(0, np.float32)
    magnitudes = np.concatenate([magnitude for _, magnitude in peaks]) if peaks else pitches
    if pitches.size == 0:
        return 0.0  # nothing pitched yet (librosa says 0.0 too, with a warning)
    threshold = np.median(magnitudes)
    return float(librosa.pitch_tuning(pitches[magnitudes >= threshold], resolution=0.01, bins_per_octave=12))


def frames_of(samples: Floats, needs: Needs, sr: int = ANALYSIS_RATE) -> TrackFrames:
    """All frames of an in-memory signal (fed in pieces, so the block path is the only path)."""
    stream = FrameStream(needs, samples.size, sr)
    for piece in _pieces(samples, 1 << 16):
        stream.push(piece)
    return stream.finish()


def _pieces(samples: Floats, size: int) -> Iterator[Floats]:
    for start in range(0, samples.size, size):
        yield samples[start : start + size]
