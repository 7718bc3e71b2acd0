"""Spotify login and token refresh: authlib against the fake Spotify, accounts in the real library."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import pytest_asyncio

from soundforge.ingest.library_adapters import LibrarySpotify
from soundforge.ingest.spotify_accounts import SpotifyAccounts
from soundforge.ingest.spotify_errors import SpotifyApiError, SpotifyNotConfigured
from soundforge.ingest.spotify_login import AuthlibSpotifyOAuth
from soundforge.library.app import start as start_library
from soundforge.library.client import LibraryClient
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import dict_from_struct
from soundforge.runtime.errors import Conflict, InvalidArgument, Unauthenticated
from soundforge.runtime.grpc_client import open_channel
from soundforge.testing.fake_spotify import FakeSpotify, fake_spotify

pytestmark = pytest.mark.asyncio(loop_scope="module")

CALLBACK = "http://127.0.0.1:4000/auth/spotify/callback"


@dataclass
class Login:
    fake: FakeSpotify
    provider: AuthlibSpotifyOAuth
    accounts: SpotifyAccounts[library_pb2.User]
    store: LibrarySpotify
    library: library_pb2_grpc.LibraryServiceStub

    async def authorize(self, spotify_user: str) -> tuple[str, str]:
        """A login that `spotify_user` approves at the fake: (code, state) as the callback gets them."""
        url, state = self.accounts.begin_login(CALLBACK)
        self.fake.authorizing_user = spotify_user
        async with httpx.AsyncClient() as client:
            response = await client.get(url)
        assert response.status_code == 302
        location = urlsplit(response.headers["location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == CALLBACK
        params = parse_qs(location.query)
        assert params["state"] == [state]
        return params["code"][0], state

    async def stored(self, user_id: str) -> dict[str, object]:
        account = await self.library.GetOAuthAccount(
            library_pb2.GetOAuthAccountRequest(user_id=user_id, provider="spotify")
        )
        return dict_from_struct(account.token)


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSpotify]:
    with fake_spotify() as server:
        yield server


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def login(
    fake: FakeSpotify, nats_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Login]:
    root = tmp_path_factory.mktemp("spotify-login")
    library = await start_library(
        LibrarySettings(
            database_url=f"sqlite+aiosqlite:///{root / 'db.sqlite'}",
            nats_url=nats_url,
            blob_url=f"file://{root / 'blobs'}",
            grpc_port=0,
        )
    )
    channel = open_channel(library.address)
    provider = AuthlibSpotifyOAuth(
        fake.client_id,
        fake.client_secret,
        authorize_url=fake.authorize_url,
        token_url=fake.token_url,
        api_url=fake.api_url,
        timeout=5.0,
    )
    store = LibrarySpotify(LibraryClient(channel))
    accounts = SpotifyAccounts(provider, store)
    yield Login(fake, provider, accounts, store, library_pb2_grpc.LibraryServiceStub(channel))
    await channel.close()
    await library.stop(grace=0)


async def test_authorize_url_carries_client_callback_scopes_and_a_fresh_state(login: Login) -> None:
    url, state = login.accounts.begin_login(CALLBACK)
    _, again = login.accounts.begin_login(CALLBACK)
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(login.fake.authorize_url + "?")
    assert query["client_id"] == [login.fake.client_id]
    assert query["redirect_uri"] == [CALLBACK]
    assert query["response_type"] == ["code"]
    assert query["state"] == [state]
    assert "user-read-email" in query["scope"][0].split()
    assert len(state) >= 32
    assert state != again


async def test_login_creates_the_user_and_keeps_the_token_server_side(login: Login) -> None:
    email = f"fan-{uuid.uuid4().hex[:8]}@example.com"
    subject = login.fake.add_user(email)
    code, state = await login.authorize(subject)
    user = await login.accounts.complete_login(code, state, state, CALLBACK)
    assert user.email == email
    token = await login.stored(user.id)
    assert set(token) == {"access_token", "refresh_token", "token_type", "expires_at", "scope"}
    assert (await login.provider.profile(str(token["access_token"])))["id"] == subject

    code, state = await login.authorize(subject)
    again = await login.accounts.complete_login(code, state, state, CALLBACK)
    assert again.id == user.id
    assert (await login.stored(user.id))["access_token"] != token["access_token"]


async def test_state_must_match_and_a_code_works_once(login: Login) -> None:
    subject = login.fake.add_user(f"s-{uuid.uuid4().hex[:8]}@example.com")
    code, state = await login.authorize(subject)
    for expected in ("", "another-state", state + "x"):
        with pytest.raises(InvalidArgument, match="state mismatch"):
            await login.accounts.complete_login(code, state, expected, CALLBACK)
    with pytest.raises(InvalidArgument, match="code is missing"):
        await login.accounts.complete_login("", state, state, CALLBACK)
    await login.accounts.complete_login(code, state, state, CALLBACK)
    with pytest.raises(InvalidArgument, match="rejected the authorization code"):
        await login.accounts.complete_login(code, state, state, CALLBACK)


async def test_login_links_the_signed_in_user_once(login: Login) -> None:
    owner = await login.library.CreateUser(
        library_pb2.CreateUserRequest(
            email=f"own-{uuid.uuid4().hex[:8]}@example.com", password="a long password"
        )
    )
    subject = login.fake.add_user(f"other-{uuid.uuid4().hex[:8]}@example.com")
    code, state = await login.authorize(subject)
    linked = await login.accounts.complete_login(code, state, state, CALLBACK, user_id=owner.id)
    assert linked.id == owner.id
    stranger = await login.library.CreateUser(
        library_pb2.CreateUserRequest(
            email=f"str-{uuid.uuid4().hex[:8]}@example.com", password="a long password"
        )
    )
    code, state = await login.authorize(subject)
    with pytest.raises(Conflict):
        await login.accounts.complete_login(code, state, state, CALLBACK, user_id=stranger.id)


async def test_expired_token_is_refreshed_and_saved(login: Login) -> None:
    subject = login.fake.add_user(f"r-{uuid.uuid4().hex[:8]}@example.com")
    # Within the refresh leeway from the start: good for the login, due for refresh right after.
    login.fake.token_lifetime = 30
    try:
        code, state = await login.authorize(subject)
        user = await login.accounts.complete_login(code, state, state, CALLBACK)
    finally:
        login.fake.token_lifetime = 3600
    before = await login.stored(user.id)
    login.fake.expire_tokens()
    with pytest.raises(SpotifyApiError):
        await login.provider.profile(str(before["access_token"]))

    fresh = await login.accounts.access_token(user.id)
    assert fresh != before["access_token"]
    assert (await login.provider.profile(fresh))["id"] == subject
    after = await login.stored(user.id)
    assert after["access_token"] == fresh
    assert after["refresh_token"] == before["refresh_token"]  # Spotify did not send a new one
    assert float(str(after["expires_at"])) > float(str(before["expires_at"]))

    grants = len([line for line in login.fake.requests if line.startswith("POST /api/token")])
    assert await login.accounts.access_token(user.id) == fresh  # still valid: no refresh
    assert len([line for line in login.fake.requests if line.startswith("POST /api/token")]) == grants


async def test_rotated_refresh_token_is_kept_and_a_revoked_one_means_log_in_again(login: Login) -> None:
    subject = login.fake.add_user(f"rot-{uuid.uuid4().hex[:8]}@example.com")
    login.fake.token_lifetime = 30
    try:
        code, state = await login.authorize(subject)
        user = await login.accounts.complete_login(code, state, state, CALLBACK)
        login.fake.rotate_refresh_tokens = True
        before = await login.stored(user.id)
        await login.accounts.access_token(user.id)
        rotated = await login.stored(user.id)
        assert rotated["refresh_token"] != before["refresh_token"]
        login.fake.revoke_refresh_tokens()  # the user removed the app's access at Spotify
        with pytest.raises(Unauthenticated, match="log in with Spotify again"):
            await login.accounts.access_token(user.id)
    finally:
        login.fake.token_lifetime = 3600
        login.fake.rotate_refresh_tokens = False


async def test_nothing_works_without_credentials(login: Login) -> None:
    unconfigured = SpotifyAccounts(None, login.store)
    with pytest.raises(SpotifyNotConfigured) as caught:
        unconfigured.begin_login(CALLBACK)
    assert caught.value.code == "unauthorized"
    with pytest.raises(SpotifyNotConfigured):
        await unconfigured.complete_login("code", "s", "s", CALLBACK)
    with pytest.raises(SpotifyNotConfigured):
        await unconfigured.access_token("someone")
