"""What the key and the tempo refit share: which development splits a refit reads (--dev-splits),
which it checks its fit on against the weights it replaces (--check-splits: their seed 0, read as
the accuracy bench reads it, never fit on), where the weights go (--output), and the check's report."""

from __future__ import annotations

import argparse
from pathlib import Path

from soundforge.testing.labelled_clips import DEVELOPMENT_SPLITS, Clip, clip_set, training_clips

# A draw named CHECKED + split is that split's seed 0, as the bench reads it (clips_of).
CHECKED = "bench:"


def add_options(parser: argparse.ArgumentParser, weights_file: Path, checked: str) -> None:
    """--dev-splits, --check-splits (printing the new fit's and the replaced weights' `checked` on
    those splits' seed 0) and --output (default `weights_file`)."""
    parser.add_argument(
        "--dev-splits",
        nargs="+",
        choices=DEVELOPMENT_SPLITS,
        default=list(DEVELOPMENT_SPLITS),
        help="the development splits read (all unless given)",
    )
    parser.add_argument(
        "--check-splits",
        nargs="+",
        choices=DEVELOPMENT_SPLITS,
        default=[],
        help=f"print the new fit's and the replaced weights' {checked} on these splits' seed 0",
    )
    parser.add_argument("--output", type=Path, default=weights_file, help="where the weights are written")


def clips_of(split: str, seed: int) -> list[Clip]:
    """A draw's clips: CHECKED + split is the split's seed 0 (never fit on); else training_clips."""
    if split.startswith(CHECKED):
        return clip_set(split.removeprefix(CHECKED), 0)
    return training_clips(split, seed)


def dev_splits_option(dev_splits: list[str]) -> str:
    """The --dev-splits a weights file's "command" records: none where every split was read."""
    return "" if dev_splits == list(DEVELOPMENT_SPLITS) else f" --dev-splits {' '.join(dev_splits)}"


def print_checks(right: dict[str, tuple[int, int, int]]) -> None:
    """Per checked split (the new fit's right answers, the replaced weights', of how many), then
    their totals."""
    for split, (new, old, total) in right.items():
        print(f"  {split} seed 0: new fit {new}, replaced weights {old} of {total}")
    new, old, total = (sum(column) for column in zip(*right.values(), strict=True)) if right else (0, 0, 0)
    print(f"  checked splits: new fit {new}, replaced weights {old} of {total}")
