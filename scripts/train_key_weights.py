"""Fit the analysis service's key scorer and write key_weights.json.

The tracks: clip_set("tune", seed) for seeds 1..N -- the tune split's progressions, modes,
instruments, drum patterns and tempos drawn again with other seeds (seed 0 is the tune split the
accuracy bench reports, kept out as a check) -- and every development split's
(labelled_material.DEVELOPMENT_SPLITS: each split read once for a pass's numbers, in the order they
were read) material drawn with seeds 1..M. Their seed 0, which the bench reports, is never read
here, nor anything of a split not yet read (the bench's READ_ONCE).
Beside them, songs of random progressions (soundforge.testing.progressions: modal vamps, and major
and minor songs that dwell away from their tonic; since the sixteenth pass also blues, and songs
coloured by borrowed chords and secondary dominants), so that the fit sees thousands of
progressions rather than the few dozen the splits name; since the twenty-third pass also songs
voiced as jazz and soul voice them, whose dominant is disguised (extended_song: the tritone's
substitute, suspended and altered dominants); with --returning-songs also returning vamps
(returning_song: long modal vamps whose tonic comes back every other bar, their chords fitting
another key's scale). Every track is read as the service's key reads it (since the fifty-first
pass the pitch classes its learned front end hears, pitch_classes.py, and their bass's; the chroma
before), twice: as rendered, and with them as another instrument's partials would colour them
(key_learning.timbre_variant: a new split's instruments move those shares), so that the fit does
not learn the few timbres it hears.
With --buried-bass every track is read a third time, its bass chroma buried in noise peaks
(key_learning.bass_buried: a small speaker or a loud room takes the bass line out of the bass band),
so that the fit learns to read the chords where the bass says little; its draws are cached apart.
Seeds are read in parallel, one process per core. The scorer shipped is an ensemble: --members
fits from as many seeded starts, averaged, the members fit side by side (one process per core).
Prints the training accuracy and the check's.
With --cache DIR each draw's features are kept in DIR (a file per draw, named by it and holding a
hash of its clips): a refit that adds a split renders that split alone. The hash sees the clips'
material, not the renderers' or the features' code: empty DIR when either changes.
--dev-splits names the development splits read (all of them unless given), as the tempo refit's does;
--continue-from PATH continues that weights file's fit (key_learning.refit_from) on the draws named
(say --seeds 0 --random-songs 0 --extended-songs 0 --dev-seeds 1 --dev-splits with the splits it has
not seen) instead of fitting anew: its members and standardisation, --l2 pulling toward its weights,
and what it was fit on recorded before what is added.
--check-splits reads those splits' seed 0 (as the bench does, no timbre variant) and prints how many
keys the new fit and the weights it replaces get right on each: a refit left out of a few splits and
checked on them says whether adding splits helps before a refit on all of them is shipped. --output
writes the weights elsewhere than beside the analysis service (such a check's fit is not shipped).
Run: .venv/bin/python scripts/train_key_weights.py [--seeds 28] [--dev-seeds 6] [--random-songs 4500]
[--extended-songs 1500] [--returning-songs 0] [--l2 3e-3] [--units 32] [--members 3] [--buried-bass]
[--cache DIR] [--dev-splits S ...] [--check-splits S ...] [--continue-from PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import refit_splits

from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.key import (
    FEATURE_BLOCKS,
    MODES,
    WEIGHTS_FILE,
    KeyEnsemble,
    KeyScorer,
    key_features,
    trained_weights,
)
from soundforge.analysis.key_learning import accuracy, bass_buried, fit_weights, refit_from, timbre_variant
from soundforge.analysis.spectra import Needs, frames_of
from soundforge.testing.labelled_clips import (
    Clip,
    render_clip,
)
from soundforge.testing.progressions import extended_song, random_song, returning_song
from soundforge.testing.render_files import kept_arrays

SR = 22050
RANDOM_SONGS = 4500  # 750 of each kind
EXTENDED_SONGS = 1500  # 750 of each kind
CHUNK = 100  # random songs per task
Floats = npt.NDArray[np.float32]
Tracks = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]
# A draw: (split, seed, 0) for clip_set(split, seed)'s clips; ("random" | "extended" | "returning",
# first, count) for `count` songs of that kind from seed `first`.
Draw = tuple[str, int, int]


def clips_of(draw: Draw) -> list[Clip]:
    source, first, count = draw
    if source == "random":
        return [random_song(seed) for seed in range(first, first + count)]
    if source == "extended":
        return [extended_song(seed) for seed in range(first, first + count)]
    if source == "returning":
        return [returning_song(seed) for seed in range(first, first + count)]
    return refit_splits.clips_of(source, first)


def draw_tracks(draw: Draw, cache: Path | None, timbres: bool = True, buried: bool = False) -> Tracks:
    """key_features and targets (mode * 12 + tonic) of the draw's clips with a key, each also as
    another timbre would sound it (key_learning.timbre_variant) unless `timbres` is off, and with its
    bass buried (key_learning.bass_buried) if `buried`; from `cache` if it holds them for the same
    clips."""
    clips = clips_of(draw)
    if cache is None:
        return features_of(clips, timbres, buried)

    def compute() -> dict[str, npt.NDArray[Any]]:
        features, targets = features_of(clips, timbres, buried)
        return {"features": features, "targets": targets}

    name = f"{draw[0]}-{draw[1]}-{draw[2]}{'' if timbres else '-plain'}{'-buried' if buried else ''}"
    # Without the buried bass the source is what it was before the option, so the draws a running
    # refit has cached stay valid.
    # Read from the pitch classes since the fifty-first pass: draws cached from the chroma are not reused.
    source = (clips, timbres, buried, "pitch classes") if buried else (clips, timbres, "pitch classes")
    kept = kept_arrays(cache / f"{name}.npz", source, compute)
    return kept["features"], kept["targets"]


def features_of(clips: list[Clip], timbres: bool, buried: bool = False) -> Tracks:
    features, targets = [], []
    for clip in clips:
        if clip.key is None:
            continue
        # What the service's key scores (features._key): the pitch classes its learned front end
        # hears, and their bass's (the fifty-first pass; the chroma before).
        frames = frames_of(render_clip(clip, SR), Needs(stft=True, chroma=True, pitch_classes=True))
        chroma, bass_chroma = frames.pitch_classes, frames.bass_pitch_classes
        assert chroma is not None and bass_chroma is not None
        tonic, mode = clip.key
        versions: list[tuple[Floats, Floats | None]] = [(chroma, bass_chroma)]
        seed = zlib.crc32(clip.describe().encode())  # by the clip: a refit draws the same variants
        if timbres:
            versions.append(timbre_variant(chroma, bass_chroma, np.random.default_rng(seed)))
        if buried:
            versions.append((chroma, bass_buried(bass_chroma, np.random.default_rng(seed + 1))))
        for heard, bass in versions:
            features.append(key_features(heard, bass, chord_labels(heard)))
            targets.append(MODES.index(mode) * 12 + tonic)
    return np.array(features), np.array(targets, dtype=np.int64)


def right_keys(scorer: KeyEnsemble, features: npt.NDArray[np.float64], targets: npt.NDArray[np.int64]) -> int:
    """How many tracks the scorer's best candidate names the labelled key of."""
    return round(accuracy(scorer, features, targets) * len(targets))


