"""Through the API: a track with no pulse and no key gets nulls and their confidences, not made-up values."""

from __future__ import annotations

import numpy as np

from platform_client import bearer_for, finished_job
from platform_harness import Platform
from soundforge.testing.audio import click_track, encode

SR = 22050
FEATURES = ["tempo", "key", "downbeats", "danceability", "duration"]


async def analysed(
    platform: Platform, auth: dict[str, str], samples: np.ndarray, name: str
) -> tuple[str, dict]:
    client = platform.client
    wav = encode(samples, SR)
    r = await client.post("/api/tracks", files={"file": (name, wav, "audio/wav")}, headers=auth)
    assert r.status_code == 201, r.text
    track_id = r.json()["data"]["id"]
    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track_id, "features": FEATURES}, headers=auth
    )
    assert r.status_code == 201, r.text
    job = await finished_job(client, r.json()["data"]["job_id"], auth)
    assert job["status"] == "completed", job
    r = await client.get(f"/api/analysis/job/{job['id']}", headers=auth)
    assert r.status_code == 200, r.text
    polled: dict = r.json()["data"]["result"]
    return track_id, polled


async def test_a_steady_tone_is_reported_as_no_tempo_and_no_key(platform: Platform) -> None:
    _, auth = await bearer_for(platform.client, "tone@example.com")
    t = np.arange(15 * SR) / SR
    track_id, result = await analysed(
        platform, auth, (0.5 * np.sin(2 * np.pi * 220.0 * t)).astype(np.float32), "a.wav"
    )
    assert result["tempo"] is None and result["beats"] == []
    assert result["downbeats"] == [] and result["beats_per_bar"] is None
    assert result["danceability"] == 0.0
    assert result["key"] is None and result["camelot"] is None
    assert 0.0 <= result["tempo_confidence"] < 0.3 and 0.0 <= result["key_confidence"] < 0.2
    assert result["duration"] == 15.0
    # The stored analysis says the same: null is kept as null, not as 0 or "".
    r = await platform.client.get(f"/api/analysis/{track_id}", headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["data"]["result"] == result


async def test_a_click_track_has_a_confident_tempo_and_still_no_key(platform: Platform) -> None:
    _, auth = await bearer_for(platform.client, "clicks@example.com")
    _, result = await analysed(platform, auth, click_track(120, seconds=12, sample_rate=SR), "c.wav")
    assert abs(result["tempo"] - 120) / 120 < 0.04 and len(result["beats"]) > 16
    assert result["tempo_confidence"] >= 0.3 and result["beats_per_bar"] is not None
    assert result["key"] is None and result["camelot"] is None and result["key_confidence"] < 0.2
