"""Prometheus metrics endpoint for services that are not HTTP servers themselves."""

from __future__ import annotations

from prometheus_client import start_http_server


def serve_metrics(port: int | None, host: str = "127.0.0.1") -> int | None:
    """Starts `/metrics` on a background thread; returns the bound port (None when disabled)."""
    if port is None:
        return None
    server, _thread = start_http_server(port, addr=host)
    return int(server.server_port)
