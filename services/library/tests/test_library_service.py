"""The library process as a whole: health, unimplemented RPCs, schema vs models, settings, `-m`."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import grpc
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy.engine import Connection

from soundforge.db import Base, make_engine
from soundforge.library import models, soundbox_models
from soundforge.library.app import SERVICE_NAME
from soundforge.library.servicer import LibraryServicer
from soundforge.library.settings import LibrarySettings
from soundforge.library.soundbox_search import SCHEMA_NAMES
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.service import RunningService
from soundforge.testing.ports import free_port
from soundforge.testing.waiting import eventually

# Not a module-wide pytestmark: the settings test below is synchronous.
in_module_loop = pytest.mark.asyncio(loop_scope="module")

ALL_TABLES = {
    "users",
    "oauth_accounts",
    "sessions",
    "api_keys",
    "tracks",
    "track_tags",
    "stems",
    "analyses",
    "jobs",
    "generations",
    "votes",
    "favorites",
    "tag_suggestions",
    "radio_plays",
    "client_errors",
}


def _not_search_index(name: str | None, kind: str, _parents: object) -> bool:
    """Search lives outside the models (soundbox_search): FTS5 tables, search columns, term ranks."""
    return not (name or "").startswith(SCHEMA_NAMES)


@in_module_loop
async def test_health_is_serving_after_start(raw_channel: grpc.aio.Channel) -> None:
    health = health_pb2_grpc.HealthStub(raw_channel)
    for service in ("", SERVICE_NAME):
        reply = await health.Check(health_pb2.HealthCheckRequest(service=service))
        assert reply.status == health_pb2.HealthCheckResponse.SERVING


@in_module_loop
async def test_every_rpc_is_implemented(raw_channel: grpc.aio.Channel) -> None:
    # The generated base class answers UNIMPLEMENTED for any RPC the servicer does not override.
    base = library_pb2_grpc.LibraryServiceServicer
    missing = [
        name
        for name in pb.DESCRIPTOR.services_by_name["LibraryService"].methods_by_name
        if getattr(LibraryServicer, name) is getattr(base, name)
    ]
    assert missing == []


@in_module_loop
async def test_the_migration_creates_exactly_the_models(library: RunningService, database_url: str) -> None:
    assert models.Track.metadata is soundbox_models.Vote.metadata is Base.metadata

    def differences(conn: Connection) -> list[object]:
        opts = {"compare_type": True, "include_name": _not_search_index}
        return list(compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata))

    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(differences)
            tables = await conn.run_sync(lambda c: set(c.dialect.get_table_names(c)))
    finally:
        await engine.dispose()
    assert diff == []
    assert tables >= ALL_TABLES


async def wait_until_serving(address: str) -> None:
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)

        async def status() -> int | None:
            request = health_pb2.HealthCheckRequest(service=SERVICE_NAME)
            try:
                reply = await health.Check(request, wait_for_ready=True, timeout=30)
            except grpc.aio.AioRpcError:
                return None  # health is registered before the server knows the name
            return int(reply.status)

        await eventually(
            status,
            lambda s: s == health_pb2.HealthCheckResponse.SERVING,
            within=30,
            what=f"{address} SERVING",
        )


@in_module_loop
async def test_python_dash_m_serves_until_sigterm(nats_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "LIBRARY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/library.db",
        "LIBRARY_NATS_URL": nats_url,
        "LIBRARY_BLOB_URL": f"file://{tmp_path}/blobs",
        "LIBRARY_GRPC_PORT": str(port),
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "soundforge.library",
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await wait_until_serving(f"127.0.0.1:{port}")
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), timeout=30)
    assert proc.returncode == 0, stderr.decode()[-2000:]


def test_settings_read_the_library_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIBRARY_DATABASE_URL", "postgresql+asyncpg://db/library")
    monkeypatch.setenv("LIBRARY_SESSION_TTL_DAYS", "3")
    settings = LibrarySettings()
    assert settings.database_url == "postgresql+asyncpg://db/library"
    assert settings.session_ttl_days == 3
    monkeypatch.delenv("LIBRARY_DATABASE_URL")
    monkeypatch.delenv("LIBRARY_SESSION_TTL_DAYS")
    defaults = LibrarySettings()
    assert (defaults.database_url, defaults.grpc_port, defaults.session_ttl_days) == (
        "sqlite+aiosqlite:///./var/soundforge.db",
        50051,
        14,
    )
