"""Fixtures of the library tests: one real library service per test module and database backend."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import asyncpg
import grpc
import pytest
import pytest_asyncio

from soundforge.library.app import start
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.grpc_client import open_channel
from soundforge.runtime.service import RunningService


async def _admin(postgres_url: str, statement: str) -> None:
    conn = await asyncpg.connect(postgres_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty database for this module: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('library-db')}/library.db"
        return
    server_url: str = request.getfixturevalue("postgres_url")
    name = f"library_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(server_url, f'CREATE DATABASE "{name}"'))
    yield server_url.rsplit("/", 1)[0] + f"/{name}"
    asyncio.run(_admin(server_url, f'DROP DATABASE "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
def unmigrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of the test's own, for tests of a migration (`database_url` is migrated
    by the module's library service)."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/unmigrated.db"
        return
    server_url: str = request.getfixturevalue("postgres_url")
    name = f"unmigrated_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(server_url, f'CREATE DATABASE "{name}"'))
    yield server_url.rsplit("/", 1)[0] + f"/{name}"
    asyncio.run(_admin(server_url, f'DROP DATABASE "{name}" WITH (FORCE)'))


@pytest.fixture(scope="module")
def blob_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("library-blobs")


@pytest.fixture(scope="module")
def settings(database_url: str, nats_url: str, blob_dir: Path) -> LibrarySettings:
    return LibrarySettings(
        database_url=database_url,
        nats_url=nats_url,
        blob_url=f"file://{blob_dir}",
        grpc_port=0,
        metrics_port=None,
    )


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def library(settings: LibrarySettings) -> AsyncIterator[RunningService]:
    service = await start(settings)
    yield service
    await service.stop(grace=0)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stub(library: RunningService) -> AsyncIterator[library_pb2_grpc.LibraryServiceStub]:
    """A client whose failed calls raise the typed SoundForgeError the service raised."""
    channel = open_channel(library.address)
    yield library_pb2_grpc.LibraryServiceStub(channel)
    await channel.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def raw_channel(library: RunningService) -> AsyncIterator[grpc.aio.Channel]:
    """A plain channel, for asserting gRPC status codes themselves."""
    channel = grpc.aio.insecure_channel(library.address)
    yield channel
    await channel.close()


UserFactory = Callable[..., Awaitable[library_pb2.User]]


@pytest.fixture(scope="module")
def make_user(stub: library_pb2_grpc.LibraryServiceStub) -> UserFactory:
    """Creates a user with a unique email (the tests of a module share one database)."""

    async def create(role: str = "", password: str = "correct horse") -> library_pb2.User:
        email = f"user-{uuid.uuid4().hex[:10]}@example.com"
        request = library_pb2.CreateUserRequest(email=email, password=password, role=role)
        user: library_pb2.User = await stub.CreateUser(request)
        return user

    return create
