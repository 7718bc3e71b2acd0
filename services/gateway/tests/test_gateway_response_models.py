"""The documented models send the serializers' JSON unchanged: same keys, same order, same bytes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from soundforge.gateway import response_models as models
from soundforge.gateway import serializers
from soundforge.ingest.v1 import ingest_pb2
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2

FAILED_ANALYSIS = jobs_pb2.Job(
    id="j1", kind=jobs_pb2.JOB_KIND_ANALYSIS, status=jobs_pb2.JOB_STATUS_FAILED, error="boom"
)
TRACK = library_pb2.Track(id="t1", title="Halo", tags=["pop"], bpm=120.0, duration=3.5)


@pytest.mark.parametrize(
    ("body", "model"),
    [
        (serializers.track_json(TRACK), models.Track),
        (serializers.user_json(library_pb2.User(id="u1", email="a@example.com", plan="free")), models.User),
        (serializers.api_key_json(library_pb2.ApiKey(id="k1", name="ci")), models.ApiKey),
        (serializers.page_meta_json(library_pb2.PageMeta(page=1, page_size=20)), models.PageMeta),
        (serializers.job_json(FAILED_ANALYSIS), models.Job),
        (serializers.job_status_json(FAILED_ANALYSIS), models.JobPoll),
        (
            serializers.download_job_json(jobs_pb2.Job(id="j2", status=jobs_pb2.JOB_STATUS_QUEUED)),
            models.DownloadJob,
        ),
        (serializers.analysis_json(library_pb2.TrackAnalysis(track_id="t1")), models.Analysis),
        (
            serializers.spotify_track_json(ingest_pb2.SpotifyTrack(spotify_id="s", duration=61.6)),
            models.SpotifyTrack,
        ),
        (serializers.job_queued_json(FAILED_ANALYSIS), models.JobQueued),
    ],
)
def test_a_serialized_body_passes_its_model_unchanged(body: dict[str, Any], model: type[BaseModel]) -> None:
    # exclude_unset as the routes that send optional keys (a failed job's `error`) use it.
    sent = model.model_validate(body).model_dump(mode="json", exclude_unset=True)
    assert json.dumps(sent) == json.dumps(body)
