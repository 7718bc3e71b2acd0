"""Fit the analysis service's key weights on the tune split's material and write key_weights.json.

The tracks are clip_set("tune", seed) for seeds 1..N: the tune split's progressions, modes,
instruments, drum patterns and tempos drawn again with other seeds (seed 0 is the tune split
the accuracy bench reports, kept out as a check). Nothing of the held-out, fresh or blind
splits is read. Prints the training accuracy and the check's.
Run: .venv/bin/python scripts/train_key_weights.py [--seeds 28] [--l2 1e-5]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import numpy.typing as npt

from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.key import FEATURE_BLOCKS, MODES, WEIGHTS_FILE, key_features
from soundforge.analysis.key_learning import accuracy, fit_weights
from soundforge.analysis.spectra import Needs, frames_of
from soundforge.testing.labelled_clips import clip_set, render_clip

SR = 22050


def tracks(seed: int) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    features, targets = [], []
    for clip in clip_set("tune", seed=seed):
        if clip.key is None:
            continue
        frames = frames_of(render_clip(clip, SR), Needs(stft=True, chroma=True))
        assert frames.chroma is not None
        features.append(key_features(frames.chroma, frames.bass_chroma, chord_labels(frames.chroma)))
        tonic, mode = clip.key
        targets.append(MODES.index(mode) * 12 + tonic)
    return np.array(features), np.array(targets, dtype=np.int64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seeds", type=int, default=28, help="train on clip_set('tune', seed) for seeds 1..N"
    )
    parser.add_argument("--l2", type=float, default=1e-5)
    args = parser.parse_args()
    started = time.perf_counter()
    parts = [tracks(seed) for seed in range(1, args.seeds + 1)]
    features = np.concatenate([f for f, _ in parts])
    targets = np.concatenate([t for _, t in parts])
    weights = fit_weights(features, targets, args.l2)
    check_features, check_targets = tracks(0)
    print(f"{len(targets)} tracks from seeds 1-{args.seeds}, {time.perf_counter() - started:.0f} s")
    trained, checked = accuracy(weights, features, targets), accuracy(weights, check_features, check_targets)
    print(f"key exact: training {trained:.1%}, tune split (seed 0, not trained on) {checked:.1%}")
    document = {
        "trained_on": f"clip_set('tune', seed) for seeds 1-{args.seeds}: {len(targets)} tracks with a key",
        "command": f"scripts/train_key_weights.py --seeds {args.seeds} --l2 {args.l2}",
        "feature_blocks": [[name, size] for name, size in FEATURE_BLOCKS],
        "weights": {mode: [round(float(w), 6) for w in weights.weights[i]] for i, mode in enumerate(MODES)},
    }
    WEIGHTS_FILE.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
