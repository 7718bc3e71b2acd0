"""Sound Box's community library under /soundbox: seed 003's JSON, its errors, access and rate limits."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.testing.soundbox_library import generation_rows, insert_generations

pytestmark = pytest.mark.asyncio(loop_scope="session")

SEEDED = 300


@pytest.fixture(scope="module")
def library_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("soundbox-library")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def library(nats_url: str, library_db: Path) -> AsyncIterator[RunningService]:
    """The conftest's library, with its database where this module can seed generations."""
    url = f"sqlite+aiosqlite:///{library_db / 'library.db'}"
    settings = LibrarySettings(
        database_url=url, nats_url=nats_url, blob_url=f"file://{library_db / 'blobs'}", grpc_port=0
    )
    service = await start_library(settings)
    await insert_generations(url, generation_rows(SEEDED, seed=3))
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def database_url(library_db: Path) -> str:
    return f"sqlite+aiosqlite:///{library_db / 'library.db'}"


def token() -> str:
    return "zz" + "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:10])


async def add(database_url: str, *overrides: dict[str, Any]) -> list[str]:
    rows = generation_rows(len(overrides), seed=uuid.uuid4().int % 10**9)
    for row, override in zip(rows, overrides, strict=True):
        row.update(upvotes=0, downvotes=0, net_votes=0, wilson_lower=0.0, private=False, categories=[])
        row.update(override)
    await insert_generations(database_url, rows)
    return [row["id"] for row in rows]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def peer() -> str:
    raw = uuid.uuid4().bytes
    return f"10.{raw[0]}.{raw[1]}.{raw[2] or 1}"


