"""Full-text search of generations ranked by relevance: SQLite FTS5 bm25, PostgreSQL ts_rank.

Both index the prompt and the categories (migration 0004): SQLite through the `generations_fts`
table its triggers keep in step, PostgreSQL through a stored generated tsvector column with a GIN
index. Neither is in the ORM models (they differ by database).
Every word of the query must match (AND); the best match comes first.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, text

from soundforge.library.soundbox_models import Generation

FTS_TABLE = "generations_fts"
# PostgreSQL only (migration 0004): a stored generated tsvector of prompt and categories, GIN-indexed.
PG_SEARCH_COLUMN = "search_vector"
MAX_TERMS = 16
# ts_rank divides by 1 + log(document length), so a short prompt about the words outranks a long one
# mentioning them once, as bm25 does on SQLite.
LENGTH_NORMALIZATION = 1
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(query: str) -> list[str]:
    """The words of a query (punctuation and FTS operators dropped), at most MAX_TERMS."""
    return _WORD.findall(query.lower())[:MAX_TERMS]


def match(dialect: str, words: list[str]) -> Select[str, float]:
    """(generation_id, rank) of every match; a lower rank is a better match."""
    if dialect == "sqlite":
        # Each word quoted: FTS5 syntax in the query ("NEAR", "-", "*") is never interpreted.
        expression = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        generation_id: ColumnElement[str] = literal_column("generation_id")
        rank: ColumnElement[float] = literal_column(f"bm25({FTS_TABLE})")
        return (
            select(generation_id.label("generation_id"), rank.label("rank"))
            .select_from(text(FTS_TABLE))
            .where(literal_column(FTS_TABLE).op("MATCH")(expression))
        )
    query = func.plainto_tsquery("english", " ".join(words))
    document: ColumnElement[Any] = literal_column(f"generations.{PG_SEARCH_COLUMN}")
    return select(
        Generation.id.label("generation_id"),
        (-func.ts_rank(document, query, LENGTH_NORMALIZATION)).label("rank"),
    ).where(document.op("@@")(query))


def matching_ids(dialect: str, words: list[str]) -> Select[str]:
    """Only the ids of the matches (a filter, no rank): for radio keyword filters."""
    subquery = match(dialect, words).subquery()
    return select(subquery.c.generation_id)


def ranked(query: Select[Generation], dialect: str, words: list[str]) -> Select[Generation]:
    """`query` restricted to the matches and ordered best first (then newest)."""
    found = match(dialect, words).subquery("found")
    rank: ColumnElement[float] = found.c.rank
    return query.join(found, found.c.generation_id == Generation.id).order_by(
        rank.asc(), Generation.created_at.desc()
    )
