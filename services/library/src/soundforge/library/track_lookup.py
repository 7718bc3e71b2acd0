"""Owner-scoped lookups of tracks by the id another catalog gives them (Spotify track ids)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import Track
from soundforge.runtime.errors import InvalidArgument, ValidationFailed

# An album or playlist fetch asks once for all its tracks; the ingest side caps those at 500.
MAX_LOOKUP_IDS = 1000


class TrackLookup:
    """Answers "which of these Spotify tracks does this owner already have, and as which track?"."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def by_spotify_ids(self, owner_id: str, spotify_ids: list[str]) -> dict[str, str]:
        """spotify_id -> the owner's newest track recorded with it; ids the owner lacks are absent."""
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        wanted = sorted({spotify_id for spotify_id in spotify_ids if spotify_id})
        if len(wanted) > MAX_LOOKUP_IDS:
            raise ValidationFailed({"spotify_ids": [f"at most {MAX_LOOKUP_IDS} ids per lookup"]})
        if not wanted:
            return {}
        query = (
            select(Track.spotify_id, Track.id)
            .where(Track.owner_id == owner_id, Track.spotify_id.in_(wanted))
            # Oldest first, so the newest track of a repeated id is the one left in the dict.
            .order_by(Track.created_at, Track.id)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return {spotify_id: track_id for spotify_id, track_id in rows}
