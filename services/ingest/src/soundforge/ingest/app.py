"""Wiring of the ingest service: NATS, storage, the library, gRPC, the download worker; then SERVING."""

from __future__ import annotations

import logging
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import grpc

from soundforge.events import EventBus
from soundforge.ingest.consumer import build_worker
from soundforge.ingest.downloader import YtDlpDownloader
from soundforge.ingest.downloads import DownloadRequests
from soundforge.ingest.fetching import DownloadWork, FetchLimits
from soundforge.ingest.library_adapters import LibraryDownloadJobs, LibraryTracks
from soundforge.ingest.recording import TrackRecorder
from soundforge.ingest.servicer import SERVICE_NAME, IngestServicer
from soundforge.ingest.settings import IngestSettings
from soundforge.ingest.spotify_features import build_spotify
from soundforge.ingest.transcoding import Transcoder
from soundforge.ingest.uploads import Uploads
from soundforge.ingest.v1 import ingest_pb2_grpc
from soundforge.library.client import LibraryClient
from soundforge.library.v1 import library_pb2
from soundforge.runtime.grpc_client import open_channel, wait_until_ready
from soundforge.runtime.periodic import Periodic
from soundforge.runtime.scratch import claim as claim_scratch
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting
from soundforge.runtime.url_policy import UrlPolicy, parse_allowed_hosts
from soundforge.storage import open_blob_store

SERVICE = "ingest"

log = logging.getLogger(__name__)


async def start(settings: IngestSettings) -> RunningService:
    """Starts the service; health says SERVING only once NATS, storage, the library and the worker are up."""
    async with starting(SERVICE) as stack:
        bus = await EventBus.connect(settings.nats_url, name=SERVICE)
        stack.push(bus.close)
        await bus.ensure_streams()
        store = open_blob_store(settings)
        await store.ensure_ready()
        channel = open_channel(settings.library_addr)
        stack.push(channel.close)
        await wait_until_ready(channel, settings.library_addr, settings.library_ready_timeout_seconds)

        scratch = claim_scratch(settings.scratch_dir, SERVICE)
        stack.push(scratch.aclose)
        library = LibraryClient(channel)
        tracks = LibraryTracks(library)
        recorder = TrackRecorder(store, tracks, Transcoder(shutil.which(settings.ffmpeg_path)))
        uploads = Uploads(
            store,
            recorder,
            max_bytes=settings.max_upload_bytes,
            ffprobe=shutil.which(settings.ffprobe_path),
            probe_timeout=settings.probe_timeout_seconds,
            scratch_dir=scratch.path,
        )
        downloads, work = build_downloads(settings, library, recorder, scratch.path)
        spotify = build_spotify(settings, library, downloads)
        servicer = IngestServicer(uploads, downloads, spotify)

        def register(server: grpc.aio.Server) -> None:
            ingest_pb2_grpc.add_IngestServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        sweep = staging_sweep(uploads, settings)
        sweep.start()
        stack.push(sweep.stop)
        worker = build_worker(bus, work, settings)
        await worker.start()
        stack.push_draining(worker.stop)
        await service.set_serving()
        return service


def staging_sweep(uploads: Uploads[Any], settings: IngestSettings) -> Periodic:
    ttl = timedelta(seconds=settings.staging_ttl_seconds)

    async def sweep() -> None:
        if removed := await uploads.sweep_staging(ttl):
            log.info("deleted %d stale staged upload objects", removed)

    return Periodic("ingest-staging-sweep", settings.staging_sweep_seconds, sweep)


def build_downloads(
    settings: IngestSettings,
    library: LibraryClient,
    recorder: TrackRecorder[library_pb2.Track],
    scratch_dir: Path,
) -> tuple[DownloadRequests, DownloadWork[library_pb2.Track]]:
    """The enqueue side (StartDownload, ImportSpotify) and the worker side, sharing one URL policy."""
    policy = UrlPolicy(parse_allowed_hosts(settings.allowed_hosts), public=settings.public_network)
    limits = FetchLimits(
        max_bytes=settings.max_download_bytes,
        max_duration=settings.max_download_duration_seconds,
        socket_timeout=settings.socket_timeout_seconds,
        time_limit=settings.download_timeout_seconds,
    )
    downloader = YtDlpDownloader(policy, limits, inspect_timeout=settings.inspect_timeout_seconds)
    requests = DownloadRequests(
        LibraryDownloadJobs(library), policy, downloader, max_entries=settings.max_playlist_entries
    )
    work = DownloadWork(
        downloader,
        recorder.transcoder,
        recorder,
        LibraryTracks(library),
        policy,
        limits,
        ffprobe=shutil.which(settings.ffprobe_path),
        probe_timeout=settings.probe_timeout_seconds,
        scratch_dir=scratch_dir,
    )
    return requests, work
