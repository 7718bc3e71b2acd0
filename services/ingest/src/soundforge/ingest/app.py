"""Wiring of the ingest service: NATS, storage, the library, then the gRPC server; SERVING once all are up."""

from __future__ import annotations

import shutil
from pathlib import Path

import grpc

from soundforge.events import EventBus
from soundforge.ingest.library_client import LibraryTracks
from soundforge.ingest.servicer import SERVICE_NAME, IngestServicer
from soundforge.ingest.settings import IngestSettings
from soundforge.ingest.uploads import Uploads
from soundforge.ingest.v1 import ingest_pb2_grpc
from soundforge.runtime.grpc_client import open_channel, wait_until_ready
from soundforge.runtime.service import Closer, RunningService, start_grpc_service
from soundforge.storage import open_blob_store

SERVICE = "ingest"


async def start(settings: IngestSettings) -> RunningService:
    """Starts the service; health says SERVING only once NATS, storage and the library are ready.

    Uploads do not use NATS yet; the bus is opened now because ingest owns the download jobs
    (`jobs.ingest.*`), so health already means what it will mean when they arrive.
    """
    closers: list[Closer] = []
    try:
        bus = await EventBus.connect(settings.nats_url, name=SERVICE)
        closers.append(bus.close)
        await bus.ensure_streams()
        store = open_blob_store(settings)
        await store.ensure_ready()
        channel = open_channel(settings.library_addr)
        closers.append(channel.close)
        await wait_until_ready(channel, settings.library_addr, settings.library_ready_timeout_seconds)
        uploads = Uploads(
            store,
            LibraryTracks(channel),
            max_bytes=settings.max_upload_bytes,
            ffprobe=shutil.which(settings.ffprobe_path),
            probe_timeout=settings.probe_timeout_seconds,
            scratch_dir=Path(settings.scratch_dir) if settings.scratch_dir else None,
        )
        # The stubs mark every RPC abstract; at runtime the generated base answers the ones not
        # overridden with UNIMPLEMENTED, which is what an RPC without an implementation must say.
        servicer = IngestServicer(uploads)  # type: ignore[abstract]

        def register(server: grpc.aio.Server) -> None:
            ingest_pb2_grpc.add_IngestServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(
            SERVICE, settings.grpc_host, settings.grpc_port, register, [SERVICE_NAME], closers=closers
        )
    except BaseException:
        for close in reversed(closers):
            await close()
        raise
    await service.health.set_serving()
    return service
