"""Stream names and the `jobs.<service>.<event>` subject scheme every service publishes on."""

from __future__ import annotations

REQUESTS_STREAM = "JOBS"
"""Job requests, `jobs.*.requested`: work-queue retention, one durable worker per service."""

EVENTS_STREAM = "JOB_EVENTS"
"""Job updates and cancel requests: limits retention, kept 7 days for late readers."""

ADVISORIES_STREAM = "JOB_ADVISORIES"
"""JetStream's own advisories about JOBS (a request out of deliveries), kept until the library reads them."""

MAX_DELIVERIES_ADVISORY = f"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{REQUESTS_STREAM}.>"

REQUESTED = "requested"
CANCEL_REQUESTED = "cancel_requested"
UPDATE_EVENTS: tuple[str, ...] = ("started", "progress", "completed", "failed", "cancelled")
EVENTS_STREAM_EVENTS: tuple[str, ...] = (*UPDATE_EVENTS, CANCEL_REQUESTED)

_PREFIX = "jobs"


def subject(service: str, event: str) -> str:
    """`subject("analysis", "requested") == "jobs.analysis.requested"`; `service` may be `*`."""
    for token, value in (("service", service), ("event", event)):
        if not value or any(ch in value for ch in ". >\t\r\n"):
            raise ValueError(f"invalid subject {token} {value!r}")
    return f"{_PREFIX}.{service}.{event}"


def parse_subject(subject: str) -> tuple[str, str]:
    """`"jobs.analysis.progress"` -> `("analysis", "progress")`; ValueError for anything else."""
    parts = subject.split(".")
    if len(parts) != 3 or parts[0] != _PREFIX or not parts[1] or not parts[2]:
        raise ValueError(f"not a job subject: {subject!r}")
    return parts[1], parts[2]


def requests_subjects() -> list[str]:
    """Subjects captured by the JOBS stream."""
    return [subject("*", REQUESTED)]


def events_subjects() -> list[str]:
    """Subjects captured by the JOB_EVENTS stream."""
    return [subject("*", event) for event in EVENTS_STREAM_EVENTS]


def update_subjects(service: str = "*") -> list[str]:
    """Subjects of the job updates (not cancel requests) of one service, or of all with `*`."""
    return [subject(service, event) for event in UPDATE_EVENTS]
