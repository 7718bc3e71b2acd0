"""Rate limits: fixed windows in the shared NATS KV bucket, per user or per client address, heavy apart."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from nats.js.kv import KeyValue

from soundforge.events import EventBus
from soundforge.gateway.app import create_app
from soundforge.gateway.kv_counters import RATE_LIMIT_BUCKET, KeyValueCounters

pytestmark = pytest.mark.asyncio(loop_scope="session")

WINDOW = 3600


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _peer() -> str:
    """A client address no other test uses, so anonymous counters start at zero."""
    raw = uuid.uuid4().bytes
    return f"10.{raw[0]}.{raw[1]}.{raw[2] or 1}"


async def test_the_61st_request_is_429_with_headers_and_retry_after(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(rate_limit_auth=60)
    remaining = []
    for _ in range(60):
        response = await client.get("/api/keys", headers=bearer(token))
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "60"
        remaining.append(int(response.headers["X-RateLimit-Remaining"]))
    assert remaining == list(range(59, -1, -1))
    reset = int(response.headers["X-RateLimit-Reset"])
    assert time.time() < reset <= time.time() + WINDOW
    assert reset % WINDOW == 0  # a fixed window ends on a multiple of its length

    limited = await client.get("/api/keys", headers=bearer(token))
    assert limited.status_code == 429
    body = limited.json()
    assert body["error"] == "rate limit exceeded" and body["code"] == "RATE_LIMITED"
    assert 1 <= body["retry_after"] <= WINDOW
    assert limited.headers["Retry-After"] == str(body["retry_after"])
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    assert limited.headers["X-RateLimit-Reset"] == str(reset)


async def test_limits_are_per_user(gateway) -> None:
    _, first = await gateway.bearer()
    _, second = await gateway.bearer()
    client = gateway.client(rate_limit_auth=2)
    for _ in range(2):
        assert (await client.get("/api/keys", headers=bearer(first))).status_code == 200
    assert (await client.get("/api/keys", headers=bearer(first))).status_code == 429
    assert (await client.get("/api/keys", headers=bearer(second))).status_code == 200


async def test_heavy_routes_are_counted_apart_and_rejected_before_the_route(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(rate_limit_auth=10, rate_limit_heavy=2)
    for expected_remaining in (1, 0):
        # An empty body fails validation, which proves these two reached the route.
        response = await client.post("/api/analysis/analyze", json={}, headers=bearer(token))
        assert response.status_code == 422
        assert response.headers["X-RateLimit-Limit"] == "2"
        assert response.headers["X-RateLimit-Remaining"] == str(expected_remaining)
    third = await client.post("/api/analysis/analyze", json={}, headers=bearer(token))
    assert third.status_code == 429  # not 422: the limiter answered, the route never ran
    assert third.headers["X-RateLimit-Limit"] == "2"
    assert third.json()["code"] == "RATE_LIMITED"
    light = await client.get("/api/keys", headers=bearer(token))
    assert light.status_code == 200
    assert light.headers["X-RateLimit-Limit"] == "10"
    assert light.headers["X-RateLimit-Remaining"] == "6"  # the three heavy posts counted here too


async def test_two_gateways_share_the_counters(gateway) -> None:
    _, token = await gateway.bearer()
    one = gateway.client(rate_limit_auth=3)
    two = gateway.client(rate_limit_auth=3)
    assert (await one.get("/api/keys", headers=bearer(token))).status_code == 200
    assert (await two.get("/api/keys", headers=bearer(token))).status_code == 200
    third = await one.get("/api/keys", headers=bearer(token))
    assert third.headers["X-RateLimit-Remaining"] == "0"
    assert (await two.get("/api/keys", headers=bearer(token))).status_code == 429
    assert (await one.get("/api/keys", headers=bearer(token))).status_code == 429


async def test_anonymous_requests_are_limited_by_peer_and_carry_headers(gateway) -> None:
    client = gateway.client(peer=_peer(), rate_limit_auth=2)
    first = await client.get("/api/keys")
    assert first.status_code == 401
    assert first.headers["X-RateLimit-Remaining"] == "1"
    await client.get("/api/keys")
    assert (await client.get("/api/tracks")).status_code == 429
    assert (await gateway.client(peer=_peer(), rate_limit_auth=2).get("/api/keys")).status_code == 401


async def test_x_forwarded_for_is_ignored_from_an_untrusted_peer(gateway) -> None:
    client = gateway.client(peer=_peer(), rate_limit_auth=2, trusted_proxies=["192.0.2.0/24"])
    statuses = [
        (await client.get("/api/keys", headers={"X-Forwarded-For": _peer()})).status_code for _ in range(3)
    ]
    assert statuses == [401, 401, 429]


async def test_x_forwarded_for_is_honoured_from_a_trusted_proxy(gateway) -> None:
    proxy = _peer()
    client = gateway.client(peer=proxy, rate_limit_auth=1, trusted_proxies=[f"{proxy}/32"])
    statuses = [
        (await client.get("/api/keys", headers={"X-Forwarded-For": _peer()})).status_code for _ in range(3)
    ]
    assert statuses == [401, 401, 401]
    same = _peer()
    again = [(await client.get("/api/keys", headers={"X-Forwarded-For": same})).status_code for _ in range(2)]
    assert again == [401, 429]


async def test_routes_outside_api_are_not_limited(gateway) -> None:
    client = gateway.client(peer=_peer(), rate_limit_auth=1)
    for _ in range(3):
        response = await client.get("/health")
        assert response.status_code == 200
        assert "X-RateLimit-Limit" not in response.headers


async def test_concurrent_increments_from_two_replicas_lose_nothing(gateway) -> None:
    bus = gateway.backends.bus

    async def open_bucket() -> KeyValue:
        return await bus.key_value(RATE_LIMIT_BUCKET, ttl_seconds=2 * WINDOW)

    replicas = [KeyValueCounters(open_bucket), KeyValueCounters(open_bucket)]
    key = f"test.{uuid.uuid4().hex}.0"
    counts = await asyncio.gather(*(replicas[n % 2].increment(key) for n in range(20)))
    assert sorted(counts) == list(range(1, 21))


async def test_without_the_shared_counters_api_requests_are_refused(gateway, nats_url: str) -> None:
    bus = await EventBus.connect(nats_url, "gateway-tests-closed")
    await bus.close()
    backends = gateway.backends
    app = create_app(backends.settings, backends.clients, bus, backends.blobs)
    client = gateway.client(app)
    refused = await client.get("/api/keys")
    assert refused.status_code == 503
    assert refused.json() == {"error": "service unavailable", "code": "SERVICE_UNAVAILABLE"}
    # /health tells the truth: the gateway cannot work without NATS.
    health = await client.get("/health")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "checks": {"library": "ok", "nats": "disconnected"}}
