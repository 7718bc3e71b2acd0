"""Spotify's accounts service through authlib's OAuth2Session (blocking, so each call runs in a thread)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import requests
from authlib.integrations.requests_client import OAuth2Session, OAuthError

from soundforge.ingest.spotify_errors import SpotifyApiError
from soundforge.runtime.errors import InvalidArgument, SoundForgeError, Unauthenticated

log = logging.getLogger(__name__)

T = TypeVar("T")


def _failure(err: Exception, bad_grant: SoundForgeError) -> SoundForgeError:
    """authlib/requests failures -> our errors; `bad_grant` is what a rejected code/refresh token means."""
    if isinstance(err, OAuthError):
        log.warning("Spotify token endpoint refused", extra={"reason": err.error})
        if err.error == "invalid_grant":
            return bad_grant
        return SpotifyApiError(f"Spotify token endpoint refused the request ({err.error})")
    log.warning("Spotify accounts call failed", extra={"reason": type(err).__name__})
    return SpotifyApiError("Spotify accounts service failed")


class AuthlibSpotifyOAuth:
    """The authorization code and refresh token grants, and /v1/me, as an OAuthProvider."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        authorize_url: str,
        token_url: str,
        api_url: str,
        timeout: float,
    ) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._authorize_url = authorize_url
        self._token_url = token_url
        self._me_url = (api_url if api_url.endswith("/") else api_url + "/") + "me"
        self._timeout = timeout

    def _session(self, **kwargs: Any) -> OAuth2Session:
        return OAuth2Session(self._client_id, self._client_secret, default_timeout=self._timeout, **kwargs)

    async def _run(self, call: Callable[[], T], bad_grant: SoundForgeError) -> T:
        try:
            return await asyncio.to_thread(call)
        except (OAuthError, requests.RequestException, ValueError) as err:
            raise _failure(err, bad_grant) from None

    def authorization_url(self, state: str, redirect_uri: str, scopes: tuple[str, ...]) -> str:
        with self._session(scope=" ".join(scopes), redirect_uri=redirect_uri) as session:
            url, _ = session.create_authorization_url(self._authorize_url, state=state)
        return str(url)

    async def exchange_code(self, code: str, redirect_uri: str) -> dict[str, Any]:
        def exchange() -> dict[str, Any]:
            with self._session(redirect_uri=redirect_uri) as session:
                token = session.fetch_token(
                    self._token_url, grant_type="authorization_code", code=code, timeout=self._timeout
                )
            return dict(token)

        return await self._run(exchange, InvalidArgument("Spotify rejected the authorization code"))

    async def refresh(self, refresh_token: str) -> dict[str, Any]:
        def refresh() -> dict[str, Any]:
            with self._session() as session:
                token = session.refresh_token(
                    self._token_url, refresh_token=refresh_token, timeout=self._timeout
                )
            return dict(token)

        expired = Unauthenticated("the Spotify authorization was revoked: log in with Spotify again")
        return await self._run(refresh, expired)

    async def profile(self, access_token: str) -> dict[str, Any]:
        def me() -> dict[str, Any]:
            token = {"access_token": access_token, "token_type": "Bearer"}
            with self._session(token=token) as session:
                response = session.get(self._me_url)
            response.raise_for_status()
            body = response.json()
            if not isinstance(body, dict):
                raise ValueError("profile is not a JSON object")
            return body

        return await self._run(me, SpotifyApiError("Spotify refused the new token"))
