"""Musical key from chords, bass and chroma under learned weights, with a confidence; Camelot, MIREX."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from soundforge.analysis.harmony import (
    CHANGING_PITCHES,
    bass_weighted,
    chord_contrast,
    chord_shares,
    chords,
    dominant_seventh_shares,
    fixed_segments,
    harmonic_motion,
    nearest_chords,
    pitch_spread,
    soft_chord_shares,
)
from soundforge.analysis.harmony import chord_labels as chords_of

PITCH_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MODES = ("major", "minor")

# Pitch-class weights from the tonic up, (major, minor). Krumhansl & Kessler (1982) probe-tone
# ratings; Temperley (1999); EDMA, Faraldo et al. (2016), derived from electronic dance music.
PROFILES: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "krumhansl": (
        (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88),
        (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17),
    ),
    "temperley": (
        (5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0),
        (5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0),
    ),
    "edma": (
        (1.0, 0.2875, 0.5020, 0.4048, 0.6050, 0.5614, 0.3205, 0.7966, 0.3159, 0.4506, 0.4202, 0.3889),
        (1.0, 0.3096, 0.4415, 0.5827, 0.3262, 0.4948, 0.2889, 0.7804, 0.4328, 0.2903, 0.5331, 0.3217),
    ),
}
# Chosen by measured accuracy on the labelled synthetic set (bench/bench_analysis_accuracy.py).
DEFAULT_PROFILE = "edma"


@dataclass(frozen=True)
class Key:
    tonic: int  # pitch class, C = 0
    mode: str  # "major" | "minor"
    confidence: float  # Pearson correlation of the track's pitch-class profile with the key's, 0-1

    @property
    def name(self) -> str:
        return f"{PITCH_NAMES[self.tonic]} {self.mode}"

    @property
    def camelot(self) -> str:
        return camelot(self.tonic, self.mode)


class KeyModel(Protocol):
    """A key estimator over a decoded mono signal: what a pretrained model (madmom) is compared through."""

    def key(self, samples: npt.NDArray[np.float32], sample_rate: int) -> Key | None: ...


def estimate_key(pitch_classes: npt.NDArray[np.floating], profile: str = DEFAULT_PROFILE) -> Key | None:
    """The key whose profile, rotated to its tonic, correlates best with a 12-bin pitch-class profile.

    `pitch_classes` is the track's mean chroma (C first). None when it carries no pitch
    information (silence, or noise flat across the pitch classes).
    """
    vector = np.asarray(pitch_classes, dtype=np.float64)
    if vector.shape != (12,) or not np.all(np.isfinite(vector)) or np.ptp(vector) < 1e-9:
        return None
    scores = correlations(vector, profile)
    mode_index, tonic = np.unravel_index(int(np.argmax(scores)), scores.shape)
    confidence = float(np.clip(scores[mode_index, tonic], 0.0, 1.0))
    return Key(int(tonic), MODES[int(mode_index)], round(confidence, 3))


# A key is reported only at this confidence or above; below it the track has no tonal centre
# the method can name (noise, one held tone, drums alone).
MIN_CONFIDENCE = 0.2
# A track whose 60-2000 Hz power is at least FULL_HARMONIC_SHARE harmonic has all the key
# confidence its chroma earns; at NO_HARMONIC_SHARE or under, none; linearly between. Drums alone
# whose toms, congas or cowbells ring at pitches that fit a key hold 0.02-0.25 harmonic; songs with
# a key 0.26 and more. On the development material, seeds 0-3 (2562 songs, 1156 drums-alone clips,
# charnel's included), this withholds every drums-alone key and no song's, and no song's confidence
# drops under 0.3; the loudest-ringing drums (charnel's mambo bell, confidence 0.52 from the chroma
# at a share of 0.24) keep 0.12 at most. With the floor at 0 (the twelfth pass's proportion) that
# mambo bell kept 0.27, a key.
NO_HARMONIC_SHARE = 0.175
FULL_HARMONIC_SHARE = 0.45
# The best key profile's fit (Pearson, any of the 24) under which the pitch set fits no key better
# than chance: random chroma vectors reach 0.35 or more nine times in ten (median 0.51), a cluster
# of three to six adjacent pitch classes 0.23-0.37. The confidence scales from 0 at _NO_FIT to its
# own at _FULL_FIT. On the development splits' seed 0 (1845 songs with a key, 417 drums alone) this
# withholds undercroft's tom loop (its toms ring at F, E, F#, Eb, D: fit 0.36, harmonic share 0.77,
# confidence 0.355 before) and one song's key (of the 3 songs under 0.4).
_NO_FIT, _FULL_FIT = 0.3, 0.4
# Where the learned pitch classes are heard (find_key's `heard`), the confidence also scales from 0
# where the network hears no pitch class held through the track (the largest of their means at
# _NO_HEARD or under) to the chroma's own at _FULL_HEARD. Songs with a key hear one at 0.37 or more
# (seed 0 of clochan, cashel, quoit, naveta and kurgan, the last never in the network's fit: 646
# songs, the least 0.366); a tom loop whose toms ring on and move like chords (clochan's
# hollow-branches, harmonic share 0.85, profile fit 0.43, chroma confidence 0.236, a key) 0.18, its
# twin 0.15: a network fit to songs hears a pitch class sound where a score holds one, and a drum's
# falling pitch holds none.
_NO_HEARD, _FULL_HEARD = 0.2, 0.3
# ...and times how much those pitch classes change (harmony.pitch_spread): none at _STILL_PITCHES or
# under, full from _CHANGING_PITCHES_FULL. A key is heard in pitches that move with the harmony; a
# kit's pitched hits, a held tone and noise flicker around one spectrum. On twenty development
# splits' seed 0 (fifty-ninth pass: 2547 clips with a key, 1262 without) the keyed clips spread
# 0.155 or more, the rest 0.134 at most (0.137 over 53 splits' 3325 in the fifty-eighth pass);
# bailey's kit of nails on a harp's neck and wires struck by its tuning key (harmonic share 0.61,
# its chords moving 0.13) spread 0.089 and was keyed D major at 0.257 at its read.
_STILL_PITCHES, _CHANGING_PITCHES_FULL = 0.10, 0.14
# Under this best profile fit the track's own chroma fits no key better than a random pitch set
# does (their median, above), and the key reads the levelled chroma (spectra.TrackFrames.
# levelled_chroma, levelling) instead: a recording's resonance has likely spread its chroma. On the
# development splits' seed 0 (forty-ninth pass; anta, dysse, fogou, galgal, hunebed, mamoa, naveta,
# quoit, souterrain, tune: 1248 clips with a key, 616 without) 44 songs read the levelled chroma
# and 1097 -> 1108 keys are right (12 more, 10 of them souterrain's songs through a laser
# microphone; 1 lost), with no clip without a key keyed (0.153 at most); through the service
# (bench_analysis_development.py, eight of them) 10 keys moved, all to right, and no tempo. The
# levelled chroma for every track answered 1095: 36 more right and 38 lost (naveta 11, quoit 9),
# as the bass counts for less in its chords than in those the weights were fit to.
_LEVELLED_UNDER = 0.5
# Tonality: the mean chroma's spread (std / mean) from which a tonal centre is fully credible.
_FULL_CONTRAST = 0.35
_MIN_CONTRAST = 0.12
# A key needs at least a triad: this many pitch classes at >= _STRONG of the strongest. At 0.4 (up
# to the twenty-fifth pass) an organ's chords, whose drawbars put most of each chord's power on one
# pitch class, read two strong pitch classes and no key: five of tholos's free-time songs and one of
# kurgan's, each fitting its key 0.75-0.81. On tune's and every development split's seed 0 (27
# splits, 3371 clips with a key, 1632 without) 0.3 answers 11 more right keys than 0.4 (tholos 5,
# kurgan 1), no more wrong ones and no more clips without a key (one, a rhythm box keyed by its
# motion, either way); at 0.2 a held tone of cenotaph's (its partials: three pitch classes) is keyed.
_MIN_PITCH_CLASSES = 3
_STRONG = 0.3
# Harmonic motion (harmony.harmonic_motion, of the labels or of harmony.nearest_chords) from
# which a key is fully credible, and from which the median chroma may say how tonal a track is:
# modal vamps that hold their tonic chord three bars in four move 0.25. At 0.2 (up to the
# twenty-fourth pass) two of cairn's drums-alone clips, pitched granular toms and a bell moving
# 0.2 and 0.21, had keys at 0.24 and 0.26; at 0.25 every development split's seed 0 (25 splits,
# 3103 clips with a key, 1503 without) answers the same right keys and no clip without a key (the
# highest 0.196).
_FULL_MOTION = 0.25
# How far apart (harmony.chord_contrast: 1 - cosine of their summed chroma) the segments on the
# commonest chord and on the others must sound for the motion between them to count in full; less,
# and it counts in proportion. Tholos's rhythm box, whose tuned voices make one cluster that
# matches C and C# major about equally, has its labels switch once (motion 0.38, contrast 0.002)
# and was keyed Bb minor at 0.43 (now 0.06). On tune's and every development split's seed 0 (27
# splits, 5003 clips) the 3147 songs keyed right have contrast 0.007 or more (99% of them 0.03 or
# more; an undercroft vamp's 0.007 keeps 0.45 of confidence): at 0.02 no right or wrong key
# changes (nor at 0.01-0.03 on all but kurgan's) and no clip without a key is keyed (1 before).
_DISTINCT_CHORDS = 0.02
# Fixed segments whose level (mean RMS) is this far under the track's loud ones (its 90th
# percentile) are where nothing sounds, and neither their labels nor their nearest triads count as
# motion. A tape keyboard's held tone stops when its strip runs out, eight seconds in, and what is
# left is the production's room and road noise 20-35 dB down, whose flat chroma's nearest triad
# moves: two of menhir's held tones moved 0.36 and 0.42 so and were keyed at 0.614 and 0.673.
_SILENT_DB = 18.0

# What each key candidate is scored on, all read relative to its tonic (so one scorer serves
# every tonic): the share of time on each triad (smoothed labels, then soft matches), where the
# bass sits, the mean chroma, the profile correlation, which chords lead into and out of the
# tonic chord, where the dominant sevenths sit (tenth pass), and the triads' shares again read
# from chroma with the bass weighted (harmony.bass_weighted, fourteenth pass). Which of these tell
# a major key that dwells on vi from its relative minor, or a lydian vamp from the major key a
# fifth above, and how they combine, is learned (key_weights.json, scripts/train_key_weights.py).
FEATURE_BLOCKS = (
    ("chords", 24),
    ("soft_chords", 24),
    ("bass", 12),
    ("chroma", 12),
    ("profile", 1),
    ("into_tonic", 24),
    ("out_of_tonic", 24),
    ("dominant_sevenths", 12),
    ("bass_chords", 24),
    ("bass_soft_chords", 24),
)
FEATURES = sum(size for _, size in FEATURE_BLOCKS)
INPUTS = FEATURES + 2  # the features, then the candidate's mode (major, minor) one-hot
WEIGHTS_FILE = Path(__file__).with_name("key_weights.json")


@dataclass(frozen=True)
class KeyScorer:
    """A small network scoring each of the 24 candidates: one tanh layer over its features and mode,
    standardised by the ensemble it is in, summed by output weights; the best-scoring key wins.

    A linear score per feature (the fourth pass) cannot say "time on the tonic chord counts unless
    the chords fit another key's scale better". With each development split left out of the
    training in turn, the linear score read it 84-93% key exact and the network 88-92%; on the
    sealed split the two were within a clip of each other. Fit on the splits' few dozen
    progressions alone it learnt those progressions (100% on its training set); the sixth pass
    adds thousands of random ones (testing.progressions) and 30 times the weight penalty, and a
    left-out split's modal vamps went from 65-70% to 77-84% (docs/analysis-passes.md)."""

    hidden: npt.NDArray[np.float64]  # (INPUTS, units)
    bias: npt.NDArray[np.float64]  # (units,)
    output: npt.NDArray[np.float64]  # (units,)

    def standard_scores(self, standard: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(tracks, 24) scores from standardised (tracks, 24, INPUTS) inputs."""
        return np.asarray(np.tanh(standard @ self.hidden + self.bias) @ self.output, dtype=np.float64)


@dataclass(frozen=True)
class KeyEnsemble:
    """Several KeyScorers fit on the same tracks from different seeded starts; a key's score is
    their mean. They share the tracks, so they share one standardisation of the inputs (`mean`,
    `scale`: each input's mean and spread over every candidate of every training track). One
    fit's answer on an unseen split moves by a clip or two with its start (vault seed 0, left out
    of training: 86.0, 84.9 and 83.9% key exact for starts 0-2); the mean of the three read 86.0%,
    and the same or better than the middle one on the other splits."""

    mean: npt.NDArray[np.float64]  # (INPUTS,)
    scale: npt.NDArray[np.float64]  # (INPUTS,)
    members: tuple[KeyScorer, ...]

    def scores(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(2, 12) scores from (2, 12, FEATURES) features."""
        return self.candidate_scores(candidate_inputs(features[None]))[0].reshape(2, 12)

    def candidate_scores(self, inputs: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(tracks, 24) mean scores from candidate_inputs' (tracks, 24, INPUTS)."""
        standard = (inputs - self.mean) / self.scale
        return np.mean([member.standard_scores(standard) for member in self.members], axis=0)


def candidate_inputs(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """(tracks, 24, INPUTS) from (tracks, 2, 12, FEATURES): candidate mode * 12 + tonic, its
    features followed by its mode one-hot (a tonic's two modes differ in the profile's correlation alone)."""
    if features.ndim != 4 or features.shape[1:] != (2, 12, FEATURES):
        raise ValueError(f"features must be (tracks, 2, 12, {FEATURES})")
    inputs = np.zeros((len(features), 2, 12, INPUTS))
    inputs[..., :FEATURES] = features
    inputs[:, 0, :, FEATURES] = 1.0
    inputs[:, 1, :, FEATURES + 1] = 1.0
    return inputs.reshape(len(features), 24, INPUTS)


@cache
def trained_weights(path: Path = WEIGHTS_FILE) -> KeyEnsemble:
    """The scorers shipped beside this module (scripts/train_key_weights.py)."""
    document = json.loads(path.read_text())
    names = [name for name, _ in FEATURE_BLOCKS]
    if document["feature_blocks"] != [[name, size] for name, size in FEATURE_BLOCKS]:
        raise ValueError(f"{path} was trained on other features than {names}")
    fields = ("hidden", "bias", "output")
    return KeyEnsemble(
        np.array(document["mean"], dtype=np.float64),
        np.array(document["scale"], dtype=np.float64),
        tuple(
            KeyScorer(**{name: np.array(member[name], dtype=np.float64) for name in fields})
            for member in document["members"]
        ),
    )


def key_features(
    chroma: npt.NDArray[np.floating],
    bass_chroma: npt.NDArray[np.floating] | None,
    chord_labels: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """(2, 12, FEATURES): FEATURE_BLOCKS for every (mode, tonic), rotated so the tonic comes first.

    Both modes' rows are equal but for the profile's correlation, which is each mode's own; the
    rest does not depend on the mode (the weights do).
    """
    mean = np.asarray(chroma, dtype=np.float64).mean(axis=1) if chroma.shape[1] else np.zeros(12)
    mean = mean / mean.sum() if mean.sum() > 0 else mean
    bass = np.zeros(12)
    if bass_chroma is not None and bass_chroma.shape[1]:
        bass = np.asarray(bass_chroma, dtype=np.float64).sum(axis=1)
        bass = bass / bass.sum() if bass.sum() > 0 else bass
    shares, changes = chord_shares(chord_labels)
    values, segments = np.asarray(chroma, dtype=np.float32), fixed_segments(chroma.shape[1])
    soft = soft_chord_shares(values, segments)
    sevenths = dominant_seventh_shares(values, segments)
    profile = correlations(mean) if np.ptp(mean) > 1e-12 else np.zeros((2, 12))
    weighted = bass_weighted(values, bass_chroma)
    bass_shares, _ = chord_shares(chords(weighted, segments))
    bass_soft = soft_chord_shares(weighted, segments)
    out = np.zeros((2, 12, FEATURES))
    for tonic in range(12):
        tonic_chords = [tonic, tonic + 12]  # the tonic triad, major or minor
        into = changes[:, tonic_chords].sum(axis=1)
        out_of = changes[tonic_chords, :].sum(axis=0)
        common = [
            _rotate_triads(shares, tonic),
            _rotate_triads(soft, tonic),
            np.roll(bass, -tonic),
            np.roll(mean, -tonic),
        ]
        tail = [
            _rotate_triads(into, tonic),
            _rotate_triads(out_of, tonic),
            np.roll(sevenths, -tonic),
            _rotate_triads(bass_shares, tonic),
            _rotate_triads(bass_soft, tonic),
        ]
        for mode in range(2):
            out[mode, tonic] = np.concatenate([*common, [profile[mode, tonic]], *tail])
    return out


def _rotate_triads(values: npt.NDArray[np.float64], tonic: int) -> npt.NDArray[np.float64]:
    """(24,) per triad (major roots, then minor) re-indexed by root above `tonic`."""
    return np.concatenate([np.roll(values[:12], -tonic), np.roll(values[12:], -tonic)])


def find_key(
    chroma: npt.NDArray[np.floating],
    bass_chroma: npt.NDArray[np.floating] | None,
    chord_labels: npt.NDArray[np.int64],
    weights: KeyEnsemble | None = None,
    harmonic_share: float | None = None,
    rms: npt.NDArray[np.floating] | None = None,
    heard: tuple[npt.NDArray[np.floating], npt.NDArray[np.floating]] | None = None,
) -> Key | None:
    """The best-scoring key (the shipped KeyEnsemble over key_features), with a 0-1 confidence.

    `chroma` is the (12, frames) chroma, `bass_chroma` the chroma of the bass band, and
    `chord_labels` the triad per segment (harmony.chords). The confidence is the best profile
    fit of any key (scaled to none where it fits no key better than chance, _NO_FIT), times how
    tonal the track is (the spread of its mean chroma, or of its median chroma where the chords
    move, and at least three strong pitch classes), times its harmonic motion (the labels', or the
    nearest triads' where they move more, harmony.nearest_chords: a held tone never leaves its one
    "chord"; as far as the sound moves with them, harmony.chord_contrast), times how much of its
    power is sustained tone (`harmonic_share`, harmonic_share.HarmonicShare; none up to
    NO_HARMONIC_SHARE, full from FULL_HARMONIC_SHARE): noise, a single tone or drums alone score
    low. `rms` (per frame), where given, leaves the silent segments out of the motion
    (silent_segments). None for a track with no pitch information at all; callers withhold keys
    under MIN_CONFIDENCE.

    `heard`, where given, is the (pitch classes, bass pitch classes) pitch_classes.pitch_classes
    hears: which key is then scored from them and the triads they spell, and how sure from the rest
    as above, the chroma's confidence (what was measured to withhold every key of the noise, held
    tones and drums; a network fit to songs has heard none of those), times how surely the network
    hears some pitch class held through the track (_NO_HEARD, _FULL_HEARD): toms that ring on and
    move like chords fool the chroma, not the network; and times how much the pitch classes it
    hears change (harmony.pitch_spread, _STILL_PITCHES to _CHANGING_PITCHES_FULL): a kit's pitched
    hits keep theirs.
    """
    values = np.asarray(chroma, dtype=np.float64)
    mean = values.mean(axis=1) if values.shape[1] else np.zeros(12)
    if not np.all(np.isfinite(mean)) or np.ptp(mean) < 1e-9:
        return None
    features = (
        key_features(heard[0], heard[1], chords_of(heard[0]))
        if heard is not None
        else key_features(chroma, bass_chroma, chord_labels)
    )
    score = (weights or trained_weights()).scores(features)
    mode_index, tonic = np.unravel_index(int(np.argmax(score)), score.shape)
    fit = float(np.clip(correlations(mean).max(), 0.0, 1.0))  # how well the pitch set fits any key at all
    # The labels' motion or, where they read no chord, the nearest triads': on the
    # development splits' seed 0 (1975 clips with a key, 951 without) the second answers 7 more
    # right keys (6 of dolmen's sound chip songs, read as no chord at all) and no clip without a
    # key. Not the nearest triads' alone: drum hits flattening every frame of moving chords leave
    # each segment's nearest triad a few hundredths ahead of the next, and the smoothing holds it.
    near = nearest_chords(values)
    if rms is not None:
        silent = silent_segments(rms)
        chord_labels = np.where(silent[: chord_labels.size], -1, chord_labels[: silent.size])
        near = np.where(silent[: near.size], -1, near[: silent.size])
    label_motion, near_motion = harmonic_motion(chord_labels), harmonic_motion(near)
    moved, motion = (chord_labels, label_motion) if label_motion >= near_motion else (near, near_motion)
    # Motion counts as far as the sound moves with the labels (_DISTINCT_CHORDS).
    distinct = float(np.clip(chord_contrast(values, moved) / _DISTINCT_CHORDS, 0.0, 1.0))
    moving = min(1.0, motion * distinct / _FULL_MOTION)
    tonal = tonality(mean)
    if moving >= 1.0:
        # Drums under a band add every pitch class at each hit and flatten the mean chroma: on the
        # development splits the mean alone withheld 18 of 746 songs with a key, 13 of them so.
        # The per-bin median skips the hits. Only where chords move: drums alone mostly do not (7
        # of 698 on the development splits' seed 0 move 0.25 or more, 0.47 at most, each withheld
        # by its harmonic share or its fit), and their median chroma can look tonal (a cumbia
        # loop's 0.57).
        tonal = max(tonal, tonality(np.median(values, axis=1)))
    sustained = 1.0
    if harmonic_share is not None:
        sustained = (harmonic_share - NO_HARMONIC_SHARE) / (FULL_HARMONIC_SHARE - NO_HARMONIC_SHARE)
        sustained = float(np.clip(sustained, 0.0, 1.0))
    spread = pitch_spread(heard[0]) if heard is not None else 0.0
    if heard is not None and spread >= CHANGING_PITCHES:
        # Bows and string drums put power on pitch classes nobody plays: a chroma that fits no key
        # (0.27-0.31) or looks flat, where the pitch classes the network hears fit theirs. Only
        # where those change as a song's do: on noise, tones and drums they flicker.
        heard_mean = np.asarray(heard[0], dtype=np.float64).mean(axis=1)
        if np.ptp(heard_mean) > 1e-9:
            fit = max(fit, float(np.clip(correlations(heard_mean).max(), 0.0, 1.0)))
            tonal = max(tonal, tonality(heard_mean))
    keyed = float(np.clip((fit - _NO_FIT) / (_FULL_FIT - _NO_FIT), 0.0, 1.0))
    confidence = fit * keyed * tonal * moving * sustained
    if heard is not None:
        held = np.asarray(heard[0], dtype=np.float64)
        strongest = float(held.mean(axis=1).max()) if held.shape[1] else 0.0
        confidence *= float(np.clip((strongest - _NO_HEARD) / (_FULL_HEARD - _NO_HEARD), 0.0, 1.0))
        changing = (spread - _STILL_PITCHES) / (_CHANGING_PITCHES_FULL - _STILL_PITCHES)
        confidence *= float(np.clip(changing, 0.0, 1.0))
    return Key(int(tonic), MODES[int(mode_index)], round(confidence, 3))


def heard_chroma(
    chroma: npt.NDArray[np.floating], levelled: npt.NDArray[np.floating] | None
) -> npt.NDArray[np.floating]:
    """The chroma the key reads: the track's own, or `levelled` (the same frames from the levelled
    power spectrum) where the own one's mean fits no key profile at _LEVELLED_UNDER or better."""
    if levelled is None:
        return chroma
    mean = np.asarray(chroma, dtype=np.float64).mean(axis=1) if chroma.shape[1] else np.zeros(12)
    if np.all(np.isfinite(mean)) and np.ptp(mean) > 1e-9 and correlations(mean).max() >= _LEVELLED_UNDER:
        return chroma
    return levelled


def silent_segments(rms: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
    """Per fixed segment (harmony.fixed_segments over the frames of `rms`): whether its mean RMS is
    _SILENT_DB or more under the 90th percentile of the segments'."""
    values = np.asarray(rms, dtype=np.float64).reshape(-1)
    if values.size == 0:
        return np.zeros(0, dtype=bool)
    starts = fixed_segments(values.size)
    level = np.add.reduceat(values, starts) / np.diff(np.append(starts, values.size))
    decibels = 20.0 * np.log10(np.maximum(level, 1e-10))
    return np.asarray(decibels <= np.percentile(decibels, 90) - _SILENT_DB, dtype=bool)


def tonality(mean_chroma: npt.NDArray[np.float64]) -> float:
    """0-1: how much a mean chroma looks like harmony, not noise (flat) or one pitch (one peak)."""
    level = float(mean_chroma.mean())
    if level <= 0:
        return 0.0
    if int(np.sum(mean_chroma >= _STRONG * mean_chroma.max())) < _MIN_PITCH_CLASSES:
        return 0.0
    contrast = float(mean_chroma.std()) / level
    return float(np.clip((contrast - _MIN_CONTRAST) / (_FULL_CONTRAST - _MIN_CONTRAST), 0.0, 1.0))


def correlations(vector: npt.NDArray[np.float64], profile: str = DEFAULT_PROFILE) -> npt.NDArray[np.float64]:
    """(2, 12): Pearson correlation with the major and minor profile rotated to each tonic."""
    templates = np.array(
        [[np.roll(PROFILES[profile][mode], tonic) for tonic in range(12)] for mode in range(2)]
    )
    centred = templates - templates.mean(axis=-1, keepdims=True)
    centred /= np.linalg.norm(centred, axis=-1, keepdims=True)
    v = vector - vector.mean()
    return np.asarray(centred @ (v / np.linalg.norm(v)), dtype=np.float64)


def camelot(tonic: int, mode: str) -> str:
    """The Camelot wheel code: A minor is 8A, C major 8B; one step clockwise is a fifth up."""
    anchor = 9 if mode == "minor" else 0  # A minor and C major sit at 8
    number = (8 + 7 * (tonic - anchor) - 1) % 12 + 1
    return f"{number}{'A' if mode == 'minor' else 'B'}"


def parse_key(name: str) -> tuple[int, str]:
    """ "A minor" / "F# major" / "Bb minor" -> (pitch class, mode); sharps and flats both read."""
    tonic, mode = name.split()
    letters = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
    pitch = letters[tonic[0].upper()] + tonic[1:].count("#") - tonic[1:].count("b")
    if mode not in MODES:
        raise ValueError(f"unknown mode: {mode}")
    return pitch % 12, mode


def mirex_score(estimate: tuple[int, str], reference: tuple[int, str]) -> float:
    """MIREX key score: 1 exact, 0.5 a fifth away (same mode), 0.3 relative, 0.2 parallel, else 0.

    A fifth either way counts, as MIREX scores it (mir_eval's allow_descending_fifths=True).
    """
    (tonic, mode), (ref_tonic, ref_mode) = estimate, reference
    if (tonic, mode) == (ref_tonic, ref_mode):
        return 1.0
    if mode == ref_mode and (tonic - ref_tonic) % 12 in (5, 7):
        return 0.5
    if ref_mode == "major" and mode == "minor" and tonic == (ref_tonic + 9) % 12:
        return 0.3
    if ref_mode == "minor" and mode == "major" and tonic == (ref_tonic + 3) % 12:
        return 0.3
    if tonic == ref_tonic:
        return 0.2
    return 0.0
