"""Wiring of the separation service: NATS, storage, the library, models, the gRPC server, the workers."""

from __future__ import annotations

from pathlib import Path

import grpc

from soundforge.events import EventBus
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.grpc_client import open_channel, wait_until_ready
from soundforge.runtime.scratch import claim as claim_scratch
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting
from soundforge.separation.callbacks import start_callbacks
from soundforge.separation.catalog import ModelCatalog
from soundforge.separation.consumer import SERVICE, JobsByKind, SeparationJobs, build_worker
from soundforge.separation.demucs_engine import DemucsEngine
from soundforge.separation.engine import SeparationEngine
from soundforge.separation.lalalai_service import LalalaiService
from soundforge.separation.mixdown import StemMixer
from soundforge.separation.model_store import ModelStore, pick_device
from soundforge.separation.pipeline_jobs import PipelineJobs
from soundforge.separation.servicer import SERVICE_NAME, SeparationServicer
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.stem_cache import StemCache
from soundforge.separation.v1 import separation_pb2_grpc
from soundforge.storage import open_blob_store


async def start(settings: SeparationSettings) -> RunningService:
    """Starts the service; health says SERVING once NATS, storage, the library and the worker are up.

    Models load on first use (a deployment may offer four and be asked for one), so start-up
    does not wait minutes for weights; a missing model fails its jobs with the reason.
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

        repo = Path(settings.model_repo) if settings.model_repo else None
        models = ModelStore(repo, pick_device(settings.device), settings.model_memory_budget_mb << 20)
        catalog = ModelCatalog(models.unavailable_reason)
        lalalai = LalalaiService(settings, bus, library, store)
        await lalalai.start()
        stack.push(lalalai.close)
        scratch = claim_scratch(settings.scratch_dir, SERVICE)
        stack.push(scratch.aclose)
        mixer = StemMixer(store, settings, scratch.path)
        servicer = SeparationServicer(library, catalog, lalalai, mixer, settings)

        def register(server: grpc.aio.Server) -> None:
            separation_pb2_grpc.add_SeparationServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        engines: dict[int, SeparationEngine] = {
            payloads_pb2.SEPARATION_ENGINE_LOCAL: DemucsEngine(models, settings.torch_threads),
            payloads_pb2.SEPARATION_ENGINE_LALALAI: lalalai,
        }
        cache = StemCache(store)
        separations = SeparationJobs(library, store, engines, cache, scratch.path)
        pipelines = PipelineJobs(
            library, store, engines[payloads_pb2.SEPARATION_ENGINE_LOCAL], cache, settings, scratch.path
        )
        worker = build_worker(bus, JobsByKind(separations, pipelines), settings)
        await worker.start()
        stack.push_draining(worker.stop)
        callbacks = await start_callbacks(bus, library, settings)
        if callbacks is not None:
            stack.push_draining(callbacks.stop)
        await service.set_serving()
        return service
