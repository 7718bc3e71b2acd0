"""Model availability without a repository: the hub caches say what is here, a failed download what is not."""

from __future__ import annotations

import urllib.error
from pathlib import Path
from typing import Any

import pytest
import torch

from soundforge.separation import model_store
from soundforge.separation.hub_cache import HubCache
from soundforge.separation.model_store import HUB_RETRY_SECONDS, ModelStore, ModelUnavailable

NAMES = ("htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _store(tmp_path: Path, clock: Clock) -> ModelStore:
    cache = HubCache(hf_cache=tmp_path / "hf", torch_checkpoints=tmp_path / "torch" / "checkpoints")
    return ModelStore(None, torch.device("cpu"), 1 << 30, hub_cache=cache, clock=clock)


def _offline(calls: list[str]) -> Any:
    def get_model(name: str, repo: Path | None = None) -> Any:
        calls.append(name)
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    return get_model


def _cache_on_huggingface(root: Path, repo: str, files: dict[str, str]) -> None:
    """The layout huggingface_hub writes: refs/main names a snapshot holding the files."""
    folder = root / f"models--adefossez--{repo}"
    (folder / "refs").mkdir(parents=True)
    (folder / "refs" / "main").write_text("0123abcd")
    snapshot = folder / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    for name, text in files.items():
        (snapshot / name).write_text(text)


def test_an_offline_hub_makes_uncached_models_unavailable_and_their_loads_fail_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    store = _store(tmp_path, clock)
    calls: list[str] = []
    monkeypatch.setattr(model_store, "get_model", _offline(calls))
    # Nothing has failed yet: the hub may well be reachable (the first download will tell).
    assert [store.has_weights(name) for name in NAMES] == [True] * 4
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        store.get("htdemucs")
    assert [store.has_weights(name) for name in NAMES] == [False] * 4
    with pytest.raises(ModelUnavailable, match="hub was unreachable"):
        store.get("htdemucs_ft")
    assert calls == ["htdemucs"]  # the second job did not wait on the network again
    clock.now += HUB_RETRY_SECONDS
    assert store.has_weights("mdx_extra")  # long enough ago to try the hub again


def test_models_in_the_hub_caches_stay_available_when_the_hub_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, Clock())
    monkeypatch.setattr(model_store, "get_model", _offline([]))
    with pytest.raises(ModelUnavailable):
        store.get("mdx_extra")
    # htdemucs on the HuggingFace hub: its bag and its one model.
    _cache_on_huggingface(
        tmp_path / "hf", "HTDemucs", {"htdemucs.yaml": "models: ['955717e8']\n", "955717e8.safetensors": "x"}
    )
    # htdemucs_6s on the legacy remote: the bag ships with demucs, the model is a torch.hub checkpoint.
    checkpoints = tmp_path / "torch" / "checkpoints"
    checkpoints.mkdir(parents=True)
    (checkpoints / "5c90dfd2-34c22ccb.th").write_bytes(b"x")
    # htdemucs_ft's bag is cached, but not one of its four models.
    _cache_on_huggingface(
        tmp_path / "hf",
        "HTDemucs-ft",
        {"htdemucs_ft.yaml": "models: ['f7e0c4bc', 'd12395a8']\n", "f7e0c4bc.safetensors": "x"},
    )
    assert {name: store.has_weights(name) for name in NAMES} == {
        "htdemucs": True,
        "htdemucs_ft": False,
        "htdemucs_6s": True,
        "mdx_extra": False,
    }


def test_a_model_missing_from_the_repository_or_failing_to_load_names_no_server_path(tmp_path: Path) -> None:
    # The reason reaches users (a 503's message, a failed job's error): the model, not the folder.
    repo = tmp_path / "models-on-this-server"
    repo.mkdir()
    (repo / "htdemucs.yaml").write_text("models: ['955717e8']\n")  # a bag whose model file is absent
    store = ModelStore(repo, torch.device("cpu"), 1 << 30)
    reason = store.unavailable_reason("mdx_extra")
    assert reason == "model mdx_extra has no weights on this deployment"
    with pytest.raises(ModelUnavailable) as failed:
        store.get("mdx_extra")
    assert str(repo) not in failed.value.message
