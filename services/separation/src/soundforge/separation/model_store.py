"""Demucs models loaded once through `demucs.pretrained.get_model`, the most recent kept within a budget."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
import yaml
from demucs.pretrained import get_model
from demucs.repo import LocalRepo, ModelLoadingError

from soundforge.events import PermanentJobError
from soundforge.separation.hub_cache import HubCache

log = logging.getLogger(__name__)

# After a hub download fails for want of a network, models not in the caches count as unavailable
# (and their jobs fail at once rather than after the download's timeouts) for this long.
HUB_RETRY_SECONDS = 300.0


class ModelUnavailable(PermanentJobError):
    """The model's weights are not on this deployment: retrying cannot help, the job fails at once."""


def pick_device(setting: str) -> torch.device:
    """ "auto": the first CUDA device when there is one, else the CPU; anything else is forced."""
    if setting == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(setting)


def model_bytes(model: Any) -> int:
    return sum(p.numel() * p.element_size() for p in model.parameters()) + sum(
        b.numel() * b.element_size() for b in model.buffers()
    )


class ModelStore:
    """Loads models from a Demucs repository directory (or the hub when `repo` is None).

    Thread-safe: two jobs asking for the same model wait for one load. Models past the memory
    budget are dropped least recently used first (the one just asked for always stays).
    """

    def __init__(
        self,
        repo: Path | None,
        device: torch.device,
        budget_bytes: int,
        *,
        hub_cache: HubCache | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.repo = repo
        self.device = device
        self.budget_bytes = budget_bytes
        self.loaded: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self.lock = threading.Lock()
        self.hub_cache = hub_cache or HubCache()
        self._clock = clock
        self._hub_failed_at: float | None = None

    def has_weights(self, name: str) -> bool:
        """Whether every file `get_model(name, repo)` reads is present (a bag: its yaml and each model).

        With no repository: in the hub caches, or else downloadable as far as we know -- a download
        that failed for want of a network in the last HUB_RETRY_SECONDS says it is not. Nothing
        here goes to the network: asking must stay cheap, and an offline host must not wait.
        """
        return self.unavailable_reason(name) is None

    def unavailable_reason(self, name: str) -> str | None:
        """Why `has_weights(name)` is False, in words for the caller; None when it is True."""
        if name in self.loaded:
            return None
        if self.repo is not None:
            if _repo_has(self.repo, name):
                return None
            # Not the repository's path (the settings say it): the reason reaches users, in a 503's
            # message and a failed job's error.
            return f"model {name} has no weights on this deployment"
        if self.hub_cache.has(name):
            return None
        since = self._hub_unreachable_for()
        if since is None:
            return None
        return (
            f"model {name} has no weights on this deployment and the model hub was unreachable"
            f" {since:.0f} s ago (set SEPARATION_MODEL_REPO to a directory of weights)"
        )

    def _hub_unreachable_for(self) -> float | None:
        """Seconds since the last failed hub download, while that is recent enough to believe."""
        if self._hub_failed_at is None:
            return None
        elapsed = self._clock() - self._hub_failed_at
        return elapsed if elapsed < HUB_RETRY_SECONDS else None

    def get(self, name: str) -> Any:
        with self.lock:
            if name in self.loaded:
                self.loaded.move_to_end(name)
                return self.loaded[name][0]
            model = self._load(name)
            size = model_bytes(model)
            self.loaded[name] = (model, size)
            while len(self.loaded) > 1 and sum(s for _, s in self.loaded.values()) > self.budget_bytes:
                dropped, _ = self.loaded.popitem(last=False)
                log.info("model dropped to stay within the memory budget", extra={"model": dropped})
            return model

    def _load(self, name: str) -> Any:
        if (reason := self.unavailable_reason(name)) is not None:
            raise ModelUnavailable(reason)
        try:
            model = get_model(name, repo=self.repo)
        except (ModelLoadingError, FileNotFoundError, OSError, ValueError) as err:
            # urllib's URLError and socket errors are OSErrors: the download, not the file, failed.
            if self.repo is None and isinstance(err, OSError) and not isinstance(err, FileNotFoundError):
                self._hub_failed_at = self._clock()
            log.warning("loading model %s failed", name, exc_info=True)  # its words name server paths
            raise ModelUnavailable(f"model {name} could not be loaded ({type(err).__name__})") from err
        model.to(self.device)
        model.eval()
        log.info("model loaded", extra={"model": name, "device": str(self.device)})
        return model


def _repo_has(repo: Path, name: str) -> bool:
    """Demucs' own lookup: a `<name>.yaml` bag whose models are all in the repo, or a single `<name>.th`."""
    if not repo.is_dir():
        return False
    try:
        models = LocalRepo(repo)
    except ModelLoadingError:
        return False
    bag = repo / f"{name}.yaml"
    if bag.is_file():
        try:
            sigs = yaml.safe_load(bag.read_text()).get("models") or []
        except (yaml.YAMLError, AttributeError):
            return False
        return bool(sigs) and all(models.has_model(sig) for sig in sigs)
    return models.has_model(name)
