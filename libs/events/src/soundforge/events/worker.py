"""JobWorker: the loop a service's consumer.py runs to take job requests from JetStream and do them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence

import nats.errors
from google.protobuf.message import DecodeError
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from nats.js import JetStreamContext, api

from soundforge.events.bus import EventBus
from soundforge.events.job_context import JobContext, PermanentJobError, is_permanent
from soundforge.events.pulling import fetch_or_back_off
from soundforge.events.subjects import CANCEL_REQUESTED, REQUESTED, REQUESTS_STREAM, subject
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.convert import kind_name
from soundforge.runtime.errors import Unavailable
from soundforge.runtime.logging import job_id_var
from soundforge.runtime.tasks import cancel_task

__all__ = ["Handler", "JobContext", "JobWorker", "PermanentJobError"]

log = logging.getLogger(__name__)

# A handler returns the typed result of its kind (the JobResult member matching the job's kind).
Handler = Callable[[JobContext], Awaitable[payloads_pb2.JobResult]]


class JobWorker:
    """Takes `jobs.<service>.requested` from the durable pull consumer `<service>-worker` on JOBS.

    For each message: decode `JobRequested` (undecodable: log and term), set the job id for
    logging, publish `started` (attempt = delivery count), run the handler while a heartbeat
    sends `in_progress()` every `ack_wait / 3`, then settle:

    * success: publish `completed` (progress 100, result = the returned dict), then ack;
    * `PermanentJobError`, or a SoundForgeError with status INVALID_ARGUMENT, NOT_FOUND,
      FAILED_PRECONDITION or UNIMPLEMENTED: publish `failed` with the message, term (no retry);
    * anything else before `max_deliver`: publish a `progress` "retrying after error: ..." and
      nak with `backoff[attempt - 1]` (the last value repeats); on the last attempt publish
      `failed` ("failed after N attempts: ...") and term;
    * a `jobs.<service>.cancel_requested` for a running job cancels its handler, publishes
      `cancelled` and terms.

    Events are published before the ack, so a crash in between repeats work, never loses it.
    `stop()` fetches no more, lets running handlers finish within the grace, then cancels them
    and naks their messages so another replica picks them up at once. A process that dies
    leaves its message unacked: JetStream redelivers it after `ack_wait` (set on the consumer,
    with `max_deliver`); a message that runs out of deliveries raises the advisory that
    `MaxDeliveriesConsumer` turns into a failed job.
    """

    def __init__(
        self,
        bus: EventBus,
        service: str,
        handler: Handler,
        *,
        max_deliver: int = 3,
        ack_wait: float = 30.0,
        backoff: Sequence[float] = (1.0, 5.0, 30.0),
        concurrency: int = 1,
        durable: str | None = None,
        stop_grace: float = 10.0,
        fetch_timeout: float = 5.0,
        working_status: jobs_pb2.JobStatus = jobs_pb2.JOB_STATUS_PROCESSING,
    ) -> None:
        if max_deliver < 1 or concurrency < 1 or ack_wait <= 0:
            raise ValueError("max_deliver and concurrency must be >= 1 and ack_wait > 0")
        self.bus = bus
        self.service = service
        self.handler = handler
        self.max_deliver = max_deliver
        self.ack_wait = ack_wait
        self.backoff = tuple(backoff)
        self.concurrency = concurrency
        self.durable = durable or f"{service}-worker"
        self.stop_grace = stop_grace
        self.fetch_timeout = fetch_timeout
        self.working_status = working_status
        self._loops: list[asyncio.Task[None]] = []
        self._subs: list[JetStreamContext.PullSubscription] = []
        self._inflight: set[asyncio.Task[None]] = set()
        self._running: dict[str, asyncio.Task[payloads_pb2.JobResult]] = {}
        self._held: set[str] = set()  # job ids between receipt and settlement
        self._cancel_requested: set[str] = set()
        self._cancel_sub: Subscription | None = None
        self._changed = asyncio.Event()

    @property
    def in_hand(self) -> int:
        """Jobs this worker holds now (received and not yet settled)."""
        return len(self._held)

    async def wait_for_change(self, within: float) -> None:
        """Returns when a job is received or settled, or after `within` seconds."""
        changed = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), within)

    def _mark_changed(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def consumer_config(self) -> api.ConsumerConfig:
        return api.ConsumerConfig(
            name=self.durable,
            durable_name=self.durable,
            filter_subject=subject(self.service, REQUESTED),
            ack_policy=api.AckPolicy.EXPLICIT,
            deliver_policy=api.DeliverPolicy.ALL,
            ack_wait=self.ack_wait,
            max_deliver=self.max_deliver,
        )

    async def start(self) -> None:
        """Creates or updates the durable consumer, then starts `concurrency` fetch loops."""
        await self.bus.js.add_consumer(REQUESTS_STREAM, self.consumer_config())
        self._cancel_sub = await self.bus.nc.subscribe(
            subject(self.service, CANCEL_REQUESTED), cb=self._on_cancel_requested
        )
        for _ in range(self.concurrency):
            sub = await self.bus.js.pull_subscribe_bind(durable=self.durable, stream=REQUESTS_STREAM)
            self._subs.append(sub)
            self._loops.append(asyncio.create_task(self._fetch_loop(sub), name=f"{self.durable}-fetch"))
        log.info("job worker started", extra={"durable": self.durable, "concurrency": self.concurrency})

    async def stop(self, grace: float | None = None) -> None:
        """Stops fetching; waits up to `grace` (default `stop_grace`) for running jobs, cancels the rest."""
        await asyncio.gather(*(cancel_task(loop) for loop in self._loops))
        self._loops.clear()
        if self._inflight:
            _done, pending = await asyncio.wait(
                set(self._inflight), timeout=self.stop_grace if grace is None else grace
            )
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        for sub in [*self._subs, self._cancel_sub]:
            if sub is not None:
                with contextlib.suppress(nats.errors.Error):
                    await sub.unsubscribe()
        self._subs.clear()
        self._cancel_sub = None
        with contextlib.suppress(Unavailable):
            await self.bus.sync(wait_seconds=2)  # the naks and terms above reach the server before we return

    async def _fetch_loop(self, sub: JetStreamContext.PullSubscription) -> None:
        while True:
            for msg in await fetch_or_back_off(sub, 1, self.fetch_timeout, self.durable):
                task = asyncio.create_task(self._handle(msg))
                self._inflight.add(task)
                task.add_done_callback(self._inflight.discard)
                # wait() rather than await: cancelling this loop on stop must not cancel the job.
                await asyncio.wait({task})

    async def _handle(self, msg: Msg) -> None:
        try:
            request = jobs_pb2.JobRequested.FromString(msg.data)
            if not request.job_id:
                raise ValueError("no job_id")
        except (DecodeError, ValueError) as err:
            log.error("dropping undecodable job request on %s: %s", msg.subject, err)
            with contextlib.suppress(nats.errors.Error):
                await msg.term()
            return
        token = job_id_var.set(request.job_id)
        try:
            ctx = JobContext(
                self.bus,
                self.service,
                request,
                msg.metadata.num_delivered,
                self.max_deliver,
                self.working_status,
            )
            await self._run(msg, ctx)
        except Exception:
            log.exception("could not settle the job message; JetStream redelivers it after ack_wait")
        finally:
            job_id_var.reset(token)

    async def _run(self, msg: Msg, ctx: JobContext) -> None:
        self._held.add(ctx.job_id)
        self._mark_changed()
        try:
            await ctx.publish("started", self.working_status)
            if ctx.job_id in self._cancel_requested:  # it came while the start was being announced
                await self._settle_cancelled(msg, ctx)
                return
            await self._work(msg, ctx)
        finally:
            self._held.discard(ctx.job_id)
            self._cancel_requested.discard(ctx.job_id)
            self._mark_changed()

    async def _work(self, msg: Msg, ctx: JobContext) -> None:
        heartbeat = asyncio.create_task(self._heartbeat(msg))
        work = asyncio.create_task(self._call_handler(ctx))
        self._running[ctx.job_id] = work
        try:
            result = await work
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if (current is not None and current.cancelling()) or ctx.job_id not in self._cancel_requested:
                await self._release(msg)
                raise
            await self._settle_cancelled(msg, ctx)
            return
        except Exception as err:
            await self._settle_error(msg, ctx, err)
            return
        finally:
            heartbeat.cancel()
            if self._running.get(ctx.job_id) is work:
                del self._running[ctx.job_id]
        ctx.percent = 100
        await ctx.publish("completed", jobs_pb2.JOB_STATUS_COMPLETED, result=result)
        # Synchronous: once the worker moves on (or stops), the job is surely off the queue.
        await msg.ack_sync(timeout=5.0)

    async def _call_handler(self, ctx: JobContext) -> payloads_pb2.JobResult:
        result = await self.handler(ctx)
        # Checked inside the task, so a handler answering for another kind fails like any error.
        kind = result.WhichOneof("kind")
        if kind is not None and ctx.request.kind and kind != kind_name(ctx.request.kind):
            raise TypeError(f"a {kind_name(ctx.request.kind)} job's handler returned a {kind} result")
        return result

    async def _settle_error(self, msg: Msg, ctx: JobContext, err: Exception) -> None:
        reason = str(err) or type(err).__name__
        if is_permanent(err):
            log.warning("job failed permanently: %s", reason)
            await ctx.publish("failed", jobs_pb2.JOB_STATUS_FAILED, error=reason)
            await msg.term()
        elif ctx.attempt < self.max_deliver:
            delay = self.backoff[min(ctx.attempt - 1, len(self.backoff) - 1)] if self.backoff else 0.0
            log.warning(
                "job attempt %d/%d failed; retrying in %.1fs",
                ctx.attempt,
                self.max_deliver,
                delay,
                exc_info=err,
            )
            await ctx.publish(
                "progress",
                self.working_status,
                stage=f"retrying after error: {reason}",
                msg_id=f"{ctx.job_id}:progress:{ctx.attempt}:retry",
            )
            await msg.nak(delay=delay)
        else:
            log.error("job failed after %d attempts", ctx.attempt, exc_info=err)
            await ctx.publish(
                "failed", jobs_pb2.JOB_STATUS_FAILED, error=f"failed after {ctx.attempt} attempts: {reason}"
            )
            await msg.term()

    async def _settle_cancelled(self, msg: Msg, ctx: JobContext) -> None:
        log.info("job cancelled on request")
        await ctx.publish("cancelled", jobs_pb2.JOB_STATUS_CANCELLED, stage="cancelled")
        await msg.term()

    async def _heartbeat(self, msg: Msg) -> None:
        while True:
            await asyncio.sleep(self.ack_wait / 3)
            try:
                await msg.in_progress()
            except nats.errors.Error as err:
                log.warning("heartbeat failed: %s", err or type(err).__name__)

    async def _release(self, msg: Msg) -> None:
        """Hands an interrupted job back to the stream now instead of after ack_wait."""
        with contextlib.suppress(nats.errors.Error, TimeoutError):
            await asyncio.wait_for(msg.nak(), timeout=1.0)

    async def _on_cancel_requested(self, msg: Msg) -> None:
        try:
            job_id = jobs_pb2.JobCancelRequested.FromString(msg.data).job_id
        except DecodeError:
            log.warning("ignoring undecodable cancel request on %s", msg.subject)
            return
        if job_id not in self._held:
            return  # another replica's job, or one that is not running anywhere
        self._cancel_requested.add(job_id)
        if (work := self._running.get(job_id)) is not None:
            work.cancel()
