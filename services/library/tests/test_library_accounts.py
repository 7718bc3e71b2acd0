"""Users, passwords, sessions and API keys through the real library service."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Literal

import pytest
from argon2 import PasswordHasher, extract_parameters
from google.protobuf import struct_pb2
from sqlalchemy import update

from soundforge.db import make_engine, make_sessionmaker
from soundforge.library.credentials import token_hash
from soundforge.library.models import ApiKey, LoginSession
from soundforge.library.settings import LibrarySettings
from soundforge.library.users import Passwords, Users
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.convert import dict_from_struct
from soundforge.runtime.errors import AlreadyExists, NotFound, Unauthenticated, ValidationFailed
from soundforge.runtime.service import RunningService

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


async def test_create_user_normalises_email_and_defaults_role(stub: Stub) -> None:
    local = f"Alice-{uuid.uuid4().hex[:8]}"
    user = await stub.CreateUser(
        pb.CreateUserRequest(email=f"  {local}@Example.COM ", password="s3cret-pass")
    )
    assert user.email == f"{local.lower()}@example.com"
    assert user.role == "user"
    assert not user.disabled
    assert uuid.UUID(user.id)
    assert abs(user.created_at.ToDatetime(tzinfo=UTC) - datetime.now(UTC)) < timedelta(minutes=1)
    fetched = await stub.GetUser(pb.GetUserRequest(user_id=user.id))
    assert fetched == user


@pytest.mark.parametrize(
    ("email", "password", "role", "field"),
    [
        ("not-an-email", "long enough", "", "email"),
        ("a@b", "long enough", "", "email"),
        ("ok@example.com", "short", "", "password"),
        ("ok@example.com", "long enough", "superuser", "role"),
    ],
)
async def test_create_user_rejects_invalid_input(
    stub: Stub, email: str, password: str, role: str, field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await stub.CreateUser(pb.CreateUserRequest(email=email, password=password, role=role))
    assert list(caught.value.details) == [field]


async def test_duplicate_email_is_already_exists_whatever_its_case(stub: Stub) -> None:
    email = f"dup-{uuid.uuid4().hex[:8]}@example.com"
    await stub.CreateUser(pb.CreateUserRequest(email=email, password="password-1", role="admin"))
    with pytest.raises(AlreadyExists):
        await stub.CreateUser(pb.CreateUserRequest(email=email.upper(), password="password-2"))


async def test_verify_password(stub: Stub, make_user: UserFactory) -> None:
    user = await make_user(password="the right one")
    verified = await stub.VerifyPassword(
        pb.VerifyPasswordRequest(email=user.email.upper(), password="the right one")
    )
    assert verified.id == user.id

    with pytest.raises(Unauthenticated) as wrong:
        await stub.VerifyPassword(pb.VerifyPasswordRequest(email=user.email, password="the wrong one"))
    with pytest.raises(Unauthenticated) as unknown:
        await stub.VerifyPassword(pb.VerifyPasswordRequest(email="nobody@example.com", password="whatever1"))
    # One message for both, so a login form cannot be used to find out which emails exist.
    assert wrong.value.message == unknown.value.message == "invalid email or password"

    await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, disabled=True))
    with pytest.raises(Unauthenticated):
        await stub.VerifyPassword(pb.VerifyPasswordRequest(email=user.email, password="the right one"))


class CountingHasher(PasswordHasher):
    """argon2 as the service uses it, noting each hash a password is checked against."""

    def __init__(self) -> None:
        super().__init__()
        self.checked: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.checked.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


async def test_an_unknown_email_costs_one_password_check_like_a_wrong_password(
    library: RunningService, settings: LibrarySettings
) -> None:
    """No user enumeration by timing: both answers run one argon2 check of the same cost
    (bench/bench_login_timing.py measures the two times)."""
    hasher = CountingHasher()
    engine = make_engine(settings.database_url)
    try:
        users = Users(make_sessionmaker(engine), Passwords(hasher))
        user = await users.create(f"known-{uuid.uuid4().hex}@example.com", "the right one")
        for email in (user.email, f"ghost-{uuid.uuid4().hex}@example.com"):
            with pytest.raises(Unauthenticated):
                await users.verify_password(email, "not the password")
    finally:
        await engine.dispose()
    known, unknown = hasher.checked
    assert known == user.password_hash
    assert extract_parameters(unknown) == extract_parameters(known)


async def test_get_list_and_update_users(stub: Stub, make_user: UserFactory) -> None:
    with pytest.raises(NotFound):
        await stub.GetUser(pb.GetUserRequest(user_id=str(uuid.uuid4())))

    before = (await stub.ListUsers(pb.ListUsersRequest(page=pb.Page(page=1, page_size=2)))).meta.total_count
    created = [await make_user() for _ in range(3)]
    listed = await stub.ListUsers(pb.ListUsersRequest(page=pb.Page(page=1, page_size=2)))
    assert listed.meta.total_count == before + 3
    assert listed.meta.total_pages == -(-(before + 3) // 2)
    assert listed.meta.page_size == 2
    assert len(listed.users) == 2
    every = await stub.ListUsers(pb.ListUsersRequest(page=pb.Page(page=1, page_size=100)))
    assert {u.id for u in created} <= {u.id for u in every.users}

    user = created[0]
    first = struct_pb2.Struct()
    first.update({"theme": "dark", "volume": 3})
    await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, settings=first))
    second = struct_pb2.Struct()
    second.update({"volume": 7, "theme": None})
    updated = await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, role="admin", settings=second))
    assert updated.role == "admin"
    assert dict_from_struct(updated.settings) == {"volume": 7}
    assert not updated.disabled

    with pytest.raises(ValidationFailed):
        await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, role="root"))
    with pytest.raises(NotFound):
        await stub.UpdateUser(pb.UpdateUserRequest(user_id=str(uuid.uuid4()), disabled=True))


async def test_sessions(stub: Stub, make_user: UserFactory, database_url: str) -> None:
    user = await make_user()
    created = await stub.CreateSession(pb.CreateSessionRequest(user_id=user.id))
    expires = created.expires_at.ToDatetime(tzinfo=UTC)
    assert abs(expires - (datetime.now(UTC) + timedelta(days=14))) < timedelta(minutes=1)
    assert (await stub.ResolveSession(pb.ResolveSessionRequest(token=created.token))).id == user.id

    await stub.DeleteSession(pb.DeleteSessionRequest(token=created.token))
    await stub.DeleteSession(pb.DeleteSessionRequest(token=created.token))  # idempotent
    with pytest.raises(Unauthenticated):
        await stub.ResolveSession(pb.ResolveSessionRequest(token=created.token))
    with pytest.raises(Unauthenticated):
        await stub.ResolveSession(pb.ResolveSessionRequest(token="made-up"))
    with pytest.raises(NotFound):
        await stub.CreateSession(pb.CreateSessionRequest(user_id=str(uuid.uuid4())))

    expiring = await stub.CreateSession(pb.CreateSessionRequest(user_id=user.id))
    engine = make_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                update(LoginSession)
                .where(LoginSession.token_hash == token_hash(expiring.token))
                .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
            )
    finally:
        await engine.dispose()
    with pytest.raises(Unauthenticated):
        await stub.ResolveSession(pb.ResolveSessionRequest(token=expiring.token))

    live = await stub.CreateSession(pb.CreateSessionRequest(user_id=user.id))
    await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, disabled=True))
    with pytest.raises(Unauthenticated):
        await stub.ResolveSession(pb.ResolveSessionRequest(token=live.token))


async def test_api_key_last_use_is_recorded_to_the_minute(
    stub: Stub, make_user: UserFactory, database_url: str
) -> None:
    """Authenticating writes `last_used_at` only when it is a minute old: not a commit per call."""
    owner = await make_user()
    created = await stub.CreateApiKey(pb.CreateApiKeyRequest(user_id=owner.id, name="ci"))

    async def last_used() -> datetime:
        (key,) = (await stub.ListApiKeys(pb.ListApiKeysRequest(user_id=owner.id))).keys
        return key.last_used_at.ToDatetime(tzinfo=UTC)

    async def set_last_used(when: datetime) -> None:
        engine = make_engine(database_url)
        try:
            async with engine.begin() as conn:
                await conn.execute(
                    update(ApiKey).where(ApiKey.id == created.key.id).values(last_used_at=when)
                )
        finally:
            await engine.dispose()

    await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=created.token))
    first = await last_used()
    assert abs(first - datetime.now(UTC)) < timedelta(minutes=1)
    recent = datetime.now(UTC) - timedelta(seconds=30)
    await set_last_used(recent)
    await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=created.token))
    assert await last_used() == recent  # within the minute: not written again
    stale = datetime.now(UTC) - timedelta(minutes=5)
    await set_last_used(stale)
    await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=created.token))
    assert await last_used() - stale > timedelta(minutes=4)


async def test_api_keys(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    created = await stub.CreateApiKey(pb.CreateApiKeyRequest(user_id=owner.id, name="laptop"))
    assert created.token.startswith("sfa_")
    assert len(created.token) > 40
    assert created.key.prefix == created.token[:8]
    assert created.key.name == "laptop"
    assert not created.key.HasField("last_used_at")

    authenticated = await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=created.token))
    assert authenticated.id == owner.id
    (listed,) = (await stub.ListApiKeys(pb.ListApiKeysRequest(user_id=owner.id))).keys
    assert listed.id == created.key.id
    assert listed.HasField("last_used_at")
    assert not (await stub.ListApiKeys(pb.ListApiKeysRequest(user_id=other.id))).keys

    with pytest.raises(NotFound):
        await stub.DeleteApiKey(pb.DeleteApiKeyRequest(user_id=other.id, key_id=created.key.id))
    assert (await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=created.token))).id == owner.id

    await stub.DeleteApiKey(pb.DeleteApiKeyRequest(user_id=owner.id, key_id=created.key.id))
    with pytest.raises(Unauthenticated):
        await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=created.token))
    with pytest.raises(Unauthenticated):
        await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token="sfa_" + "x" * 43))
    with pytest.raises(NotFound):
        await stub.DeleteApiKey(pb.DeleteApiKeyRequest(user_id=owner.id, key_id=created.key.id))

    disabled_key = await stub.CreateApiKey(pb.CreateApiKeyRequest(user_id=other.id, name="ci"))
    await stub.UpdateUser(pb.UpdateUserRequest(user_id=other.id, disabled=True))
    with pytest.raises(Unauthenticated):
        await stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=disabled_key.token))
