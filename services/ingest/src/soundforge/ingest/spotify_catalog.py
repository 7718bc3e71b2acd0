"""The Spotify Web API through spotipy (client credentials) as a SpotifyCatalog; calls run in threads."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, TypeVar

import requests
import spotipy
from requests.adapters import HTTPAdapter
from spotipy.cache_handler import MemoryCacheHandler
from urllib3.util.retry import Retry

from soundforge.ingest.spotify_errors import SpotifyApiError
from soundforge.ingest.spotify_metadata import SpotifyTrack
from soundforge.ingest.spotify_urls import is_spotify_id
from soundforge.runtime.errors import NotFound

log = logging.getLogger(__name__)

T = TypeVar("T")
# The most the album-tracks and playlist-items endpoints return per page.
PAGE_SIZE = 50
Json = Mapping[str, Any]


def largest_image(images: Any) -> str:
    """The URL of the biggest image (Spotify lists them widest first, but sizes may be null)."""
    best, best_area = "", -1
    for image in images or ():
        area = (image.get("width") or 0) * (image.get("height") or 0)
        if image.get("url") and area > best_area:
            best, best_area = str(image["url"]), area
    return best


def track_from_json(item: Json | None, album: Json | None = None) -> SpotifyTrack | None:
    """A track object (full, or simplified with its album given) -> SpotifyTrack; None for what is
    not a playable catalog track (an episode, a local file, a removed entry)."""
    if not item or item.get("type", "track") != "track" or item.get("is_local"):
        return None
    spotify_id = str(item.get("id") or "")
    if not is_spotify_id(spotify_id):
        return None
    album = item.get("album") or album or {}
    artists = ", ".join(str(a["name"]) for a in item.get("artists") or () if a.get("name"))
    return SpotifyTrack(
        spotify_id=spotify_id,
        title=str(item.get("name") or ""),
        artist=artists,
        album=str(album.get("name") or ""),
        album_art_url=largest_image(album.get("images")),
        duration=float(item.get("duration_ms") or 0) / 1000.0,
        spotify_url=f"https://open.spotify.com/track/{spotify_id}",
    )


def _collect(tracks: list[SpotifyTrack], items: Any, album: Json | None, limit: int) -> None:
    for entry in items or ():
        item = entry
        # Playlist entries wrap the track: "item" since February 2026, "track" before.
        if isinstance(entry, Mapping) and ("item" in entry or "track" in entry):
            item = entry.get("item") or entry.get("track")
        if len(tracks) < limit and (track := track_from_json(item, album)) is not None:
            tracks.append(track)


def _session(retries: int) -> requests.Session:
    """Retries 429/5xx with backoff, then hands back the last answer (spotipy's own retry turns an
    exhausted 500 into a fake 429). Retry-After is not slept on: a request has a deadline to keep."""
    retry = Retry(
        total=retries,
        status=retries,
        backoff_factor=0.3,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "POST"}),
        raise_on_status=False,
        respect_retry_after_header=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class SpotipyCatalog:
    """Client-credentials access to the catalog; the token is cached in memory, never on disk."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        api_url: str,
        token_url: str,
        timeout: float,
        retries: int,
    ) -> None:
        credentials = spotipy.SpotifyClientCredentials(
            client_id=client_id,
            client_secret=client_secret,
            requests_timeout=timeout,
            cache_handler=MemoryCacheHandler(),
        )
        # spotipy reads the token endpoint from this attribute; settings point it elsewhere in tests.
        credentials.OAUTH_TOKEN_URL = token_url
        self._client = spotipy.Spotify(
            auth_manager=credentials, requests_session=_session(retries), requests_timeout=timeout
        )
        self._client.prefix = api_url if api_url.endswith("/") else api_url + "/"

    async def _call(self, what: str, call: Callable[[], T]) -> T:
        try:
            return await asyncio.to_thread(call)
        except spotipy.SpotifyException as err:
            # Spotify answers 400 for an id it cannot read and 404 for one it does not know.
            if err.http_status in (400, 404) and what != "search":
                raise NotFound(f"Spotify {what} not found") from None
            log.warning("Spotify API error", extra={"status": err.http_status, "what": what})
            if err.http_status == 403:
                raise SpotifyApiError(f"Spotify refused access to this {what}") from None
            raise SpotifyApiError(f"Spotify API returned an error (HTTP {err.http_status})") from None
        except spotipy.SpotifyOauthError as err:
            log.warning("Spotify token request failed", extra={"reason": str(err.error)})
            raise SpotifyApiError("Spotify rejected the client credentials") from None
        except (requests.RequestException, ValueError) as err:
            log.warning("Spotify unreachable", extra={"reason": type(err).__name__})
            raise SpotifyApiError("Spotify API is unreachable") from None

    async def track(self, spotify_id: str) -> SpotifyTrack:
        found = track_from_json(await self._call("track", lambda: self._client.track(spotify_id)))
        if found is None:
            raise NotFound("Spotify track not found")
        return found

    async def album_tracks(self, album_id: str, limit: int) -> list[SpotifyTrack]:
        album: Json = await self._call("album", lambda: self._client.album(album_id))
        page: Json = album.get("tracks") or {}
        tracks: list[SpotifyTrack] = []
        _collect(tracks, page.get("items"), album, limit)
        offset, total = len(page.get("items") or ()), int(page.get("total") or 0)
        while offset < min(total, limit):
            page = await self._call(
                "album", partial(self._client.album_tracks, album_id, limit=PAGE_SIZE, offset=offset)
            )
            items = page.get("items") or ()
            if not items:
                break
            _collect(tracks, items, album, limit)
            offset += len(items)
        return tracks

    async def playlist_tracks(self, playlist_id: str, limit: int) -> list[SpotifyTrack]:
        tracks: list[SpotifyTrack] = []
        offset, total = 0, limit
        while offset < min(total, limit):
            page: Json = await self._call(
                "playlist",
                partial(
                    self._client.playlist_items,
                    playlist_id,
                    limit=PAGE_SIZE,
                    offset=offset,
                    additional_types=("track",),
                ),
            )
            items = page.get("items") or ()
            if not items:
                break
            _collect(tracks, items, None, limit)
            offset, total = offset + len(items), int(page.get("total") or 0)
        return tracks

    async def search(self, query: str, limit: int) -> list[SpotifyTrack]:
        found: Json = await self._call(
            "search", lambda: self._client.search(query, limit=limit, type="track")
        )
        tracks: list[SpotifyTrack] = []
        _collect(tracks, (found.get("tracks") or {}).get("items"), None, limit)
        return tracks
