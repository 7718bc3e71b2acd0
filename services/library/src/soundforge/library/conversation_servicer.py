"""The agent conversation RPCs of LibraryService: requests to Conversations calls, rows to messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

import grpc

from soundforge.library.conversation_models import Conversation, ConversationMessage
from soundforge.library.conversations import Conversations, NewMessage
from soundforge.library.mapping import page_meta
from soundforge.library.pagination import PageRequest
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import timestamp_from_datetime

Context: TypeAlias = grpc.aio.ServicerContext


def message_message(row: ConversationMessage) -> library_pb2.ConversationMessage:
    return library_pb2.ConversationMessage(
        id=row.id,
        role=row.role,
        content=row.content,
        tool_name=row.tool_name,
        error=row.error,
        created_at=timestamp_from_datetime(row.created_at),
    )


def conversation_message(
    conversation: Conversation, messages: Sequence[ConversationMessage] = ()
) -> library_pb2.Conversation:
    return library_pb2.Conversation(
        id=conversation.id,
        owner_id=conversation.owner_id,
        title=conversation.title,
        message_count=conversation.message_count,
        created_at=timestamp_from_datetime(conversation.created_at),
        updated_at=timestamp_from_datetime(conversation.updated_at),
        messages=[message_message(row) for row in messages],
    )


class ConversationServicer:
    """Mixed into LibraryServicer, which sets `_conversations` from its domain."""

    _conversations: Conversations

    async def CreateConversation(
        self, request: library_pb2.CreateConversationRequest, context: Context
    ) -> library_pb2.Conversation:
        return conversation_message(await self._conversations.create(request.owner_id, request.title))

    async def GetConversation(
        self, request: library_pb2.GetConversationRequest, context: Context
    ) -> library_pb2.Conversation:
        thread = await self._conversations.get(
            request.owner_id, request.conversation_id, last_messages=request.last_messages
        )
        return conversation_message(thread.conversation, thread.messages)

    async def ListConversations(
        self, request: library_pb2.ListConversationsRequest, context: Context
    ) -> library_pb2.ListConversationsResponse:
        page = PageRequest.of(request.page.page, request.page.page_size)
        result = await self._conversations.list_page(request.owner_id, page)
        return library_pb2.ListConversationsResponse(
            conversations=[conversation_message(c) for c in result.items], meta=page_meta(result)
        )

    async def AppendConversationMessages(
        self, request: library_pb2.AppendConversationMessagesRequest, context: Context
    ) -> library_pb2.Conversation:
        messages = [
            NewMessage(role=m.role, content=m.content, tool_name=m.tool_name, error=m.error)
            for m in request.messages
        ]
        thread = await self._conversations.append(request.owner_id, request.conversation_id, messages)
        return conversation_message(thread.conversation, thread.messages)
