"""Search on PostgreSQL: ts_rank (length normalised) over the stored `search_vector`.

`generation_search_terms` holds, per generation and lexeme of its search vector, the ts_rank of
that one-lexeme query (kept by a trigger, migration 0008), indexed by (lexeme, rank, created_at)
with what a listing filters on: a one-word search reads its page and its count from one index
range. A search of several lexemes ranks its matches (every lexeme must match: fewer) with ts_rank
and counts them in the same pass.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
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
from soundforge.library.soundbox_search_scope import Ranked, Scope, ranked_with_total

# ts_rank divides by 1 + log(document length), so a short prompt about the words outranks a long one
# mentioning them once, as bm25 does on SQLite.
LENGTH_NORMALIZATION = 1

_search_vector: ColumnElement[Any] = literal_column("generations.search_vector")
_terms = table(
    "generation_search_terms",
    column("lexeme", Text),
    column("generation_id", String),
    column("rank", Float),
    column("created_at", UTCDateTime),
    column("private", Boolean),
    column("user_id", String),
    column("model", String),
)


def matching(words: list[str]) -> ColumnElement[bool]:
    return _search_vector.op("@@")(func.plainto_tsquery("english", " ".join(words)))


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
        return await ranked_with_total(session, query)

    async def count(self, session: AsyncSession, scope: Scope) -> int:
        if not self._lexemes:
            return 0
        if len(self._lexemes) == 1:
            counted = select(func.count()).select_from(self._entries(scope).subquery())
        else:
            counted = select(func.count()).select_from(self._matching(scope).subquery())
        return int(await session.scalar(counted) or 0)

    def _entries(self, scope: Scope) -> Select[Any]:
        """The one lexeme's entries in the scope."""
        entries = select(_terms.c.generation_id, _terms.c.rank, _terms.c.created_at).where(
            _terms.c.lexeme == self._lexemes[0], *scope.on_terms(_terms)
        )
        if scope.category is not None:
            in_category = select(Generation.id).where(Generation.id == _terms.c.generation_id, scope.category)
            entries = entries.where(in_category.exists())
        return entries

    def _matching(self, scope: Scope) -> Select[Any]:
        public = Generation.private.is_(False)
        return select(Generation).where(
            or_(public, Generation.user_id == scope.viewer_id) if scope.viewer_id else public,
            _search_vector.op("@@")(self._query),
            *scope.conditions(),
        )
