"""API keys for programmatic clients: create (the token is shown once), list, revoke."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Response
from pydantic import AfterValidator, BaseModel, StringConstraints

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text, checked_text
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.response_models import ApiKeyCreatedData, ApiKeyList
from soundforge.gateway.serializers import api_key_json
from soundforge.library.v1 import library_pb2

router = APIRouter(prefix="/keys", tags=["api keys"])


class ApiKeyCreate(BaseModel):
    # Stripped before the length check, so a name of spaces is blank (422), not an empty name.
    name: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
        AfterValidator(checked_text),
    ]


@router.post(
    "",
    status_code=201,
    response_model=ApiKeyCreatedData,
    responses=error_responses(400, *CSRF_ERRORS, 422),
)
async def create_key(body: ApiKeyCreate, user: CurrentUser, context: Context) -> dict[str, Any]:
    created = await context.clients.library.CreateApiKey(
        library_pb2.CreateApiKeyRequest(user_id=user.id, name=body.name)
    )
    return {"data": {**api_key_json(created.key), "token": created.token}}


@router.get("", response_model=ApiKeyList)
async def list_keys(user: CurrentUser, context: Context) -> dict[str, Any]:
    listed = await context.clients.library.ListApiKeys(library_pb2.ListApiKeysRequest(user_id=user.id))
    return {"data": [api_key_json(key) for key in listed.keys]}


@router.delete("/{key_id}", status_code=204, responses=error_responses(*CSRF_ERRORS, 404))
async def delete_key(key_id: Text, user: CurrentUser, context: Context) -> Response:
    """Another user's key answers 404 like a missing one (the library scopes the lookup)."""
    await context.clients.library.DeleteApiKey(
        library_pb2.DeleteApiKeyRequest(user_id=user.id, key_id=key_id)
    )
    return Response(status_code=204)
