"""Pytest plugin (loaded by the root config): session-wide real servers shared by every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from soundforge.testing import servers


@pytest.fixture(scope="session")
def nats_url() -> Iterator[str]:
    with servers.nats_server() as url:
        yield url


@pytest.fixture(scope="session")
def s3() -> Iterator[servers.S3Server]:
    with servers.s3_server() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with servers.postgres_server() as url:
        yield url