def assert_error(response: Any, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    # A 429 also says when to try again, as its Retry-After header does.
    assert list(body) == (["error", "retry_after"] if status == 429 else ["error"]), body
    for word in words:
        assert word in body["error"], body


# ---- browsing ----


async def test_library_items_keep_sound_box_quirks(gateway, database_url: str) -> None:
    word = token()
    (gid,) = await add(
        database_url,
        {"prompt": f"{word} melody", "categories": ["ambient", "piano"], "is_loop": True, "duration": 15.0},
    )
    response = await gateway.client().get("/soundbox/api/library", params={"search": word})
    assert response.status_code == 200
    page = response.json()
    assert list(page) == ["items", "total", "page", "pages", "per_page"]
    assert (page["total"], page["page"], page["pages"], page["per_page"]) == (1, 1, 1, 20)
    item = page["items"][0]
    assert list(item) == [
        "id", "filename", "prompt", "model", "duration", "is_loop", "quality_score", "spectrogram",
        "upvotes", "downvotes", "category", "user_id", "created_at",
    ]  # fmt: skip
    assert item["id"] == gid and item["is_loop"] == 1 and item["duration"] == 15
    assert item["category"] == json.dumps(["ambient", "piano"]) and json.loads(item["category"]) == [
        "ambient",
        "piano",
    ]
    datetime.strptime(item["created_at"], "%Y-%m-%d %H:%M:%S")
    single = await gateway.client().get(f"/soundbox/api/library/{gid}")
    assert single.status_code == 200 and single.json() == item


async def test_pages_are_capped_and_bad_parameters_are_400(gateway) -> None:
    client = gateway.client()
    page = (await client.get("/soundbox/api/library", params={"per_page": 1000})).json()
    assert page["per_page"] == 100 and len(page["items"]) == 100 and page["total"] >= SEEDED * 0.9
    assert_error(await client.get("/soundbox/api/library", params={"sort": "best"}), 400, "sort")
    assert_error(await client.get("/soundbox/api/library", params={"model": "video"}), 400, "model")
    assert_error(await client.get("/soundbox/api/library", params={"category": "nope"}), 400, "nope")
    assert_error(await client.get("/soundbox/api/library", params={"page": 0}), 400, "page")
    assert_error(await client.get("/soundbox/api/library/unknown-id"), 404)
    assert_error(await client.get("/soundbox/api/categories/video"), 400, "model")


async def test_sorts_and_search(gateway, database_url: str) -> None:
    creator = f"creator-{token()}"
    word = token()
    ids = await add(
        database_url,
        {"user_id": creator, "prompt": f"{word} once in a long prompt about many other things", "upvotes": 1},
        {"user_id": creator, "prompt": f"{word} {word} {word}", "upvotes": 95, "downvotes": 5},
    )
    client = gateway.client()
    found = (await client.get("/soundbox/api/library", params={"search": word})).json()
    assert [i["id"] for i in found["items"]] == [ids[1], ids[0]]
    popular = (
        await client.get("/soundbox/api/library", params={"user_id": creator, "sort": "popular"})
    ).json()
    assert [i["id"] for i in popular["items"]] == [ids[1], ids[0]]


async def test_counts_categories_stats_history_feedback(gateway, database_url: str) -> None:
    client = gateway.client()
    counts = (await client.get("/soundbox/api/library/counts")).json()
    assert (
        list(counts) == ["total", "music", "audio"]
        and counts["total"] >= counts["music"] + counts["audio"] > 0
    )
    by_category = (
        await client.get("/soundbox/api/library/category-counts", params={"model": "audio"})
    ).json()
    assert by_category and all(isinstance(n, int) for n in by_category.values())
    categories = (await client.get("/soundbox/api/categories/music")).json()
    assert categories["categories"]["ambient"] == "Ambient"
    stats = (await client.get("/soundbox/api/stats")).json()
    assert list(stats) == ["total_generations", "total_votes", "total_favorites", "categories"]
    assert set(stats["categories"]) == {"music", "audio"}
    creator = f"creator-{token()}"
    first, second = await add(database_url, {"user_id": creator}, {"user_id": creator, "model": "audio"})
    history = (await client.get("/soundbox/history", params={"user_id": creator})).json()
    assert [h["filename"] for h in history] == [f"{first}.wav", f"{second}.wav"]
    assert list(history[0]) == [
        "filename", "prompt", "model", "duration", "loop", "rating", "created", "quality_score",
        "quality_issues", "spectrogram", "user_id",
    ]  # fmt: skip
    feedback = (await client.get(f"/soundbox/api/library/{first}/feedback")).json()
    assert feedback == {"positive_reasons": {}, "negative_reasons": {}, "total_votes": 0}


async def test_magnet_generations_count_and_filter_as_their_family(gateway, database_url: str) -> None:
    """Seed 003 counts and filters "music" and "audio": MAGNeT's models are in their family's."""
    word, creator = token(), f"creator-{token()}"
    client = gateway.client()
    before = (await client.get("/soundbox/api/library/counts")).json()
    music, magnet_music, magnet_audio = await add(
        database_url,
        {"prompt": f"{word} one", "model": "music", "user_id": creator},
        {"prompt": f"{word} two", "model": "magnet-music", "user_id": creator},
        {"prompt": f"{word} three", "model": "magnet-audio", "user_id": creator},
    )
    after = (await client.get("/soundbox/api/library/counts")).json()
    assert [after[k] - before[k] for k in ("total", "music", "audio")] == [3, 2, 1]
    assert after["total"] == after["music"] + after["audio"]
    family = {music, magnet_music}
    music_only = {"search": word, "model": "music"}
    listed = (await client.get("/soundbox/api/library", params=music_only)).json()
    assert {i["id"] for i in listed["items"]} == family and listed["total"] == 2
    assert {i["model"] for i in listed["items"]} == {"music", "magnet-music"}
    audio_only = {"search": word, "model": "audio"}
    assert [
        i["id"] for i in (await client.get("/soundbox/api/library", params=audio_only)).json()["items"]
    ] == [magnet_audio]
    radio = (await client.get("/soundbox/api/radio/shuffle", params=music_only)).json()
    assert {t["id"] for t in radio["tracks"]} == family
    history = (await client.get("/soundbox/history", params={"user_id": creator, "model": "music"})).json()
    assert {h["filename"] for h in history} == {f"{music}.wav", f"{magnet_music}.wav"}
    stats = (await client.get("/soundbox/api/stats")).json()
    assert set(stats["categories"]) == {"music", "audio"}


@pytest.mark.parametrize("search", ["\u2713", "*", "\"');--"])
async def test_a_search_with_no_word_matches_nothing(gateway, search: str) -> None:
    client = gateway.client()
    page = await client.get("/soundbox/api/library", params={"search": search})
    assert page.status_code == 200 and page.json()["items"] == [] and page.json()["total"] == 0
    radio = await client.get("/soundbox/api/radio/shuffle", params={"search": search})
    assert radio.status_code == 200 and radio.json() == {"tracks": []}


async def test_durations_are_whole_seconds(gateway, database_url: str) -> None:
    """A loop recorded at its measured length (a crossfade short) is shown as the seconds asked for."""
    word, creator = token(), f"creator-{token()}"
    (gid,) = await add(
        database_url, {"prompt": word, "duration": 1.9975, "is_loop": True, "user_id": creator}
    )
    client = gateway.client()
    item = (await client.get(f"/soundbox/api/library/{gid}")).json()
    listed = (await client.get("/soundbox/api/library", params={"search": word})).json()["items"]
    track = (await client.get("/soundbox/api/radio/shuffle", params={"search": word})).json()["tracks"]
    history = (await client.get("/soundbox/history", params={"user_id": creator})).json()
    durations = [item["duration"], listed[0]["duration"], track[0]["duration"], history[0]["duration"]]
    assert durations == [2, 2, 2, 2] and all(isinstance(d, int) for d in durations)


async def test_private_generations_are_not_shown_to_others(gateway, database_url: str) -> None:
    owner = await gateway.session()
    word = token()
    (gid,) = await add(database_url, {"prompt": word, "private": True, "user_id": owner.user["id"]})
    assert (await gateway.client().get("/soundbox/api/library", params={"search": word})).json()["total"] == 0
    assert_error(await gateway.client().get(f"/soundbox/api/library/{gid}"), 404)
    mine = await owner.client.get(f"/soundbox/api/library/{gid}")
    assert mine.status_code == 200


# ---- signed-in actions ----


async def test_voting_needs_a_caller_and_their_own_user_id(gateway, database_url: str) -> None:
    (gid,) = await add(database_url, {})
    anonymous = await gateway.client().post(f"/soundbox/api/library/{gid}/vote", json={"vote": 1})
    assert_error(anonymous, 401)
    user, api_token = await gateway.bearer()
    client = gateway.client()
    url = f"/soundbox/api/library/{gid}/vote"
    reply = await client.post(
        url, json={"vote": 1, "feedback_reasons": ["great_quality"]}, headers=bearer(api_token)
    )
    assert reply.status_code == 200 and reply.json() == {"success": True, "upvotes": 1, "downvotes": 0}
    mine = await client.post(url, json={"vote": -1, "user_id": user["id"]}, headers=bearer(api_token))
    assert mine.json() == {"success": True, "upvotes": 0, "downvotes": 1}
    assert_error(
        await client.post(url, json={"vote": 1, "user_id": "someone"}, headers=bearer(api_token)), 403
    )
    assert_error(await client.post(url, json={"vote": 2}, headers=bearer(api_token)), 400, "vote")
    bad_json = await client.post(
        url, content=b"{not json", headers={**bearer(api_token), "Content-Type": "application/json"}
    )
    assert_error(bad_json, 400, "malformed JSON")
    assert_error(
        await client.post("/soundbox/api/library/nope/vote", json={"vote": 1}, headers=bearer(api_token)), 404
    )
    votes = await client.post(
        "/soundbox/api/library/votes", json={"generation_ids": [gid, "other"]}, headers=bearer(api_token)
    )
    assert votes.json() == {gid: -1, "other": 0}


async def test_a_session_must_echo_its_csrf_token(gateway, database_url: str) -> None:
    (gid,) = await add(database_url, {})
    session = await gateway.session()
    url = f"/soundbox/api/library/{gid}/vote"
    assert_error(await session.client.post(url, json={"vote": 1}), 403, "CSRF")
    ok = await session.client.post(url, json={"vote": 1}, headers={"X-CSRF-Token": session.csrf})
    assert ok.status_code == 200


async def test_an_admin_may_act_for_another_user(gateway, database_url: str) -> None:
    (gid,) = await add(database_url, {})
    admin, admin_token = await gateway.bearer()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin["id"], role="admin")
    )
    client = gateway.client()
    response = await client.post(
        f"/soundbox/api/favorites/{gid}", json={"user_id": "another-user"}, headers=bearer(admin_token)
    )
    assert response.status_code == 200
    check = await client.post(
        "/soundbox/api/favorites/check",
        json={"user_id": "another-user", "generation_ids": [gid]},
        headers=bearer(admin_token),
    )
    assert check.json() == {gid: True}


