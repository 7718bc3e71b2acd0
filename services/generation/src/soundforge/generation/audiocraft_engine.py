"""MusicGen, AudioGen and MAGNeT through AudioCraft's own loaders, loaded once, kept within a budget."""

from __future__ import annotations

import functools
import logging
import math
import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import torch
from omegaconf import OmegaConf

from soundforge.generation.engine import (
    MODEL_NAMES,
    DeviceStatus,
    DurationTooLong,
    GeneratedAudio,
    ModelState,
    ModelStatus,
    ModelUnavailable,
    ProgressCallback,
)
from soundforge.runtime.errors import InvalidArgument

log = logging.getLogger(__name__)

DEFAULT_CHECKPOINTS: Mapping[str, str] = {
    "music": "facebook/musicgen-small",
    "audio": "facebook/audiogen-medium",
    "magnet-music": "facebook/magnet-small-10secs",
    "magnet-audio": "facebook/audio-magnet-small",
}
LM_FILE = "state_dict.bin"
CODEC_FILE = "compression_state_dict.bin"
MAGNET = frozenset({"magnet-music", "magnet-audio"})
_MIB = 1024 * 1024


def pick_device(setting: str) -> torch.device:
    """ "auto": the first CUDA device when there is one, else the CPU; anything else is forced."""
    if setting == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(setting)


