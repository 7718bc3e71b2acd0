"""Pytest plugin (loaded by the root config): session-wide real servers shared by every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from soundforge.testing import servers


@pytest.fixture(scope="module")
def nats_url() -> Iterator[str]:
    """A fresh nats-server per test module (~30 ms to start): platforms started by different
    modules never share streams, durable consumers or advisory queue groups."""
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
