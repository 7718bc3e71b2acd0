"""One download job: fetch the audio within the limits, store it in its quality's format, record the track."""

from __future__ import annotations

import asyncio
import functools
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from soundforge.ingest.downloads import QUALITIES, DownloadRejected, Encoding, clean_metadata, is_search
from soundforge.ingest.probing import AudioInfo, probe, probe_with_ffprobe
from soundforge.ingest.recording import NewTrack, TrackRecorder, file_digest
from soundforge.ingest.sniffing import MP3, SNIFF_BYTES, AudioFormat, sniff
from soundforge.ingest.transcoding import Transcoder
from soundforge.runtime.errors import UnsupportedMediaType
from soundforge.runtime.tasks import cancel_task
from soundforge.runtime.url_policy import UrlPolicy
from soundforge.storage import keys

TrackT = TypeVar("TrackT", bound="RecordedTrack")
TrackT_co = TypeVar("TrackT_co", covariant=True)

# Job progress: downloading fills 1-80, converting and storing take the rest.
DOWNLOAD_START, DOWNLOAD_END, CONVERTING, STORING = 1, 80, 85, 92
# An MP3 already at or below the requested bitrate is kept: re-encoding it cannot add quality.
_BITRATE_SLACK = 1.02


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int
    max_duration: float  # seconds of audio
    socket_timeout: float
    time_limit: float  # fetching and converting one item, in seconds


@dataclass(frozen=True)
class SourceInfo:
    """What the site says about the item (yt-dlp's fields); empty when it says nothing."""

    title: str = ""
    artist: str = ""
    album: str = ""
    thumbnail: str = ""
    webpage_url: str = ""
    duration: float | None = None


@dataclass(frozen=True)
class Downloaded:
    path: Path
    info: SourceInfo


@dataclass(frozen=True)
class DownloadOrder:
    """A download job's params as the worker reads them."""

    owner_id: str
    track_id: str
    url: str
    quality: str
    playlist_item: int | None = None
    entry_title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_params(cls, owner_id: str, track_id: str, params: dict[str, Any]) -> DownloadOrder:
        """From the job's DownloadParams as JSON (the fields it sets, proto field names)."""
        url, quality = str(params.get("url") or ""), str(params.get("quality") or "")
        if not (owner_id and track_id and url) or quality not in QUALITIES:
            raise DownloadRejected("the job lacks an owner, a track id, a URL or a known quality")
        item = params.get("playlist_item")
        return cls(
            owner_id=owner_id,
            track_id=track_id,
            url=url,
            quality=quality,
            playlist_item=int(item) if item else None,
            entry_title=str(params.get("entry_title") or ""),
            metadata=clean_metadata(params.get("metadata")),
        )


class Fetcher(Protocol):
    """Downloads one item's audio into `workdir`; `progress` gets 0-1 (from any thread) as bytes arrive."""

    async def download(
        self, source: str, workdir: Path, *, playlist_item: int | None, progress: Callable[[float], None]
    ) -> Downloaded: ...


