"""Whether a Demucs model's weights are already on this machine, read from the hub caches without network.

With no model repository, `demucs.pretrained.get_model` looks on the HuggingFace hub first
(`adefossez/<repo>`: `<name>.yaml` and one `<sig>.safetensors` per model of the bag, kept in the
HuggingFace cache), then falls back to the legacy remote (the bag yaml shipped in demucs'
`remote/` folder, each `<sig>-<sha8>.th` kept in torch.hub's `checkpoints/`). A model is cached
when either source has every file it needs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import torch
import yaml
from demucs.hf import DEFAULT_NAMESPACE, hf_repo_name
from demucs.pretrained import REMOTE_ROOT, _parse_remote_files
from huggingface_hub import constants, try_to_load_from_cache


class HubCache:
    """Looks in the HuggingFace cache and torch.hub's checkpoints (defaults: where the loaders write)."""

    def __init__(self, hf_cache: Path | None = None, torch_checkpoints: Path | None = None) -> None:
        self.hf_cache = hf_cache or Path(constants.HF_HUB_CACHE)
        self.torch_checkpoints = torch_checkpoints or Path(torch.hub.get_dir()) / "checkpoints"

    def has(self, name: str) -> bool:
        return self._on_huggingface(name) or self._on_legacy_remote(name)

    def _on_huggingface(self, name: str) -> bool:
        repo_id = f"{DEFAULT_NAMESPACE}/{hf_repo_name(name)}"

        def cached(filename: str) -> str | None:
            found: Any = try_to_load_from_cache(repo_id, filename, cache_dir=self.hf_cache)
            return found if isinstance(found, str) and os.path.isfile(found) else None

        bag = cached(f"{name}.yaml")
        sigs = _bag_models(Path(bag)) if bag else []
        return bool(sigs) and all(cached(f"{sig}.safetensors") for sig in sigs)

    def _on_legacy_remote(self, name: str) -> bool:
        urls = _parse_remote_files(REMOTE_ROOT / "files.txt")
        bag = REMOTE_ROOT / f"{name}.yaml"
        sigs = _bag_models(bag) if bag.is_file() else [name]
        return all(
            sig in urls and (self.torch_checkpoints / urls[sig].rsplit("/", 1)[-1]).is_file() for sig in sigs
        )


def _bag_models(path: Path) -> list[str]:
    try:
        models = yaml.safe_load(path.read_text()).get("models") or []
    except (OSError, yaml.YAMLError, AttributeError):
        return []
    return [str(sig) for sig in models]
