"""Fixtures for the gateway tests: the real library service, gateway apps over ASGI, signed-in users."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from soundforge.events import EventBus
from soundforge.gateway.app import create_app
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.settings import GatewaySettings
from soundforge.ingest.app import start as start_ingest
from soundforge.ingest.settings import IngestSettings
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2
from soundforge.runtime.service import RunningService
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import BlobStore, open_blob_store
from soundforge.testing.demucs_models import build_model_repo
from soundforge.testing.ports import free_port

PASSWORD = "correct horse battery"
# Generous everywhere except where a test sets its own, so no test trips another's limit.
UNLIMITED = 1_000_000
# An hour-long window: a test crossing a window boundary (which resets counts) is then vanishingly rare.
WINDOW = 3600


@dataclass
class Backends:
    """What every gateway app in the session shares: settings, channels, NATS and the blob dir."""

    settings: GatewaySettings
    clients: GatewayClients
    bus: EventBus
    blobs: BlobStore
    blob_dir: Path


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def library(nats_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningService]:
    root = tmp_path_factory.mktemp("gateway-library")
    settings = LibrarySettings(
        database_url=f"sqlite+aiosqlite:///{root / 'library.db'}",
        nats_url=nats_url,
        blob_url=f"file://{root / 'blobs'}",
        grpc_port=0,
    )
    service = await start_library(settings)
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def blob_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The object store the gateway and ingest share, as they share a bucket in production."""
    return tmp_path_factory.mktemp("gateway-blobs")


@pytest.fixture(scope="module")
def ingest_overrides() -> dict[str, Any]:
    """Extra IngestSettings; a module changes them by defining a fixture of this name."""
    return {}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def ingest(
    library: RunningService, nats_url: str, blob_dir: Path, ingest_overrides: dict[str, Any]
) -> AsyncIterator[RunningService]:
    settings = IngestSettings(
        library_addr=library.address,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        public_network=False,  # a download a test queues never waits on the outside world's DNS
        **ingest_overrides,
    )
    service = await start_ingest(settings)
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def separation_overrides() -> dict[str, Any]:
    """Extra SeparationSettings of `demucs_separation`; a module sets them with a fixture of this name."""
    return {}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def demucs_separation(
    library: RunningService,
    nats_url: str,
    blob_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    separation_overrides: dict[str, Any],
) -> AsyncIterator[RunningService]:
    """The real separation service over a tiny random-weight htdemucs (the only model with weights here)."""
    repo = build_model_repo(tmp_path_factory.mktemp("models"), names=("htdemucs",))
    settings = SeparationSettings(
        library_addr=library.address,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        model_repo=str(repo),
        torch_threads=1,
        **separation_overrides,
    )
    service = await start_separation(settings)
    yield service
    await service.stop(0)


@pytest.fixture(scope="module")
def separation_addr() -> str:
    """Where the gateway finds the separation service: a closed port (calls answer 503) unless a
    module starts one and defines a fixture of this name."""
    return f"127.0.0.1:{free_port()}"


@pytest.fixture(scope="module")
def generation_addr() -> str:
    """Where the gateway finds the generation service: a closed port unless a module starts one."""
    return f"127.0.0.1:{free_port()}"


@pytest.fixture(scope="module")
def analysis_addr() -> str:
    """Where the gateway finds the analysis service: a closed port unless a module starts one."""
    return f"127.0.0.1:{free_port()}"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def backends(
    library: RunningService,
    ingest: RunningService,
    nats_url: str,
    blob_dir: Path,
    separation_addr: str,
    generation_addr: str,
    analysis_addr: str,
) -> AsyncIterator[Backends]:
    settings = GatewaySettings(
        library_addr=library.address,
        ingest_addr=ingest.address,
        analysis_addr=analysis_addr,
        separation_addr=separation_addr,
        generation_addr=generation_addr,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        rate_limit_auth=UNLIMITED,
        rate_limit_heavy=UNLIMITED,
        rate_limit_soundbox=UNLIMITED,
        rate_limit_log_in=UNLIMITED,
        rate_limit_log_in_address_email=UNLIMITED,
        rate_limit_log_in_email=UNLIMITED,
        rate_limit_register=UNLIMITED,
        rate_window_seconds=WINDOW,
        log_json=False,
    )
    clients = GatewayClients.open(settings)
    bus = await EventBus.connect(nats_url, "gateway-tests")
    blobs = open_blob_store(settings)
    await blobs.ensure_ready()
    yield Backends(settings=settings, clients=clients, bus=bus, blobs=blobs, blob_dir=blob_dir)
    await bus.close()
    await clients.close()


@dataclass
class Session:
    """A signed-in user as a browser holds it: the client carries both cookies."""

    client: httpx.AsyncClient
    user: dict[str, Any]
    csrf: str


@dataclass
class Gateway:
    """Builds gateway apps (settings overridable per test) and HTTP clients talking to them over ASGI."""

    backends: Backends
    clients: list[httpx.AsyncClient] = field(default_factory=list)

    def app(self, **overrides: Any) -> FastAPI:
        settings = self.backends.settings.model_copy(update=overrides)
        return create_app(settings, self.backends.clients, self.backends.bus, self.backends.blobs)

    def client(
        self, app: FastAPI | None = None, peer: str = "127.0.0.1", **overrides: Any
    ) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app or self.app(**overrides), client=(peer, 50000))
        client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        self.clients.append(client)
        return client

    async def register(self, client: httpx.AsyncClient | None = None) -> tuple[str, dict[str, Any]]:
        email = f"user-{uuid.uuid4().hex[:12]}@example.com"
        response = await (client or self.client()).post(
            "/users/register", json={"user": {"email": email, "password": PASSWORD}}
        )
        assert response.status_code == 201, response.text
        return email, response.json()["data"]

    async def session(self, client: httpx.AsyncClient | None = None) -> Session:
        client = client or self.client()
        email, user = await self.register(client)
        response = await client.post("/users/log-in", data={"user[email]": email, "user[password]": PASSWORD})
        assert response.status_code == 200, response.text
        return Session(client=client, user=user, csrf=response.json()["data"]["csrf_token"])

    async def bearer(self) -> tuple[dict[str, Any], str]:
        """A fresh user and an API token of theirs, made without an /api request (counters start at 0)."""
        _, user = await self.register()
        created = await self.backends.clients.library.CreateApiKey(
            library_pb2.CreateApiKeyRequest(user_id=user["id"], name="tests")
        )
        return user, created.token


@pytest_asyncio.fixture(loop_scope="session")
async def gateway(backends: Backends) -> AsyncIterator[Gateway]:
    gateway = Gateway(backends)
    yield gateway
    for client in gateway.clients:
        await client.aclose()
