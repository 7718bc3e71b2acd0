"""/api/admin/users: admins list users and set a user's role, status and plan; everyone else is refused."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from soundforge.library.v1 import library_pb2

pytestmark = pytest.mark.asyncio(loop_scope="session")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def plan_url(user_id: str) -> str:
    return f"/api/admin/users/{user_id}/plan"


async def admin_token(gateway) -> str:
    admin, token = await gateway.bearer()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin["id"], role="admin")
    )
    return str(token)


async def stored_plan(gateway, user_id: str) -> str:
    user = await gateway.backends.clients.library.GetUser(library_pb2.GetUserRequest(user_id=user_id))
    return str(user.plan)


async def test_a_new_user_s_json_shows_the_default_plan(gateway) -> None:
    _, user = await gateway.register()
    assert user["plan"] == "standard"
    assert list(user) == ["id", "email", "role", "plan", "created_at"]


async def test_an_admin_sets_a_user_s_plan(gateway) -> None:
    token = await admin_token(gateway)
    _, user = await gateway.register()
    client = gateway.client()
    for plan in ("premium", "free", "standard"):
        response = await client.put(plan_url(user["id"]), json={"plan": plan}, headers=bearer(token))
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()["data"]
        assert data == {**user, "plan": plan}
        assert await stored_plan(gateway, user["id"]) == plan


async def test_an_admin_with_a_browser_session_echoes_the_csrf_token(gateway) -> None:
    session = await gateway.session()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=session.user["id"], role="admin")
    )
    _, user = await gateway.register()
    url = plan_url(user["id"])
    refused = await session.client.put(url, json={"plan": "premium"})
    assert refused.status_code == 403 and refused.json()["code"] == "FORBIDDEN"
    allowed = await session.client.put(url, json={"plan": "premium"}, headers={"X-CSRF-Token": session.csrf})
    assert allowed.status_code == 200 and allowed.json()["data"]["plan"] == "premium"


async def test_only_admins_set_plans(gateway) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    own = await client.put(plan_url(user["id"]), json={"plan": "premium"}, headers=bearer(token))
    assert own.status_code == 403
    assert own.json() == {"error": "admin role required", "code": "FORBIDDEN"}
    anonymous = await client.put(plan_url(user["id"]), json={"plan": "premium"})
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "UNAUTHORIZED"
    assert await stored_plan(gateway, user["id"]) == "standard"


async def test_an_unknown_user_is_404(gateway) -> None:
    token = await admin_token(gateway)
    response = await gateway.client().put(
        plan_url(str(uuid.uuid4())), json={"plan": "premium"}, headers=bearer(token)
    )
    assert response.status_code == 404
    assert response.json() == {"error": "user not found", "code": "NOT_FOUND"}


@pytest.mark.parametrize("plan", ["gold", "admin", "", "Premium", 3, None])
async def test_an_unknown_plan_is_422_naming_the_field(gateway, plan: object) -> None:
    token = await admin_token(gateway)
    _, user = await gateway.register()
    response = await gateway.client().put(plan_url(user["id"]), json={"plan": plan}, headers=bearer(token))
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR" and list(body["details"]) == ["plan"]
    assert await stored_plan(gateway, user["id"]) == "standard"


async def test_a_body_that_is_not_json_is_400(gateway) -> None:
    token = await admin_token(gateway)
    _, user = await gateway.register()
    response = await gateway.client().put(
        plan_url(user["id"]),
        content=b"{plan",
        headers={**bearer(token), "Content-Type": "application/json"},
    )
    assert response.status_code == 400 and response.json()["code"] == "BAD_REQUEST"


USERS_URL = "/api/admin/users"
LAST_ADMIN = {"error": "the last active admin cannot be demoted or disabled", "code": "CONFLICT"}


def user_url(user_id: str) -> str:
    return f"{USERS_URL}/{user_id}"


async def listed_users(gateway, token: str) -> list[dict[str, Any]]:
    """Every user, page by page through the route itself."""
    client, users, page = gateway.client(), [], 1
    while True:
        response = await client.get(USERS_URL, params={"page": page, "page_size": 100}, headers=bearer(token))
        assert response.status_code == 200, response.text
        body = response.json()
        users += body["data"]
        if page >= body["meta"]["total_pages"]:
            return users
        page += 1


async def sole_admin(gateway) -> tuple[dict[str, Any], str]:
    """A new admin, every other active admin of the module's library demoted: the last one standing."""
    token = await admin_token(gateway)
    library = gateway.backends.clients.library
    me = await library.AuthenticateApiKey(library_pb2.AuthenticateApiKeyRequest(token=token))
    for user in await listed_users(gateway, token):
        if user["id"] != me.id and user["role"] == "admin" and user["status"] == "active":
            await library.UpdateUser(library_pb2.UpdateUserRequest(user_id=user["id"], role="user"))
    return {"id": me.id}, token


async def test_an_admin_lists_every_user_with_role_and_status_paginated(gateway) -> None:
    token = await admin_token(gateway)
    _, user = await gateway.register()
    client = gateway.client()
    first = await client.get(USERS_URL, params={"page_size": 1}, headers=bearer(token))
    assert first.status_code == 200, first.text
    body = first.json()
    assert len(body["data"]) == 1
    total = body["meta"]["total_count"]
    assert body["meta"] == {"page": 1, "page_size": 1, "total_count": total, "total_pages": total}
    everyone = {u["id"]: u for u in await listed_users(gateway, token)}
    assert len(everyone) == total
    assert everyone[user["id"]] == {**user, "status": "active"}
    assert list(everyone[user["id"]]) == ["id", "email", "role", "plan", "created_at", "status"]
    bad_page = await client.get(USERS_URL, params={"page": 0}, headers=bearer(token))
    assert bad_page.status_code == 422 and list(bad_page.json()["details"]) == ["page"]


