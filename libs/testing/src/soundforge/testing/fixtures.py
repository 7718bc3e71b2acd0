"""Pytest plugin (loaded by the root config): session-wide real servers shared by every test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from soundforge.runtime.grpc_aio import hold_grpc_aio
from soundforge.testing import servers


def pytest_configure(config: pytest.Config) -> None:
    """Each pytest-xdist worker compiles librosa's numba kernels into a cache of its own.

    numba names an overload it caches by the number of overloads its index holds, so two
    processes adding overloads to one cache at once can both write overload N: the index then
    gives one's machine code for the other's signature, and every later process that loads it
    segfaults (a bench's two workers on a fresh venv did this, 2026-12-02). This runs before any
    test module imports numba; an explicit NUMBA_CACHE_DIR wins.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and not os.environ.get("NUMBA_CACHE_DIR"):
        cache = Path(sys.prefix) / "numba-cache" / worker
        cache.mkdir(parents=True, exist_ok=True)
        os.environ["NUMBA_CACHE_DIR"] = str(cache)


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
