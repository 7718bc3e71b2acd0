"""ProgressRelay: carries a worker thread's progress to job progress events on the event loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time

from soundforge.events.job_context import JobContext


class ProgressRelay:
    """Maps a fraction done (reported from any thread) onto percent [start, start + span] and
    publishes it as the job's progress, when it moved by `step` percent and at most every
    `interval` seconds, however fast the engine reports. Progress dedupes by percent, so the same
    percent is never sent twice."""

    def __init__(
        self,
        ctx: JobContext,
        loop: asyncio.AbstractEventLoop,
        start: int,
        span: int,
        *,
        step: int = 1,
        interval: float = 0.5,
        stage: str = "",
    ) -> None:
        self.ctx, self.loop = ctx, loop
        self.start, self.span = start, span
        self.step, self.interval, self.stage = step, interval, stage
        self.sent = start
        self.sent_at = 0.0
        self.pending: list[concurrent.futures.Future[None]] = []

    def report(self, fraction: float, stage: str | None = None) -> None:
        percent = self.start + int(self.span * min(1.0, max(0.0, fraction)))
        now = time.monotonic()
        if percent >= self.sent + self.step and now - self.sent_at >= self.interval:
            self.sent, self.sent_at = percent, now
            self.pending.append(
                asyncio.run_coroutine_threadsafe(
                    self.ctx.progress(percent, self.stage if stage is None else stage), self.loop
                )
            )

    async def drain(self) -> None:
        """Waits for what was sent (a failed publish is not the job's failure)."""
        if self.pending:
            await asyncio.gather(*(asyncio.wrap_future(f) for f in self.pending), return_exceptions=True)