async def test_favorites(gateway, database_url: str) -> None:
    music, audio = await add(database_url, {"model": "music"}, {"model": "audio"})
    user, api_token = await gateway.bearer()
    client = gateway.client()
    auth = bearer(api_token)
    for gid in (music, audio, music):
        response = await client.post(f"/soundbox/api/favorites/{gid}", headers=auth)
        assert response.json() == {"success": True}
    listed = (await client.get("/soundbox/api/favorites", headers=auth)).json()
    assert listed["total"] == 2 and {i["id"] for i in listed["items"]} == {music, audio}
    only = (await client.get("/soundbox/api/favorites", params={"model": "audio"}, headers=auth)).json()
    assert [i["id"] for i in only["items"]] == [audio]
    assert_error(await client.get("/soundbox/api/favorites", params={"user_id": "x"}, headers=auth), 403)
    removed = await client.request(
        "DELETE", f"/soundbox/api/favorites/{music}", json={"user_id": user["id"]}, headers=auth
    )
    assert removed.json() == {"success": True}
    check = await client.post(
        "/soundbox/api/favorites/check", json={"generation_ids": [music, audio]}, headers=auth
    )
    assert check.json() == {music: False, audio: True}
    radio = (await client.get("/soundbox/api/radio/favorites", headers=auth)).json()
    assert [t["id"] for t in radio["tracks"]] == [audio]
    assert_error(await gateway.client().get("/soundbox/api/radio/favorites"), 401)
    assert_error(await client.post("/soundbox/api/favorites/unknown", headers=auth), 404)


