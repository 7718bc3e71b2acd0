"""Browsing the community library: pages (filters, sort, ranked search), one generation, counts, history."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from sqlalchemy import ColumnElement, Select, exists, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.pagination import PageRequest
from soundforge.library.soundbox_categories import CATEGORIES, check_category, family, members
from soundforge.library.soundbox_models import Favorite, Generation, Vote
from soundforge.library.soundbox_search import Scope, matching, prepare, terms, unsearchable
from soundforge.library.soundbox_totals import Totals
from soundforge.runtime.errors import InvalidArgument, NotFound

SORTS = ("", "recent", "popular", "rating")
HISTORY_LIMIT = 500


def visible(viewer_id: str) -> ColumnElement[bool]:
    """Public generations, and the viewer's own private ones (an empty viewer sees only public)."""
    public = Generation.private.is_(False)
    return or_(public, Generation.user_id == viewer_id) if viewer_id else public


def identified_by(generation_id: str) -> ColumnElement[bool]:
    """The generation whose id, or whose job's id, is `generation_id`.

    A generation's id is its job's id (and its file name's stem), as Sound Box has one value for
    the three; generations recorded before that kept an id of their own, and are found by either.
    """
    return or_(Generation.id == generation_id, Generation.job_id == generation_id)


async def visible_generation(session: AsyncSession, generation_id: str, viewer_id: str) -> Generation:
    """The generation if the viewer may see it; NotFound otherwise (a private id does not leak)."""
    generation = await session.scalar(
        select(Generation).where(identified_by(generation_id), visible(viewer_id)).limit(1)
    )
    if generation is None:
        raise NotFound(f"generation {generation_id} not found")
    return generation


async def stored_ids(session: AsyncSession, ids: list[str]) -> dict[str, str]:
    """Each of `ids` -> the stored id of its generation (itself, unless it names an older one's job)."""
    stored = dict(zip(ids, ids, strict=True))
    if ids:
        older = await session.execute(
            select(Generation.job_id, Generation.id).where(
                Generation.job_id.in_(set(ids)), Generation.id != Generation.job_id
            )
        )
        stored.update({str(job_id): generation_id for job_id, generation_id in older.all()})
    return stored


def has_category(dialect: str, category: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return Generation.categories.op("@>")(func.jsonb_build_array(category))
    element = func.json_each(Generation.categories).table_valued("value").alias("category")
    return exists(select(1).select_from(element).where(element.c.value == category))


@dataclass(frozen=True)
class LibraryQuery:
    viewer_id: str = ""
    page: int = 1
    per_page: int = 20
    model: str = ""
    search: str = ""
    sort: str = ""  # "" = recent, or by relevance when searching
    category: str = ""
    user_id: str = ""  # one creator


@dataclass(frozen=True)
class GenerationPage:
    items: list[Generation]
    total: int
    page: int
    pages: int
    per_page: int


def _ordered(query: Select[Generation], sort: str) -> Select[Generation]:
    newest = (Generation.created_at.desc(),)
    if sort == "popular":
        return query.order_by(Generation.upvotes.desc(), *newest)
    if sort == "rating":
        return query.order_by(Generation.wilson_lower.desc(), *newest)
    return query.order_by(*newest)


def _key(q: LibraryQuery, words: list[str]) -> tuple[str, ...]:
    """What a listing's total depends on (not its page or order)."""
    return (q.viewer_id, q.model, q.category, q.user_id, *words)


async def _count(session: AsyncSession, query: Select[Generation]) -> int:
    return int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)


async def _page(session: AsyncSession, query: Select[Generation], page: PageRequest) -> list[Generation]:
    return list((await session.scalars(query.limit(page.page_size).offset(page.offset))).all())


