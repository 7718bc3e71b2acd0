"""Which metrical level is the beat: a learned scorer over what each tracked level looks like.

librosa's tempo guess is often an octave or a third off; the tracker is run at levels from a
quarter to four times it, each read again half a beat later (tempo.tracked_levels, since the
seventeenth pass: a slow level's tracker often lands on the off-beats). Which one a listener
would tap is told by a handful of measures, none decisive alone: how fast it is, whether the bass
and the whole band hit on the beats rather than between them, whether kick and snare take turns
beat by beat (a backbeat), how clear the pulse is, how far from the guess, and what the onsets,
snare and kick do at half, quarter and third beats (hats fill the halves of the beat a drummer
counts; a metronome has nothing there, but then every beat is alike, where a level too fast for a
drum loop alternates loud and soft beats), and whether the onsets repeat after a whole number of
beats (a pattern repeats every bar; at a level a third off, as a bossa's three-three-two read as
a faster pulse, its period falls between beats), and how many beats a chord lasts (chords mostly
change at bar lines: two to four beats, seldom one or eight; a 180 BPM song with a chord per bar
read at 90 holds each chord two beats), each beside the same measures of the level's double and
half (since the eighteenth pass) and of the levels 3/2 and 2/3 of it (since the forty-sixth).
The scorer (choice_learning.ChoiceNetwork: a small network beside a linear score, since the
eleventh pass; one weight per measure before) comes from the tune split's material, random drum
grooves and the development splits' other seeds (tempo_weights.json,
scripts/train_tempo_weights.py); each rhythm measure counts twice, once for all music and once more
when the harmony never moves (drums alone), where the cues weigh differently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import librosa
import numpy as np
import numpy.typing as npt

from soundforge.analysis.choice_learning import NETWORK_FIELDS, ChoiceNetwork
from soundforge.analysis.decoding import ANALYSIS_RATE
from soundforge.analysis.harmony import (
    CHANGING_PITCHES,
    FIXED_SEGMENT_FRAMES,
    chord_labels,
    chord_span,
    harmonic_motion,
    pitch_spread,
)
from soundforge.analysis.spectra import HOP, N_MELS
from soundforge.analysis.tempo import (
    BASS_MAX_HZ,
    STATIC_MOTION,
    Level,
    level_tempo,
    metrical_contrast,
    onset_envelope,
    peak_strength,
    peak_values,
    pulse_confidence,
)

Floats = npt.NDArray[np.float32]
# Kick: the band under KICK_MAX_HZ; snare: SNARE_HZ, over the kick's body and under the hats' hiss.
KICK_MAX_HZ = 150.0
SNARE_HZ = (300.0, 3000.0)
_FRACTIONS = (1 / 2, 1 / 4, 1 / 3)
# What the onsets say: each counts twice, for all music and again for music whose harmony never moves.
RHYTHM_MEASURES = (
    "log2 tempo / 120",
    "its square",
    "bass on beats over between",
    "all bands on beats over between",
    "kick and snare alternate",
    "pulse confidence",
    "octaves from the guess",
    *(
        f"{band} at {name} beat / on beat"
        for band in ("onsets", "snare", "kick")
        for name in ("1/2", "1/4", "1/3")
    ),
    *(f"{band} at 1/2 beat / on beat, squared" for band in ("onsets", "snare", "kick")),
    "onsets on odd beats against even",
    *(f"onsets repeat after {n} beats" for n in (1, 2, 3, 4)),
    "pattern period off the beat grid",
)
# What the chords say: 0 when the harmony never moves, so they count once.
HARMONY_MEASURES = ("log2 beats per chord", "its square")
MEASURES = RHYTHM_MEASURES + HARMONY_MEASURES
OWN_FEATURES = len(MEASURES) + len(
    RHYTHM_MEASURES
)  # then the rhythm ones again where the harmony never moves
# Then what the levels at twice, half, 3/2 and 2/3 its tempo look like (their OWN_FEATURES averaged
# over both phases), each followed by 1 if there is such a level, else 0. A level scored alone cannot
# tell a slow song whose bass moves in eighths from a fast one with a half-time feel: what sets
# them apart is how the level compares with its double and its half. With each development
# split left out of the fit in turn (eighteenth pass), the level was right on 984 of the seven
# weakest splits' 1085 seed 0 clips with a pulse against 970 without (sepulchre 141 -> 146,
# mausoleum 143 -> 147 of 155). Since the forty-sixth pass also at 3/2 and 2/3 of its tempo, where
# a song in six or twelve eighths is read a third off (a 12/8 song's dotted quarter at 50 BPM read
# 76): on tune's and the four newest development splits' seed 0, fit on 39 development splits'
# seed 1 and tune's seeds 1-6 from two starting draws each, 636 and 640 of 664 right levels
# against 634 and 637 without them.
NEIGHBOURS = (2.0, 0.5, 1.5, 2 / 3)
_NEIGHBOUR_SPAN = 0.04  # how far (natural log of the tempo ratio) a level may sit from the exact ratio
FEATURES = OWN_FEATURES * (1 + len(NEIGHBOURS)) + len(NEIGHBOURS)
WEIGHTS_FILE = Path(__file__).with_name("tempo_weights.json")
# Where the harmony never moves (drums alone), only the drums mark a beat, and a pattern that slow
# is heard at its double: levels under 50 BPM are dropped there before scoring. The tracker's floor
# went from 50 to 40 BPM in the twenty-second pass, for slow songs counted in dotted quarters; with
# it a dembow at 96 BPM (a kick on every beat) read 48, or 192 with the 48 level merely not chosen
# (it still sat beside 96 as its half). No labelled drums-alone clip is under 66 BPM; eight
# development splits' seed-0 drums alone read 222 of 246 right with the rule, 223 without.
STATIC_MIN_BPM = 50.0


@dataclass(frozen=True)
class Bands:
    """Onset envelopes (spectral flux) the level measures read: all bands, bass, kick and snare."""

    onset: Floats
    bass: Floats
    kick: Floats
    snare: Floats


def bands_of(log_mel: Floats) -> Bands:
    """The four onset envelopes from the log-mel: all bands, the bass (BASS_MAX_HZ), kick, snare."""
    centres = librosa.mel_frequencies(n_mels=N_MELS + 2, fmax=ANALYSIS_RATE / 2)[1:-1]
    kick = onset_envelope(np.ascontiguousarray(log_mel[centres < KICK_MAX_HZ]))
    snare_rows = (centres >= SNARE_HZ[0]) & (centres < SNARE_HZ[1])
    snare = onset_envelope(np.ascontiguousarray(log_mel[snare_rows]))
    return Bands(onset_envelope(log_mel), onset_envelope(log_mel, max_hz=BASS_MAX_HZ), kick, snare)


@dataclass(frozen=True)
class Pitches:
    """What sounds frame by frame: the chroma (12 rows, each frame scaled to max 1), and the learned
    pitch classes sounding and the bass's (pitch_classes.PitchClassStream, 12 rows each, 0-1).

    No measure reads them yet. The kept tempo draws (level_draws) hold them so that a measure of
    where the chords and the bass line change against a level's beats -- what the onset bands cannot
    tell, and what the sixty-fourth pass's level misses need -- is fit without rendering every
    draw again."""

    chroma: Floats
    sounding: Floats
    bass: Floats


@dataclass(frozen=True)
class LevelContext:
    """What the level measures read besides the levels: the onset bands, how much the harmony
    moves (harmony.harmonic_motion), how long a chord lasts (chord_seconds_of), and what sounds
    (None where it was not kept)."""

    bands: Bands
    motion: float
    chord_seconds: float
    pitches: Pitches | None = None

    @property
    def static(self) -> bool:
        """The harmony never moves: drums alone, a held tone."""
        return self.motion < STATIC_MOTION


def level_context(
    log_mel: Floats,
    labels: npt.NDArray[np.int64],
    pitch_classes: Floats | None,
    pitches: Pitches | None = None,
) -> LevelContext:
    """The context of a track's levels from its log-mel and its chord labels per fixed segment
    (motion_labels: the chroma's, or the learned pitch classes' where only those move), with
    `pitches` kept as they are."""
    labels = motion_labels(labels, pitch_classes)
    return LevelContext(bands_of(log_mel), harmonic_motion(labels), chord_seconds_of(labels), pitches)


def motion_labels(labels: npt.NDArray[np.int64], pitch_classes: Floats | None) -> npt.NDArray[np.int64]:
    """The chords the harmonic motion is read from: the chroma's `labels`, unless they never move
    and the chords of the learned pitch classes (pitch_classes.pitch_classes) do, those pitch
    classes changing as a song's do (harmony.pitch_spread, CHANGING_PITCHES)."""
    if pitch_classes is None or harmonic_motion(labels) >= STATIC_MOTION:
        return labels
    if pitch_spread(pitch_classes) < CHANGING_PITCHES:
        return labels
    heard = chord_labels(pitch_classes)
    return heard if harmonic_motion(heard) >= STATIC_MOTION else labels


