"""Wiring of the analysis service: NATS, storage, the library, the gRPC server, warm-up, then the worker."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import grpc

from soundforge.analysis.consumer import SERVICE, build_worker
from soundforge.analysis.features import warm_up
from soundforge.analysis.servicer import SERVICE_NAME, AnalysisServicer
from soundforge.analysis.settings import AnalysisSettings
from soundforge.analysis.spectrogram_renderer import SpectrogramRenderer
from soundforge.analysis.v1 import analysis_pb2_grpc
from soundforge.events import EventBus
from soundforge.library.client import LibraryClient
from soundforge.runtime.grpc_client import open_channel, wait_until_ready
from soundforge.runtime.scratch import claim as claim_scratch
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting
from soundforge.storage import open_blob_store


async def start(settings: AnalysisSettings, warm: Callable[[], None] = warm_up) -> RunningService:
    """Starts the service; health says SERVING only once every dependency, numba and the worker are up.

    The port opens (NOT_SERVING) before the warm-up (`warm`, run in a thread: every feature on a
    short clip), which can take half a minute on a cold numba cache, so probes see a live process
    that is not ready rather than a refused connection, and the first job is as fast as the rest.
    """
    async with starting(SERVICE) as stack:
        bus = await EventBus.connect(settings.nats_url, name=SERVICE)
        stack.push(bus.close)
        await bus.ensure_streams()
        store = open_blob_store(settings)
        await store.ensure_ready()
        channel = open_channel(settings.library_addr)
        stack.push(channel.close)
        await wait_until_ready(channel, settings.library_addr, settings.library_ready_timeout_seconds)

        library = LibraryClient(channel)
        scratch = claim_scratch(settings.scratch_dir, SERVICE)
        stack.push(scratch.aclose)
        spectrograms = SpectrogramRenderer(store, scratch.path, settings.render_concurrency)
        servicer = AnalysisServicer(library, spectrograms)

        def register(server: grpc.aio.Server) -> None:
            analysis_pb2_grpc.add_AnalysisServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        await asyncio.to_thread(warm)
        worker = build_worker(bus, library, store, settings, scratch.path)
        await worker.start()
        stack.push_draining(worker.stop)
        await service.set_serving()
        return service
