"""Settings shared by every service; each service subclasses with its own env prefix."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """What every service process needs: where it listens and where the shared infrastructure is.

    Built once in each service's `main()` and passed down; nothing reads the environment later.
    """

    model_config = SettingsConfigDict(env_prefix="SF_", extra="ignore")

    grpc_host: str = "127.0.0.1"
    grpc_port: int = 0
    metrics_port: int | None = Field(default=None, description="Prometheus /metrics port; None: off")
    log_level: str = "INFO"
    log_json: bool = True
    nats_url: str = "nats://127.0.0.1:4222"
    # Object storage: "file:///abs/dir" (embedded default) or "s3://bucket" with the s3_* settings.
    blob_url: str = "file://./var/blobs"
    s3_endpoint: str = ""
    s3_access_key: str = ""
    s3_secret_key: str = ""
    s3_secure: bool = False
    s3_region: str = "us-east-1"
    library_addr: str = "127.0.0.1:50051"
    shutdown_grace_seconds: float = 10.0
