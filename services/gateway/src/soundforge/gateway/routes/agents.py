"""The AI agent Orchestrator: chat turns that may use the caller's tracks and jobs, and their threads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from soundforge.gateway.agent_orchestrator import Orchestrator
from soundforge.gateway.agent_responses import (
    ChatData,
    ConversationData,
    ConversationPage,
    chat_error_responses,
    conversation_json,
    message_json,
    thread_json,
)
from soundforge.gateway.agent_tools import PlatformTools
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.client_text import Text, checked_text
from soundforge.gateway.context import Context
from soundforge.gateway.errors import BLANK
from soundforge.gateway.llm_provider import OpenAICompatibleProvider
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.pagination import PageQuery
from soundforge.gateway.ratelimit import request_meter
from soundforge.gateway.serializers import page_meta_json
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import SoundForgeError, UpstreamError, ValidationFailed

router = APIRouter(prefix="/agents", tags=["agents"])

MAX_MESSAGE_CHARS = 8_000
MAX_ID_CHARS = 64
# The thread's tail the model sees again each turn: enough to follow a conversation, bounded cost.
HISTORY_MESSAGES = 40
TITLE_CHARS = 80

ConversationId = Annotated[Text, Path(min_length=1, max_length=MAX_ID_CHARS)]
# The length checks come before the text check, so that "" is reported as blank like any other field.
ConversationRef = Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS), AfterValidator(checked_text)]


class LLMNotConfigured(SoundForgeError):
    """No LLM provider is configured (GATEWAY_LLM_BASE_URL and GATEWAY_LLM_MODEL): 503."""

    code = "LLM_NOT_CONFIGURED"
    grpc_status = "UNAVAILABLE"


class TurnFailed(UpstreamError):
    """The provider failed mid-turn: 502, naming the thread the turn was stored on and the jobs it started,
    so that a client can find both (the route's own ChatTurnFailedError body)."""

    def __init__(self, message: str, conversation_id: str, actions: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.body_fields = {"conversation_id": conversation_id, "actions": actions}


class ChatBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: Text = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    conversation_id: ConversationRef | None = Field(
        default=None, description="continue this thread of yours; omitted: a new thread"
    )


def _title(message: str) -> str:
    first_line = message.strip().splitlines()[0].strip()
    return first_line if len(first_line) <= TITLE_CHARS else first_line[: TITLE_CHARS - 3] + "..."


def _history(messages: Iterable[library_pb2.ConversationMessage]) -> list[tuple[str, str]]:
    """What the model is shown again: the words of both sides; tool records and failed turns stay stored."""
    return [
        (m.role, m.content)
        for m in messages
        if m.role == "user" or (m.role == "assistant" and not m.error and m.content)
    ]


@router.get("/conversations", response_model=ConversationPage, responses=error_responses(422))
async def list_conversations(user: CurrentUser, context: Context, page: PageQuery) -> dict[str, Any]:
    """The caller's threads, most recently updated first."""
    listed = await context.clients.library.ListConversations(
        library_pb2.ListConversationsRequest(owner_id=user.id, page=page)
    )
    return {
        "data": [conversation_json(c) for c in listed.conversations],
        "meta": page_meta_json(listed.meta),
    }


@router.get(
    "/conversations/{conversation_id}", response_model=ConversationData, responses=error_responses(404, 422)
)
async def get_conversation(
    conversation_id: ConversationId, user: CurrentUser, context: Context
) -> dict[str, Any]:
    """One of the caller's threads with every message; another user's thread is 404."""
    thread = await context.clients.library.GetConversation(
        library_pb2.GetConversationRequest(owner_id=user.id, conversation_id=conversation_id)
    )
    return {"data": thread_json(thread)}


@router.post(
    "/chat", response_model=ChatData, responses=chat_error_responses(400, *CSRF_ERRORS, 404, 409, 422)
)
async def chat(body: ChatBody, user: CurrentUser, context: Context, request: Request) -> dict[str, Any]:
    """Sends a message to the Orchestrator, which may list the caller's tracks, read their analyses
    and start analysis or separation jobs (`actions`) before it answers.

    503 `LLM_NOT_CONFIGURED` without a provider; 502 when the provider fails, the turn then stored
    on the thread as a failed assistant message, the body naming the thread (`conversation_id`) and
    the jobs started (`actions`). Counted against the api_heavy rate limit, and so is each job a
    tool starts: past the limit the tool answers the model `RATE_LIMITED` and starts nothing.
    """
    if not body.message.strip():
        raise ValidationFailed({"message": [BLANK]})
    settings = context.settings
    provider = OpenAICompatibleProvider.from_settings(settings)
    if provider is None:
        raise LLMNotConfigured("no LLM provider configured")
    library = context.clients.library
    if body.conversation_id is not None:
        thread = await library.GetConversation(
            library_pb2.GetConversationRequest(
                owner_id=user.id, conversation_id=body.conversation_id, last_messages=HISTORY_MESSAGES
            )
        )
    else:
        thread = await library.CreateConversation(
            library_pb2.CreateConversationRequest(owner_id=user.id, title=_title(body.message))
        )
    orchestrator = Orchestrator(
        provider,
        PlatformTools(context.clients, user.id, request_meter(request).heavy),
        settings.llm_max_tool_rounds,
    )
    turn = await orchestrator.run(_history(thread.messages), body.message)
    messages = [library_pb2.ConversationMessage(role="user", content=body.message)]
    messages += [
        library_pb2.ConversationMessage(role=m.role, content=m.content, tool_name=m.tool_name, error=m.error)
        for m in turn.messages
    ]
    stored = await library.AppendConversationMessages(
        library_pb2.AppendConversationMessagesRequest(
            owner_id=user.id, conversation_id=thread.id, messages=messages
        )
    )
    if turn.error:
        raise TurnFailed(turn.error, thread.id, turn.actions)
    return {
        "data": {
            "conversation_id": thread.id,
            "reply": turn.reply,
            "messages": [message_json(m) for m in stored.messages],
            "actions": turn.actions,
        }
    }
