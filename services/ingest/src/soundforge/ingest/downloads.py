"""Download requests: validate a URL or search, expand playlists, record one job per entry and queue it."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from soundforge.jobs.v1.jobs_pb2 import Job
from soundforge.runtime.errors import InvalidArgument, ValidationFailed
from soundforge.runtime.url_policy import UrlPolicy

SERVICE = "ingest"
DEFAULT_QUALITY = "high"
# yt-dlp's search prefixes ("ytsearch1:<artist> - <title>"); the worker resolves them, nothing is expanded.
SEARCH_SOURCE = re.compile(r"^ytsearch\d*:", re.IGNORECASE)
MAX_SOURCE_LENGTH = 2048
METADATA_FIELDS = ("title", "artist", "album", "album_art_url", "spotify_id", "duration")
_OWNER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")


@dataclass(frozen=True)
class Encoding:
    """What a quality is stored as: FLAC, or constant-bitrate MP3 at `bitrate_kbps`."""

    codec: str
    ext: str
    content_type: str
    bitrate_kbps: int | None = None  # None: lossless


# docs/architecture.md "Downloads" documents this table; keep them together.
QUALITIES: dict[str, Encoding] = {
    "lossless": Encoding("flac", "flac", "audio/flac"),
    "high": Encoding("mp3", "mp3", "audio/mpeg", 320),
    "medium": Encoding("mp3", "mp3", "audio/mpeg", 192),
    "low": Encoding("mp3", "mp3", "audio/mpeg", 128),
}


class DownloadRejected(InvalidArgument):
    """A download the server will not finish (too large, too long, live, no audio); never retried."""


@dataclass(frozen=True)
class PlaylistEntry:
    """One item found at a URL: its own URL, or the page URL plus its 1-based position there."""

    url: str
    title: str = ""
    playlist_item: int | None = None


class PlaylistReader(Protocol):
    """Looks at a URL without downloading: one entry for a single item, up to `limit` for a playlist.

    Raises ValidationFailed (422) for a URL that cannot work, UpstreamError when the site fails.
    """

    async def entries(self, url: str, limit: int) -> list[PlaylistEntry]: ...


class DownloadJobCatalog(Protocol):
    """Where job records live (the library): creates a queued download job."""

    async def create_download_job(self, owner_id: str, track_id: str, params: dict[str, Any]) -> Job: ...


def is_search(source: str) -> bool:
    return bool(SEARCH_SOURCE.match(source))


def resolve_quality(quality: str) -> str:
    quality = quality.strip().lower() or DEFAULT_QUALITY
    if quality not in QUALITIES:
        raise ValidationFailed({"quality": [f"must be one of {', '.join(QUALITIES)}"]})
    return quality


def clean_metadata(metadata: dict[str, Any] | None) -> dict[str, Any]:
    """The known fields, blanks dropped; strings trimmed to what the track record holds."""
    cleaned: dict[str, Any] = {}
    for name, value in (metadata or {}).items():
        if name not in METADATA_FIELDS or value is None or value == "":
            continue
        if name == "duration":
            if isinstance(value, int | float) and value > 0:
                cleaned[name] = float(value)
        else:
            cleaned[name] = str(value).strip()[: 2048 if name == "album_art_url" else 500]
    return cleaned


class DownloadRequests:
    """The one entry point for queueing downloads: StartDownload and ImportSpotify both call `enqueue`.

    `source` is an http(s) URL (checked against the URL policy, then expanded when it is a
    playlist) or a yt-dlp search such as "ytsearch1:<artist> - <title>" (one job, resolved by the
    worker). Each job gets a track id now, so the caller can answer with it before the track exists.
    """

    def __init__(
        self,
        catalog: DownloadJobCatalog,
        policy: UrlPolicy,
        reader: PlaylistReader,
        *,
        max_entries: int,
    ) -> None:
        self.catalog = catalog
        self.policy = policy
        self.reader = reader
        self.max_entries = max_entries

    async def enqueue(
        self, owner_id: str, source: str, quality: str, metadata: dict[str, Any] | None = None
    ) -> list[tuple[Job, str]]:
        """Records and queues one job per entry; returns (job, pre-picked track id) pairs in order."""
        if not _OWNER_ID.fullmatch(owner_id):
            raise InvalidArgument("owner_id is missing or malformed")
        source = source.strip()
        quality = resolve_quality(quality)
        entries = await self._entries(source)
        extra = clean_metadata(metadata)
        queued: list[tuple[Job, str]] = []
        for entry in entries:
            track_id = str(uuid.uuid4())
            params: dict[str, Any] = {"url": entry.url, "quality": quality}
            if entry.playlist_item is not None:
                params["playlist_item"] = entry.playlist_item
            if entry.title:
                params["entry_title"] = entry.title[:500]
            if extra:
                params["metadata"] = extra
            # The library commits the job and publishes its request (or resends it once NATS is back).
            job = await self.catalog.create_download_job(owner_id, track_id, params)
            queued.append((job, track_id))
        return queued

    async def _entries(self, source: str) -> Sequence[PlaylistEntry]:
        if not source:
            raise ValidationFailed({"url": ["can't be blank"]})
        if len(source) > MAX_SOURCE_LENGTH:
            raise ValidationFailed({"url": [f"is longer than {MAX_SOURCE_LENGTH} characters"]})
        if is_search(source):
            if not SEARCH_SOURCE.sub("", source).strip():
                raise ValidationFailed({"url": ["the search is empty"]})
            return [PlaylistEntry(source)]
        await asyncio.to_thread(self.policy.check, source)
        entries = await self.reader.entries(source, self.max_entries)
        if not entries:
            raise ValidationFailed({"url": ["the playlist has no entries"]})
        return entries[: self.max_entries]
