"""Files are served as the type the platform determined, never as an active type a client declared."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from soundforge.gateway.media_types import served_media_type

pytestmark = pytest.mark.asyncio(loop_scope="session")

SCRIPT = "<script>alert(document.cookie)</script>"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _wav_titled(title: str) -> bytes:
    """A WAV whose INFO title holds `title`: the bytes a browser would sniff as HTML."""
    buffer = io.BytesIO()
    with sf.SoundFile(buffer, "w", 8000, 1, format="WAV", subtype="PCM_16") as out:
        out.title = title
        out.write((np.sin(np.arange(4000) / 5.0) * 0.2).astype("float32"))
    return buffer.getvalue()


def _assert_safe(response: Any, content_type: str) -> None:
    assert response.headers["content-type"] == content_type
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("declared", ["text/html", "application/octet-stream", "image/svg+xml"])
async def test_an_upload_is_served_as_the_sniffed_audio_type_whatever_was_declared(
    gateway, declared: str
) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    audio = _wav_titled(SCRIPT + declared)
    created = await client.post(
        "/api/tracks", files={"file": ("x.wav", audio, declared)}, headers=bearer(token)
    )
    assert created.status_code == 201, created.text
    track = created.json()["data"]
    assert track["content_type"] == "audio/wav"
    key = f"users/{user['id']}/tracks/{track['id']}/source.wav"
    assert (await gateway.backends.blobs.stat(key)).content_type == "audio/wav"
    served = await client.get(f"/files/{key}", headers=bearer(token))
    assert served.status_code == 200 and served.content == audio
    _assert_safe(served, "audio/wav")


@pytest.mark.parametrize(
    ("name", "stored", "served"),
    [
        # Objects stored before uploads were typed by ingest keep what the client declared.
        ("source.wav", "text/html", "audio/wav"),
        ("source.mp3", "text/html; charset=utf-8", "audio/mpeg"),
        ("source.flac", "application/octet-stream", "audio/flac"),
        ("page.html", "text/html", "application/octet-stream"),
        ("image.svg", "image/svg+xml", "application/octet-stream"),
        ("spectrograms/mel.png", "image/png", "image/png"),
        ("stems/j/vocals.wav", "audio/wav", "audio/wav"),
    ],
)
async def test_files_never_carry_an_active_type(gateway, name: str, stored: str, served: str) -> None:
    user, token = await gateway.bearer()
    key = f"users/{user['id']}/tracks/t-1/{name}"
    await gateway.backends.blobs.put_bytes(key, SCRIPT.encode(), content_type=stored)
    client = gateway.client()
    for response in (
        await client.get(f"/files/{key}", headers=bearer(token)),
        await client.head(f"/files/{key}", headers=bearer(token)),
        await client.get(f"/files/{key}", headers={**bearer(token), "Range": "bytes=0-3"}),
    ):
        assert response.status_code in (200, 206)
        _assert_safe(response, served)
    unsatisfiable = await client.get(f"/files/{key}", headers={**bearer(token), "Range": "bytes=999-"})
    assert unsatisfiable.status_code == 416
    assert unsatisfiable.headers["x-content-type-options"] == "nosniff"


async def test_served_media_type_keeps_passive_types_and_refuses_the_rest() -> None:
    assert served_media_type("audio/x-wav", "a/b.bin") == "audio/x-wav"
    assert served_media_type("AUDIO/OGG", "a/b") == "audio/ogg"
    assert served_media_type("application/json", "a/b") == "application/json"
    assert served_media_type("text/javascript", "a/b.js") == "application/octet-stream"
    assert served_media_type("audio/<script>", "a/b") == "application/octet-stream"
    assert served_media_type("", "a/analysis.json") == "application/json"
