"""Settings of the API gateway (env prefix GATEWAY_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings

MEGABYTE = 1024 * 1024


class GatewaySettings(ServiceSettings):
    """The HTTP edge: where it listens, where the services are, and the limits it enforces."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    http_host: str = "127.0.0.1"
    http_port: int = Field(default=4000, ge=0, le=65535)
    ingest_addr: str = "127.0.0.1:50052"
    analysis_addr: str = "127.0.0.1:50053"
    separation_addr: str = "127.0.0.1:50054"
    generation_addr: str = "127.0.0.1:50055"
    session_cookie: str = "sfa_session"
    csrf_cookie: str = "csrf_token"
    cookie_secure: bool = False
    # Peers whose X-Forwarded-For is believed (IPs or CIDR networks); nobody else's is.
    trusted_proxies: list[str] = Field(default_factory=list)
    rate_limit_auth: int = Field(default=60, ge=1)
    rate_limit_heavy: int = Field(default=10, ge=1)
    rate_window_seconds: int = Field(default=60, ge=1)
    # /soundbox: every request per window (per IP, or per user when signed in), and client error reports.
    rate_limit_soundbox: int = Field(default=120, ge=1)
    rate_limit_soundbox_log_error: int = Field(default=10, ge=1)
    # POST /users/log-in per client address, per (address, target email) and per target email from
    # all addresses; POST /users/register per client address; each per window: every attempt costs
    # a password hash, and guessing must be slow. The per-email limit is far above the per-pair one:
    # reaching it takes many addresses, so nobody locks an owner out from one.
    rate_limit_log_in: int = Field(default=20, ge=1)
    rate_limit_log_in_address_email: int = Field(default=10, ge=1)
    rate_limit_log_in_email: int = Field(default=100, ge=1)
    rate_limit_register: int = Field(default=10, ge=1)
    # Origins whose pages may call /pipeline (seed 004: all); never with cookies (pipeline_cors.py).
    pipeline_cors_origins: list[str] = Field(default_factory=lambda: ["*"])
    max_upload_bytes: int = Field(default=500 * MEGABYTE, ge=1)
    # POST /api/daw/export: stems per mix (files and library stem ids), all stem files together, and
    # the deadline of the mixdown RPC (minutes of audio take longer than one ordinary call).
    daw_max_stems: int = Field(default=32, ge=1)
    daw_max_upload_bytes: int = Field(default=1024 * MEGABYTE, ge=1)
    daw_export_timeout_seconds: float = Field(default=600.0, gt=0)
    # Deadline of each gRPC call a request makes; a hung service answers 503, not a hung request.
    rpc_timeout_seconds: float = Field(default=30.0, gt=0)
    # How long /health waits for the library and NATS before it reports the check failed.
    health_timeout_seconds: float = Field(default=1.0, gt=0)
    # The agent Orchestrator's LLM: any OpenAI-compatible chat-completions API (base URL up to /v1,
    # e.g. "https://api.openai.com/v1" or a local server's). No base URL or model: no provider, and
    # POST /api/agents/chat answers 503. A local server may need no key.
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: SecretStr = SecretStr("")
    # Deadline of each chat-completions call, and the tool rounds one chat turn may take before the
    # model must answer in words; /api/admin/llm/health asks the provider with its own short deadline.
    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    llm_max_tool_rounds: int = Field(default=4, ge=0, le=16)
    llm_health_timeout_seconds: float = Field(default=3.0, gt=0)
