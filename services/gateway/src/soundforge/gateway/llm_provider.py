"""An OpenAI-compatible chat-completions API over HTTP: the agent Orchestrator's LLM provider."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from soundforge.gateway.agent_orchestrator import Completion, ProviderError, ToolCall
from soundforge.gateway.settings import GatewaySettings

# How much of a provider's own error message a client is shown.
MAX_PROVIDER_MESSAGE = 200


@dataclass(frozen=True)
class ProviderCheck:
    """What GET {base}/models said: reachable with an HTTP 200, how fast, or why not."""

    reachable: bool
    latency_ms: float | None
    error: str | None


def provider_host(base_url: str) -> str | None:
    """The host (and port) of the provider's base URL, never its path or any credentials in it."""
    parts = urlsplit(base_url)
    if not parts.hostname:
        return None
    return f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname


class OpenAICompatibleProvider:
    """`POST {base}/chat/completions` and `GET {base}/models`; one short-lived HTTP client per call."""

    def __init__(self, base_url: str, model: str, api_key: str, timeout_seconds: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = api_key
        self._timeout = timeout_seconds

    @classmethod
    def from_settings(cls, settings: GatewaySettings) -> OpenAICompatibleProvider | None:
        """None when no provider is configured (no base URL or no model)."""
        if not settings.llm_base_url.strip() or not settings.llm_model.strip():
            return None
        return cls(
            settings.llm_base_url.strip(),
            settings.llm_model.strip(),
            settings.llm_api_key.get_secret_value(),
            settings.llm_timeout_seconds,
        )

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}

    async def complete(
        self, messages: list[dict[str, Any]], tools: list[dict[str, Any]] | None
    ) -> Completion:
        body: dict[str, Any] = {"model": self.model, "messages": messages}
        if tools:
            body["tools"] = tools
            body["tool_choice"] = "auto"
        response = await self._send("POST", "/chat/completions", self._timeout, json=body)
        if response.status_code != 200:
            raise ProviderError(
                f"the LLM provider answered HTTP {response.status_code}{_their_message(response)}"
            )
        return _completion(response)

    async def check(self, timeout_seconds: float) -> ProviderCheck:
        started = time.perf_counter()
        try:
            response = await self._send("GET", "/models", timeout_seconds)
        except ProviderError as err:
            return ProviderCheck(reachable=False, latency_ms=None, error=str(err))
        latency = round((time.perf_counter() - started) * 1000, 1)
        if response.status_code != 200:
            error = f"the LLM provider answered HTTP {response.status_code}{_their_message(response)}"
            return ProviderCheck(reachable=False, latency_ms=latency, error=error)
        return ProviderCheck(reachable=True, latency_ms=latency, error=None)

    async def _send(self, method: str, path: str, deadline_seconds: float, **kwargs: Any) -> httpx.Response:
        try:
            async with httpx.AsyncClient(timeout=deadline_seconds, follow_redirects=False) as client:
                return await client.request(method, self.base_url + path, headers=self._headers(), **kwargs)
        except httpx.TimeoutException:
            raise ProviderError(f"the LLM provider did not answer within {deadline_seconds:g} s") from None
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise ProviderError(f"the LLM provider could not be reached ({type(err).__name__})") from None


def _clean(text: str) -> str:
    """Provider text as the library can store it: no NUL (PostgreSQL) and no lone surrogate (protobuf)."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _their_message(response: httpx.Response) -> str:
    """The provider's own `{"error": {"message"}}` (OpenAI's error shape), shortened, or nothing."""
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return ""
    message = error.get("message") if isinstance(error, dict) else error
    if not isinstance(message, str) or not message.strip():
        return ""
    return ": " + _clean(message.strip()[:MAX_PROVIDER_MESSAGE])


def _completion(response: httpx.Response) -> Completion:
    """The first choice's message; anything that is not a chat completion is the provider's fault."""
    try:
        message = response.json()["choices"][0]["message"]
        content = message.get("content") or ""
        calls = [
            ToolCall(
                id=str(call["id"]),
                name=_clean(str(call["function"]["name"])),
                arguments=_clean(_text(call["function"])),
            )
            for call in message.get("tool_calls") or []
        ]
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        raise ProviderError("the LLM provider's answer is not a chat completion") from None
    if not isinstance(content, str):
        raise ProviderError("the LLM provider's answer is not a chat completion")
    return Completion(content=_clean(content), tool_calls=calls)


def _text(function: dict[str, Any]) -> str:
    # Some servers send the arguments as an object rather than the JSON text OpenAI specifies.
    arguments = function.get("arguments", "")
    return arguments if isinstance(arguments, str) else json.dumps(arguments)
