"""Fixtures of the generation tests: tiny AudioCraft checkpoints of all four kinds, built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

from soundforge.generation.audiocraft_engine import DEFAULT_CHECKPOINTS, AudioCraftEngine


@pytest.fixture(scope="session")
def generation_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A GENERATION_MODEL_DIR holding random tiny checkpoints under the default checkpoints' names
    (musicgen-small, audiogen-medium, magnet-small-10secs, audio-magnet-small): ~1 s to build."""
    from soundforge.testing.audiocraft_models import build_generation_model_dir

    root = tmp_path_factory.mktemp("generation-models")
    build_generation_model_dir(root)
    return root


@pytest.fixture
def one_torch_thread() -> Iterator[None]:
    """Tiny models step faster on one thread, and much faster than two on a busy machine
    (OpenMP threads spin waiting for each other). Restored after the test."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def tiny_engine(generation_model_dir: Path) -> AudioCraftEngine:
    """One engine over the tiny checkpoints for the whole session: each model loads once."""
    return AudioCraftEngine(generation_model_dir, DEFAULT_CHECKPOINTS, memory_budget_mb=1024, device="cpu")
