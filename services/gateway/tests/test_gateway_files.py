"""/files/<key> through the gateway: only the caller's own objects, byte ranges, conditional requests."""

from __future__ import annotations

import os
from typing import Any

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="session")

NOT_FOUND = {"error": "file not found", "code": "NOT_FOUND"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _owned_file(gateway: Any, data: bytes = bytes(range(256)) * 4) -> tuple[str, str, str, bytes]:
    """A user, their token, and an object of theirs at the key layout the platform uses."""
    user, token = await gateway.bearer()
    key = f"users/{user['id']}/tracks/t-1/source.wav"
    await gateway.backends.blobs.put_bytes(key, data, content_type="audio/wav")
    return user["id"], token, key, data


async def test_the_owner_gets_the_whole_object_with_its_headers(gateway) -> None:
    _, token, key, data = await _owned_file(gateway)
    response = await gateway.client().get(f"/files/{key}", headers=bearer(token))
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "audio/wav"
    assert response.headers["content-length"] == str(len(data))
    assert response.headers["accept-ranges"] == "bytes"
    etag = response.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"') and len(etag) > 2
    assert "private" in response.headers["cache-control"]


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-9", 0, 9),
        ("bytes=1000-", 1000, 1023),
        ("bytes=-24", 1000, 1023),
        ("bytes=-5000", 0, 1023),  # a suffix longer than the object is all of it
        ("bytes=1020-5000", 1020, 1023),  # clipped to the end
        ("bytes=7-7", 7, 7),
    ],
)
async def test_ranges_are_206_with_content_range(gateway, header: str, start: int, end: int) -> None:
    _, token, key, data = await _owned_file(gateway)
    response = await gateway.client().get(f"/files/{key}", headers={**bearer(token), "Range": header})
    assert response.status_code == 206
    assert response.content == data[start : end + 1]
    assert response.headers["content-range"] == f"bytes {start}-{end}/{len(data)}"
    assert response.headers["content-length"] == str(end - start + 1)
    assert response.headers["content-type"] == "audio/wav"


@pytest.mark.parametrize("header", ["bytes=1024-", "bytes=5000-6000", "bytes=-0"])
async def test_unsatisfiable_ranges_are_416(gateway, header: str) -> None:
    _, token, key, data = await _owned_file(gateway)
    response = await gateway.client().get(f"/files/{key}", headers={**bearer(token), "Range": header})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{len(data)}"
    assert response.json() == {"error": "range not satisfiable", "code": "RANGE_NOT_SATISFIABLE"}


@pytest.mark.parametrize(
    "header", ["bytes=9-2", "bytes=0-1,5-6", "items=0-1", "bytes=abc", "bytes=", "bytes=--1"]
)
async def test_ranges_we_do_not_serve_are_ignored_for_the_whole_object(gateway, header: str) -> None:
    _, token, key, data = await _owned_file(gateway)
    response = await gateway.client().get(f"/files/{key}", headers={**bearer(token), "Range": header})
    assert response.status_code == 200
    assert response.content == data
    assert "content-range" not in response.headers


async def test_head_sends_the_headers_only(gateway) -> None:
    _, token, key, data = await _owned_file(gateway)
    client = gateway.client()
    whole = await client.head(f"/files/{key}", headers=bearer(token))
    assert whole.status_code == 200 and whole.content == b""
    assert whole.headers["content-length"] == str(len(data))
    assert whole.headers["content-type"] == "audio/wav" and whole.headers["accept-ranges"] == "bytes"
    part = await client.head(f"/files/{key}", headers={**bearer(token), "Range": "bytes=-100"})
    assert part.status_code == 206 and part.content == b""
    assert part.headers["content-range"] == f"bytes 924-1023/{len(data)}"
    assert part.headers["content-length"] == "100"
    other = await client.head(f"/files/users/{'0' * 32}/x.wav", headers=bearer(token))
    assert other.status_code == 404


async def test_conditional_requests_use_the_etag(gateway) -> None:
    _, token, key, data = await _owned_file(gateway)
    client = gateway.client()
    etag = (await client.head(f"/files/{key}", headers=bearer(token))).headers["etag"]
    cached = await client.get(f"/files/{key}", headers={**bearer(token), "If-None-Match": etag})
    assert cached.status_code == 304 and cached.content == b""
    weak = await client.get(f"/files/{key}", headers={**bearer(token), "If-None-Match": f'"nope", W/{etag}'})
    assert weak.status_code == 304
    changed = await client.get(f"/files/{key}", headers={**bearer(token), "If-None-Match": '"other"'})
    assert changed.status_code == 200 and changed.content == data

    resumed = await client.get(
        f"/files/{key}", headers={**bearer(token), "Range": "bytes=10-19", "If-Range": etag}
    )
    assert resumed.status_code == 206 and resumed.content == data[10:20]
    # The client's partial copy is of another version: it gets the whole current object instead.
    stale = await client.get(
        f"/files/{key}", headers={**bearer(token), "Range": "bytes=10-19", "If-Range": '"old"'}
    )
    assert stale.status_code == 200 and stale.content == data


