"""Free loopback ports and waiting for a server to accept connections."""

from __future__ import annotations

import socket

from soundforge.testing.waiting import eventually_sync


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def accepts_connections(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def wait_for_port(port: int, host: str = "127.0.0.1", timeout: float = 20.0) -> None:
    eventually_sync(
        lambda: accepts_connections(port, host),
        within=timeout,
        what=f"a server on {host}:{port}",
        interval=0.02,
    )
