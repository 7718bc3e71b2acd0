"""What a search may return and what it answers: the scope, a ranked page, the engines' contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, or_
from sqlalchemy.ext.asyncio import AsyncSession

from soundforge.library.soundbox_categories import members
from soundforge.library.soundbox_models import Generation

# Search's own columns, tables and indexes, which the models do not declare (migrations 0004, 0008,
# 0009 create them; they differ by database). By name prefix.
SCHEMA_NAMES = (
    "generations_fts",  # SQLite: FTS5 table, its shadow tables, term frequencies, scratch table
    "search_rowid",  # SQLite: a generation's FTS rowid
    "ix_generations_search",
    "search_vector",  # PostgreSQL: stored tsvector
    "generation_search_terms",  # PostgreSQL: one-lexeme ranks
)


@dataclass(frozen=True)
class Scope:
    """The generations a search may return: what the viewer may see, narrowed by a listing's filters."""

    viewer_id: str = ""
    model: str = ""
    creator: str = ""
    category: ColumnElement[bool] | None = None  # on generations (JSON containment differs by database)

    def conditions(self) -> list[ColumnElement[bool]]:
        """The filters as conditions on generations (visibility apart)."""
        conditions = [] if self.category is None else [self.category]
        if self.model:
            conditions.append(Generation.model.in_(members(self.model)))
        if self.creator:
            conditions.append(Generation.user_id == self.creator)
        return conditions

    def on_terms(self, terms: Any) -> list[ColumnElement[bool]]:
        """Visibility, model and creator on a terms table's copies of them (category apart)."""
        public = terms.c.private.is_(False)
        conditions = [or_(public, terms.c.user_id == self.viewer_id) if self.viewer_id else public]
        if self.model:
            conditions.append(terms.c.model.in_(members(self.model)))
        if self.creator:
            conditions.append(terms.c.user_id == self.creator)
        return conditions


@dataclass(frozen=True)
class Ranked:
    items: list[Generation]
    total: int | None  # when counting came with ranking at no cost; else count() it


class SearchQuery(Protocol):
    """One search's matches: ranked pages and their count."""

    async def ranked(self, session: AsyncSession, scope: Scope, limit: int, offset: int) -> Ranked: ...

    async def count(self, session: AsyncSession, scope: Scope) -> int: ...


async def ranked_with_total(session: AsyncSession, query: Select[Any]) -> Ranked:
    """`query` selects (Generation, total of all matches) rows."""
    rows = (await session.execute(query)).all()
    return Ranked([row[0] for row in rows], int(rows[0][1]) if rows else None)
