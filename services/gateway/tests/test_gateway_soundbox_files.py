"""Sound Box's files under /soundbox: audio with byte ranges, downloads by prompt, spectrograms (drawn
on demand by the real analysis service), private generations kept private, no path tricks."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from soundforge.analysis.app import start as start_analysis
from soundforge.analysis.settings import AnalysisSettings
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.testing.audio import click_track, encode
from soundforge.testing.soundbox_library import generation_rows, insert_generations

pytestmark = pytest.mark.asyncio(loop_scope="session")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
WAV = encode(click_track(120, seconds=3.0), 22050)


@pytest.fixture(scope="module")
def library_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("soundbox-files")


@pytest.fixture(scope="module")
def database_url(library_db: Path) -> str:
    return f"sqlite+aiosqlite:///{library_db / 'library.db'}"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def library(nats_url: str, database_url: str, blob_dir: Path) -> AsyncIterator[RunningService]:
    """The conftest's library, with its database where this module can seed generations."""
    settings = LibrarySettings(
        database_url=database_url, nats_url=nats_url, blob_url=f"file://{blob_dir}", grpc_port=0
    )
    service = await start_library(settings)
    yield service
    await service.stop(0)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def analysis(library: RunningService, nats_url: str, blob_dir: Path) -> AsyncIterator[RunningService]:
    settings = AnalysisSettings(
        library_addr=library.address, nats_url=nats_url, blob_url=f"file://{blob_dir}", grpc_port=0
    )
    service = await start_analysis(settings)
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def analysis_addr(analysis: RunningService) -> str:
    return analysis.address


async def add(gateway, database_url: str, audio: bytes | None = WAV, **override: Any) -> dict[str, Any]:
    """A generation in the library, its audio stored where a generation worker puts it."""
    (row,) = generation_rows(1, seed=uuid.uuid4().int % 10**9)
    stem = uuid.uuid4().hex[:12]
    creator = override.get("user_id", row["user_id"])
    row.update(
        filename=f"{stem}.wav",
        object_key=f"users/{creator}/generations/{stem}.wav",
        spectrogram="",
        spectrogram_key="",
        private=False,
        prompt="Peaceful ambient melody",
    )
    row.update(override)
    await insert_generations(database_url, [row])
    if audio is not None:
        await gateway.backends.blobs.put_bytes(row["object_key"], audio, content_type="audio/wav")
    return row


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response: Any, status: int, message: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"], body
    if message is not None:
        assert body["error"] == message


async def admin_token(gateway) -> str:
    admin, token = await gateway.bearer()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin["id"], role="admin")
    )
    return str(token)


# ---- audio ----


async def test_audio_is_the_stored_wav(gateway, database_url: str) -> None:
    row = await add(gateway, database_url)
    response = await gateway.client().get(f"/soundbox/audio/{row['filename']}")
    assert response.status_code == 200
    assert response.content == WAV
    assert response.headers["content-type"] == "audio/wav"
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["content-length"] == str(len(WAV))
    assert response.headers["cache-control"] == "public, no-cache"
    assert "content-disposition" not in response.headers


