"""`python -m soundforge.library`: build settings once, serve until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

from soundforge.library.app import SERVICE, start
from soundforge.library.settings import LibrarySettings
from soundforge.runtime.lifecycle import run, serve


async def main() -> None:
    await serve(SERVICE, LibrarySettings(), start)


if __name__ == "__main__":
    run(main)
