"""URL downloads through the gateway: the seed's request and poll shapes, refusals, and /files playback."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import pytest_asyncio
import soundfile

from soundforge.ingest.app import start as start_ingest
from soundforge.ingest.settings import IngestSettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.testing.job_params import job_params
from soundforge.testing.media_server import MediaServer, media_server
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

MAX_BYTES = 1_500_000
MAX_ENTRIES = 2
SEED_POLL_FIELDS = {"id", "status", "progress", "output_path", "file_size", "error"}
NOT_FOUND = {"error": "job not found", "code": "NOT_FOUND"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def wav(seconds: float, freq: float = 440.0, rate: int = 44100) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    tone = 0.3 * np.sin(2 * np.pi * freq * t)
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([tone, tone], axis=1), rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def media() -> Iterator[MediaServer]:
    with media_server() as server:
        server.add("/tone.wav", wav(3.0), "audio/wav", chunk_size=64 * 1024, chunk_delay=0.2)
        server.add("/other.wav", wav(1.0, freq=660.0), "audio/wav")
        server.add("/big.wav", wav(10.0), "audio/wav")
        server.redirect("/to-private", "http://10.0.0.1/x.wav")
        recording = {
            "@context": "https://schema.org",
            "@type": "AudioObject",
            "name": "Night Drive",
            "byArtist": {"@type": "MusicGroup", "name": "The Band"},
            "thumbnailUrl": server.url("/cover.jpg"),
            "contentUrl": server.url("/tone.wav"),
        }
        html = (
            f'<html><head><script type="application/ld+json">{json.dumps(recording)}</script></head></html>'
        )
        server.add("/song", html.encode(), "text/html")
        items = "".join(
            f'<item><title>{n}</title><enclosure url="{server.url(path)}" type="audio/wav"/></item>'
            for n, path in enumerate(["/other.wav", "/tone.wav", "/big.wav"])
        )
        server.add("/feed.xml", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
        yield server


@pytest.fixture(scope="module")
def separation_addr(demucs_separation: RunningService) -> str:
    """A separation service, so a downloaded track can be separated by the id its download announced."""
    return demucs_separation.address


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def ingest(library: RunningService, nats_url: str, blob_dir: Path) -> AsyncIterator[RunningService]:
    """Ingest as the shared fixture starts it, plus the media server's host allowed and small limits."""
    settings = IngestSettings(
        library_addr=library.address,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        allowed_hosts="127.0.0.1",
        max_download_bytes=MAX_BYTES,
        max_playlist_entries=MAX_ENTRIES,
        ack_wait_seconds=5.0,
    )
    service = await start_ingest(settings)
    yield service
    await service.stop(0)


async def poll_until_done(client: httpx.AsyncClient, job_id: str, token: str) -> list[dict[str, Any]]:
    """Every poll answer until the job is completed or failed."""
    seen: list[dict[str, Any]] = []

    async def poll() -> list[dict[str, Any]]:
        response = await client.get(f"/api/download/job/{job_id}", headers=bearer(token))
        assert response.status_code == 200, response.text
        seen.append(response.json()["data"])
        return seen

    return await eventually(
        poll,
        lambda answers: answers[-1]["status"] in ("completed", "failed"),
        within=30,
        what=f"job {job_id} done",
    )


