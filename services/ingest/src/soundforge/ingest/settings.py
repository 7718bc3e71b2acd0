"""Settings of the ingest service (env prefix INGEST_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    """Audio in: upload staging and validation (downloads and Spotify arrive in a later issue)."""

    model_config = SettingsConfigDict(env_prefix="INGEST_", extra="ignore")

    grpc_port: int = 50052
    # 500 MiB: the Audio Pipeline documents max_file_size_mb = 500.
    max_upload_bytes: int = Field(default=500 * 1024 * 1024, ge=1)
    # m4a/aac are probed with ffprobe; when it is not on PATH those uploads are refused (415).
    ffprobe_path: str = "ffprobe"
    probe_timeout_seconds: float = Field(default=30.0, gt=0)
    # Where uploads are downloaded for probing; None: the system temp dir.
    scratch_dir: str | None = None
    # How long start() waits for the library before giving up (the pod is then restarted).
    library_ready_timeout_seconds: float = Field(default=30.0, gt=0)
