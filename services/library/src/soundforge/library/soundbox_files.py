"""Sound Box files: the generation behind an audio or spectrogram file name; spectrograms drawn later."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.soundbox_catalog import visible
from soundforge.library.soundbox_models import Generation
from soundforge.runtime.errors import InvalidArgument, NotFound
from soundforge.storage import keys, validate_key


@dataclass(frozen=True)
class Viewer:
    """Who asks: an empty user_id is an anonymous reader; an admin sees private generations too."""

    user_id: str = ""
    admin: bool = False


def visible_to(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.admin and viewer.user_id:
        return true()
    return visible(viewer.user_id)


class GenerationFiles:
    """File names are looked up, never opened: what is served is the object key recorded here."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def by_audio(self, filename: str, viewer: Viewer) -> Generation:
        return await self._find(Generation.filename == filename, filename, viewer)

    async def by_spectrogram(self, filename: str, viewer: Viewer) -> Generation:
        return await self._find(Generation.spectrogram == filename, filename, viewer)

    async def set_spectrogram(self, generation_id: str, key: str, viewer: Viewer) -> Generation:
        """Records `key` (a PNG under the creator's prefix) as the generation's spectrogram."""
        async with self._sessions.begin() as session:
            generation = await session.scalar(
                select(Generation).where(Generation.id == generation_id, visible_to(viewer))
            )
            if generation is None:
                raise NotFound(f"generation {generation_id} not found")
            validate_key(key)
            if not keys.owned_by(key, generation.user_id) or not key.endswith(".png"):
                raise InvalidArgument("a spectrogram must be a .png under the creator's objects")
            generation.spectrogram_key = key
            generation.spectrogram = PurePosixPath(key).name
            return generation

    async def _find(self, matches: ColumnElement[bool], name: str, viewer: Viewer) -> Generation:
        if not name:
            raise NotFound("file not found")
        # A name is one generation's (filenames are unique; spectrogram names are their audio's
        # stem), so the newest of several can only be a pick among seeded or legacy rows.
        query = (
            select(Generation)
            .where(matches, visible_to(viewer))
            .order_by(Generation.created_at.desc())
            .limit(1)
        )
        async with self._sessions() as session:
            generation = await session.scalar(query)
        if generation is None:
            raise NotFound(f"file {name} not found")
        return generation
