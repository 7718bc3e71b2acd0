"""`python -m soundforge.analysis`: build settings once, serve until SIGTERM/SIGINT, then drain."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

from soundforge.analysis.settings import AnalysisSettings
from soundforge.runtime.lifecycle import run, serve


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
    use_writable_numba_cache(settings.numba_cache_dir)
    from soundforge.analysis.app import start  # imports librosa: only after the cache is settled

    await serve("analysis", settings, start)


if __name__ == "__main__":
    run(main)
