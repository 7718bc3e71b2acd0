"""Spotify links -> (kind, id): open.spotify.com URLs (intl-xx paths, query strings) and spotify: URIs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, cast
from urllib.parse import urlsplit

from soundforge.ingest.spotify_errors import InvalidSpotifyUrl

SpotifyKind = Literal["track", "album", "playlist"]
KINDS: tuple[SpotifyKind, ...] = ("track", "album", "playlist")
WEB_HOSTS = frozenset({"open.spotify.com", "play.spotify.com"})
MAX_URL_LENGTH = 2048

# Spotify ids are 22 base62 characters; anything else is not one, whatever the path says.
_ID = re.compile(r"^[0-9A-Za-z]{22}$")
# Localised web paths: /intl-de/track/..., /intl-pt/..., /intl-zh-hant/...
_INTL = re.compile(r"^intl-[a-z]{2}(?:-[a-z0-9]+)?$", re.IGNORECASE)
_HINT = "expected an open.spotify.com track, album or playlist link or a spotify: URI"


@dataclass(frozen=True)
class SpotifyRef:
    kind: SpotifyKind
    id: str

    @property
    def url(self) -> str:
        return f"https://open.spotify.com/{self.kind}/{self.id}"


def is_spotify_id(text: str) -> bool:
    return bool(_ID.match(text))


def _ref(kind: str, spotify_id: str) -> SpotifyRef:
    if kind not in KINDS:
        raise InvalidSpotifyUrl(f"only track, album and playlist links are supported: {_HINT}")
    if not is_spotify_id(spotify_id):
        raise InvalidSpotifyUrl(f"not a Spotify id: {_HINT}")
    return SpotifyRef(cast(SpotifyKind, kind), spotify_id)


def _from_uri(text: str) -> SpotifyRef:
    parts = text.split(":")
    # spotify:user:<name>:playlist:<id> is the legacy form of a playlist URI.
    if len(parts) == 5 and parts[1] == "user" and parts[3] == "playlist":
        return _ref("playlist", parts[4])
    if len(parts) != 3:
        raise InvalidSpotifyUrl(f"could not parse the Spotify URI: {_HINT}")
    return _ref(parts[1].lower(), parts[2])


def _from_web_url(text: str) -> SpotifyRef:
    if "://" not in text:
        text = "https://" + text  # "open.spotify.com/track/..." as people paste it
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise InvalidSpotifyUrl(f"could not parse the URL: {_HINT}") from None
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or host not in WEB_HOSTS:
        raise InvalidSpotifyUrl(f"not a Spotify URL: {_HINT}")
    if port is not None or parts.username is not None:
        raise InvalidSpotifyUrl(f"not a Spotify URL: {_HINT}")
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments and _INTL.match(segments[0]):
        segments = segments[1:]
    if segments and segments[0] == "embed":
        segments = segments[1:]
    # /user/<name>/playlist/<id> is the legacy form of a playlist link.
    if len(segments) == 4 and segments[0] == "user" and segments[2] == "playlist":
        segments = segments[2:]
    if len(segments) != 2:
        raise InvalidSpotifyUrl(f"could not parse the Spotify URL: {_HINT}")
    return _ref(segments[0].lower(), segments[1])


def names_spotify(text: str) -> bool:
    """Whether a download source points at Spotify (a spotify: URI or a Spotify web host) at all;
    such a link is imported (metadata from Spotify, audio by search), never fetched as a page."""
    text = text.strip()
    if text.lower().startswith("spotify:"):
        return True
    try:
        host = (urlsplit(text).hostname or "").lower()
    except ValueError:
        return False
    return host in WEB_HOSTS or host.endswith(".spotify.com") or host == "spotify.link"


def parse_spotify_url(text: str) -> SpotifyRef:
    """The track, album or playlist a link or URI names; InvalidSpotifyUrl (400) otherwise.

    Query strings (`?si=...`) and fragments are ignored. Short links (spotify.link/...) are not
    followed: resolving them means fetching an arbitrary redirect chain, so they are refused.
    """
    text = text.strip()
    if not text:
        raise InvalidSpotifyUrl(f"url is required: {_HINT}")
    if len(text) > MAX_URL_LENGTH:
        raise InvalidSpotifyUrl(f"url is longer than {MAX_URL_LENGTH} characters")
    if text.lower().startswith("spotify:"):
        return _from_uri(text)
    return _from_web_url(text)
