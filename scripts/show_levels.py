"""What the tempo-level scorer saw on some clips: every candidate level, its score and main measures.

A tempo miss at another metrical level (bench_analysis_development.py lists them) is the scorer
preferring that level; this prints, per clip, each candidate (levels.candidates, both phases) by
score, its tempo, whether it is within the bench's 4%, and the measures a reader checks first
(pulse confidence, the beats' contrast, the half-beat ratios, the odd/even parity, the repeats and
the beats a chord lasts). Only tune and the development splits can be shown: a split read once
(bench_analysis_accuracy.READ_ONCE) is never looked at clip by clip.

Run: .venv/bin/python scripts/show_levels.py SPLIT [--seed 0] MATCH [MATCH ...]
(a clip is shown when its description, Clip.describe(), contains one of the MATCH strings.)
"""

from __future__ import annotations

import argparse

import numpy as np
from train_tempo_weights import SR, TOLERANCE, candidate_levels

from soundforge.analysis.levels import MEASURES, level_features, trained_weights
from soundforge.analysis.tempo import refine_tempo
from soundforge.testing.labelled_clips import DEVELOPMENT_SPLITS, Clip, clip_set, render_clip

SHOWN = (
    "pulse confidence",
    "bass on beats over between",
    "all bands on beats over between",
    "kick and snare alternate",
    "onsets at 1/2 beat / on beat",
    "kick at 1/2 beat / on beat",
    "snare at 1/2 beat / on beat",
    "onsets on odd beats against even",
    "onsets repeat after 2 beats",
    "onsets repeat after 4 beats",
    "pattern period off the beat grid",
    "log2 beats per chord",
)


def show(clip: Clip) -> None:
    assert clip.bpm is not None
    levels, context = candidate_levels(render_clip(clip, SR))  # as the tempo refit reads a clip
    if not levels:
        print(f"\n== {clip.describe()}: no candidate level")
        return
    features = level_features(levels, context)
    scores = trained_weights().scores(features)
    columns = [MEASURES.index(name) for name in SHOWN]
    print(f"\n== {clip.describe()}  (label {clip.bpm}, harmony static: {context.static})")
    print("   bpm  multiple  score  " + " | ".join(name[:12] for name in SHOWN))
    for index in np.argsort(-scores):
        level = levels[index]
        bpm = refine_tempo(level.frames, level.bpm)
        right = "*" if abs(bpm - clip.bpm) <= TOLERANCE * clip.bpm else " "
        values = " ".join(f"{features[index, column]:6.2f}" for column in columns)
        print(f"{right}{bpm:6.1f} {level.multiple:6.2f} {scores[index]:7.2f}  {values}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=("tune", *DEVELOPMENT_SPLITS))
    parser.add_argument("match", nargs="+", help="substrings of the clips' descriptions")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for clip in clip_set(args.split, args.seed):
        if clip.bpm is not None and any(match in clip.describe() for match in args.match):
            show(clip)


if __name__ == "__main__":
    main()
