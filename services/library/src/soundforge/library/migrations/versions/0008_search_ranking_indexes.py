"""Search ranks without reading every match's row: SQLite FTS rows keyed by an integer of the
generation, PostgreSQL one-lexeme ranks kept in an index.

SQLite: `generations.search_rowid` is the rowid of the generation's `generations_fts` row (assigned
by the insert trigger), so ranking reads only the FTS index and joins the page's rows by an integer;
the updates and deletes of the triggers find the FTS row by rowid instead of scanning the table.
PostgreSQL: `generation_search_terms` holds, per generation and lexeme of its search vector, the
ts_rank of the one-lexeme query, kept by a trigger and indexed by (lexeme, rank, created_at).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of soundbox_search's names: a later change there must not rewrite this revision.
FTS_TABLE = "generations_fts"
SEARCH_ROWID = "search_rowid"
TERMS_TABLE = "generation_search_terms"
TERMS_FUNCTION = "generation_search_terms_sync"
FTS_TRIGGERS = ("generations_fts_insert", "generations_fts_update", "generations_fts_delete")

SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(prompt, categories, tokenize = 'porter unicode61')",
    f"INSERT INTO {FTS_TABLE} (rowid, prompt, categories) "
    f"SELECT {SEARCH_ROWID}, prompt, categories FROM generations",
    # The next integer after the largest in use: never one a live FTS row holds (a VACUUM may renumber
    # the table's own rowids, so they are not used).
    f"""CREATE TRIGGER generations_fts_insert AFTER INSERT ON generations BEGIN
        UPDATE generations SET {SEARCH_ROWID} = (SELECT coalesce(max({SEARCH_ROWID}), 0) + 1 FROM generations)
        WHERE rowid = new.rowid;
        INSERT INTO {FTS_TABLE} (rowid, prompt, categories)
        SELECT {SEARCH_ROWID}, prompt, categories FROM generations WHERE rowid = new.rowid;
    END""",
    f"""CREATE TRIGGER generations_fts_update AFTER UPDATE OF prompt, categories ON generations BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.{SEARCH_ROWID};
        INSERT INTO {FTS_TABLE} (rowid, prompt, categories)
        VALUES (old.{SEARCH_ROWID}, new.prompt, new.categories);
    END""",
    f"""CREATE TRIGGER generations_fts_delete AFTER DELETE ON generations BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.{SEARCH_ROWID};
    END""",
]

# 0004's layout, for the downgrade.
SQLITE_FTS_0004 = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "generation_id UNINDEXED, prompt, categories, tokenize = 'porter unicode61')",
    f"INSERT INTO {FTS_TABLE} (generation_id, prompt, categories) "
    "SELECT id, prompt, categories FROM generations",
    f"""CREATE TRIGGER generations_fts_insert AFTER INSERT ON generations BEGIN
        INSERT INTO {FTS_TABLE} (generation_id, prompt, categories)
        VALUES (new.id, new.prompt, new.categories);
    END""",
    f"""CREATE TRIGGER generations_fts_update AFTER UPDATE OF prompt, categories ON generations BEGIN
        DELETE FROM {FTS_TABLE} WHERE generation_id = old.id;
        INSERT INTO {FTS_TABLE} (generation_id, prompt, categories)
        VALUES (new.id, new.prompt, new.categories);
    END""",
    f"""CREATE TRIGGER generations_fts_delete AFTER DELETE ON generations BEGIN
        DELETE FROM {FTS_TABLE} WHERE generation_id = old.id;
    END""",
]

# The lexeme as a tsquery of that one lexeme, built without parsing it again (a stem is not always
# its own stem): quoted, with tsquery's escapes for quotes and backslashes.
LEXEME_QUERY = "('''' || replace(replace(t.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery"
# The rank soundbox_search reads for a one-lexeme search: ts_rank with its length normalisation.
TERM_ROWS = (
    f"t.lexeme, {{g}}.id, ts_rank({{g}}.search_vector, {LEXEME_QUERY}, 1), "
    "{g}.created_at, {g}.private, {g}.user_id, {g}.model"
)
TERM_COLUMNS = "lexeme, generation_id, rank, created_at, private, user_id, model"

POSTGRES_TERMS = [
    f"""CREATE TABLE {TERMS_TABLE} (
        lexeme text NOT NULL,
        generation_id varchar(36) NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
        rank real NOT NULL,
        created_at timestamptz NOT NULL,
        private boolean NOT NULL,
        user_id varchar(64) NOT NULL,
        model varchar(16) NOT NULL,
        CONSTRAINT pk_{TERMS_TABLE} PRIMARY KEY (generation_id, lexeme)
    )""",
    f"INSERT INTO {TERMS_TABLE} ({TERM_COLUMNS}) "
    f"SELECT {TERM_ROWS.format(g='g')} FROM generations g, unnest(g.search_vector) t",
    # A search page walks one lexeme's entries best first; visibility and model are read from the
    # index too, so a count is one index range.
    f"CREATE INDEX ix_{TERMS_TABLE}_rank ON {TERMS_TABLE} (lexeme, rank DESC, created_at DESC) "
    "INCLUDE (generation_id, private, user_id, model)",
    f"""CREATE FUNCTION {TERMS_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            DELETE FROM {TERMS_TABLE} WHERE generation_id = OLD.id;
        END IF;
        INSERT INTO {TERMS_TABLE} ({TERM_COLUMNS})
        SELECT {TERM_ROWS.format(g="NEW")} FROM unnest(NEW.search_vector) t;
        RETURN NULL;
    END
    $$""",
    f"""CREATE TRIGGER {TERMS_FUNCTION}
        AFTER INSERT OR UPDATE OF prompt, categories, created_at, private, user_id, model ON generations
        FOR EACH ROW EXECUTE FUNCTION {TERMS_FUNCTION}()""",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for statement in POSTGRES_TERMS:
            op.execute(statement)
        return
    op.add_column("generations", sa.Column(SEARCH_ROWID, sa.Integer(), nullable=True))
    op.execute(f"UPDATE generations SET {SEARCH_ROWID} = rowid")
    op.create_index("ix_generations_search_rowid", "generations", [SEARCH_ROWID], unique=True)
    # What a viewer may not see (others' private generations): partial, so no listing of public
    # generations ever takes it for an index on `private`.
    op.create_index(
        "ix_generations_search_private",
        "generations",
        ["private", "user_id", SEARCH_ROWID],
        sqlite_where=sa.text("private IS 1"),
    )
    for trigger in FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE {FTS_TABLE}")
    for statement in SQLITE_FTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {TERMS_FUNCTION} ON generations")
        op.execute(f"DROP FUNCTION IF EXISTS {TERMS_FUNCTION}()")
        op.execute(f"DROP TABLE IF EXISTS {TERMS_TABLE}")
        return
    for trigger in FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    op.drop_index("ix_generations_search_private", table_name="generations")
    op.drop_index("ix_generations_search_rowid", table_name="generations")
    op.drop_column("generations", SEARCH_ROWID)
    for statement in SQLITE_FTS_0004:
        op.execute(statement)
