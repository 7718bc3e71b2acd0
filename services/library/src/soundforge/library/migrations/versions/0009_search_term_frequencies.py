"""SQLite: per generation and term, what FTS5's bm25 reads of the generation for a one-term query.

bm25 of a one-term query depends on the generation through two numbers alone: how often the term
occurs in it (all columns weigh 1) and its length in tokens. `generations_fts_terms` keeps both per
(term, generation) in that order, with what a listing filters on, so a one-word search ranks a few
(frequency, length) classes instead of every match. The triggers tokenize each generation with the
FTS table's own tokenizer: they index it alone in `generations_fts_scratch` (contentless), read its
instances through fts5vocab, and empty the scratch table again. PostgreSQL: nothing (0008's
generation_search_terms).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of soundbox_search's names: a later change there must not rewrite this revision.
FTS_TABLE = "generations_fts"
TERMS = "generations_fts_terms"
SCRATCH = "generations_fts_scratch"
SCRATCH_TERMS = "generations_fts_scratch_terms"
TOKENIZER = "porter unicode61"  # generations_fts's
TRIGGERS = ("generations_fts_insert", "generations_fts_update", "generations_fts_delete")
ATTRIBUTES_TRIGGER = "generations_fts_terms_update"
COLUMNS = "term, frequency, length, created_at, search_rowid, private, user_id, model"


def _tokenized(prompt: str, categories: str, search_rowid: str, row: str) -> list[str]:
    """Statements that index (prompt, categories) alone and add its terms for `search_rowid`."""
    return [
        f"INSERT INTO {SCRATCH} (rowid, prompt, categories) VALUES (1, {prompt}, {categories});",
        f"""INSERT INTO {TERMS} ({COLUMNS})
        SELECT t.term, count(*), (SELECT count(*) FROM {SCRATCH_TERMS}),
               {row}.created_at, {search_rowid}, {row}.private, {row}.user_id, {row}.model
        FROM {SCRATCH_TERMS} t GROUP BY t.term;""",
        f"INSERT INTO {SCRATCH} ({SCRATCH}) VALUES ('delete-all');",
    ]


def _trigger(header: str, *statements: str) -> str:
    return f"CREATE TRIGGER {header} BEGIN\n" + "\n".join(statements) + "\nEND"


UPGRADE = [
    f"CREATE VIRTUAL TABLE {SCRATCH} USING fts5(prompt, categories, content='', tokenize = '{TOKENIZER}')",
    f"CREATE VIRTUAL TABLE {SCRATCH_TERMS} USING fts5vocab({SCRATCH}, 'instance')",
    # Clustered by what a one-word search reads: one term's (frequency, length) classes, each newest
    # last (read backwards).
    f"""CREATE TABLE {TERMS} (
        term TEXT NOT NULL,
        frequency INTEGER NOT NULL,
        length INTEGER NOT NULL,
        created_at DATETIME NOT NULL,
        search_rowid INTEGER NOT NULL,
        private BOOLEAN NOT NULL,
        user_id VARCHAR(64) NOT NULL,
        model VARCHAR(16) NOT NULL,
        PRIMARY KEY (term, frequency, length, created_at, search_rowid)
    ) WITHOUT ROWID""",
    # Existing generations, from one scan of the FTS index's instances.
    f"CREATE VIRTUAL TABLE temp.{FTS_TABLE}_instances USING fts5vocab(main, {FTS_TABLE}, 'instance')",
    f"""CREATE TEMP TABLE {TERMS}_counts AS
        SELECT doc, term, count(*) AS frequency FROM temp.{FTS_TABLE}_instances GROUP BY doc, term""",
    f"""CREATE TEMP TABLE {TERMS}_lengths AS
        SELECT doc, sum(frequency) AS length FROM temp.{TERMS}_counts GROUP BY doc""",
    f"""INSERT INTO {TERMS} ({COLUMNS})
        SELECT c.term, c.frequency, l.length, g.created_at, g.search_rowid, g.private, g.user_id, g.model
        FROM temp.{TERMS}_counts c
        JOIN temp.{TERMS}_lengths l ON l.doc = c.doc
        JOIN generations g ON g.search_rowid = c.doc""",
    f"DROP TABLE temp.{TERMS}_counts",
    f"DROP TABLE temp.{TERMS}_lengths",
    f"DROP TABLE temp.{FTS_TABLE}_instances",
    f"CREATE INDEX ix_{TERMS}_search_rowid ON {TERMS} (search_rowid)",
    *(f"DROP TRIGGER {trigger}" for trigger in TRIGGERS),
    # 0008's triggers, each keeping the terms too. The next search_rowid is the largest in use + 1.
    _trigger(
        "generations_fts_insert AFTER INSERT ON generations",
        "UPDATE generations SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM generations)",
        "WHERE rowid = new.rowid;",
        f"INSERT INTO {FTS_TABLE} (rowid, prompt, categories)",
        "SELECT search_rowid, prompt, categories FROM generations WHERE rowid = new.rowid;",
        *_tokenized(
            "new.prompt",
            "new.categories",
            "(SELECT search_rowid FROM generations WHERE rowid = new.rowid)",
            "new",
        ),
    ),
    _trigger(
        "generations_fts_update AFTER UPDATE OF prompt, categories ON generations",
        f"DELETE FROM {FTS_TABLE} WHERE rowid = old.search_rowid;",
        f"INSERT INTO {FTS_TABLE} (rowid, prompt, categories)",
        "VALUES (old.search_rowid, new.prompt, new.categories);",
        f"DELETE FROM {TERMS} WHERE search_rowid = old.search_rowid;",
        *_tokenized("new.prompt", "new.categories", "old.search_rowid", "new"),
    ),
    _trigger(
        f"{ATTRIBUTES_TRIGGER} AFTER UPDATE OF created_at, private, user_id, model ON generations",
        f"UPDATE {TERMS} SET created_at = new.created_at, private = new.private, user_id = new.user_id,",
        "model = new.model WHERE search_rowid = old.search_rowid;",
    ),
    _trigger(
        "generations_fts_delete AFTER DELETE ON generations",
        f"DELETE FROM {FTS_TABLE} WHERE rowid = old.search_rowid;",
        f"DELETE FROM {TERMS} WHERE search_rowid = old.search_rowid;",
    ),
]

# 0008's triggers, for the downgrade.
DOWNGRADE = [
    *(f"DROP TRIGGER {trigger}" for trigger in (*TRIGGERS, ATTRIBUTES_TRIGGER)),
    f"DROP TABLE {TERMS}",
    f"DROP TABLE {SCRATCH_TERMS}",
    f"DROP TABLE {SCRATCH}",
    _trigger(
        "generations_fts_insert AFTER INSERT ON generations",
        "UPDATE generations SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM generations)",
        "WHERE rowid = new.rowid;",
        f"INSERT INTO {FTS_TABLE} (rowid, prompt, categories)",
        "SELECT search_rowid, prompt, categories FROM generations WHERE rowid = new.rowid;",
    ),
    _trigger(
        "generations_fts_update AFTER UPDATE OF prompt, categories ON generations",
        f"DELETE FROM {FTS_TABLE} WHERE rowid = old.search_rowid;",
        f"INSERT INTO {FTS_TABLE} (rowid, prompt, categories)",
        "VALUES (old.search_rowid, new.prompt, new.categories);",
    ),
    _trigger(
        "generations_fts_delete AFTER DELETE ON generations",
        f"DELETE FROM {FTS_TABLE} WHERE rowid = old.search_rowid;",
    ),
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DOWNGRADE:
            op.execute(statement)
