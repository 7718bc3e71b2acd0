"""How soon a readiness check learns that object storage or the database is down.

The tests (libs/storage, libs/db) prove the error raised and how many attempts are made; this
prints the time each case takes against the goal that a probe (and a person) can wait for:
a refused or dropping backend within 5 s, a hung database within the ping limit plus 1 s.
Run: `make bench` (or .venv/bin/python bench/bench_failure_detection.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from soundforge.db import engine as db_engine
from soundforge.db import make_engine, ping
from soundforge.runtime.errors import Unavailable
from soundforge.runtime.settings import ServiceSettings
from soundforge.storage import open_blob_store
from soundforge.testing.dead_end import dead_end
from soundforge.testing.ports import free_port

GOAL_SECONDS = 5.0


async def seconds_to_unavailable(check: Callable[[], Awaitable[None]]) -> float:
    started = time.perf_counter()
    try:
        await check()
    except Unavailable:
        return time.perf_counter() - started
    raise AssertionError("the backend answered")


async def s3_ready(port: int) -> None:
    await open_blob_store(
        ServiceSettings(blob_url="s3://bucket", s3_endpoint=f"127.0.0.1:{port}")
    ).ensure_ready()


async def postgres_ping(port: int) -> None:
    engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/none")
    try:
        await ping(engine)
    finally:
        await engine.dispose()


async def main() -> None:
    rows = [("S3, port refused", await seconds_to_unavailable(lambda: s3_ready(free_port())), GOAL_SECONDS)]
    with dead_end(drop=True) as server:
        rows.append(
            (
                "S3, connections dropped",
                await seconds_to_unavailable(lambda: s3_ready(server.port)),
                GOAL_SECONDS,
            )
        )
    rows.append(
        (
            "PostgreSQL, port refused",
            await seconds_to_unavailable(lambda: postgres_ping(free_port())),
            GOAL_SECONDS,
        )
    )
    with dead_end(drop=False) as server:
        hung = await seconds_to_unavailable(lambda: postgres_ping(server.port))
        rows.append(("PostgreSQL, never answers", hung, db_engine.PING_TIMEOUT_SECONDS + 1))
    for name, seconds, goal in rows:
        print(
            f"{name}: Unavailable after {seconds:.2f} s, ratio to goal {seconds / goal:.2f}"
            f"  (goal: <= 1, i.e. {goal:.0f} s)"
        )


if __name__ == "__main__":
    asyncio.run(main())
