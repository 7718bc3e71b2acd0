"""Admin-only accounts: list every user with their role and status, change a role, a status or a plan."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field, model_validator

from soundforge.gateway.admin_responses import (
    AdminUserData,
    AdminUserPage,
    RoleName,
    UserStatus,
    admin_user_json,
)
from soundforge.gateway.auth import AdminUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.pagination import PageQuery
from soundforge.gateway.response_models import UserData
from soundforge.gateway.serializers import page_meta_json, user_json
from soundforge.library.v1 import library_pb2
from soundforge.runtime.plans import Plan

router = APIRouter(prefix="/admin/users", tags=["admin"])

UserId = Annotated[Text, Path(min_length=1, max_length=64)]


class PlanChange(BaseModel):
    plan: Plan = Field(description="free < standard < premium; an admin's role outranks every plan")


class AccountChange(BaseModel):
    """What PATCH changes: the role, the status, or both; at least one."""

    model_config = ConfigDict(extra="forbid")

    role: RoleName | None = Field(default=None, description="admin may use /api/admin; user may not")
    status: UserStatus | None = Field(
        default=None, description="disabled: the user's sessions and API keys stop authenticating (401)"
    )

    @model_validator(mode="after")
    def _something_to_change(self) -> AccountChange:
        if self.role is None and self.status is None:
            raise ValueError("give role, status or both")
        return self


@router.get("", response_model=AdminUserPage, responses=error_responses(403, 422))
async def list_users(admin: AdminUser, context: Context, page: PageQuery) -> dict[str, Any]:
    """Every user, oldest account first, with role, plan and status (admins only: anyone else gets 403)."""
    listed = await context.clients.library.ListUsers(library_pb2.ListUsersRequest(page=page))
    return {"data": [admin_user_json(user) for user in listed.users], "meta": page_meta_json(listed.meta)}


@router.patch(
    "/{user_id}",
    response_model=AdminUserData,
    # 409: the change would leave no active admin (an admin demoting or disabling the last one,
    # themselves included).
    responses=error_responses(400, *CSRF_ERRORS, 404, 409, 422),
)
async def update_user(
    user_id: UserId, body: AccountChange, admin: AdminUser, context: Context
) -> dict[str, Any]:
    """Sets a user's role and/or status (admins only); an unknown user is 404.

    Disabling ends the user's access at once: their sessions and API keys answer 401 from the next
    request on, and enabling them again restores both.
    """
    request = library_pb2.UpdateUserRequest(user_id=user_id)
    if body.role is not None:
        request.role = body.role
    if body.status is not None:
        request.disabled = body.status == "disabled"
    user = await context.clients.library.UpdateUser(request)
    return {"data": admin_user_json(user)}


@router.put(
    "/{user_id}/plan",
    response_model=UserData,
    responses=error_responses(400, *CSRF_ERRORS, 404, 422),
)
async def set_plan(user_id: UserId, body: PlanChange, admin: AdminUser, context: Context) -> dict[str, Any]:
    """Sets the user's plan (admins only: anyone else gets 403); an unknown user is 404."""
    user = await context.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=user_id, plan=body.plan)
    )
    return {"data": user_json(user)}
