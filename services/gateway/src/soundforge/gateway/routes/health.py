"""Health and Prometheus metrics; neither needs authentication nor counts against a rate limit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from soundforge.gateway.context import Context
from soundforge.gateway.readiness import OK, readiness
from soundforge.gateway.response_models import Healthy, Unhealthy

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Healthy,
    responses={503: {"model": Unhealthy, "description": "The library or NATS is out of reach."}},
)
async def health(context: Context) -> Any:
    """`{"status": "ok"}` only while the library and NATS answer; else 503 naming the failed check."""
    checks = await readiness(
        context.clients.library_health, context.bus, context.settings.health_timeout_seconds
    )
    if all(result == OK for result in checks.values()):
        return {"status": "ok"}
    return JSONResponse({"status": "unavailable", "checks": checks}, status_code=503)


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
