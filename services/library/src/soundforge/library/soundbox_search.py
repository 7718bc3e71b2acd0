"""Full-text search of generations ranked by relevance: SQLite FTS5 bm25, PostgreSQL ts_rank.

Both index the prompt and the categories, outside the ORM models (the objects differ by database;
migrations 0004, 0008 and 0009 create them). Every word of the query must match (AND); the best
match comes first, then the newest. Neither database ranks row by row: SQLite ranks one word's
(frequency, length) classes, or several words' matches over the FTS index alone
(soundbox_search_sqlite); PostgreSQL reads one word's page from an index of precomputed ranks, or
ranks several words' matches with a tsquery computed once (soundbox_search_postgres).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from soundforge.library import soundbox_search_postgres as postgres
from soundforge.library.soundbox_search_postgres import PostgresSearch
from soundforge.library.soundbox_search_scope import SCHEMA_NAMES, Ranked, Scope, SearchQuery
from soundforge.library.soundbox_search_sqlite import SqliteSearch

__all__ = ["SCHEMA_NAMES", "Ranked", "Scope", "SearchQuery", "matching", "prepare", "terms", "unsearchable"]

MAX_TERMS = 16
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(query: str) -> list[str]:
    """The words of a query (punctuation and FTS operators dropped), at most MAX_TERMS."""
    return _WORD.findall(query.lower())[:MAX_TERMS]


def unsearchable(query: str) -> bool:
    """A query with something in it but no word (only symbols, e.g. "✓" or "*"): it matches nothing.

    Without this its empty terms() would read as no search at all, and list everything.
    """
    return bool(query.strip()) and not terms(query)


async def prepare(session: AsyncSession, dialect: str, words: list[str]) -> SearchQuery:
    """A search of `words` (from terms()) on the session's database."""
    if dialect == "sqlite":
        return SqliteSearch(words)
    return await PostgresSearch.resolve(session, words)


async def matching(session: AsyncSession, dialect: str, words: list[str]) -> ColumnElement[bool]:
    """The generations that match every word, as a condition (no rank): a filter of other listings."""
    if dialect == "sqlite":
        return await SqliteSearch(words).condition(session)
    return postgres.matching(words)