def vector(values: npt.NDArray[np.float64]) -> str:
    return json.dumps([round(float(v), 6) for v in values])


def member_lines(scorer: KeyScorer) -> str:
    """One ensemble member as a JSON object, a line per field and per row of its hidden weights."""
    fields = [f'   "{name}": {vector(getattr(scorer, name))}' for name in ("bias", "output")]
    rows = ",\n    ".join(vector(row) for row in scorer.hidden)
    fields.append(f'   "hidden": [\n    {rows}\n   ]')
    return "  {\n" + ",\n".join(fields) + "\n  }"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seeds", type=int, default=28, help="train on clip_set('tune', seed) for seeds 1..N"
    )
    parser.add_argument(
        "--dev-seeds", type=int, default=6, help="also the development splits drawn with seeds 1..M"
    )
    parser.add_argument(
        "--random-songs",
        type=int,
        default=RANDOM_SONGS,
        help="and progressions.random_song(seed) for seeds 0..N-1",
    )
    parser.add_argument(
        "--extended-songs",
        type=int,
        default=EXTENDED_SONGS,
        help="and progressions.extended_song(seed) for seeds 0..N-1",
    )
    parser.add_argument(
        "--returning-songs",
        type=int,
        default=0,
        help="and progressions.returning_song(seed) for seeds 0..N-1",
    )
    parser.add_argument("--l2", type=float, default=3e-3)
    parser.add_argument("--units", type=int, default=32, help="the scorer's hidden units")
    parser.add_argument("--members", type=int, default=3, help="fits from seeded starts 0..N-1, averaged")
    parser.add_argument("--cache", type=Path, help="keep each draw's features in this folder")
    parser.add_argument(
        "--buried-bass",
        action="store_true",
        help="also read every track with its bass chroma buried in noise",
    )
    parser.add_argument(
        "--continue-from",
        type=Path,
        help="continue this weights file's fit on the draws named here (key_learning.refit_from: its "
        "members and standardisation, --l2 pulling toward its weights) instead of fitting anew",
    )
    refit_splits.add_options(parser, WEIGHTS_FILE, "right keys")
    args = parser.parse_args()
    replaced = trained_weights() if args.check_splits else None  # before the fit can overwrite them
    started_from = None if args.continue_from is None else json.loads(args.continue_from.read_text())
    started = time.perf_counter()
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
    draws: list[Draw] = [("tune", seed, 0) for seed in range(1, args.seeds + 1)]
    draws += [(split, seed, 0) for split in args.dev_splits for seed in range(1, args.dev_seeds + 1)]
    sources = (("random", args.random_songs), ("extended", args.extended_songs))
    for source, songs in (*sources, ("returning", args.returning_songs)):
        draws += [(source, first, min(CHUNK, songs - first)) for first in range(0, songs, CHUNK)]
    # Compile the numba functions the workers run once, here, on one song: the forked workers
    # inherit them. Two workers compiling into a fresh cache at once crashed one of them (a pool of
    # two on an empty NUMBA_CACHE_DIR, 2026-11-23). Not features.warm_up: it runs the shipped
    # weights, which a refit for new features has yet to write.
    features_of([random_song(0)], timbres=True)
    with ProcessPoolExecutor(os.cpu_count()) as pool:  # one draw per core
        parts = list(
            pool.map(functools.partial(draw_tracks, cache=args.cache, buried=args.buried_bass), draws)
        )
        check_features, check_targets = pool.submit(draw_tracks, ("tune", 0, 0), args.cache, False).result()
        checks = {
            split: pool.submit(draw_tracks, (refit_splits.CHECKED + split, 0, 0), args.cache, False)
            for split in args.check_splits
        }
        checked_splits = {split: job.result() for split, job in checks.items()}
    features = np.concatenate([f for f, _ in parts])
    targets = np.concatenate([t for _, t in parts])
    print(f"{len(targets)} tracks, {time.perf_counter() - started:.0f} s; fitting")
    if args.continue_from is not None:
        start = trained_weights(args.continue_from)
        scorer = refit_from(start, features, targets, args.l2, workers=os.cpu_count() or 1)
    else:
        scorer = fit_weights(
            features, targets, args.l2, args.units, tuple(range(args.members)), workers=os.cpu_count() or 1
        )
    print(f"fit in {time.perf_counter() - started:.0f} s")
    trained, checked = accuracy(scorer, features, targets), accuracy(scorer, check_features, check_targets)
    print(f"key exact: training {trained:.1%}, tune split (seed 0, not trained on) {checked:.1%}")
    if replaced is not None:
        refit_splits.print_checks(
            {
                split: (right_keys(scorer, *tracks), right_keys(replaced, *tracks), len(tracks[1]))
                for split, tracks in checked_splits.items()
            }
        )
    named = [
        f"clip_set('tune', seed) for seeds 1-{args.seeds}" if args.seeds else "",
        f"{', '.join(args.dev_splits)} for seeds 1-{args.dev_seeds}" if args.dev_seeds else "",
        *(
            f"{kind}_song for seeds 0-{songs - 1}"
            for kind, songs in (
                ("random", args.random_songs),
                ("extended", args.extended_songs),
                ("returning", args.returning_songs),
            )
            if songs
        ),
    ]
    trained_on = (
        ", ".join(source for source in named if source)
        + f": {len(targets)} tracks with a key, half of them another timbre's (key_learning.timbre_variant)"
        + (", a third with the bass buried (key_learning.bass_buried)" if args.buried_bass else "")
    )
    command = (
        f"scripts/train_key_weights.py --seeds {args.seeds} --dev-seeds {args.dev_seeds} "
        f"--random-songs {args.random_songs} --extended-songs {args.extended_songs} --l2 {args.l2} "
        f"--units {args.units} --members {args.members}"
        + (f" --returning-songs {args.returning_songs}" if args.returning_songs else "")
        + (" --buried-bass" if args.buried_bass else "")
        + refit_splits.dev_splits_option(args.dev_splits)
    )
    if started_from is not None:  # what the continued weights were fit on, then what was added
        trained_on = (
            f"{started_from['trained_on']}; then continued (key_learning.refit_from, l2 {args.l2} "
            f"toward those weights) on {trained_on}"
        )
        command = f"{started_from['command']} && {command} --continue-from {WEIGHTS_FILE.name}"
    document = {
        "trained_on": trained_on,
        "command": command,
        "feature_blocks": [[name, size] for name, size in FEATURE_BLOCKS],
    }
    # One line per field (and per row of the hidden weights): a diff shows what a refit changed.
    lines = [f" {json.dumps(name)}: {json.dumps(value)}" for name, value in document.items()]
    lines += [f" {json.dumps(name)}: {vector(getattr(scorer, name))}" for name in ("mean", "scale")]
    members = ",\n".join(member_lines(member) for member in scorer.members)
    lines.append(f' "members": [\n{members}\n ]')
    args.output.write_text("{\n" + ",\n".join(lines) + "\n}\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
