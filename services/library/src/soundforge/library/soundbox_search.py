"""Full-text search of generations ranked by relevance: SQLite FTS5 bm25, PostgreSQL ts_rank.

Both index the prompt and the categories. Neither's objects are in the ORM models (they differ by
database; migrations 0004 and 0008 create them):
- SQLite: the FTS5 table `generations_fts`, whose rowid is the generation's `search_rowid`, kept
  in step by triggers. Ranking reads the FTS index alone (bm25 of every match is unavoidable, a
  row lookup per match is not); only the page's rows are joined.
- PostgreSQL: a stored generated tsvector `search_vector` with a GIN index, and
  `generation_search_terms`: per generation and lexeme, the ts_rank of that one-lexeme query,
  indexed best first, so a one-word search reads its page and count from one index range. A search
  of several lexemes ranks its (fewer) matches with ts_rank.
Every word of the query must match (AND); the best match comes first, then the newest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    Text,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession

from soundforge.db.types import UTCDateTime
from soundforge.library.soundbox_models import Generation

FTS_TABLE = "generations_fts"
SEARCH_ROWID = "search_rowid"  # SQLite: the generation's FTS rowid
PG_SEARCH_COLUMN = "search_vector"
TERMS_TABLE = "generation_search_terms"  # PostgreSQL
# Columns, tables and indexes of search that the models do not declare (by name prefix).
SCHEMA_NAMES = (FTS_TABLE, "ix_generations_search", PG_SEARCH_COLUMN, SEARCH_ROWID, TERMS_TABLE)
MAX_TERMS = 16
# ts_rank divides by 1 + log(document length), so a short prompt about the words outranks a long one
# mentioning them once, as bm25 does on SQLite.
LENGTH_NORMALIZATION = 1
# SQLite: a keyword filter of at most this many matches drives the query from them; more, and the
# listing's own index is walked, testing each row against the matches.
FEW_MATCHES = 2000
_WORD = re.compile(r"\w+", re.UNICODE)

_fts = table(FTS_TABLE, column("rowid", Integer))
_search_rowid: ColumnElement[int] = literal_column(f"generations.{SEARCH_ROWID}", Integer)
_search_vector: ColumnElement[Any] = literal_column(f"generations.{PG_SEARCH_COLUMN}")
_terms = table(
    TERMS_TABLE,
    column("lexeme", Text),
    column("generation_id", String),
    column("rank", Float),
    column("created_at", UTCDateTime),
    column("private", Boolean),
    column("user_id", String),
    column("model", String),
)


def terms(query: str) -> list[str]:
    """The words of a query (punctuation and FTS operators dropped), at most MAX_TERMS."""
    return _WORD.findall(query.lower())[:MAX_TERMS]


@dataclass(frozen=True)
class Scope:
    """The generations a search may return: what the viewer may see, of one model (or all),
    narrowed by `filters`."""

    viewer_id: str = ""
    model: str = ""
    filters: Sequence[ColumnElement[bool]] = ()  # other conditions on generations (category, creator)

    def conditions(self) -> list[ColumnElement[bool]]:
        """The model and `filters` as conditions on generations (visibility apart)."""
        return [Generation.model == self.model, *self.filters] if self.model else list(self.filters)


@dataclass(frozen=True)
class Ranked:
    items: list[Generation]
    total: int | None  # when counting came with ranking at no cost; else count() it


class SearchQuery(Protocol):
    """One search's matches: ranked pages and their count."""

    async def ranked(self, session: AsyncSession, scope: Scope, limit: int, offset: int) -> Ranked: ...

    async def count(self, session: AsyncSession, scope: Scope) -> int: ...


async def _ranked(session: AsyncSession, query: Select[Any]) -> Ranked:
    """`query` selects (Generation, total of all matches) rows."""
    rows = (await session.execute(query)).all()
    return Ranked([row[0] for row in rows], int(rows[0][1]) if rows else None)


async def prepare(session: AsyncSession, dialect: str, words: list[str]) -> SearchQuery:
    if dialect == "sqlite":
        return SqliteSearch(words)
    return await PostgresSearch.resolve(session, words)


async def matching(session: AsyncSession, dialect: str, words: list[str]) -> ColumnElement[bool]:
    """The generations that match every word, as a condition (no rank): a filter of other listings."""
    if dialect == "sqlite":
        return await SqliteSearch(words).condition(session)
    return _search_vector.op("@@")(func.plainto_tsquery("english", " ".join(words)))


