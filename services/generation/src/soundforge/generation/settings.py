"""Settings of the generation service (env prefix GENERATION_), built once in main() and passed down."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings


class GenerationSettings(ServiceSettings):
    """Text-to-audio generation (MusicGen, AudioGen, MAGNeT) through a fair priority queue."""

    model_config = SettingsConfigDict(env_prefix="GENERATION_", extra="ignore")

    grpc_port: int = 50055
