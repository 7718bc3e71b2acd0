"""Radio: random, next, favorites, top-rated and new tracks, picked without sorting the table at random.

Random picks read the indexed `shuffle_key` (uniform, fixed at insert) from a random point on,
wrapping around at the end: one index range scan instead of ORDER BY RANDOM() over every row.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, delete, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import utcnow
from soundforge.library.soundbox_catalog import visible
from soundforge.library.soundbox_categories import members
from soundforge.library.soundbox_models import Favorite, Generation, RadioPlay
from soundforge.library.soundbox_search import matching, terms, unsearchable
from soundforge.runtime.errors import InvalidArgument

MODES = ("shuffle", "next", "favorites", "top-rated", "new")
DEFAULT_COUNT = {"shuffle": 10, "next": 1, "favorites": 10, "top-rated": 20, "new": 10}
MAX_COUNT = 50
DEFAULT_HOURS = 168
MAX_HOURS = 24 * 365 * 10
MAX_EXCLUDE = 200
# What `next` remembers per listener: the last RECENT_PLAYS tracks, for at most RECENT_PLAYS_TTL.
RECENT_PLAYS = 50
RECENT_PLAYS_TTL = timedelta(days=1)


@dataclass(frozen=True)
class RadioQuery:
    mode: str
    model: str = ""
    search: str = ""
    count: int = 0
    exclude_ids: list[str] = field(default_factory=list)
    user_id: str = ""  # the listener
    hours: int = 0


class Radio:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], dialect: str, rng: random.Random | None = None
    ) -> None:
        self._sessions = sessions
        self._dialect = dialect
        self._random = rng or random.Random()

    async def tracks(self, q: RadioQuery) -> list[Generation]:
        if q.mode not in MODES:
            raise InvalidArgument(f"unknown radio mode {q.mode!r}")
        count = min(q.count if q.count > 0 else DEFAULT_COUNT[q.mode], MAX_COUNT)
        if len(q.exclude_ids) > MAX_EXCLUDE:
            raise InvalidArgument(f"exclude: at most {MAX_EXCLUDE} ids")
        if unsearchable(q.search):
            return []
        query = select(Generation).where(visible(q.user_id))
        if q.model:
            query = query.where(self._model_is(q.model))
        words = terms(q.search)
        if words:
            async with self._sessions() as session:
                query = query.where(await matching(session, self._dialect, words))
        if q.mode == "top-rated":
            query = query.order_by(Generation.net_votes.desc(), Generation.created_at.desc()).limit(count)
            return await self._all(query)
        if q.mode == "new":
            hours = min(q.hours if q.hours > 0 else DEFAULT_HOURS, MAX_HOURS)
            since = utcnow() - timedelta(hours=hours)
            query = (
                query.where(Generation.created_at >= since)
                .order_by(Generation.created_at.desc())
                .limit(count)
            )
            return await self._all(query)
        if q.mode == "favorites":
            return await self._favorites(query, q.user_id, count)
        if q.mode == "next":
            return await self._next(query, q, 1 if q.count <= 0 else count)
        return await self._shuffle(query, count, set(q.exclude_ids))

    def _model_is(self, model: str) -> ColumnElement[bool]:
        if self._dialect == "sqlite":
            # Unary +: SQLite would take the model index (half the table, then a sort) over the
            # index that orders the picks (shuffle key, votes, date) and stops after `count` rows.
            return literal_column("+generations.model").in_(members(model))
        return Generation.model.in_(members(model))

    async def _all(self, query: Select[Generation]) -> list[Generation]:
        async with self._sessions() as session:
            return list((await session.scalars(query)).all())

    async def _shuffle(
        self, query: Select[Generation], count: int, skip: set[str], session: AsyncSession | None = None
    ) -> list[Generation]:
        """`count` tracks from a random point of the shuffle key on, wrapping around at the end.

        The keys are independent uniform draws, so the rows whose keys follow any point are a
        uniform random sample of the matches: one index range scan, no sort of the table.
        """
        if session is None:
            async with self._sessions() as own:
                return await self._shuffle(query, count, skip, own)
        if skip:
            query = query.where(Generation.id.not_in(skip))
        point = self._random.random()
        by_key = query.order_by(Generation.shuffle_key)
        picked = list(
            (await session.scalars(by_key.where(Generation.shuffle_key >= point).limit(count))).all()
        )
        if len(picked) < count:  # wrap around
            before = by_key.where(Generation.shuffle_key < point).limit(count - len(picked))
            picked += (await session.scalars(before)).all()
        self._random.shuffle(picked)
        return picked

    async def _next(self, query: Select[Generation], q: RadioQuery, count: int) -> list[Generation]:
        skip = set(q.exclude_ids)
        async with self._sessions.begin() as session:
            remembered: list[tuple[str, datetime]] = []
            if q.user_id:
                recent = await session.execute(
                    select(RadioPlay.generation_id, RadioPlay.played_at)
                    .where(RadioPlay.user_id == q.user_id, RadioPlay.played_at >= utcnow() - RECENT_PLAYS_TTL)
                    .order_by(RadioPlay.played_at.desc(), RadioPlay.id.desc())
                    .limit(RECENT_PLAYS)
                )
                remembered = list(recent.all())
                skip |= {generation_id for generation_id, _ in remembered}
            tracks = await self._shuffle(query, count, skip, session)
            if q.user_id and tracks:
                session.add_all(RadioPlay(user_id=q.user_id, generation_id=t.id) for t in tracks)
                if len(remembered) >= RECENT_PLAYS:  # full: forget what is older than the window
                    await session.execute(
                        delete(RadioPlay).where(
                            RadioPlay.user_id == q.user_id, RadioPlay.played_at < remembered[-1][1]
                        )
                    )
        return tracks

    async def _favorites(self, query: Select[Generation], user_id: str, count: int) -> list[Generation]:
        if not user_id:
            raise InvalidArgument("favorites radio needs a listener")
        # One listener's favorites, not the table: sampled in Python.
        async with self._sessions() as session:
            ids = list(
                (
                    await session.scalars(
                        query.with_only_columns(Generation.id)
                        .join(Favorite, Favorite.generation_id == Generation.id)
                        .where(Favorite.user_id == user_id)
                    )
                ).all()
            )
            chosen = self._random.sample(ids, min(count, len(ids)))
            if not chosen:
                return []
            rows = {
                g.id: g
                for g in (await session.scalars(select(Generation).where(Generation.id.in_(chosen)))).all()
            }
        return [rows[i] for i in chosen if i in rows]
