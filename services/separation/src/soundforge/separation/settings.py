"""Settings of the separation service (env prefix SEPARATION_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings


class SeparationSettings(ServiceSettings):
    """Stem separation: Demucs locally or lalal.ai, the DAW mixdown, and the Audio Pipeline's jobs."""

    model_config = SettingsConfigDict(env_prefix="SEPARATION_", extra="ignore")

    grpc_port: int = 50054
    # A Demucs model repository (`<sig>.th` files and `<name>.yaml` bags); empty: the hub (online).
    model_repo: str = ""
    # "auto": CUDA when present, else CPU; or force "cpu" / "cuda" / "cuda:1".
    device: str = "auto"
    # Loaded models kept in memory at once, most recently used first, within this many MiB.
    model_memory_budget_mb: int = Field(default=4096, ge=1)
    # torch threads per separation (0: torch's default, every core).
    torch_threads: int = Field(default=0, ge=0)
    worker_concurrency: int = Field(default=1, ge=1)
    max_deliver: int = Field(default=3, ge=1)
    ack_wait_seconds: float = Field(default=60.0, gt=0)
    library_ready_timeout_seconds: float = Field(default=30.0, gt=0)

    # lalal.ai (v1.1 API); a user's own key (settings "lalalai_license_key") wins over this default.
    lalalai_api_url: str = "https://www.lalal.ai/api/v1/"
    lalalai_license_key: SecretStr = SecretStr("")
    lalalai_poll_seconds: float = Field(default=2.0, gt=0)
    lalalai_timeout_seconds: float = Field(default=3600.0, gt=0)
    # The server key's plan size in minutes for the quota route (lalal.ai reports minutes left); 0: unknown.
    lalalai_plan_minutes: float = Field(default=0.0, ge=0)
    # Domains (and their subdomains) result tracks may be downloaded from, besides the API host itself.
    lalalai_download_hosts: str = "lalal.ai"

    # The Audio Pipeline (seed 004): upload limit and formats `/pipeline/config` reports, and the
    # normalisation stage's loudness target and true-peak ceiling (streaming services' -14 / -1).
    pipeline_max_file_size_mb: int = Field(default=500, ge=1)
    pipeline_formats: str = "wav,mp3,flac,ogg"
    pipeline_target_lufs: float = Field(default=-14.0, le=0)
    pipeline_true_peak_dbtp: float = Field(default=-1.0, le=0)
    # A pipeline's `callback_url` is POSTed its job record, signed with this secret (empty: none is
    # sent); retried on connection errors, 5xx and 429 after 2, 4, 8 ... seconds (at most the max).
    callback_secret: SecretStr = SecretStr("")
    # Hosts (by the name in the URL) a callback may reach though they resolve to non-public addresses.
    callback_allowed_hosts: str = ""
    callback_timeout_seconds: float = Field(default=10.0, gt=0)
    callback_max_attempts: int = Field(default=10, ge=1)
    callback_retry_seconds: float = Field(default=2.0, gt=0)
    callback_retry_max_seconds: float = Field(default=600.0, gt=0)

    # DAW mixdown limits (the gateway enforces the upload sizes; the service re-checks).
    mix_max_stems: int = Field(default=32, ge=1)
    mix_max_seconds: float = Field(default=1800.0, gt=0)
