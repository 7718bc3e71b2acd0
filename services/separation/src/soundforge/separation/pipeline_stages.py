"""The Audio Pipeline's four stages (seed 004), in the order they run, and its stage records."""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf.timestamp_pb2 import Timestamp

from soundforge.jobs.v1 import payloads_pb2


@dataclass(frozen=True)
class Stage:
    stage: payloads_pb2.PipelineStage
    name: str  # the document's name
    processor_type: str


SEPARATION = Stage(payloads_pb2.PIPELINE_STAGE_AUDIO_SEPARATION, "audio_separation", "separator")
DECOMPOSITION = Stage(
    payloads_pb2.PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION,
    "harmonic_percussive_separation",
    "decomposition",
)
COMPOSITION = Stage(
    payloads_pb2.PIPELINE_STAGE_COMPOSITE_TRACK_CREATION, "composite_track_creation", "composition"
)
NORMALIZATION = Stage(payloads_pb2.PIPELINE_STAGE_NORMALIZATION, "normalization", "audio_processing")
STAGES = (SEPARATION, DECOMPOSITION, COMPOSITION, NORMALIZATION)


class StageBook:
    """The job's stage records as they move: pending -> processing -> completed | failed."""

    def __init__(self, earlier: payloads_pb2.PipelineResult | None = None) -> None:
        self.result = payloads_pb2.PipelineResult()
        for stage in STAGES:
            self.result.stages.add(stage=stage.stage, status=payloads_pb2.STAGE_STATUS_PENDING)
        if earlier is not None:
            for record in earlier.stages:
                if record.status == payloads_pb2.STAGE_STATUS_COMPLETED:
                    self.record(record.stage).CopyFrom(record)
            self.result.outputs.extend(earlier.outputs)

    def record(self, stage: payloads_pb2.PipelineStage) -> payloads_pb2.StageRecord:
        return next(r for r in self.result.stages if r.stage == stage)

    def done(self, stage: Stage) -> bool:
        return self.record(stage.stage).status == payloads_pb2.STAGE_STATUS_COMPLETED

    def start(self, stage: Stage) -> None:
        record = self.record(stage.stage)
        record.Clear()
        record.stage, record.status = stage.stage, payloads_pb2.STAGE_STATUS_PROCESSING
        record.started_at.GetCurrentTime()

    def finish(self, stage: Stage) -> None:
        record = self.record(stage.stage)
        record.status = payloads_pb2.STAGE_STATUS_COMPLETED
        record.completed_at.GetCurrentTime()
        record.duration_seconds = round(_seconds(record.completed_at) - _seconds(record.started_at), 3)

    def fail(self, stage: Stage, error: str) -> None:
        record = self.record(stage.stage)
        record.status = payloads_pb2.STAGE_STATUS_FAILED
        record.error = error
        record.completed_at.GetCurrentTime()
        record.duration_seconds = round(_seconds(record.completed_at) - _seconds(record.started_at), 3)

    def job_result(self) -> payloads_pb2.JobResult:
        result = payloads_pb2.JobResult()
        result.pipeline.CopyFrom(self.result)
        return result


def _seconds(stamp: Timestamp) -> float:
    return stamp.seconds + stamp.nanos / 1e9
