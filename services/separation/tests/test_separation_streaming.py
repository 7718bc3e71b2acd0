"""Window-by-window separation equals Demucs' one-shot `apply_model`, in memory bounded by a window."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from demucs.apply import apply_model
from demucs.pretrained import get_model

from soundforge.separation import streaming
from soundforge.separation.streaming import Stopped, separate_stream
from soundforge.testing.demucs_models import build_model_repo

RATE = 44100


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_model_repo(tmp_path_factory.mktemp("demucs-repo"))


def mix(seconds: float, seed: int = 1) -> torch.Tensor:
    """Normalised stereo noise with a slow tone, so each window differs from the next."""
    rng = np.random.default_rng(seed)
    frames = int(seconds * RATE)
    t = np.arange(frames) / RATE
    wav = 0.1 * rng.standard_normal((2, frames)) + 0.3 * np.sin(2 * np.pi * 3.0 * t)
    return torch.from_numpy(wav.astype(np.float32))


def one_shot(model: Any, wav: torch.Tensor, shifts: int = 0, **kwargs: Any) -> np.ndarray:
    # apply_model's own default is one random shift: the comparison asks for none unless told.
    return apply_model(model, wav[None], split=True, shifts=shifts, **kwargs)[0].numpy()


def streamed(model: Any, wav: torch.Tensor, block: int = 30_000, **kwargs: Any) -> np.ndarray:
    blocks = (wav[:, i : i + block].numpy() for i in range(0, wav.shape[-1], block))
    out: list[np.ndarray] = []
    separate_stream(model, blocks, wav.shape[-1], out.append, mean=0.0, std=1.0, **kwargs)
    return np.concatenate(out, axis=-1)


@pytest.mark.parametrize("name", ["htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra"])
def test_streamed_output_equals_apply_model(repo: Path, name: str) -> None:
    model = get_model(name, repo=repo)
    # Long enough for several windows of every model, and not a whole number of them.
    wav = mix(19.3 if name != "htdemucs_ft" else 9.1)
    expected = one_shot(model, wav, overlap=0.25)
    actual = streamed(model, wav, overlap=0.25)
    assert actual.shape == expected.shape == (len(model.sources), 2, wav.shape[-1])
    assert np.allclose(actual, expected, rtol=0, atol=1e-6), np.abs(actual - expected).max()


def test_segment_and_overlap_overrides_match_too(repo: Path) -> None:
    model = get_model("htdemucs", repo=repo)
    wav = mix(11.0, seed=2)
    expected = one_shot(model, wav, overlap=0.1, segment=4.0)
    actual = streamed(model, wav, block=4096, overlap=0.1, segment=4.0)
    assert np.allclose(actual, expected, rtol=0, atol=1e-6)


def test_one_shift_matches_with_the_same_random_draw(repo: Path) -> None:
    # With several shifts (or a bag) the transformer's own random draws interleave differently,
    # so only a single shift of a single model can be compared sample for sample.
    model = get_model("htdemucs", repo=repo)
    wav = mix(9.0, seed=3)
    random.seed(7)
    expected = one_shot(model, wav, shifts=1)
    random.seed(7)
    actual = streamed(model, wav, shifts=1)
    assert np.allclose(actual, expected, rtol=0, atol=1e-6)


def test_stems_are_denormalised_with_the_track_statistics(repo: Path) -> None:
    model = get_model("htdemucs", repo=repo)
    wav = mix(3.0)
    out: list[np.ndarray] = []
    blocks = iter([wav.numpy()])
    separate_stream(model, blocks, wav.shape[-1], out.append, mean=0.25, std=2.0)
    assert np.allclose(out[0], one_shot(model, wav) * 2.0 + 0.25, atol=1e-5)


class _Probe(torch.nn.Module):
    """A cheap stand-in with HTDemucs' interface: each source is the window scaled by its own RMS,
    so a wrong window boundary, weight or context changes the output."""

    def __init__(self, segment: float = 1.0) -> None:
        super().__init__()
        self.sources = ["a", "b"]
        self.samplerate = 1000
        self.audio_channels = 2
        self.segment = segment
        self.gain = torch.nn.Parameter(torch.tensor([1.0, -0.5]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rms = x.pow(2).mean(dim=(-1, -2), keepdim=True).sqrt()
        return self.gain[None, :, None, None] * (x * rms)[:, None]


def _collect_lengths(sizes: list[int]) -> Callable[[np.ndarray], None]:
    return lambda block: sizes.append(block.shape[-1])


def test_buffers_do_not_grow_with_the_length_of_the_track(monkeypatch: pytest.MonkeyPatch) -> None:
    largest: dict[str, int] = {"input": 0}
    context = streaming._InputWindow.context

    def spying_context(self: streaming._InputWindow, start: int, length: int) -> torch.Tensor:
        result = context(self, start, length)
        largest["input"] = max(largest["input"], self.data.shape[1])
        return result

    monkeypatch.setattr(streaming._InputWindow, "context", spying_context)
    model = _Probe()
    for seconds in (20, 400):
        largest["input"] = 0
        wav = mix(seconds)[:, : seconds * 1000]
        blocks = (wav[:, i : i + 700].numpy() for i in range(0, wav.shape[-1], 700))
        sizes: list[int] = []
        separate_stream(model, blocks, wav.shape[-1], _collect_lengths(sizes), mean=0.0, std=1.0)
        assert sum(sizes) == wav.shape[-1]
        # One window (1000 frames) of context plus a read block, whatever the length.
        assert largest["input"] <= 2 * 1000 + 700
        assert max(sizes) <= 1000


def test_probe_model_matches_apply_model_on_a_long_input() -> None:
    model = _Probe()
    wav = mix(120)[:, :120_000]
    assert np.allclose(streamed(model, wav, block=977), one_shot(model, wav), rtol=0, atol=1e-6)


def test_a_stop_request_ends_the_separation_between_windows(repo: Path) -> None:
    model = _Probe()
    wav = mix(30)[:, :30_000]
    windows: list[int] = []
    with pytest.raises(Stopped):
        separate_stream(
            model,
            iter([wav.numpy()]),
            wav.shape[-1],
            lambda b: None,
            mean=0.0,
            std=1.0,
            on_window=lambda done, total: windows.append(done),
            should_stop=lambda: len(windows) >= 3,
        )
    assert windows == [1, 2, 3]
