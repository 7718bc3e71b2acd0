"""What the generation worker needs from a text-to-audio engine, without naming torch or AudioCraft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

import numpy as np

from soundforge.runtime.errors import InvalidArgument, Unavailable

MODEL_NAMES: tuple[str, ...] = ("music", "audio", "magnet-music", "magnet-audio")  # Sound Box's names


class ModelState(Enum):
    PENDING = "pending"
    LOADING = "loading"
    READY = "ready"
    ERROR = "error"


@dataclass(frozen=True)
class ModelStatus:
    name: str
    state: ModelState
    error: str = ""


@dataclass(frozen=True)
class DeviceStatus:
    """The accelerator; `available` False and `name` "" when there is none."""

    name: str
    available: bool
    busy: bool
    memory_used_gb: float
    memory_total_gb: float


@dataclass(frozen=True)
class GeneratedAudio:
    samples: np.ndarray  # float32, (channels, frames)
    sample_rate: int


ProgressCallback = Callable[[int, int], None]
"""(work done, work to do in all); raising from it stops the generation and the error propagates.

The units are the model's own steps over the whole request: for MusicGen and AudioGen one token
step of the language model (every continuation window included), for MAGNeT one decoding step
(each refines a whole codebook at once). `done` rises by one per step and ends at `total`.
"""


class DurationTooLong(InvalidArgument):
    """A fixed-length model (MAGNeT) was asked for more than its checkpoint generates."""

    def __init__(self, model: str, limit: float, duration: float) -> None:
        super().__init__(
            f"{model} generates at most {limit:g} seconds (asked for {duration:g})",
            details={"field": "duration", "max_duration": limit},
        )


class ModelUnavailable(Unavailable):
    """The model cannot be loaded on this worker (no checkpoint, no GPU for it, a broken file).

    FAILED_PRECONDITION: a job asking for it fails at once instead of being retried into the
    same failure; the reason is also in the model's `error` status.
    """

    grpc_status = "FAILED_PRECONDITION"


class GenerationEngine(Protocol):
    def statuses(self) -> list[ModelStatus]: ...

    def device(self) -> DeviceStatus: ...

    def loaded(self) -> set[str]: ...

    def max_duration(self, model: str) -> float | None:
        """None: any duration (continuation past the window); else the checkpoint's fixed length."""
        ...

    def generate(
        self, model: str, prompt: str, duration: float, seed: int, progress: ProgressCallback
    ) -> GeneratedAudio:
        """Blocking; the worker calls it in a thread. Exactly `duration` seconds of audio."""
        ...
