"""Pipeline callbacks: when a pipeline job completes or fails, its record is POSTed to its callback_url."""

from __future__ import annotations

import asyncio
import logging

import nats.js.errors
from google.protobuf.message import DecodeError
from nats.aio.msg import Msg
from nats.js import api
from nats.js.kv import KeyValue

from soundforge.events import EVENTS_STREAM, EventBus, subject
from soundforge.events.bus import EVENTS_MAX_AGE_SECONDS
from soundforge.events.consumer import DurablePuller
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.convert import TERMINAL_STATUSES
from soundforge.runtime.errors import NotFound, SoundForgeError
from soundforge.runtime.logging import job_id_var
from soundforge.runtime.pipeline_records import job_status, pipeline_job_json
from soundforge.runtime.url_policy import UrlPolicy, parse_allowed_hosts
from soundforge.separation.callback_sender import CallbackSender, Delivery, Outcome, record_body
from soundforge.separation.consumer import SERVICE
from soundforge.separation.pipeline_stages import STAGES
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2

log = logging.getLogger(__name__)

DURABLE = "separation-callbacks"
# Jobs whose callback was delivered, so a job a worker repeated (and completed twice) is posted once.
DELIVERED_BUCKET = "separation_callbacks"
ENDED_EVENTS = ("completed", "failed")
_LIBRARY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)  # seconds, ~3 s in all
STAGE_INFOS = tuple(
    separation_pb2.StageInfo(stage=s.stage, name=s.name, processor_type=s.processor_type) for s in STAGES
)


