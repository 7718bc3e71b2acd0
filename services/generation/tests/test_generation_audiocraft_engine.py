"""AudioCraftEngine over tiny checkpoints of all four kinds, loaded through AudioCraft's own loaders."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import numpy as np
import pytest
import torch
from audiocraft.models import MusicGen
from audiocraft.models.lm import LMModel
from omegaconf import OmegaConf

from soundforge.generation.audiocraft_engine import DEFAULT_CHECKPOINTS, AudioCraftEngine
from soundforge.generation.engine import DurationTooLong, ModelState, ModelUnavailable
from soundforge.runtime.errors import InvalidArgument

pytestmark = pytest.mark.usefixtures("one_torch_thread")

RATES = {"music": 32000, "audio": 16000, "magnet-music": 32000, "magnet-audio": 16000}


class Recorder:
    """A progress callback that keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))

    def assert_counts_every_step(self) -> None:
        total = self.calls[-1][1]
        assert [done for done, _ in self.calls] == list(range(1, total + 1))
        assert {t for _, t in self.calls} == {total}


def state(engine: AudioCraftEngine, model: str) -> ModelState:
    return next(s.state for s in engine.statuses() if s.name == model)


def fresh_engine(model_dir: Path, budget_mb: int = 1024) -> AudioCraftEngine:
    return AudioCraftEngine(model_dir, DEFAULT_CHECKPOINTS, budget_mb, "cpu")


@pytest.mark.parametrize("model", ["music", "audio", "magnet-music", "magnet-audio"])
def test_each_kind_loads_and_generates_exactly_the_duration(
    tiny_engine: AudioCraftEngine, model: str
) -> None:
    progress = Recorder()
    audio = tiny_engine.generate(model, "rain on a tin roof", 3.3, seed=1, progress=progress)

    assert audio.sample_rate == RATES[model]
    assert audio.samples.dtype == np.float32
    assert audio.samples.shape == (1, round(3.3 * RATES[model]))
    assert np.isfinite(audio.samples).all() and np.abs(audio.samples).max() > 0
    progress.assert_counts_every_step()
    assert state(tiny_engine, model) is ModelState.READY
    assert model in tiny_engine.loaded()


def test_max_duration_is_none_with_continuation_and_the_segment_for_magnet(
    generation_model_dir: Path,
) -> None:
    engine = fresh_engine(generation_model_dir)
    assert engine.max_duration("music") is None
    assert engine.max_duration("audio") is None
    # Read from the checkpoint's config before anything loads.
    assert engine.max_duration("magnet-music") == 10.0
    assert engine.loaded() == set()
    engine.load("magnet-audio")
    assert engine.max_duration("magnet-audio") == 10.0


