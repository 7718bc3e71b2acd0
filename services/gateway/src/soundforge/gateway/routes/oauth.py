"""Spotify login: redirect to Spotify with a state cookie, then the callback signs the user in."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from soundforge.gateway.auth import set_session_cookies
from soundforge.gateway.context import Context
from soundforge.gateway.openapi_errors import error_responses
from soundforge.ingest.v1 import ingest_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import datetime_from_timestamp
from soundforge.runtime.errors import InvalidArgument, Unauthenticated

router = APIRouter(prefix="/auth/spotify", tags=["auth"])

STATE_COOKIE = "sfa_spotify_state"
# Long enough to log in at Spotify, short enough that a stray state is soon useless.
STATE_MAX_AGE_SECONDS = 600


def _redirect(description: str) -> dict[str, Any]:
    return {"description": description, "headers": {"Location": {"schema": {"type": "string"}}}}


def _callback_url(request: Request) -> str:
    """Our callback as the browser reaches us; ingest's INGEST_SPOTIFY_REDIRECT_URI overrides it."""
    return str(request.url_for("spotify_callback"))


async def _signed_in_user_id(request: Request, context: Context) -> str:
    """The browser session's user, to link the Spotify account to; "" for none or a stale cookie."""
    try:
        principal = await context.authenticator.authenticate(request)
    except Unauthenticated:
        return ""
    return principal.user.id if principal is not None and principal.via == "session" else ""


@router.get(
    "",
    response_class=RedirectResponse,
    status_code=302,
    responses={302: _redirect("To Spotify's authorization page."), **error_responses(502, 503)},
)
async def begin_login(request: Request, context: Context) -> RedirectResponse:
    begun = await context.clients.ingest.BeginSpotifyLogin(
        ingest_pb2.BeginSpotifyLoginRequest(redirect_uri=_callback_url(request))
    )
    response = RedirectResponse(begun.authorize_url, status_code=302)
    response.set_cookie(
        STATE_COOKIE,
        begun.state,
        max_age=STATE_MAX_AGE_SECONDS,
        path="/auth/spotify",
        secure=context.settings.cookie_secure,
        httponly=True,
        samesite="lax",  # sent on Spotify's top-level redirect back to us, not on cross-site posts
    )
    return response


@router.get(
    "/callback",
    name="spotify_callback",
    response_class=RedirectResponse,
    status_code=302,
    responses={302: _redirect("Signed in: to `/`."), **error_responses(400, 409, 502, 503)},
)
async def callback(
    request: Request, context: Context, code: str = "", state: str = "", error: str = ""
) -> RedirectResponse:
    """Checks the state against the cookie (in ingest), signs in as the linked or new user, then "/"."""
    expected = request.cookies.get(STATE_COOKIE, "")
    if error:
        # The user declined at Spotify (or Spotify refused); nothing is exchanged or linked.
        raise InvalidArgument(f"Spotify authorization failed: {error[:100]}")
    user = await context.clients.ingest.CompleteSpotifyLogin(
        ingest_pb2.CompleteSpotifyLoginRequest(
            code=code,
            state=state,
            expected_state=expected,
            redirect_uri=_callback_url(request),
            user_id=await _signed_in_user_id(request, context),
        )
    )
    session = await context.clients.library.CreateSession(library_pb2.CreateSessionRequest(user_id=user.id))
    response = RedirectResponse("/", status_code=302)
    set_session_cookies(
        response,
        context.settings,
        session.token,
        secrets.token_urlsafe(32),
        datetime_from_timestamp(session.expires_at),
    )
    response.delete_cookie(
        STATE_COOKIE,
        path="/auth/spotify",
        secure=context.settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )
    return response
