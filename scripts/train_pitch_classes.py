"""Fit the analysis service's learned pitch classes (pitch_classes.py) and write pitch_class_weights.npz.

The clips: the songs (a score with a key: every category but drums, noise and held tones) of
development splits drawn with seeds >= 1 (labelled_clips.training_clips: their seed 0 is what the
bench reports) and of the tune split at seeds >= 1. Each is rendered as the bench renders it (its
split's instruments and production), read by the service's own spectral pass
(spectra.FrameStream: the tuned log-frequency magnitudes) and paired with what its score sounds,
frame by frame (labelled_clips.sounding_pitch_classes). A small network (pitch_classes.PitchClassNet:
two ReLU layers) learns, with dropout, to name the pitch classes sounding and the bass's from every
third frame (or fewer: FRAME_BUDGET); --check-splits fits without those splits first and prints
the frame loss on them (a split's timbres unseen), then fits on all.
Fit with torch (this script only: the service runs the network in numpy).
With --cache DIR each draw's frames are kept in DIR (a file per draw, named by it and holding a hash
of its clips); empty DIR when the renderers or the spectral pass change.
With --continue-from PATH the fit starts from that network (its weights and its standardisation)
at --learning-rate: a fit continued on new timbres renders their draws and some already fit on
(lest it forget them), not all 23 splits' (some two hours on two cores on a fresh machine).
Run: .venv/bin/python scripts/train_pitch_classes.py [--dev-splits S ...] [--dev-seeds 1]
[--tune-seeds 2] [--units 256] [--epochs 6] [--cache DIR] [--check-splits S ...] [--output PATH]
[--continue-from PATH] [--learning-rate 1e-3] [--drums]
With --drums the drums-alone clips of the same draws are fit too, every target zero: a fit that
learns struck, pitched bars (a balafon's) otherwise learns to hear pitch classes in struck drums
(seventy-first pass: tuned drums alone named Eb major).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import torch

from soundforge.analysis.pitch_classes import (
    WEIGHTS_FILE,
    PitchClassNet,
    network_inputs,
    save_net,
    trained_net,
)
from soundforge.analysis.spectra import HOP, Needs, frames_of
from soundforge.testing.labelled_clips import (
    DEVELOPMENT_SPLITS,
    Clip,
    render_clip,
    sounding_pitch_classes,
    training_clips,
)
from soundforge.testing.render_files import kept_arrays

SR = 22050
# Frames fit on, at most (every third frame, or sparser: neighbours say nearly the same); a million
# frames of 1320 inputs hold 5 GB.
FRAME_BUDGET = 1_000_000


def songs(split: str, seed: int) -> list[Clip]:
    return [clip for clip in training_clips(split, seed) if clip.progression is not None]


def drums_alone(split: str, seed: int) -> list[Clip]:
    """The drums-alone clips: what they sound is no pitch class (their targets all zero), tuned
    drums, bells and toms included -- what a key is never named on."""
    return [clip for clip in training_clips(split, seed) if clip.category == "drums"]


# A draw: a split, a seed, and which of its clips ("songs", or with --drums also "drums").
Draw = tuple[str, int, str]


def draw_frames(draw: Draw, cache: Path | None) -> dict[str, npt.NDArray[Any]]:
    """A draw's log-frequency frames (BINS x every frame, float16, the clips side by side) and its
    targets (24 x every frame), from `cache` where it holds them for the same clips."""
    split, seed, kind = draw
    clips = songs(split, seed) if kind == "songs" else drums_alone(split, seed)

    def compute() -> dict[str, npt.NDArray[Any]]:
        spectra, targets = [], []
        for clip in clips:
            frames = frames_of(render_clip(clip, SR), Needs(stft=True, chroma=True, log_frequency=True))
            assert frames.log_frequency is not None
            spectra.append(frames.log_frequency.astype(np.float16))
            targets.append(sounding_pitch_classes(clip, frames.frames, SR / HOP))
        lengths = np.array([spectrum.shape[1] for spectrum in spectra])
        return {"spectra": np.concatenate(spectra, axis=1), "targets": np.concatenate(targets, axis=1),
                "lengths": lengths}  # fmt: skip

    if cache is None:
        return compute()
    name = f"pitch-{split}-{seed}" if kind == "songs" else f"pitch-{kind}-{split}-{seed}"
    return kept_arrays(cache / f"{name}.npz", clips, compute)


Examples = tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]


def examples(kept: list[dict[str, npt.NDArray[Any]]]) -> Examples:
    """Network inputs and targets of every third frame of each clip, or sparser within FRAME_BUDGET
    (each clip read against its own loudness, as the service reads a track)."""
    every = max(3, -(-sum(int(draw["lengths"].sum()) for draw in kept) // FRAME_BUDGET))
    inputs, targets = [], []
    for draw in kept:
        bounds = np.cumsum(np.concatenate([[0], draw["lengths"]]))
        for start, end in itertools.pairwise(bounds):
            # A copy of the frames kept: a view would hold every frame's inputs (7 MB a clip).
            inputs.append(network_inputs(draw["spectra"][:, start:end].astype(np.float32))[::every].copy())
            targets.append(draw["targets"][:, start:end].T[::every].astype(np.float32))
    return np.concatenate(inputs), np.concatenate(targets)


def fit(inputs: npt.NDArray[np.float32], targets: npt.NDArray[np.float32], units: int, epochs: int,
        seed: int = 0, initial: PitchClassNet | None = None, rate: float = 1e-3
        ) -> PitchClassNet:  # fmt: skip
    """A network fit on the frames; from `initial`'s weights and its standardisation when given (a fit
    continued on new frames), else from a random draw and the frames' own mean and spread."""
    torch.manual_seed(seed)
    if initial is not None:
        mean, scale = initial.mean, initial.scale
    else:
        mean = inputs.mean(axis=0)
        scale = inputs.std(axis=0) + 1e-6
    inputs -= mean  # in place: the inputs are the largest thing held
    inputs /= scale
    x = torch.from_numpy(inputs)
    y = torch.from_numpy(targets)
    net = torch.nn.Sequential(
        torch.nn.Linear(x.shape[1], units), torch.nn.ReLU(), torch.nn.Dropout(0.3),
        torch.nn.Linear(units, units), torch.nn.ReLU(), torch.nn.Dropout(0.3),
        torch.nn.Linear(units, y.shape[1]),
    )  # fmt: skip
    if initial is not None:
        linear = [layer for layer in net if isinstance(layer, torch.nn.Linear)]
        if len(linear) != len(initial.layers) or initial.layers[0][0].shape != (x.shape[1], units):
            raise ValueError("--continue-from: the network has other layers or inputs than --units gives")
        with torch.no_grad():
            for layer, (weights, bias) in zip(linear, initial.layers, strict=True):
                layer.weight.copy_(torch.from_numpy(weights.T.copy()))
                layer.bias.copy_(torch.from_numpy(bias.copy()))
    optimiser = torch.optim.Adam(net.parameters(), rate, weight_decay=1e-5)
    loss_of = torch.nn.BCEWithLogitsLoss()
    for epoch in range(epochs):
        order = torch.randperm(len(x))
        total = 0.0
        net.train()
        for start in range(0, len(x), 512):
            batch = order[start : start + 512]
            optimiser.zero_grad()
            loss = loss_of(net(x[batch]), y[batch])
            loss.backward()
            optimiser.step()
            total += loss.item() * len(batch)
        print(f"  epoch {epoch}: loss {total / len(x):.4f} over {len(x)} frames", flush=True)
    linear = [layer for layer in net if isinstance(layer, torch.nn.Linear)]
    layers = tuple(
        (layer.weight.detach().numpy().T.astype(np.float32), layer.bias.detach().numpy().astype(np.float32))
        for layer in linear
    )
    return PitchClassNet(mean.astype(np.float32), scale.astype(np.float32), layers)


