"""Agent conversations: a user's threads with the Orchestrator and their messages, owner-scoped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.conversation_models import (
    TITLE_MAX_LENGTH,
    TOOL_NAME_MAX_LENGTH,
    Conversation,
    ConversationMessage,
)
from soundforge.library.models import utcnow
from soundforge.library.pagination import PageRequest, PageResult, fetch_page
from soundforge.library.users import load_user
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound, ValidationFailed

ROLES = frozenset({"user", "assistant", "tool"})
# A turn's tool results are bounded by the gateway; this is the store's own backstop.
MAX_CONTENT_LENGTH = 100_000
MAX_MESSAGES_PER_APPEND = 64


@dataclass(frozen=True)
class NewMessage:
    role: str
    content: str
    tool_name: str = ""
    error: str = ""


@dataclass(frozen=True)
class Thread:
    """A conversation with (some of) its messages, oldest first."""

    conversation: Conversation
    messages: Sequence[ConversationMessage]


def _check(messages: Sequence[NewMessage]) -> None:
    if not messages:
        raise InvalidArgument("no messages to append")
    if len(messages) > MAX_MESSAGES_PER_APPEND:
        raise InvalidArgument(f"at most {MAX_MESSAGES_PER_APPEND} messages at once")
    problems: dict[str, list[str]] = {}
    for message in messages:
        if message.role not in ROLES:
            problems.setdefault("role", []).append(f"must be one of {', '.join(sorted(ROLES))}")
        if len(message.content) > MAX_CONTENT_LENGTH:
            problems.setdefault("content", []).append(f"must be at most {MAX_CONTENT_LENGTH} characters")
        if len(message.tool_name) > TOOL_NAME_MAX_LENGTH:
            problems.setdefault("tool_name", []).append(f"must be at most {TOOL_NAME_MAX_LENGTH} characters")
    if problems:
        raise ValidationFailed(problems)


class Conversations:
    """Every method opens (and closes) its own DB session; another owner's thread is NotFound."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def create(self, owner_id: str, title: str) -> Conversation:
        async with self._sessions() as session:
            await load_user(session, owner_id)
            conversation = Conversation(owner_id=owner_id, title=title.strip()[:TITLE_MAX_LENGTH])
            session.add(conversation)
            await session.commit()
            return conversation

    async def get(self, owner_id: str, conversation_id: str, last_messages: int = 0) -> Thread:
        """The thread with all its messages, or with only the last `last_messages` when > 0."""
        async with self._sessions() as session:
            conversation = await _owned(session, owner_id, conversation_id)
            query = select(ConversationMessage).where(ConversationMessage.conversation_id == conversation.id)
            if last_messages > 0:
                first = max(0, conversation.message_count - last_messages)
                query = query.where(ConversationMessage.position >= first)
            rows = (await session.scalars(query.order_by(ConversationMessage.position))).all()
            return Thread(conversation, rows)

    async def list_page(self, owner_id: str, page: PageRequest) -> PageResult[Conversation]:
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        query = (
            select(Conversation)
            .where(Conversation.owner_id == owner_id)
            .order_by(Conversation.updated_at.desc(), Conversation.id)
        )
        async with self._sessions() as session:
            return await fetch_page(session, query, page)

    async def append(self, owner_id: str, conversation_id: str, messages: Sequence[NewMessage]) -> Thread:
        """Adds the messages after the thread's last, in order; the thread's new messages come back."""
        _check(messages)
        async with self._sessions() as session:
            # FOR UPDATE (PostgreSQL) serialises two turns on one thread; SQLite serialises writers anyway.
            conversation = await _owned(session, owner_id, conversation_id, lock=True)
            now = utcnow()
            start = conversation.message_count
            rows = [
                ConversationMessage(
                    conversation_id=conversation.id,
                    position=start + offset,
                    role=message.role,
                    content=message.content,
                    tool_name=message.tool_name,
                    error=message.error,
                    created_at=now,
                )
                for offset, message in enumerate(messages)
            ]
            session.add_all(rows)
            conversation.message_count = start + len(rows)
            conversation.updated_at = now
            try:
                await session.commit()
            except IntegrityError as err:
                raise Conflict("the conversation changed at the same time; try again") from err
            return Thread(conversation, rows)


async def _owned(
    session: AsyncSession, owner_id: str, conversation_id: str, *, lock: bool = False
) -> Conversation:
    """The thread if `owner_id` owns it; NotFound otherwise. An empty owner owns nothing."""
    if not owner_id or not conversation_id:
        raise NotFound("conversation not found")
    query = select(Conversation).where(Conversation.id == conversation_id, Conversation.owner_id == owner_id)
    conversation = await session.scalar(query.with_for_update() if lock else query)
    if conversation is None:
        raise NotFound("conversation not found")
    return conversation
