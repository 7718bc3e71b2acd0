"""Tempo, key and bar accuracy on a labelled synthetic set: the service's methods against the alternatives.

The set (soundforge.testing.music.labelled_set) is built in code: chord progressions in all 24
keys with four timbres and three voicings, 60-200 BPM, 4/4, 3/4, 5/4 and 6/8, swing, with and
without drums, slightly detuned. Printed: tempo within 4% (and allowing double/half), key exact
and the MIREX weighted score, beats per bar and downbeat F-measure, seconds per piece. Compared:
key profiles (Krumhansl, Temperley, EDMA) on the shared chroma; librosa's plain beat tracker;
madmom's key CNN and RNN+DBN beat tracker (on every Nth piece: they are slow). Goals: tempo
>= 95% within 4%, key >= 90% exact.
Run: .venv/bin/python bench/bench_analysis_accuracy.py [--per-key 4] [--seconds 30] [--madmom-every 4]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from dataclasses import dataclass, field

import librosa
import numpy as np

from soundforge.analysis.features import analyze_samples, warm_up
from soundforge.analysis.key import PROFILES, Key, KeyModel, estimate_key, mirex_score, parse_key
from soundforge.analysis.spectra import Needs, frames_of
from soundforge.analysis.tempo import BeatModel
from soundforge.testing.music import Piece, labelled_set, render

SR = 22050
TEMPO_TOLERANCE = 0.04
DOWNBEAT_TOLERANCE = 0.07  # seconds, as beat evaluations commonly use


@dataclass
class Tally:
    """Scores of one method over the pieces it saw."""

    tempo: list[tuple[bool, bool]] = field(default_factory=list)  # (within 4%, allowing x2 / x0.5)
    key: list[tuple[bool, float]] = field(default_factory=list)  # (exact, MIREX weighted)
    bars: list[tuple[bool, float]] = field(default_factory=list)  # (beats per bar right, downbeat F)
    seconds: list[float] = field(default_factory=list)

    def add_tempo(self, estimate: float, piece: Piece) -> None:
        def near(value: float) -> bool:
            return abs(value - piece.bpm) <= TEMPO_TOLERANCE * piece.bpm

        self.tempo.append((near(estimate), any(near(estimate * f) for f in (1.0, 2.0, 0.5))))

    def add_key(self, estimate: Key | None, piece: Piece) -> None:
        found = (estimate.tonic, estimate.mode) if estimate else (-1, "none")
        reference = (piece.tonic, piece.mode)
        self.key.append((found == reference, mirex_score(found, reference) if estimate else 0.0))

    def report(self, name: str) -> list[str]:
        lines = []
        if self.tempo:
            strict, octave = np.mean(self.tempo, axis=0)
            lines.append(f"  tempo {name:30s} within 4%: {strict:6.1%}   allowing double/half: {octave:6.1%}")
        if self.key:
            exact, weighted = np.mean(self.key, axis=0)
            lines.append(
                f"  key   {name:30s} exact:     {exact:6.1%}   MIREX weighted:       {weighted:6.3f}"
            )
        if self.bars:
            right, f_measure = np.mean(self.bars, axis=0)
            lines.append(
                f"  bars  {name:30s} per bar:   {right:6.1%}   downbeat F-measure:   {f_measure:6.3f}"
            )
        if self.seconds:
            lines[-1] += f"   ({np.mean(self.seconds):.2f} s per piece)"
        return lines


def downbeat_f(found: list[float], written: np.ndarray) -> float:
    if not found or written.size == 0:
        return 0.0
    hits = sum(bool(np.any(np.abs(np.asarray(found) - t) <= DOWNBEAT_TOLERANCE)) for t in written)
    precision, recall = hits / len(found), hits / written.size
    return 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)


def madmom_models() -> tuple[KeyModel, BeatModel] | None:
    try:
        from soundforge.analysis.madmom_models import MadmomBeatModel, MadmomKeyModel

        return MadmomKeyModel(), MadmomBeatModel()
    except ImportError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-key", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--madmom-every", type=int, default=4, help="0 skips madmom")
    args = parser.parse_args()
    warm_up()
    pieces = labelled_set(per_key=args.per_key, seconds=args.seconds, seed=args.seed)
    madmom = madmom_models() if args.madmom_every else None
    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    for index, piece in enumerate(pieces):
        samples = render(piece, SR)
        started = time.perf_counter()
        result = analyze_samples(samples, ["tempo", "key", "downbeats"]).result
        service = tallies["service (shared pass)"]
        service.seconds.append(time.perf_counter() - started)
        service.add_tempo(result["tempo"], piece)
        found = parse_key(result["key"])
        service.add_key(Key(found[0], found[1], result["key_confidence"]), piece)
        correct_bars = result["beats_per_bar"] == piece.beats_per_bar
        service.bars.append((correct_bars, downbeat_f(result["downbeats"], piece.downbeat_times())))
        if not (service.tempo[-1][0] and service.key[-1][0] and correct_bars):
            misses.append(
                f"  {piece.describe()}: tempo {result['tempo']}, key {result['key']}, "
                f"{result['beats_per_bar']} beats per bar"
            )

        chroma = frames_of(samples, Needs(stft=True, chroma=True)).chroma
        assert chroma is not None
        for profile in PROFILES:
            tallies[f"profile {profile}"].add_key(estimate_key(chroma.mean(axis=1), profile), piece)
        plain, _ = librosa.beat.beat_track(y=samples, sr=SR)
        tallies["librosa beat_track alone"].add_tempo(float(np.atleast_1d(plain)[0]), piece)

        if madmom is not None and index % args.madmom_every == 0:
            subset = tallies["service, madmom's subset"]
            subset.add_tempo(result["tempo"], piece)
            subset.add_key(Key(found[0], found[1], 0.0), piece)
            subset.seconds.append(service.seconds[-1])
            key_model, beat_model = madmom
            started = time.perf_counter()
            tallies["madmom key CNN"].add_key(key_model.key(samples, SR), piece)
            bpm, _ = beat_model.beats(samples, SR)
            tallies["madmom RNN + DBN beats"].add_tempo(bpm, piece)
            tallies["madmom RNN + DBN beats"].seconds.append(time.perf_counter() - started)

    size = f"{len(pieces)} pieces of {args.seconds:.0f} s"
    print(f"labelled set: {size} ({args.per_key} per key, seed {args.seed})")
    for name, tally in tallies.items():
        print("\n".join(tally.report(name)))
    if madmom is None and args.madmom_every:
        print("  madmom: not installed (pip install -e './services/analysis[madmom]'); skipped")
    service = tallies["service (shared pass)"]
    tempo_ok = np.mean([strict for strict, _ in service.tempo])
    key_ok = np.mean([exact for exact, _ in service.key])
    print(f"goal tempo >= 95% within 4%: {tempo_ok:.1%} ({'met' if tempo_ok >= 0.95 else 'NOT met'})")
    print(f"goal key >= 90% exact:       {key_ok:.1%} ({'met' if key_ok >= 0.90 else 'NOT met'})")
    if misses:
        print(f"pieces the service got wrong ({len(misses)}):")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
