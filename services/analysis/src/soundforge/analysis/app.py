"""Wiring of the analysis service: NATS, storage, the library, the gRPC server, warm-up, then the worker."""

from __future__ import annotations

import asyncio

import grpc

from soundforge.analysis.consumer import SERVICE, build_worker
from soundforge.analysis.features import warm_up
from soundforge.analysis.library_client import LibraryClient
from soundforge.analysis.servicer import SERVICE_NAME, AnalysisServicer
from soundforge.analysis.settings import AnalysisSettings
from soundforge.analysis.v1 import analysis_pb2_grpc
from soundforge.events import EventBus
from soundforge.runtime.grpc_client import open_channel, wait_until_ready
from soundforge.runtime.service import Closer, RunningService, start_grpc_service
from soundforge.storage import open_blob_store


async def start(settings: AnalysisSettings) -> RunningService:
    """Starts the service; health says SERVING only once every dependency, numba and the worker are up.

    The port opens (NOT_SERVING) before the warm-up, which can take half a minute on a cold numba
    cache, so probes see a live process that is not ready rather than a refused connection.
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
        library = LibraryClient(channel)
        # The stubs mark every RPC abstract; at runtime the generated base answers the ones not
        # overridden with UNIMPLEMENTED, which is what an RPC without an implementation must say.
        servicer = AnalysisServicer(library, bus)  # type: ignore[abstract]

        def register(server: grpc.aio.Server) -> None:
            analysis_pb2_grpc.add_AnalysisServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(
            SERVICE, settings.grpc_host, settings.grpc_port, register, [SERVICE_NAME], closers=closers
        )
    except BaseException:
        for close in reversed(closers):
            await close()
        raise
    try:
        await asyncio.to_thread(warm_up)
        worker = build_worker(bus, library, store, settings)
        await worker.start()
        service.closers.append(worker.stop)
    except BaseException:
        await service.stop(grace=0)
        raise
    await service.health.set_serving()
    return service