async def test_large_objects_are_streamed_in_bounded_chunks(gateway) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    _, token, key, _ = await _owned_file(gateway, data)
    app = gateway.app()
    sent: list[int] = []

    async def watching(scope: Any, receive: Any, send: Any) -> None:
        """Notes the size of each body message the app hands the server."""

        async def record(message: Any) -> None:
            if message["type"] == "http.response.body":
                sent.append(len(message.get("body", b"")))
            await send(message)

        await app(scope, receive, record)

    response = await gateway.client(app=watching).get(f"/files/{key}", headers=bearer(token))
    assert response.status_code == 200
    assert response.content == data
    # Piece by piece from storage, never the whole object in memory at once.
    assert sum(sent) == len(data)
    assert max(sent) <= 256 * 1024 and len([size for size in sent if size]) >= 12


async def test_a_session_cookie_is_enough(gateway) -> None:
    session = await gateway.session()
    key = f"users/{session.user['id']}/tracks/t-2/canonical.flac"
    await gateway.backends.blobs.put_bytes(key, b"fLaC....", content_type="audio/flac")
    response = await session.client.get(f"/files/{key}")
    assert response.status_code == 200 and response.content == b"fLaC...."
    assert response.headers["content-type"] == "audio/flac"


async def test_anonymous_callers_are_401(gateway) -> None:
    _, _, key, _ = await _owned_file(gateway)
    response = await gateway.client().get(f"/files/{key}")
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHORIZED"


async def test_other_users_files_and_missing_files_are_404(gateway) -> None:
    owner_id, _, key, _ = await _owned_file(gateway)
    _, other_token = await gateway.bearer()
    client = gateway.client()
    for path in (key, f"users/{owner_id}/tracks/t-1/missing.wav", f"users/{owner_id}/tracks/t-1"):
        response = await client.get(f"/files/{path}", headers=bearer(other_token))
        assert response.status_code == 404, path
        assert response.json() == NOT_FOUND


async def test_traversal_and_keys_outside_the_callers_prefix_are_404(gateway) -> None:
    victim_id, _, victim_key, _ = await _owned_file(gateway)
    me, my_token, my_key, _ = await _owned_file(gateway)
    client = gateway.client()
    escapes = [
        f"users/{me}/%2e%2e/{victim_id}/tracks/t-1/source.wav",  # ".." once decoded
        f"users/{me}/..%2F..%2Fusers/{victim_id}/tracks/t-1/source.wav",
        f"users/{me}/%252e%252e/{victim_id}/tracks/t-1/source.wav",  # double-encoded: a literal name
        f"users/{me}/..%5C{victim_id}/tracks/t-1/source.wav",  # backslash
        f"users/{me}%2F..%2F{victim_id}/tracks/t-1/source.wav",
        f"users/{me}/tracks/t-1/%00source.wav",
        f"/users/{me}/tracks/t-1/source.wav",  # absolute key
        f"users/{me}//tracks/t-1/source.wav",
        f"users/{me}/tracks/t-1/.source.wav.meta.json",  # the local store's sidecar is no object
        f"users/{me}",
        f"users/{me}/",
        victim_key,
        "staging/" + me + "/upload",
        "etc/passwd",
    ]
    for path in escapes:
        response = await client.get(f"/files/{path}", headers=bearer(my_token))
        assert response.status_code == 404, path
        assert response.json() == NOT_FOUND, path
    assert (await client.get(f"/files/{my_key}", headers=bearer(my_token))).status_code == 200


async def test_a_prefix_of_another_users_id_is_not_their_prefix(gateway) -> None:
    """`users/<id>` must be followed by a slash: `users/<id>x/...` belongs to someone else."""
    me, token, _, _ = await _owned_file(gateway)
    key = f"users/{me}x/secret.wav"
    await gateway.backends.blobs.put_bytes(key, b"not yours")
    response = await gateway.client().get(f"/files/{key}", headers=bearer(token))
    assert response.status_code == 404
