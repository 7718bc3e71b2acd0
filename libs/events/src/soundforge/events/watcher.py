"""Live job updates without a durable consumer: the gateway's WebSocket fan-out, and tests waiting on jobs."""

from __future__ import annotations

import asyncio
import logging

from google.protobuf.message import DecodeError
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription

from soundforge.events.bus import EventBus
from soundforge.events.consumer import UpdateHandler
from soundforge.events.subjects import UPDATE_EVENTS, parse_subject, subject
from soundforge.jobs.v1 import jobs_pb2

log = logging.getLogger(__name__)


async def watch_updates(bus: EventBus, handler: UpdateHandler, *, service: str = "*") -> Subscription:
    """Calls `handler(service, event, update)` for each job update published from now on.

    A plain NATS subscription: no replay, no ack, nothing kept while disconnected. Use it for
    live views; the record of truth is the library's durable `UpdateConsumer`.
    """

    async def on_message(msg: Msg) -> None:
        try:
            svc, event = parse_subject(msg.subject)
            if event not in UPDATE_EVENTS:
                return
            update = jobs_pb2.JobUpdate.FromString(msg.data)
        except (DecodeError, ValueError) as err:
            log.warning("ignoring undecodable job update on %s: %s", msg.subject, err)
            return
        await handler(svc, event, update)

    return await bus.nc.subscribe(subject(service, "*"), cb=on_message)


class UpdateWatcher:
    """Records live updates of one service (or all) and lets a caller wait for a job's event."""

    def __init__(self, bus: EventBus, service: str = "*") -> None:
        self.bus = bus
        self.service = service
        self.updates: list[tuple[str, str, jobs_pb2.JobUpdate]] = []
        self._changed = asyncio.Condition()
        self._sub: Subscription | None = None

    async def start(self) -> None:
        self._sub = await watch_updates(self.bus, self._record, service=self.service)
        await self.bus.sync()  # the server knows the subscription before anyone publishes

    async def stop(self) -> None:
        if self._sub is not None:
            await self._sub.unsubscribe()
            self._sub = None

    def for_job(self, job_id: str) -> list[tuple[str, jobs_pb2.JobUpdate]]:
        """`(event, update)` pairs of one job, in arrival order."""
        return [(event, update) for _svc, event, update in self.updates if update.job_id == job_id]

    def events(self, job_id: str) -> list[str]:
        return [event for event, _update in self.for_job(job_id)]

    async def wait_for(self, job_id: str, event: str, within: float = 10.0) -> jobs_pb2.JobUpdate:
        """The first `event` update of `job_id`, waiting up to `within` seconds for it."""

        def found() -> jobs_pb2.JobUpdate | None:
            return next((u for e, u in self.for_job(job_id) if e == event), None)

        try:
            async with asyncio.timeout(within), self._changed:
                await self._changed.wait_for(lambda: found() is not None)
        except TimeoutError:
            seen = self.events(job_id)
            raise TimeoutError(f"no {event!r} for job {job_id} within {within}s; saw {seen}") from None
        update = found()
        assert update is not None
        return update

    async def _record(self, service: str, event: str, update: jobs_pb2.JobUpdate) -> None:
        async with self._changed:
            self.updates.append((service, event, update))
            self._changed.notify_all()