async def test_tag_consensus_over_http(gateway, database_url: str) -> None:
    (gid,) = await add(database_url, {"model": "music", "categories": ["electronic"]})
    client = gateway.client()
    tokens = [(await gateway.bearer())[1] for _ in range(3)]
    url = f"/soundbox/api/library/{gid}/suggest-tag"
    first = (await client.post(url, json={"category": "ambient"}, headers=bearer(tokens[0]))).json()
    again = (await client.post(url, json={"category": "ambient"}, headers=bearer(tokens[0]))).json()
    assert (
        first
        == again
        == {
            "success": True,
            "message": "Suggestion recorded. 1/3 users have suggested this category.",
            "current_votes": 1,
            "threshold": 3,
            "consensus_reached": False,
        }
    )
    await client.post(url, json={"category": "ambient"}, headers=bearer(tokens[1]))
    listed = await client.get(f"/soundbox/api/library/{gid}/tag-suggestions")
    assert listed.json() == {
        "suggestions": {"ambient": 2},
        "user_suggestions": [],
        "current_categories": ["electronic"],
        "threshold": 3,
    }
    done = (await client.post(url, json={"category": "ambient"}, headers=bearer(tokens[2]))).json()
    assert done == {
        "success": True,
        "message": "Category applied! Consensus reached.",
        "consensus_reached": True,
    }
    item = (await client.get(f"/soundbox/api/library/{gid}")).json()
    assert json.loads(item["category"]) == ["electronic", "ambient"]
    assert_error(
        await client.post(url, json={"category": "explosion"}, headers=bearer(tokens[0])), 400, "explosion"
    )
    assert_error(await client.post(url, json={"category": "piano"}), 401)
    other = await client.get(
        f"/soundbox/api/library/{gid}/tag-suggestions", params={"user_id": "x"}, headers=bearer(tokens[0])
    )
    assert_error(other, 403)