class Catalog:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], dialect: str, totals: Totals | None = None
    ) -> None:
        self._sessions = sessions
        self._dialect = dialect
        self._totals = totals or Totals(ttl=0)

    def filtered(
        self, viewer_id: str, *, model: str = "", category: str = "", user_id: str = ""
    ) -> Select[Generation]:
        query = select(Generation).where(visible(viewer_id))
        if model:
            query = query.where(Generation.model.in_(members(model)))
        if category:
            query = query.where(has_category(self._dialect, check_category(category)))
        if user_id:
            query = query.where(Generation.user_id == user_id)
        return query

    async def list_page(self, q: LibraryQuery) -> GenerationPage:
        if q.sort not in SORTS:
            raise InvalidArgument(f"unknown sort {q.sort!r}")
        page = PageRequest.of(q.page, q.per_page)
        if unsearchable(q.search):
            return GenerationPage(items=[], total=0, page=page.page, pages=0, per_page=page.page_size)
        words = terms(q.search)
        async with self._sessions() as session:
            if self._dialect == "postgresql":
                # One snapshot for the page and its total: a generation committed between the two
                # would otherwise be counted without being on the page. (SQLite sessions hold the
                # write lock throughout.)
                await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            if words:
                rows, total = await self._search_page(session, q, words, page)
            else:
                query = self.filtered(q.viewer_id, model=q.model, category=q.category, user_id=q.user_id)
                rows = await _page(session, _ordered(query, q.sort), page)
                total = await self._totals.get(_key(q, words), partial(_count, session, query))
        return GenerationPage(
            items=rows,
            total=total,
            page=page.page,
            pages=-(-total // page.page_size),
            per_page=page.page_size,
        )

    async def _search_page(
        self, session: AsyncSession, q: LibraryQuery, words: list[str], page: PageRequest
    ) -> tuple[list[Generation], int]:
        """The matches ranked by relevance, or in the order asked for."""
        search = await prepare(session, self._dialect, words)
        category = has_category(self._dialect, check_category(q.category)) if q.category else None
        scope = Scope(q.viewer_id, q.model, q.user_id, category)
        total = None
        if q.sort:
            query = self.filtered(q.viewer_id, model=q.model, category=q.category, user_id=q.user_id)
            query = query.where(await matching(session, self._dialect, words))
            rows = await _page(session, _ordered(query, q.sort), page)
        else:
            ranked = await search.ranked(session, scope, page.page_size, page.offset)
            rows, total = ranked.items, ranked.total
        if total is None:
            total = await self._totals.get(_key(q, words), partial(search.count, session, scope))
        return rows, total

    async def get(self, generation_id: str, viewer_id: str) -> Generation:
        async with self._sessions() as session:
            return await visible_generation(session, generation_id, viewer_id)

    async def counts(self) -> dict[str, int]:
        """Public generations: the total and per model family (MAGNeT's with theirs)."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(Generation.model, func.count()).where(visible("")).group_by(Generation.model)
            )
        by_family = {name: 0 for name in CATEGORIES}
        for model, count in rows.all():
            by_family[family(model)] = by_family.get(family(model), 0) + int(count)
        return {"total": sum(by_family.values()), "music": by_family["music"], "audio": by_family["audio"]}

    async def category_counts(self, model: str = "") -> dict[str, int]:
        """Public generations per category (of one model when given)."""
        if self._dialect == "postgresql":
            element = func.jsonb_array_elements_text(Generation.categories).table_valued("value")
        else:
            element = func.json_each(Generation.categories).table_valued("value")
        value = element.c.value
        query = select(value, func.count()).select_from(Generation).join(element, true()).where(visible(""))
        if model:
            query = query.where(Generation.model.in_(members(model)))
        async with self._sessions() as session:
            rows = await session.execute(query.group_by(value))
        return {str(name): int(count) for name, count in rows.all()}

    async def history(self, viewer_id: str, model: str = "", user_id: str = "") -> list[Generation]:
        query = _ordered(self.filtered(viewer_id, model=model, user_id=user_id), "recent").limit(
            HISTORY_LIMIT
        )
        async with self._sessions() as session:
            return list((await session.scalars(query)).all())

    async def stats(self) -> dict[str, object]:
        async with self._sessions() as session:
            generations = await session.scalar(
                select(func.count()).select_from(Generation).where(visible(""))
            )
            votes = await session.scalar(select(func.count()).select_from(Vote))
            favorites = await session.scalar(select(func.count()).select_from(Favorite))
        return {
            "total_generations": int(generations or 0),
            "total_votes": int(votes or 0),
            "total_favorites": int(favorites or 0),
            "categories": {model: len(names) for model, names in CATEGORIES.items()},
        }

    async def rate(self, filename: str, rating: int, viewer_id: str) -> None:
        """The legacy 1-5 rating, by file name (the last rating given stands)."""
        if not 1 <= rating <= 5:
            raise InvalidArgument("rating must be between 1 and 5")
        async with self._sessions.begin() as session:
            generation = await session.scalar(
                select(Generation).where(Generation.filename == filename, visible(viewer_id))
            )
            if generation is None:
                raise NotFound(f"generation {filename} not found")
            generation.rating = rating
