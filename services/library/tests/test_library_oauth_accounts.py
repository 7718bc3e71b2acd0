"""Linked OAuth identities (create, link, sign in again, token storage) and tracks by Spotify id."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.convert import dict_from_struct, struct_from_dict
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound, Unauthenticated, ValidationFailed

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


def token(access: str, expires_at: int = 2_000_000_000) -> dict[str, Any]:
    return {
        "access_token": access,
        "refresh_token": "r-" + access,
        "token_type": "Bearer",
        "expires_at": expires_at,
    }


async def link(stub: Stub, subject: str, email: str = "", user_id: str = "", access: str = "a1") -> pb.User:
    user: pb.User = await stub.LinkOAuthAccount(
        pb.LinkOAuthAccountRequest(
            provider="spotify",
            subject=subject,
            email=email,
            token=struct_from_dict(token(access)),
            user_id=user_id,
        )
    )
    return user


async def stored_token(stub: Stub, user_id: str) -> dict[str, Any]:
    account = await stub.GetOAuthAccount(pb.GetOAuthAccountRequest(user_id=user_id, provider="spotify"))
    return dict_from_struct(account.token)


async def test_new_identity_creates_a_passwordless_user_and_signs_in_again_as_it(stub: Stub) -> None:
    subject = f"listener{uuid.uuid4().hex[:8]}"
    email = f"{subject}@Example.com"
    user = await link(stub, subject, email=email, access="first")
    assert user.email == email.lower()
    assert user.role == "user"
    assert await stored_token(stub, user.id) == token("first")
    # No password was ever set: password login cannot reach this account.
    with pytest.raises(Unauthenticated):
        await stub.VerifyPassword(pb.VerifyPasswordRequest(email=email, password="anything long"))

    again = await link(stub, subject, email=email, access="second")
    assert again.id == user.id
    assert await stored_token(stub, user.id) == token("second")
    account = await stub.GetOAuthAccount(pb.GetOAuthAccountRequest(user_id=user.id, provider="spotify"))
    assert (account.subject, account.provider, account.user_id) == (subject, "spotify", user.id)


async def test_identity_links_to_the_signed_in_user_replacing_their_previous_one(
    stub: Stub, make_user: UserFactory
) -> None:
    owner = await make_user()
    first, second = f"s{uuid.uuid4().hex[:10]}", f"s{uuid.uuid4().hex[:10]}"
    assert (await link(stub, first, user_id=owner.id, access="one")).id == owner.id
    assert (await link(stub, second, user_id=owner.id, access="two")).id == owner.id
    account = await stub.GetOAuthAccount(pb.GetOAuthAccountRequest(user_id=owner.id, provider="spotify"))
    assert account.subject == second
    # The replaced identity is free again: signing in with it now makes a new user.
    assert (await link(stub, first)).id != owner.id


async def test_identity_of_another_user_cannot_be_linked(stub: Stub, make_user: UserFactory) -> None:
    subject = f"s{uuid.uuid4().hex[:10]}"
    holder = await link(stub, subject)
    other = await make_user()
    with pytest.raises(Conflict, match="linked to another user"):
        await link(stub, subject, user_id=other.id, access="stolen")
    assert await stored_token(stub, holder.id) == token("a1")
    with pytest.raises(NotFound):
        await stub.GetOAuthAccount(pb.GetOAuthAccountRequest(user_id=other.id, provider="spotify"))


async def test_email_of_an_existing_account_is_not_taken_over(stub: Stub, make_user: UserFactory) -> None:
    existing = await make_user()
    subject = f"s{uuid.uuid4().hex[:10]}"
    with pytest.raises(Conflict, match="log in and connect"):
        await link(stub, subject, email=existing.email.upper())
    with pytest.raises(NotFound):
        await stub.GetOAuthAccount(pb.GetOAuthAccountRequest(user_id=existing.id, provider="spotify"))
    # Linking from the signed-in account is the way in.
    assert (await link(stub, subject, user_id=existing.id)).id == existing.id


async def test_identity_without_a_usable_email_gets_a_placeholder(stub: Stub) -> None:
    subject = f"NoMail{uuid.uuid4().hex[:6]}"
    user = await link(stub, subject, email="not an email")
    assert user.email == f"spotify-{subject.lower()}@users.invalid"


@pytest.mark.parametrize(
    ("provider", "subject", "field"),
    [("github", "someone", "provider"), ("spotify", "", "subject"), ("spotify", "a b", "subject")],
)
async def test_link_rejects_unknown_provider_or_subject(
    stub: Stub, provider: str, subject: str, field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await stub.LinkOAuthAccount(pb.LinkOAuthAccountRequest(provider=provider, subject=subject))
    assert list(caught.value.details) == [field]


async def test_link_to_unknown_user_is_not_found(stub: Stub) -> None:
    with pytest.raises(NotFound):
        await link(stub, f"s{uuid.uuid4().hex[:10]}", user_id=str(uuid.uuid4()))


async def add_track(stub: Stub, owner_id: str, spotify_id: str) -> str:
    digest = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    response = await stub.CreateTrack(
        pb.CreateTrackRequest(
            track=pb.Track(owner_id=owner_id, spotify_id=spotify_id, sha256=digest, source="spotify")
        )
    )
    return str(response.track.id)


async def test_find_spotify_tracks_is_owner_scoped_and_prefers_the_newest(
    stub: Stub, make_user: UserFactory
) -> None:
    owner, other = await make_user(), await make_user()
    older = await add_track(stub, owner.id, "4uLU6hMCjMI75M1A2tKUQC")
    newer = await add_track(stub, owner.id, "4uLU6hMCjMI75M1A2tKUQC")
    single = await add_track(stub, owner.id, "0VjIjW4GlUZAMYd2vXMi3b")
    await add_track(stub, other.id, "7qiZfU4dY1lWllzX7mPBI3")
    await add_track(stub, owner.id, "")
    found = await stub.FindSpotifyTracks(
        pb.FindSpotifyTracksRequest(
            owner_id=owner.id,
            spotify_ids=["4uLU6hMCjMI75M1A2tKUQC", "0VjIjW4GlUZAMYd2vXMi3b", "7qiZfU4dY1lWllzX7mPBI3", ""],
        )
    )
    assert dict(found.track_ids) == {"4uLU6hMCjMI75M1A2tKUQC": newer, "0VjIjW4GlUZAMYd2vXMi3b": single}
    assert older != newer
    empty = await stub.FindSpotifyTracks(pb.FindSpotifyTracksRequest(owner_id=owner.id))
    assert dict(empty.track_ids) == {}


async def test_find_spotify_tracks_checks_its_input(stub: Stub, make_user: UserFactory) -> None:
    with pytest.raises(InvalidArgument):
        await stub.FindSpotifyTracks(pb.FindSpotifyTracksRequest(spotify_ids=["x"]))
    owner = await make_user()
    with pytest.raises(ValidationFailed):
        await stub.FindSpotifyTracks(
            pb.FindSpotifyTracksRequest(owner_id=owner.id, spotify_ids=[f"id{n}" for n in range(1001)])
        )