def frame_loss(net: PitchClassNet, inputs: npt.NDArray[np.float32], targets: npt.NDArray[np.float32]
               ) -> float:  # fmt: skip
    p = np.clip(net.activations(inputs), 1e-6, 1 - 1e-6)
    return float(-np.mean(targets * np.log(p) + (1 - targets) * np.log(1 - p)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    splits = list(DEVELOPMENT_SPLITS)
    parser.add_argument("--dev-splits", nargs="+", choices=splits, default=splits)
    parser.add_argument("--dev-seeds", type=int, default=1, help="each development split at seeds 1..N")
    parser.add_argument("--tune-seeds", type=int, default=2, help="the tune split at seeds 1..N")
    parser.add_argument("--units", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--cache", type=Path, help="keep each draw's frames in this folder")
    parser.add_argument("--check-splits", nargs="+", default=[], help="fit without them; print their loss")
    parser.add_argument("--output", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--continue-from", type=Path, help="start from this network's weights")
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--drums", action="store_true", help="fit the drums-alone clips too (no pitch)")
    args = parser.parse_args()
    start_net = trained_net(args.continue_from) if args.continue_from is not None else None
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
    draws: list[Draw] = [("tune", seed, "songs") for seed in range(1, args.tune_seeds + 1)]
    draws += [(split, seed, "songs") for seed in range(1, args.dev_seeds + 1) for split in args.dev_splits]
    if args.drums:
        draws += [(split, seed, "drums") for split, seed, _ in draws]
    start = time.time()
    kept: dict[Draw, dict[str, npt.NDArray[Any]]] = {}
    # The spectral pass's numba functions (the tuning's pitch tracking) compiled here, once: the forked
    # workers inherit them. Two workers compiling into one fresh cache at once can write the same
    # overload's file; a pool of two died so at its first draw not yet kept (seventy-first pass).
    noise = np.random.default_rng(0).standard_normal(SR).astype(np.float32)
    frames_of(noise, Needs(stft=True, chroma=True, log_frequency=True))
    with ProcessPoolExecutor(min(2, len(draws))) as pool:
        read = pool.map(functools.partial(draw_frames, cache=args.cache), draws)
        for draw, arrays in zip(draws, read, strict=True):
            kept[draw] = arrays
            clips = arrays["lengths"].size
            print(
                f"{draw[0]} seed {draw[1]} {draw[2]}: {clips} clips, {time.time() - start:.0f} s", flush=True
            )
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    if args.check_splits:
        inside = [arrays for (split, _, _), arrays in kept.items() if split not in args.check_splits]
        outside = [arrays for (split, _, _), arrays in kept.items() if split in args.check_splits]
        held = fit(*examples(inside), args.units, args.epochs, initial=start_net, rate=args.learning_rate)
        loss = frame_loss(held, *examples(outside))
        print(f"check: frame loss {loss:.4f} on {' '.join(args.check_splits)}")
    net = fit(
        *examples(list(kept.values())), args.units, args.epochs, initial=start_net, rate=args.learning_rate
    )
    command = (
        f"scripts/train_pitch_classes.py --dev-seeds {args.dev_seeds} --tune-seeds {args.tune_seeds} "
        f"--units {args.units} --epochs {args.epochs}"
        + ("" if args.dev_splits == splits else f" --dev-splits {' '.join(args.dev_splits)}")
        + (" --drums" if args.drums else "")
        + (
            ""
            if start_net is None
            else f" --continue-from {args.continue_from} --learning-rate {args.learning_rate}"
        )
    )
    trained_on = [
        f"{split} seed {seed}" + ("" if kind == "songs" else f" {kind}") for split, seed, kind in draws
    ]
    if start_net is not None:  # what the network started from was fit on more
        with np.load(args.continue_from) as stored:
            trained_on = [*json.loads(str(stored["about"])).get("trained_on", []), *trained_on]
    save_net(net, args.output, {"trained_on": trained_on, "command": command})
    print(f"wrote {args.output} ({time.time() - start:.0f} s)")


if __name__ == "__main__":
    main()
