"""Admin-only view of the agent Orchestrator's LLM provider: configured, reachable, how fast."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from soundforge.gateway.agent_responses import LLMHealthData
from soundforge.gateway.auth import AdminUser
from soundforge.gateway.context import Context
from soundforge.gateway.llm_provider import OpenAICompatibleProvider, provider_host
from soundforge.gateway.openapi_errors import error_responses

router = APIRouter(prefix="/admin/llm", tags=["admin"])


@router.get("/health", response_model=LLMHealthData, responses=error_responses(403))
async def llm_health(admin: AdminUser, context: Context) -> dict[str, Any]:
    """Asks the provider's `GET {base}/models` with a short deadline (admins only: anyone else 403).

    Always 200 when asked by an admin: the body says whether the provider is configured and answers.
    """
    settings = context.settings
    provider = OpenAICompatibleProvider.from_settings(settings)
    health: dict[str, Any] = {
        "provider": provider_host(settings.llm_base_url.strip()),
        "model": settings.llm_model.strip() or None,
        "configured": provider is not None,
        "reachable": False,
        "latency_ms": None,
        "error": None,
    }
    if provider is None:
        health["error"] = "no LLM provider configured"
        return {"data": health}
    check = await provider.check(settings.llm_health_timeout_seconds)
    health.update(reachable=check.reachable, latency_ms=check.latency_ms, error=check.error)
    return {"data": health}
