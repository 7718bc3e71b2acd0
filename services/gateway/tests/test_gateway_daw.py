"""POST /api/daw/export end to end: browser form -> gateway -> the real separation service -> a WAV."""

from __future__ import annotations

import hashlib
import io
import json
import math
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
import pytest_asyncio
import soundfile
from sqlalchemy import insert

from soundforge.db import make_engine
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.routes.daw import PEAK_HEADER
from soundforge.library.app import start as start_library
from soundforge.library.models import Stem
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import keys

from .conftest import Backends, Gateway, Session

pytestmark = pytest.mark.asyncio(loop_scope="session")

URL = "/api/daw/export"


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('daw-library') / 'library.db'}"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def library(nats_url: str, database_url: str, blob_dir: Path) -> AsyncIterator[RunningService]:
    """conftest's library, on a database this module can write stem rows into."""
    settings = LibrarySettings(
        database_url=database_url, nats_url=nats_url, blob_url=f"file://{blob_dir}", grpc_port=0
    )
    service = await start_library(settings)
    yield service
    await service.stop(0)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def separation(
    library: RunningService, nats_url: str, blob_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningService]:
    settings = SeparationSettings(
        library_addr=library.address,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        scratch_dir=str(tmp_path_factory.mktemp("daw-scratch")),
        mix_max_seconds=5.0,
    )
    service = await start_separation(settings)
    yield service
    await service.stop(0)


@pytest_asyncio.fixture(loop_scope="session")
async def gateway(backends: Backends, separation: RunningService) -> AsyncIterator[Gateway]:
    """The shared backends, with the separation stub pointing at the real service."""
    settings = backends.settings.model_copy(update={"separation_addr": separation.address})
    clients = GatewayClients.open(settings)
    gateway = Gateway(Backends(settings, clients, backends.bus, backends.blobs, backends.blob_dir))
    yield gateway
    for client in gateway.clients:
        await client.aclose()
    await clients.close()


def sine(freq: float, seconds: float, rate: int, amplitude: float = 0.5) -> npt.NDArray[np.float64]:
    return amplitude * np.sin(2 * np.pi * freq * np.arange(round(seconds * rate)) / rate)


def wav(audio: npt.NDArray[np.float64], rate: int, fmt: str = "WAV") -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, audio, rate, format=fmt)
    return buffer.getvalue()


def rms(x: npt.NDArray[Any]) -> float:
    return float(np.sqrt(np.mean(np.square(x))))


async def make_track(gateway: Gateway, owner_id: str, title: str = "Song", artist: str = "Band") -> str:
    track_id = str(uuid.uuid4())
    track = library_pb2.Track(
        id=track_id,
        owner_id=owner_id,
        title=title,
        artist=artist,
        sha256=hashlib.sha256(track_id.encode()).hexdigest(),
    )
    await gateway.backends.clients.library.CreateTrack(library_pb2.CreateTrackRequest(track=track))
    return track_id


async def make_stem(
    gateway: Gateway, database_url: str, owner_id: str, track_id: str, name: str, audio: bytes
) -> str:
    """What a separation job leaves: the stem object and its row (written as the library writes it)."""
    stem_id, job_id = str(uuid.uuid4()), str(uuid.uuid4())
    key = keys.stem_key(owner_id, track_id, job_id, name)
    await gateway.backends.blobs.put_bytes(key, audio, content_type="audio/wav")
    engine = make_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                insert(Stem).values(
                    id=stem_id, track_id=track_id, job_id=job_id, name=name, object_key=key, model="htdemucs"
                )
            )
    finally:
        await engine.dispose()
    return stem_id


async def export(
    session: Session,
    track_id: str,
    manifest: Any,
    files: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
    stem_ids: list[str] = (),  # type: ignore[assignment]
    csrf: bool = True,
) -> Any:
    """Every field as its own multipart part, in the order a browser's FormData would send them."""
    parts: list[tuple[str, tuple[str | None, bytes | str, str | None]]] = [
        ("track_id", (None, track_id, None))
    ]
    if manifest is not None:
        text = manifest if isinstance(manifest, str) else json.dumps(manifest)
        parts.append(("manifest", (None, text, None)))
    parts += [("stem_ids[]", (None, stem_id, None)) for stem_id in stem_ids]
    parts += [("stems[]", (name, body, "audio/wav")) for name, body in files]
    headers = {"x-csrf-token": session.csrf} if csrf else {}
    return await session.client.post(URL, files=parts, headers=headers)


def decoded(response: Any) -> tuple[npt.NDArray[np.float64], int, str]:
    audio, rate = soundfile.read(io.BytesIO(response.content), always_2d=True)
    return audio, rate, soundfile.info(io.BytesIO(response.content)).subtype


async def daw_objects(gateway: Gateway, owner_id: str) -> list[str]:
    return [info.key for info in await gateway.backends.blobs.list(keys.daw_prefix(owner_id))]