async def test_download_end_to_end_and_play_it_through_files(gateway, media: MediaServer) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    response = await client.post(
        "/api/download/track", json={"url": media.url("/song"), "quality": "high"}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    queued = response.json()["data"]
    assert set(queued) == {"job_id", "track_id", "status"}
    assert queued["status"] == "queued"
    polls = await poll_until_done(client, queued["job_id"], token)
    assert all(set(poll) == SEED_POLL_FIELDS for poll in polls)
    done = polls[-1]
    source_key = f"users/{user['id']}/tracks/{queued['track_id']}/source.mp3"
    assert done == {
        "id": queued["job_id"],
        "status": "completed",
        "progress": 100,
        "output_path": f"/files/{source_key}",
        "file_size": done["file_size"],
        "error": None,
    }
    # The paced file takes over a second: a poll sees it downloading, with progress on the way.
    downloading = [poll for poll in polls if poll["status"] == "downloading"]
    assert downloading
    assert all(poll["output_path"] is None and poll["file_size"] is None for poll in downloading)
    assert any(0 < poll["progress"] < 100 for poll in downloading)

    played = await client.get(done["output_path"], headers=bearer(token))
    assert played.status_code == 200
    assert played.headers["content-type"] == "audio/mpeg"
    assert len(played.content) == done["file_size"]
    track = (await client.get(f"/api/tracks/{queued['track_id']}", headers=bearer(token))).json()["data"]
    assert (track["title"], track["artist"], track["source"]) == ("Night Drive", "The Band", "url")
    assert (track["codec"], track["album_art_url"]) == ("mp3", media.url("/cover.jpg"))
    canonical = (
        gateway.backends.blob_dir / "users" / user["id"] / "tracks" / queued["track_id"] / "canonical.flac"
    )
    samples, rate = soundfile.read(canonical, always_2d=True)
    assert (rate, samples.shape[1]) == (44100, 2)
    assert samples.shape[0] / rate == pytest.approx(3.0, abs=0.1)


async def test_a_deleted_tracks_download_job_no_longer_advertises_its_file(
    gateway, media: MediaServer
) -> None:
    """The job stays as history, but its output_path (and /api/jobs' result) pointed at a file that 404s."""
    _, token = await gateway.bearer()
    client = gateway.client()
    response = await client.post(
        "/api/download/track", json={"url": media.url("/song")}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    queued = response.json()["data"]
    done = (await poll_until_done(client, queued["job_id"], token))[-1]
    assert done["status"] == "completed" and done["output_path"], done
    record = (await client.get(f"/api/jobs/{queued['job_id']}", headers=bearer(token))).json()["data"]
    assert record["result"]["track_id"] == queued["track_id"]

    deleted = await client.delete(f"/api/tracks/{queued['track_id']}", headers=bearer(token))
    assert deleted.status_code == 204, deleted.text
    after = (await client.get(f"/api/download/job/{queued['job_id']}", headers=bearer(token))).json()["data"]
    assert after == {**done, "output_path": None}
    record = (await client.get(f"/api/jobs/{queued['job_id']}", headers=bearer(token))).json()["data"]
    assert record["track_id"] is None
    assert record["result"] == {"file_size": done["file_size"], "created": True}
    assert queued["track_id"] not in json.dumps(record)


async def test_downloading_audio_the_user_already_has_keeps_the_announced_track_id(
    gateway, media: MediaServer
) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    body = {"url": media.url("/other.wav"), "quality": "lossless"}
    queued = []
    for _ in range(2):
        response = await client.post("/api/download/track", json=body, headers=bearer(token))
        assert response.status_code == 201, response.text
        queued.append(response.json()["data"])
        assert (await poll_until_done(client, queued[-1]["job_id"], token))[-1]["status"] == "completed"
    first, second = queued
    assert second["track_id"] != first["track_id"]  # announced before the audio was fetched

    # The same audio is one track, and the id the second download announced is that track's too.
    listed = (await client.get("/api/tracks", headers=bearer(token))).json()["data"]
    assert [track["id"] for track in listed] == [first["track_id"]]
    announced = await client.get(f"/api/tracks/{second['track_id']}", headers=bearer(token))
    assert announced.status_code == 200, announced.text
    assert announced.json()["data"]["id"] == first["track_id"]
    polls = [
        (await client.get(f"/api/download/job/{job['job_id']}", headers=bearer(token))).json()["data"]
        for job in queued
    ]
    assert polls[1]["output_path"] == polls[0]["output_path"]
    # The job record names the track that holds its audio, at the top and in its result alike.
    job = (await client.get(f"/api/jobs/{second['job_id']}", headers=bearer(token))).json()["data"]
    assert job["track_id"] == job["result"]["track_id"] == first["track_id"]

    separate = await client.post(
        "/api/processing/separate", json={"track_id": second["track_id"]}, headers=bearer(token)
    )
    assert separate.status_code == 201, separate.text
    assert separate.json()["data"]["track_id"] == first["track_id"]
    await client.delete(f"/api/jobs/{separate.json()['data']['job_id']}", headers=bearer(token))

    deleted = await client.delete(f"/api/tracks/{second['track_id']}", headers=bearer(token))
    assert deleted.status_code == 204, deleted.text
    for track_id in (first["track_id"], second["track_id"]):
        gone = await client.get(f"/api/tracks/{track_id}", headers=bearer(token))
        assert gone.status_code == 404, gone.text


async def test_a_playlist_answers_every_job(gateway, media: MediaServer) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        "/api/download/track", json={"url": media.url("/feed.xml"), "quality": "low"}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert len(data["jobs"]) == MAX_ENTRIES
    assert {key: data[key] for key in ("job_id", "track_id", "status")} == data["jobs"][0]
    assert all(set(job) == {"job_id", "track_id", "status"} for job in data["jobs"])
    assert len({job["track_id"] for job in data["jobs"]}) == MAX_ENTRIES


async def test_a_failed_download_reports_why(gateway, media: MediaServer) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    response = await client.post(
        "/api/download/track", json={"url": media.url("/big.wav")}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    done = (await poll_until_done(client, response.json()["data"]["job_id"], token))[-1]
    assert done["status"] == "failed"
    assert done["error"] == f"the download is larger than the limit of {MAX_BYTES} bytes"
    assert (done["output_path"], done["file_size"]) == (None, None)


def refusal(reason: str) -> dict[str, Any]:
    return {"error": "validation failed", "code": "VALIDATION_ERROR", "details": {"url": [reason]}}


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("http://localhost:{port}/tone.wav", refusal("refused: localhost resolves to a loopback address")),
        ("http://10.0.0.1/x.wav", refusal("refused: 10.0.0.1 resolves to a private address")),
        ("file:///etc/passwd", refusal("must be an http or https URL")),
        ("ftp://127.0.0.1/x.wav", refusal("must be an http or https URL")),
        ("http://127.0.0.1:{port}/to-private", refusal("refused: 10.0.0.1 resolves to a private address")),
        ("", refusal("can't be blank")),
    ],
)
async def test_refused_urls_answer_422(gateway, media: MediaServer, url: str, body: dict[str, Any]) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        "/api/download/track", json={"url": url.format(port=media.port)}, headers=bearer(token)
    )
    assert response.status_code == 422
    assert response.json() == body


