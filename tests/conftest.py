"""End-to-end fixtures: the platform in both configurations (SQLite + blob dir, PostgreSQL + S3)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from platform_harness import Platform, fresh_postgres_database, running_platform
from soundforge.testing.fake_llm import FakeLLM, fake_llm


@pytest.fixture
def llm_provider() -> Iterator[FakeLLM]:
    """The agent Orchestrator's LLM on every platform: a fake OpenAI-compatible API on loopback."""
    with fake_llm() as server:
        yield server


@pytest.fixture
def gateway_overrides(llm_provider: FakeLLM) -> dict[str, Any]:
    """Gateway settings for `platform`; a test module changes them by defining a fixture of this name.

    End-to-end tests poll jobs closely, and the per-user limits (60 and 10 a minute) are not what they
    are about: the gateway's own tests prove the limits, so here they are lifted (sign-ins too: every
    test signs users in from 127.0.0.1, on counters the session's NATS keeps across platforms)."""
    lifted = ("auth", "heavy", "log_in", "log_in_address_email", "log_in_email", "register")
    return {**{f"rate_limit_{name}": 100_000 for name in lifted}, **llm_provider.gateway_settings()}


@pytest.fixture(params=["sqlite+local", "postgres+s3"])
async def platform(
    request: pytest.FixtureRequest, tmp_path: Path, nats_url: str, gateway_overrides: dict[str, Any]
) -> AsyncIterator[Platform]:
    if request.param == "sqlite+local":
        database_url = f"sqlite+aiosqlite:///{tmp_path / 'soundforge.db'}"
        s3 = None
    else:
        database_url = await fresh_postgres_database(request.getfixturevalue("postgres_url"))
        s3 = request.getfixturevalue("s3")
    async with running_platform(
        tmp_path, nats_url, database_url=database_url, s3=s3, gateway_overrides=gateway_overrides
    ) as running:
        yield running
