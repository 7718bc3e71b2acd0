"""The Audio Pipeline document's JSON (seed 004) from a pipeline job and the pipeline's configuration."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from typing import Any, cast

from google.protobuf import timestamp_pb2

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.convert import datetime_from_timestamp
from soundforge.runtime.vocabulary import STAGE_STATUSES
from soundforge.separation.v1 import separation_pb2

STAGE_COUNT = len(payloads_pb2.PipelineStage.keys()) - 1  # every stage but UNSPECIFIED
DOWNLOAD_PREFIX = "/pipeline/download"
# A job that ended without a stage saying why (cancelled, or failed before its first update).
_ENDED_WITHOUT_REASON = {jobs_pb2.JOB_STATUS_CANCELLED: "cancelled", jobs_pb2.JOB_STATUS_FAILED: "failed"}
_DURATION_DIGITS = 3


def document_time(timestamp: timestamp_pb2.Timestamp) -> str | None:
    """The document's `2024-01-15T10:30:45.123456`: UTC, microseconds, no offset; None when unset."""
    value = datetime_from_timestamp(timestamp)
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def job_status(job: jobs_pb2.Job) -> str:
    """The document knows three: queued and running are "processing", cancelled is "failed"."""
    if job.status == jobs_pb2.JOB_STATUS_COMPLETED:
        return "completed"
    if job.status in _ENDED_WITHOUT_REASON:
        return "failed"
    return "processing"


def download_path(job_id: str, name: str) -> str:
    return f"{DOWNLOAD_PREFIX}/{job_id}/{name}"


def outputs(job: jobs_pb2.Job) -> dict[str, str]:
    """Each output's download path, once the job completed (never an object key or a server path)."""
    return {output.name: download_path(job.id, output.name) for output in finished_outputs(job)}


def finished_outputs(job: jobs_pb2.Job) -> list[payloads_pb2.NamedOutput]:
    """The outputs a client may fetch: those of a completed job (a running one's are not final yet)."""
    if job.status != jobs_pb2.JOB_STATUS_COMPLETED:
        return []
    return list(job.result.pipeline.outputs)


def stage_json(info: separation_pb2.StageInfo, record: payloads_pb2.StageRecord | None) -> dict[str, Any]:
    if record is None or record.status == payloads_pb2.STAGE_STATUS_UNSPECIFIED:
        record = payloads_pb2.StageRecord(stage=info.stage, status=payloads_pb2.STAGE_STATUS_PENDING)
    completed_at = document_time(record.completed_at)
    return {
        "name": info.name,
        "processor_type": info.processor_type,
        "status": STAGE_STATUSES.name(record.status),
        "started_at": document_time(record.started_at),
        "completed_at": completed_at,
        "error": record.error or None,
        "duration_seconds": None
        if completed_at is None
        else round(record.duration_seconds, _DURATION_DIGITS),
    }


def _stage_records(job: jobs_pb2.Job) -> dict[int, payloads_pb2.StageRecord]:
    records: dict[int, payloads_pb2.StageRecord] = {r.stage: r for r in job.result.pipeline.stages}
    reason = _ENDED_WITHOUT_REASON.get(job.status)
    if reason is None or any(r.status == payloads_pb2.STAGE_STATUS_FAILED for r in records.values()):
        return records
    # The job ended but no stage failed: the first unfinished stage is where it stopped, and says why.
    for stage in sorted(payloads_pb2.PipelineStage.values()):
        if stage == payloads_pb2.PIPELINE_STAGE_UNSPECIFIED:
            continue
        record = records.get(stage)
        if record is not None and record.status == payloads_pb2.STAGE_STATUS_COMPLETED:
            continue
        stopped = payloads_pb2.StageRecord(stage=cast(payloads_pb2.PipelineStage, stage))
        if record is not None:
            stopped.CopyFrom(record)
        stopped.status = payloads_pb2.STAGE_STATUS_FAILED
        stopped.error = stopped.error or job.error or reason
        records[stage] = stopped
        break
    return records


def pipeline_job_json(job: jobs_pb2.Job, stages: Sequence[separation_pb2.StageInfo]) -> dict[str, Any]:
    """The document's job record: four stages (pending until the worker's first update), outputs."""
    records = _stage_records(job)
    return {
        "job_id": job.id,
        "status": job_status(job),
        "created_at": document_time(job.created_at),
        "stages": [stage_json(info, records.get(info.stage)) for info in stages],
        "outputs": outputs(job),
    }


def config_json(config: separation_pb2.PipelineConfig) -> dict[str, Any]:
    return {
        "max_file_size_mb": config.max_file_size_mb,
        "supported_formats": list(config.supported_formats),
        "pipeline_stages": [{"name": s.name, "processor_type": s.processor_type} for s in config.stages],
    }
