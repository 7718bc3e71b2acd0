"""This worker's record in the registry: refreshed on a timer and whenever something changes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from soundforge.generation.engine import GenerationEngine
from soundforge.generation.registry import WorkerRegistry
from soundforge.generation.workers import RunningJob, WorkerRecord
from soundforge.runtime.periodic import Periodic

log = logging.getLogger(__name__)

# Weight of the newest measurement in a model's speed (an exponential moving average).
_SPEED_WEIGHT = 0.3


class WorkerReporter:
    def __init__(
        self,
        registry: WorkerRegistry,
        worker_id: str,
        engine: GenerationEngine,
        interval: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._registry = registry
        self.worker_id = worker_id
        self._engine = engine
        self._clock = clock
        self._running: RunningJob | None = None
        self._speeds: dict[str, float] = {}
        self._beat = Periodic("generation-worker-heartbeat", interval, self.publish)

    def record(self) -> WorkerRecord:
        return WorkerRecord(
            worker_id=self.worker_id,
            updated_at=self._clock(),
            loaded=tuple(sorted(self._engine.loaded())),
            models=tuple(self._engine.statuses()),
            device=self._engine.device(),
            running=self._running,
            speeds=dict(self._speeds),
        )

    async def publish(self) -> None:
        try:
            await self._registry.put(self.record())
        except Exception as err:  # NATS away: the next beat tries again
            log.warning("could not refresh worker %s in the registry: %r", self.worker_id, err)

    async def running(self, job: RunningJob | None) -> None:
        self._running = job
        await self.publish()

    async def measured(self, model: str, seconds_per_second: float) -> None:
        old = self._speeds.get(model)
        self._speeds[model] = (
            seconds_per_second if old is None else old + _SPEED_WEIGHT * (seconds_per_second - old)
        )
        await self.publish()

    async def start(self) -> None:
        await self.publish()
        self._beat.start()

    async def stop(self) -> None:
        await self._beat.stop()
        await self._registry.remove(self.worker_id)
