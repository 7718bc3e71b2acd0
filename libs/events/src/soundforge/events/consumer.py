"""What the library consumes: every job update, and JetStream's advisory for jobs out of deliveries."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable

import nats.errors
import nats.js.errors
from google.protobuf.message import DecodeError
from nats.aio.msg import Msg
from nats.js import JetStreamContext, api

from soundforge.events.bus import EventBus
from soundforge.events.pulling import fetch_or_back_off
from soundforge.events.subjects import (
    ADVISORIES_STREAM,
    EVENTS_STREAM,
    REQUESTS_STREAM,
    parse_subject,
    update_subjects,
)
from soundforge.jobs.v1 import jobs_pb2
from soundforge.runtime.errors import Unavailable
from soundforge.runtime.logging import job_id_var
from soundforge.runtime.tasks import cancel_task

log = logging.getLogger(__name__)

UpdateHandler = Callable[[str, str, jobs_pb2.JobUpdate], Awaitable[None]]
MaxDeliveriesHandler = Callable[[jobs_pb2.JobRequested, int], Awaitable[None]]


class DurablePuller(ABC):
    """A durable pull consumer and its fetch loop; subclasses say what to consume and how to handle it.

    Messages are handled one at a time, in stream order. `stop()` stops fetching, lets the batch
    in hand finish within `grace` (a subclass may nak what it has not started, see `stopping`),
    then unsubscribes and flushes so the acks and naks reach the server before it returns.
    """

    stream: str

    def __init__(
        self, bus: EventBus, durable: str, *, ack_wait: float, batch: int, fetch_timeout: float
    ) -> None:
        self.bus = bus
        self.durable = durable
        self.ack_wait = ack_wait
        self.batch = batch
        self.fetch_timeout = fetch_timeout
        self.stopping = False
        self._loop: asyncio.Task[None] | None = None
        self._batch_task: asyncio.Task[None] | None = None
        self._sub: JetStreamContext.PullSubscription | None = None

    def consumer_config(self) -> api.ConsumerConfig:
        return api.ConsumerConfig(
            name=self.durable,
            durable_name=self.durable,
            ack_policy=api.AckPolicy.EXPLICIT,
            deliver_policy=api.DeliverPolicy.ALL,
            ack_wait=self.ack_wait,
        )

    @abstractmethod
    async def handle(self, msg: Msg) -> None:
        """Settles one message (ack, nak or term); a NATS error here is logged, not fatal."""

    async def start(self) -> None:
        """Creates or updates the durable consumer and starts the fetch loop."""
        await self.bus.js.add_consumer(self.stream, self.consumer_config())
        self._sub = await self.bus.js.pull_subscribe_bind(durable=self.durable, stream=self.stream)
        self.stopping = False
        self._loop = asyncio.create_task(self._fetch_loop(self._sub), name=f"{self.durable}-fetch")

    async def stop(self, grace: float = 10.0) -> None:
        self.stopping = True
        if self._loop is not None:
            await cancel_task(self._loop)
            self._loop = None
        if self._batch_task is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._batch_task), timeout=grace)
            self._batch_task.cancel()
            await asyncio.gather(self._batch_task, return_exceptions=True)
            self._batch_task = None
        if self._sub is not None:
            with contextlib.suppress(nats.errors.Error):
                await self._sub.unsubscribe()
            self._sub = None
        with contextlib.suppress(Unavailable):
            await self.bus.sync(wait_seconds=2)  # the acks above reach the server before we return

    async def _fetch_loop(self, sub: JetStreamContext.PullSubscription) -> None:
        while True:
            msgs = await fetch_or_back_off(sub, self.batch, self.fetch_timeout, self.durable)
            if not msgs:
                continue
            self._batch_task = asyncio.create_task(self._handle_batch(msgs))
            # wait() rather than await: cancelling this loop on stop must not cut a handler short.
            await asyncio.wait({self._batch_task})
            self._batch_task = None

    async def _handle_batch(self, msgs: list[Msg]) -> None:
        for msg in msgs:
            try:
                await self.handle(msg)
            except nats.errors.Error as err:
                log.warning("%s could not settle a message: %s", self.durable, err or type(err).__name__)


class UpdateConsumer(DurablePuller):
    """Durable pull consumer on JOB_EVENTS for `jobs.*.{started,progress,completed,failed,cancelled}`.

    Calls `handler(service, event, update)` for each update, one at a time in stream order, and
    acks after it returns; if it raises, the message is nak'd with `retry_delay` and comes back.
    Order per job therefore holds except around a retried update, which is why the handler
    must apply updates idempotently and never backwards. Undecodable messages are terminated.
    Updates fetched but not started when `stop()` is called are nak'd for another replica.
    """

    stream = EVENTS_STREAM

    def __init__(
        self,
        bus: EventBus,
        handler: UpdateHandler,
        *,
        durable: str = "library-job-updates",
        ack_wait: float = 30.0,
        batch: int = 64,
        fetch_timeout: float = 5.0,
        retry_delay: float = 1.0,
    ) -> None:
        super().__init__(bus, durable, ack_wait=ack_wait, batch=batch, fetch_timeout=fetch_timeout)
        self.handler = handler
        self.retry_delay = retry_delay

    def consumer_config(self) -> api.ConsumerConfig:
        config = super().consumer_config()
        config.filter_subjects = update_subjects()
        return config

    async def handle(self, msg: Msg) -> None:
        if self.stopping:
            await msg.nak()  # another replica (or our next start) takes it at once
            return
        try:
            service, event = parse_subject(msg.subject)
            update = jobs_pb2.JobUpdate.FromString(msg.data)
        except (DecodeError, ValueError) as err:
            log.error("dropping undecodable job update on %s: %s", msg.subject, err)
            await msg.term()
            return
        token = job_id_var.set(update.job_id)
        try:
            await self.handler(service, event, update)
        except Exception:
            log.exception("job update handler failed; retrying in %.1fs", self.retry_delay)
            await msg.nak(delay=self.retry_delay)
            return
        finally:
            job_id_var.reset(token)
        await msg.ack()


class MaxDeliveriesConsumer(DurablePuller):
    """Durable pull consumer on JOB_ADVISORIES: job requests that ran out of deliveries.

    JetStream publishes `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.JOBS.<consumer>` when a
    worker never settled a message (it died on every attempt); the JOB_ADVISORIES stream keeps
    it until read, so one raised while the library was down is handled when it is back. For each
    advisory the request is loaded from JOBS by sequence, `handler(request, deliveries)` is
    called, then the request is deleted (a work-queue stream keeps an unacked message forever)
    and the advisory acked. If the handler raises, both are kept and the advisory comes back
    after `retry_delay`. Replicas share the durable, so each advisory is handled by one of them.
    """

    stream = ADVISORIES_STREAM

    def __init__(
        self,
        bus: EventBus,
        handler: MaxDeliveriesHandler,
        *,
        durable: str = "library-max-deliveries",
        fetch_timeout: float = 5.0,
        retry_delay: float = 5.0,
    ) -> None:
        super().__init__(bus, durable, ack_wait=30.0, batch=16, fetch_timeout=fetch_timeout)
        self.handler = handler
        self.retry_delay = retry_delay

    async def handle(self, msg: Msg) -> None:
        try:
            advisory = json.loads(msg.data)
            seq, deliveries = int(advisory["stream_seq"]), int(advisory["deliveries"])
        except (ValueError, KeyError, TypeError) as err:
            log.warning("dropping malformed max-deliveries advisory: %s", err)
            await msg.term()
            return
        try:
            raw = await self.bus.js.get_msg(REQUESTS_STREAM, seq)
            request = jobs_pb2.JobRequested.FromString(raw.data or b"")
        except nats.js.errors.NotFoundError:
            log.info("job request %d already gone from %s", seq, REQUESTS_STREAM)
            await msg.ack()
            return
        except DecodeError as err:
            log.error("deleting undecodable job request %d: %s", seq, err)
            await self.bus.js.delete_msg(REQUESTS_STREAM, seq)
            await msg.ack()
            return
        token = job_id_var.set(request.job_id)
        try:
            log.warning("job request ran out of deliveries", extra={"deliveries": deliveries})
            try:
                await self.handler(request, deliveries)
            except Exception:
                log.exception("max-deliveries handler failed; retrying in %.1fs", self.retry_delay)
                await msg.nak(delay=self.retry_delay)
                return
            await self.bus.js.delete_msg(REQUESTS_STREAM, seq)
            await msg.ack()
        finally:
            job_id_var.reset(token)
