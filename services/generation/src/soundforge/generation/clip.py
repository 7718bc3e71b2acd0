"""One finished clip: generate, loop if asked, assess; retry a failed clip with a new seed, keep the best."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from soundforge.generation.engine import GenerationEngine, ProgressCallback
from soundforge.generation.looping import CROSSFADE_SECONDS, make_loop
from soundforge.generation.quality import Quality, assess

PASSING_SCORE = 60  # below it (or on a hard failure) the clip is generated again
_GOLDEN = 0x9E3779B9  # spreads retry seeds far from the first and from each other

RetryCallback = Callable[[int, Quality], None]
"""(the retry about to start, 1-based; the quality of the attempt that failed)."""


@dataclass(frozen=True)
class Clip:
    samples: np.ndarray  # float32, (channels, frames)
    sample_rate: int
    quality: Quality
    retry_count: int  # attempts made after the first
    seed: int  # the seed of the kept attempt
    attempts_issues: list[list[str]]  # every attempt's issues, in order


@dataclass(frozen=True)
class _Attempt:
    samples: np.ndarray
    sample_rate: int
    quality: Quality
    seed: int


def retry_seed(seed: int, attempt: int) -> int:
    """The seed of attempt `attempt` (0 is the first): fixed by the first, so a job repeats itself."""
    return (seed + attempt * _GOLDEN) & 0xFFFFFFFF


def produce(
    engine: GenerationEngine,
    *,
    model: str,
    prompt: str,
    duration: float,
    loop: bool,
    seed: int,
    progress: ProgressCallback,
    max_retries: int = 2,
    on_retry: RetryCallback | None = None,
) -> Clip:
    """Generates until a clip passes (no hard failure, score >= PASSING_SCORE), at most
    `max_retries` times more, and keeps the best attempt (a passing one over any failing one,
    then the highest score, then the earliest).

    Progress: each attempt reports the engine's own (done, total), so a retry starts again from
    zero: the bar says how far the work in hand is, not a guess at how many attempts remain.
    `on_retry` is told before each retry starts, with why.

    A loop is generated `CROSSFADE_SECONDS` longer than asked (the crossfade consumes that much)
    where the model allows it; its length is then `duration` rounded down to whole periods of its
    rhythm (see looping.make_loop). Errors of the engine (and of `progress`, e.g. a cancel)
    propagate at once: only a bad clip is retried.
    """
    length = duration
    if loop:
        longest = engine.max_duration(model)
        length = (
            duration + CROSSFADE_SECONDS if longest is None else min(duration + CROSSFADE_SECONDS, longest)
        )
    attempts: list[_Attempt] = []
    for attempt in range(max_retries + 1):
        if attempt and on_retry is not None:
            on_retry(attempt, attempts[-1].quality)
        attempt_seed = retry_seed(seed, attempt)
        audio = engine.generate(model, prompt, length, attempt_seed, progress)
        samples = audio.samples
        if loop:
            samples = make_loop(samples, audio.sample_rate, round(duration * audio.sample_rate))
        quality = assess(samples, audio.sample_rate)
        attempts.append(_Attempt(samples, audio.sample_rate, quality, attempt_seed))
        if _passes(quality):
            break
    best = max(attempts, key=lambda a: (_passes(a.quality), not a.quality.hard_failure, a.quality.score))
    return Clip(
        samples=best.samples,
        sample_rate=best.sample_rate,
        quality=best.quality,
        retry_count=len(attempts) - 1,
        seed=best.seed,
        attempts_issues=[a.quality.issues for a in attempts],
    )


def _passes(quality: Quality) -> bool:
    return not quality.hard_failure and quality.score >= PASSING_SCORE