def level_features(levels: list[Level], context: LevelContext) -> npt.NDArray[np.float64]:
    """(levels, FEATURES): MEASURES of each level, then its RHYTHM_MEASURES again if the harmony
    never moves (context.static), else zeros; then its NEIGHBOURS' (with_neighbours). The beats
    per chord read 0 at every level when the harmony never moves or no chord lasts between two
    changes (context.chord_seconds 0)."""
    bands, static, chord_seconds = context.bands, context.static, context.chord_seconds
    bass_scale = float(bands.bass.mean()) or 1.0
    onset_scale = float(bands.onset.mean()) or 1.0
    repeats = autocorrelation(bands.onset)
    rows, tempos = [], []
    for level in levels:
        tempo = level_tempo(level.frames, level.bpm)
        tempos.append(tempo)
        octaves = float(np.log2(tempo / 120.0))
        measures = [
            octaves,
            octaves * octaves,
            metrical_contrast(bands.bass, level.frames) / bass_scale,
            metrical_contrast(bands.onset, level.frames) / onset_scale,
            alternation(bands.kick, bands.snare, level.frames),
            pulse_confidence(bands.onset, level.frames),
            abs(float(np.log2(level.multiple))),
        ]
        halves = []
        for envelope in (bands.onset, bands.snare, bands.kick):
            ratios = subdivisions(envelope, level.frames)
            measures += ratios
            halves.append(ratios[0] ** 2)
        measures += [*halves, parity(bands.onset, level.frames)]
        measures += periodicity(repeats, level.frames)
        per_chord = float(np.log2(chord_seconds * tempo / 60.0)) if chord_seconds > 0 and not static else 0.0
        measures += [per_chord, per_chord * per_chord]
        rows.append(measures + [m if static else 0.0 for m in measures[: len(RHYTHM_MEASURES)]])
    own = np.array(rows, dtype=np.float64).reshape(len(levels), OWN_FEATURES)
    return with_neighbours(own, np.array(tempos, dtype=np.float64))


