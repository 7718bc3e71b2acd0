"""`python -m soundforge.analysis`: build settings once, serve until SIGTERM, then drain."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

from soundforge.analysis.settings import AnalysisSettings
from soundforge.runtime.lifecycle import run, wait_for_shutdown
from soundforge.runtime.logging import configure_logging
from soundforge.runtime.metrics import serve_metrics


def use_writable_numba_cache(fallback: str | None) -> None:
    """Points NUMBA_CACHE_DIR somewhere writable when librosa's own __pycache__ is not.

    numba picks its cache locator when librosa's modules are imported, so this runs before
    anything imports librosa; an explicit NUMBA_CACHE_DIR always wins.
    """
    if os.environ.get("NUMBA_CACHE_DIR"):
        return
    spec = importlib.util.find_spec("librosa")
    package_dir = Path(spec.origin).parent if spec and spec.origin else None
    if package_dir is not None and os.access(package_dir, os.W_OK):
        return
    cache = Path(fallback) if fallback else Path(tempfile.gettempdir()) / "soundforge-numba"
    cache.mkdir(parents=True, exist_ok=True)
    os.environ["NUMBA_CACHE_DIR"] = str(cache)


async def main() -> None:
    settings = AnalysisSettings()
    configure_logging("analysis", settings.log_level, settings.log_json)
    use_writable_numba_cache(settings.numba_cache_dir)
    from soundforge.analysis.app import start  # imports librosa: only after the cache is settled

    # Metrics bind where gRPC binds, so one setting opens the pod (0.0.0.0) or keeps it local.
    serve_metrics(settings.metrics_port, host=settings.grpc_host)
    service = await start(settings)
    await wait_for_shutdown()
    await service.stop(settings.shutdown_grace_seconds)


if __name__ == "__main__":
    run(main)
