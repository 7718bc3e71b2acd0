"""Tune's and the development splits' seed 0 read side by side: one row per split, the totals, the misses.

Method work on the analysis (issue 13) is measured here before a split written apart is read once
(bench_analysis_accuracy.py --split S): a change is kept when it answers more right keys and tempos
on these splits without answering a clip that has none. Each split is read in a worker process of
its own (--jobs), every clip as the service reads it (analyze_samples: tempo, key, downbeats,
danceability), so the numbers are the accuracy bench's for the same split and seed.
`--save FILE` keeps every clip's answer (JSON), and `--compare FILE` lists the clips whose answer
moved since, right or wrong: what a method change did, clip by clip. The splits read once and not
yet (bench_analysis_accuracy.READ_ONCE) are never read here: only tune and DEVELOPMENT_SPLITS are.

Run: .venv/bin/python bench/bench_analysis_development.py [--all | --splits tune stupa ...]
[--jobs 2] [--save FILE] [--compare FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from bench_analysis_accuracy import READ, SR, key_of, scores, within

from soundforge.analysis.features import analyze_samples, warm_up
from soundforge.analysis.key import PITCH_NAMES, parse_key
from soundforge.testing.labelled_clips import clip_set, render_clip
from soundforge.testing.labelled_material import DEVELOPMENT_SPLITS

# Without --all: tune and the four development splits read most recently (the newest material).
RECENT = ("tune", *DEVELOPMENT_SPLITS[-4:])
# How a wrong tempo relates to the right one (within the accuracy bench's tolerance of the ratio).
RATIOS = {"x2": 2.0, "x1/2": 0.5, "x3/2": 1.5, "x2/3": 2 / 3, "x3": 3.0, "x1/3": 1 / 3, "x4/3": 4 / 3}


@dataclass(frozen=True)
class Answer:
    """What the service answered on one labelled clip, beside its labels."""

    split: str
    clip: str  # Clip.describe(): unique within a split and seed
    category: str
    key: str | None  # the label, as the service names keys
    bpm: float | None
    found: str | None
    key_confidence: float
    tempo: float | None
    tempo_confidence: float | None
    beats: int

    @property
    def key_scores(self) -> tuple[bool, float]:
        """Exact, and the MIREX score, as the accuracy bench scores them (a withheld key: 0)."""
        return scores(key_of(self.found), parse_key(self.key)) if self.key is not None else (False, 0.0)

    @property
    def key_right(self) -> bool:
        return self.key_scores[0]

    @property
    def mirex(self) -> float:
        return self.key_scores[1]

    @property
    def tempo_right(self) -> bool:
        return self.bpm is not None and within(self.tempo, self.bpm)

    @property
    def confident_on_none(self) -> bool:
        """A key on a clip with no tonal centre, or a tempo or beats on one with no pulse."""
        no_key = self.key is None and self.found is not None
        return no_key or (self.bpm is None and (self.tempo is not None or self.beats > 0))


def read_split(split: str) -> list[Answer]:
    """Every clip of the split's seed 0, read as the service reads it."""
    warm_up()
    answers = []
    for clip in clip_set(split):
        result = analyze_samples(render_clip(clip, SR), READ).result
        answers.append(
            Answer(
                split,
                clip.describe(),
                clip.category,
                f"{PITCH_NAMES[clip.key[0]]} {clip.key[1]}" if clip.key is not None else None,
                clip.bpm,
                result["key"],
                float(result["key_confidence"]),
                result["tempo"],
                result.get("tempo_confidence"),
                len(result["beats"]),
            )
        )
    return answers


