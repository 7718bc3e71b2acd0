"""Admin-only account changes: a user's plan, which with their role sets their generation queue class."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from soundforge.gateway.auth import AdminUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import UserData
from soundforge.gateway.serializers import user_json
from soundforge.library.v1 import library_pb2
from soundforge.runtime.plans import Plan

router = APIRouter(prefix="/admin/users", tags=["admin"])

UserId = Annotated[Text, Path(min_length=1, max_length=64)]


class PlanChange(BaseModel):
    plan: Plan = Field(description="free < standard < premium; an admin's role outranks every plan")


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
