"""A fake of the generation engine protocol for tests of the queue: a tone, reported token by token.

What those tests check is the queue (order, admission, identity), so the engine is one they can
hold: `gate` stops every generation until it is set. AudioCraft itself is tested on tiny models.
"""

from __future__ import annotations

import threading

import numpy as np

from soundforge.generation.engine import (
    MODEL_NAMES,
    DeviceStatus,
    GeneratedAudio,
    ModelState,
    ModelStatus,
    ProgressCallback,
)
from soundforge.generation.workers import NO_DEVICE

RATE = 32000
TOKENS_PER_SECOND = 50


class ToneEngine:
    """A 440 Hz tone, reported token by token; `gate` holds every generation until it is set."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.started: list[str] = []  # prompts, in the order generation started
        self._loaded: set[str] = set()

    def statuses(self) -> list[ModelStatus]:
        return [
            ModelStatus(n, ModelState.READY if n in self._loaded else ModelState.PENDING) for n in MODEL_NAMES
        ]

    def device(self) -> DeviceStatus:
        return NO_DEVICE

    def loaded(self) -> set[str]:
        return set(self._loaded)

    def max_duration(self, model: str) -> float | None:
        return 10.0 if model.startswith("magnet") else None

    def generate(
        self, model: str, prompt: str, duration: float, seed: int, progress: ProgressCallback
    ) -> GeneratedAudio:
        self.started.append(prompt)
        assert self.gate.wait(60), "the test never released the worker"
        self._loaded.add(model)
        total = int(duration * TOKENS_PER_SECOND)
        for done in range(0, total + 1, 25):
            progress(done, total)
        progress(total, total)
        t = np.arange(int(duration * RATE)) / RATE
        return GeneratedAudio((0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)[None, :], RATE)
