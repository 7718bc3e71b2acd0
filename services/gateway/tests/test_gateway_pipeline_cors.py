"""CORS on /pipeline (seed 004: all origins), without credentials; no other surface answers CORS."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="session")

ORIGIN = "https://example.org"


def _preflight(method: str = "POST", headers: str = "authorization") -> dict[str, str]:
    return {
        "Origin": ORIGIN,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": headers,
    }


async def test_a_preflight_to_the_pipeline_is_answered_for_any_origin_without_credentials(gateway) -> None:
    client = gateway.client()
    for path in ("/pipeline/process", "/pipeline/job/j1", "/pipeline/download/j1/vocals"):
        method = "POST" if path.endswith("process") else "GET"
        response = await client.options(path, headers=_preflight(method))
        assert response.status_code == 200, (path, response.text)
        assert response.headers["access-control-allow-origin"] == "*"
        assert method in response.headers["access-control-allow-methods"]
        assert "authorization" in response.headers["access-control-allow-headers"].lower()
        assert "access-control-allow-credentials" not in response.headers


async def test_pipeline_answers_carry_the_allowed_origin_and_expose_their_headers(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    response = await client.get(
        "/pipeline/job/nope", headers={"Origin": ORIGIN, "Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
    assert response.headers["access-control-allow-origin"] == "*"
    assert "content-disposition" in response.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-credentials" not in response.headers
    anonymous = await client.get("/pipeline/job/nope", headers={"Origin": ORIGIN})
    assert anonymous.status_code == 401
    assert anonymous.headers["access-control-allow-origin"] == "*"


async def test_a_rate_limited_pipeline_answer_is_readable_cross_origin_and_preflights_are_not_counted(
    gateway,
) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(rate_limit_auth=1)
    for _ in range(3):
        assert (await client.options("/pipeline/job/nope", headers=_preflight("GET"))).status_code == 200
    auth = {"Origin": ORIGIN, "Authorization": f"Bearer {token}"}
    assert (await client.get("/pipeline/job/nope", headers=auth)).status_code == 404
    limited = await client.get("/pipeline/job/nope", headers=auth)
    assert limited.status_code == 429
    assert limited.headers["access-control-allow-origin"] == "*"


async def test_other_surfaces_have_no_cors(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    for path in ("/api/tracks", "/users/log-in", "/soundbox/api/library", "/files/users/x/y.wav"):
        preflight = await client.options(path, headers=_preflight())
        assert preflight.status_code == 405, (path, preflight.status_code)
        assert "access-control-allow-origin" not in preflight.headers
    plain = await client.get("/api/keys", headers={"Origin": ORIGIN, "Authorization": f"Bearer {token}"})
    assert plain.status_code == 200
    assert "access-control-allow-origin" not in plain.headers