class SqliteSearch:
    def __init__(self, words: list[str]) -> None:
        # Each word quoted: FTS5 syntax in the query ("NEAR", "-", "*") is never interpreted.
        self._expression = " ".join('"' + word.replace('"', '""') + '"' for word in words)

    def _matches(self, scope: Scope, *, ranked: bool) -> Select[Any]:
        """FTS rowids (and bm25, lower is better) of the matches the viewer may see."""
        hidden = select(_search_rowid).select_from(Generation).where(Generation.private.is_(True))
        if scope.viewer_id:
            hidden = hidden.where(Generation.user_id != scope.viewer_id)
        columns: list[ColumnElement[Any]] = [_fts.c.rowid.label("rid")]
        if ranked:
            columns.append(func.bm25(literal_column(FTS_TABLE)).label("rank"))
        return (
            select(*columns)
            .select_from(_fts)
            .where(literal_column(FTS_TABLE).op("MATCH")(self._expression))
            .where(_fts.c.rowid.not_in(hidden.correlate(None)))
        )

    def _scoped(self, scope: Scope, *, ranked: bool) -> Any:
        # Materialized: SQLite must start from the FTS matches, never probe the FTS index per row.
        matches = self._matches(scope, ranked=ranked).cte("matches").prefix_with("MATERIALIZED")
        conditions = scope.conditions()
        if not conditions:
            return matches
        return (
            select(*matches.c)
            .join(Generation, _search_rowid == matches.c.rid)
            .where(*conditions)
            .cte("filtered")
            .prefix_with("MATERIALIZED")
        )

    async def ranked(self, session: AsyncSession, scope: Scope, limit: int, offset: int) -> Ranked:
        found = self._scoped(scope, ranked=True)
        # Every match ranked at least as well as the last one of the page: whole groups of equal
        # rank, so the newest of a group come first however the page boundary cuts it.
        last = (
            select(found.c.rank).order_by(found.c.rank).limit(1).offset(offset + limit - 1).scalar_subquery()
        )
        total = select(func.count()).select_from(found).scalar_subquery()  # all ranked already
        query = (
            select(Generation, total)
            .join(found, _search_rowid == found.c.rid)
            .where(found.c.rank <= func.coalesce(last, found.c.rank))  # fewer matches: all of them
            .order_by(found.c.rank, Generation.created_at.desc())
            .limit(limit)
            .offset(offset)
        )
        return await _ranked(session, query)

    async def count(self, session: AsyncSession, scope: Scope) -> int:
        found = self._scoped(scope, ranked=False)
        return int(await session.scalar(select(func.count()).select_from(found)) or 0)

    async def condition(self, session: AsyncSession) -> ColumnElement[bool]:
        """Rows whose search_rowid is a match: driven by the matches when they are few."""
        rowids = select(_fts.c.rowid).where(literal_column(FTS_TABLE).op("MATCH")(self._expression))
        matches = await session.scalar(select(func.count()).select_from(rowids.subquery()))
        if (matches or 0) <= FEW_MATCHES:
            return _search_rowid.in_(rowids)
        # The unary + keeps SQLite from looking every match up by search_rowid: it walks the
        # listing's index (shuffle key, votes, date) and tests each row against the match list.
        return literal_column(f"+generations.{SEARCH_ROWID}", Integer).in_(rowids)


class PostgresSearch:
    def __init__(self, query: str, lexemes: list[str]) -> None:
        self._lexemes = lexemes
        # A parameter of type tsquery, not plainto_tsquery(...) in the statement: a generic plan
        # would parse and stem the words again for every row it ranks.
        self._query: ColumnElement[Any] = bindparam("search_query", query, type_=TSQUERY)

    @classmethod
    async def resolve(cls, session: AsyncSession, words: list[str]) -> PostgresSearch:
        """The query's lexemes (stemmed, stop words dropped) and its tsquery, computed once."""
        row = (
            await session.execute(
                text(
                    "SELECT plainto_tsquery('english', :words)::text, "
                    "ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', :words)))"
                ),
                {"words": " ".join(words)},
            )
        ).one()
        return cls(str(row[0]), list(row[1]))

    def _entries(self, scope: Scope) -> Select[Any]:
        """One lexeme's entries the viewer may see, best first."""
        public = _terms.c.private.is_(False)
        visible = or_(public, _terms.c.user_id == scope.viewer_id) if scope.viewer_id else public
        entries = select(_terms.c.generation_id, _terms.c.rank, _terms.c.created_at).where(
            _terms.c.lexeme == self._lexemes[0], visible
        )
        if scope.model:
            entries = entries.where(_terms.c.model == scope.model)
        if scope.filters:
            narrowed = select(Generation.id).where(Generation.id == _terms.c.generation_id, *scope.filters)
            entries = entries.where(narrowed.exists())
        return entries

    def _matching(self, scope: Scope) -> Select[Any]:
        visible = or_(Generation.private.is_(False), Generation.user_id == scope.viewer_id)
        return select(Generation).where(
            visible if scope.viewer_id else Generation.private.is_(False),
            _search_vector.op("@@")(self._query),
            *scope.conditions(),
        )

    async def ranked(self, session: AsyncSession, scope: Scope, limit: int, offset: int) -> Ranked:
        if not self._lexemes:
            return Ranked([], 0)  # only stop words: nothing matches
        if len(self._lexemes) == 1:
            best = (
                self._entries(scope)
                .order_by(_terms.c.rank.desc(), _terms.c.created_at.desc())
                .limit(limit)
                .offset(offset)
                .subquery("best")
            )
            query = (
                select(Generation)
                .join(best, best.c.generation_id == Generation.id)
                .order_by(best.c.rank.desc(), best.c.created_at.desc())
            )
            return Ranked(list((await session.scalars(query)).all()), None)
        # Every match is read and ranked for the page anyway: counting them comes with it.
        rank = func.ts_rank(_search_vector, self._query, LENGTH_NORMALIZATION)
        query = (
            self._matching(scope)
            .add_columns(func.count().over())
            .order_by(rank.desc(), Generation.created_at.desc())
            .limit(limit)
            .offset(offset)
        )
        return await _ranked(session, query)

    async def count(self, session: AsyncSession, scope: Scope) -> int:
        if not self._lexemes:
            return 0
        if len(self._lexemes) == 1:
            counted = select(func.count()).select_from(self._entries(scope).subquery())
        else:
            counted = select(func.count()).select_from(self._matching(scope).subquery())
        return int(await session.scalar(counted) or 0)
