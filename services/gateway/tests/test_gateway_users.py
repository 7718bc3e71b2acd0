"""Register, log in and log out through the gateway against the real library service."""

from __future__ import annotations

import uuid

import httpx
import pytest

pytestmark = pytest.mark.asyncio(loop_scope="session")

PASSWORD = "correct horse battery"


def _email() -> str:
    return f"user-{uuid.uuid4().hex[:12]}@example.com"


def _set_cookies(response: httpx.Response) -> dict[str, str]:
    """Set-Cookie headers by cookie name, so attributes (HttpOnly, SameSite...) can be checked."""
    headers = response.headers.get_list("set-cookie")
    return {header.split("=", 1)[0]: header for header in headers}


async def test_register_accepts_json_nested_flat_and_form(gateway) -> None:
    client = gateway.client()
    nested = await client.post("/users/register", json={"user": {"email": _email(), "password": PASSWORD}})
    flat_email = _email()
    flat = await client.post("/users/register", json={"email": flat_email, "password": PASSWORD})
    form = await client.post("/users/register", data={"user[email]": _email(), "user[password]": PASSWORD})
    assert [r.status_code for r in (nested, flat, form)] == [201, 201, 201]
    data = flat.json()["data"]
    assert data["email"] == flat_email
    assert data["role"] == "user"
    assert data["id"] and data["created_at"].endswith("Z")
    assert "password" not in data and "password_hash" not in data


async def test_register_duplicate_is_409(gateway) -> None:
    client = gateway.client()
    email, _ = await gateway.register(client)
    again = await client.post("/users/register", json={"email": email, "password": PASSWORD})
    assert again.status_code == 409
    assert again.json()["code"] == "ALREADY_EXISTS"


async def test_register_validation_is_422_with_details(gateway) -> None:
    client = gateway.client()
    bad = await client.post("/users/register", json={"email": "not-an-email", "password": "short"})
    assert bad.status_code == 422
    body = bad.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert body["error"] == "validation failed"
    assert set(body["details"]) == {"email", "password"}
    blank = await client.post("/users/register", data={"user[email]": " "})
    assert blank.status_code == 422
    assert blank.json()["details"] == {"email": ["can't be blank"], "password": ["can't be blank"]}


async def test_register_malformed_json_is_400(gateway) -> None:
    response = await gateway.client().post(
        "/users/register", content=b'{"email": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {"error": "malformed JSON", "code": "BAD_REQUEST"}


async def test_forms_are_html(gateway) -> None:
    client = gateway.client()
    for path in ("/users/register", "/users/log-in"):
        response = await client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert 'name="user[email]"' in response.text and f'action="{path}"' in response.text


async def test_log_in_with_form_sets_session_and_csrf_cookies(gateway) -> None:
    client = gateway.client()
    email, user = await gateway.register(client)
    response = await client.post("/users/log-in", data={"user[email]": email, "user[password]": PASSWORD})
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["user"]["id"] == user["id"]
    cookies = _set_cookies(response)
    session, csrf = cookies["sfa_session"], cookies["csrf_token"]
    assert "httponly" in session.lower() and "samesite=lax" in session.lower()
    assert "secure" not in session.lower()
    assert "httponly" not in csrf.lower()
    assert client.cookies["csrf_token"] == data["csrf_token"]
    me = await client.get("/api/keys")
    assert me.status_code == 200


async def test_log_in_with_json_and_the_seed_spelling(gateway) -> None:
    client = gateway.client()
    email, _ = await gateway.register(client)
    response = await client.post("/users/log_in", json={"user": {"email": email, "password": PASSWORD}})
    assert response.status_code == 200
    assert response.json()["data"]["csrf_token"]


async def test_log_in_with_wrong_password_is_401_and_sets_no_cookie(gateway) -> None:
    client = gateway.client()
    email, _ = await gateway.register(client)
    response = await client.post("/users/log-in", json={"email": email, "password": "wrong password!"})
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHORIZED"
    assert "set-cookie" not in response.headers
    unknown = await client.post("/users/log-in", json={"email": _email(), "password": PASSWORD})
    assert unknown.status_code == 401
    assert unknown.json()["error"] == response.json()["error"]


async def test_secure_cookies_when_configured(gateway) -> None:
    client = gateway.client(cookie_secure=True)
    email, _ = await gateway.register(client)
    response = await client.post("/users/log-in", json={"email": email, "password": PASSWORD})
    cookies = _set_cookies(response)
    assert "secure" in cookies["sfa_session"].lower() and "secure" in cookies["csrf_token"].lower()


async def test_log_out_needs_csrf_then_ends_the_session(gateway) -> None:
    session = await gateway.session()
    client = session.client
    token = client.cookies["sfa_session"]
    refused = await client.delete("/users/log-out")
    assert refused.status_code == 403
    assert refused.json() == {"error": "CSRF token missing or invalid", "code": "FORBIDDEN"}
    assert (await client.get("/api/keys")).status_code == 200

    response = await client.delete("/users/log-out", headers={"X-CSRF-Token": session.csrf})
    assert response.status_code == 204
    assert "sfa_session" not in client.cookies and "csrf_token" not in client.cookies
    # The old token is dead server-side, not just forgotten by this client.
    replay = gateway.client()
    replay.cookies.set("sfa_session", token)
    after = await replay.get("/api/keys")
    assert after.status_code == 401
    assert after.json()["code"] == "UNAUTHORIZED"


async def test_log_out_without_a_session_is_204(gateway) -> None:
    response = await gateway.client().delete("/users/log-out")
    assert response.status_code == 204
