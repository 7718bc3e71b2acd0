"""Browser account routes: register, log in (session + CSRF cookies), log out."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from soundforge.gateway.auth import check_csrf, clear_session_cookies, set_session_cookies
from soundforge.gateway.context import Context
from soundforge.gateway.credentials import CREDENTIALS_OPENAPI, read_credentials
from soundforge.gateway.openapi_errors import error_responses
from soundforge.gateway.response_models import LoggedInData, UserData
from soundforge.gateway.serializers import user_json
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import datetime_from_timestamp

router = APIRouter(prefix="/users", tags=["users"])

_FORM_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Sound Forge Alchemy</title></head>
<body><h1>{title}</h1>
<form method="post" action="{action}">
<label>Email <input type="email" name="user[email]" required autocomplete="username"></label>
<label>Password <input type="password" name="user[password]" required autocomplete="{autocomplete}"></label>
<button type="submit">{title}</button>
</form></body></html>
"""


@router.get("/register", response_class=HTMLResponse, include_in_schema=False)
async def register_form() -> HTMLResponse:
    return HTMLResponse(
        _FORM_PAGE.format(title="Register", action="/users/register", autocomplete="new-password")
    )


@router.post(
    "/register",
    status_code=201,
    response_model=UserData,
    responses=error_responses(400, 409, 415, 422, 429, 503),
    openapi_extra=CREDENTIALS_OPENAPI,
)
async def register(request: Request, context: Context) -> dict[str, Any]:
    """Limited per client address (`GATEWAY_RATE_LIMIT_REGISTER` a window): 429 with Retry-After."""
    await context.sign_in_throttle.register_from(request)
    credentials = await read_credentials(request)
    user = await context.clients.library.CreateUser(
        library_pb2.CreateUserRequest(email=credentials.email, password=credentials.password)
    )
    return {"data": user_json(user)}


@router.get("/log-in", response_class=HTMLResponse, include_in_schema=False)
async def log_in_form() -> HTMLResponse:
    return HTMLResponse(
        _FORM_PAGE.format(title="Log in", action="/users/log-in", autocomplete="current-password")
    )


@router.post(
    "/log-in",
    response_model=LoggedInData,
    responses=error_responses(400, 401, 415, 422, 429, 503),
    openapi_extra=CREDENTIALS_OPENAPI,
)
# The overview document spells it log_in; both reach the same handler.
@router.post("/log_in", include_in_schema=False)
async def log_in(request: Request, response: Response, context: Context) -> dict[str, Any]:
    """No CSRF check here: the caller has no session (and so no CSRF cookie) yet.

    Attempts are limited per client address, per (address, email) and per email across addresses
    (`GATEWAY_RATE_LIMIT_LOG_IN`, `GATEWAY_RATE_LIMIT_LOG_IN_ADDRESS_EMAIL`,
    `GATEWAY_RATE_LIMIT_LOG_IN_EMAIL` a window): 429 with Retry-After, before any password is hashed.
    """
    throttle = context.sign_in_throttle
    await throttle.log_in_from(request)
    credentials = await read_credentials(request)
    await throttle.log_in_as(request, credentials.email)
    library = context.clients.library
    user = await library.VerifyPassword(
        library_pb2.VerifyPasswordRequest(email=credentials.email, password=credentials.password)
    )
    session = await library.CreateSession(library_pb2.CreateSessionRequest(user_id=user.id))
    csrf_token = secrets.token_urlsafe(32)
    set_session_cookies(
        response, context.settings, session.token, csrf_token, datetime_from_timestamp(session.expires_at)
    )
    return {"data": {"user": user_json(user), "csrf_token": csrf_token}}


@router.delete("/log-out", status_code=204, responses=error_responses(403, 503))
async def log_out(request: Request, context: Context) -> Response:
    """Idempotent: without a session cookie there is nothing to end, and the cookies are cleared anyway."""
    token = request.cookies.get(context.settings.session_cookie)
    if token:
        check_csrf(request, context.settings)
        await context.clients.library.DeleteSession(library_pb2.DeleteSessionRequest(token=token))
    response = Response(status_code=204)
    clear_session_cookies(response, context.settings)
    return response
