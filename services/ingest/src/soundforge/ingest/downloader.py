"""yt-dlp as a library: inspect a URL for playlist entries, and download one item's best audio."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from yt_dlp import YoutubeDL
from yt_dlp.networking.exceptions import HTTPError
from yt_dlp.utils import DownloadCancelled, ExtractorError, UnsupportedError, unsmuggle_url
from yt_dlp.utils._utils import _UnsafeExtensionError  # private, but it is what a refused file type raises

from soundforge.ingest.downloads import DownloadRejected, PlaylistEntry
from soundforge.ingest.fetching import Downloaded, FetchLimits, SourceInfo
from soundforge.ingest.guarded_http import Refusals, guarded_handler
from soundforge.runtime.errors import SoundForgeError, UpstreamError, ValidationFailed
from soundforge.runtime.url_policy import UrlPolicy, UrlRefused

log = logging.getLogger(__name__)

# Only formats fetched through yt-dlp's own HTTP code (and so through the guarded handler):
# progressive http(s), DASH and native HLS. rtmp, ffmpeg-fetched HLS and the like are never picked.
AUDIO_FORMAT = "/".join(
    f"{kind}[protocol{test}]" for kind in ("bestaudio", "best") for test in ("^=http", "=m3u8_native")
)
# HTTP statuses that mean "this URL will not work", as opposed to a server having a bad moment.
_RETRYABLE = frozenset({408, 425, 429})
ProgressSink = Callable[[float], None]


class _Stop(DownloadCancelled):
    """Raised inside yt-dlp's thread to end a download; the reason is kept on the `_Run`."""


class _YtDlpLog:
    """yt-dlp's messages into our logs: its chatter at debug, its warnings and errors at info."""

    def debug(self, msg: str) -> None:
        log.debug("yt-dlp: %s", msg)

    def info(self, msg: str) -> None:
        log.debug("yt-dlp: %s", msg)

    def warning(self, msg: str) -> None:
        log.info("yt-dlp: %s", msg)

    def error(self, msg: str) -> None:
        log.info("yt-dlp: %s", msg)


class _Run:
    """One yt-dlp session: the guarded network, the limits, and why it stopped (if it did)."""

    def __init__(self, policy: UrlPolicy, limits: FetchLimits, progress: ProgressSink | None = None) -> None:
        self.policy = policy
        self.refusals = Refusals()
        self.limits = limits
        self.progress = progress
        self.abort = threading.Event()
        self.stopped: SoundForgeError | None = None

    def youtube_dl(self, options: dict[str, Any]) -> YoutubeDL:
        handler = guarded_handler(self.policy, self.refusals)

        class GuardedYoutubeDL(YoutubeDL):
            @functools.cached_property
            def _request_director(self) -> Any:
                # Only the guarded handler: no requests/curl_cffi/websockets handler can bypass it.
                return self.build_request_director([handler])

        base: dict[str, Any] = {
            "logger": _YtDlpLog(),
            "quiet": True,
            "noprogress": True,
            "proxy": "",  # never an environment proxy: the policy judges the address we connect to
            "socket_timeout": self.limits.socket_timeout,
            "retries": 2,
            "fragment_retries": 2,
            "cachedir": False,
            "fixup": "never",
            "match_filter": self._match_filter,
        }
        return GuardedYoutubeDL({**base, **options})

    def _stop(self, err: SoundForgeError) -> None:
        if self.stopped is None:
            self.stopped = err
        raise _Stop(err.message)

    def _match_filter(self, info: dict[str, Any], *, incomplete: Any = False) -> None:
        if incomplete:
            # A flat playlist entry: judged when its own job processes it, not while enqueueing.
            return
        if info.get("is_live") or info.get("live_status") in ("is_live", "is_upcoming", "post_live"):
            self._stop(DownloadRejected("live streams cannot be downloaded"))
        duration = info.get("duration")
        if isinstance(duration, int | float) and duration > self.limits.max_duration:
            self._stop(_too_long(self.limits.max_duration))
        size = info.get("filesize") or info.get("filesize_approx")
        if isinstance(size, int | float) and size > self.limits.max_bytes:
            self._stop(_too_large(self.limits.max_bytes))

    def hook(self, status: dict[str, Any]) -> None:
        """Progress hook: enforces size and abort while bytes arrive, and reports the fraction done."""
        if self.abort.is_set():
            self._stop(DownloadRejected("the download was stopped"))
        done = status.get("downloaded_bytes") or 0
        exact = status.get("total_bytes") or 0  # Content-Length; an estimate only guides progress
        if max(done, exact) > self.limits.max_bytes:
            self._stop(_too_large(self.limits.max_bytes))
        total = exact or status.get("total_bytes_estimate") or 0
        if self.progress is not None and total > 0:
            self.progress(min(1.0, done / total))

    def verdict(self, err: BaseException) -> SoundForgeError:
        """Why the session failed, preferring what we decided (refusal, limit) over yt-dlp's wording."""
        if self.refusals.first is not None:
            return self.refusals.first
        if self.stopped is not None:
            return self.stopped
        return describe_failure(err)


def _too_large(limit: int) -> DownloadRejected:
    return DownloadRejected(f"the download is larger than the limit of {limit} bytes")


def _too_long(limit: float) -> DownloadRejected:
    return DownloadRejected(f"the audio is longer than the limit of {limit:.0f} seconds")


