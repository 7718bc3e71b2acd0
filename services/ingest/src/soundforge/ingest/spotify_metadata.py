"""Spotify metadata: fetch a link's tracks, search, look one up, and import (one download job per track)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Generic, Protocol, TypeVar

from soundforge.ingest.downloads import resolve_quality
from soundforge.ingest.spotify_errors import SpotifyNotConfigured
from soundforge.ingest.spotify_urls import SpotifyKind, SpotifyRef, is_spotify_id, parse_spotify_url
from soundforge.runtime.errors import NotFound, ValidationFailed

JobT = TypeVar("JobT")
JobT_co = TypeVar("JobT_co", covariant=True)

MAX_QUERY_LENGTH = 200
# Spotify's search answers at most 10 items per page for development-mode apps (February 2026).
MAX_SEARCH_LIMIT = 10
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class SpotifyTrack:
    """One Spotify track as the seed shows it (duration in seconds)."""

    spotify_id: str
    title: str
    artist: str  # every artist, joined with ", "
    album: str
    album_art_url: str  # the largest image; "" when the album has none
    duration: float
    spotify_url: str


class SpotifyCatalog(Protocol):
    """Spotify's catalog (the Web API behind client credentials); failures raise SpotifyApiError."""

    async def track(self, spotify_id: str) -> SpotifyTrack:
        """NotFound when Spotify has no such track."""
        ...

    async def album_tracks(self, album_id: str, limit: int) -> list[SpotifyTrack]: ...

    async def playlist_tracks(self, playlist_id: str, limit: int) -> list[SpotifyTrack]: ...

    async def search(self, query: str, limit: int) -> list[SpotifyTrack]: ...


class OwnedTracks(Protocol):
    """The library's answer to "which of these Spotify tracks does this owner have?"."""

    async def track_ids(self, owner_id: str, spotify_ids: list[str]) -> dict[str, str]: ...


class DownloadQueue(Protocol[JobT_co]):
    """Download jobs (soundforge.ingest.downloads.DownloadRequests): (job, track id) per entry."""

    async def enqueue(
        self, owner_id: str, source: str, quality: str, metadata: dict[str, Any]
    ) -> Sequence[tuple[JobT_co, str]]: ...


@dataclass(frozen=True)
class FetchedTrack:
    track: SpotifyTrack
    track_id: str  # the owner's library track for it; "" when they have none


@dataclass(frozen=True)
class Fetched:
    kind: SpotifyKind
    tracks: list[FetchedTrack]


@dataclass(frozen=True)
class ImportedTrack(Generic[JobT]):
    spotify_id: str
    job: JobT
    track_id: str


def search_source(track: SpotifyTrack) -> str:
    """What yt-dlp searches for the audio: the best match for "<artist> - <title>"."""
    text = f"{track.artist} - {track.title}" if track.artist else track.title
    return "ytsearch1:" + " ".join(_CONTROL.sub(" ", text).split())


def download_metadata(track: SpotifyTrack) -> dict[str, Any]:
    """What the download job records on the track it makes (spotify_id links the two later)."""
    metadata = asdict(track)
    metadata.pop("spotify_url")
    return metadata


class SpotifyMetadata(Generic[JobT]):
    """The Spotify features of ingest; `catalog` is None when no credentials are configured."""

    def __init__(
        self,
        catalog: SpotifyCatalog | None,
        owned: OwnedTracks,
        downloads: DownloadQueue[JobT],
        *,
        max_collection_tracks: int,
    ) -> None:
        self._catalog = catalog
        self._owned = owned
        self._downloads = downloads
        self._max_tracks = max_collection_tracks

    def _configured(self) -> SpotifyCatalog:
        if self._catalog is None:
            raise SpotifyNotConfigured()
        return self._catalog

    async def _tracks(self, ref: SpotifyRef) -> list[SpotifyTrack]:
        catalog = self._configured()
        if ref.kind == "track":
            return [await catalog.track(ref.id)]
        if ref.kind == "album":
            return await catalog.album_tracks(ref.id, self._max_tracks)
        return await catalog.playlist_tracks(ref.id, self._max_tracks)

    async def fetch(self, owner_id: str, url: str) -> Fetched:
        """The link's tracks (albums and playlists: at most `max_collection_tracks`, in order)."""
        ref = parse_spotify_url(url)
        tracks = await self._tracks(ref)
        owned = await self._owned.track_ids(owner_id, [track.spotify_id for track in tracks])
        return Fetched(ref.kind, [FetchedTrack(track, owned.get(track.spotify_id, "")) for track in tracks])

    async def search(self, query: str, limit: int = 0) -> list[SpotifyTrack]:
        query = " ".join(_CONTROL.sub(" ", query).split())
        if not query:
            raise ValidationFailed({"q": ["can't be blank"]})
        if len(query) > MAX_QUERY_LENGTH:
            raise ValidationFailed({"q": [f"must be at most {MAX_QUERY_LENGTH} characters"]})
        limit = MAX_SEARCH_LIMIT if limit <= 0 else min(limit, MAX_SEARCH_LIMIT)
        return await self._configured().search(query, limit)

    async def track(self, spotify_id: str) -> SpotifyTrack:
        """A malformed id is "no such track" too, and never reaches Spotify's URL space."""
        catalog = self._configured()
        if not is_spotify_id(spotify_id):
            raise NotFound("Spotify track not found")
        return await catalog.track(spotify_id)

    async def import_url(self, owner_id: str, url: str, quality: str) -> list[ImportedTrack[JobT]]:
        """One download job per track of the link; the audio is found by a yt-dlp search.

        Jobs are queued in the link's order; if queueing fails part way, the jobs already queued
        stay (each is a complete job of its own) and the error is reported.
        """
        ref = parse_spotify_url(url)
        quality = resolve_quality(quality)  # before Spotify is asked anything
        tracks = await self._tracks(ref)
        if not tracks:
            raise ValidationFailed({"url": [f"the {ref.kind} has no tracks"]})
        imported: list[ImportedTrack[JobT]] = []
        for track in tracks:
            queued = await self._downloads.enqueue(
                owner_id, search_source(track), quality, download_metadata(track)
            )
            imported.extend(ImportedTrack(track.spotify_id, job, track_id) for job, track_id in queued)
        return imported
