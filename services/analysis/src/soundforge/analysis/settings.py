"""Settings of the analysis service (env prefix ANALYSIS_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings


class AnalysisSettings(ServiceSettings):
    """The Analyze RPC and its JetStream worker (same process)."""

    model_config = SettingsConfigDict(env_prefix="ANALYSIS_", extra="ignore")

    grpc_port: int = 50053
    worker_concurrency: int = Field(default=1, ge=1)
    max_deliver: int = Field(default=3, ge=1)
    ack_wait_seconds: float = Field(default=30.0, gt=0)
    # Where numba caches compiled librosa kernels when librosa's own __pycache__ is read-only
    # (a read-only container root); None: a directory under the system temp dir.
    numba_cache_dir: str | None = None
    # Spectrogram images RenderSpectrogram draws at once (each takes a core while it runs).
    render_concurrency: int = Field(default=1, ge=1)
    # How long start() waits for the library before giving up (the pod is then restarted).
    library_ready_timeout_seconds: float = Field(default=30.0, gt=0)
