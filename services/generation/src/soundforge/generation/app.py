"""Wiring of the generation service: NATS, storage, the library and analysis, the engine, the queue,
the gRPC server, then this process's worker (its registry record, its feeder, its job loop)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import grpc
from nats.aio.msg import Msg

from soundforge.analysis.v1 import analysis_pb2, analysis_pb2_grpc
from soundforge.events import EventBus, JobWorker
from soundforge.generation.consumer import GenerationJobs
from soundforge.generation.engine import GenerationEngine
from soundforge.generation.feeder import Feeder
from soundforge.generation.queue import Estimates, GenerationQueue, QueueLimits
from soundforge.generation.registry import BUCKET, WorkerRegistry
from soundforge.generation.reporter import WorkerReporter
from soundforge.generation.scheduling import QueuePolicy
from soundforge.generation.servicer import SERVICE_NAME, GenerationServicer
from soundforge.generation.settings import GenerationSettings
from soundforge.generation.v1 import generation_pb2_grpc
from soundforge.library.client import LibraryClient
from soundforge.runtime.grpc_client import open_channel, wait_until_ready
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting
from soundforge.storage import open_blob_store

SERVICE = "generation"
# Core NATS (not JetStream): a hint that the queue changed, so idle feeders look at once instead
# of at their next poll. Losing one costs at most a poll interval.
QUEUE_CHANGED = "generation.queue.changed"


async def start(settings: GenerationSettings, engine: GenerationEngine | None = None) -> RunningService:
    """Starts the service; health says SERVING once NATS, storage, the library and the worker are up.

    Models load on first use, so start-up does not wait for weights; `/status` shows each model's
    state as it goes. `engine` replaces AudioCraft (tests of the queue hold their worker with one).
    """
    async with starting(SERVICE) as stack:
        bus = await EventBus.connect(settings.nats_url, name=SERVICE)
        stack.push(bus.close)
        await bus.ensure_streams()
        store = open_blob_store(settings)
        await store.ensure_ready()
        channel = open_channel(settings.library_addr)
        stack.push(channel.close)
        await wait_until_ready(channel, settings.library_addr, 30.0)
        library = LibraryClient(channel)
        analysis_channel = open_channel(settings.analysis_addr, default_timeout=60.0)
        stack.push(analysis_channel.close)
        analysis = analysis_pb2_grpc.AnalysisServiceStub(analysis_channel)
        ttl = settings.registry_ttl_seconds
        registry = WorkerRegistry(await bus.key_value(BUCKET, ttl), ttl)
        await registry.watch()
        stack.push(registry.stop)

        async def notify() -> None:
            await bus.nc.publish(QUEUE_CHANGED, b"")

        policy = QueuePolicy(settings.waiting_limits())
        queue = GenerationQueue(
            library,
            registry,
            policy,
            QueueLimits(
                settings.queue_limits(),
                settings.max_waiting_per_user,
                settings.admit_by_deadline,
            ),
            Estimates(settings.default_seconds_per_second, settings.job_overhead_seconds),
            notify,
        )
        model_dir = Path(settings.model_dir) if settings.model_dir else None
        if engine is None:
            # Imported here: it brings torch and AudioCraft, which a queue-only test does not need.
            from soundforge.generation.audiocraft_engine import AudioCraftEngine

            engine = AudioCraftEngine(
                model_dir,
                settings.checkpoints(),
                settings.model_memory_budget_mb,
                settings.device,
                settings.torch_threads,
            )
        servicer = GenerationServicer(queue, engine)

        def register(server: grpc.aio.Server) -> None:
            generation_pb2_grpc.add_GenerationServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        if settings.worker_enabled:
            reporter = WorkerReporter(
                registry,
                settings.worker_id or f"{socket.gethostname()}-{os.getpid()}",
                engine,
                settings.registry_ttl_seconds / 3,
            )

            async def render_spectrogram(owner_id: str, audio_key: str) -> str:
                request = analysis_pb2.RenderSpectrogramRequest(owner_id=owner_id, audio_key=audio_key)
                reply = await analysis.RenderSpectrogram(request)
                return str(reply.spectrogram_key)

            jobs = GenerationJobs(engine, store, render_spectrogram, reporter)
            worker = JobWorker(
                bus, SERVICE, jobs, max_deliver=settings.max_deliver, ack_wait=settings.ack_wait_seconds
            )

            async def unclaimed() -> int:
                return int((await bus.js.consumer_info("JOBS", worker.durable)).num_pending)

            feeder = Feeder(
                queue,
                library.release_job,
                worker,
                lambda: frozenset(engine.loaded()),
                policy,
                unclaimed,
                settings.feeder_poll_seconds,
            )
            await reporter.start()
            stack.push(reporter.stop)
            await worker.start()
            stack.push_draining(worker.stop)

            async def on_queue_changed(_msg: Msg) -> None:
                feeder.wake()

            wake = await bus.nc.subscribe(QUEUE_CHANGED, cb=on_queue_changed)
            stack.push(wake.unsubscribe)
            await feeder.start()
            stack.push(feeder.stop)

        await service.set_serving()
        return service
