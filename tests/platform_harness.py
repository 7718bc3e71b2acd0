"""The whole platform in one test process: every service's production `start()` on port 0."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from soundforge.analysis.app import start as start_analysis
from soundforge.analysis.settings import AnalysisSettings
from soundforge.gateway.app import start as start_gateway
from soundforge.gateway.settings import GatewaySettings
from soundforge.generation.app import start as start_generation
from soundforge.generation.settings import GenerationSettings
from soundforge.ingest.app import start as start_ingest
from soundforge.ingest.settings import IngestSettings
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.runtime.settings import ServiceSettings
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import BlobStore, open_blob_store
from soundforge.testing.demucs_models import build_model_repo
from soundforge.testing.fake_lalalai import fake_lalalai
from soundforge.testing.servers import S3Server


@dataclass
class Platform:
    client: httpx.AsyncClient
    blobs: BlobStore
    config: str


async def fresh_postgres_database(server_url: str) -> str:
    """A new, empty database on the shared test cluster, so each platform starts clean."""
    name = "sf_" + uuid.uuid4().hex[:12]
    conn = await asyncpg.connect(server_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return server_url.rsplit("/", 1)[0] + "/" + name


@asynccontextmanager
async def running_platform(
    tmp: Path,
    nats_url: str,
    *,
    database_url: str,
    s3: S3Server | None,
    gateway_overrides: dict[str, Any] | None = None,
) -> AsyncIterator[Platform]:
    # lalal.ai is the local fake: a key a client puts in its settings is judged there (an unknown
    # key is refused, 409), and no test reaches for the real service.
    with fake_lalalai() as lalalai:
        common: dict[str, Any] = {"nats_url": nats_url, "grpc_port": 0, "log_json": True}
        if s3 is None:
            common["blob_url"] = f"file://{tmp / 'blobs'}"
            config = "sqlite+local"
        else:
            common |= {
                "blob_url": f"s3://e2e-{uuid.uuid4().hex[:12]}",
                "s3_endpoint": s3.endpoint,
                "s3_access_key": s3.access_key,
                "s3_secret_key": s3.secret_key,
                "s3_region": s3.region,
            }
            config = "postgres+s3"
        library = await start_library(LibrarySettings(database_url=database_url, **common))
        stack = [library]
        try:
            common["library_addr"] = library.address
            ingest = await start_ingest(IngestSettings(**common, public_network=False))
            stack.append(ingest)
            analysis = await start_analysis(
                AnalysisSettings(**common, ack_wait_seconds=5.0, numba_cache_dir=str(tmp / "numba"))
            )
            stack.append(analysis)
            # Tiny random-weight htdemucs: real separations, fast; the other models' weights are absent.
            repo = build_model_repo(tmp / "models", names=("htdemucs",))
            separation = await start_separation(
                SeparationSettings(
                    **common,
                    model_repo=str(repo),
                    torch_threads=1,
                    ack_wait_seconds=10.0,
                    lalalai_api_url=lalalai.api_url,
                )
            )
            stack.append(separation)
            # The queue's RPCs without a worker: the contract is HTTP, and a fuzzer's generations of
            # up to 120 s would only compete for the cores (the worker has its own tests).
            generation = await start_generation(
                GenerationSettings(**common, analysis_addr=analysis.address, worker_enabled=False)
            )
            stack.append(generation)
            gateway_settings = GatewaySettings(
                **{k: v for k, v in common.items() if k != "grpc_port"},
                http_port=0,
                ingest_addr=ingest.address,
                analysis_addr=analysis.address,
                separation_addr=separation.address,
                generation_addr=generation.address,
                **(gateway_overrides or {}),
            )
            gateway = await start_gateway(gateway_settings)
            try:
                blobs = open_blob_store(
                    ServiceSettings(**{k: v for k, v in common.items() if k != "library_addr"})
                )
                async with httpx.AsyncClient(base_url=gateway.url, timeout=30.0) as client:
                    yield Platform(client=client, blobs=blobs, config=config)
            finally:
                await gateway.stop()
        finally:
            for service in reversed(stack):
                await service.stop(grace=1.0)
