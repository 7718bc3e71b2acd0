"""A finished job whose track was deleted keeps what it measured, not the keys of the track's files."""

from __future__ import annotations

from soundforge.gateway import serializers
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2


def _completed(result: payloads_pb2.JobResult, track_id: str = "") -> jobs_pb2.Job:
    return jobs_pb2.Job(id="j1", status=jobs_pb2.JOB_STATUS_COMPLETED, track_id=track_id, result=result)


def _analysis() -> payloads_pb2.JobResult:
    result = payloads_pb2.JobResult()
    result.analysis.tempo.tempo = 120.0
    result.analysis.tempo.tempo_confidence = 0.9
    result.analysis.energy.SetInParent()  # computed, at 0.0: a member set at its defaults stays
    result.analysis.spectrogram.spectrogram_key = "u1/t1/spectrogram.png"
    return result


def test_an_analysis_keeps_its_values_and_drops_the_spectrogram() -> None:
    kept = serializers.job_json(_completed(_analysis(), track_id="t1"))["result"]
    assert kept["spectrogram_key"] == "u1/t1/spectrogram.png" and kept["energy"] == 0.0
    gone = serializers.job_json(_completed(_analysis()))["result"]
    assert gone == {k: v for k, v in kept.items() if k != "spectrogram_key"}


def test_a_pipelines_outputs_keep_their_names_and_levels_not_their_keys() -> None:
    result = payloads_pb2.JobResult()
    output = result.pipeline.outputs.add(name="vocals", object_key="u1/t1/vocals.wav", loudness_lufs=-14.0)
    assert output.object_key
    gone = serializers.job_json(_completed(result))["result"]
    assert gone == {"outputs": [{"name": "vocals", "loudness_lufs": -14.0}]}


def test_a_generation_keeps_its_audio_whatever_becomes_of_a_track() -> None:
    result = payloads_pb2.JobResult()
    result.generation.filename = "g1.wav"
    result.generation.audio_key = "soundbox/g1.wav"
    body = serializers.job_json(_completed(result))["result"]
    assert body == {"filename": "g1.wav", "audio_key": "soundbox/g1.wav"}
