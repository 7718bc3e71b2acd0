"""The Audio Pipeline's worker: four stages, nine outputs, loudness-normalised, resumable."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from soundforge.dsp.hpss import hpss_whole
from soundforge.dsp.loudness import measure
from soundforge.events import PermanentJobError
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.runtime.errors import NotFound, ValidationFailed
from soundforge.separation import pipeline_audio
from soundforge.separation.pipeline_jobs import PipelineJobs
from soundforge.separation.v1 import separation_pb2

pytestmark = pytest.mark.asyncio(loop_scope="module")

OUTPUTS = [
    "drums",
    "bass",
    "other",
    "vocals",
    "harmonic",
    "percussive",
    "main",
    "main_harmonic",
    "main_percussive",
]


async def start(stack: Any, owner: str, track_id: str, **params: Any) -> jobs_pb2.Job:
    reply: jobs_pb2.Job = await stack.separation.StartPipeline(
        separation_pb2.StartPipelineRequest(
            owner_id=owner, track_id=track_id, params=payloads_pb2.PipelineParams(**params)
        )
    )
    return reply


async def test_config_reports_the_stages_limits_and_formats(stack: Any) -> None:
    config = await stack.separation.GetPipelineConfig(separation_pb2.GetPipelineConfigRequest())
    assert config.max_file_size_mb == 500
    assert list(config.supported_formats) == ["wav", "mp3", "flac", "ogg"]
    assert [(s.name, s.processor_type) for s in config.stages] == [
        ("audio_separation", "separator"),
        ("harmonic_percussive_separation", "decomposition"),
        ("composite_track_creation", "composition"),
        ("normalization", "audio_processing"),
    ]


async def test_a_pipeline_makes_nine_normalised_outputs(stack: Any, song: Callable[..., bytes]) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seconds=6.0, seed=21))
    queued = await start(stack, owner, track.id)
    assert queued.kind == jobs_pb2.JOB_KIND_PIPELINE
    job = await stack.finished(owner, queued.id)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    result = job.result.pipeline
    assert [r.status for r in result.stages] == [payloads_pb2.STAGE_STATUS_COMPLETED] * 4
    for record in result.stages:
        assert record.HasField("started_at") and record.HasField("completed_at")
        assert record.duration_seconds >= 0 and not record.error
    assert [o.name for o in result.outputs] == OUTPUTS
    for output in result.outputs:
        assert output.object_key == f"users/{owner}/tracks/{track.id}/pipeline/{job.id}/{output.name}.wav"
        audio, rate = soundfile.read(io.BytesIO(await stack.read(output.object_key)), dtype="float32")
        assert rate == 44100 and abs(audio.shape[0] - 6 * 44100) <= 1
        loudness = measure(audio, rate)
        if loudness.integrated_lufs is None:
            continue  # a silent output stays silent
        # At the -14 LUFS target, or under it where the -1 dBTP ceiling held the gain back.
        assert loudness.true_peak_dbtp is not None and loudness.true_peak_dbtp <= -1.0 + 0.1
        assert loudness.integrated_lufs <= -14.0 + 0.1
        assert loudness.integrated_lufs >= -14.0 - 0.1 or loudness.true_peak_dbtp >= -1.0 - 0.2
        assert output.loudness_lufs == pytest.approx(loudness.integrated_lufs, abs=0.05)
    # The stages' intermediate files are gone once the job completed.
    assert not await stack.store.list(f"users/{owner}/tracks/{track.id}/pipeline/{job.id}/work/")


async def test_composites_are_the_vocals_over_the_decomposed_instrumental(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    stems = {}
    for name in ("drums", "bass", "other", "vocals"):
        stems[name] = tmp_path / f"{name}.wav"
        soundfile.write(stems[name], 0.1 * rng.standard_normal((3 * 44100, 2)), 44100, subtype="FLOAT")
    parts = pipeline_audio.decompose(stems, tmp_path / "hpss")
    made = pipeline_audio.compose(stems, parts, tmp_path / "composite")

    def read(path: Path) -> np.ndarray:
        return soundfile.read(path, dtype="float64")[0]

    instrumental = np.sum([read(stems[n]) for n in ("drums", "bass", "other")], axis=0)
    harmonic, percussive, vocals = read(parts["harmonic"]), read(parts["percussive"]), read(stems["vocals"])
    expected_h, expected_p = hpss_whole(instrumental.T.astype(np.float32))
    assert np.allclose(harmonic, expected_h.T, atol=1e-5) and np.allclose(percussive, expected_p.T, atol=1e-5)
    assert np.allclose(read(made["main_harmonic"]), vocals + harmonic, atol=1e-6)
    assert np.allclose(read(made["main_percussive"]), vocals + percussive, atol=1e-6)
    assert np.allclose(read(made["main"]), vocals + harmonic + percussive, atol=1e-6)


async def test_bad_requests_and_foreign_tracks_are_refused(stack: Any, song: Callable[..., bytes]) -> None:
    owner, stranger = await stack.new_owner(), await stack.new_owner()
    track = await stack.new_track(owner, song(seed=23))
    with pytest.raises(NotFound):
        await start(stack, stranger, track.id)
    with pytest.raises(ValidationFailed):
        await start(stack, owner, track.id, model=77)


async def test_a_redelivered_job_skips_the_stages_it_finished(
    stack: Any, song: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first delivery dies in stage 2; the second one must not separate again."""
    separations: list[str] = []
    failures: list[str] = []
    separate = PipelineJobs._separate
    decompose = pipeline_audio.decompose

    async def counting_separate(self: PipelineJobs, ctx: Any, *args: Any) -> Any:
        separations.append(ctx.job_id)
        return await separate(self, ctx, *args)

    def failing_once(stems: Any, out_dir: Path) -> Any:
        if not failures:
            failures.append("boom")
            raise RuntimeError("the decomposition's worker fell over")
        return decompose(stems, out_dir)

    monkeypatch.setattr(PipelineJobs, "_separate", counting_separate)
    monkeypatch.setattr(pipeline_audio, "decompose", failing_once)
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seconds=3.0, seed=24))
    job = await stack.finished(owner, (await start(stack, owner, track.id)).id)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    assert job.attempts == 2 and failures == ["boom"]
    assert separations == [job.id]  # stage 1 ran once: its stems were fetched back from work/
    assert [o.name for o in job.result.pipeline.outputs] == OUTPUTS


async def test_a_failing_stage_fails_the_job_and_leaves_the_later_stages_pending(
    stack: Any, song: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(stems: Any, out_dir: Path) -> Any:
        raise PermanentJobError("the instrumental could not be decomposed")

    monkeypatch.setattr(pipeline_audio, "decompose", broken)
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seconds=3.0, seed=25))
    job = await stack.finished(owner, (await start(stack, owner, track.id)).id)
    assert job.status == jobs_pb2.JOB_STATUS_FAILED
    assert "could not be decomposed" in job.error
    statuses = [r.status for r in job.result.pipeline.stages]
    assert statuses == [
        payloads_pb2.STAGE_STATUS_COMPLETED,
        payloads_pb2.STAGE_STATUS_FAILED,
        payloads_pb2.STAGE_STATUS_PENDING,
        payloads_pb2.STAGE_STATUS_PENDING,
    ]
    assert "could not be decomposed" in job.result.pipeline.stages[1].error
