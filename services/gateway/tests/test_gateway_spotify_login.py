"""Spotify login through the gateway: state cookie, callback, session + CSRF cookies, linking accounts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from soundforge.library.v1 import library_pb2
from soundforge.testing.fake_spotify import FakeSpotify, fake_spotify

pytestmark = pytest.mark.asyncio(loop_scope="session")

STATE_COOKIE = "sfa_spotify_state"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSpotify]:
    with fake_spotify() as server:
        yield server


@pytest.fixture(scope="module")
def ingest_overrides(fake: FakeSpotify) -> dict[str, Any]:
    """The conftest's ingest, with Spotify credentials (the fake's)."""
    return fake.ingest_settings()


def set_cookies(response: httpx.Response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.headers.get_list("set-cookie")}


async def begin(client: httpx.AsyncClient, fake: FakeSpotify, spotify_user: str) -> tuple[str, str]:
    """/auth/spotify, then the user approves at the fake: (callback path with query, state)."""
    started = await client.get("/auth/spotify")
    assert started.status_code == 302, started.text
    location = started.headers["location"]
    assert location.startswith(fake.authorize_url + "?")
    state = parse_qs(urlsplit(location).query)["state"][0]
    cookie = set_cookies(started)[STATE_COOKIE].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/auth/spotify" in cookie
    assert f"{STATE_COOKIE}={state}".lower() in cookie
    fake.authorizing_user = spotify_user
    async with httpx.AsyncClient() as browser:
        approved = await browser.get(location)
    assert approved.status_code == 302
    back = urlsplit(approved.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == "http://testserver/auth/spotify/callback"
    return f"{back.path}?{back.query}", state


async def log_in(
    gateway: Any, fake: FakeSpotify, spotify_user: str, client: httpx.AsyncClient | None = None
) -> tuple[httpx.AsyncClient, httpx.Response]:
    client = client or gateway.client()
    callback, _ = await begin(client, fake, spotify_user)
    done = await client.get(callback)
    assert done.status_code == 302, done.text
    assert done.headers["location"] == "/"
    return client, done


async def test_login_creates_a_user_with_a_working_session(gateway: Any, fake: FakeSpotify) -> None:
    email = f"listener-{uuid.uuid4().hex[:8]}@example.com"
    subject = fake.add_user(email)
    client, done = await log_in(gateway, fake, subject)
    cookies = set_cookies(done)
    assert "httponly" in cookies["sfa_session"].lower()
    assert "httponly" not in cookies["csrf_token"].lower()
    assert (
        cookies[STATE_COOKIE].startswith(f'{STATE_COOKIE}=""') or "max-age=0" in cookies[STATE_COOKIE].lower()
    )
    csrf = client.cookies["csrf_token"]
    created = await client.post("/api/keys", json={"name": "from spotify"}, headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201, created.text
    refused = await client.post("/api/keys", json={"name": "no csrf"})
    assert refused.status_code == 403

    # A second login (another browser) is the same user: it sees the key made above.
    again, _ = await log_in(gateway, fake, subject)
    keys = await again.get("/api/keys")
    assert [k["name"] for k in keys.json()["data"]] == ["from spotify"]


async def test_login_while_signed_in_links_that_user(gateway: Any, fake: FakeSpotify) -> None:
    session = await gateway.session()
    subject = fake.add_user(f"linked-{uuid.uuid4().hex[:8]}@example.com")
    await log_in(gateway, fake, subject, client=session.client)
    account = await gateway.backends.clients.library.GetOAuthAccount(
        library_pb2.GetOAuthAccountRequest(user_id=session.user["id"], provider="spotify")
    )
    assert account.subject == subject
    # Signing in with Spotify alone now reaches the same account.
    fresh, _ = await log_in(gateway, fake, subject)
    csrf = fresh.cookies["csrf_token"]
    made = await fresh.post("/api/keys", json={"name": "k"}, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201
    mine = await session.client.get("/api/keys")
    assert [k["name"] for k in mine.json()["data"]] == ["k"]


async def test_state_must_match_the_cookie(gateway: Any, fake: FakeSpotify) -> None:
    subject = fake.add_user(f"csrf-{uuid.uuid4().hex[:8]}@example.com")
    client = gateway.client()
    callback, state = await begin(client, fake, subject)
    forged = await client.get(callback.replace(f"state={state}", "state=attacker-state"))
    assert forged.status_code == 400
    assert forged.json() == {
        "error": "OAuth state mismatch: start the Spotify login again",
        "code": "BAD_REQUEST",
    }
    # A browser that never started the login (no state cookie) is refused the same way.
    stranger = await gateway.client().get(callback)
    assert stranger.status_code == 400
    assert stranger.json()["code"] == "BAD_REQUEST"
    assert "sfa_session" not in set_cookies(stranger)


async def test_denied_or_bad_code_is_400(gateway: Any, fake: FakeSpotify) -> None:
    client = gateway.client()
    await client.get("/auth/spotify")
    state = client.cookies[STATE_COOKIE]
    denied = await client.get("/auth/spotify/callback", params={"error": "access_denied", "state": state})
    assert denied.status_code == 400
    assert denied.json() == {"error": "Spotify authorization failed: access_denied", "code": "BAD_REQUEST"}
    bad_code = await client.get("/auth/spotify/callback", params={"code": "made-up", "state": state})
    assert bad_code.status_code == 400
    assert bad_code.json()["error"] == "Spotify rejected the authorization code"


async def test_existing_email_is_not_taken_over(gateway: Any, fake: FakeSpotify) -> None:
    email, _ = await gateway.register()
    subject = fake.add_user(email)
    client = gateway.client()
    callback, _ = await begin(client, fake, subject)
    response = await client.get(callback)
    assert response.status_code == 409
    assert response.json()["code"] == "CONFLICT"
