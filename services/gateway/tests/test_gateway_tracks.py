"""Tracks through the gateway: owner-scoped reads, paginated lists, and uploads refused before storage."""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import AsyncIterator
from typing import Any

import numpy as np
import pytest
import soundfile as sf
from prometheus_client import REGISTRY

from soundforge.library.v1 import library_pb2
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _add_track(gateway: Any, owner_id: str, **fields: Any) -> library_pb2.Track:
    """Records a track straight in the (real) library, as ingest would after an upload."""
    track_id = uuid.uuid4().hex
    track = library_pb2.Track(
        id=track_id,
        owner_id=owner_id,
        title=fields.pop("title", "Blinding Lights"),
        artist="The Weeknd",
        duration=200.5,
        sample_rate=44100,
        channels=2,
        codec="flac",
        content_type="audio/flac",
        size_bytes=1234,
        sha256=hashlib.sha256(track_id.encode()).hexdigest(),
        source_key=f"users/{owner_id}/tracks/{track_id}/source.flac",
        source="upload",
        **fields,
    )
    created = await gateway.backends.clients.library.CreateTrack(library_pb2.CreateTrackRequest(track=track))
    return created.track


async def test_get_track_has_the_documented_shape(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _add_track(gateway, user["id"], tags=["synthwave"], bpm=171.0)
    response = await gateway.client().get(f"/api/tracks/{track.id}", headers=bearer(token))
    assert response.status_code == 200
    data = response.json()["data"]
    assert set(data) == {
        "id", "title", "artist", "album", "duration", "sample_rate", "channels", "codec", "content_type",
        "size_bytes", "sha256", "bpm", "key", "tags", "source", "spotify_id", "album_art_url",
        "created_at", "updated_at",
    }  # fmt: skip
    assert data["id"] == track.id and data["title"] == "Blinding Lights"
    assert data["bpm"] == 171.0 and data["tags"] == ["synthwave"] and data["key"] is None
    assert data["duration"] == 200.5 and data["sample_rate"] == 44100 and data["source"] == "upload"
    assert data["created_at"].endswith("Z") and "T" in data["created_at"]
    assert "owner_id" not in data and "source_key" not in data  # storage layout stays internal


async def test_unknown_and_foreign_tracks_are_404(gateway) -> None:
    owner, owner_token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    track = await _add_track(gateway, owner["id"])
    client = gateway.client()
    foreign = await client.get(f"/api/tracks/{track.id}", headers=bearer(other_token))
    assert foreign.status_code == 404
    assert foreign.json()["code"] == "NOT_FOUND"
    unknown = await client.get(f"/api/tracks/{uuid.uuid4().hex}", headers=bearer(owner_token))
    assert unknown.status_code == 404
    others_list = await client.get("/api/tracks", headers=bearer(other_token))
    assert others_list.json()["data"] == []


async def test_list_tracks_is_paginated_with_meta(gateway) -> None:
    user, token = await gateway.bearer()
    for n in range(3):
        await _add_track(gateway, user["id"], title=f"Song {n}", tags=["keep"] if n < 2 else [])
    client = gateway.client()
    first = await client.get("/api/tracks", params={"page": 1, "page_size": 2}, headers=bearer(token))
    assert first.status_code == 200
    body = first.json()
    assert len(body["data"]) == 2
    assert body["meta"] == {"page": 1, "page_size": 2, "total_count": 3, "total_pages": 2}
    second = await client.get("/api/tracks", params={"page": 2, "page_size": 2}, headers=bearer(token))
    assert len(second.json()["data"]) == 1
    seen = {t["id"] for t in body["data"]} | {t["id"] for t in second.json()["data"]}
    assert len(seen) == 3
    tagged = await client.get("/api/tracks", params={"tag": "keep"}, headers=bearer(token))
    assert tagged.json()["meta"]["total_count"] == 2
    found = await client.get("/api/tracks", params={"search": "Song 2"}, headers=bearer(token))
    assert [t["title"] for t in found.json()["data"]] == ["Song 2"]


async def test_list_tracks_rejects_bad_paging(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().get("/api/tracks", params={"page_size": 1000}, headers=bearer(token))
    assert response.status_code == 422
    assert list(response.json()["details"]) == ["page_size"]
    # Past the proto's int32: found by the fuzzer as a 500 while the request was built.
    response = await gateway.client().get("/api/tracks", params={"page": 2**31}, headers=bearer(token))
    assert response.status_code == 422
    assert list(response.json()["details"]) == ["page"]


def _stored_files(gateway: Any) -> set[str]:
    root = gateway.backends.blob_dir
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def _wav(seconds: float = 0.5, rate: int = 8000) -> bytes:
    samples = (np.sin(np.linspace(0, 440 * 2 * np.pi * seconds, int(rate * seconds))) * 0.2).astype("float32")
    buffer = io.BytesIO()
    sf.write(buffer, samples, rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def _multipart(boundary: str, filename: str, payload: bytes, **fields: str) -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: audio/wav\r\n\r\n".encode()
        + payload
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


async def _chunked(body: bytes, size: int = 8192) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def test_upload_streams_into_a_track_and_dedupes(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    audio = _wav()
    files = {"file": ("take one.wav", audio, "audio/wav")}
    created = await client.post(
        "/api/tracks", files=files, data={"title": "Take One", "artist": "Me"}, headers=bearer(token)
    )
    assert created.status_code == 201, created.text
    track = created.json()["data"]
    assert track["title"] == "Take One" and track["artist"] == "Me"
    assert track["size_bytes"] == len(audio) and track["sha256"] == hashlib.sha256(audio).hexdigest()
    assert track["sample_rate"] == 8000 and track["channels"] == 1 and track["duration"] == pytest.approx(0.5)
    again = await client.post("/api/tracks", files=files, headers=bearer(token))
    assert again.status_code == 200
    assert again.json()["data"]["id"] == track["id"]
    fetched = await client.get(f"/api/tracks/{track['id']}", headers=bearer(token))
    assert fetched.json()["data"] == track


def _begin_uploads() -> float:
    labels = {"method": "/soundforge.ingest.v1.IngestService/BeginUpload", "code": "OK"}
    return REGISTRY.get_sample_value("sf_grpc_server_requests_total", labels) or 0.0


async def test_upload_is_staged_while_the_body_is_still_arriving(gateway) -> None:
    _, token = await gateway.bearer()
    body = _multipart("sfa-boundary", "stream.wav", _wav(seconds=4.0))
    half = len(body) // 2
    began_before = _begin_uploads()
    staged_mid_body: list[bool] = []

    async def begun() -> float:
        return _begin_uploads()

    async def slow_body() -> AsyncIterator[bytes]:
        yield body[:half]
        # The gateway must have read the file part's headers and asked ingest for a staging key
        # while the second half is still unsent: it streams instead of buffering the body.
        await eventually(begun, lambda count: count > began_before, what="BeginUpload before the body's end")
        staged_mid_body.append(_begin_uploads() > began_before)
        yield body[half:]

    response = await gateway.client().post(
        "/api/tracks",
        content=slow_body(),
        headers={**bearer(token), "Content-Type": "multipart/form-data; boundary=sfa-boundary"},
    )
    assert response.status_code == 201, response.text
    assert staged_mid_body == [True]
    assert response.json()["data"]["title"] == "stream"


async def test_streamed_oversize_upload_is_413_and_leaves_nothing(gateway) -> None:
    _, token = await gateway.bearer()
    before = _stored_files(gateway)
    client = gateway.client(max_upload_bytes=100_000)
    body = _multipart("sfa-boundary", "long.wav", _wav(seconds=20.0), title="too long")
    assert len(body) > 100_000 + 64 * 1024  # larger than any allowance for multipart overhead
    response = await client.post(
        "/api/tracks",
        content=_chunked(body),  # no Content-Length: only counting the stream can catch it
        headers={**bearer(token), "Content-Type": "multipart/form-data; boundary=sfa-boundary"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "PAYLOAD_TOO_LARGE"
    assert _stored_files(gateway) == before


async def test_non_audio_upload_is_415_and_leaves_nothing(gateway) -> None:
    _, token = await gateway.bearer()
    before = _stored_files(gateway)
    files = {"file": ("notes.wav", b"these are not the samples you are looking for" * 100, "audio/wav")}
    response = await gateway.client().post("/api/tracks", files=files, headers=bearer(token))
    assert response.status_code == 415
    assert response.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert _stored_files(gateway) == before


async def test_declared_oversize_upload_is_413_before_anything_is_stored(gateway) -> None:
    _, token = await gateway.bearer()
    before = _stored_files(gateway)
    client = gateway.client(max_upload_bytes=1000)
    files = {"file": ("big.wav", b"\0" * 200_000, "audio/wav")}
    response = await client.post("/api/tracks", files=files, headers=bearer(token))
    assert response.status_code == 413
    assert response.json() == {"error": "upload exceeds 1000 bytes", "code": "PAYLOAD_TOO_LARGE"}
    assert _stored_files(gateway) == before


async def test_upload_cut_off_inside_the_file_is_400_and_leaves_nothing(gateway) -> None:
    _, token = await gateway.bearer()
    before = _stored_files(gateway)
    body = _multipart("sfa-boundary", "cut.wav", _wav(seconds=2.0))
    response = await gateway.client().post(
        "/api/tracks",
        content=body[: len(body) // 2],
        headers={**bearer(token), "Content-Type": "multipart/form-data; boundary=sfa-boundary"},
    )
    assert response.status_code == 400
    assert response.json() == {"error": "multipart body ended inside the file part", "code": "BAD_REQUEST"}
    assert _stored_files(gateway) == before


async def test_upload_with_an_oversized_text_field_is_422(gateway) -> None:
    _, token = await gateway.bearer()
    body = _multipart("sfa-boundary", "a.wav", _wav(), title="t" * 5000)
    response = await gateway.client().post(
        "/api/tracks",
        content=body,
        headers={**bearer(token), "Content-Type": "multipart/form-data; boundary=sfa-boundary"},
    )
    assert response.status_code == 422
    assert response.json()["details"] == {"title": ["is too long"]}


async def test_upload_with_names_outside_latin_1(gateway) -> None:
    """Browsers send UTF-8 part names and file names (the fuzzer's first 500 was such a name)."""
    _, token = await gateway.bearer()
    boundary = "sfa-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="注释"\r\n\r\nignored\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="夜曲.wav"\r\n'
            "Content-Type: audio/wav\r\n\r\n"
        ).encode()
        + _wav(seconds=0.7)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = await gateway.client().post(
        "/api/tracks",
        content=body,
        headers={**bearer(token), "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["data"]["title"] == "夜曲"


async def test_upload_with_a_nul_in_a_field_is_422_and_leaves_nothing(gateway) -> None:
    _, token = await gateway.bearer()
    before = _stored_files(gateway)
    body = _multipart("sfa-boundary", "a.wav", _wav(), artist="Me\x00")
    response = await gateway.client().post(
        "/api/tracks",
        content=body,
        headers={**bearer(token), "Content-Type": "multipart/form-data; boundary=sfa-boundary"},
    )
    assert response.status_code == 422
    assert response.json()["details"] == {"artist": ["must not contain NUL characters"]}
    assert _stored_files(gateway) == before


async def test_upload_without_a_file_part_is_422(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        "/api/tracks", data={"title": "no file"}, files={"other": ("x", b"")}, headers=bearer(token)
    )
    assert response.status_code == 422
    assert response.json()["details"] == {"file": ["can't be blank"]}


async def test_upload_that_is_not_multipart_is_415(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        "/api/tracks", content=b"RIFF....", headers={**bearer(token), "Content-Type": "audio/wav"}
    )
    assert response.status_code == 415
    assert response.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"


async def test_upload_needs_authentication(gateway) -> None:
    response = await gateway.client().post("/api/tracks", files={"file": ("a.wav", b"RIFF", "audio/wav")})
    assert response.status_code == 401
