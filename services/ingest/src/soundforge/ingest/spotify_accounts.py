"""Spotify login (authorization code flow) and the user's Spotify token, refreshed when it has expired."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from soundforge.ingest.spotify_errors import SpotifyApiError, SpotifyNotConfigured
from soundforge.runtime.errors import InvalidArgument, Unauthenticated

UserT = TypeVar("UserT")
UserT_co = TypeVar("UserT_co", covariant=True)

# What a login asks for: who the user is (id, email); private playlists for later imports.
SCOPES = ("user-read-email", "user-read-private", "playlist-read-private")
# A token this close to its expiry is refreshed now rather than failing in the middle of a call.
EXPIRY_LEEWAY_SECONDS = 60
# The parts of a token response worth keeping; expires_in goes stale the moment it is stored.
_TOKEN_FIELDS = ("access_token", "refresh_token", "token_type", "expires_at", "scope")


class OAuthProvider(Protocol):
    """Spotify's accounts service and /v1/me; failures raise SpotifyApiError (a bad code: InvalidArgument)."""

    def authorization_url(self, state: str, redirect_uri: str, scopes: tuple[str, ...]) -> str: ...

    async def exchange_code(self, code: str, redirect_uri: str) -> dict[str, Any]:
        """The token set for an authorization code, with `expires_at` (epoch seconds)."""
        ...

    async def refresh(self, refresh_token: str) -> dict[str, Any]: ...

    async def profile(self, access_token: str) -> dict[str, Any]:
        """The current user's profile (`id`, `email`, ...)."""
        ...


class LinkedAccounts(Protocol[UserT_co]):
    """Where identities and their tokens are kept (the library's oauth_accounts, server-side only)."""

    async def link(self, subject: str, email: str, token: dict[str, Any], user_id: str) -> UserT_co: ...

    async def token(self, user_id: str) -> tuple[str, dict[str, Any]]:
        """(subject, token set) of the user's linked account; NotFound when there is none."""
        ...


def stored_token(token: dict[str, Any]) -> dict[str, Any]:
    return {name: token[name] for name in _TOKEN_FIELDS if token.get(name) is not None}


class SpotifyAccounts(Generic[UserT]):
    """`provider` is None when no client credentials are configured (every call: SpotifyNotConfigured)."""

    def __init__(
        self,
        provider: OAuthProvider | None,
        accounts: LinkedAccounts[UserT],
        *,
        redirect_uri: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._provider = provider
        self._accounts = accounts
        self._redirect_uri = redirect_uri
        self._clock = clock

    def _configured(self) -> OAuthProvider:
        if self._provider is None:
            raise SpotifyNotConfigured()
        return self._provider

    def redirect_uri(self, requested: str) -> str:
        """The configured callback URL wins; otherwise the one the gateway derived from its own URL."""
        uri = self._redirect_uri or requested
        if not uri:
            raise InvalidArgument("redirect_uri is required")
        return uri

    def begin_login(self, redirect_uri: str) -> tuple[str, str]:
        """(authorize URL, state): the caller keeps the state (a cookie) to check on the callback."""
        provider = self._configured()
        state = secrets.token_urlsafe(32)
        return provider.authorization_url(state, self.redirect_uri(redirect_uri), SCOPES), state

    async def complete_login(
        self, code: str, state: str, expected_state: str, redirect_uri: str, user_id: str = ""
    ) -> UserT:
        """Exchanges the code, reads who signed in, then creates or links the user (to `user_id` if set)."""
        provider = self._configured()
        if not expected_state or not hmac.compare_digest(state.encode(), expected_state.encode()):
            raise InvalidArgument("OAuth state mismatch: start the Spotify login again")
        if not code:
            raise InvalidArgument("authorization code is missing")
        token = await provider.exchange_code(code, self.redirect_uri(redirect_uri))
        me = await provider.profile(str(token.get("access_token") or ""))
        subject = str(me.get("id") or "")
        if not subject:
            raise SpotifyApiError("Spotify did not say who signed in")
        return await self._accounts.link(subject, str(me.get("email") or ""), stored_token(token), user_id)

    async def access_token(self, user_id: str) -> str:
        """A usable access token for the user's Spotify account, refreshed (and saved) when expired."""
        provider = self._configured()
        subject, token = await self._accounts.token(user_id)
        expires_at = float(token.get("expires_at") or 0)
        if token.get("access_token") and expires_at - EXPIRY_LEEWAY_SECONDS > self._clock():
            return str(token["access_token"])
        refresh_token = str(token.get("refresh_token") or "")
        if not refresh_token:
            raise Unauthenticated("the Spotify authorization has expired: log in with Spotify again")
        fresh = stored_token(await provider.refresh(refresh_token))
        # Spotify may keep the refresh token and leave it out of the response.
        merged = {**token, **fresh, "refresh_token": fresh.get("refresh_token") or refresh_token}
        await self._accounts.link(subject, "", merged, user_id)
        return str(merged["access_token"])