async def test_uploaded_stems_of_different_rates_are_mixed_into_a_float_wav(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"], "Halo (Live)", "Beyoncé")
    vocals = wav(sine(1000, 1.0, 44100), 44100)
    drums = wav(sine(3000, 0.5, 48000), 48000, "FLAC")
    manifest = {"stems": [{"stem": "vocals.wav", "gain_db": -6.0}, {"stem": "drums", "pan": -1.0}]}
    response = await export(session, track_id, manifest, [("vocals.wav", vocals), ("drums.flac", drums)])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "audio/wav"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-disposition"] == 'attachment; filename="beyonce-halo-live-mix.wav"'
    audio, rate, subtype = decoded(response)
    assert (rate, audio.shape, subtype) == (48000, (48000, 2), "FLOAT")
    # After the drums end only the vocals play, 6 dB down and centred.
    tail = audio[30000:46000]
    assert 20 * math.log10(rms(tail[:, 0]) / rms(sine(1000, 1.0, 44100))) == pytest.approx(-6.0, abs=0.05)
    np.testing.assert_allclose(tail[:, 0], tail[:, 1], atol=1e-6)
    # While they play, the drums are hard left: the right side is the vocals alone.
    # Constant power: hard left puts both sides' power (+3 dB) into the left, nothing on the right.
    head = audio[2400:21600]  # whole periods of both tones
    vocals_rms, drums_rms = 0.5 / math.sqrt(2) * 10 ** (-6 / 20), 0.5 / math.sqrt(2)
    assert rms(head[:, 1]) == pytest.approx(vocals_rms, rel=0.01)
    assert rms(head[:, 0]) == pytest.approx(math.sqrt(vocals_rms**2 + 2 * drums_rms**2), rel=0.01)
    peak = float(np.max(np.abs(audio)))
    assert float(response.headers[PEAK_HEADER]) == pytest.approx(20 * math.log10(peak), abs=0.01)
    assert await daw_objects(gateway, session.user["id"]) == []  # uploads and the mix are gone


async def test_a_mix_above_full_scale_is_kept_and_reported(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"])
    loud = wav(np.full(8000, 0.9), 8000)
    response = await export(session, track_id, {}, [("a.wav", loud), ("b.wav", loud)])
    assert response.status_code == 200, response.text
    audio, _, _ = decoded(response)
    assert np.max(audio) == pytest.approx(1.8, abs=1e-3)
    assert float(response.headers[PEAK_HEADER]) == pytest.approx(20 * math.log10(1.8), abs=0.01)


async def test_library_stems_by_id_mix_beside_uploaded_files(gateway: Gateway, database_url: str) -> None:
    session = await gateway.session()
    owner = session.user["id"]
    track_id = await make_track(gateway, owner)
    stem_id = await make_stem(
        gateway, database_url, owner, track_id, "vocals", wav(np.full(8000, 0.25), 8000)
    )
    manifest = {"volumes": {stem_id: -6.0}, "mutes": ["keys"]}
    files = [("keys.wav", wav(np.full(8000, 0.5), 8000)), ("bass.wav", wav(np.full(8000, 0.125), 8000))]
    response = await export(session, track_id, manifest, files, stem_ids=[stem_id])
    assert response.status_code == 200, response.text
    audio, rate, _ = decoded(response)
    assert rate == 8000
    assert audio[100, 0] == pytest.approx(0.125 + 0.25 * 10 ** (-6 / 20), abs=1e-5)
    stem = await gateway.backends.clients.library.GetStem(
        library_pb2.GetStemRequest(owner_id=owner, stem_id=stem_id)
    )
    assert await gateway.backends.blobs.exists(stem.object_key)  # the library's stem is only read


async def test_another_users_track_or_stem_is_404_and_nothing_stays_staged(
    gateway: Gateway, database_url: str
) -> None:
    owner, other = await gateway.session(), await gateway.session()
    theirs = await make_track(gateway, other.user["id"])
    mine = await make_track(gateway, owner.user["id"])
    their_stem = await make_stem(
        gateway, database_url, other.user["id"], theirs, "drums", wav(np.zeros(800), 8000)
    )
    files = [("a.wav", wav(np.zeros(800), 8000))]
    response = await export(owner, theirs, {}, files)
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")
    response = await export(owner, mine, {}, files, stem_ids=[their_stem])
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")
    response = await export(owner, str(uuid.uuid4()), {}, files)
    assert response.status_code == 404
    assert await daw_objects(gateway, owner.user["id"]) == []


async def test_an_invalid_manifest_is_422_with_details(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"])
    files = [("a.wav", wav(np.zeros(800), 8000))]
    response = await export(session, track_id, {"stems": [{"pan": 3, "edits": [{"type": "warp"}]}]}, files)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert set(body["details"]) == {"manifest.stems[0].pan", "manifest.stems[0].edits[0]"}
    response = await export(session, track_id, "[1, 2", files)
    assert response.json()["details"] == {"manifest": ["is not valid JSON"]}
    response = await export(session, track_id, {"stems": [{"stem": "cowbell"}]}, files)
    assert list(response.json()["details"]) == ["manifest.stems[0]"]
    assert await daw_objects(gateway, session.user["id"]) == []


async def test_missing_fields_are_named(gateway: Gateway) -> None:
    session = await gateway.session()
    response = await export(session, "", None)
    assert response.status_code == 422
    assert set(response.json()["details"]) == {"track_id", "manifest", "stems"}
    headers = {"x-csrf-token": session.csrf}
    response = await session.client.post(URL, data={"track_id": "x", "manifest": "{}"}, headers=headers)
    assert (response.status_code, response.json()["code"]) == (415, "UNSUPPORTED_MEDIA_TYPE")


async def test_a_file_that_is_not_audio_is_415(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"])
    files = [("a.wav", wav(np.zeros(800), 8000)), ("notes.wav", b"<html>not audio</html>" * 40)]
    response = await export(session, track_id, {}, files)
    assert (response.status_code, response.json()["code"]) == (415, "UNSUPPORTED_MEDIA_TYPE")
    assert "stems[1]" in response.json()["error"]
    assert await daw_objects(gateway, session.user["id"]) == []


async def test_limits_on_count_size_and_length_are_413(gateway: Gateway) -> None:
    small = gateway.client(daw_max_stems=2, daw_max_upload_bytes=20_000)
    session = await gateway.session(small)
    track_id = await make_track(gateway, session.user["id"])
    one = wav(np.zeros(800), 8000)
    response = await export(session, track_id, {}, [("a.wav", one), ("b.wav", one), ("c.wav", one)])
    assert (response.status_code, response.json()["code"]) == (413, "PAYLOAD_TOO_LARGE")
    response = await export(session, track_id, {}, [("big.wav", wav(np.zeros(12000), 8000))])
    assert response.status_code == 413
    # The service refuses stems longer than SEPARATION_MIX_MAX_SECONDS (5 s here).
    long = wav(np.zeros(6 * 1000), 1000)
    response = await export(session, track_id, {}, [("long.wav", long)])
    assert response.status_code == 413
    assert await daw_objects(gateway, session.user["id"]) == []


async def test_the_browser_session_and_its_csrf_token_are_required(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"])
    files = [("a.wav", wav(np.zeros(800), 8000))]
    response = await export(session, track_id, {}, files, csrf=False)
    assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN")
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        URL, data={"track_id": track_id, "manifest": "{}"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 403
    response = await gateway.client().post(URL, data={"track_id": track_id, "manifest": "{}"})
    assert response.status_code == 401


async def test_the_route_documents_its_body_and_every_status(gateway: Gateway) -> None:
    document = (await gateway.client().get("/openapi.json")).json()
    operation = document["paths"][URL]["post"]
    assert set(operation["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "413",
        "415",
        "422",
        "429",
        "503",
    }
    assert "audio/wav" in operation["responses"]["200"]["content"]
    schema = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"track_id", "manifest", "stems[]", "stem_ids[]"} <= set(schema["properties"])


async def test_odd_forms_are_4xx_never_5xx(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"])
    one = [("a.wav", wav(np.zeros(800), 8000))]
    headers = {"x-csrf-token": session.csrf}
    cases = [
        await export(session, "not-a-uuid", {}, one),
        await export(session, track_id, {}, one, stem_ids=["nope"]),
        await export(session, track_id, {}, one, stem_ids=[""]),
        await export(session, track_id, "null", one),
        await export(session, track_id, "[" * 100_000, one),
        await export(session, track_id, {"stems": [{"pan": float("nan")}]}, one),
        await export(session, track_id, {}, [("random.bin", bytes(range(256)) * 64)]),
        await export(session, "a\x00b", {}, one),
        await session.client.post(URL, files=[("other", ("x.wav", b"RIFF", "audio/wav"))], headers=headers),
        await session.client.post(
            URL,
            content=b"--b\r\nContent-Disposition: form-data\r\n\r\n",
            headers={**headers, "content-type": "multipart/form-data; boundary=b"},
        ),
        await session.client.post(
            URL, content=b"junk", headers={**headers, "content-type": "multipart/form-data"}
        ),
    ]
    statuses = [response.status_code for response in cases]
    assert all(400 <= status < 500 for status in statuses), statuses
    assert statuses[:4] == [404, 404, 422, 422]
    assert await daw_objects(gateway, session.user["id"]) == []


async def test_an_empty_file_input_is_ignored_like_a_browser_expects(gateway: Gateway) -> None:
    session = await gateway.session()
    track_id = await make_track(gateway, session.user["id"])
    response = await export(session, track_id, {}, [("", b""), ("a.wav", wav(np.full(800, 0.5), 8000))])
    assert response.status_code == 200, response.text
    audio, _, _ = decoded(response)
    assert audio.shape == (800, 2)
