"""Log-in and registration attempts are throttled per client address, per (address, email) and per email."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from soundforge.gateway.settings import GatewaySettings

from .conftest import PASSWORD

pytestmark = pytest.mark.asyncio(loop_scope="session")

WINDOW = 3600


def _peer() -> str:
    """A client address no other test uses, so its counters start at zero."""
    raw = uuid.uuid4().bytes
    return f"10.{raw[0]}.{raw[1]}.{raw[2] or 1}"


def _wrong(email: str) -> dict[str, str]:
    return {"user[email]": email, "user[password]": "wrongwrong"}


def _assert_limited(response: Any, limit: int) -> None:
    assert response.status_code == 429, response.text
    body = response.json()
    assert body["error"] == "rate limit exceeded" and body["code"] == "RATE_LIMITED"
    assert 1 <= body["retry_after"] <= WINDOW
    assert response.headers["Retry-After"] == str(body["retry_after"])
    assert response.headers["X-RateLimit-Limit"] == str(limit)


async def test_log_in_is_limited_per_client_address_on_both_spellings(gateway) -> None:
    email, _ = await gateway.register()
    client = gateway.client(peer=_peer(), rate_limit_log_in=3)
    statuses = [(await client.post("/users/log-in", data=_wrong(email))).status_code for _ in range(2)]
    statuses.append((await client.post("/users/log_in", data=_wrong(email))).status_code)
    assert statuses == [401, 401, 401]
    _assert_limited(await client.post("/users/log-in", data=_wrong(email)), 3)
    # Even the right password waits: the limit is on attempts, not on failures.
    right = {"user[email]": email, "user[password]": PASSWORD}
    _assert_limited(await client.post("/users/log_in", data=right), 3)
    # Another address is counted apart.
    other = gateway.client(peer=_peer(), rate_limit_log_in=3)
    assert (await other.post("/users/log-in", data=right)).status_code == 200


async def test_log_in_is_limited_per_email_across_addresses(gateway) -> None:
    email, _ = await gateway.register()
    app = gateway.app(rate_limit_log_in_email=2)
    statuses = [
        (await gateway.client(app, peer=_peer()).post("/users/log-in", data=_wrong(address))).status_code
        for address in (email, email.upper())
    ]
    assert statuses == [401, 401]
    _assert_limited(await gateway.client(app, peer=_peer()).post("/users/log-in", data=_wrong(email)), 2)
    other_email, _ = await gateway.register()
    fresh = await gateway.client(app, peer=_peer()).post("/users/log-in", data=_wrong(other_email))
    assert fresh.status_code == 401


def _right(email: str) -> dict[str, str]:
    return {"user[email]": email, "user[password]": PASSWORD}


async def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out(gateway) -> None:
    fields = GatewaySettings.model_fields
    assert fields["rate_limit_log_in_address_email"].default == 10
    assert fields["rate_limit_log_in_email"].default == 100
    email, _ = await gateway.register()
    app = gateway.app(rate_limit_log_in_address_email=10, rate_limit_log_in_email=100)
    attacker = gateway.client(app, peer=_peer())
    statuses = [(await attacker.post("/users/log-in", data=_wrong(email))).status_code for _ in range(10)]
    assert statuses == [401] * 10
    owner = gateway.client(app, peer=_peer())
    assert (await owner.post("/users/log-in", data=_right(email))).status_code == 200
    # The 11th from the guessing address waits, the right password too: nothing is verified, no session.
    limited = await attacker.post("/users/log-in", data=_right(email.upper()))
    _assert_limited(limited, 10)
    assert "set-cookie" not in limited.headers


async def test_the_per_email_limit_still_bounds_guessing_from_many_addresses(gateway) -> None:
    email, _ = await gateway.register()
    app = gateway.app(rate_limit_log_in_address_email=2, rate_limit_log_in_email=5)

    async def attempt(data: dict[str, str]) -> Any:
        return await gateway.client(app, peer=_peer()).post("/users/log-in", data=data)

    one = gateway.client(app, peer=_peer())
    assert [(await one.post("/users/log-in", data=_wrong(email))).status_code for _ in range(2)] == [401, 401]
    _assert_limited(await one.post("/users/log-in", data=_wrong(email)), 2)
    # That throttled attempt spent none of the account's budget: 2 + these 3 make 5.
    assert [(await attempt(_wrong(email))).status_code for _ in range(2)] == [401, 401]
    assert (await attempt(_right(email))).status_code == 200
    _assert_limited(await attempt(_right(email)), 5)


async def test_x_forwarded_for_does_not_buy_fresh_log_in_attempts(gateway) -> None:
    client = gateway.client(peer=_peer(), rate_limit_log_in=2)
    email = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
    statuses = [
        (
            await client.post("/users/log-in", data=_wrong(email), headers={"X-Forwarded-For": _peer()})
        ).status_code
        for _ in range(3)
    ]
    assert statuses == [401, 401, 429]


async def test_register_is_limited_per_client_address(gateway) -> None:
    client = gateway.client(peer=_peer(), rate_limit_register=2)
    for _ in range(2):
        await gateway.register(client)
    email = f"user-{uuid.uuid4().hex[:12]}@example.com"
    limited = await client.post("/users/register", json={"user": {"email": email, "password": PASSWORD}})
    _assert_limited(limited, 2)


async def test_log_in_and_register_document_429(gateway) -> None:
    document = (await gateway.client().get("/openapi.json")).json()
    for path in ("/users/log-in", "/users/register"):
        assert "429" in document["paths"][path]["post"]["responses"], path
