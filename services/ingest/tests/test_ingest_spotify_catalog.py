"""The spotipy adapter against the fake Spotify on loopback: fields, paging, caps, errors, response shapes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from soundforge.ingest.spotify_catalog import SpotipyCatalog, largest_image, track_from_json
from soundforge.ingest.spotify_errors import SpotifyApiError
from soundforge.runtime.errors import NotFound
from soundforge.testing.fake_spotify import FakeSpotify, fake_spotify, new_id


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSpotify]:
    with fake_spotify() as server:
        yield server


def catalog(fake: FakeSpotify, *, secret: str = "", retries: int = 0) -> SpotipyCatalog:
    return SpotipyCatalog(
        fake.client_id,
        secret or fake.client_secret,
        api_url=fake.api_url,
        token_url=fake.token_url,
        timeout=5.0,
        retries=retries,
    )


def requests_to(fake: FakeSpotify, path: str) -> list[str]:
    return [line for line in fake.requests if line.split("?")[0].rstrip("/") == f"GET {path}"]


async def test_track_has_the_seed_fields(fake: FakeSpotify) -> None:
    album_id = fake.add_album("After Hours", "The Weeknd", 0)
    track_id = fake.add_track(
        "Blinding Lights", ["The Weeknd", "Guest"], album_id=album_id, duration_ms=200_040
    )
    track = await catalog(fake).track(track_id)
    assert track.spotify_id == track_id
    assert (track.title, track.artist, track.album) == ("Blinding Lights", "The Weeknd, Guest", "After Hours")
    assert track.album_art_url == f"https://i.scdn.co/image/{album_id}-640"
    assert track.duration == pytest.approx(200.04)
    assert track.spotify_url == f"https://open.spotify.com/track/{track_id}"


async def test_album_pages_through_every_track(fake: FakeSpotify) -> None:
    album_id = fake.add_album("Long Album", "Band", 120)
    tracks = await catalog(fake).album_tracks(album_id, limit=500)
    assert [t.title for t in tracks] == [f"Long Album {n}" for n in range(1, 121)]
    assert {t.album for t in tracks} == {"Long Album"}
    assert {t.album_art_url for t in tracks} == {f"https://i.scdn.co/image/{album_id}-640"}
    pages = requests_to(fake, f"/v1/albums/{album_id}/tracks")
    assert [p.split("?")[1] for p in pages] == ["limit=50&offset=50", "limit=50&offset=100"]


async def test_collections_stop_at_the_cap(fake: FakeSpotify) -> None:
    album_id = fake.add_album("Capped", "Band", 120)
    assert len(await catalog(fake).album_tracks(album_id, limit=70)) == 70
    playlist_id = fake.add_playlist("Capped list", fake.albums[album_id]["track_ids"])
    assert len(await catalog(fake).playlist_tracks(playlist_id, limit=30)) == 30


async def test_playlist_pages_through_its_items(fake: FakeSpotify) -> None:
    album_id = fake.add_album("Mix Source", "DJ", 73)
    ids = list(reversed(fake.albums[album_id]["track_ids"]))
    playlist_id = fake.add_playlist("Party", ids)
    tracks = await catalog(fake).playlist_tracks(playlist_id, limit=500)
    assert [t.spotify_id for t in tracks] == ids
    assert tracks[0].album == "Mix Source"
    pages = requests_to(fake, f"/v1/playlists/{playlist_id}/items")
    assert [p.split("?")[1].split("&additional_types")[0] for p in pages] == [
        "limit=50&offset=0",
        "limit=50&offset=50",
    ]


async def test_search_finds_by_title_or_artist(fake: FakeSpotify) -> None:
    wanted = fake.add_track("Zyzzyva Nocturne", ["Quietest Band"])
    by_title = await catalog(fake).search("zyzzyva", limit=10)
    by_artist = await catalog(fake).search("Quietest", limit=10)
    assert [t.spotify_id for t in by_title] == [wanted]
    assert [t.spotify_id for t in by_artist] == [wanted]
    assert await catalog(fake).search("nothing matches this", limit=10) == []


async def test_unknown_ids_are_not_found(fake: FakeSpotify) -> None:
    for call in (
        catalog(fake).track(new_id()),
        catalog(fake).album_tracks(new_id(), limit=10),
        catalog(fake).playlist_tracks(new_id(), limit=10),
    ):
        with pytest.raises(NotFound):
            await call


async def test_server_errors_are_retried_then_spotify_error(fake: FakeSpotify) -> None:
    track_id = fake.add_track("Flaky", ["Band"])
    fake.api_failure = 500
    try:
        with pytest.raises(SpotifyApiError, match="HTTP 500") as caught:
            await catalog(fake, retries=1).track(track_id)
    finally:
        fake.api_failure = None
    assert caught.value.code == "spotify_error"
    assert len(requests_to(fake, f"/v1/tracks/{track_id}")) == 2
    assert (await catalog(fake).track(track_id)).title == "Flaky"


async def test_refused_access_and_bad_credentials_are_spotify_error(fake: FakeSpotify) -> None:
    playlist_id = fake.add_playlist("Someone else's", [])
    fake.api_failure = 403
    try:
        with pytest.raises(SpotifyApiError, match="refused access to this playlist"):
            await catalog(fake).playlist_tracks(playlist_id, limit=10)
    finally:
        fake.api_failure = None
    with pytest.raises(SpotifyApiError, match="client credentials"):
        await catalog(fake, secret="wrong").search("anything", limit=1)
    fake.token_failure = 503
    try:
        with pytest.raises(SpotifyApiError):
            await catalog(fake).search("anything", limit=1)
    finally:
        fake.token_failure = None


async def test_unreachable_spotify_is_spotify_error(fake: FakeSpotify) -> None:
    closed = SpotipyCatalog(
        "id",
        "secret",
        api_url="http://127.0.0.1:9/v1/",
        token_url="http://127.0.0.1:9/token",
        timeout=2.0,
        retries=0,
    )
    with pytest.raises(SpotifyApiError, match="unreachable"):
        await closed.search("anything", limit=1)


def test_response_shapes_old_and_new() -> None:
    album = {
        "name": "A",
        "images": [{"url": "small", "width": 64, "height": 64}, {"url": "big", "width": 640, "height": 640}],
    }
    track = {
        "id": "4uLU6hMCjMI75M1A2tKUQC",
        "name": "T",
        "artists": [{"name": "X"}, {"name": ""}],
        "duration_ms": 1500,
    }
    assert track_from_json(track, album) is not None
    assert track_from_json(track, album).album_art_url == "big"  # type: ignore[union-attr]
    assert track_from_json(track, album).artist == "X"  # type: ignore[union-attr]
    assert track_from_json({**track, "is_local": True}, album) is None
    assert track_from_json({**track, "type": "episode"}, album) is None
    assert track_from_json({**track, "id": "../me"}, album) is None
    assert track_from_json(None) is None
    assert largest_image([{"url": "a", "width": None, "height": None}]) == "a"
    assert largest_image(None) == ""
