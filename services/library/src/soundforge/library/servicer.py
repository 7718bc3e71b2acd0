"""LibraryService over gRPC: translates requests to domain calls and rows back to messages.

RPCs not overridden here answer UNIMPLEMENTED through the generated base class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeAlias

import grpc

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library import mapping
from soundforge.library.conversation_servicer import ConversationServicer
from soundforge.library.conversations import Conversations
from soundforge.library.credentials import Credentials
from soundforge.library.jobs import Jobs
from soundforge.library.models import User, utcnow
from soundforge.library.oauth_accounts import OAuthAccounts
from soundforge.library.pagination import PageRequest
from soundforge.library.soundbox_servicer import SoundBoxDomain, SoundBoxServicer
from soundforge.library.track_lookup import TrackLookup
from soundforge.library.tracks import NewTrack, TrackChanges, TrackOutputs, Tracks
from soundforge.library.users import Users
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime import payloads
from soundforge.runtime.convert import (
    dict_from_struct,
    kind_name,
    kind_value,
    status_name,
    status_value,
    timestamp_from_datetime,
)
from soundforge.runtime.errors import InvalidArgument
from soundforge.runtime.vocabulary import PRIORITIES

Context: TypeAlias = grpc.aio.ServicerContext
# The most unfinished generation jobs ListGenerationQueue answers (admission limits keep the queue
# well below it).
GENERATION_QUEUE_BOUND = 10_000
ARRIVALS_WINDOW_BOUND = 3600.0  # seconds of generation arrivals ListGenerationQueue sums at most


@dataclass(frozen=True)
class LibraryDomain:
    """The domain objects the servicer delegates to, built once in `app.start`."""

    users: Users
    credentials: Credentials
    tracks: Tracks
    outputs: TrackOutputs
    jobs: Jobs
    oauth_accounts: OAuthAccounts
    track_lookup: TrackLookup
    soundbox: SoundBoxDomain
    conversations: Conversations


def _enum_name(to_name: Callable[[int], str], value: int) -> str:
    """The lower-case name of a job enum value; "" when unset; InvalidArgument when unknown."""
    if not value:
        return ""
    try:
        return to_name(value)
    except ValueError:
        raise InvalidArgument(f"unknown enum value {value}") from None


def _page(page: library_pb2.Page) -> PageRequest:
    return PageRequest.of(page.page, page.page_size)


def _optional(message: Any, name: str) -> Any:
    return getattr(message, name) if message.HasField(name) else None


def _new_track(track: library_pb2.Track) -> NewTrack:
    return NewTrack(
        owner_id=track.owner_id,
        id=track.id,
        title=track.title,
        artist=track.artist,
        album=track.album,
        duration=track.duration,
        sample_rate=track.sample_rate,
        channels=track.channels,
        codec=track.codec,
        content_type=track.content_type,
        size_bytes=track.size_bytes,
        sha256=track.sha256,
        source_key=track.source_key,
        canonical_key=track.canonical_key,
        source=track.source or "upload",
        source_url=track.source_url,
        spotify_id=track.spotify_id,
        album_art_url=track.album_art_url,
        bpm=_optional(track, "bpm"),
        key=track.key,
        tags=list(track.tags),
    )


class LibraryServicer(SoundBoxServicer, ConversationServicer, library_pb2_grpc.LibraryServiceServicer):
    def __init__(self, domain: LibraryDomain) -> None:
        self._d = domain
        self._sb = domain.soundbox
        self._conversations = domain.conversations

    # ---- users and credentials ----

    def _user(self, user: User) -> library_pb2.User:
        return mapping.user_message(user, self._d.users.plan_of(user))

    async def CreateUser(self, request: library_pb2.CreateUserRequest, context: Context) -> library_pb2.User:
        user = await self._d.users.create(request.email, request.password, request.role)
        return self._user(user)

    async def VerifyPassword(
        self, request: library_pb2.VerifyPasswordRequest, context: Context
    ) -> library_pb2.User:
        return self._user(await self._d.users.verify_password(request.email, request.password))

    async def GetUser(self, request: library_pb2.GetUserRequest, context: Context) -> library_pb2.User:
        return self._user(await self._d.users.get(request.user_id))

    async def ListUsers(
        self, request: library_pb2.ListUsersRequest, context: Context
    ) -> library_pb2.ListUsersResponse:
        result = await self._d.users.list_page(_page(request.page))
        return library_pb2.ListUsersResponse(
            users=[self._user(u) for u in result.items], meta=mapping.page_meta(result)
        )

    async def UpdateUser(self, request: library_pb2.UpdateUserRequest, context: Context) -> library_pb2.User:
        settings = dict_from_struct(request.settings) if request.HasField("settings") else None
        user = await self._d.users.update(
            request.user_id,
            role=_optional(request, "role"),
            disabled=_optional(request, "disabled"),
            settings=settings,
            plan=_optional(request, "plan"),
        )
        return self._user(user)

    async def CreateSession(
        self, request: library_pb2.CreateSessionRequest, context: Context
    ) -> library_pb2.CreateSessionResponse:
        token, expires_at = await self._d.credentials.create_session(request.user_id)
        return library_pb2.CreateSessionResponse(token=token, expires_at=timestamp_from_datetime(expires_at))

    async def ResolveSession(
        self, request: library_pb2.ResolveSessionRequest, context: Context
    ) -> library_pb2.User:
        return self._user(await self._d.credentials.resolve_session(request.token))

    async def DeleteSession(
        self, request: library_pb2.DeleteSessionRequest, context: Context
    ) -> library_pb2.DeleteSessionResponse:
        await self._d.credentials.delete_session(request.token)
        return library_pb2.DeleteSessionResponse()

    async def CreateApiKey(
        self, request: library_pb2.CreateApiKeyRequest, context: Context
    ) -> library_pb2.CreateApiKeyResponse:
        key, token = await self._d.credentials.create_api_key(request.user_id, request.name)
        return library_pb2.CreateApiKeyResponse(key=mapping.api_key_message(key), token=token)

    async def ListApiKeys(
        self, request: library_pb2.ListApiKeysRequest, context: Context
    ) -> library_pb2.ListApiKeysResponse:
        keys = await self._d.credentials.list_api_keys(request.user_id)
        return library_pb2.ListApiKeysResponse(keys=[mapping.api_key_message(k) for k in keys])

    async def DeleteApiKey(
        self, request: library_pb2.DeleteApiKeyRequest, context: Context
    ) -> library_pb2.DeleteApiKeyResponse:
        await self._d.credentials.delete_api_key(request.user_id, request.key_id)
        return library_pb2.DeleteApiKeyResponse()

    async def AuthenticateApiKey(
        self, request: library_pb2.AuthenticateApiKeyRequest, context: Context
    ) -> library_pb2.User:
        return self._user(await self._d.credentials.authenticate_api_key(request.token))

    async def LinkOAuthAccount(
        self, request: library_pb2.LinkOAuthAccountRequest, context: Context
    ) -> library_pb2.User:
        user = await self._d.oauth_accounts.link(
            request.provider,
            request.subject,
            request.email,
            dict_from_struct(request.token),
            user_id=request.user_id,
        )
        return self._user(user)

    async def GetOAuthAccount(
        self, request: library_pb2.GetOAuthAccountRequest, context: Context
    ) -> library_pb2.OAuthAccount:
        account = await self._d.oauth_accounts.get(request.user_id, request.provider)
        return mapping.oauth_account_message(account)

    # ---- tracks ----

    async def CreateTrack(
        self, request: library_pb2.CreateTrackRequest, context: Context
    ) -> library_pb2.CreateTrackResponse:
        track, created = await self._d.tracks.create(_new_track(request.track))
        return library_pb2.CreateTrackResponse(track=mapping.track_message(track), created=created)

    async def GetTrack(self, request: library_pb2.GetTrackRequest, context: Context) -> library_pb2.Track:
        return mapping.track_message(await self._d.tracks.get(request.owner_id, request.track_id))

    async def ListTracks(
        self, request: library_pb2.ListTracksRequest, context: Context
    ) -> library_pb2.ListTracksResponse:
        result = await self._d.tracks.list_page(
            request.owner_id, _page(request.page), tag=request.tag, search=request.search
        )
        return library_pb2.ListTracksResponse(
            tracks=[mapping.track_message(t) for t in result.items], meta=mapping.page_meta(result)
        )

    async def UpdateTrack(
        self, request: library_pb2.UpdateTrackRequest, context: Context
    ) -> library_pb2.Track:
        changes = TrackChanges(
            title=_optional(request, "title"),
            artist=_optional(request, "artist"),
            bpm=_optional(request, "bpm"),
            key=_optional(request, "key"),
            tags=list(request.tags) if request.set_tags else None,
            clear_bpm=request.clear_bpm,
        )
        track = await self._d.tracks.update(request.owner_id, request.track_id, changes)
        return mapping.track_message(track)

    async def DeleteTrack(
        self, request: library_pb2.DeleteTrackRequest, context: Context
    ) -> library_pb2.DeleteTrackResponse:
        deleted = await self._d.tracks.delete(request.owner_id, request.track_id)
        return library_pb2.DeleteTrackResponse(deleted_keys=deleted)

    async def ListStems(
        self, request: library_pb2.ListStemsRequest, context: Context
    ) -> library_pb2.ListStemsResponse:
        stems = await self._d.outputs.list_stems(request.owner_id, request.track_id)
        return library_pb2.ListStemsResponse(stems=[mapping.stem_message(s) for s in stems])

    async def GetStem(self, request: library_pb2.GetStemRequest, context: Context) -> library_pb2.Stem:
        return mapping.stem_message(await self._d.outputs.get_stem(request.owner_id, request.stem_id))

    async def GetTrackAnalysis(
        self, request: library_pb2.GetTrackAnalysisRequest, context: Context
    ) -> library_pb2.TrackAnalysis:
        analysis = await self._d.outputs.get_analysis(request.owner_id, request.track_id)
        return mapping.analysis_message(analysis)

    async def FindSpotifyTracks(
        self, request: library_pb2.FindSpotifyTracksRequest, context: Context
    ) -> library_pb2.FindSpotifyTracksResponse:
        found = await self._d.track_lookup.by_spotify_ids(request.owner_id, list(request.spotify_ids))
        return library_pb2.FindSpotifyTracksResponse(track_ids=found)

    # ---- jobs ----

    async def CreateJob(self, request: library_pb2.CreateJobRequest, context: Context) -> jobs_pb2.Job:
        kind, params = payloads.params_to_json(request.params)
        job = await self._d.jobs.create(
            kind,
            request.owner_id,
            track_id=request.track_id,
            params=params,
            priority=_enum_name(PRIORITIES.name, request.priority),
            release=request.release,
            max_waiting=request.max_waiting_per_owner,
        )
        return mapping.job_message(job)

    async def GetJob(self, request: library_pb2.GetJobRequest, context: Context) -> jobs_pb2.Job:
        return mapping.job_message(
            await self._d.jobs.get(request.owner_id, request.job_id, any_owner=request.any_owner)
        )

    async def ListJobs(
        self, request: library_pb2.ListJobsRequest, context: Context
    ) -> library_pb2.ListJobsResponse:
        result = await self._d.jobs.list_page(
            request.owner_id,
            _page(request.page),
            all_owners=request.all_owners,
            kind=_enum_name(kind_name, request.kind),
            status=_enum_name(status_name, request.status),
        )
        return library_pb2.ListJobsResponse(
            jobs=[mapping.job_message(j) for j in result.items], meta=mapping.page_meta(result)
        )

    async def CountJobs(
        self, request: library_pb2.CountJobsRequest, context: Context
    ) -> library_pb2.CountJobsResponse:
        counts = await self._d.jobs.counts(request.owner_id, all_owners=request.all_owners)
        return library_pb2.CountJobsResponse(
            counts=[
                library_pb2.JobCount(kind=kind_value(kind), status=status_value(status), count=count)
                for (kind, status), count in sorted(counts.items())
            ]
        )

    async def CancelJob(self, request: library_pb2.CancelJobRequest, context: Context) -> jobs_pb2.Job:
        return mapping.job_message(await self._d.jobs.cancel(request.owner_id, request.job_id))

    async def ListGenerationQueue(
        self, request: library_pb2.ListGenerationQueueRequest, context: Context
    ) -> library_pb2.ListGenerationQueueResponse:
        limit = request.limit if 0 < request.limit <= GENERATION_QUEUE_BOUND else GENERATION_QUEUE_BOUND
        jobs, truncated = await self._d.jobs.generation_queue(limit)
        reply = library_pb2.ListGenerationQueueResponse(
            jobs=[mapping.job_message(j) for j in jobs], truncated=truncated
        )
        if request.arrivals_window_seconds > 0:
            since = utcnow() - timedelta(seconds=min(request.arrivals_window_seconds, ARRIVALS_WINDOW_BOUND))
            rows = await self._d.jobs.generation_arrivals(since)
            reply.arrivals.extend(mapping.generation_arrivals(rows))
        return reply

    async def ReleaseJob(self, request: library_pb2.ReleaseJobRequest, context: Context) -> jobs_pb2.Job:
        return mapping.job_message(await self._d.jobs.release(request.job_id))
