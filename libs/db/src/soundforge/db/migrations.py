"""Alembic, driven from code: `upgrade_to_head` for services (`migrate` to a revision, for tests of
migrations), `run_migrations_env` for their env.py."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection

from soundforge.db.engine import is_sqlite, make_engine

# Replicas starting together must not migrate at once: they queue on this PostgreSQL advisory lock.
_MIGRATION_LOCK_ID = 0x5F_DB_A1E
_CONNECTION_ATTRIBUTE = "connection"


def alembic_config(url: str, script_location: str | Path) -> Config:
    """A file-less Alembic config; "%" in URLs (escaped passwords) is doubled for configparser."""
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def upgrade_to_head(url: str, script_location: str | Path) -> None:
    """Applies every pending migration in `script_location`; a no-op when the schema is current."""
    await migrate(url, script_location, "head")


async def migrate(url: str, script_location: str | Path, revision: str, *, down: bool = False) -> None:
    """Upgrades (or with `down`, downgrades) the schema to `revision`.

    Runs on one connection of our own engine (same PRAGMAs and settings as the service's), handed
    to env.py through the config, so migrations never start a second event loop.
    """
    config = alembic_config(url, script_location)
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            if is_sqlite(url):
                # Batch mode rebuilds a table by copy + DROP; with foreign keys enforced, the DROP
                # would fail or cascade-delete the rows that reference it. Outside a transaction.
                await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            else:
                await connection.execute(
                    text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID}
                )
            await connection.run_sync(_run_command, config, revision, down)
            await connection.commit()
    finally:
        await engine.dispose()


def _run_command(connection: Connection, config: Config, revision: str, down: bool) -> None:
    config.attributes[_CONNECTION_ATTRIBUTE] = connection
    (command.downgrade if down else command.upgrade)(config, revision)


def run_migrations_env(target_metadata: MetaData) -> None:
    """The body of a service's migrations/env.py.

    Batch mode (SQLite cannot ALTER most things) and type comparison for autogenerate, with
    `target_metadata` naming the constraints. Uses the connection `upgrade_to_head` passed in;
    run from the `alembic` command line it opens its own async engine from `sqlalchemy.url`.
    """
    config = context.config
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            literal_binds=True,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get(_CONNECTION_ATTRIBUTE)
    if connection is not None:
        _run_on(connection, target_metadata)
        return
    asyncio.run(_run_standalone(config, target_metadata))


def _run_on(connection: Connection, target_metadata: MetaData) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True, compare_type=True
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone(config: Config, target_metadata: MetaData) -> None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("alembic config has no sqlalchemy.url")
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_on, target_metadata)
            await connection.commit()
    finally:
        await engine.dispose()
