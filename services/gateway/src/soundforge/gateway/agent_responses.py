"""The agent routes' success bodies (models for OpenAPI) and the serializers that build them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from soundforge.gateway.openapi_errors import ErrorBody, error_responses
from soundforge.gateway.response_models import JobStatusName, PageMeta, Timestamp
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import iso

MessageRole = Literal["user", "assistant", "tool"]


class AgentMessage(BaseModel):
    id: str
    role: MessageRole
    content: str = Field(description="a tool message's content is the JSON of its arguments and result")
    tool_name: str | None = Field(description="the tool a tool message reports; null otherwise")
    error: str | None = Field(
        description="why a failed assistant turn failed (the LLM provider); null otherwise"
    )
    created_at: Timestamp


class ConversationSummary(BaseModel):
    id: str
    title: str
    message_count: int
    created_at: Timestamp
    updated_at: Timestamp


class ConversationPage(BaseModel):
    data: list[ConversationSummary]
    meta: PageMeta


class ConversationThread(ConversationSummary):
    messages: list[AgentMessage] = Field(description="oldest first")


class ConversationData(BaseModel):
    data: ConversationThread


class AgentAction(BaseModel):
    """A job a tool started during the turn; poll it at /api/jobs/{job_id}."""

    type: Literal["analysis", "separation"]
    job_id: str
    track_id: str
    status: JobStatusName
    model: str | None = Field(description="the separation model; null for an analysis")


class ChatReply(BaseModel):
    conversation_id: str
    reply: str = Field(description="the Orchestrator's answer")
    messages: list[AgentMessage] = Field(description="this turn: the user's message, tool calls, the answer")
    actions: list[AgentAction]


class ChatData(BaseModel):
    data: ChatReply


class ChatTurnFailedError(ErrorBody):
    """502 of POST /api/agents/chat: the LLM provider failed mid-turn. The turn is stored on the
    thread all the same (a failed assistant message), and the jobs its tools started keep running."""

    code: Literal["UPSTREAM_ERROR"]
    conversation_id: str = Field(description="the thread the failed turn is stored on (new or the one given)")
    actions: list[AgentAction] = Field(description="the jobs the turn's tools started before it failed")


def chat_error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`error_responses(*statuses)` with the chat's own 502 body."""
    responses = error_responses(*statuses)
    responses[502] = {"model": ChatTurnFailedError, "description": "Bad Gateway"}
    return responses


class LLMHealth(BaseModel):
    provider: str | None = Field(description="host of the provider's base URL; null when none is configured")
    model: str | None
    configured: bool
    reachable: bool = Field(description="GET {base}/models answered 200 within the health deadline")
    latency_ms: float | None
    error: str | None


class LLMHealthData(BaseModel):
    data: LLMHealth


def message_json(message: library_pb2.ConversationMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "role": message.role,
        "content": message.content,
        "tool_name": message.tool_name or None,
        "error": message.error or None,
        "created_at": iso(message.created_at),
    }


def conversation_json(conversation: library_pb2.Conversation) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "title": conversation.title,
        "message_count": conversation.message_count,
        "created_at": iso(conversation.created_at),
        "updated_at": iso(conversation.updated_at),
    }


def thread_json(conversation: library_pb2.Conversation) -> dict[str, Any]:
    return {**conversation_json(conversation), "messages": [message_json(m) for m in conversation.messages]}
