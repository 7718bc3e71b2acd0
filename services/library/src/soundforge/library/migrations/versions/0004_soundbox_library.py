"""The Sound Box community library: search (SQLite FTS5 / PostgreSQL full text), vote-derived sort
keys, a radio shuffle key, radio plays and client error reports.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMESTAMP = sa.DateTime(timezone=True)

# Frozen copies of soundbox_search's names: a later change there must not rewrite this revision.
FTS_TABLE = "generations_fts"
PG_SEARCH_INDEX = "ix_generations_search"
PG_SEARCH_COLUMN = "search_vector"
PG_DOCUMENT = "to_tsvector('english', prompt || ' ' || categories::text)"

SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "generation_id UNINDEXED, prompt, categories, tokenize = 'porter unicode61')",
    f"INSERT INTO {FTS_TABLE} (generation_id, prompt, categories) SELECT id, prompt, categories FROM generations",
    f"""CREATE TRIGGER generations_fts_insert AFTER INSERT ON generations BEGIN
        INSERT INTO {FTS_TABLE} (generation_id, prompt, categories) VALUES (new.id, new.prompt, new.categories);
    END""",
    f"""CREATE TRIGGER generations_fts_update AFTER UPDATE OF prompt, categories ON generations BEGIN
        DELETE FROM {FTS_TABLE} WHERE generation_id = old.id;
        INSERT INTO {FTS_TABLE} (generation_id, prompt, categories) VALUES (new.id, new.prompt, new.categories);
    END""",
    f"""CREATE TRIGGER generations_fts_delete AFTER DELETE ON generations BEGIN
        DELETE FROM {FTS_TABLE} WHERE generation_id = old.id;
    END""",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("generations", sa.Column("net_votes", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("generations", sa.Column("wilson_lower", sa.Float(), nullable=False, server_default="0"))
    op.add_column("generations", sa.Column("shuffle_key", sa.Float(), nullable=False, server_default="0"))
    op.execute("UPDATE generations SET net_votes = upvotes - downvotes")
    # Rows from before this revision: wilson_lower is recomputed at their next vote; a uniform key now.
    random = "(abs(random()) % 1000000000) / 1000000000.0" if sqlite else "random()"
    op.execute(f"UPDATE generations SET shuffle_key = {random}")
    op.create_index("ix_generations_wilson_lower", "generations", ["wilson_lower", "created_at"])
    op.create_index("ix_generations_upvotes", "generations", ["upvotes", "created_at"])
    op.create_index("ix_generations_net_votes", "generations", ["net_votes", "created_at"])
    op.create_index("ix_generations_model_wilson_lower", "generations", ["model", "wilson_lower", "created_at"])
    op.create_index("ix_generations_model_upvotes", "generations", ["model", "upvotes", "created_at"])
    op.create_index("ix_generations_shuffle_key", "generations", ["shuffle_key"])
    if sqlite:
        for statement in SQLITE_FTS:
            op.execute(statement)
    else:
        # Stored, so ranking reads each match's vector instead of parsing its prompt again.
        op.execute(
            f"ALTER TABLE generations ADD COLUMN {PG_SEARCH_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({PG_DOCUMENT}) STORED"
        )
        op.execute(f"CREATE INDEX {PG_SEARCH_INDEX} ON generations USING gin ({PG_SEARCH_COLUMN})")

    op.create_table(
        "radio_plays",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("generation_id", sa.String(length=36), nullable=False),
        sa.Column("played_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["generation_id"],
            ["generations.id"],
            name=op.f("fk_radio_plays_generation_id_generations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_radio_plays")),
    )
    op.create_index("ix_radio_plays_user_id_played_at", "radio_plays", ["user_id", "played_at"])
    op.create_table(
        "client_errors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("stack", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("user_agent", sa.Text(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_errors")),
    )
    op.create_index("ix_client_errors_user_id", "client_errors", ["user_id"])
    op.create_index("ix_client_errors_created_at", "client_errors", ["created_at"])


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_table("client_errors")
    op.drop_table("radio_plays")
    if sqlite:
        for trigger in ("generations_fts_insert", "generations_fts_update", "generations_fts_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    else:
        op.execute(f"DROP INDEX IF EXISTS {PG_SEARCH_INDEX}")
        op.execute(f"ALTER TABLE generations DROP COLUMN IF EXISTS {PG_SEARCH_COLUMN}")
    for index in ("model_upvotes", "model_wilson_lower", "shuffle_key", "net_votes", "upvotes", "wilson_lower"):
        op.drop_index(f"ix_generations_{index}", table_name="generations")
    with op.batch_alter_table("generations") as batch:
        for column in ("shuffle_key", "wilson_lower", "net_votes"):
            batch.drop_column(column)
