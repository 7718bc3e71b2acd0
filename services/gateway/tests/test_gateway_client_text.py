"""Text the platform cannot carry (NUL, lone surrogates) is a 422 naming the field, wherever it is sent."""

from __future__ import annotations

import json
from typing import Any

import pytest

from soundforge.gateway.client_text import NUL_MESSAGE, UNICODE_MESSAGE, text_problem
from soundforge.gateway.upload_stream import UNKNOWN_MEDIA_TYPE, part_content_type

pytestmark = pytest.mark.asyncio(loop_scope="session")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def escaped_json(body: Any) -> dict[str, Any]:
    """A JSON body with non-ASCII escaped, the only way a lone surrogate travels ("\\ud800")."""
    return {"content": json.dumps(body), "headers": {"Content-Type": "application/json"}}


async def test_text_problems() -> None:
    assert text_problem("Blinding Lights — ünïcode 夜曲") is None
    assert text_problem("a\x00b") == NUL_MESSAGE
    assert text_problem("\ud800") == UNICODE_MESSAGE


async def test_part_content_types_are_plain_media_types() -> None:
    assert part_content_type("Audio/WAV; rate=44100") == "audio/wav"
    assert part_content_type("audio/wav\r\nX-Injected: 1") == UNKNOWN_MEDIA_TYPE
    assert part_content_type("ä/ö") == UNKNOWN_MEDIA_TYPE
    assert part_content_type(None) == UNKNOWN_MEDIA_TYPE


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "field", "message"),
    [
        ("GET", "/api/tracks/a%00b", {}, "track_id", NUL_MESSAGE),
        ("GET", "/api/tracks", {"params": {"search": "a\x00"}}, "search", NUL_MESSAGE),
        ("DELETE", "/api/jobs/a%00b", {}, "job_id", NUL_MESSAGE),
        ("POST", "/api/keys", {"json": {"name": "a\x00"}}, "name", NUL_MESSAGE),
        ("PATCH", "/api/tracks/t1", escaped_json({"tags": ["ok", "\ud800"]}), "tags", UNICODE_MESSAGE),
        ("POST", "/api/analysis/analyze", escaped_json({"track_id": "\ud800"}), "track_id", UNICODE_MESSAGE),
    ],
)
async def test_api_inputs(gateway, method: str, path: str, kwargs: dict, field: str, message: str) -> None:
    _, token = await gateway.bearer()
    headers = {**bearer(token), **kwargs.pop("headers", {})}
    response = await gateway.client().request(method, path, headers=headers, **kwargs)
    assert response.status_code == 422, response.text
    assert response.json() == {
        "error": "validation failed",
        "code": "VALIDATION_ERROR",
        "details": {field: [message]},
    }


async def test_credentials(gateway) -> None:
    client = gateway.client()
    nul = await client.post(
        "/users/register", data={"user[email]": "a\x00@example.com", "user[password]": "p" * 12}
    )
    assert nul.status_code == 422
    assert nul.json()["details"] == {"email": [NUL_MESSAGE]}
    surrogate = await client.post(
        "/users/log-in", **escaped_json({"email": "a@example.com", "password": "\ud800"})
    )
    assert surrogate.status_code == 422
    assert surrogate.json()["details"] == {"password": [UNICODE_MESSAGE]}
