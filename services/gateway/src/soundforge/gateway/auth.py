"""Who is calling: a bearer API key or the session cookie (CSRF double submit), resolved once per request."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import Depends, Request, Response
from starlette.requests import HTTPConnection

from soundforge.gateway.context import Context
from soundforge.gateway.settings import GatewaySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.errors import NotFound, PermissionDenied, SoundForgeError, Unauthenticated

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
CSRF_HEADER = "x-csrf-token"
_STATE_KEY = "sf_auth"


@dataclass(frozen=True)
class Principal:
    user: library_pb2.User
    via: Literal["bearer", "session"]


@dataclass(frozen=True)
class _Outcome:
    principal: Principal | None = None
    error: SoundForgeError | None = None


class Authenticator:
    """Resolves the caller through the library; the outcome (or its error) is cached in request.state.

    The rate limiter resolves first to pick the caller's identity, so the route's dependency
    then costs no second round trip to the library.
    """

    def __init__(self, library: library_pb2_grpc.LibraryServiceStub, settings: GatewaySettings) -> None:
        self._library = library
        self._settings = settings

    async def authenticate(self, request: HTTPConnection) -> Principal | None:
        """The caller, None when anonymous; raises Unauthenticated for a credential that does not hold."""
        outcome: _Outcome | None = getattr(request.state, _STATE_KEY, None)
        if outcome is None:
            try:
                outcome = _Outcome(principal=await self._resolve(request))
            except SoundForgeError as err:
                outcome = _Outcome(error=err)
            setattr(request.state, _STATE_KEY, outcome)
        if outcome.error is not None:
            raise outcome.error
        return outcome.principal

    async def reauthenticate(self, connection: HTTPConnection) -> Principal | None:
        """The caller afresh, past the cached outcome: a long-lived connection (the user socket) asks
        again and again, and a key revoked, a session ended or an account disabled since must show."""
        setattr(connection.state, _STATE_KEY, None)
        return await self.authenticate(connection)

    async def authenticate_token(self, token: str) -> Principal:
        """An API key given other than in a header (the socket's `?token=`), held to the same rules."""
        user = await self._ask(
            self._library.AuthenticateApiKey(library_pb2.AuthenticateApiKeyRequest(token=token)),
            "invalid API token",
        )
        return _active(Principal(user=user, via="bearer"))

    async def _resolve(self, request: HTTPConnection) -> Principal | None:
        header = request.headers.get("authorization")
        if header is not None:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise Unauthenticated("invalid authorization header")
            return await self.authenticate_token(token.strip())
        cookie = request.cookies.get(self._settings.session_cookie)
        if cookie:
            user = await self._ask(
                self._library.ResolveSession(library_pb2.ResolveSessionRequest(token=cookie)),
                "session expired or invalid",
            )
            return _active(Principal(user=user, via="session"))
        return None

    @staticmethod
    async def _ask(call: Awaitable[library_pb2.User], message: str) -> library_pb2.User:
        # An unknown credential is "who are you?" (401) to the client, whatever the library calls it.
        try:
            return await call
        except (NotFound, Unauthenticated):
            raise Unauthenticated(message) from None


def _active(principal: Principal) -> Principal:
    if principal.user.disabled:
        raise Unauthenticated("account disabled")
    return principal


def check_csrf(request: Request, settings: GatewaySettings, submitted: str | None = None) -> None:
    """Double submit: a cookie-authenticated unsafe request must echo the csrf cookie in a header
    (a form posted without JavaScript, which can set no header, in its `_csrf_token` field: `submitted`)."""
    echoed = request.headers.get(CSRF_HEADER, "") if submitted is None else submitted
    cookie = request.cookies.get(settings.csrf_cookie, "")
    if not echoed or not cookie or not hmac.compare_digest(_raw(echoed), _raw(cookie)):
        raise PermissionDenied("CSRF token missing or invalid")


def _raw(text: str) -> bytes:
    # A form field may hold a lone surrogate; it matches no cookie, and must not fail to encode.
    return text.encode("utf-8", "surrogatepass")


async def optional_user(request: Request, context: Context) -> library_pb2.User | None:
    principal = await context.authenticator.authenticate(request)
    if principal is None:
        return None
    if principal.via == "session" and request.method not in SAFE_METHODS:
        check_csrf(request, context.settings)
    return principal.user


async def current_user(user: Annotated[library_pb2.User | None, Depends(optional_user)]) -> library_pb2.User:
    if user is None:
        raise Unauthenticated("authentication required")
    return user


async def admin_user(user: Annotated[library_pb2.User, Depends(current_user)]) -> library_pb2.User:
    if user.role != "admin":
        raise PermissionDenied("admin role required")
    return user


OptionalUser = Annotated[library_pb2.User | None, Depends(optional_user)]
CurrentUser = Annotated[library_pb2.User, Depends(current_user)]
AdminUser = Annotated[library_pb2.User, Depends(admin_user)]


def set_session_cookies(
    response: Response, settings: GatewaySettings, token: str, csrf_token: str, expires_at: datetime | None
) -> None:
    """The session cookie is HttpOnly; the CSRF cookie is not, so the page's script can echo it."""
    max_age = None
    if expires_at is not None:
        max_age = max(0, int((expires_at - datetime.now(UTC)).total_seconds()))
    for name, value, httponly in (
        (settings.session_cookie, token, True),
        (settings.csrf_cookie, csrf_token, False),
    ):
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/",
            secure=settings.cookie_secure,
            httponly=httponly,
            samesite="lax",
        )


def clear_session_cookies(response: Response, settings: GatewaySettings) -> None:
    for name in (settings.session_cookie, settings.csrf_cookie):
        response.delete_cookie(name, path="/", secure=settings.cookie_secure, samesite="lax")
