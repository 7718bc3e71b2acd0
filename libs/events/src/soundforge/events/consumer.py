"""What the library consumes: every job update, and JetStream's advisory for jobs out of deliveries."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable

import nats.errors
import nats.js.errors
from google.protobuf.message import DecodeError
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from nats.js import JetStreamContext, api

from soundforge.events.bus import EventBus
from soundforge.events.subjects import EVENTS_STREAM, REQUESTS_STREAM, parse_subject, update_subjects
from soundforge.jobs.v1 import jobs_pb2
from soundforge.runtime.logging import job_id_var

log = logging.getLogger(__name__)

UpdateHandler = Callable[[str, str, jobs_pb2.JobUpdate], Awaitable[None]]
MaxDeliveriesHandler = Callable[[jobs_pb2.JobRequested, int], Awaitable[None]]

MAX_DELIVERIES_ADVISORY = f"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{REQUESTS_STREAM}.>"


class UpdateConsumer:
    """Durable pull consumer on JOB_EVENTS for `jobs.*.{started,progress,completed,failed,cancelled}`.

    Calls `handler(service, event, update)` for each update, one at a time in stream order, and
    acks after it returns; if it raises, the message is nak'd with `retry_delay` and comes back.
    Order per job therefore holds except around a retried update, which is why the handler
    must apply updates idempotently and never backwards. Undecodable messages are terminated.
    """

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
        self.bus = bus
        self.handler = handler
        self.durable = durable
        self.ack_wait = ack_wait
        self.batch = batch
        self.fetch_timeout = fetch_timeout
        self.retry_delay = retry_delay
        self._loop: asyncio.Task[None] | None = None
        self._batch_task: asyncio.Task[None] | None = None
        self._sub: JetStreamContext.PullSubscription | None = None
        self._stopping = False

    async def start(self) -> None:
        """Creates or updates the durable consumer and starts the fetch loop."""
        config = api.ConsumerConfig(
            name=self.durable,
            durable_name=self.durable,
            filter_subjects=update_subjects(),
            ack_policy=api.AckPolicy.EXPLICIT,
            deliver_policy=api.DeliverPolicy.ALL,
            ack_wait=self.ack_wait,
        )
        await self.bus.js.add_consumer(EVENTS_STREAM, config)
        self._sub = await self.bus.js.pull_subscribe_bind(durable=self.durable, stream=EVENTS_STREAM)
        self._stopping = False
        self._loop = asyncio.create_task(self._fetch_loop(self._sub), name=f"{self.durable}-fetch")

    async def stop(self, grace: float = 10.0) -> None:
        """Stops fetching; the update in hand finishes (within `grace`), the rest of the batch is nak'd."""
        self._stopping = True
        if self._loop is not None:
            self._loop.cancel()
            await asyncio.gather(self._loop, return_exceptions=True)
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
        with contextlib.suppress(nats.errors.Error, TimeoutError):
            await self.bus.nc.flush(timeout=2)  # the acks and naks above reach the server before we return

    async def _fetch_loop(self, sub: JetStreamContext.PullSubscription) -> None:
        while True:
            try:
                msgs = await sub.fetch(self.batch, timeout=self.fetch_timeout)
            except nats.errors.TimeoutError:
                continue
            except nats.errors.Error as err:
                log.warning("fetch from %s failed: %s", self.durable, err or type(err).__name__)
                await asyncio.sleep(1.0)
                continue
            self._batch_task = asyncio.create_task(self._handle_batch(msgs))
            # wait() rather than await: cancelling this loop on stop must not cut an update short.
            await asyncio.wait({self._batch_task})
            self._batch_task = None

    async def _handle_batch(self, msgs: list[Msg]) -> None:
        for msg in msgs:
            try:
                if self._stopping:
                    await msg.nak()  # another replica (or our next start) takes it at once
                else:
                    await self._handle(msg)
            except nats.errors.Error as err:
                log.warning("could not settle a job update: %s", err or type(err).__name__)

    async def _handle(self, msg: Msg) -> None:
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


async def watch_max_deliveries(
    bus: EventBus, handler: MaxDeliveriesHandler, *, queue: str = "job-max-deliveries"
) -> Subscription:
    """Calls `handler(request, deliveries)` for each job request that ran out of deliveries.

    JetStream publishes `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.JOBS.<consumer>` when a
    worker never settled a message (it died on every attempt). The request is loaded from the
    JOBS stream by sequence, handed to the handler, then deleted: a work-queue stream keeps an
    unacked message forever. If the handler raises, the message is kept for inspection. The
    queue group makes one replica of the subscriber handle each advisory. Advisories are core
    NATS messages: one sent while no subscriber is connected is not seen.
    """

    async def on_advisory(msg: Msg) -> None:
        try:
            advisory = json.loads(msg.data)
            seq, deliveries = int(advisory["stream_seq"]), int(advisory["deliveries"])
        except (ValueError, KeyError, TypeError) as err:
            log.warning("ignoring malformed max-deliveries advisory: %s", err)
            return
        try:
            raw = await bus.js.get_msg(REQUESTS_STREAM, seq)
            request = jobs_pb2.JobRequested.FromString(raw.data or b"")
        except nats.js.errors.NotFoundError:
            log.info("job request %d already gone from %s", seq, REQUESTS_STREAM)
            return
        except DecodeError as err:
            log.error("deleting undecodable job request %d: %s", seq, err)
            await bus.js.delete_msg(REQUESTS_STREAM, seq)
            return
        token = job_id_var.set(request.job_id)
        try:
            log.warning("job request ran out of deliveries", extra={"deliveries": deliveries})
            await handler(request, deliveries)
            await bus.js.delete_msg(REQUESTS_STREAM, seq)
        except Exception:
            log.exception("max-deliveries handler failed; job request %d kept in %s", seq, REQUESTS_STREAM)
        finally:
            job_id_var.reset(token)

    return await bus.nc.subscribe(MAX_DELIVERIES_ADVISORY, queue=queue, cb=on_advisory)
