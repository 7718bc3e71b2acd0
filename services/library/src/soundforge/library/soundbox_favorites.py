"""A user's favorite generations: add (idempotent), remove, list newest first, batch check."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.pagination import PageRequest
from soundforge.library.soundbox_catalog import GenerationPage, stored_ids, visible, visible_generation
from soundforge.library.soundbox_categories import members
from soundforge.library.soundbox_models import Favorite, Generation
from soundforge.runtime.errors import InvalidArgument

MAX_BATCH = 500


def _require(user_id: str) -> None:
    if not user_id:
        raise InvalidArgument("favorites need a user")


class Favorites:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], dialect: str) -> None:
        self._sessions = sessions
        self._insert = pg_insert if dialect == "postgresql" else sqlite_insert

    async def add(self, user_id: str, generation_id: str) -> None:
        _require(user_id)
        async with self._sessions.begin() as session:
            generation = await visible_generation(session, generation_id, user_id)
            statement = self._insert(Favorite).values(generation_id=generation.id, user_id=user_id)
            await session.execute(statement.on_conflict_do_nothing())

    async def remove(self, user_id: str, generation_id: str) -> None:
        """Removing a favorite one does not have is not an error; an unknown generation is."""
        _require(user_id)
        async with self._sessions.begin() as session:
            generation = await visible_generation(session, generation_id, user_id)
            await session.execute(
                delete(Favorite).where(Favorite.user_id == user_id, Favorite.generation_id == generation.id)
            )

    async def list_page(self, user_id: str, page: int, per_page: int, model: str = "") -> GenerationPage:
        _require(user_id)
        request = PageRequest.of(page, per_page)
        query = (
            select(Generation)
            .join(Favorite, Favorite.generation_id == Generation.id)
            .where(Favorite.user_id == user_id, visible(user_id))
        )
        if model:
            query = query.where(Generation.model.in_(members(model)))
        async with self._sessions() as session:
            total = int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)
            rows = await session.scalars(
                query.order_by(Favorite.created_at.desc(), Generation.id)
                .limit(request.page_size)
                .offset(request.offset)
            )
            items = list(rows.all())
        return GenerationPage(
            items=items,
            total=total,
            page=request.page,
            pages=-(-total // request.page_size),
            per_page=request.page_size,
        )

    async def check(self, user_id: str, generation_ids: list[str]) -> dict[str, bool]:
        if len(generation_ids) > MAX_BATCH:
            raise InvalidArgument(f"generation_ids: at most {MAX_BATCH}")
        found = dict.fromkeys(generation_ids, False)
        if not user_id or not generation_ids:
            return found
        async with self._sessions() as session:
            stored = await stored_ids(session, generation_ids)
            rows = await session.scalars(
                select(Favorite.generation_id).where(
                    Favorite.user_id == user_id, Favorite.generation_id.in_(set(stored.values()))
                )
            )
            favorite = set(rows.all())
        return {sent: stored[sent] in favorite for sent in found}
