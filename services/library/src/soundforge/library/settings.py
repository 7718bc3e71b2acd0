"""Settings of the library service (env prefix LIBRARY_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.plans import DEFAULT_PLAN, Plan
from soundforge.runtime.settings import ServiceSettings


class LibrarySettings(ServiceSettings):
    """The metadata service: where its database lives and how long credentials last."""

    model_config = SettingsConfigDict(env_prefix="LIBRARY_", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./var/soundforge.db"
    grpc_port: int = 50051
    session_ttl_days: int = Field(default=14, ge=1)
    # The plan of every user no admin has given one (free | standard | premium).
    default_plan: Plan = DEFAULT_PLAN
    # How often queued jobs whose request never reached NATS (it was down) are sent again.
    dispatch_retry_seconds: float = Field(default=5.0, gt=0)
    # Totals of large Sound Box listings (>= 1000 rows) are reused for this long (0: always counted).
    soundbox_total_cache_seconds: float = Field(default=10.0, ge=0)
