"""The documented Spotify error codes (seed 001): lower-case codes the gateway maps to 400, 502 and 503."""

from __future__ import annotations

from soundforge.runtime.errors import SoundForgeError


class InvalidSpotifyUrl(SoundForgeError):
    """The text is not a Spotify track, album or playlist link (or URI)."""

    code = "invalid_url"
    grpc_status = "INVALID_ARGUMENT"


class SpotifyApiError(SoundForgeError):
    """Spotify's Web API or token endpoint failed, refused, or answered something unusable."""

    code = "spotify_error"
    grpc_status = "UNAVAILABLE"


class SpotifyNotConfigured(SoundForgeError):
    """No client id/secret in the settings: nothing Spotify can be done (the seed's `unauthorized`)."""

    code = "unauthorized"
    grpc_status = "FAILED_PRECONDITION"

    def __init__(self, message: str = "Spotify credentials are not configured") -> None:
        super().__init__(message)
