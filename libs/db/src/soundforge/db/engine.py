"""Async engines and sessions for the two databases we run: SQLite (embedded, WAL) and PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from soundforge.runtime.errors import InvalidArgument, Unavailable

# WAL lets readers run beside the one writer and, with synchronous=NORMAL, makes a commit cost
# well under a millisecond instead of an fsync; busy_timeout makes a second writer wait, not fail.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)
# asyncpg waits 60 s for a connection by default; a service should learn sooner that it has none.
POSTGRES_CONNECT_TIMEOUT_SECONDS = 10
# A health check must answer before the prober gives up on it.
PING_TIMEOUT_SECONDS = 5.0


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine for `sqlite+aiosqlite:///path` or `postgresql+asyncpg://...`.

    SQLite: the file's directory is created, and every new connection gets SQLITE_PRAGMAS.
    PostgreSQL: connections are pinged before use, so a restarted server costs no failed request.
    """
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        _create_parent_dir(parsed)
        engine = create_async_engine(parsed, echo=echo)
        event.listen(engine.sync_engine, "connect", _apply_sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _begin_sqlite_transaction)
        return engine
    if parsed.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {}
        if parsed.get_driver_name() == "asyncpg":
            connect_args["timeout"] = POSTGRES_CONNECT_TIMEOUT_SECONDS
        return create_async_engine(parsed, echo=echo, pool_pre_ping=True, connect_args=connect_args)
    raise InvalidArgument(f"unsupported database URL {parsed.render_as_string(hide_password=True)!r}")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit (no lazy reload, which async cannot do)."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    """SELECT 1; raises Unavailable when the database cannot answer within PING_TIMEOUT_SECONDS."""
    try:
        async with asyncio.timeout(PING_TIMEOUT_SECONDS), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, TimeoutError) as exc:
        raise Unavailable(f"database unavailable: {type(exc).__name__}: {exc}") from exc


def is_sqlite(url: str) -> bool:
    return _parse(url).get_backend_name() == "sqlite"


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except Exception as exc:  # ArgumentError or ValueError, depending on how the URL is broken
        raise InvalidArgument(f"invalid database URL: {exc}") from exc


def _create_parent_dir(url: URL) -> None:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()
    # pysqlite only opens a transaction at the first write, so a read-then-write would not be
    # atomic; we take over BEGIN (SQLAlchemy's documented recipe). IMMEDIATE takes the write lock
    # up front: transactions queue on busy_timeout instead of a deferred one failing with
    # "database is locked" when it upgrades to write after another writer committed. Readers of
    # the WAL are never blocked; SQLite is the single-node default, PostgreSQL the scalable one.
    dbapi_connection.isolation_level = None


def _begin_sqlite_transaction(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
