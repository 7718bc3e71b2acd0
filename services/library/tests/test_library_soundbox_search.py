"""Ranked search and keyword filters of the community library (soundbox_search), on SQLite and PostgreSQL.

Ties of rank across page boundaries, totals, the index kept in step with edits and deletes, both
ways SQLite applies a keyword filter, and migration 0008 over generations that existed before it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import delete, text, update

from soundforge.db import make_engine, make_sessionmaker, migrate, upgrade_to_head
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library import soundbox_search_postgres, soundbox_search_sqlite
from soundforge.library.app import MIGRATIONS
from soundforge.library.soundbox_catalog import Catalog, LibraryQuery
from soundforge.library.soundbox_models import Generation
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.testing.soundbox_library import generation_rows, insert_generations

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
MUSIC = payloads_pb2.GENERATION_MODEL_MUSIC
BEFORE_SEARCH_INDEXES = "0007"
NOW = datetime.now(UTC)


def token() -> str:
    """A word no other test's prompts contain (letters only: one token to every tokenizer)."""
    return "zz" + "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:10])


def rows(*overrides: dict[str, Any]) -> list[dict[str, Any]]:
    made = generation_rows(len(overrides), seed=uuid.uuid4().int % 10**9)
    for row, override in zip(made, overrides, strict=True):
        row.update(upvotes=0, downvotes=0, net_votes=0, wilson_lower=0.0, private=False, categories=[])
        row.update(override)
    return made


async def add(database_url: str, *overrides: dict[str, Any]) -> list[str]:
    made = rows(*overrides)
    await insert_generations(database_url, made)
    return [row["id"] for row in made]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded(database_url: str, library: object) -> int:
    """A library of a few thousand generations: the seeded words match hundreds each."""
    await insert_generations(database_url, generation_rows(3000, seed=11))
    return 3000


async def listing(stub: Stub, **fields: Any) -> pb.ListGenerationsResponse:
    reply: pb.ListGenerationsResponse = await stub.ListGenerations(pb.ListGenerationsRequest(**fields))
    return reply


async def radio(stub: Stub, mode: int, **fields: Any) -> list[pb.Generation]:
    reply = await stub.Radio(pb.RadioRequest(mode=mode, **fields))  # type: ignore[arg-type]
    return list(reply.tracks)


async def test_equal_ranks_page_newest_first_whatever_the_page_boundary(
    stub: Stub, database_url: str
) -> None:
    word, creator = token(), f"creator-{token()}"
    best, *tied = await add(
        database_url,
        {"prompt": f"{word} {word}", "created_at": NOW - timedelta(days=2)},
        *({"prompt": f"{word} alpha", "created_at": NOW - timedelta(minutes=i)} for i in range(25)),
    )
    worst, hidden = await add(
        database_url,
        {"prompt": f"{word} alpha beta gamma delta epsilon", "created_at": NOW + timedelta(minutes=1)},
        {
            "prompt": f"{word} alpha",
            "created_at": NOW - timedelta(minutes=30),
            "private": True,
            "user_id": creator,
        },
    )
    pages = [await listing(stub, search=word, per_page=7, page=n) for n in (1, 2, 3, 4, 5)]
    assert [(p.total, p.pages) for p in pages] == [(27, 4)] * 5
    assert [g.id for p in pages for g in p.items] == [best, *tied, worst]  # tied: newest first
    mine = [
        g.id
        for n in (1, 2)
        for g in (await listing(stub, search=word, per_page=20, page=n, viewer_id=creator)).items
    ]
    assert mine == [best, *tied, hidden, worst]
    # Another order asked for: the same matches and total.
    recent = await listing(stub, search=word, per_page=100, sort=pb.LIBRARY_SORT_RECENT)
    assert recent.total == 27 and [g.id for g in recent.items] == [worst, *tied, best]


