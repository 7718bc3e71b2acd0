"""Who a Sound Box request acts for: the authenticated caller; a `user_id` it names must be its own."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Query

from soundforge.gateway.client_text import Text
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import PermissionDenied, Unauthenticated
from soundforge.runtime.vocabulary import GENERATION_MODELS


def acting_for(caller: library_pb2.User, user_id: str | None) -> str:
    """The caller's id; an admin may name another user, anyone else naming one is refused (403)."""
    if not user_id or user_id == caller.id:
        return caller.id
    if caller.role == "admin":
        return user_id
    raise PermissionDenied("user_id must be your own")


def viewing_as(caller: library_pb2.User | None, user_id: str | None) -> str:
    """For public reads that may show the caller's own data: "" when anonymous and naming nobody."""
    if caller is None:
        if user_id:
            raise Unauthenticated("authentication required to read a user's own data")
        return ""
    return acting_for(caller, user_id)


def model_value(name: str | None) -> payloads_pb2.GenerationModel:
    return cast(payloads_pb2.GenerationModel, GENERATION_MODELS.value(name or "", "model"))


# Every id/number a client sends is bounded, so nothing out of a protobuf int32's range reaches gRPC.
INT32_MAX = 2**31 - 1
PageNumber = Annotated[int, Query(ge=1, le=INT32_MAX)]
UserIdQuery = Annotated[Text | None, Query(max_length=64)]
