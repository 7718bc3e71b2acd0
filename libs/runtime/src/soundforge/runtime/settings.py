"""Settings shared by every service; each service subclasses with its own env prefix, over a shared `SF_`."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

SHARED_PREFIX = "SF_"

# Infrastructure every process of one deployment shares: an operator sets SF_NATS_URL once, and
# INGEST_NATS_URL only where one service must differ. Ports are per service, so never shared.
SHARED_FIELDS = frozenset(
    {
        "grpc_host",
        "metrics_port",
        "log_level",
        "log_json",
        "nats_url",
        "blob_url",
        "s3_endpoint",
        "s3_access_key",
        "s3_secret_key",
        "s3_secure",
        "s3_region",
        "library_addr",
        "shutdown_grace_seconds",
        "scratch_dir",
    }
)


class SharedEnvSource(EnvSettingsSource):
    """`SF_<FIELD>` for the shared fields only; read after the service's own prefix, so that one wins."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls, env_prefix=SHARED_PREFIX)

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[object, str, bool]:
        if field_name not in SHARED_FIELDS:
            return None, field_name, False
        return super().get_field_value(field, field_name)


class ServiceSettings(BaseSettings):
    """What every service process needs: where it listens and where the shared infrastructure is.

    Built once in each service's `main()` and passed down; nothing reads the environment later.
    Precedence: constructor arguments, `<SERVICE>_<FIELD>`, `SF_<FIELD>` (shared fields), default.
    """

    model_config = SettingsConfigDict(env_prefix=SHARED_PREFIX, extra="ignore")

    grpc_host: str = "127.0.0.1"
    grpc_port: int = 0
    metrics_port: int | None = Field(default=None, description="Prometheus /metrics port; None: off")
    log_level: str = "INFO"
    # None: JSON unless stderr is a terminal (a person running it); true/false: always/never.
    log_json: bool | None = None
    nats_url: str = "nats://127.0.0.1:4222"
    # Object storage: "file:///abs/dir" (embedded default) or "s3://bucket" with the s3_* settings.
    blob_url: str = "file://./var/blobs"
    s3_endpoint: str = ""
    s3_access_key: SecretStr = SecretStr("")
    s3_secret_key: SecretStr = SecretStr("")
    s3_secure: bool = False
    s3_region: str = "us-east-1"
    library_addr: str = "127.0.0.1:50051"
    shutdown_grace_seconds: float = 10.0
    # Where a worker stages tracks and stems on local disk, each process in a folder of its own that
    # the next process to start removes if its owner was killed (runtime.scratch); None: soundforge-scratch
    # in the system temp dir.
    scratch_dir: str | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            SharedEnvSource(settings_cls),
            dotenv_settings,
            file_secret_settings,
        )