async def test_filtered_search_counts_only_what_the_filters_keep(stub: Stub, database_url: str) -> None:
    word, creator = token(), f"creator-{token()}"
    music, audio, theirs = await add(
        database_url,
        {"prompt": f"{word} one", "model": "music", "categories": ["piano"]},
        {"prompt": f"{word} two", "model": "audio", "categories": ["rain"]},
        {"prompt": f"{word} {word} three", "model": "music", "user_id": creator},
    )
    by_model = await listing(stub, search=word, model=MUSIC)
    assert (by_model.total, [g.id for g in by_model.items]) == (2, [theirs, music])
    assert [g.id for g in (await listing(stub, search=word, category="rain")).items] == [audio]
    assert [g.id for g in (await listing(stub, search=word, user_id=creator)).items] == [theirs]
    assert (await listing(stub, search=f"{word} three", model=MUSIC, user_id=creator)).total == 1


async def test_a_page_and_its_total_see_the_same_generations(
    stub: Stub, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("a SQLite listing holds the write lock: nothing commits between its page and total")
    word = token()
    count = soundbox_search_postgres.PostgresSearch.count

    async def count_after_a_commit(self: soundbox_search_postgres.PostgresSearch, *args: Any) -> int:
        await add(database_url, {"prompt": word})  # a generation completes between page and count
        return await count(self, *args)

    monkeypatch.setattr(soundbox_search_postgres.PostgresSearch, "count", count_after_a_commit)
    racing = await listing(stub, search=word)
    monkeypatch.undo()
    settled = await listing(stub, search=word)
    assert [(p.total, len(p.items)) for p in (racing, settled)] == [(0, 0), (1, 1)]


async def test_the_index_follows_edits_and_deletes(stub: Stub, database_url: str) -> None:
    word, tag, creator = token(), token(), f"creator-{token()}"
    kept, edited, deleted, hidden = await add(
        database_url,
        {"prompt": f"{word} stays forever", "created_at": NOW - timedelta(hours=1)},
        {"prompt": f"{word} changes", "categories": [tag], "created_at": NOW - timedelta(hours=2)},
        {"prompt": f"{word} goes"},
        {"prompt": f"{word} hides quietly", "user_id": creator, "created_at": NOW - timedelta(hours=3)},
    )
    assert (await listing(stub, search=tag)).total == 1
    engine = make_engine(database_url)
    try:
        async with engine.begin() as connection:
            edit = update(Generation).where(Generation.id == edited)
            await connection.execute(edit.values(categories=["orchestral"], created_at=NOW))
            await connection.execute(update(Generation).where(Generation.id == hidden).values(private=True))
            await connection.execute(delete(Generation).where(Generation.id == deleted))
    finally:
        await engine.dispose()
    assert (await listing(stub, search=tag)).total == 0
    assert [g.id for g in (await listing(stub, search=f"{word} orchestral")).items] == [edited]
    assert [g.id for g in (await listing(stub, search=word)).items] == [edited, kept]  # equal rank: newest
    assert [g.id for g in (await listing(stub, search=word, viewer_id=creator)).items] == [
        edited,
        kept,
        hidden,
    ]


async def test_one_word_pages_equal_ranking_every_match(
    stub: Stub, seeded: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One-word searches read precomputed ranks (PostgreSQL) or rank classes (SQLite); ranking
    # every match with the database's own function must give the same pages and totals.
    queries: list[dict[str, Any]] = [
        {"search": "piano"},
        {"search": "Rain", "page": 3},
        {"search": "pianos", "model": MUSIC, "per_page": 50},
        {"search": "warm", "viewer_id": "creator-11-3", "page": 2},
    ]
    fast = [await listing(stub, **q) for q in queries]

    async def every_match(*_: object) -> None:
        return None

    resolve = soundbox_search_postgres.PostgresSearch.resolve.__func__  # type: ignore[attr-defined]

    async def several_lexemes(cls: type, session: object, words: list[str]) -> object:
        found = await resolve(cls, session, words)
        found._lexemes = found._lexemes * 2  # the same query, ranked by ts_rank over every match
        return found

    monkeypatch.setattr(soundbox_search_sqlite.SqliteSearch, "_ranked_classes", every_match)
    monkeypatch.setattr(soundbox_search_postgres.PostgresSearch, "resolve", classmethod(several_lexemes))
    slow = [await listing(stub, **q) for q in queries]
    assert [(p.total, [g.id for g in p.items]) for p in fast] == [
        (p.total, [g.id for g in p.items]) for p in slow
    ]
    assert all(p.total > 100 and len(p.items) > 0 for p in fast)


async def test_a_word_the_tokenizer_splits_is_still_found(stub: Stub, database_url: str) -> None:
    first, second = token(), token()
    (gid,) = await add(database_url, {"prompt": f"{first}_{second} loop"})
    found = await listing(stub, search=f"{first}_{second}")  # one word, two FTS terms
    assert (found.total, [g.id for g in found.items]) == (1, [gid])


@pytest.mark.parametrize(
    "few_matches", [soundbox_search_sqlite.FEW_MATCHES, 0], ids=["by-matches", "by-index"]
)
async def test_keyword_radio_picks_only_matches(
    stub: Stub, seeded: int, few_matches: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite starts from the matches when they are few, else walks the radio's own index.
    monkeypatch.setattr(soundbox_search_sqlite, "FEW_MATCHES", few_matches)
    shuffled = await radio(stub, pb.RADIO_MODE_SHUFFLE, search="piano", count=20, model=MUSIC)
    assert len(shuffled) == 20 and len({t.id for t in shuffled}) == 20
    assert all("piano" in t.prompt or "piano" in t.categories for t in shuffled)
    top = await radio(stub, pb.RADIO_MODE_TOP_RATED, search="rain", count=10)
    assert all("rain" in t.prompt or "rain" in t.categories for t in top)
    assert [t.upvotes - t.downvotes for t in top] == sorted(
        (t.upvotes - t.downvotes for t in top), reverse=True
    )
    popular = await listing(stub, search="rain", sort=pb.LIBRARY_SORT_POPULAR, per_page=50)
    assert popular.total == (await listing(stub, search="rain")).total
    assert [g.upvotes for g in popular.items] == sorted((g.upvotes for g in popular.items), reverse=True)


# ---- migration 0008 over an existing library ----


async def search_ids(url: str, search: str) -> tuple[int, list[str]]:
    engine = make_engine(url)
    try:
        page = await Catalog(make_sessionmaker(engine), engine.dialect.name).list_page(
            LibraryQuery(search=search)
        )
    finally:
        await engine.dispose()
    return page.total, [g.id for g in page.items]


async def test_generations_from_before_the_migration_are_ranked_after_it(unmigrated_url: str) -> None:
    word = token()
    await migrate(unmigrated_url, MIGRATIONS, BEFORE_SEARCH_INDEXES)
    old = rows(
        {"prompt": f"soft {word} over rain", "created_at": NOW - timedelta(hours=1)},
        {"prompt": f"{word} {word} storm", "created_at": NOW - timedelta(hours=2)},  # best
        {"prompt": f"{word} hidden", "private": True},
    )
    await insert_generations(unmigrated_url, old)
    await upgrade_to_head(unmigrated_url, MIGRATIONS)
    (new,) = await add(unmigrated_url, {"prompt": f"{word} rain storm"})
    assert await search_ids(unmigrated_url, word) == (3, [old[1]["id"], new, old[0]["id"]])
    assert await search_ids(unmigrated_url, f"{word} rain") == (2, [new, old[0]["id"]])

    await migrate(unmigrated_url, MIGRATIONS, BEFORE_SEARCH_INDEXES, down=True)
    engine = make_engine(unmigrated_url)
    try:
        async with engine.connect() as connection:
            if engine.dialect.name == "sqlite":  # 0004's FTS table again, holding every generation
                found = f"SELECT count(*) FROM generations_fts WHERE generations_fts MATCH '{word}'"
            else:
                found = (
                    "SELECT count(*) FROM generations "
                    f"WHERE search_vector @@ plainto_tsquery('english', '{word}')"
                )
            assert await connection.scalar(text(found)) == 4
    finally:
        await engine.dispose()
    await upgrade_to_head(unmigrated_url, MIGRATIONS)
    assert (await search_ids(unmigrated_url, word))[0] == 3
