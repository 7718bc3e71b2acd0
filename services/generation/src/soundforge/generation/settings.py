"""Settings of the generation service (env prefix GENERATION_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from soundforge.generation.scheduling import ADMIN, FREE, PREMIUM, STANDARD
from soundforge.runtime.settings import ServiceSettings


class GenerationSettings(ServiceSettings):
    """Text-to-audio generation (MusicGen, AudioGen, MAGNeT) through a fair priority queue."""

    model_config = SettingsConfigDict(env_prefix="GENERATION_", extra="ignore")

    grpc_port: int = 50055
    analysis_addr: str = "127.0.0.1:50053"  # RenderSpectrogram draws each clip's spectrogram

    # Checkpoints: `<model_dir>/<checkpoint dir>/` in AudioCraft's format; empty: the hub (online).
    model_dir: str = ""
    checkpoint_music: str = "facebook/musicgen-small"
    checkpoint_audio: str = "facebook/audiogen-medium"
    checkpoint_magnet_music: str = "facebook/magnet-small-10secs"
    checkpoint_magnet_audio: str = "facebook/audio-magnet-small"
    # "auto": CUDA when present, else CPU; or "cpu" / "cuda" / "cuda:1".
    device: str = "auto"
    # Loaded models kept at once, most recently used first, within this many MiB.
    model_memory_budget_mb: int = Field(default=8192, ge=1)
    # torch threads of this process (0: torch's default). One per worker process on a shared CPU:
    # spinning OpenMP threads on busy cores measured 10x slower than one thread.
    torch_threads: int = Field(default=0, ge=0)

    # This process also runs a worker (False: RPCs only, e.g. a CPU front replica).
    worker_enabled: bool = True
    worker_id: str = ""  # empty: <hostname>-<pid>
    ack_wait_seconds: float = Field(default=60.0, gt=0)
    max_deliver: int = Field(default=3, ge=1)
    registry_ttl_seconds: float = Field(default=15.0, gt=0)  # a silent worker is gone after this
    feeder_poll_seconds: float = Field(default=2.0, gt=0)

    # The queue: a class's waiting limit (seconds; past it a job is served as the class above),
    # a class's most waiting jobs (more: 429 with retry_after), and a user's most waiting jobs.
    wait_limit_free_seconds: float = Field(default=600.0, gt=0)
    wait_limit_standard_seconds: float = Field(default=300.0, gt=0)
    wait_limit_premium_seconds: float = Field(default=120.0, gt=0)
    wait_limit_admin_seconds: float = Field(default=60.0, gt=0)
    queue_limit_free: int = Field(default=50, ge=1)
    queue_limit_standard: int = Field(default=100, ge=1)
    queue_limit_premium: int = Field(default=100, ge=1)
    queue_limit_admin: int = Field(default=100, ge=1)
    max_waiting_per_user: int = Field(default=5, ge=1)
    # Also refuse (429) a job the plan says would start past its class's waiting limit (keeping room
    # for the work the classes above bring), or push a waiting job past its limit plus the new
    # job's run: what keeps every admitted job's wait bounded when more work arrives than the
    # workers serve, refusing the lowest class first. Off: only the counts above are limits.
    admit_by_deadline: bool = True
    # Estimates before a model's speed is measured: seconds of work per second of audio, plus a
    # fixed cost per job.
    default_seconds_per_second: float = Field(default=2.0, gt=0)
    job_overhead_seconds: float = Field(default=0.5, ge=0)

    def checkpoints(self) -> dict[str, str]:
        return {
            "music": self.checkpoint_music,
            "audio": self.checkpoint_audio,
            "magnet-music": self.checkpoint_magnet_music,
            "magnet-audio": self.checkpoint_magnet_audio,
        }

    def waiting_limits(self) -> dict[int, float]:
        return {
            FREE: self.wait_limit_free_seconds,
            STANDARD: self.wait_limit_standard_seconds,
            PREMIUM: self.wait_limit_premium_seconds,
            ADMIN: self.wait_limit_admin_seconds,
        }

    def queue_limits(self) -> dict[int, int]:
        return {
            FREE: self.queue_limit_free,
            STANDARD: self.queue_limit_standard,
            PREMIUM: self.queue_limit_premium,
            ADMIN: self.queue_limit_admin,
        }