async def test_radio_routes(gateway, database_url: str) -> None:
    word = token()
    ids = await add(
        database_url, *({"prompt": f"{word} {i}", "upvotes": i, "net_votes": i} for i in range(4))
    )
    client = gateway.client()
    shuffle = (await client.get("/soundbox/api/radio/shuffle", params={"count": 5, "model": "music"})).json()
    assert len(shuffle["tracks"]) == 5 and list(shuffle["tracks"][0]) == [
        "id",
        "filename",
        "prompt",
        "duration",
    ]
    keyword = (await client.get("/soundbox/api/radio/shuffle", params={"search": word, "count": 10})).json()
    assert sorted(t["id"] for t in keyword["tracks"]) == sorted(ids)
    nxt = (
        await client.get("/soundbox/api/radio/next", params={"search": word, "exclude": ",".join(ids[1:])})
    ).json()
    assert [t["id"] for t in nxt["tracks"]] == [ids[0]]
    top = (await client.get("/soundbox/api/radio/top-rated", params={"count": 500})).json()
    assert 0 < len(top["tracks"]) <= 50
    new = (await client.get("/soundbox/api/radio/new", params={"hours": 1, "count": 3})).json()
    assert len(new["tracks"]) == 3
    assert_error(await client.get("/soundbox/api/radio/new", params={"hours": 0}), 400, "hours")


async def test_rate_and_log_error(gateway, database_url: str) -> None:
    (gid,) = await add(database_url, {})
    _, api_token = await gateway.bearer()
    client = gateway.client(rate_limit_soundbox_log_error=2)
    auth = bearer(api_token)
    assert (
        await client.post("/soundbox/rate", json={"filename": f"{gid}.wav", "rating": 4}, headers=auth)
    ).json() == {"success": True}
    assert_error(
        await client.post("/soundbox/rate", json={"filename": f"{gid}.wav", "rating": 9}, headers=auth), 400
    )
    assert_error(
        await client.post("/soundbox/rate", json={"filename": "none.wav", "rating": 3}, headers=auth), 404
    )
    report = {"message": "Audio playback failed", "stack": "Error at line 123", "url": "/api/radio/shuffle"}
    assert_error(await gateway.client().post("/soundbox/api/log-error", json=report), 401)
    for _ in range(2):
        assert (await client.post("/soundbox/api/log-error", json=report, headers=auth)).json() == {
            "success": True
        }
    limited = await client.post("/soundbox/api/log-error", json=report, headers=auth)
    assert_error(limited, 429)
    assert int(limited.headers["Retry-After"]) >= 1
    too_big = await gateway.client().post(
        "/soundbox/api/log-error", json={"message": "x" * 20_000}, headers=auth
    )
    assert_error(too_big, 400, "message")


async def test_public_reads_are_limited_per_ip(gateway) -> None:
    app = gateway.app(rate_limit_soundbox=3)
    first, second = peer(), peer()
    client = gateway.client(app, peer=first)
    for _ in range(3):
        assert (await client.get("/soundbox/api/library/counts")).status_code == 200
    assert_error(await client.get("/soundbox/api/library/counts"), 429)
    assert (await gateway.client(app, peer=second).get("/soundbox/api/library/counts")).status_code == 200


async def test_every_soundbox_operation_documents_its_model_and_errors(gateway) -> None:
    schema = (await gateway.client().get("/openapi.json")).json()
    operations = [
        (path, method, op)
        for path, methods in schema["paths"].items()
        if path.startswith("/soundbox/")
        for method, op in methods.items()
    ]
    assert len(operations) >= 27  # the library, radio, utility and file routes, and generation's
    for path, method, op in operations:
        responses = op["responses"]
        assert "422" not in responses, (path, method)
        assert {"401", "429", "503"} <= set(responses), (path, method)
        content = responses["200"]["content"]
        if "application/json" in content:
            assert "$ref" in str(content["application/json"]["schema"]), (path, method)
        else:  # a file: audio or an image
            assert [media["schema"] for media in content.values()] == [{"type": "string", "format": "binary"}]
        if op.get("parameters") or op.get("requestBody"):
            assert "400" in responses, (path, method)
        if method in ("post", "delete"):
            assert "403" in responses, (path, method)
        error = responses["401"]["content"]["application/json"]["schema"]["$ref"]
        assert error.endswith("/SoundBoxError")