async def test_audio_byte_ranges(gateway, database_url: str) -> None:
    row = await add(gateway, database_url)
    client, url, size = gateway.client(), f"/soundbox/audio/{row['filename']}", len(WAV)
    part = await client.get(url, headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206
    assert part.content == WAV[100:1100]
    assert part.headers["content-range"] == f"bytes 100-1099/{size}"
    assert part.headers["content-type"] == "audio/wav"
    tail = await client.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == WAV[-10:]
    rest = await client.get(url, headers={"Range": f"bytes={size - 5}-"})
    assert rest.status_code == 206 and rest.content == WAV[-5:]
    past = await client.get(url, headers={"Range": f"bytes={size}-"})
    assert_error(past, 416)
    assert past.headers["content-range"] == f"bytes */{size}"
    etag = part.headers["etag"]
    assert (await client.get(url, headers={"If-None-Match": etag})).status_code == 304


async def test_a_large_file_streams_whole(gateway, database_url: str) -> None:
    big = encode(click_track(100, seconds=60.0, sample_rate=44100), 44100)
    row = await add(gateway, database_url, audio=big)
    response = await gateway.client().get(f"/soundbox/audio/{row['filename']}")
    assert response.status_code == 200 and response.content == big


# ---- download ----


async def test_download_names_the_file_after_the_prompt(gateway, database_url: str) -> None:
    row = await add(gateway, database_url)
    stem = row["filename"].removesuffix(".wav")
    response = await gateway.client().get(f"/soundbox/download/{row['filename']}")
    assert response.status_code == 200
    assert response.content == WAV
    assert response.headers["content-type"] == "audio/wav"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="peaceful-ambient-melody_{stem}.wav"'
    )
    part = await gateway.client().get(f"/soundbox/download/{row['filename']}", headers={"Range": "bytes=0-9"})
    assert part.status_code == 206 and part.content == WAV[:10]
    assert part.headers["content-disposition"].startswith("attachment; ")


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("Beyoncé — Halo (Live) / ünïcödé", "beyonce-halo-live-unicode"),
        ("雨の音", ""),
        ("", ""),
        ("word " * 100, ("word-" * 20)[:100].rstrip("-")),
    ],
)
async def test_download_names_are_ascii_and_bounded(
    gateway, database_url: str, prompt: str, expected: str
) -> None:
    row = await add(gateway, database_url, prompt=prompt)
    stem = row["filename"].removesuffix(".wav")
    response = await gateway.client().get(f"/soundbox/download/{row['filename']}")
    name = response.headers["content-disposition"].removeprefix('attachment; filename="').removesuffix('"')
    assert name == f"{expected or 'sound'}_{stem}.wav"
    assert name.isascii() and len(name) <= 100 + len(f"_{stem}.wav")


# ---- spectrograms ----


async def test_generate_spectrogram_draws_a_png_once(gateway, database_url: str) -> None:
    row = await add(gateway, database_url)
    stem = row["filename"].removesuffix(".wav")
    client = gateway.client()
    drawn = await client.get(f"/soundbox/generate-spectrogram/{row['filename']}")
    assert drawn.status_code == 200, drawn.text
    assert drawn.json() == {"spectrogram": f"{stem}.png"}
    image = await client.get(f"/soundbox/spectrogram/{stem}.png")
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(PNG_MAGIC)
    key = f"users/{row['user_id']}/generations/spectrograms/{stem}.png"
    stored = await gateway.backends.blobs.stat(key)

    again = await client.get(f"/soundbox/generate-spectrogram/{row['filename']}")
    assert again.status_code == 200 and again.json() == {"spectrogram": f"{stem}.png"}
    assert (await gateway.backends.blobs.stat(key)).etag == stored.etag
    listed = await client.get(f"/soundbox/api/library/{row['id']}")
    assert listed.json()["spectrogram"] == f"{stem}.png"


async def test_a_recorded_spectrogram_is_answered_without_drawing(gateway, database_url: str) -> None:
    stem = uuid.uuid4().hex[:12]
    creator = f"creator-{stem}"
    key = f"users/{creator}/generations/spectrograms/{stem}.png"
    await gateway.backends.blobs.put_bytes(key, PNG_MAGIC + b"not drawn here", content_type="image/png")
    row = await add(
        gateway, database_url, audio=None, user_id=creator, spectrogram=f"{stem}.png", spectrogram_key=key
    )
    client = gateway.client()
    answered = await client.get(f"/soundbox/generate-spectrogram/{row['filename']}")
    assert answered.status_code == 200 and answered.json() == {"spectrogram": f"{stem}.png"}
    image = await client.get(f"/soundbox/spectrogram/{stem}.png")
    assert image.content == PNG_MAGIC + b"not drawn here"
    assert_error(await client.get(f"/soundbox/audio/{row['filename']}"), 404, "Audio file not found")


