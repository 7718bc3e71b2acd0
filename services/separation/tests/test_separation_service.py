"""Separate over gRPC and its worker, end to end: nats-server, a real library, local blobs, tiny models."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from typing import Any

import grpc
import numpy as np
import pytest
import soundfile
from grpc_health.v1 import health_pb2, health_pb2_grpc

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import Conflict, NotFound, SoundForgeError, ValidationFailed
from soundforge.separation import consumer
from soundforge.separation.catalog import ModelCatalog
from soundforge.separation.servicer import SERVICE_NAME
from soundforge.separation.v1 import separation_pb2

pytestmark = pytest.mark.asyncio(loop_scope="module")

RATE = 44100


async def test_health_says_serving(stack: Any) -> None:
    async with grpc.aio.insecure_channel(stack.address) as channel:
        reply = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=SERVICE_NAME)
        )
    assert reply.status == health_pb2.HealthCheckResponse.SERVING


async def test_models_list_the_seed_and_say_which_weights_are_here(stack: Any) -> None:
    reply = await stack.separation.ListModels(separation_pb2.ListModelsRequest())
    by_name = {m.name: m for m in reply.models}
    assert list(by_name) == ["htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra"]
    assert [by_name[n].stems for n in by_name] == [4, 4, 6, 4]
    assert list(by_name["htdemucs_6s"].sources) == ["drums", "bass", "other", "vocals", "guitar", "piano"]
    assert {n: m.available for n, m in by_name.items()} == {
        "htdemucs": True,
        "htdemucs_ft": False,
        "htdemucs_6s": True,
        "mdx_extra": False,
    }


async def test_a_separation_makes_one_stem_per_source_on_the_track(stack: Any) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner)
    queued = await stack.separate(owner, track.id)
    assert queued.status == jobs_pb2.JOB_STATUS_QUEUED
    job = await stack.finished(owner, queued.id)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    stems = job.result.separation.stems
    assert [s.name for s in stems] == ["drums", "bass", "other", "vocals"]
    assert not job.result.separation.reused
    for stem in stems:
        assert stem.object_key.startswith(f"users/{owner}/tracks/{track.id}/stems/{job.id}/")
        audio, rate = soundfile.read(io.BytesIO(await stack.read(stem.object_key)))
        assert rate == RATE and audio.shape == (4 * RATE, 2)
        assert stem.duration == pytest.approx(4.0)
        assert np.abs(audio).max() > 0
    rows = await stack.library.ListStems(library_pb2.ListStemsRequest(owner_id=owner, track_id=track.id))
    assert sorted(s.name for s in rows.stems) == ["bass", "drums", "other", "vocals"]


async def test_two_stems_give_the_source_and_the_rest(stack: Any, song: Callable[..., bytes]) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seed=5))
    full = await stack.finished(owner, (await stack.separate(owner, track.id)).id)
    pair = await stack.finished(owner, (await stack.separate(owner, track.id, two_stems="vocals")).id)
    assert pair.status == jobs_pb2.JOB_STATUS_COMPLETED, pair.error
    assert [s.name for s in pair.result.separation.stems] == ["vocals", "no_vocals"]
    decoded = {
        s.name: soundfile.read(io.BytesIO(await stack.read(s.object_key)))[0]
        for s in full.result.separation.stems
    }
    vocals, rest = [
        soundfile.read(io.BytesIO(await stack.read(s.object_key)))[0] for s in pair.result.separation.stems
    ]
    assert np.allclose(vocals, decoded["vocals"], atol=1e-6)
    others = decoded["drums"] + decoded["bass"] + decoded["other"]
    assert np.allclose(rest, others, atol=4e-6)  # three 24-bit roundings


async def test_flac_and_mp3_on_request_and_the_six_stem_model(stack: Any, song: Callable[..., bytes]) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seed=6))
    flac = await stack.finished(
        owner, (await stack.separate(owner, track.id, format=payloads_pb2.AUDIO_FORMAT_FLAC)).id
    )
    six = await stack.finished(
        owner,
        (
            await stack.separate(
                owner,
                track.id,
                model=payloads_pb2.SEPARATION_MODEL_HTDEMUCS_6S,
                format=payloads_pb2.AUDIO_FORMAT_MP3,
            )
        ).id,
    )
    assert flac.status == six.status == jobs_pb2.JOB_STATUS_COMPLETED, (flac.error, six.error)
    assert all(s.object_key.endswith(".flac") for s in flac.result.separation.stems)
    assert [s.name for s in six.result.separation.stems] == [
        "drums",
        "bass",
        "other",
        "vocals",
        "guitar",
        "piano",
    ]
    for stem in six.result.separation.stems:
        assert stem.object_key.endswith(".mp3") and stem.format == payloads_pb2.AUDIO_FORMAT_MP3
        audio, rate = soundfile.read(io.BytesIO(await stack.read(stem.object_key)))
        assert rate == RATE and abs(audio.shape[0] - 4 * RATE) < RATE // 10


async def test_the_same_audio_and_settings_reuse_stored_stems_across_users(
    stack: Any, song: Callable[..., bytes]
) -> None:
    data = song(seed=9)
    first_owner, second_owner = await stack.new_owner(), await stack.new_owner()
    first_track = await stack.new_track(first_owner, data)
    second_track = await stack.new_track(second_owner, data)
    first = await stack.finished(first_owner, (await stack.separate(first_owner, first_track.id)).id)
    second = await stack.finished(second_owner, (await stack.separate(second_owner, second_track.id)).id)
    assert second.status == jobs_pb2.JOB_STATUS_COMPLETED, second.error
    assert second.result.separation.reused and not first.result.separation.reused
    for mine, theirs in zip(second.result.separation.stems, first.result.separation.stems, strict=True):
        # The second user gets copies under their own prefix, never the first user's keys.
        assert mine.object_key.startswith(f"users/{second_owner}/")
        assert await stack.read(mine.object_key) == await stack.read(theirs.object_key)
    other_settings = await stack.finished(
        second_owner, (await stack.separate(second_owner, second_track.id, shifts=1)).id
    )
    assert not other_settings.result.separation.reused


async def test_progress_moves_window_by_window(stack: Any, song: Callable[..., bytes]) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seconds=20.0, seed=11))
    seen: list[int] = []
    subscription = await stack.bus.nc.subscribe("jobs.separation.progress")
    queued = await stack.separate(owner, track.id)
    job = await stack.finished(owner, queued.id)
    while True:
        try:
            message = await subscription.next_msg(timeout=0.1)
        except TimeoutError:
            break
        update = jobs_pb2.JobUpdate.FromString(message.data)
        if update.job_id == queued.id:
            seen.append(update.progress)
    await subscription.unsubscribe()
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED
    separating = [p for p in seen if 5 < p < 92]
    assert len(separating) >= 2, seen  # 20 s is four htdemucs windows: the bar moves between them
    assert seen == sorted(seen)


async def test_a_model_without_weights_is_refused_naming_it_and_queues_nothing(stack: Any) -> None:
    """ListModels says mdx_extra is unavailable: Separate and StartPipeline refuse it at once
    (MODEL_UNAVAILABLE, the gateway's 503) rather than create a job that fails the same second."""
    owner = await stack.new_owner()
    track = await stack.new_track(owner)
    with pytest.raises(SoundForgeError) as refused:
        await stack.separate(owner, track.id, model=payloads_pb2.SEPARATION_MODEL_MDX_EXTRA)
    assert refused.value.code == "MODEL_UNAVAILABLE"
    assert "mdx_extra has no weights on this deployment" in refused.value.message
    with pytest.raises(SoundForgeError) as pipeline:
        await stack.separation.StartPipeline(
            separation_pb2.StartPipelineRequest(
                owner_id=owner,
                track_id=track.id,
                params=payloads_pb2.PipelineParams(model=payloads_pb2.SEPARATION_MODEL_HTDEMUCS_FT),
            )
        )
    assert pipeline.value.code == "MODEL_UNAVAILABLE"
    assert "htdemucs_ft has no weights on this deployment" in pipeline.value.message
    jobs = await stack.library.ListJobs(library_pb2.ListJobsRequest(owner_id=owner))
    assert len(jobs.jobs) == 0
    # ListModels gives the same reason, so a caller that checks first (/pipeline/process) says it too.
    listed = await stack.separation.ListModels(separation_pb2.ListModelsRequest())
    reasons = {m.name: m.unavailable_reason for m in listed.models}
    assert reasons["htdemucs_ft"] == pipeline.value.message
    assert reasons["htdemucs"] == ""


async def test_a_model_whose_weights_vanish_after_admission_fails_the_job_with_the_reason(
    stack: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Admitted while the model looked available (weights removed, or the hub lost, since): the
    worker's load fails the job, permanently, with the reason."""
    monkeypatch.setattr(ModelCatalog, "require_available", lambda self, model: self.spec(model))
    owner = await stack.new_owner()
    track = await stack.new_track(owner)
    job = await stack.finished(
        owner, (await stack.separate(owner, track.id, model=payloads_pb2.SEPARATION_MODEL_MDX_EXTRA)).id
    )
    assert job.status == jobs_pb2.JOB_STATUS_FAILED
    assert "mdx_extra has no weights on this deployment" in job.error
    assert job.attempts == 1  # a permanent failure: no crash loop of retries


async def test_corrupt_audio_fails_the_job_with_the_reason(stack: Any) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner, b"RIFF\x00\x00\x00\x00WAVEnot really audio at all" * 10)
    job = await stack.finished(owner, (await stack.separate(owner, track.id)).id)
    assert job.status == jobs_pb2.JOB_STATUS_FAILED
    assert "could not be decoded" in job.error


async def test_bad_requests_are_refused_before_anything_is_queued(
    stack: Any, song: Callable[..., bytes]
) -> None:
    owner = await stack.new_owner()
    track = await stack.new_track(owner)
    for params, field in (
        ({"two_stems": "kazoo"}, "two_stems"),
        ({"shifts": 11}, "shifts"),
        ({"overlap": 0.9}, "overlap"),
        ({"segment": 30.0}, "segment"),
        ({"model": 99}, "model"),
        ({"engine": payloads_pb2.SEPARATION_ENGINE_LALALAI, "two_stems": "other"}, "two_stems"),
    ):
        with pytest.raises(ValidationFailed) as caught:
            await stack.separate(owner, track.id, **params)
        assert field in (caught.value.details or {}), caught.value.details
    stranger = await stack.new_owner()
    with pytest.raises(NotFound):
        await stack.separate(stranger, track.id)
    ingesting = await stack.new_track(owner, song(seed=77), stored=False)
    with pytest.raises(Conflict):
        await stack.separate(owner, ingesting.id)
    jobs = await stack.library.ListJobs(library_pb2.ListJobsRequest(owner_id=owner))
    assert len(jobs.jobs) == 0
    # A download still on its way to becoming a track: not there yet, so 409 rather than 404.
    coming = str(uuid.uuid4())
    await stack.library.CreateJob(
        library_pb2.CreateJobRequest(
            owner_id=owner,
            track_id=coming,
            params=payloads_pb2.JobParams(
                download=payloads_pb2.DownloadParams(url="https://example.com/a.mp3")
            ),
        )
    )
    with pytest.raises(Conflict):
        await stack.separate(owner, coming)


async def test_a_repeated_request_reuses_stems_without_downloading_the_audio(
    stack: Any, song: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads: list[str] = []
    fetch = consumer.fetch_hashing

    async def counting(store: Any, key: str, local: Any) -> str:
        downloads.append(key)
        return await fetch(store, key, local)

    monkeypatch.setattr(consumer, "fetch_hashing", counting)
    owner = await stack.new_owner()
    track = await stack.new_track(owner, song(seed=31))
    first = await stack.finished(owner, (await stack.separate(owner, track.id)).id)
    again = await stack.finished(owner, (await stack.separate(owner, track.id)).id)
    assert first.status == again.status == jobs_pb2.JOB_STATUS_COMPLETED
    assert again.result.separation.reused
    assert downloads == [track.source_key]  # the second job knew the audio's hash already
    # Rewritten audio under the same key is hashed again, never mistaken for the old bytes.
    await stack.store.put_bytes(track.source_key, song(seed=32))
    third = await stack.finished(owner, (await stack.separate(owner, track.id)).id)
    assert not third.result.separation.reused
    assert downloads == [track.source_key, track.source_key]
