"""What one gateway app is wired with, reachable from routes through FastAPI dependencies (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from soundforge.events import EventBus
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.settings import GatewaySettings
from soundforge.storage import BlobStore

if TYPE_CHECKING:
    from soundforge.gateway.auth import Authenticator
    from soundforge.gateway.sign_in_throttle import SignInThrottle


@dataclass(frozen=True)
class GatewayContext:
    """The dependencies `create_app` was given; stored on `app.state` so each app has its own."""

    settings: GatewaySettings
    clients: GatewayClients
    bus: EventBus  # job events (WebSocket) and the rate-limit KV bucket
    blobs: BlobStore  # where upload bodies are streamed
    authenticator: Authenticator
    sign_in_throttle: SignInThrottle  # log-in and register attempts, on the rate limiter's counters
    # Facts fixed for the life of the deployment, asked of a service once (the pipeline's stages).
    memo: dict[str, Any] = field(default_factory=dict)


def get_context(request: Request) -> GatewayContext:
    context: GatewayContext = request.app.state.gateway
    return context


Context = Annotated[GatewayContext, Depends(get_context)]
