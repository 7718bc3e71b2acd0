"""`python -m soundforge.gateway`: build settings once, serve HTTP until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

from soundforge.gateway.app import start
from soundforge.gateway.settings import GatewaySettings
from soundforge.runtime.lifecycle import run, serve


async def main() -> None:
    # The gateway serves /metrics on its own HTTP port.
    await serve("gateway", GatewaySettings(), start, metrics=False)


if __name__ == "__main__":
    run(main)