def describe_failure(err: BaseException) -> SoundForgeError:
    """A yt-dlp failure as a typed error: a URL that cannot work is rejected, anything else may be retried."""
    seen: BaseException | None = err
    for _ in range(8):
        if seen is None:
            break
        if isinstance(seen, UnsupportedError):
            return DownloadRejected("no downloadable audio was found at the URL")
        if isinstance(seen, _UnsafeExtensionError):
            return DownloadRejected("the file type is not accepted")
        if isinstance(seen, HTTPError) and 400 <= seen.status < 500 and seen.status not in _RETRYABLE:
            return DownloadRejected(f"the server answered HTTP {seen.status}")
        if isinstance(seen, ExtractorError) and seen.expected:
            # The site said so ("private video", "not available in your country"): retrying cannot help.
            return DownloadRejected(f"the site refused: {seen.orig_msg[:300]}")
        exc_info = getattr(seen, "exc_info", None)
        seen = getattr(seen, "cause", None) or (exc_info[1] if exc_info else None) or seen.__cause__
    message = str(err).removeprefix("ERROR: ").strip() or type(err).__name__
    return UpstreamError(f"download failed: {message[:300]}")


async def _in_thread(run: _Run, call: Callable[[], Any], grace: float) -> Any:
    """Runs `call` in a thread; on cancel or timeout sets `run.abort` and waits up to `grace` for it to end.

    yt-dlp cannot be interrupted from outside: the abort is noticed at its next progress hook, and a
    stalled socket gives up after socket_timeout, so the scratch files are not removed under it.
    """
    future = asyncio.get_running_loop().run_in_executor(None, call)
    try:
        return await asyncio.shield(future)
    except BaseException:
        run.abort.set()
        with contextlib.suppress(BaseException):
            await asyncio.wait({future}, timeout=grace)
        raise


class YtDlpDownloader:
    """The PlaylistReader for enqueueing and the Fetcher for the worker, both through the URL policy."""

    def __init__(self, policy: UrlPolicy, limits: FetchLimits, *, inspect_timeout: float) -> None:
        self.policy = policy
        self.limits = limits
        self.inspect_timeout = inspect_timeout

    async def entries(self, url: str, limit: int) -> list[PlaylistEntry]:
        run = _Run(self.policy, self.limits)
        options = {"extract_flat": "in_playlist", "playlistend": limit, "lazy_playlist": True}

        def inspect() -> dict[str, Any]:
            with run.youtube_dl(options) as ydl:
                return ydl.extract_info(url, download=False) or {}

        try:
            async with asyncio.timeout(self.inspect_timeout):
                info = await _in_thread(run, inspect, grace=1.0)
        except TimeoutError:
            raise UpstreamError(f"the URL did not answer within {self.inspect_timeout:.0f} seconds") from None
        except Exception as err:
            failure = run.verdict(err)
            if isinstance(failure, DownloadRejected | UrlRefused):
                raise ValidationFailed({"url": [str(failure)]}) from None
            raise failure from None
        return playlist_entries(url, info, limit)

    async def download(
        self, source: str, workdir: Path, *, playlist_item: int | None, progress: ProgressSink
    ) -> Downloaded:
        run = _Run(self.policy, self.limits, progress)
        options = {
            "format": AUDIO_FORMAT,
            "outtmpl": {"default": "download.%(ext)s"},
            "paths": {"home": str(workdir), "temp": str(workdir)},
            "playlist_items": str(playlist_item or 1),  # a playlist (or a search) yields one item here
            "noplaylist": True,
            "progress_hooks": [run.hook],
            "overwrites": True,
            # yt-dlp never runs ffmpeg itself: its ffmpeg fallback would fetch URLs outside the policy.
            "ffmpeg_location": str(workdir / "no-ffmpeg"),
        }

        def fetch() -> dict[str, Any]:
            with run.youtube_dl(options) as ydl:
                return ydl.extract_info(source, download=True) or {}

        try:
            info = await _in_thread(run, fetch, grace=self.limits.socket_timeout + 5.0)
        except Exception as err:
            raise run.verdict(err) from None
        return downloaded(info, source, run)


def playlist_entries(url: str, info: dict[str, Any], limit: int) -> list[PlaylistEntry]:
    """Flat-extracted entries: each by its own http(s) URL, else by its position on the page."""
    if info.get("_type") not in ("playlist", "multi_video"):
        return [PlaylistEntry(url)]
    entries: list[PlaylistEntry] = []
    for position, entry in enumerate(info.get("entries") or [], start=1):
        if len(entries) >= limit:
            break
        if not isinstance(entry, dict):
            continue
        title = str(entry.get("title") or "")
        entry_url = unsmuggle_url(str(entry.get("url") or ""))[0]
        if entry_url.lower().startswith(("http://", "https://")):
            entries.append(PlaylistEntry(entry_url, title))
        else:
            entries.append(PlaylistEntry(url, title, playlist_item=position))
    return entries


def downloaded(info: dict[str, Any], source: str, run: _Run) -> Downloaded:
    """The file yt-dlp wrote and what it learned about it; a silent skip becomes an error here."""
    if info.get("_type") in ("playlist", "multi_video"):
        info = next((entry for entry in info.get("entries") or [] if entry), {})
    files = [Path(item["filepath"]) for item in info.get("requested_downloads") or [] if item.get("filepath")]
    if run.stopped is not None:
        raise run.stopped
    if not files or not files[0].is_file():
        raise DownloadRejected("nothing was downloaded (no audio format matched)")
    artists = info.get("artists") or []
    thumbnail = str(info.get("thumbnail") or "")
    return Downloaded(
        path=files[0],
        info=SourceInfo(
            title=str(info.get("track") or info.get("title") or ""),
            artist=str(info.get("artist") or (artists[0] if artists else "") or info.get("uploader") or ""),
            album=str(info.get("album") or ""),
            thumbnail=thumbnail if thumbnail.startswith(("http://", "https://")) else "",
            webpage_url=str(info.get("webpage_url") or source),
            duration=float(info["duration"]) if isinstance(info.get("duration"), int | float) else None,
        ),
    )
