"""The error contract, request ids, access log lines, and the open endpoints (health, metrics, docs)."""

from __future__ import annotations

import logging

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_unknown_route_and_wrong_method(gateway) -> None:
    client = gateway.client()
    missing = await client.get("/no/such/route")
    assert missing.status_code == 404
    assert missing.json() == {"error": "not found", "code": "NOT_FOUND"}
    wrong_method = await client.put("/health")
    assert wrong_method.status_code == 405
    assert wrong_method.json() == {"error": "method not allowed", "code": "METHOD_NOT_ALLOWED"}


async def test_an_unreachable_service_is_503(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post(
        "/api/analysis/analyze",
        json={"track_id": "t1", "features": ["tempo"]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 503
    assert response.json()["code"] == "SERVICE_UNAVAILABLE"


async def test_request_ids_are_echoed_or_generated(gateway) -> None:
    client = gateway.client()
    given = await client.get("/health", headers={"X-Request-ID": "req-123.abc"})
    assert given.headers["X-Request-ID"] == "req-123.abc"
    generated = await client.get("/health")
    other = await client.get("/health")
    assert len(generated.headers["X-Request-ID"]) >= 16
    assert generated.headers["X-Request-ID"] != other.headers["X-Request-ID"]
    # A value that could forge log lines is replaced, not echoed.
    forged = await client.get("/health", headers={"X-Request-ID": 'x" injected'})
    assert forged.headers["X-Request-ID"] != 'x" injected'
    error = await client.get("/api/keys", headers={"X-Request-ID": "on-an-error"})
    assert error.status_code == 401 and error.headers["X-Request-ID"] == "on-an-error"


async def test_one_access_log_line_per_request(gateway, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="soundforge.gateway.access"):
        await gateway.client().get("/no/such/route", headers={"X-Request-ID": "log-me"})
    records = [r for r in caplog.records if r.name == "soundforge.gateway.access"]
    assert len(records) == 1
    record = records[0]
    assert (record.method, record.path, record.status) == ("GET", "/no/such/route", 404)  # type: ignore[attr-defined]
    assert record.duration_ms >= 0  # type: ignore[attr-defined]


async def test_health_metrics_and_docs(gateway) -> None:
    client = gateway.client()
    health = await client.get("/health")
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert 'sf_gateway_http_requests_total{method="GET",route="/health",status="200"}' in metrics.text
    spec = (await client.get("/openapi.json")).json()
    assert {"/api/tracks", "/api/keys", "/users/log-in", "/api/analysis/analyze"} <= set(spec["paths"])
    assert "multipart/form-data" in spec["paths"]["/api/tracks"]["post"]["requestBody"]["content"]
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


async def test_an_unexpected_exception_is_a_500_that_keeps_the_request_id(gateway) -> None:
    app = gateway.app()

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    response = await gateway.client(app).get("/boom", headers={"X-Request-ID": "trace-me"})
    assert response.status_code == 500
    assert response.json() == {"error": "internal error", "code": "INTERNAL_ERROR"}
    assert response.headers["X-Request-ID"] == "trace-me"