def report(answers: list[Answer]) -> None:
    print(f"  {'split':12s} {'clips':>5s} {'key exact':>10s} {'MIREX':>6s} {'tempo 4%':>9s} {'on none':>8s}")
    splits = list(dict.fromkeys(a.split for a in answers))
    for split in [*splits, "all"]:
        rows = [a for a in answers if split in ("all", a.split)]
        keyed = [a for a in rows if a.key is not None]
        pulsed = [a for a in rows if a.bpm is not None]
        exact, mirex = sum(a.key_right for a in keyed), np.mean([a.mirex for a in keyed])
        tempo = sum(a.tempo_right for a in pulsed)
        none = [a for a in rows if a.key is None or a.bpm is None]
        print(
            f"  {split:12s} {len(rows):5d} {exact / len(keyed):10.1%} {mirex:6.3f}"
            f" {tempo / len(pulsed):9.1%} {sum(a.confident_on_none for a in none):8d}"
            + (f"   ({exact}/{len(keyed)} keys, {tempo}/{len(pulsed)} tempos)" if split == "all" else "")
        )
    misses: Counter[tuple[str, str]] = Counter()
    for a in answers:
        if a.bpm is not None and not a.tempo_right:
            misses[(a.category, _ratio(a.tempo, a.bpm))] += 1
    print(
        "  tempo misses by category and ratio: "
        + ", ".join(f"{c} {r} {n}" for (c, r), n in misses.most_common())
    )


def _ratio(tempo: float | None, bpm: float) -> str:
    if tempo is None:
        return "withheld"
    return next((name for name, ratio in RATIOS.items() if within(tempo, bpm * ratio)), "other")


def compare(before: list[Answer], after: list[Answer]) -> None:
    """The clips whose answer moved, and whether each is now right."""
    old = {(a.split, a.clip): a for a in before}
    moved = [(old[(a.split, a.clip)], a) for a in after if (a.split, a.clip) in old]
    keys = [(b, a) for b, a in moved if b.found != a.found]
    tempos = [(b, a) for b, a in moved if _tempo_moved(b.tempo, a.tempo)]
    print(f"  compared {len(moved)} clips: {len(keys)} keys moved, {len(tempos)} tempos moved")
    for b, a in keys:
        print(f"    key {b.found} -> {a.found} ({_verdict(b.key_right, a.key_right)}): {a.split} {a.clip}")
    for b, a in tempos:
        print(
            f"    tempo {b.tempo} -> {a.tempo} ({_verdict(b.tempo_right, a.tempo_right)}): {a.split} {a.clip}"
        )


def _tempo_moved(before: float | None, after: float | None) -> bool:
    if before is None or after is None:
        return (before is None) != (after is None)
    return not within(after, before)


def _verdict(before: bool, after: bool) -> str:
    if before == after:
        return "right either way" if after else "wrong either way"
    return "now right" if after else "now wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--all", action="store_true", help="tune and every development split")
    chosen.add_argument(
        "--splits", nargs="+", choices=("tune", *DEVELOPMENT_SPLITS), help=f"default {RECENT}"
    )
    parser.add_argument("--jobs", type=int, default=2, help="splits read at once (each a process)")
    parser.add_argument("--save", type=Path, help="write every clip's answer here (JSON)")
    parser.add_argument("--compare", type=Path, help="list the clips whose answer moved since this --save")
    args = parser.parse_args()
    splits = ("tune", *DEVELOPMENT_SPLITS) if args.all else tuple(args.splits or RECENT)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        # One worker fills numba's cache before any other compiles: two compiling into one cache
        # at once can each write the same overload's file, and every later process that loads the
        # mismatched kernel segfaults (both workers' warm_up on a fresh venv did, 2026-12-02).
        pool.submit(warm_up).result()
        answers = [a for split_answers in pool.map(read_split, splits) for a in split_answers]
    print(f"tune's and development splits' seed 0: {len(splits)} splits, {len(answers)} clips "
          f"({time.perf_counter() - started:.0f} s with {args.jobs} jobs)")  # fmt: skip
    report(answers)
    if args.save:
        args.save.write_text(json.dumps([asdict(a) for a in answers]))
    if args.compare:
        compare([Answer(**row) for row in json.loads(args.compare.read_text())], answers)


if __name__ == "__main__":
    main()
