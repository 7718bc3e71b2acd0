"""JetStream -> domain: job updates from workers and max-delivery advisories become job changes."""

from __future__ import annotations

import logging

from soundforge.events import EventBus, MaxDeliveriesConsumer, UpdateConsumer
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.job_updates import JobEvent, JobUpdates
from soundforge.runtime import payloads
from soundforge.runtime.convert import datetime_from_timestamp, status_name

log = logging.getLogger(__name__)

DURABLE = "library-job-updates"


def _status(value: int) -> str:
    try:
        return status_name(value) if value else ""
    except ValueError:  # a status newer than this build: treat it as unspecified
        return ""


def job_event(event: str, update: jobs_pb2.JobUpdate) -> JobEvent:
    stored = payloads.result_to_json(update.result) if update.HasField("result") else None
    return JobEvent(
        job_id=update.job_id,
        event=event,
        status=_status(update.status),
        progress=update.progress,
        stage=update.stage,
        error=update.error,
        result=stored[1] if stored else None,
        result_kind=stored[0] if stored else "",
        attempt=update.attempt,
        at=datetime_from_timestamp(update.at),
    )


class JobEventConsumer:
    """Runs the durable consumers `library-job-updates` and `library-max-deliveries`."""

    def __init__(self, bus: EventBus, updates: JobUpdates) -> None:
        self._updates = updates
        self._consumer = UpdateConsumer(bus, self._on_update, durable=DURABLE)
        self._advisories = MaxDeliveriesConsumer(bus, self._on_max_deliveries)

    async def start(self) -> None:
        await self._advisories.start()
        await self._consumer.start()

    async def stop(self) -> None:
        await self._consumer.stop()
        await self._advisories.stop()

    async def _on_update(self, service: str, event: str, update: jobs_pb2.JobUpdate) -> None:
        applied = await self._updates.apply(job_event(event, update))
        log.debug("job update %s", "applied" if applied else "ignored", extra={"event": f"{service}.{event}"})

    async def _on_max_deliveries(self, request: jobs_pb2.JobRequested, deliveries: int) -> None:
        await self._updates.give_up(request.job_id, deliveries)
