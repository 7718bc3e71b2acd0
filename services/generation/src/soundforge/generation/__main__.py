"""`python -m soundforge.generation`: build settings once, serve until SIGTERM, then drain."""

from __future__ import annotations

from soundforge.generation.app import start
from soundforge.generation.settings import GenerationSettings
from soundforge.runtime.lifecycle import run, wait_for_shutdown
from soundforge.runtime.logging import configure_logging
from soundforge.runtime.metrics import serve_metrics


async def main() -> None:
    settings = GenerationSettings()
    configure_logging("generation", settings.log_level, settings.log_json)
    # Metrics bind where gRPC binds, so one setting opens the pod (0.0.0.0) or keeps it local.
    serve_metrics(settings.metrics_port, host=settings.grpc_host)
    service = await start(settings)
    await wait_for_shutdown()
    await service.stop(settings.shutdown_grace_seconds)


if __name__ == "__main__":
    run(main)
