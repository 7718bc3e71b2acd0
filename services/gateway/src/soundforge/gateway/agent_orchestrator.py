"""The agent Orchestrator: one chat turn as a bounded loop of LLM completions and tool calls.

Pure domain: the LLM provider and the tools come in behind protocols (llm_provider.py and
agent_tools.py are the adapters), so nothing here knows HTTP or gRPC.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

SYSTEM_PROMPT = (
    "You are the Orchestrator of Sound Forge Alchemy, a music platform that analyses tracks (tempo, key, "
    "loudness) and separates them into stems. You act for the signed-in user only, through the tools you "
    "are given: list their tracks to learn track ids, read a track's analysis, start an analysis or a "
    "stem separation. Never invent a track id or a result; when a tool reports an error, say so. "
    "Answer briefly."
)
# What one tool result may add to the model's context and to the stored thread.
MAX_TOOL_RESULT_CHARS = 8_000
# What one answer may add to the stored thread (the library refuses a message past 100 000).
MAX_REPLY_CHARS = 50_000
# Calls the model may make in one round; more are answered with an error, not run.
MAX_TOOL_CALLS_PER_ROUND = 8


class ProviderError(Exception):
    """The LLM provider failed: unreachable, too slow, an HTTP error, or an answer that is no completion."""


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: str  # JSON text, as the model wrote it


@dataclass(frozen=True)
class Completion:
    content: str
    tool_calls: Sequence[ToolCall] = ()


class ChatProvider(Protocol):
    """An LLM's chat completions with tool calling (OpenAI's `messages` / `tools` / `tool_calls`)."""

    async def complete(
        self, messages: list[dict[str, Any]], tools: list[dict[str, Any]] | None
    ) -> Completion: ...


@dataclass(frozen=True)
class ToolOutcome:
    result: dict[str, Any]
    action: dict[str, Any] | None = None  # a job the call started


class AgentTools(Protocol):
    """The tools of one caller: every call sees that user's data only."""

    def specs(self) -> list[dict[str, Any]]: ...

    async def call(self, name: str, arguments: dict[str, Any]) -> ToolOutcome: ...


@dataclass(frozen=True)
class TurnMessage:
    """A message the turn adds to the thread (after the user's own)."""

    role: str  # "tool" | "assistant"
    content: str
    tool_name: str = ""
    error: str = ""


@dataclass
class Turn:
    reply: str = ""
    messages: list[TurnMessage] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""  # the provider's failure; the turn then ends with a failed assistant message


class Orchestrator:
    def __init__(self, provider: ChatProvider, tools: AgentTools, max_tool_rounds: int) -> None:
        self._provider = provider
        self._tools = tools
        self._max_tool_rounds = max_tool_rounds

    async def run(self, history: Sequence[tuple[str, str]], message: str) -> Turn:
        """One turn: `history` is the thread's earlier (role, content) pairs of user and assistant.

        A provider failure never raises: the turn comes back with `error` set, so that what the
        tools did before it (jobs started) is still recorded.
        """
        context: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM_PROMPT}]
        context += [{"role": role, "content": content} for role, content in history]
        context.append({"role": "user", "content": message})
        turn = Turn()
        try:
            for round_number in range(self._max_tool_rounds + 1):
                # The last round offers no tools, so the model has to answer in words.
                tools = self._tools.specs() if round_number < self._max_tool_rounds else None
                completion = await self._provider.complete(context, tools)
                if not completion.tool_calls:
                    turn.reply = _bounded(completion.content, MAX_REPLY_CHARS)
                    turn.messages.append(TurnMessage("assistant", turn.reply))
                    return turn
                if tools is None:
                    raise ProviderError(
                        f"the model still asked for tools after {self._max_tool_rounds} rounds"
                    )
                await self._run_tools(completion, context, turn)
            raise ProviderError("no answer")  # unreachable: the last round either answers or raises
        except ProviderError as err:
            turn.error = str(err) or "the LLM provider failed"
            turn.messages.append(TurnMessage("assistant", "", error=turn.error))
            return turn

    async def _run_tools(self, completion: Completion, context: list[dict[str, Any]], turn: Turn) -> None:
        context.append(
            {
                "role": "assistant",
                "content": completion.content or None,
                "tool_calls": [
                    {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
                    for c in completion.tool_calls
                ],
            }
        )
        for index, call in enumerate(completion.tool_calls):
            if index < MAX_TOOL_CALLS_PER_ROUND:
                outcome = await self._call(call)
            else:
                outcome = ToolOutcome({"error": f"at most {MAX_TOOL_CALLS_PER_ROUND} tool calls at once"})
            if outcome.action is not None:
                turn.actions.append(outcome.action)
            result = _bounded_json(outcome.result)
            context.append({"role": "tool", "tool_call_id": call.id, "content": result})
            record = json.dumps({"arguments": _arguments_or_text(call.arguments), "result": outcome.result})
            turn.messages.append(TurnMessage("tool", _bounded(record), tool_name=call.name[:64]))

    async def _call(self, call: ToolCall) -> ToolOutcome:
        try:
            arguments = json.loads(call.arguments or "{}")
        except json.JSONDecodeError:
            return ToolOutcome({"error": "the arguments are not valid JSON"})
        if not isinstance(arguments, dict):
            return ToolOutcome({"error": "the arguments must be a JSON object"})
        return await self._tools.call(call.name, arguments)


def _arguments_or_text(arguments: str) -> Any:
    try:
        return json.loads(arguments or "{}")
    except json.JSONDecodeError:
        return arguments


def _bounded(text: str, limit: int = MAX_TOOL_RESULT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + "...(truncated)"


def _bounded_json(result: dict[str, Any]) -> str:
    return _bounded(json.dumps(result))
