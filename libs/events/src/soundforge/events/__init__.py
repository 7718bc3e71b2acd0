"""NATS JetStream for job events: streams, deduplicated publishing, the job worker and consumers."""

from soundforge.events.bus import EventBus
from soundforge.events.consumer import MaxDeliveriesConsumer, UpdateConsumer
from soundforge.events.job_context import JobContext, PermanentJobError
from soundforge.events.subjects import (
    EVENTS_STREAM,
    REQUESTS_STREAM,
    UPDATE_EVENTS,
    parse_subject,
    subject,
)
from soundforge.events.watcher import UpdateWatcher, watch_updates
from soundforge.events.worker import JobWorker

__all__ = [
    "EVENTS_STREAM",
    "REQUESTS_STREAM",
    "UPDATE_EVENTS",
    "EventBus",
    "JobContext",
    "JobWorker",
    "MaxDeliveriesConsumer",
    "PermanentJobError",
    "UpdateConsumer",
    "UpdateWatcher",
    "parse_subject",
    "subject",
    "watch_updates",
]
