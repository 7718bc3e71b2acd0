"""lalal.ai management: the caller's quota, and cancelling their running lalal.ai tasks."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import LalalaiCancelledData, LalalaiQuotaData
from soundforge.separation.v1 import separation_pb2

router = APIRouter(prefix="/lalalai", tags=["lalalai"])


class CancelBody(BaseModel):
    task_id: Text = Field(min_length=1)


@router.get(
    "/quota",
    response_model=LalalaiQuotaData,
    # 409: no license key (neither the caller's settings nor the server) or the caller's key refused;
    # 502: lalal.ai failed or refused the server's key.
    responses=error_responses(409, 502),
)
async def quota(user: CurrentUser, context: Context) -> dict[str, Any]:
    reply = await context.clients.separation.GetLalalaiQuota(
        separation_pb2.GetLalalaiQuotaRequest(owner_id=user.id)
    )
    return {
        "data": {
            "quota_minutes": reply.quota_minutes,
            "used_minutes": reply.used_minutes,
            "remaining_minutes": reply.remaining_minutes,
        }
    }


@router.post(
    "/cancel",
    response_model=LalalaiCancelledData,
    # 404: no running task of the caller's with this id (another user's reads the same).
    responses=error_responses(400, *CSRF_ERRORS, 404, 422),
)
async def cancel(body: CancelBody, user: CurrentUser, context: Context) -> dict[str, Any]:
    reply = await context.clients.separation.CancelLalalaiTask(
        separation_pb2.CancelLalalaiTaskRequest(owner_id=user.id, task_id=body.task_id)
    )
    return {"data": {"cancelled_task_ids": list(reply.cancelled_task_ids)}}


@router.post("/cancel-all", response_model=LalalaiCancelledData, responses=error_responses(*CSRF_ERRORS))
async def cancel_all(user: CurrentUser, context: Context) -> dict[str, Any]:
    reply = await context.clients.separation.CancelAllLalalaiTasks(
        separation_pb2.CancelAllLalalaiTasksRequest(owner_id=user.id)
    )
    return {"data": {"cancelled_task_ids": list(reply.cancelled_task_ids)}}
