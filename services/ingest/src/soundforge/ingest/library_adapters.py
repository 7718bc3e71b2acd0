"""Ingest's domain Protocols over the shared library client: NewTrack and job params to messages."""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format

from soundforge.ingest.recording import NewTrack
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.library.v1 import library_pb2

SPOTIFY = "spotify"


def track_message(track: NewTrack) -> library_pb2.Track:
    return library_pb2.Track(
        id=track.id,
        owner_id=track.owner_id,
        title=track.title,
        artist=track.artist,
        duration=track.duration,
        sample_rate=track.sample_rate,
        channels=track.channels,
        codec=track.codec,
        content_type=track.content_type,
        size_bytes=track.size_bytes,
        sha256=track.sha256,
        source_key=track.source_key,
        canonical_key=track.canonical_key,
        source=track.source,
        album=track.album,
        source_url=track.source_url,
        spotify_id=track.spotify_id,
        album_art_url=track.album_art_url,
    )


class LibraryTracks:
    """TrackCatalog and TrackLookup: records and finds tracks in the library."""

    def __init__(self, client: LibraryClient) -> None:
        self.client = client

    async def create_track(self, track: NewTrack) -> tuple[library_pb2.Track, bool]:
        return await self.client.create_track(track_message(track))

    async def find_track(self, owner_id: str, track_id: str) -> library_pb2.Track | None:
        return await self.client.find_track(owner_id, track_id)


class LibraryDownloadJobs:
    """DownloadJobCatalog: a download job per item, its params typed as DownloadParams."""

    def __init__(self, client: LibraryClient) -> None:
        self.client = client

    async def create_download_job(self, owner_id: str, track_id: str, params: dict[str, Any]) -> jobs_pb2.Job:
        download = json_format.ParseDict(params, payloads_pb2.DownloadParams())
        return await self.client.create_job(
            owner_id, payloads_pb2.JobParams(download=download), track_id=track_id
        )


class LibrarySpotify:
    """OwnedTracks and LinkedAccounts: the owner's tracks by Spotify id, linked Spotify accounts."""

    def __init__(self, client: LibraryClient) -> None:
        self.client = client

    async def track_ids(self, owner_id: str, spotify_ids: list[str]) -> dict[str, str]:
        return await self.client.spotify_track_ids(owner_id, spotify_ids)

    async def link(self, subject: str, email: str, token: dict[str, Any], user_id: str) -> library_pb2.User:
        return await self.client.link_oauth_account(SPOTIFY, subject, email, token, user_id)

    async def token(self, user_id: str) -> tuple[str, dict[str, Any]]:
        return await self.client.oauth_token(user_id, SPOTIFY)
