"""Alembic through upgrade_to_head / run_migrations_env on SQLite and PostgreSQL; UTC round trips."""

from __future__ import annotations

import asyncio
import io
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Column, MetaData, String, Table, inspect, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from soundforge.db import Base, make_engine, upgrade_to_head
from soundforge.db.migrations import alembic_config
from soundforge.db.types import GUID, JSONType, UTCDateTime, new_id

MIGRATIONS = Path(__file__).parent / "migrations"

# The test's view of the table the migration creates.
widgets = Table(
    "widgets",
    MetaData(),
    Column("id", GUID(), primary_key=True),
    Column("name", String(64)),
    Column("created_at", UTCDateTime()),
    Column("attrs", JSONType),
)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path}/db/app.db"
    url: str = request.getfixturevalue("fresh_postgres_url")
    return url


async def schema(engine: AsyncEngine) -> tuple[list[str], list[str | None]]:
    def read(sync_connection: object) -> tuple[list[str], list[str | None]]:
        inspector = inspect(sync_connection)
        uniques = [u["name"] for u in inspector.get_unique_constraints("widgets")]
        return sorted(inspector.get_table_names()), uniques

    async with engine.connect() as connection:
        return await connection.run_sync(read)


async def test_upgrade_to_head_is_idempotent(database_url: str) -> None:
    await upgrade_to_head(database_url, MIGRATIONS)
    await upgrade_to_head(database_url, MIGRATIONS)
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            versions = (await connection.execute(text("SELECT version_num FROM alembic_version"))).all()
        assert [v[0] for v in versions] == ["0001"]
        tables, uniques = await schema(engine)
        assert {"alembic_version", "widgets"} <= set(tables)
        # The naming convention of the metadata env.py passes reached the migration's constraint.
        assert uniques == ["uq_widgets_name"]
    finally:
        await engine.dispose()


async def test_utc_datetime_json_and_guid_round_trip(database_url: str) -> None:
    await upgrade_to_head(database_url, MIGRATIONS)
    engine = make_engine(database_url)
    india = timezone(timedelta(hours=5, minutes=30))
    written = datetime(2025, 3, 1, 12, 0, 0, 123456, tzinfo=india)
    name = f"w-{uuid.uuid4().hex[:8]}"
    widget_id = uuid.uuid4()
    try:
        async with engine.begin() as connection:
            await connection.execute(
                widgets.insert().values(
                    id=widget_id, name=name, created_at=written, attrs={"bpm": 120, "k": [1]}
                )
            )
        async with engine.connect() as connection:
            row = (await connection.execute(select(widgets).where(widgets.c.name == name))).one()
            later = written + timedelta(seconds=1)
            earlier = (
                await connection.execute(select(widgets.c.name).where(widgets.c.created_at < later))
            ).scalars()
            assert name in list(earlier)
        assert row.created_at == written
        assert row.created_at.tzinfo == UTC
        assert row.created_at.hour == 6 and row.created_at.minute == 30
        assert row.attrs == {"bpm": 120, "k": [1]}
        assert row.id == str(widget_id)
        with pytest.raises(StatementError, match="naive datetime"):
            async with engine.begin() as connection:
                await connection.execute(
                    widgets.insert().values(
                        id=new_id(), name=f"{name}-naive", created_at=datetime(2025, 1, 1)
                    )
                )
    finally:
        await engine.dispose()


async def test_alembic_command_line_path_and_offline_sql(tmp_path: Path) -> None:
    """`alembic upgrade` without upgrade_to_head: env.py opens its own engine from the config URL."""
    url = f"sqlite+aiosqlite:///{tmp_path}/cli.db"
    config = alembic_config(url, MIGRATIONS)
    await asyncio.to_thread(command.upgrade, config, "head")
    engine = make_engine(url)
    try:
        tables, _ = await schema(engine)
        assert "widgets" in tables
    finally:
        await engine.dispose()

    offline = alembic_config(url, MIGRATIONS)
    offline.output_buffer = io.StringIO()
    await asyncio.to_thread(command.upgrade, offline, "head", sql=True)
    assert "CREATE TABLE widgets" in offline.output_buffer.getvalue()


def test_base_metadata_names_constraints() -> None:
    assert Base.metadata.naming_convention["uq"] == "uq_%(table_name)s_%(column_0_N_name)s"
    assert {"ix", "uq", "ck", "fk", "pk"} <= set(Base.metadata.naming_convention)