class RecordedTrack(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def source_key(self) -> str: ...

    @property
    def canonical_key(self) -> str: ...

    @property
    def size_bytes(self) -> int: ...


class TrackLookup(Protocol[TrackT_co]):
    async def find_track(self, owner_id: str, track_id: str) -> TrackT_co | None: ...


Reporter = Callable[[int, str, bool], Awaitable[None]]  # (percent, stage, processing)


def job_result(track: RecordedTrack, created: bool) -> dict[str, Any]:
    """The job's result: which track holds the audio (another one when the owner had the same file)."""
    return {
        "track_id": track.id,
        "source_key": track.source_key,
        "canonical_key": track.canonical_key,
        "file_size": track.size_bytes,
        "created": created,
    }


def keeps_source(fmt: AudioFormat | None, info: AudioInfo, encoding: Encoding) -> bool:
    """An MP3 no better than asked is stored as downloaded; FLAC is always re-encoded (losslessly),
    which costs little and gives a complete header whatever the site's encoder wrote."""
    if encoding.bitrate_kbps is None:
        return False
    limit = encoding.bitrate_kbps * 1000 * _BITRATE_SLACK
    return fmt is MP3 and info.codec == "mp3" and 0 < info.bit_rate <= limit


class DownloadWork(Generic[TrackT]):
    """Runs one download job; idempotent per track id, so a redelivered job that finished reports the same."""

    def __init__(
        self,
        fetcher: Fetcher,
        transcoder: Transcoder,
        recorder: TrackRecorder[TrackT],
        lookup: TrackLookup[TrackT],
        policy: UrlPolicy,
        limits: FetchLimits,
        *,
        ffprobe: str | None,
        probe_timeout: float,
        scratch_dir: Path | None = None,
        report_interval: float = 0.5,
    ) -> None:
        self.fetcher = fetcher
        self.transcoder = transcoder
        self.recorder = recorder
        self.lookup = lookup
        self.policy = policy
        self.limits = limits
        self.ffprobe = ffprobe
        self.probe_timeout = probe_timeout
        self.scratch_dir = scratch_dir
        self.report_interval = report_interval

    async def run(self, order: DownloadOrder, report: Reporter) -> dict[str, Any]:
        if (existing := await self.lookup.find_track(order.owner_id, order.track_id)) is not None:
            # A redelivery: the track it recorded, or (by its alias) the one the owner already had.
            return job_result(existing, existing.id == order.track_id)
        if not is_search(order.url):
            await asyncio.to_thread(self.policy.check, order.url)
        encoding = QUALITIES[order.quality]
        with tempfile.TemporaryDirectory(prefix="sf-download-", dir=self.scratch_dir) as scratch:
            workdir = Path(scratch)
            try:
                async with asyncio.timeout(self.limits.time_limit):
                    fetched = await self._fetch(order, workdir, report)
                    await report(CONVERTING, "converting", True)
                    source = await self._convert(fetched.path, workdir, encoding)
            except TimeoutError:
                limit = self.limits.time_limit
                raise DownloadRejected(f"the download did not finish within {limit:.0f} seconds") from None
            await report(STORING, "storing", True)
            track = await self._describe(order, fetched.info, source)
            recorded, created = await self.recorder.record_file(track, source)
        return job_result(recorded, created)

    async def _fetch(self, order: DownloadOrder, workdir: Path, report: Reporter) -> Downloaded:
        fraction = [0.0]  # written by yt-dlp's thread, read by the ticker

        def progress(value: float) -> None:
            fraction[0] = value

        async def tick() -> None:
            last = DOWNLOAD_START - 1
            while True:
                percent = DOWNLOAD_START + int(fraction[0] * (DOWNLOAD_END - DOWNLOAD_START))
                if percent > last:
                    last = percent
                    await report(percent, "downloading", False)
                await asyncio.sleep(self.report_interval)

        ticker = asyncio.create_task(tick())
        try:
            return await self.fetcher.download(
                order.url, workdir, playlist_item=order.playlist_item, progress=progress
            )
        finally:
            await cancel_task(ticker)

    async def _convert(self, downloaded: Path, workdir: Path, encoding: Encoding) -> Path:
        """Checks the audio (decodable, not too long), then encodes it unless it is already as asked."""
        if self.ffprobe is None:
            raise UnsupportedMediaType("unsupported media type: ffprobe is not installed")
        info = await asyncio.to_thread(
            functools.partial(probe_with_ffprobe, require_duration=False),
            downloaded,
            self.ffprobe,
            self.probe_timeout,
        )
        self._check_duration(info.duration)  # 0 when the container does not say: checked again below
        with downloaded.open("rb") as handle:
            fmt = sniff(handle.read(SNIFF_BYTES))
        source = workdir / f"source.{encoding.ext}"
        if keeps_source(fmt, info, encoding):
            await asyncio.to_thread(downloaded.rename, source)
        else:
            await self.transcoder.encode(downloaded, source, encoding)
        return source

    def _check_duration(self, seconds: float) -> None:
        if seconds > self.limits.max_duration:
            limit = self.limits.max_duration
            raise DownloadRejected(f"the audio is longer than the limit of {limit:.0f} seconds")

    async def _describe(self, order: DownloadOrder, site: SourceInfo, source: Path) -> NewTrack:
        with source.open("rb") as handle:
            fmt = sniff(handle.read(SNIFF_BYTES))
        if fmt is None:
            raise UnsupportedMediaType("unsupported media type: the converted file is not audio")
        info = await asyncio.to_thread(probe, source, fmt, self.ffprobe, self.probe_timeout)
        self._check_duration(info.duration)
        size, sha256 = await asyncio.to_thread(file_digest, source)
        meta = order.metadata
        spotify_id = str(meta.get("spotify_id", ""))
        return NewTrack(
            id=order.track_id,
            owner_id=order.owner_id,
            title=str(meta.get("title") or order.entry_title or site.title or "Untitled")[:500],
            artist=str(meta.get("artist") or site.artist)[:500],
            album=str(meta.get("album") or site.album)[:500],
            duration=info.duration,
            sample_rate=info.sample_rate,
            channels=info.channels,
            codec=info.codec,
            content_type=fmt.content_type,
            size_bytes=size,
            sha256=sha256,
            source_key=keys.source_key(order.owner_id, order.track_id, fmt.ext),
            source="spotify" if spotify_id else "url",
            source_url=site.webpage_url or order.url,
            spotify_id=spotify_id,
            album_art_url=str(meta.get("album_art_url") or site.thumbnail),
        )
