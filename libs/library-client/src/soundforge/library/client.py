"""The library service as every other service calls it: one client, one deadline, typed errors.

Services depend on the narrow Protocols they declare (a TrackCatalog, a JobCatalog, ...); this
class satisfies them all, so there is exactly one hand-written gRPC client of the library.
Errors arrive as the typed SoundForgeError the library raised (channels from `open_channel`).
"""

from __future__ import annotations

from typing import Any

import grpc

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import dict_from_struct, struct_from_dict
from soundforge.runtime.errors import NotFound

DEFAULT_TIMEOUT_SECONDS = 10.0
_UNFINISHED = (jobs_pb2.JOB_STATUS_QUEUED, jobs_pb2.JOB_STATUS_DOWNLOADING, jobs_pb2.JOB_STATUS_PROCESSING)


class LibraryClient:
    def __init__(self, channel: grpc.aio.Channel, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.stub = library_pb2_grpc.LibraryServiceStub(channel)
        self.timeout = timeout

    # ---- tracks ----

    async def get_track(self, owner_id: str, track_id: str) -> library_pb2.Track:
        """The owner's track; NotFound for a missing one or another owner's."""
        request = library_pb2.GetTrackRequest(owner_id=owner_id, track_id=track_id)
        track: library_pb2.Track = await self.stub.GetTrack(request, timeout=self.timeout)
        return track

    async def find_track(self, owner_id: str, track_id: str) -> library_pb2.Track | None:
        """The owner's track with this id, or None."""
        try:
            return await self.get_track(owner_id, track_id)
        except NotFound:
            return None

    async def create_track(self, track: library_pb2.Track) -> tuple[library_pb2.Track, bool]:
        """Records a track; (the owner's existing track, False) when they already had its sha256."""
        reply = await self.stub.CreateTrack(library_pb2.CreateTrackRequest(track=track), timeout=self.timeout)
        return reply.track, reply.created

    async def spotify_track_ids(self, owner_id: str, spotify_ids: list[str]) -> dict[str, str]:
        """spotify_id -> the owner's track recorded with it (ids the owner lacks are absent)."""
        if not spotify_ids:
            return {}
        reply = await self.stub.FindSpotifyTracks(
            library_pb2.FindSpotifyTracksRequest(owner_id=owner_id, spotify_ids=spotify_ids),
            timeout=self.timeout,
        )
        return dict(reply.track_ids)

    # ---- jobs ----

    async def create_job(
        self,
        owner_id: str,
        params: payloads_pb2.JobParams,
        *,
        track_id: str = "",
        priority: payloads_pb2.Priority = payloads_pb2.PRIORITY_UNSPECIFIED,
        release: bool = False,
        max_waiting_per_owner: int = 0,
    ) -> jobs_pb2.Job:
        """Records a queued job of the kind `params` holds; the library hands it to its workers
        (a generation job when its scheduler releases it, or at once with `release`).
        `max_waiting_per_owner`: RateLimited when the owner already has that many waiting."""
        request = library_pb2.CreateJobRequest(
            owner_id=owner_id,
            track_id=track_id,
            params=params,
            priority=priority,
            release=release,
            max_waiting_per_owner=max_waiting_per_owner,
        )
        job: jobs_pb2.Job = await self.stub.CreateJob(request, timeout=self.timeout)
        return job

    async def get_job(self, owner_id: str, job_id: str, *, any_owner: bool = False) -> jobs_pb2.Job:
        """The owner's job; NotFound for a missing one or another owner's. `any_owner`: anyone's,
        for an admin (the caller checks the role)."""
        request = library_pb2.GetJobRequest(owner_id=owner_id, job_id=job_id, any_owner=any_owner)
        job: jobs_pb2.Job = await self.stub.GetJob(request, timeout=self.timeout)
        return job

    async def pending_download_of(self, owner_id: str, track_id: str) -> jobs_pb2.Job | None:
        """The owner's unfinished download job that will create `track_id`, if there is one."""
        request = library_pb2.ListJobsRequest(
            owner_id=owner_id, kind=jobs_pb2.JOB_KIND_DOWNLOAD, page=library_pb2.Page(page=1, page_size=100)
        )
        reply = await self.stub.ListJobs(request, timeout=self.timeout)
        for job in reply.jobs:
            if job.track_id == track_id and job.status in _UNFINISHED:
                return job
        return None

    async def cancel_job(self, owner_id: str, job_id: str) -> jobs_pb2.Job:
        """Cancels the owner's queued or running job (its worker is told); Conflict when it already ended."""
        request = library_pb2.CancelJobRequest(owner_id=owner_id, job_id=job_id)
        job: jobs_pb2.Job = await self.stub.CancelJob(request, timeout=self.timeout)
        return job

    async def generation_queue(
        self, arrivals_window: float = 0.0
    ) -> tuple[list[jobs_pb2.Job], list[library_pb2.GenerationArrivals]]:
        """Every unfinished generation job of every owner (waiting, released, running), oldest
        first; with `arrivals_window` seconds, also the jobs created in that window, summed per
        class and model."""
        reply = await self.stub.ListGenerationQueue(
            library_pb2.ListGenerationQueueRequest(arrivals_window_seconds=arrivals_window),
            timeout=self.timeout,
        )
        return list(reply.jobs), list(reply.arrivals)

    async def release_job(self, job_id: str) -> jobs_pb2.Job:
        """Hands a waiting generation job to its workers; Conflict when it is no longer waiting."""
        job: jobs_pb2.Job = await self.stub.ReleaseJob(
            library_pb2.ReleaseJobRequest(job_id=job_id), timeout=self.timeout
        )
        return job

    # ---- users ----

    async def get_user(self, user_id: str) -> library_pb2.User:
        """The user with their settings; NotFound for an unknown id."""
        user: library_pb2.User = await self.stub.GetUser(
            library_pb2.GetUserRequest(user_id=user_id), timeout=self.timeout
        )
        return user

    # ---- linked accounts ----

    async def link_oauth_account(
        self, provider: str, subject: str, email: str, token: dict[str, Any], user_id: str
    ) -> library_pb2.User:
        request = library_pb2.LinkOAuthAccountRequest(
            provider=provider, subject=subject, email=email, token=struct_from_dict(token), user_id=user_id
        )
        user: library_pb2.User = await self.stub.LinkOAuthAccount(request, timeout=self.timeout)
        return user

    async def oauth_token(self, user_id: str, provider: str) -> tuple[str, dict[str, Any]]:
        """(the provider's subject, the stored token set) of the user's linked account."""
        account = await self.stub.GetOAuthAccount(
            library_pb2.GetOAuthAccountRequest(user_id=user_id, provider=provider), timeout=self.timeout
        )
        return account.subject, dict_from_struct(account.token)
