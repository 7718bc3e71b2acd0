"""Settings of the ingest service (env prefix INGEST_), built once in main() and passed down."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    """Audio in: uploads, URL downloads (yt-dlp, with their worker) and Spotify."""

    model_config = SettingsConfigDict(env_prefix="INGEST_", extra="ignore")

    grpc_port: int = 50052
    # 500 MiB: the Audio Pipeline documents max_file_size_mb = 500.
    max_upload_bytes: int = Field(default=500 * 1024 * 1024, ge=1)
    # Staged uploads never completed (a gateway died mid-upload) are deleted after this long;
    # longer than the slowest upload, since an upload's sidecar is written when it begins.
    staging_ttl_seconds: float = Field(default=24 * 3600.0, gt=0)
    staging_sweep_seconds: float = Field(default=3600.0, gt=0)
    # m4a/aac are probed with ffprobe; when it is not on PATH those uploads are refused (415).
    ffprobe_path: str = "ffprobe"
    probe_timeout_seconds: float = Field(default=30.0, gt=0)
    # How long start() waits for the library before giving up (the pod is then restarted).
    library_ready_timeout_seconds: float = Field(default=30.0, gt=0)
    # ffmpeg converts downloads per quality and makes every track's canonical FLAC copy.
    ffmpeg_path: str = "ffmpeg"
    # URL downloads (yt-dlp). Hosts named here (comma-separated, e.g. "127.0.0.1") may resolve to
    # loopback/private addresses; every other host must resolve to public addresses only.
    allowed_hosts: str = ""
    # False: downloads reach only the allowed_hosts (an offline mirror; the tests' local servers),
    # and any other name, a "ytsearch1:" search's included, is refused without a DNS lookup.
    public_network: bool = True
    max_download_bytes: int = Field(default=500 * 1024 * 1024, ge=1)
    max_download_duration_seconds: float = Field(default=3 * 3600.0, gt=0)
    # Fetching and converting one item, end to end.
    download_timeout_seconds: float = Field(default=1800.0, gt=0)
    # Looking at a URL while enqueueing (is it a playlist?); below the gateway's RPC deadline.
    inspect_timeout_seconds: float = Field(default=20.0, gt=0)
    socket_timeout_seconds: float = Field(default=20.0, gt=0)
    max_playlist_entries: int = Field(default=50, ge=1)
    worker_concurrency: int = Field(default=2, ge=1)
    max_deliver: int = Field(default=3, ge=1)
    ack_wait_seconds: float = Field(default=30.0, gt=0)
    # Spotify (client credentials). Empty id or secret: not configured, and Spotify calls answer
    # `unauthorized` (503). No defaults that look like credentials.
    spotify_client_id: str = ""
    spotify_client_secret: SecretStr = SecretStr("")
    spotify_api_url: str = "https://api.spotify.com/v1/"
    spotify_token_url: str = "https://accounts.spotify.com/api/token"
    spotify_authorize_url: str = "https://accounts.spotify.com/authorize"
    # The login callback registered with Spotify; empty: the gateway's own /auth/spotify/callback URL.
    spotify_redirect_uri: str = ""
    spotify_timeout_seconds: float = Field(default=10.0, gt=0)
    # Retries of a Spotify API call on 429/5xx (with backoff) before it counts as spotify_error.
    spotify_retries: int = Field(default=3, ge=0)
    # Albums and playlists are read up to this many tracks (fetch and import).
    spotify_max_collection_tracks: int = Field(default=500, ge=1, le=1000)
