"""Which front end the key's scorer reads, side by side: the STFT chroma, the learned pitch classes,
and the clip's own score (an ideal front end), on tune's and development splits' seed 0.

Every clip with a key is rendered as the accuracy bench renders it and read by the service's
spectral pass; the shipped scorer (key.find_key, its key only: the confidence is the chroma's
whichever is read) then names a key from (1) the chroma key.heard_chroma picks, its bass chroma and
chords, as the service did before the fifty-first pass, (2) the pitch classes the learned front
end hears (pitch_classes.py), as the service does now, and (3) what the clip's score sounds frame
by frame (labelled_clips.sounding_pitch_classes: the notes as written, their pitch classes and the
bass line's), which no front end can beat. What (3) reads that (1) and (2) do not is what the
front end loses; what (3) misses, the scorer. The fifty-first pass's probe (decaying notes in
place of (3)'s held ones) read 1542 -> 1643 of 1700 on seventeen splits.
Splits read once and not yet (bench_analysis_accuracy.READ_ONCE) are refused.
Run: .venv/bin/python bench/bench_key_front_end.py [--splits tune crannog ...] [--jobs 2]
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor

from bench_analysis_accuracy import READ_ONCE, SR

from soundforge.analysis import key as keys
from soundforge.analysis.features import warm_up
from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.spectra import HOP, Needs, frames_of
from soundforge.testing.labelled_clips import clip_set, render_clip, sounding_pitch_classes
from soundforge.testing.labelled_material import DEVELOPMENT_SPLITS

FRONT_ENDS = ("chroma", "pitch classes", "score")


def read_split(split: str) -> dict[str, int]:
    """How many keys of the split's seed 0 each front end's reading names right, and of how many."""
    right = dict.fromkeys(FRONT_ENDS, 0) | {"clips": 0}
    for clip in clip_set(split, 0):
        if clip.key is None:
            continue
        needs = Needs(stft=True, chroma=True, levelled_chroma=True, pitch_classes=True)
        frames = frames_of(render_clip(clip, SR), needs)
        assert frames.chroma is not None and frames.pitch_classes is not None
        assert frames.bass_pitch_classes is not None
        chroma = keys.heard_chroma(frames.chroma, frames.levelled_chroma)
        labels = chord_labels(chroma)  # what the confidence reads, whichever the key is scored from
        sounding = sounding_pitch_classes(clip, frames.frames, SR / HOP).astype("float32")
        read = {
            "chroma": None,
            "pitch classes": (frames.pitch_classes, frames.bass_pitch_classes),
            "score": (sounding[:12], sounding[12:]),
        }
        for name, heard in read.items():
            found = keys.find_key(chroma, frames.bass_chroma, labels, heard=heard)
            right[name] += found is not None and (found.tonic, found.mode) == clip.key
        right["clips"] += 1
    return right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["tune", *DEVELOPMENT_SPLITS[-4:]])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    refused = [split for split in args.splits if split in READ_ONCE]
    if refused:
        parser.error(f"read once and not yet: {' '.join(refused)}")
    start = time.time()
    with ProcessPoolExecutor(args.jobs) as pool:
        pool.submit(warm_up).result()  # numba's cache filled once (bench_analysis_development)
        results = dict(zip(args.splits, pool.map(read_split, args.splits), strict=True))
    print(f"keys named right on seed 0, by what the scorer reads ({time.time() - start:.0f} s)")
    print(f"  {'split':12} {'clips':>5}  " + "  ".join(f"{name:>13}" for name in FRONT_ENDS))
    totals = {name: sum(right[name] for right in results.values()) for name in [*FRONT_ENDS, "clips"]}
    for split, row in [*results.items(), ("all", totals)]:
        print(f"  {split:12} {row['clips']:>5}  " + "  ".join(f"{row[name]:>13}" for name in FRONT_ENDS))


if __name__ == "__main__":
    main()
