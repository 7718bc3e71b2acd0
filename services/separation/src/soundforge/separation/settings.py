"""Settings of the separation service (env prefix SEPARATION_), built once in main() and passed down."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings


class SeparationSettings(ServiceSettings):
    """Stem separation: Demucs locally or lalal.ai, and the Audio Pipeline's staged jobs."""

    model_config = SettingsConfigDict(env_prefix="SEPARATION_", extra="ignore")

    grpc_port: int = 50054
