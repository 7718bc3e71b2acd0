"""Pytest plugin (loaded by the root config): session-wide real servers shared by every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from soundforge.runtime.grpc_aio import hold_grpc_aio
from soundforge.testing import servers


@pytest.fixture(scope="session", autouse=True)
def grpc_aio_held() -> None:
    """gRPC's asyncio stack stays up for the session, as in a service process: otherwise each
    module's teardown closing its last server and channel shut it down, a join that can hang."""
    hold_grpc_aio()


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
