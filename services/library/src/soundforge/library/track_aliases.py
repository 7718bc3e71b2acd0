"""Track aliases: an id a download announced resolves to the owner's track that holds its audio.

A download job announces its track id before the audio is fetched. When the audio turns out to be
a file the owner already has, the job is recorded as that track (one track per file and owner) and
the announced id is kept here, so a client holding it can still read, separate or delete the track.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from soundforge.library.models import Track, TrackAlias


async def aliased_track(session: AsyncSession, owner_id: str, alias_id: str) -> Track | None:
    """The owner's track `alias_id` names, or None (an alias of another owner's track names nothing)."""
    alias = await session.get(TrackAlias, alias_id)
    if alias is None or alias.owner_id != owner_id:
        return None
    return await session.get(Track, alias.track_id)


async def resolved_track_id(session: AsyncSession, owner_id: str, track_id: str) -> str:
    """The id of the track `track_id` names for `owner_id`: itself unless it is one of their aliases."""
    if not track_id or not owner_id:
        return track_id
    query = select(TrackAlias.track_id).where(TrackAlias.id == track_id, TrackAlias.owner_id == owner_id)
    return await session.scalar(query) or track_id


async def add_alias(session: AsyncSession, track: Track, alias_id: str) -> None:
    """Records `alias_id` as another id of `track` (no-op for its own id or an id already in use)."""
    if not alias_id or alias_id == track.id:
        return
    if await session.get(TrackAlias, alias_id) is not None or await session.get(Track, alias_id) is not None:
        return
    session.add(TrackAlias(id=alias_id, owner_id=track.owner_id, track_id=track.id))
