"""PUT /api/admin/users/{id}/plan: admins set a user's plan; everyone else is refused."""

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
