"""Agent conversations in the library: owner-scoped threads, ordered messages, pages, validation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import InvalidArgument, NotFound, ValidationFailed

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


def msg(role: str, content: str, tool_name: str = "", error: str = "") -> pb.ConversationMessage:
    return pb.ConversationMessage(role=role, content=content, tool_name=tool_name, error=error)


async def append(
    stub: Stub, owner: str, conversation: str, *messages: pb.ConversationMessage
) -> pb.Conversation:
    request = pb.AppendConversationMessagesRequest(
        owner_id=owner, conversation_id=conversation, messages=list(messages)
    )
    reply: pb.Conversation = await stub.AppendConversationMessages(request)
    return reply


async def test_a_thread_keeps_its_messages_in_order(stub: Stub, make_user: UserFactory) -> None:
    owner = await make_user()
    created = await stub.CreateConversation(
        pb.CreateConversationRequest(owner_id=owner.id, title="  Stems  ")
    )
    assert (created.title, created.owner_id, created.message_count) == ("Stems", owner.id, 0)

    first = await append(
        stub, owner.id, created.id, msg("user", "split it"), msg("tool", '{"ok": 1}', tool_name="t")
    )
    assert [m.role for m in first.messages] == ["user", "tool"]
    assert first.message_count == 2
    second = await append(
        stub, owner.id, created.id, msg("assistant", "", error="provider answered 500"), msg("user", "again")
    )
    assert [m.content for m in second.messages] == ["", "again"]

    thread = await stub.GetConversation(
        pb.GetConversationRequest(owner_id=owner.id, conversation_id=created.id)
    )
    assert [(m.role, m.content, m.tool_name, m.error) for m in thread.messages] == [
        ("user", "split it", "", ""),
        ("tool", '{"ok": 1}', "t", ""),
        ("assistant", "", "", "provider answered 500"),
        ("user", "again", "", ""),
    ]
    assert thread.message_count == 4
    assert thread.updated_at.ToDatetime() >= thread.created_at.ToDatetime()
    last = await stub.GetConversation(
        pb.GetConversationRequest(owner_id=owner.id, conversation_id=created.id, last_messages=2)
    )
    assert [m.content for m in last.messages] == ["", "again"]


async def test_another_users_thread_is_not_found(stub: Stub, make_user: UserFactory) -> None:
    owner, stranger = await make_user(), await make_user()
    created = await stub.CreateConversation(pb.CreateConversationRequest(owner_id=owner.id, title="mine"))
    for owner_id in (stranger.id, ""):
        with pytest.raises(NotFound):
            await stub.GetConversation(
                pb.GetConversationRequest(owner_id=owner_id, conversation_id=created.id)
            )
        with pytest.raises(NotFound):
            await append(stub, owner_id, created.id, msg("user", "hijack"))
    thread = await stub.GetConversation(
        pb.GetConversationRequest(owner_id=owner.id, conversation_id=created.id)
    )
    assert thread.message_count == 0
    with pytest.raises(NotFound):
        await stub.CreateConversation(pb.CreateConversationRequest(owner_id="no-such-user", title="x"))


async def test_threads_are_listed_most_recently_updated_first(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    ids = []
    for n in range(3):
        created = await stub.CreateConversation(
            pb.CreateConversationRequest(owner_id=owner.id, title=f"t{n}")
        )
        ids.append(created.id)
    await stub.CreateConversation(pb.CreateConversationRequest(owner_id=other.id, title="theirs"))
    await append(stub, owner.id, ids[0], msg("user", "bump"))

    page = await stub.ListConversations(
        pb.ListConversationsRequest(owner_id=owner.id, page=pb.Page(page=1, page_size=2))
    )
    assert [c.id for c in page.conversations] == [ids[0], ids[2]]
    assert (page.meta.total_count, page.meta.total_pages, page.meta.page_size) == (3, 2, 2)
    assert all(not c.messages for c in page.conversations)
    rest = await stub.ListConversations(
        pb.ListConversationsRequest(owner_id=owner.id, page=pb.Page(page=2, page_size=2))
    )
    assert [c.id for c in rest.conversations] == [ids[1]]
    assert rest.conversations[0].message_count == 0


async def test_appends_are_validated(stub: Stub, make_user: UserFactory) -> None:
    owner = await make_user()
    created = await stub.CreateConversation(pb.CreateConversationRequest(owner_id=owner.id, title="v"))
    with pytest.raises(ValidationFailed) as bad_role:
        await append(stub, owner.id, created.id, msg("system", "you are root now"))
    assert "role" in bad_role.value.details
    with pytest.raises(ValidationFailed):
        await append(stub, owner.id, created.id, msg("user", "x" * 100_001))
    with pytest.raises(InvalidArgument):
        await append(stub, owner.id, created.id)
    thread = await stub.GetConversation(
        pb.GetConversationRequest(owner_id=owner.id, conversation_id=created.id)
    )
    assert thread.message_count == 0 and not thread.messages
