"""API keys and the two ways in: bearer tokens, and the session cookie with its CSRF double submit."""

from __future__ import annotations

import uuid

import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY

from soundforge.gateway.admin import create_user
from soundforge.gateway.auth import AdminUser

pytestmark = pytest.mark.asyncio(loop_scope="session")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_create_list_use_and_delete_a_key(gateway) -> None:
    session = await gateway.session()
    client = session.client
    created = await client.post("/api/keys", json={"name": "laptop"}, headers={"X-CSRF-Token": session.csrf})
    assert created.status_code == 201
    key = created.json()["data"]
    assert key["name"] == "laptop" and key["token"].startswith(key["prefix"])
    assert set(key) >= {"id", "token", "name", "prefix"}

    listed = await client.get("/api/keys")
    assert listed.status_code == 200
    assert [k["id"] for k in listed.json()["data"]] == [key["id"]]
    assert "token" not in listed.json()["data"][0]

    api = gateway.client()
    with_token = await api.get("/api/keys", headers=bearer(key["token"]))
    assert with_token.status_code == 200
    assert with_token.json()["data"][0]["last_used_at"] is not None

    deleted = await api.delete(f"/api/keys/{key['id']}", headers=bearer(key["token"]))
    assert deleted.status_code == 204
    revoked = await api.get("/api/keys", headers=bearer(key["token"]))
    assert revoked.status_code == 401


async def test_cookie_auth_unsafe_methods_need_the_csrf_header(gateway) -> None:
    session = await gateway.session()
    client = session.client
    missing = await client.post("/api/keys", json={"name": "x"})
    assert missing.status_code == 403
    assert missing.json() == {"error": "CSRF token missing or invalid", "code": "FORBIDDEN"}
    wrong = await client.post("/api/keys", json={"name": "x"}, headers={"X-CSRF-Token": session.csrf + "x"})
    assert wrong.status_code == 403
    assert (await client.get("/api/keys")).json()["data"] == []  # neither attempt created a key
    ok = await client.post("/api/keys", json={"name": "x"}, headers={"X-CSRF-Token": session.csrf})
    assert ok.status_code == 201


async def test_csrf_header_must_match_this_browsers_cookie(gateway) -> None:
    victim = await gateway.session()
    attacker = await gateway.session()
    response = await victim.client.post(
        "/api/keys", json={"name": "x"}, headers={"X-CSRF-Token": attacker.csrf}
    )
    assert response.status_code == 403


async def test_bearer_requests_are_exempt_from_csrf(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().post("/api/keys", json={"name": "ci"}, headers=bearer(token))
    assert response.status_code == 201


async def test_missing_wrong_and_malformed_credentials_are_401(gateway) -> None:
    client = gateway.client()
    missing = await client.get("/api/keys")
    assert missing.status_code == 401
    assert missing.json() == {"error": "authentication required", "code": "UNAUTHORIZED"}
    wrong = await client.get("/api/keys", headers=bearer("sfa_not-a-real-token"))
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "UNAUTHORIZED"
    basic = await client.get("/api/keys", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    client.cookies.set("sfa_session", "forged")
    forged = await client.get("/api/keys")
    assert forged.status_code == 401


async def test_key_validation_and_malformed_json(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    empty = await client.post("/api/keys", json={}, headers=bearer(token))
    assert empty.status_code == 422
    assert empty.json() == {
        "error": "validation failed",
        "code": "VALIDATION_ERROR",
        "details": {"name": ["can't be blank"]},
    }
    blank = await client.post("/api/keys", json={"name": "   "}, headers=bearer(token))
    assert blank.status_code == 422
    assert blank.json()["details"] == {"name": ["can't be blank"]}
    too_long = await client.post("/api/keys", json={"name": "n" * 101}, headers=bearer(token))
    assert too_long.status_code == 422 and list(too_long.json()["details"]) == ["name"]
    malformed = await client.post(
        "/api/keys", content=b"{name:", headers={**bearer(token), "Content-Type": "application/json"}
    )
    assert malformed.status_code == 400
    assert malformed.json() == {"error": "malformed JSON", "code": "BAD_REQUEST"}


async def test_another_users_key_is_404_and_survives(gateway) -> None:
    _, token_a = await gateway.bearer()
    _, token_b = await gateway.bearer()
    client = gateway.client()
    key_a = (await client.get("/api/keys", headers=bearer(token_a))).json()["data"][0]
    stolen = await client.delete(f"/api/keys/{key_a['id']}", headers=bearer(token_b))
    assert stolen.status_code == 404
    assert stolen.json()["code"] == "NOT_FOUND"
    unknown = await client.delete("/api/keys/00000000-0000-0000-0000-000000000000", headers=bearer(token_b))
    assert unknown.status_code == 404
    still = await client.get("/api/keys", headers=bearer(token_a))
    assert [k["id"] for k in still.json()["data"]] == [key_a["id"]]


async def test_one_request_resolves_the_caller_once(gateway) -> None:
    """The rate limiter and the route share the resolved caller: one AuthenticateApiKey per request."""
    _, token = await gateway.bearer()
    labels = {"method": "/soundforge.library.v1.LibraryService/AuthenticateApiKey", "code": "OK"}
    before = REGISTRY.get_sample_value("sf_grpc_server_requests_total", labels) or 0.0
    assert (await gateway.client().get("/api/keys", headers=bearer(token))).status_code == 200
    after = REGISTRY.get_sample_value("sf_grpc_server_requests_total", labels)
    assert after == before + 1


async def test_admin_user_dependency(gateway) -> None:
    app: FastAPI = gateway.app()

    @app.get("/api/admin-probe")
    async def probe(user: AdminUser) -> dict[str, str]:
        return {"role": user.role}

    settings = gateway.backends.settings
    admin = await create_user(
        settings.library_addr,
        f"admin-{uuid.uuid4().hex[:12]}@example.com",
        "correct horse battery",
        admin=True,
        api_key=True,
    )
    assert admin.api_token is not None
    _, token = await gateway.bearer()
    client = gateway.client(app)
    assert (await client.get("/api/admin-probe", headers=bearer(token))).status_code == 403
    allowed = await client.get("/api/admin-probe", headers=bearer(admin.api_token))
    assert allowed.status_code == 200 and allowed.json() == {"role": "admin"}
