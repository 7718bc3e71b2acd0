"""A download job settles even when its last progress report is answered as the download ends.

The job's progress ticker publishes through nats-py, which waits for each ack in `wait_for`; on
Python 3.11 a cancel that lands in the step the ack arrives is lost there. The job then hung
after its file had arrived, still "downloading" (once in a CI run, about 1 in 50 runs here).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, cast

import pytest

from soundforge.ingest.downloads import DownloadRejected
from soundforge.ingest.fetching import Downloaded, DownloadOrder, DownloadWork, FetchLimits
from soundforge.ingest.recording import TrackRecorder
from soundforge.ingest.transcoding import Transcoder
from soundforge.runtime.tasks import cancel_task
from soundforge.runtime.url_policy import UrlPolicy

LIMITS = FetchLimits(max_bytes=1 << 20, max_duration=60.0, socket_timeout=5.0, time_limit=30.0)


class NoTrackYet:
    async def find_track(self, owner_id: str, track_id: str) -> None:
        return None


class AckedAsItEnds:
    """A fetcher that fails at the moment the ticker's report gets its ack, in the same loop step."""

    def __init__(self, reporting: asyncio.Event, acked: asyncio.Future[None]) -> None:
        self.reporting = reporting
        self.acked = acked

    async def download(self, source: str, workdir: Path, *, playlist_item: Any, progress: Any) -> Downloaded:
        await self.reporting.wait()
        self.acked.set_result(None)
        raise DownloadRejected("the server went away")


async def test_the_job_ends_when_its_report_is_acked_as_the_download_fails(tmp_path: Path) -> None:
    reporting = asyncio.Event()
    acked: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    reports: list[tuple[int, str]] = []

    async def report(percent: int, stage: str, processing: bool) -> None:
        reports.append((percent, stage))
        reporting.set()
        await asyncio.wait_for(acked, 10)  # as nats-py's publish waits for the stream's ack

    work = DownloadWork(
        AckedAsItEnds(reporting, acked),
        Transcoder(None),
        cast(TrackRecorder[Any], None),  # never reached: the download fails first
        NoTrackYet(),
        UrlPolicy(["127.0.0.1"], public=False),
        LIMITS,
        ffprobe=None,
        probe_timeout=5.0,
        scratch_dir=tmp_path,
        report_interval=0.05,
    )
    order = DownloadOrder(owner_id="owner", track_id="track", url="http://127.0.0.1:9/song", quality="high")
    job = asyncio.create_task(work.run(order, report))
    # Waited on, not cancelled: a cancel from outside would also end the ticker and hide the hang.
    await asyncio.wait({job}, timeout=10)
    if not job.done():
        await cancel_task(job)
        pytest.fail("the job still ran 10 s after its download failed")
    with pytest.raises(DownloadRejected, match="went away"):
        job.result()
    assert reports == [(1, "downloading")]
