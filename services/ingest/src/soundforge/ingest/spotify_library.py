"""The library as the Spotify features see it: the owner's tracks by Spotify id, linked Spotify accounts."""

from __future__ import annotations

from typing import Any

import grpc

from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import dict_from_struct, struct_from_dict

PROVIDER = "spotify"


class LibrarySpotify:
    """OwnedTracks and LinkedAccounts over gRPC; errors arrive as typed SoundForgeErrors."""

    def __init__(self, channel: grpc.aio.Channel, timeout: float = 10.0) -> None:
        self.stub = library_pb2_grpc.LibraryServiceStub(channel)
        self.timeout = timeout

    async def track_ids(self, owner_id: str, spotify_ids: list[str]) -> dict[str, str]:
        if not spotify_ids:
            return {}
        reply = await self.stub.FindSpotifyTracks(
            library_pb2.FindSpotifyTracksRequest(owner_id=owner_id, spotify_ids=spotify_ids),
            timeout=self.timeout,
        )
        return dict(reply.track_ids)

    async def link(self, subject: str, email: str, token: dict[str, Any], user_id: str) -> library_pb2.User:
        request = library_pb2.LinkOAuthAccountRequest(
            provider=PROVIDER, subject=subject, email=email, token=struct_from_dict(token), user_id=user_id
        )
        user: library_pb2.User = await self.stub.LinkOAuthAccount(request, timeout=self.timeout)
        return user

    async def token(self, user_id: str) -> tuple[str, dict[str, Any]]:
        account = await self.stub.GetOAuthAccount(
            library_pb2.GetOAuthAccountRequest(user_id=user_id, provider=PROVIDER), timeout=self.timeout
        )
        return account.subject, dict_from_struct(account.token)
