"""make_engine / make_sessionmaker / ping against a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import ForeignKey, String, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from soundforge.db import engine as engine_module
from soundforge.db import make_engine, make_sessionmaker, new_metadata, ping
from soundforge.runtime.errors import InvalidArgument, Unavailable
from soundforge.testing.dead_end import dead_end
from soundforge.testing.ports import free_port


class ProbeBase(DeclarativeBase):
    metadata = new_metadata()


class Parent(ProbeBase):
    __tablename__ = "parents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32))


class Child(ProbeBase):
    __tablename__ = "children"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parents.id"))


async def pragma(engine: AsyncEngine, name: str) -> object:
    async with engine.connect() as connection:
        return (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()


async def test_sqlite_file_gets_its_dir_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "app.db"
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    try:
        # Two connections open at once: the settings are applied on every connect, not once.
        # Each commits before the next reads, since transactions take the write lock up front.
        async with engine.connect() as first, engine.connect() as second:
            for connection in (first, second):
                values = [
                    (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()
                    for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
                ]
                await connection.commit()
                assert values == ["wal", 1, 1, 5000]
        async with engine.begin() as connection:
            await connection.run_sync(ProbeBase.metadata.create_all)
        assert (tmp_path / "nested" / "dir" / "app.db-wal").exists()
        with pytest.raises(IntegrityError):
            async with engine.begin() as connection:
                await connection.execute(text("INSERT INTO children (id, parent_id) VALUES (1, 42)"))
        await ping(engine)
    finally:
        await engine.dispose()


async def test_sessions_keep_objects_loaded_after_commit(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/s.db")
    try:
        async with engine.begin() as connection:
            await connection.run_sync(ProbeBase.metadata.create_all)
        sessions = make_sessionmaker(engine)
        async with sessions() as session:
            parent = Parent(id=1, name="p")
            session.add(parent)
            await session.commit()
            # expire_on_commit=False: reading an attribute needs no (impossible, async) lazy load.
            assert parent.name == "p"
    finally:
        await engine.dispose()


async def test_postgres_engine_survives_dropped_connections(fresh_postgres_url: str) -> None:
    engine = make_engine(fresh_postgres_url)
    admin = make_engine(fresh_postgres_url)
    try:
        await ping(engine)
        async with engine.connect() as connection:
            pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar()
        async with admin.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        # The pooled connection is dead now; pool_pre_ping replaces it instead of failing.
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT 1"))).scalar() == 1
            assert (await connection.execute(text("SELECT pg_backend_pid()"))).scalar() != pid
    finally:
        await engine.dispose()
        await admin.dispose()


async def test_ping_reports_an_unreachable_database() -> None:
    engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/none")
    try:
        with pytest.raises(Unavailable):
            await ping(engine)
    finally:
        await engine.dispose()


async def test_ping_gives_up_on_a_database_that_never_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hung server is reported by ping's own time limit (made short here; bench/ measures the
    real one), not left to asyncpg's connect timeout."""
    monkeypatch.setattr(engine_module, "PING_TIMEOUT_SECONDS", 0.2)
    with dead_end(drop=False) as server:
        engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{server.port}/none")
        try:
            with pytest.raises(Unavailable) as raised:
                await ping(engine)
        finally:
            await engine.dispose()
    assert isinstance(raised.value.__cause__, TimeoutError)
    assert server.connections == 1


@pytest.mark.parametrize("url", ["mysql+aiomysql://u@h/db", "not a url"])
def test_unsupported_urls_are_rejected(url: str) -> None:
    with pytest.raises(InvalidArgument):
        make_engine(url)
