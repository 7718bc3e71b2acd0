"""Users' plans: the migration (existing users get the default), the default setting, admin updates."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Boolean, Column, MetaData, String, Table, insert, inspect

from soundforge.db import make_engine, make_sessionmaker, migrate, upgrade_to_head
from soundforge.db.types import JSONType, UTCDateTime
from soundforge.library.app import MIGRATIONS
from soundforge.library.settings import LibrarySettings
from soundforge.library.users import Passwords, Users
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import NotFound, ValidationFailed

# Not a module-wide pytestmark: the settings test below is synchronous.
in_module_loop = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]
BEFORE_PLANS = "0005"
THEN = datetime(2026, 1, 1, tzinfo=UTC)
# The users table as revision 0005 left it.
USERS_BEFORE_PLANS = Table(
    "users",
    MetaData(),
    Column("id", String),
    Column("email", String),
    Column("role", String),
    Column("disabled", Boolean),
    Column("settings", JSONType),
    Column("created_at", UTCDateTime),
    Column("updated_at", UTCDateTime),
)


async def user_columns(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda c: {col["name"] for col in inspect(c).get_columns("users")}
            )
    finally:
        await engine.dispose()


@in_module_loop
async def test_users_from_before_the_migration_have_the_default_plan(unmigrated_url: str) -> None:
    await migrate(unmigrated_url, MIGRATIONS, BEFORE_PLANS)
    engine = make_engine(unmigrated_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(USERS_BEFORE_PLANS).values(
                    id="old-user",
                    email="old@example.com",
                    role="user",
                    disabled=False,
                    settings={},
                    created_at=THEN,
                    updated_at=THEN,
                )
            )
    finally:
        await engine.dispose()
    await upgrade_to_head(unmigrated_url, MIGRATIONS)

    engine = make_engine(unmigrated_url)
    try:
        sessions = make_sessionmaker(engine)
        for default in ("premium", "free"):
            users = Users(sessions, Passwords(), default)
            assert users.plan_of(await users.get("old-user")) == default
        placed = await Users(sessions, Passwords(), "free").update("old-user", plan="standard")
        assert placed.plan == "standard"
        users = Users(sessions, Passwords(), "premium")
        assert users.plan_of(await users.get("old-user")) == "standard"
    finally:
        await engine.dispose()

    await migrate(unmigrated_url, MIGRATIONS, BEFORE_PLANS, down=True)
    assert "plan" not in await user_columns(unmigrated_url)
    await upgrade_to_head(unmigrated_url, MIGRATIONS)
    assert "plan" in await user_columns(unmigrated_url)


@in_module_loop
async def test_a_new_user_has_the_default_plan(stub: Stub, make_user: UserFactory) -> None:
    user = await make_user()
    assert user.plan == "standard"
    assert (await stub.GetUser(pb.GetUserRequest(user_id=user.id))).plan == "standard"


@in_module_loop
async def test_an_admin_sets_a_plan_and_other_updates_keep_it(stub: Stub, make_user: UserFactory) -> None:
    user = await make_user()
    updated = await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, plan="premium"))
    assert updated.plan == "premium" and updated.role == "user"
    assert (await stub.GetUser(pb.GetUserRequest(user_id=user.id))).plan == "premium"
    promoted = await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, role="admin"))
    assert promoted.plan == "premium" and promoted.role == "admin"
    listed = await stub.ListUsers(pb.ListUsersRequest(page=pb.Page(page=1, page_size=100)))
    assert {u.id: u.plan for u in listed.users}[user.id] == "premium"
    demoted = await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, plan="free"))
    assert demoted.plan == "free"


@pytest.mark.parametrize("plan", ["admin", "gold", "", "Premium"])
@in_module_loop
async def test_an_unknown_plan_is_refused_naming_it(stub: Stub, make_user: UserFactory, plan: str) -> None:
    user = await make_user()
    with pytest.raises(ValidationFailed) as caught:
        await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, plan=plan))
    assert list(caught.value.details) == ["plan"]
    assert repr(plan) in caught.value.details["plan"][0]
    assert (await stub.GetUser(pb.GetUserRequest(user_id=user.id))).plan == "standard"


@in_module_loop
async def test_the_plan_of_an_unknown_user_is_not_found(stub: Stub) -> None:
    with pytest.raises(NotFound):
        await stub.UpdateUser(pb.UpdateUserRequest(user_id=str(uuid.uuid4()), plan="premium"))


def test_the_default_plan_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert LibrarySettings().default_plan == "standard"
    monkeypatch.setenv("LIBRARY_DEFAULT_PLAN", "free")
    assert LibrarySettings().default_plan == "free"
    monkeypatch.setenv("LIBRARY_DEFAULT_PLAN", "admin")
    with pytest.raises(ValueError, match="default_plan"):
        LibrarySettings()
