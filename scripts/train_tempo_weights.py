"""Fit the analysis service's tempo-level scorer; write tempo_weights.json.

The tracks: the clips with a pulse of clip_set("tune", seed) for seeds 1..N (seed 0 is the tune
split the accuracy bench reports, kept out as a check); and every development split's
(labelled_material.DEVELOPMENT_SPLITS: each split read once for a pass's numbers, in the order they
were read) material drawn with seeds 1..M. Their seed 0, which the bench reports, is never read
here, nor anything of a split not yet read (the bench's READ_ONCE).
Beside them, per tune seed:
- metronomes: even clicks (sine or noise bursts, synthetic kick, snare or hat) at 55-200 BPM,
  accented every 2, 3 or 4 beats or not at all, where every click is a beat -- the songs and drum
  loops alone never show the fit a pulse with nothing between its beats;
- grooves (soundforge.testing.grooves): drum parts assembled at random over meters of 2 to 7 beats,
  simple or compound -- a handful of named patterns taught the fit those patterns, not what a
  beat is (a bossa's three-three-two read as a faster pulse).
A level is correct when its tempo is within 4% of the label (the bench's tolerance); tracks where
no level is are left out of the fit. Each level is there at two phases since the seventeenth pass
(tempo.tracked_levels), both correct when their tempo is: the labels say no phase, and which phase
is reported is chosen apart, by the onsets (tempo.track_beats). Seeds are read in parallel, one
process per core. The scorer is a small network beside a linear score
(choice_learning.ChoiceNetwork, since the eleventh pass).
With --cache DIR each draw's tracked levels are kept in DIR (a file per draw, named by it and
holding a hash of its clips; soundforge.analysis.level_draws): a refit that adds a split renders
that split alone, a refit stopped part-way keeps the draws it finished, and a refit for new or
changed measures (levels.level_features, levels.candidates) renders nothing. The hash sees the
clips' material, not the renderers', the tracker's or the onset bands' code: empty DIR when one of
those changes.
Run: .venv/bin/python scripts/train_tempo_weights.py [--seeds 14] [--metronomes 24] [--grooves 48]
[--dev-seeds 3] [--dev-splits held-out fresh ...] [--l2 1e-3] [--units 16] [--cache DIR]
[--check-splits S ...] [--output PATH] [--folds K]
--dev-splits names the development splits read (all of them unless given): a refit can leave out
splits whose draws are not rendered yet, or a split to read it as one never trained on.
--check-splits reads those splits' seed 0 as the bench does and prints how many of their clips
with a pulse the new fit and the replaced weights each choose a level within 4% for, so a refit
left out of the newest splits says whether adding splits helps before one on all is shipped (as
train_key_weights.py's option does); --output writes the weights elsewhere than the shipped file.
--folds K writes no weights: it deals the development splits into K folds (every K-th of
--dev-splits) and reads each fold's draws with a fit on tune and the other folds, printing the
levels right per fold and in all. A split is read by a fit that never saw it at any seed, and the
sixty-fourth pass's 8014 tracks (56 splits' seed 1) give a measure or a setting a reading some
twenty times larger than --check-splits' three newest splits: the shipped settings read 7621 of
8014 so (95.1%); a refit's own check moved by two or three clips a split whatever it changed.
A measure chosen by the fold read is read again on draws it was not chosen on before it ships: the
sixty-sixth pass's pitch measures, fit on 42 splits, read +14 on six left-out splits' seed-1
draws and -4 on their seed 0 (--check-splits renders those; sixty-seventh pass, analysis-passes.md).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import numpy.typing as npt
import refit_splits

from soundforge.analysis.choice_learning import NETWORK_FIELDS, ChoiceNetwork, chosen, fit_choice_network
from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.level_draws import Sound, packed, unpacked
from soundforge.analysis.levels import (
    MEASURES,
    WEIGHTS_FILE,
    LevelContext,
    Pitches,
    candidates,
    level_context,
    level_features,
    trained_weights,
)
from soundforge.analysis.spectra import Needs, frames_of
from soundforge.analysis.tempo import Level, refine_tempo, to_decibels, tracked_levels
from soundforge.testing import music
from soundforge.testing.grooves import random_groove, render_groove
from soundforge.testing.labelled_clips import Clip, render_clip
from soundforge.testing.render_files import kept_arrays

SR = 22050
TOLERANCE = 0.04
Track = tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]


def tracks(
    split: str, seed: int, metronomes: int = 0, grooves: int = 0, cache: Path | None = None
) -> list[Track]:
    """Per clip with a pulse of training_clips(split, seed), then of `metronomes` metronomes and
    `grooves` grooves: (its levels' features, which levels are within TOLERANCE); its tracked
    levels from `cache` if it holds them for the same clips (level_draws: the measures are computed
    again at every refit, the rendering and tracking are not)."""
    clips = [clip for clip in refit_splits.clips_of(split, seed) if clip.bpm is not None]
    if cache is None:
        sounds = draw_sounds(clips, seed, metronomes, grooves)
    else:
        path = cache / f"{split}-{seed}-{metronomes}-{grooves}.npz"
        # "pitch classes": draws kept before the fifty-eighth pass read the motion from the chroma alone;
        # "pitches": those kept before the sixty-sixth pass lack levels.Pitches.
        source = ("tracked", "pitch classes", "pitches", clips, metronomes, grooves)
        kept = kept_arrays(path, source, lambda: packed(draw_sounds(clips, seed, metronomes, grooves)))
        sounds = unpacked(kept)
    return [track for sound in sounds if (track := track_of(*sound)) is not None]


def draw_sounds(clips: list[Clip], seed: int, metronomes: int, grooves: int) -> list[Sound]:
    """The clips' tracked levels and context, then the metronomes' and grooves' drawn from `seed`."""
    rng = np.random.default_rng([seed, 4242])
    songs = ((render_clip(clip, SR), clip.bpm) for clip in clips if clip.bpm is not None)
    sounds = itertools.chain(
        songs, (metronome(rng) for _ in range(metronomes)), (drum_loop(rng) for _ in range(grooves))
    )
    return [(*tracked(samples), bpm) for samples, bpm in sounds]


def drum_loop(rng: np.random.Generator) -> tuple[npt.NDArray[np.float32], float]:
    """A groove assembled at random (soundforge.testing.grooves), 12-20 s."""
    groove = random_groove(rng)
    return render_groove(groove, float(rng.uniform(12.0, 20.0)), rng, SR), groove.bpm


def metronome(rng: np.random.Generator) -> tuple[npt.NDArray[np.float32], float]:
    """Even clicks at a random tempo, timbre and accent; every click is a beat."""
    bpm = float(np.exp(rng.uniform(np.log(55.0), np.log(200.0))))
    kind = str(rng.choice(["sine", "noise", "kick", "snare", "hat"]))
    length = int(0.04 * SR)
    t = np.arange(length) / SR
    if kind == "sine":
        click = np.sin(2 * np.pi * rng.uniform(400.0, 3000.0) * t) * np.exp(-t * rng.uniform(80.0, 300.0))
    elif kind == "noise":
        click = rng.normal(size=length) * np.exp(-t * rng.uniform(80.0, 300.0))
    else:
        click = music._drum(kind, SR)[:length]
    every = int(rng.choice([0, 2, 3, 4]))
    seconds = float(rng.uniform(12.0, 20.0))
    # Between the clicks, silence or a noise floor up to -60 dB: with the -60 dB floor alone, the
    # eighteenth pass's scorer read a 120 BPM click track that is silent between its clicks at 60.
    out = rng.normal(0.0, float(rng.choice([0.0, 1e-5, 1e-4, 1e-3])), int(seconds * SR))
    for beat, start in enumerate(np.arange(rng.uniform(0.0, 0.5), seconds - 0.1, 60.0 / bpm)):
        begin = round(start * SR)
        end = min(begin + length, out.size)
        out[begin:end] += (0.9 if every and beat % every == 0 else 0.6) * click[: end - begin]
    return (0.7 * out / np.abs(out).max()).astype(np.float32), bpm


def tracked(samples: npt.NDArray[np.float32]) -> tuple[list[Level], LevelContext]:
    """Every level the tracker ran on `samples` (tempo.tracked_levels), and their context."""
    frames = frames_of(samples, Needs(stft=True, mel=True, chroma=True, pitch_classes=True))
    assert frames.mel is not None and frames.chroma is not None
    assert frames.pitch_classes is not None and frames.bass_pitch_classes is not None
    # Kept for measures to come (levels.Pitches): the service reads none of them for the level yet.
    pitches = Pitches(frames.chroma, frames.pitch_classes, frames.bass_pitch_classes)
    # As features._beats: the harmony's motion from the learned pitch classes where the chroma's is static.
    context = level_context(
        to_decibels(frames.mel), chord_labels(frames.chroma), frames.pitch_classes, pitches
    )
    return tracked_levels(context.bands.onset, context.bands.bass), context


def candidate_levels(samples: npt.NDArray[np.float32]) -> tuple[list[Level], LevelContext]:
    """The levels the service's scorer chooses among on `samples` (levels.candidates), and their context."""
    levels, context = tracked(samples)
    return candidates(levels, context), context


def track_of(levels: list[Level], context: LevelContext, bpm: float) -> Track | None:
    """The candidate levels' features (levels.candidates, as the service chooses among) and which
    are within TOLERANCE of `bpm`; None without candidates."""
    levels = candidates(levels, context)
    if not levels:
        return None
    bpms = np.array([refine_tempo(level.frames, level.bpm) for level in levels])
    return level_features(levels, context), np.abs(bpms - bpm) <= TOLERANCE * bpm


def levels_of(samples: npt.NDArray[np.float32], bpm: float) -> Track | None:
    """track_of the levels tracked on `samples`."""
    return track_of(*tracked(samples), bpm)


def vector(values: npt.NDArray[np.float64]) -> str:
    return json.dumps([round(float(v), 6) for v in values])


def padded(
    items: list[Track],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(tracks, most levels, features), which are correct, which are real (the rest is padding)."""
    most = max(len(features) for features, _ in items)
    features = np.zeros((len(items), most, items[0][0].shape[1]))
    correct = np.zeros((len(items), most), dtype=bool)
    valid = np.zeros((len(items), most), dtype=bool)
    for index, (rows, right) in enumerate(items):
        features[index, : len(rows)], correct[index, : len(rows)], valid[index, : len(rows)] = (
            rows,
            right,
            True,
        )
    return features, correct, valid


def read_in_folds(
    pool: ProcessPoolExecutor, tune: list[Track], splits: list[list[Track]], folds: int, units: int, l2: float
) -> None:
    """Per fold (every `folds`-th of `splits`, each a development split's tracks), the levels right
    by a fit on `tune` and the other folds; then in all."""
    work = [
        (
            tune + [item for k, items in enumerate(splits) if k % folds != fold for item in items],
            [item for k, items in enumerate(splits) if k % folds == fold for item in items],
            units,
            l2,
        )
        for fold in range(folds)
    ]
    results = list(pool.map(fold_right, work))
    for fold, (right, total) in enumerate(results):
        print(f"  fold {fold + 1} of {folds}: {right} of {total} levels right")
    right, total = (sum(column) for column in zip(*results, strict=True))
    share = right / max(total, 1)
    print(f"development splits in {folds} folds: {right} of {total} levels right ({share:.2%})")


def fold_right(work: tuple[list[Track], list[Track], int, float]) -> tuple[int, int]:
    """(levels right on the read tracks, how many) by a fit on the others."""
    train, read, units, l2 = work
    weights, _ = fit_levels(train, units, l2)
    return right_levels(weights, read), len(read)


def fit_levels(items: list[Track], units: int, l2: float) -> tuple[ChoiceNetwork, int]:
    """The scorer fit on the tracks that have a level within TOLERANCE (the rest teach nothing), and
    how many those are."""
    fit = [item for item in items if item[1].any()]
    return fit_choice_network(*padded(fit), units=units, l2=l2), len(fit)


def right_levels(weights: ChoiceNetwork, items: list[Track]) -> int:
    """How many tracks the scorer's chosen level is within TOLERANCE for."""
    return round(accuracy(weights, items) * len(items))


def accuracy(weights: ChoiceNetwork, items: list[Track]) -> float:
    features, correct, valid = padded(items)
    picked = chosen(features, weights, valid)
    return float(np.mean(correct[np.arange(len(items)), picked]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seeds", type=int, default=14, help="train on clip_set('tune', seed) for seeds 1..N"
    )
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--units", type=int, default=16, help="the scorer's hidden units")
    # 24, not 12: with cellar's songs and drums in the training, 12 left a 12 s click track at
    # 120 BPM read at 60 (its two levels 0.2 apart); every click of a metronome is a beat.
    parser.add_argument("--metronomes", type=int, default=24, help="metronome clips per tune seed")
    parser.add_argument("--grooves", type=int, default=48, help="random drum grooves per tune seed")
    parser.add_argument(
        "--dev-seeds", type=int, default=3, help="also the development splits drawn with seeds 1..M"
    )
    parser.add_argument("--cache", type=Path, help="keep each draw's features in this folder")
    parser.add_argument(
        "--folds", type=int, default=0, help="read the development splits in K folds by split; no weights"
    )
    refit_splits.add_options(parser, WEIGHTS_FILE, "right levels")
    args = parser.parse_args()
    replaced = trained_weights() if args.check_splits else None  # before the fit can overwrite them
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    # Compile the numba functions the workers run once, here, on one metronome: the forked workers
    # inherit them. Two workers compiling into a fresh cache at once crashed one of them (a pool of
    # two on an empty NUMBA_CACHE_DIR, 2026-11-23). Not features.warm_up: it runs the shipped
    # weights, which a refit for new measures has yet to write.
    levels_of(*metronome(np.random.default_rng(0)))
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        tune = [
            pool.submit(tracks, "tune", seed, args.metronomes, args.grooves, args.cache)
            for seed in range(1, args.seeds + 1)
        ]
        dev = [
            pool.submit(tracks, split, seed, 0, 0, args.cache)
            for split in args.dev_splits
            for seed in range(1, args.dev_seeds + 1)
        ]
        if args.folds:  # no weights written: neither tune's seed 0 nor --check-splits is read
            seeds = args.dev_seeds
            splits = [[item for job in dev[k * seeds : (k + 1) * seeds] for item in job.result()]
                      for k in range(len(args.dev_splits))]  # fmt: skip
            tune_items = [item for job in tune for item in job.result()]
            read_in_folds(pool, tune_items, splits, args.folds, args.units, args.l2)
            return
        check = pool.submit(tracks, "tune", 0, 0, 0, args.cache)
        checks = {
            split: pool.submit(tracks, refit_splits.CHECKED + split, 0, 0, 0, args.cache)
            for split in args.check_splits
        }
        items = [item for job in tune + dev for item in job.result()]
        checked_items = check.result()
        checked_splits = {split: job.result() for split, job in checks.items()}
    weights, fitted = fit_levels(items, args.units, args.l2)
    print(f"{fitted} of {len(items)} tracks have a level within 4%; {time.perf_counter() - started:.0f} s")
    trained, checked = accuracy(weights, items), accuracy(weights, checked_items)
    print(f"tempo within 4%: training {trained:.1%}, tune split (seed 0, not trained on) {checked:.1%}")
    if replaced is not None:
        refit_splits.print_checks(
            {
                split: (
                    right_levels(weights, split_items),
                    right_levels(replaced, split_items),
                    len(split_items),
                )
                for split, split_items in checked_splits.items()
            }
        )
    document = {
        "trained_on": f"clip_set('tune', seed) for seeds 1-{args.seeds} with {args.metronomes} metronomes "
        f"and {args.grooves} grooves each, and {', '.join(args.dev_splits)} for seeds 1-{args.dev_seeds}: "
        f"{fitted} tracks with a pulse",
        "command": f"scripts/train_tempo_weights.py --seeds {args.seeds} --l2 {args.l2} --units {args.units} "
        f"--metronomes {args.metronomes} --grooves {args.grooves} --dev-seeds {args.dev_seeds}"
        + refit_splits.dev_splits_option(args.dev_splits),
        "measures": list(MEASURES),
    }
    # One line per field (and per row of the hidden weights): a diff shows what a refit changed.
    lines = [f" {json.dumps(name)}: {json.dumps(value)}" for name, value in document.items()]
    for name in NETWORK_FIELDS:
        values = getattr(weights, name)
        if values.ndim == 2:
            rows = ",\n  ".join(vector(row) for row in values)
            lines.append(f" {json.dumps(name)}: [\n  {rows}\n ]")
        else:
            lines.append(f" {json.dumps(name)}: {vector(values)}")
    args.output.write_text("{\n" + ",\n".join(lines) + "\n}\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