def with_neighbours(own: npt.NDArray[np.float64], tempos: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """(levels, FEATURES) from each level's OWN_FEATURES and tempo: its own, then per NEIGHBOURS
    ratio the mean of the levels' own features at that ratio of its tempo (zeros where none is)
    and whether one is."""
    out = np.zeros((own.shape[0], FEATURES))
    out[:, :OWN_FEATURES] = own
    for index, tempo in enumerate(tempos):
        start = OWN_FEATURES
        for ratio in NEIGHBOURS:
            near = np.abs(np.log(tempos / (tempo * ratio))) < _NEIGHBOUR_SPAN
            if near.any():
                out[index, start : start + OWN_FEATURES] = own[near].mean(axis=0)
                out[index, start + OWN_FEATURES] = 1.0
            start += OWN_FEATURES + 1
    return out


def autocorrelation(envelope: Floats) -> npt.NDArray[np.float64]:
    """The mean-removed envelope's autocorrelation over its energy, lags 0 to half its length.

    Each lag's sum is over the frames it overlaps (size - lag), so that a pattern repeating as
    well in a 15 s clip as in a 15 min track gets the same value (the plain sum shrinks with the lag
    in a short clip: a 120 BPM click track read 120 at 20 s and 60 at 2 min)."""
    centred = envelope.astype(np.float64) - float(envelope.mean())
    size = centred.size
    spectrum = np.fft.rfft(centred, 2 * size)
    correlation = np.fft.irfft(spectrum * np.conj(spectrum))[: size // 2]
    correlation *= size / (size - np.arange(correlation.size))
    return correlation / (correlation[0] or 1.0)


def periodicity(correlation: npt.NDArray[np.float64], beats: npt.NDArray[np.int64]) -> list[float]:
    """How much the onsets repeat after 1, 2, 3 and 4 beats, and how far the pattern's own period
    (the strongest repeat between 1.5 and 8.5 beats) sits from a whole number of beats (0-0.5).

    A pattern repeats every bar, a whole number of beats at the level a drummer counts; at a level
    a third or a quarter off (a clave's three-three-two read as a faster pulse) it does not."""
    period = float(np.median(np.diff(beats))) if beats.size > 1 else 0.0
    if period < 2:
        return [0.0] * 5

    def at(lag: float) -> float:
        index = round(lag)
        if index + 1 >= correlation.size:
            return 0.0
        return float(correlation[max(1, index - 1) : index + 2].max())

    values = [at(n * period) for n in (1, 2, 3, 4)]
    lo, hi = round(1.5 * period), min(round(8.5 * period), correlation.size - 1)
    if hi <= lo:
        return [*values, 0.0]
    lag = lo + int(np.argmax(correlation[lo:hi]))
    beats_per_pattern = lag / period
    return [*values, abs(beats_per_pattern - round(beats_per_pattern))]


# A level whose beats fall where a band is silent (a kick band with no kick on them) divides by
# next to nothing: two sealed songs gave 1e8 and 1e20 (squared), and the fit's loss overflowed.
# The largest ratio on tune and blind training material was 88.
_MAX_RATIO = 100.0


def subdivisions(envelope: Floats, beats: npt.NDArray[np.int64]) -> list[float]:
    """The envelope's peaks at 1/2, 1/4 and 1/3 of each beat, over its peaks on the beats (capped)."""
    gaps = np.diff(beats)
    on = peak_strength(envelope, beats[:-1]) or 1e-9
    return [
        min(peak_strength(envelope, beats[:-1] + np.round(gaps * f).astype(np.int64)) / on, _MAX_RATIO)
        for f in _FRACTIONS
    ]


def parity(envelope: Floats, beats: npt.NDArray[np.int64]) -> float:
    """How much every other beat differs from the rest, over the beats' mean (a level too fast: 1/2 beats)."""
    peaks = peak_values(envelope, beats).astype(np.float64)
    odd = np.arange(beats.size) % 2 == 1
    return abs(float(peaks[odd].mean() - peaks[~odd].mean())) / (float(peaks.mean()) or 1.0)


def alternation(kick: Floats, snare: Floats, beats: npt.NDArray[np.int64]) -> float:
    """How clearly the snare takes one parity of beats and the kick the other (the weaker of the two)."""
    k = peak_values(kick, beats).astype(np.float64)
    s = peak_values(snare, beats).astype(np.float64)
    k, s = k / (k.mean() or 1.0), s / (s.mean() or 1.0)
    odd = np.arange(beats.size) % 2 == 1
    return max(
        min(s[odd].mean() - s[~odd].mean(), k[~odd].mean() - k[odd].mean()),
        min(s[~odd].mean() - s[odd].mean(), k[odd].mean() - k[~odd].mean()),
    )


@cache
def trained_weights(path: Path = WEIGHTS_FILE) -> ChoiceNetwork:
    """The scorer shipped beside this module (scripts/train_tempo_weights.py)."""
    document = json.loads(path.read_text())
    network = ChoiceNetwork(**{name: np.array(document[name], dtype=np.float64) for name in NETWORK_FIELDS})
    if document["measures"] != list(MEASURES) or network.linear.shape != (FEATURES,):
        raise ValueError(f"{path} was trained on other measures than {MEASURES}")
    return network


def chord_seconds_of(labels: npt.NDArray[np.int64]) -> float:
    """harmony.chord_span in seconds: how long a chord typically lasts (0 under two changes)."""
    return chord_span(labels) * FIXED_SEGMENT_FRAMES * HOP / ANALYSIS_RATE


def candidates(levels: list[Level], context: LevelContext) -> list[Level]:
    """The levels the scorer chooses among: all of them, but where the harmony never moves only
    those at STATIC_MIN_BPM or faster. The fit (scripts/train_tempo_weights.py) reads the same."""
    if not context.static:
        return levels
    return [level for level in levels if level_tempo(level.frames, level.bpm) >= STATIC_MIN_BPM]


def choose_level(
    levels: list[Level], context: LevelContext, weights: ChoiceNetwork | None = None
) -> Level | None:
    """The candidate level (candidates) whose features score highest; None when there is none."""
    levels = candidates(levels, context)
    if not levels:
        return None
    scores = (trained_weights() if weights is None else weights).scores(level_features(levels, context))
    return levels[int(np.argmax(scores))]
