"""`python -m soundforge.library`: run the library service until SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio

from soundforge.library.app import start
from soundforge.library.settings import LibrarySettings
from soundforge.runtime.lifecycle import wait_for_shutdown
from soundforge.runtime.logging import configure_logging


async def main() -> None:
    settings = LibrarySettings()
    configure_logging("library", settings.log_level, settings.log_json)
    service = await start(settings)
    await wait_for_shutdown()
    await service.stop(settings.shutdown_grace_seconds)


if __name__ == "__main__":
    asyncio.run(main())
