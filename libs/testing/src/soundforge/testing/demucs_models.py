"""Demucs model repositories with random weights, in Demucs' own on-disk format, for tests and benches.

`build_model_repo(dir)` writes what `demucs.pretrained.get_model(name, repo=dir)` reads for the
four models the platform offers: `<sig>-<sha256[:8]>.th` files made by `serialize_model` +
`save_with_checksum`, and one `<name>.yaml` bag per name, each model of its release's own class
(HTDemucs for the htdemucs family, HDemucs for mdx_extra) and sources. Tiny by default
(../shared/notes/stack.md: ~100 k parameters, fast on a CPU); `full=True` builds htdemucs at its
real size (42 M parameters) for benchmarks.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import torch
import yaml
from demucs.hdemucs import HDemucs
from demucs.htdemucs import HTDemucs
from demucs.states import save_with_checksum, serialize_model
from omegaconf import OmegaConf

FOUR = ["drums", "bass", "other", "vocals"]
SIX = [*FOUR, "guitar", "piano"]

_TINY_HT = dict(
    channels=4, depth=4, nfft=4096, t_layers=1, t_heads=1, bottom_channels=0, dconv_depth=1, dconv_comp=1
)
_FULL_HT = dict(
    channels=48, depth=4, nfft=4096, dconv_mode=3, t_layers=5, t_dropout=0.02, bottom_channels=512
)


def htdemucs(sources: list[str], *, full: bool = False, segment: Fraction = Fraction(39, 5)) -> HTDemucs:
    shape: dict[str, Any] = _FULL_HT if full else _TINY_HT
    return HTDemucs(sources=sources, audio_channels=2, samplerate=44100, segment=segment, **shape)


def hdemucs(sources: list[str]) -> HDemucs:
    return HDemucs(sources=sources, audio_channels=2, samplerate=44100, channels=4, segment=8)


def save_model(model: Any, repo: Path, sig: str) -> None:
    package = serialize_model(model, OmegaConf.create({}), half=False)
    save_with_checksum(package, repo / f"{sig}.th")


def save_bag(repo: Path, name: str, sigs: list[str], weights: list[list[float]] | None = None) -> None:
    bag: dict[str, Any] = {"models": sigs}
    if weights is not None:
        bag["weights"] = weights
    (repo / f"{name}.yaml").write_text(yaml.safe_dump(bag))


def build_model_repo(
    repo: Path, *, full: bool = False, names: tuple[str, ...] | None = None, seed: int = 0
) -> Path:
    """Writes the offered models (or `names` of them) into `repo` and returns it."""
    repo.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    wanted = set(names or ("htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra"))
    if "htdemucs" in wanted:
        save_model(htdemucs(FOUR, full=full), repo, "a0000001")
        save_bag(repo, "htdemucs", ["a0000001"])
    if "htdemucs_ft" in wanted:
        # Like the release: four fine-tuned models, each trusted for one source only.
        sigs = [f"b000000{k}" for k in range(4)]
        for sig in sigs:
            save_model(htdemucs(FOUR, full=full), repo, sig)
        save_bag(repo, "htdemucs_ft", sigs, [[1.0 if j == k else 0.0 for j in range(4)] for k in range(4)])
    if "htdemucs_6s" in wanted:
        save_model(htdemucs(SIX, full=full), repo, "c0000001")
        save_bag(repo, "htdemucs_6s", ["c0000001"])
    if "mdx_extra" in wanted:
        sigs = [f"d000000{k}" for k in range(2)]
        for sig in sigs:
            save_model(hdemucs(FOUR), repo, sig)
        save_bag(repo, "mdx_extra", sigs)
    return repo
