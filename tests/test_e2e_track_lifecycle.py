"""A track's whole life through the real platform: edit, list, serve its file, export, delete to nothing."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import urlsplit

from platform_client import bearer_for, finished_job, upload
from platform_harness import Platform


def files_in(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


async def stored(platform: Platform, blob_dir: Path) -> set[str]:
    """Every object in the bucket (S3), or every file in the blob dir, sidecars included (local)."""
    if platform.config == "postgres+s3":
        return {info.key for info in await platform.blobs.list("")}
    return await asyncio.to_thread(files_in, blob_dir)


async def raw_get(base_url: str, target: str, auth: dict[str, str]) -> tuple[int, bytes]:
    """One request with the target exactly as written: HTTP clients would resolve `..` themselves."""
    url = urlsplit(base_url)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    headers = "".join(f"{name}: {value}\r\n" for name, value in auth.items())
    writer.write(
        f"GET {target} HTTP/1.1\r\nHost: {url.netloc}\r\n{headers}Connection: close\r\n\r\n".encode()
    )
    await writer.drain()
    response = await reader.read()
    writer.close()
    await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


async def test_a_track_from_upload_to_deletion_leaves_nothing(platform: Platform, tmp_path: Path) -> None:
    client = platform.client
    alice_id, alice = await bearer_for(client, "alice@example.com")
    bob_id, bob = await bearer_for(client, "bob@example.com")
    track = await upload(client, alice, "first light.wav", seconds=8)
    other = await upload(client, alice, "keeper.wav", seconds=3)
    bobs = await upload(client, bob, "bob.wav", seconds=3)
    prefix = f"users/{alice_id}/tracks/{track['id']}/"

    # Edit, then find it by tag and by search.
    r = await client.patch(
        f"/api/tracks/{track['id']}",
        json={
            "title": "First Light",
            "artist": "Dawn Chorus",
            "bpm": 120,
            "key": "a minor",
            "tags": ["Ambient"],
        },
        headers=alice,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["data"]["key"], r.json()["data"]["tags"]) == ("A minor", ["ambient"])
    r = await client.patch(f"/api/tracks/{track['id']}", json={"bpm": 500, "colour": "red"}, headers=alice)
    assert r.status_code == 422
    assert set(r.json()["details"]) == {"colour"}  # unknown fields are refused before any value is judged
    r = await client.get("/api/tracks", params={"tag": "AMBIENT", "search": "dawn"}, headers=alice)
    assert [t["id"] for t in r.json()["data"]] == [track["id"]]
    assert r.json()["meta"] == {"page": 1, "page_size": 20, "total_count": 1, "total_pages": 1}

    # Its source file: whole, a range, and nobody else's.
    (source_key,) = [i.key for i in await platform.blobs.list(prefix) if i.key.startswith(prefix + "source.")]
    source = await platform.blobs.read_head(source_key, 10**9)
    r = await client.get(f"/files/{source_key}", headers=alice)
    assert r.status_code == 200 and r.content == source
    assert r.headers["content-type"] == "audio/wav"
    r = await client.get(f"/files/{source_key}", headers={**alice, "Range": "bytes=44-1067"})
    assert r.status_code == 206 and r.content == source[44:1068]
    assert r.headers["content-range"] == f"bytes 44-1067/{len(source)}"
    r = await client.head(f"/files/{source_key}", headers=alice)
    assert (r.status_code, r.content, r.headers["content-length"]) == (200, b"", str(len(source)))
    assert (await client.get(f"/files/{source_key}", headers=bob)).status_code == 404
    assert (await client.head(f"/files/{source_key}", headers=bob)).status_code == 404
    status, body = await raw_get(
        str(client.base_url), f"/files/users/{alice_id}/../{bob_id}/tracks/{bobs['id']}", alice
    )
    assert (status, json.loads(body)) == (404, {"error": "file not found", "code": "NOT_FOUND"})

    # Analyse it and export the analysis.
    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track["id"], "features": ["tempo"]}, headers=alice
    )
    assert r.status_code == 201, r.text
    job = await finished_job(client, r.json()["data"]["job_id"], alice)
    assert job["status"] == "completed", job
    r = await client.get(f"/export/analysis/{track['id']}", headers=alice)
    assert r.status_code == 200, r.text
    exported = r.json()
    assert (exported["track_id"], exported["title"], exported["artist"]) == (
        track["id"],
        "First Light",
        "Dawn Chorus",
    )
    assert abs(exported["analysis"]["tempo"] - 120) < 5
    assert r.headers["content-disposition"] == 'attachment; filename="dawn-chorus-first-light-analysis.json"'

    # What the other workers would have written under the prefix, then deletion.
    planted = {
        f"{prefix}{name}"
        for name in (
            "stems/job-1/vocals.wav",
            "stems/job-1/drums.wav",
            "spectrograms/mel.png",
            "analysis/a.json",
        )
    }
    for key in planted:
        await platform.blobs.put_bytes(key, b"derived", content_type="application/octet-stream")
    before = await stored(platform, tmp_path / "blobs")
    doomed = {key for key in before if key.startswith(prefix)}
    assert planted | {source_key} <= doomed
    r = await client.delete(f"/api/tracks/{track['id']}", headers=alice)
    assert r.status_code == 204, r.text

    after = await stored(platform, tmp_path / "blobs")
    assert after == before - doomed  # nothing of the track left, nothing else touched
    assert any(other["id"] in key for key in after) and any(bobs["id"] in key for key in after)
    if platform.config == "sqlite+local":
        assert not await asyncio.to_thread((tmp_path / "blobs" / prefix).exists)  # no empty dirs either
    for path in (
        f"/api/tracks/{track['id']}",
        f"/export/analysis/{track['id']}",
        f"/api/analysis/{track['id']}",
    ):
        r = await client.get(path, headers=alice)
        assert r.status_code == 404 and r.json()["code"] == "NOT_FOUND", path
    assert (await client.get(f"/files/{source_key}", headers=alice)).status_code == 404
    kept = (await client.get(f"/api/jobs/{job['id']}", headers=alice)).json()["data"]
    assert (kept["status"], kept["track_id"]) == ("completed", None)  # history stays, without its track
