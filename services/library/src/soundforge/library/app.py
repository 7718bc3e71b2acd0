"""Wiring of the library process: database, blob store, NATS, gRPC server, then job events and dispatch."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import grpc
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.db import make_engine, make_sessionmaker, ping, upgrade_to_head
from soundforge.events import EventBus
from soundforge.library.consumer import JobEventConsumer
from soundforge.library.conversations import Conversations
from soundforge.library.credentials import Credentials
from soundforge.library.dispatch import JetStreamJobQueue, dispatch_sweep
from soundforge.library.job_updates import JobUpdates
from soundforge.library.jobs import Jobs
from soundforge.library.oauth_accounts import OAuthAccounts
from soundforge.library.servicer import LibraryDomain, LibraryServicer
from soundforge.library.settings import LibrarySettings
from soundforge.library.soundbox_catalog import Catalog
from soundforge.library.soundbox_client_errors import ClientErrors
from soundforge.library.soundbox_favorites import Favorites
from soundforge.library.soundbox_files import GenerationFiles
from soundforge.library.soundbox_radio import Radio
from soundforge.library.soundbox_servicer import SoundBoxDomain
from soundforge.library.soundbox_tags import TagConsensus
from soundforge.library.soundbox_totals import Totals
from soundforge.library.soundbox_votes import Votes
from soundforge.library.track_lookup import TrackLookup
from soundforge.library.tracks import TrackOutputs, Tracks
from soundforge.library.users import Passwords, Users
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.service import RunningService, start_grpc_service
from soundforge.runtime.stack import starting
from soundforge.storage import open_blob_store

SERVICE = "library"
MIGRATIONS = Path(__file__).parent / "migrations"
SERVICE_NAME = library_pb2.DESCRIPTOR.services_by_name["LibraryService"].full_name


def soundbox_domain(
    sessions: async_sessionmaker[AsyncSession], dialect: str, settings: LibrarySettings
) -> SoundBoxDomain:
    return SoundBoxDomain(
        catalog=Catalog(sessions, dialect, Totals(settings.soundbox_total_cache_seconds)),
        votes=Votes(sessions),
        favorites=Favorites(sessions, dialect),
        tags=TagConsensus(sessions, dialect),
        radio=Radio(sessions, dialect),
        client_errors=ClientErrors(sessions),
        files=GenerationFiles(sessions),
    )


async def start(settings: LibrarySettings) -> RunningService:
    """Starts everything; health says SERVING only once the database, NATS and storage answer.

    On any failure what was already opened is closed again before the error propagates.
    """
    async with starting(SERVICE) as stack:
        await upgrade_to_head(settings.database_url, str(MIGRATIONS))
        engine = make_engine(settings.database_url)
        stack.push(engine.dispose)
        await ping(engine)
        sessions = make_sessionmaker(engine)
        blobs = open_blob_store(settings)
        await blobs.ensure_ready()
        bus = await EventBus.connect(settings.nats_url, SERVICE)
        stack.push(bus.close)
        await bus.ensure_streams()

        jobs = Jobs(sessions, JetStreamJobQueue(bus))
        domain = LibraryDomain(
            users=Users(sessions, Passwords(), settings.default_plan),
            credentials=Credentials(sessions, timedelta(days=settings.session_ttl_days)),
            tracks=Tracks(sessions, blobs, jobs),
            outputs=TrackOutputs(sessions),
            jobs=jobs,
            oauth_accounts=OAuthAccounts(sessions),
            track_lookup=TrackLookup(sessions),
            soundbox=soundbox_domain(sessions, engine.dialect.name, settings),
            conversations=Conversations(sessions),
        )
        servicer = LibraryServicer(domain)

        def register(server: grpc.aio.Server) -> None:
            library_pb2_grpc.add_LibraryServiceServicer_to_server(servicer, server)

        service = await start_grpc_service(stack, settings, register, [SERVICE_NAME])

        consumer = JobEventConsumer(bus, JobUpdates(sessions))
        await consumer.start()
        stack.push(consumer.stop)
        sweep = dispatch_sweep(jobs, settings.dispatch_retry_seconds)
        sweep.start()
        stack.push(sweep.stop)
        await service.set_serving()
        return service
