"""`python -m soundforge.generation`: build settings once, serve until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

from soundforge.generation.app import SERVICE, start
from soundforge.generation.settings import GenerationSettings
from soundforge.runtime.lifecycle import run, serve


async def main() -> None:
    await serve(SERVICE, GenerationSettings(), start)


if __name__ == "__main__":
    run(main)
