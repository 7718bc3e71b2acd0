"""`python -m soundforge.gateway`: serve the HTTP API until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

import asyncio

from soundforge.gateway.app import start
from soundforge.gateway.settings import GatewaySettings
from soundforge.runtime.lifecycle import wait_for_shutdown
from soundforge.runtime.logging import configure_logging


async def main() -> None:
    settings = GatewaySettings()
    configure_logging("gateway", settings.log_level, settings.log_json)
    gateway = await start(settings)
    stop = asyncio.create_task(wait_for_shutdown())
    # The server ends on its own only if it fails; either way the connections are closed.
    await asyncio.wait({stop, gateway.task}, return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    await gateway.stop()


if __name__ == "__main__":
    asyncio.run(main())
