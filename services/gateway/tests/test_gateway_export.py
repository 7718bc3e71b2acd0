"""/export/analysis/<track_id>: the seed's bare JSON shape as a download, owner-scoped, 404 until analysed."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pytest

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.testing.job_params import analysis_result, job_params
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

RESULT = {
    "tempo": 128.0,
    "beats": [0.5, 0.97],
    "tempo_confidence": 0.9,
    "energy": 0.74,
    "spectral_centroid": 1823.4,
    "spectral_rolloff": 4200.1,
    "spectral_bandwidth": 1500.0,
    "spectral_flatness": 0.01,
    "zero_crossing_rate": 0.12,
    "key": "A minor",
    "camelot": "8A",
    "key_confidence": 0.8,
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _track(gateway: Any, owner_id: str, title: str, artist: str) -> library_pb2.Track:
    track_id = uuid.uuid4().hex
    track = library_pb2.Track(
        id=track_id,
        owner_id=owner_id,
        title=title,
        artist=artist,
        sha256=hashlib.sha256(track_id.encode()).hexdigest(),
    )
    created = await gateway.backends.clients.library.CreateTrack(library_pb2.CreateTrackRequest(track=track))
    return created.track


async def _analyse(gateway: Any, owner_id: str, track_id: str, result: dict[str, Any]) -> None:
    """What the analysis worker does: a job for the track, then its `completed` update."""
    job = await gateway.backends.clients.library.CreateJob(
        library_pb2.CreateJobRequest(owner_id=owner_id, track_id=track_id, params=job_params("analysis"))
    )
    update = jobs_pb2.JobUpdate(job_id=job.id, attempt=1, result=analysis_result(**result))
    await gateway.backends.bus.publish_update("analysis", "completed", update)


async def _export(gateway: Any, track_id: str, token: str) -> Any:
    """Polls until the library has applied the update (it consumes updates asynchronously)."""
    client = gateway.client()
    return await eventually(
        lambda: client.get(f"/export/analysis/{track_id}", headers=bearer(token)),
        lambda response: response.status_code != 404,
        what=f"the analysis of {track_id} applied",
    )


async def test_export_is_the_documented_shape_as_an_attachment(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _track(gateway, user["id"], "Blinding Lights", "The Weeknd")
    await _analyse(gateway, user["id"], track.id, RESULT)
    response = await _export(gateway, track.id, token)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "track_id": track.id,
        "title": "Blinding Lights",
        "artist": "The Weeknd",
        "analysis": RESULT,
    }
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-disposition"] == (
        'attachment; filename="the-weeknd-blinding-lights-analysis.json"'
    )
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_file_names_are_clean_whatever_the_title(gateway) -> None:
    user, token = await gateway.bearer()
    tricky = await _track(gateway, user["id"], 'Halo "Live" / ../..\\; rm -rf', "Beyoncé")
    await _analyse(gateway, user["id"], tricky.id, {"tempo": 80.0})
    response = await _export(gateway, tricky.id, token)
    assert (
        response.headers["content-disposition"]
        == 'attachment; filename="beyonce-halo-live-rm-rf-analysis.json"'
    )
    unnamed = await _track(gateway, user["id"], "夜に駆ける", "")
    await _analyse(gateway, user["id"], unnamed.id, {"tempo": 130.0})
    response = await _export(gateway, unnamed.id, token)
    assert response.json()["title"] == "夜に駆ける"
    assert (
        response.headers["content-disposition"] == f'attachment; filename="track-{unnamed.id}-analysis.json"'
    )


async def test_a_track_without_analysis_is_404(gateway) -> None:
    user, token = await gateway.bearer()
    track = await _track(gateway, user["id"], "Fresh", "Nobody")
    response = await gateway.client().get(f"/export/analysis/{track.id}", headers=bearer(token))
    assert response.status_code == 404
    assert response.json() == {"error": "track has no analysis yet", "code": "NOT_FOUND"}


async def test_other_users_unknown_tracks_and_anonymous_callers_are_refused(gateway) -> None:
    owner, owner_token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    track = await _track(gateway, owner["id"], "Private", "Owner")
    await _analyse(gateway, owner["id"], track.id, {"tempo": 99.0})
    assert (await _export(gateway, track.id, owner_token)).status_code == 200
    client = gateway.client()
    foreign = await client.get(f"/export/analysis/{track.id}", headers=bearer(other_token))
    assert foreign.status_code == 404
    assert foreign.json() == {"error": "track not found", "code": "NOT_FOUND"}
    unknown = await client.get(f"/export/analysis/{uuid.uuid4().hex}", headers=bearer(owner_token))
    assert unknown.status_code == 404 and unknown.json()["code"] == "NOT_FOUND"
    anonymous = await client.get(f"/export/analysis/{track.id}")
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "UNAUTHORIZED"
