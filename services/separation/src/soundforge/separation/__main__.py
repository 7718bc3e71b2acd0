"""`python -m soundforge.separation`: build settings once, serve until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

from soundforge.runtime.lifecycle import run, serve
from soundforge.separation.app import SERVICE, start
from soundforge.separation.settings import SeparationSettings


async def main() -> None:
    await serve(SERVICE, SeparationSettings(), start)


if __name__ == "__main__":
    run(main)
