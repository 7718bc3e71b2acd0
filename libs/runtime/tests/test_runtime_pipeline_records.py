"""The Audio Pipeline's job record from a Job: stages before and after the worker's updates, outputs."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf import timestamp_pb2

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.pipeline_records import config_json, document_time, pipeline_job_json
from soundforge.separation.v1 import separation_pb2

P = payloads_pb2
STAGES = [
    separation_pb2.StageInfo(
        stage=P.PIPELINE_STAGE_AUDIO_SEPARATION, name="audio_separation", processor_type="separator"
    ),
    separation_pb2.StageInfo(
        stage=P.PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION,
        name="harmonic_percussive_separation",
        processor_type="decomposition",
    ),
    separation_pb2.StageInfo(
        stage=P.PIPELINE_STAGE_COMPOSITE_TRACK_CREATION,
        name="composite_track_creation",
        processor_type="composition",
    ),
    separation_pb2.StageInfo(
        stage=P.PIPELINE_STAGE_NORMALIZATION, name="normalization", processor_type="audio_processing"
    ),
]


def at(second: int, micros: int = 0) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(datetime(2024, 1, 15, 10, 30, second, micros, tzinfo=UTC))
    return stamp


def job(
    status: jobs_pb2.JobStatus,
    *records: P.StageRecord,
    outputs: tuple[str, ...] = (),
    error: str = "",
) -> jobs_pb2.Job:
    made = jobs_pb2.Job(
        id="j1", kind=jobs_pb2.JOB_KIND_PIPELINE, status=status, error=error, created_at=at(45, 123456)
    )
    if records or outputs:
        made.result.pipeline.stages.extend(records)
        made.result.pipeline.outputs.extend(
            P.NamedOutput(name=name, object_key=f"users/u/tracks/t/pipeline/j1/{name}.wav")
            for name in outputs
        )
    return made


def statuses(body: dict[str, object]) -> list[tuple[object, object]]:
    stages = body["stages"]
    assert isinstance(stages, list)
    return [(stage["status"], stage["error"]) for stage in stages]


def test_a_queued_job_shows_four_pending_stages_and_no_outputs() -> None:
    body = pipeline_job_json(job(jobs_pb2.JOB_STATUS_QUEUED), STAGES)
    assert body == {
        "job_id": "j1",
        "status": "processing",
        "created_at": "2024-01-15T10:30:45.123456",
        "stages": [
            {
                "name": info.name,
                "processor_type": info.processor_type,
                "status": "pending",
                "started_at": None,
                "completed_at": None,
                "error": None,
                "duration_seconds": None,
            }
            for info in STAGES
        ],
        "outputs": {},
    }


def test_a_running_job_shows_each_stage_as_recorded_and_no_outputs_yet() -> None:
    done = P.StageRecord(
        stage=P.PIPELINE_STAGE_AUDIO_SEPARATION,
        status=P.STAGE_STATUS_COMPLETED,
        started_at=at(46),
        completed_at=at(50, 531000),
        duration_seconds=4.5312345,
    )
    running = P.StageRecord(
        stage=P.PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION,
        status=P.STAGE_STATUS_PROCESSING,
        started_at=at(51),
    )
    body = pipeline_job_json(job(jobs_pb2.JOB_STATUS_PROCESSING, done, running, outputs=("vocals",)), STAGES)
    first, second = body["stages"][:2]
    assert first["status"] == "completed" and first["duration_seconds"] == 4.531
    assert first["started_at"] == "2024-01-15T10:30:46.000000"
    assert first["completed_at"] == "2024-01-15T10:30:50.531000"
    assert second["status"] == "processing" and second["completed_at"] is None
    assert second["duration_seconds"] is None
    assert statuses(body)[2:] == [("pending", None), ("pending", None)]
    assert body["outputs"] == {}


def test_a_completed_job_lists_download_paths_never_object_keys() -> None:
    names = ("vocals", "main_percussive")
    body = pipeline_job_json(job(jobs_pb2.JOB_STATUS_COMPLETED, outputs=names), STAGES)
    assert body["status"] == "completed"
    assert body["outputs"] == {
        "vocals": "/pipeline/download/j1/vocals",
        "main_percussive": "/pipeline/download/j1/main_percussive",
    }


def test_a_failed_stage_keeps_its_error_and_the_later_stages_stay_pending() -> None:
    done = P.StageRecord(stage=P.PIPELINE_STAGE_AUDIO_SEPARATION, status=P.STAGE_STATUS_COMPLETED)
    failed = P.StageRecord(
        stage=P.PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION,
        status=P.STAGE_STATUS_FAILED,
        error="out of memory",
    )
    body = pipeline_job_json(job(jobs_pb2.JOB_STATUS_FAILED, done, failed, error="stage failed"), STAGES)
    assert body["status"] == "failed"
    assert statuses(body) == [
        ("completed", None),
        ("failed", "out of memory"),
        ("pending", None),
        ("pending", None),
    ]


def test_a_cancelled_job_is_failed_at_the_stage_it_stopped_in() -> None:
    done = P.StageRecord(stage=P.PIPELINE_STAGE_AUDIO_SEPARATION, status=P.STAGE_STATUS_COMPLETED)
    running = P.StageRecord(
        stage=P.PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION, status=P.STAGE_STATUS_PROCESSING
    )
    body = pipeline_job_json(job(jobs_pb2.JOB_STATUS_CANCELLED, done, running, error="track deleted"), STAGES)
    assert body["status"] == "failed"
    assert statuses(body) == [
        ("completed", None),
        ("failed", "track deleted"),
        ("pending", None),
        ("pending", None),
    ]


def test_a_job_failed_before_any_update_says_why_in_its_first_stage() -> None:
    body = pipeline_job_json(job(jobs_pb2.JOB_STATUS_FAILED, error="model htdemucs has no weights"), STAGES)
    assert statuses(body) == [
        ("failed", "model htdemucs has no weights"),
        ("pending", None),
        ("pending", None),
        ("pending", None),
    ]
    cancelled = pipeline_job_json(job(jobs_pb2.JOB_STATUS_CANCELLED), STAGES)
    assert statuses(cancelled)[0] == ("failed", "cancelled")


def test_times_are_the_documents_utc_without_offset() -> None:
    assert document_time(at(45, 123456)) == "2024-01-15T10:30:45.123456"
    assert document_time(timestamp_pb2.Timestamp()) is None


def test_config_is_the_documents_shape() -> None:
    config = separation_pb2.PipelineConfig(
        max_file_size_mb=500, supported_formats=["wav", "mp3"], stages=STAGES[:1]
    )
    assert config_json(config) == {
        "max_file_size_mb": 500,
        "supported_formats": ["wav", "mp3"],
        "pipeline_stages": [{"name": "audio_separation", "processor_type": "separator"}],
    }