async def test_generate_spectrogram_of_missing_audio_is_404(gateway, database_url: str) -> None:
    client = gateway.client()
    unknown = await client.get("/soundbox/generate-spectrogram/nothing-here.wav")
    assert_error(unknown, 404, "Audio file not found")
    lost = await add(gateway, database_url, audio=None)
    assert_error(
        await client.get(f"/soundbox/generate-spectrogram/{lost['filename']}"), 404, "Audio file not found"
    )
    assert_error(await client.get("/soundbox/spectrogram/nothing-here.png"), 404, "Spectrogram not found")
    undrawn = await add(gateway, database_url, spectrogram="undrawn.png")
    assert_error(
        await client.get(f"/soundbox/spectrogram/{undrawn['spectrogram']}"), 404, "Spectrogram not found"
    )


async def test_audio_that_cannot_be_drawn_is_500(gateway, database_url: str) -> None:
    row = await add(gateway, database_url, audio=b"RIFF" + b"\x00" * 64 + b"not audio at all")
    response = await gateway.client().get(f"/soundbox/generate-spectrogram/{row['filename']}")
    assert_error(response, 500, "Spectrogram generation failed")


# ---- access ----


async def test_a_private_generation_is_served_to_its_creator_and_admins_only(
    gateway, database_url: str
) -> None:
    creator, creator_token = await gateway.bearer()
    _, stranger_token = await gateway.bearer()
    row = await add(gateway, database_url, user_id=creator["id"], private=True)
    stem = row["filename"].removesuffix(".wav")
    client = gateway.client()
    routes = [
        f"/soundbox/{route}/{row['filename']}" for route in ("audio", "download", "generate-spectrogram")
    ]

    for headers in ({}, bearer(stranger_token)):
        for url in routes:
            assert_error(await client.get(url, headers=headers), 404, "Audio file not found")

    owned = await client.get(routes[2], headers=bearer(creator_token))
    assert owned.status_code == 200 and owned.json() == {"spectrogram": f"{stem}.png"}
    image = f"/soundbox/spectrogram/{stem}.png"
    for headers in ({}, bearer(stranger_token)):
        assert_error(await client.get(image, headers=headers), 404, "Spectrogram not found")

    admin = bearer(await admin_token(gateway))
    for headers in (bearer(creator_token), admin):
        audio = await client.get(routes[0], headers=headers)
        assert audio.status_code == 200 and audio.content == WAV
        assert audio.headers["cache-control"] == "private, no-cache"
        assert (await client.get(routes[1], headers=headers)).status_code == 200
        drawn = await client.get(image, headers=headers)
        assert drawn.status_code == 200 and drawn.content.startswith(PNG_MAGIC)


@pytest.mark.parametrize(
    "path",
    [
        "/soundbox/audio/..%2F..%2Fetc%2Fpasswd",
        "/soundbox/audio/%2E%2E",
        "/soundbox/audio/.hidden.wav",
        "/soundbox/audio/a%5Cb.wav",
        "/soundbox/download/nope.wav",
        "/soundbox/spectrogram/..%2Fnope.png",
        "/soundbox/audio/" + "x" * 300 + ".wav",
    ],
)
async def test_names_that_are_not_a_generation_s_are_404(gateway, path: str) -> None:
    response = await gateway.client().get(path)
    assert_error(response, 404)


async def test_an_object_key_is_not_a_file_name(gateway, database_url: str) -> None:
    row = await add(gateway, database_url)
    client = gateway.client()
    for name in (row["object_key"].replace("/", "%2F"), row["id"], row["filename"].upper()):
        assert_error(await client.get(f"/soundbox/audio/{name}"), 404)


async def test_a_nul_in_a_name_is_400(gateway) -> None:
    assert_error(await gateway.client().get("/soundbox/audio/a%00.wav"), 400)


async def test_file_reads_are_limited_per_ip(gateway, database_url: str) -> None:
    row = await add(gateway, database_url)
    app = gateway.app(rate_limit_soundbox=2)
    client = gateway.client(app, peer=f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}")
    for _ in range(2):
        assert (await client.get(f"/soundbox/audio/{row['filename']}")).status_code == 200
    limited = await client.get(f"/soundbox/audio/{row['filename']}")
    assert limited.status_code == 429 and "error" in limited.json()
