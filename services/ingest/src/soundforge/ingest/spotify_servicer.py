"""The Spotify RPCs of IngestService (mixed into IngestServicer): proto <-> SpotifyFeatures, nothing more."""

from __future__ import annotations

import grpc

from soundforge.ingest.spotify_features import SpotifyFeatures
from soundforge.ingest.spotify_metadata import SpotifyTrack
from soundforge.ingest.v1 import ingest_pb2
from soundforge.library.v1 import library_pb2


def spotify_track_message(track: SpotifyTrack, track_id: str = "") -> ingest_pb2.SpotifyTrack:
    return ingest_pb2.SpotifyTrack(
        spotify_id=track.spotify_id,
        title=track.title,
        artist=track.artist,
        album=track.album,
        album_art_url=track.album_art_url,
        duration=track.duration,
        spotify_url=track.spotify_url,
        track_id=track_id,
    )


class SpotifyRpcs:
    """Needs `self.spotify`; errors propagate to the ErrorInterceptor like every other RPC's."""

    spotify: SpotifyFeatures

    async def FetchSpotify(
        self, request: ingest_pb2.FetchSpotifyRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.FetchSpotifyResponse:
        fetched = await self.spotify.metadata.fetch(request.owner_id, request.url)
        return ingest_pb2.FetchSpotifyResponse(
            type=fetched.kind,
            tracks=[spotify_track_message(item.track, item.track_id) for item in fetched.tracks],
        )

    async def SearchSpotify(
        self, request: ingest_pb2.SearchSpotifyRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.SearchSpotifyResponse:
        tracks = await self.spotify.metadata.search(request.query, request.limit)
        return ingest_pb2.SearchSpotifyResponse(tracks=[spotify_track_message(track) for track in tracks])

    async def GetSpotifyTrack(
        self, request: ingest_pb2.GetSpotifyTrackRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.SpotifyTrack:
        return spotify_track_message(await self.spotify.metadata.track(request.spotify_id))

    async def ImportSpotify(
        self, request: ingest_pb2.ImportSpotifyRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.ImportSpotifyResponse:
        imported = await self.spotify.metadata.import_url(request.owner_id, request.url, request.quality)
        return ingest_pb2.ImportSpotifyResponse(
            jobs=[ingest_pb2.DownloadJob(job=item.job, track_id=item.track_id) for item in imported]
        )

    async def BeginSpotifyLogin(
        self, request: ingest_pb2.BeginSpotifyLoginRequest, context: grpc.aio.ServicerContext
    ) -> ingest_pb2.BeginSpotifyLoginResponse:
        url, state = self.spotify.accounts.begin_login(request.redirect_uri)
        return ingest_pb2.BeginSpotifyLoginResponse(authorize_url=url, state=state)

    async def CompleteSpotifyLogin(
        self, request: ingest_pb2.CompleteSpotifyLoginRequest, context: grpc.aio.ServicerContext
    ) -> library_pb2.User:
        return await self.spotify.accounts.complete_login(
            request.code,
            request.state,
            request.expected_state,
            request.redirect_uri,
            user_id=request.user_id,
        )
