"""Search on SQLite: FTS5 bm25, from the FTS index and per-term frequency classes, never row by row.

`generations_fts` (prompt, categories; porter stemming) has the generation's `search_rowid` as its
rowid, and `generations_fts_terms` holds, per generation and term, the two numbers bm25 reads of
a generation for a one-term query: the term's frequency in it and its length in tokens. A one-word
search therefore ranks the few (frequency, length) classes of its term, by the bm25 of one
generation of each, and reads its page from them, newest first within a rank. A search of several
words ranks every match with bm25 over the FTS index alone and joins only the page's rows. Both
exclude what the viewer may not see before ranking, and count the matches as they rank them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    Select,
    String,
    Text,
    and_,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from soundforge.db.types import UTCDateTime
from soundforge.library.soundbox_models import Generation
from soundforge.library.soundbox_search_scope import Ranked, Scope, ranked_with_total

FTS_TABLE = "generations_fts"
SCRATCH = "generations_fts_scratch"  # contentless, same tokenizer: tokenizes one text at a time
# A keyword filter of at most this many matches drives the query from them; more, and the
# listing's own index is walked, testing each row against the matches.
FEW_MATCHES = 2000
# Words already tokenized (tokenizing is fixed by migration 0009): word -> its one term, or None.
TERM_CACHE_SIZE = 4096

_fts = table(FTS_TABLE, column("rowid", Integer))
_search_rowid: ColumnElement[int] = literal_column("generations.search_rowid", Integer)
_scratch_terms = table(f"{SCRATCH}_terms", column("term", Text))  # fts5vocab instances
_fts_terms = table(
    "generations_fts_terms",
    column("term", Text),
    column("frequency", Integer),
    column("length", Integer),
    column("created_at", UTCDateTime),
    column("search_rowid", Integer),
    column("private", Boolean),
    column("user_id", String),
    column("model", String),
)
_terms_of_words: dict[str, str | None] = {}


class SqliteSearch:
    def __init__(self, words: list[str]) -> None:
        self._words = words
        # Each word quoted: FTS5 syntax in the query ("NEAR", "-", "*") is never interpreted.
        self._expression = " ".join('"' + word.replace('"', '""') + '"' for word in words)

    def _match(self) -> ColumnElement[bool]:
        return literal_column(FTS_TABLE).op("MATCH")(self._expression)

    async def ranked(self, session: AsyncSession, scope: Scope, limit: int, offset: int) -> Ranked:
        term = await self._term(session) if scope.category is None else None
        if term is not None:
            by_classes = await self._ranked_classes(session, term, scope, limit, offset)
            if by_classes is not None:
                return by_classes
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
        return await ranked_with_total(session, query)

    async def count(self, session: AsyncSession, scope: Scope) -> int:
        found = self._scoped(scope, ranked=False)
        return int(await session.scalar(select(func.count()).select_from(found)) or 0)

    async def condition(self, session: AsyncSession) -> ColumnElement[bool]:
        """Rows whose search_rowid is a match: driven by the matches when they are few."""
        rowids = select(_fts.c.rowid).where(self._match())
        matches = await session.scalar(select(func.count()).select_from(rowids.subquery()))
        if (matches or 0) <= FEW_MATCHES:
            return _search_rowid.in_(rowids)
        # The unary + keeps SQLite from looking every match up by search_rowid: it walks the
        # listing's index (shuffle key, votes, date) and tests each row against the match list.
        return literal_column("+generations.search_rowid", Integer).in_(rowids)

    # ---- every match ranked ----

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
            .where(self._match(), _fts.c.rowid.not_in(hidden.correlate(None)))
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

    # ---- one term: its (frequency, length) classes ----

    async def _term(self, session: AsyncSession) -> str | None:
        """The FTS term of a one-word query; None for several words or a word of several tokens.

        Tokenized once per word as the triggers tokenize generations: in the scratch table, emptied
        again at once (SQLite sessions hold the write lock from their first statement).
        """
        if len(self._words) != 1:
            return None
        word = self._words[0]
        if word not in _terms_of_words:
            await session.execute(
                text(f"INSERT INTO {SCRATCH} (rowid, prompt) VALUES (1, :word)"), {"word": word}
            )
            try:
                tokens = (await session.scalars(select(_scratch_terms.c.term))).all()
            finally:
                await session.execute(text(f"INSERT INTO {SCRATCH} ({SCRATCH}) VALUES ('delete-all')"))
            if len(_terms_of_words) >= TERM_CACHE_SIZE:
                _terms_of_words.clear()
            _terms_of_words[word] = str(tokens[0]) if len(tokens) == 1 else None
        return _terms_of_words[word]

    async def _ranked_classes(
        self, session: AsyncSession, term: str, scope: Scope, limit: int, offset: int
    ) -> Ranked | None:
        """A one-term page: bm25 reads nothing of a generation but the term's frequency and the
        generation's length, so one generation of each class ranks the whole class.
        None if the FTS index lacks a class's sample (then every match is ranked)."""
        classes = (await session.execute(self._classes(term, scope))).all()
        if any(c.rank is None for c in classes):
            return None
        ranks: dict[float, list[tuple[int, int]]] = {}
        for c in classes:
            ranks.setdefault(c.rank, []).append((c.frequency, c.length))
        sizes = {(c.frequency, c.length): c.size for c in classes}
        slices: list[Select[Any]] = []  # the ranks the page reaches into, newest first in each
        start = 0  # position of the rank's first generation
        for rank in sorted(ranks):  # lower bm25 is better
            size = sum(sizes[pair] for pair in ranks[rank])
            skip, end = max(offset - start, 0), min(offset + limit - start, size)
            if skip < end:
                slices.append(self._slice(term, scope, ranks[rank], skip, end - skip, len(slices)))
            start += size
            if start >= offset + limit:
                break
        total = sum(sizes.values())
        if not slices:
            return Ranked([], total)
        picked = union_all(*slices).subquery("picked")
        query = select(Generation, picked.c.part).join(picked, _search_rowid == picked.c.search_rowid)
        rows = sorted(
            (await session.execute(query)).all(), key=lambda r: (r[1], -r[0].created_at.timestamp())
        )
        return Ranked([row[0] for row in rows], total)

    def _classes(self, term: str, scope: Scope) -> Select[Any]:
        """(frequency, length, size, bm25) of each class of the term the viewer may see; bm25 is
        NULL if the FTS index lacks the class's sample."""
        pair = (_fts_terms.c.frequency, _fts_terms.c.length)
        classes = (
            select(*pair, func.count().label("size"), func.min(_fts_terms.c.search_rowid).label("sample"))
            .where(_fts_terms.c.term == term, *scope.on_terms(_fts_terms))
            .group_by(*pair)
            .cte("classes")
            .prefix_with("MATERIALIZED")
        )
        scored = (
            select(_fts.c.rowid, func.bm25(literal_column(FTS_TABLE)).label("rank"))
            # + : one pass over the term's matches, not an FTS lookup per sample.
            .where(self._match(), literal_column(f"+{FTS_TABLE}.rowid").in_(select(classes.c.sample)))
            .cte("scored")
            .prefix_with("MATERIALIZED")
        )
        return (
            select(classes.c.frequency, classes.c.length, classes.c.size, scored.c.rank)
            .select_from(classes)
            .outerjoin(scored, scored.c.rowid == classes.c.sample)
        )

    def _slice(
        self, term: str, scope: Scope, classes: list[tuple[int, int]], skip: int, take: int, part: int
    ) -> Select[Any]:
        """`take` generations of one rank (its classes), newest first after `skip`, as `part`."""
        return (
            select(_fts_terms.c.search_rowid, literal(part).label("part"))
            .where(
                _fts_terms.c.term == term,
                *scope.on_terms(_fts_terms),
                # Equalities, not a row-value IN: SQLite then reads each class in date order.
                or_(*(and_(_fts_terms.c.frequency == f, _fts_terms.c.length == n) for f, n in classes)),
            )
            .order_by(_fts_terms.c.created_at.desc())
            .limit(take)
            .offset(skip)
            .subquery()
            .select()
        )
