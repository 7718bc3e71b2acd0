"""`python -m soundforge.ingest`: build settings once, serve until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

from soundforge.ingest.app import SERVICE, start
from soundforge.ingest.settings import IngestSettings
from soundforge.runtime.lifecycle import run, serve


async def main() -> None:
    await serve(SERVICE, IngestSettings(), start)


if __name__ == "__main__":
    run(main)