async def test_non_admins_get_403_and_anonymous_callers_401(gateway) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    forbidden = {"error": "admin role required", "code": "FORBIDDEN"}
    listing = await client.get(USERS_URL, headers=bearer(token))
    assert listing.status_code == 403 and listing.json() == forbidden
    promote = await client.patch(user_url(user["id"]), json={"role": "admin"}, headers=bearer(token))
    assert promote.status_code == 403 and promote.json() == forbidden
    anonymous = await client.get(USERS_URL)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "UNAUTHORIZED"
    stored = await gateway.backends.clients.library.GetUser(library_pb2.GetUserRequest(user_id=user["id"]))
    assert stored.role == "user"


async def test_an_admin_promotes_and_demotes_a_user(gateway) -> None:
    token = await admin_token(gateway)
    user, user_token = await gateway.bearer()
    client = gateway.client()
    promoted = await client.patch(user_url(user["id"]), json={"role": "admin"}, headers=bearer(token))
    assert promoted.status_code == 200, promoted.text
    assert promoted.json() == {"data": {**user, "role": "admin", "status": "active"}}
    # The new role holds from the user's next request on.
    assert (await client.get(USERS_URL, headers=bearer(user_token))).status_code == 200
    demoted = await client.patch(user_url(user["id"]), json={"role": "user"}, headers=bearer(token))
    assert demoted.json()["data"]["role"] == "user"
    assert (await client.get(USERS_URL, headers=bearer(user_token))).status_code == 403


async def test_disabling_a_user_stops_their_api_keys_and_sessions(gateway) -> None:
    token = await admin_token(gateway)
    user, user_token = await gateway.bearer()
    session = await gateway.session()
    client = gateway.client()
    assert (await client.get("/api/keys", headers=bearer(user_token))).status_code == 200
    assert (await session.client.get("/api/keys")).status_code == 200
    for target in (user["id"], session.user["id"]):
        response = await client.patch(user_url(target), json={"status": "disabled"}, headers=bearer(token))
        assert response.status_code == 200, response.text
        assert response.json()["data"]["status"] == "disabled"
    refused = await client.get("/api/keys", headers=bearer(user_token))
    # The library answers a disabled user's credential as it answers an unknown one.
    assert refused.status_code == 401 and refused.json() == {
        "error": "invalid API token",
        "code": "UNAUTHORIZED",
    }
    assert (await session.client.get("/api/keys")).status_code == 401
    assert (await session.client.get("/users/settings")).status_code == 401
    enabled = await client.patch(user_url(user["id"]), json={"status": "active"}, headers=bearer(token))
    assert enabled.json()["data"]["status"] == "active"
    assert (await client.get("/api/keys", headers=bearer(user_token))).status_code == 200


async def test_the_last_admin_cannot_demote_or_disable_themselves(gateway) -> None:
    me, token = await sole_admin(gateway)
    client = gateway.client()
    for change in ({"role": "user"}, {"status": "disabled"}, {"role": "user", "status": "active"}):
        response = await client.patch(user_url(me["id"]), json=change, headers=bearer(token))
        assert response.status_code == 409, (change, response.text)
        assert response.json() == LAST_ADMIN
    still = await client.get(USERS_URL, headers=bearer(token))
    assert still.status_code == 200
    # With a second admin, stepping down is allowed, and the route is closed to them afterwards.
    _, other = await gateway.register()
    await client.patch(user_url(other["id"]), json={"role": "admin"}, headers=bearer(token))
    stepped_down = await client.patch(user_url(me["id"]), json={"role": "user"}, headers=bearer(token))
    assert stepped_down.status_code == 200 and stepped_down.json()["data"]["role"] == "user"
    assert (await client.get(USERS_URL, headers=bearer(token))).status_code == 403


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body"),
        ({"role": None, "status": None}, "body"),
        ({"role": "root"}, "role"),
        ({"role": "Admin"}, "role"),
        ({"status": "banned"}, "status"),
        ({"status": True}, "status"),
        ({"role": "user", "plan": "premium"}, "plan"),
    ],
)
async def test_a_bad_change_is_422_naming_the_field(gateway, body: dict[str, Any], field: str) -> None:
    token = await admin_token(gateway)
    _, user = await gateway.register()
    response = await gateway.client().patch(user_url(user["id"]), json=body, headers=bearer(token))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_ERROR" and list(response.json()["details"]) == [field]


async def test_patching_an_unknown_user_is_404_and_a_session_needs_csrf(gateway) -> None:
    token = await admin_token(gateway)
    unknown = await gateway.client().patch(
        user_url(str(uuid.uuid4())), json={"status": "disabled"}, headers=bearer(token)
    )
    assert unknown.status_code == 404 and unknown.json() == {"error": "user not found", "code": "NOT_FOUND"}
    session = await gateway.session()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=session.user["id"], role="admin")
    )
    _, user = await gateway.register()
    refused = await session.client.patch(user_url(user["id"]), json={"role": "admin"})
    assert refused.status_code == 403 and refused.json()["code"] == "FORBIDDEN"
    allowed = await session.client.patch(
        user_url(user["id"]), json={"role": "admin"}, headers={"X-CSRF-Token": session.csrf}
    )
    assert allowed.status_code == 200 and allowed.json()["data"]["role"] == "admin"
