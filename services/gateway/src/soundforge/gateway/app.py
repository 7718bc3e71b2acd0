"""Wiring of the gateway: the FastAPI app from its dependencies, and the process that serves it."""

from __future__ import annotations

import asyncio
import logging
import math
import socket
from dataclasses import dataclass, field

import uvicorn
from fastapi import APIRouter, FastAPI
from nats.js.kv import KeyValue

from soundforge.events import EventBus
from soundforge.gateway.access_log import RequestContextMiddleware
from soundforge.gateway.auth import Authenticator
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.context import GatewayContext
from soundforge.gateway.errors import install_error_handlers
from soundforge.gateway.kv_counters import RATE_LIMIT_BUCKET, KeyValueCounters
from soundforge.gateway.openapi_errors import API_ERRORS, error_responses, install_openapi
from soundforge.gateway.pipeline_cors import PipelineCors
from soundforge.gateway.ratelimit import RateLimiter, RateLimitMiddleware
from soundforge.gateway.routes import (
    admin_jobs,
    admin_llm,
    admin_users,
    agents,
    analysis,
    daw,
    downloads,
    export,
    files,
    health,
    jobs,
    keys,
    lalalai,
    oauth,
    pipeline,
    processing,
    soundbox,
    spotify,
    tracks,
    user_settings,
    user_socket,
    users,
)
from soundforge.gateway.settings import GatewaySettings
from soundforge.gateway.sign_in_throttle import SignInThrottle
from soundforge.runtime.service import Closer
from soundforge.storage import BlobStore, open_blob_store

log = logging.getLogger(__name__)

# Counters must outlive their window for the last hits to count; two windows is enough slack.
BUCKET_TTL_WINDOWS = 2
STARTUP_TIMEOUT_SECONDS = 10.0


def create_app(
    settings: GatewaySettings, clients: GatewayClients, bus: EventBus, blobs: BlobStore
) -> FastAPI:
    """The whole HTTP surface over the given connections; tests build it exactly as production does."""
    app = FastAPI(
        title="Sound Forge Alchemy",
        version="1.0.0",
        description="REST API of Sound Forge Alchemy: tracks, jobs, analysis, stems.",
    )
    authenticator = Authenticator(clients.library, settings)
    window = settings.rate_window_seconds

    async def open_bucket() -> KeyValue:
        return await bus.key_value(RATE_LIMIT_BUCKET, ttl_seconds=BUCKET_TTL_WINDOWS * window)

    limiter = RateLimiter(KeyValueCounters(open_bucket), window)
    app.state.gateway = GatewayContext(
        settings=settings,
        clients=clients,
        bus=bus,
        blobs=blobs,
        authenticator=authenticator,
        sign_in_throttle=SignInThrottle(limiter, settings),
    )
    install_error_handlers(app)
    install_openapi(app)

    api = APIRouter(prefix="/api", responses=error_responses(*API_ERRORS))
    api.include_router(keys.router)
    api.include_router(tracks.router)
    api.include_router(analysis.router)
    api.include_router(spotify.router)
    api.include_router(jobs.router)
    api.include_router(downloads.router)
    api.include_router(lalalai.router)
    api.include_router(processing.router)
    api.include_router(daw.router)
    api.include_router(admin_users.router)
    api.include_router(admin_jobs.router)
    api.include_router(agents.router)
    api.include_router(admin_llm.router)
    app.include_router(health.router)
    app.include_router(users.router)
    app.include_router(user_settings.router)
    app.include_router(oauth.router)
    app.include_router(user_socket.router)
    app.include_router(files.router)
    app.include_router(export.router)
    app.include_router(pipeline.router)
    app.include_router(soundbox.router)
    app.include_router(api)

    # Starlette runs the last added middleware first: request ids wrap CORS, which wraps the limiter.
    app.add_middleware(RateLimitMiddleware, limiter=limiter, authenticator=authenticator, settings=settings)
    # Outside the limiter: a preflight is not counted, and a 429 still carries the CORS headers.
    app.add_middleware(PipelineCors, origins=settings.pipeline_cors_origins)
    app.add_middleware(RequestContextMiddleware)
    return app


@dataclass
class RunningGateway:
    """Handle returned by `start`; `port` is the bound HTTP port (useful with http_port=0)."""

    app: FastAPI
    server: uvicorn.Server
    task: asyncio.Task[None]
    port: int
    closers: list[Closer] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def wait(self) -> None:
        await self.task

    async def stop(self) -> None:
        """Stops accepting, lets in-flight requests finish, then closes the connections it opened."""
        self.server.should_exit = True
        try:
            await self.task
        finally:
            for close in reversed(self.closers):
                try:
                    await close()
                except Exception:
                    log.exception("error while closing the gateway")


async def start(settings: GatewaySettings) -> RunningGateway:
    """Opens channels, NATS and object storage, then serves HTTP on settings.http_port."""
    closers: list[Closer] = []
    try:
        clients = GatewayClients.open(settings)
        closers.append(clients.close)
        bus = await EventBus.connect(settings.nats_url, "gateway")
        closers.append(bus.close)
        blobs = open_blob_store(settings)
        await blobs.ensure_ready()
        app = create_app(settings, clients, bus, blobs)
        config = uvicorn.Config(
            app,
            host=settings.http_host,
            port=settings.http_port,
            log_config=None,
            access_log=False,  # RequestContextMiddleware writes one JSON line per request
            proxy_headers=False,  # X-Forwarded-For is judged against trusted_proxies, not by uvicorn
            server_header=False,
            lifespan="off",
            timeout_graceful_shutdown=math.ceil(settings.shutdown_grace_seconds),
        )
        server = uvicorn.Server(config)
        listener = bind_socket(settings.http_host, settings.http_port)
        port = int(listener.getsockname()[1])
        task = asyncio.create_task(server.serve(sockets=[listener]))
        await _started(server, task)
    except BaseException:
        for close in reversed(closers):
            try:
                await close()
            except Exception:
                log.exception("error while closing after a failed start")
        raise
    log.info("gateway listening", extra={"http_port": port})
    return RunningGateway(app=app, server=server, task=task, port=port, closers=closers)


def bind_socket(host: str, port: int) -> socket.socket:
    """Bound here rather than by uvicorn, which exits the process when a port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    listener.set_inheritable(True)
    return listener


async def _started(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if task.done():
            task.result()
            raise RuntimeError("HTTP server exited during startup")
        if loop.time() > deadline:
            server.should_exit = True
            raise TimeoutError("HTTP server did not start in time")
        await asyncio.sleep(0.01)