class PipelineCallbacks(DurablePuller):
    """Durable `separation-callbacks` on JOB_EVENTS, filtered to `jobs.separation.{completed,failed}`.

    For a pipeline job with a callback_url, the job is read back from the library (which applies
    the same update through its own durable; until it has, the handler waits a little, then the
    message comes back later) and its document record is POSTed. Connection errors, 5xx and 429
    nak the update with a delay that doubles per delivery; after `max_attempts` deliveries, a URL
    the policy refuses, or any other answer, the callback is dropped with a log line. At least
    once: a crash after the POST and before the ack posts again, so receivers key on job_id.
    """

    stream = EVENTS_STREAM

    def __init__(
        self,
        bus: EventBus,
        library: LibraryClient,
        sender: CallbackSender,
        *,
        max_attempts: int,
        retry_seconds: float,
        retry_max_seconds: float,
        fetch_timeout: float = 5.0,
    ) -> None:
        # One message at a time: a slow receiver then cannot outlast ack_wait for those fetched after it.
        super().__init__(bus, DURABLE, ack_wait=sender.timeout + 30.0, batch=1, fetch_timeout=fetch_timeout)
        self.library = library
        self.sender = sender
        self.max_attempts = max_attempts
        self.retry_seconds = retry_seconds
        self.retry_max_seconds = retry_max_seconds
        self.delivered: KeyValue | None = None

    def consumer_config(self) -> api.ConsumerConfig:
        config = super().consumer_config()
        config.filter_subjects = [subject(SERVICE, event) for event in ENDED_EVENTS]
        # Created new, the durable starts at the present: a week of old completions is not replayed.
        config.deliver_policy = api.DeliverPolicy.NEW
        config.max_deliver = self.max_attempts
        return config

    async def start(self) -> None:
        self.delivered = await self.bus.key_value(DELIVERED_BUCKET, EVENTS_MAX_AGE_SECONDS)
        await super().start()

    def retry_delay(self, delivery: int) -> float:
        return float(min(self.retry_seconds * 2 ** (delivery - 1), self.retry_max_seconds))

    async def handle(self, msg: Msg) -> None:
        if self.stopping:
            await msg.nak()
            return
        try:
            update = jobs_pb2.JobUpdate.FromString(msg.data)
        except DecodeError as err:
            log.error("dropping undecodable job update on %s: %s", msg.subject, err)
            await msg.term()
            return
        if update.kind != jobs_pb2.JOB_KIND_PIPELINE:
            await msg.ack()
            return
        if not update.owner_id:
            log.error("dropping pipeline update %s: it names no owner", update.job_id)
            await msg.term()
            return
        attempt = msg.metadata.num_delivered or 1
        token = job_id_var.set(update.job_id)
        try:
            try:
                delivery = await self._deliver(update)
            except SoundForgeError as err:  # the library unavailable, ...: _settle logs it
                delivery = Delivery(Outcome.RETRY, f"{type(err).__name__}: {err}")
            except Exception as err:
                log.exception("pipeline callback failed")
                delivery = Delivery(Outcome.RETRY, f"{type(err).__name__}: {err}")
            await self._settle(msg, delivery, attempt)
        finally:
            job_id_var.reset(token)

    async def _deliver(self, update: jobs_pb2.JobUpdate) -> Delivery | None:
        """None when there is nothing to send (no callback_url, sent already, job gone)."""
        try:
            job = await self._ended_job(update)
        except NotFound:
            log.warning("pipeline callback: job not in the library")
            return None
        url = job.params.pipeline.callback_url
        if not url:
            return None
        if job.status not in TERMINAL_STATUSES:
            return Delivery(Outcome.RETRY, "the library has not recorded the job's end yet")
        if await self._was_delivered(job.id):
            return None
        event = f"job.{job_status(job)}"
        body = record_body(pipeline_job_json(job, STAGE_INFOS))
        delivery = await self.sender.post(url, event, body)
        if delivery.outcome is Outcome.DELIVERED:
            assert self.delivered is not None
            await self.delivered.put(job.id, event.encode())
            log.info("pipeline callback delivered", extra={"event": event, "answer": delivery.detail})
        return delivery

    async def _ended_job(self, update: jobs_pb2.JobUpdate) -> jobs_pb2.Job:
        """The job once the library applied this update (its own durable reads the same event,
        usually within milliseconds); still unfinished after a few seconds, the caller retries."""
        job = await self.library.get_job(update.owner_id, update.job_id)
        for pause in _LIBRARY_PAUSES:
            if job.status in TERMINAL_STATUSES or not job.params.pipeline.callback_url:
                break
            await asyncio.sleep(pause)
            job = await self.library.get_job(update.owner_id, update.job_id)
        return job

    async def _was_delivered(self, job_id: str) -> bool:
        assert self.delivered is not None
        try:
            await self.delivered.get(job_id)
        except nats.js.errors.KeyNotFoundError:
            return False
        return True

    async def _settle(self, msg: Msg, delivery: Delivery | None, attempt: int) -> None:
        if delivery is None or delivery.outcome is Outcome.DELIVERED:
            await msg.ack()
        elif delivery.outcome is Outcome.RETRY and attempt < self.max_attempts:
            delay = self.retry_delay(attempt)
            log.warning(
                "pipeline callback attempt %d: %s; retrying in %.1fs", attempt, delivery.detail, delay
            )
            await msg.nak(delay=delay)
        else:
            reason = f"given up after {attempt} attempts" if delivery.outcome is Outcome.RETRY else "dropped"
            log.error("pipeline callback %s: %s", reason, delivery.detail)
            await msg.term()


async def start_callbacks(
    bus: EventBus, library: LibraryClient, settings: SeparationSettings
) -> PipelineCallbacks | None:
    """Starts the callbacks consumer; None (with a warning) when no signing secret is configured."""
    secret = settings.callback_secret.get_secret_value()
    if not secret:
        log.warning("SEPARATION_CALLBACK_SECRET is not set: pipeline callback_url webhooks are not sent")
        return None
    policy = UrlPolicy(parse_allowed_hosts(settings.callback_allowed_hosts))
    sender = CallbackSender(policy, secret.encode(), settings.callback_timeout_seconds)
    callbacks = PipelineCallbacks(
        bus,
        library,
        sender,
        max_attempts=settings.callback_max_attempts,
        retry_seconds=settings.callback_retry_seconds,
        retry_max_seconds=settings.callback_retry_max_seconds,
    )
    await callbacks.start()
    return callbacks
