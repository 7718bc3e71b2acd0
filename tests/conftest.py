"""End-to-end fixtures: the platform in both configurations (SQLite + blob dir, PostgreSQL + S3)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from platform_harness import Platform, fresh_postgres_database, running_platform


@pytest.fixture(params=["sqlite+local", "postgres+s3"])
async def platform(request: pytest.FixtureRequest, tmp_path: Path, nats_url: str) -> AsyncIterator[Platform]:
    if request.param == "sqlite+local":
        database_url = f"sqlite+aiosqlite:///{tmp_path / 'soundforge.db'}"
        s3 = None
    else:
        database_url = await fresh_postgres_database(request.getfixturevalue("postgres_url"))
        s3 = request.getfixturevalue("s3")
    async with running_platform(tmp_path, nats_url, database_url=database_url, s3=s3) as running:
        yield running
