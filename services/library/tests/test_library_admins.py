"""Roles and disabling through UpdateUser: a deployment always keeps one active admin."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from soundforge.library.users import LAST_ADMIN
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import Conflict, SoundForgeError, Unauthenticated

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


async def only_admin(stub: Stub, make_user: UserFactory) -> pb.User:
    """A new admin, every other active admin of the module's database demoted, so it is the last."""
    admin = await make_user(role="admin")
    listed = await stub.ListUsers(pb.ListUsersRequest(page=pb.Page(page_size=100)))
    for user in listed.users:
        if user.id != admin.id and user.role == "admin" and not user.disabled:
            await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, role="user"))
    return admin


async def test_the_last_active_admin_is_neither_demoted_nor_disabled(
    stub: Stub, make_user: UserFactory
) -> None:
    admin = await only_admin(stub, make_user)
    for change in ({"role": "user"}, {"disabled": True}, {"role": "user", "disabled": True}):
        with pytest.raises(Conflict) as refused:
            await stub.UpdateUser(pb.UpdateUserRequest(user_id=admin.id, **change))
        assert refused.value.message == LAST_ADMIN
    user = await stub.GetUser(pb.GetUserRequest(user_id=admin.id))
    assert (user.role, user.disabled) == ("admin", False)
    # Changes that keep them an active admin still apply.
    kept = await stub.UpdateUser(pb.UpdateUserRequest(user_id=admin.id, role="admin", disabled=False))
    assert (kept.role, kept.disabled) == ("admin", False)


async def test_with_a_second_admin_either_may_step_down(stub: Stub, make_user: UserFactory) -> None:
    first = await only_admin(stub, make_user)
    second = await make_user(role="admin")
    disabled = await stub.UpdateUser(pb.UpdateUserRequest(user_id=first.id, disabled=True))
    assert disabled.disabled and disabled.role == "admin"
    # A disabled admin does not count: the second is now the last active one.
    with pytest.raises(Conflict):
        await stub.UpdateUser(pb.UpdateUserRequest(user_id=second.id, role="user"))
    # Demoting a disabled admin leaves the active count as it is.
    demoted = await stub.UpdateUser(pb.UpdateUserRequest(user_id=first.id, role="user"))
    assert demoted.role == "user"


async def test_two_admins_demoting_each_other_at_once_leave_one(stub: Stub, make_user: UserFactory) -> None:
    first = await only_admin(stub, make_user)
    second = await make_user(role="admin")
    outcomes = await asyncio.gather(
        stub.UpdateUser(pb.UpdateUserRequest(user_id=first.id, role="user")),
        stub.UpdateUser(pb.UpdateUserRequest(user_id=second.id, disabled=True)),
        return_exceptions=True,
    )
    refused = [o for o in outcomes if isinstance(o, SoundForgeError)]
    assert len(refused) == 1 and isinstance(refused[0], Conflict), outcomes
    listed = await stub.ListUsers(pb.ListUsersRequest(page=pb.Page(page_size=100)))
    assert [u.id for u in listed.users if u.role == "admin" and not u.disabled] in ([first.id], [second.id])


async def test_a_disabled_user_can_no_longer_sign_in_or_use_credentials(
    stub: Stub, make_user: UserFactory
) -> None:
    user = await make_user(password="correct horse")
    session = await stub.CreateSession(pb.CreateSessionRequest(user_id=user.id))
    key = await stub.CreateApiKey(pb.CreateApiKeyRequest(user_id=user.id, name="k"))
    await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, disabled=True))
    for call in (
        stub.ResolveSession(pb.ResolveSessionRequest(token=session.token)),
        stub.AuthenticateApiKey(pb.AuthenticateApiKeyRequest(token=key.token)),
        stub.VerifyPassword(pb.VerifyPasswordRequest(email=user.email, password="correct horse")),
    ):
        with pytest.raises(SoundForgeError) as refused:
            await call
        assert isinstance(refused.value, Unauthenticated) or refused.value.code == "NOT_FOUND"
    await stub.UpdateUser(pb.UpdateUserRequest(user_id=user.id, disabled=False))
    assert (await stub.ResolveSession(pb.ResolveSessionRequest(token=session.token))).id == user.id