class AudioCraftEngine:
    """GenerationEngine over AudioCraft 1.3.0.

    Checkpoints load from `<model_dir>/<last part of the checkpoint id>/` (`state_dict.bin` and
    `compression_state_dict.bin`, AudioCraft's exported layout), or from the hub by id when
    `model_dir` is None. Nothing loads at construction: a model loads on its first use (or
    `load`), and the most recently used models stay in memory within `memory_budget_mb`.

    `torch_threads` > 0 sets torch's CPU threads for the whole process (0 leaves torch's default).

    Thread-safe. Loads and generations run one at a time (they share torch's global RNG, which
    the seed sets, and each model's generation parameters); `statuses`, `device` and `loaded`
    answer at once, also while a model loads.
    """

    def __init__(
        self,
        model_dir: Path | None,
        checkpoints: Mapping[str, str] = DEFAULT_CHECKPOINTS,
        memory_budget_mb: int = 8192,
        device: str = "auto",
        torch_threads: int = 0,
    ) -> None:
        unknown = set(checkpoints) - set(MODEL_NAMES)
        if unknown:
            raise ValueError(f"unknown models {sorted(unknown)}; the models are {', '.join(MODEL_NAMES)}")
        if torch_threads > 0:
            # Process-wide. On a CPU shared with other work, torch's OpenMP threads spin waiting for
            # each other: two threads on two busy cores measured 10x slower than one.
            torch.set_num_threads(torch_threads)
        self.model_dir = model_dir
        self.checkpoints = dict(checkpoints)
        self.budget_bytes = memory_budget_mb * _MIB
        self.torch_device = pick_device(device)
        self._lock = threading.Lock()  # guards _loaded, _states, _busy; held only briefly
        self._run = threading.Lock()  # one load or generation at a time
        self._loaded: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self._states = {name: self._first_status(name) for name in self.checkpoints}
        self._busy = False

    # -- what the worker and /status read ----------------------------------------------------

    def statuses(self) -> list[ModelStatus]:
        with self._lock:
            return [self._states[name] for name in MODEL_NAMES if name in self._states]

    def device(self) -> DeviceStatus:
        if self.torch_device.type != "cuda":
            return DeviceStatus(name="", available=False, busy=False, memory_used_gb=0.0, memory_total_gb=0.0)
        free, total = torch.cuda.mem_get_info(self.torch_device)
        with self._lock:
            busy = self._busy
        return DeviceStatus(
            name=torch.cuda.get_device_name(self.torch_device),
            available=True,
            busy=busy,
            memory_used_gb=(total - free) / 1024**3,
            memory_total_gb=total / 1024**3,
        )

    def loaded(self) -> set[str]:
        with self._lock:
            return set(self._loaded)

    def max_duration(self, model: str) -> float | None:
        """None for MusicGen and AudioGen (continuation); MAGNeT: its checkpoint's segment length.

        Read from the loaded model, else from the checkpoint's config without loading its
        weights; for a hub checkpoint not loaded yet, from its name ("...-30secs"; 10 s otherwise,
        the length of every other released MAGNeT).
        """
        self._known(model)
        if model not in MAGNET:
            return None
        with self._lock:
            entry = self._loaded.get(model)
        if entry is not None:
            return float(entry[0].duration)
        lm_file = self._directory(model) / LM_FILE if self.model_dir is not None else None
        if lm_file is not None and lm_file.is_file():
            return _segment_duration(lm_file, lm_file.stat().st_mtime_ns)
        match = re.search(r"(\d+)secs", self.checkpoints[model])
        return float(match.group(1)) if match else 10.0

    # -- loading -------------------------------------------------------------------------------

    def load(self, model: str) -> None:
        """Loads `model` now (a warm-up); raises ModelUnavailable as `generate` would."""
        self._known(model)
        with self._run:
            self._model(model)

    def _first_status(self, model: str) -> ModelStatus:
        missing = self._missing(model)
        return (
            ModelStatus(model, ModelState.ERROR, missing)
            if missing
            else ModelStatus(model, ModelState.PENDING)
        )

    def _directory(self, model: str) -> Path:
        assert self.model_dir is not None
        return self.model_dir / self.checkpoints[model].rstrip("/").split("/")[-1]

    def _missing(self, model: str) -> str:
        """Why the checkpoint cannot load from `model_dir` ("" when it is there, or for the hub)."""
        if self.model_dir is None:
            return ""
        directory = self._directory(model)
        absent = [name for name in (LM_FILE, CODEC_FILE) if not (directory / name).is_file()]
        if not absent:
            return ""
        # The checkpoint's name, not the server's path: the reason reaches users (/soundbox/models).
        return f"no checkpoint for {model} ({self.checkpoints[model]}): {' and '.join(absent)} missing"

    def _known(self, model: str) -> None:
        if model not in self.checkpoints:
            raise InvalidArgument(
                f"unknown model {model!r}; this worker offers {', '.join(self.checkpoints)}",
                details={"field": "model"},
            )

    def _model(self, model: str) -> Any:
        """The loaded model (most recently used from now on), loading it first if need be."""
        with self._lock:
            if model in self._loaded:
                self._loaded.move_to_end(model)
                return self._loaded[model][0]
            self._states[model] = ModelStatus(model, ModelState.LOADING)
        try:
            self._make_room(self._file_bytes(model))
            generator = self._load(model)
        except ModelUnavailable as err:
            self._set_error(model, err.message)
            raise
        except Exception as err:
            # The loader's own words name server paths: they go to the log, users get the checkpoint.
            log.warning("loading %s from %s failed", model, self._source(model), exc_info=True)
            message = f"{model} could not be loaded ({self.checkpoints[model]}: {type(err).__name__})"
            self._set_error(model, message)
            raise ModelUnavailable(message) from err
        size = model_bytes(generator)
        with self._lock:
            self._loaded[model] = (generator, size)
            self._states[model] = ModelStatus(model, ModelState.READY)
        self._make_room(0)
        log.info(
            "model loaded", extra={"model": model, "device": str(self.torch_device), "mib": size // _MIB}
        )
        return generator

    def _source(self, model: str) -> str:
        return self.checkpoints[model] if self.model_dir is None else str(self._directory(model))

    def _load(self, model: str) -> Any:
        missing = self._missing(model)
        if missing:
            raise ModelUnavailable(missing)
        from audiocraft.models import AudioGen, MAGNeT, MusicGen
        from audiocraft.modules.transformer import set_efficient_attention_backend

        kind = {"music": MusicGen, "audio": AudioGen}.get(model, MAGNeT)
        with warnings.catch_warnings():
            # AudioCraft builds EnCodec with torch's deprecated weight_norm: its warning, not ours.
            warnings.filterwarnings(
                "ignore", message=r".*weight_norm.* is deprecated", category=FutureWarning
            )
            generator = kind.get_pretrained(self._source(model), device=str(self.torch_device))
        if (
            model in MAGNET
            and self.torch_device.type != "cuda"
            and generator.lm.cfg.transformer_lm.memory_efficient
        ):
            # Its loader switched every model in the process to xformers attention: switch back.
            set_efficient_attention_backend("torch")
            raise ModelUnavailable(
                f"{model} needs a CUDA GPU: this checkpoint's attention runs only through xformers "
                "kernels, which have no CPU version"
            )
        return generator

    def _file_bytes(self, model: str) -> int:
        """The checkpoint's size on disk, an estimate of its size in memory (0 when not known yet)."""
        if self.model_dir is None or self._missing(model):
            return 0
        return sum((self._directory(model) / name).stat().st_size for name in (LM_FILE, CODEC_FILE))

    def _make_room(self, incoming: int) -> None:
        """Drops least recently used models until `incoming` more bytes fit (the newest always stays)."""
        dropped = []
        with self._lock:
            keep = 0 if incoming else 1
            while (
                len(self._loaded) > keep
                and sum(s for _, s in self._loaded.values()) + incoming > self.budget_bytes
            ):
                name, _ = self._loaded.popitem(last=False)
                self._states[name] = ModelStatus(name, ModelState.PENDING)
                dropped.append(name)
        for name in dropped:
            log.info("model dropped to stay within the memory budget", extra={"model": name})
        if dropped and self.torch_device.type == "cuda":
            torch.cuda.empty_cache()

    def _set_error(self, model: str, message: str) -> None:
        log.warning("model could not be loaded: %s", message, extra={"model": model})
        with self._lock:
            self._states[model] = ModelStatus(model, ModelState.ERROR, message)

    # -- generating ----------------------------------------------------------------------------

    def generate(
        self, model: str, prompt: str, duration: float, seed: int, progress: ProgressCallback
    ) -> GeneratedAudio:
        self._known(model)
        if not duration > 0:
            raise InvalidArgument(
                f"duration must be positive, not {duration:g}", details={"field": "duration"}
            )
        with self._run:
            generator = self._model(model)
            with self._lock:
                self._busy = True
            try:
                return _generate(model, generator, prompt, duration, seed, progress)
            finally:
                with self._lock:
                    self._busy = False


@functools.lru_cache(maxsize=16)
def _segment_duration(lm_file: Path, _modified: int) -> float:
    """A MAGNeT checkpoint's segment, from its config alone (mmap: the weights are not read)."""
    package = torch.load(lm_file, map_location="cpu", mmap=True, weights_only=True)
    return float(OmegaConf.create(package["xp.cfg"]).dataset.segment_duration)


def _generate(
    model: str, generator: Any, prompt: str, duration: float, seed: int, progress: ProgressCallback
) -> GeneratedAudio:
    if model in MAGNET:
        # A fixed-length checkpoint: it always generates its whole segment; shorter asks are cut.
        if duration > generator.duration + 1e-9:
            raise DurationTooLong(model, float(generator.duration), duration)
        total = sum(generator.generation_params["decoding_steps"][: generator.lm.n_q])
    else:
        length = _generation_length(duration, generator.frame_rate, generator.max_duration)
        # AudioCraft's own sliding window past max_duration, with the model's own extend_stride.
        generator.set_generation_params(duration=length)
        total = _token_steps(generator, length)
    counter = _StepCounter(total, progress)
    generator.set_custom_progress_callback(counter)
    torch.manual_seed(seed)
    try:
        audio = generator.generate([prompt], progress=True)
    finally:
        generator.set_custom_progress_callback(None)
    counter.finish()
    samples = audio[0].detach().float().cpu().numpy()
    return GeneratedAudio(_fit(samples, round(duration * generator.sample_rate)), int(generator.sample_rate))


class _StepCounter:
    """AudioCraft's callback, called once per step; its own arguments restart with every
    continuation window (and count from a wrong offset), so steps are counted here instead."""

    def __init__(self, total: int, progress: ProgressCallback) -> None:
        self.total = total
        self.done = 0
        self.progress = progress

    def __call__(self, _generated: int, _to_generate: int) -> None:
        self.done = min(self.done + 1, self.total)
        self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.done != self.total:
            log.warning("planned %d steps, AudioCraft took %d", self.total, self.done)
            self.progress(self.total, self.total)


def _generation_length(duration: float, frame_rate: float, window: float) -> float:
    """A duration AudioCraft turns into exactly ceil(duration x frame rate) frames (it truncates
    duration x frame rate), within one window whenever `duration` is."""
    frames = math.ceil(duration * frame_rate - 1e-6)
    length = (frames + 0.25) / frame_rate
    if frames <= int(window * frame_rate):
        length = min(length, window)
    return length


def _token_steps(generator: Any, length: float) -> int:
    """The LM steps `generator.generate` takes for `length` seconds, continuation windows included:
    the windows of AudioCraft's `_generate_tokens`, each as long as its codebook pattern."""
    rate = generator.frame_rate
    total_len = int(length * rate)
    windows: list[tuple[int, int]] = []  # (tokens in the window, of which prompt)
    if length <= generator.max_duration:
        windows.append((total_len, 0))
    else:
        stride = int(rate * generator.extend_stride)
        offset, prompt = 0, 0
        while offset + prompt < total_len:
            window = int(min(length - offset / rate, generator.max_duration) * rate)
            windows.append((window, prompt))
            prompt = window - stride
            offset += stride
    steps = 0
    for window, prompt in windows:
        pattern = generator.lm.pattern_provider.get_pattern(window)
        steps += len(pattern.layout) - pattern.get_first_step_with_timesteps(prompt)
    return steps


def _fit(samples: np.ndarray, frames: int) -> np.ndarray:
    """Cut to `frames`. Only MAGNeT can come out short, by under one span (its sequence is cut to
    whole spans: 498 of 500 frames for the released 10 s models); that tail is silence."""
    if samples.shape[-1] < frames:
        samples = np.pad(samples, ((0, 0), (0, frames - samples.shape[-1])))
    return np.ascontiguousarray(samples[:, :frames], dtype=np.float32)


def model_bytes(generator: Any) -> int:
    """Memory held by a loaded model: its language model and its compression model."""
    modules: list[torch.nn.Module] = [generator.lm, generator.compression_model]
    return sum(
        t.numel() * t.element_size() for module in modules for t in [*module.parameters(), *module.buffers()]
    )
