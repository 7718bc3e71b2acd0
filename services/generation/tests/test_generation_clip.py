"""produce(): retries a failed clip with new seeds, keeps the best attempt, loops when asked."""

from __future__ import annotations

import numpy as np
import pytest

from soundforge.generation.clip import PASSING_SCORE, produce, retry_seed
from soundforge.generation.engine import DeviceStatus, GeneratedAudio, ModelStatus, ProgressCallback
from soundforge.generation.looping import CROSSFADE_SECONDS, loop_seam_metrics
from soundforge.generation.quality import Quality

RATE = 32000


def good(duration: float, seed: int) -> np.ndarray:
    t = np.arange(round(duration * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * (200 + seed % 100) * t + seed)).astype(np.float32)


class ScriptedEngine:
    """A GenerationEngine whose attempts come out as scripted: "silent", "noisy" or "good"."""

    def __init__(self, script: list[str], longest: float | None = None) -> None:
        self.script = script
        self.longest = longest
        self.calls: list[tuple[float, int]] = []

    def statuses(self) -> list[ModelStatus]:
        return []

    def device(self) -> DeviceStatus:
        return DeviceStatus("", False, False, 0.0, 0.0)

    def loaded(self) -> set[str]:
        return set()

    def max_duration(self, model: str) -> float | None:
        return self.longest

    def generate(
        self, model: str, prompt: str, duration: float, seed: int, progress: ProgressCallback
    ) -> GeneratedAudio:
        kind = self.script[len(self.calls)]
        self.calls.append((duration, seed))
        for step in range(1, 5):
            progress(step, 4)
        frames = round(duration * RATE)
        if kind == "silent":
            samples = np.zeros(frames, dtype=np.float32)
        elif kind == "noisy":
            samples = 0.1 * np.random.default_rng(seed).standard_normal(frames).astype(np.float32)
        else:
            samples = good(duration, seed)
        return GeneratedAudio(samples[np.newaxis, :], RATE)


def run(
    engine: ScriptedEngine, *, loop: bool = False, duration: float = 2.0
) -> tuple[object, list[tuple[int, int]]]:
    progress: list[tuple[int, int]] = []
    clip = produce(
        engine,
        model="music",
        prompt="x",
        duration=duration,
        loop=loop,
        seed=42,
        progress=lambda done, total: progress.append((done, total)),
    )
    return clip, progress


def test_a_good_first_attempt_is_kept_without_retry() -> None:
    engine = ScriptedEngine(["good"])
    clip, progress = run(engine)
    assert clip.retry_count == 0 and clip.seed == 42  # type: ignore[attr-defined]
    assert clip.quality.score >= PASSING_SCORE  # type: ignore[attr-defined]
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert engine.calls == [(2.0, 42)]


def test_a_hard_failure_is_retried_with_a_new_seed_and_the_good_one_kept() -> None:
    engine = ScriptedEngine(["silent", "good"])
    retries: list[tuple[int, Quality]] = []
    progress: list[tuple[int, int]] = []
    clip = produce(
        engine,
        model="music",
        prompt="x",
        duration=2.0,
        loop=False,
        seed=42,
        progress=lambda done, total: progress.append((done, total)),
        on_retry=lambda attempt, quality: retries.append((attempt, quality)),
    )
    assert clip.retry_count == 1
    assert [seed for _, seed in engine.calls] == [42, retry_seed(42, 1)]
    assert retry_seed(42, 1) != 42
    assert clip.seed == retry_seed(42, 1)
    assert not clip.quality.hard_failure
    assert np.array_equal(clip.samples[0], good(2.0, clip.seed))
    assert clip.attempts_issues[0][0].startswith("near silence") and clip.attempts_issues[1] == []
    assert [attempt for attempt, _ in retries] == [1] and retries[0][1].hard_failure
    # Each attempt counts its own work from the start.
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)] * 2


def test_after_two_retries_the_best_attempt_is_kept_with_its_issues() -> None:
    engine = ScriptedEngine(["silent", "noisy", "silent", "good"])
    clip, _ = run(engine)
    assert len(engine.calls) == 3  # the first and two retries, never a fourth
    assert clip.retry_count == 2  # type: ignore[attr-defined]
    assert clip.seed == retry_seed(42, 1)  # type: ignore[attr-defined]  # the noisy one beats silence
    assert not clip.quality.hard_failure and clip.quality.score < PASSING_SCORE  # type: ignore[attr-defined]
    assert any("noise" in issue for issue in clip.quality.issues)  # type: ignore[attr-defined]
    assert len(clip.attempts_issues) == 3  # type: ignore[attr-defined]


def test_retry_seeds_are_fixed_by_the_first() -> None:
    assert [retry_seed(7, k) for k in range(3)] == [retry_seed(7, k) for k in range(3)]
    assert len({retry_seed(7, k) for k in range(3)}) == 3
    assert all(0 <= retry_seed(2**32 - 1, k) < 2**32 for k in range(3))


def test_a_loop_is_generated_longer_and_comes_back_seamless() -> None:
    engine = ScriptedEngine(["good"])
    clip, _ = run(engine, loop=True)
    assert engine.calls[0][0] == pytest.approx(2.0 + CROSSFADE_SECONDS)
    samples = clip.samples  # type: ignore[attr-defined]
    assert 2.0 - 0.011 <= samples.shape[-1] / RATE <= 2.0
    metrics = loop_seam_metrics(samples, RATE)
    assert metrics.seam_jump <= metrics.typical_jump


def test_a_fixed_length_model_is_not_asked_past_its_length_for_a_loop() -> None:
    engine = ScriptedEngine(["good"], longest=10.0)
    clip, _ = run(engine, loop=True, duration=10.0)
    assert engine.calls[0][0] == 10.0
    assert clip.samples.shape[-1] <= (10.0 - CROSSFADE_SECONDS) * RATE  # type: ignore[attr-defined]


def test_an_error_of_progress_stops_at_once() -> None:
    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    engine = ScriptedEngine(["silent", "good"])
    with pytest.raises(Cancelled):
        produce(engine, model="music", prompt="x", duration=1.0, loop=False, seed=1, progress=cancel)
    assert len(engine.calls) == 1
