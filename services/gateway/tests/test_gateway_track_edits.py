"""Editing and deleting tracks through the gateway, and the list's filters and paging rules."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pytest

from soundforge.library.v1 import library_pb2
from soundforge.testing.job_params import job_params

pytestmark = pytest.mark.asyncio(loop_scope="session")

KEY_HINT = 'must be a key such as "A minor", "F# major" or a Camelot code such as "8A"'


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _add_track(gateway: Any, owner_id: str, title: str = "Draft", **fields: Any) -> library_pb2.Track:
    """Records a track straight in the (real) library, as ingest would after an upload."""
    track_id = uuid.uuid4().hex
    track = library_pb2.Track(
        id=track_id,
        owner_id=owner_id,
        title=title,
        artist=fields.pop("artist", "Someone"),
        sha256=hashlib.sha256(track_id.encode()).hexdigest(),
        source_key=f"users/{owner_id}/tracks/{track_id}/source.wav",
        **fields,
    )
    created = await gateway.backends.clients.library.CreateTrack(library_pb2.CreateTrackRequest(track=track))
    return created.track


async def test_patch_changes_only_what_is_sent_and_normalises_it(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _add_track(gateway, user["id"], tags=["old"])
    client = gateway.client()
    response = await client.patch(
        f"/api/tracks/{track.id}",
        json={
            "title": "  Final Cut ",
            "bpm": 128,
            "key": "a MINOR",
            "tags": ["Techno", " techno", "Dub Techno"],
        },
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert (data["title"], data["artist"], data["bpm"], data["key"]) == (
        "Final Cut",
        "Someone",
        128.0,
        "A minor",
    )
    assert data["tags"] == ["techno", "dub techno"]

    camelot = await client.patch(f"/api/tracks/{track.id}", json={"key": "8a"}, headers=bearer(token))
    assert camelot.json()["data"]["key"] == "8A"
    assert camelot.json()["data"]["tags"] == ["techno", "dub techno"]  # not sent: unchanged
    cleared = await client.patch(
        f"/api/tracks/{track.id}", json={"artist": "", "key": "", "tags": []}, headers=bearer(token)
    )
    assert (
        cleared.json()["data"]["artist"],
        cleared.json()["data"]["key"],
        cleared.json()["data"]["tags"],
    ) == (
        "",
        None,
        [],
    )
    unchanged = await client.patch(f"/api/tracks/{track.id}", json={}, headers=bearer(token))
    assert unchanged.status_code == 200
    fetched = await client.get(f"/api/tracks/{track.id}", headers=bearer(token))
    assert fetched.json()["data"] == unchanged.json()["data"]
    assert fetched.json()["data"]["title"] == "Final Cut" and fetched.json()["data"]["bpm"] == 128.0


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"bpm": 0}, {"bpm": ["must be between 1 and 400"]}),
        ({"bpm": 400.5}, {"bpm": ["must be between 1 and 400"]}),
        ({"bpm": "fast"}, {"bpm": ["Input should be a valid number"]}),
        ({"key": "H minor"}, {"key": [KEY_HINT]}),
        ({"key": "13A"}, {"key": [KEY_HINT]}),
        ({"title": "   "}, {"title": ["can't be blank"]}),
        ({"title": "t" * 501}, {"title": ["is too long (at most 500 characters)"]}),
        ({"title": 7}, {"title": ["Input should be a valid string"]}),
        ({"tags": ["ok", ""]}, {"tags": ["a tag can't be blank"]}),
        ({"tags": ["x" * 41]}, {"tags": ["a tag is at most 40 characters"]}),
        ({"tags": [f"t{n}" for n in range(33)]}, {"tags": ["at most 32 tags"]}),
        ({"tags": "rock"}, {"tags": ["Input should be a valid list"]}),
        # Keyed by the field the client sent (seed 000 `details: {field_name: [...]}`), not "tags.1".
        ({"tags": ["rock", 5]}, {"tags": ["Input should be a valid string"]}),
        ({"title": None, "bpm": None}, {"title": ["can't be null"]}),
        ({"genre": "house"}, {"genre": ["Extra inputs are not permitted"]}),
        (
            {"bpm": 0, "key": "?", "title": ""},
            {"bpm": ["must be between 1 and 400"], "key": [KEY_HINT], "title": ["can't be blank"]},
        ),
    ],
)
async def test_patch_refuses_bad_fields_with_details(
    gateway, body: dict[str, Any], details: dict[str, list[str]]
) -> None:
    user, token = await gateway.bearer()
    track = await _add_track(gateway, user["id"], title="Keep me", bpm=90.0)
    client = gateway.client()
    response = await client.patch(f"/api/tracks/{track.id}", json=body, headers=bearer(token))
    assert response.status_code == 422, response.text
    assert response.json() == {"error": "validation failed", "code": "VALIDATION_ERROR", "details": details}
    after = (await client.get(f"/api/tracks/{track.id}", headers=bearer(token))).json()["data"]
    assert (after["title"], after["bpm"]) == ("Keep me", 90.0)


async def test_patch_null_clears_bpm_artist_key_and_tags(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _add_track(gateway, user["id"], title="Keep", bpm=90.0, key="A minor", tags=["dub"])
    client = gateway.client()
    response = await client.patch(
        f"/api/tracks/{track.id}",
        json={"bpm": None, "artist": None, "key": None, "tags": None},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert (data["title"], data["bpm"], data["artist"], data["key"], data["tags"]) == (
        "Keep",
        None,
        "",
        None,  # no key is null in track JSON
        [],
    )
    again = (await client.get(f"/api/tracks/{track.id}", headers=bearer(token))).json()["data"]
    assert (again["bpm"], again["tags"]) == (None, [])


async def test_patch_malformed_json_is_400(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _add_track(gateway, user["id"])
    response = await gateway.client().patch(
        f"/api/tracks/{track.id}",
        content=b'{"title": ',
        headers={**bearer(token), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json() == {"error": "malformed JSON", "code": "BAD_REQUEST"}


async def test_patch_and_delete_of_unknown_or_foreign_tracks_are_404(gateway) -> None:
    owner, owner_token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    track = await _add_track(gateway, owner["id"], title="Mine")
    client = gateway.client()
    for token, track_id in ((other_token, track.id), (owner_token, uuid.uuid4().hex)):
        patched = await client.patch(
            f"/api/tracks/{track_id}", json={"title": "Theirs"}, headers=bearer(token)
        )
        assert patched.status_code == 404
        assert patched.json() == {"error": "track not found", "code": "NOT_FOUND"}
        deleted = await client.delete(f"/api/tracks/{track_id}", headers=bearer(token))
        assert deleted.status_code == 404
        assert deleted.json() == {"error": "track not found", "code": "NOT_FOUND"}
    assert (await client.get(f"/api/tracks/{track.id}", headers=bearer(owner_token))).json()["data"][
        "title"
    ] == "Mine"


async def test_patch_and_delete_with_a_session_need_the_csrf_token(gateway) -> None:
    session = await gateway.session()
    track = await _add_track(gateway, session.user["id"])
    assert (await session.client.patch(f"/api/tracks/{track.id}", json={"title": "x"})).status_code == 403
    assert (await session.client.delete(f"/api/tracks/{track.id}")).status_code == 403
    csrf = {"X-CSRF-Token": session.csrf}
    assert (
        await session.client.patch(f"/api/tracks/{track.id}", json={"title": "x"}, headers=csrf)
    ).status_code == 200
    assert (await session.client.delete(f"/api/tracks/{track.id}", headers=csrf)).status_code == 204


async def test_delete_is_204_and_the_jobs_stay_without_their_track(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _add_track(gateway, user["id"], title="Doomed")
    job = await gateway.backends.clients.library.CreateJob(
        library_pb2.CreateJobRequest(owner_id=user["id"], track_id=track.id, params=job_params("analysis"))
    )
    client = gateway.client()
    response = await client.delete(f"/api/tracks/{track.id}", headers=bearer(token))
    assert response.status_code == 204
    assert response.content == b""
    assert (await client.get(f"/api/tracks/{track.id}", headers=bearer(token))).status_code == 404
    assert (await client.delete(f"/api/tracks/{track.id}", headers=bearer(token))).status_code == 404
    history = (await client.get(f"/api/jobs/{job.id}", headers=bearer(token))).json()["data"]
    assert (history["status"], history["stage"], history["track_id"]) == ("cancelled", "track deleted", None)


async def test_list_filters_by_tag_any_case_and_searches_title_or_artist(gateway) -> None:
    user, token = await gateway.bearer()
    await _add_track(gateway, user["id"], title="Morning Rain", artist="Clouds", tags=["ambient"])
    await _add_track(
        gateway, user["id"], title="Night Drive", artist="Synth Kid", tags=["synthwave", "night"]
    )
    await _add_track(gateway, user["id"], title="Last Song", artist="Drain Gang", tags=["night"])
    client = gateway.client()

    async def titles(**params: Any) -> list[str]:
        response = await client.get("/api/tracks", params=params, headers=bearer(token))
        assert response.status_code == 200, response.text
        return sorted(track["title"] for track in response.json()["data"])

    assert await titles(tag="night") == ["Last Song", "Night Drive"]
    assert await titles(tag="NIGHT") == ["Last Song", "Night Drive"]
    assert await titles(tag="nigh") == []
    assert await titles(search="rain") == ["Last Song", "Morning Rain"]  # "Drain Gang" is an artist
    assert await titles(search="SYNTH KID") == ["Night Drive"]
    assert await titles(search="rain", tag="night") == ["Last Song"]
    assert await titles(search="nothing like it") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": 0}, "page"),
        ({"page": -1}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 101}, "page_size"),
    ],
)
async def test_list_refuses_bad_paging(gateway, params: dict[str, Any], field: str) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().get("/api/tracks", params=params, headers=bearer(token))
    assert response.status_code == 422
    body = response.json()
    assert (body["code"], list(body["details"])) == ("VALIDATION_ERROR", [field])