async def test_body_problems_answer_422(gateway, media: MediaServer) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    quality = await client.post(
        "/api/download/track", json={"url": media.url("/other.wav"), "quality": "best"}, headers=bearer(token)
    )
    assert quality.status_code == 422
    assert quality.json()["details"] == {"quality": ["must be one of lossless, high, medium, low"]}
    missing = await client.post("/api/download/track", json={"quality": "low"}, headers=bearer(token))
    assert missing.status_code == 422
    assert missing.json()["details"] == {"url": ["can't be blank"]}


async def test_unknown_foreign_and_other_kinds_of_job_are_404(gateway, media: MediaServer) -> None:
    user, token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    client = gateway.client()
    response = await client.post(
        "/api/download/track", json={"url": media.url("/other.wav")}, headers=bearer(token)
    )
    job_id = response.json()["data"]["job_id"]
    analysis = await gateway.backends.clients.library.CreateJob(
        library_pb2.CreateJobRequest(owner_id=user["id"], track_id="t-1", params=job_params("analysis"))
    )
    for path, who in [
        ("/api/download/job/00000000-0000-0000-0000-000000000000", token),
        (f"/api/download/job/{job_id}", other_token),
        (f"/api/download/job/{analysis.id}", token),
    ]:
        answer = await client.get(path, headers=bearer(who))
        assert answer.status_code == 404
        assert answer.json() == NOT_FOUND
    assert (await client.get(f"/api/download/job/{job_id}", headers=bearer(token))).status_code == 200


async def test_downloads_need_a_signed_in_user(gateway, media: MediaServer) -> None:
    client = gateway.client()
    response = await client.post("/api/download/track", json={"url": media.url("/other.wav")})
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHORIZED"
