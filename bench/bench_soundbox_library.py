"""Sound Box's community library at 100k generations: p50/p95 of a page, a search and each radio route.

Each database (SQLite, PostgreSQL) gets 100k synthetic generations (`testing.soundbox_library`);
requests go through the real gateway (in-process ASGI, rate limiter on NATS) to the real library
service over gRPC, one at a time. Goal: p95 < 50 ms for every route.
Run: `make bench`, or .venv/bin/python bench/bench_soundbox_library.py [rows] [--database sqlite]
(--help for the options).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import asyncpg
import httpx

from soundforge.events import EventBus
from soundforge.gateway.app import create_app
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.settings import GatewaySettings
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2 as pb
from soundforge.storage import open_blob_store
from soundforge.testing import servers
from soundforge.testing.ports import free_port
from soundforge.testing.soundbox_library import WORDS, generation_rows, insert_generations

ROWS = 100_000
REQUESTS = 200
WARMUP = 20
DATABASES = ("sqlite", "postgresql")
GOAL_P95_MS = 50.0
UNLIMITED = 10**9


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, nargs="?", default=ROWS, help=f"generations (default {ROWS})")
    parser.add_argument("--database", choices=DATABASES, action="append", help="only this one (repeatable)")
    parser.add_argument("--requests", type=int, default=REQUESTS, help=f"per route (default {REQUESTS})")
    parser.add_argument("--route", action="append", help="only routes whose name contains this (repeatable)")
    return parser.parse_args()


async def timed(
    client: httpx.AsyncClient,
    make: Callable[[], tuple[str, dict[str, str | int]]],
    headers: dict[str, str],
    requests: int,
) -> list[float]:
    samples = []
    for i in range(WARMUP + requests):
        path, params = make()
        started = time.perf_counter()
        response = await client.get(path, params=params, headers=headers)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{path} {params}: {response.status_code} {response.text}")
        if i >= WARMUP:
            samples.append(elapsed)
    return samples


async def postgres_database(server_url: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(server_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


async def analyze(database_url: str) -> None:
    """Planner statistics and visibility map as autovacuum leaves them a little after the bulk load
    (index-only scans read the map)."""
    if not database_url.startswith("postgresql"):
        return
    conn = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


async def run(label: str, database_url: str, nats_url: str, root: Path, args: argparse.Namespace) -> None:
    library = await start_library(
        LibrarySettings(
            database_url=database_url,
            nats_url=nats_url,
            blob_url=f"file://{root / 'blobs'}",
            grpc_port=0,
            metrics_port=None,
        )
    )
    try:
        started = time.perf_counter()
        rows = generation_rows(args.rows, seed=1)
        await insert_generations(database_url, rows)
        await analyze(database_url)
        loaded = time.perf_counter() - started
        load = os.getloadavg()[0]  # other work on the machine shows in the tail latencies
        print(f"-- {label}: {args.rows} generations loaded in {loaded:.1f} s, load average {load:.1f}")
        nobody = f"127.0.0.1:{free_port()}"
        settings = GatewaySettings(
            library_addr=library.address,
            ingest_addr=nobody,
            analysis_addr=nobody,
            separation_addr=nobody,
            generation_addr=nobody,
            nats_url=nats_url,
            blob_url=f"file://{root / 'blobs'}",
            rate_limit_auth=UNLIMITED,
            rate_limit_soundbox=UNLIMITED,
            log_json=False,
        )
        clients = GatewayClients.open(settings)
        bus = await EventBus.connect(nats_url, "bench-gateway")
        blobs = open_blob_store(settings)
        try:
            app = create_app(settings, clients, bus, blobs)
            transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                user = await clients.library.CreateUser(
                    pb.CreateUserRequest(
                        email=f"bench-{uuid.uuid4().hex[:8]}@example.com", password="bench password"
                    )
                )
                key = await clients.library.CreateApiKey(
                    pb.CreateApiKeyRequest(user_id=user.id, name="bench")
                )
                auth = {"Authorization": f"Bearer {key.token}"}
                rng = random.Random(2)
                public = [r["id"] for r in rows if not r["private"]]
                for generation_id in rng.sample(public, 200):
                    await clients.library.AddFavorite(
                        pb.FavoriteRequest(user_id=user.id, generation_id=generation_id)
                    )

                def words(n: int) -> str:
                    return " ".join(rng.sample(WORDS, n))

                routes: list[tuple[str, Callable[[], tuple[str, dict[str, str | int]]], dict[str, str]]] = [
                    (
                        "library page (recent)",
                        lambda: ("/soundbox/api/library", {"page": rng.randint(1, 50)}),
                        {},
                    ),
                    (
                        "library page (rating)",
                        lambda: ("/soundbox/api/library", {"page": rng.randint(1, 50), "sort": "rating"}),
                        {},
                    ),
                    (
                        "library page (music, popular)",
                        lambda: ("/soundbox/api/library", {"model": "music", "sort": "popular"}),
                        {},
                    ),
                    ("search page (1 word)", lambda: ("/soundbox/api/library", {"search": words(1)}), {}),
                    ("search page (2 words)", lambda: ("/soundbox/api/library", {"search": words(2)}), {}),
                    ("radio shuffle", lambda: ("/soundbox/api/radio/shuffle", {}), {}),
                    (
                        "radio shuffle (music, keyword)",
                        lambda: ("/soundbox/api/radio/shuffle", {"model": "music", "search": words(1)}),
                        {},
                    ),
                    (
                        "radio next (signed in)",
                        lambda: ("/soundbox/api/radio/next", {"exclude": ",".join(rng.sample(public, 5))}),
                        auth,
                    ),
                    ("radio favorites", lambda: ("/soundbox/api/radio/favorites", {}), auth),
                    ("radio top-rated", lambda: ("/soundbox/api/radio/top-rated", {}), {}),
                    ("radio new", lambda: ("/soundbox/api/radio/new", {"hours": 168, "count": 10}), {}),
                ]
                print(f"{'route':34} {'p50 ms':>8} {'p95 ms':>8} {'goal p95':>9}")
                for name, make, headers in routes:
                    if args.route and not any(part in name for part in args.route):
                        continue
                    samples = await timed(client, make, headers, args.requests)
                    p50, p95 = statistics.median(samples), percentile(samples, 0.95)
                    verdict = "ok" if p95 < GOAL_P95_MS else "MISSED"
                    print(f"{name:34} {p50:8.1f} {p95:8.1f} {'< ' + str(int(GOAL_P95_MS)):>9} {verdict}")
        finally:
            await bus.close()
            await clients.close()
    finally:
        await library.stop(grace=0)


async def main(args: argparse.Namespace) -> None:
    logging.disable(logging.WARNING)
    databases = args.database or DATABASES
    with tempfile.TemporaryDirectory(prefix="sf-bench-soundbox-") as tmp, servers.nats_server() as nats_url:
        root = Path(tmp)
        if "sqlite" in databases:
            await run("SQLite", f"sqlite+aiosqlite:///{root / 'library.db'}", nats_url, root, args)
        if "postgresql" in databases:
            with servers.postgres_server() as postgres_url:
                await run("PostgreSQL", await postgres_database(postgres_url), nats_url, root, args)


if __name__ == "__main__":
    asyncio.run(main(arguments()))