def test_a_model_goes_pending_loading_ready(
    generation_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = fresh_engine(generation_model_dir)
    assert {s.state for s in engine.statuses()} == {ModelState.PENDING}
    assert [s.name for s in engine.statuses()] == ["music", "audio", "magnet-music", "magnet-audio"]

    entered, release = threading.Event(), threading.Event()
    real = MusicGen.get_pretrained

    def held(name: str, device: str | None = None) -> MusicGen:
        entered.set()
        release.wait(30)
        return real(name, device=device)

    monkeypatch.setattr(MusicGen, "get_pretrained", staticmethod(held))
    loader = threading.Thread(target=engine.load, args=("music",))
    loader.start()
    try:
        assert entered.wait(30)
        assert state(engine, "music") is ModelState.LOADING
        assert engine.loaded() == set()
    finally:
        release.set()
        loader.join(30)
    assert state(engine, "music") is ModelState.READY
    assert engine.loaded() == {"music"}


def test_a_missing_checkpoint_is_an_error_with_its_reason(generation_model_dir: Path) -> None:
    checkpoints = {**DEFAULT_CHECKPOINTS, "music": "facebook/musicgen-large"}
    engine = AudioCraftEngine(generation_model_dir, checkpoints, 1024, "cpu")

    status = next(s for s in engine.statuses() if s.name == "music")
    assert status.state is ModelState.ERROR
    assert "musicgen-large" in status.error and "state_dict.bin" in status.error
    assert str(generation_model_dir) not in status.error  # users read it: no server paths
    with pytest.raises(ModelUnavailable, match="no checkpoint for music"):
        engine.generate("music", "x", 1.0, 0, Recorder())
    assert state(engine, "music") is ModelState.ERROR
    assert state(engine, "audio") is ModelState.PENDING


def test_a_broken_checkpoint_is_an_error_with_the_loaders_reason(
    generation_model_dir: Path, tmp_path: Path
) -> None:
    shutil.copytree(generation_model_dir / "audiogen-medium", tmp_path / "audiogen-medium")
    (tmp_path / "audiogen-medium" / "state_dict.bin").write_bytes(b"not a checkpoint")
    engine = fresh_engine(tmp_path)

    with pytest.raises(ModelUnavailable, match="audio could not be loaded"):
        engine.load("audio")
    status = next(s for s in engine.statuses() if s.name == "audio")
    assert status.state is ModelState.ERROR and "could not be loaded" in status.error
    assert "UnpicklingError" in status.error and str(tmp_path) not in status.error


def test_a_magnet_checkpoint_needing_xformers_is_an_error_on_cpu_and_leaves_the_others_working(
    generation_model_dir: Path, tmp_path: Path
) -> None:
    # The released MAGNeT checkpoints set memory_efficient, and their loader then switches every
    # model of the process to xformers kernels, which have no CPU version.
    shutil.copytree(generation_model_dir / "magnet-small-10secs", tmp_path / "magnet-small-10secs")
    shutil.copytree(generation_model_dir / "musicgen-small", tmp_path / "musicgen-small")
    lm_file = tmp_path / "magnet-small-10secs" / "state_dict.bin"
    package = torch.load(lm_file, weights_only=True)
    cfg = OmegaConf.create(package["xp.cfg"])
    cfg.transformer_lm.memory_efficient = True
    torch.save({**package, "xp.cfg": OmegaConf.to_yaml(cfg)}, lm_file)
    engine = fresh_engine(tmp_path)

    with pytest.raises(ModelUnavailable, match="needs a CUDA GPU"):
        engine.load("magnet-music")
    assert state(engine, "magnet-music") is ModelState.ERROR
    audio = engine.generate("music", "x", 1.0, 0, Recorder())
    assert audio.samples.shape == (1, 32000)


def test_loaded_models_stay_within_the_budget_least_recently_used_out(generation_model_dir: Path) -> None:
    engine = fresh_engine(generation_model_dir, budget_mb=4)  # two tiny models (~1.8 MiB each) fit
    engine.load("music")
    engine.load("magnet-audio")
    assert engine.loaded() == {"music", "magnet-audio"}

    engine.load("music")  # now the most recently used
    engine.load("magnet-music")
    assert engine.loaded() == {"music", "magnet-music"}
    assert state(engine, "magnet-audio") is ModelState.PENDING

    engine.generate("magnet-audio", "x", 1.0, 0, Recorder())  # loads again when asked
    assert engine.loaded() == {"magnet-music", "magnet-audio"}


def test_45_seconds_of_music_by_continuation_with_honest_progress(
    tiny_engine: AudioCraftEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows: list[tuple[int, int]] = []
    real = LMModel.generate

    def spy(
        self: LMModel, prompt: torch.Tensor | None = None, *args: object, **kwargs: object
    ) -> torch.Tensor:
        windows.append((0 if prompt is None else prompt.shape[-1], int(kwargs["max_gen_len"])))  # type: ignore[call-overload]
        return real(self, prompt, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(LMModel, "generate", spy)
    progress = Recorder()
    audio = tiny_engine.generate("music", "slow ambient pads", 45.0, seed=3, progress=progress)

    assert audio.samples.shape == (1, 45 * 32000)
    # AudioCraft's sliding window: 30 s, then 18 s on (extend_stride) with the last 12 s as prompt.
    assert windows == [(0, 1500), (600, 1350)]
    progress.assert_counts_every_step()
    assert progress.calls[-1][1] > 1500  # the total counted the continuation from the start


def test_magnet_longer_than_its_checkpoint_is_a_bad_request(tiny_engine: AudioCraftEngine) -> None:
    with pytest.raises(DurationTooLong, match="magnet-music generates at most 10 seconds") as caught:
        tiny_engine.generate("magnet-music", "x", 12.0, 0, Recorder())
    assert isinstance(caught.value, InvalidArgument)
    assert caught.value.details["field"] == "duration"


def test_the_same_seed_repeats_the_audio_and_another_does_not(tiny_engine: AudioCraftEngine) -> None:
    first = tiny_engine.generate("music", "dub techno", 1.5, seed=7, progress=Recorder())
    again = tiny_engine.generate("music", "dub techno", 1.5, seed=7, progress=Recorder())
    other = tiny_engine.generate("music", "dub techno", 1.5, seed=8, progress=Recorder())
    assert np.array_equal(first.samples, again.samples)
    assert not np.array_equal(first.samples, other.samples)


def test_raising_from_progress_stops_the_generation(tiny_engine: AudioCraftEngine) -> None:
    class Cancelled(Exception):
        pass

    steps: list[int] = []

    def cancel_at_ten(done: int, total: int) -> None:
        steps.append(done)
        if done == 10:
            raise Cancelled

    with pytest.raises(Cancelled):
        tiny_engine.generate("music", "x", 20.0, 0, cancel_at_ten)
    assert steps[-1] == 10
    assert not tiny_engine.device().busy
    # The model is left usable.
    assert tiny_engine.generate("music", "x", 1.0, 0, Recorder()).samples.shape == (1, 32000)


def test_unknown_model_and_no_gpu(tiny_engine: AudioCraftEngine) -> None:
    with pytest.raises(InvalidArgument, match="unknown model"):
        tiny_engine.generate("speech", "x", 1.0, 0, Recorder())
    device = tiny_engine.device()
    assert (device.name, device.available, device.memory_total_gb) == ("", False, 0.0)
