"""Subject scheme: building and parsing `jobs.<service>.<event>`, and update dedupe ids."""

from __future__ import annotations

import pytest

from soundforge.events.bus import update_msg_id
from soundforge.events.subjects import events_subjects, parse_subject, requests_subjects, subject
from soundforge.jobs.v1 import jobs_pb2


def test_subject_round_trip() -> None:
    assert subject("analysis", "requested") == "jobs.analysis.requested"
    assert parse_subject("jobs.analysis.requested") == ("analysis", "requested")
    assert parse_subject(subject("separation", "cancel_requested")) == ("separation", "cancel_requested")


@pytest.mark.parametrize(
    "bad", ["jobs.analysis", "jobs.analysis.progress.extra", "work.analysis.progress", "jobs..progress", ""]
)
def test_parse_subject_rejects_other_subjects(bad: str) -> None:
    with pytest.raises(ValueError, match="not a job subject"):
        parse_subject(bad)


@pytest.mark.parametrize(("service", "event"), [("a.b", "progress"), ("", "progress"), ("analysis", "x y")])
def test_subject_rejects_tokens_that_would_change_the_subject(service: str, event: str) -> None:
    with pytest.raises(ValueError, match="invalid subject"):
        subject(service, event)


def test_streams_do_not_overlap() -> None:
    assert requests_subjects() == ["jobs.*.requested"]
    assert "jobs.*.requested" not in events_subjects()
    assert {"jobs.*.completed", "jobs.*.cancel_requested"} <= set(events_subjects())


def test_update_msg_id_names_job_event_attempt_and_progress() -> None:
    update = jobs_pb2.JobUpdate(job_id="j1", attempt=2, progress=40)
    assert update_msg_id("progress", update) == "j1:progress:2:40"
