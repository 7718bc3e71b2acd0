"""URL downloads that complete: metadata, quality, progress, playlists, dedupe (fixtures: conftest.py)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from soundforge.events import UpdateWatcher
from soundforge.jobs.v1 import jobs_pb2
from soundforge.testing.job_params import params_json, result_json
from soundforge.testing.media_server import MediaServer

pytestmark = pytest.mark.asyncio(loop_scope="module")


def pcm16_stereo(data: bytes) -> np.ndarray:
    """Samples as ffmpeg decodes them (libsndfile cannot read a FLAC whose header leaves out its length)."""
    argv = ["ffmpeg", "-nostdin", "-loglevel", "error", "-i", "pipe:0", "-f", "s16le", "pipe:1"]
    decoded = subprocess.run(argv, input=data, capture_output=True, check=True).stdout
    return np.frombuffer(decoded, dtype=np.int16).reshape(-1, 2)


def ffprobe(path: Path) -> dict[str, Any]:
    argv = ["ffprobe", "-v", "error", "-show_entries", "stream=codec_name,bit_rate,sample_rate,channels"]
    done = subprocess.run([*argv, "-of", "json", str(path)], capture_output=True, check=True)
    return dict(json.loads(done.stdout)["streams"][0])


async def test_download_records_the_track_with_the_sites_metadata(
    downloads, media: MediaServer, tmp_path: Path
) -> None:
    owner = await downloads.new_owner()
    (queued,) = await downloads.start(owner, media.url("/page"))
    assert queued.job.status == jobs_pb2.JOB_STATUS_QUEUED
    assert queued.job.kind == jobs_pb2.JOB_KIND_DOWNLOAD
    assert queued.job.track_id == queued.track_id
    assert params_json(queued.job.params) == {"url": media.url("/page"), "quality": "high"}
    job = await downloads.finished(owner, queued.job.id)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    result = result_json(job.result)
    track = await downloads.track(owner, queued.track_id)
    assert result["track_id"] == track.id == queued.track_id
    assert (track.title, track.artist, track.album_art_url) == (
        "Night Drive",
        "The Band",
        media.url("/cover.jpg"),
    )
    assert (track.source, track.source_url) == ("url", media.url("/page"))
    assert track.duration == pytest.approx(3.0, abs=0.1)
    assert track.source_key == result["source_key"] == f"users/{owner}/tracks/{track.id}/source.mp3"
    assert track.canonical_key == f"users/{owner}/tracks/{track.id}/canonical.flac"
    source = await downloads.fetch(track.source_key, tmp_path)
    assert job.result.download.file_size == track.size_bytes == source.stat().st_size
    samples, rate = soundfile.read(await downloads.fetch(track.canonical_key, tmp_path), always_2d=True)
    assert (rate, samples.shape[1]) == (44100, 2)
    assert samples.shape[0] / rate == pytest.approx(3.0, abs=0.1)
    assert await downloads.store.list(f"staging/{owner}/") == []


async def test_progress_is_reported_while_downloading(downloads, media: MediaServer) -> None:
    watcher = UpdateWatcher(downloads.bus, "ingest")
    await watcher.start()
    owner = await downloads.new_owner()
    (queued,) = await downloads.start(owner, media.url("/paced.wav"))
    job = await downloads.finished(owner, queued.job.id)
    await watcher.wait_for(job.id, "completed")
    await watcher.stop()
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    steps = [(u.status, u.progress, u.stage) for e, u in watcher.for_job(job.id) if e == "progress"]
    downloading = [percent for status, percent, _ in steps if status == jobs_pb2.JOB_STATUS_DOWNLOADING]
    # About two seconds of paced bytes, reported every half second: several distinct rising steps.
    assert len(downloading) >= 3
    assert downloading == sorted(set(downloading))
    assert all(1 <= percent <= 80 for percent in downloading)
    processing = [
        (percent, stage) for status, percent, stage in steps if status == jobs_pb2.JOB_STATUS_PROCESSING
    ]
    assert processing == [(85, "converting"), (92, "storing")]
    assert watcher.events(job.id)[0] == "started"


@pytest.mark.parametrize(
    ("quality", "codec", "bit_rate"),
    [
        ("lossless", "flac", None),
        ("high", "mp3", 320_000),
        ("medium", "mp3", 192_000),
        ("low", "mp3", 128_000),
    ],
)
async def test_quality_maps_to_codec_and_bitrate(
    downloads, media: MediaServer, tmp_path: Path, quality: str, codec: str, bit_rate: int | None
) -> None:
    owner = await downloads.new_owner()
    job = await downloads.download(owner, media.url("/audio/tone.wav"), quality)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    track = await downloads.track(owner, job.track_id)
    stream = ffprobe(await downloads.fetch(track.source_key, tmp_path))
    assert (stream["codec_name"], track.codec) == (codec, codec)
    assert (int(stream["sample_rate"]), stream["channels"]) == (44100, 2)
    if bit_rate is not None:
        assert int(stream["bit_rate"]) == bit_rate
    assert track.title == "tone"  # a bare file: its name is all the site says


@pytest.mark.parametrize("quality", ["high", "medium", "low"])
async def test_an_mp3_at_or_below_the_asked_bitrate_is_kept_byte_for_byte(
    downloads, media: MediaServer, tmp_path: Path, quality: str
) -> None:
    owner = await downloads.new_owner()
    job = await downloads.download(owner, media.url("/kept.mp3"), quality)
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    track = await downloads.track(owner, job.track_id)
    served = media.route("/kept.mp3")
    assert served is not None
    stored = await downloads.fetch(track.source_key, tmp_path)
    assert stored.read_bytes() == served.body
    assert int(ffprobe(stored)["bit_rate"]) == 128_000


async def test_a_streamed_flac_is_reencoded_losslessly_with_its_length(
    downloads, media: MediaServer, tmp_path: Path
) -> None:
    owner = await downloads.new_owner()
    job = await downloads.download(owner, media.url("/streamed.flac"), "lossless")
    assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
    track = await downloads.track(owner, job.track_id)
    assert track.duration == pytest.approx(2.0, abs=0.01)
    served = media.route("/streamed.flac")
    assert served is not None
    original = pcm16_stereo(served.body)
    for key in (track.source_key, track.canonical_key):
        with soundfile.SoundFile(await downloads.fetch(key, tmp_path)) as stored:
            assert stored.frames == len(original)  # this header says how long it is
            assert np.array_equal(stored.read(dtype="int16", always_2d=True), original)


async def test_same_audio_twice_points_at_the_first_track(downloads, media: MediaServer) -> None:
    owner = await downloads.new_owner()
    first = await downloads.download(owner, media.url("/audio/other.wav"), "lossless")
    second = await downloads.download(owner, media.url("/audio/other.wav"), "lossless")
    assert second.status == jobs_pb2.JOB_STATUS_COMPLETED, second.error
    assert result_json(second.result)["track_id"] == first.track_id
    assert result_json(second.result)["created"] is False
    track = await downloads.track(owner, first.track_id)
    keys = [info.key for info in await downloads.store.list(f"users/{owner}/")]
    assert keys == sorted([track.source_key, track.canonical_key])


async def test_playlist_expands_into_one_job_per_entry_up_to_the_limit(downloads, media: MediaServer) -> None:
    owner = await downloads.new_owner()
    queued = await downloads.start(owner, media.url("/feed.xml"), "medium")
    assert len(queued) == downloads.max_entries
    assert len({item.track_id for item in queued}) == downloads.max_entries
    params = [params_json(item.job.params) for item in queued]
    assert [p["url"] for p in params] == [media.url("/audio/tone.wav"), media.url("/audio/other.wav")]
    assert [p["entry_title"] for p in params] == ["Ep 1", "Ep 2"]
    for item, title in zip(queued, ["Ep 1", "Ep 2"], strict=True):
        job = await downloads.finished(owner, item.job.id)
        assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
        assert (await downloads.track(owner, item.track_id)).title == title


async def test_metadata_given_at_enqueue_wins_over_the_sites(downloads, media: MediaServer) -> None:
    owner = await downloads.new_owner()
    metadata = {
        "title": "Blinding Lights",
        "artist": "The Weeknd",
        "album": "After Hours",
        "album_art_url": "https://i.scdn.co/image/abc",
        "spotify_id": "0VjIjW4GlUZAMYd2vXMi3b",
        "duration": 200.04,
        "unknown": "dropped",
    }
    ((job, track_id),) = await downloads.requests.enqueue(owner, media.url("/page"), "low", metadata)
    assert params_json(job.params)["metadata"] == {k: v for k, v in metadata.items() if k != "unknown"}
    done = await downloads.finished(owner, job.id)
    assert done.status == jobs_pb2.JOB_STATUS_COMPLETED, done.error
    track = await downloads.track(owner, track_id)
    assert (track.title, track.artist, track.album) == ("Blinding Lights", "The Weeknd", "After Hours")
    assert (track.spotify_id, track.source, track.album_art_url) == (
        "0VjIjW4GlUZAMYd2vXMi3b",
        "spotify",
        "https://i.scdn.co/image/abc",
    )
    assert track.duration == pytest.approx(3.0, abs=0.1)  # the audio's own length
