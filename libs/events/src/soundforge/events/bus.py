"""EventBus: one NATS connection with JetStream, the job streams, deduplicated publishing and KV."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import nats.errors
import nats.js.errors
from google.protobuf.message import Message
from nats.aio.client import Client
from nats.js import JetStreamContext, api
from nats.js.kv import KeyValue

from soundforge.events.subjects import (
    ADVISORIES_STREAM,
    CANCEL_REQUESTED,
    EVENTS_STREAM,
    MAX_DELIVERIES_ADVISORY,
    REQUESTED,
    REQUESTS_STREAM,
    events_subjects,
    requests_subjects,
    subject,
)
from soundforge.jobs.v1 import jobs_pb2
from soundforge.runtime.errors import Unavailable

log = logging.getLogger(__name__)

DUPLICATE_WINDOW_SECONDS = 120.0
EVENTS_MAX_AGE_SECONDS = 7 * 24 * 3600.0
MSG_ID_HEADER = "Nats-Msg-Id"


def stream_configs() -> list[api.StreamConfig]:
    """The job streams exactly as docs/architecture.md describes them."""
    return [
        api.StreamConfig(
            name=REQUESTS_STREAM,
            subjects=requests_subjects(),
            retention=api.RetentionPolicy.WORK_QUEUE,
            storage=api.StorageType.FILE,
            duplicate_window=DUPLICATE_WINDOW_SECONDS,
        ),
        api.StreamConfig(
            name=EVENTS_STREAM,
            subjects=events_subjects(),
            retention=api.RetentionPolicy.LIMITS,
            storage=api.StorageType.FILE,
            max_age=EVENTS_MAX_AGE_SECONDS,
            duplicate_window=DUPLICATE_WINDOW_SECONDS,
        ),
        # Advisories are core NATS messages; captured here, one sent while the library is down
        # still fails its job when the library is back.
        api.StreamConfig(
            name=ADVISORIES_STREAM,
            subjects=[MAX_DELIVERIES_ADVISORY],
            retention=api.RetentionPolicy.WORK_QUEUE,
            storage=api.StorageType.FILE,
            max_age=EVENTS_MAX_AGE_SECONDS,
        ),
    ]


def update_msg_id(event: str, update: jobs_pb2.JobUpdate) -> str:
    """`<job_id>:<event>:<attempt>:<progress>`: a replayed update is dropped, a new step is not."""
    return f"{update.job_id}:{event}:{update.attempt}:{update.progress}"


class EventBus:
    """The process's NATS connection (`nc`) and JetStream context (`js`).

    Built once in `main()` with `EventBus.connect(settings.nats_url, name)` and passed to
    servicers, workers and consumers. Publishing failures surface as
    `soundforge.runtime.errors.Unavailable`, so an RPC that cannot queue its job answers 503.
    """

    def __init__(self, nc: Client, js: JetStreamContext) -> None:
        self.nc = nc
        self.js = js

    @classmethod
    async def connect(
        cls, url: str, name: str, *, request_timeout: float = 5.0, first_connect_wait: float = 30.0
    ) -> EventBus:
        """Connects, then reconnects forever, logging each disconnect.

        Raises Unavailable if no server answers within `first_connect_wait` seconds, so a
        process started before NATS exits (and is restarted) instead of hanging unready.
        """

        async def on_disconnected() -> None:
            # nats-py calls this on our own close() too; only a lost connection is worth a warning.
            if not nc.is_closed:
                log.warning("NATS disconnected", extra={"nats_client": name})

        async def on_reconnected() -> None:
            log.info("NATS reconnected", extra={"nats_client": name, "nats_url": str(nc.connected_url)})

        async def on_error(err: Exception) -> None:
            log.warning("NATS error: %s", err or type(err).__name__, extra={"nats_client": name})

        nc = Client()
        try:
            async with asyncio.timeout(first_connect_wait):
                await nc.connect(
                    url,
                    name=name,
                    max_reconnect_attempts=-1,
                    reconnect_time_wait=1,
                    connect_timeout=max(1, round(request_timeout)),
                    disconnected_cb=on_disconnected,
                    reconnected_cb=on_reconnected,
                    error_cb=on_error,
                )
        except (TimeoutError, OSError, nats.errors.Error) as err:
            await nc.close()
            raise Unavailable(f"cannot connect to NATS at {url}: {err or type(err).__name__}") from err
        return cls(nc, nc.jetstream(timeout=request_timeout))

    async def ensure_streams(self) -> None:
        """Creates both job streams, or updates them to the current config; safe to repeat."""
        for config in stream_configs():
            assert config.name is not None
            try:
                await self.js.stream_info(config.name)
            except nats.js.errors.NotFoundError:
                try:
                    await self.js.add_stream(config)
                    continue
                except nats.js.errors.BadRequestError:
                    pass  # another replica created it first: fall through to the update
            await self.js.update_stream(config)

    async def publish(self, subject: str, message: Message, *, msg_id: str | None = None) -> int:
        """Publishes to JetStream and waits for the stream's ack; `msg_id` dedupes within 120 s.

        Returns the message's stream sequence (the first copy's, for a deduplicated one).
        """
        headers = {MSG_ID_HEADER: msg_id} if msg_id else None
        try:
            ack = await self.js.publish(subject, message.SerializeToString(), headers=headers)
        except nats.errors.Error as err:
            raise Unavailable(f"cannot publish {subject}: {err or type(err).__name__}") from err
        return int(ack.seq)

    async def request_job(self, service: str, request: jobs_pb2.JobRequested) -> int:
        """Queues a job on `jobs.<service>.requested`; the job id dedupes a retried publish.
        Returns the request's sequence in the JOBS stream."""
        if not request.job_id:
            raise ValueError("JobRequested.job_id is required")
        return await self.publish(subject(service, REQUESTED), request, msg_id=request.job_id)

    async def withdraw_request(self, sequence: int) -> None:
        """Deletes a job request from JOBS; one already taken and acked (or deleted) is not an error."""
        try:
            await self.js.delete_msg(REQUESTS_STREAM, sequence)
        except nats.js.errors.NotFoundError:
            pass
        except nats.errors.Error as err:
            raise Unavailable(f"cannot withdraw job request {sequence}: {err or type(err).__name__}") from err

    async def publish_update(self, service: str, event: str, update: jobs_pb2.JobUpdate) -> None:
        """Publishes `jobs.<service>.<event>`; stamps `update.at` with now when unset."""
        if not update.HasField("at"):
            update.at.FromDatetime(datetime.now(UTC))
        await self.publish(subject(service, event), update, msg_id=update_msg_id(event, update))

    async def request_cancel(self, service: str, job_id: str) -> None:
        """Asks the worker running `job_id` to stop it (it then publishes `cancelled`)."""
        message = jobs_pb2.JobCancelRequested(job_id=job_id)
        await self.publish(subject(service, CANCEL_REQUESTED), message, msg_id=f"{job_id}:{CANCEL_REQUESTED}")

    async def key_value(self, bucket: str, ttl_seconds: float) -> KeyValue:
        """The KV bucket `bucket`, created with this TTL if missing (an existing one is kept as is)."""
        try:
            return await self.js.key_value(bucket)
        except nats.js.errors.BucketNotFoundError:
            pass
        try:
            return await self.js.create_key_value(bucket=bucket, ttl=ttl_seconds)
        except nats.js.errors.BadRequestError:
            return await self.js.key_value(bucket)  # a concurrent creator won with another config

    async def sync(self, wait_seconds: float = 5.0) -> None:
        """Returns once the server has processed every command this connection sent before the call.

        Use it where `nc.flush()` looks right: after a subscribe that must see the next publish,
        or after acks that must land before a stop. nats-py's `flush()` writes its PING straight
        to the socket, ahead of commands still queued for its flusher task (a SUB, a PUB, an ack),
        so its PONG can come back before they were even sent (a user-socket test caught a join
        whose subscription missed the update published right after). A message to our own inbox
        is queued behind them, and the server echoes it only after processing them.
        Raises Unavailable if the echo does not come back within `wait_seconds`.
        """
        inbox = self.nc.new_inbox()
        try:
            echo = await self.nc.subscribe(inbox, max_msgs=1)
            await self.nc.publish(inbox, b"")
            await echo.next_msg(timeout=wait_seconds)
        except nats.errors.Error as err:
            raise Unavailable(f"NATS did not confirm our commands: {err or type(err).__name__}") from err

    async def close(self) -> None:
        """Flushes what is buffered and closes; safe to call twice."""
        if self.nc.is_closed:
            return
        try:
            await self.sync(wait_seconds=2)
        except Unavailable:
            log.warning("NATS flush failed while closing")
        await self.nc.close()
