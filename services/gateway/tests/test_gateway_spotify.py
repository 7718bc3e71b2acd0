"""Spotify fetch, search, track and import through the gateway, with ingest pointed at the fake Spotify."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from soundforge.gateway.app import create_app
from soundforge.gateway.clients import GatewayClients
from soundforge.ingest.app import start as start_ingest
from soundforge.ingest.settings import IngestSettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import kind_name
from soundforge.runtime.service import RunningService
from soundforge.testing.fake_spotify import FakeSpotify, fake_spotify, new_id
from soundforge.testing.job_params import params_json
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

IMPORT_JOB_FIELDS = {"job_id", "track_id", "status", "spotify_id"}


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSpotify]:
    with fake_spotify() as server:
        yield server


@pytest.fixture(scope="module")
def ingest_overrides(fake: FakeSpotify) -> dict[str, Any]:
    """The conftest's ingest, with Spotify credentials (the fake's)."""
    return fake.ingest_settings()


async def signed_in(gateway: Any) -> tuple[httpx.AsyncClient, str]:
    user, token = await gateway.bearer()
    client: httpx.AsyncClient = gateway.client()
    client.headers["Authorization"] = f"Bearer {token}"
    return client, user["id"]


async def test_fetch_track_answers_the_seed_shape(gateway: Any, fake: FakeSpotify) -> None:
    album_id = fake.add_album("After Hours", "The Weeknd", 0)
    track_id = fake.add_track("Blinding Lights", ["The Weeknd"], album_id=album_id, duration_ms=200_040)
    client, owner = await signed_in(gateway)
    url = f"https://open.spotify.com/intl-de/track/{track_id}?si=0123abcd"
    response = await client.post("/api/spotify/fetch", json={"url": url})
    assert response.status_code == 200, response.text
    assert response.json() == {
        "data": {
            "type": "track",
            "track": {
                "id": None,
                "spotify_id": track_id,
                "title": "Blinding Lights",
                "artist": "The Weeknd",
                "album": "After Hours",
                "album_art_url": f"https://i.scdn.co/image/{album_id}-640",
                "duration": 200,
                "spotify_url": f"https://open.spotify.com/track/{track_id}",
            },
        }
    }
    # Once the owner has a track for it (an import finished), `id` is that track.
    created = await gateway.backends.clients.library.CreateTrack(
        library_pb2.CreateTrackRequest(
            track=library_pb2.Track(
                owner_id=owner,
                spotify_id=track_id,
                source="spotify",
                sha256=hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
            )
        )
    )
    again = await client.post("/api/spotify/fetch", json={"url": f"spotify:track:{track_id}"})
    assert again.json()["data"]["track"]["id"] == created.track.id
    other, _ = await signed_in(gateway)
    theirs = await other.post("/api/spotify/fetch", json={"url": f"spotify:track:{track_id}"})
    assert theirs.json()["data"]["track"]["id"] is None


async def test_fetch_album_and_a_long_playlist(gateway: Any, fake: FakeSpotify) -> None:
    album_id = fake.add_album("Three Songs", "Trio", 3)
    client, _ = await signed_in(gateway)
    album = await client.post(
        "/api/spotify/fetch", json={"url": f"https://open.spotify.com/album/{album_id}"}
    )
    assert album.status_code == 200, album.text
    data = album.json()["data"]
    assert data["type"] == "album"
    assert [t["title"] for t in data["tracks"]] == ["Three Songs 1", "Three Songs 2", "Three Songs 3"]
    assert {t["album"] for t in data["tracks"]} == {"Three Songs"}

    source = fake.add_album("Big Box", "Many", 120)
    ids = fake.albums[source]["track_ids"][::-1]
    playlist_id = fake.add_playlist("Long List", ids)
    playlist = await client.post("/api/spotify/fetch", json={"url": f"spotify:playlist:{playlist_id}"})
    assert playlist.status_code == 200, playlist.text
    assert playlist.json()["data"]["type"] == "playlist"
    assert [t["spotify_id"] for t in playlist.json()["data"]["tracks"]] == ids
    pages = [r for r in fake.requests if f"/v1/playlists/{playlist_id}/items" in r]
    assert len(pages) == 3  # 120 entries, 50 per page


@pytest.mark.parametrize(
    "url",
    ["https://example.com/track/4uLU6hMCjMI75M1A2tKUQC", "spotify:artist:4uLU6hMCjMI75M1A2tKUQC", "", "nope"],
)
async def test_fetch_invalid_url_is_400(gateway: Any, url: str) -> None:
    client, _ = await signed_in(gateway)
    response = await client.post("/api/spotify/fetch", json={"url": url})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_url"
    assert set(response.json()) == {"error", "code"}


async def test_fetch_needs_auth_and_a_url(gateway: Any) -> None:
    anonymous = await gateway.client().post("/api/spotify/fetch", json={"url": "spotify:track:x"})
    assert anonymous.status_code == 401
    client, _ = await signed_in(gateway)
    missing = await client.post("/api/spotify/fetch", json={})
    assert missing.status_code == 422
    assert missing.json()["details"] == {"url": ["can't be blank"]}


async def test_spotify_failure_is_502(gateway: Any, fake: FakeSpotify) -> None:
    track_id = fake.add_track("Down", ["Band"])
    client, _ = await signed_in(gateway)
    fake.api_failure = 500
    try:
        response = await client.post("/api/spotify/fetch", json={"url": f"spotify:track:{track_id}"})
    finally:
        fake.api_failure = None
    assert response.status_code == 502
    assert response.json() == {"error": "Spotify API returned an error (HTTP 500)", "code": "spotify_error"}


async def test_without_credentials_every_spotify_route_is_503(
    gateway: Any, library: RunningService, nats_url: str, blob_dir: Path
) -> None:
    unconfigured = await start_ingest(
        IngestSettings(
            library_addr=library.address,
            nats_url=nats_url,
            blob_url=f"file://{blob_dir}",
            grpc_port=0,
            public_network=False,
        )
    )
    backends = gateway.backends
    settings = backends.settings.model_copy(update={"ingest_addr": unconfigured.address})
    clients = GatewayClients.open(settings)
    try:
        _, token = await gateway.bearer()
        client = gateway.client(create_app(settings, clients, backends.bus, backends.blobs))
        client.headers["Authorization"] = f"Bearer {token}"
        link = {"url": "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"}
        responses = [
            await client.post("/api/spotify/fetch", json=link),
            await client.get("/api/spotify/search", params={"q": "anything"}),
            await client.get("/api/spotify/track/4uLU6hMCjMI75M1A2tKUQC"),
            await client.post("/api/spotify/import", json=link),
            await client.get("/auth/spotify"),
        ]
    finally:
        await clients.close()
        await unconfigured.stop(0)
    for response in responses:
        assert response.status_code == 503, response.text
        assert response.json() == {"error": "Spotify credentials are not configured", "code": "unauthorized"}


async def test_search_and_track_by_id(gateway: Any, fake: FakeSpotify) -> None:
    word = "Quux" + uuid.uuid4().hex[:6]
    first = fake.add_track(f"{word} One", ["Searcher"])
    fake.add_track("Other", [f"{word} Band"])
    client, _ = await signed_in(gateway)
    found = await client.get("/api/spotify/search", params={"q": word.lower()})
    assert found.status_code == 200, found.text
    assert sorted(t["title"] for t in found.json()["data"]) == ["Other", f"{word} One"]
    assert all(t["id"] is None and t["duration"] == 200 for t in found.json()["data"])

    one = await client.get(f"/api/spotify/track/{first}")
    assert one.status_code == 200
    assert one.json()["data"]["title"] == f"{word} One"
    assert one.json()["data"]["artist"] == "Searcher"


async def test_search_and_track_errors(gateway: Any) -> None:
    client, _ = await signed_in(gateway)
    missing_q = await client.get("/api/spotify/search")
    assert missing_q.status_code == 422
    assert missing_q.json()["details"] == {"q": ["can't be blank"]}
    blank_q = await client.get("/api/spotify/search", params={"q": "   "})
    assert blank_q.status_code == 422
    assert blank_q.json()["details"] == {"q": ["can't be blank"]}
    too_many = await client.get("/api/spotify/search", params={"q": "x", "limit": 11})
    assert too_many.status_code == 422
    for spotify_id in (new_id(), "not-an-id", "..%2Fme"):
        unknown = await client.get(f"/api/spotify/track/{spotify_id}")
        assert unknown.status_code == 404, spotify_id
        assert unknown.json()["code"] == "NOT_FOUND"


async def test_import_queues_one_download_job_per_track(gateway: Any, fake: FakeSpotify) -> None:
    album_id = fake.add_album("To Import", "Importer", 3)
    client, owner = await signed_in(gateway)
    response = await client.post(
        "/api/spotify/import", json={"url": f"https://open.spotify.com/album/{album_id}", "quality": "medium"}
    )
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    jobs = data["jobs"]
    # The first track's job at the top, as every enqueue answers (seed 001), then all of them.
    assert {key: data[key] for key in IMPORT_JOB_FIELDS} == jobs[0]
    assert all(set(job) == IMPORT_JOB_FIELDS for job in jobs)
    assert [job["spotify_id"] for job in jobs] == fake.albums[album_id]["track_ids"]
    assert {job["status"] for job in jobs} == {"queued"}
    assert len({job["track_id"] for job in jobs}) == 3
    library = gateway.backends.clients.library
    for n, queued in enumerate(jobs, start=1):
        job = await library.GetJob(library_pb2.GetJobRequest(owner_id=owner, job_id=queued["job_id"]))
        params = params_json(job.params)
        assert kind_name(job.kind) == "download"
        assert job.track_id == queued["track_id"]
        assert params["url"] == f"ytsearch1:Importer - To Import {n}"
        assert params["quality"] == "medium"
        assert params["metadata"] == {
            "title": f"To Import {n}",
            "artist": "Importer",
            "album": "To Import",
            "album_art_url": f"https://i.scdn.co/image/{album_id}-640",
            "spotify_id": queued["spotify_id"],
            "duration": 200.0,
        }


async def test_import_of_a_track_answers_the_documented_download_job(gateway: Any, fake: FakeSpotify) -> None:
    """Seed 000: import "creates download job"; a client reads `data.job_id` and polls it (seed 001)."""
    track_id = fake.add_track("Lone Import", ["Solo Act"])
    client, _ = await signed_in(gateway)
    response = await client.post(
        "/api/spotify/import", json={"url": f"https://open.spotify.com/track/{track_id}"}
    )
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert set(data) == {*IMPORT_JOB_FIELDS, "jobs"}
    assert (data["status"], data["spotify_id"]) == ("queued", track_id)
    assert data["jobs"] == [{key: data[key] for key in IMPORT_JOB_FIELDS}]
    poll = await client.get(f"/api/download/job/{data['job_id']}")
    assert poll.status_code == 200, poll.text
    assert poll.json()["data"]["id"] == data["job_id"]


async def test_import_errors(gateway: Any, fake: FakeSpotify) -> None:
    track_id = fake.add_track("Single", ["Solo"])
    client, _ = await signed_in(gateway)
    bad_quality = await client.post(
        "/api/spotify/import", json={"url": f"spotify:track:{track_id}", "quality": "best"}
    )
    assert bad_quality.status_code == 422
    assert list(bad_quality.json()["details"]) == ["quality"]
    bad_url = await client.post("/api/spotify/import", json={"url": "https://example.com/x"})
    assert bad_url.status_code == 400
    assert bad_url.json()["code"] == "invalid_url"
    unknown = await client.post("/api/spotify/import", json={"url": f"spotify:album:{new_id()}"})
    assert unknown.status_code == 404


async def test_download_of_a_spotify_link_imports_it(gateway: Any, fake: FakeSpotify) -> None:
    """Seed 001's own example downloads a Spotify link: its audio is found by search, not fetched."""
    track_id = fake.add_track("Linked", ["Via Download"])
    client, owner = await signed_in(gateway)
    response = await client.post(
        "/api/download/track",
        json={"url": f"https://open.spotify.com/track/{track_id}?si=abc", "quality": "low"},
    )
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert data["status"] == "queued"
    library = gateway.backends.clients.library
    job = await library.GetJob(library_pb2.GetJobRequest(owner_id=owner, job_id=data["job_id"]))
    params = params_json(job.params)
    assert params["url"] == "ytsearch1:Via Download - Linked"
    assert params["quality"] == "low"
    assert params["metadata"]["spotify_id"] == track_id
    # Here ingest has no public network: the search is refused by name, before any DNS lookup
    # (which can take minutes to fail on an offline machine), and the job says so.
    url = f"/api/download/job/{data['job_id']}"

    async def poll() -> dict[str, Any]:
        answer = await client.get(url)
        assert answer.status_code == 200, answer.text
        job_data: dict[str, Any] = answer.json()["data"]
        return job_data

    done = await eventually(poll, lambda job: job["status"] in ("completed", "failed"), within=30, what=url)
    assert done["status"] == "failed"
    assert done["error"] == "refused: www.youtube.com is not an allowed host"


async def test_importing_an_empty_playlist_is_422(gateway: Any, fake: FakeSpotify) -> None:
    playlist_id = fake.add_playlist("Nothing yet", [])
    client, _ = await signed_in(gateway)
    for route in ("/api/spotify/import", "/api/download/track"):
        response = await client.post(route, json={"url": f"https://open.spotify.com/playlist/{playlist_id}"})
        assert response.status_code == 422, response.text
        assert response.json()["details"] == {"url": ["the playlist has no tracks"]}
